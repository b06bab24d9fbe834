"""Text direction, on a site with a right-to-left language: every element carrying a `lang` gets
its `dir`, so Arabic or Hebrew reads right to left (its punctuation, lists and quotes on the right)
and an English side or word inside it left to right.

Done on the drawn page rather than in each template: every `lang` a template, a site's own
override, the interface's words or an author's HTML writes gets the matching `dir` with nothing to
remember, and a site whose languages all run left to right (most) pays nothing and keeps its bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..site.ui import direction

# A start tag with a `lang` attribute. In text and code `<` is always escaped, so every `<` followed
# by a letter opens a real element; attribute values never hold a raw `<` or `>` either.
TAG_WITH_LANG = re.compile(r'<[a-zA-Z][a-zA-Z0-9-]*\s[^<>]*?(?<=\s)lang="([^"<>]*)"[^<>]*>')
HAS_DIR = re.compile(r'\sdir=')


@lru_cache(maxsize=None)
def has_right_to_left(languages: tuple[str, ...]) -> bool:
    """True when one of a site's languages is written right to left: only then do pages need `dir`."""
    return any(direction(lang) == "rtl" for lang in languages)


def with_directions(html: str) -> str:
    """`html` with a `dir` beside every `lang` that has none."""
    return TAG_WITH_LANG.sub(_directed, html)


def _directed(match: re.Match) -> str:
    tag = match.group(0)
    if HAS_DIR.search(tag):  # an author's own `dir` stands
        return tag
    end = -2 if tag.endswith("/>") else -1
    # lang="": a language not known (a tag's key with no label), so its letters decide its direction
    said = direction(match.group(1)) if match.group(1) else "auto"
    return f'{tag[:end]} dir="{said}"{tag[end:]}'
