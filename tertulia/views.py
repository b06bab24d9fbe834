"""The model reshaped for templates: rows of aligned blocks, nested comment views, links."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from markupsafe import Markup, escape

from . import routes
from .markup import first_words, rebase_links
from .model import Comment, Essay, PartialDate, Site, Tag, Text


ROLES = ("original", "translation")


@dataclass(frozen=True)
class Side:
    """One language's block in a row, or its title."""

    lang: str
    html: Markup
    role: str = "original"  # or "translation": which column it stands in
    outdated: bool = False  # its original changed after it was translated


@dataclass(frozen=True)
class Link:
    """A link with the language of its text (and of its target, for hreflang)."""

    url: str
    text: str
    lang: str
    current: bool = False


@dataclass(frozen=True)
class CommentView:
    """A comment as one page shows it: rows of sides; threads come flattened, in reading order."""

    id: str
    author: str
    website: str
    date: PartialDate | None
    reply_to: str
    rows: tuple[tuple[Side, ...], ...]
    untranslated: bool
    level: int  # its depth in the thread, as far as indenting goes
    after: Markup  # what follows it: its replies' list opening, or the elements its end closes
    written_in: str = ""  # the original's language, when it is not the page's first column
    missing: str = ""  # a column's language this comment has no translation in, on a two-column page
    reply_url: str = ""  # where a reader proposes a reply, when the site takes proposals
    pending: bool = False  # shown only in the preview, for a moderator to read in context


def rows(texts: list[Text], prefix: str = "") -> tuple[tuple[Side, ...], ...]:
    """Aligned blocks, one row per block pair; `prefix` leads relative links to the post folder."""
    columns = [[Side(t.lang, Markup(rebase_links(b, prefix)), ROLES[i > 0]) for b in t.blocks]
               for i, t in enumerate(texts)]
    for column, text in zip(columns, texts):
        for index, *_ in text.stale:  # rare: most translations follow their original
            column[index] = Side(text.lang, column[index].html, column[index].role, outdated=True)
    paired = (tuple(s for s in row if s is not None) for row in zip_longest(*columns))
    return tuple(row for row in paired if any(side.html for side in row))  # sanitizing can empty a block


def title_sides(texts: list[Text]) -> tuple[Side, ...]:
    """The titles of the texts shown side by side, as one row."""
    return tuple(Side(t.lang, escape(t.title), ROLES[i > 0]) for i, t in enumerate(texts))


MAX_LEVEL = 4  # replies deeper than this are not indented further
OPEN_REPLIES = Markup('\n<ol class="thread replies">')
CLOSE_COMMENT = "\n    </article>\n  </li>"
CLOSE_LEVEL = "\n</ol>" + CLOSE_COMMENT


def comment_views(comments: tuple[Comment, ...], langs: list[str], reply=None) -> tuple[CommentView, ...]:
    """Threads for a page that reads `langs` (one language, or original + translation), flattened in
    reading order, so a thread of any depth is drawn without recursion; `reply`, when the site takes
    proposals, gives the link for a reply to a comment id."""
    views = []
    pending = [(comment, 0, 0) for comment in reversed(comments)]  # (comment, depth, levels its end closes)
    while pending:
        comment, depth, closes = pending.pop()
        if comment.replies:
            after = OPEN_REPLIES
            last = len(comment.replies) - 1
            pending += [(r, depth + 1, closes + 1 if i == last else 0) for i, r in reversed(list(enumerate(comment.replies)))]
        else:
            after = Markup(CLOSE_COMMENT + CLOSE_LEVEL * closes)
        views.append(_comment_view(comment, langs, reply, min(depth, MAX_LEVEL), after))
    return tuple(views)


def _comment_view(comment: Comment, langs: list[str], reply, level: int, after: Markup) -> CommentView:
    """In one language, or in the page's two columns: each language under its own column heading."""
    if len(langs) == 1:
        shown = [comment.text(langs[0]) or comment.original]
    elif all(comment.text(lang) for lang in langs):
        shown = [comment.text(lang) for lang in langs]
    else:  # not in both of the page's languages: its original, beside whichever translation it has
        shown = [comment.original] + [t for t in (comment.text(l) for l in langs) if t and not t.is_original][:1]
    return CommentView(
        id=comment.id, author=comment.author, website=comment.url, date=comment.date,
        reply_to=comment.reply_to, rows=rows(shown),
        untranslated=len(langs) == 1 and shown[0].lang != langs[0],
        level=level, after=after,
        written_in=comment.original.lang if len(langs) > 1 and comment.original.lang != langs[0] else "",
        missing=_missing(comment, langs),
        reply_url=reply(comment.id) if reply else "",
        pending=comment.status == "pending",
    )


def _missing(comment: Comment, langs: list[str]) -> str:
    """On a two-column page, the language whose column lacks this comment: the translation's first."""
    if len(langs) < 2:
        return ""
    return next((lang for lang in reversed(langs) if not comment.text(lang)), "")


def title_link(essay: Essay, lang: str, url: str) -> Link:
    """An essay's title in `lang` when it has one, else in its original language."""
    text = essay.text(lang) or essay.original
    return Link(url=url, text=text.title, lang=text.lang)


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


def excerpt(text: Text) -> str:
    """The first words of a text, for the comment archive (made when the file was parsed)."""
    return text.excerpt or first_words(text.blocks)


def side_by_side_url(essay: Essay, text: Text | None, default: Text | None) -> str:
    """The side-by-side page that shows `text` in a column: the essay's own page for its original and
    its default translation, a `with-<lang>` page for any other translation."""
    if text is None or text.is_original or text is default:
        return routes.essay(essay.slug)
    return routes.essay_with(essay.slug, text.lang)


def default_translation(essay: Essay, main_language: str, order: tuple[str, ...]) -> Text | None:
    """Shown beside the original: the main_language version, else the first in display order."""
    if not essay.original.lang == main_language and essay.text(main_language):
        return essay.text(main_language)
    for code in order:
        text = essay.text(code)
        if text and not text.is_original:
            return text
    return None
