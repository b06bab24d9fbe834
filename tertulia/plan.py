"""The model -> every page of the contract: its URL, template, language and context."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import routes
from .model import Comment, Essay, Site
from .validate import thread_order
from .views import (Link, comment_views, default_translation, excerpt, language_links, rows, title_sides,
                    tag_link, tag_links, title_link)


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, how it is drawn, and what it shows."""

    url: str
    template: str
    lang: str
    context: dict = field(hash=False, compare=False)
    alternates: tuple[Link, ...] = ()
    in_sitemap: bool = True
    sources: tuple[str, ...] = ()  # the content files this page shows, for incremental rebuilds


def plan_site(site: Site, build_time: str) -> list[Page]:
    """Every page, in a fixed order, so output and progress are the same on every run."""
    pages = _listing(site, site.essays, routes.home, "home.html", {})
    for index, essay in enumerate(site.essays):
        newer = site.essays[index - 1] if index > 0 else None
        older = site.essays[index + 1] if index + 1 < len(site.essays) else None
        pages += _essay_pages(site, essay, newer, older)
    pages += _tag_pages(site)
    pages += _archive_pages(site)
    pages += _feeds(site, build_time)
    pages.append(Page(routes.NOT_FOUND, "404.html", site.config.main_language, {}, in_sitemap=False))
    pages.append(Page(routes.SITEMAP, "sitemap.xml", site.config.main_language,
                      {"pages": [p for p in pages if p.in_sitemap]}, in_sitemap=False))
    return pages


def _essay_sources(essay: Essay) -> tuple[str, ...]:
    texts = [t.path for t in essay.texts]
    return tuple(texts + [t.path for c in essay.comments for t in c.texts])


def _essay_pages(site: Site, essay: Essay, newer: Essay | None, older: Essay | None) -> list[Page]:
    """The side-by-side page, one per other translation, and one page per language."""
    main, order = site.config.main_language, site.config.language_codes
    translation = default_translation(essay, main, order)
    languages = language_links(site, essay)
    alternates = languages + (Link(routes.essay(essay.slug), "", "x-default"),)
    common = {
        "essay": essay,
        "tags": tag_links(site, essay.tags, main),
        "languages": languages,
        "newer": title_link(newer, main, routes.essay(newer.slug)) if newer else None,
        "older": title_link(older, main, routes.essay(older.slug)) if older else None,
        "comment_count": len(essay.comments),
    }
    pages = []
    for chosen in [translation] + [t for t in essay.translations if t is not translation]:
        url = routes.essay(essay.slug) if chosen is translation else routes.essay_with(essay.slug, chosen.lang)
        shown = [essay.original] + ([chosen] if chosen else [])
        choices = tuple(Link(routes.essay(essay.slug) if t is translation else routes.essay_with(essay.slug, t.lang),
                             site.config.language_name(t.lang), t.lang, current=t is chosen)
                        for t in [translation] + [t for t in essay.translations if t is not translation] if t)
        context = dict(common, texts=shown, title_row=title_sides(shown),
                       rows=rows(shown, routes.folder_prefix(url, routes.essay(essay.slug))),
                       choices=choices if len(choices) > 1 else (),
                       threads=comment_views(essay.threads, [t.lang for t in shown]))
        pages.append(Page(url, "essay.html", main, context, alternates, sources=_essay_sources(essay)))
    for text in essay.texts:
        url = routes.single(text.lang, essay.slug)
        context = dict(common, text=text, rows=rows([text], routes.folder_prefix(url, routes.essay(essay.slug))),
                       tags=tag_links(site, essay.tags, text.lang),
                       languages=language_links(site, essay, current=text.lang),
                       newer=title_link(newer, text.lang, routes.single(text.lang, newer.slug))
                       if newer and newer.text(text.lang) else common["newer"],
                       older=title_link(older, text.lang, routes.single(text.lang, older.slug))
                       if older and older.text(text.lang) else common["older"],
                       threads=comment_views(essay.threads, [text.lang]))
        pages.append(Page(url, "single.html", text.lang, context, alternates, sources=_essay_sources(essay)))
    return pages


def _listing(site: Site, items, url_of, template: str, extra: dict) -> list[Page]:
    """A listing split into pages of per_page items, each linking to its neighbours."""
    size = site.config.per_page
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        context = dict(extra, items=_listing_items(site, chunk, template), number=number, total=len(chunks),
                       newer_page=url_of(number - 1) if number > 1 else None,
                       older_page=url_of(number + 1) if number < len(chunks) else None)
        pages.append(Page(url_of(number), template, site.config.main_language, context))
    return pages


def _listing_items(site: Site, chunk, template: str) -> list:
    if template == "comments.html":
        return [_archive_entry(site, essay, comment) for essay, comment in chunk]
    return [_essay_entry(site, essay) for essay in chunk]


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


def _tag_pages(site: Site) -> list[Page]:
    main = site.config.main_language
    counted = [(t, [e for e in site.essays if t.key in e.tags]) for t in site.tags]
    counted = [(t, essays) for t, essays in counted if essays]
    index = [{"link": tag_link(site, t, main), "count": len(essays)} for t, essays in counted]
    pages = [Page(routes.tags(), "tags.html", main, {"tags": index})]
    for tag, essays in counted:
        label = tag_link(site, tag, main)
        pages += _listing(site, tuple(essays), lambda n, key=tag.key: routes.tag(key, n), "tag.html",
                          {"tag": label})
    return pages


def archive_order(entry) -> tuple:
    """Newest first, undated last; ties by essay then id, so the order never wobbles."""
    essay, comment = entry
    d = comment.date
    newest = (0, -d.year, -d.month, -d.day, -d.hour, -d.minute) if d else (1, 0, 0, 0, 0, 0)
    return newest + (essay.slug, comment.id)


def _archive_pages(site: Site) -> list[Page]:
    entries = sorted(((e, c) for e in site.essays for c in e.comments), key=archive_order)
    return _listing(site, tuple(entries), routes.comments, "comments.html", {})


def _feeds(site: Site, build_time: str) -> list[Page]:
    """Atom feeds of the newest essays and the newest comments."""
    main = site.config.main_language
    essays = [_feed_entry(e.original, routes.essay(e.slug), e.author, e.date, e.original.title)
              for e in site.essays[:50]]
    comments = sorted(((e, c) for e in site.essays for c in e.comments), key=archive_order)[:50]
    comment_entries = [_feed_entry(c.original, routes.comment(e.slug, c.id), c.author, c.date,
                                   f"{c.author}: {e.original.title}") for e, c in comments]
    return [
        Page(routes.FEED, "feed.xml", main, {"entries": essays, "feed_url": routes.FEED,
                                              "updated": _updated(essays, build_time)}, in_sitemap=False),
        Page(routes.COMMENTS_FEED, "feed.xml", main,
             {"entries": comment_entries, "feed_url": routes.COMMENTS_FEED, "comments_feed": True,
              "updated": _updated(comment_entries, build_time)}, in_sitemap=False),
    ]


def _feed_entry(text, url, author, date, title) -> dict:
    return {"url": url, "title": title, "lang": text.lang, "author": author, "date": date,
            "content": "\n".join(text.blocks), "summary": text.summary}


def _updated(entries: list[dict], build_time: str) -> str:
    dated = [e["date"].timestamp for e in entries if e["date"]]
    return max(dated) if dated else build_time
