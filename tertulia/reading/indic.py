"""Brahmic scripts' words in ASCII as their readers spell them: each consonant with the vowel it carries
unwritten. anyascii goes letter by letter and leaves that vowel out, so a Hindi writer's About page,
परिचय, got the folder `pricy` and बनारस the slug `bnars`."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Devanagari to Malayalam: nine blocks of 128 letters laid out alike (ISCII's order), so that one
# offset is one sound in each of them: 0x15 is ka in Hindi, Bengali, Tamil and Telugu alike.
INDIC_WORD = re.compile("[\u0900-\u0d7f][\u0900-\u0d7f\u200c\u200d]*")  # joiners shape a word, never end it
BLOCK = 0x80
NASALS = (0x01, 0x02)  # candrabindu, anusvara: a nasal vowel, or the nasal of the consonant after
TIPPI = "\u0a70"  # Gurmukhi's anusvara, where the other blocks have a sign of their own (ਪੰਜਾਬੀ)
BENGALI_A = "\u0985"  # অ, the inherent vowel written alone: `o` as it is said (অনুবাদ is `onubad`)
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
MEDIAL_A_UNSAID = (0x0900, 0x0980)  # Hindi's and Bengali's, whose readers' spelling leaves it out too
# where anyascii's letter is not the one these languages' own romanisations use (च is `ch`, not `c`)
SPELLED = {0x1A: "ch", 0x1B: "chh", 0x36: "sh", 0x37: "sh", 0x0B: "ri", 0x43: "ri", NUKTA: ""}
VIRAMA = 0x4D
NO_VOWEL = (*NASALS, VISARGA, NUKTA, VIRAMA)  # signs that say no vowel of their own


# Bengali (and Assamese) say a consonant's own vowel o, as their readers spell it: কলকাতা is `kolkata`
INHERENT = {0x0980: "o"}
# a cluster said otherwise than its letters: ज्ञान is `gyan` in Hindi, জ্ঞান in Bengali
SAID_AS = (("\u091c\u094d\u091e", "\u0917\u094d\u092f"), ("\u099c\u09cd\u099e", "\u0997\u09cd\u09af"))


def romanized(text: str) -> str:
    """`text` with each word in a Brahmic script of India in ASCII (परिचय -> parichay), the rest as it is."""
    return INDIC_WORD.sub(lambda found: _word(_said(found.group())), text)


def _said(word: str) -> str:
    for cluster, said in SAID_AS:
        word = word.replace(cluster, said)
    return word


def _word(word: str) -> str:
    """One word (a run of one or more Indic blocks' characters) in ASCII."""
    units = _units(word)
    _unsaid(units)
    return "".join(text for text, kind, _ in units if kind != UNSAID)


# what each spelled unit of a word is: a danda or a digit (PUNCTUATION) ends one as a space would
CONSONANT, INHERENT_VOWEL, VOWEL, OTHER, PUNCTUATION, UNSAID = "C", "A", "V", "N", "P", "-"


def _units(word: str) -> list[tuple[str, str, int]]:
    """A word's letters spelled, each with what it is and its block: a consonant carrying no written
    vowel is followed by its own (an INHERENT_VOWEL), which _unsaid may leave out."""
    units: list[tuple[str, str, int]] = []
    for i, char in enumerate(word):
        block, offset = _place(char)
        following = word[i + 1:i + 3]
        if char == BENGALI_ANUSVARA:
            units.append(("ng", OTHER, block))
        elif (offset in NASALS or char == TIPPI) and block in FINAL_A_UNSAID:
            units.append(("m" if following and _place(following[0])[1] in LABIALS else "n", OTHER, block))
        elif char == ADDAK:
            continue
        elif _is_consonant(block, offset):
            units.append((_letter(WITH_NUKTA.get(word[i:i + 2], char), offset), CONSONANT, block))
            if not _vowel_written(following):
                units.append((INHERENT.get(block, "a"), INHERENT_VOWEL, block))
        elif char == BENGALI_A:
            units.append(("o", VOWEL, block))
        elif unicodedata.category(char) in ("Lo", "Mc", "Mn") and offset not in NO_VOWEL and char != TIPPI:
            units.append((_letter(char, offset), VOWEL, block))
        elif text := _letter(char, offset):
            units.append((text, PUNCTUATION if unicodedata.category(char)[0] in "PN" else OTHER, block))
    return units


def _unsaid(units: list[tuple[str, str, int]]) -> None:
    """Leave out the inherent vowels Hindi and its neighbours do not say, from the word's end back: a
    word's last (घर is `ghar`), where another vowel comes before it, and in Hindi and Bengali one between
    a vowel and a consonant and a consonant and a vowel (कमला is `kamla`, কলকাতা `kolkata`). One pass each
    way: a title is an export's, and may be a word of 100,000 letters."""
    def vowel(at: int) -> bool:
        return 0 <= at < len(units) and units[at][1] in (VOWEL, INHERENT_VOWEL)
    vowel_before, seen = [], False
    for unit in units:
        vowel_before.append(seen)
        seen = seen or unit[1] in (VOWEL, INHERENT_VOWEL)
    last = True  # nothing said after this unit but punctuation
    for at in range(len(units) - 1, -1, -1):
        text, kind, block = units[at]
        if kind == INHERENT_VOWEL and block in FINAL_A_UNSAID:
            between = (block in MEDIAL_A_UNSAID and vowel(at - 2) and units[at - 1][1] == CONSONANT
                       and at + 2 < len(units) and units[at + 1][1] == CONSONANT and vowel(at + 2))
            if (last and vowel_before[at]) or between:
                units[at] = (text, UNSAID, block)
                continue
        last = last and units[at][1] in (UNSAID, PUNCTUATION)


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
