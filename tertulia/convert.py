"""Every record's Markdown -> HTML blocks: cached by content hash, spread over the cores."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
import hashlib
from importlib.metadata import version
from pathlib import Path

from .cache import Cache, content_key
from .markup import Converter
from .read import Record

PARALLEL_THRESHOLD = 200  # below this, starting processes costs more than it saves
# Everything that shapes a conversion: our converter's own code and the libraries it calls.
# Hashing the source, not a hand-kept number, makes a stale cache impossible after an edit.
CONVERTER_VERSION = "|".join((
    hashlib.sha256(Path(__file__).with_name("markup.py").read_bytes()).hexdigest(),
    version("markdown"), version("nh3"),
))


def is_trusted(record: Record) -> bool:
    """Essays are written by the site's authors; comments come from the public."""
    return not record.comment_id


def convert_records(records: tuple[Record, ...], cache: Cache, workers: int | None = None,
                    progress=None) -> dict[str, tuple[str, ...]]:
    """Map each record's path to its HTML blocks, converting only what the cache lacks."""
    keys = {r.path: content_key(CONVERTER_VERSION, str(is_trusted(r)), r.body) for r in records}
    todo = [r for r in records if cache.get(keys[r.path]) is None]
    jobs = [(r.body, is_trusted(r)) for r in todo]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) >= PARALLEL_THRESHOLD:
        results = _convert_in_pool(jobs, workers, progress)
    else:
        results = _convert_chunk(jobs)
    for record, blocks in zip(todo, results):
        cache.put(keys[record.path], blocks)
    return {r.path: cache.get(keys[r.path]) for r in records}


def _convert_chunk(jobs: list[tuple[str, bool]]) -> list[tuple[str, ...]]:
    converter = Converter()
    return [converter.blocks(body, trusted) for body, trusted in jobs]


def _convert_in_pool(jobs, workers: int, progress) -> list[tuple[str, ...]]:
    """Chunks go to a process pool; map() keeps their order, so results stay deterministic."""
    size = max(50, len(jobs) // (workers * 8))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, chunk_result in enumerate(pool.map(_convert_chunk, chunks), 1):
            results.extend(chunk_result)
            if progress:
                progress(f"converted {len(results)}/{len(jobs)} texts")
    return results
