"""Chinese and Japanese text, written with no space between its words: a line break inside it is no space,
and each character is a word when two versions are compared; and Thai, Lao, Khmer and Burmese, whose
phrases are written so, a line break inside one no space either.

Markdown keeps a paragraph's line breaks, and a browser draws each as a space (CSS asks it not to
between these scripts; Chromium still does): a writer who wraps lines in an editor saw "几千年的 文化",
and the translation record, which compares words, took a re-wrapped paragraph for a changed one.
"""

from __future__ import annotations

import re

# Han, kana, bopomofo, CJK symbols and punctuation, full-width forms: not Hangul, which Korean spaces. The
# characters a text of them is counted and cut by (markup.py) are these but their space (U+3000)
CJK_CHARACTERS = ("\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf"
                  "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef")
CJK = "\u3000" + CJK_CHARACTERS
# Thai, Lao, Khmer and Burmese write a phrase's words without spaces too (a space there ends a phrase or
# a sentence), and a line break inside one is no space either
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# their vowel signs and tone marks, written over, under or after a letter and read with it
MARKS = ("\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u102b-\u103e\u1056-\u1059"
         "\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d"
         "\u17b4-\u17d3\u17dd")
LINE_BREAK = re.compile(f"(?<=[{CJK}{UNSPACED}])[ \\t]*\\n[ \\t]*(?=[{CJK}{UNSPACED}])")
SPACE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")
# Each of the two begins with a look behind, which the regular expression engine tries at every character:
# a search for the sign that follows (a line break, a space) before such a character finds first, five
# times as fast, whether there is any; most texts, in other scripts, have none
BREAK_BEFORE = re.compile(f"\\n[ \\t]*[{CJK}{UNSPACED}]")
SPACE_BEFORE = re.compile(f" [{CJK}]")


def joined_lines(block_html: str) -> str:
    """An HTML block without the line breaks between two such characters (code, in <pre>, kept as written)."""
    if not BREAK_BEFORE.search(block_html) or "<pre" in block_html:
        return block_html
    return LINE_BREAK.sub("", block_html)


def without_spaces(words: str) -> str:
    """Words as the translation record compares them: none between two such characters, so that a record
    made when a line break still stood between them is the same words."""
    return SPACE.sub("", words) if SPACE_BEFORE.search(words) else words


# a Thai letter with its marks is one, and the space between two Thai phrases one of its own, which it is
TOKEN = re.compile(f"[{CJK}]|[{UNSPACED}][{MARKS}]*|(?<=[{UNSPACED}]) (?=[{UNSPACED}])|[^\\s{CJK}{UNSPACED}]+")
ONE = re.compile(f"[{CJK}{UNSPACED} ]")


def words(text: str) -> list[str]:
    """The words of a text as a diff compares them: each such character (a Thai letter) is one, as a
    reader of it counts."""
    return TOKEN.findall(text)


def spaced(tokens: list[str]) -> str:
    """Words joined again as the text has them: a space between two, but beside such a character."""
    joined = ""
    for token in tokens:
        if joined and not (_is_cjk(joined[-1]) or _is_cjk(token[0])):
            joined += " "
        joined += token
    return joined


def _is_cjk(char: str) -> bool:
    return bool(ONE.fullmatch(char))


UNSPACED_LETTER = re.compile(f"[{UNSPACED}]")
LETTERS_A_WORD = 3  # a Thai word runs to three letters (see markup.word_count)


def as_many_as(tokens: list[str], words: int) -> int:
    """How many of `tokens` (see words) make `words` words: three times as many Thai letters."""
    return words * LETTERS_A_WORD if tokens and UNSPACED_LETTER.match(tokens[0]) else words
