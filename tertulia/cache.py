"""A persistent content-hash cache: a wrong entry is impossible, since the key is the input."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path


def content_key(*parts: str) -> str:
    """A key naming every input that shapes a result; change any part and the key changes."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class Cache:
    """A dict of key -> value kept in one pickle file; entries unused by a run are dropped."""

    def __init__(self, path: Path | None):
        self._path = path
        self._old: dict = {}
        self._used: dict = {}
        if path and path.is_file():
            try:
                self._old = pickle.loads(path.read_bytes())
            except Exception:  # a damaged cache is only a slower build
                self._old = {}

    def get(self, key: str):
        if key in self._used:
            return self._used[key]
        value = self._old.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self._used[key] = value

    def save(self) -> None:
        """Write the entries this run used, atomically, so a crash never leaves half a file."""
        if not self._path or self._used == self._old:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self._path)


def tree_key(*folders: Path) -> str:
    """A key for every file under some folders: code and templates that shape every page."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class PageMemo:
    """Which fingerprint each output file was built from, so an unchanged page is linked, not drawn.

    A file is reused only if it is still exactly as written (same size and mtime),
    and its fingerprint names every input of the page, so reuse is never wrong.
    """

    def __init__(self, path: Path | None, output: Path):
        self._path = path
        self._output = output
        self._old: dict = {}
        self.new: dict = {}
        if path and path.is_file():
            try:
                saved_output, self._old = pickle.loads(path.read_bytes())
                if saved_output != str(output.resolve()):
                    self._old = {}
            except Exception:  # a damaged memo only means drawing every page again
                self._old = {}

    def reusable(self, relative: str, fingerprint: str) -> Path | None:
        """The previous output file for this page, if it was built from the same inputs."""
        entry = self._old.get(relative)
        if not entry or entry[0] != fingerprint:
            return None
        old = self._output / relative
        try:
            stat = old.stat()
        except OSError:
            return None
        return old if (stat.st_size, stat.st_mtime_ns) == entry[1:] else None

    def record(self, relative: str, fingerprint: str, written: Path) -> None:
        stat = written.stat()
        self.new[relative] = (fingerprint, stat.st_size, stat.st_mtime_ns)

    def save(self) -> None:
        if not self._path:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((str(self._output.resolve()), self.new), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self._path)
