"""One way to decide what is up to date, for a build and for the preview alike.

Every output file's inputs are fingerprinted (a page's own templates, and the catalog messages it
looked up when it was last drawn, recorded then), and the record of the last run (cache.OutputMemo)
says which files were made from the same fingerprint and are still as written; only the others are
drawn. Before any of it, a build compares every input with the last build's (whole_site_key): when
nothing changed it only checks the output is intact and stops. A preview keeps its last run's
results (LastRun), found again only by the content that made them, never by rules of their own:
a file's parse by its path and bytes' hash (reading/parse.py, Kept), a post's validation by its files'
hashes and the settings (reading/validate.py, _post), an essay's pages by its and its neighbours'
inputs (site/plan.py, _last_plan). Each key is made beside the work it stands for, where a new input
of that work is seen; a contributor adding one extends the key there.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Cache, OutputMemo, content_key, tree_key
from .reading.find import RECORD, SETTINGS, Found, digest_files, find_content, never_read
from .site.routes import file_path
from .theme import KINDS, PACKAGE, THEME_IN_PACKAGE
from .versions import installed_libraries

if TYPE_CHECKING:
    from .model import Site
    from .pipeline import Counts, Loaded, Options
    from .site.plan import Page

MEMO = "output.pickle"  # in the cache folder


@dataclass
class LastRun:
    """What a long-lived preview keeps of its last run: results, never rules of their own.

    Each result is found again only by the content that made it (a file by its path and the hash
    of its bytes, a post by its files' hashes and the settings, an essay's pages by its and its
    neighbours' inputs and the settings, a page's fingerprint by its inputs),
    and build() decides what is up to date exactly as it does for a single run. The file system's
    change events only say which files to hash again; a path it names that was not known (a new or
    deleted file) means walking content/ again.
    """

    options: Options
    cache: Cache  # the parse cache, shared with builds
    parsed: object = None  # a parse.Kept: each file's record, blocks and excerpt by (path, hash)
    posts: dict = field(default_factory=dict)  # slug -> (its files' hashes and the settings, its validation)
    planned: dict = field(default_factory=dict)  # each essay's pages, by what they were planned from
    fingerprints: dict = field(default_factory=dict)  # page URL -> (its inputs, their fingerprint)
    found: Found | None = None
    digests: list = field(default_factory=list)
    index: dict = field(default_factory=dict)  # absolute path -> position in found.sources
    env: tuple = (None, None)  # (the template folders, a Jinja2 environment on them): templates compile once
    template_texts: dict = field(default_factory=dict)  # each template file's bytes as the environment last saw them
    memo: OutputMemo | None = None  # the output memo as the last run saved it, not read back from disk

    def __post_init__(self):
        from .reading.parse import Kept
        self.parsed = Kept()

    def environment(self):
        """The last run's environment while the same templates are found in the same places (it reloads
        edited files); an override added or removed since needs a new one: a template already
        compiled from the theme would not know that a site's own one now replaces it."""
        from .writing.render import make_environment
        folders = (self.options.theme.folders("templates"), sorted(self.options.theme.overrides("templates")))
        if self.env[0] != folders:
            self.env = (folders, make_environment(self.options.theme, reload=True))
        self._forget_edited_templates(self.env[1])
        return self.env[1]

    def _forget_edited_templates(self, env) -> None:
        """Drop from the environment every template whose text changed since the last run: Jinja reloads
        one only when its file's time changes, and a file saved twice within the file system's tick keeps
        its time (the preview showed the first edit on, under the second's key)."""
        texts = {(str(folder), relative): path.read_bytes() for folder in self.options.theme.folders("templates")
                 for relative, path in self.options.theme.tree(folder).items()}
        edited = {relative for place, text in texts.items() if self.template_texts.get(place, text) != text
                  for relative in (place[1], "default/" + place[1])}
        for key in [key for key in env.cache if key[1] in edited]:
            del env.cache[key]
        self.template_texts = texts

    def take(self, changed: set[str] | None) -> None:
        """Bring the files' hashes up to date: hash the changed files again, or everything."""
        if changed is not None:
            changed = {path for path in changed if not never_read(path, self.options.content)}
            if not changed and self.found:
                return  # only an editor's scratch files moved (a hidden file of static/ is the site's)
        if not changed or any(path not in self.index or not os.path.isfile(path) for path in changed):
            self.found = find_content(self.options.content)
            self.digests = digest_files([s.file for s in self.found.sources], self.options.workers)
            self.index = {os.path.abspath(s.file): i for i, s in enumerate(self.found.sources)}
            return
        for path in changed:
            self.digests[self.index[path]] = digest_files([path])[0]


def digests_to_check(options: Options, found: Found) -> list[str] | None:
    """The files' hashes, when a last build left a cache or an output memo to check them against.
    With nothing kept, they are not needed up front: the parse workers hash files as they read them."""
    kept = options.cache_dir and any((options.cache_dir / name).exists() for name in ("parsed", MEMO))
    return digest_files([source.file for source in found.sources], options.workers) if kept else None


def output_memo(options: Options, last: LastRun | None) -> OutputMemo:
    """The record of the output's files: a preview's from its last run, as saved then, else as saved on disk.
    Taken away while the run is under way: a run that fails leaves the saved one to the next."""
    if last is not None and last.memo is not None:
        memo, last.memo = last.memo, None
        return memo
    return OutputMemo(options.cache_dir / MEMO if options.cache_dir else None, options.output)


def saved(memo: OutputMemo, whole: str, counts: Counts, last: LastRun | None) -> None:
    memo.save(whole, counts)
    if last is not None:
        last.memo = memo


def page_inputs(loaded: Loaded, pages: list["Page"], site_key: str, env, last: LastRun | None) -> dict[str, str]:
    """Each page's file and the key of what it is planned from: the settings and code every page shares,
    its own template and those it uses, and the content files it shows. The catalog messages it
    looks up are known only once it is drawn (see with_words)."""
    from .writing.dependencies import template_keys
    kinds = {page.kind for page in pages}
    by_template = {name: content_key(site_key, key)
                   for name, key in template_keys(env, {kind.template for kind in kinds}).items()}
    by_kind = {kind: by_template[kind.template] for kind in kinds}
    remembered = last.fingerprints if last else None
    shown: dict = {}  # an essay's pages show the same files: look their hashes up once
    return {file_path(p.url): page_fingerprint(by_kind[p.kind], p, loaded.digests, shown, remembered) for p in pages}


def with_words(key: str, used: frozenset | None, interface) -> str | tuple[str, str]:
    """A page's fingerprint: what it was planned from, and what the catalogs now say of the messages it
    looked up when it was last drawn. A page never drawn has none, and is drawn. The two keys as a pair,
    not hashed again: the preview asks this of every page on every save, and the memo keeps one copy
    of each messages' key, however many pages share it."""
    return (key, interface.said(used)) if used is not None else key


def keep_unchanged(items: list[tuple[str, object]], fingerprints: dict,
                    memo: OutputMemo) -> list[tuple[str, object]]:
    """Keep every file whose inputs did not change, where it is; return the others, to be drawn."""
    fresh = []
    for relative, item in items:
        if memo.reusable(relative, fingerprints[relative]):
            memo.keep(relative)
        else:
            fresh.append((relative, item))
    return fresh


def inputs_key(options: Options) -> str:
    """What every page depends on besides the posts: code, libraries, site.yml, the translation
    record, options. Templates and catalogs are not here: each page is keyed by those it uses."""
    site_yml, record = options.content / SETTINGS, options.content / RECORD
    return content_key(tree_key(PACKAGE, skip=THEME_IN_PACKAGE), installed_libraries(),
                       _text_of(site_yml), _text_of(record),
                       str(options.base_url), str(options.drafts), str(options.pending))


def theme_key(options: Options) -> str:
    """Every template, asset and catalog the theme and the site have, where they are: for the whole-site key."""
    folders = [folder for kind in KINDS for folder in options.theme.folders(kind)]
    refused = map(str, options.theme.refused())  # a linked folder is no folder of the theme, yet it counts; an
    return content_key(tree_key(*folders), *map(str, folders), *refused)  # empty one has no file to count


def _text_of(path: Path) -> str:
    """A settings file's text for a key; a link is not read through (loading refuses it)."""
    if path.is_symlink():
        return "\0a link"
    return path.read_text("utf-8", errors="replace") if path.is_file() else ""


def whole_site_key(inputs: str, found: Found, digests: list[str], beside_posts: dict[str, bytes]) -> str:
    """Every input of a build: if this matches the last build's, so does every byte of its output."""
    files = [f"{s.path}={d}" for s, d in zip(found.sources, digests)]
    assets = [f"{url}={hashlib.sha256(data).hexdigest()}" for url, data in beside_posts.items()]
    errors = [str(e) for e in found.errors + found.warnings]  # a file left unpublished is said every build
    return content_key(inputs, os.environ.get("SOURCE_DATE_EPOCH", ""), *files, *assets, *errors)


def page_fingerprint(site_key: str, page: "Page", digests: dict[str, str], shown: dict, remembered: dict | None) -> str:
    """A page's inputs, named: what it is, where it stands, and the bytes of what it shows.

    A preview remembers the fingerprint of each page's exact inputs: comparing them is much
    cheaper than hashing them again, and most pages' inputs do not change between saves.
    """
    if page.sources not in shown:
        shown[page.sources] = itemgetter(*page.sources)(digests) if len(page.sources) > 1 else tuple(
            digests[path] for path in page.sources)  # itemgetter: the lookups in C, 200,000 of them a build
    # the files' paths too: a comment renamed with the same bytes changes its id or its language
    inputs = (site_key, page.url, page.kind.value, page.shape, page.sources, shown[page.sources])
    known = remembered.get(page.url) if remembered else None
    if known and known[0] == inputs:
        return known[1]
    fingerprint = content_key(*inputs[:4], *page.sources, *inputs[5])
    if remembered is not None:
        remembered[page.url] = (inputs, fingerprint)
    return fingerprint


def every_page_shows(site: "Site", digests: dict[str, str] | None = None) -> str:
    """What pages show that neither site.yml nor their own files decide: the menu's page titles, the
    icon, the label of a tag site.yml lacks, which the first essay writing it gives (renaming
    another essay's folder can change it on every page that names the tag), and the search box,
    there only once something is published to search (drafting the last essay takes it away).
    `digests`, every content file's, when a site's own template may show any of them on any page."""
    titles = [(page.slug, [(text.lang, text.title) for text in page.texts]) for page in site.pages]
    written = [(tag.key, tag.written) for tag in site.tags if not tag.labels]
    whole = content_key(*(f"{path}\0{digest}" for path, digest in sorted(digests.items()))) if digests else ""
    return repr((titles, site.favicon, written, site.search, whole))
