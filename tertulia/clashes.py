"""Content that would stand where the build writes: a file of content/static/ or beside a post that
would replace a page, an asset or a marker the build makes, or stand where it makes a folder. Said
all at once, before anything is written; `build` and `check` both ask."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ContentError
from .reading.find import Found, is_page, shown_path, static_in_the_way
from .site import routes
from .layout import ASSETS, CNAME, MARK, NO_JEKYLL, NOT_FOUND, PAGEFIND, SITEMAP
from .site.routes import file_path
from .writing.write import folders_above

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .reading.read import Record
    from .model import Site, SiteConfig
    from .pipeline import Options


def output_clashes(content: Path, found: Found, site: "Site", drawn: set[str], generated: set[str],
                   search: bool) -> list[ContentError]:
    """The files of content/ that would replace one the build makes, or stand where it makes a folder
    (or inside a file it makes), all said at once: `build` and `check` both ask this. `drawn` are the
    pages' files, `generated` those and every other file."""
    redirected_from = _redirected_from(site) if found.static else {}  # every build asks: most sites have no static/
    return _beside_clashes(content, found, site, drawn) + _static_clashes(
        content, [relative for relative, _ in found.static], generated, search, redirected_from)


def _redirected_from(site: "Site") -> dict[str, str]:
    """(file -> which old address it answers, and who wrote it) for every page that sends readers on:
    a static file clashing with one is a clash with that alias or redirect, and the writer must be
    told which of the two to rename."""
    from .reading.addresses import served_at
    olds = [(redirect.old, f"{redirect.path}:{redirect.line}") for redirect in site.config.redirects]
    olds += [(alias, owner.original.path) for owner in site.essays + site.pages for alias in owner.aliases]
    return {file_path(served_at(old)[0]): f"the page that sends readers on from `{old[:80]}` ({writer})"
            for old, writer in olds}


def _clashing(relative: str, made: set[str], folders: set[str]) -> str:
    """What of the build's own `relative` would replace or stand in the way of: the file or folder of
    that name, or the file made where `relative` needs a folder; "" when nothing."""
    if relative in made:
        return relative
    if relative in folders:
        return relative + "/"
    return next((above for above in folders_above(relative) if above in made), "")


def _folders_of(files) -> set[str]:
    """Every folder the files are in, at every depth, as `a`, `a/b` (no trailing slash)."""
    return {folder for path in files for folder in folders_above(path)}


def _beside_clashes(content: Path, found: Found, site: "Site", pages: set[str]) -> list[ContentError]:
    """The files beside a published post or page that would replace one of its pages (`comments.xml`,
    its discussion feed) or stand where one of its folders goes (`with-en`)."""
    files = [url for post in site.essays + site.pages for url in post.files]
    if not files:  # most sites: spare listing the folders of every page, on every build and save
        return []
    where, folders = dict(found.assets), _folders_of(pages)
    copied = sorted((url, clash) for url in files if (clash := _clashing(url, pages, folders)))
    return [_would_replace(shown_path(content, where[url]), clash) for url, clash in copied]


def _static_clashes(content: Path, static, generated: set[str], search: bool,
                    redirected_from: dict[str, str] | None = None) -> list[ContentError]:
    """The files of content/static/ that would replace one the build makes (a page, an asset, the
    search index's folder when there is search), or stand where it makes a folder (`static/posts`).
    `redirected_from` names the old address behind a page that sends readers on."""
    if not static:
        return []
    folders = _folders_of(generated) | ({PAGEFIND} if search else set())
    errors = []
    for relative in sorted(static):
        clash = _clashing(relative, generated, folders)
        if search and relative.startswith(PAGEFIND + "/"):
            clash = clash or relative
        if clash:
            sent_on = redirected_from or {}  # a folder in the way: the one an old address's page is written in
            errors.append(_would_replace(f"{content.name}/static/{relative}", clash,
                                         sent_on.get(clash) or sent_on.get(clash + "index.html", "")))
    return errors


def clashes_known_early(options: Options, found: Found, config: SiteConfig,
                        records: "Iterable[Record]") -> list[ContentError]:
    """The files of content/static/ that would replace one every site makes (`feed.xml`, the theme's
    stylesheet) or an essay's or page's own page, said beside the content's errors: the rest of the
    clashes need the planned pages, which a run with errors never has, and a writer should not learn
    of these one run later."""
    if not found.static:
        return []
    listings = (routes.home, routes.feed, routes.tags, routes.comments, routes.comments_feed)
    made = {file_path(url(lang=lang)) for lang in ("", *config.language_codes) for url in listings}
    made |= {SITEMAP, NOT_FOUND, NO_JEKYLL, MARK, *([CNAME] if config.cname else [])}  # as pipeline._extras writes them
    made |= {f"{ASSETS}/{relative}" for relative in options.theme.files("assets")}
    static = [relative for relative, _ in found.static]
    made |= _own_pages(records, config, options.drafts, set(static_in_the_way(static)))
    return _static_clashes(options.content, static, made, config.search)


def _own_pages(records: "Iterable[Record]", config: SiteConfig, drafts: bool, static_tops: set[str]) -> set[str]:
    """The side-by-side and one-language page of every essay and page the files hold, in the site's
    languages (a draft's only when drafts are shown), as the plan will make them; but a page's side by
    side where a static file takes its slug, which validation names already."""
    texts = [(is_page(r.path), r.slug, r.lang, r.meta) for r in records if not r.comment_id]
    # the original's `draft` (a translation's is ignored, with a warning)
    left_out = set() if drafts else {(page, slug) for page, slug, _, meta in texts
                                     if meta.get("draft") is True and "translation_of" not in meta}
    made = set()
    for page, slug, lang, _ in texts:
        if lang in config.language_codes and (page, slug) not in left_out:
            made.add(file_path(routes.page_single(lang, slug) if page else routes.single(lang, slug)))
            if not (page and slug in static_tops):
                made.add(file_path(routes.page(slug) if page else routes.essay(slug)))
    return made


def _would_replace(shown: str, relative: str, made_as: str = "") -> ContentError:
    if made_as:
        return ContentError(shown, 0, f"would replace `{relative}`, {made_as}: rename or remove one of them")
    return ContentError(shown, 0, f"would replace the site's own `{relative}`, which the build makes; rename or remove it")
