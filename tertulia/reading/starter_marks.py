"""Where a translation's starter marks the words to translate, and whether a block is still a starter as
written: what `new translation` writes (commands/translation_starter.py) and what `check` and
`--update` recognise (a starter untouched since, whose original's words changed, is started again)."""

from __future__ import annotations

import re

from .translations import UNFINISHED, words_of

TOKENS = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
VERBATIM = {"pre", "code", "script", "style", "kbd", "samp"}  # not words to translate
OWN_WORDS = {"li", "td", "th", "dt", "dd", "figcaption", "caption", "summary"}  # each holds words of its own
LETTER = re.compile(r"[^\W\d_]")
IMAGE_ALT = re.compile(r'(<img\b[^>]*?\balt=")([^"]*\w)')
# what a tag holds that is not the translator's to change, or is said elsewhere: a heading's id, made of its
# words; a footnote's links, named after the page's language; an image's alt, compared without its marker
NOT_COMPARED = re.compile(r'\s(?:id="[^"]*"|href="#fn(?:ref)?-[^"]*")')
MARKED_ALT = re.compile(rf'(\balt="){UNFINISHED}: ')


def marked_html(block_html: str) -> str:
    """The block with the marker before its first words outside code, and before the first words of
    each item, cell or caption after them, and in every image's text: a translator takes a marker out
    with the words it stands before, so one marker per list let the second item go untranslated."""
    parts = TOKENS.split(block_html)
    verbatim, wanting = 0, True
    for index, part in enumerate(parts):
        if index % 2:
            name = TAG_NAME.match(part)
            if name and name.group(2).lower() in VERBATIM and not part.endswith("/>"):
                verbatim += -1 if name.group(1) else 1
            elif name and not name.group(1) and name.group(2).lower() in OWN_WORDS:
                wanting = True
        elif wanting and verbatim <= 0 and LETTER.search(part):  # a year or a sum is the same in every language
            lead = len(part) - len(part.lstrip())
            parts[index] = f"{part[:lead]}{UNFINISHED}: {part[lead:]}"
            wanting = False
    return IMAGE_ALT.sub(lambda m: f"{m.group(1)}{UNFINISHED}: {m.group(2)}", "".join(parts))


def copied_code(block_html: str, followed: str | None, original_html: str) -> bool:
    """Whether a translation's block is a code block copied as its original's was when recorded (`followed`):
    nothing of a translator's in it, to copy again once the writer changes the code."""
    return followed is not None and block_html.startswith("<pre") and original_html.startswith("<pre") \
        and words_of((block_html,))[0] == followed


def untouched_starter(block_html: str, followed: str | None, original_html: str) -> bool:
    """Whether a translation's block is still its starter as written: the words of the original it was
    started from (`followed`, as the record keeps them) behind every marker a starter of the original
    puts, in the original's elements (`original_html`), with nothing of a translator's: a link's new
    target, a heading's level or a marker taken off one item is theirs."""
    if followed is None or UNFINISHED not in block_html:
        return False
    words = words_of((block_html,))[0]
    if " ".join(words.replace(UNFINISHED + ":", " ").replace(UNFINISHED, " ").split()) != " ".join(followed.split()):
        return False
    return block_html.count(UNFINISHED) == marked_html(original_html).count(UNFINISHED) and \
        _tags(block_html) == _tags(original_html)


def _tags(block_html: str) -> list[str]:
    """A block's elements with their attributes (a link's title, an image's alt and its own), but those
    NOT_COMPARED names: a translator's title or alt is theirs."""
    return [MARKED_ALT.sub(r"\1", NOT_COMPARED.sub("", tag)) for tag in TOKENS.findall(block_html)]
