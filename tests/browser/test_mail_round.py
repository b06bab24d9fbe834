"""The whole round by e-mail, from the page to the preview: the reader's letter as the page composes it,
sent as mail programs send it, imported once, checked, built (not published), shown in `serve` as pending.
And the form's own rules: the language read, what check would refuse, a website without a scheme."""

from __future__ import annotations

import shutil
import urllib.request
from urllib.parse import parse_qs, urlsplit

import mail_letters as mails
from helpers import FIXTURE, every_file, preview_of, run_cli

ESSAY = "/fixture-repo/posts/alpha/"
CAPTURE = """
window.open = (url) => { window.__opened = url; return null; };
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[href^='mailto:']");
  if (link) { (window.__mailto = window.__mailto || []).push(link.href); event.preventDefault(); }
}, true);
"""
SENDERS = [mails.quoted_printable, mails.base64, mails.html_only, mails.flowed]


def open_essay(server, open_page, width=1280, query=""):
    page = open_page(server["url"] + ESSAY + query, width=width)
    page.add_init_script(CAPTURE)
    page.reload()
    return page


def open_join_form(page):
    page.locator(".join a.propose").click()
    form = page.locator(".join + form.proposal")
    form.wait_for()
    return form


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def compose_letters(page, form, count):
    """The reader sends `count` comments by e-mail; the mailto: addresses the page opened."""
    for number in range(count):
        form.locator("input[name=author]").fill(f"Eve {number}")
        form.locator("input[name=url]").fill("eve.example.org/blog")
        form.locator("textarea").fill(f"Comment {number}: I *agree*, mostly.\n\n> the quote\n\n"
                                      "A line long enough that a mail program would surely wrap it somewhere "
                                      "in the middle, with “quotes” and ñ.")
        form.locator("button[type=submit][value=email]").click()
        assert form.locator("input[name=url]").input_value() == "https://eve.example.org/blog"
        assert "e-mail program should open" in form.locator(".result").inner_text()
        assert in_view(page, form.locator(".result")), "the confirmation is below the fold"
    return page.evaluate("window.__mailto")


def test_the_mail_round_from_the_page_to_the_preview(server, open_page, tmp_path):
    page = open_essay(server, open_page)
    mailtos = compose_letters(page, open_join_form(page), len(SENDERS))
    assert len(mailtos) == len(SENDERS) and page.problems == []
    letters = []
    for mailto in mailtos:
        parts = urlsplit(mailto)
        assert parts.scheme == "mailto" and parts.path == "talk@example.org"
        query = parse_qs(parts.query)
        assert query["subject"] == ["Comment on Alpha: values"]
        body = query["body"][0]
        assert body.startswith("Comment ") and "-------- Tertulia comment file: keep it as it is --------" in body
        letters.append(body)
    messages = [send(body, query["subject"][0], number) for number, (send, body) in enumerate(zip(SENDERS, letters), 1)]
    stores = mails.store(messages, tmp_path / "mail")
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)

    first = run_cli("import", "mail", *map(str, stores["mbox"]), "--content", str(content))
    assert first.returncode == 0, first.stderr
    written = sorted((content / "posts/alpha/comments").glob("2*.en.md"))
    assert len(written) == len(SENDERS), first.stdout + first.stderr
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert "status: pending" in text and 'url: "https://eve.example.org/blog"' in text
        assert "I *agree*, mostly.\n\n> the quote\n\nA line long enough" in text and "“quotes” and ñ." in text
        assert "eve.private" not in text
    before = every_file(content)
    for store in ("eml", "maildir"):
        again = run_cli("import", "mail", *map(str, stores[store]), "--content", str(content))
        assert again.returncode == 0 and again.stdout.count("already imported") == len(SENDERS)
    assert every_file(content) == before

    assert run_cli("check", "--content", str(content)).returncode == 0
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out), "--no-cache").returncode == 0
    ids = [path.name.split(".")[0] for path in written]
    published = (out / "posts/alpha/index.html").read_text(encoding="utf-8")
    assert not any(f'id="comment-{new_id}"' in published for new_id in ids)
    preview = serve_and_fetch(content, tmp_path, "posts/alpha/")
    for new_id in ids:
        mine = preview[preview.index(f'id="comment-{new_id}"') - 80:]
        assert " pending" in mine[:120] and "Pending review: not published" in mine[:1500]


def serve_and_fetch(content, tmp_path, path) -> str:
    """The page as `serve` shows it to the maintainer."""
    with preview_of(content, tmp_path, f"/fixture-repo/{path}") as url, urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_the_form_proposes_the_language_of_the_view_read(server, open_page):
    page = open_essay(server, open_page, query="?view=es")  # the original (Spanish) alone
    form = open_join_form(page)
    assert form.locator("select").input_value() == "es"
    form.locator(".close").click()
    page.locator("label:has(#view-side-by-side)").click()
    page.locator(".join a.propose").click()
    assert form.locator("select").input_value() == "en"  # beside each other: the page's own, the translation
    single = open_page(server["url"] + "/fixture-repo/es/posts/alpha/", width=1280)
    single.locator(".join a.propose").click()
    assert single.locator(".join + form.proposal select").input_value() == "es"
    # the main language's essay, read in its translation alone: Romanian, not the page's English (a walk, 2026-12)
    beta = open_page(server["url"] + "/fixture-repo/posts/beta/?view=ro", width=1280)
    beta.locator(".join a.propose").click()
    assert beta.locator(".join + form.proposal select").input_value() == "ro"


def test_the_form_refuses_what_check_would_refuse_and_a_website_it_cannot_complete(server, open_page):
    page = open_essay(server, open_page)
    form = open_join_form(page)
    form.locator("textarea").fill("[" * 501)
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened") is None
    assert "501 [ signs; at most 500 are taken" in form.locator(".field-problem").inner_text()
    form.locator("textarea").fill("a" * 50_001)
    form.locator("button[type=submit][value=email]").click()
    assert page.evaluate("window.__mailto") is None
    assert "50,001 characters; at most 50,000" in form.locator(".field-problem").inner_text()
    form.locator("textarea").fill("Fine words.")  # the refusal spoke of the text before: it goes
    assert form.locator(".field-problem").count() == 0 and form.locator("textarea").get_attribute("aria-invalid") is None
    form.locator("input[name=url]").fill("javascript:alert(1)")
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened") is None
    problem = form.locator(".field-problem")
    assert problem.count() == 1 and "must be an address such as https://example.org/" in problem.inner_text()
    assert page.evaluate("document.activeElement.name") == "url"
    field = form.locator("input[name=url]")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == problem.get_attribute("id")
    form.locator("input[name=url]").fill("")
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened").startswith("https://github.com/example/fixture-repo/new/main?")
    assert in_view(page, form.locator(".result"))
    assert form.locator(".field-problem").count() == 0 and field.get_attribute("aria-invalid") is None
    assert page.problems == []


def test_the_forms_numbers_are_written_as_the_pages_language_writes_them(server, open_page):
    single = open_page(server["url"] + "/fixture-repo/es/posts/alpha/", width=1280)  # the browser says en-US
    single.locator(".join a.propose").click()
    form = single.locator(".join + form.proposal")
    form.locator("textarea").fill("a" * 50_001)
    form.locator("button[type=submit][value=github]").click()
    assert "Tu comentario tiene 50.001 caracteres; se admiten como mucho 50.000." in form.locator(
        ".field-problem").inner_text()
