"""Records + their HTML blocks -> the Site model, or every content error at once."""

from __future__ import annotations

import re
from difflib import get_close_matches
from collections import defaultdict
from dataclasses import replace
from pathlib import PurePosixPath
from unicodedata import bidirectional

from . import fields
from .address_claims import check_addresses, check_feed_ids
from ..cache import content_key
from .dates import record_date
from ..errors import DIRECTION_CONTROLS, ContentError, ContentErrors, one_line
from ..layout import HOST_ROOT_FILES, POSTS, SEGMENTS
from .find import is_page, static_in_the_way
from .findings import Findings, original_record, text_of
from .footnotes import loose_footnotes
from .images import missing_images
from .language_tags import known_tag
from .markup import is_safe_url, rooted_links
from ..model import COMMENT_STATUSES, Comment, Essay, PartialDate, Site, SiteConfig, SitePage, Text, newest_first
from .parse import ContentFiles
from .read import Record
from .tags import essay_tags, site_tags, warn_drafts_tags
from .replies import check_anchors, check_replies, nested_threads
from .scripts import name_language
from .translations import paired_blocks, read_for, words_of
from .translation_checks import (check_alignment, outdated_blocks, summary_outdated, summary_without_original,
                                 title_outdated, unfinished_shown_as_original, warn_unfinished)

ORIGINAL_ONLY = {"author", "date", "updated", "tags", "source", "draft", "reply_to", "status", "url", "aliases",
                 "feed_id", "translate"}
ESSAY_KEYS = {"title", "author", "date", "updated", "tags", "source", "summary", "draft", "translate", "translation_of",
              "translator", "aliases", "feed_id", "anchors"}
TRANSLATION_ONLY = {"translator"}  # (`translation_of` is what makes a file a translation)
COMMENT_KEYS = {"author", "date", "reply_to", "status", "url", "translation_of", "translator"}
PAGE_KEYS = {"title", "author", "summary", "draft", "translate", "aliases", "translation_of", "translator", "anchors"}
# a page's slug is its first URL segment: it must not be one the site itself uses
FAVICONS = ("favicon.svg", "favicon.png", "favicon.ico")  # in content/static/, the first found is linked


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
    broken = _unread_by_post(files)
    found = Findings(errors=list(files.errors), warnings=list(files.warnings), broken=frozenset(broken.pop("", ())))
    page_records = [record for record in files.records if is_page(record.path)]
    essay_records, comment_records = _group([r for r in files.records if not is_page(r.path)], config, found)
    page_groups = _group(page_records, config, found)[0]
    pages, page_drafts = _pages(config, page_groups, files, found, static, include_drafts, followed)
    essays, unpublished, held_back = _posts(config, essay_records, comment_records, files, found, broken, posts,
                                            include_drafts, include_pending, followed or {})
    drafts = page_drafts + len(unpublished)
    check_addresses(config, essays, essay_records, found, pages, page_groups, unpublished)
    check_feed_ids(essays, essay_records, found)
    found.warnings += missing_images(files, static) + loose_footnotes(files, {error.path for error in found.errors})
    _warn_root_files_under_a_path(config, static, found, files.root)
    _warn_empty_originals(files, found)
    tags = site_tags(config, essays, essay_records, found)  # before the errors: its warnings are said beside them
    warn_drafts_tags(config, unpublished, tags, essay_records, found)
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


def _unread_by_post(files: ContentFiles) -> dict[str, set[str]]:
    """The texts whose files could not be read, by post's slug (errors name `content/posts/<slug>/...`),
    the pages' under "": a post is validated without them, and says nothing of what they would hold."""
    broken = defaultdict(set)
    for error in files.errors:
        if error.path.endswith(".md") and error.path.count("/") > 2:
            broken["" if is_page(error.path) else error.path.split("/")[2]].add(text_of(error.path))
    return broken


def _posts(config: SiteConfig, essay_records, comment_records, files: ContentFiles, found: Findings, broken,
           posts: dict | None, include_drafts: bool, include_pending: bool, followed: dict):
    """Every post validated (each on its own, its last result reused where its inputs are the same):
    (the essays published, the drafts left out, how many comments are held back), their findings in `found`."""
    essays, unpublished, held_back = [], [], 0
    slugs = essay_records.keys() | comment_records.keys()
    for gone in (posts.keys() - slugs) if posts is not None else ():  # a run's results, not every run's
        del posts[gone]
    for slug in sorted(slugs):
        essay, held, post_found = _post(config, slug, essay_records.get(slug, {}), comment_records.get(slug, {}),
                                        files, posts, include_pending, followed, frozenset(broken.get(slug, ())))
        found.errors += post_found.errors
        found.warnings += post_found.warnings
        if essay and (include_drafts or not essay.draft):
            essays.append(essay)
            held_back += held
        elif essay:
            unpublished.append(essay)
    return essays, unpublished, held_back


def _not_from_unread(warnings: list[ContentError], unread: tuple[ContentError, ...]) -> list[ContentError]:
    """The warnings said beside errors, less those about a folder holding a file that could not be
    read: "no `en` translation" there means only that the translation's error comes first."""
    folders = {error.path.rpartition("/")[0] for error in unread}
    return [warning for warning in warnings if warning.path.rpartition("/")[0] not in folders]


def _warn_empty_originals(files: ContentFiles, found: Findings) -> None:
    """An essay or page with nothing below its front matter publishes a page of its title alone: a file
    saved before its text was pasted in, or its body left below a second `---`."""
    for record in files.records:
        if not record.comment_id and "translation_of" not in record.meta and not files.blocks[record.path]:
            found.warnings.append(ContentError(record.path, 0, "nothing below the front matter: its page "
                                               "shows the title alone; write the text here"))


def _warn_root_files_under_a_path(config: SiteConfig, static: tuple[str, ...], found: Findings, root: str) -> None:
    """robots.txt and its kind are read only at a host's root: under a sub-path they reach no crawler."""
    if config.base_path == "/":
        return
    host = config.base_url[:len(config.base_url) - len(config.base_path) + 1]
    for name in sorted(HOST_ROOT_FILES & set(static)):
        found.warnings.append(ContentError(f"{root}/static/{name}", 0,
                                           f"crawlers read {name} only at the host's root ({host}{name}); this site "
                                           f"is published under {config.base_path}, where it is not read: remove it, "
                                           f"or put its lines in the one at the host's root"))


def page_slug_collision(slug: str, config: SiteConfig, static_taken: dict[str, str], root: str = "content") -> str:
    """Why a page cannot have this slug (its address is the site's own, or a static file takes it: see
    static_in_the_way), or ""; `root` is the content folder as messages name it."""
    if slug in static_taken:
        return f"page slug `{slug}` collides with the static file {root}/static/{static_taken[slug]}"
    if slug in SEGMENTS:
        return f"page slug `{slug}` collides with the site's own address /{slug}/ ({SEGMENTS[slug]})"
    for code in config.language_codes:
        if slug == code.lower():
            return (f"page slug `{slug}` collides with the site's own address /{slug}/ (the home of its pages in "
                    f"{config.language_name(code)})")
    return ""


def _pages(config: SiteConfig, records: dict, files: ContentFiles, found: Findings, static: tuple[str, ...],
           include_drafts: bool, followed: dict | None) -> tuple[tuple[SitePage, ...], int]:
    """content/pages/ -> pages, in slug order, and how many drafts were left out; every menu entry must
    name one (drafts count: a draft's menu entry would otherwise fail only once it is published)."""
    taken = static_in_the_way(static)
    pages, drafts, left_out = [], 0, set()
    for slug, versions in sorted(records.items()):
        record = original_record(versions)
        collision = page_slug_collision(slug, config, taken, files.root)
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
    author = fields.person(original, "author", False, found)
    page = SitePage(
        slug=slug, texts=texts, author=author,
        author_lang=name_language(author, original.lang, config.language_codes),
        draft=fields.flag(original, "draft", found), translate=fields.translate(original, len(texts), found),
        aliases=fields.aliases(original, found), files=tuple(url for url, _ in files.assets if url.startswith(prefix)),
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
           tuple(url for url, _ in files.assets if url.startswith(f"{POSTS}/{slug}/")))
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


def _warn_untranslated(main: str, essay_versions, comment_versions, found: Findings) -> None:
    """Readers read in main_language by default; say where a text has no version in it (but in an essay
    its writer keeps in one language, `translate: false`, and its thread: no page shows it in another)."""
    if essay_versions and original_record(essay_versions).meta.get("translate") is False:
        return
    lacking = {kind: [record for versions in texts if versions and main not in versions
                      # no original: the error that says so is the one to act on
                      and "translation_of" not in (record := original_record(versions)).meta
                      and record.meta.get("status", "published") == "published"]
               for kind, texts in (("essay", [essay_versions]), ("comment", comment_versions.values()))}
    if lacking["essay"]:
        found.warn(lacking["essay"][0], None, f"this essay has no `{main}` translation (main_language)")
    if comments := sorted(lacking["comment"], key=_in_id_order):  # one line a thread: readers wrote in both languages
        named = ", ".join(_file_name(r) for r in comments[1:NAMED_COMMENTS + 1])
        named += ", …" if len(comments) > NAMED_COMMENTS + 1 else ""
        others = f" and {len(comments) - 1} more of its thread ({named})"
        said = f"this comment{others} have" if len(comments) > 1 else "this comment has"
        found.warn(comments[0], None, f"{said} no `{main}` translation (main_language)")


def _file_name(record) -> str:
    """A text's file name, as a line naming several says each."""
    return str(record.path).rsplit("/", 1)[-1]


NAMED_COMMENTS = 5  # a thread of 150 comments is one short line, not 1,800 characters


def _in_id_order(record) -> list:
    """A comment's place by its file's name, numbers as numbers: 2 before 12."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"([0-9]+)", _file_name(record))]


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
    # a letter off (`ee` for Estonian's `et`): asked, since `ee` is a language too (Ewe) that may be meant
    typo = [code for code in config.language_codes if len(code) == len(record.lang)
            and sum(a != b for a, b in zip(code.casefold(), record.lang.casefold())) == 1]
    asked = f"; is it meant to be `{named(typo[0])}`? If not," if typo else ";"
    return f"{asked} add `{record.lang}` to site.yml's languages to publish it, or start the file's name with a dot to keep it aside"


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
    return replace(files, blocks=Rooted({record.path: tuple(rooted_links(block, base_path)
                                                            for block in files.blocks[record.path])
                                         for record in records if record.path in files.blocks}, files.blocks))


class Rooted(dict):
    """Blocks by path as a page shows them, under the site's sub-path, which keep them `as_written` too: the
    translation record holds a picture's address as its writer wrote it, and a root-relative one would be
    outdated for ever on a site under a sub-path."""

    def __init__(self, shown: dict, as_written: dict):
        super().__init__(shown)
        self.as_written = as_written


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
        stale, aligned, retitled, resummed, follows = (), False, None, None, {}
        if target != original.lang:
            _misdirected(record, target, original, versions, order, found)
        elif not (kind == "comment" and not blocks[original.path] and original.meta.get("status") == "spam"):
            # (spam past a comment's limits is kept unread, see parse._spam: nothing to align with)
            stale, aligned, retitled, resummed, follows = _compared(original, record, blocks, found, followed, kind,
                                                                   still_drafted)
        # a translation the record does not name was written by hand, and one it names against another
        # original follows nothing of this one: status names both (no copy made for it)
        text = _text(record, blocks, found, False, kind, keys, excerpts.get(record.path, ""), still_drafted,
                     untracked=record.path not in followed or followed[record.path].original != original.path)
        text = replace(text, stale=stale) if stale else text
        text = replace(text, stale_title=retitled) if retitled is not None else text
        text = replace(text, stale_summary=resummed) if resummed is not None else text
        _warn_anchor_elsewhere(record, text, texts, found)
        texts.append(unfinished_shown_as_original(text, texts[0], blocks[original.path], record, follows)
                     if aligned else text)
    return original, tuple(texts)


def _compared(original: Record, record: Record, blocks, found: Findings, followed: dict, kind: str,
              still_drafted: bool) -> tuple:
    """(outdated blocks, whether the blocks align, outdated title, outdated summary, the original's block each
    of its blocks follows where the original's moved since) of a translation of `original`, judged against
    the translation record where it follows this translation."""
    stale, retitled, resummed, follows = (), None, None, {}
    written = getattr(blocks, "as_written", blocks)  # as the record reads them: see _rooted
    known = read_for(followed.get(record.path), written[original.path], written[record.path])
    aligned, moved = check_alignment(original, record, written, found, known, still_drafted)
    if aligned and known:
        stale = outdated_blocks(original, record, written, known, found, moved)
        if moved and None not in known.blocks:
            follows = {old: new for new, old in paired_blocks(known.blocks, words_of(written[original.path])).items()}
    if known:  # a title is no block: it is outdated or not however the blocks align
        retitled = title_outdated(original, record, known, found)
        resummed = summary_outdated(original, record, known, found)
    if resummed is None and kind != "comment":
        summary_without_original(original, record, found, kind)
    return stale, aligned, retitled, resummed, follows


def _misdirected(record: Record, target, original: Record, versions: dict, order: tuple[str, ...],
                 found: Findings) -> None:
    """Say why a translation's `translation_of` names no original beside it."""
    if not isinstance(target, str):
        found.error(record, "translation_of", "translation_of must be the original's language, e.g. `es`")
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


def _warn_anchor_elsewhere(record: Record, text: Text, before: list[Text], found: Findings) -> None:
    """Name an anchor this translation leads to another passage than a text before it does: the pages follow
    the first (see site/plan.old_anchors), so a link naming it would not reach this text's."""
    earlier = {}
    for other in reversed(before):
        earlier.update((name, (number, other.lang)) for name, number in other.anchors)
    for name, number in text.anchors:
        if name in earlier and earlier[name][0] != number:
            found.warn(record, "anchors", f"anchor `{name}` leads to passage {number} here but to passage "
                                          f"{earlier[name][0]} in `{earlier[name][1]}`, which a link naming it reaches")


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
        warn_unfinished(record, blocks[record.path], found)
    if kind in ("essay", "page"):
        _warn_skipped_heading(record, blocks[record.path], found)
    if record.flattened_item:
        found.warnings.append(ContentError(record.path, record.flattened_item, (
            "this list item is indented less than 4 spaces under the one above: it is shown as the next item "
            "of the same list, not nested under it; indent a nested list by 4 spaces")))
    for key in record.meta:
        if key not in keys:  # a key of the file's own role first: a translation's `translater` is its `translator`
            own = keys - (ORIGINAL_ONLY if not is_original else TRANSLATION_ONLY)
            near = get_close_matches(str(key), sorted(own), n=1, cutoff=0.75) or \
                get_close_matches(str(key), sorted(keys), n=1, cutoff=0.75)  # `translater`: a credit lost unseen
            meant = f"; is it meant to be `{near[0]}`?" if near else ""
            if kind == "comment" and key == "draft":  # an essay's way to hold back, which published the comment
                meant = ": the comment is published; `status: pending` holds a comment back"
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
        title=fields.turned(record, "title", fields.text(record, "title", needs_title, found), found),
        summary=fields.turned(record, "summary", fields.text(record, "summary", False, found), found),
        translator=fields.single_line_name(fields.text(record, "translator", False, found)) if not is_original else "",
        is_original=is_original,
        excerpt=excerpt,
        untracked=untracked,
        anchors=fields.anchors(record, len(blocks[record.path]), found) if needs_title else (),
    )


def _updated(original: Record, found: Findings, zone: str) -> PartialDate | None:
    """When an essay was last revised (`updated:`), if after its date; one before it is said (a slip in the year)."""
    if "updated" not in original.meta:
        return None
    updated, date = record_date(original, found, zone, "updated"), record_date(original, Findings(), zone)
    if updated and date and updated.timestamp <= date.timestamp:
        if not date.iso.startswith(updated.iso):  # the same day (or year) said less exactly is no slip
            found.warn(original, "updated", f"updated `{original.meta['updated']}` is before the essay's date: feeds "
                                            "announce its date alone; is the year right?")
        return None  # a feed's entry is never updated before it was published
    return updated


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
    check_replies(comments, comment_versions, found)
    check_anchors(comment_versions, found)
    if original is None:
        return None, 0
    threads = nested_threads(comments, ("published", "pending") if include_pending else ("published",))
    published = tuple(c for c in comments if c.status == "published")
    author = fields.person(original, "author", True, found)
    essay = Essay(
        slug=slug,
        author=author,
        author_lang=name_language(author, original.lang, config.language_codes),
        texts=texts,
        date=record_date(original, found, config.timezone),
        updated=_updated(original, found, config.timezone),
        tags=essay_tags(original, found, config.tags),
        source=fields.web_address(original, "source", found),
        draft=fields.flag(original, "draft", found),
        translate=fields.translate(original, len(texts), found),
        threads=threads,
        comments=published,
        files=tuple(url for url, _ in files.assets if url.startswith(f"{POSTS}/{slug}/")),
        source_files=tuple(sorted([r.path for r in versions.values()]
                                  + [r.path for by_lang in comment_versions.values() for r in by_lang.values()])),
        aliases=fields.aliases(original, found),
        feed_id=fields.feed_id(original, found),
    )
    _warn_starter(original, essay, found)
    return essay, len(comments) - len(published)


def _comment(comment_id: str, versions, blocks, found: Findings, followed: dict, excerpts: dict,
             order: tuple[str, ...], zone: str = "") -> Comment | None:
    original, texts = _texts(versions, blocks, found, "comment", COMMENT_KEYS, followed, order, excerpts)
    if original is None:
        return None
    status = original.meta.get("status", "published")
    if not isinstance(status, str) or status not in COMMENT_STATUSES:
        found.error(original, "status", f"unknown status `{status}`: use one of {', '.join(COMMENT_STATUSES)}")
        status = "spam"  # shown nowhere while the error stands
    reply_to = original.meta.get("reply_to", "")
    if not isinstance(reply_to, (str, int)) or isinstance(reply_to, bool):
        found.error(original, "reply_to", "reply_to must be the id of a comment of this post")
        reply_to = ""
    if status == "published" and texts and not texts[0].blocks:  # a slip of an import or an editor, likely
        found.warnings.append(ContentError(original.path, original.body_line, "this comment has no text: it is "
                                           "published as an empty card (give it its words, or `status: spam`)"))
    url = fields.text(original, "url", False, found)
    if url and not is_safe_url(url):
        controls = sorted({f"U+{ord(c):04X}" for c in url if bidirectional(c) in DIRECTION_CONTROLS})
        why = (f"holds a direction control ({', '.join(controls)}), which can show it as another address"
               if controls else "is not an http(s) address")
        found.warn(original, "url", f"url `{one_line(url)}` {why}; it is left out")
        url = ""
    for record in versions.values():  # a translation's file comes from outside as much as its original
        _warn_overrides(record, blocks.get(record.path, ()), found)
    author = fields.person(original, "author", True, found)
    return Comment(id=comment_id, author=author, texts=texts, author_lang=name_language(author, original.lang, order),
                   date=record_date(original, found, zone), reply_to=str(reply_to) if reply_to is not None else "",
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


