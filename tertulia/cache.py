"""Persistent content-hash caches: an entry is found only by the very inputs that made it.

Each cache file is signed with a secret of this user's (HMAC-SHA256), and read only when the
signature holds: unpickling runs whatever code the bytes name, and a site's cache folder is a
folder anyone can put files in (a pull request can commit `.tertulia-cache/`, which a maintainer
then builds or previews). A file this user's Tertulia did not write is no cache: the build parses
and draws afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
from functools import lru_cache
from pathlib import Path

SIGNATURE = 32  # the bytes of HMAC-SHA256 before each cache file's pickle


def content_key(*parts: str) -> str:
    """A key naming every input that shapes a result; change any part and the key changes."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def user_cache() -> Path | None:
    """The user's cache folder for Tertulia (`$XDG_CACHE_HOME/tertulia`, else `~/.cache/tertulia`);
    None when the user has no home to keep one in."""
    named = os.environ.get("XDG_CACHE_HOME", "")
    try:
        cache = Path(named) if os.path.isabs(named) else Path.home() / ".cache"  # a relative one is ignored, as XDG says
    except RuntimeError:
        return None
    return cache / "tertulia"


@lru_cache(maxsize=None)  # read once a run; the parse workers, forked after it, share it
def signing_key() -> bytes:
    """This user's secret for signing caches, made the first time; without a place to keep it, one
    for this run alone (caches then last a run, as a preview's do)."""
    folder = user_cache()
    if folder is None:
        return secrets.token_bytes(SIGNATURE)
    path = folder / "cache-key"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # another run may make it meanwhile
        with os.fdopen(descriptor, "wb") as file:
            file.write(secrets.token_bytes(SIGNATURE))
    try:
        key = path.read_bytes()
    except OSError:
        key = b""
    return key if len(key) == SIGNATURE else secrets.token_bytes(SIGNATURE)


def holds_links(folder: Path, output: str = "site") -> bool:
    """Whether a cache folder is, or holds, a symbolic link. A pull request can commit links inside it, and
    a build would write its shards, memo and preview through them, and sweep `.tmp` files wherever they
    point. A preview's output (`output`) is looked at, not into: the writer replaces what an output holds."""
    if folder.is_symlink():
        return True
    pending = [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as found:
                entries = list(found)
        except OSError:  # not there (yet), or not a folder: nothing to write through
            continue
        for entry in entries:
            if entry.is_symlink():
                return True
            if entry.name != output and entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
    return False


def _signature(payload: bytes) -> bytes:
    return hmac.new(signing_key(), payload, hashlib.sha256).digest()


def _load(path: Path | None, version: str):
    """What a cache file holds for this version of its maker, or None; never a file this user's
    Tertulia did not sign."""
    if not path or not path.is_file():
        return None
    try:
        raw = path.read_bytes()
        if not hmac.compare_digest(raw[:SIGNATURE], _signature(raw[SIGNATURE:])):
            return None
        saved_version, data = pickle.loads(raw[SIGNATURE:])
    except Exception:  # a damaged cache only means a slower build
        return None
    return data if saved_version == version else None


def _save(path: Path, version: str, data) -> None:
    """Write atomically, so a crash never leaves half a cache; a cache that cannot be written
    (a full disk) only makes the next build slower, and leaves no temporary file behind. What a
    killed run left is for the folder's owner to clear, once (_sweep_folder)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps((version, data), protocol=pickle.HIGHEST_PROTOCOL)
        temporary.write_bytes(_signature(payload) + payload)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
    except BaseException:  # Ctrl-C: the temporary file goes with it
        temporary.unlink(missing_ok=True)
        raise


def _sweep_folder(folder: Path) -> None:
    """The temporary copies (see _save) a run killed while writing left in a folder, in one listing:
    asked file by file, 256 listings of a folder of 256 shards took most of the time a save takes."""
    try:
        with os.scandir(folder) as entries:
            stale = [entry.path for entry in entries if entry.name.endswith(".tmp")]
    except OSError:  # no folder yet: nothing left in it
        return
    for path in stale:
        with contextlib.suppress(OSError):
            os.unlink(path)


class Cache:
    """key -> value in a folder of 256 shards, for one `version` of the code that made the values.

    Keys end in hex content hashes of their inputs; a different version discards everything.
    Only shards that gained or lost entries are written back, so one edit rewrites one small
    file, not the whole cache. A build drops the entries it did not use when it saves; a preview,
    which keeps what it uses in memory, only adds.
    """

    def __init__(self, folder: Path | None, version: str = ""):
        self._folder, self._version = folder, version
        if folder:  # known before a forked process saves the cache with it (a home-less run's is made up)
            signing_key()
        self._old: dict = {}  # shard name -> {key: value}, as last saved
        if folder and folder.is_dir():
            for shard in sorted(folder.glob("*.pickle")):
                self._old[shard.stem] = _load(shard, version) or {}
        self._used: dict = {}  # shard name -> {key: value} this run used or made
        self._changed: set = set()

    def get(self, key: str):
        shard = key[-2:]
        used = self._used.get(shard)
        if used is not None and key in used:
            return used[key]
        value = self._old.get(shard, {}).get(key)
        if value is not None:
            self._used.setdefault(shard, {})[key] = value
        return value

    def put(self, key: str, value) -> None:
        self._used.setdefault(key[-2:], {})[key] = value
        self._changed.add(key[-2:])

    def save(self, prune: bool = True) -> None:
        """Write the shards that changed; then they become the next run's store. With `prune`, entries
        this run did not use are dropped; without, they are kept."""
        if prune:
            names = set(self._used) | set(self._old)
            shards = {name: self._used.get(name, {}) for name in names}
            written = {name for name in names if name in self._changed
                       or len(shards[name]) != len(self._old.get(name, {}))}
        else:
            shards = {**self._old, **{name: {**self._old.get(name, {}), **self._used[name]} for name in self._changed}}
            written = self._changed
        if self._folder and written:
            _sweep_folder(self._folder)
            for name in sorted(written):
                _save(self._folder / f"{name}.pickle", self._version, shards[name])
        # a long-lived preview keeps using this object: start its next run from what was saved
        self._old, self._used, self._changed = shards, {}, set()


def tree_key(*folders: Path, skip: str = "") -> str:
    """A key for every file under some folders (but a subfolder named `skip` at their top): code, templates."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            name = os.fsencode(relative.as_posix())  # as the disk has it: a name in another encoding too
            if path.is_symlink():  # never read through: the build refuses it, so its presence is what counts
                digest.update(name + b"\0a link\0")
            elif path.is_file() and "__pycache__" not in path.parts and relative.parts[0] != skip:
                digest.update(name + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


Fingerprint = "str | tuple[str, str]"  # a file's inputs; a page's: (what it was planned from, its messages)
MEMO_FORMAT = "2:"  # each file: (fingerprint, size, mtime, the catalog messages it looked up)


class OutputMemo:
    """Which inputs each file of the output was made from, so an unchanged file is kept, not redrawn.

    A file counts as kept only while it is exactly as written (same size and mtime);
    its fingerprint names every input it was made from, so keeping it is never wrong.
    """

    def __init__(self, path: Path | None, output: Path):
        self._path, self._output = path, output
        saved = _load(path, MEMO_FORMAT + str(output.resolve())) or ("", None, {})
        self._build_key, self._counts, self._old = saved
        self.new: dict = {}

    def reusable(self, relative: str, fingerprint: Fingerprint) -> bool:
        """True if the output's `relative` was made from the same inputs and is still as it was written."""
        entry = self._old.get(relative)
        return bool(entry) and entry[0] == fingerprint and self._intact(relative, entry)

    def _intact(self, relative: str, entry: tuple) -> bool:
        """The output's `relative` is still as it was written (same size and modification time)."""
        try:
            stat = os.stat(os.path.join(self._output, relative))
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == entry[1:3]

    def recorded(self, relative: str) -> frozenset | None:
        """The catalog messages a page looked up when it was last drawn; None for a file never drawn."""
        entry = self._old.get(relative)
        return entry[3] if entry else None

    def keep(self, relative: str) -> None:
        """The file stays as it is: so does what is known of it."""
        self.new[relative] = self._old[relative]

    def same_build(self, build_key: str):
        """What the last build reported, if it had exactly these inputs and its output is intact."""
        if not self._old or build_key != self._build_key or not self.unchanged(self._fingerprints()):
            return None
        return self._counts

    def file_count(self) -> int:
        return len(self._old)

    def known(self) -> set[str]:
        """The files the output held after the last build, as far as this memo knows."""
        return set(self._old)

    def _fingerprints(self) -> dict[str, str]:
        return {relative: entry[0] for relative, entry in self._old.items()}

    def unchanged(self, fingerprints: dict[str, Fingerprint]) -> bool:
        """True when the output already is exactly what these fingerprints describe, and nothing else."""
        if fingerprints.keys() != self._old.keys():
            return False
        if any(self._old[relative][0] != fp for relative, fp in fingerprints.items()):
            return False  # asked before any file is looked at: an edit changes some fingerprint
        if not all(self._intact(relative, self._old[relative]) for relative in fingerprints):
            return False
        if _count_files(self._output) != len(fingerprints):
            return False
        self.new = dict(self._old)
        return True

    def record(self, relative: str, fingerprint: Fingerprint, written: Path, used: frozenset | None = None) -> None:
        stat = written.stat()
        self.new[relative] = (fingerprint, stat.st_size, stat.st_mtime_ns, used)

    def save(self, build_key: str, counts) -> None:
        """Remember the output's files, and the inputs and summary of the build that made them; from now
        on this memo describes that output, as the saved one does (a preview keeps it for its next run)."""
        if self._path and (self.new, build_key, counts) != (self._old, self._build_key, self._counts):
            _sweep_folder(self._path.parent)
            _save(self._path, MEMO_FORMAT + str(self._output.resolve()), (build_key, counts, self.new))
        self._build_key, self._counts, self._old, self.new = build_key, counts, self.new, {}


def _count_files(root: Path) -> int:
    """How many files a folder holds, at any depth; quicker than os.walk, which lists names it would drop."""
    count, folders = 0, [str(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    count += 1
    return count
