"""The model -> every page of the contract: its URL, template, language, and how to fill it.

Each page also names what it is made of (`sources`, the content files it shows, and
`shape`, where it stands among other pages), so an unchanged page need not be drawn again.
Contexts are built only for the pages that are actually rendered.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import Callable

from . import routes
from .model import Comment, Essay, Site, newest_first
from .proposals import CONTENT_FOLDER, plain_link
from .ui import Words
from .views import (Link, comment_views, default_translation, excerpt, language_links, rows, tag_link,
                    tag_links, title_link, title_sides)


PATH = attrgetter("path")


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, how it is drawn, and what it is made of."""

    url: str
    template: str
    lang: str
    context: Callable[[], dict] = field(hash=False, compare=False)
    alternates: tuple[Link, ...] = ()
    in_sitemap: bool = True
    sources: tuple[str, ...] = ()  # content files whose text this page shows
    shape: str = ""  # its place among other pages: neighbours, page number, members


@dataclass
class PlanMemo:
    """Pages planned by the last build, by the very objects they were planned from.

    A preview keeps one between saves: its validation hands back the same Essay and Comment
    objects for every post an edit did not touch, so their pages need not be planned again.
    Pages are reused only while site.yml's settings are equal and every object is the same.
    """

    config: object = None
    last: dict = field(default_factory=dict)
    this: dict = field(default_factory=dict)

    def start(self, config) -> None:
        self.last, self.this = (self.this if config == self.config else {}), {}
        self.config = config

    def archive(self, essays: tuple[Essay, ...]) -> list[tuple]:
        """(order, essay, comment) for every comment, sorted; after an edit, only the edited
        essays' comments are taken out and put back in their places, not all sorted again."""
        known = self.last.get("archive")
        if known is None:
            entries = sorted(_archive_entries(essays))
        else:
            was, entries = known
            changed = {essay.slug for essay in essays if was.get(essay.slug) is not essay} | (was.keys() - {
                essay.slug for essay in essays})
            entries = [entry for entry in entries if entry[1].slug not in changed]
            for essay in essays:
                if essay.slug in changed:
                    for entry in _archive_entries([essay]):
                        bisect.insort(entries, entry)
        self.this["archive"] = ({essay.slug: essay for essay in essays}, entries)
        return entries

    def pages(self, key: tuple, made_of: tuple, plan: Callable[[], list[Page]]) -> list[Page]:
        known = self.last.get(key)
        if known is None or len(known[0]) != len(made_of) or any(a is not b for a, b in zip(known[0], made_of)):
            known = (made_of, plan())
        self.this[key] = known
        return known[1]


def plan_site(site: Site, build_time: str, memo: PlanMemo | None = None) -> list[Page]:
    """Every page, in a fixed order, so output and progress are the same on every run."""
    memo = memo or PlanMemo()
    memo.start(site.config)
    main = site.config.main_language
    pages = _listing(site, site.essays, routes.home, "home.html", {}, memo)
    for index, essay in enumerate(site.essays):
        newer = site.essays[index - 1] if index > 0 else None
        older = site.essays[index + 1] if index + 1 < len(site.essays) else None
        pages += memo.pages(("essay", essay.slug), (essay, newer, older),
                            partial(_essay_pages, site, essay, newer, older))
    pages += _tag_pages(site, memo)
    comments = _all_comments(site, memo)
    sources_of = partial(_comment_sources, {essay.slug: _titles_of(essay) for essay in site.essays})
    pages += _listing(site, comments, routes.comments, "comments.html", {}, memo, sources_of)
    pages += _feeds(site, comments[:50], build_time, sources_of)
    pages.append(Page(routes.NOT_FOUND, "404.html", main, dict, in_sitemap=False))
    listed = [p for p in pages if p.in_sitemap]
    sitemap_shape = "\n".join(p.url + " " + " ".join(a.url for a in p.alternates) for p in listed)
    pages.append(Page(routes.SITEMAP, "sitemap.xml", main, lambda: {"pages": listed}, in_sitemap=False,
                      shape=sitemap_shape))
    return pages


def _titles_of(essay: Essay | None) -> tuple[str, ...]:
    return tuple(map(PATH, essay.texts)) if essay else ()


def _essay_pages(site: Site, essay: Essay, newer: Essay | None, older: Essay | None) -> list[Page]:
    """The side-by-side page, one per other translation, and one page per language."""
    translation = default_translation(essay, site.config.main_language, site.config.language_codes)
    others = [t for t in essay.translations if t is not translation]
    alternates = language_links(site, essay) + (Link(routes.essay(essay.slug), "", "x-default"),)
    sources = essay.source_files + _titles_of(newer) + _titles_of(older)
    shape = f"{newer.slug if newer else ''}|{older.slug if older else ''}"
    pages = []
    for chosen in [translation] + others:
        url = routes.essay(essay.slug) if chosen is translation else routes.essay_with(essay.slug, chosen.lang)
        make = partial(_side_by_side, site, essay, newer, older, url, chosen, [translation] + others)
        pages.append(Page(url, "essay.html", site.config.main_language, make, alternates, True, sources, shape))
    for text in essay.texts:
        url = routes.single(text.lang, essay.slug)
        make = partial(_single, site, essay, newer, older, url, text)
        pages.append(Page(url, "single.html", text.lang, make, alternates, True, sources, shape))
    return pages


def _neighbour(essay: Essay | None, lang: str, single: bool) -> Link | None:
    """A link to the next essay, to its page in `lang` when there is one."""
    if essay is None:
        return None
    if single and essay.text(lang):
        return title_link(essay, lang, routes.single(lang, essay.slug))
    return title_link(essay, lang, routes.essay(essay.slug))


def _side_by_side(site: Site, essay: Essay, newer, older, url: str, chosen, translations) -> dict:
    main = site.config.main_language
    shown = [essay.original] + ([chosen] if chosen else [])
    choices = tuple(Link(routes.essay(essay.slug) if i == 0 else routes.essay_with(essay.slug, t.lang),
                         site.config.language_name(t.lang), t.lang, current=t is chosen)
                    for i, t in enumerate(translations) if t)
    return {
        "essay": essay, "texts": shown, "title_row": title_sides(shown),
        "rows": rows(shown, routes.folder_prefix(url, routes.essay(essay.slug))),
        "choices": choices if len(choices) > 1 else (),
        **_proposals(site, essay, shown[-1].lang, [t.lang for t in shown]),
        "tags": tag_links(site, essay.tags, main), "languages": language_links(site, essay),
        "newer": _neighbour(newer, main, False), "older": _neighbour(older, main, False),
        "comment_count": len(essay.comments),
    }


def _single(site: Site, essay: Essay, newer, older, url: str, text) -> dict:
    return {
        "essay": essay, "text": text,
        "rows": rows([text], routes.folder_prefix(url, routes.essay(essay.slug))),
        **_proposals(site, essay, text.lang, [text.lang]),
        "tags": tag_links(site, essay.tags, text.lang), "languages": language_links(site, essay, text.lang),
        "newer": _neighbour(newer, text.lang, True), "older": _neighbour(older, text.lang, True),
        "comment_count": len(essay.comments),
    }


def _proposals(site: Site, essay: Essay, lang: str, langs: list[str]) -> dict:
    """The threads, and when the site takes proposals, the links and the form's settings.
    A reader is offered to write in `lang`, the language of the side they read."""
    discussion = site.config.discussion
    if discussion is None:
        return {"threads": comment_views(essay.threads, langs), "join_url": "", "proposal": None}
    words = Words(lang)
    link = partial(plain_link, discussion, essay.slug, lang, len(essay.source_files),
                   words.attr("propose_placeholder"), words.attr("propose_name_note"))
    proposal = {"repo": discussion.repo, "branch": discussion.branch, "email": discussion.email,
                "folder": f"{CONTENT_FOLDER}/posts/{essay.slug}/comments/", "lang": lang,
                "languages": site.config.languages}
    return {"threads": comment_views(essay.threads, langs, lambda parent: link(reply_to=parent)),
            "join_url": link(), "proposal": proposal}


def _listing(site: Site, items, url_of, template: str, extra: dict, memo: PlanMemo, sources_of=None) -> list[Page]:
    """A listing split into pages of per_page items, each linking to its neighbours."""
    size = site.config.per_page
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]
    sources_of = sources_of or (lambda essay: essay.source_files)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        made_of = tuple(chain.from_iterable(chunk)) if template == "comments.html" else chunk  # (essay, comment)s
        pages += memo.pages((template, url_of(number), len(chunks)), made_of,
                            partial(_listing_page, site, chunk, url_of, template, extra, number, len(chunks), sources_of))
    return pages


def _listing_page(site: Site, chunk, url_of, template: str, extra: dict, number: int, total: int,
                  sources_of) -> list[Page]:
    make = partial(_listing_context, site, chunk, template, extra, number, total, url_of)
    sources = tuple(chain.from_iterable(map(sources_of, chunk)))
    shape = f"{number}/{total} " + " ".join(_item_key(item) for item in chunk)
    return [Page(url_of(number), template, site.config.main_language, make, (), True, sources, shape)]


def _item_key(item) -> str:
    return f"{item[0].slug}#{item[1].id}" if isinstance(item, tuple) else item.slug


def _listing_context(site: Site, chunk, template: str, extra: dict, number: int, total: int, url_of) -> dict:
    if template == "comments.html":
        items = [_archive_entry(site, essay, comment) for essay, comment in chunk]
    else:
        items = [_essay_entry(site, essay) for essay in chunk]
    return dict(extra, items=items, number=number, total=total,
                newer_page=url_of(number - 1) if number > 1 else None,
                older_page=url_of(number + 1) if number < total else None)


def _essay_entry(site: Site, essay: Essay) -> dict:
    """An essay as a listing shows it: its titles in every language, first the original."""
    titles = [Link(routes.essay(essay.slug), essay.original.title, essay.original.lang)]
    titles += [Link(routes.single(t.lang, essay.slug), t.title, t.lang) for t in essay.translations]
    summary = essay.text(site.config.main_language) or essay.original
    return {"essay": essay, "titles": titles, "summary": summary.summary, "summary_lang": summary.lang,
            "tags": tag_links(site, essay.tags, site.config.main_language),
            "comment_count": len(essay.comments)}


def _archive_entry(site: Site, essay: Essay, comment: Comment) -> dict:
    return {"comment": comment, "url": routes.comment(essay.slug, comment.id),
            "essay": title_link(essay, site.config.main_language, routes.essay(essay.slug)),
            "excerpt": excerpt(comment.original), "lang": comment.original.lang}


def _comment_sources(titles: dict[str, tuple[str, ...]], entry) -> tuple[str, ...]:
    """A comment as a listing shows it: its own files, and its essay's titles (given by slug)."""
    essay, comment = entry
    return tuple(map(PATH, comment.texts)) + titles[essay.slug]


def _tag_pages(site: Site, memo: PlanMemo) -> list[Page]:
    main = site.config.main_language
    counted = [(t, tuple(e for e in site.essays if t.key in e.tags)) for t in site.tags]  # empty ones too
    index = [{"link": tag_link(site, t, main), "count": len(essays)} for t, essays in counted]
    shape = " ".join(f"{t.key}:{len(essays)}" for t, essays in counted)
    pages = [Page(routes.tags(), "tags.html", main, lambda: {"tags": index}, shape=shape)]
    for tag, essays in counted:
        url_of = partial(routes.tag, tag.key)
        pages += _listing(site, essays, url_of, "tag.html", {"tag": tag_link(site, tag, main)}, memo)
    return pages


def _archive_entries(essays) -> list[tuple]:
    """(order, essay, comment): newest first, undated last, ties by essay then id, so the order
    never wobbles; the order is unique, so entries compare by it alone."""
    return [(newest_first(c.date) + (e.slug, c.id), e, c) for e in essays for c in e.comments]


def _all_comments(site: Site, memo: PlanMemo) -> tuple:
    """Every published comment with its essay, newest first."""
    return tuple((essay, comment) for _, essay, comment in memo.archive(site.essays))


def _feeds(site: Site, comments: tuple, build_time: str, sources_of) -> list[Page]:
    """Atom feeds of the newest essays and of the newest comments (given, newest first)."""
    main = site.config.main_language
    essays = site.essays[:50]
    essay_entries = [_feed_entry(e.original, routes.essay(e.slug), e.author, e.date, e.original.title)
                     for e in essays]
    comment_entries = [_feed_entry(c.original, routes.comment(e.slug, c.id), c.author, c.date,
                                   f"{c.author}: {e.original.title}") for e, c in comments]
    return [
        Page(routes.FEED, "feed.xml", main,
             lambda: {"entries": essay_entries, "feed_url": routes.FEED, "updated": _updated(essay_entries, build_time)},
             in_sitemap=False, sources=tuple(p for e in essays for p in _titles_of(e)),
             shape=build_time + " ".join(e.slug for e in essays)),
        Page(routes.COMMENTS_FEED, "feed.xml", main,
             lambda: {"entries": comment_entries, "feed_url": routes.COMMENTS_FEED, "comments_feed": True,
                      "updated": _updated(comment_entries, build_time)},
             in_sitemap=False, sources=tuple(chain.from_iterable(map(sources_of, comments))),
             shape=build_time + " ".join(_item_key(entry) for entry in comments)),
    ]


def _feed_entry(text, url, author, date, title) -> dict:
    return {"url": url, "title": title, "lang": text.lang, "author": author, "date": date,
            "content": "\n".join(text.blocks), "summary": text.summary}


def _updated(entries: list[dict], build_time: str) -> str:
    dated = [e["date"].timestamp for e in entries if e["date"]]
    return max(dated) if dated else build_time
