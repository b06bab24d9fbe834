"""Find content files under content/posts and read their bytes; nothing is parsed here."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ESSAY_FILE = re.compile(r"index\.(?P<lang>[^.]+)\.md")
COMMENT_FILE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")
GOOD_COMMENT_FILE = re.compile(r"(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[^.]+)\.md")  # and a good id
BAD_NAME = "use lowercase letters, digits and single hyphens"


def is_scratch(name: str) -> bool:
    """Editors' hidden, swap and backup files: never content, never published."""
    return name.startswith(".") or name.endswith("~")


@dataclass(slots=True)  # not frozen, which makes building one four times slower: 40,000 a build
class Source:
    """A Markdown file found under content/: where it is and what its name says."""

    file: str
    path: str  # as errors show it: relative to the content folder's parent
    slug: str
    comment_id: str  # "" for an essay's own text
    lang: str


@dataclass(frozen=True)
class Found:
    """What a walk of content/ found: Markdown sources, files to copy, and misnamed files."""

    sources: tuple[Source, ...]
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]


def find_content(content_dir: Path) -> Found:
    """Every post folder under content/posts, in a stable order; nothing is read yet."""
    content_dir = content_dir.resolve()
    shown = content_dir.name + "/posts"  # paths as errors show them: from the content folder's parent
    sources, assets, errors = [], [], []
    posts = content_dir / "posts"
    for slug in sorted(n for n in os.listdir(posts) if not is_scratch(n)) if posts.is_dir() else []:
        folder = os.path.join(posts, slug)
        if not os.path.isdir(folder):
            continue
        if not SLUG.fullmatch(slug):
            errors.append(ContentError(f"{shown}/{slug}", 0, f"bad slug `{slug}`: {BAD_NAME}"))
            continue
        _find_in_post(folder, slug, f"{shown}/{slug}", sources, assets, errors)
    return Found(tuple(sources), tuple(assets), tuple(errors))


def _find_in_post(folder: str, slug: str, shown: str, sources, assets, errors) -> None:
    """Sort one post folder's files into essay texts, comments and copied files."""
    with os.scandir(folder) as entries:
        names = sorted((entry.name, entry.is_dir()) for entry in entries if not is_scratch(entry.name))
    for name, is_dir in names:
        if name == "comments" and is_dir:
            comments = os.path.join(folder, name)
            for comment_name in sorted(n for n in os.listdir(comments) if not is_scratch(n)):
                _find_comment(comments, comment_name, slug, f"{shown}/comments", sources, assets, errors)
        elif match := ESSAY_FILE.fullmatch(name):
            sources.append(Source(os.path.join(folder, name), f"{shown}/{name}", slug, "", match["lang"]))
        elif name.endswith(".md"):
            errors.append(ContentError(f"{shown}/{name}", 0, "an essay file must be named index.<lang>.md"))
        else:
            _collect_assets(Path(folder, name), f"posts/{slug}/{name}", assets)


def _find_comment(folder: str, name: str, slug: str, shown_folder: str, sources, assets, errors) -> None:
    shown = f"{shown_folder}/{name}"
    if good := GOOD_COMMENT_FILE.fullmatch(name):  # the usual case, in one match: 40,000 times a build
        sources.append(Source(f"{folder}/{name}", shown, slug, good["id"], good["lang"]))
        return
    match = COMMENT_FILE.fullmatch(name)
    if not name.endswith(".md"):
        _collect_assets(Path(folder, name), f"posts/{slug}/comments/{name}", assets)
    elif not match:
        errors.append(ContentError(shown, 0, "a comment file must be named <id>.<lang>.md"))
    else:  # a well-named file was taken above: what is left has a bad id
        errors.append(ContentError(shown, 0, f"bad comment id `{match['id']}`: {BAD_NAME}"))


def _collect_assets(path: Path, url_path: str, assets) -> None:
    """Files beside a post are published next to it, folders included."""
    if path.is_dir():
        for child in sorted(n for n in os.listdir(path) if not is_scratch(n)):
            _collect_assets(path / child, f"{url_path}/{child}", assets)
    else:
        assets.append((url_path, path))


def file_bytes(path: str, folder: int | None = None) -> bytes:
    """A file's bytes in three system calls (open() would add a stat, a terminal check and seeks);
    `folder`, an open folder's descriptor, spares the kernel walking the whole path again."""
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC, dir_fd=folder)
    try:
        chunk = os.read(descriptor, 1 << 16)
        if len(chunk) < 1 << 16:  # a regular file reads short only at its end
            return chunk
        chunks = [chunk]
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


PARALLEL_FILES = 2000  # below this many files, another process costs more than it saves


def digest_files(paths: list[str], workers: int | None = None) -> list[str]:
    """The hash of each file's bytes ("" if it cannot be read), shared out over the cores when many."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < PARALLEL_FILES:
        return _digests(paths)
    share = -(-len(paths) // workers)
    parts = [paths[start:start + share] for start in range(0, len(paths), share)]
    # forked helpers take the later parts while this process hashes the first; order is kept
    with multiprocessing.get_context("fork").Pool(len(parts) - 1) as pool:
        theirs = pool.map_async(_digests, parts[1:])
        mine = _digests(parts[0])
        return mine + [digest for part in theirs.get() for digest in part]


def _digests(paths: list[str]) -> list[str]:
    """Hashes of files' bytes; "" for a file that cannot be read (its parse says why)."""
    return ["" if isinstance(data, OSError) else hashlib.sha256(data).hexdigest() for data in contents(paths)]


def contents(paths: list[str]):
    """Each file's bytes, or the OSError that stopped its reading, in order.

    Content files come folder by folder: each folder is opened once and its files from it,
    which spares the kernel walking the whole path for each of 40,000 files.
    """
    folder, descriptor = None, None
    try:
        for path in paths:
            parent, name = os.path.split(path)
            if parent != folder:
                if descriptor is not None:
                    os.close(descriptor)
                descriptor, folder = None, parent  # so a failed open below leaves nothing to close
                try:
                    descriptor = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
                except OSError as problem:
                    yield problem
                    continue
            try:
                yield file_bytes(name, descriptor) if descriptor is not None else file_bytes(path)
            except OSError as problem:
                yield problem
    finally:
        if descriptor is not None:
            os.close(descriptor)
