"""An import's files: planned by path inside content/, staged beside it, moved in only once the whole
export has been read, so an export that breaks half way writes nothing.

A file already in content/ is kept as it is, unless it still holds exactly what an earlier import wrote
(then a newer export may move it on: a comment approved or marked spam since, or trashed and so removed).
Nothing is ever written through a link, or by a path that is not a plain one inside content/.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentProblem, shown


@dataclass
class Staged:
    """What the import did and would do, file by file, for its summary."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there: never overwritten
    moved_on: list[str] = field(default_factory=list)  # as an earlier import wrote them: updated or removed
    edited: list[str] = field(default_factory=list)  # changed by hand since an import: left alone, named
    removed: list[str] = field(default_factory=list)


@dataclass
class Planned:
    """One file to write: its text, and the texts an earlier import may have left there (which it replaces)."""

    text: str | bytes | None  # None: remove it, if it is still one of `earlier`; bytes: a media file
    earlier: tuple[str, ...] = ()


class Staging:
    """A staging folder beside content/'s files (none in a dry run) and what has gone into it."""

    def __init__(self, content: Path, dry_run: bool, report=print):
        self.content, self.report = content, report if dry_run else None
        self.new_folder = not content.exists()
        self.folder = None
        if not dry_run:
            content.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=".import-", dir=content))
        self.done = Staged()
        self.removals: list[str] = []

    def stage(self, files: dict[str, Planned], overwrite: bool = False) -> None:
        """Stage `files` (or report them, in a dry run), then forget them."""
        for relative, planned in files.items():
            refuse_links(self.content, relative)
            target = self.content / relative
            verb = self._decide(relative, target, planned, overwrite)
            if verb == "remove":
                self.removals.append(relative)
            elif verb == "write" and self.report:
                self.report(f"would write {target}")
            elif verb == "write" and self.folder is not None:
                staged = self.folder / relative
                staged.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(planned.text, bytes):
                    staged.write_bytes(planned.text)
                else:
                    staged.write_text(planned.text, encoding="utf-8")
        files.clear()

    def _decide(self, relative: str, target: Path, planned: Planned, overwrite: bool) -> str:
        if not target.exists():
            if planned.text is None:
                return "nothing"
            self.done.written.append(relative)
            return "write"
        if overwrite:
            self.done.written.append(relative)
            return "write"
        if isinstance(planned.text, bytes):  # a media file already there is the author's now
            self.done.kept.append(relative)
            return "nothing"
        text = _text_of(target)
        if text == planned.text:
            self.done.kept.append(relative)
            return "nothing"
        if text is not None and text in planned.earlier:
            (self.done.removed if planned.text is None else self.done.moved_on).append(relative)
            return "remove" if planned.text is None else "write"
        if planned.text is not None:
            self.done.kept.append(relative)
        self.done.edited.append(relative)
        return "nothing"

    def move_in(self) -> None:
        """Each staged file into content/ by one rename: a file is there whole or not at all."""
        if self.folder is None:
            return
        for folder, _, names in os.walk(self.folder):
            for name in sorted(names):
                source = Path(folder, name)
                target = self.content / source.relative_to(self.folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        for relative in self.removals:
            (self.content / relative).unlink(missing_ok=True)

    def close(self, failed: bool) -> None:
        """Remove the staging folder; after a failure, the content folder too if this import made it."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            if failed and self.new_folder:
                shutil.rmtree(self.content, ignore_errors=True)


def _text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def refuse_links(content: Path, relative: str) -> None:
    """Every file an import writes lies in content/ by a path of plain names and passes through no link,
    whatever the export says: a link could lead the write anywhere."""
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in parts):
        raise ValueError(f"refused to write `{shown(relative)}`: not a plain path inside {content}")
    for depth in range(1, len(parts) + 1):
        if (content / "/".join(parts[:depth])).is_symlink():
            raise ContentProblem(f"{content.name}/{'/'.join(parts[:depth])}: is a link; an import never writes "
                                 "through one (replace it with the folder or file itself)")
