"""The stages in order: find -> parse -> validate -> plan -> render -> write.

What is up to date is freshness.py's to say, for a build and for the preview alike; a build whose
inputs are all as the last build's only checks the output is intact and stops. That path must be
quick, so the stages that need Markdown, YAML and Jinja2 (half a second of imports on a slow day)
are imported only once there is something to do.
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
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .aside import Aside
from .clashes import clashes_known_early, output_clashes
from .cache import Cache, OutputMemo, content_key
from .errors import ContentError, ContentErrors, counted
from .freshness import (LastRun, digests_to_check, every_page_shows, inputs_key, keep_unchanged, output_memo,
                        page_inputs, saved, theme_key, whole_site_key, with_words)
from .reading.find import SETTINGS, Found, find_content, shown_path
from .site.routes import file_path
from .theme import CATALOG, Theme
from .versions import installed_libraries, parser_version
from .layout import ASSETS, CNAME, MARK, NO_JEKYLL
from .model import UNDATED
from .writing.write import MARK_TEXT, OutputRefused, after_commit, output_lock, staged_output

if TYPE_CHECKING:
    from .model import Site, SiteConfig
    from .site.ui import Interface
    from .site.plan import Page

# Below this many content files, validating and planning take less time than compiling the
# templates, so a build would wait for them: they are compiled while the files are parsed instead.
# Above it, parsing keeps both cores busy, and they are compiled while this process validates.
EARLY_COMPILE = 6000


@dataclass(frozen=True)
class Options:
    """What one build was asked to do."""

    content: Path
    output: Path | None = None
    conventional_output: bool = False  # `output/`, no --output given: the build's by convention (see write.py)
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
    drafts_shown: int = 0  # essays among `essays` that are drafts (--drafts, the preview): said as such
    # of `held_back`, the comments awaiting review that the preview shows, marked: "1 held back" alone,
    # over a page showing it, read as if it were lost (a maintainer's walk)
    pending_shown: int = 0

    @classmethod
    def of(cls, site: "Site", warnings: list[ContentError], search_off: str = "", search_note: str = "",
           pending: bool = False) -> "Counts":
        return cls(len(site.essays), sum(len(e.comments) for e in site.essays), site.held_back, tuple(warnings),
                   search_off, site.drafts, search_note, sum(essay.draft for essay in site.essays),
                   _pending_in(site) if pending else 0)


def _pending_in(site: "Site") -> int:
    """The comments awaiting review in the site's threads (only the preview's threads hold any)."""
    count, waiting = 0, [comment for essay in site.essays for comment in essay.threads]
    while waiting:
        comment = waiting.pop()
        count += comment.status == "pending"
        waiting += comment.replies
    return count


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
        shown = f" ({c.drafts_shown} of them {'a draft' if c.drafts_shown == 1 else 'drafts'}, shown)" if c.drafts_shown else ""
        return (f"built {counted(self.files, 'file')} ({self.drawn} new or changed): {counted(c.essays, 'essay')}{shown}, "
                f"{counted(c.comments, 'comment')} published, {c.held_back} held back (spam or pending"
                + (f"; {c.pending_shown} pending shown here, marked" if c.pending_shown else "") + "), "
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
    return _load(options, found, digests_to_check(options, found), progress, despite_errors=despite_errors)


def _load(options: Options, found: Found, digests: list[str] | None, progress,
          last: "LastRun | None" = None, stack: ExitStack | None = None, despite_errors: bool = False) -> Loaded:
    from .reading.config import read_config
    from .reading.parse import parse_all
    from .reading.translations import load_record
    from .reading.validate import build_model
    config, setting_errors, setting_warnings = read_config(options.content / SETTINGS,
                                         shown_path(options.content, options.content / SETTINGS), options.base_url)
    followed, record_errors = load_record(options.content)
    earlier = setting_errors + record_errors + options.theme.refused()  # reported with the content's, at once
    cache = last.cache if last else parse_cache(options)
    from .writing.render import root_addresses, template_errors, unknown_blocks
    # said in every run, a failing one too: a writer fixing one run's problems sees them all
    early_warnings = setting_warnings + options.theme.unknown_overrides() + unknown_blocks(options.theme)
    early_warnings += root_addresses(options.theme, config.base_path) if config else []
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
        early_clashes = clashes_known_early(options, found, config, files.records)
        raise ContentErrors(earlier + problem.errors + early_clashes + broken_templates + broken_catalogs,
                            list(problem.warnings) + early_warnings + catalog_warnings) from None
    errors = (unraised + clashes_known_early(options, found, config, files.records)) if unraised else []  # as when raised
    if earlier or broken_templates or broken_catalogs:  # site.yml's, the record's and the theme's stop every command
        errors = errors or clashes_known_early(options, found, config, files.records)  # no pages are planned
        raise ContentErrors(earlier + errors + broken_templates + broken_catalogs,
                            warnings + early_warnings + catalog_warnings)
    warnings += lacking + early_warnings + unusable
    return Loaded(site, warnings, {r.path: r.digest for r in files.records}, interface, templates,
                  sorted(set(errors)))


def _catalogs(options: Options, config: "SiteConfig") -> tuple["Interface", list[ContentError], tuple[list, list]]:
    """The site's interface words, the errors of catalogs that cannot be read, and the warnings of
    those that can: (of the languages lacking words, of lines a page cannot use)."""
    from .site import catalog_check
    from .site.ui import UNREADABLE, Interface
    interface = Interface(options.theme.folders("locales"), config)
    unreadable = _said_of_catalogs(options, catalog_check.unreadable(interface))
    try:
        return interface, unreadable, (_missing_catalogs(options, interface),
                                       _said_of_catalogs(options, catalog_check.problems(interface)))
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
    from .site.catalog_check import incomplete, missing, pybabel_folder, template_messages, unknown_messages
    shown = shown_path(options.content, options.content / SETTINGS)
    warnings = [ContentError(shown, 0, f"language `{lang}` has no interface catalog "
                                       f"(locales/{pybabel_folder(lang)}/{CATALOG}): its pages use English words; "
                                       "write one, or accept English with `english_interface: [" + plain_or_quoted(lang) + "]`")
                for lang in missing(interface)]
    wanted = template_messages(options.theme.default / "locales" / "messages.pot")  # read once for both
    warnings += [ContentError(options.theme.shown("locales", path), line, why) for path, line, why in
                 unknown_messages(interface, wanted, options.theme.own("locales"),
                                  options.theme.own_text("templates", (".html", ".xml")))]
    for lang, path, lacking in incomplete(interface, wanted):
        warnings.append(ContentError(options.theme.shown("locales", path), 0, (
            f"{counted(lacking, 'message')} of the interface {'has' if lacking == 1 else 'have'} no `{lang}` "
            "translation here: pages show them in English")))
    return warnings


def parse_cache(options: Options) -> Cache:
    return Cache(options.cache_dir / "parsed" if options.cache_dir else None, parser_version(installed_libraries()))


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
                    report = _build(options, started, progress, found, digests_to_check(options, found), stack)
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
    inputs = inputs_key(options)
    unread: list[ContentError] = []  # said with the content's errors, all in one run
    copied = Copied(_read_each(found.assets, options.content, unread),
                    _read_each(found.static, options.content, unread), inputs,
                    content_key(inputs, theme_key(options)) if last is None else "")
    if unread:
        found = replace(found, errors=(*found.errors, *unread))
    memo = output_memo(options, last)
    if digests is not None and last is None:  # a preview needs the model in memory anyway
        kept = memo.same_build(whole_site_key(copied.every_input, found, digests, copied.all))
        if kept is not None:  # every input is as it was when this very output was written
            return Report(kept, memo.file_count(), time.perf_counter() - started, 0)
    planned = _plan(options, found, digests, copied, memo, progress, stack, last)
    if not planned.loaded.site.search and memo.unchanged(planned.fingerprints):
        saved(memo, planned.whole, planned.counts, last)  # the output already is this build, file for file
        return Report(planned.counts, len(planned.fingerprints), time.perf_counter() - started, 0)
    try:
        drawn, as_before, used = _draw(options, planned, memo, progress, stack, last)
    except ContentErrors as problem:  # a site's template failing as it is drawn: said with the warnings
        raise ContentErrors(problem.errors, [*planned.counts.warnings, *problem.warnings]) from None
    for relative in drawn:
        memo.record(relative, planned.fingerprints[relative], options.output / relative, used.get(relative))
    saved(memo, planned.whole, planned.counts, last)
    return Report(planned.counts, len(planned.fingerprints), time.perf_counter() - started, len(drawn) - len(as_before))


def _read_each(files, content: Path, unread: list[ContentError]) -> dict:
    """Each (key, path)'s bytes by its key; a file that cannot be read is added to `unread`."""
    read = {}
    for key, path in files:
        try:
            read[key] = path.read_bytes()
        except OSError as problem:
            unread.append(ContentError(shown_path(content, path), 0, f"cannot be read: {problem.strerror}"))
    return read


def _plan(options: Options, found: Found, digests: list[str] | None, copied: Copied, memo: OutputMemo,
          progress, stack: ExitStack, last: LastRun | None) -> Planned:
    """Read, validate and plan the site, and fingerprint every file it makes; raise ContentErrors
    when content would clash with what the build writes."""
    from .site.plan import plan_site
    from .site.redirects import unreached_addresses
    from .writing.dependencies import reads_the_whole_site
    from .writing.render import make_environment
    from .writing.search import unavailable, uncut_words
    loaded = _load(options, found, digests, progress, last, stack)
    whole = "" if last else whole_site_key(copied.every_input, found,
                                             [loaded.digests[s.path] for s in found.sources], copied.all)
    search_off = unavailable(loaded.site) if options.search else "not in the preview: the guide says how to try it"
    loaded = replace(loaded, site=replace(loaded.site, search=not search_off))
    when = build_time(loaded.site)
    pages = plan_site(loaded.site, when, last.planned if last else None)
    interface = loaded.interface  # this build's words, always
    compiled = loaded.templates.result() if loaded.templates else None
    env = last.environment() if last else make_environment(options.theme, compiled=compiled)
    every_page = every_page_shows(loaded.site, loaded.digests if reads_the_whole_site(env) else None)
    drawn_from = page_inputs(loaded, pages, content_key(copied.inputs, when, every_page), env, last)
    fingerprints = {relative: with_words(key, memo.recorded(relative), interface) for relative, key in drawn_from.items()}
    extras = _extras(loaded, options, copied.beside_posts)
    clashes = output_clashes(options.content, found, loaded.site, fingerprints.keys(),
                             fingerprints.keys() | extras.keys(), loaded.site.search)
    if clashes:
        raise ContentErrors(clashes, loaded.warnings)
    extras.update(copied.static)  # content/static/ at the site's root, as it is
    counts = Counts.of(loaded.site, loaded.warnings + unreached_addresses(loaded.site, fingerprints, extras), search_off,
                       uncut_words(loaded.site) if loaded.site.search else "", options.pending)
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
    fresh = keep_unchanged([(file_path(p.url), p) for p in planned.pages], fingerprints, memo)
    # The staging folder lasts as long as the run: an interruption anywhere after the commit, the
    # memo's saving included, passes through it and says the new output is in place.
    staged = stack.enter_context(staged_output(options.output, options.conventional_output))
    with indexing(site) as search_index:  # Pagefind indexes while the pages are drawn
        try:
            looked_up = render_into(staged.writer, site, interface, [page for _, page in fresh], options.theme,
                                    options.workers, progress, planned.env)
        except ContentErrors as failed:  # drawing stops at a site template's first error: say them all
            raise _with_every_drawing_error(failed, options, planned) from None
        alike: dict = {}  # pages of a kind look up the same messages: one set each, in memory and in the memo
        used = {fresh[index][0]: alike.setdefault(words, words) for index, words in looked_up.items()}
        fingerprints.update((relative, with_words(planned.drawn_from[relative], words, interface))
                            for relative, words in used.items())  # what each page was made from, now known
        if search_index:
            if progress:
                progress("waiting for the search index")
            index = search_index.files()
            extras.update(index)
            fingerprints.update((relative, hashlib.sha256(data).hexdigest()) for relative, data in index.items())
        new_extras = keep_unchanged(list(extras.items()), fingerprints, memo)
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


def _extras(loaded: Loaded, options: Options, beside_posts: dict[str, bytes]) -> dict[str, bytes]:
    """Static assets, files beside published posts, and the GitHub Pages markers, by output path."""
    extras = {}
    for relative, asset in options.theme.files("assets").items():
        extras[f"{ASSETS}/{relative}"] = asset.read_bytes()
    for essay in loaded.site.essays + loaded.site.pages:
        for url in essay.files:
            extras[url] = beside_posts[url]
    extras[NO_JEKYLL] = b""
    extras[MARK] = MARK_TEXT
    if loaded.site.config.cname:
        extras[CNAME] = loaded.site.config.cname.encode() + b"\n"
    return extras


def check_site(options: Options, draw: bool = True) -> Loaded:
    """What `check` validates: all that a build would, short of writing the pages (a site's own templates
    drawn, unless not to `draw`)."""
    from .site.plan import plan_site
    from .site.redirects import unreached_addresses
    found = find_content(options.content)
    loaded = _load(options, found, digests_to_check(options, found), None)
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
    return max(dates, key=attrgetter("moment")).timestamp if dates else UNDATED
