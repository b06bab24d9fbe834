"""The commands of `tertulia` (and `build.py`): each returns the exit status of the contract (0, 1 or 2),
or, ended by an interruption, 128 and its signal's number as a shell says (see interruptions.exit_status)."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..cache import holds_links
from ..errors import ContentErrors, ToolFailed, counted
from ..interruptions import UNTOUCHED, exit_status, ignore_the_rest, interruption_behind, stop_on_sigterm
from ..layout import CACHE, OUTPUT
from ..reading.find import SETTINGS
from ..pipeline import Options, build, check_site, load_site
from ..theme import KINDS, Theme
from ..writing.write import COMMITTED, OutputBusy, OutputRefused, PartlyCommitted, after_commit, output_problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _site_above(content: Path) -> str:
    """The site holding the working folder (as a relative path: `../..`), when `content` is the default and
    a folder above holds content/site.yml; else ""."""
    if content != Path("content"):
        return ""
    here = Path.cwd()
    for folder in here.parents:
        if (folder / "content" / SETTINGS).is_file():
            return os.path.relpath(folder, here)
    return ""


def _folder_missing(translations: list[str]) -> int:
    """`init` without its folder: most often taken by --translation, which reads every word up to the next option."""
    from ..reading.language_tags import known_tag
    said = "init: the new site's folder is missing"
    if not translations or known_tag(translations[-1]):
        said += ": `tertulia init FOLDER --lang LANG [--translation LANG ...]`"
    else:  # `zwei`: no language, the folder meant
        said += (f"; `{translations[-1]}` was read as a language of --translation, which takes every word up to the "
                 "next option: put the folder first (`tertulia init FOLDER --lang LANG --translation LANG ...`)")
    print(said, file=sys.stderr)
    return EXIT_USAGE


def run(args) -> int:
    """Dispatch a parsed command line; content errors become messages, never tracebacks."""
    stop_on_sigterm()  # a polite kill stops a build as Ctrl-C does, leaving nothing behind
    if args.command == "init":
        if args.folder is None:
            return _folder_missing(args.translation)
        from .init import init_site
        return init_site(args.folder, args.lang, args.translation, args.title, args.base_url)
    if args.command == "guide":
        from .guide import print_guide
        return print_guide(args.contract, args.changes)
    if args.command == "import":
        try:
            return IMPORTERS[args.source](args)  # into a folder that may not exist yet
        except BrokenPipeError:  # our own stdout, closed by its reader (see args.main)
            raise
        except OSError as problem:  # a full disk, a folder without permission: one line, not a traceback
            print(f"{problem.filename or 'stdout'}: could not be written or read: {problem.strerror or problem}; "
                  "the import stopped there", file=sys.stderr)
            return EXIT_CONTENT
        except KeyboardInterrupt as stop:  # a Ctrl-C or SIGTERM: one line too (it was a traceback)
            return interrupted(type(stop)("the import stopped before it finished; run it again to finish it"))
    if not _is_site(args.content):
        above = _site_above(args.content)
        if above:  # inside a site's folder (in content/, beside a post): where to stand, not how to start one
            print(f"no {args.content}/site.yml here: this folder is inside the site at {above}; run tertulia "
                  f"there (`cd {above}`), or name its content folder with --content", file=sys.stderr)
        else:
            print(f"no {args.content}/site.yml here, so this is not a site's folder: start a site with "
                  "`tertulia init DIR --lang LANG`, or name a site's content folder with --content", file=sys.stderr)
        return EXIT_USAGE
    try:  # a SIGTERM can land while the output is checked too: it is said as an interruption, not a traceback
        return _site_command(args)
    except BrokenPipeError:  # our own stdout, closed by its reader: no file of the site's (see args.main)
        raise
    except (ContentErrors, OutputRefused, OutputBusy, ToolFailed, OSError) as problem:
        return _failed(args, problem)
    except KeyboardInterrupt as stop:
        return interrupted(stop)
    except Exception as problem:  # noqa: BLE001  (only an interruption's aftermath is ours to word)
        stop = interruption_behind(problem)
        if stop is None:
            raise
        return interrupted(stop)


def _site_command(args) -> int:
    """A command on a site's content folder."""
    if args.command in ("build", "serve"):  # serve never writes it, but is not told a wrong one is fine
        problem = output_problem(args.output, _sources(args.content), conventional=_conventional(args))
        if problem:
            if args.command == "build":  # the content's errors first: an author mends those, wherever it builds to
                load_site(replace(_options(args), cache_dir=None))  # read, and nothing written: not even a cache
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    if args.command == "build":
        return _build(args)
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        from .serve import serve
        return serve(_options(args), args.port, args.host)
    if args.command == "status":
        return _status(args)
    if args.command == "translated":
        return _translated(args)
    from .scaffold import scaffold
    return scaffold(args.content, args.kind, args.slug, args.lang, args.reply_to, args.comments, args.page,
                    args.update)


def _kind_of(errors) -> str:
    """What the errors are in, for their count: a site's own templates, assets and catalogs are not its
    content, and a count of both kinds says neither."""
    kinds = {_folder_of(error) for error in errors}
    if kinds == {"templates"}:
        return "template error"
    if kinds <= set(KINDS):
        return "theme error"
    return "content error" if kinds.isdisjoint(KINDS) else "error"


def _folder_of(error) -> str:
    """The top folder of the file an error is in; a broken template is one wherever it lies."""
    if error.message.startswith("template error"):
        return "templates"
    return error.path.split("/", 1)[0]


def _failed(args, problem: Exception) -> int:
    """A command that could not finish, said for its author in lines naming files; its exit status."""
    if isinstance(problem, ContentErrors):
        for warning in problem.warnings:
            print(warning.as_warning(), file=sys.stderr)
        for error in problem.errors:
            print(error, file=sys.stderr)
        counted_errors = counted(len(problem.errors), _kind_of(problem.errors))
        # only a command that writes says it did not: `check` and `status` never do. The count is the
        # command's summary, on stdout as a finished build's is: stderr holds only `path[:line]: message`
        # lines, one per error or warning, for a reader or a script to go through
        with contextlib.suppress(OSError):  # a stdout that cannot be written loses the count, never the errors
            print(counted_errors if args.command in ("check", "status") else f"{counted_errors}; nothing was written",
                  flush=True)
        return EXIT_CONTENT
    if isinstance(problem, (OutputRefused, OutputBusy)):
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if isinstance(problem, ToolFailed):
        print(f"{problem}; {UNTOUCHED}", file=sys.stderr)
        return EXIT_CONTENT
    if isinstance(problem, PartlyCommitted):  # says itself where the output stands
        print(problem, file=sys.stderr)
        return EXIT_CONTENT
    # a full disk, a folder without permission: one line, not a traceback
    writes = args.command in ("build", "serve")
    if problem.filename is None and not writes:  # what the command prints: its stdout, full or closed
        print(f"stdout: could not be written: {problem.strerror or problem}", file=sys.stderr)
        return EXIT_CONTENT
    where = problem.filename or args.output if writes else problem.filename
    # only a command that writes the output says it did not: `check` never does
    print(f"{where}: could not be written or read: {problem.strerror or problem}" + (f"; {UNTOUCHED}" if writes else ""),
          file=sys.stderr)
    return EXIT_CONTENT


def interrupted(stop: KeyboardInterrupt) -> int:
    """One line saying the command was interrupted, and its exit status."""
    ignore_the_rest()  # first: a later interruption must not cut the line short
    with contextlib.suppress(OSError):  # a terminal that hung up takes no more words
        print(f"interrupted; {stop.args[0] if stop.args else UNTOUCHED}", file=sys.stderr)
    return exit_status(stop)


def _is_site(content) -> bool:
    """A content folder with its settings, or one holding essays or pages whose site.yml is missing
    (that is a content error, said with the others)."""
    return content.is_dir() and any((content / name).exists() for name in (SETTINGS, "posts", "pages"))


def _sources(content) -> dict:
    """Every folder a build reads, by the name an author knows it by: none may be its output."""
    theme = Theme.of(content)
    sources = {"content": content}
    for kind in KINDS:
        sources.update({f"default theme's {kind}": theme.default / kind})
        if theme.site is not None:  # even before it exists: an output there would be read as the theme next time
            sources[kind] = theme.own(kind) or theme.site / kind
    return sources


def _conventional(args) -> bool:
    """Whether the output is `output/` because no --output said otherwise (see write.output_problem)."""
    return getattr(args, "output", None) == Path(OUTPUT)


def _options(args) -> Options:
    cache = None if getattr(args, "no_cache", False) else args.content.resolve().parent / CACHE
    # a link, or one inside it, would be written through, putting files wherever it points; a file in its
    # place holds no cache
    if cache is not None and (holds_links(cache) or (cache.exists() and not cache.is_dir())):
        cache = None
    return Options(content=args.content, output=getattr(args, "output", None), conventional_output=_conventional(args),
                   base_url=getattr(args, "base_url", None), drafts=getattr(args, "drafts", False),
                   cache_dir=cache)


def progress(message: str) -> None:
    """Progress for a person watching; logs and pipes get only the summary and the problems."""
    if sys.stderr.isatty():
        print(f"\r\033[K  … {message}", end="", file=sys.stderr, flush=True)


def _build(args) -> int:
    report = build(_options(args), progress)
    try:
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)
        # each line whole, in one write: a SIGTERM between a line and its end left "interrupted; …" on it
        sys.stderr.write("".join(warning.as_warning() + "\n" for warning in report.warnings))
        print(report.summary(), flush=True)
    except KeyboardInterrupt as stop:  # while the summary is said: the new output is in place
        raise after_commit(stop) from None
    except BrokenPipeError:  # what reads our lines went away (see args.main)
        raise
    except OSError as problem:  # the summary's own place (stdout to a full disk): the output is built all the same
        with contextlib.suppress(OSError):
            print(f"the summary could not be written: {problem.strerror or problem}; {COMMITTED}", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def _check(args) -> int:
    """Every validation, and the warnings, without writing anything."""
    strict = getattr(args, "strict", False)
    try:
        loaded = check_site(_options(args))
    except ContentErrors as problem:  # strict, a warning counts beside the errors: the same count, error or none
        raise ContentErrors(problem.errors + problem.warnings) if strict else problem from None
    if strict and loaded.warnings:  # CI: an unfinished translation fails the check
        raise ContentErrors(list(loaded.warnings))
    for warning in loaded.warnings:
        print(warning.as_warning(), file=sys.stderr)
    drafts = loaded.site.drafts
    pages = len(loaded.site.pages)
    print(f"content is valid: {counted(len(loaded.site.essays), 'essay')}, "
          + (f"{counted(pages, 'page')}, " if pages else "")
          + (f"{counted(drafts, 'draft')} (built only with --drafts), " if drafts else "")
          # as a build says it: a maintainer who has just imported proposals sees them waiting
          + (f"{counted(loaded.site.held_back, 'comment')} held back (spam or pending), " if loaded.site.held_back else "")
          + f"{counted(len(loaded.warnings), 'warning')}")
    return EXIT_OK


def _status(args) -> int:
    """Every essay's and comment's translations, drafts included: translators work on those too. The
    content's errors are said first, as `check` says them, and the report follows for the rest: one
    translator's slip must not hide every other translation's state. They still make it exit 1."""
    from ..reading.translations import gone_entries, load_record
    from .status import status_report
    loaded = load_site(replace(_options(args), drafts=True), despite_errors=True)
    if loaded.errors:  # the errors alone: the report below says each translation's state, which check's
        _failed(args, ContentErrors(loaded.errors, []))  # warnings said again a line before (a translator's walk)
    record, _ = load_record(args.content)  # read as the build did: its problems were errors there
    from ..reading.translation_checks import SHIFTED
    shifted = [warning for warning in loaded.warnings if warning.message.startswith(SHIFTED)]
    print("\n".join(status_report(loaded.site, gone_entries(args.content, record), loaded.errors, args.content,
                                   shifted)))
    return EXIT_CONTENT if loaded.errors else EXIT_OK


def _translated(args) -> int:
    """Record each translation named; one that cannot be recorded is said and spares the others."""
    from .translated import NotATranslation, mark_translated
    if args.block is not None and len(args.path) > 1:
        print("--block names a block of one translation: give one path with it", file=sys.stderr)
        return EXIT_USAGE
    failed = {}  # path -> exit status
    for path in args.path:
        try:  # `--block 3 --block 4`: each recorded (the last alone was, and the command said nothing of 3)
            print("\n".join(mark_translated(args.content, path, args.block, args.force)))
        except ValueError as problem:
            if isinstance(problem, NotATranslation) and len(args.path) > 1:
                # `comments/*.md` of a thread written in both languages names its originals too: passed by
                print(f"{path}: an original, not a translation: nothing to record")
                continue
            print(problem, file=sys.stderr)
            failed[path] = EXIT_USAGE
        except ContentErrors as problem:
            if len(args.path) == 1:
                raise  # said as any command's content errors are
            for error in problem.errors:
                print(error, file=sys.stderr)
            failed[path] = EXIT_CONTENT
    if failed and len(args.path) > 1:
        print(f"{len(failed)} of {len(args.path)} translations not recorded")  # the summary: stdout
    return max(failed.values(), default=EXIT_OK)


def _import_wordpress(args) -> int:
    from ..importers.wordpress import import_wordpress
    if args.media_from is not None and not args.media_from.is_dir():
        print(f"{args.media_from}: no such folder (--media-from takes a copy of wp-content/uploads)", file=sys.stderr)
        return EXIT_USAGE
    return _imported(args, lambda: import_wordpress(args.export, args.content, args.lang, args.dry_run,
                                                    args.pingbacks, download=args.media, uploads=args.media_from))


def _import_disqus(args) -> int:
    from ..importers.disqus import import_disqus
    return _imported(args, lambda: import_disqus(args.export, args.content, args.dry_run))


def _imported(args, importing) -> int:
    """Run an import: its summary, or the one line that says why nothing was written."""
    from ..importers.problems import ContentProblem, UsageProblem
    from ..importers.wxr import UnreadableExport
    if not os.path.lexists(args.export):  # the contract's export that cannot be read: a content error
        print(f"{args.export}: no such export file; nothing was written", file=sys.stderr)
        return EXIT_CONTENT
    if not args.export.is_file():
        print(f"{args.export}: not a file; name the export file", file=sys.stderr)
        return EXIT_USAGE
    blocking = next((place for place in (args.content, *args.content.parents) if place.exists() and not place.is_dir()),
                    None)
    if blocking is not None:
        print(f"{blocking}: not a folder; --content names the content folder to import into", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary, staged = importing()
    except UnreadableExport as problem:
        print(problem, file=sys.stderr)
        print("the export could not be read; nothing was written")  # the summary: stdout, as a finished import's
        return EXIT_CONTENT
    except ContentProblem as problem:
        print(problem, file=sys.stderr)
        print("nothing was written")
        return EXIT_CONTENT
    except UsageProblem as problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(summary.lines(args.dry_run, staged)))
    return EXIT_OK


def _import_mail(args) -> int:
    """E-mailed proposals in, as pending comments: 1 when no message could be used, each reason on one line."""
    from ..importers.mail import import_mail
    outcome = _proposals_in(args, args.mail, lambda: import_mail(args.mail, args.content, args.dry_run,
                                                       problem=partial(print, file=sys.stderr)))
    return outcome if isinstance(outcome, int) else EXIT_OK if outcome.written or outcome.already else EXIT_CONTENT


def _import_issue(args) -> int:
    """An issue's proposal in, as its comment file (merging the pull request publishes it): 1, with the
    reason, when it holds none."""
    from ..importers.issue import import_issue
    if args.event.is_dir():  # as a folder for an export is: the command line's fault
        print(f"{args.event}: a folder; name the event's JSON file ($GITHUB_EVENT_PATH in a workflow)", file=sys.stderr)
        return EXIT_USAGE
    written = _proposals_in(args, [args.event], lambda: import_issue(args.event, args.content))
    if isinstance(written, int):
        return written
    if written.new:  # unlike a mail's, published as it is: said, for a maintainer who runs it by hand
        print(f"wrote {args.content}/{written.relative} (published once merged: the pull request is its review)"
              + (f" ({written.note})" if written.note else ""))
    else:
        print(f"already imported as {args.content}/{written.relative}; nothing written")
    return EXIT_OK


def _proposals_in(args, sources, run_import):
    """What `run_import` gives, or the exit status of a usage or content problem, said on stderr."""
    from ..importers.proposal import Refused
    if not (args.content / SETTINGS).is_file():
        print(f"{args.content}: no site.yml; import proposals into a site's content folder", file=sys.stderr)
        return EXIT_USAGE
    missing = [str(path) for path in sources if not os.path.lexists(path)]
    if missing:  # as for an export: what cannot be read is a content error, with nothing written
        print(f"{', '.join(missing)}: no such file or folder; nothing was read", file=sys.stderr)
        return EXIT_CONTENT
    try:
        return run_import()
    except Refused as refused:
        print(refused, file=sys.stderr)
        print("nothing was written")
        return EXIT_CONTENT
    except ContentErrors as problem:
        for error in problem.errors:
            print(error, file=sys.stderr)
        return EXIT_CONTENT


# `import <source>`: one function per source of `args.IMPORT_SOURCES`, each returning its exit status.
IMPORTERS = {"wordpress": _import_wordpress, "disqus": _import_disqus, "mail": _import_mail,
             "issue": _import_issue}
