"""The preview's page in a real browser ends on the last save, however close the saves come."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from helpers import ROOT, make_content


def started_preview(content, tmp_path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(tmp_path / "never")],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/repo/posts/hola/"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return process, url
        except OSError:
            assert time.monotonic() < deadline, "serve never answered"
            time.sleep(0.3)


def served(url: str, words: str) -> None:
    """Wait until the preview serves `words` at `url`."""
    deadline = time.monotonic() + 30
    while True:
        with urllib.request.urlopen(url, timeout=5) as response:
            if words in response.read().decode("utf-8"):
                return
        assert time.monotonic() < deadline, f"never served {words}"
        time.sleep(0.02)


def test_a_save_while_the_page_reloads_after_the_one_before_leaves_the_page_on_the_second(tmp_path, browser):
    """A walk: the page reloading after the first save missed livereload's word of the second (it tells the
    pages connected when a rebuild ends), and stayed on the first save's words, every time on a small site."""
    content = make_content(tmp_path)
    essay = content / "posts/hola/index.es.md"
    process, url = started_preview(content, tmp_path)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.LiveReload && document.body.textContent.includes('Primer párrafo.')")
        page.wait_for_timeout(500)  # livereload's socket open
        original = essay.read_text()
        for attempt in range(3):
            essay.write_text(original.replace("Primer párrafo.", f"Primera versión {attempt}."))
            served(url, f"Primera versión {attempt}.")  # its rebuild done: the page reloads now
            essay.write_text(original.replace("Primer párrafo.", f"Segunda versión {attempt}."))
            page.wait_for_function(f"() => document.body.textContent.includes('Segunda versión {attempt}.')",
                                   timeout=15_000)
            page.wait_for_timeout(2_000)  # each attempt from a settled page
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=60)
