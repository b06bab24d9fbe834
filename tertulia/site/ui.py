"""The interface's words in each language, from gettext catalogs, and dates, numbers and language
names from CLDR (Babel).

A language's words are `locales/<lang>/LC_MESSAGES/messages.po` (`pt_BR` for `pt-BR`), a word it
lacks taken from its base language's (`pt`); adding a language is adding a catalog (see the
README). A word no catalog has, or a language with no catalog, falls back to English, marked
`lang="en"` so that screen readers pronounce it right. Babel's version is pinned: its CLDR data decides how a date reads,
and the output must not change with an upgrade nobody asked for.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from ..cache import content_key
from ..model import PartialDate, SiteConfig
from ..theme import CATALOG, ENGLISH
from .catalog_check import placeholder_problems, read_catalog


class Catalog:
    """One language's compiled words: singular texts and plural forms."""

    def __init__(self, path: Path):
        with path.open("rb") as file:
            po, self.unparsed = read_catalog(file)  # (line, why), for the errors
        problems = placeholder_problems(po)
        self.problems = [(line, why) for line, why, _ in problems]  # for the warnings
        unfillable = {name for _, _, name in problems}  # left out: the catalog under this one says them
        self.texts = {m.id: m.string for m in po if isinstance(m.id, str) and m.id and m.string and not m.fuzzy
                      and m.id not in unfillable}
        self.plurals = {m.id[0]: m.string for m in po if isinstance(m.id, tuple) and all(m.string) and not m.fuzzy
                        and m.id[0] not in unfillable}
        self.plural_expr = po.plural_expr
        self.plural_index = gettext.c2py(po.plural_expr)  # the catalog's own C rule, read safely
        self.other_rules: dict[str, tuple[str, object]] = {}  # plural forms taken from a catalog with another rule

    def over(self, fallback: "Catalog") -> "Catalog":
        """This catalog, its missing words taken from `fallback` (a site's own catalog over the
        theme's, a regional one over its base language's), as Hugo merges a project's words with its
        theme's. Plural forms taken keep their own catalog's rule: their order depends on it."""
        merged = object.__new__(Catalog)
        merged.texts = {**fallback.texts, **self.texts}
        merged.plurals = {**fallback.plurals, **self.plurals}
        merged.plural_expr, merged.plural_index = self.plural_expr, self.plural_index
        merged.other_rules = {}
        for singular in merged.plurals:
            expr, index = (self if singular in self.plurals else fallback).rule(singular)
            if expr != self.plural_expr:
                merged.other_rules[singular] = (expr, index)
        return merged

    def rule(self, singular: str) -> tuple[str, object]:
        """The plural rule (its C expression, its function) that orders this message's forms."""
        return self.other_rules.get(singular) or (self.plural_expr, self.plural_index)


def catalog_paths(locales, lang: str) -> list[Path]:
    """The catalogs under the `locales` folders (the site's own, then the theme's) a language's words come
    from, the first that has a word winning: for the language, then for it in its script (`zh-Hant` for `zh-TW`),
    then for its base language (`pt` for `pt-BR`) where both are written in one script (`sr` is Cyrillic,
    `sr-Latn` not; `zh` is Simplified, `zh-TW` not)."""
    paths = []
    base, script = lang.split("-")[0], script_of(lang)
    # then its script's (`zh-Hant` for `zh-TW` and `zh-HK`, `sr-Latn` for `sr-ME`)
    codes = (lang, f"{base}-{script}") if script else (lang,)
    for code in dict.fromkeys(codes + ((base,) if script == script_of(base) else ())):
        for folder in locales:
            for name in dict.fromkeys((code, code.replace("-", "_"))):
                path = folder / name / CATALOG
                if path.is_file() and path not in paths:
                    paths.append(path)
    return paths


@lru_cache(maxsize=None)
def likely_subtags(lang: str) -> tuple[str, str, str] | None:
    """A language tag's language, script and region: its own subtags, and for those it lacks CLDR's likely ones
    (`zh-TW` is zh, Hant, TW; `zh-Hant` zh, Hant, TW; `sr` sr, Cyrl, RS), "" where CLDR has none; None where
    Babel cannot read the tag."""
    from babel.core import get_global
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None
    likely = get_global("likely_subtags")
    keys = [f"{locale.language}_{part}" for part in (locale.script, locale.territory) if part] + [locale.language]
    parts = next((likely[key] for key in keys if key in likely), "").split("_")[1:]
    script = locale.script or next((part for part in parts if len(part) == 4), "")
    territory = locale.territory or next((part for part in parts if part.isupper() and len(part) == 2), "")
    return locale.language, script, territory


def script_of(lang: str) -> str:
    """The script a language tag is written in (see likely_subtags); "" where CLDR does not know it."""
    found = likely_subtags(lang)
    return found[1] if found else ""


# What reading a catalog raises when it cannot be read at all: not UTF-8, or a Plural-Forms gettext refuses
UNREADABLE = (UnicodeDecodeError, LookupError, ValueError, SyntaxError, RecursionError)


class Interface:
    """Every catalog of a build, compiled once, and each language's Words."""

    def __init__(self, locales: list[Path], config: SiteConfig):
        self.locales = locales  # the site's own catalogs first, then the theme's
        self.config = config
        self._words: dict[str, Words] = {}
        self._said: dict[frozenset, str] = {}  # messages looked up -> what the catalogs say of them
        self._catalogs: dict[Path, Catalog] = {}  # each catalog file read once, however many languages use it

    def take_used(self) -> frozenset[tuple[str, str]]:
        """The messages looked up since the last call, as (language, message), forgotten as they are
        taken: rendering takes them after each page, so they are that page's."""
        used = frozenset((words.lang, message) for words in self._words.values() for message in words.used)
        for words in self._words.values():
            words.used.clear()
        return used

    def said(self, used: frozenset[tuple[str, str]]) -> str:
        """A key for what the catalogs say of these messages now (a translation, a plural rule, none):
        a page that looked up just these is up to date while this key is, whatever else a catalog gains."""
        key = self._said.get(used)
        if key is None:
            parts = []
            for lang, message in sorted(used):
                catalog = self.words(lang).catalog
                parts.append(repr((lang, message) + ((catalog.texts.get(message), catalog.plurals.get(message),
                                                      catalog.rule(message)[0]) if catalog else ())))
            key = self._said[used] = content_key(*parts)
        return key

    def catalog_paths(self, lang: str) -> list[Path]:
        return catalog_paths(self.locales, lang)

    def catalog_path(self, lang: str) -> Path | None:
        """The catalog a language's words come from first, or none."""
        return next(iter(self.catalog_paths(lang)), None)

    def words(self, lang: str) -> "Words":
        if lang not in self._words:
            catalogs = [self.catalog(path) for path in self.catalog_paths(lang)]
            merged = catalogs[-1] if catalogs else None
            for catalog in reversed(catalogs[:-1]):
                merged = catalog.over(merged)
            self._words[lang] = Words(lang, merged, self.config)
        return self._words[lang]

    def catalog(self, path: Path) -> Catalog:
        if path not in self._catalogs:
            self._catalogs[path] = Catalog(path)
        return self._catalogs[path]

    def used_catalogs(self) -> list[tuple[Path, str]]:
        """Each catalog the site's languages use, once, with its path under locales/ (<lang>/LC_MESSAGES/…)."""
        paths = dict.fromkeys(path for lang in self.config.language_codes for path in self.catalog_paths(lang))
        return [(path, path.relative_to(path.parents[2]).as_posix()) for path in paths]


@lru_cache(maxsize=None)  # CLDR's data for a language is read once: pages ask for a handful of languages, often
def babel_locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


# The digit zero of each numbering system CLDR makes a language's own where it is not the Latin one: a
# Bengali page writes ৭ ডিসেম্বর, ২০২৬ and a Persian one ۷ دسامبر ۲۰۲۶, as a browser's own dates do there.
# Babel formats every number and date with Latin digits; the nine others follow each zero in Unicode.
DIGIT_ZERO = {"arab": "\u0660", "arabext": "\u06f0", "adlm": "\U0001e950", "beng": "\u09e6", "cakm": "\U00011136",
              "deva": "\u0966", "hmnp": "\U0001e140", "mtei": "\uabf0", "mymr": "\u1040", "nkoo": "\u07c0",
              "olck": "\u1c50", "tibt": "\u0f20",
              # and of those CLDR names a language's native digits, where its default is Latin: Thai prose
              # often writes ๒๕๖๙, Hindi २०२६, which a reader types in Latin digits or in them
              "thai": "\u0e50", "laoo": "\u0ed0", "khmr": "\u17e0", "tamldec": "\u0be6", "telu": "\u0c66",
              "gujr": "\u0ae6", "guru": "\u0a66", "knda": "\u0ce6", "mlym": "\u0d66", "orya": "\u0b66"}


@lru_cache(maxsize=None)
def native_numbering(lang: str) -> str:
    """The numbering system this language writes numbers in where its digits are not the Latin ones
    (`arabext`, one of DIGIT_ZERO's); "" for the Latin ones (most languages) or a language CLDR does not know."""
    locale = babel_locale(lang) if lang else None
    system = locale.default_numbering_system if locale is not None else ""
    return system if system in DIGIT_ZERO else ""


@lru_cache(maxsize=None)
def native_digits(lang: str) -> dict[int, str] | None:
    """A str.translate table from Latin digits to the ones this language writes numbers with; None for
    the Latin ones (see native_numbering)."""
    zero = DIGIT_ZERO.get(native_numbering(lang))
    return None if zero is None else {ord("0") + step: chr(ord(zero) + step) for step in range(10)}


DOT_ZEROS = {"arab", "arabext"}  # the numbering systems whose zero is written as a dot (٠ ۰)


# CSS's own counter style for each numbering system above that has one; the others are drawn from their digits
LIST_STYLES = {"arab": "arabic-indic", "arabext": "persian", "beng": "bengali", "deva": "devanagari",
               "mymr": "myanmar", "tibt": "tibetan"}


@lru_cache(maxsize=None)  # once per site's languages
def digit_sets(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The ten digits of each of the site's languages that write numbers in their own (`۰۱۲…`), by default
    or as its writers may (CLDR's native digits, Thai's `๐๑๒…`): search looks for a number typed in any of
    them, or in Latin digits, in all."""
    systems = (system for lang in languages for system in (native_numbering(lang), _native_system(lang)))
    zeros = dict.fromkeys(DIGIT_ZERO[system] for system in systems if system in DIGIT_ZERO)
    return tuple("".join(chr(ord(zero) + step) for step in range(10)) for zero in zeros)


def _native_system(lang: str) -> str:
    """The numbering system CLDR names this language's native one (`thai`), whatever it writes by default."""
    locale = babel_locale(lang) if lang else None
    return locale.other_numbering_systems.get("native", "") if locale is not None else ""


@lru_cache(maxsize=None)  # once per site's languages, asked by every page
def list_digit_styles(languages: tuple[str, ...]) -> Markup:
    """The style sheet lines that number a text's lists in its language's own digits, as its dates and counts
    are (a Persian list reads ۱. ۲. ۳.); "" for a site whose languages all write Latin digits. Of no weight
    (`:where`), so a list the theme draws without numbers (a thread, a listing) stays so; and not for a list
    whose `type` asks letters or Roman numerals (an essay's HTML), which any rule of a style sheet overrides."""
    rules = []
    for lang in languages:
        system = native_numbering(lang)
        if not system:
            continue
        style = LIST_STYLES.get(system)
        if style is None:
            style = f"digits-{system}"
            symbols = " ".join(f'"{digit}"' for digit in native_digits(lang).values())
            rules.append(f"@counter-style {style} {{ system: numeric; symbols: {symbols}; }}")
        rules.append(f":where(ol:lang({lang}):not([type])) {{ list-style-type: {style}; }}")
    return Markup("\n".join(rules))  # language tags are checked (BCP 47) and the rest is ours: nothing to escape


@lru_cache(maxsize=None)  # a handful of languages, asked on every element of every page
def direction(lang: str) -> str:
    """"rtl" for a language written right to left (CLDR's word: Arabic, Hebrew, Persian, Urdu…), else "ltr"."""
    locale = babel_locale(lang) if lang else None
    return "rtl" if locale is not None and locale.text_direction == "rtl" else "ltr"


class Words:
    """The interface in one page's language."""

    def __init__(self, lang: str, catalog: Catalog | None, config: SiteConfig):
        self.lang = lang
        self.catalog = catalog
        self.config = config
        self.locale = babel_locale(lang)
        self.english = lang.split("-")[0] == ENGLISH
        self.digits = native_digits(lang)  # None where numbers are written with Latin digits
        # the language the words of a language with no catalog are in: what a script marks the
        # words it places with, since it cannot ask the catalog (see templates/base.html)
        self.stand_in = "" if self.english or catalog else ENGLISH
        # the ten, for the scripts that write numbers into this language's words on a page ("" for Latin ones,
        # and where the words are English's: a language without a catalog)
        self.digit_string = "".join(self.digits.values()) if self.digits and not self.stand_in else ""
        # and the numbering system they belong to, for a script that groups a number's digits as the build does
        self.numbering = native_numbering(lang) if self.digit_string else ""
        # what parts a byline's items (author · date · count): not a dot beside digits whose zero is one (Arabic's
        # ٠, Persian's ۰), where "۱ · ۰" read as ten
        self.dot = "|" if native_numbering(lang) in DOT_ZEROS else "·"
        self._dates: dict[int, Markup] = {}
        self._kept: list[PartialDate] = []
        self._parts: dict[tuple, str] = {}  # (year, month, day) or (hour, minute) -> its text
        self._date_locale = self.locale or Locale.parse(ENGLISH)  # CLDR's dates: English's without a locale
        # how this language joins a long date and its time: "{1}, {0}", Arabic's comma "{1}، {0}", "{1} {0}"
        self._date_and_time = str(self._date_locale.datetime_formats["long"])
        self._counts: dict[tuple, Markup] = {}  # (singular, count) -> its words
        self._forms: dict[tuple, tuple] = {}  # (singular, plural) -> its forms for a script
        self._plain: dict[str, Markup] = {}  # message -> its words, for the phrases without placeholders
        self._language_names: dict[str, Markup] = {}  # code -> its name in this page's sentences
        # A value of a phrase in this page's language (a language's name, a date), by its identity (each is
        # made once and kept), -> how an English phrase shows it: a phrase this language's catalog lacks
        # is English's, and "translated into Yunanca" mixed two languages in an element marked as English
        self._in_english: dict[int, Markup] = {}
        self.used: set[str] = set()  # the messages looked up, for Interface.take_used

    def text(self, message: str, **values) -> Markup:
        """A phrase for an element's content, its `%(name)s` placeholders filled with `values` (escaped
        unless Markup), in the order the translator chose; an English fallback carries its language."""
        self.used.add(message)
        if not values:  # most words of a page, on every page: each looked up and escaped once
            known = self._plain.get(message)
            if known is None:
                known = self._plain[message] = self._text(message, values)
            return known
        return self._text(message, values)

    def _text(self, message: str, values: dict) -> Markup:
        if self.catalog and message in self.catalog.texts:
            if not values:  # most words of a page: no placeholder, no second call
                return escape(self.catalog.texts[message])
            shown = _filled(escape(self.catalog.texts[message]), self._numbers_written(values))
            if shown is not None:
                return shown
        shown = _filled(escape(message), {name: self._as_in_english(value) for name, value in values.items()})
        return shown if self.english else Markup('<span lang="en">{}</span>').format(shown)

    def _numbers_written(self, values: dict) -> dict:
        """A phrase's whole numbers ("Page 2 of 7", "Discussion (12)") as this language writes them."""
        if self.digits is None:
            return values
        return {name: self.numeral(value) if type(value) is int else value for name, value in values.items()}

    def numeral(self, value: int) -> str:
        """A number as this page's language writes its digits (a count in a template, a page's number)."""
        return str(value).translate(self.digits) if self.digits else str(value)

    def _as_in_english(self, value):
        """A phrase's value as an English phrase shows it: a language's name or a date in English's words,
        a name the template left unmarked (being in the page's language) marked as the page's."""
        known = self._in_english.get(id(value))
        if known is not None:
            return known
        if not self.english and type(value) is Markup and "<bdi" in value:
            marked = f' lang="{escape(self.lang)}">'
            return Markup(UNMARKED_NAME.sub(lambda bdi: bdi.group(0) if " lang=" in bdi.group(1)
                                            else f"<bdi{bdi.group(1)}{marked}", value))
        return value

    def attr(self, message: str, **values) -> str:
        """A phrase for an attribute, where no element can mark a fallback's language."""
        self.used.add(message)
        text = self.catalog.texts.get(message, message) if self.catalog else message
        if values and text is not message:  # this language's words: its numbers too
            values = self._numbers_written(values)
        try:
            return text % values if values else text
        except (KeyError, ValueError, TypeError):  # a translation naming a placeholder the phrase lacks
            return message % values

    def attr_lang(self, message: str) -> str:
        """The language of `attr(message)` where it is not the page's: "en" for a phrase this language's catalog
        lacks, so that a script placing it says so, and writes its numbers with Latin digits; else ""."""
        self.used.add(message)
        return "" if self.english or (self.catalog and message in self.catalog.texts) else ENGLISH

    def language_in_text(self, code: str) -> Markup:
        """A language's name inside a sentence of this page: as this language writes it there (CLDR:
        "français" in French, "Französisch" in German), not a label's capitalized form."""
        known = self._language_names.get(code)
        if known is None:
            name, written_in = self.language_in_text_parts(code)
            known = self._language_names[code] = (Markup('<span lang="{}">{}</span>').format(written_in, name)
                                                  if written_in else escape(name))
            english = _display_name(code, ENGLISH, sentence=True)  # an English phrase names it in English
            self._in_english[id(known)] = escape(english) if english else Markup(
                '<span lang="{}">{}</span>').format(code, self.config.language_name(code))
        return known

    def language_in_text_parts(self, code: str, within: str = "") -> tuple[str, str]:
        """language_in_text as plain text, for a script to place: (name, the language the name is
        written in when it is not this page's, else ""); `within`, the phrase it is placed in, which
        when this language's catalog lacks it is English's, and so is the name then."""
        english_phrase = within and not self.english and not (self.catalog and within in self.catalog.texts)
        # without a catalog the sentence around the name is English's (Words.text): so is the name
        locale = self.locale if (self.catalog or self.english) and not english_phrase else None
        name = _display_name(code, locale or ENGLISH, sentence=True)
        if not name:
            return self.config.language_name(code), code
        return name, "" if locale else ENGLISH

    def plural(self, singular: str, plural: str, count: int) -> Markup:
        """`%(num)d` things, in the form this language uses for that number (Romanian has three).
        Listings say "20 comments" thousands of times: each count is worded once."""
        self.used.add(singular)
        key = (singular, count)
        if key not in self._counts:
            self._counts[key] = self._plural(singular, plural, count)
        return self._counts[key]

    def _plural(self, singular: str, plural: str, count: int) -> Markup:
        number = format_decimal(count, locale=self.locale or ENGLISH)
        if self.catalog and singular in self.catalog.plurals:
            forms = self.catalog.plurals[singular]
            form = forms[min(self.catalog.rule(singular)[1](count), len(forms) - 1)]
            if self.digits:  # its separators too: Persian groups with ٬
                number = format_decimal(count, locale=self.locale, numbering_system="default").translate(self.digits)
            return escape(form.replace("%(num)d", number))
        text = (singular if count == 1 else plural).replace("%(num)d", number)
        return escape(text) if self.english else Markup('<span lang="en">{}</span>').format(text)

    def date(self, date: PartialDate) -> Markup:
        """A <time> element at the precision the source gave, as this language writes dates.

        Every comment on every page shows one, and CLDR formatting costs 40 us: each date is
        formatted once per language and build (most pages repeat the dates of others)."""
        shown = self._dates.get(id(date))  # by identity: the model's dates live as long as the build
        if shown is None:
            shown = self._dates[id(date)] = self._time_element(date)
            self._kept.append(date)  # and this keeps each one alive, so no id is ever reused
        return shown

    def _time_element(self, date: PartialDate) -> Markup:
        text = self._part((date.year, date.month, date.day), self._day_text)
        if date.hour >= 0:  # days and times repeat far more than whole timestamps: each is made once
            text = self._date_and_time.replace("{1}", text).replace("{0}", self._part((date.hour, date.minute),
                                                                                     self._clock_text))
        marked = "" if self.locale else ' lang="en"'
        shown = Markup(f'<time datetime="{date.iso}"{marked}>{escape(text)}</time>')
        if self.locale and not self.english:  # in an English phrase the date is still this page's: it says so
            self._in_english[id(shown)] = Markup(f'<time datetime="{date.iso}" lang="{self.lang}">{escape(text)}</time>')
        return shown

    def _part(self, key: tuple, make) -> str:
        known = self._parts.get(key)
        if known is None:
            known = make(*key)
            known = self._parts[key] = known.translate(self.digits) if self.digits else known
        return known

    def _day_text(self, year: int, month: int, day: int) -> str:
        locale = self._date_locale
        if locale.language == "th":  # Thailand dates by the Buddhist era, as CLDR prefers for Thai
            return _in_buddhist_era(locale, year, month, day)
        if day:
            return format_date(dt.date(year, month, day), "long", locale=locale)
        if month:
            return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale)
        return str(year)

    def _clock_text(self, hour: int, minute: int) -> str:
        # one unit: CLDR joins English's "10:27 AM" with a no-break space, Arabic's "10:27 ص" and Korean's
        # "오후 6:30" with a plain one, which a phone's narrow line broke before the marker
        return format_time(dt.time(hour, minute), "short", locale=self._date_locale).replace(" ", "\u00a0")

    def language(self, code: str) -> Markup:
        """A language's name: as site.yml gives it, else as this page's language calls it (CLDR),
        marked with this page's language, since it sits where the named language's code stands."""
        given = self.config.language_name(code)
        if given != code:
            return escape(given)
        name = _display_name(code, self.locale or ENGLISH)
        if not name or code == self.lang:
            return escape(name or code)
        return Markup('<span lang="{}">{}</span>').format(self.lang if self.locale else ENGLISH, name)

    def autonym(self, code: str) -> str:
        """A language's name in itself, as plain text (for a menu option): site.yml's, else CLDR's."""
        given = self.config.language_name(code)
        return given if given != code else autonym(code)

    def plural_forms(self, singular: str, plural: str) -> tuple[dict[str, str], str]:
        """A plural phrase for a script to fill in: its form for each CLDR plural category of this
        language (what `Intl.PluralRules` answers), `%(num)d` kept; and "en" when English stands in.
        Every card page carries it: found once (it tries two hundred numbers against CLDR's rule)."""
        self.used.add(singular)
        key = (singular, plural)
        if key not in self._forms:
            self._forms[key] = self._plural_forms(singular, plural)
        return self._forms[key]

    def _plural_forms(self, singular: str, plural: str) -> tuple[dict[str, str], str]:
        if not (self.catalog and singular in self.catalog.plurals):
            return {"one": singular, "other": plural}, "" if self.english else ENGLISH
        forms, rule = self.catalog.plurals[singular], self.locale.plural_form if self.locale else None
        categories = (rule.tags if rule else set()) | {"other"}
        samples = {}
        for number in [*range(200), 1_000_000]:  # the first number of each category (1e6: "many")
            samples.setdefault(rule(number) if rule else ("one" if number == 1 else "other"), number)
        index = self.catalog.rule(singular)[1]
        found = {category: forms[min(index(samples[category]), len(forms) - 1)]
                 for category in sorted(categories) if category in samples}
        # Polish, Russian and Ukrainian keep "other" for fractions, which no count of comments is; the
        # script still finds a listing's phrases by it, and falls back to it: their last form, as gettext's
        found.setdefault("other", forms[-1])
        return found, ""


def spaced_comma(comma: Markup) -> Markup:
    """The comma between a list's items with the space after it, or none after a full-width comma
    ("、", "，"), which holds its own space: Japanese and Chinese put no space between words."""
    return comma if comma and unicodedata.east_asian_width(comma[-1]) in "WF" else comma + " "


def english_name(code: str) -> str:
    """A language's name in English, for the command line's messages; its code when CLDR has none."""
    return _display_name(code, ENGLISH) or code


def autonym(code: str) -> str:
    """A language's name in itself (CLDR), as a list of languages names it; its code when CLDR has none."""
    return _display_name(code, babel_locale(code) or ENGLISH) or code


def _in_buddhist_era(locale: Locale, year: int, month: int, day: int) -> str:
    """A date as Thai writes it, in the Buddhist era (พ.ศ. 2569 for 2026): CLDR's patterns for Thai, which
    Babel fills only from the Gregorian calendar ("ค.ศ. 2026"), with that era's name and year."""
    if day:
        pattern = str(locale.date_formats["long"].pattern)
    else:
        pattern = str(locale.datetime_skeletons["yMMMM" if month else "y"])
    # "MMMM y" names no era: the year alone would read as the Gregorian one it no longer is
    year_said = f"'{year + 543}'" if "G" in pattern else f"'พ.ศ.' '{year + 543}'"
    written = ERA_OR_YEAR.sub(lambda found: {"G": "'พ.ศ.'", "y": year_said}.get(found.group()[0], found.group()), pattern)
    return format_date(dt.date(year, month or 1, day or 1), written, locale=locale)


ERA_OR_YEAR = re.compile(r"'[^']*'|G+|y+")  # a pattern's quoted words are kept as they are


# Vietnamese names a language "Tiếng Hàn" (the tongue, Korean) as CLDR writes a label; inside a sentence the
# common noun is written small, as Vietnamese writes it ("dịch sang tiếng Hàn"), and CLDR says no transform
SMALL_IN_A_SENTENCE = {"vi": ("Tiếng ", "tiếng ")}


@lru_cache(maxsize=None)  # every card names its languages: the same few names, thousands of times a build
def _display_name(code: str, in_language, sentence: bool = False) -> str:
    """CLDR's name of a language in another; capitalized as a label unless it stands in a sentence."""
    locale = babel_locale(code)
    name = locale.get_display_name(in_language) if locale else None
    if not name:
        return ""
    if sentence:
        label, small = SMALL_IN_A_SENTENCE.get(str(in_language).split("_")[0], ("", ""))
        return small + name[len(label):] if label and name.startswith(label) else name
    return name[:1].title() + name[1:]  # title case: Georgian has none, and upper case is Mtavruli


# A name a template left unmarked, being in the page's language (it marks one in another): inside a phrase
# this language's catalog lacks, the English element around it claimed it (a Hindi reader's name was read
# out as English)
UNMARKED_NAME = re.compile(r"<bdi((?:\s[^>]*)?)>")


STRING_PLACEHOLDERS_ONLY = re.compile(r"(?:[^%]|%%|%\(\w+\)s)*")


def _filled(phrase: Markup, values: dict) -> Markup | None:
    """A phrase with its placeholders filled; None when a translation names one the phrase lacks."""
    if not values:
        return phrase
    try:
        if STRING_PLACEHOLDERS_ONLY.fullmatch(phrase):
            # As Markup's own % fills `%(name)s`, each value escaped unless Markup, without wrapping
            # every value in a helper object: pages fill thousands of phrases ("by %(author)s").
            return Markup(str.__mod__(phrase, {key: value if type(value) is Markup else escape(value)
                                               for key, value in values.items()}))
        return phrase % values
    except (KeyError, ValueError, TypeError):
        return None
