"""Old addresses -> pages that send the reader on: one at every `aliases` path and `redirects` key, and
for query aliases (`/?p=123`) a small script on the page their path names (the home page for `/`).

A static host ignores a query, so `/?p=123` is served the home page: only a script there can tell
`?p=123` from `?p=124`. Every other old address gets a page of its own (immediate, fragment kept, with
a visible link, `rel=canonical` to the new address and `noindex`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import replace
from unicodedata import bidirectional
from urllib.parse import quote, unquote

from markupsafe import Markup

from . import routes
from .routes import file_path
from ..errors import DIRECTION_CONTROLS, ContentError
from ..model import Site
from ..reading import addresses
from ..reading.addresses import folded, served_at
from ..reading.names import renamed_from, tag_segment
from .pages import Kind, Page
from .views import default_translation, side_by_side_url


def redirect_pages(site: Site, pages: list[Page]) -> list[Page]:
    """`pages` with a redirect page for every old address, and their query scripts where they are served."""
    taken = {page.url: index for index, page in enumerate(pages)}
    targets, queries = _old_addresses(site, taken)
    result = list(pages)
    for url in sorted(targets.keys() | queries.keys()):
        target = targets.get(url, routes.home())
        if url in taken:  # a real page: only query aliases get here (validation refuses the rest)
            index = taken[url]
            searched = routes.relative_url(url, routes.search()) if site.search and url == routes.home() else ""
            script = _query_script(url, queries[url], "", searched)
            page = pages[index]
            result[index] = replace(page, shape=page.shape + script, make=_with_script,
                                    args=(page.make, page.args, script))
            continue
        link, address = target_link(url, target), target_link(url, target, site.config.base_url)
        go = _query_script(url, queries.get(url, {}), link)
        result.append(Page(url, Kind.REDIRECT, _language_of(target, site.config), _redirect,
                           (target, go, link, address), in_sitemap=False, shape=target + go))
    return result


def _language_of(target: str, config) -> str:
    """The language a redirect page speaks: its new page's, where that is one language's (`/fr/posts/x/`: a
    French post's old address, which French readers follow), else the main language."""
    first = target.strip("/").split("/", 1)[0]
    return first if first in config.language_codes else config.main_language


def _old_addresses(site: Site, taken) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(page URL -> new address) for plain old addresses, (page URL -> {query: new address}) for query ones.
    What the author wrote comes first; the renamed folders' other pages (see _renamed) fill in around it."""
    targets: dict[str, str] = {}
    queries: dict[str, dict[str, str]] = defaultdict(dict)
    old = [(redirect.old, redirect.new) for redirect in site.config.redirects]
    old += [(alias, routes.essay(essay.slug)) for essay in site.essays for alias in essay.aliases]
    old += [(alias, routes.page(page.slug)) for page in site.pages for alias in page.aliases]
    old += _tags_moved(site)
    # most sites have none: the site's every file is not folded for nothing
    if carried := _renamed(site) + _tag_in_each_language(site):
        # a file the site has already, in any letter case (one file on macOS's and Windows's disks), stays its own
        occupied = {folded(file_path(url)) for url in taken} | {folded(path) for path in site.static}
        occupied |= {_file_of(address) for address, _ in old}
        old += [(address, new) for address, new in carried if _file_of(address) not in occupied]
    for address, new in old:
        url, query = served_at(address)
        new = readable(new)  # `/tags/m%C4%9Bsto/` as a browser's bar copied it: encoded again, it led nowhere
        new = new.lstrip("/") if new.startswith("/") else new
        if query:
            queries[url].setdefault(query, new)
        else:
            targets.setdefault(url, new)
    final = {url: _final(target, targets) for url, target in targets.items()}
    return final, {url: {query: _final(target, targets) for query, target in asked.items()}
                   for url, asked in queries.items()}


def _tags_moved(site: Site) -> list[tuple[str, str]]:
    """(old address, new) for each page of a tag whose key holds `İ`: Unicode's default lower case gave it an
    i with a second dot above (`/tags/i̇stanbul/`) before the tag's address followed Turkish (`/tags/istanbul/`)."""
    moved = []
    for tag in site.tags:
        before = tag_segment(tag.written.replace("İ", "i\u0307"))[0] if "İ" in tag.written else ""  # as lowered then
        if before and before != tag.key:
            moved += [("/" + routes.tag(before, lang=lang), routes.tag(tag.key, lang=lang))
                      for lang in ("", *site.config.language_codes)]
    return moved


TAG_PAGE = re.compile(r"/?tags/([^/?#]+)/?")


def _tag_in_each_language(site: Site) -> list[tuple[str, str]]:
    """(old address, new) in each language for a redirect from one tag's page to another's (a tag renamed,
    `/tags/město/: /tags/velkoměsto/`): its pages in one language were linked too, and went nowhere (a writer's
    week), as an essay's alias carries its pages in each language (see _renamed)."""
    moved = []
    for redirect in site.config.redirects:
        if (old := TAG_PAGE.fullmatch(redirect.old)) and (new := TAG_PAGE.fullmatch(redirect.new)):
            moved += [("/" + routes.tag(readable(old.group(1)), lang=lang), routes.tag(readable(new.group(1)), lang=lang))
                      for lang in site.config.language_codes]
    return moved


def _file_of(address: str) -> str:
    """The file an old address is answered from, folded as a disk may fold it."""
    return folded(file_path(served_at(address)[0]))


def _renamed(site: Site) -> list[tuple[str, str]]:
    """(old address, new one) for every other page of an essay or page whose alias is the address its
    folder had (`/posts/old-slug/` on posts/new-slug/): its pages in one language and side by side with
    another translation were read and linked too, and follow it as a Hugo site's translations do."""
    moved = []
    for items, kind, single in ((site.essays, "posts", routes.single), (site.pages, "pages", routes.page_single)):
        for item in items:
            for alias in item.aliases:
                if (old := renamed_from(alias, kind)) in ("", item.slug):
                    continue
                was = replace(item, slug=old)
                moved += [("/" + single(text.lang, old), single(text.lang, item.slug)) for text in item.texts]
                default = default_translation(item, site.config.main_language, site.config.language_codes)
                moved += [("/" + side_by_side_url(was, text, default), side_by_side_url(item, text, default))
                          for text in item.translations if text is not default]
    return moved


def _final(target: str, targets: dict[str, str]) -> str:
    """Where a new address that is itself an old one leads in the end (`/old5/` → `/old/` → the post):
    a reader takes one hop, and `rel=canonical` names a page, never another redirect. The first
    fragment given is kept; validation refuses loops, and a loop met anyway ends where it closes."""
    seen = set()
    while True:
        path, fragment = routes.split_fragment(target)
        url, query = served_at("/" + path)
        if query or "?" in path or url in seen or url not in targets:
            return target
        seen.add(url)
        following = targets[url]
        target = following + ("#" + fragment if fragment and not routes.split_fragment(following)[1] else "")


def _query_script(url: str, queries: dict[str, str], otherwise: str, searched: str = "") -> str:
    """A script that sends a reader who came with one of `queries` on to its page, fragment kept; else
    to `otherwise` ("" to stay). A query matches when the reader's has each of its parameters; of those
    that match, the one naming most wins (`?p=5&feed=rss2` is the post's feed, not the post), then the first.
    With `searched` (the link to the search page, on the home page of a blog that answered `/?p=`), a
    query that matched none but asks `?s=words`, as WordPress's search did, takes the words there."""
    if not queries and not otherwise:
        return ""
    links = {query: target_link(url, target) for query, target in sorted(queries.items())}
    search = f"var w=s.get('s');if(!t&&w&&w.trim())t={_in_script(searched)}+'?q='+encodeURIComponent(w);" if searched else ""
    return ("(function(){var m=" + _in_script(links) + ",s=new URLSearchParams(location.search),t=" + _in_script(otherwise) + ",b=0;"
            "for(var k in m){var p=new URLSearchParams(k),all=true,c=0;"
            "p.forEach(function(v,n){c++;if(s.get(n)!==v)all=false});if(all&&c>b){t=m[k];b=c}}" + search +
            "if(t)location.replace(t.indexOf('#')<0?t+location.hash:t)})()")  # the new address's own fragment wins


def _in_script(value) -> str:
    """A value as a script literal inside `<script>`: JSON, ASCII, no `<` that could close the element."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")


def target_link(from_url: str, target: str, base_url: str = "") -> str:
    """A link from `from_url` (absolute, with `base_url`) to a new address, which may carry a query
    (`/posts/x/?view=stacked#p2`): its path percent-encoded as every link's, its query as written."""
    path, fragment = routes.split_fragment(target)
    path, mark, query = path.partition("?")
    link = base_url + routes.encoded(path) if base_url else routes.relative_url(from_url, path)
    if mark:
        link += "?" + quote(query, safe=QUERY_SIGNS)
    return link + ("#" + fragment if fragment else "")


QUERY_SIGNS = "=&;/?:@+,%$!*'()~"  # what a query holds as written: only spaces and other letters are encoded


ESCAPED_BEYOND_ASCII = re.compile(r"%[89A-Fa-f][0-9A-Fa-f]")
ESCAPED_ASCII = re.compile(r"%[0-7][0-9A-Fa-f]")


def _redirect(site: Site, interface, target: str, go: str, link: str, address: str) -> dict:
    # `target` is read by no template of the theme's; a site's own redirect.html may
    return {"target": target, "go": Markup(go), "link": link, "address": address, "shown": readable(address)}


def readable(address: str) -> str:
    """An address as a browser's bar shows it, `/tags/مدن/` not `/tags/%D9%85%D8%AF%D9%86/`. Only
    letters beyond ASCII are decoded, and only where they are plainly letters: an escaped `/`, space,
    control or direction mark stays escaped, for it would show a reader another address."""
    if not ESCAPED_BEYOND_ASCII.search(address) or ESCAPED_ASCII.search(address):
        return address
    try:
        shown = unquote(address, errors="strict")
    except UnicodeDecodeError:
        return address
    if any(c.isspace() or not c.isprintable() or bidirectional(c) in DIRECTION_CONTROLS for c in shown):
        return address
    return shown


def _with_script(site: Site, interface, make, args: tuple, script: str) -> dict:
    """A page's own context, and the script that sends on a reader who came with an old query."""
    return {**make(site, interface, *args), "query_aliases": Markup(script)}


def unreached_addresses(site: Site, *made) -> list[ContentError]:
    """A warning for each redirect and menu link whose site-relative address is no file of the site (a
    typo, a page since renamed, a tag no essay has): its readers would get the not-found page. `made`:
    the paths of every file the build writes, in any number of collections."""
    def nowhere(address: str) -> bool:
        return not routes.answered(addresses.split(address)[0].lstrip("/"), *made)

    warnings = [ContentError(redirect.path, redirect.line, (
                    f"redirect `{redirect.old[:80]}` leads to `{redirect.new[:80]}`, which is no page of this "
                    "site: its readers would find the page-not-found page"))
                for redirect in site.config.redirects if nowhere(redirect.new)]
    warnings += [ContentError(entry.path, entry.line, (
                     f"menu entry `{entry.url[:80]}` is no page of this site: its readers would find the "
                     "page-not-found page"))
                 for entry in site.config.menu if entry.url.startswith("/") and nowhere(entry.url)]
    return warnings
