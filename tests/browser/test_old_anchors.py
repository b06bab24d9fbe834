"""A link from elsewhere to a section of an imported post (`#o-basico`) reaches the passage that holds it."""

from __future__ import annotations

from helpers import make_content, run_cli

ESSAY = ("---\ntitle: Decoradores\nauthor: Ana\nanchors: {o-basico: 3, \"fim\": 5, \"caf%C3%A9\": 4}\n---\n\n[O básico](#p3)\n\n"
         + "Um parágrafo longo o bastante para empurrar a página. " * 40 + "\n\n## O básico\n\n"
         + "Mais texto. " * 200 + "\n\n## Wraps\n\nFim.\n")
TRANSLATION = ("---\ntitle: Decorators\ntranslation_of: pt\nanchors: {the-basics: 3}\n---\n\n[The basics](#p3)\n\n"
               + "A paragraph long enough to push the page down. " * 40 + "\n\n## The basics\n\n"
               + "More text. " * 200 + "\n\n## Wraps\n\nEnd.\n")
SITE = ('title: T\nbase_url: "https://example.github.io/anchors/"\nlanguages:\n  pt: Português\n  en: English\n'
        "main_language: pt\nsearch: false\n")


def test_an_old_anchor_leads_to_its_passage_in_every_view_and_an_unknown_one_changes_nothing(server, open_page):
    """A walk: a link to a section of the old blog (from a forum, a chat) opened the moved post at its top."""
    content = make_content(server["root"].parent / "anchors-content", {
        "site.yml": SITE, "posts/decoradores/index.pt.md": ESSAY, "posts/decoradores/index.en.md": TRANSLATION},
        with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "anchors"), "--no-cache")
    assert result.returncode == 0, result.stderr
    for path, anchor, passage in (("/anchors/posts/decoradores/", "o-basico", "p3"),
                                  ("/anchors/posts/decoradores/", "the-basics", "p3"),  # the translation's own
                                  ("/anchors/en/posts/decoradores/", "the-basics", "p3"),
                                  ("/anchors/pt/posts/decoradores/", "fim", "p5"),
                                  # a name kept as a link spells it, percent-encoded: found as written too
                                  ("/anchors/posts/decoradores/", "caf%C3%A9", "p4")):
        page = open_page(server["url"] + path + "#" + anchor)
        page.wait_for_function(f"location.hash === '#{passage}'")
        assert page.evaluate("window.scrollY") > 300, (path, anchor)
        assert page.problems == []
    page = open_page(server["url"] + "/anchors/posts/decoradores/#nowhere")
    page.wait_for_timeout(300)
    assert page.evaluate("location.hash") == "#nowhere" and page.evaluate("window.scrollY") == 0


def test_a_link_to_a_blog_s_footnote_reaches_the_note_in_the_page_s_language(server, open_page):
    """Each text's footnote ids are named by its language (`fn-en-1`), so that side by side each leads to
    its own notes: a link made for the blog's (`#fn-1`) led to the page's top."""
    def text(head: str, words: str, note: str) -> str:
        return (head + "Texto " * 400 + f'\n\n{words}<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n\n'
                + "Mais. " * 400 + f'\n\n<section class="footnotes"><ol><li id="fn-1">{note} <a href="#fnref-1">↩</a>'
                "</li></ol></section>\n")
    content = make_content(server["root"].parent / "notes-content", {
        "site.yml": SITE,
        "posts/notas/index.pt.md": text("---\ntitle: Notas\nauthor: Ana\n---\n\n", "Um dado.", "A fonte."),
        "posts/notas/index.en.md": text("---\ntitle: Notes\ntranslation_of: pt\n---\n\n", "A fact.", "The source.")},
        with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "notes"), "--no-cache")
    assert result.returncode == 0, result.stderr
    for path, anchor, reached in (("/notes/en/posts/notas/", "fn-1", "fn-en-1"), ("/notes/pt/posts/notas/", "fn-1", "fn-pt-1"),
                                  ("/notes/en/posts/notas/", "fnref-1", "fnref-en-1")):
        page = open_page(server["url"] + path + "#" + anchor)
        page.wait_for_function(f"location.hash === '#{reached}'")
        assert page.evaluate("window.scrollY") > 300, (path, anchor)
        assert page.problems == []
