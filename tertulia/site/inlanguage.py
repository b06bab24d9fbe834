"""Links between posts, kept in the reader's language on a one-language page.

A writer links to another essay as its folder sits beside this one's (`../other/`), which is the
side-by-side page. A reader of the English page who follows it expects the English one, as on a
multilingual Hugo or Sefaria site; the side-by-side page stays the target where the linked post has
no text in that language (the link then works as written). The same for a link to a listing: a
tag's page, the home, the comment archive.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urljoin, urlsplit

from . import routes
from .links import LINK
from ..model import Essay, Site, SitePage

# an address with a scheme, from the root, or within the page: not the post folder's
NOT_RELATIVE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|&|\?")
BASE = "https://site.invalid/"  # any origin: only the path a link reaches matters


def language_pages(site: Site, listings: list[str]) -> dict[str, dict[str, str]]:
    """For each language, every post's and page's side-by-side URL -> its page in that language, and
    each listing's (the home, a tag, the comment archive) -> the listing in that language, of those
    in `listings` (the languages' listings' URLs)."""
    pages: dict[str, dict[str, str]] = {}
    for url in listings:
        lang, _, root = url.partition("/")
        pages.setdefault(lang, {})[root] = url
    for essay in site.essays:
        for text in essay.texts:
            pages.setdefault(text.lang, {})[routes.essay(essay.slug)] = routes.single(text.lang, essay.slug)
    for site_page in site.pages:
        for text in site_page.texts:
            pages.setdefault(text.lang, {})[routes.page(site_page.slug)] = routes.page_single(text.lang, site_page.slug)
    return pages


def written_links(item: Essay | SitePage) -> frozenset[str]:
    """The relative link addresses its texts and its comments' write, as they stand in the HTML."""
    texts = list(item.texts) + [t for comment in getattr(item, "comments", ()) for t in comment.texts]
    return frozenset(address for text in texts for block in text.blocks if 'href="' in block
                     for address in LINK.findall(block) if not NOT_RELATIVE.match(address))


def moved_links(written: frozenset[str], folder: str, page_url: str, in_language: dict[str, str]) -> dict[str, str]:
    """Each written address that reaches a post or page having a text in the page's language, with
    the link to that text's page from `page_url`, and any other with `..` in it, with the link to where
    it leads; `folder` is the URL the addresses were written from."""
    moved = {}
    for address in sorted(written):
        path, hashed, fragment = address.partition("#")
        reached = unquote(urlsplit(urljoin(BASE + folder, html.unescape(path))).path)[1:]
        reached = reached.removesuffix("index.html")
        target = in_language.get(reached) or in_language.get(reached + "/")
        if target:
            moved[address] = routes.relative_url(page_url, target) + hashed + fragment
        elif "./" in path:  # `../../../posts/a/../b/` works, but reads as a mistake in the page's source
            moved[address] = routes.relative_url(page_url, reached) + hashed + fragment
    return moved


def feed_links(moved: dict[str, dict[str, str]], slug: str, base_url: str) -> dict[str, dict[str, str]]:
    """An essay's moved links (by language, as its one-language pages write them) as absolute addresses,
    for its entries in that language's feeds: a feed reader resolves a link against the feed, not
    against the essay's page."""
    return {lang: {address: urljoin(base_url + routes.single(lang, slug), target)
                   for address, target in links.items()}
            for lang, links in moved.items() if links}
