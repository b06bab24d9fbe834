"""Shared helpers: small content trees written on the fly, the command line, built pages."""

from __future__ import annotations

import contextlib
from html.parser import HTMLParser
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
RTL_FIXTURE = ROOT / "tests/fixtures/rtl"  # Arabic beside English: pages written right to left

SITE_YML = """\
title: {en: "Test site"}
base_url: "https://example.github.io/repo/"
languages: {en: English, es: Español, ro: Română}
main_language: en
tags:
  values: {en: values, es: valores}
search: false
"""

ESSAY_ES = """\
---
title: "Hola"
author: Ana
---

Primer párrafo.

Segundo párrafo.
"""

ESSAY_EN = """\
---
title: "Hello"
translation_of: es
---

First paragraph.

Second paragraph.
"""


MENU = """\
menu:
  - page: about
  - url: "https://example.org/club/"
    label: {en: Club, es: Club de lectura}
"""
ABOUT_ES = "---\ntitle: Acerca de\naliases: [/quienes-somos/]\n---\n\nSomos dos.\n\n![El logo](logo.svg)\n"
ABOUT_EN = "---\ntitle: About us\ntranslation_of: es\n---\n\nWe are two.\n\n![The logo](logo.svg)\n"
LOGO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16"/></svg>')


def about_site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    """make_content with an About page in Spanish and English, a menu, and static files."""
    return make_content(tmp_path, {"site.yml": SITE_YML + MENU, "pages/about/index.es.md": ABOUT_ES,
                                   "pages/about/index.en.md": ABOUT_EN, "pages/about/logo.svg": LOGO_SVG,
                                   "static/robots.txt": "User-agent: *\nAllow: /\n", "static/favicon.svg": LOGO_SVG,
                                   **(extra or {})})


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root; text is dedented so tests can indent it."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def make_content(tmp_path: Path, files: dict[str, str] | None = None, with_essay: bool = True) -> Path:
    """A content folder with a valid site.yml, one valid essay (unless told not) and `files`."""
    content = tmp_path / "content"
    base = {"site.yml": SITE_YML}
    if with_essay:
        base.update({"posts/hola/index.es.md": ESSAY_ES, "posts/hola/index.en.md": ESSAY_EN})
    base.update(files or {})
    return write_tree(content, base)


def every_file(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its relative path, with its bytes (links are not followed)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()}


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python build.py ...` as an author would, capturing what they would see: in a process of its
    own, forked from one with the command's modules already imported (tests/forker.py)."""
    command = [sys.executable, str(ROOT / "build.py"), *args]
    environment = dict(os.environ if env is None else env)
    if _at_start(environment) != _at_start(os.environ):  # a locale, an encoding: what Python reads as it starts
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    with tempfile.TemporaryDirectory() as scratch:
        out, err = Path(scratch, "out"), Path(scratch, "err")
        out.touch()
        err.touch()
        request = {"args": list(args), "cwd": str(cwd), "env": environment,
                   "out": str(out), "err": str(err), "timeout": 300}
        code = _forked(request)
        # read as subprocess's text mode reads: the locale's encoding, every line ending as \n
        return subprocess.CompletedProcess(command, code, out.read_text(), err.read_text())


def _at_start(environment) -> dict:
    """What of an environment Python reads once, as it starts, which a forked child keeps from its parent."""
    return {key: value for key, value in environment.items() if key.startswith(("PYTHON", "LC_")) or key == "LANG"}


_FORKER: list[subprocess.Popen] = []  # this test process's forker, started by its first command


def _forked(request: dict) -> int:
    """The exit code of the command `request` names, run by the forker (started again if it ended)."""
    for _ in range(2):
        if not _FORKER or _FORKER[0].poll() is not None:
            _FORKER[:] = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "forker.py")], cwd=ROOT, text=True,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)]
        forker = _FORKER[0]
        try:
            forker.stdin.write(json.dumps(request) + "\n")
            forker.stdin.flush()
            answer = forker.stdout.readline()
        except BrokenPipeError:
            answer = ""
        if answer:
            return json.loads(answer)["code"]
    raise RuntimeError("tests/forker.py ended without an answer")

ARTIFACTS = ROOT / "tests" / "artifacts"


def stall_on(monkeypatch, sign: str, seconds: float) -> None:
    """Python-Markdown spends `seconds` of CPU on any text holding `sign`: the time limits are tested on
    the converter's time, never on a shape of text some release of it is slow on (Markdown 3.11.4
    read in 0.05 s the `[` and escapes that 3.11.3 took 0.45 s on, and CI found the limits untested)."""
    import time

    import markdown
    convert = markdown.Markdown.convert

    def stalling(self, text):
        if sign in text:
            until = time.process_time() + seconds
            while time.process_time() < until:  # CPU, as the limits count it: a sleep would not be timed
                pass
        return convert(self, text)
    monkeypatch.setattr(markdown.Markdown, "convert", stalling)


def children_cpu() -> float:
    """CPU seconds taken so far by this process's ended children (and theirs): read before and after a
    run_cli, what the command's work cost. A bound on that holds on a loaded machine, where the clock
    measures the load (5 s of a converter's work took 37 s by the clock on a loaded 2-core machine); a command
    that waits on nothing is still ended by run_cli's timeout."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_python(code: str, cpu_seconds: int) -> subprocess.CompletedProcess:
    """`python -c code` in a process of its own, ended once it has worked `cpu_seconds` (the kernel's
    SIGXCPU): an input that costs hours fails the test instead of stalling the suite, whatever the load.
    A clock's timeout measured the load: 30 s was nearly used up by a few seconds' work on a busy
    machine. One ten times as long still ends a process that waits on nothing."""
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_CPU, ({cpu_seconds}, {cpu_seconds + 5}))\n"
    return subprocess.run([sys.executable, "-c", limit + code], capture_output=True, text=True,
                          timeout=10 * cpu_seconds)


def site_pages(root: Path, prefix: str) -> list[str]:
    """Every HTML page of a built site under root/prefix, as URL paths."""
    base = root / prefix
    urls = []
    for path in sorted(base.rglob("*.html")):
        relative = path.relative_to(base).as_posix()
        urls.append(f"/{prefix}/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return urls


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # test output is for failures, not for requests
        pass


@contextlib.contextmanager
def serving(root: Path):
    """Serve a folder on 127.0.0.1 (a free port) like a static host; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def preview_of(content: Path, cwd: Path, path: str):
    """`serve` of `content` on a free port, as an author starts it, once it answers at `path` (under the
    site's base path, as `/repo/posts/hola/`); yields that page's URL."""
    import socket
    import time
    import urllib.request
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(cwd / "never")],
                               cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, "serve never answered"
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)  # a build under way finishes first


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def close_element(stack: list[tuple], tag: str) -> None:
    """End the innermost open `tag` on a stack of (tag, ...) and whatever it left open, as a browser does."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == tag:
            del stack[index:]
            break


class Proposals(HTMLParser):
    """The proposal links of a page, and each comment's enclosing comments."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.parents: dict[str, list[str]] = {}  # comment id -> the comment ids around it, innermost last
        self.open: list[tuple[str, str]] = []  # (tag, comment id or "")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "propose" in (attributes.get("class") or "").split():
            self.links.append(attributes)
        comment = (attributes.get("id") or "")[len("comment-"):] if tag == "article" else ""
        if comment and (attributes.get("id") or "").startswith("comment-"):
            self.parents[comment] = [c for _, c in self.open if c]
        if tag not in VOID:
            self.open.append((tag, comment))

    def handle_endtag(self, tag):
        close_element(self.open, tag)


def read_proposals(path: Path) -> Proposals:
    parser = Proposals()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser
