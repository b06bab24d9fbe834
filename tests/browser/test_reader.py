"""The reader in headless Chromium: alignment, phones, controls with and without JavaScript."""

from __future__ import annotations

import pytest

from helpers import ARTIFACTS, site_pages

SPANISH = "/tertulia/posts/los-clientes-no-son-todos-iguales/"
ROMANIAN = "/tertulia/posts/client-sau-partener/"
ALPHA = "/fixture-repo/posts/alpha/"

# Puts a row's top just above the reading line: a third of the way down below the sticky bar.
TO_READING_LINE = """id => {
  document.getElementById(id).scrollIntoView();
  const bar = document.querySelector('.reader-bar').getBoundingClientRect().bottom;
  const line = bar + (innerHeight - bar) / 3;
  window.scrollBy(0, document.getElementById(id).getBoundingClientRect().top - line + 5);
}"""

def press_view(page, view: str) -> None:
    """Click a view where a reader would, at the middle of its label, without letting the test driver
    scroll first (it scrolls a sticky bar's element to where the bar would be without sticking)."""
    box = page.locator(f"label:has(#view-{view})").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


PAIR_TOPS = """() => {
  const gaps = [];
  for (const row of document.querySelectorAll('.pair, .title-row')) {
    const sides = [...row.children].filter(e => e.classList.contains('side') && e.offsetParent !== null);
    if (sides.length === 2) gaps.push(Math.abs(sides[0].getBoundingClientRect().top - sides[1].getBoundingClientRect().top));
  }
  return gaps;
}"""


@pytest.mark.parametrize("path", [SPANISH, ROMANIAN, ALPHA, ALPHA + "with-pt-BR/"])
def test_at_desktop_width_both_sides_of_every_pair_start_level(server, open_page, path):
    page = open_page(server["url"] + path, width=1280)
    gaps = page.evaluate(PAIR_TOPS)
    assert len(gaps) >= 4
    assert max(gaps) <= 2


def test_both_columns_are_headed_with_their_language(server, open_page):
    page = open_page(server["url"] + SPANISH)
    heads = page.locator(".column-heads .side")
    assert heads.all_inner_texts() == ["ESPAÑOL · ORIGINAL", "ENGLISH · TRANSLATION"]


def test_on_a_phone_no_page_scrolls_sideways_and_pairs_stack(server, open_page):
    page = open_page(server["url"] + SPANISH, width=390)
    for path in site_pages(server["root"], "tertulia") + site_pages(server["root"], "fixture-repo"):
        page.goto(server["url"] + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.goto(server["url"] + SPANISH)
    original, translation = page.locator("#p1 .side").all()
    assert translation.bounding_box()["y"] > original.bounding_box()["y"] + original.bounding_box()["height"] - 1
    assert page.locator(".reader-controls").bounding_box()["y"] > 700, "controls sit at the bottom, within reach"
    page.screenshot(path=ARTIFACTS / "essay-phone.png")
    page.screenshot(path=ARTIFACTS / "essay-phone-full.png", full_page=True)


def test_no_page_logs_a_console_error(server, open_page):
    page = open_page(server["url"] + "/tertulia/")
    for path in site_pages(server["root"], "tertulia") + site_pages(server["root"], "fixture-repo"):
        page.goto(server["url"] + path)
    assert page.problems == []


def test_view_switch_in_place_keeps_the_reader_place_and_is_remembered(server, open_page):
    page = open_page(server["url"] + SPANISH)
    page.evaluate(TO_READING_LINE, "p12")
    before = page.evaluate("document.getElementById('p12').getBoundingClientRect().top")
    press_view(page, "translation")
    page.wait_for_function("location.search === '?view=en'")
    assert page.url == server["url"] + SPANISH + "?view=en", "the switch happens in place, and the address says it"
    assert page.locator("#p12 .original").is_hidden() and page.locator("#p12 .translation").is_visible()
    after = page.evaluate("document.getElementById('p12').getBoundingClientRect().top")
    assert abs(after - before) <= 2
    page.goto(server["url"] + ROMANIAN)
    assert page.locator("#p1 .original").is_hidden(), "the choice is remembered across pages"
    page.check("#view-side-by-side")
    assert page.locator("#p1 .original").is_visible() and page.locator("#p1 .translation").is_visible()


def test_swap_sides_with_javascript_is_remembered(server, open_page):
    page = open_page(server["url"] + SPANISH)
    page.locator("#swap-sides").check()
    original, translation = page.locator("#p1 .original"), page.locator("#p1 .translation")
    assert original.bounding_box()["x"] > translation.bounding_box()["x"]
    page.goto(server["url"] + ROMANIAN)
    assert page.locator("#swap-sides").is_checked()
    assert page.locator("#p1 .original").bounding_box()["x"] > page.locator("#p1 .translation").bounding_box()["x"]


def test_swap_sides_is_offered_only_where_there_are_two_sides(server, open_page):
    """A browser review: in a one-language view the box showed, and ticking it did nothing a reader saw."""
    for javascript in (True, False):
        page = open_page(server["url"] + SPANISH, javascript=javascript)
        page.check("#view-side-by-side")
        assert page.locator("#swap-sides").is_visible()
        for one in ("#view-translation", "#view-original"):
            page.check(one)
            assert page.locator("#swap-sides").is_hidden(), (one, javascript)
        page.check("#view-stacked")
        assert page.locator("#swap-sides").is_visible()


def test_without_javascript_every_choice_still_works(server, open_page):
    page = open_page(server["url"] + SPANISH, javascript=False)
    assert page.locator("#p1 .original").bounding_box()["x"] < page.locator("#p1 .translation").bounding_box()["x"]
    page.check("#view-translation")
    assert page.locator("#p1 .original").is_hidden() and page.locator("#p1 .translation").is_visible()
    page.check("#view-stacked")
    original, translation = page.locator("#p1 .original").bounding_box(), page.locator("#p1 .translation").bounding_box()
    assert translation["y"] >= original["y"] + original["height"]
    page.goto(server["url"] + SPANISH)
    page.locator(".essay-foot .language-versions a[lang=en]").click()
    page.wait_for_url("**/tertulia/en/posts/los-clientes-no-son-todos-iguales/")
    assert page.locator("h1").inner_text() == "Clients are not all the same"
    page.goto(server["url"] + SPANISH)
    page.locator(".essay-foot .language-versions a[lang=es]").click()
    page.wait_for_url("**/tertulia/es/posts/los-clientes-no-son-todos-iguales/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.goto(server["url"] + SPANISH)
    page.locator("#swap-sides").check()
    assert page.locator("#p1 .original").bounding_box()["x"] > page.locator("#p1 .translation").bounding_box()["x"]
    page.goto(server["url"] + ALPHA)
    page.locator(".choices a[lang=pt-BR]").click()
    page.wait_for_url("**/posts/alpha/with-pt-BR/")
    assert page.locator("#p1 .translation").get_attribute("lang") == "pt-BR"


def test_hovering_a_block_highlights_its_counterpart(server, open_page):
    page = open_page(server["url"] + SPANISH)
    background = "el => getComputedStyle(el).backgroundColor"
    resting = page.locator("#p3 .translation").evaluate(background)
    page.locator("#p3 .original").hover()
    assert page.locator("#p3 .translation").evaluate(background) != resting
    page.locator("#p3 .anchor").focus()
    assert page.locator("#p3 .translation").evaluate(background) != resting


def test_every_row_has_a_permalink_anchor(server, open_page):
    page = open_page(server["url"] + SPANISH)
    rows = page.locator(".text > .pair")
    assert rows.count() == 22
    for index in (1, 12, 22):
        assert page.locator(f"#p{index} a.anchor").get_attribute("href") == f"#p{index}"
    page.goto(server["url"] + SPANISH + "#p12")
    assert page.evaluate("document.getElementById('p12').getBoundingClientRect().top") < 100


def test_the_skip_link_comes_first_and_focus_is_visible(server, open_page):
    page = open_page(server["url"] + SPANISH)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[0] == "skip" and focused[1] != "none"
    assert page.locator(".skip:focus").bounding_box()["x"] >= 0, "the skip link shows itself when focused"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#discussion"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#discussion"
    # the focus moves there too, as "Skip to content" moves it: a screen reader read on from the top (a review)
    assert page.evaluate("document.activeElement.id") == "discussion"


def test_screenshots_of_the_essay_at_desktop_and_in_dark_mode(server, open_page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_page(server["url"] + SPANISH, width=1280)
    page.screenshot(path=ARTIFACTS / "essay-desktop.png")
    page.evaluate("document.getElementById('discussion').scrollIntoView()")
    page.screenshot(path=ARTIFACTS / "essay-desktop-discussion.png")
    dark = open_page(server["url"] + SPANISH, width=1280, dark=True)
    assert dark.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(24, 23, 26)"
    dark.screenshot(path=ARTIFACTS / "essay-dark.png")
    for name in ("essay-desktop.png", "essay-dark.png"):
        assert (ARTIFACTS / name).stat().st_size > 10_000


def test_choosing_another_translation_happens_in_place_and_is_remembered(server, open_page):
    page = open_page(server["url"] + ALPHA)
    page.evaluate("window.notReloaded = true")
    page.locator(".choices a[lang=pt-BR]").click()
    page.wait_for_url("**/posts/alpha/with-pt-BR/")
    page.locator('#p1 .translation[lang="pt-BR"]').wait_for()
    assert page.evaluate("window.notReloaded") is True, "the page was not reloaded"
    page.check("#view-translation")
    assert page.locator("#p1 .original").is_hidden(), "the controls still work after the switch"
    page.check("#view-side-by-side")
    page.goto(server["url"] + "/fixture-repo/")
    page.locator('.essay-list a[href="posts/alpha/"]').click()
    page.locator('#p1 .translation[lang="pt-BR"]').wait_for()
    assert page.url.endswith("/posts/alpha/with-pt-BR/"), "the chosen translation is remembered while browsing"
    assert page.problems == []
