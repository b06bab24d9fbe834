"""Records + their HTML blocks -> the Site model, or every content error at once."""

from __future__ import annotations

import datetime as dt
import re
from difflib import get_close_matches
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Callable
from unicodedata import bidirectional

from . import addresses
from .align import counts_differ, locate_mismatch
from ..cache import content_key
from ..errors import DIRECTION_CONTROLS, ContentError, ContentErrors, hides, one_line
from .find import is_page
from .images import missing_images
from .language_tags import known_tag
from .names import (in_capitals, lowered_from_capitals, passage_of, same_words, tag_segment, tag_text,
                    without_tonos)
from .markup import clean_text, first_words, is_safe_url, rooted_links
from ..model import (DATE_PATTERN, END_ISOLATE, ISOLATE, LATEST_OFFSET, Comment, Essay, PartialDate, Site, SiteConfig,
                     SitePage, Tag, Text, newest_first, offset_text)
from .parse import ContentFiles
from .read import Record
from .translations import (UNFINISHED, Followed, mend_rearranged, opening_words, paired_blocks, rearranged,
                           stale_blocks, still_marked, title_of, update_command, words_of)

STATUSES = ("published", "pending", "spam")
ORIGINAL_ONLY = {"author", "date", "tags", "source", "draft", "reply_to", "status", "url", "aliases", "feed_id"}
ESSAY_KEYS = {"title", "author", "date", "tags", "source", "summary", "draft", "translation_of", "translator",
              "aliases", "feed_id"}
FEED_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"\x00-\x1f\x7f]{1,500}")  # an IRI, as Atom asks
FOLDED_LIST = re.compile(r"\S - \S")  # a list item indented under the one before it, folded into its key
TRANSLATION_ONLY = {"translator"}  # (`translation_of` is what makes a file a translation)
COMMENT_KEYS = {"author", "date", "reply_to", "status", "url", "translation_of", "translator"}
PAGE_KEYS = {"title", "author", "summary", "draft", "aliases", "translation_of", "translator"}
# a page's slug is its first URL segment: it must not be one the site itself uses
RESERVED_SEGMENTS = {"posts": "its essays", "tags": "its tags", "comments": "its comment archive", "search": "its search",
                     "page": "its home's later pages", "assets": "its styles and scripts", "pagefind": "its search index"}
HOST_ROOT_FILES = {"robots.txt", "ads.txt"}  # read by crawlers at a host's root, and nowhere else
FAVICONS = ("favicon.svg", "favicon.png", "favicon.ico")  # in content/static/, the first found is linked


@dataclass
class Findings:
    """Errors stop the build; warnings are worth an author's look but publish fine."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    # texts (a path without its language) with a file that did not parse: that error is the cause,
    # and what its other files say of the missing one would only mislead
    broken: frozenset = frozenset()

    def is_broken(self, record: Record) -> bool:
        return text_of(record.path) in self.broken

    def error(self, record: Record, key: str | None, message: str) -> None:
        self.errors.append(ContentError(record.path, record.line(key) if key else 0, message))

    def warn(self, record: Record, key: str | None, message: str) -> None:
        self.warnings.append(ContentError(record.path, record.line(key) if key else 0, message))


def text_of(path: str) -> str:
    """Which essay or comment a language file belongs to: its path without `.<lang>.md`."""
    return path.rsplit(".", 2)[0]


def build_model(config: SiteConfig, files: ContentFiles, include_drafts: bool = False,
                posts: dict | None = None, include_pending: bool = False,
                followed: dict | None = None, static: tuple[str, ...] = (),
                unraised: list | None = None) -> tuple[Site, list[ContentError]]:
    """Validate everything; return the site and its warnings, or raise every error together.

    `posts`, when given, holds each post's last result by what it was made from (its files' hashes,
    the settings), so a long-lived preview validates again only the posts whose inputs changed. `followed` is the
    translation record: which version of its original each translation follows. `unraised`, when given
    (`status`, which reports on the rest), receives the errors instead of their being raised: the site
    returned is then what could be validated despite them, fit to be read but never to be built.
    """
    found = Findings(errors=list(files.errors), warnings=list(files.warnings))
    broken = defaultdict(set)  # by slug: errors name `content/posts/<slug>/...`
    for error in files.errors:
        if error.path.endswith(".md") and error.path.count("/") > 2 and not is_page(error.path):
            broken[error.path.split("/")[2]].add(text_of(error.path))
    page_records = [record for record in files.records if is_page(record.path)]
    essay_records, comment_records = _group([r for r in files.records if not is_page(r.path)], config, found)
    page_groups = _group(page_records, config, found)[0]
    pages, drafts = _pages(config, page_groups, files, found, static, include_drafts, followed)
    essays, held_back, unpublished = [], 0, []  # `drafts` counts on from the pages'
    slugs = essay_records.keys() | comment_records.keys()
    for gone in (posts.keys() - slugs) if posts is not None else ():  # a run's results, not every run's
        del posts[gone]
    for slug in sorted(slugs):
        essay, held, post_found = _post(config, slug, essay_records.get(slug, {}), comment_records.get(slug, {}),
                                        files, posts, include_pending, followed or {},
                                        frozenset(broken.get(slug, ())))
        found.errors += post_found.errors
        found.warnings += post_found.warnings
        if essay and (include_drafts or not essay.draft):
            essays.append(essay)
            held_back += held
        elif essay:
            drafts += 1
            unpublished.append(essay)
    _check_addresses(config, essays, essay_records, found, pages, page_groups, unpublished)
    _check_feed_ids(essays, essay_records, found)
    found.warnings += missing_images(files, static)
    _warn_root_files_under_a_path(config, static, found, files.root)
    tags = _site_tags(config, essays, essay_records, found)  # before the errors: its warnings are said beside them
    _warn_drafts_tags(config, unpublished, tags, essay_records, found)
    if found.errors and unraised is None:
        raise ContentErrors(found.errors, _not_from_unread(found.warnings, files.errors))
    if found.errors:
        unraised += found.errors
        found.warnings = _not_from_unread(found.warnings, files.errors)
    essays.sort(key=_newest_first)
    site = Site(config=config, essays=tuple(essays), tags=tags, held_back=held_back, drafts=drafts, pages=pages,
                static=static,
                favicon=next((name for name in FAVICONS if name in static), ""))
    return site, sorted(set(found.warnings))


def _not_from_unread(warnings: list[ContentError], unread: tuple[ContentError, ...]) -> list[ContentError]:
    """The warnings said beside errors, less those about a folder holding a file that could not be
    read: "no `en` translation" there means only that the translation's error comes first."""
    folders = {error.path.rpartition("/")[0] for error in unread}
    return [warning for warning in warnings if warning.path.rpartition("/")[0] not in folders]


def _warn_root_files_under_a_path(config: SiteConfig, static: tuple[str, ...], found: Findings, root: str) -> None:
    """robots.txt and its kind are read only at a host's root: under a sub-path they reach no crawler."""
    if config.base_path == "/":
        return
    host = config.base_url[:len(config.base_url) - len(config.base_path) + 1]
    for name in sorted(HOST_ROOT_FILES & set(static)):
        found.warnings.append(ContentError(f"{root}/static/{name}", 0,
                                           f"crawlers read {name} only at the host's root ({host}{name}); this site "
                                           f"is published under {config.base_path}, where it is not read"))


def page_slug_collision(slug: str, config: SiteConfig, static_roots: set[str], root: str = "content") -> str:
    """Why a page cannot have this slug (its address is the site's own, or a static file's), or ""; `root` is
    the content folder as messages name it."""
    if slug in static_roots:
        return f"page slug `{slug}` collides with the static file {root}/static/{slug}"
    if slug in RESERVED_SEGMENTS:
        return f"page slug `{slug}` collides with the site's own address /{slug}/ ({RESERVED_SEGMENTS[slug]})"
    for code in config.language_codes:
        if slug == code.lower():
            return (f"page slug `{slug}` collides with the site's own address /{slug}/ (the home of its pages in "
                    f"{config.language_name(code)})")
    return ""


def _pages(config: SiteConfig, records: dict, files: ContentFiles, found: Findings, static: tuple[str, ...],
           include_drafts: bool, followed: dict | None) -> tuple[tuple[SitePage, ...], int]:
    """content/pages/ -> pages, in slug order, and how many drafts were left out; every menu entry must
    name one (drafts count: a draft's menu entry would otherwise fail only once it is published)."""
    roots = {path.split("/", 1)[0] for path in static}
    pages, drafts, left_out = [], 0, set()
    for slug, versions in sorted(records.items()):
        record = _original_record(versions)
        collision = page_slug_collision(slug, config, roots, files.root)
        if collision:
            found.error(record, None, f"{collision}; rename the folder {files.root}/pages/{slug}")
            continue
        page = _page(slug, versions, files, found, followed or {}, config)
        if page and (include_drafts or not page.draft):
            pages.append(page)
        elif page:
            drafts += 1
            left_out.add(slug)
    refused = {error.path.split("/")[2] for error in found.errors if error.path.split("/")[1:2] == ["pages"]
               and error.path.count("/") >= 2}  # a folder already named for its bad name: said once
    for entry in config.menu:
        if entry.page and entry.page not in records and entry.page not in refused:
            near = get_close_matches(entry.page, sorted(records), n=1, cutoff=0.75)  # `abuot` for `about`
            meant = f"; is it meant to be `{near[0]}`?" if near else ""
            found.errors.append(ContentError(entry.path, entry.line, f"menu entry `page: {entry.page}` names no "
                                                                     f"page: there is no {files.root}/pages/{entry.page}/{meant}"))
        elif entry.page in left_out:  # else its link would vanish from every page without a word
            found.warnings.append(ContentError(entry.path, entry.line, f"menu entry `page: {entry.page}` names a "
                                               "draft: it is left out of the menu until the page is published"))
    return tuple(pages), drafts


def _page(slug: str, versions: dict, files: ContentFiles, found: Findings, followed: dict,
          config: SiteConfig) -> SitePage | None:
    files = _rooted(files, versions.values(), config.base_path)
    original, texts = _texts(versions, files.blocks, found, "page", PAGE_KEYS, followed, config.language_codes)
    if original is None:
        return None
    prefix = f"{slug}/"
    page = SitePage(
        slug=slug, texts=texts, author=_person(original, "author", False, found),
        draft=_flag(original, "draft", found), aliases=_aliases(original, found),
        files=tuple(url for url, _ in files.assets if url.startswith(prefix)),
        source_files=tuple(sorted(r.path for r in versions.values())),
    )
    _warn_starter(original, page, found, "page")  # a page published as `new page` wrote it warned of nothing
    return page


def _post(config: SiteConfig, slug: str, versions, comment_versions, files: ContentFiles, posts: dict | None,
          include_pending: bool = False, followed: dict | None = None, broken: frozenset = frozenset()):
    """One post folder validated on its own: (essay or None, comments held back, its findings)."""
    records = list(versions.values()) + [r for by_lang in comment_versions.values() for r in by_lang.values()]
    followed = followed or {}
    key = (config, include_pending, broken, tuple(sorted((r.path, r.lang, r.digest, followed.get(r.path)) for r in records)),
           not versions and any(_index_unread(r, files.errors) for r in records),
           tuple(url for url, _ in files.assets if url.startswith(f"posts/{slug}/")))
    if posts is not None and posts.get(slug, (None,))[0] == key:
        return posts[slug][1]
    found = Findings(broken=broken)
    files = _rooted(files, records, config.base_path)
    _warn_untranslated(config.main_language, versions, comment_versions, found)
    essay, held = _essay(slug, versions, comment_versions, files, found, include_pending, followed, config)
    if essay:  # what it was made from besides site.yml, by content: a plan reuses the essay's pages by it
        essay = replace(essay, inputs=content_key(repr(key[1:])))
    result = (essay, held, found)
    if posts is not None:
        posts[slug] = (key, result)
    return result


def _check_addresses(config: SiteConfig, essays: list[Essay], essay_records, found: Findings,
                     pages: tuple = (), page_records: dict | None = None, drafts: list[Essay] = ()) -> None:
    """Each old address leads to one place and is no page of the site's own: two essays or pages claiming
    one, one claiming a redirect's address, or an alias on a real page is an error on the file. `drafts`:
    the essays left out, whose tags' pages a build with --drafts makes."""
    own = _own_page(config, essays, pages, drafts)
    claimed = {addresses.written_at(redirect.old): "site.yml redirects" for redirect in config.redirects}
    for redirect in config.redirects:
        if own(redirect.old):
            found.errors.append(ContentError(redirect.path, redirect.line, f"redirect `{redirect.old[:80]}` is an "
                                             "address of the site's own pages, not an old one"
                                             + _case_note(redirect.old)))
        elif file := addresses.under_own_file(redirect.old, config.language_codes):
            found.errors.append(ContentError(redirect.path, redirect.line, f"redirect `{redirect.old[:80]}` "
                                             + _under_own_file(file)))
    claimants = [(essay, essay_records[essay.slug][essay.original.lang]) for essay in essays]
    claimants += [(page, (page_records or {})[page.slug][page.original.lang]) for page in pages]
    for owner, record in claimants:
        for alias in owner.aliases:
            where = addresses.written_at(alias)
            if own(alias):
                found.error(record, "aliases", f"alias `{alias[:80]}` is an address of the site's own pages"
                            + _case_note(alias))
            elif file := addresses.under_own_file(alias, config.language_codes):
                found.error(record, "aliases", f"alias `{alias[:80]}` " + _under_own_file(file))
            elif where in claimed:
                found.error(record, "aliases", f"alias `{alias[:80]}` is claimed by {claimed[where]} too")
            else:
                claimed[where] = owner.original.path
    _check_files_in_the_way(config, claimants, found)


def _check_files_in_the_way(config: SiteConfig, claimants, found: Findings) -> None:
    """An old address under another that is served from a file (`/post.html/feed/` under `/post.html`):
    the build could write only one of the two. An error on the one under, naming the other."""
    olds = [redirect.old for redirect in config.redirects] + [a for owner, _ in claimants for a in owner.aliases]
    blocked = addresses.under_files(olds)
    if not blocked:
        return
    said = {old: f"`{old[:80]}` would need `{blocked[old][:80]}` to be a folder, but that old address is served " \
                 "from a file of that name: a static host cannot hold both; keep one of them" for old in blocked}
    for redirect in config.redirects:
        if redirect.old in said:
            found.errors.append(ContentError(redirect.path, redirect.line, "redirect " + said[redirect.old]))
    for owner, record in claimants:
        for alias in owner.aliases:
            if alias in said:
                found.error(record, "aliases", "alias " + said[alias])


def _under_own_file(file: str) -> str:
    return (f"lies under `{file}`, a file the site writes itself: a static host cannot make it a folder too "
            "(leave this old address out)")


def _case_note(address: str) -> str:
    """What to add when an old address may be the site's own only with its letter case folded."""
    if address == address.casefold():
        return ""
    return (" (letter case aside: on a disk that ignores it, as macOS's and Windows's do, its redirect would "
            "overwrite that page)")


def _check_feed_ids(essays: list[Essay], essay_records, found: Findings) -> None:
    """Two essays keeping one feed_id would be one entry to a feed reader, which shows only one of them."""
    kept: dict[str, str] = {}
    for essay in sorted(essays, key=lambda e: e.original.path):  # the error falls on the same file every run
        if not essay.feed_id:
            continue
        if essay.feed_id in kept:
            found.error(essay_records[essay.slug][essay.original.lang], "feed_id",
                        f"feed_id `{essay.feed_id[:80]}` is {kept[essay.feed_id]}'s too: a feed reader would show "
                        "one of the two")
        else:
            kept[essay.feed_id] = essay.original.path


def _own_page(config: SiteConfig, essays: list[Essay], pages: tuple, drafts: list[Essay] = ()) -> Callable[[str], bool]:
    """Whether the site serves a page of its own at an address (see addresses.own_page); a draft's tags
    and site.yml's count, so that no redirect `check` passes meets a tag's page."""
    languages, slugs = config.language_codes, {essay.slug for essay in essays}
    page_slugs = {page.slug for page in pages}
    # site.yml's tags have their pages too, used or not (a draft's, once shown)
    tags = {addresses.compared(tag) for essay in (*essays, *drafts) for tag in essay.tags} | {
        addresses.compared(tag.key) for tag in config.tags}
    return lambda address: addresses.own_page(address, languages, slugs, page_slugs, tags)


def _warn_untranslated(main: str, essay_versions, comment_versions, found: Findings) -> None:
    """Readers read in main_language by default; say where a text has no version in it."""
    for kind, versions in [("essay", essay_versions)] + [("comment", v) for v in comment_versions.values()]:
        if versions and main not in versions:
            record = _original_record(versions)
            if "translation_of" in record.meta:  # no original: the error that says so is the one to act on
                continue
            if record.meta.get("status", "published") == "published":
                found.warn(record, None, f"this {kind} has no `{main}` translation (main_language)")


def _newest_first(essay: Essay):
    """Dated essays newest first, then undated ones, each tie broken by slug."""
    return newest_first(essay.date) + (essay.slug,)


def _group(records, config: SiteConfig, found: Findings):
    """Sort records into essays[slug][lang] and comments[slug][id][lang]; check languages."""
    essays: dict = defaultdict(dict)
    comments: dict = defaultdict(lambda: defaultdict(dict))
    languages = set(config.language_codes)
    for record in records:
        if record.lang not in languages:
            found.error(record, None, f"language `{record.lang}` is not in site.yml languages "
                                      f"({', '.join(config.language_codes)})" + _spelt_as(record, config))
            continue
        if record.comment_id:
            comments[record.slug][record.comment_id][record.lang] = record
        else:
            essays[record.slug][record.lang] = record
    return essays, comments


def _spelt_as(record: Record, config: SiteConfig) -> str:
    """A hint for a file name whose language is a declared one in other letter case (`pt-br` for `pt-BR`),
    under another name for it (ISO 639-2's `eng`, Hebrew's withdrawn `iw`), or with a region (`ar-EG`)."""
    same = [code for code in config.language_codes if code.casefold() == record.lang.casefold()]
    def named(code: str) -> str:
        return PurePosixPath(record.path).name.replace(f".{record.lang}.md", f".{code}.md")

    if same:
        return f"; the file's name must spell it as site.yml does: `{named(same[0])}`"
    usual = known_tag(record.lang)
    if usual and usual != record.lang and usual in config.language_codes:
        return f"; BCP 47 writes it `{usual}`: `{named(usual)}`"
    language = record.lang.split("-")[0].casefold()
    broader = [code for code in config.language_codes if code.casefold() == language]
    if broader:
        return f"; name it `{named(broader[0])}`, or add `{record.lang}` to site.yml's languages"
    narrower = [code for code in config.language_codes if code.split("-")[0].casefold() == record.lang.casefold()]
    if narrower:  # `pt` for the declared `pt-BR`
        return f"; is it meant to be `{named(narrower[0])}`?"
    return f"; add `{record.lang}` to site.yml's languages to publish it, or start the file's name with a dot to keep it aside"


def _original(versions: dict[str, Record], found: Findings, kind: str) -> Record | None:
    """The one file without translation_of; say so when there are none or several."""
    originals = [r for r in versions.values() if "translation_of" not in r.meta]
    if not originals:
        for record in versions.values() if not any(map(found.is_broken, versions.values())) else ():
            found.error(record, "translation_of", _no_original(record, versions, kind))
        return None
    # of several, the original is the one the translations name: the others are what lacks translation_of
    if len(originals) > 1:  # looked for only then: every essay and comment has an original to find
        named = [r.meta.get("translation_of") for r in versions.values()]
        misspelt = {r.path: _misspelt_translation_of(r) for r in originals}
        # a file crediting a translator is a translation that lost its `translation_of` line; one without the
        # author an original of an essay must name, likelier than one with (as `new translation` writes it)
        originals.sort(key=lambda r: (-named.count(r.lang), bool(misspelt[r.path]),
                                      any(key in TRANSLATION_ONLY for key in r.meta), "author" not in r.meta))
        for extra in originals[1:]:
            found.error(extra, misspelt[extra.path] or "translation_of", f"this {kind} has two originals: "
                        f"{originals[0].path} and this file both lack translation_of; a translation must name its "
                        "original's language"
                        + (f"; is `{misspelt[extra.path]}` meant to be `translation_of`?" if misspelt[extra.path]
                           else _two_originals_hint(originals[0], extra, kind)))
    return originals[0]


def _two_originals_hint(first: Record, extra: Record, kind: str) -> str:
    """What two originals most likely are: two readers' comments given one id (each signed by another), or
    a translation that lost its `translation_of` line."""
    authors = [record.meta.get("author") for record in (first, extra)]
    if kind == "comment" and all(isinstance(a, str) and a.strip() for a in authors) and authors[0] != authors[1]:
        return (f"; if they are two comments ({authors[0]}'s and {authors[1]}'s), give this one another id: rename "
                "the file, and the reply_to of its replies")
    return f" (`translation_of: {first.lang}`, if this file translates that one)"


def _misspelt_translation_of(record: Record) -> str:
    """A key of `record` that looks like `translation_of` misspelt (`translaton_of`), or "": not a key a
    translation may hold (`translator`), which taken for it would lose the translator's name."""
    near = get_close_matches("translation_of", [key for key in record.meta if isinstance(key, str)
                                                and key not in TRANSLATION_ONLY], n=1, cutoff=0.75)
    return near[0] if near else ""


def _no_original(record: Record, versions: dict[str, Record], kind: str) -> str:
    """What to do about a text none of whose language files is its original, said on one of them."""
    target = record.meta.get("translation_of")
    if isinstance(target, str) and target == record.lang:
        return "translation_of names this file's own language: remove it, if this is the original"
    if isinstance(target, str) and target not in versions:
        return f"translation_of names `{target}`, but the original, {text_of(record.path)}.{target}.md, is missing"
    return (f"this {kind} has no original: every language file says translation_of; remove it from the "
            "original")


def _rooted(files: ContentFiles, records, base_path: str) -> ContentFiles:
    """`files` as one post or page reads them: its records' blocks with links from the site's root put
    under its sub-path, if it has one."""
    if base_path == "/":
        return files
    rooted = {record.path: tuple(rooted_links(block, base_path) for block in files.blocks[record.path])
              for record in records if record.path in files.blocks}
    return replace(files, blocks=rooted)


def _texts(versions: dict[str, Record], blocks, found: Findings, kind: str, keys: set[str], followed: dict,
           order: tuple[str, ...], excerpts: dict | None = None):
    """Validate the language files of one essay or comment into Texts: the original, then its
    translations in `order` (the display order of site.yml)."""
    original = _original(versions, found, kind)
    if original is None:
        return None, ()
    excerpts = excerpts or {}
    # a draft, or a comment pending or spam, is published by no build: its unfinished translation is work
    # in progress, which `check --strict` in a site's pull-request checks must not refuse (said once the
    # draft or comment is published)
    still_drafted = original.meta.get("draft") is True or (
        kind == "comment" and original.meta.get("status", "published") != "published")
    texts = [_text(original, blocks, found, True, kind, keys, excerpts.get(original.path, ""), still_drafted)]
    # a language site.yml lacks is an error said already; it sorts last rather than stopping the run
    for lang, record in sorted(versions.items(), key=lambda item: (order.index(item[0]) if item[0] in order
                                                                   else len(order), item[0])):
        if "translation_of" not in record.meta:
            continue  # the original, or a second one already reported
        target = record.meta.get("translation_of")
        stale, aligned, retitled = (), False, None
        if not isinstance(target, str):
            found.error(record, "translation_of", "translation_of must be the original's language, e.g. `es`")
        elif target == original.lang and kind == "comment" and not blocks[original.path] and \
                original.meta.get("status") == "spam":
            aligned = False  # spam past a comment's limits, kept unread (see parse._spam): nothing to align with
        elif target == original.lang:
            aligned = _check_alignment(original, record, blocks, found, followed.get(record.path), still_drafted)
            if aligned and record.path in followed:
                stale = _stale(original, record, blocks, followed[record.path], found)
            if record.path in followed:  # a title is no block: it is outdated or not however the blocks align
                retitled = _retitled(original, record, followed[record.path], found)
        elif target == record.lang:
            found.error(record, "translation_of", f"translation_of names this file's own language; a translation "
                                                  f"names its original's (`{original.lang}`)")
        elif target in versions:
            found.error(record, "translation_of", f"translation_of must name the original (`{original.lang}`), "
                                                  f"not `{target}`, which is itself a translation")
        elif not found.is_broken(record) and target not in order:  # `catalan`, `Español`: a name, not a code
            found.error(record, "translation_of", f"translation_of names `{target}`, which is no language of "
                                                  f"site.yml: it takes the original's code, here `{original.lang}`")
        elif not found.is_broken(record):
            found.error(record, "translation_of", f"translation_of names `{target}`, but there is no "
                                                  f"`{target}` file beside this one; the original here is "
                                                  f"`{original.lang}`")
        # a translation the record does not name was written by hand, and one it names against another
        # original follows nothing of this one: status names both (no copy made for it)
        text = _text(record, blocks, found, False, kind, keys, excerpts.get(record.path, ""), still_drafted,
                     untracked=record.path not in followed or followed[record.path].original != original.path)
        text = replace(text, stale=stale) if stale else text
        text = replace(text, stale_title=retitled) if retitled is not None else text
        texts.append(_unfinished_shown_as_original(text, texts[0], blocks[original.path], record) if aligned else text)
    return original, tuple(texts)


def _notes_renamed(block: str, original_lang: str, lang: str) -> str:
    """An original's block standing in a translation, its footnotes' ids in the translation's name (`fn-en-1`):
    beside the original on one page, the original's own (`fn-es-1`) would be there twice."""
    if 'fn' not in block:
        return block
    return re.sub(rf'(?<=["#])(fn|fnref[0-9]*)-{re.escape(original_lang)}-', rf'\1-{lang}-', block)


def _unfinished_shown_as_original(text: Text, original: Text, original_blocks: tuple[str, ...],
                                  record: Record) -> Text:
    """A block (or title) that still holds the starter's marker is never published: the original's
    stands in its place, in its own language, the block noted as not yet translated (and where it
    starts, for `status`)."""
    unfinished = tuple(i for i, block in enumerate(text.blocks) if UNFINISHED in block)
    if unfinished:
        blocks = tuple(_notes_renamed(original_blocks[i], original.lang, text.lang) if i in unfinished else block
                       for i, block in enumerate(text.blocks))
        text = replace(text, blocks=blocks, unfinished=unfinished, original_lang=original.lang,
                       excerpt=first_words(blocks) if text.excerpt else "",
                       unfinished_line=record.block_line(unfinished[0], len(blocks)) or record.body_line)
    if UNFINISHED in text.title or UNFINISHED in text.summary:
        text = replace(text, title=original.title if UNFINISHED in text.title else text.title,
                       title_lang=original.lang if UNFINISHED in text.title else "",
                       summary=original.summary if UNFINISHED in text.summary else text.summary,
                       original_lang=original.lang,
                       unfinished_fields=tuple(key for key in ("title", "summary") if UNFINISHED in getattr(text, key)),
                       unfinished_line=record.line("title" if UNFINISHED in text.title else "summary"))
    return text


def _warn_unfinished(record: Record, blocks: tuple[str, ...], found: Findings) -> None:
    """Name the blocks (and title, and summary) still holding the starter's marker, at the first one's
    line: they are shown in the original's language until translated."""
    marked = [index for index, block in enumerate(blocks) if UNFINISHED in block]
    fields = tuple(key for key in ("title", "summary") if UNFINISHED in str(record.meta.get(key, "")))
    if not (marked or fields):
        return
    line = (record.block_line(marked[0], len(blocks)) if marked and not fields else None) or record.line(
        fields[0] if fields else "title")
    said = still_marked(fields, [index + 1 for index in marked], len(blocks))
    found.warnings.append(ContentError(record.path, line, f"{said}: shown in the original's language until translated"))


def _warn_skipped_heading(record: Record, blocks: tuple[str, ...], found: Findings) -> None:
    """Name the first heading that skips a level below the one before it (the title is level 1):
    a screen reader's outline then lacks a level, which the accessibility checks count as a fault."""
    level = 1
    for index, block in enumerate(blocks):
        if block[:2] != "<h" or block[2:3] not in ("1", "2", "3", "4", "5", "6"):
            continue
        if int(block[2]) > level + 1:
            line = record.block_line(index, len(blocks)) or record.body_line
            above = "right under the title" if level == 1 else f"after a level-{level} one"
            found.warnings.append(ContentError(record.path, line, (
                f"a level-{block[2]} heading {above}: a screen reader's outline then misses a level; "
                f"make it level {level + 1} (`{'#' * (level + 1)}`)")))
            return
        level = int(block[2])


def _text(record: Record, blocks, found: Findings, is_original: bool, kind: str, keys: set[str],
          excerpt: str = "", draft: bool = False, untracked: bool = False) -> Text:
    """One language file's own fields; warns about keys that belong elsewhere and, unless it is a
    draft's, unfinished text. `untracked`: a translation no record names (see Text.untracked)."""
    if not draft:
        _warn_unfinished(record, blocks[record.path], found)
    if kind in ("essay", "page"):
        _warn_skipped_heading(record, blocks[record.path], found)
    for key in record.meta:
        if key not in keys:
            near = get_close_matches(str(key), sorted(keys), n=1, cutoff=0.75)  # `translater`: a credit lost unseen
            meant = f"; is it meant to be `{near[0]}`?" if near else ""
            found.warn(record, key, f"unknown key `{key}` is ignored{meant}")
        elif not is_original and key in ORIGINAL_ONLY:
            found.warn(record, key, f"`{key}` belongs in the original, not a translation; it is ignored here")
        elif is_original and key in TRANSLATION_ONLY:  # an original's writer is its `author`
            found.warn(record, key, f"`{key}` belongs in a translation, not the original; it is ignored here")
    needs_title = kind in ("essay", "page")
    return Text(
        lang=record.lang,
        path=record.path,
        blocks=blocks[record.path],
        title=_string(record, "title", needs_title, found),
        summary=_string(record, "summary", False, found),
        translator=_single_line_name(_string(record, "translator", False, found)) if not is_original else "",
        is_original=is_original,
        excerpt=excerpt,
        untracked=untracked,
    )


def _check_alignment(original: Record, translation: Record, blocks, found: Findings,
                     followed: Followed | None = None, in_progress: bool = False) -> bool:
    """A translation must have exactly as many top-level blocks as its original; True when it has. Where
    the record says which blocks the original has gained or lost since the translation followed it,
    those are named; else the likeliest place is guessed from the blocks' lengths."""
    source, target = blocks[original.path], blocks[translation.path]
    recorded = followed is not None and followed.tells(original.path, len(target))
    if len(source) == len(target):
        if not in_progress:  # a draft's or a pending comment's translation is work in progress (see _texts)
            _warn_list_lengths(translation, source, target, found)
            _warn_kinds(translation, source, target, found)
        if recorded:  # a draft's too: `translated` refuses it alike, and says why only here
            _warn_shifted(translation, followed.blocks, source, found)
        return True
    changed = _changed_since_recorded(followed.blocks, source, target, translation.block_starts) if recorded else None
    line, where = changed or locate_mismatch(source, target, list(translation.block_starts))
    message = counts_differ(len(target), len(source))
    if where:
        message += f"; {where}"
    message += _list_run_in(target, source)
    if recorded and (command := update_command(translation.path)):
        message += (f" ({command} adds the original's new blocks marked `TODO translate`, shown "
                    "in its language until translated, moves the translations of blocks that moved with them, "
                    "and takes out those it lost)")
    found.errors.append(ContentError(translation.path, line or translation.body_line, message))
    return False


SHIFTED = "since this translation was recorded, "  # how that warning starts: `status` repeats it


def _warn_shifted(translation: Record, recorded: tuple, source, found: Findings) -> None:
    """A warning, at the first block it touches, when the original's blocks moved, came or went since the
    translation was recorded: the counts may still agree, but its blocks then sit beside other paragraphs
    than theirs, which "outdated" alone did not say."""
    done = rearranged(recorded, words_of(source))
    said = done.said()
    if not said:
        return
    starts = translation.block_starts
    line = starts[min(done.beside_others[0], len(starts) - 1)] if starts else translation.body_line
    found.warnings.append(ContentError(translation.path, line, f"{SHIFTED}{said}; {mend_rearranged(translation.path)}"))


LIST_RUN_IN = re.compile(r"\n\s{0,3}(?:[-*+]|\d{1,9}[.)]) ")  # a list item's line inside a paragraph


def _list_run_in(target, source) -> str:
    """A hint when a paragraph of the translation holds lines written as a list's items and the original has
    a list: Markdown starts a list only after a blank line, so the two read as one paragraph here."""
    if not any(block.startswith(("<ul>", "<ol")) for block in source):
        return ""
    for number, block in enumerate(target, 1):
        if block.startswith("<p>") and LIST_RUN_IN.search(block):
            return (f" (translation block {number} holds lines written as a list's items: a list needs a blank "
                    "line before it, or Markdown reads it as part of the paragraph above)")
    return ""


def _changed_since_recorded(recorded: tuple, source, target, starts) -> tuple[int, str] | None:
    """(line, sentence) naming the blocks the original gained, or those it lost, since the translation was
    recorded as following it (its blocks then: `recorded`), paired as translations.paired_blocks pairs
    them; None when it both gained and lost some, which one sentence cannot say."""
    paired = paired_blocks(recorded, words_of(source))  # as `--update` pairs them, which the message names
    gained = [new for new in range(len(source)) if new not in paired]
    lost = sorted(set(range(len(recorded))) - set(paired.values()))
    if bool(gained) == bool(lost):
        return None
    at, one = (gained or lost)[0], len(gained or lost) == 1
    line = starts[min(at, len(starts) - 1)] if starts else 0
    which = _blocks_said(gained or lost)
    if gained:
        return line, (f"original {which} (“{opening_words(source[at])}”) {'was' if one else 'were'} added after "
                      f"this translation was recorded: translate {'it' if one else 'them'} here as {which}")
    return line, (f"the original's {which} {'was' if one else 'were'} removed after this translation was "
                  f"recorded: translation {which} (“{opening_words(target[at])}”) {'follows' if one else 'follow'} nothing now")


def _blocks_said(indexes: list[int]) -> str:
    """`block 3`, `blocks 3 to 5` for a run, `blocks 2, 6` otherwise: numbered from 1."""
    if len(indexes) == 1:
        return f"block {indexes[0] + 1}"
    if indexes == list(range(indexes[0], indexes[0] + len(indexes))):
        return f"blocks {indexes[0] + 1} to {indexes[-1] + 1}"
    return "blocks " + ", ".join(str(index + 1) for index in indexes)


LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b")


def _items(block: str) -> int | None:
    """How many items a block that is a list holds at its top level (a nested list's are its item's), else None."""
    if not block.startswith(("<ul>", "<ol")):
        return None
    depth = items = 0
    for closing, tag in LIST_TAG.findall(block):
        if tag != "li":
            depth += -1 if closing else 1
        elif not closing and depth == 1:
            items += 1
    return items


def _warn_list_lengths(translation: Record, source, target, found: Findings) -> None:
    """Warn of a list whose translation has more or fewer items: a list is one block, so an item left out
    keeps the blocks aligned and would go unseen, the page showing three items beside two."""
    for index, (theirs, ours) in enumerate(zip(source, target)):
        if theirs[:3] != ours[:3]:
            continue
        if theirs.startswith("<table") and (expected := theirs.count("<tr")) != (written := ours.count("<tr")):
            said = (f"a table of {written} row{'s' if written != 1 else ''}, its original's has {expected}: a row "
                    "left out, or one added?")
        elif (expected := _items(theirs)) is not None and (written := _items(ours)) != expected:
            said = (f"a list of {written} item{'s' if written != 1 else ''}, its original's has {expected}: an item "
                    "left out, or two run together?")
        else:
            continue
        line = translation.block_line(index, len(target)) or translation.body_line
        found.warnings.append(ContentError(translation.path, line, f"block {index + 1} is {said}"))


BLOCK_KINDS = {"p": "a paragraph", "ul": "a bulleted list", "ol": "a numbered list", "blockquote": "a block quote",
               "pre": "a code block", "table": "a table", "hr": "a thematic break",
               **{f"h{level}": f"a level-{level} heading" for level in range(1, 7)}}
FIRST_ELEMENT = re.compile(r"\s*<([a-z][a-z0-9]*)")


def _warn_kinds(translation: Record, source, target, found: Findings) -> None:
    """Warn of a block that is of another kind than its original's (a heading translated as a paragraph):
    the counts still match, so nothing else would say so, and the pair would show a heading beside a line
    of prose. Cheap where nothing differs: a block's first three characters name its kind."""
    for index, (theirs, ours) in enumerate(zip(source, target)):
        if theirs[:3] == ours[:3] or UNFINISHED in ours:  # a block still to translate shows its original's
            continue
        kinds = [BLOCK_KINDS.get(element.group(1)) if (element := FIRST_ELEMENT.match(block)) else None
                 for block in (theirs, ours)]
        if None in kinds or kinds[0] == kinds[1]:
            continue
        line = translation.block_line(index, len(target)) or translation.body_line
        found.warnings.append(ContentError(translation.path, line, (
            f"block {index + 1} is {kinds[1]} here, {kinds[0]} in the original: is its Markdown "
            f"written as the original's?")))


def _retitled(original: Record, translation: Record, followed: Followed, found: Findings) -> tuple[str, int] | None:
    """The original's title when the translation was marked, if it has changed since (warned of), and
    the line of the translation's title."""
    if followed.title is None or followed.original != original.path:
        return None  # a record from before titles were kept, or for a renamed original
    now = title_of(original.meta)
    if now is None or now == followed.title:
        return None
    line = translation.line("title")
    found.warnings.append(ContentError(translation.path, line, (
        f"the title is outdated: its original's title changed from “{followed.title}” to “{now}” after it was "
        f"translated; once the translation's title follows it, `tertulia translated {translation.path} --block title` "
        "records that")))
    return followed.title, line


def _stale(original: Record, translation: Record, blocks, followed: Followed, found: Findings) -> tuple:
    """The translation's blocks whose original changed since a translator marked them, each warned of."""
    if followed.original != original.path:
        return ()  # recorded against another original: a record for a file that was renamed
    current = words_of(blocks[original.path])
    starts = translation.block_starts
    stale = []
    for index, old in stale_blocks(followed.blocks, current):
        if UNFINISHED in blocks[translation.path][index]:
            continue  # a block still to translate is unfinished, not outdated: said once, and counted once
        line = starts[index] if index < len(starts) else translation.body_line
        stale.append((index, old, line))
        found.warnings.append(ContentError(translation.path, line, (
            f"block {index + 1} is outdated: its original (“{opening_words(blocks[original.path][index])}”) changed "
            "after it was translated; `tertulia status` says what changed, and once the translation's block follows "
            # its block alone: the whole file's record would call its other outdated blocks current unseen
            f"it again, `tertulia translated {translation.path} --block {index + 1}` records that")))
    return tuple(stale)


def _string(record: Record, key: str, required: bool, found: Findings) -> str:
    value = record.meta.get(key)
    if value is None:
        if required and key in record.meta:  # `title:` with nothing after it
            found.error(record, key, f"`{key}` has no value: it is required")
        elif required:
            misspelt = get_close_matches(key, [k for k in record.meta if isinstance(k, str)], n=1, cutoff=0.7)
            # no line holds a missing key: the front matter's first does, where an editor opens it
            found.error(record, misspelt[0] if misspelt else key, f"missing required key `{key}`" + (
                f"; is `{misspelt[0]}` meant to be `{key}`?" if misspelt else ""))
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        found.error(record, key, f"`{key}` must be text")
        return ""
    text = clean_text(str(value)).strip()
    if required and not text:
        found.error(record, key, f"`{key}` must not be empty")
    return text


# Letters written right to left, and the controls that set a direction (an override: U+202E)
RIGHT_TO_LEFT_OR_CONTROL = frozenset({"R", "AL"} | DIRECTION_CONTROLS)


def _person(record: Record, key: str, required: bool, found: Findings) -> str:
    """A person's name, isolated (U+2068 … U+2069) when it holds right-to-left letters or direction
    controls: where no <bdi> can hold it (a feed's title, a mail's subject, an aria-label) it then
    neither reverses the words around it (`\u202egnp.exe: Welcome`) nor is reordered by them."""
    name = _single_line_name(_string(record, key, required, found))
    if name.isascii():
        return name
    if unseen := sorted({f"U+{ord(c):04X}" for c in name if hides(c)}):
        # every import takes these out (importers.problems.author_name); a merged proposal's file may hold them
        found.warn(record, key, f"the name holds characters no one sees ({', '.join(unseen)}), which can make it "
                                "read as another (an override turns `gnp.exe` into `exe.png`): remove them")
    if not any(bidirectional(c) in RIGHT_TO_LEFT_OR_CONTROL for c in name):
        return name
    return f"{ISOLATE}{name}{END_ISOLATE}"


def _single_line_name(name: str) -> str:
    """A name on one line: a line break in it would break a reply's mail subject (`%0ABcc:`), and no
    one's name holds one."""
    return " ".join(name.split()) if any(c.isspace() and c != " " for c in name) else name


def parse_date(value, utc: bool = False) -> PartialDate | None:
    """A date in one of the contract's forms, or None when it is in none of them; with `utc`, a time
    written without an offset is UTC's (a site with no timezone)."""
    if isinstance(value, dt.datetime):
        return None  # YAML only builds these from forms with seconds or a T, which are not allowed
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None and k != "offset"}
    if match["offset"]:
        hours, minutes = int(match["offset"][1:3]), int(match["offset"][4:6])
        if minutes > 59 or hours * 60 + minutes > LATEST_OFFSET:
            return None
        parts["offset"] = (hours * 60 + minutes) * (-1 if match["offset"][0] == "-" else 1)
    elif utc and "hour" in parts:
        parts["offset"] = 0
    try:
        dt.datetime(parts["year"], parts.get("month", 1), parts.get("day", 1),
                    parts.get("hour", 0), parts.get("minute", 0))
    except ValueError:
        return None
    date = PartialDate(**parts)
    return date if in_calendar(date) else None


def in_calendar(date: PartialDate) -> bool:
    """Whether the instant a date names falls in the years 1-9999 also in UTC, where dates are ordered
    and feeds write them: `9999-12-31 23:59-14:00` is a moment of the year 10000 there."""
    if 1 < date.year < 9999:  # an offset moves a date by at most a day: only the calendar's own ends can overflow
        return True
    try:
        date.moment, date.timestamp  # noqa: B018 - computed (and kept) to see that they can be
    except OverflowError:
        return False
    return True


# A date as people write it by hand: day, month, year (or the year first) with slashes or dots
WRITTEN_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})( [0-9]{1,2}:[0-9]{2})?|"
                          r"([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})( [0-9]{1,2}:[0-9]{2})?")


def _date_meant(written: str) -> str:
    """The contract's form of a date written as people write it (`20/09/2026`, `2026-11-5`), asked after its
    error; both readings when the day could be the month (`09/10/2026`); year first, the day and month
    swapped only when no month is the other way (`2026-20-11`)."""
    found = WRITTEN_DATE.fullmatch(written.strip())
    if not found:
        return ""
    if found.group(5):
        year, month, day, time = found.group(5), found.group(6), found.group(7), found.group(8) or ""
        readings = [(month, day) if int(month) <= 12 else (day, month)]
    else:
        first, second, year, time = found.group(1), found.group(2), found.group(3), found.group(4) or ""
        readings = [(second, first), (first, second)]  # day first, as most of the world writes it
    candidates = [f"{year}-{int(month):02d}-{int(day):02d}{_two_digit_hour(time)}" for month, day in readings]
    # only a day the calendar has (not `2026-02-31`), at an hour the clock has
    shown = list(dict.fromkeys(f"`{candidate}`" for candidate in candidates if parse_date(candidate)))
    if not shown:
        return ""
    return f"; is it meant to be {shown[0]}?" if len(shown) == 1 else f"; is it meant to be {shown[0]} (day first) or {shown[1]}?"


def _two_digit_hour(time: str) -> str:
    """` 9:30` as ` 09:30`: the contract's hours have two digits."""
    if not time:
        return ""
    hour, minute = time.strip().split(":")
    return f" {int(hour):02d}:{minute}"


def _off_calendar(written: str) -> str:
    """The one number that is wrong, said plainly, when it is the month or the day (`February 2026 has days
    01 to 28, not 30`); "" otherwise, for the whole rule."""
    import calendar
    parts = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", written.strip())
    if not parts or not 1 <= int(parts.group(1)):
        return ""
    year, month = int(parts.group(1)), int(parts.group(2))
    if not 1 <= month <= 12:
        return f"a month is 01 to 12, not {parts.group(2)}" + _date_meant(written)
    days = calendar.monthrange(year, month)[1]
    if parts.group(3) and not 1 <= int(parts.group(3)) <= days:
        return f"{calendar.month_name[month]} {year} has days 01 to {days}, not {parts.group(3)}"
    return ""


def _date(record: Record, found: Findings, zone: str = "") -> PartialDate | None:
    value = record.meta.get("date")
    if value is None:
        return None
    date = parse_date(value, utc=not zone) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if date is None:
        shown = value if isinstance(value, (str, int)) else f"a {type(value).__name__}"
        if isinstance(value, str) and DATE_PATTERN.fullmatch(value):  # the form is right, a number is not
            found.error(record, "date", f"date `{shown}` is not on the calendar: " + (_off_calendar(value) or (
                "a year is 0001-9999 (also in UTC), a month 01-12, a day one of its month's, an hour 00-23, a minute "
                "00-59, an offset at most ±14:00" + _date_meant(value))))
        else:
            found.error(record, "date", f"date `{shown}` is in none of the forms YYYY, YYYY-MM, "
                                        "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM±HH:MM" + _date_meant(str(shown)))
    elif zone and date.hour >= 0 and date.offset is None:
        local = _local_time(zone, date)
        date = replace(date, offset=_minutes(local.utcoffset()))
        unclear = _unclear_on_the_clock(local, zone, str(value))
        if unclear:
            found.warn(record, "date", unclear)
        if not in_calendar(date):
            found.error(record, "date", f"date `{value}` in {zone} is not on the calendar in UTC, where dates are "
                                        "ordered: a year is 0001-9999 there too")
            return None
    elif zone and date.hour >= 0:
        return _on_the_site_s_clock(date, zone)
    return date


def _on_the_site_s_clock(date: PartialDate, zone: str) -> PartialDate:
    """A time written with another offset (a reader's form writes UTC), shown as the same instant on
    the site's clock: a thread whose times mix clocks reads as out of order."""
    from zoneinfo import ZoneInfo
    written = dt.datetime(date.year, date.month, date.day, date.hour, date.minute,
                          tzinfo=dt.timezone(dt.timedelta(minutes=date.offset)))
    try:
        local = written.astimezone(ZoneInfo(zone))
    except OverflowError:  # the calendar's very ends: shown as written
        return date
    offset = _minutes(local.utcoffset())
    if offset == date.offset:
        return date
    return PartialDate(local.year, local.month, local.day, local.hour, local.minute, offset)


def _unclear_on_the_clock(local: dt.datetime, zone: str, written: str) -> str:
    """Why a local time names no single instant in `zone` (the hour the clocks skipped or went through
    twice), with the offset taken for it; "" for every other time. The source alone can say which."""
    other = local.replace(fold=1).utcoffset()
    if other == local.utcoffset():
        return ""
    taken = f"{written}{offset_text(_minutes(local.utcoffset()))}"
    if local.astimezone(dt.timezone.utc).astimezone(local.tzinfo).replace(tzinfo=None) != local.replace(tzinfo=None):
        return (f"date `{written}` is no time on {zone}'s clocks (they skipped that hour); taken as `{taken}`: "
                "write the offset the source gives")
    return (f"date `{written}` came twice on {zone}'s clocks (they went back an hour); taken as the first, "
            f"`{taken}`: write `{written}{offset_text(_minutes(other))}` for the second")


def _local_time(zone: str, date: PartialDate) -> dt.datetime:
    """`date`'s local time in `zone`, summer time included (the first, where the clocks went back)."""
    from zoneinfo import ZoneInfo
    return dt.datetime(date.year, date.month, date.day, date.hour, date.minute, tzinfo=ZoneInfo(zone))


def _minutes(offset: dt.timedelta) -> int:
    """An offset in minutes east of UTC."""
    return round(offset.total_seconds() / 60)


STARTER_TITLE, STARTER_AUTHOR = "TODO title", "TODO author"  # what `new post` writes until the author does


def _warn_starter(record: Record, essay, found: Findings, kind: str = "post") -> None:
    """A published post or page still titled or signed as `new post` (`new page`) wrote it: `check --strict`
    refuses it."""
    for key, value, starter in (("title", essay.original.title, STARTER_TITLE), ("author", essay.author, STARTER_AUTHOR)):
        if not essay.draft and value == starter:
            found.warn(record, key, f"the {key} still says `{starter}`, as `tertulia new {kind}` wrote it")


def _index_unread(comment: Record, unread: tuple[ContentError, ...]) -> bool:
    """Whether an index.<lang>.md beside this comment's comments/ folder is there but could not be read."""
    post_folder = comment.path.rpartition("/comments/")[0]
    return any(error.path.startswith(f"{post_folder}/index.") for error in unread)


def _essay(slug, versions, comment_versions, files: ContentFiles, found: Findings, include_pending: bool,
           followed: dict, config: SiteConfig):
    """One post folder -> an Essay with its published threads, and how many comments it held back."""
    blocks = files.blocks
    if not versions:
        for by_lang in comment_versions.values():
            for record in by_lang.values():
                if not _index_unread(record, files.errors):  # else its own error says why, once
                    found.error(record, None, f"comment of post `{slug}`, which has no index.<lang>.md")
        return None, 0
    original, texts = _texts(versions, blocks, found, "essay", ESSAY_KEYS, followed, config.language_codes)
    comments = [_comment(cid, by_lang, blocks, found, followed, files.excerpts, config.language_codes, config.timezone)
                for cid, by_lang in sorted(comment_versions.items())]
    comments = [c for c in comments if c is not None]
    _check_replies(comments, comment_versions, found)
    _check_anchors(comment_versions, found)
    if original is None:
        return None, 0
    threads = _threads(comments, ("published", "pending") if include_pending else ("published",))
    published = tuple(c for c in comments if c.status == "published")
    essay = Essay(
        slug=slug,
        author=_person(original, "author", True, found),
        texts=texts,
        date=_date(original, found, config.timezone),
        tags=_tag_keys(original, found, config.tags),
        source=_url(original, "source", found),
        draft=_flag(original, "draft", found),
        threads=threads,
        comments=published,
        files=tuple(url for url, _ in files.assets if url.startswith(f"posts/{slug}/")),
        source_files=tuple(sorted([r.path for r in versions.values()]
                                  + [r.path for by_lang in comment_versions.values() for r in by_lang.values()])),
        aliases=_aliases(original, found),
        feed_id=_feed_id(original, found),
    )
    _warn_starter(original, essay, found)
    return essay, len(comments) - len(published)


def _aliases(record: Record, found: Findings) -> tuple[str, ...]:
    """`aliases`: old site-relative addresses that lead to this essay."""
    value = record.meta.get("aliases", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        found.error(record, "aliases", "aliases must be a list of old addresses, e.g. `[/2012/09/10/old-slug/]`")
        return ()
    kept = []
    for alias in value:
        wrong = addresses.problem(alias)
        if wrong:
            found.error(record, "aliases", f"alias {wrong}")
        elif alias not in kept:
            kept.append(alias)
    return tuple(kept)


def _feed_id(record: Record, found: Findings) -> str:
    value = _string(record, "feed_id", False, found)
    if value and not FEED_ID.fullmatch(value):
        found.error(record, "feed_id", f"feed_id `{value[:80]}` must be an IRI such as a WordPress guid "
                                       "(`https://example.org/?p=123`)")
        return ""
    return value


def _comment(comment_id: str, versions, blocks, found: Findings, followed: dict, excerpts: dict,
             order: tuple[str, ...], zone: str = "") -> Comment | None:
    original, texts = _texts(versions, blocks, found, "comment", COMMENT_KEYS, followed, order, excerpts)
    if original is None:
        return None
    status = original.meta.get("status", "published")
    if not isinstance(status, str) or status not in STATUSES:
        found.error(original, "status", f"unknown status `{status}`: use one of {', '.join(STATUSES)}")
        status = "spam"  # shown nowhere while the error stands
    reply_to = original.meta.get("reply_to", "")
    if not isinstance(reply_to, (str, int)) or isinstance(reply_to, bool):
        found.error(original, "reply_to", "reply_to must be the id of a comment of this post")
        reply_to = ""
    if status == "published" and texts and not texts[0].blocks:  # a slip of an import or an editor, likely
        found.warnings.append(ContentError(original.path, original.body_line, "this comment has no text: it is "
                                           "published as an empty card (give it its words, or `status: spam`)"))
    url = _string(original, "url", False, found)
    if url and not is_safe_url(url):
        controls = sorted({f"U+{ord(c):04X}" for c in url if bidirectional(c) in DIRECTION_CONTROLS})
        why = (f"holds a direction control ({', '.join(controls)}), which can show it as another address"
               if controls else "is not an http(s) address")
        found.warn(original, "url", f"url `{one_line(url)}` {why}; it is left out")
        url = ""
    for record in versions.values():  # a translation's file comes from outside as much as its original
        _warn_overrides(record, blocks.get(record.path, ()), found)
    return Comment(id=comment_id, author=_person(original, "author", True, found), texts=texts,
                   date=_date(original, found, zone), reply_to=str(reply_to) if reply_to is not None else "",
                   status=status, url=url)


def _warn_overrides(record: Record, blocks, found: Findings) -> None:
    """A warning for a comment whose text holds a direction override: writing in two directions needs
    none (marks and isolates do it), and one shows the words after it reversed (`exe.png` for `gnp.exe`),
    a merged proposal's way to make a sentence or an address read as another."""
    for at, block in enumerate(blocks):  # a plain loop of two substring tests: every comment passes here
        if "\u202e" in block or "\u202d" in block:
            line = record.block_starts[at] if at < len(record.block_starts) else record.body_line
            found.warnings.append(ContentError(record.path, line, (
                "the text holds a direction override (U+202D or U+202E), which shows the words after it reversed "
                "and can make them read as others: remove it")))
            return


def _check_replies(comments: list[Comment], versions, found: Findings) -> None:
    """reply_to must name a comment of the same post, and replies must not go round in a circle."""
    by_id = {c.id: c for c in comments}
    for comment in comments:
        record = _original_record(versions[comment.id])
        if comment.reply_to and comment.reply_to not in versions:
            found.error(record, "reply_to", f"reply_to names `{comment.reply_to}`, but this post has no "
                                            "comment with that id")
        elif comment.reply_to == comment.id:
            found.error(record, "reply_to", f"reply_to names this comment itself (`{comment.id}`): a comment "
                                            "answers another one of this post")
        elif comment.reply_to and _in_cycle(comment, by_id):
            found.error(record, "reply_to", f"reply cycle: `{comment.id}` ends up answering itself "
                                            f"through reply_to `{comment.reply_to}`")
        elif comment.reply_to in by_id and comment.status == "published" \
                and by_id[comment.reply_to].status != "published":
            found.warn(record, "reply_to", f"answers `{comment.reply_to}`, which is not published; "
                                           "it is shown at the top of the thread")


def _check_anchors(versions, found: Findings) -> None:
    """A comment's id must not be another's passage (`alice-p1` is `#comment-alice-p1`, Alice's first
    paragraph): the page would hold the id twice, and links to Alice's words would open the other comment."""
    for comment_id, by_lang in versions.items():
        owner = passage_of(comment_id)
        if owner in versions:
            found.error(_original_record(by_lang), None, f"comment id `{comment_id}` is the address of a passage of "
                        f"comment `{owner}` (#comment-{comment_id}): rename the file")


def _original_record(by_lang: dict[str, Record]) -> Record:
    return next((r for r in by_lang.values() if "translation_of" not in r.meta), next(iter(by_lang.values())))


def _in_cycle(comment: Comment, by_id: dict[str, Comment]) -> bool:
    seen, current = {comment.id}, comment.reply_to
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].reply_to
    return False


def thread_order(comment: Comment):
    """Each thread level in order of date (undated last), then id."""
    return (comment.date is None, comment.date.moment if comment.date else (), comment.id)


def _threads(comments: list[Comment], shown: tuple[str, ...]) -> tuple[Comment, ...]:
    """Comments of the `shown` statuses as nested threads; a reply to a hidden comment moves to the top.
    Built from the deepest replies up, without recursion: a reply chain may be any length."""
    published = {c.id: c for c in comments if c.status in shown}
    children = defaultdict(list)
    for comment in published.values():
        parent = comment.reply_to if comment.reply_to in published else ""
        children[parent].append(comment)
    for level in children.values():
        level.sort(key=thread_order)
    order, pending = [], [""]  # every comment reachable from the top; one in a cycle is reported, not shown
    while pending:
        parent = pending.pop()
        order.append(parent)
        pending += [c.id for c in children.get(parent, ())]
    built: dict[str, Comment] = {}
    for comment_id in reversed(order[1:]):
        built[comment_id] = _with_replies(published[comment_id],
                                          tuple(built[c.id] for c in children.get(comment_id, ())))
    return tuple(built[c.id] for c in children.get("", ()))


def _with_replies(comment: Comment, replies: tuple[Comment, ...]) -> Comment:
    return replace(comment, replies=replies) if replies else comment  # most have none: no copy needed


WIDE_COMMA = re.compile("\\s*[，、､﹐﹑]\\s*")  # as Chinese and Japanese keyboards type a comma


def _tag_keys(record: Record, found: Findings, declared: tuple[Tag, ...]) -> tuple[str, ...]:
    value = record.meta.get("tags", [])
    if isinstance(value, str) and "," in value:  # `tags: a, b` reads as one key with a comma in it
        found.error(record, "tags", f"tags must be a list of tag keys: write `[{value}]`")
        return ()
    keys = _written_keys(record)
    if None in keys:
        found.error(record, "tags", "tags must be a list of tag keys, e.g. `[values, cluetrain]`")
        return ()
    segments = []
    for key in keys:
        segment, problem = tag_segment(key)
        if problem:  # each becomes a folder of the site: nothing else may
            found.error(record, "tags", f"tag key `{key[:60]}` {problem}")
        else:
            segments.append(_meant_in_capitals(key, segment, declared))
            if FOLDED_LIST.search(key):  # `- a` then `  - b` one step deeper: YAML reads one key, `a - b`
                found.warn(record, "tags", f"tag key `{key[:60]}` reads as one key: if it is two, start each "
                                           "`- ` of the list at the same indentation")
            elif WIDE_COMMA.search(key):  # `[翻译，记忆]`: YAML parts a list only at the ASCII comma
                found.warn(record, "tags", f"tag key `{key[:60]}` reads as one key: if it is several, part them "
                                           f"with `,` (`[{WIDE_COMMA.sub(', ', key)[:60]}]`)")
    return tuple(dict.fromkeys(segments))


def _meant_in_capitals(key: str, segment: str, declared: tuple[Tag, ...]) -> str:
    """The tag of site.yml a key written in capitals means, when it is one (`ILIK` for `ılık`, `ΨΥΧΗ` for
    `ψυχή`: capitals drop the dotless ı and the tonos), else the key's own segment."""
    if not key.isupper() or any(tag.key == segment for tag in declared):
        return segment
    may_be = lowered_from_capitals(key)
    meant = [tag.key for tag in declared if tag.key in may_be or without_tonos(tag.key) in may_be]
    return meant[0] if len(meant) == 1 else segment


def _written_keys(record: Record) -> list[str | None]:
    """The essay's tag keys as text (one written alone is a list of one), None for each that is no key."""
    value = record.meta.get("tags", [])
    return [tag_text(v) for v in (value if isinstance(value, list) else [value])]


def _written_tag(record: Record, segment: str, declared: tuple[Tag, ...]) -> str:
    """The tag key as the essay writes it (`Big Data`), for its label: the first that gives `segment`."""
    return next((key for key in _written_keys(record) if key is not None
                 and _meant_in_capitals(key, tag_segment(key)[0], declared) == segment), segment)


def _url(record: Record, key: str, found: Findings) -> str:
    url = _string(record, key, False, found)
    if url and not is_safe_url(url):
        found.error(record, key, f"`{key}` must be an absolute http(s) URL, not `{url}`")
        return ""
    return url


def _flag(record: Record, key: str, found: Findings) -> bool:
    value = record.meta.get(key, False)
    if not isinstance(value, bool):
        found.error(record, key, f"`{key}` must be true or false, not `{value}`")
        return False
    return value


def _meant_tag(key: str, written: str, declared: tuple[Tag, ...]) -> str:
    """A question after the warning of a tag site.yml lacks: the declared key it spells without marks
    (`Cag` for `Çağ`), or whose label it is in a language (`기억`, the `ko` label of `memory`): a
    bilingual writer types the word of the language they write in."""
    near = [tag.written for tag in declared if in_capitals(tag.key) == in_capitals(key)]
    if near:
        return f"; is it meant to be `{near[0]}`?"
    folded = same_words(written)
    labelled = [(tag, lang) for tag in declared for lang, label in tag.labels if same_words(label) == folded]
    if labelled:
        tag, lang = labelled[0]
        return f"; it is the `{lang}` label of `{tag.written or tag.key}`: is it meant to be `{tag.written or tag.key}`?"
    # a letter more, fewer or other (`cidade` for `cidades`): a typo, as close a word as a key is to a key
    capitals: dict[str, Tag] = {}
    for tag in declared:  # the first declared of a spelling, as the site lists them
        capitals.setdefault(in_capitals(tag.key), tag)
    close = get_close_matches(in_capitals(key), capitals, n=1, cutoff=0.8)
    if close:
        return f"; is it meant to be `{capitals[close[0]].written or capitals[close[0]].key}`?"
    return ""


def _site_tags(config: SiteConfig, essays: list[Essay], essay_records, found: Findings) -> tuple[Tag, ...]:
    """The tags of site.yml, plus any an essay uses that site.yml lacks (with a warning)."""
    known = {t.key: t for t in config.tags}
    extra = {}
    for essay in essays:
        for key in essay.tags:
            if key not in known and key not in extra:
                extra[key] = Tag(key=key, labels=(), written=_warn_unknown_tag(config, essay, key, essay_records, found))
    return tuple(known.values()) + tuple(extra[k] for k in sorted(extra))


def _warn_unknown_tag(config: SiteConfig, essay: Essay, key: str, essay_records, found: Findings) -> str:
    """Warn, at the essay's `tags`, of a tag site.yml lacks (and the one perhaps meant); the tag as written."""
    record = essay_records[essay.slug][essay.original.lang]
    written = _written_tag(record, key, config.tags)
    found.warn(record, "tags", f"tag `{written}` is not in site.yml tags; its label is its key"
                               f"{_meant_tag(key, written, config.tags)}")
    return written


def _warn_drafts_tags(config: SiteConfig, drafts: list[Essay], tags: tuple[Tag, ...], essay_records,
                      found: Findings) -> None:
    """A draft's tag that site.yml lacks is said too, as its misspelt image is: a draft is where an essay is
    written, and the tag would otherwise be said only on the day it is published. It makes no tag page."""
    said = {tag.key for tag in tags}
    for essay in drafts:
        for key in essay.tags:
            if key not in said:
                said.add(key)
                _warn_unknown_tag(config, essay, key, essay_records, found)
