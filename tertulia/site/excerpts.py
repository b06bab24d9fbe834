"""Where a text's words start and its first sentence ends, for a card's summary and an excerpt."""

from __future__ import annotations

import html
import re

from ..reading.markup import first_words, plain_text, reading_text

# A sentence ends at a full stop, a question or an exclamation mark, or an ellipsis, with the marks
# of other scripts: Arabic's question mark, Urdu's full stop, the danda of Hindi and its neighbours,
# Armenian's, Ethiopic's and Burmese's full stops; and Chinese and Japanese's, which no space follows.
# Ethiopic's full stop ends a sentence with no space after it too, in the older style that parts words by ፡
SENTENCE_END = re.compile(r"(?<=[.!?…؟۔।॥։።။])[\"'»”’)]*\s|(?<=[。！？])[」』）”’]*|(?<=።)(?=[^\s\"'»”’)])")
# letters each with its dot, `E.C.`, `ዓ.ም.`, `U.S.`: an abbreviation, whose dot ends no sentence (an Amharic
# walk: cards said "Addis Ababa was founded in 1879 E.C." and no more)
ABBREVIATION = re.compile(r"(?:^|[\s(])\w{1,3}\.(?:\w\.)+[\"'»”’)]*\s*$")  # `የአ.አ.ዩ.`: a prefix on its first letter
ABBREVIATION_REACH = 40  # characters before a dot where an abbreviation ending in it starts: looked for there alone
# Greek asks its questions with `;` (the Greek question mark U+037E, which NFC makes a semicolon)
GREEK_SENTENCE_END = re.compile(r"(?<=[.!?…;])[\"'»”’)]*\s")


def first_sentence(blocks, words: int = 40, lang: str = "") -> str:
    """The first sentence of a text's first paragraph of words, for a card with no summary (cut at `words`)."""
    at = first_paragraph(blocks)
    text = reading_text(blocks[at]) if at >= 0 else ""
    ends = GREEK_SENTENCE_END if lang.split("-")[0].lower() in ("el", "grc") else SENTENCE_END
    end = next((end for end in ends.finditer(text + " ")
                if not ABBREVIATION.search(text, max(0, end.start() - ABBREVIATION_REACH), end.start())), None)
    sentence = text[:end.end()].rstrip() if end else text
    return first_words([f"<p>{html.escape(sentence)}</p>"], words) if sentence else ""


def first_paragraph(blocks) -> int:
    """The index of a text's first paragraph of words (a card's summary is its first sentence); -1 if none."""
    return next((i for i, block in enumerate(blocks) if block.startswith("<p>") and reading_text(block)), -1)


def first_worded(blocks) -> int:
    """The index of a text's first block with words (an excerpt starts there); -1 if none."""
    return next((i for i, block in enumerate(blocks) if reading_text(block).strip()), -1)


ALT_TEXT = re.compile(r'\salt="[^"]')
WORDLESS = re.compile(r"\s*<(?:pre|math)\b|\s*<div class=\"arithmatex\"", re.IGNORECASE)


def is_wordless(block_html: str) -> bool:
    """A block with nothing to translate: code, a formula, or no visible words (an image without alt text)."""
    return bool(WORDLESS.match(block_html)) or not (plain_text(block_html) or ALT_TEXT.search(block_html))
