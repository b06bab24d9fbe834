"""Brahmic scripts' words in ASCII as their readers spell them: each consonant with the vowel it carries
unwritten. anyascii goes letter by letter and leaves that vowel out, so a Hindi writer's About page,
परिचय, got the folder `pricy` and बनारस the slug `bnars` (a new user's walk)."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Devanagari to Malayalam: nine blocks of 128 letters laid out alike (ISCII's order), so that one
# offset is one sound in each of them: 0x15 is ka in Hindi, Bengali, Tamil and Telugu alike.
INDIC_WORD = re.compile("[\u0900-\u0d7f]+")
BLOCK = 0x80
NASALS = (0x01, 0x02)  # candrabindu, anusvara: a nasal vowel, or the nasal of the consonant after
TIPPI = "\u0a70"  # Gurmukhi's anusvara, where the other blocks have a sign of their own (ਪੰਜਾਬੀ)
BENGALI_ANUSVARA = "\u0982"  # said ng wherever it stands (বাংলা is `bangla`)
ADDAK = "\u0a71"  # Gurmukhi's sign doubling the consonant after it, which its readers' spelling does not
VISARGA, NUKTA = 0x03, 0x3C
LABIALS = range(0x2A, 0x2F)  # pa, pha, ba, bha, ma: a nasal before them is an m (`sambandh`)
# the consonants made with a nukta that have a code of their own (क़ ड़ য় ਖ਼ ଡ଼), where the blocks have them
NUKTA_FORMS = {0x0900: range(0x58, 0x60), 0x0980: range(0x5C, 0x60), 0x0A00: range(0x59, 0x5F),
               0x0B00: range(0x5C, 0x60)}
# Hindi, Bengali, Punjabi and Gujarati leave a word's last inherent vowel unsaid (घर is `ghar`): their
# readers spell it so; Telugu, Kannada and Malayalam say it (కన్నడ is `kannada`)
# such a consonant as its letter and a nukta (as Unicode's normalisation writes it) -> its own code
WITH_NUKTA = {unicodedata.normalize("NFD", chr(block + offset)): chr(block + offset)
              for block, offsets in NUKTA_FORMS.items() for offset in offsets
              if unicodedata.decomposition(chr(block + offset))}
FINAL_A_UNSAID = (0x0900, 0x0980, 0x0A00, 0x0A80)
# where anyascii's letter is not the one these languages' own romanisations use (च is `ch`, not `c`)
SPELLED = {0x1A: "ch", 0x1B: "chh", 0x36: "sh", 0x37: "sh", 0x0B: "ri", 0x43: "ri", NUKTA: ""}
VIRAMA = 0x4D
NO_VOWEL = (*NASALS, VISARGA, NUKTA, VIRAMA)  # signs that say no vowel of their own


def romanized(text: str) -> str:
    """`text` with each word in a Brahmic script of India in ASCII (परिचय -> parichay), the rest as it is."""
    return INDIC_WORD.sub(lambda found: _word(found.group()), text)


def _word(word: str) -> str:
    """One word (a run of one or more Indic blocks' characters) in ASCII."""
    spelled: list[str] = []
    voiced = False  # whether a vowel has been said: a word's one syllable keeps its vowel (क is `ka`)
    for i, char in enumerate(word):
        block, offset = _place(char)
        following = word[i + 1:i + 3]
        if char == BENGALI_ANUSVARA:
            spelled.append("ng")
        elif (offset in NASALS or char == TIPPI) and block in FINAL_A_UNSAID:
            spelled.append("m" if following and _place(following[0])[1] in LABIALS else "n")
        elif char == ADDAK:
            continue
        elif _is_consonant(block, offset):
            spelled.append(_letter(WITH_NUKTA.get(word[i:i + 2], char), offset))
            if not _vowel_written(following):
                after = following[1:] if following[:1] and _place(following[0])[1] == NUKTA else following
                last = not after or not _is_letter(after[0])
                if not (last and voiced and block in FINAL_A_UNSAID):
                    spelled.append("a")
                    voiced = True
        else:
            spelled.append(_letter(char, offset))
            voiced = voiced or (unicodedata.category(char) in ("Lo", "Mc", "Mn") and offset not in NO_VOWEL
                                and char != TIPPI)
    return "".join(spelled)


def _place(char: str) -> tuple[int, int]:
    """A character's block (0x0900, 0x0980, ...) and its offset in it."""
    code = ord(char)
    return code - code % BLOCK, code % BLOCK


def _letter(char: str, offset: int) -> str:
    return SPELLED[offset] if offset in SPELLED else anyascii(char)


def _is_consonant(block: int, offset: int) -> bool:
    return 0x15 <= offset <= 0x39 or offset in NUKTA_FORMS.get(block, ())


def _is_letter(char: str) -> bool:
    """A letter or a sign of a word, not a danda or a digit (which end one)."""
    return "\u0900" <= char <= "\u0d7f" and unicodedata.category(char) in ("Lo", "Mc", "Mn")


def _vowel_written(following: str) -> bool:
    """Whether a consonant's own vowel is written after it (a vowel sign), or none is (a virama): its
    nukta looked past, a nasal or a visarga being no vowel."""
    if following[:1] and _place(following[0])[1] == NUKTA:
        following = following[1:]
    if not following or not _is_letter(following[0]):
        return False
    char = following[0]
    return (unicodedata.category(char) in ("Mn", "Mc") and _place(char)[1] not in (*NASALS, VISARGA, NUKTA)
            and char not in (TIPPI, ADDAK))
