"""The content model: immutable, validated, handed whole to planning and rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timedelta
from unicodedata import bidirectional

from .errors import DIRECTION_CONTROLS

DATE_PATTERN = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})(?: (?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?P<offset>[+-][0-9]{2}:[0-9]{2})?)?)?)?"
)


# the files' word for an author the source does not name: pages and feeds say it in their reader's language
ANONYMOUS = "Anonymous"
# the time a feed gives what has no date and no newer one of its own (Atom asks one of every entry): the
# epoch, which no reader takes for a real day and which never moves, so an old undated comment is not
# shown as new again whenever something else is written
UNDATED = "1970-01-01T00:00:00Z"
LATEST_OFFSET = 14 * 60  # minutes east or west of UTC: no place on Earth keeps its clocks further


def offset_text(minutes: int) -> str:
    """An offset east of UTC as dates write it: `+02:00`, `-05:30`."""
    sign, minutes = "-" if minutes < 0 else "+", abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class PartialDate:
    """A date known only as precisely as its source gives it (year, month, day, time).
    Dates are ordered by `moment`, never by their fields as written."""

    year: int
    month: int = 0
    day: int = 0
    hour: int = -1
    minute: int = -1
    offset: int | None = field(default=None, compare=False)  # minutes east of UTC, when the source or site.yml's timezone says

    # cached: every page that shows a date writes it, and the fields never change
    @cached_property
    def iso(self) -> str:
        """The date in the same form and precision as the author wrote it; a time with its offset when
        it is known (written, or from site.yml's timezone), so that it names one instant."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        if self.hour >= 0:
            text += f"T{self.hour:02d}:{self.minute:02d}"
            if self.offset is not None:
                text += offset_text(self.offset)
        return text

    @cached_property
    def moment(self) -> tuple[int, int, int, int, int]:
        """What orders dates: (year, month, day, hour, minute) in UTC when the time and its offset are
        known (10:30+02:00 comes before 09:00-05:00 of the same day), else as written."""
        if not self.offset or self.hour < 0:  # no offset, or UTC's own (most sites): as written
            return self.year, self.month, self.day, self.hour, self.minute
        utc = datetime(self.year, self.month, self.day, self.hour, self.minute) - timedelta(minutes=self.offset)
        return utc.year, utc.month, utc.day, utc.hour, utc.minute

    @cached_property
    def timestamp(self) -> str:
        """A full RFC 3339 time for feeds, which cannot express less precision: the instant in UTC when it
        is known, so feeds compare as text (written by hand: strftime writes the year 999 as `999`)."""
        year, month, day, hour, minute = self.moment
        return f"{year:04d}-{month or 1:02d}-{day or 1:02d}T{max(hour, 0):02d}:{max(minute, 0):02d}:00Z"

    def first_day(self) -> date:
        """The day it names, or the first of the month or year it names."""
        return date(self.year, self.month or 1, self.day or 1)

    def after_tomorrow(self, today: date) -> bool:
        """Whether it names a day after `today`'s tomorrow: one no one can have written on yet, wherever on Earth."""
        return self.first_day() > today + timedelta(days=1)


ISOLATE, END_ISOLATE = "\u2068", "\u2069"  # what reading/fields.py wraps a right-to-left name in


def name_alone(name: str) -> str:
    """A person's name where nothing stands beside it (a feed's author, structured data): the marks that
    isolate it from the words around it elsewhere are only noise there, unless they hold in direction
    controls of its own (`\u202e`), which would otherwise reach past it."""
    if name.startswith(ISOLATE) and name.endswith(END_ISOLATE) and not any(
            bidirectional(c) in DIRECTION_CONTROLS for c in name[1:-1]):
        return name[1:-1]
    return name


def newest_first(date: PartialDate | None) -> tuple:
    """A sort key: the newest date first, dates of any precision, undated last."""
    if date is None:
        return (1, 0, 0, 0, 0, 0)
    year, month, day, hour, minute = date.moment
    return (0, -year, -month, -day, -hour, -minute)


@dataclass(frozen=True)
class Text:
    """One language version of an essay or a comment."""

    lang: str
    path: str
    blocks: tuple[str, ...]
    title: str = ""
    summary: str = ""
    translator: str = ""
    is_original: bool = False
    stale: tuple[tuple[int, str, int], ...] = ()  # blocks whose original changed since: (index, old words, line)
    excerpt: str = ""  # a comment's first words, for the archive
    unfinished: tuple[int, ...] = ()  # blocks the translator has not done: the original's stand there
    original_lang: str = ""  # set with `unfinished`: the language those blocks are in
    unfinished_fields: tuple[str, ...] = ()  # "title", "summary": front matter still holding the marker
    unfinished_line: int = 0  # where the first unfinished field or block starts in the file, for `status`
    title_lang: str = ""  # the title's language when it is not `lang`: the original's, until translated
    stale_title: tuple[str, int] | None = None  # the original's title it followed, when changed since, and its line
    stale_summary: tuple[str, int] | None = None  # the same of its summary ("" for none then)
    untracked: bool = False  # a translation with no entry in translations.json (for status)
    anchors: tuple[tuple[str, int], ...] = ()  # an old blog's anchors in it, each with its passage's number

    @property
    def title_in(self) -> str:
        return self.title_lang or self.lang

    @property
    def summary_in(self) -> str:
        """The summary's language: the original's while the translator has not replaced it."""
        return self.original_lang if "summary" in self.unfinished_fields else self.lang


class Versions:
    """What essays, pages and comments share: one original among their language versions (`texts`)."""

    texts: tuple[Text, ...]

    # Loops, not next() over a generator: pages ask these a hundred thousand times a build.
    @property
    def original(self) -> Text:
        for text in self.texts:
            if text.is_original:
                return text
        raise StopIteration  # as next() did: validation gives every essay and comment an original

    @property
    def text_paths(self) -> tuple[str, ...]:
        """Its language files: what a page showing its titles or words (a listing, a link) is drawn from."""
        return tuple(text.path for text in self.texts)

    def text(self, lang: str) -> Text | None:
        for text in self.texts:
            if text.lang == lang:
                return text
        return None

    @property
    def translations(self) -> tuple[Text, ...]:
        return tuple(t for t in self.texts if not t.is_original)


# a comment's `status`, as the contract names them: only a published one is shown on the site
PUBLISHED = "published"
COMMENT_STATUSES = (PUBLISHED, "pending", "spam")


@dataclass(frozen=True)
class Comment(Versions):
    """One comment, all its language versions, and the replies shown under it."""

    id: str
    author: str
    texts: tuple[Text, ...]
    date: PartialDate | None = None
    reply_to: str = ""
    status: str = PUBLISHED
    url: str = ""
    replies: tuple["Comment", ...] = ()
    author_lang: str = ""  # the language its author's name is marked with (reading/scripts.name_language)


@dataclass(frozen=True)
class Tag:
    """A tag key and its label in each language."""

    key: str  # its URL segment: `Big Data` is `big-data`
    labels: tuple[tuple[str, str], ...]
    written: str = ""  # the key as site.yml (or the first essay that uses it) writes it: `Big Data`
    written_lang: str = ""  # the language `written` is in, as the essay that writes it is (reading/tags.site_tags);
                            # "" for a key of site.yml's, which says none

    def label(self, lang: str, fallback: str) -> tuple[str, str]:
        """The label in `lang`, else `fallback`, else any, else the key as written: (text, its language),
        a key of site.yml's in no language known (""): site.yml gives none, and a key need not be in the page's."""
        labels = dict(self.labels)
        for wanted in (lang, fallback):
            if wanted in labels:
                return labels[wanted], wanted
        if labels:
            other = next(iter(labels))
            return labels[other], other or lang  # one label for every language (kept under "") is each page's
        return self.written or self.key, self.written_lang


@dataclass(frozen=True)
class Essay(Versions):
    """A post: its language versions, its metadata and its published comment threads."""

    slug: str
    author: str
    texts: tuple[Text, ...]
    date: PartialDate | None = None
    updated: PartialDate | None = None  # when its writer last revised it (`updated:`), which feeds announce
    tags: tuple[str, ...] = ()
    source: str = ""
    draft: bool = False
    translate: bool = True  # false: kept in its one language, which `status` then does not call missing elsewhere
    threads: tuple[Comment, ...] = ()
    comments: tuple[Comment, ...] = field(default=(), repr=False)
    files: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()  # every content file of the post, hidden comments included
    aliases: tuple[str, ...] = ()  # old site-relative addresses that lead here (`/2012/09/10/slug/`, `/?p=5`)
    feed_id: str = ""  # the Atom entry id to keep (a WordPress guid); "" for the essay's own address
    author_lang: str = ""  # the language its author's name is marked with (reading/scripts.name_language)
    # a content key of everything it was validated from but site.yml (its files' hashes, the translation
    # record's entries, the options): equal keys under equal settings mean equal essays
    inputs: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class SitePage(Versions):
    """A page of content/pages/ (About, Contact): language versions side by side like an essay's,
    without date, tags or thread, and listed nowhere but the menu."""

    slug: str
    texts: tuple[Text, ...]
    author: str = ""
    draft: bool = False
    translate: bool = True  # as an essay's
    aliases: tuple[str, ...] = ()  # old site-relative addresses that lead here (site/redirects.py)
    files: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()
    author_lang: str = ""  # as an essay's


@dataclass(frozen=True)
class MenuEntry:
    """One link of the masthead's menu: a page of content/pages/, or an address with its labels."""

    page: str = ""  # a page's slug, labelled with the page's title in each language
    url: str = ""  # else an http(s) address, or a site-relative one starting with /
    labels: tuple[tuple[str, str], ...] = ()  # language -> label, for a url entry
    path: str = ""  # site.yml as errors show it, and the entry's line there
    line: int = 0


@dataclass(frozen=True)
class Redirect:
    """One moved address of site.yml's `redirects`: old site-relative address -> new one."""

    old: str
    new: str
    path: str = ""  # site.yml as errors show it, and the entry's line there
    line: int = 0


@dataclass(frozen=True)
class Discussion:
    """Where readers' proposed comments go: a GitHub repository, or an e-mail address too."""

    repo: str  # owner/name
    branch: str = "main"
    email: str = ""
    issues: bool = False  # readers propose through a new issue (no fork); a workflow opens the pull request


DOTLESS_I = {"tr", "az", "crh", "tt"}  # Turkish, Azerbaijani, Crimean Tatar, Tatar: CLDR's Turkic lower-casing
TRADITIONAL_CHINESE = ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "yue")
WIDE_FORMS = {"zh", "ja", "ko", "yue"}  # whose keyboards type Latin letters and digits full-width too
# languages written in the Arabic script, whose yeh and kaf each have two letters (Arabic's ي ك, Persian's and
# Urdu's ی ک) that look alike and that a reader's keyboard types either way
ARABIC_SCRIPT = {"ar", "fa", "ur", "ps", "ckb", "sd", "ug", "ks", "mzn", "lrc", "sdh", "bal", "glk", "prs"}
# Letters made of no other, which the index's forms without marks keep and a reader's keyboard may lack: on a site
# in a language writing one, search looks for its plain letter typed as it too (`lodz` finds `łódź`, `duong` finds
# `đường`, `cinar` finds `çınar`). Polish, Kashubian, Silesian and Sorbian's ł; Vietnamese, Croatian, Bosnian,
# Serbian (in Latin letters) and Sami's đ; the Turkic languages' ı.
OWN_LETTERS = {"ł": ("l", {"pl", "csb", "szl", "hsb", "dsb"}), "đ": ("d", {"vi", "hr", "bs", "sr", "sh", "se", "smn"}),
               "ı": ("i", DOTLESS_I)}
# French, Italian, Catalan and Occitan join an article or pronoun cut short to the next word (`l’hospitalité`,
# `dell’arte`, `d’aigua`), which search keeps apart (see writing/search.py): those words, and no others
# (`aujourd’hui` is one word, and English's `don't` is no elision)
ELIDING = {"fr", "it", "ca", "oc"}
# (`jusqu’à`, `quelqu’un`, `presqu’île` are read as one word: `à` or `un` alone would find every word so starting)
ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "quoiqu", "un", "dell", "dall", "nell",
            "sull", "all", "coll", "degl", "dagl", "negl", "sugl", "gl", "v", "tutt", "quest", "quell", "nessun", "dov",
            "com", "cos", "anch", "quand", "sant", "bell", "senz", "mezz", "buon")


def elides(lang: str) -> bool:
    """Whether a language joins an elided word to the next, as ELIDING's do (`fr-CA` too)."""
    return lang.split("-")[0].lower() in ELIDING


@dataclass(frozen=True)
class SiteConfig:
    """The validated settings of site.yml."""

    title: tuple[tuple[str, str], ...]
    base_url: str
    languages: tuple[tuple[str, str], ...]
    main_language: str
    description: tuple[tuple[str, str], ...] = ()
    tags: tuple[Tag, ...] = ()
    cname: str = ""
    per_page: int = 20
    comments_per_page: int = 50  # archive excerpts are short: WordPress's own default is 50
    discussion: Discussion | None = None
    search: bool = True
    menu: tuple[MenuEntry, ...] = ()
    english_interface: tuple[str, ...] = ()  # languages accepted with English words, for want of a catalog
    timezone: str = ""  # IANA zone that dates without an offset are in; "" for UTC
    redirects: tuple[Redirect, ...] = ()

    @property
    def base_path(self) -> str:
        """The path part of base_url, e.g. `/repo/` on a GitHub project site."""
        after_host = self.base_url.split("://", 1)[-1]
        return "/" + after_host.split("/", 1)[1] if "/" in after_host else "/"

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.languages)

    @property
    def base_languages(self) -> frozenset[str]:
        """The site's languages without their script or region, in small letters (`zh` of `zh-Hant`): what a
        language does to its words is mostly its base language's."""
        return frozenset(code.split("-")[0].lower() for code, _ in self.languages)

    @property
    def writes_dotless_i(self) -> bool:
        """Whether a language of the site has the dotless ı beside the i (Turkish, Azerbaijani), whose
        capitals I and İ lower to ı and i: search looks for a word typed with them in both forms."""
        return bool(self.base_languages & DOTLESS_I)

    @property
    def writes_wide_forms(self) -> bool:
        """Whether a language of the site is Chinese, Japanese or Korean (WIDE_FORMS), whose writers type Latin
        letters and digits in either width (`ＡＢＣ`, `２０２６`): search looks for a word typed in one in both."""
        return bool(self.base_languages & WIDE_FORMS)

    @property
    def writes_traditional_chinese(self) -> bool:
        """Whether a language of the site is Chinese in Traditional characters (TRADITIONAL_CHINESE), which
        Pagefind's dictionary, Simplified Chinese's, cuts into characters: search looks for a Chinese word by them."""
        return any(code.lower() == tag or code.lower().startswith(tag + "-")
                   for code, _ in self.languages for tag in TRADITIONAL_CHINESE)

    @property
    def writes_serbian(self) -> bool:
        """Whether a language of the site is Serbian, which its readers write in either of its scripts: search
        looks for a word typed in one in the other too."""
        return "sr" in self.base_languages

    @property
    def writes_arabic_script(self) -> bool:
        """Whether a language of the site is written in the Arabic script (ARABIC_SCRIPT, or a tag naming
        it: `pa-Arab`): search looks for a word typed with either yeh or kaf in both forms."""
        return bool(self.base_languages & ARABIC_SCRIPT) or any("-arab" in code.lower() for code in self.language_codes)

    @property
    def own_letters(self) -> tuple[str, ...]:
        """Each letter of OWN_LETTERS a language of the site writes, after its plain one (`lł`): search looks
        for the plain letter typed as it too."""
        return tuple(plain + letter for letter, (plain, languages) in OWN_LETTERS.items() if self.base_languages & languages)

    @property
    def eliding(self) -> tuple[str, ...]:
        """The site's languages that join an elided word to the next (`l’hospitalité`): search looks for
        the word typed so without its elided part (one of ELISIONS), and shows their excerpts joined again."""
        return tuple(code for code, _ in self.languages if elides(code))

    @property
    def elisions(self) -> tuple[str, ...]:
        """ELISIONS, on a site with a language that elides; else none."""
        return ELISIONS if self.eliding else ()

    def language_name(self, code: str) -> str:
        """The name site.yml gives a language, else its code (pages ask CLDR for a better one)."""
        return dict(self.languages).get(code) or code

    def localized(self, values: tuple[tuple[str, str], ...], lang: str) -> tuple[str, str]:
        """A per-language value in `lang`, else main_language, else any: (text, its language). One plain
        text (kept under "") is written once for every language: it stands in each as that page's."""
        mapping = dict(values)
        for wanted in (lang, self.main_language):
            if wanted in mapping:
                return mapping[wanted], wanted
        if mapping:
            other = next(iter(mapping))
            return mapping[other], other or lang
        return "", lang


@dataclass(frozen=True)
class Site:
    """Everything a build publishes."""

    config: SiteConfig
    essays: tuple[Essay, ...]
    tags: tuple[Tag, ...]
    held_back: int = 0
    drafts: int = 0  # essays and pages left out as drafts, which a writer may wonder about
    search: bool = False  # whether this build publishes a search index (and so a search box and page)
    pages: tuple[SitePage, ...] = ()
    static: tuple[str, ...] = ()  # the paths of content/static/, as they stand at the site's root
    favicon: str = ""  # the one of them browsers are pointed to as the site's icon
