"""What planning makes: each output page, what kind of page it is, where it goes, and what it is made of.

A page holds no closure: its context is made when it is drawn, by `make(site, interface, *args)`
from the site and interface of that very build, so a page can never show an older build's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from .views import Link


class Kind(str, Enum):
    """What a page is; templates and listings ask this, never a template's file name."""

    ESSAY = "essay"  # side by side
    SINGLE = "single"  # an essay in one language
    PAGE = "page"  # a page of content/pages/, side by side
    PAGE_SINGLE = "page_single"
    HOME = "home"
    TAGS = "tags"
    TAG = "tag"
    COMMENTS = "comments"
    SEARCH = "search"
    FEED = "feed"
    SITEMAP = "sitemap"
    NOT_FOUND = "404"
    REDIRECT = "redirect"

    @property
    def template(self) -> str:
        return {Kind.FEED: "feed.xml", Kind.SITEMAP: "sitemap.xml"}.get(self, f"{self.value}.html")

    @property
    def shows_text(self) -> bool:
        """An essay or a page, read in passages."""
        return self in (Kind.ESSAY, Kind.SINGLE, Kind.PAGE, Kind.PAGE_SINGLE)

    @property
    def has_discussion(self) -> bool:
        return self in (Kind.ESSAY, Kind.SINGLE)

    @property
    def lists_tags(self) -> bool:
        return self in (Kind.TAGS, Kind.TAG)


def no_context(site, interface) -> dict:
    """A page whose template needs nothing besides what every page is given."""
    return {}


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, what it is, and what it is made of."""

    url: str
    kind: Kind
    lang: str
    make: Callable[..., dict] = field(default=no_context, hash=False, compare=False)  # (site, interface, *args)
    args: tuple = field(default=(), hash=False, compare=False)
    alternates: tuple[Link, ...] = ()
    in_sitemap: bool = True
    sources: tuple[str, ...] = ()  # content files whose text this page shows
    shape: str = ""  # its place among other pages: neighbours, page number, members
    scope: str = ""  # whose listings its navigation links to: "" for the site's root, else a language

    @property
    def template(self) -> str:
        return self.kind.template

    def context(self, site, interface) -> dict:
        """The template's context, made now from this build's site and interface."""
        return self.make(site, interface, *self.args)
