"""A table or a line of code wider than its column scrolls in its own box, which the keyboard can reach;
the page never scrolls sideways (a reviewer's phone, 2026-12)."""

from __future__ import annotations

import pytest

from helpers import make_content, run_cli
from tools import AXE_JS, ensure_node_tools

ROW = "| " + " | ".join(f"columna{n}" for n in range(9)) + " |\n"
TABLE = ROW + "|" + "---|" * 9 + "\n" + ROW.replace("columna", "valor")
CODE = "    " + "call(" * 30 + ")" * 30 + "\n"


@pytest.fixture(scope="module")
def wide(server):
    """An essay with a nine-column table and a long line of code, and a comment with the same table."""
    files = {
        "posts/ancho/index.es.md": f"---\ntitle: Ancho\nauthor: Ana\n---\n\nUna tabla.\n\n{TABLE}\n{CODE}",
        "posts/ancho/index.en.md": f"---\ntitle: Wide\ntranslation_of: es\n---\n\nA table.\n\n{TABLE}\n{CODE}",
        "posts/ancho/comments/c1.es.md": f"---\nauthor: Luis\n---\n\nOtra.\n\n{TABLE}",
    }
    content = make_content(server["root"].parent / "wide-content", files)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "wide"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/wide/posts/ancho/"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("where", ["", "?view=stacked", "es/"])
def test_a_wide_table_or_code_scrolls_in_its_box_and_the_keyboard_reaches_it(server, open_page, wide, width, where):
    ensure_node_tools()
    path = wide.replace("/posts/", "/es/posts/") if where == "es/" else wide + where
    page = open_page(server["url"] + path, width=width)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    scrolling = page.eval_on_selector_all(".side:has(table), pre", "boxes => boxes.filter(b => b.checkVisibility()"
                                          " && b.scrollWidth > b.clientWidth).map(b => b.getAttribute('tabindex'))")
    assert scrolling and set(scrolling) == {"0"}
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
    assert violations == []


def test_a_block_that_fits_is_no_tab_stop(server, open_page, wide):
    page = open_page(server["url"] + "/tertulia/posts/los-clientes-no-son-todos-iguales/", width=1280)
    page.wait_for_load_state()
    assert page.locator("[data-scroller]").count() == 0
