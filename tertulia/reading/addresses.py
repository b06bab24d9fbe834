"""Old addresses (`aliases`, `redirects`): which are well-formed, and the path a site serves them at.

An address is site-relative (`/2012/09/10/slug/`, `/?p=123`), as a browser asks for it: possibly
percent-encoded, possibly with a query. A static host serves it from the file at its decoded path, so
that path must be a plain one inside the site, and its first segment not one the site uses itself.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from ..layout import ASSETS, COMMENTS, FEED, HOST_ROOT_FILES, PAGED, PAGEFIND, POSTS, ROOT_FILES, SEGMENTS, TAGS

MAX_LENGTH = 2000
NAME_MAX = 255  # bytes in a file or folder name, on the file systems a site is built and served from
UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\\\"<>`]")
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a browser sends it as it is; a host may refuse or decode it either way
# the site's own first segments but two: under posts/ and comments/, an old address may be one no page of the
# site has (a renamed post's folder, WordPress's /comments/feed/), which own_page tells from the site's own
OWN_FOLDERS = set(SEGMENTS) - {POSTS, COMMENTS}
OWN_FILES = {*ROOT_FILES, *HOST_ROOT_FILES}
# A site is often built on a disk that ignores letter case (macOS's, Windows's), where `About/index.html`
# is the file `about/index.html`: old addresses are compared with the site's own, and with each other,
# with their paths' case folded, so that one never overwrites another there.
OWN_FILES_FOLDED = {name.casefold() for name in OWN_FILES}


def problem(address, target: bool = False) -> str:
    """What is wrong with an old address (or with `target`, a new one), or "" when nothing is."""
    if not isinstance(address, str) or not address:
        return "must be a site-relative address such as `/2012/09/10/old-slug/`"
    if len(address) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    if target and re.match(r"[a-z][a-z0-9+.-]*:|//", address, re.IGNORECASE):
        return (f"`{address[:80]}` is not on this site: a redirect leads to one of its pages, such as `/about/` "
                "(a link to another site belongs in a page or the menu)")
    if not address.startswith("/") or address.startswith("//"):
        return f"`{address[:80]}` must start with one `/`: a site-relative address such as `/2012/09/10/old-slug/`"
    raw, query = _parts(address)
    path = unquote(raw, errors="replace")
    if BAD_ESCAPE.search(raw):
        return f"`{address[:80]}` holds a `%` not followed by two hexadecimal digits; a percent sign is `%25`"
    if "\ufffd" in path and "\ufffd" not in raw:  # what unquote put where bytes did not decode
        return f"`{address[:80]}` percent-encodes bytes that are not UTF-8 text, which no file can be named by"
    if UNSAFE.search(address) or "#" in (address if not target else path + query):
        return f"`{address[:80]}` holds a space, a control character, a quote or a fragment"
    if UNSAFE.search(path.replace(" ", "")):  # `%20`, a space in an old address, is a folder's name as any other
        return f"`{address[:80]}` holds, percent-encoded, a control character, a quote or a backslash"
    if any(part in (".", "..") for part in path.split("/")):
        return f"`{address[:80]}` holds a `.` or `..` segment"
    if "//" in path:  # a folder with no name: no file answers it, and the build could not write one
        return f"`{address[:80]}` holds an empty segment (`//`, percent-encoded or not), which no folder can be named by"
    if any(len(part.encode("utf-8", "replace")) > NAME_MAX for part in path.split("/")):
        return f"`{address[:80]}` has a segment over {NAME_MAX} bytes, longer than a file or folder name can be"
    if not target and not query and path == "/":
        return "`/` is the home page, not an old address"
    return ""


def _parts(address: str) -> tuple[str, str]:
    """(path as written, query) of an address; a fragment is dropped."""
    raw, _, query = address.split("#", 1)[0].partition("?")
    return raw, query


def split(address: str) -> tuple[str, str]:
    """(decoded path, query) of an address; a fragment is dropped."""
    raw, query = _parts(address)
    return unquote(raw, errors="replace"), query


def page_url(path: str) -> str:
    """The URL (as routes gives them, no leading `/`) of the page that answers a decoded path: the
    one a static host serves from the same file (`/about`, `/about/` and `/about/index.html`)."""
    url = path.lstrip("/")
    if url == "index.html" or url.endswith("/index.html"):
        return url[:-len("index.html")]
    if url == "" or url.endswith("/") or url.endswith((".html", ".htm")):
        return url
    return url + "/"  # `/about` is served from about/index.html (the host adds the slash)


def served_at(address: str) -> tuple[str, str]:
    """(the page URL, the query) an old address is answered at: two addresses alike here are one."""
    path, query = split(address)
    return page_url(path), query


def written_at(address: str) -> tuple[str, str]:
    """served_at, its path folded (see folded): two addresses alike here are one file on some disks."""
    url, query = served_at(address)
    return folded(url), query


def folded(path: str) -> str:
    """A path, its letter case folded and its accents composed (NFC): two paths alike here are one file on
    some disks (macOS's ignores both differences)."""
    return unicodedata.normalize("NFC", path).casefold()


def under_files(olds) -> dict[str, str]:
    """Each old address that lies under another one served from a file (`/post.html/feed/` under
    `/post.html`), with that other one: a static host cannot hold a file and a folder of one name."""
    files: dict[str, str] = {}
    for old in olds:
        url, query = written_at(old)
        if url and not query and not url.endswith("/"):
            files.setdefault(url, old)
    found = {}
    for old in olds:
        parts = written_at(old)[0].split("/")
        above = next((files["/".join(parts[:depth])] for depth in range(1, len(parts))
                      if "/".join(parts[:depth]) in files), "")
        if above:
            found[old] = above
    return found


def own_page(address: str, languages: tuple[str, ...], slugs: set[str], pages: set[str] = frozenset(),
             tags: set[str] | None = None) -> bool:
    """Whether a site serves a page of its own where `address` points. A query alias (`/?p=123`,
    `/about/?page_id=2`) on one of its HTML pages is not: a static host serves that page whatever the
    query, and a small script on it sends the reader on. `tags`, when known, the site's tag keys as
    `compared` makes them: a tag's old address (`/tags/old-name/`, a tag renamed) is then no page of the
    site's own."""
    path, query = split(address)
    if query:
        name = path.rsplit("/", 1)[-1]  # a file that is not a page (a feed, an asset) runs no script
        return name in OWN_FILES or name.endswith(".xml") or _first(path, languages) in (ASSETS, PAGEFIND)
    url = page_url(path).strip("/").casefold()
    parts = url.split("/") if url else []
    if parts and parts[0] in {code.casefold() for code in languages}:
        parts = parts[1:]
    if not parts:
        return True
    first = parts[0]
    if first == TAGS and tags is not None and len(parts) > 1:
        return compared(parts[1]) in tags
    if first in OWN_FOLDERS or "/".join(parts) in OWN_FILES_FOLDED or first.startswith(".") or (
            len(parts) == 1 and first in pages):
        return True
    if first == COMMENTS:
        return len(parts) == 1 or parts[1] in (PAGED, FEED)
    return first == POSTS and len(parts) > 1 and parts[1] in slugs


def compared(segment: str) -> str:
    """A path segment as old addresses are compared with the site's own: composed, its case folded."""
    return unicodedata.normalize("NFC", segment).casefold()


def under_own_file(address: str, languages: tuple[str, ...]) -> str:
    """The file of the site's own (`/sitemap.xml`, a language's `/es/feed.xml`, a home's `/index.html`) that an
    old address lies under (`/sitemap.xml/feed/`), as a site path, or "": its redirect would need that file
    to be a folder."""
    parts = [part for part in split(address)[0].casefold().split("/") if part]
    at = 1 if parts and parts[0] in {code.casefold() for code in languages} else 0
    if len(parts) > at + 1 and (parts[at] in OWN_FILES_FOLDED or parts[at] == "index.html"):
        return "/" + "/".join(parts[:at + 1])
    return ""


def _first(path: str, languages: tuple[str, ...]) -> str:
    """The first segment of a decoded path that is not a language's."""
    parts = [part for part in path.split("/") if part]
    return (parts[1] if len(parts) > 1 else "") if parts and parts[0] in languages else (parts[0] if parts else "")
