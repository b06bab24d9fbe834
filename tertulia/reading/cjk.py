"""Chinese and Japanese text, written with no space between its words: a line break inside it is no space,
and each character is a word when two versions are compared; and Thai, Lao, Khmer and Burmese, whose
phrases are written so, a line break inside one no space either.

Markdown keeps a paragraph's line breaks, and a browser draws each as a space (CSS asks it not to
between these scripts; Chromium still does): a writer who wraps lines in an editor saw "几千年的 文化",
and the translation record, which compares words, took a re-wrapped paragraph for a changed one.
"""

from __future__ import annotations

import re

# Han, kana, bopomofo, CJK symbols and punctuation, full-width forms: not Hangul, which Korean spaces
CJK = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
       "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef")
# Thai, Lao, Khmer and Burmese write a phrase's words without spaces too (a space there ends a phrase or
# a sentence), and a line break inside one is no space either
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
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


TOKEN = re.compile(f"[{CJK}]|[^\\s{CJK}]+")
ONE = re.compile(f"[{CJK}]")


def words(text: str) -> list[str]:
    """The words of a text as a diff compares them: each such character is one, as a reader of it counts."""
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
