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
