"""Templates kept compiled: in memory for the processes of one build, and the default theme's on
disk, once per installation, as Python keeps a package's own modules compiled.

Compiling the theme's score of templates costs about half a second of a core, on every build that
starts afresh, for a theme that only changes when Tertulia does. So the default theme's templates
are kept as Jinja's bytecode in the user's cache folder (`$XDG_CACHE_HOME/tertulia`, else
`~/.cache/tertulia`, where pre-commit keeps its own; a site's own templates are its content, and
are compiled by each build as before). Jinja checks each one against its template's source before
using it, its key names the template's file (so installations do not mix), and the folder is named
by everything else that shapes the code: the Python, the Jinja and the module that generates it.
Written as Python writes `.pyc` files: unless PYTHONDONTWRITEBYTECODE says not to, and never an
error when it cannot be.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from ..cache import user_cache

GENERATOR = [Path(__file__).resolve().parent / "render.py", Path(__file__).resolve()]  # how templates become code


@lru_cache(maxsize=None)  # the code does not change while it runs; a build makes two environments
def _shaped_by() -> str:
    """A key for what turns a template into code besides the Python (the folder names that): this
    Jinja and Tertulia's generator."""
    digest = hashlib.sha256(jinja2.__version__.encode())
    for path in GENERATOR:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def theme_store() -> Path | None:
    """The folder the default theme's compiled templates are kept in, for this Python, Jinja and
    Tertulia; None when the user has no home to keep them in."""
    cache = user_cache()
    return cache / f"theme-templates.{sys.implementation.cache_tag}.{_shaped_by()}" if cache else None


class Compiled(BytecodeCache):
    """Templates as Jinja's bytecode, by Jinja's key for each: compiled in another process and loaded
    here, or recorded as they are compiled. Those of the theme's own folder (`theme_folder`) are
    also looked for, and kept, in `store`. Jinja's loaders only call get_bucket and set_bucket, so
    its load_bytecode and dump_bytecode are not needed here."""

    def __init__(self, compiled: dict[str, bytes] | None = None, store: Path | None = None,
                 theme_folder: Path | None = None):
        self.compiled = dict(compiled or {})
        self.store = store
        self.theme_folder = str(theme_folder) + os.sep if theme_folder else None
        self._kept: set[str] = set()  # keys of the theme's templates, which the store holds

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(name, filename), self.get_source_checksum(source))
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])
        elif self.store and self.theme_folder and filename and filename.startswith(self.theme_folder):
            self._kept.add(bucket.key)
            data = _read(self.store / bucket.key)
            if data:
                try:
                    bucket.bytecode_from_string(data)  # Jinja drops it when its source or Python differs
                except Exception:  # noqa: BLE001 - damaged (marshal, pickle, any error): compiled again, as a stale one is
                    bucket.reset()
                if bucket.code is not None:
                    self.compiled[bucket.key] = data
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.compiled[bucket.key] = data
        if bucket.key in self._kept and not sys.dont_write_bytecode:
            _write(self.store / bucket.key, data)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all, as another build may read it meanwhile."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, scratch = tempfile.mkstemp(dir=path.parent, prefix=".new-")
    except OSError:
        return  # a read-only installation keeps nothing, as Python keeps no .pyc there
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(scratch, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
