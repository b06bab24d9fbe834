"""What planning makes: each output page (where it goes, how it is drawn, what it is made of), and
the memo a preview keeps of the pages it planned."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

from ..model import Essay, newest_first
from .views import Link


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, how it is drawn, and what it is made of."""

    url: str
    template: str
    lang: str
    context: Callable[[], dict] = field(hash=False, compare=False)
    alternates: tuple[Link, ...] = ()
    in_sitemap: bool = True
    sources: tuple[str, ...] = ()  # content files whose text this page shows
    shape: str = ""  # its place among other pages: neighbours, page number, members
    scope: str = ""  # whose listings its navigation links to: "" for the site's root, else a language


@dataclass
class PlanMemo:
    """Pages planned by the last build, by the very objects they were planned from.

    A preview keeps one between saves: its validation hands back the same Essay and Comment
    objects for every post an edit did not touch, so their pages need not be planned again.
    Pages are reused only while site.yml's settings are equal and every object is the same.
    """

    config: object = None
    last: dict = field(default_factory=dict)
    this: dict = field(default_factory=dict)

    def start(self, config) -> None:
        self.last, self.this = (self.this if config == self.config else {}), {}
        self.config = config

    def archive(self, essays: tuple[Essay, ...]) -> list[tuple]:
        """(order, essay, comment) for every comment, sorted; after an edit, only the edited
        essays' comments are taken out and put back in their places, not all sorted again."""
        known = self.last.get("archive")
        if known is None:
            entries = sorted(_archive_entries(essays))
        else:
            was, entries = known
            changed = {essay.slug for essay in essays if was.get(essay.slug) is not essay} | (was.keys() - {
                essay.slug for essay in essays})
            entries = [entry for entry in entries if entry[1].slug not in changed]
            for essay in essays:
                if essay.slug in changed:
                    for entry in _archive_entries([essay]):
                        bisect.insort(entries, entry)
        self.this["archive"] = ({essay.slug: essay for essay in essays}, entries)
        return entries

    def pages(self, key: tuple, made_of: tuple, plan: Callable[[], list[Page]]) -> list[Page]:
        known = self.last.get(key)
        if known is None or len(known[0]) != len(made_of) or any(a is not b for a, b in zip(known[0], made_of)):
            known = (made_of, plan())
        self.this[key] = known
        return known[1]


def _archive_entries(essays) -> list[tuple]:
    """(order, essay, comment): newest first, undated last, ties by essay then id, so the order
    never wobbles; the order is unique, so entries compare by it alone."""
    return [(newest_first(c.date) + (e.slug, c.id), e, c) for e in essays for c in e.comments]
