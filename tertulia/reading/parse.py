"""Every content file -> a Record and its HTML blocks: cached by content hash, spread over the cores."""

from __future__ import annotations

import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from ..cache import Cache
from ..errors import ContentError
from .find import Found, Source, contents
from .markup import Converter, first_words, markup_problem
from .read import Parsed, Record, make_record, parse_text

PARALLEL_THRESHOLD = 200  # below this many files, starting processes costs more than it saves


@dataclass(frozen=True)
class ContentFiles:
    """The parsed content: records, their blocks (by path), files to copy, and problems."""

    records: tuple[Record, ...]
    blocks: dict
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]
    warnings: tuple[ContentError, ...] = ()  # files found but not published
    excerpts: dict = field(default_factory=dict)  # a comment file's first words, for the archive


def is_trusted(source: Source) -> bool:
    """Essays are written by the site's authors; comments come from the public."""
    return not source.comment_id


def parse_all(found: Found, digests: list[str] | None, cache: Cache, workers: int | None = None,
              progress=None, kept: dict | None = None) -> ContentFiles:
    """Parse and convert only the files whose bytes the cache has not seen; the workers read them.

    Without `digests` (nothing cached to look up) every file is parsed, and hashed as it is read.
    `kept`, a preview's, holds the last run's results by (path, hash): found there, a file is not
    even unpickled; it is left holding this run's results.
    """
    digests = list(digests) if digests is not None else [""] * len(found.sources)
    paths = [source.path for source in found.sources]
    results = list(map((kept if kept is not None else {}).get, zip(paths, digests)))  # a preview's, by content
    todo = []
    for i, result in enumerate(results):
        if result is None:  # the cache is per parser version; its results are pickled as the workers made them
            blob = cache.get(_key(found.sources[i], digests[i])) if digests[i] else None
            if blob is None:
                todo.append(i)
            else:
                results[i] = _made(found.sources[i], digests[i], pickle.loads(blob))
    if progress:
        progress(f"found {len(digests)} files, {len(todo)} to parse")
    jobs = [(found.sources[i].file, found.sources[i].path, is_trusted(found.sources[i])) for i in todo]
    for i, (digest, blob) in zip(todo, _run(jobs, workers, progress)):  # taken in as the workers finish
        digests[i] = digest  # a file saved again since it was hashed is known by the bytes that were parsed
        if digest:
            cache.put(_key(found.sources[i], digest), blob)
        results[i] = _made(found.sources[i], digest, pickle.loads(blob))
    failed = [i for i, result in enumerate(results) if result[0] is None]
    if kept is not None:
        kept.clear()
        kept.update(zip(zip(paths, digests), results))
        for i in failed:  # errors name their file, so they are made again rather than kept
            del kept[paths[i], digests[i]]
    if failed:
        return _with_errors(found, results)
    records = tuple(result[0] for result in results)
    blocks = dict(zip(paths, (result[1] for result in results)))
    excerpts = {path: result[2] for path, result in zip(paths, results) if result[2]}
    return ContentFiles(records, blocks, found.assets, tuple(found.errors), found.warnings, excerpts)


def _key(source: Source, digest: str) -> str:
    return f"{is_trusted(source)}:{digest}"


def _with_errors(found: Found, results: list) -> ContentFiles:
    """The parsed files, and every file's error, in the order they were found."""
    records, blocks, excerpts, errors = [], {}, {}, list(found.errors)
    for source, (record, converted, excerpt) in zip(found.sources, results):
        if record is None:
            errors.append(converted)
            continue
        records.append(record)
        blocks[source.path] = converted
        if excerpt:
            excerpts[source.path] = excerpt
    return ContentFiles(tuple(records), blocks, found.assets, tuple(errors), found.warnings, excerpts)


def _made(source: Source, digest: str, result: tuple) -> tuple:
    """(record, blocks, excerpt) of a parse, or (None, its error as this file's, "")."""
    parsed, converted, error, excerpt = result
    if error:
        return None, ContentError(source.path, error.line, error.message), ""
    return make_record(source, parsed, digest), converted, excerpt


def _run(jobs, workers: int | None, progress):
    """Each job's result, in order; chunk by chunk as the workers finish them, when there are many."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_THRESHOLD:
        yield from _parse_chunk(jobs)
        return
    size = max(50, len(jobs) // (workers * 8))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk_result in pool.map(_parse_chunk, chunks):  # map keeps order: deterministic
            yield from chunk_result
            done += len(chunk_result)
            if progress:
                progress(f"parsed {done}/{len(jobs)} files")


def _parse_chunk(jobs) -> list:
    """(file, shown path, trusted) -> (digest, pickled (Parsed, blocks, None, excerpt) or (None, None, ContentError, ""))."""
    converter = Converter()
    results = []
    for (_, shown, trusted), raw in zip(jobs, contents([file for file, _, _ in jobs])):
        if isinstance(raw, OSError):
            result = (None, None, ContentError(shown, 0, f"cannot be read: {raw.strerror}"), "")
            results.append(("", pickle.dumps(result, pickle.HIGHEST_PROTOCOL)))
            continue
        parsed, error = parse_text(raw, shown)
        problem = markup_problem(parsed.body, trusted) if parsed else None
        if problem:
            parsed, error = None, ContentError(shown, parsed.body_line + problem[0] - 1, problem[1])
        if parsed:  # the body is not kept: its blocks are what the site needs, and it is half the memory
            without_body = Parsed(parsed.meta, parsed.lines, "", parsed.body_line, parsed.block_starts)
            converted = converter.blocks(parsed.body, trusted)
            # a comment's first words are shown in the archive of every language: made once, here
            result = (without_body, converted, None, "" if trusted else first_words(converted))
        else:
            result = (None, None, error, "")
        results.append((hashlib.sha256(raw).hexdigest(), pickle.dumps(result, pickle.HIGHEST_PROTOCOL)))
    return results
