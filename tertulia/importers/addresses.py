"""A blog's old addresses, so that every one keeps working: each post's and page's `aliases` (its old
permalink, `?p=ID`), and the site's `redirects` (categories and tags to tag pages, feeds, author and
date archives)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..layout import POSTS
from ..reading.addresses import problem as reading_problem, split, under_own_file
from .wpbody import markdown_url

SAFE_PATH = re.compile(r"/[^\s\x00-\x1f\x7f#\\]*")  # site-relative, one line, no fragment
SEGMENT = re.compile(r"[^\s\x00-\x1f\x7f/?#\\]+")  # one segment of a path, as a slug is
DOT = {".", "%2e"}
DOT_DOT = {"..", ".%2e", "%2e.", "%2e%2e"}  # browsers read an encoded dot in a segment as a dot


# marks that turn the direction of the text after them (U+200E, U+200F, U+061C, U+202A–202E, U+2066–2069):
# in an address, what a reader sees is not what it is, and a folder of the site would be named with them
DIRECTION_MARK = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def problem(address: str, target: bool = False) -> str:
    """What the build would refuse in an old address (or `target`, a new one), or a direction mark in it,
    written or percent-encoded, which an import leaves out as well; "" when nothing is wrong."""
    return reading_problem(address, target) or (
        "holds a direction mark" if directed(address) else "")


def directed(text: str) -> bool:
    """Whether `text` (an address or a link) holds a direction mark, written or percent-encoded."""
    return bool(DIRECTION_MARK.search(text) or DIRECTION_MARK.search(unquote(text, errors="replace")))


def site_path(link: str, blog: str) -> str:
    """`link` as an address relative to the blog's root (`/2012/09/10/slug/`, `/?p=5`), or "" when it
    is not one of the blog's own; its dot segments resolved, as a browser asking for it would."""
    try:
        old, root = urlsplit(link.strip()), urlsplit(blog.strip())
    except ValueError:
        return ""
    if old.scheme not in ("http", "https") or not old.hostname or not same_host(old.hostname, root.hostname):
        return ""
    prefix = root.path.rstrip("/")
    resolved = without_dot_segments(old.path or "/")
    if not (resolved == prefix or resolved.startswith(prefix + "/")):
        return ""
    path = re.sub(r"//+", "/", resolved[len(prefix):] or "/")  # WordPress serves `//greek/` as `/greek/`
    path += f"?{old.query}" if old.query else ""
    return path if SAFE_PATH.fullmatch(path) and ".." not in path.split("?")[0].split("/") else ""


def same_host(host: str, blog_host: str | None) -> bool:
    """Whether `host` is the blog's, with or without `www.`: WordPress answered at both, and readers and
    the blog's own posts linked either (Disqus's threads are matched so too)."""
    return bool(blog_host) and host.removeprefix("www.") == blog_host.removeprefix("www.")


def without_dot_segments(path: str) -> str:
    """An absolute path with its `.` and `..` segments resolved (RFC 3986, 5.2.4); none climbs above `/`."""
    segments = path.split("/")[1:]
    kept: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment.lower() in DOT_DOT:
            if kept:
                kept.pop()
        elif segment.lower() not in DOT:
            kept.append(segment)
            continue
        if last:
            kept.append("")  # `/a/b/..` is `/a/`: still a folder
    return "/" + "/".join(kept)


def same_address(address: str) -> str:
    """The form in which two spellings of one site-relative address are equal: its path percent-decoded
    (`/%CE%B5/`, `/%ce%b5/` and `/ε/` are one), its query as written."""
    path, mark, query = address.partition("?")
    return unquote(path, errors="surrogateescape") + mark + query


def aliases(link: str, blog: str, post_id: str, is_page: bool, new_url: str) -> list[str]:
    """The old addresses of a post or page: its permalink, then `/?p=ID` (`/?page_id=ID` for a page)."""
    found = [site_path(link, blog)]
    if re.fullmatch(r"[0-9]{1,20}", post_id):
        found.append(f"/?{'page_id' if is_page else 'p'}={post_id}")
    return [alias for alias in dict.fromkeys(found) if alias and alias != new_url]


def renamed(link: str, blog: str, name: str, old_slugs: tuple[str, ...], new_url: str) -> list[str]:
    """A post's permalink under each slug it had before (WordPress's `_wp_old_slug`: it still answered
    there, sending the reader on), its slug now being `name`; none for a permalink that does not hold
    the slug (a plain `/?p=ID` one) or an old slug that is not one segment."""
    path = site_path(link, blog)
    segments = path.split("/")
    at = [i for i, segment in enumerate(segments) if name and same_address(segment) == same_address(name)]
    if "?" in path or not at:
        return []
    found = []
    for slug in old_slugs:
        if SEGMENT.fullmatch(slug) and same_address(slug).strip("."):
            found.append("/".join(segments[:at[-1]] + [slug] + segments[at[-1] + 1:]))
    return [alias for alias in dict.fromkeys(found) if alias not in (path, new_url)]


def term_redirects(domain: str, nicename: str, key: str, parents: dict[str, str] | None = None,
                   term_id: str = "") -> dict[str, str]:
    """A category's or tag's old archive to its tag page; a nested category's at its own path too
    (`/category/parent/child/`, where WordPress serves it), as written in the export (percent-encoded);
    and its plain address (`/?cat=ID`, `/?tag=slug`), which a blog without pretty permalinks linked."""
    base = {"category": "/category/", "post_tag": "/tag/"}[domain]
    found = {}
    for path in dict.fromkeys([nicename, category_path(nicename, parents or {}) if domain == "category" else ""]):
        address = f"{base}{path}/"
        if path and SAFE_PATH.fullmatch(address) and ".." not in path.split("/"):
            found[address] = f"/tags/{key}/"
    plain = plain_term_address(domain, nicename, term_id)
    if plain:
        found[plain] = f"/tags/{key}/"
    return found


def plain_term_address(domain: str, nicename: str, term_id: str) -> str:
    """Where WordPress serves a term's archive without pretty permalinks: `/?cat=ID`, `/?tag=slug`; or ""."""
    if domain == "category":
        return f"/?cat={term_id}" if term_id.isascii() and term_id.isdigit() else ""
    return f"/?tag={nicename}" if SEGMENT.fullmatch(nicename) and "&" not in nicename and "=" not in nicename else ""


def category_path(nicename: str, parents: dict[str, str]) -> str:
    """`parent/child` for a nested category (its ancestors from the export's categories), "" when one
    of them is not a plain name; a loop in the export ends the walk."""
    names, seen = [nicename], {nicename}
    while (parent := parents.get(names[0], "")) and parent not in seen and len(names) < 20:
        names.insert(0, parent)
        seen.add(parent)
    return "/".join(names) if all(name and "/" not in name for name in names) else ""


def feed_redirect(link: str, blog: str, new_url: str, is_page: bool, post_id: str = "") -> dict[str, str]:
    """A post's or page's own WordPress comment feed, where WordPress linked it: `/<permalink>/feed/`, or
    for a plain permalink (`/?p=ID`) `/?p=ID&feed=rss2`, which WordPress answers whatever its permalinks.
    A post's goes to its discussion feed; a page's, which has no thread (its comments are not imported)
    and so no feed, to the page itself."""
    old = site_path(link, blog)
    if not old or old == "/" or old.startswith(f"/{POSTS}/"):
        return {}  # under /posts/ the site serves its own pages
    target = new_url if is_page else f"{new_url}comments.xml"
    feeds = [feed_address(old)]
    if "?" not in old and re.fullmatch(r"[0-9]{1,20}", post_id):
        feeds.append(feed_address(f"/?{'page_id' if is_page else 'p'}={post_id}"))
    return {feed: target for feed in feeds if feed}


def feed_address(old: str) -> str:
    """Where WordPress served the comment feed of the post or page at `old` (a site path), or ""."""
    path, _, query = old.partition("?")
    if query:
        plain = re.fullmatch(r"(p|page_id)=[0-9]{1,20}", query) and path == "/"
        return f"{old}&feed=rss2" if plain else ""
    return old.rstrip("/") + "/feed/"


def static_files(content: Path | None) -> set[str]:
    """The site paths (decoded, case folded) of content/static/'s files (a blog's `/favicon.ico`): an old
    address can stand neither at nor under one."""
    static = content / "static" if content is not None else None
    if static is None or not static.is_dir() or static.is_symlink():
        return set()
    return {f"/{path.relative_to(static).as_posix()}".casefold() for path in static.rglob("*") if path.is_file()}


def site_file_above(old: str, static: set[str], languages: tuple[str, ...]) -> str:
    """The file the site serves that an old address lies under, as a folder would, or "": one of its own (the
    rule `check` applies, reading.addresses.under_own_file) or one of content/static/ (`static_files`)."""
    parts = split(old)[0].casefold().split("/")
    return under_own_file(old, languages) or next(
        (above for depth in range(2, len(parts)) if (above := "/".join(parts[:depth])) in static), "")


def archive_redirects(date: str, author: str) -> dict[str, str]:
    """A post's date archives and its author's archive, to the home page, which lists everything."""
    found = {}
    match = re.match(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", date)
    if match and match.group(1) != "0000":
        year, month, day = match.groups()
        found.update({f"/{year}/": "/", f"/{year}/{month}/": "/", f"/{year}/{month}/{day}/": "/"})
    if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", author):
        found[f"/author/{author}/"] = "/"
    return found


# an absolute link, a protocol-relative one (`//blog.example/?p=5`) or a root-relative one
LINK_TARGET = re.compile(r"""(\]\(|href=")(https?://[^\s)"'<>]+|//[^\s)"'<>/\\][^\s)"'<>]*|/(?![/\\])[^\s)"'<>]*)""")


def relinked(text: str, page_url: str, blog: str, moved: dict[str, str]) -> str:
    """Links in `text` (on the page at `page_url`) to the blog's own posts, pages, tags and archives,
    pointed at their new pages (`moved`: old address, as `same_address` gives it -> new URL), relative so
    they hold under any path; a link to an address the blog did not have stays as it was."""
    def new(match: re.Match) -> str:
        target, _, fragment = match.group(2).partition("#")
        url = _moved_to(site_path(_absolute(target, blog), blog), moved)
        if url is None:
            return match.group()
        return match.group(1) + ("../" * page_url.count("/") + url or "./") + (f"#{fragment}" if fragment else "")
    return LINK_TARGET.sub(new, text)


def _moved_to(old: str, moved: dict[str, str]) -> str | None:
    """The new URL of an old address (one without its final `/` too), None when it is not one of `moved`."""
    if not old:
        return None
    old = same_address(old)
    if old in moved:
        return moved[old]
    return moved.get(old + "/") if not old.endswith("/") and "?" not in old else None


def _absolute(target: str, blog: str) -> str:
    """A root-relative link (`/2012/09/10/slug/`) on the blog's own host, a protocol-relative one
    (`//blog.example/?p=5`) with the blog's scheme; any other as it is."""
    if not target.startswith("/"):
        return target
    try:
        root = urlsplit(blog.strip())
    except ValueError:
        return target
    if root.scheme not in ("http", "https") or not root.netloc:
        return target
    return f"{root.scheme}:{target}" if target.startswith("//") else f"{root.scheme}://{root.netloc}{target}"


def file_url(url: str) -> str:
    """An attachment's address as a link may carry it (http or https, what would end it in Markdown
    percent-encoded), or "" for any other: it is written into essays, which may hold raw HTML."""
    url = url.strip()
    return markdown_url(url) if re.match(r"https?://[^/\s]", url, re.IGNORECASE) else ""


def to_files(text: str, blog: str, files: dict[str, str]) -> str:
    """Links to attachment pages (`/2010/09/10/gallery/img_0767/`), which showed one file, to the file
    (`files`: old page, as `same_address` gives it -> the file's address)."""
    def new(match: re.Match) -> str:
        file = _moved_to(site_path(_absolute(match.group(2).partition("#")[0], blog), blog), files)
        return match.group(1) + file if file else match.group()
    return LINK_TARGET.sub(new, text) if files else text


UPLOADS = re.compile(r"""(\]\(|href="|src=")(/(?![/\\])(?:[^\s)"'<>]*/)?wp-content/uploads/[^\s)"'<>]+)""")


def uploads_on_blog(text: str, blog: str) -> str:
    """Root-relative references to the blog's uploads (`/wp-content/uploads/2014/05/boat.jpg`), which
    name nothing on the new site, as addresses on the blog's host: brought beside the post with
    --media, else still pointing at the file (and counted among what stays on the old host)."""
    return UPLOADS.sub(lambda match: match.group(1) + _absolute(match.group(2), blog), text)


FEEDS = {"/feed/": "/feed.xml", "/comments/feed/": "/comments/feed.xml"}
QUERY_FEEDS = {"/?feed=rss2": "/feed.xml", "/?feed=comments-rss2": "/comments/feed.xml"}  # plain permalinks
