"""Write a build's new files beside output/, then move them in: output changes only once all are drawn.

Every new or changed file is first written into a staging folder next to output/. Only when
the whole build has succeeded do they go in, with Ctrl-C held off until they all have: a
first build renames its staged tree to output/ in one go; later builds move each file in
by one atomic rename, then remove the files the site no longer has. Unchanged files are
never touched, nor is a redrawn file whose bytes output/ already holds. So a failed or
interrupted build leaves output/ exactly as it was, a reader never sees half a file, and an
edit that changes a few pages costs a few renames instead of a new tree of thousands of folders.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import shutil
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..interruptions import HELD, UNTOUCHED, stopped_by, terminate
from ..layout import ASSETS, CNAME, MARK, NO_JEKYLL, SITEMAP


TREE = "site"  # in the staging folder, when the output is new
JOURNAL = "commit.json"  # in the staging folder: the moves of a commit under way
COMMITTED = "the new output was already in place"  # what an interruption held until the commit says
MARK_TEXT = b"This folder is written by Tertulia and replaced whole by every build.\n"
EARLIER_BUILD = (NO_JEKYLL, SITEMAP, f"{ASSETS}/reader.js")  # what builds wrote before the mark


class OutputRefused(Exception):
    """The output folder is not ours to fill: writing there could delete an author's files."""


class PartlyCommitted(OSError):
    """A commit that failed once the output had begun to change, and could not be undone: its
    message says where the output stands, since "untouched" would not be true."""


class OutputBusy(Exception):
    """Another build is writing into the same place right now."""


def checked(relative: str) -> str:
    """`relative` if it names a file inside the output folder; the last line of defence, after
    validation, against a value from content that would write elsewhere."""
    parts = relative.split("/")
    if (not relative or relative.startswith("/") or "\0" in relative or "\\" in relative
            or any(part in ("", ".", "..") for part in parts[:-1]) or parts[-1] in (".", "..")):
        raise OutputRefused(f"refusing to write `{relative[:80]}`: not a path inside the output folder")
    return relative


def output_problem(output: Path, protected: dict[str, Path], conventional: bool = False) -> str | None:
    """Why `output` must not be written, or None: it is a file, overlaps the sources, or holds
    files no build wrote. The sweep removes whatever the site does not have, so a mistyped
    --output would otherwise delete an author's work. The `conventional` one, `output/` when no
    --output is given, is the build's by the contract's word ("a build that succeeds replaces it
    whole"): any files in it are replaced, unless it holds a repository or an environment."""
    if output.is_symlink():  # committed by a pull request, it would put the site wherever it points
        return (f"{output}: is a symbolic link; a build writes a folder of its own, never through a link: remove "
                "the link, or choose another --output")
    target = output.resolve()
    if target.exists() and not target.is_dir():
        return f"{output}: is a file, not a folder; the site needs a folder of its own"
    for name, folder in protected.items():
        source = folder.resolve()
        if target == source or source in target.parents or target in source.parents:
            relation = "is" if target == source else "lies inside" if source in target.parents else "contains"
            return (f"{output}: refused as the output folder: it {relation} the {name} folder {folder}, "
                    "and a build replaces everything in its output folder")
    if target.is_dir() and not is_ours(target, conventional):
        return (f"{output}: refused as the output folder: it holds files that no Tertulia build wrote "
                f"(no {MARK} file), and a build replaces everything in its output folder; "
                "choose a new or empty folder")
    return None


def is_ours(folder: Path, conventional: bool = False) -> bool:
    """Empty, marked by an earlier build (or holding what builds wrote before the mark existed), or a
    built site's files alone, such as another generator's output: the contract's "a build replaces it
    whole". A folder holding anything else (a document, a repository, sources) may be an author's work,
    but in the `conventional` output folder (see output_problem) only a repository or an environment is."""
    if not any(folder.iterdir()):
        return True
    return (folder / MARK).is_file() or all((folder / name).is_file() for name in EARLIER_BUILD) or _a_site(
        folder, any_files=conventional)


# What a static site is made of; a file of any other kind (`.md`, `.docx`, `.py`, none) is not an output's
SITE_FILES = {"html", "htm", "css", "js", "mjs", "json", "xml", "map", "webmanifest", "svg", "png", "jpg",
              "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "pf_meta", "pf_index",
              "pf_fragment", "pagefind", "wasm", "nojekyll"}
SITE_TEXTS = {"robots.txt", "humans.txt", "security.txt", "ads.txt", "llms.txt"}  # a `thesis.txt` is a person's
MOST_LOOKED_AT = 20_000  # entries: a folder larger than any site a user would point --output at by mistake is


def _a_site(folder: Path, any_files: bool = False) -> bool:
    """Whether a folder holds a built site's files alone, a page among them (CNAME and .nojekyll are a
    site's too); with `any_files`, whether it holds no repository or environment (a dot-folder)."""
    seen, pages = 0, 0
    for root, folders, files in os.walk(folder):
        seen += len(folders) + len(files)
        if seen > MOST_LOOKED_AT or any(name.startswith(".") and name != ".well-known" for name in folders):
            return False  # `.git`, `.venv`: a repository or an environment, never a site's output
        for name in files:
            suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            if not any_files and name != CNAME and name.lower() not in SITE_TEXTS and suffix not in SITE_FILES:
                return False
            pages += suffix in ("html", "htm")
    return pages > 0 or any_files


def staged_name(relative: str) -> str:
    """A flat name for a file's staged copy, the same in every process that draws it."""
    return hashlib.sha1(relative.encode("utf-8")).hexdigest()


class SiteWriter:
    """Writes files into the staging folder: flat, or as the site's own tree when `tree` is set."""

    def __init__(self, staging: Path, tree: bool = False):
        self.staging = staging
        self.tree = tree
        self._made: set[str] = set()  # folders known to exist

    def write(self, relative: str, data: bytes) -> None:
        # os.open and os.write, not Path.write_bytes: a buffered file asks for a stat, a terminal
        # check and a seek first, and a build writes thousands of files.
        descriptor = os.open(self._target(relative), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
        finally:
            os.close(descriptor)

    def _target(self, relative: str) -> str:
        checked(relative)
        if not self.tree:
            return os.path.join(self.staging, staged_name(relative))
        return _with_folder(os.path.join(self.staging, TREE, relative), self._made)


class StagedOutput:
    """A build's way into output/: write with `writer`, then `commit` once everything is drawn.

    With no output/ yet, the staging folder holds the site's own tree, which the processes
    that draw the pages fill folder by folder, and which becomes output/ in one rename.
    """

    def __init__(self, output: Path, conventional: bool = False):
        self.output = output.resolve()
        if self.output.is_dir() and not is_ours(self.output, conventional):  # the command line says why; this is the backstop
            raise OutputRefused(f"{output}: holds files that no Tertulia build wrote; not replaced")
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent))
        self.writer = SiteWriter(self.staging, tree=not self.output.exists())
        self.committed = False

    def same_as_before(self, written: list[str]) -> set[str]:
        """The written files whose staged bytes are those output/ already holds there: left as they
        are, they keep their time, a deployment does not upload them again, and the summary does not
        count them as changed. A page redrawn because an input it names changed is often alike:
        a comment's edit reaches its essay's listing, which shows none of its words."""
        if self.writer.tree:
            return set()  # a new output holds nothing to compare with
        return {relative for relative in written if _alike(os.path.join(self.staging, staged_name(relative)),
                                                            os.path.join(self.output, relative))}

    def commit(self, written: list[str], keep: set[str], known: set[str], sweep: bool) -> None:
        """Move the written files in; remove the known files not kept, and with `sweep` any other stray.

        A first build's tree goes in by one rename. Later builds move files one by one, so the
        moves are written down first: a build killed half way through them is finished by the
        next run (`recover`), and output/ is never left half old, half new."""
        with _interruptions_held():
            if self.writer.tree:
                os.makedirs(self.staging / TREE, exist_ok=True)  # a site can have no files to write
                os.rename(self.staging / TREE, self.output)
                self.committed = True
                return
            for relative in written:
                checked(relative)
            removed = sorted(known - keep)
            # what may be cleared out of the way: with a sweep, anything the site does not keep; else what it no longer has
            removable = (lambda relative: relative not in keep) if sweep else set(removed).__contains__
            first = _in_the_way(self.output, written, removable)
            journal = self.staging / JOURNAL
            journal.write_text(json.dumps({"first": first, "written": written, "removed": removed}), encoding="utf-8")
            _move_in(self.staging, self.output, written, first)
            self.committed = True  # the new site is in: what follows only clears the old one's leftovers
            try:
                _remove(self.output, removed)
                if sweep:
                    _remove_strays(self.output, keep)
            except OSError as error:
                raise PartlyCommitted(f"{error.filename}: could not be removed: {error.strerror}; the new output is "
                                      "in place, with this file of the old one left in it: build again once this "
                                      "is fixed") from None


def _alike(staged: str, target: str) -> bool:
    """Whether output/'s regular file `target` holds `staged`'s bytes; read only when the sizes agree."""
    try:
        found = os.lstat(target)
        if not stat.S_ISREG(found.st_mode) or found.st_size != os.stat(staged).st_size:
            return False
        with open(staged, "rb") as new, open(target, "rb") as old:
            return new.read() == old.read()
    except OSError:
        return False


def _in_the_way(output: Path, written: list[str], removable: Callable[[str], bool]) -> list[str]:
    """The files to remove before any move, because a new file goes where they are or inside what
    was a file (`notes` becomes `notes/a.txt`, or back). Asked before anything moves: one not
    `removable` (a file the site keeps, or one the preview did not write) is refused then, with
    output/ as it was, rather than half way through the moves."""
    first: list[str] = []
    known_folders: set[str] = set()
    for relative in written:
        for folder in folders_above(relative):
            if folder in known_folders:
                continue
            known_folders.add(folder)
            path = os.path.join(output, folder)
            if os.path.lexists(path) and (os.path.islink(path) or not os.path.isdir(path)):
                first.append(_clearable(folder, relative, removable))
        target = os.path.join(output, relative)
        if os.path.isdir(target) and not os.path.islink(target):
            for inside, _, names in os.walk(target):
                first += [_clearable(os.path.relpath(os.path.join(inside, name), output).replace(os.sep, "/"),
                                     relative, removable) for name in names]
    return first


def folders_above(relative: str) -> list[str]:
    """The folders a site-relative path is in, outermost first: `a`, `a/b` for `a/b/c.html`."""
    parts = relative.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def _clearable(relative: str, wanted: str, removable: Callable[[str], bool]) -> str:
    """`relative`, if this build removes it anyway; else why the output cannot take the new file."""
    if removable(relative):
        return relative
    raise OutputRefused(f"the output's `{relative}` stands where the site now has `{wanted}` (a file where a folder "
                        "goes, or the other way round), and is not the build's to remove; move it away and build again")


def _move_in(staging: Path, output: Path, written: list[str], first: list[str]) -> None:
    """The moves of a commit, undone if one fails (a folder without permission, a full disk), so that
    output/ is as it was: each file replaced or cleared out of the way is kept aside in the staging
    folder first (a hard link, or the file itself), and each folder made is remembered."""
    aside = os.path.join(staging, "aside")
    os.mkdir(aside)
    undo: list[Callable[[], None]] = []
    try:
        for number, relative in enumerate(first):
            _clear_aside(output, relative, os.path.join(aside, f"first-{number}"), undo)
        made: set[str] = set()
        for number, relative in enumerate(written):
            target = os.path.join(output, relative)
            _make_folders(output, relative, made, undo)
            kept = os.path.join(aside, str(number)) if os.path.lexists(target) else None
            if kept:
                _keep(target, kept)
            try:
                os.replace(os.path.join(staging, staged_name(relative)), target)
            except OSError as error:  # said of the output's file, not of its staged copy's flat name
                raise OSError(error.errno, error.strerror, target) from None
            undo.append(functools.partial(os.replace, kept, target) if kept else functools.partial(os.remove, target))
    except OSError as error:
        _undo(undo, error)
        raise


def _keep(target: str, kept: str) -> None:
    """A file about to be replaced, kept aside: a hard link, or a copy where the disk has none (FAT)."""
    try:
        os.link(target, kept, follow_symlinks=False)
    except OSError:
        shutil.copyfile(target, kept, follow_symlinks=False)


def _undo(steps: list[Callable[[], None]], cause: OSError) -> None:
    """Take back a failed commit's steps, latest first; if one cannot be, say where the output stands."""
    for step in reversed(steps):
        try:
            step()
        except OSError:
            raise PartlyCommitted(f"{cause.filename}: could not be written: {cause.strerror}; undoing the files "
                                  "moved in before it failed too, so the output is partly the new one: build again "
                                  "once this is fixed") from None


def _make_folders(output: Path, relative: str, made: set[str], undo: list) -> None:
    """The folders `relative` goes in, each made if missing (and removed again by `undo`)."""
    for folder in folders_above(relative):
        if folder in made:
            continue
        path = os.path.join(output, folder)
        if not os.path.isdir(path):
            os.mkdir(path)
            undo.append(functools.partial(os.rmdir, path))
        made.add(folder)


def _clear_aside(output: Path, relative: str, kept: str, undo: list) -> None:
    """Move a file out of the way of a new one (see _in_the_way), and the folders it leaves empty."""
    path = os.path.join(output, relative)
    if not os.path.lexists(path) or (os.path.isdir(path) and not os.path.islink(path)):
        return  # gone already, or a folder the new site keeps
    os.rename(path, kept)
    undo.append(functools.partial(_put_back, kept, path))
    _prune(output, os.path.dirname(relative), undo)


def _put_back(kept: str, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.rename(kept, path)


def _finish(staging: Path, output: Path, written: list[str], removed: list[str], first: list[str] = ()) -> None:
    """The moves of a commit a killed run left half done, finished forward; those done are skipped."""
    _remove(output, first)
    made: set[str] = set()
    for relative in written:
        source = os.path.join(staging, staged_name(relative))
        if os.path.exists(source):
            os.replace(source, _with_folder(os.path.join(output, relative), made))
    _remove(output, removed)


def recover(output: Path) -> None:
    """Before a build: finish the commit of a build that was killed during it, and clear away the
    staging folders of builds that were killed before theirs. The caller holds the lock."""
    output = output.resolve()
    for staging in sorted(output.parent.glob(f".{output.name}.new-*")):
        journal = staging / JOURNAL
        if journal.is_file() and output.is_dir():
            try:
                moves = json.loads(journal.read_text(encoding="utf-8"))
                _finish(staging, output, [checked(r) for r in moves["written"]], [checked(r) for r in moves["removed"]],
                        [checked(r) for r in moves.get("first", [])])
            except (ValueError, KeyError, TypeError, OutputRefused):
                pass  # a journal that cannot be read: the build that follows redraws what differs
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def output_lock(output: Path):
    """One build at a time per output folder: a second one is refused, never interleaved. The lock is
    the output's parent's, which the commit's renames do not replace; so builds of two outputs side by
    side take turns too, and are told so."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(output.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"{output}: another build is writing there or beside it, in {output.parent}, right now "
                             "(builds into one folder take turns); try again when it is done")
        recover(output)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _with_folder(target: str, made: set[str]) -> str:
    """`target`, once its folder exists; `made` remembers the folders made, thousands a build."""
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    return target


@contextmanager
def staged_output(output: Path, conventional: bool = False):
    """Yield a StagedOutput; whatever happens, its staging folder is gone afterwards."""
    staged = StagedOutput(output, conventional)
    try:
        yield staged
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: say truly whether the new output is in
        raise after_commit(stop) if staged.committed else stop
    finally:  # not cut short by an interruption, which would leave the staging folder behind
        _clear(staged.staging, COMMITTED if staged.committed else UNTOUCHED)


def _clear(staging: Path, said: str) -> None:
    """Remove the staging folder, an interruption held off meanwhile. One that lands before the hold
    begins (a SIGTERM just as the build leaves its commit, once in some thirty runs) still leaves
    no folder behind: it is cleared on the way out."""
    try:
        with _interruptions_held(said):
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        if os.path.lexists(staging):
            shutil.rmtree(staging, ignore_errors=True)


def after_commit(stop: KeyboardInterrupt) -> KeyboardInterrupt:
    """An interruption that came once the new output was in place, saying so."""
    return stop if stop.args == (COMMITTED,) else type(stop)(COMMITTED)


@contextmanager
def _interruptions_held(said: str = COMMITTED):
    """Ctrl-C (or a polite kill) waits until the block is done (the moves of a commit, so output/ is
    never half old, half new). Then it is handled, saying the truth: `said`."""
    if threading.current_thread() is not threading.main_thread() or None in map(signal.getsignal, HELD):
        yield  # only the main thread may set handlers, and one set outside Python could not be put back
        return
    caught: list[int] = []
    # blocked while the handlers are swapped: one landing half way would leave Ctrl-C swallowed for good
    unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        previous = {number: signal.signal(number, lambda received, _: caught.append(received)) for number in HELD}
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)  # one that came meanwhile is caught now
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught and caught[0] == signal.SIGINT and previous[signal.SIGINT] is signal.default_int_handler:
        raise KeyboardInterrupt(said)
    if caught and caught[0] != signal.SIGINT and previous[caught[0]] is terminate:
        raise stopped_by(caught[0])(said)
    if caught:
        signal.raise_signal(caught[0])  # now handled as it would have been


def _remove(output: Path, relatives: list[str]) -> None:
    """Remove files the site no longer has, and the folders they leave empty."""
    for relative in relatives:
        path = os.path.join(output, relative)
        if os.path.isdir(path) and not os.path.islink(path):
            continue  # a folder of the new site now, where this file was cleared first (see _in_the_way)
        try:
            os.remove(path)
        except (FileNotFoundError, NotADirectoryError):  # gone already, or cleared first (see _in_the_way)
            continue
        _prune(output, os.path.dirname(relative))


def _prune(output: Path, folder: str, undo: list | None = None) -> None:
    """Remove `folder` and each one above it that a file's leaving has emptied; `undo` remembers them."""
    while folder and not os.listdir(os.path.join(output, folder)):
        os.rmdir(os.path.join(output, folder))
        if undo is not None:
            undo.append(functools.partial(os.mkdir, os.path.join(output, folder)))
        folder = os.path.dirname(folder)


def _remove_strays(output: Path, keep: set[str]) -> None:
    """Remove whatever else is in output/: it is the site, and only the site."""
    for folder, folders, names in os.walk(output, topdown=False):
        relative = os.path.relpath(folder, output)
        prefix = "" if relative == "." else relative + "/"
        # a link to a folder is listed among the folders, never walked into: it stayed through every build, and
        # the Pages upload, which follows links, published what it pointed at (a red team's `leak -> /etc`)
        for name in names + [name for name in folders if os.path.islink(os.path.join(folder, name))]:
            if prefix + name not in keep:
                os.remove(os.path.join(folder, name))
        if folder != str(output) and not os.listdir(folder):
            os.rmdir(folder)
