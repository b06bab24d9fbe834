"""The names content gives that become segments of paths and URLs: slugs, comment ids, tag keys."""

from __future__ import annotations

import re
import unicodedata

from ..layout import POSTS
from ..model import ARABIC_SCRIPT
from .addresses import NAME_MAX, served_at

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_KEY = 200  # WordPress's own limit for a post's name; well inside a file system's 255 bytes
BAD_NAME = "use lowercase letters, digits and single hyphens"
# A tag key may be in any script, but never a path's sign, a control character or half a surrogate pair.
NOT_IN_TAG = re.compile("[/\\\\\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
TAG_FOLDER_FILES = {"index.html"}  # a tag's folder would stand where the tag listing's own file is


def is_key(text: str) -> bool:
    """A slug or comment id: safe as one segment of a path or URL."""
    return len(text) <= MAX_KEY and SLUG.fullmatch(text) is not None


def key_problem(text: str, lang: str = "") -> str:
    """The rule a slug or comment id breaks, said to its author ("" when it breaks none), with a slug
    that keeps it when one can be made of its letters (`мова-і-памʼять`: `mova-i-pam-yat`), as `lang`
    spells them where it is given (see as_written_in: `İstanbul'da` is `istanbulda` in Turkish)."""
    if len(text) > MAX_KEY:
        return f"{len(text)} characters long; at most {MAX_KEY} characters"
    if SLUG.fullmatch(text):
        return ""
    suggested = slug_of(as_written_in(text, lang) if lang else text)
    return f"{BAD_NAME}, e.g. `{suggested}`" if suggested else BAD_NAME


# WordPress's remove_accents() for a German or a Danish site: the letters' spellings without their marks;
# Russian's hard and soft signs, which Russian sites' addresses leave out (`подъезд` is `podezd`: the
# transliteration's apostrophe made it `pod-ezd`); Serbian as its own Latin letters are written without their
# marks (`џем` is `dzem`, `жена` `zena`, `Ђорђевић` and `Đorđević` `djordjevic`; the transliteration's are
# Russian's, `dzhem`, `zhena`, and `đ` was `d`). A Russian writer's walk, with Serbian.
ASCII_SPELLINGS = {"de": str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}),
                   "da": str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}),
                   "ru": str.maketrans(dict.fromkeys("ъьЪЬ", "")),
                   # Bulgaria's romanization (2009), whose `ъ` is a vowel (`България` was `b-lgariya`)
                   "bg": str.maketrans({"ъ": "a", "Ъ": "A", "щ": "sht", "Щ": "Sht", "х": "h", "Х": "H", "ь": "y",
                                        "Ь": "Y"}),
                   # Georgia's romanization (2002) marks its ejectives with an apostrophe, which made a hyphen
                   # inside a word (`წყალი` was `ts-q-ali`); Georgian writers leave it out in an address
                   "ka": str.maketrans({"წ": "ts", "ჭ": "ch", "ყ": "q", "კ": "k", "პ": "p", "ტ": "t"}),
                   "sr": str.maketrans({"ж": "z", "ш": "s", "ч": "c", "ћ": "c", "ц": "c", "х": "h", "ђ": "dj", "џ": "dz",
                                        "Ж": "Z", "Ш": "S", "Ч": "C", "Ћ": "C", "Ц": "C", "Х": "H", "Ђ": "Dj", "Џ": "Dz",
                                        "đ": "dj", "Đ": "Dj"})}


# Ukraine's own romanization (2010), which its passports and road signs use: the transliteration's is Russian's
# (`г` as `g`, `є` as `ie`), and it made an apostrophe a hyphen in mid-word (`м'ята`: `m-yata`, not `miata`)
UKRAINIAN = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", [
    "a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia"]))
UKRAINIAN_AT_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UKRAINIAN_LETTER = re.compile(f"[{''.join(UKRAINIAN)}]")


# Hebrew's vowel points and cantillation, which a slug leaves out as a Hebrew writer does mostly (the
# transliteration read the shin's dot as `h`: שָׁלוֹם was `sahlvom`, שלום `slvm`); its alef and ayin, and the geresh
# and gershayim, typed as such or as a keyboard's `'` and `"`, are letters or signs a slug has none for (an
# apostrophe, made a hyphen in mid-word: צ׳יפס was `ts-yfs`, שאלה `s-lh`). A Hebrew writer's walk.
UNWRITTEN_IN_HEBREW_SLUGS = str.maketrans(dict.fromkeys(
    [*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7, *map(ord, "אע׳״")]))
SIGN_BY_HEBREW_LETTER = re.compile("(?<=[\u05d0-\u05ea])['\"’]|['\"’](?=[\u05d0-\u05ea])")


# The Arabic script's alef in its forms, which the transliteration drops or makes an apostrophe (`کتاب` was `ktb`,
# `ایران` `yrn`, `أحمد` `-hmd`), as the vowel it mostly writes; an alef and ye opening a word as `i`; ayin and hamza,
# which a slug has no letter for, left out, as in Hebrew. A Persian writer's slugs (session 78), read again.
ARABIC_SCRIPT_ALEF = str.maketrans({"ا": "a", "آ": "a", "أ": "a", "ٱ": "a", "إ": "i", "ع": "", "ء": "", "ؤ": "w", "ئ": "y"})
OPENING_ALEF_YE = re.compile("(?<![^\\W\\d_])[اإ][یي]")


# Greek as Greece romanizes it (ELOT 743, its passports' and road signs'): the transliteration took each letter
# alone, so `ου` was `oy` and `ευ` `ey` (Κωνσταντινούπολη `konstantinoypoli`, Ευχαριστώ `eycharisto`). A diaeresis
# parts two vowels (`αϋ` is `ay`); `αυ`, `ευ`, `ηυ` are `av`, `ev`, `iv` before a vowel or a voiced consonant, and
# `af`, `ef`, `if` before a voiceless one or at a word's end; `γ` before `γ`, `ξ`, `χ` is `n`.
GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", [
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f",
    "ch", "ps", "o"]))
GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi"}
GREEK_U_AFTER = {"α": "a", "ε": "e", "η": "i"}  # the vowels whose υ is a v or an f
GREEK_VOICELESS = set("θκξπστφχψς")
GREEK_NASAL_G = set("γξχ")  # a γ before these is sounded n
GREEK_WORD = re.compile("[\u0370-\u03ff\u1f00-\u1fff][\u0370-\u03ff\u1f00-\u1fff\u0300-\u036f]*")  # polytonic too


# Turkish and Azerbaijani part a proper name from its suffix with an apostrophe (`İstanbul'da`, in Istanbul), which
# their addresses leave out as their writers do (`istanbulda`); the transliteration made it a hyphen (`istanbul-da`)
SUFFIX_APOSTROPHE = {"tr", "az"}
WITHIN_A_WORD = re.compile(r"(?<=[^\W_])['’](?=[^\W\d_])")  # after a number too: `1990'lar`


# Korean as the Revised Romanization writes it (South Korea's, its road signs' and passports'): by sound, where
# the transliteration took each letter alone (한국 `hangug`, 거리 `geoli`, 신라 `sinla`; hanguk, geori, silla). A
# syllable's last consonant is said as the next one's first where that starts with a vowel (음악 eumak), ㄹ is
# `r` before a vowel and `l` after ㄴ or ㄹ, and a k, t or p before n or m is said through the nose (독립문
# dongnimmun). Its tables are in Unicode's order of the letters a syllable is made of.
KOREAN_FIRST = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
KOREAN_VOWEL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
                "yu", "eu", "ui", "i"]
KOREAN_LAST = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
               "ng", "t", "t", "k", "t", "p", "t"]
# each last consonant before a vowel: (what stays last, what starts the next syllable); ㅎ is not said there
KOREAN_LINKED = ["", ("", "g"), ("", "kk"), ("k", "s"), ("", "n"), ("n", "j"), ("", "n"), ("", "d"), ("", "r"),
                 ("l", "g"), ("l", "m"), ("l", "b"), ("l", "s"), ("l", "t"), ("l", "p"), ("", "r"), ("", "m"),
                 ("", "b"), ("p", "s"), ("", "s"), ("", "ss"), ("ng", ""), ("", "j"), ("", "ch"), ("", "k"),
                 ("", "t"), ("", "p"), ("", "")]
THROUGH_THE_NOSE = {"k": "ng", "t": "n", "p": "m"}
HANGUL_SYLLABLES = re.compile("[\uac00-\ud7a3]+")


# Ethiopic (Amharic, Tigrinya) as its writers spell it in Latin letters: a number its numerals write as that number
# (`፲፱፻` is 1900, not "109100" numeral by numeral), the transliteration's glottal marks (`ityop'ya`, `yeg`z`)
# left out, not made hyphens inside a word (an Amharic walk)
ETHIOPIC = re.compile("[\u1200-\u135f\u1369-\u137c\u1380-\u139f\u2d80-\u2ddf\uab00-\uab2f]")
ETHIOPIC_NUMBER = re.compile("[\u1369-\u137c]+")
ETHIOPIC_WORD = re.compile("[\u1200-\u135f\u1380-\u139f\u2d80-\u2ddf\uab00-\uab2f]+")


def _romanized_ethiopic(text: str) -> str:
    from anyascii import anyascii  # here, not above: only a name that needs one asks
    text = ETHIOPIC_NUMBER.sub(lambda number: _number_written(ethiopic_value(number.group())), text)
    return ETHIOPIC_WORD.sub(lambda word: re.sub(r"['`]", "", anyascii(word.group())), text)


def _number_written(value: int) -> str:
    """A number in ASCII digits, or none where it has more than a slug holds: `str()` of a longer one (`፼`
    1,100 times) raised Python's limit on a number's digits, a traceback (a red team)."""
    return str(value) if value.bit_length() < 3 * MAX_KEY else ""


def ethiopic_value(numerals: str) -> int:
    """The number Ethiopic numerals write: ones and tens added, ፻ a hundred of what precedes it, ፼ ten thousand."""
    total, hundreds, ones = 0, 0, 0
    for numeral in numerals:
        code = ord(numeral)
        if code <= 0x1371:  # ፩ to ፱
            ones += code - 0x1368
        elif code <= 0x137a:  # ፲ to ፺
            ones += (code - 0x1371) * 10
        elif code == 0x137b:  # ፻
            hundreds, ones = hundreds + (ones or 1) * 100, 0
        else:  # ፼
            total, hundreds, ones = ((total + hundreds + ones) or 1) * 10000, 0, 0
    return total + hundreds + ones


def _romanized_korean(word: str) -> str:
    """A run of Hangul syllables as the Revised Romanization writes it (see KOREAN_FIRST)."""
    parts = [divmod(ord(syllable) - 0xAC00, 28) for syllable in word]
    sounds = [[KOREAN_FIRST[rest // 21], KOREAN_VOWEL[rest % 21], KOREAN_LAST[last], last] for rest, last in parts]
    for this, following in zip(sounds, sounds[1:]):
        last, first = this[3], following[0]
        if not last:
            continue
        if first == "":  # the next starts with a vowel: the consonant is said as its first
            this[2], following[0] = KOREAN_LINKED[last]
        elif first == "r":
            this[2], following[0] = ("l", "l") if this[2] in ("n", "l") else (THROUGH_THE_NOSE.get(this[2], this[2]), "n")
        elif first in ("n", "m"):
            this[2] = THROUGH_THE_NOSE.get(this[2], this[2])
    return "".join(first + vowel + last for first, vowel, last, _ in sounds)


def as_written_in(text: str, lang: str) -> str:
    """A slug's letters as its language spells them in ASCII, as WordPress's German and Danish sites do
    (`über` is `ueber`, not `uber`), Ukrainian as Ukraine romanizes it, Hebrew without its vowel points, the
    Arabic script with its alef; Greek as Greece romanizes it and Korean as South Korea does, in a title of any
    language (no other language writes their letters); the rest is left to the transliteration."""
    text = unicodedata.normalize("NFC", text)
    text = GREEK_WORD.sub(lambda word: _romanized_greek(word.group()), text)
    text = HANGUL_SYLLABLES.sub(lambda word: _romanized_korean(word.group()), text)
    if ETHIOPIC.search(text):
        text = _romanized_ethiopic(text)
    base = lang.split("-")[0].lower()
    if base == "uk":
        return _romanized_ukrainian(text)
    if base == "hy":
        return _romanized_armenian(text)
    if base == "bg":  # `ия` closing a word is `ia` (`България` is `Bulgaria`)
        text = re.sub(r"ия(?![^\W\d_])", "ia", text)
    if base in SUFFIX_APOSTROPHE:
        return WITHIN_A_WORD.sub("", text)
    if base == "he":
        return SIGN_BY_HEBREW_LETTER.sub("", text.translate(UNWRITTEN_IN_HEBREW_SLUGS))
    if base in ARABIC_SCRIPT or "-arab" in lang.lower():
        return OPENING_ALEF_YE.sub("i", text).translate(ARABIC_SCRIPT_ALEF)
    return text.translate(ASCII_SPELLINGS.get(base, {}))


# Armenian as its writers spell it in Latin letters: `ու` is `u`; `ե` and `ո` opening a word `ye`, `vo`; `և` `ev`
# (`yev` opening one); the aspirates without the apostrophe the transliteration gives them, which made a
# hyphen inside a word (`Երևան` was `erevan`, `գիրքը` `girk-y`, `Ուղի` `owghi`: a Georgian walk with Armenian)
ARMENIAN_WORD_START = {"ե": "ye", "ո": "vo", "և": "yev"}
ARMENIAN = str.maketrans({"և": "ev", "ւ": "v", "թ": "t", "փ": "p", "չ": "ch", "ց": "ts", "ք": "k"})  # `եւ`: `ev`


def _romanized_armenian(text: str) -> str:
    """`text` in lower case, its Armenian letters as Armenian writers spell them in Latin letters where the
    transliteration does not (see ARMENIAN); the rest is left to it."""
    text = text.lower().replace("ու", "u")
    text = re.sub(r"(?<![^\W\d_])[եոև]", lambda letter: ARMENIAN_WORD_START[letter.group()], text)
    return text.translate(ARMENIAN)


def _romanized_ukrainian(text: str) -> str:
    """`text` (NFC, as as_written_in gives it: a `й` typed as `и` and its breve is one letter), lower case,
    its Ukrainian letters as Ukraine's romanization of 2010 writes them (`зг` is `zgh`, apart from `zh`); its
    apostrophes, which mark a sound the Latin letters need no sign for, left out."""
    text = re.sub(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])", "", text.lower()).replace("зг", "zgh")
    return UKRAINIAN_LETTER.sub(_ukrainian_letter, text)


def _romanized_greek(word: str) -> str:
    """One Greek word as ELOT 743 writes it, its accents left out (decomposed: the tonos apart, and the
    diaeresis that parts two vowels read); the title's other words stay as written, for the transliteration."""
    word = unicodedata.normalize("NFD", word).lower()
    letters = [(char, word[at + 1:at + 2] == "\u0308") for at, char in enumerate(word) if not unicodedata.combining(char)]
    spelled, at = [], 0
    while at < len(letters):
        char, _ = letters[at]
        after, parted = letters[at + 1] if at + 1 < len(letters) else ("", False)
        if char + after in GREEK_PAIRS and not parted:
            spelled.append(GREEK_PAIRS[char + after])
            at += 2
            continue
        if char in GREEK_U_AFTER and after == "υ" and not parted:
            following = letters[at + 2][0] if at + 2 < len(letters) else ""
            spelled.append(GREEK_U_AFTER[char] + ("f" if not following or following in GREEK_VOICELESS else "v"))
            at += 2
            continue
        spelled.append("n" if char == "γ" and after in GREEK_NASAL_G else GREEK.get(char, char))
        at += 1
    return "".join(spelled)


def _ukrainian_letter(letter: re.Match) -> str:
    """A letter's Latin spelling, which for five of them differs at a word's start (`я` is `ya` there, else `ia`)."""
    before = letter.string[letter.start() - 1] if letter.start() else " "
    at_start = not before.isalpha() or before == "ʼ"  # a modifier letter, but no letter of the word
    return at_start and UKRAINIAN_AT_WORD_START.get(letter.group()) or UKRAINIAN[letter.group()]


def slug_of(text: str) -> str:
    """A slug in ASCII made of a title or a name: other scripts transliterated (Ελληνικά -> ellinika,
    中文 -> zhongwen, परिचय -> parichay), cut to MAX_KEY; "" when nothing of it is a letter or digit."""
    from anyascii import anyascii  # here, not above: only a name that needs one asks
    from .indic import romanized
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(romanized(text)).lower()).strip("-")
    slug = slug[:MAX_KEY].rstrip("-")
    return slug if SLUG.fullmatch(slug or "-") else ""


PASSAGE = re.compile(r"(.+)-p[0-9]+")  # a comment's paragraphs are `#comment-<id>-p1`, `-p2`, ...


def passage_of(comment_id: str) -> str:
    """The comment whose passage address an id is (`alice` for `alice-p1`: `#comment-alice-p1` is Alice's
    first paragraph), "" for an id that is no passage's."""
    passage = PASSAGE.fullmatch(comment_id)
    return passage.group(1) if passage else ""


def same_words(text: str) -> str:
    """A title or a label as two are compared for sameness: its spaces as one, its case folded."""
    return " ".join(text.split()).casefold()


def tag_text(value) -> str | None:
    """A tag key as text: YAML reads `2012` as a number, and a year is a tag like any word; None for a
    value that is no key (a list, a mapping, true/false, a decimal YAML would have rounded)."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


# Characters no one sees that text pasted from the web carries between a word's letters (a zero-width space,
# which Thai pages put between words, a word joiner, a soft hyphen, a mark of direction): a key holding one
# was a tag of its own, listed twice under one name. The joiners that shape letters (ZWJ, ZWNJ) are a word's
# own inside it (Persian's کتاب‌ها is not کتابها), and nothing at its ends.
UNSEEN_IN_KEYS = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c"))
JOINERS = "\u200c\u200d"
# Thai's and Lao's sara am typed in two keys (nikhahit, then sara aa, a tone mark perhaps between), which no
# normal form joins: one letter, after the tone mark, as Thai writes it
TYPED_APART = re.compile("([\u0e4d\u0ecd])([\u0e48-\u0e4b\u0ec8-\u0ecb]?)([\u0e32\u0eb2])")


def key_as_seen(key: str) -> str:
    """A tag key as a reader sees it: NFC, without the characters no one sees (UNSEEN_IN_KEYS), a sara am typed
    apart as the one letter it is (TYPED_APART)."""
    key = unicodedata.normalize("NFC", key).translate(UNSEEN_IN_KEYS)
    return TYPED_APART.sub(lambda typed: typed.group(2) + chr(ord(typed.group(3)) + 1), key)  # า + 1 is ำ


def tag_segment(key: str) -> tuple[str, str]:
    """(the tag's URL segment, "") or ("", the rule its key breaks).

    The segment is the key in lower case with spaces as hyphens, so keys that differ only
    there are one tag; NFC first, so an editor that decomposes accents makes no second tag, and without
    the characters no one sees (UNSEEN_IN_KEYS). The capital İ lowers to i, as in Turkish, its only
    language: Unicode's default lowers it to an i with a second dot above, which made `İstanbul` a tag
    apart from `istanbul`, at an address showing the dot."""
    if NOT_IN_TAG.search(key):
        return "", "must not hold `/`, `\\` or a control character"
    key = key_as_seen(key)
    segment = "-".join(word for word in (part.strip(JOINERS) for part in key.replace("İ", "i").lower().split()) if word)
    if not segment.strip(".-"):
        return "", "must hold more than dots, spaces and characters no one sees"
    if len(segment) > MAX_KEY:
        return "", f"is too long: at most {MAX_KEY} characters"
    if len(segment.encode("utf-8")) > NAME_MAX:  # a folder's name: 85 characters of a script three bytes each
        return "", f"is too long: at most {NAME_MAX} bytes in UTF-8 (a folder's name), which another script reaches sooner"
    if segment in TAG_FOLDER_FILES:
        return "", "names a file of the tag listing"
    return segment, ""


def in_capitals(segment: str) -> str:
    """A tag's segment as capitals write it, without marks: what an unknown key may have meant, to ask."""
    return "".join(char for char in unicodedata.normalize("NFD", segment.upper()) if not unicodedata.combining(char))


TONOS = "\u0301"  # the acute of NFD Greek: the tonos, which Greek capitals leave out


def lowered_from_capitals(key: str) -> set[str]:
    """The segments a key written in capitals may stand for, besides its own: as Turkish lowers its I (ılık
    for ILIK, its İ already lowering to i), and a Greek word's without the tonos its capitals drop (ΨΥΧΗ for
    ψυχή, compared without tonos: see without_tonos). Nothing else: ΑΫΛΟΣ keeps its dialytika, RESUME is
    resume, as the contract has it."""
    if not key.isupper():
        return set()
    return ({tag_segment(spelled)[0] for spelled in _each_i_either_way(key)} | {without_tonos(tag_segment(key)[0])}) - {""}


def _each_i_either_way(key: str, most: int = 4) -> list[str]:
    """`key` with each capital I as ı or as i: capitals do not say which a word holds, and a key written
    `Işık` has the segment `işık` (its capital lowered as most languages lower it), `ışık` in Turkish.
    A key of more I's than `most`: all as ı, as before."""
    parts = key.split("I")
    if len(parts) - 1 > most:
        return [key.replace("I", "ı")]
    spelled = [parts[0]]
    for part in parts[1:]:
        spelled = [before + letter + part for before in spelled for letter in ("ı", "i")]
    return spelled


def without_tonos(segment: str) -> str:
    """A segment with no tonos on its Greek letters (other scripts' accents kept)."""
    decomposed = unicodedata.normalize("NFD", segment)
    if TONOS not in decomposed:
        return segment
    kept = [char for at, char in enumerate(decomposed)
            if not (char == TONOS and at and "\u0370" <= decomposed[at - 1] <= "\u03ff")]
    return unicodedata.normalize("NFC", "".join(kept))


# a folder's address, by the content folder it is in, as routes lays them out
FOLDER_ADDRESS = {"posts": re.compile(rf"{re.escape(POSTS)}/([^/]+)/"), "pages": re.compile(r"([^/]+)/")}


def renamed_from(alias: str, kind: str) -> str:
    """The slug of the folder under `posts/` or `pages/` (`kind`) whose address `alias` is (`/posts/old-slug/`,
    `/old-slug/`, however encoded): the name a renamed folder had; "" when it names no such folder."""
    url, query = served_at(alias)
    found = None if query else FOLDER_ADDRESS[kind].fullmatch(url)
    return found.group(1) if found and is_key(found.group(1)) else ""
