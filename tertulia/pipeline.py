"""The stages in order: find -> parse -> validate -> plan -> render -> write.

One way decides what is up to date, for a build and for the preview alike: every output file's
inputs are fingerprinted (a page's own templates, and the catalog messages it looked up when it was
last drawn, recorded then), and the record of the last run (cache.OutputMemo) says which files were
made from the same fingerprint and are still as written; only the others are drawn. Before any
of it, a build compares every input with the last build's: when nothing changed it only checks
the output is intact and stops. That path must be quick, so the stages that
need Markdown, YAML and Jinja2 (half a second of imports on a slow day) are imported only
once there is something to do.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import cached_property
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .aside import Aside
from .cache import Cache, OutputMemo, content_key, tree_key
from .errors import ContentError, ContentErrors, counted
from .reading.find import Found, digest_files, find_content, never_read
from .site.routes import PAGEFIND, file_path
from .theme import KINDS, THEME_IN_PACKAGE, Theme
from .reading.translations import RECORD
from .versions import installed_libraries, parser_version
from .writing.write import MARK, MARK_TEXT, OutputRefused, after_commit, folders_above, output_lock, staged_output

if TYPE_CHECKING:
    from .model import Site, SiteConfig
    from .site.ui import Interface
    from .site.plan import Page

MEMO = "output.pickle"  # in the cache folder
# Below this many content files, validating and planning take less time than compiling the
# templates, so a build would wait for them: they are compiled while the files are parsed instead.
# Above it, parsing keeps both cores busy, and they are compiled while this process validates.
EARLY_COMPILE = 6000
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Options:
    """What one build was asked to do."""

    content: Path
    output: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    pending: bool = False  # the preview shows comments awaiting review, marked, for a moderator
    search: bool = True  # the preview does without: indexing every save would slow it for nothing
    cache_dir: Path | None = None
    workers: int | None = None
    theme: Theme | None = None  # default: the site's own files beside content/ over the default theme

    def __post_init__(self):
        if self.theme is None:
            object.__setattr__(self, "theme", Theme.of(self.content))


@dataclass(frozen=True)
class Counts:
    """What a site holds, for the summary; kept with the output so an unchanged build can repeat it."""

    essays: int
    comments: int
    held_back: int
    warnings: tuple[ContentError, ...]
    search_off: str = ""  # why there is no search index, when there is none
    drafts: int = 0
    search_note: str = ""  # what the index cannot do here, when the site needs it

    @classmethod
    def of(cls, site: "Site", warnings: list[ContentError], search_off: str = "", search_note: str = "") -> "Counts":
        return cls(len(site.essays), sum(len(e.comments) for e in site.essays), site.held_back, tuple(warnings),
                   search_off, site.drafts, search_note)


@dataclass
class Report:
    """What a build did, for its one-line summary."""

    counts: Counts
    files: int = 0
    seconds: float = 0.0
    drawn: int = 0

    @property
    def warnings(self) -> tuple[ContentError, ...]:
        return self.counts.warnings

    def summary(self) -> str:
        c = self.counts
        return (f"built {counted(self.files, 'file')} ({self.drawn} new or changed): {counted(c.essays, 'essay')}, "
                f"{counted(c.comments, 'comment')} published, {c.held_back} held back (spam or pending), "
                + (f"{counted(c.drafts, 'draft')} left out (draft: true; --drafts shows it), " if c.drafts else "")
                + f"{counted(len(c.warnings), 'warning')}, in {self.seconds:.2f} s"
                + (f"; search is off ({c.search_off})" if c.search_off else "")
                + (f"; {c.search_note}" if c.search_note else ""))


@dataclass(frozen=True)
class Loaded:
    """The validated site, its warnings, the hash of every content file, and (a build's) its templates
    being compiled meanwhile."""

    site: "Site"
    warnings: list[ContentError]
    digests: dict[str, str]  # content file -> hash of its bytes
    interface: "Interface | None" = None  # this build's catalogs, read once for the warnings and the pages
    templates: Aside | None = None  # a build's templates, compiled by the other core meanwhile
    # the content's errors, when the caller asked for the site despite them (`status`): else they are raised
    errors: list[ContentError] = field(default_factory=list)


def load_site(options: Options, progress=None, despite_errors: bool = False) -> Loaded:
    """Read and validate everything; raise ContentErrors listing every problem. `despite_errors`
    (`status`): errors in essays, comments and pages come back in `errors`, with the site as far as
    it could be validated; those of site.yml, the translation record and the theme are raised still."""
    found = find_content(options.content)
    return _load(options, found, _digests_to_check(options, found), progress, despite_errors=despite_errors)


def _load(options: Options, found: Found, digests: list[str] | None, progress,
          last: "LastRun | None" = None, stack: ExitStack | None = None, despite_errors: bool = False) -> Loaded:
    from .reading.config import read_config
    from .reading.parse import parse_all
    from .reading.translations import load_record
    from .reading.validate import build_model
    config, setting_errors, setting_warnings = read_config(options.content / "site.yml",
                                         _shown(options.content / "site.yml", options.content), options.base_url)
    followed, record_errors = load_record(options.content)
    earlier = setting_errors + record_errors + options.theme.refused()  # reported with the content's, at once
    cache = last.cache if last else parse_cache(options)
    from .writing.render import template_errors, unknown_blocks
    # said in every run, a failing one too: a writer fixing one run's problems sees them all
    early_warnings = setting_warnings + options.theme.unknown_overrides() + unknown_blocks(options.theme)
    if config is None:  # nothing can be validated without settings, but every file's own errors can be said
        files = parse_all(found, digests, cache, options.workers, progress)
        raise ContentErrors(earlier + list(files.errors), list(files.warnings) + early_warnings)
    forks = _forks(options, last, stack, len(found.sources))
    early = _compiling(options, stack) if forks and len(found.sources) < EARLY_COMPILE else None
    files = parse_all(found, digests, cache, options.workers, progress, last.parsed if last else None)
    templates = _set_aside(options, cache, last, stack if forks else None, early)
    broken_templates = template_errors(options.theme)  # reported with the content's errors, all at once
    interface, broken_catalogs, (lacking, unusable) = _catalogs(options, config)  # likewise
    catalog_warnings = lacking + unusable
    unraised = [] if despite_errors else None
    try:
        site, warnings = build_model(config, files, options.drafts, last.posts if last else None,
                                     options.pending, followed, tuple(relative for relative, _ in found.static),
                                     unraised)
    except ContentErrors as problem:
        early_clashes = _clashes_known_early(options, found, config)
        raise ContentErrors(earlier + problem.errors + early_clashes + broken_templates + broken_catalogs,
                            list(problem.warnings) + early_warnings + catalog_warnings) from None
    errors = (unraised + _clashes_known_early(options, found, config)) if unraised else []  # as when raised
    if earlier or broken_templates or broken_catalogs:  # site.yml's, the record's and the theme's stop every command
        raise ContentErrors(earlier + errors + broken_templates + broken_catalogs,
                            warnings + early_warnings + catalog_warnings)
    warnings += lacking + early_warnings + unusable
    return Loaded(site, warnings, {r.path: r.digest for r in files.records}, interface, templates,
                  sorted(set(errors)))


def _catalogs(options: Options, config: "SiteConfig") -> tuple["Interface", list[ContentError], tuple[list, list]]:
    """The site's interface words, the errors of catalogs that cannot be read, and the warnings of
    those that can: (of the languages lacking words, of lines a page cannot use)."""
    from .site.ui import UNREADABLE, Interface
    interface = Interface(options.theme.folders("locales"), config)
    unreadable = _said_of_catalogs(options, interface.unreadable())
    try:
        return interface, unreadable, (_missing_catalogs(options, interface), _said_of_catalogs(options, interface.problems()))
    except UNREADABLE:  # a catalog that cannot be read at all, as `unreadable` says: the others' warnings wait
        return interface, unreadable, ([], [])


def _set_aside(options: Options, cache: Cache, last: "LastRun | None", stack: ExitStack | None,
               compiling: Aside | None) -> Aside | None:
    """Save the parse cache; with `stack` (a run that forks, see _forks), let a forked process save
    it and compile the templates (unless `compiling` already does) while this one validates and
    plans, the other core's idle time. Returns what compiles the templates."""
    if stack is None:
        cache.save(prune=last is None)  # what a preview keeps in memory it does not look up, yet still uses
        return None
    if compiling:
        Aside.on(stack, lambda: None, then=cache.save)
        return compiling
    from .writing.render import compiled_templates
    return Aside.on(stack, lambda: compiled_templates(options.theme), then=cache.save)


def _compiling(options: Options, stack: ExitStack) -> Aside:
    """The templates compiled by a forked process from now on, while the content is parsed."""
    from .writing.render import compiled_templates
    return Aside.on(stack, lambda: compiled_templates(options.theme))


def _forks(options: Options, last: "LastRun | None", stack: ExitStack | None, files: int) -> bool:
    """Whether this run hands work to forked processes (see _set_aside). The preview does not: it has
    threads of its own, its templates are compiled already, and its saves are small. Nor does a
    build in one process, as asked, or one of a site too small to share out."""
    from .reading.parse import PARALLEL_THRESHOLD
    return stack is not None and last is None and options.workers != 1 and files >= PARALLEL_THRESHOLD


def _said_of_catalogs(options: Options, found: list[tuple[str, int, str]]) -> list[ContentError]:
    """(path under locales/, line, why) as an author reads it: `locales/es/…` for the site's own catalog."""
    return [ContentError(options.theme.shown("locales", path), line, why) for path, line, why in found]


def _missing_catalogs(options: Options, interface: "Interface") -> list[ContentError]:
    """One warning per declared language whose interface words would be English, wholly or in part,
    unless site.yml accepts English for it."""
    from .reading.yamltext import plain_or_quoted
    from .site.ui import template_messages
    shown = _shown(options.content / "site.yml", options.content)
    warnings = [ContentError(shown, 0, f"language `{lang}` has no interface catalog "
                                       f"(locales/{lang}/LC_MESSAGES/messages.po): its pages use English words; "
                                       "write one, or accept English with `english_interface: [" + plain_or_quoted(lang) + "]`")
                for lang in interface.missing()]
    wanted = template_messages(options.theme.default / "locales" / "messages.pot")  # read once for both
    warnings += [ContentError(options.theme.shown("locales", path), line, why) for path, line, why in
                 interface.unknown_messages(wanted, options.theme.own("locales"),
                                            options.theme.own_text("templates", (".html", ".xml")))]
    for lang, path, lacking in interface.incomplete(wanted):
        warnings.append(ContentError(options.theme.shown("locales", path), 0, (
            f"{counted(lacking, 'message')} of the interface {'has' if lacking == 1 else 'have'} no `{lang}` "
            "translation here: pages show them in English")))
    return warnings


def parse_cache(options: Options) -> Cache:
    return Cache(options.cache_dir / "parsed" if options.cache_dir else None, parser_version(installed_libraries()))


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


def build(options: Options, progress=None, last: LastRun | None = None, changed: set[str] | None = None) -> Report:
    """A build; output is replaced only if every stage succeeds. A preview passes its last run and what changed."""
    started = time.perf_counter()
    gc.disable()  # a build makes a million objects and no garbage cycles: a third faster without the collector
    report = None
    try:
        try:
            with output_lock(options.output), ExitStack() as stack:  # what a run starts ends before the lock
                if last is None:
                    found = find_content(options.content)
                    report = _build(options, started, progress, found, _digests_to_check(options, found), stack)
                else:
                    last.take(changed)
                    report = _build(options, started, progress, last.found, last.digests, stack, last)
            return report
        finally:
            # Everything the build made was allocated with the collector off, so its first pass
            # would walk all of it (half a second at 1,000 essays). Nothing here is cyclic garbage:
            # let the collector leave it alone; reference counting still frees it.
            try:
                gc.freeze()
            finally:
                gc.enable()
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: once the build is done, the output is the new one
        raise after_commit(stop) if report is not None else stop


def _digests_to_check(options: Options, found: Found) -> list[str] | None:
    """The files' hashes, when a last build left a cache or an output memo to check them against.
    With nothing kept, they are not needed up front: the parse workers hash files as they read them."""
    kept = options.cache_dir and any((options.cache_dir / name).exists() for name in ("parsed", MEMO))
    return digest_files([source.file for source in found.sources], options.workers) if kept else None


@dataclass(frozen=True)
class Copied:
    """The files a run copies as they are, and the keys of what every page may read besides content."""

    beside_posts: dict[str, bytes]  # output path -> bytes: a post's images and attachments
    static: dict[str, bytes]  # content/static/'s files, by their path under it
    inputs: str  # code, site.yml, translation record, options
    every_input: str  # inputs and theme, for the whole-site key: only a build asks (same_build)

    @cached_property  # the whole-site key asks twice when a build finds something changed
    def all(self) -> dict[str, bytes]:
        return {**self.beside_posts, **{f"static:{relative}": data for relative, data in self.static.items()}}


@dataclass(frozen=True)
class Planned:
    """A run's validated site and its pages, with what each output file is made from."""

    loaded: Loaded
    pages: list["Page"]
    env: object  # the Jinja2 environment the pages are drawn with
    drawn_from: dict[str, str]  # a page's file -> the key of its inputs, before its words are known
    fingerprints: dict[str, object]  # every output file -> its fingerprint, as known before drawing
    extras: dict[str, bytes]  # files written as they are: copied ones, the search index once made
    counts: Counts
    whole: str  # the whole-site key a later build compares with; a preview has none


def _build(options: Options, started: float, progress, found: Found, digests: list[str] | None,
           stack: ExitStack, last: LastRun | None = None) -> Report:
    """One run; what it starts that must end with it (a forked helper, the staging folder) goes on
    `stack`, which the caller closes once the run is over, under the output's lock."""
    inputs = _inputs_key(options)
    unread: list[ContentError] = []  # said with the content's errors, all in one run
    copied = Copied(_read_each(found.assets, options.content, unread),
                    _read_each(found.static, options.content, unread), inputs,
                    content_key(inputs, _theme_key(options)) if last is None else "")
    if unread:
        found = replace(found, errors=(*found.errors, *unread))
    memo = _output_memo(options, last)
    if digests is not None and last is None:  # a preview needs the model in memory anyway
        kept = memo.same_build(_whole_site_key(copied.every_input, found, digests, copied.all))
        if kept is not None:  # every input is as it was when this very output was written
            return Report(kept, memo.file_count(), time.perf_counter() - started, 0)
    planned = _plan(options, found, digests, copied, memo, progress, stack, last)
    if not planned.loaded.site.search and memo.unchanged(planned.fingerprints):
        _saved(memo, planned.whole, planned.counts, last)  # the output already is this build, file for file
        return Report(planned.counts, len(planned.fingerprints), time.perf_counter() - started, 0)
    try:
        drawn, as_before, used = _draw(options, planned, memo, progress, stack, last)
    except ContentErrors as problem:  # a site's template failing as it is drawn: said with the warnings
        raise ContentErrors(problem.errors, [*planned.counts.warnings, *problem.warnings]) from None
    for relative in drawn:
        memo.record(relative, planned.fingerprints[relative], options.output / relative, used.get(relative))
    _saved(memo, planned.whole, planned.counts, last)
    return Report(planned.counts, len(planned.fingerprints), time.perf_counter() - started, len(drawn) - len(as_before))


def _read_each(files, content: Path, unread: list[ContentError]) -> dict:
    """Each (key, path)'s bytes by its key; a file that cannot be read is added to `unread`."""
    read = {}
    for key, path in files:
        try:
            read[key] = path.read_bytes()
        except OSError as problem:
            unread.append(ContentError(_shown(path, content), 0, f"cannot be read: {problem.strerror}"))
    return read


def _plan(options: Options, found: Found, digests: list[str] | None, copied: Copied, memo: OutputMemo,
          progress, stack: ExitStack, last: LastRun | None) -> Planned:
    """Read, validate and plan the site, and fingerprint every file it makes; raise ContentErrors
    when content would clash with what the build writes."""
    from .site.plan import plan_site
    from .site.redirects import unreached_addresses
    from .writing.render import make_environment, reads_the_whole_site
    from .writing.search import unavailable, uncut_words
    loaded = _load(options, found, digests, progress, last, stack)
    whole = "" if last else _whole_site_key(copied.every_input, found,
                                             [loaded.digests[s.path] for s in found.sources], copied.all)
    search_off = unavailable(loaded.site) if options.search else "not in the preview"
    loaded = replace(loaded, site=replace(loaded.site, search=not search_off))
    when = build_time(loaded.site)
    pages = plan_site(loaded.site, when, last.planned if last else None)
    interface = loaded.interface  # this build's words, always
    compiled = loaded.templates.result() if loaded.templates else None
    env = last.environment() if last else make_environment(options.theme, compiled=compiled)
    every_page = _every_page_shows(loaded.site, loaded.digests if reads_the_whole_site(env) else None)
    drawn_from = _page_inputs(loaded, pages, content_key(copied.inputs, when, every_page), env, last)
    fingerprints = {relative: _with_words(key, memo.recorded(relative), interface) for relative, key in drawn_from.items()}
    extras = _extras(loaded, options, copied.beside_posts)
    clashes = output_clashes(options.content, found, loaded.site, fingerprints.keys(),
                             fingerprints.keys() | extras.keys(), loaded.site.search)
    if clashes:
        raise ContentErrors(clashes, loaded.warnings)
    extras.update(copied.static)  # content/static/ at the site's root, as it is
    counts = Counts.of(loaded.site, loaded.warnings + unreached_addresses(loaded.site, fingerprints, extras), search_off,
                       uncut_words(loaded.site) if loaded.site.search else "")
    fingerprints.update((relative, hashlib.sha256(data).hexdigest()) for relative, data in extras.items())
    _names_this_system_can_write(fingerprints)
    return Planned(loaded, pages, env, drawn_from, fingerprints, extras, counts, whole)


def _names_this_system_can_write(files) -> None:
    """Refuse, before anything is written, a site whose file names this system's locale cannot spell
    (`tags/広告/` under a Latin-1 locale): found only while moving the new files in, it left the output
    half old, half new."""
    encoding = sys.getfilesystemencoding()
    if encoding.replace("-", "").lower() == "utf8":
        return  # every name is: the common case, with no look at each
    for relative in sorted(files):
        try:
            os.fsencode(relative)
        except UnicodeEncodeError:
            raise OutputRefused(f"`{relative[:80]}`: this system's file names are in {encoding} (its locale), which "
                                "cannot spell this one; build in a UTF-8 locale, e.g. LC_ALL=C.UTF-8") from None


def _draw(options: Options, planned: Planned, memo: OutputMemo, progress, stack: ExitStack,
          last: LastRun | None) -> tuple[list[str], set[str], dict]:
    """Draw the pages and write the files whose fingerprint changed into a staging folder, then put
    it in place of the output; the files drawn, those of them output/ held as they are already (left
    untouched), and the messages each drawn page looked up."""
    from .writing.render import render_into
    from .writing.search import indexing
    site, fingerprints, extras = planned.loaded.site, planned.fingerprints, planned.extras
    interface = planned.loaded.interface
    fresh = _keep_unchanged([(file_path(p.url), p) for p in planned.pages], fingerprints, memo)
    # The staging folder lasts as long as the run: an interruption anywhere after the commit, the
    # memo's saving included, passes through it and says the new output is in place.
    staged = stack.enter_context(staged_output(options.output))
    with indexing(site) as search_index:  # Pagefind indexes while the pages are drawn
        try:
            looked_up = render_into(staged.writer, site, interface, [page for _, page in fresh], options.theme,
                                    options.workers, progress, planned.env)
        except ContentErrors as failed:  # drawing stops at a site template's first error: say them all
            raise _with_every_drawing_error(failed, options, planned) from None
        alike: dict = {}  # pages of a kind look up the same messages: one set each, in memory and in the memo
        used = {fresh[index][0]: alike.setdefault(words, words) for index, words in looked_up.items()}
        fingerprints.update((relative, _with_words(planned.drawn_from[relative], words, interface))
                            for relative, words in used.items())  # what each page was made from, now known
        if search_index:
            if progress:
                progress("waiting for the search index")
            index = search_index.files()
            extras.update(index)
            fingerprints.update((relative, hashlib.sha256(data).hexdigest()) for relative, data in index.items())
        new_extras = _keep_unchanged(list(extras.items()), fingerprints, memo)
        drawn = [relative for relative, _ in fresh + new_extras]
        for relative, data in new_extras:
            staged.writer.write(relative, data)
        as_before = staged.same_as_before(drawn)
        # a build also clears out files it does not know; the preview trusts what it wrote itself
        staged.commit([relative for relative in drawn if relative not in as_before], set(fingerprints),
                      memo.known(), sweep=last is None or not memo.known())
    return drawn, as_before, used


def _with_every_drawing_error(failed: ContentErrors, options: Options, planned: Planned) -> ContentErrors:
    """`failed` with the errors of the site's other templates, found as `check` finds them (the first
    page of each kind drawn), so that one run names every template to mend."""
    from .writing.render import drawing_errors
    loaded = planned.loaded
    others = drawing_errors(options.theme, loaded.site, loaded.interface, planned.pages)
    return ContentErrors(failed.errors + others, failed.warnings)


def _output_memo(options: Options, last: LastRun | None) -> OutputMemo:
    """The record of the output's files: a preview's from its last run, as saved then, else as saved on disk.
    Taken away while the run is under way: a run that fails leaves the saved one to the next."""
    if last is not None and last.memo is not None:
        memo, last.memo = last.memo, None
        return memo
    return OutputMemo(options.cache_dir / MEMO if options.cache_dir else None, options.output)


def _saved(memo: OutputMemo, whole: str, counts: Counts, last: LastRun | None) -> None:
    memo.save(whole, counts)
    if last is not None:
        last.memo = memo


def _page_inputs(loaded: Loaded, pages: list["Page"], site_key: str, env, last: LastRun | None) -> dict[str, str]:
    """Each page's file and the key of what it is planned from: the settings and code every page shares,
    its own template and those it uses, and the content files it shows. The catalog messages it
    looks up are known only once it is drawn (see _with_words)."""
    from .writing.render import template_keys
    kinds = {page.kind for page in pages}
    by_template = {name: content_key(site_key, key)
                   for name, key in template_keys(env, {kind.template for kind in kinds}).items()}
    by_kind = {kind: by_template[kind.template] for kind in kinds}
    remembered = last.fingerprints if last else None
    shown: dict = {}  # an essay's pages show the same files: look their hashes up once
    return {file_path(p.url): page_fingerprint(by_kind[p.kind], p, loaded.digests, shown, remembered) for p in pages}


def _with_words(key: str, used: frozenset | None, interface) -> str | tuple[str, str]:
    """A page's fingerprint: what it was planned from, and what the catalogs now say of the messages it
    looked up when it was last drawn. A page never drawn has none, and is drawn. The two keys as a pair,
    not hashed again: the preview asks this of every page on every save, and the memo keeps one copy
    of each messages' key, however many pages share it."""
    return (key, interface.said(used)) if used is not None else key


def _keep_unchanged(items: list[tuple[str, object]], fingerprints: dict,
                    memo: OutputMemo) -> list[tuple[str, object]]:
    """Keep every file whose inputs did not change, where it is; return the others, to be drawn."""
    fresh = []
    for relative, item in items:
        if memo.reusable(relative, fingerprints[relative]):
            memo.keep(relative)
        else:
            fresh.append((relative, item))
    return fresh


def _inputs_key(options: Options) -> str:
    """What every page depends on besides the posts: code, libraries, site.yml, the translation
    record, options. Templates and catalogs are not here: each page is keyed by those it uses."""
    site_yml, record = options.content / "site.yml", options.content / RECORD
    return content_key(tree_key(PACKAGE, skip=THEME_IN_PACKAGE), installed_libraries(),
                       _text_of(site_yml), _text_of(record),
                       str(options.base_url), str(options.drafts), str(options.pending))


def _theme_key(options: Options) -> str:
    """Every template, asset and catalog the theme and the site have, where they are: for the whole-site key."""
    folders = [folder for kind in KINDS for folder in options.theme.folders(kind)]
    refused = map(str, options.theme.refused())  # a linked folder is no folder of the theme, yet it counts; an
    return content_key(tree_key(*folders), *map(str, folders), *refused)  # empty one has no file to count


def _text_of(path: Path) -> str:
    """A settings file's text for a key; a link is not read through (loading refuses it)."""
    if path.is_symlink():
        return "\0a link"
    return path.read_text("utf-8", errors="replace") if path.is_file() else ""


def _whole_site_key(inputs: str, found: Found, digests: list[str], beside_posts: dict[str, bytes]) -> str:
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


def _extras(loaded: Loaded, options: Options, beside_posts: dict[str, bytes]) -> dict[str, bytes]:
    """Static assets, files beside published posts, and the GitHub Pages markers, by output path."""
    extras = {}
    for relative, asset in options.theme.files("assets").items():
        extras["assets/" + relative] = asset.read_bytes()
    for essay in loaded.site.essays + loaded.site.pages:
        for url in essay.files:
            extras[url] = beside_posts[url]
    extras[".nojekyll"] = b""
    extras[MARK] = MARK_TEXT
    if loaded.site.config.cname:
        extras["CNAME"] = loaded.site.config.cname.encode() + b"\n"
    return extras


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
    return [_would_replace(_shown(where[url], content), clash) for url, clash in copied]


def _static_clashes(content: Path, static, generated: set[str], search: bool,
                    redirected_from: dict[str, str] | None = None) -> list[ContentError]:
    """The files of content/static/ that would replace one the build makes (a page, an asset, the
    search index's folder when there is search), or stand where it makes a folder (`static/posts`).
    `redirected_from` names the old address behind a page that sends readers on."""
    if not static:
        return []
    index_folder = PAGEFIND.partition("/")[0]
    folders = _folders_of(generated) | ({index_folder} if search else set())
    errors = []
    for relative in sorted(static):
        clash = _clashing(relative, generated, folders)
        if search and relative.startswith(index_folder + "/"):
            clash = clash or relative
        if clash:
            sent_on = redirected_from or {}  # a folder in the way: the one an old address's page is written in
            errors.append(_would_replace(f"{content.name}/static/{relative}", clash,
                                         sent_on.get(clash) or sent_on.get(clash + "index.html", "")))
    return errors


def _clashes_known_early(options: Options, found: Found, config: SiteConfig) -> list[ContentError]:
    """The files of content/static/ that would replace one every site makes (`feed.xml`, the theme's
    stylesheet), said beside the content's errors: the rest of the clashes need the planned pages,
    which a run with errors never has, and a writer should not learn of these one run later."""
    if not found.static:
        return []
    from .site import routes
    listings = (routes.home, routes.feed, routes.tags, routes.comments, routes.comments_feed)
    made = {file_path(url(lang=lang)) for lang in ("", *config.language_codes) for url in listings}
    made |= {routes.SITEMAP, routes.NOT_FOUND, ".nojekyll", MARK, *(["CNAME"] if config.cname else [])}
    made |= {"assets/" + relative for relative in options.theme.files("assets")}
    return _static_clashes(options.content, [relative for relative, _ in found.static], made, config.search)


def _would_replace(shown: str, relative: str, made_as: str = "") -> ContentError:
    if made_as:
        return ContentError(shown, 0, f"would replace `{relative}`, {made_as}: rename or remove one of them")
    return ContentError(shown, 0, f"would replace the site's own `{relative}`, which the build makes; rename or remove it")


def check_site(options: Options, draw: bool = True) -> Loaded:
    """What `check` validates: all that a build would, short of writing the pages (a site's own templates
    drawn, unless not to `draw`)."""
    from .site.plan import plan_site
    from .site.redirects import unreached_addresses
    found = find_content(options.content)
    loaded = _load(options, found, _digests_to_check(options, found), None)
    from .writing.search import unavailable
    search = not unavailable(loaded.site)
    # planned as the build plans it, search page and all: a menu entry `/search/` leads somewhere
    loaded = replace(loaded, site=replace(loaded.site, search=search))
    pages = plan_site(loaded.site, build_time(loaded.site))
    beside_posts = dict.fromkeys((url for url, _ in found.assets), b"")  # their names are enough here
    drawn = {file_path(page.url) for page in pages}
    generated = drawn | _extras(loaded, options, beside_posts).keys()
    clashes = output_clashes(options.content, found, loaded.site, drawn, generated, search)
    if clashes:
        raise ContentErrors(clashes, loaded.warnings)
    static = {relative for relative, _ in found.static}
    from .site.links import broken_links  # `check` only: a build is timed, and `check` is what a writer runs
    from .site.ahead import comments_ahead  # `check` only: a build never reads the clock
    from .site.proposals import placeholder_comments, placeholders
    today = (source_date_epoch() or datetime.now(timezone.utc)).date()
    loaded = replace(loaded, warnings=loaded.warnings + unreached_addresses(loaded.site, generated, static)
                     + broken_links(loaded.site, options.content, generated, static)
                     + placeholder_comments(loaded.site, placeholders(options.content))
                     + comments_ahead(loaded.site, options.content, today))
    if draw and options.theme.overrides("templates"):  # the theme's own are drawn by every test of Tertulia's
        from .writing.render import drawing_errors
        # every page, as the build draws them: a site's template may fail on one language's pages only
        broken = drawing_errors(options.theme, loaded.site, loaded.interface, pages, every=True)
        if broken:
            raise ContentErrors(broken, loaded.warnings)
    if loaded.site.drafts and not options.drafts:
        loaded = replace(loaded, warnings=loaded.warnings + _draft_problems(options))
    return loaded


def _draft_problems(options: Options) -> list[ContentError]:
    """What the preview, which shows drafts, would refuse that this check passed (a draft's alias that is
    a page's address): warnings, since a build leaves drafts out, but said now, not as the preview fails."""
    try:
        check_site(replace(options, drafts=True), draw=False)  # the templates were drawn on every page once
    except ContentErrors as failed:
        return [ContentError(error.path, error.line, f"with drafts shown (`serve`, `build --drafts`): {error.message}")
                for error in failed.errors]
    return []


def _every_page_shows(site: "Site", digests: dict[str, str] | None = None) -> str:
    """What pages show that neither site.yml nor their own files decide: the menu's page titles, the
    icon, the label of a tag site.yml lacks, which the first essay writing it gives (renaming
    another essay's folder can change it on every page that names the tag), and the search box,
    there only once something is published to search (drafting the last essay takes it away).
    `digests`, every content file's, when a site's own template may show any of them on any page."""
    titles = [(page.slug, [(text.lang, text.title) for text in page.texts]) for page in site.pages]
    written = [(tag.key, tag.written) for tag in site.tags if not tag.labels]
    whole = content_key(*(f"{path}\0{digest}" for path, digest in sorted(digests.items()))) if digests else ""
    return repr((titles, site.favicon, written, site.search, whole))


def source_date_epoch() -> datetime | None:
    """SOURCE_DATE_EPOCH's time, when set (args.py refused a malformed one): the one time a run is told."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isascii() and epoch.isdigit() else None


def build_time(site: "Site") -> str:
    """SOURCE_DATE_EPOCH when set, else the newest date in the content: never the clock."""
    if told := source_date_epoch():
        return told.strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.date for e in site.essays if e.date] + [c.date for e in site.essays for c in e.comments if c.date]
    # the newest, as newest_first orders them, the first of equals; the key read in C: 20,000 dates a save
    return max(dates, key=attrgetter("moment")).timestamp if dates else \
        "1970-01-01T00:00:00Z"


def _shown(path: Path, content: Path) -> str:
    """A path as errors show it; its last part is not followed, so a link is named, not resolved."""
    return (path.parent.resolve() / path.name).relative_to(content.resolve().parent).as_posix()
