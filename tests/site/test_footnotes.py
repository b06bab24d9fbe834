"""An author's footnotes (`[^1]`): numbered in the text, gathered in one last passage, in each language."""

from __future__ import annotations

import re

from helpers import make_content, run_cli

ESSAY_ES = """---
title: Hola
author: Ana
---

Una afirmación.[^1] Y otra.[^fuente]

[^1]: Según el libro, p. 3.

Segundo párrafo.

[^fuente]: Una fuente
    que sigue en otra línea.
"""
ESSAY_EN = """---
title: Hello
translation_of: es
---

A claim.[^1] And another.[^source]

[^1]: According to the book, p. 3.

Second paragraph.

[^source]: A source
    that runs on.
"""


def build(tmp_path, files):
    content = make_content(tmp_path, files, with_essay=False)
    return run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")), tmp_path / "out"


def test_footnotes_link_both_ways_in_each_language_with_ids_apart(tmp_path):
    result, out = build(tmp_path, {"posts/hola/index.es.md": ESSAY_ES, "posts/hola/index.en.md": ESSAY_EN})
    assert result.returncode == 0, result.stderr
    page = (out / "posts/hola/index.html").read_text()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "no id twice on the side-by-side page"
    for lang in ("es", "en"):
        assert f'<sup id="fnref-{lang}-1"><a class="footnote-ref" href="#fn-{lang}-1">1</a></sup>' in page
        assert f'<li id="fn-{lang}-1">' in page and f'href="#fnref-{lang}-1"' in page
    assert 'id="fn-es-fuente"' in page and 'id="fn-en-source"' in page
    assert "[^" not in page and "Jump back" not in page, "no Markdown sign, no English word of the converter's"
    # the notes are the last passage of both sides, in one row: the first paragraph is still §1
    rows = re.findall(r'<div class="pair" id="(p\d+)">', page)
    assert rows == ["p1", "p2", "p3"]
    last = page[page.index('id="p3"'):]
    assert last.index('lang="es"') < last.index("Según el libro") < last.index('lang="en"') < last.index("According to")
    single = (out / "en/posts/hola/index.html").read_text()
    assert 'id="fn-en-source"' in single and "that runs on." in single and "Según" not in single


def test_a_card_and_a_feed_summary_read_the_words_not_the_note_numbers(tmp_path):
    result, out = build(tmp_path, {"posts/hola/index.es.md": ESSAY_ES, "posts/hola/index.en.md": ESSAY_EN})
    assert result.returncode == 0, result.stderr
    home = (out / "en/index.html").read_text()
    assert "A claim." in home and "claim.1" not in home and "fnref" not in home
    feed = (out / "en/feed.xml").read_text()
    assert "<summary" not in feed or "claim.1" not in feed


def test_a_translation_without_the_footnotes_is_named_at_their_line(tmp_path):
    missing = ESSAY_EN.replace("[^1]: According to the book, p. 3.\n\n", "").replace(
        "\n[^source]: A source\n    that runs on.\n", "").replace("[^1]", "").replace("[^source]", "")
    result, out = build(tmp_path, {"posts/hola/index.es.md": ESSAY_ES, "posts/hola/index.en.md": missing})
    assert result.returncode == 1
    assert "content/posts/hola/index.en.md:" in result.stderr and "translation has 2 blocks, original has 3" in result.stderr
    assert not out.exists()


def test_a_comment_s_footnote_signs_stay_as_written(tmp_path):
    files = {"posts/hola/index.es.md": ESSAY_ES, "posts/hola/index.en.md": ESSAY_EN,
             "posts/hola/comments/c1.es.md": "---\nauthor: Bea\n---\n\nComo dice[^1].\n\n[^1]: mi abuela\n"}
    result, out = build(tmp_path, files)
    assert result.returncode == 0, result.stderr
    page = (out / "es/posts/hola/index.html").read_text()
    assert "Como dice[^1]." in page and "[^1]: mi abuela" in page


def test_notes_still_to_translate_stand_under_the_translations_ids_not_twice_under_the_originals(tmp_path):
    """The original's notes stood in for the translation's still marked `TODO translate`: beside the original on
    the side-by-side page their ids (`fn-pt-BR-a`) were there twice, which no page may hold."""
    import re
    from helpers import make_content, run_cli
    site = (make_content(tmp_path).joinpath("site.yml"))
    content = site.parent
    site.write_text(site.read_text().replace("ro: Română", "pt-BR: Português"))
    (content / "posts/hola/index.es.md").unlink()
    (content / "posts/hola/index.en.md").unlink()
    (content / "posts/hola/index.pt-BR.md").write_text("---\ntitle: Olá\nauthor: Ana\n---\n\nUm[^a].\n\n[^a]: Ditado.\n")
    (content / "posts/hola/index.en.md").write_text(
        "---\ntitle: Hello\ntranslation_of: pt-BR\n---\n\nOne[^a].\n\nTODO translate: [^a]: Ditado.\n")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/posts/hola/index.html").read_text()
    ids = re.findall(r'\sid="(fn[^"]*)"', page)
    assert sorted(ids) == sorted(set(ids)) and "fn-en-a" in ids and "fn-pt-BR-a" in ids


def test_a_reference_without_its_note_and_a_note_referred_to_nowhere_are_warned_of_at_their_blocks(tmp_path):
    """A translator's walk: `[^2]` typed without its note showed as written on the page, and a note whose
    reference the writer deleted kept an arrow back to nowhere; `check` said nothing of either."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("Segundo párrafo.", "Segundo párrafo.[^2] Código `[^a-z]`."),
        "posts/hola/index.en.md": ESSAY_EN.replace(" And another.[^source]", " And another."),
    }, with_essay=False)
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "footnote" in line]
    assert said == [
        "content/posts/hola/index.en.md:8: warning: the footnote [^source] is referred to nowhere in the text: its "
        "arrow back leads nowhere; put `[^source]` where it belongs, or take the note out",
        "content/posts/hola/index.es.md:10: warning: the footnote reference [^2] has no note, and shows as written: "
        "add `[^2]: …` below the text, or take the reference out",
    ], result.stderr


def test_notes_an_import_wrote_as_html_are_referred_to(tmp_path):
    """A review: a post imported with a footnote plugin's notes (written as HTML, as `import wordpress` writes
    them) was warned of three times, "referred to nowhere", though the page links both ways."""
    body = ('Un dato.<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n\n<section class="footnotes"><ol>'
            '<li id="fn-1">La fuente. <a href="#fnref-1">↩</a></li></ol></section>\n')
    content = make_content(tmp_path, {"posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\n" + body},
                           with_essay=False)
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0 and "footnote" not in result.stderr, result.stderr
    orphan = body.replace('<sup id="fnref-1"><a href="#fn-1">1</a></sup>', "")
    (content / "posts/hola/index.es.md").write_text("---\ntitle: Hola\nauthor: Ana\n---\n\n" + orphan)
    assert "the footnote [^1] is referred to nowhere" in run_cli("check", "--content", str(content)).stderr


def test_notes_written_as_html_in_both_languages_lead_each_side_to_its_own(tmp_path):
    """As a blog's footnote plugin and an earlier import wrote them (`<li id="fn-1">`), in a caption too,
    where Markdown's `[^1]` cannot stand: both sides held the same ids, and the English marks led to
    the Spanish notes (a red team's)."""
    def body(words: str, note: str, caption: str) -> str:
        return (f'{words}<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n\n<figure><img src="a.png" alt="">'
                f'<figcaption>{caption}<sup id="fnref-2"><a href="#fn-2">2</a></sup></figcaption></figure>\n\n'
                f'<section class="footnotes"><ol><li id="fn-1">{note} <a href="#fnref-1">↩</a></li>'
                f'<li id="fn-2">{caption}. <a href="#fnref-2">↩</a></li></ol></section>\n')
    result, out = build(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\n" + body("Un dato.", "La fuente.", "Foto"),
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\n" + body("A fact.", "The source.", "Photo"),
        "posts/hola/a.png": "png"})
    assert result.returncode == 0 and "footnote" not in result.stderr, result.stderr
    page = (out / "posts/hola/index.html").read_text()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
    for lang, note in (("es", "La fuente."), ("en", "The source.")):
        assert page.count(f'href="#fn-{lang}-1"') == 1 and page.count(f'href="#fn-{lang}-2"') == 1
        assert page[page.index(f'<li id="fn-{lang}-1">'):].startswith(f'<li id="fn-{lang}-1">{note}')
        assert page.count(f'href="#fnref-{lang}-2"') == 1
    single = (out / "en/posts/hola/index.html").read_text()
    assert 'href="#fn-en-1"' in single and '<li id="fn-en-1">The source.' in single
