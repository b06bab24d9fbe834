"""A site written right to left: Arabic reads from the right, an English side or word beside it from the left."""

from __future__ import annotations

import re

import pytest

from helpers import RTL_FIXTURE, run_cli

ESSAY = "/rtl-site/posts/al-fina/"


def directions(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "found => found.map(e => e.lang + ':' + getComputedStyle(e).direction)")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_each_side_reads_in_its_own_direction_and_the_original_stands_on_the_right(server, open_page, width):
    page = open_page(server["url"] + ESSAY, width=width)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert directions(page, "#p1 > .side") == ["ar:rtl", "en:ltr"]
    assert directions(page, "#comment-c1 > .pair > .side") == ["ar:rtl", "en:ltr"]
    if width == 1280:  # side by side: the Arabic original is the first column, on the reader's right
        original, translation = (page.locator(f"#p1 > .{role}").bounding_box() for role in ("original", "translation"))
        assert original["x"] > translation["x"]
    anchor, text = page.locator("#p1 > .anchor").bounding_box(), page.locator("#p1 > .original").bounding_box()
    assert anchor["x"] >= text["x"] + text["width"] - 1, "the passage's number stands at the start of the line: the right"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.problems == []


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_code_reads_left_to_right_from_its_start_on_a_right_to_left_page(server, open_page, width):
    """Its lines stood against the right edge, indentation lost, and on a phone a line wider than the box
    opened at its end: `lang in ("ar", "he") else "ltr"` showed, `def direction(lang):` did not."""
    page = open_page(server["url"] + ESSAY, width=width)
    code = page.locator("pre").first
    assert code.evaluate("e => [getComputedStyle(e).direction, getComputedStyle(e).textAlign]") == ["ltr", "left"]
    box, line = code.bounding_box(), code.locator("code").bounding_box()
    assert abs(line["x"] - box["x"]) < 20, "the code starts at the box's left edge, where its lines begin"
    if width == 390:
        assert code.evaluate("e => e.scrollWidth > e.clientWidth && e.scrollLeft === 0")


def test_arabic_words_in_an_english_page_still_read_right_to_left(server, open_page):
    page = open_page(server["url"] + "/rtl-site/en/posts/al-fina/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    assert directions(page, ".language-versions a[lang]") == ["ar:rtl", "en:ltr"]
    assert directions(page, "#p1 > .side") == ["en:ltr"]


def test_a_site_written_left_to_right_only_carries_no_dir(server):
    """No direction is set; only what a reader types runs the way its words do (`dir="auto"`): any script."""
    pages = sorted((server["root"] / "fixture-repo").rglob("*.html"))
    assert pages and not [p for p in pages if ' dir="' in p.read_text(encoding="utf-8").replace(' dir="auto"', "")]


def test_the_words_a_script_places_on_an_arabic_page_are_arabic(server, open_page):
    """Arabic has its catalog: a copied link's note, a search's status and "matched in …" are Arabic,
    and read right to left with the page, marked with no language of their own."""
    page = open_page(server["url"] + ESSAY)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#p1 .anchor")
    page.wait_for_selector(".copied-note")
    assert directions(page, ".copied-note > span, .copied-note > button, [data-passage-status]") == [":rtl"] * 3
    assert page.inner_text(".copied-note > span") == "نُسخ الرابط"
    # it stands from the right, where the passage's number is, whole: a physical `left` beside the
    # stylesheet's inset-inline-start squeezed it to a sliver over the heading
    note, anchor = (page.locator(selector).bounding_box() for selector in (".copied-note", "#p1 .anchor"))
    assert note["width"] > 100 and abs((note["x"] + note["width"]) - (anchor["x"] + anchor["width"])) < 2
    # its wider padding stands where the Arabic words start, on the right, as an English note's on the left
    label = page.locator(".copied-note > span").bounding_box()
    assert (note["x"] + note["width"]) - (label["x"] + label["width"]) > 8
    search = open_page(server["url"] + "/rtl-site/search/?q=quotation")
    search.wait_for_function("document.querySelectorAll('.search-results li').length > 0")
    assert directions(search, ".search-status, .match-language") == [":rtl"] * 2
    assert search.inner_text(".search-status").startswith("النتائج:")
    assert search.inner_text(".match-language") == "وُجد باللغة الإنجليزية"
    assert page.problems == [] and search.problems == []


def fixture_as(content, lang: str, name: str, extra: str = ""):
    """The right-to-left fixture copied to `content` with its Arabic written as `lang` (named `name`)."""
    for source in RTL_FIXTURE.rglob("*"):
        if source.is_file():
            target = content / source.relative_to(RTL_FIXTURE).as_posix().replace(".ar.md", f".{lang}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8")
            text = re.sub(r"\bar\b(?=[:,}\n])", lang, text.replace("ar: العربية", f"{lang}: {name}"))
            target.write_text(text + (extra if source.name == "site.yml" else ""), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def urdu(server):
    """The right-to-left fixture as an Urdu site, a language with no catalog: its pages speak English."""
    content = fixture_as(server["root"].parent / "urdu-content", "ur", "اردو", "english_interface: [ur]\n")
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "urdu"), "--no-cache")
    assert result.returncode == 0 and "catalog" not in result.stderr, result.stderr
    return "/urdu/"


def test_words_a_script_places_where_the_page_has_no_catalog_are_marked_as_english(server, open_page, urdu):
    """Urdu has no catalog (Persian had one in session 78): the page's own stand-in words carry lang="en", and so must those
    the scripts place (a copied link's note, a search's status and "matched in …")."""
    page = open_page(server["url"] + urdu + "posts/al-fina/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#p1 .anchor")
    page.wait_for_selector(".copied-note")
    assert directions(page, ".copied-note > span, .copied-note > button, [data-passage-status]") == ["en:ltr"] * 3
    assert page.inner_text(".copied-note > span") == "Link copied"
    search = open_page(server["url"] + urdu + "search/?q=quotation")
    search.wait_for_function("document.querySelectorAll('.search-results li').length > 0")
    assert directions(search, ".search-status, .match-language") == ["en:ltr"] * 2
    assert search.inner_text(".search-status").startswith("Results:")
    # the phrase around it is English's, so is the language's name in it
    assert search.eval_on_selector(".match-language > span", "e => [e.lang, e.textContent]") == ["en", "English"]
    assert page.problems == [] and search.problems == []


def test_an_arabic_card_counts_its_new_comments_in_the_page_s_digits(server, open_page, tmp_path):
    """The card's "N new", placed by a script, takes Arabic's plural form and the digits of the count
    the build wrote: Egyptian Arabic's own by CLDR ("٥ تعليقات"), as its dates are, whatever the browser's."""
    content = fixture_as(tmp_path / "content", "ar-EG", "العربية")
    for n in range(3, 6):
        (content / f"posts/al-fina/comments/c{n}.ar-EG.md").write_text(
            f"---\nauthor: قارئ {n}\ndate: 2024-03-1{n} 10:00\n---\n\nتعليق آخر.\n", encoding="utf-8")
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "arabic-cards"), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = open_page(server["url"] + "/arabic-cards/")
    page.evaluate("localStorage.setItem('tertulia.seen.al-fina', JSON.stringify(['comment-c1']))")
    page.reload()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar-EG", "rtl"]
    assert page.locator(".essay-card .comment-count").inner_text() == "٥ تعليقات"
    assert page.eval_on_selector_all(".essay-card .new-count", "marks => marks.map(m => m.textContent)") == [
        "٤ تعليقات جديدة"]
    assert page.locator(".essay-card time").inner_text() == "١٢ مارس ٢٠٢٤"
    assert page.problems == []


@pytest.fixture(scope="module")
def two_essays(server, tmp_path_factory):
    """The Arabic site with a second, newer essay: each has a neighbour to link to."""
    import shutil
    content = tmp_path_factory.mktemp("rtl-two") / "content"
    shutil.copytree(RTL_FIXTURE, content)
    (content / "posts/thani").mkdir()
    (content / "posts/thani/index.ar.md").write_text('---\ntitle: "الثاني"\nauthor: "ليلى حداد"\ndate: 2024-04-01\n---\n\nفقرة.\n')
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "rtl-two"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/rtl-two/posts/"


def test_an_arrow_points_out_to_the_side_its_link_stands_on(server, open_page, two_essays):
    """Right to left, the older essay's link stands on the left: its arrow points left, "← مقالة أقدم"."""
    page = open_page(server["url"] + two_essays + "thani/", width=1280)
    older = page.locator(".neighbours a[rel=next]")
    arrow, words = older.locator(".arrow").bounding_box(), older.locator(".dir").bounding_box()
    assert arrow["x"] < words["x"] + words["width"] / 2, "the arrow stands at the link's outer, left end"
    assert older.locator(".arrow").evaluate("e => getComputedStyle(e).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    page.goto(server["url"] + two_essays + "al-fina/")
    newer = page.locator(".neighbours a[rel=prev] .arrow")
    assert newer.evaluate("e => getComputedStyle(e).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    page.goto(server["url"] + "/fixture-repo/posts/alpha/")  # left to right, as written
    assert page.locator(".neighbours .arrow").first.evaluate("e => getComputedStyle(e).transform") == "none"


@pytest.mark.parametrize("query, width, indented", [("?view=stacked", 1280, True), ("?view=en", 1280, True),
                                                    ("", 390, True), ("", 1280, False)],
                         ids=["stacked", "english-only", "phone", "side-by-side"])
def test_a_reply_written_left_to_right_is_indented_from_the_thread_s_side(server, open_page, query, width, indented):
    """An English reply on an Arabic page was indented from its own start, the left, and ran over the thread's
    lines, which stand on the right (a new user's Arabic site, 2026-12): in one column it starts a step in
    from the right; side by side it stands under its column's label, as every translation does."""
    page = open_page(server["url"] + ESSAY + query, width=width)
    comment, reply = (page.locator(f"#comment-{name} > .pair > .side[lang=en]") for name in ("c1", "c2"))
    assert reply.evaluate("e => getComputedStyle(e).direction") == "ltr"
    comment, reply = comment.bounding_box(), reply.bounding_box()
    step = comment["x"] + comment["width"] - (reply["x"] + reply["width"])
    assert step >= 15 if indented else abs(step) <= 1, step
    assert reply["x"] >= comment["x"] - 1, "its left edge stays where the column's is, or further in"
    line = page.locator("#comment-c2").evaluate("e => getComputedStyle(e).backgroundPositionX")
    assert line.startswith(("calc(100%", "100%")), "the reply's line stands on the right"


def test_a_comment_in_arabic_previews_right_to_left_from_an_english_first_word(server, open_page):
    """The preview took its direction from the first letter: "Thanks! قرأت…" in Arabic previewed left to right,
    and was published right to left. A language chosen as English follows the words again."""
    page = open_page(server["url"] + ESSAY, width=1280)
    page.locator("#comment-c1 > .comment-actions a.propose").click()
    form = page.locator("#comment-c1 > form.proposal")
    assert form.locator("select[name=lang]").input_value() == "ar"
    form.locator("textarea").fill("Thanks! قرأت المقالة مرتين.")
    direction = "e => getComputedStyle(e).direction"
    assert [form.locator(box).evaluate(direction) for box in ("textarea", ".preview-body p")] == ["rtl", "rtl"]
    form.locator("select[name=lang]").select_option("en")
    assert [form.locator(box).evaluate(direction) for box in ("textarea", ".preview-body p")] == ["ltr", "ltr"]
    assert page.problems == []


def test_a_note_s_way_back_turns_in_right_to_left_text_only(server, open_page):
    """The hook (↩) back from a note was mirrored in the English column too, on a page whose main
    language is Arabic (a browser review, 2026-12): it turns in the Arabic text alone."""
    page = open_page(server["url"] + "/rtl-site/posts/al-fina/")
    turned = "links => links.map(a => [a.closest('[lang]').lang, getComputedStyle(a).transform])"
    found = page.locator(".footnote-backref").evaluate_all(turned)
    assert {lang for lang, _ in found} == {"ar", "en"}
    assert all((transform == "none") == (lang == "en") for lang, transform in found), found


def test_in_one_language_a_passage_s_button_names_the_arabic_original_in_its_direction(server, open_page):
    """The button showing a passage's counterpart named العربية with its `lang` but not its `dir`, which
    every other element of a right-to-left site's pages says (a reader's review)."""
    page = open_page(server["url"] + ESSAY + "?view=en")
    names = page.eval_on_selector_all(".glance-toggle [lang]", "found => found.map(e => e.lang + ':' + e.dir)")
    assert names and set(names) == {"ar:rtl"}
    assert page.problems == []
