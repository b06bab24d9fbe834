"""The Nu HTML Checker on every page, and axe-core in the browser on each kind of page."""

from __future__ import annotations

import json
import subprocess

import pytest

from tools import AXE_JS, VNU_JAR, ensure_node_tools

KINDS_OF_PAGE = [
    "/tertulia/", "/tertulia/posts/los-clientes-no-son-todos-iguales/", "/tertulia/posts/client-sau-partener/",
    "/tertulia/es/posts/los-clientes-no-son-todos-iguales/", "/tertulia/ro/posts/client-sau-partener/",
    "/tertulia/tags/", "/tertulia/tags/verticality/", "/tertulia/comments/", "/tertulia/404.html",
    "/fixture-repo/posts/alpha/", "/fixture-repo/comments/page/2/",
    "/fixture-repo/posts/alpha/with-pt-BR/", "/fixture-repo/pt-BR/posts/alpha/", "/fixture-repo/es/",
    "/fixture-repo/search/",
    "/tertulia/posts/los-clientes-no-son-todos-iguales/?view=stacked",
    "/tertulia/posts/los-clientes-no-son-todos-iguales/?view=en",
    "/tertulia/posts/client-sau-partener/?view=ro",
    "/pages-site/about/", "/pages-site/en/about/", "/pages-site/es/",
    "/rtl-site/posts/al-fina/", "/rtl-site/ar/posts/al-fina/", "/rtl-site/en/posts/al-fina/", "/rtl-site/comments/",
    "/rtl-site/about/", "/rtl-site/posts/al-fina/?view=stacked",
]


def test_the_nu_checker_finds_no_error_on_any_page(server):
    ensure_node_tools()
    pages = sorted(str(p) for p in server["root"].rglob("*.html"))
    styles = sorted(str(p) for p in server["root"].rglob("*.css"))
    assert len(pages) > 30
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--also-check-css", "--format", "json",
                             *pages, *styles],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [f"{m.get('url', '').split('/www')[-1]}:{m.get('lastLine')}: {m['message']}"
                for m in messages if m["type"] in ("error", "non-document-error")]
    assert problems == []


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", KINDS_OF_PAGE)
def test_axe_finds_no_violation_of_any_impact(server, open_page, path, dark, width):
    ensure_node_tools()
    page = open_page(server["url"] + path, dark=dark, width=width)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")
    assert violations == []


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_passage_s_number_beside_a_rule_is_a_whole_target(server, open_page, width):
    """Beside a `---`, whose row is lower than the number's 24 px, the next row covered part of it (axe's
    target-size, WCAG 2.2 AA, which the default run leaves out)."""
    ensure_node_tools()
    for path in ("/rtl-site/posts/al-fina/", "/rtl-site/en/posts/al-fina/"):
        page = open_page(server["url"] + path, width=width)
        assert page.locator(".pair > .side > hr").count() >= 1
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate("""async () => (await axe.run(document, {runOnly: ['target-size']})).violations
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
        assert violations == [], path


def test_the_not_found_page_in_a_language_folder_stays_valid_once_its_script_has_run(server, open_page):
    """A reviewer's Nu check of the page as drawn: on a site written left to right the script set `dir=""`
    (no valid value) on the page, its masthead and footer, and left the site's own hidden words without
    their language once the page took the folder's."""
    body = (server["root"] / "tertulia/404.html").read_text()
    page = open_page("about:blank")
    page.route("**/tertulia/es/nada/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(server["url"] + "/tertulia/es/nada/")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.evaluate("document.querySelectorAll('[dir=\"\"]').length") == 0
    own = page.locator(".not-found:not([data-folder])")
    assert own.get_attribute("lang") == "en" and own.is_hidden()


def test_in_the_comment_archive_on_a_phone_no_line_starts_with_the_comma_after_a_title(server, open_page):
    """The essay's title was a box (a target's size): the comma after it could start the next line."""
    for path in ("/tertulia/comments/", "/tertulia/en/comments/", "/fixture-repo/comments/"):
        page = open_page(server["url"] + path, width=390)
        # a title as long as a German one (a browser review found it on "Über das Übersetzen langer …")
        stranded = page.evaluate("""() => Array.from(document.querySelectorAll('.archived-comment .comment-head a'))
            .filter(link => link.nextSibling && link.nextSibling.nodeType === 3 && link.nextSibling.data.startsWith(','))
            .map(link => { link.textContent = 'Über das Übersetzen langer zusammengesetzter Wörter'; return link; })
            .filter(link => {
                const range = document.createRange();
                range.setStart(link.nextSibling, 0);
                range.setEnd(link.nextSibling, 1);
                const comma = range.getBoundingClientRect(), rects = link.getClientRects();
                return Math.abs(comma.top - rects[rects.length - 1].top) > 4;
            }).map(link => link.textContent)""")
        assert stranded == [], path
