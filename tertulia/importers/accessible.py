"""Imported HTML made to pass what every built page must (the Nu checker, axe): a WordPress post may
skip heading levels and leave an image without a text alternative, which the checkers count as errors.

It runs on sanitized HTML (nh3 writes every tag alike, attributes in double quotes), before the
conversion to Markdown. It adds no word the blog did not hold: a linked image's name is its file's.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit

from .shortcodes import IMAGE

HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
ALT = re.compile(r'\salt="([^"]*)"', re.IGNORECASE)
SOURCE = re.compile(r'\ssrc="([^"]*)"', re.IGNORECASE)
LINKED_IMAGE = re.compile(r"(<a\b[^>]*>\s*)(<img\b[^>]*>)(?=\s*</a>)", re.IGNORECASE)
DEEPEST = 6


def accessible(fragment: str) -> str:
    """`fragment` with headings that never skip a level and images that all have a text alternative."""
    return with_alternatives(even_headings(fragment))


def even_headings(fragment: str) -> str:
    """Headings from level 2 down, one level at a time: the page's title is its level 1. The levels
    keep their order of rank (the blog's highest becomes 2), and none goes more than one below the one
    before it."""
    levels = [int(m.group(2)) for m in HEADING_TAG.finditer(fragment) if not m.group(1)]
    if not levels:
        return fragment
    ranks = {level: rank for rank, level in enumerate(sorted(set(levels)), 2)}
    wanted, previous = [], 1
    for level in levels:
        previous = min(ranks[level], previous + 1, DEEPEST)
        wanted.append(previous)
    if wanted == levels:
        return fragment
    opened = iter(wanted)
    current = [0]  # headings do not nest: a closing tag closes the last one opened

    def renumbered(match: re.Match) -> str:
        if not match.group(1):
            current[0] = next(opened)
        return f"<{match.group(1)}h{current[0]}"
    return HEADING_TAG.sub(renumbered, fragment)


def with_alternatives(fragment: str) -> str:
    """An image that is a link's only content is named by its file (else the link has no name); any
    other image without `alt` gets an empty one, as Markdown's `![](…)` does: the caption or the
    words around it say what it shows."""
    if "<img" not in fragment.lower():
        return fragment
    fragment = LINKED_IMAGE.sub(lambda m: m.group(1) + _named_by_file(m.group(2)), fragment)
    return IMAGE.sub(lambda m: m.group() if ALT.search(m.group()) else m.group()[:4] + ' alt=""' + m.group()[4:],
                     fragment)


def _named_by_file(image: str) -> str:
    alt = ALT.search(image)
    if alt and alt.group(1).strip():
        return image
    source = SOURCE.search(image)
    name = posixpath.basename(unquote(urlsplit(html.unescape(source.group(1))).path)) if source else ""
    if not name:
        return image
    named = f' alt="{html.escape(name)}"'
    return image[:alt.start()] + named + image[alt.end():] if alt else image[:4] + named + image[4:]
