"""Links in essays, pages and comments that lead to no file of the site, for `check`.

A post's folder renamed, a page deleted, an imported link to an old slug: the build cannot know
what a writer meant, but it knows every file it writes, so it can say which links lead nowhere
(as Hugo's and MkDocs' link checks do). Only addresses inside the site are judged: relative ones,
from the page that shows the text, and those from the site's root.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

from . import routes
from ..errors import ContentError
from ..model import Site, Text
from ..reading import addresses

LINK = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"')  # images missing beside a post are validation's to say
ELSEWHERE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|\?|$")  # another site, a mail, this page


def broken_links(site: Site, content: Path, *made) -> list[ContentError]:
    """A warning for each link of a text whose address inside the site is no file the build writes.
    `made`: the paths of every file the build writes, in any number of collections."""
    base_path, warnings = site.config.base_path, []
    for essay in site.essays:
        folder = "/" + routes.essay(essay.slug)  # a comment's relative link is read on its essay's page
        for text in list(essay.texts) + [text for comment in essay.comments for text in comment.texts]:
            warnings += _said(text, folder, base_path, made, content)
    for page in site.pages:
        for text in page.texts:
            warnings += _said(text, "/" + routes.page(page.slug), base_path, made, content)
    return warnings


def _said(text: Text, folder: str, base_path: str, made, content: Path) -> list[ContentError]:
    """The warnings for one text's links, each named once, at the line that writes it."""
    said: dict[str, ContentError] = {}
    lines: list[str] | None = None  # the file's, read once and only when a link leads nowhere
    for block in text.blocks:
        for found in LINK.findall(block):
            address = html.unescape(found).strip()
            if address in said or ELSEWHERE.match(address):
                continue
            path = _site_path(address, folder, base_path)
            if path is None or routes.answered(path, *made):
                continue
            lines = content_lines(text.path, content) if lines is None else lines
            written, line = _written(address, base_path, lines)
            said[address] = ContentError(text.path, line, (
                f"link to `{written[:80]}` leads to no page or file of this site (a post renamed or "
                "deleted?): its readers would find the page-not-found page"))
    return list(said.values())


def _from_root(path: str, base_path: str) -> str | None:
    """A path written with the site's sub-path (`/blog/about/`, `/blog`) as the path from the site's root
    (`/about/`, `/`); None when it does not start with it."""
    if base_path == "/" or not path.startswith("/") or not (path + "/").startswith(base_path):
        return None
    return path[len(base_path) - 1:] or "/"


def _site_path(address: str, folder: str, base_path: str) -> str | None:
    """The site path (no leading `/`) an address inside the site names; None when it climbs out of it."""
    path, _ = addresses.split(address.partition("#")[0])
    path = _from_root(path, base_path) or path  # written with the sub-path already: the build keeps it as it is
    resolved = urljoin(folder, path) if not path.startswith("/") else path
    return resolved.lstrip("/") if resolved.startswith("/") else None


def content_lines(shown: str, content: Path) -> list[str]:
    """A content file's lines, by its path as errors show it (`content/posts/…`); none when unreadable."""
    try:
        return (content / shown.split("/", 1)[1]).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, IndexError):
        return []


def _written(address: str, base_path: str, lines: list[str]) -> tuple[str, int]:
    """The address as the file writes it, and the first line that does (0 when it is written otherwise,
    escaped): a link from the site's root carries the site's sub-path once read (`/blog/about/`)."""
    for form in (address, _from_root(address, base_path)):  # the second: `/about/`, as most writers write it
        line = next((number for number, text in enumerate(lines, 1) if form and form in text), 0)
        if line:
            return form, line
    return address, 0
