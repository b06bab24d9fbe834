"""A real browser over the built sites, served on 127.0.0.1 under sub-paths as on GitHub Pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from helpers import FIXTURE, ROOT, RTL_FIXTURE, about_site, make_content, run_cli, serving
from tools import CHROMIUM_ARGS, ensure_chromium

@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Both sites under one root: the fixture at /fixture-repo/, the real content at /tertulia/."""
    root = tmp_path_factory.mktemp("www")
    pages = about_site(tmp_path_factory.mktemp("pages-site"))  # an About page, a menu, static files
    for content, prefix in ((FIXTURE, "fixture-repo"), (ROOT / "content", "tertulia"), (pages, "pages-site"),
                            (RTL_FIXTURE, "rtl-site")):
        result = run_cli("build", "--content", str(content), "--output", str(root / prefix), "--no-cache",
                         "--base-url", f"https://example.github.io/{prefix}/")
        assert result.returncode == 0, result.stderr
    with serving(root) as url:
        yield {"root": root, "url": url}


@pytest.fixture(scope="session")
def browser():
    executable = ensure_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a URL at a width, with JavaScript on or off, failing on any console error."""
    contexts = []

    def opener(url: str, width: int = 1280, javascript: bool = True, dark: bool = False):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript,
                                      color_scheme="dark" if dark else "light")
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def deep_thread(server):
    """A thread eight replies deep, built beside the other sites."""
    files = {f"posts/hola/comments/c{n}.en.md":
             f"---\nauthor: Person {n}\n" + (f"reply_to: c{n - 1}\n" if n > 1 else "") +
             f"---\n\nReply number {n}, long enough to wrap over several lines on a narrow screen.\n"
             for n in range(1, 9)}
    content = make_content(server["root"].parent / "deep-content", files)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "deep"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/deep/posts/hola/"
