"""Which of a site's languages a text's letters name, where the language it stands in writes another
script: an English comment under a Hindi post was filed as Hindi, and its translation asked for English;
a Bengali name on an English comment was read out in English (two new users' walks). Letters tell a
script, never a language: only a script one language of the site alone writes names one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import ANONYMOUS

# ISO 15924's codes, as CLDR gives a language's script, -> the first word of Unicode's names of its letters
SCRIPT_LETTERS = {
    "Latn": {"LATIN"}, "Cyrl": {"CYRILLIC"}, "Grek": {"GREEK"}, "Arab": {"ARABIC"}, "Hebr": {"HEBREW"},
    "Deva": {"DEVANAGARI"}, "Beng": {"BENGALI"}, "Guru": {"GURMUKHI"}, "Gujr": {"GUJARATI"},
    "Orya": {"ORIYA"}, "Taml": {"TAMIL"}, "Telu": {"TELUGU"}, "Knda": {"KANNADA"}, "Mlym": {"MALAYALAM"},
    "Sinh": {"SINHALA"}, "Thai": {"THAI"}, "Laoo": {"LAO"}, "Khmr": {"KHMER"}, "Mymr": {"MYANMAR"},
    "Tibt": {"TIBETAN"}, "Geor": {"GEORGIAN"}, "Armn": {"ARMENIAN"}, "Ethi": {"ETHIOPIC"},
    "Hans": {"CJK"}, "Hant": {"CJK"}, "Jpan": {"CJK", "HIRAGANA", "KATAKANA"}, "Kore": {"HANGUL", "CJK"},
}
NOT_WORDS = re.compile(r"<[^>]*>|&\w+;|\b(?:https?://|www\.)\S+")  # markup and addresses: no one's letters
FEWEST_LETTERS = 12  # "ok", "Danke!": too few to tell a script by
MOST_OTHERS = 0.2  # a Hindi comment quoting an English title, or a link, stays Hindi


def language_of_letters(text: str, lang: str, languages, fewest: int = FEWEST_LETTERS) -> str:
    """The one language of `languages` whose script a text's letters are in (its markup and addresses
    left out), where `lang`'s is another; "" where the letters are `lang`'s, are fewer than `fewest`, are
    mixed, or more than one language writes them."""
    counts = _letters_by_name(NOT_WORDS.sub(" ", text))
    total = sum(counts.values())
    if total < max(fewest, 1) or not _letter_names(lang):  # a language CLDR does not know: its script neither
        return ""

    def written_in(language: str) -> bool:
        names = _letter_names(language)
        return sum(counts.get(name, 0) for name in names) >= total * (1 - MOST_OTHERS)
    if written_in(lang):
        return ""
    writing = [other for other in languages if written_in(other)]
    return writing[0] if len(writing) == 1 else ""


@lru_cache(maxsize=4096)  # a commenter's name, on every page that shows their comments
def name_language(name: str, lang: str, languages: tuple[str, ...]) -> str:
    """The language a person's name is marked with: that of the text it signs (`lang`), unless its letters
    are another language's of the site alone (সুমনা বসু signing an English comment on a Bengali site)."""
    if name == ANONYMOUS or (name.isascii() and "LATIN" in _letter_names(lang)):  # most: nothing to count
        return lang
    return language_of_letters(name, lang, languages, fewest=1) or lang


def _letters_by_name(text: str) -> dict[str, int]:
    """How many of a text's letters have names beginning with each word (LATIN, DEVANAGARI, CJK)."""
    counts: dict[str, int] = {}
    for char in text:
        # a vowel sign is a letter's part: हिंदी's ि, ं (not a Latin accent's COMBINING, whose letter counts)
        if char.isalpha() or unicodedata.category(char) in ("Mn", "Mc"):
            word = unicodedata.name(char, "").split(" ", 1)[0]
            if word != "COMBINING":
                counts[word] = counts.get(word, 0) + 1
    return counts


@lru_cache(maxsize=None)
def _letter_names(lang: str) -> frozenset[str]:
    """The first words of the names of a language's letters (sr-Latn's LATIN, hi's DEVANAGARI), by its
    tag's script or CLDR's likeliest one; empty for a language CLDR does not know."""
    from babel.core import get_global  # here: only an import asks
    parts = lang.replace("_", "-").split("-")
    script = next((part.title() for part in parts[1:] if len(part) == 4 and part.isalpha()), "")
    if not script:
        likely = get_global("likely_subtags").get(parts[0].lower(), "")
        script = likely.split("_")[1] if likely.count("_") >= 1 else ""
    return frozenset(SCRIPT_LETTERS.get(script, ()))
