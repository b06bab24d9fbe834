"""Numbers a script places, in the digits of the page's words: Bengali's own where its catalog says the
phrase, English's where the phrase falls back to English (and marked so)."""

from __future__ import annotations

import json

from helpers import make_content, run_cli, write_tree

BENGALI_CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "%(num)d new"
msgid_plural "%(num)d new"
msgstr[0] "%(num)d নতুন"
msgstr[1] "%(num)d নতুন"

msgid "new"
msgstr "নতুন"
'''


def comment(number: int) -> str:
    return f"---\nauthor: পাঠক {number}\ndate: 2024-03-1{number} 10:00\n---\n\nমন্তব্য।\n"


def test_a_placed_count_takes_the_digits_of_the_words_around_it(server, open_page, tmp_path):
    """A review of the native digits (session 74): with a half-filled Bengali catalog, "since your last
    visit: ২" was English words with a Bengali digit, unmarked; the card's translated "N new" takes ২."""
    content = make_content(tmp_path / "bengali", {
        "site.yml": 'title: নদী\nbase_url: "https://example.github.io/bengali/"\nlanguages: {bn: বাংলা, en: English}\n'
                    "main_language: bn\n",
        "posts/nodi/index.bn.md": "---\ntitle: নদী\nauthor: সুমনা\ndate: 2024-03-01\n---\n\nপ্রথম।\n",
        "posts/nodi/index.en.md": "---\ntitle: River\ntranslation_of: bn\n---\n\nFirst.\n",
        **{f"posts/nodi/comments/c{n}.bn.md": comment(n) for n in range(1, 4)}}, with_essay=False)
    write_tree(tmp_path / "bengali/locales/bn/LC_MESSAGES", {"messages.po": BENGALI_CATALOG})
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "bengali"), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = open_page(server["url"] + "/bengali/")
    page.evaluate("localStorage.setItem('tertulia.seen.nodi', %s)" % json.dumps(json.dumps(["comment-c1"])))
    page.reload()
    assert page.eval_on_selector_all(".essay-card .new-count", "marks => marks.map(m => m.textContent)") == ["২ নতুন"]
    page.goto(server["url"] + "/bengali/posts/nodi/")
    count = page.locator(".discussion h2 .new-count")
    assert count.inner_text() == " · since your last visit: 2"
    assert count.get_attribute("lang") == "en"
    assert page.locator(".new-badge").first.inner_text() == "নতুন" and page.locator(".new-badge").first.get_attribute("lang") is None
    assert page.problems == []


def test_a_persian_page_parts_its_bylines_numbers_its_lists_and_quotes_as_persian_is_written(server, open_page, tmp_path):
    """A Persian writer's walk (session 78): the byline's dot read as the zero beside it ("۱ · ۰ دیدگاه": ten),
    a list in a Persian text was numbered 1. 2., a tag's name was quoted with English marks, back to front in
    a right-to-left line, and the form's limit said ۵۰,۰۰۰ with a Latin comma."""
    content = make_content(tmp_path / "persian", {
        "site.yml": 'title: دفتر\nbase_url: "https://example.github.io/daftar/"\nlanguages: {fa: فارسی, en: English}\n'
                    "main_language: fa\ntags: {hafez: {fa: حافظ, en: Hafez}}\ndiscussion: {repo: parisa/daftar}\n",
        "posts/ketab/index.fa.md": "---\ntitle: کتاب‌ها\nauthor: پریسا\ndate: 2024-01-10\ntags: [hafez]\n---\n\n"
                                   "کتاب‌هایی که خواندم:\n\n1. دیوان حافظ\n2. گلستان\n\n"
                                   '<ol type="a"><li>الف</li><li>ب</li></ol>\n',
        "posts/ketab/index.en.md": "---\ntitle: Books\ntranslation_of: fa\n---\n\nBooks I read:\n\n1. Hafez\n2. Golestan\n\n"
                                   '<ol type="a"><li>a</li><li>b</li></ol>\n',
        "posts/ketab/comments/c1.fa.md": "---\nauthor: مهسا\ndate: 2024-01-11 10:00\n---\n\nچه خوب.\n"},
        with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "daftar"), "--no-cache")
    assert result.returncode == 0, result.stderr
    not_found = (server["root"] / "daftar/404.html").read_text()  # each language's title parted as its pages are
    assert "<title>صفحه پیدا نشد | دفتر</title>" in not_found and 'data-title="Page not found · دفتر"' in not_found
    page = open_page(server["url"] + "/daftar/")
    byline = page.locator(".essay-card .byline").first.inner_text()
    assert "·" not in byline and byline.count(" | ") == 3 and "| ۱ دیدگاه |" in byline, byline
    page.goto(server["url"] + "/daftar/fa/posts/ketab/")
    styles = page.evaluate("""() => [...document.querySelectorAll("ol")].map(list =>
        [list.className, getComputedStyle(list).listStyleType])""")
    assert ["", "persian"] in styles and ["thread", "none"] in styles, styles
    assert ["", "lower-alpha"] in styles  # an essay's own list of letters keeps them (a red team)
    page.goto(server["url"] + "/daftar/posts/ketab/")
    shared = page.get_attribute('meta[property="og:title"]', "content")
    assert shared == "کتاب‌ها | Books", shared  # the title a shared link shows, parted as the page's are
    page.goto(server["url"] + "/daftar/fa/posts/ketab/")
    reply = page.locator("#comment-c1 .comment-actions a.propose")
    reply.focus()
    page.keyboard.press("Enter")
    form = page.locator("#comment-c1 > form.proposal")
    form.locator("textarea").fill("آ" * 50_001)
    form.locator("button[type=submit][value=github]").click()
    assert "۵۰٬۰۰۱" in form.locator(".field-problem").inner_text() and "۵۰٬۰۰۰" in form.locator(".field-problem").inner_text()
    page.goto(server["url"] + "/daftar/tags/hafez/")
    quotes = page.evaluate("getComputedStyle(document.querySelector('h1 q')).quotes")
    assert quotes.startswith('"«" "»"'), quotes
    assert page.problems == []
