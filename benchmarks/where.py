"""Where a cold build's time goes: each stage, and rendering by page kind, measured in one process.

    python benchmarks/where.py CORPUS/content [--workers N]

A profile without the profiler's weight: the stages' functions are timed as the pipeline calls
them (wall and CPU seconds), and every page's drawing is timed and summed by its template, so
the table says which kinds of page cost what. With one worker (the default) the CPU figures add
up; with more, the render line is the wall time of the processes sharing the pages.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES = [  # (module, function): the order a build calls them in
    ("tertulia.reading.find", "find_content"),
    ("tertulia.reading.parse", "parse_all"),
    ("tertulia.reading.validate", "build_model"),
    ("tertulia.site.plan", "plan_site"),
    ("tertulia.writing.render", "render_into"),
]


def timed_stages(spent: dict) -> None:
    """Wrap each stage's function where the pipeline finds it, adding (wall, cpu) to `spent`."""
    pipeline = importlib.import_module("tertulia.pipeline")
    for module_name, name in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def wrapper(*args, _original=original, _name=name, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_name] = (time.perf_counter() - wall, time.process_time() - cpu)
        setattr(module, name, wrapper)
        if hasattr(pipeline, name):  # imported by name at the top of the pipeline
            setattr(pipeline, name, wrapper)


def timed_pages(by_kind: dict) -> None:
    """Time every page drawn in this process, by template."""
    render = importlib.import_module("tertulia.writing.render")
    original = render.render_page

    def wrapper(env, site, interface, page):
        started = time.perf_counter()
        try:
            return original(env, site, interface, page)
        finally:
            entry = by_kind[page.template]
            entry[0] += 1
            entry[1] += time.perf_counter() - started
    render.render_page = wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    spent: dict = {}
    by_kind: dict = defaultdict(lambda: [0, 0.0])
    timed_stages(spent)
    timed_pages(by_kind)
    from tertulia.pipeline import Options, build
    scratch = Path(tempfile.mkdtemp(prefix="tertulia-where-"))
    started, cpu = time.perf_counter(), time.process_time()
    report = build(Options(content=args.content, output=scratch / "output", cache_dir=scratch / "cache",
                           workers=args.workers))
    total, total_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{report.files} files, workers={args.workers}: {total:.2f} s wall, {total_cpu:.2f} s CPU in this process")
    print(f"{'stage':<14} {'wall s':>7} {'cpu s':>7}")
    for _, name in STAGES:
        wall, stage_cpu = spent.get(name, (0.0, 0.0))
        print(f"{name:<14} {wall:7.2f} {stage_cpu:7.2f}")
    accounted = sum(wall for wall, _ in spent.values())
    print(f"{'the rest':<14} {total - accounted:7.2f}   (start, settings, fingerprints, commit, cache)")
    drawn = sum(seconds for _, seconds in by_kind.values())
    print(f"\n{'page kind':<16} {'pages':>6} {'s':>6} {'ms/page':>8}   (drawn in this process; "
          f"writing files: {spent.get('render_into', (0, 0))[0] - drawn:.2f} s)")
    for kind, (count, seconds) in sorted(by_kind.items(), key=lambda item: -item[1][1]):
        print(f"{kind:<16} {count:6d} {seconds:6.2f} {1000 * seconds / count:8.2f}")


if __name__ == "__main__":
    main()
