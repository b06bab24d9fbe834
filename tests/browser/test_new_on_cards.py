"""Issue #27: "2 new" beside a card's comment count, from what this device saw of the discussion."""

from __future__ import annotations

import json

import pytest

from helpers import make_content, run_cli
from tools import AXE_JS, ensure_node_tools

TAGGED_ES = "---\ntitle: \"Hola\"\nauthor: Ana\ntags: [values]\n---\n\nPrimer párrafo.\n\nSegundo párrafo.\n"


def comment(author: str, text: str) -> str:
    return f"---\nauthor: {author}\n---\n\n{text}\n"


@pytest.fixture
def cards_site(server, tmp_path):
    """A site served under /cards-<n>/ whose content a test changes and builds again, as an author would."""
    folder = f"cards-{tmp_path.name}"
    content = make_content(tmp_path, {"posts/hola/index.es.md": TAGGED_ES,
                                      "posts/hola/comments/c1.es.md": comment("Eva", "Primero.")})

    def build():
        result = run_cli("build", "--content", str(content), "--output", str(server["root"] / folder), "--no-cache")
        assert result.returncode == 0, result.stderr

    build()
    return {"content": content, "build": build, "url": f"{server['url']}/{folder}"}


def new_counts(page) -> list[str]:
    return page.eval_on_selector_all(".essay-card .new-count", "marks => marks.map(m => m.textContent)")


def test_a_card_says_how_many_comments_are_new_since_the_reader_saw_the_discussion(cards_site, open_page):
    page = open_page(cards_site["url"] + "/")
    assert new_counts(page) == [], "never saw the discussion: nothing is new to this reader"
    page.goto(cards_site["url"] + "/posts/hola/")
    page.goto(cards_site["url"] + "/")
    assert new_counts(page) == [], "saw every comment"
    (cards_site["content"] / "posts/hola/comments/c2.en.md").write_text(comment("Tom", "Second."))
    cards_site["build"]()
    page.reload()
    byline = page.locator(".essay-card .byline")
    assert new_counts(page) == ["1 new"] and "2 comments · 1 new" in byline.inner_text()
    mark = page.locator(".essay-card .new-count")
    assert mark.evaluate("m => m.closest('[lang]').lang") == "en"
    for path, words in (("/es/", "1 nuevo"), ("/ro/", "1 nou"), ("/tags/values/", "1 new"), ("/es/tags/values/", "1 nuevo")):
        page.goto(cards_site["url"] + path)
        assert new_counts(page) == [words], path
    assert page.problems == []
    page.goto(cards_site["url"] + "/es/posts/hola/")  # the thread in one language counts as seen too
    page.goto(cards_site["url"] + "/")
    assert new_counts(page) == [], "seen now"


def test_the_count_takes_the_plural_form_of_the_listings_language(cards_site, open_page):
    for n in range(2, 4):
        (cards_site["content"] / f"posts/hola/comments/c{n}.es.md").write_text(comment(f"P{n}", "Otro."))
    cards_site["build"]()
    page = open_page(cards_site["url"] + "/")
    page.evaluate("localStorage.setItem('tertulia.seen.hola', JSON.stringify(['comment-c1']))")
    for path, words in (("/", "2 new"), ("/es/", "2 nuevos"), ("/ro/", "2 noi")):
        page.goto(cards_site["url"] + path)
        assert new_counts(page) == [words], path
    page.evaluate("localStorage.setItem('tertulia.seen.hola', '{\"not\": \"a list\"}')")
    page.reload()
    assert new_counts(page) == [] and page.problems == []


def test_without_script_the_card_is_as_it_was(cards_site, open_page):
    page = open_page(cards_site["url"] + "/", javascript=False)
    page.goto(cards_site["url"] + "/posts/hola/")
    page.goto(cards_site["url"] + "/")
    assert page.locator(".essay-card .byline").inner_text().startswith("by Ana · 1 comment")
    assert new_counts(page) == []


@pytest.mark.parametrize(("width", "dark"), [(1280, False), (390, True)], ids=["desktop-light", "phone-dark"])
def test_axe_finds_nothing_with_new_counts_shown(server, open_page, dark, width):
    ensure_node_tools()
    page = open_page(server["url"] + "/fixture-repo/", dark=dark, width=width)
    page.evaluate("for (const slug of ['alpha', 'beta', 'gamma']) localStorage.setItem('tertulia.seen.' + slug, '[]')")
    for path in ("/fixture-repo/", "/fixture-repo/ro/", "/fixture-repo/tags/values/"):
        page.goto(server["url"] + path)
        assert new_counts(page), path
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")
        assert violations == [], path
    assert json.loads(page.evaluate("JSON.stringify(localStorage.getItem('tertulia.seen.alpha'))")) == "[]"


def test_polish_and_ukrainian_cards_count_in_their_own_forms(server, tmp_path, open_page):
    """Their CLDR "other" is for fractions alone: the listing must still carry the phrases its script looks for."""
    yml = "title: {en: Test}\nbase_url: https://example.github.io/repo/\nlanguages: {en: English, pl: Polski, uk: Українська}\n" \
          "main_language: en\nsearch: false\n"
    files = {f"posts/hola/comments/c{n}.en.md": comment(f"P{n}", "Another.") for n in range(1, 7)}
    files.update({"site.yml": yml, "posts/hola/index.en.md": "---\ntitle: Hello\nauthor: Ann\n---\n\nA paragraph.\n"})
    content = make_content(tmp_path, files, with_essay=False)
    folder = f"slavic-{tmp_path.name}"
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / folder), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = open_page(f"{server['url']}/{folder}/")
    for seen, counts in ((["comment-c1"], {"/pl/": "5 nowych", "/uk/": "5 нових"}),
                         (["comment-c1", "comment-c2", "comment-c3", "comment-c4"], {"/pl/": "2 nowe", "/uk/": "2 нові"})):
        page.evaluate(f"localStorage.setItem('tertulia.seen.hola', JSON.stringify({json.dumps(seen)}))")
        for path, words in counts.items():
            page.goto(f"{server['url']}/{folder}{path}")
            assert new_counts(page) == [words], path
    assert page.problems == []
