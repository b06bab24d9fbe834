"""The model -> every page of the contract: its URL, kind, language, and how to fill it.

Each page also names what it is made of (`sources`, the content files it shows, and
`shape`, where it stands among other pages), so an unchanged page need not be drawn again.
Contexts are built only for the pages that are actually rendered, from that build's site and
interface (see pages.Page).
"""

from __future__ import annotations

import json
from functools import partial

from markupsafe import Markup

from . import routes
from .inlanguage import feed_links, language_pages, moved_links, written_links
from .listings import comment_sources, discussion_feeds, essay_url, feed_urls, listing_feeds, listing_pages, scopes
from ..model import ANONYMOUS, Essay, Site, SitePage, name_alone, newest_first
from .pages import Kind, Page
from .proposals import CONTENT_FOLDER, PROPOSAL_LIMITS, plain_link, plain_mail_link
from .structured import essay_data, essay_meta
from .redirects import redirect_pages
from .ui import Interface, direction
from .views import (Link, LinkBase, beside_original, comment_views, contents, default_translation, language_links,
                    page_language_links, reading_times, rows, side_by_side_url, source_site, tag_links, print_labels,
                    title_link, title_sides, view_choices)



def plan_site(site: Site, build_time: str, planned: dict | None = None) -> list[Page]:
    """Every page, in a fixed order, so output and progress are the same on every run.

    `planned`, a preview's, holds the last run's pages of each essay by what they were planned from,
    by content (the essay's and its neighbours' inputs, site.yml); it is left holding
    this run's. A page holds no context, only its arguments: it is drawn with this build's site."""
    main = site.config.main_language
    last, planned = _last_plan(site, planned)
    comments = tuple((essay, comment) for _, essay, comment in sorted(_archive_entries(site.essays)))  # newest first
    every_scope, sources = scopes(site), comment_sources(comments)
    pages = listing_pages(site, every_scope[0], comments, build_time, sources)
    pages += listing_feeds(site, every_scope[0], comments, build_time, sources)
    # a language's feeds come after its other listings, once the posts' links to one another are known
    in_scopes = [listing_pages(site, scope, comments, build_time, sources) for scope in every_scope[1:]]
    in_language = language_pages(site, [page.url for listings in in_scopes for page in listings]
                                 + [url for scope in every_scope[1:] for url in feed_urls(scope)])
    # beside the pages, by the key "links": each essay's links to other posts, by its inputs
    written_before, written = last.get("links", {}), {}
    moved_of = {essay.slug: _moved(essay, routes.essay(essay.slug), routes.single, in_language, written_before, written)
                for essay in site.essays}
    in_feeds = {slug: feed_links(moved, slug, site.config.base_url) for slug, moved in moved_of.items() if moved}
    for scope, listings in zip(every_scope[1:], in_scopes):
        listings += listing_feeds(site, scope, comments, build_time, sources,
                                  {slug: links[scope.lang] for slug, links in in_feeds.items() if scope.lang in links})
    for index, essay in enumerate(site.essays):
        newer = site.essays[index - 1] if index > 0 else None
        older = site.essays[index + 1] if index + 1 < len(site.essays) else None
        moved = moved_of[essay.slug]
        # a link to another post follows that post's languages: a translation added there redraws this one
        key = (essay.inputs, newer.inputs if newer else "", older.inputs if older else "", repr(moved))
        known = last.get(key) if essay.inputs else None
        planned[key] = known if known is not None else _essay_pages(site, essay, newer, older, moved,
                                                                    in_feeds.get(essay.slug, {}))
        pages += planned[key]
    for site_page in site.pages:
        pages += _site_page_pages(site, site_page,
                                  _moved(site_page, routes.page(site_page.slug), routes.page_single, in_language))
    planned["links"] = written
    for listings in in_scopes:
        pages += listings
    pages.append(Page(routes.NOT_FOUND, Kind.NOT_FOUND, main, _not_found, in_sitemap=False))
    pages = redirect_pages(site, pages)
    listed = [p for p in pages if p.in_sitemap]
    sitemap_shape = "\n".join(p.url + " " + " ".join(a.url for a in p.alternates) for p in listed)
    pages.append(Page(routes.SITEMAP, Kind.SITEMAP, main, _sitemap, (listed,), in_sitemap=False, shape=sitemap_shape))
    return pages


def _last_plan(site: Site, planned: dict | None) -> tuple[dict, dict]:
    """(the last run's essay pages, if planned with the same settings; an empty table for this run's)."""
    settings = (site.config, site.search)
    if planned is None:
        return {}, {}
    last = planned.get("pages", {}) if planned.get("settings") == settings else {}
    planned.update(settings=settings, pages={})
    return last, planned["pages"]


def _archive_entries(essays) -> list[tuple]:
    """(order, essay, comment): newest first, undated last, ties by essay then id, so the order
    never wobbles; the order is unique, so entries compare by it alone."""
    return [(newest_first(c.date) + (e.slug, c.id), e, c) for e in essays for c in e.comments]


def _moved(item: Essay | SitePage, folder: str, single, in_language: dict, before: dict | None = None,
           now: dict | None = None) -> dict[str, dict[str, str]]:
    """For each of its languages, the links its texts write to other posts that have a page in that
    language, and where its one-language page leads them (see inlanguage). A preview keeps each
    essay's links by its inputs (`before`, the last run's; `now`, this run's): reading every block on
    every save would cost it time."""
    inputs = getattr(item, "inputs", "")
    links = before.get(inputs) if inputs and before else None
    links = written_links(item) if links is None else links
    if inputs and now is not None:
        now[inputs] = links
    if not links:  # most posts link to no other
        return {}
    return {text.lang: moved_links(links, folder, single(text.lang, item.slug), in_language.get(text.lang, {}))
            for text in item.texts}


def _sitemap(site: Site, interface: Interface, listed: list[Page]) -> dict:
    return {"pages": listed}



def _essay_pages(site: Site, essay: Essay, newer: Essay | None, older: Essay | None,
                 moved: dict[str, dict[str, str]], in_feeds: dict[str, dict[str, str]]) -> list[Page]:
    """The side-by-side page, one per other translation, one page per language, and the feeds of
    its discussion."""
    translation = default_translation(essay, site.config.main_language, site.config.language_codes)
    others = [t for t in essay.translations if t is not translation]
    alternates = language_links(site, essay) + (Link(routes.essay(essay.slug), "", "x-default"),)
    sources = essay.source_files + (newer.text_paths if newer else ()) + (older.text_paths if older else ())
    shape = f"{newer.slug if newer else ''}|{older.slug if older else ''}"
    pages = []
    for chosen in [translation] + others:
        url = side_by_side_url(essay, chosen, translation)
        # the interface speaks the site's own language, whichever pair of languages the page shows
        pages.append(Page(url, Kind.ESSAY, site.config.main_language, _side_by_side,
                          (essay, newer, older, url, chosen, [translation] + others), _own(alternates, chosen, translation),
                          True, sources, shape))
    for text in essay.texts:
        url = routes.single(text.lang, essay.slug)
        relinked = moved.get(text.lang)
        pages.append(Page(url, Kind.SINGLE, text.lang, _single, (essay, newer, older, url, text, relinked), alternates,
                          True, sources, shape + (repr(relinked) if relinked else ""), text.lang))
    return pages + discussion_feeds(site, essay, in_feeds)


def _own(alternates: tuple, chosen, default) -> tuple:
    """A side-by-side page's language versions, for search engines: the default pair's. Another pair
    (`with-ar/`) is no language version of the essay, and alternates that do not name the page they
    stand on, nor name it back, are ignored as a whole (a feed and sitemap review)."""
    return alternates if chosen is default else ()


def _site_page_pages(site: Site, site_page: SitePage, moved: dict[str, dict[str, str]]) -> list[Page]:
    """A page of content/pages/: side by side with its default translation, one page per other
    translation (as an essay has), and one page per language."""
    translation = default_translation(site_page, site.config.main_language, site.config.language_codes)
    others = [t for t in site_page.translations if t is not translation]
    alternates = page_language_links(site, site_page) + (Link(routes.page(site_page.slug), "", "x-default"),)
    pages = []
    for chosen in [translation] + others:
        url = side_by_side_url(site_page, chosen, translation)
        # side by side, a page speaks the site's language, as an essay does
        pages.append(Page(url, Kind.PAGE, site.config.main_language, _page_side_by_side,
                          (site_page, chosen, [translation] + others, url), _own(alternates, chosen, translation), True,
                          site_page.source_files))
    for text in site_page.texts:
        url = routes.page_single(text.lang, site_page.slug)
        relinked = moved.get(text.lang)
        pages.append(Page(url, Kind.PAGE_SINGLE, text.lang, _page_single, (site_page, text, url, relinked),
                          alternates, True, site_page.source_files, repr(relinked) if relinked else "", text.lang))
    return pages


def _page_side_by_side(site: Site, interface: Interface, site_page: SitePage, chosen, translations, url: str) -> dict:
    shown = [site_page.original] + ([chosen] if chosen else [])
    return {"site_page": site_page, "texts": shown, "title_row": title_sides(shown), "views": view_choices(shown),
            "print_style": _print_style(shown, interface.words(site.config.main_language)),
            "choices": _translation_choices(site, site_page, translations, chosen),
            "rows": rows(shown, LinkBase(routes.folder_prefix(url, routes.page(site_page.slug)))),
            "languages": page_language_links(site, site_page), "page_summaries": _summaries(shown),
            "anchors": old_anchors(site_page)}


def _page_single(site: Site, interface: Interface, site_page: SitePage, text, url: str, moved) -> dict:
    return {"site_page": site_page, "text": text,
            "rows": rows([text], LinkBase(routes.folder_prefix(url, routes.page(site_page.slug)), moved)),
            "languages": page_language_links(site, site_page, text.lang), "page_summaries": _summaries([text]),
            "side_by_side": beside_original(site, site_page, text), "anchors": old_anchors(site_page)}


def old_anchors(item: Essay | SitePage) -> str:
    """The old blog's anchors in any version of the text, each with its passage (`{"o-basico": "p3"}`), as the
    page's script reads them: a passage's number is the same in every language and view; "" for none."""
    found: dict[str, str] = {}
    for text in item.texts:
        for name, number in text.anchors:
            found.setdefault(name, f"p{number}")
    return json.dumps(found, ensure_ascii=False, sort_keys=True) if found else ""


def _summaries(texts) -> dict[str, str]:
    """A page's own summaries by language: what a search result or a shared link says of it."""
    return {text.lang: text.summary for text in texts if text.summary and text.summary_in == text.lang}


def _neighbour(essay: Essay | None, lang: str, single: bool) -> Link | None:
    """A link to the next essay, to its page in `lang` when there is one."""
    if essay is None:
        return None
    return title_link(essay, lang, essay_url(essay, lang) if single else routes.essay(essay.slug))


def _side_by_side(site: Site, interface: Interface, essay: Essay, newer, older, url: str, chosen,
                  translations) -> dict:
    reader = site.config.main_language
    shown = [essay.original] + ([chosen] if chosen else [])
    # a reader writes in the page's language (its main one) when it is shown, else in the one beside it
    writes_in = reader if reader in (t.lang for t in shown) else shown[-1].lang
    return {
        "essay": essay, "texts": shown, "title_row": title_sides(shown), "views": view_choices(shown),
        "print_style": _print_style(shown, interface.words(reader)),
        "choices": _translation_choices(site, essay, translations, chosen),
        **_text_rows(rows(shown, LinkBase(routes.folder_prefix(url, routes.essay(essay.slug))))),
        **_proposals(site, essay, interface.words(writes_in), [t.lang for t in shown], url),
        "tags": tag_links(site, essay.tags, reader), "languages": language_links(site, essay),
        "source_site": source_site(essay.source), "discussion_feed": routes.discussion_feed(essay.slug),
        "newer": _neighbour(newer, reader, False), "older": _neighbour(older, reader, False),
        "comment_count": len(essay.comments),
        "meta": essay_meta(site.config, essay, shown, url, interface.words(reader).dot), "reading": reading_times(shown),
        "structured": essay_data(site.config, essay, shown, url, essay.comments), "anchors": old_anchors(essay),
    }


def _translation_choices(site: Site, item: Essay | SitePage, translations: list, chosen) -> tuple[Link, ...]:
    """The translations a reader may put beside the original (the default one first), when there is more
    than one: each on the side-by-side page that shows it."""
    choices = tuple(Link(side_by_side_url(item, t, translations[0]), site.config.language_name(t.lang), t.lang,
                         current=t is chosen)
                    for t in translations if t)
    return choices if len(choices) > 1 else ()


def _text_rows(shown) -> dict:
    """A text's rows, and its table of contents drawn from them."""
    return {"rows": shown, "contents": contents(shown)}


def _print_style(shown: list, words) -> Markup:
    """Printed side by side, each page headed by the columns' languages, in their own names."""
    if len(shown) < 2:
        return Markup()
    labels = [f"{words.autonym(text.lang)} {words.dot} {words.attr(role)}" for text, role in zip(shown, ("original", "translation"))]
    # a page read right to left lays its first column, the original, on the right
    return print_labels(labels[::-1] if direction(words.lang) == "rtl" else labels)


def _single(site: Site, interface: Interface, essay: Essay, newer, older, url: str, text, moved) -> dict:
    base = LinkBase(routes.folder_prefix(url, routes.essay(essay.slug)), moved)
    return {
        "essay": essay, "text": text, **_text_rows(rows([text], base)),
        **_proposals(site, essay, interface.words(text.lang), [text.lang], url, base),
        "discussion_feed": routes.discussion_feed(essay.slug, text.lang),
        "tags": tag_links(site, essay.tags, text.lang, text.lang),
        "source_site": source_site(essay.source),
        "languages": language_links(site, essay, text.lang), "side_by_side": beside_original(site, essay, text),
        "newer": _neighbour(newer, text.lang, True), "older": _neighbour(older, text.lang, True),
        "comment_count": len(essay.comments),
        "meta": essay_meta(site.config, essay, [text], url), "reading": reading_times([text]),
        "structured": essay_data(site.config, essay, [text], url, essay.comments), "anchors": old_anchors(essay),
    }


def _proposals(site: Site, essay: Essay, words, langs: list[str], url: str, base: LinkBase | None = None) -> dict:
    """The threads (their relative links the post folder's, as the essay's), and when the site takes
    proposals, the links and the form's settings. A reader is offered to write in `lang`, the language
    of the side they read."""
    discussion = site.config.discussion
    base = base or LinkBase(routes.folder_prefix(url, routes.essay(essay.slug)))
    if discussion is None:
        return {"threads": comment_views(essay.threads, langs, base=base), "join_url": "", "proposal": None,
                "mail_url": ""}
    lang = words.lang
    title = (essay.text(lang) or essay.original).title
    subjects = {"comment": words.attr("Comment on {title}"), "reply": words.attr("Reply to {name} on {title}")}
    filled = (essay.slug, lang, len(essay.source_files), words.attr("Your comment, in Markdown."),
              words.attr("your name, as it should appear"))
    link = partial(plain_link, discussion, *filled)
    proposal = {"repo": discussion.repo, "branch": discussion.branch, "email": discussion.email,
                "issues": discussion.issues, "folder": f"{CONTENT_FOLDER}/posts/{essay.slug}/comments/",
                "lang": lang, "languages": site.config.languages, "title": title, "subjects": subjects,
                "limits": PROPOSAL_LIMITS}
    reply = partial(_reply_link, link, subjects["reply"], title, words.attr("Anonymous"))
    subject = subjects["comment"].replace("{title}", title)
    return {"threads": comment_views(essay.threads, langs, reply, base), "join_url": link(subject),
            "proposal": proposal, "mail_url": plain_mail_link(discussion, *filled, subject)}


def _reply_link(link, subject: str, title: str, unnamed: str, parent: str, name: str) -> str:
    """The plain link that proposes a reply to comment `parent` by `name`; "Anonymous", the files' word
    for a name not given, in the page's words (`unnamed`), as the page shows it."""
    shown = unnamed if name == ANONYMOUS else name_alone(name)  # a subject line's marks are noise in a mail program
    return link(subject.replace("{name}", shown).replace("{title}", title), reply_to=parent)


def _not_found(site: Site, interface: Interface) -> dict:
    """The one 404 page GitHub Pages serves for every missing address says so in each language; its
    script shows the one whose folder the address is in (the site's own language without scripts)."""
    return {"versions": [{"lang": code, "folder": code + "/", "words": interface.words(code)}
                         for code in site.config.language_codes if code != site.config.main_language]}
