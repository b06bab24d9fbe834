"""Write the whole site into a fresh folder beside output/, then swap it in: all or nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


class SiteWriter:
    """Writes files under a folder: a hidden staging folder that only a finished build makes the output."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._made: set[str] = set()  # folders known to exist: a build writes thousands of files into them

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

    def link(self, relative: str, previous: Path) -> Path:
        """Reuse an unchanged file of the previous output: a hard link costs no copy."""
        target = self._target(relative)
        try:
            os.link(previous, target)
        except OSError:  # another file system, or links not allowed: copy instead
            shutil.copy2(previous, target)
        return Path(target)

    def _target(self, relative: str) -> str:
        target = os.path.join(self.folder, relative)
        folder = os.path.dirname(target)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        return target


@contextmanager
def atomic_output(output: Path):
    """Yield a SiteWriter; on success replace `output` whole, on any failure leave it untouched."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        yield SiteWriter(staging)
        _swap(staging, output)
    except BaseException:  # Ctrl-C too: the half-written folder must not survive
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, output: Path) -> None:
    """Two renames; the old site is deleted only once the new one is in place."""
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a published folder should not be
    retired = None
    if output.exists():
        retired = output.parent / f".{output.name}.old-{os.getpid()}"
        os.rename(output, retired)
    os.rename(staging, output)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def in_place_output(output: Path, keep: set[str], present: set[str]):
    """For the live preview: new files go in one by one, each by an atomic rename; nothing else moves.

    Faster than swapping the whole tree, and a reader of the preview never sees half a file.
    Files not in `keep` are removed once the new ones are in, unless `keep` is just what the
    output was known to hold (`present`), which spares a walk of the whole tree.
    """
    output = output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        writer = SiteWriter(staging)
        yield writer
        _move_in(staging, output)
        if keep != present:
            _remove_others(output, keep)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_in(staging: Path, output: Path) -> None:
    for folder, _, names in os.walk(staging):
        relative = Path(folder).relative_to(staging)
        (output / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(folder, name), output / relative / name)


def _remove_others(output: Path, keep: set[str]) -> None:
    for folder, _, names in os.walk(output, topdown=False):
        relative = Path(folder).relative_to(output)
        for name in names:
            if (relative / name).as_posix() not in keep:
                os.remove(Path(folder, name))
        if folder != str(output) and not os.listdir(folder):
            os.rmdir(folder)
