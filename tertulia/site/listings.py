"""The listing pages: home, tags, the comment archive and the feeds, once for the site's root (in
main_language) and once under `/<lang>/` for every language of the site.

A listing in a language shows each essay and comment in that language where it has a version,
else in its original (marked with its `lang`), and links within that language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from itertools import chain

from . import routes
from ..model import ANONYMOUS, UNDATED, Comment, Essay, Site, Text, name_alone, newest_first
from .relink import absolute_links
from .pages import Kind, Page, no_context
from .routes import relative_url
from .ui import direction
from .views import Link, card_summary, excerpt, excerpt_lang, reading_times, summary_lang, tag_link

FEED_ENTRIES = 50


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural phrase a script fills in, so that `pybabel extract` finds it (see babel.cfg)."""
    return singular, plural


NEW_COMMENTS = ngettext("%(num)d new", "%(num)d new")  # beside a card's count: comments since the last visit


@dataclass(frozen=True)
class Scope:
    """A family of listings: the root (folder "") in main_language, or one language's folder."""

    folder: str
    lang: str


def scopes(site: Site) -> list[Scope]:
    """The root's listings, then each language's."""
    return [Scope("", site.config.main_language)] + [Scope(code, code) for code in site.config.language_codes]


def comment_sources(comments: tuple) -> tuple[tuple, tuple]:
    """For each (essay, comment): the files a listing shows of it (the comment's own and its essay's
    titles), and its name in a listing's shape. Made once, for every scope's listings."""
    titles: dict = {}
    for essay, _ in comments:
        if essay.slug not in titles:
            titles[essay.slug] = essay.text_paths
    return (tuple(comment.text_paths + titles[essay.slug] for essay, comment in comments),
            tuple(f"{essay.slug}#{comment.id}" for essay, comment in comments))


def listing_pages(site: Site, scope: Scope, comments: tuple, build_time: str, sources: tuple) -> list[Page]:
    """Every listing page of one scope: home, tag index and tags, comment archive (its feeds: see
    listing_feeds); `sources` is comment_sources(comments)."""
    pages = _listing(site, scope, site.essays, routes.home, Kind.HOME, {})
    pages += _tag_pages(site, scope)
    pages += _listing(site, scope, comments, routes.comments, Kind.COMMENTS, {}, sources)
    if site.search:
        pages.append(Page(routes.search(scope.folder), Kind.SEARCH, scope.lang, no_context, (),
                          _alternates(site, routes.search), shape=" ".join(site.config.language_codes),
                          scope=scope.folder))
    return pages


def feed_urls(scope: Scope) -> tuple[str, str]:
    """The addresses of a scope's two feeds."""
    return routes.feed(scope.folder), routes.comments_feed(scope.folder)


def _alternates(site: Site, url_in) -> tuple[Link, ...]:
    """The same listing in every language, and the root's as the default."""
    return tuple(Link(url_in(code), site.config.language_name(code), code) for code in site.config.language_codes) + (
        Link(url_in(""), "", "x-default"),)



def _listing(site: Site, scope: Scope, items, route, kind: Kind, extra: dict,
             sources: tuple | None = None) -> list[Page]:
    """A listing split into pages of per_page items, each linking to its neighbours;
    `route(number, lang=folder)` is the URL of its page `number` in a scope's folder."""
    url_of = partial(route, lang=scope.folder)
    size = site.config.comments_per_page if kind is Kind.COMMENTS else site.config.per_page
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]
    files, keys = sources if sources is not None else ([e.source_files for e in items], [e.slug for e in items])
    pages = []
    for number, chunk in enumerate(chunks, 1):
        start = (number - 1) * size
        shown = tuple(chain.from_iterable(files[start:start + size]))
        shape = f"{number}/{len(chunks)} " + " ".join(keys[start:start + size])
        alternates = _alternates(site, partial(_numbered, route, number))
        pages.append(Page(url_of(number), kind, scope.lang, _listing_context,
                          (scope, chunk, kind, extra, number, len(chunks), url_of), alternates, True, shown, shape,
                          scope.folder))
    return pages


def _numbered(route, number: int, folder: str) -> str:
    return route(number, lang=folder)


def _listing_context(site: Site, interface, scope: Scope, chunk, kind: Kind, extra: dict, number: int, total: int,
                     url_of) -> dict:
    """Items with their links already relative to this page and their dates already written:
    a listing draws thousands of them, and each call from a template costs more than the work."""
    here = partial(relative_url, url_of(number))
    words = interface.words(scope.lang)
    if kind in (Kind.HOME, Kind.TAG):  # every card page says it, in this build's words
        forms, lang = words.plural_forms(*NEW_COMMENTS)
        extra = dict(extra, new_comments={"forms": forms, "lang": lang})
    if kind is Kind.COMMENTS:
        essays_here: dict = {}
        items = [_archive_entry(scope, essay, comment, here, words, essays_here) for essay, comment in chunk]
    else:
        tags = {tag.key: tag for tag in site.tags}
        items = [_essay_entry(site, scope, essay, here, words, tags) for essay in chunk]
    return dict(extra, items=items, number=number, total=total,
                newer_page=url_of(number - 1) if number > 1 else None,
                older_page=url_of(number + 1) if number < total else None)


def essay_url(essay: Essay, lang: str) -> str:
    """An essay for a reader of `lang`: its page in that language, else side by side."""
    return routes.single(lang, essay.slug) if essay.text(lang) else routes.essay(essay.slug)


def _essay_entry(site: Site, scope: Scope, essay: Essay, here, words, tags: dict) -> dict:
    """An essay as a listing shows it: at the root, its titles in every language, the original first;
    in one language, its title in that language (or the original's)."""
    url = here(_essay_page(essay, scope))
    if scope.folder:
        titles, languages = [_shown_in(essay, scope)], []
    else:  # one link, to both languages side by side; each language's own page is named as such
        titles = [essay.original, *essay.translations]
        languages = [Link(here(routes.single(t.lang, essay.slug)), words.language(t.lang), t.lang)
                     for t in titles] if len(titles) > 1 else []
    summary = essay.text(scope.lang) or essay.original
    # at the root, a translation whose title is not translated yet would show the original's again, and one
    # written as another language writes it (Traditional and Simplified Chinese's `繁體與簡體`) would repeat it
    shown = titles if scope.folder else [t for t in titles if t.is_original or t.title_in == t.lang]
    shown = [t for at, t in enumerate(shown) if t.title not in (earlier.title for earlier in shown[:at])]
    return {"essay": essay, "url": url, "titles": [Link(url, t.title, t.title_in) for t in shown],
            "languages": languages, "summary": card_summary(summary), "summary_lang": summary_lang(summary),
            "tags": [Link(here(routes.tag(key, 1, scope.folder)), *tags[key].label(scope.lang, site.config.main_language))
                     for key in essay.tags],
            "date": words.date(essay.date) if essay.date else "", "comment_count": len(essay.comments),
            "comment_ids": " ".join(comment.id for comment in essay.comments),  # what listing.js compares
            "reading": reading_times(titles),
            # a language's listing shows an essay not yet in it in its original: the reader is told, as
            # the comment archive tells of a comment
            "written_in": summary.lang if scope.folder and summary.lang != scope.lang else ""}


def _shown_in(item: Essay | Comment, scope: Scope) -> Text:
    """An essay's or a comment's text in a listing of `scope`: the root shows originals, a language
    its own text where there is one."""
    return (item.text(scope.lang) if scope.folder else None) or item.original


def _essay_page(essay: Essay, scope: Scope) -> str:
    """Where a listing of `scope` sends its reader: side by side from the root, else the language's page."""
    return essay_url(essay, scope.lang) if scope.folder else routes.essay(essay.slug)


def _archive_entry(scope: Scope, essay: Essay, comment: Comment, here, words, essays_here: dict) -> dict:
    """A comment in the archive; its essay's link and title are made once per page (`essays_here`),
    since a page lists many comments of each essay."""
    text = _shown_in(comment, scope)
    known = essays_here.get(essay.slug)
    if known is None:
        known = essays_here[essay.slug] = (here(_essay_page(essay, scope)), essay.text(scope.lang) or essay.original)
    page_link, title = known
    url = routes.comment_on(page_link, comment.id)  # to the comment, where it stands in the essay
    lang = excerpt_lang(text)  # the original's where its translation is not done yet
    return {"comment": comment, "url": url, "essay": Link(url, title.title, title.title_in),
            "date": words.date(comment.date) if comment.date else "", "excerpt": excerpt(text), "lang": lang,
            "written_in": lang if lang != scope.lang else ""}  # a reader is told why it reads otherwise


def _tag_pages(site: Site, scope: Scope) -> list[Page]:
    counted = [(t, tuple(e for e in site.essays if t.key in e.tags)) for t in site.tags]  # empty ones too
    index = [{"link": tag_link(site, t, scope.lang, scope.folder), "count": len(essays)} for t, essays in counted]
    shape = " ".join(f"{t.key}:{len(essays)}" for t, essays in counted)
    pages = [Page(routes.tags(scope.folder), Kind.TAGS, scope.lang, _tag_index, (index,),
                  _alternates(site, routes.tags), shape=shape, scope=scope.folder)]
    for tag, essays in counted:
        route = partial(routes.tag, tag.key)
        link = tag_link(site, tag, scope.lang, scope.folder)
        pages += _listing(site, scope, essays, route, Kind.TAG, {"tag": link})
    return pages


def _tag_index(site: Site, interface, index: list[dict]) -> dict:
    return {"tags": index}


def listing_feeds(site: Site, scope: Scope, comments: tuple, build_time: str, sources: tuple,
                  relinked: dict | None = None) -> list[Page]:
    """Atom feeds of the newest essays and of the newest comments (`comments`, newest first, and their
    comment_sources); `relinked`, by essay (slug), its feed_links in the scope's language: where its
    links to other posts go."""
    essays, comments = site.essays[:FEED_ENTRIES], comments[:FEED_ENTRIES]
    relinked = relinked or {}
    essays_relinked = {e.slug: relinked[e.slug] for e in essays if e.slug in relinked}
    comments_relinked = {essay.slug: relinked[essay.slug] for essay, _ in comments if essay.slug in relinked}
    return [
        Page(routes.feed(scope.folder), Kind.FEED, scope.lang, _essays_feed,
             (scope, essays, build_time, essays_relinked), in_sitemap=False,
             sources=tuple(p for e in essays for p in e.text_paths),
             shape=build_time + " ".join(e.slug for e in essays) + _relinked_shape(essays_relinked),
             scope=scope.folder),
        Page(routes.comments_feed(scope.folder), Kind.FEED, scope.lang, _comments_feed,
             (scope, comments, build_time, comments_relinked), in_sitemap=False,
             sources=tuple(chain.from_iterable(sources[0][:FEED_ENTRIES])),
             shape=build_time + " ".join(sources[1][:FEED_ENTRIES]) + _relinked_shape(comments_relinked),
             scope=scope.folder),
    ]


def _relinked_shape(relinked: dict) -> str:
    """A feed's links to other posts in its shape: they follow those posts' languages, not its sources."""
    return " " + repr(relinked) if relinked else ""


def _essays_feed(site: Site, interface, scope: Scope, essays, build_time: str, relinked: dict) -> dict:
    entries = [_essay_feed_entry(site, essay, scope, relinked.get(essay.slug)) for essay in essays]
    entries = _unnamed_in_their_words(interface, scope.lang, entries)
    return {"entries": entries, "feed_url": routes.feed(scope.folder), "page_url": routes.home(1, scope.folder),
            "updated": _updated(entries, build_time)}


def _comments_feed(site: Site, interface, scope: Scope, comments, build_time: str, relinked: dict) -> dict:
    entries = [_comment_feed_entry(site, essay, comment, scope, relinked.get(essay.slug))
               for essay, comment in comments]
    entries = _unnamed_in_their_words(interface, scope.lang, entries)
    return {"entries": entries, "feed_url": routes.comments_feed(scope.folder), "comments_feed": True,
            "page_url": routes.comments(1, scope.folder), "updated": _updated(entries, build_time)}


def discussion_feeds(site: Site, essay: Essay, relinked: dict[str, dict[str, str]]) -> list[Page]:
    """One essay's discussion as Atom feeds, to follow it: the root's (each comment in its original)
    and one for every language the essay has, each entry linking to the comment in its thread;
    `relinked`, by language, its feed_links there."""
    comments = sorted(essay.comments, key=lambda c: newest_first(c.date) + (c.id,))[:FEED_ENTRIES]
    dated = [c.date.timestamp for c in comments if c.date] + ([essay.date.timestamp] if essay.date else [])
    updated = max(dated) if dated else UNDATED  # its own: another essay's new comment leaves this feed as it was
    contents: dict = {}  # a text's feed content, made once for the root's feed and its language's
    pages = []
    for scope in [Scope("", site.config.main_language)] + [Scope(t.lang, t.lang) for t in essay.texts]:
        url = routes.discussion_feed(essay.slug, scope.folder)
        links = relinked.get(scope.lang) if scope.folder else None
        # in the language of the essay's title that names it: the root's says "Comments" in the original's
        pages.append(Page(url, Kind.FEED, _shown_in(essay, scope).lang, _discussion_feed,
                          (essay, comments, scope, url, updated, contents, links), in_sitemap=False,
                          sources=essay.source_files, shape=updated + _relinked_shape(links), scope=scope.folder))
    return pages


def _discussion_feed(site: Site, interface, essay: Essay, comments, scope: Scope, url: str, updated: str,
                     contents: dict, relinked: dict | None) -> dict:
    page, shown = _essay_page(essay, scope), _shown_in(essay, scope)
    title = shown.title
    entries = []
    for comment in comments:
        text = _shown_in(comment, scope)
        entry_url = routes.comment_on(page, comment.id)
        key = (text.path, scope.folder) if relinked else text.path  # the root's content, unless links moved
        content = contents.get(key)
        if content is None:
            content = contents[key] = _absolute(site, essay, text, relinked)
        entries.append(_feed_entry(site, text, entry_url, comment.author, comment.date, title, shown.title_in, content,
                                   titled_by=comment.author, author_lang=comment.author_lang))
    entries = _unnamed_in_their_words(interface, shown.lang, entries)
    return {"entries": entries, "feed_url": url, "page_url": page, "updated": updated, "feed_title": title,
            "feed_lang": shown.lang}  # the essay's title names the feed, whatever language the site's title has


def _essay_feed_entry(site: Site, essay: Essay, scope: Scope, relinked: dict | None) -> dict:
    text = _shown_in(essay, scope)
    url = _essay_page(essay, scope)
    entry = _feed_entry(site, text, url, essay.author, essay.date, text.title, text.title_in,
                        _absolute(site, essay, text, relinked), author_lang=essay.author_lang, updated=essay.updated)
    if essay.feed_id and not scope.folder:  # the feed the old blog's feed now redirects to keeps its ids
        entry["id"] = essay.feed_id
    return entry


def _comment_feed_entry(site: Site, essay: Essay, comment: Comment, scope: Scope, relinked: dict | None) -> dict:
    text, url = _shown_in(comment, scope), routes.comment_on(_essay_page(essay, scope), comment.id)
    titled = (essay.text(scope.lang) if scope.folder else None) or essay.original
    return _feed_entry(site, text, url, comment.author, comment.date, titled.title, titled.title_in,
                       _absolute(site, essay, text, relinked), titled_by=comment.author, author_lang=comment.author_lang)


def _feed_entry(site: Site, text: Text, url, author, date, title, title_lang: str, content: str,
                titled_by: str = "", author_lang: str = "", updated=None) -> dict:
    """One entry of a feed: `title_lang` is the title's language, when it is not the entry's (a comment's,
    under its essay's title); `content`, the text's HTML with absolute addresses (see _absolute);
    `titled_by`, a comment's author, whom the template names before the title in the feed's words;
    `author_lang`, the language the author's name is written in (कमला under an English comment), as pages mark it;
    `updated`, when an essay's writer revised it: a feed reader shows the entry again, its first date `published`."""
    return {"url": url, "id": "", "title": title, "title_lang": title_lang, "lang": text.lang, "titled_by": titled_by,
            "author": name_alone(author), "author_lang": author_lang if author_lang != text.lang else "", "date": date,
            "updated": (updated or date).timestamp if updated or date else UNDATED,
            "published": date.timestamp if updated and date else "",
            "content": _directed(_passages_on(site, content, url), text.lang), "summary": text.summary,
            "summary_lang": text.summary_in}


def _directed(content: str, lang: str) -> str:
    """A right-to-left text's HTML in an element that says so: many feed readers ignore the entry's
    `xml:lang`, and would set Arabic left to right, its full stop at the wrong end."""
    return f'<div lang="{lang}" dir="rtl">{content}</div>' if direction(lang) == "rtl" else content


def _unnamed_in_their_words(interface, feed_lang: str, entries: list[dict]) -> list[dict]:
    """The entries, an unnamed author said in the language of the element that names them: the
    entry's for its author, the title's before the title ("Anonim: Client sau partener?", not
    English's or the feed's word under `xml:lang="ro"`). A language without a word for it takes the
    feed's, and its author element says so (a title has one language: there it stays unmarked)."""
    for entry in entries:
        if entry["author"] == ANONYMOUS:
            entry["author"], said_in = _unnamed(interface, entry["lang"], feed_lang)
            entry["author_lang"] = said_in if said_in != entry["lang"] else ""
        if entry["titled_by"] == ANONYMOUS:
            entry["titled_by"] = _unnamed(interface, entry["title_lang"], feed_lang)[0]
    return entries


def _unnamed(interface, lang: str, feed_lang: str) -> tuple[str, str]:
    """(the word for an unnamed author in `lang`, else in the feed's language; the language it is in)."""
    words = interface.words(lang)
    said = words.attr(ANONYMOUS)  # looked up even when not used: a catalog that gains the word redraws the feed
    if said != ANONYMOUS or words.english:
        return said, lang
    return interface.words(feed_lang).attr(ANONYMOUS), feed_lang


def _absolute(site: Site, essay: Essay, text: Text, relinked: dict[str, str] | None = None) -> str:
    """A text's HTML with absolute links and images: feed readers resolve relative ones against the
    feed's own address, where an essay's images are not. `relinked`: links to other posts that lead,
    in a one-language feed, to their pages in its language (see inlanguage.feed_links)."""
    folder = site.config.base_url + routes.essay(essay.slug)
    origin = site.config.base_url[:len(site.config.base_url) - len(site.config.base_path)]  # https://host
    blocks = [absolute_links(block, folder, origin, relinked) for block in text.blocks]
    for index in text.unfinished:  # the original's words stand there until translated: said, as on the page,
        # with their direction where it is not the feed's (Spanish words in an Arabic feed read left to right)
        way = direction(text.original_lang)
        turned = f' dir="{way}"' if way != direction(text.lang) else ""
        blocks[index] = f'<div lang="{text.original_lang}"{turned}>{blocks[index]}</div>'
    return "\n".join(blocks)


def _passages_on(site: Site, content: str, url: str) -> str:
    """Links to a passage (`#p3`) made links to it on the entry's page, not on the feed."""
    if ' href="#' not in content:
        return content
    return content.replace(' href="#', ' href="' + site.config.base_url + url.partition("#")[0] + "#")


def _updated(entries: list[dict], build_time: str) -> str:
    dated = [e["updated"] for e in entries if e["updated"] != UNDATED]  # an undated essay revised: its updated
    return max(dated) if dated else build_time

