"""Every URL of the site, relative to base_url: the one place that lays them out, from the names
layout.py declares."""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import layout
from ..layout import ASSETS, COMMENTS, FEED, PAGED, POSTS, SEARCH, TAGS

NEEDS_ENCODING = re.compile(r"[^A-Za-z0-9/._~-]")  # only a tag key in another script brings such a sign


def home(page: int = 1, lang: str = "") -> str:
    """The home page; with `lang`, the listing in that language (`/<lang>/`)."""
    return _paged(_in(lang), page)


def _in(lang: str) -> str:
    """The folder of a language's listings: the site's root for the main listings."""
    return f"{lang}/" if lang else ""


def essay(slug: str) -> str:
    """The side-by-side page: original beside its main_language translation."""
    return f"{POSTS}/{slug}/"


def essay_with(slug: str, lang: str) -> str:
    """The side-by-side page with another translation chosen (an addition to the contract)."""
    return f"{POSTS}/{slug}/with-{lang}/"


def single(lang: str, slug: str) -> str:
    return f"{lang}/{POSTS}/{slug}/"


def page(slug: str) -> str:
    """A page of content/pages/ side by side, at the site's root like the contract's other first segments."""
    return f"{slug}/"


def page_with(slug: str, lang: str) -> str:
    """A page side by side with another translation chosen, as an essay's (an addition to the contract)."""
    return f"{slug}/with-{lang}/"


def page_single(lang: str, slug: str) -> str:
    """A page in one language only."""
    return f"{lang}/{slug}/"


def comment(slug: str, comment_id: str) -> str:
    return comment_on(essay(slug), comment_id)


def comment_on(page: str, comment_id: str) -> str:
    """A comment where it stands on one of its essay's pages."""
    return f"{page}#comment-{comment_id}"


def tags(lang: str = "") -> str:
    return f"{_in(lang)}{TAGS}/"


def tag(key: str, page: int = 1, lang: str = "") -> str:
    return _paged(f"{_in(lang)}{TAGS}/{key}/", page)


def comments(page: int = 1, lang: str = "") -> str:
    return _paged(f"{_in(lang)}{COMMENTS}/", page)


def search(lang: str = "") -> str:
    return f"{_in(lang)}{SEARCH}/"


SEARCH_SCRIPT = f"{ASSETS}/search.js"
PAGEFIND = f"{layout.PAGEFIND}/pagefind.js"  # the index's script, as templates ask for it


def feed(lang: str = "") -> str:
    return f"{_in(lang)}{FEED}"


def comments_feed(lang: str = "") -> str:
    return f"{_in(lang)}{COMMENTS}/{FEED}"


def discussion_feed(slug: str, lang: str = "") -> str:
    """One essay's discussion as a feed: beside its side-by-side page, or its page in `lang`."""
    return f"{_in(lang)}{POSTS}/{slug}/comments.xml"


def _paged(first: str, page: int) -> str:
    """Long listings go on at <listing>/page/<n>/; the first page keeps the listing's URL."""
    return first if page == 1 else f"{first}{PAGED}/{page}/"


SITEMAP = layout.SITEMAP
NOT_FOUND = layout.NOT_FOUND
STYLE = f"{ASSETS}/style.css"
SCRIPT = f"{ASSETS}/reader.js"
PROPOSE_SCRIPT = f"{ASSETS}/propose.js"
LISTING_SCRIPT = f"{ASSETS}/listing.js"  # "2 new" on cards, from what the reader saw (see reader.js)


def file_path(url: str) -> str:
    """Where a URL's file lives in output/: directories get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def answered(path: str, *made) -> bool:
    """Whether a site path (no leading `/`) is served by a file the build writes (`made`: their paths, in
    any number of collections): the file itself, or a folder's index.html, as a static host serves `/about`."""
    return any(name in files for files in made for name in (file_path(path), path + "/index.html"))


def split_fragment(url: str) -> tuple[str, str]:
    """(path, fragment): a fragment is an anchor's id, never with `/`; a `#` before a `/` is a tag key's."""
    target, _, fragment = url.partition("#")
    return (url, "") if "/" in fragment else (target, fragment)


def encoded(url: str) -> str:
    """A site path as a link carries it: percent-encoded as URLs are, with its fragment."""
    target, fragment = split_fragment(url)
    if NEEDS_ENCODING.search(target):
        target = quote(target, safe="/")
    return target + ("#" + fragment if fragment else "")


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page to another that works wherever the site is mounted, percent-encoded."""
    target, fragment = split_fragment(to_url)
    if target == from_url and fragment:
        return "#" + fragment
    # Pure string work, not posixpath.relpath: every page makes dozens of links, and relpath
    # asks the operating system for the working directory each time.
    here = from_url.split("/")[:-1]  # the folder a page's links start from
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    link = "../" * (len(here) - common) + "/".join(there[common:])
    if NEEDS_ENCODING.search(link):
        link = quote(link, safe="/")
    return (link or "./") + ("#" + fragment if fragment else "")


def folder_prefix(from_url: str, folder_url: str) -> str:
    """What to put before a link relative to `folder_url` so it works from `from_url`."""
    link = relative_url(from_url, folder_url)
    return "" if link == "./" else link
