"""The reader's and the form's scripts against hostile addresses and stored values (#28.10):
nothing a link or the browser's storage holds may stop a script or freeze the page."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import ESSAY_ES, make_content, run_cli, serving
from tertulia.site.proposals import LONGEST_NAME, LONGEST_WEBSITE

TEXT = "İİİ İstanbul DİYARBAKIR palabra final, ẞ traße."  # a word is marked where it starts (see reader.js)
CAPTURE_OPEN = "window.open = (url) => { window.__opened = url; return null; };"
# a name with JavaScript's replacement patterns and a line break that would start a mail header
HOSTILE_NAME = '---\nauthor: "Ann $& $` x\\r\\nBcc: victim@example.org"\n---\n\nHola.\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = make_content(root / "site", {"posts/hola/index.es.md": ESSAY_ES.replace("Primer párrafo.", TEXT),
                                           "posts/hola/comments/c1.es.md": HOSTILE_NAME})
    (content / "site.yml").write_text((content / "site.yml").read_text()
                                      + "discussion: {repo: example/repo, email: talk@example.org}\n")
    result = run_cli("build", "--content", str(content), "--output", str(root / "www/repo"), "--no-cache")
    assert result.returncode == 0, result.stderr
    with serving(root / "www") as url:
        yield url + "/repo/posts/hola/"


def marked(page) -> list[str]:
    return page.eval_on_selector_all("mark.search-hit", "marks => marks.map(m => m.textContent)")


@pytest.mark.parametrize("asked, found", [
    ("palabra", ["palabra"]), ("final", ["final"]), ("İstanbul", ["İstanbul"]), ("diyarbakir", []),
    ("DİYARBAKIR", ["DİYARBAKIR"]), ("traße", ["traße"]), ("ii", []),
])
def test_highlight_marks_the_right_letters_beside_length_changing_capitals(site, open_page, asked, found):
    page = open_page(f"{site}?highlight={asked}")
    page.wait_for_load_state("load")
    assert marked(page) == found
    assert page.problems == []
    assert TEXT in page.inner_text("#p1")


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "%", "%ZZ", "%C0%80", "p1%"])
def test_a_malformed_fragment_stops_nothing(site, open_page, fragment):
    page = open_page(f"{site}?highlight=palabra#{fragment}")
    page.wait_for_load_state("load")
    assert page.problems == []
    assert marked(page) == ["palabra"]


def open_join_form(site, open_page, stored: str):
    page = open_page(site)
    page.add_init_script(CAPTURE_OPEN + f"window.localStorage.setItem('tertulia.proposer', {stored!r});")
    page.reload()
    started = time.monotonic()
    page.locator(".join a.propose").click()
    form = page.locator(".join + form.proposal")
    form.wait_for()
    return page, form, time.monotonic() - started


@pytest.mark.parametrize("stored", ['{"author":{"toString":"x"}}', '{"author":{"toString":null},"url":[1]}',
                                    '"just text"', "[1,2]", "null", "{not json", '{"author":12,"url":true}'])
def test_a_corrupt_remembered_name_leaves_the_form_working(site, open_page, stored):
    page, form, _ = open_join_form(site, open_page, stored)
    assert form.locator("input[name=author]").input_value() == ""
    form.locator("textarea").fill("Hola.")
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened"), "the script sent it: the form was wired"
    assert "?" not in page.url and "Hola" not in page.url, "never submitted natively with the comment in the address"
    assert page.problems == []


def test_a_huge_remembered_name_is_cut_to_the_field_and_does_not_freeze_the_page(site, open_page):
    stored = '{"author":"' + "N" * 1_000_000 + '","url":"https://example.org/' + "u" * 1_000_000 + '"}'
    page, form, took = open_join_form(site, open_page, stored)
    assert took < 5
    assert len(form.locator("input[name=author]").input_value()) == LONGEST_NAME
    assert len(form.locator("input[name=url]").input_value()) == LONGEST_WEBSITE  # as long as an import takes
    form.locator("textarea").fill("Hola.")
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened")
    assert page.problems == []


def test_a_name_is_one_line_and_never_a_pattern_in_the_reply_form_and_its_mail(site, open_page):
    page = open_page(site)
    assert page.inner_text("#comment-c1 .author") == "Ann $& $` x Bcc: victim@example.org"
    page.locator("#comment-c1 a.propose").click()
    form = page.locator("#comment-c1 > form.proposal")
    assert form.locator(".proposal-title").inner_text() == "Reply to Ann $& $` x Bcc: victim@example.org"
    form.locator("textarea").fill("Hola.")
    form.locator("button[type=submit][value=email]").click()
    mailto = form.locator(".result a").get_attribute("href")
    subject = parse_qs(urlsplit(mailto).query)["subject"][0]
    assert subject.startswith("Reply to Ann $& $` x Bcc: victim@example.org") and "\n" not in subject
    assert page.problems == []
