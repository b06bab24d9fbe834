"""Defects careful readers found (issue #13), each reproduced in Chromium."""

from __future__ import annotations

ESSAY = "/tertulia/posts/los-clientes-no-son-todos-iguales/"


def luminance(rgb: str) -> float:
    red, green, blue = (int(part) for part in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_printing_in_dark_mode_prints_dark_text_on_white(server, open_page):
    page = open_page(server["url"] + ESSAY, dark=True)
    page.emulate_media(media="print", color_scheme="dark")
    for selector in (".side.translation", ".byline", ".tags a", ".comment-head", "h1"):
        color = page.eval_on_selector(selector, "e => getComputedStyle(e).color")
        assert luminance(color) < 0.35, f"{selector} prints in {color}"
    background = page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor")
    assert luminance(background) > 0.9


def test_a_permalink_lands_below_the_sticky_column_labels_and_is_marked(server, open_page):
    page = open_page(server["url"] + ESSAY + "#p10")
    page.wait_for_timeout(200)
    heads = page.eval_on_selector(".column-heads", "e => e.getBoundingClientRect().bottom")
    row = page.eval_on_selector("#p10", "e => e.getBoundingClientRect().top")
    assert row >= heads - 1, f"row at {row}, labels end at {heads}"
    marked = page.eval_on_selector("#p10 > .side", "e => getComputedStyle(e).backgroundColor")
    plain = page.eval_on_selector("#p11 > .side", "e => getComputedStyle(e).backgroundColor")
    assert marked != plain


def test_hover_styles_only_where_there_is_a_pointer_that_hovers(server, open_page):
    page = open_page(server["url"] + ESSAY)
    rules = page.evaluate("""() => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
        .filter(rule => rule.selectorText && rule.selectorText.includes(':hover')).map(rule => rule.selectorText)""")
    assert rules == [], f"hover rules outside @media (hover: hover): {rules}"


def test_ctrl_click_on_a_view_opens_a_new_tab_and_leaves_this_page_as_it_was(server, open_page):
    page = open_page(server["url"] + ESSAY)
    with page.context.expect_page() as opened:
        page.click('[data-view="original"]', modifiers=["Control"])
    opened.value.close()
    assert page.evaluate("document.body.className") == "page-essay"
    assert page.evaluate("window.localStorage.getItem('tertulia.view')") is None


def test_the_focus_ring_of_every_view_choice_is_not_clipped(server, open_page):
    page = open_page(server["url"] + ESSAY)
    page.focus('[data-view="original"]')
    clipping = page.evaluate("""() => {
        const out = [];
        for (let e = document.activeElement.parentElement; e; e = e.parentElement) {
            if (getComputedStyle(e).overflow !== 'visible') out.push(e.className || e.tagName);
        }
        return out; }""")
    assert clipping == []
    outline = page.eval_on_selector('[data-view="original"]', "e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
