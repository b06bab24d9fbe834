"""Every content file -> a Record and its HTML blocks: cached by content hash, spread over the cores."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from .cache import Cache, content_key
from .errors import ContentError
from .markup import Converter
from .read import Found, Record, Source, file_bytes, make_record, parse_text

PARALLEL_THRESHOLD = 200  # below this many files, starting processes costs more than it saves
HERE = Path(__file__).parent
PARSING_CODE = {"align.py", "markup.py", "parse.py", "read.py", "yamltext.py"}
# Everything that shapes a parse: our parsing code and the libraries it calls. Hashing the
# source, not a hand-kept number, makes a stale cache impossible after an edit.
PARSER_VERSION = content_key(*(p.read_text("utf-8") for p in sorted(HERE.glob("*.py")) if p.name in PARSING_CODE),
                             version("markdown"), version("nh3"), version("pyyaml"), version("python-frontmatter"))


@dataclass(frozen=True)
class ContentFiles:
    """The parsed content: records, their blocks (by path), files to copy, and problems."""

    records: tuple[Record, ...]
    blocks: dict
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]


def is_trusted(source: Source) -> bool:
    """Essays are written by the site's authors; comments come from the public."""
    return not source.comment_id


def read_sources(found: Found) -> tuple[list[bytes], list[str]]:
    """Every source file's bytes and their hash."""
    raws = [file_bytes(source.file) for source in found.sources]
    return raws, [hashlib.sha256(raw).hexdigest() for raw in raws]


def parse_all(found: Found, raws: list[bytes], digests: list[str], cache: Cache, workers: int | None = None,
              progress=None) -> ContentFiles:
    """Parse and convert only the files whose bytes the cache has not seen."""
    keys = [f"{is_trusted(s)}:{d}" for s, d in zip(found.sources, digests)]  # the cache is per PARSER_VERSION
    results = [cache.get(key) for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    if progress:
        progress(f"read {len(raws)} files, {len(todo)} to parse")
    jobs = [(found.sources[i].path, raws[i], is_trusted(found.sources[i])) for i in todo]
    for i, result in zip(todo, _run(jobs, workers, progress)):
        cache.put(keys[i], result)
        results[i] = result
    records, blocks, errors = [], {}, list(found.errors)
    for source, digest, (parsed, converted, error) in zip(found.sources, digests, results):
        if error:  # errors name their file, so they are made again rather than taken from the cache
            errors.append(ContentError(source.path, error.line, error.message))
            continue
        records.append(make_record(source, parsed, digest))
        blocks[source.path] = converted
    return ContentFiles(tuple(records), blocks, found.assets, tuple(errors))


def _run(jobs, workers: int | None, progress) -> list:
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_THRESHOLD:
        return _parse_chunk(jobs)
    size = max(50, len(jobs) // (workers * 8))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk_result in pool.map(_parse_chunk, chunks):  # map keeps order: deterministic
            results.extend(chunk_result)
            if progress:
                progress(f"parsed {len(results)}/{len(jobs)} files")
    return results


def _parse_chunk(jobs) -> list:
    """(path, bytes, trusted) -> (Parsed, blocks, None) or (None, None, ContentError)."""
    converter = Converter()
    results = []
    for shown, raw, trusted in jobs:
        parsed, error = parse_text(raw, shown)
        if parsed:  # the body is not kept: its blocks are what the site needs, and it is half the memory
            results.append((replace(parsed, body=""), converter.blocks(parsed.body, trusted), None))
        else:
            results.append((None, None, error))
    return results
