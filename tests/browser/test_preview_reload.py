"""The preview's page in a real browser ends on the last save, however close the saves come."""

from __future__ import annotations

import time
import urllib.request

from helpers import make_content, preview_of


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
    context = browser.new_context()
    with preview_of(content, tmp_path, "/repo/posts/hola/") as url:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.LiveReload && document.body"
                               " && document.body.textContent.includes('Primer párrafo.')")
        page.wait_for_timeout(500)  # livereload's socket open
        original = essay.read_text()
        for attempt in range(3):
            essay.write_text(original.replace("Primer párrafo.", f"Primera versión {attempt}."))
            served(url, f"Primera versión {attempt}.")  # its rebuild done: the page reloads now
            essay.write_text(original.replace("Primer párrafo.", f"Segunda versión {attempt}."))
            # While the page reloads it has no body yet: asked then, the question must wait, not throw
            page.wait_for_function("() => document.body"
                                   f" && document.body.textContent.includes('Segunda versión {attempt}.')",
                                   timeout=15_000)
            page.wait_for_timeout(2_000)  # each attempt from a settled page
    context.close()
