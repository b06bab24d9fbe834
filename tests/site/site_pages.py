"""Reading built pages as a browser would: links, languages of text, elements by id."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from helpers import VOID, close_element


@dataclass
class Page:
    """What a page holds: its links, and every run of text with the language it is in."""

    links: list[str] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (language, text)
    ids: list[str] = field(default_factory=list)
    scripts: list[dict] = field(default_factory=list)
    attributes: list[tuple[str, dict]] = field(default_factory=list)

    def lang_of(self, phrase: str) -> set[str]:
        """The languages in which `phrase` appears on the page."""
        return {lang for lang, text in self.texts if phrase in text}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.page.attributes.append((tag, attributes))
        for name in ("href", "src"):
            if attributes.get(name) is not None and tag != "link" or (tag == "link" and name == "href"
                                                                        and attributes.get("rel") in ("stylesheet", "icon")):
                if attributes.get(name):
                    self.page.links.append(attributes[name])
        if tag == "form" and attributes.get("action"):  # a search box leads to its page, as a link would
            self.page.links.append(attributes["action"])
        if "id" in attributes:
            self.page.ids.append(attributes["id"])
        if tag == "script":
            self.page.scripts.append(attributes)
        if tag not in VOID:
            lang = attributes.get("lang", self.stack[-1][1] if self.stack else "")
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        close_element(self.stack, tag)

    def handle_data(self, data):
        if data.strip() and self.stack and self.stack[-1][0] not in ("script", "style"):
            self.page.texts.append((self.stack[-1][1], " ".join(data.split())))


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def url_of(root: Path, path: Path) -> str:
    """The URL (relative to base_url) that serves a file."""
    relative = path.relative_to(root).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def resolve(root: Path, page_url: str, link: str, base_path: str) -> Path | None:
    """The file a link on a page leads to, or None for links that leave the site."""
    target = link.split("#")[0].split("?")[0]
    if link.startswith(("http://", "https://", "mailto:", "data:")) or target == "" and link.startswith("#"):
        return None
    if target.startswith("/"):
        assert target.startswith(base_path), f"{link} escapes the base path {base_path}"
        relative = target[len(base_path):]
    else:
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), target or "."))
        relative = "" if relative == "." else relative
        assert not relative.startswith(".."), f"{link} on {page_url} leaves the site"
    path = root / relative
    return path / "index.html" if path.is_dir() or target.endswith("/") or target in ("", ".") else path
