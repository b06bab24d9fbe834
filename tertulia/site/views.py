"""The model reshaped for templates: rows of aligned blocks, nested comment views, links."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import zip_longest
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from . import routes
from ..reading.markup import first_words, reading_text, word_count
from .excerpts import first_paragraph, first_sentence, first_worded, is_wordless
from .relink import rebase_links
from ..model import Comment, Essay, PartialDate, Site, SitePage, Tag, Text


ROLES = ("original", "translation")


# Side and CommentView are made afresh for every page that draws an essay, and dropped with it: not
# frozen, since a frozen dataclass costs four times as much to make (fifty Sides and twenty comments a page).
@dataclass(slots=True)
class Side:
    """One language's block in a row, or its title."""

    lang: str
    html: Markup
    role: str = "original"  # or "translation": which column it stands in; "other" stands apart from both;
    # "shared": a block the same in both languages, drawn once across both columns
    outdated: bool = False  # its original changed after it was translated
    kind: str = ""  # "missing": a note that this column lacks the text; "gap": an empty place holder
    unfinished: bool = False  # the translation's block is not done: the original's is shown, noted


@dataclass(frozen=True)
class Link:
    """A link with the language of its text (and of its target, for hreflang)."""

    url: str
    text: str
    lang: str
    current: bool = False


@dataclass(frozen=True)
class MenuLink:
    """An entry of the masthead's menu as one page shows it."""

    url: str  # a site URL for href(), or an absolute address as it is
    text: str
    lang: str
    external: bool = False
    current: bool = False
    query: str = ""  # a site URL's query and fragment (`?q=client#top`), kept whole after href()'s path


@dataclass(slots=True)
class CommentView:
    """A comment as one page shows it: rows of sides; threads come flattened, in reading order."""

    id: str
    author: str
    website: str
    date: PartialDate | None
    rows: tuple[tuple[Side, ...], ...]
    untranslated: bool  # shown in neither of the page's languages, but in its own
    level: int  # its depth in the thread, as far as indenting goes
    after: Markup  # what follows it: its replies' list opening, or the elements its end closes
    written_in: str = ""  # the original's language, when it is not the page's first column
    lacks: str = ""  # "original" or "translation": the column it has no text for, on a two-column page
    reply_url: str = ""  # where a reader proposes a reply, when the site takes proposals
    pending: bool = False  # shown only in the preview, for a moderator to read in context
    replying_to: str = ""  # the author answered, named when the thread is too deep to show it by indenting
    replying_to_id: str = ""  # and that comment's id, to link to it
    # who translated what the page shows of it: (language translated into, translator), as the contract's
    # `translator` says; on a one-language page showing a translation, `translated_from` names the
    # original's language, so a reader knows they read a translation even when it names no translator
    translators: tuple[tuple[str, str], ...] = ()
    translated_from: str = ""
    # the languages its writer and the writer it answers wrote in: a name is marked with its writer's
    # (a Hebrew name on an English page is read as Hebrew), wherever that is not the page's
    author_lang: str = ""
    replying_to_lang: str = ""
    # its own words, apart, on a page that shows only translations of it (a Japanese comment on an Arabic
    # essay, read in its English translation): folded away, but never out of the reader's reach
    original_rows: tuple[tuple[Side, ...], ...] = ()

    @property
    def numbered_rows(self) -> tuple[tuple[int, tuple[Side, ...]], ...]:
        """The rows with their passage numbers from 1: a template's `loop.index` costs a loop object
        for every comment of every page."""
        return tuple(enumerate(self.rows, 1))


@dataclass(frozen=True)
class ViewChoice:
    """One way to read a side-by-side page: its role (kept on the device), and its value in the
    address (`?view=`), which for one language alone is that language's code, so a link says it."""

    role: str
    value: str
    lang: str = ""


def view_choices(texts: list[Text]) -> tuple[ViewChoice, ...]:
    """Side by side, stacked (original then translation, row by row), or either language alone."""
    if len(texts) < 2:
        return ()
    return (ViewChoice("side-by-side", "side-by-side"), ViewChoice("stacked", "stacked"),
            *(ViewChoice(role, text.lang, text.lang) for role, text in zip(ROLES, texts)))


def print_labels(labels: list[str]) -> Markup:
    """The column labels at the top of every printed page, over the left and right columns."""
    boxes = (f"@{box} {{ content: {_css_string(label)}; font: 8pt system-ui, sans-serif; color: #333; }}"
             for box, label in zip(("top-left", "top-right"), labels))
    return Markup("@page { " + " ".join(boxes) + " }")


def _css_string(text: str) -> str:
    """A CSS string that no text can end early, or turn into markup inside a style element."""
    return '"' + "".join(c if c.isalnum() or c in " ·-_.,()" else f"\\{ord(c):x} " for c in text) + '"'


@dataclass(frozen=True)
class LinkBase:
    """How a text's relative links, written from its post's folder, are written on a page showing it."""

    prefix: str = ""  # leads from the page to the post's folder
    moved: dict[str, str] | None = None  # a link to another post -> to its page in this page's language


def rows(texts: list[Text], base: LinkBase = LinkBase()) -> tuple[tuple[Side, ...], ...]:
    """Aligned blocks, one row per block pair, their relative links written as `base` says."""
    prefix, moved = base.prefix, base.moved
    columns = [[Side(t.lang, Markup(rebase_links(b, prefix, moved)), ROLES[i > 0]) for b in t.blocks]
               for i, t in enumerate(texts)]
    for column, text in zip(columns, texts):
        for index, *_ in text.stale:  # rare: most translations follow their original
            column[index] = Side(text.lang, column[index].html, column[index].role, outdated=True)
        for index in text.unfinished:  # rarer still: a starter's block published before it is done
            column[index] = Side(text.original_lang, column[index].html, column[index].role, unfinished=True)
    paired = (_shared(tuple(s for s in row if s is not None)) for row in zip_longest(*columns))
    return tuple(row for row in paired if any(side.html for side in row))  # sanitizing can empty a block


def _shared(row: tuple[Side, ...]) -> tuple[Side, ...]:
    """A pair the translator had to repeat to keep blocks aligned (an image without words, code, a
    formula), as one side: shown twice, it reads as two images or two listings."""
    if len(row) == 2 and row[0].html == row[1].html and not row[1].outdated and is_wordless(row[0].html):
        return (replace(row[0], role="shared"),)
    return row


@dataclass(frozen=True)
class Heading:
    """A heading of the text, as the table of contents lists it: its passage, level and words per language."""

    number: int
    level: int
    sides: tuple[Side, ...]


HEADING = re.compile(r"<h([23])\b")


def contents(shown: tuple[tuple[Side, ...], ...]) -> tuple[Heading, ...]:
    """The rows that are headings (level 2 and 3), for a table of contents; none for fewer than two."""
    found = []
    for number, row in enumerate(shown, 1):
        level = HEADING.match(row[0].html)
        if level:
            found.append(Heading(number, int(level.group(1)), tuple(
                replace(side, html=escape(reading_text(side.html))) for side in row if side.html)))
    return tuple(found) if len(found) > 1 else ()


def title_sides(texts: list[Text]) -> tuple[Side, ...]:
    """The titles of the texts shown side by side, as one row."""
    return tuple(Side(t.title_in, escape(t.title), ROLES[i > 0]) for i, t in enumerate(texts))


MAX_LEVEL = 4  # replies deeper than this are not indented further
NAMED_FROM = 2  # from this depth on, a reply names whom it answers: on a phone, indenting stops sooner
OPEN_REPLIES = Markup('\n<ol class="thread replies">')
CLOSE_COMMENT = "\n    </article>\n  </li>"
CLOSE_LEVEL = "\n</ol>" + CLOSE_COMMENT


def comment_views(comments: tuple[Comment, ...], langs: list[str], reply=None,
                  base: LinkBase = LinkBase()) -> tuple[CommentView, ...]:
    """Threads for a page that reads `langs` (one language, or original + translation), flattened in
    reading order, so a thread of any depth is drawn without recursion; `reply`, when the site takes
    proposals, gives the link for a reply to a comment (by its id and author)."""
    views = []
    # (comment, depth, levels its end closes, the comment it answers)
    pending = [(comment, 0, 0, None) for comment in reversed(comments)]
    while pending:
        comment, depth, closes, answered = pending.pop()
        if comment.replies:
            after = OPEN_REPLIES
            last = len(comment.replies) - 1
            pending += [(r, depth + 1, closes + 1 if i == last else 0, comment)
                        for i, r in reversed(list(enumerate(comment.replies)))]
        else:
            after = Markup(CLOSE_COMMENT + CLOSE_LEVEL * closes)
        views.append(_comment_view(comment, langs, reply, depth, after, answered, base))
    return tuple(views)


def _comment_view(comment: Comment, langs: list[str], reply, depth: int, after: Markup,
                  answered: Comment | None, base: LinkBase) -> CommentView:
    """In one language, or in the page's two columns: each text under its own language's column."""
    shown, lacks = _comment_rows(comment, langs, base)
    named = answered if depth >= NAMED_FROM else None
    credits = _translators(comment, langs)
    return CommentView(
        id=comment.id, author=comment.author, website=comment.url, date=comment.date,
        rows=shown, untranslated=not any(comment.text(lang) for lang in langs),
        level=min(depth, MAX_LEVEL), after=after,
        written_in=comment.original.lang if len(langs) > 1 and comment.original.lang != langs[0] else "",
        lacks=lacks,
        reply_url=reply(comment.id, comment.author) if reply else "",
        pending=comment.status == "pending",
        replying_to=named.author if named else "", replying_to_id=named.id if named else "",
        translators=credits, translated_from=_translated_from(comment, langs),
        author_lang=comment.author_lang, replying_to_lang=named.author_lang if named else "",
        original_rows=_original_apart(comment, langs, base),
    )


def _original_apart(comment: Comment, langs: list[str], base: LinkBase) -> tuple[tuple[Side, ...], ...]:
    """The original's rows, standing apart from the columns, when a page of two columns shows a
    translation of the comment and its original is in neither; else none (most comments: one test).
    A page in one language is that language's only, as the contract has it: the side-by-side page
    is where a reader goes for a text and its translation. A translation not begun shows the
    original's words already, in its column: folded again, they were read twice."""
    if len(langs) < 2 or comment.original.lang in langs or not any(_begun(comment.text(lang)) for lang in langs):
        return ()
    return _original_alone(comment, base)


def _original_alone(comment: Comment, base: LinkBase) -> tuple[tuple[Side, ...], ...]:
    """The original's rows, each one side standing apart from the page's columns."""
    return tuple((replace(side, role="other"),) for (side,) in rows([comment.original], base))


def _begun(text) -> bool:
    """Whether a text is there and holds words of its own: a translation whose every block still says
    `TODO translate` shows only its original's, each noted as not yet translated: not "translated from"."""
    return text is not None and len(text.unfinished) < len(text.blocks)


def _translated_from(comment: Comment, langs: list[str]) -> str:
    """The original's language, when a one-language page shows the comment in a translation."""
    if len(langs) > 1 or comment.original.lang == langs[0] or not _begun(comment.text(langs[0])):
        return ""
    return comment.original.lang


def _translators(comment: Comment, langs: list[str]) -> tuple[tuple[str, str], ...]:
    """The translations a page shows of a comment that name who made them: (language, translator)."""
    return tuple((text.lang, text.translator) for text in comment.texts  # most name no one: a cheap test first
                 if text.translator and not text.is_original and text.lang in langs)


def _comment_rows(comment: Comment, langs: list[str], base: LinkBase) -> tuple[tuple[tuple[Side, ...], ...], str]:
    """The rows, and the column the comment lacks: a text never stands under another language's label.
    In neither language, it stands apart in its own; in one, the other column says it is missing.
    Relative links are the post folder's, as in its essay (`base` leads there from the page)."""
    texts = [comment.text(lang) for lang in langs]
    if len(langs) == 1:
        return rows([texts[0] or comment.original], base), ""
    if all(texts):
        return rows(texts, base), ""
    if not any(texts):
        return _original_alone(comment, base), ""
    present = 0 if texts[0] else 1
    lacking = ROLES[1 - present]
    found = [(replace(side, role=ROLES[present]),) for (side,) in rows([texts[present]], base)]
    note = Side(langs[1 - present], Markup(), lacking, kind="missing")
    gap = Side("", Markup(), lacking, kind="gap")
    shown = [(note if i == 0 else gap,) + row if present else row + (note if i == 0 else gap,)
             for i, row in enumerate(found)]
    return tuple(shown), lacking


def title_link(essay: Essay, lang: str, url: str) -> Link:
    """An essay's title in `lang` when it has one, else in its original language."""
    text = essay.text(lang) or essay.original
    return Link(url=url, text=text.title, lang=text.title_in)


def tag_links(site: Site, keys: tuple[str, ...], lang: str, folder: str = "") -> tuple[Link, ...]:
    """Tags labelled in `lang`, linking to the tag pages in `folder` (a language's, or the root's)."""
    by_key = {t.key: t for t in site.tags}
    return tuple(tag_link(site, by_key[k], lang, folder) for k in keys)


def tag_link(site: Site, tag: Tag, lang: str, folder: str = "") -> Link:
    label, label_lang = tag.label(lang, site.config.main_language)
    return Link(url=routes.tag(tag.key, 1, folder), text=label, lang=label_lang)


def language_links(site: Site, essay: Essay, current: str = "") -> tuple[Link, ...]:
    """The essay's single-language pages, in the display order of site.yml."""
    return tuple(Link(url=routes.single(code, essay.slug), text=site.config.language_name(code), lang=code,
                      current=code == current)
                 for code in site.config.language_codes if essay.text(code))


def source_site(url: str) -> str:
    """Where an essay was first published, as a reader names the place: its host, without www."""
    host = urlsplit(url).hostname or "" if url else ""
    return host.removeprefix("www.")


WORDS_A_MINUTE = 200  # a careful reader's pace, for essays worth reading slowly


@lru_cache(maxsize=8192)  # bounded: the preview lives through many edits
def reading_minutes(text: Text) -> int:
    """How long a text takes to read, in whole minutes, at least one (each text counted once a build)."""
    words = sum(word_count(reading_text(block)) for block in text.blocks)
    return max(1, round(words / WORDS_A_MINUTE))


def reading_times(texts) -> tuple[tuple[str, int], ...]:
    """(language, minutes) for each text, for a byline or a card."""
    return tuple((text.lang, reading_minutes(text)) for text in texts)


@lru_cache(maxsize=8192)  # a card is drawn on the home page, its language's and each of its tags' pages
def card_summary(text: Text) -> str:
    """What a listing says of an essay: its summary, else its first sentence."""
    return text.summary or first_sentence(text.blocks, lang=text.lang)


def summary_lang(text: Text) -> str:
    """The language a card's summary of `text` is in: the original's where the translator has not yet
    replaced the summary or the first paragraph, which then stand in the original's words."""
    return text.summary_in if text.summary else _block_language(text, first_paragraph)


def excerpt(text: Text) -> str:
    """The first words of a text, for the comment archive (made when the file was parsed)."""
    return text.excerpt or first_words(text.blocks)


def excerpt_lang(text: Text) -> str:
    """The language an excerpt of `text` starts in: the original's where its first words are a block
    the translator has not yet done."""
    return _block_language(text, first_worded)


def _block_language(text: Text, block_at) -> str:
    """The language of the block `block_at(blocks)` finds: the original's while it is not yet translated."""
    if not text.unfinished:  # the common case, without looking for the block
        return text.lang
    return text.original_lang if block_at(text.blocks) in text.unfinished else text.lang


def side_by_side_url(item: Essay | SitePage, text: Text | None, default: Text | None) -> str:
    """The side-by-side page that shows `text` in a column: the essay's or page's own address for its
    original and its default translation, a `with-<lang>` page for any other translation."""
    own, chosen = (routes.page, routes.page_with) if isinstance(item, SitePage) else (routes.essay, routes.essay_with)
    if text is None or text.is_original or text is default:
        return own(item.slug)
    return chosen(item.slug, text.lang)


def beside_original(site: Site, item: Essay | SitePage, text: Text) -> str:
    """Where a one-language page's reader (or a search hit on it) goes to read side by side: their
    language beside the original, the original's reader to the default pair."""
    return side_by_side_url(item, text, default_translation(item, site.config.main_language, site.config.language_codes))


def default_translation(essay: Essay, main_language: str, order: tuple[str, ...]) -> Text | None:
    """Shown beside the original: the main_language version, else the first in display order."""
    if not essay.original.lang == main_language and essay.text(main_language):
        return essay.text(main_language)
    for code in order:
        text = essay.text(code)
        if text and not text.is_original:
            return text
    return None


def menu_links(site: Site, lang: str, scope: str, here: str) -> tuple[MenuLink, ...]:
    """site.yml's menu for a page in `lang` whose listings are `scope`'s: a page's entry leads to its
    version in that scope's language (side by side from the root) and is labelled with its title there."""
    pages = {page.slug: page for page in site.pages}
    links = []
    for entry in site.config.menu:
        page = pages.get(entry.page)
        if page is not None:
            text = page.text(lang) or page.text(site.config.main_language) or page.original
            url = routes.page_single(scope, page.slug) if scope and page.text(scope) else routes.page(page.slug)
            side_by_side = {routes.page(page.slug)} | {routes.page_with(page.slug, t.lang) for t in page.translations}
            links.append(MenuLink(url, text.title, text.lang, current=here == url or here in side_by_side))
        elif entry.url:
            label, label_lang = site.config.localized(entry.labels, lang)
            internal = entry.url.startswith("/")
            url, query = entry.url, ""
            if internal:  # href() reads a site path: a query in it would be encoded into the path
                url, mark, query = entry.url[1:].partition("?")
                query = mark + query
            links.append(MenuLink(url, label, label_lang or lang, external=not internal,
                                  current=url == here and not query, query=query))
    return tuple(links)


def page_language_links(site: Site, page: SitePage, current: str = "") -> tuple[Link, ...]:
    """A page's single-language versions, in the display order of site.yml."""
    return tuple(Link(url=routes.page_single(code, page.slug), text=site.config.language_name(code), lang=code,
                      current=code == current)
                 for code in site.config.language_codes if page.text(code))
