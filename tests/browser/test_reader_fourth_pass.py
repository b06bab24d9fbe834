"""The reader's fourth pass: what a browser review of keyboard, forced colors and phones found."""

from __future__ import annotations

import pytest

from helpers import make_content, run_cli

ALPHA = "/fixture-repo/posts/alpha/"
ESSAY = "/tertulia/posts/los-clientes-no-son-todos-iguales/"

# The label's outline as the browser draws it: (style, colour, offset)
OUTLINE = "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineColor, s.outlineOffset]; }"


@pytest.fixture(scope="module")
def long_essay(server):
    """An essay of 105 passages, built beside the other sites: three-digit passage numbers."""
    paragraphs = "\n\n".join(f"Párrafo {n}." for n in range(1, 106))
    translated = "\n\n".join(f"Paragraph {n}." for n in range(1, 106))
    content = make_content(server["root"].parent / "long-content", {
        "posts/hola/index.es.md": f"---\ntitle: Hola\nauthor: Ana\ndate: 2024-01-01\n---\n\n{paragraphs}\n",
        "posts/hola/index.en.md": f"---\ntitle: Hello\ntranslation_of: es\n---\n\n{translated}\n"})
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "long"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/long/posts/hola/"


def test_in_forced_colors_the_focused_view_is_seen(server, browser):
    """The checked view's outline, written after the focus ring, replaced it: in Windows' high contrast a
    keyboard reader never saw where the focus was on the view switch."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(server["url"] + ESSAY)
    label = page.locator(".views label:has(input:checked)")
    before = label.evaluate(OUTLINE)
    label.locator("input").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")  # focused by the keyboard, on the view it was
    focused = page.locator(".views label:has(input:focus-visible)")
    assert focused.count() == 1
    assert focused.evaluate(OUTLINE) != before
    assert focused.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"  # still marked as chosen
    context.close()


def test_in_forced_colors_a_text_size_at_its_limit_looks_unavailable(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(server["url"] + ESSAY)
    page.evaluate("localStorage.clear()")
    page.reload()
    colours = page.locator(".text-size button").evaluate_all(
        "buttons => buttons.map(b => [b.getAttribute('aria-disabled'), getComputedStyle(b).color])")
    disabled = {colour for state, colour in colours if state == "true"}
    enabled = {colour for state, colour in colours if state != "true"}
    assert disabled and enabled and not disabled & enabled
    context.close()


@pytest.mark.parametrize("view", ["stacked", "en"])
def test_a_three_digit_passage_number_stands_on_one_line_on_a_phone(server, open_page, long_essay, view):
    """§100 wrapped its last digit onto a second line, which stood on the ⇄ button of a one-language view."""
    page = open_page(server["url"] + long_essay + f"?view={view}", width=390)
    number = page.locator("#p100 > .anchor")
    height = number.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e.firstChild);"
                             " return r.getClientRects().length; }")
    assert height == 1
    box, text = number.bounding_box(), page.locator("#p100 > .side:visible").first.bounding_box()
    assert box["x"] + box["width"] <= text["x"] and box["x"] >= 0


def test_space_opens_the_form_from_a_join_or_reply_said_as_a_button(server, open_page):
    """Said as an expanded link-button, Join and Reply answered Enter but not Space, which scrolled."""
    page = open_page(server["url"] + ALPHA, width=390)
    join = page.locator("p.join a.propose")
    assert join.get_attribute("role") == "button"
    # closed, and said so from the start, as a disclosure is (a browser review: said only once opened)
    assert join.get_attribute("aria-expanded") == "false"
    assert page.locator("a.propose[data-reply-to]").first.get_attribute("aria-expanded") == "false"
    before = page.evaluate("scrollY")
    join.focus()
    page.keyboard.press(" ")
    page.locator("p.join + form.proposal").wait_for()
    assert join.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.className") == "proposal-title"
    page.keyboard.press("Escape")
    assert page.locator("p.join + form.proposal").is_hidden() and page.evaluate("scrollY") >= before - 1


def test_escape_dismisses_the_link_copied_note(server, open_page):
    page = open_page(server["url"] + ESSAY)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#p5 .anchor").focus()
    page.keyboard.press("Enter")
    note = page.locator(".copied-note")
    note.wait_for()
    page.keyboard.press("Escape")
    assert note.count() == 0
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#p5"
    page.locator("#p5 .anchor").press("Enter")
    note.wait_for()
    page.keyboard.press("Tab")  # to "Copy as a quotation"
    page.keyboard.press("Escape")
    assert note.count() == 0 and page.evaluate("document.activeElement.getAttribute('href')") == "#p5"


def test_paper_holds_no_link_only_a_screen_can_follow(server, open_page):
    """"Follow this discussion (a feed of its comments, for a feed reader)" and "Read in: English ·
    Español" were printed on paper."""
    page = open_page(server["url"] + ALPHA)
    page.emulate_media(media="print")
    for shown in (".follow", "nav.language-versions"):
        assert page.locator(shown).count() and page.locator(shown).first.is_hidden(), shown



@pytest.fixture(scope="module")
def untranslated_comment(server):
    """An essay in Spanish and English whose one comment, two paragraphs in Spanish, is not translated."""
    content = make_content(server["root"].parent / "untranslated-content", {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\ndate: 2024-01-01\n---\n\nUno.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n",
        "posts/hola/comments/1.es.md": "---\nauthor: Lucía\ndate: 2024-01-02\n---\n\nPrimero.\n\nSegundo.\n",
        "posts/hola/comments/2.en.md": "---\nauthor: Dan\ndate: 2024-01-03\n---\n\nFirst.\n\nSecond.\n"})
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "untranslated"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/untranslated/posts/hola/"


def test_a_comment_not_yet_translated_says_so_above_its_words_on_a_phone_and_beside_them_on_a_desk(
        server, open_page, untranslated_comment):
    """A new user's walk: stacked on a phone, the note stood between a comment's two paragraphs, as if
    only the first were untranslated; a review: so did one lacking its original, sides swapped."""
    for width, stacked in ((390, True), (1280, False)):
        page = open_page(server["url"] + untranslated_comment, width=width)
        _note_stands_with_the_words(page, "comment-1", "original", stacked)
        page.locator("#swap-sides").check(force=True)
        _note_stands_with_the_words(page, "comment-2", "translation", stacked)  # written in English
        page.close()


def _note_stands_with_the_words(page, comment: str, written: str, stacked: bool) -> None:
    """The comment's note above its first paragraph in one column, beside it in two."""
    boxes = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top]; }"
    note = page.locator(f"#{comment}-p1 > .side.missing").evaluate(boxes)
    first = page.locator(f"#{comment}-p1 > .{written}").evaluate(boxes)
    second = page.locator(f"#{comment}-p2 > .{written}").evaluate(boxes)
    if stacked:
        assert note[1] < first[1] < second[1], (note, first, second)
    else:
        assert note[0] > first[0] and abs(note[1] - first[1]) < 2, (note, first)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_in_forced_colors_axe_finds_the_chosen_view_and_the_form_s_buttons_readable(server, open_page, dark):
    """axe reads a text's colour where forcing leaves the page's own: the chosen view's light text and the
    form's buttons were measured over the forced white, 1.02:1 (a reader's review; axe-core #3978)."""
    from tools import AXE_JS, ensure_node_tools
    ensure_node_tools()
    page = open_page(server["url"] + "/fixture-repo/posts/alpha/", width=390, dark=dark)
    page.emulate_media(forced_colors="active")
    page.locator("#comment-c1 > .comment-actions a.propose").click()
    page.locator("#comment-c1 > form.proposal button[type=submit]").first.click()  # refused: empty
    page.add_script_tag(path=str(AXE_JS))
    run = """async () => (await axe.run(document, {runOnly: ['color-contrast']})).violations
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    assert page.locator(".views label:has(input:checked)").count() == 1
    assert page.evaluate(run) == []


def test_in_forced_colors_and_dark_axe_finds_the_words_a_search_marked_readable(server, open_page):
    """A browser review: with forced colours over a dark scheme, axe measured each marked word's inherited light
    text over the forced yellow of a mark, 1.14:1, though the screen showed black on yellow (axe-core #3978)."""
    from tools import AXE_JS, ensure_node_tools
    ensure_node_tools()
    page = open_page(server["url"] + "/fixture-repo/posts/alpha/?highlight=enough#p1", width=390, dark=True)
    page.emulate_media(forced_colors="active")
    page.wait_for_selector("#p1 mark.search-hit")
    page.add_script_tag(path=str(AXE_JS))
    run = """async () => (await axe.run(document, {runOnly: ['color-contrast']})).violations
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    assert page.evaluate(run) == []


def test_a_comments_folded_original_opens_on_screen_and_stays_off_paper(server, open_page):
    """A Romanian comment read in English beside a Spanish essay: its own words are folded under it,
    opened by a click, in their language; on paper, where a fold cannot be opened, the edition is its
    two columns (a red team: the printed page showed a closed triangle)."""
    content = make_content(server["root"].parent / "folded-content", {
        "posts/hola/comments/c1.ro.md": "---\nauthor: Ioana\n---\n\nUn comentariu scris în română.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: ro\n---\n\nA comment written in Romanian.\n"})
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "folded"), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = open_page(server["url"] + "/folded/posts/hola/", width=1280)
    words = page.locator(".original-words .side[lang=ro]")
    assert not words.is_visible()
    page.click(".original-words summary")
    assert words.is_visible() and words.inner_text() == "Un comentariu scris în română."
    page.emulate_media(media="print")
    assert not page.locator(".original-words").is_visible()
    # a word asked to be found in it opens the fold (a search's link, `?highlight=`)
    page = open_page(server["url"] + "/folded/posts/hola/?highlight=rom%C3%A2n%C4%83#comment-c1", width=1280)
    page.wait_for_function("document.querySelector('.original-words').open")
    assert page.locator(".original-words mark").first.is_visible()
    assert page.locator("#comment-c1 .side.translation").inner_text() == "A comment written in Romanian."


def test_in_forced_colors_a_reply_keeps_the_rule_that_marks_it_a_reply(server, browser):
    """The rule beside a reply is a background's picture, which forced colours drop: in Windows' high
    contrast a reply stood as if it answered the essay, its indent alone left (a keyboard and zoom review)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(server["url"] + ESSAY)
    replies = page.locator(".thread.replies > li > .comment")
    assert replies.count() > 0
    drawn = replies.evaluate_all("found => found.map(e => getComputedStyle(e).backgroundImage)")
    assert all(image.startswith("linear-gradient") for image in drawn), drawn
    # its words are still in the system's colours, as the essay's are
    text = page.locator(".thread.replies .comment p").first.evaluate("e => getComputedStyle(e).color")
    assert text == page.locator("main h1").first.evaluate("e => getComputedStyle(e).color")
    context.close()
