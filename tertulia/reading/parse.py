"""Every content file -> a Record and its HTML blocks: cached by content hash, spread over the cores."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..aside import Tickets, forked_workers
from ..cache import Cache
from ..errors import ContentError
from .find import Found, Source, contents
from .markup import TOO_SLOW, TOO_SLOW_TRUSTED, Converter, TooSlow, alarms, first_words, markup_problem
from .read import Record, make_record, parse_text

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
    root: str = "content"  # the content folder as messages name it (see Found)


def is_trusted(source: Source) -> bool:
    """Essays are written by the site's authors; comments come from the public."""
    return not source.comment_id


@dataclass
class Kept:
    """A preview's last parse: each file's result by (path, hash), and the whole result with the
    paths and hashes it was made from. Everything in it is found again by content."""

    results: dict = field(default_factory=dict)  # (path, hash) -> (record, blocks, excerpt)
    paths: list = field(default_factory=list)
    digests: list = field(default_factory=list)
    files: ContentFiles | None = None  # kept only when it had no errors: its records then match the paths


def parse_all(found: Found, digests: list[str] | None, cache: Cache, workers: int | None = None,
              progress=None, kept: Kept | None = None) -> ContentFiles:
    """Parse and convert only the files whose bytes the cache has not seen; the workers read them.

    Without `digests` (nothing cached to look up) every file is parsed, and hashed as it is read.
    `kept`, a preview's, holds the last run's results by content: a file found there is not even
    unpickled, and when the same paths are found, only the files whose hashes differ are put in
    the last result's places. It is left holding this run's.
    """
    paths = [source.path for source in found.sources]
    if kept is not None and digests is not None and kept.files is not None and kept.paths == paths:
        files = _updated(kept, found, list(digests), cache, workers, progress)
        if files is not None:
            return files
    results, digests = _results(found.sources, digests, cache, workers, progress, kept.results if kept else {})
    failed = [i for i, result in enumerate(results) if result[0] is None]
    if kept is not None:  # by file and bytes, errors too: a text that takes the converter 20 s is not read on
        # every save (a file that could not be read has no hash, and is tried again)
        kept.results = {(path, digest): result for path, digest, result in zip(paths, digests, results) if digest}
        kept.paths, kept.digests, kept.files = paths, digests, None
    if failed:
        return _with_errors(found, results)
    records = tuple(result[0] for result in results)
    blocks = dict(zip(paths, (result[1] for result in results)))
    excerpts = {path: result[2] for path, result in zip(paths, results) if result[2]}
    files = ContentFiles(records, blocks, found.assets, tuple(found.errors), found.warnings, excerpts, found.root)
    if kept is not None and not found.errors:
        kept.files = files
    return files


def _results(sources, digests: list[str] | None, cache: Cache, workers, progress, known: dict) -> tuple[list, list]:
    """Each file's (record, blocks, excerpt), or (None, its error, ""), and the hashes they were made from:
    from `known`, else the cache, else parsed by the workers."""
    digests = list(digests) if digests is not None else [""] * len(sources)
    results = list(map(known.get, zip((source.path for source in sources), digests)))
    todo = []
    for i, result in enumerate(results):
        if result is None:  # the cache is per parser version; its results are pickled as the workers made them
            blob = cache.get(_key(sources[i], digests[i])) if digests[i] else None
            if blob is None:
                todo.append(i)
            else:
                results[i] = _made(sources[i], digests[i], pickle.loads(blob))
    if progress:
        progress(f"found {len(digests)} files, {len(todo)} to parse")
    jobs = [(sources[i].file, sources[i].path, is_trusted(sources[i]), sources[i].lang) for i in todo]
    for i, (digest, blob) in zip(todo, _run(jobs, workers, progress)):  # taken in as the workers finish
        digests[i] = digest  # a file saved again since it was hashed is known by the bytes that were parsed
        results[i] = _made(sources[i], digest, pickle.loads(blob))
        if digest and not _timed_out(results[i]):  # a matter of time, not of the bytes: tried again next build
            cache.put(_key(sources[i], digest), blob)
    return results, digests


def _timed_out(result: tuple) -> bool:
    return result[0] is None and result[1].message in (TOO_SLOW, TOO_SLOW_TRUSTED)


def _updated(kept: Kept, found: Found, digests: list[str], cache: Cache, workers, progress) -> ContentFiles | None:
    """The last result with the files whose hashes changed parsed again in their places; None when one
    of them has an error, which the whole pass reports in the order an author expects."""
    last = kept.files
    changed = [i for i, (old, new) in enumerate(zip(kept.digests, digests)) if old != new]
    sources = [found.sources[i] for i in changed]
    results, made = _results(sources, [digests[i] for i in changed], cache, workers, progress, kept.results)
    if any(result[0] is None for result in results) or found.errors:
        return None
    records, blocks, excerpts = list(last.records), dict(last.blocks), dict(last.excerpts)
    for i, source, digest, (record, converted, excerpt) in zip(changed, sources, made, results):
        kept.results.pop((source.path, kept.digests[i]), None)
        kept.results[source.path, digest] = (record, converted, excerpt)
        kept.digests[i], records[i], blocks[source.path] = digest, record, converted
        excerpts.pop(source.path, None)
        if excerpt:
            excerpts[source.path] = excerpt
    kept.files = ContentFiles(tuple(records), blocks, found.assets, (), found.warnings, excerpts, found.root)
    return kept.files


def _key(source: Source, digest: str) -> str:
    # the language too: the same bytes in another language's file name their footnotes' ids after it
    return f"{is_trusted(source)}:{source.lang}:{digest}"


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
    return ContentFiles(tuple(records), blocks, found.assets, tuple(errors), found.warnings, excerpts, found.root)


def _made(source: Source, digest: str, result: tuple) -> tuple:
    """(record, blocks, excerpt) of a parse, or (None, its error as this file's, "")."""
    fields, converted, error, excerpt = result
    if error:
        return None, ContentError(source.path, error.line, error.message), ""
    return make_record(source, fields, digest), converted, excerpt


def _run(jobs, workers: int | None, progress):
    """Each job's result, in order; chunk by chunk as the workers finish them, when there are many."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_THRESHOLD:
        yield from _parse_chunk(jobs)
        return
    size = max(50, len(jobs) // (workers * 8), Tickets.fewest_each(len(jobs)))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    done, arrived, following = 0, {}, 0
    # each worker takes chunk after chunk (a ticket each), so none waits while another
    # still has work; their results are given on in the chunks' order: deterministic
    with Tickets(len(chunks)) as taken, forked_workers(workers, lambda _: _parse_taken(chunks, taken)) as sent:
        for _, (index, chunk_result) in sent:
            arrived[index] = chunk_result
            while following in arrived:
                chunk_result = arrived.pop(following)
                following += 1
                yield from chunk_result
                done += len(chunk_result)
                if progress:
                    progress(f"parsed {done}/{len(jobs)} files")


def _parse_taken(chunks: list, taken) -> Iterator[tuple[int, list]]:
    """(index, parsed) of each chunk this worker takes, until none is left."""
    while (index := taken.next()) < len(chunks):
        yield index, _parse_chunk(chunks[index])


def _parse_chunk(jobs) -> list:
    """(file, shown path, trusted, language) -> (digest, pickled (Parsed.record_fields(), blocks, None, excerpt) or
    (None, None, ContentError, ""))."""
    with alarms() as timed:
        return _parsed(jobs, Converter(timed))


def _spam(parsed, trusted: bool) -> bool:
    """Whether a file is a comment marked spam: shown by no build nor preview, so held to no comment's
    limits (an import keeps a person's words, even spam's with its hundreds of links)."""
    return not trusted and parsed is not None and parsed.meta.get("status") == "spam"


def _parsed(jobs, converter: Converter) -> list:
    """_parse_chunk's work, with the converter its alarms allow."""
    results = []
    # strict: the reading runs to its end here, its folder closed in this loop; left suspended, it was
    # closed by the collector, which drops a Ctrl-C landing there, and the build went on to publish
    for (_, shown, trusted, lang), raw in zip(jobs, contents([job[0] for job in jobs]), strict=True):
        if isinstance(raw, OSError):
            result = (None, None, ContentError(shown, 0, f"cannot be read: {raw.strerror}"), "")
            results.append(("", pickle.dumps(result, pickle.HIGHEST_PROTOCOL)))
            continue
        parsed, error = parse_text(raw, shown)
        problem = markup_problem(parsed.body, trusted) if parsed else None
        converted = ()  # spam past a comment's limits: never shown, so kept unread, as it is written
        if problem and not _spam(parsed, trusted):
            parsed, error = None, ContentError(shown, parsed.body_line + problem[0] - 1, problem[1])
        digest = hashlib.sha256(raw).hexdigest()
        if parsed and not problem:  # the body is not kept: its blocks are what the site needs, and it is half the memory
            try:
                converted = converter.blocks(parsed.body, trusted, lang)
            except TooSlow:  # not cached on disk (see _results); a preview keeps it until the file changes
                slow = TOO_SLOW_TRUSTED if trusted else TOO_SLOW
                if not _spam(parsed, trusted):
                    parsed, error = None, ContentError(shown, parsed.body_line, slow)
        if parsed:
            # a comment's first words are shown in the archive of every language: made once, here
            result = (parsed.record_fields(), converted, None, "" if trusted else first_words(converted))
        else:
            result = (None, None, error, "")
        results.append((digest, pickle.dumps(result, pickle.HIGHEST_PROTOCOL)))
    return results
