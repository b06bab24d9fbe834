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
              progress=None) -> ContentFiles:
    """Parse and convert only the files whose bytes the cache has not seen; the workers read them.

    Without `digests` (nothing cached to look up) every file is parsed, and hashed as it is read.
    """
    digests = digests if digests is not None else [""] * len(found.sources)
    keys = [f"{is_trusted(s)}:{d}" for s, d in zip(found.sources, digests)]  # the cache is per parser version
    # Results travel and are cached pickled, as the workers made them: pickled once, not twice.
    pickled = [cache.get(key) if digest else None for key, digest in zip(keys, digests)]
    todo = [i for i, result in enumerate(pickled) if result is None]
    if progress:
        progress(f"found {len(digests)} files, {len(todo)} to parse")
    jobs = [(found.sources[i].file, found.sources[i].path, is_trusted(found.sources[i])) for i in todo]
    digests = list(digests)
    results = [None if blob is None else pickle.loads(blob) for blob in pickled]
    for i, (digest, blob) in zip(todo, _run(jobs, workers, progress)):  # taken in as the workers finish
        # a file saved again since it was hashed is known by the bytes that were parsed
        digests[i], keys[i] = digest, f"{is_trusted(found.sources[i])}:{digest}"
        if digest:
            cache.put(keys[i], blob)
        results[i] = pickle.loads(blob)
    records, blocks, excerpts, errors = [], {}, {}, list(found.errors)
    for source, digest, (parsed, converted, error, excerpt) in zip(found.sources, digests, results):
        if error:  # errors name their file, so they are made again rather than taken from the cache
            errors.append(ContentError(source.path, error.line, error.message))
            continue
        records.append(make_record(source, parsed, digest))
        blocks[source.path] = converted
        if excerpt:
            excerpts[source.path] = excerpt
    return ContentFiles(tuple(records), blocks, found.assets, tuple(errors), found.warnings, excerpts)


def reparse(previous: ContentFiles, old_digests: list[str], found: Found, digests: list[str], cache: Cache,
            workers: int | None = None, progress=None) -> ContentFiles:
    """parse_all for a preview after a few files changed: the others' records are kept as they were."""
    changed = [i for i, (old, new) in enumerate(zip(old_digests, digests)) if old != new]
    if len(old_digests) != len(digests) or len(previous.records) != len(found.sources) or previous.errors:
        return parse_all(found, digests, cache, workers, progress)
    subset = Found(tuple(found.sources[i] for i in changed), found.assets, (), found.warnings)
    fresh = parse_all(subset, [digests[i] for i in changed], cache, workers, progress)
    if fresh.errors:  # the whole pass lists them in the order an author expects
        return parse_all(found, digests, cache, workers, progress)
    records, blocks, excerpts = list(previous.records), dict(previous.blocks), dict(previous.excerpts)
    for i, record in zip(changed, fresh.records):
        records[i] = record
        blocks[record.path] = fresh.blocks[record.path]
        excerpts.pop(record.path, None)
    excerpts.update(fresh.excerpts)
    return ContentFiles(tuple(records), blocks, found.assets, (), found.warnings, excerpts)


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
