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


def test_a_page_whose_livereload_never_connects_still_ends_on_the_last_save(tmp_path, browser):
    """A flaky-test hunt: a page asked whether it was the last rebuild's only on load and 1.5 s after; on a
    loaded machine livereload could connect later still, and a rebuild ending in between went unheard.
    Here livereload's script never loads at all: the page's own asking must find the save."""
    content = make_content(tmp_path)
    essay = content / "posts/hola/index.es.md"
    context = browser.new_context()
    context.route(lambda address: "/livereload.js" in address, lambda route: route.abort())
    with preview_of(content, tmp_path, "/repo/posts/hola/") as url:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.body && document.body.textContent.includes('Primer párrafo.')")
        page.wait_for_timeout(5_000)  # past the asking on load and 1.5 s after, and a reload for the start's rebuild
        essay.write_text(essay.read_text().replace("Primer párrafo.", "Otra versión."))
        served(url, "Otra versión.")
        page.wait_for_function("() => document.body && document.body.textContent.includes('Otra versión.')",
                               timeout=15_000)
    context.close()
