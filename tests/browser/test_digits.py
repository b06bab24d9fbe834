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
