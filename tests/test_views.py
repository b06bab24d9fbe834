"""Shaping the model for pages: rows of aligned blocks, excerpts, default translations."""

from __future__ import annotations

from tertulia.model import Essay, Text
from tertulia.views import default_translation, excerpt, rows


def text(lang, blocks, original=False):
    return Text(lang=lang, path=f"x.{lang}.md", blocks=tuple(blocks), title=lang, is_original=original)


def test_excerpt_takes_the_first_forty_words_across_blocks():
    words = [f"<p>{' '.join(f'w{b}{i}' for i in range(30))}</p>" for b in range(3)]
    short = excerpt(text("en", words))
    assert short.split()[:2] == ["w00", "w01"] and short.endswith("w19…") and len(short.split()) == 40
    assert excerpt(text("en", ["<p>Just <em>five</em> words here, really.</p>"])) == "Just five words here, really."


def test_rows_pair_blocks_and_drop_rows_emptied_by_sanitizing():
    paired = rows([text("es", ["<p>Uno</p>", "", "<p>Tres</p>"], True), text("en", ["<p>One</p>", "", "<p>Three</p>"])])
    assert [[side.lang for side in row] for row in paired] == [["es", "en"], ["es", "en"]]
    assert str(paired[1][1].html) == "<p>Three</p>"


def test_the_default_translation_is_the_main_language_else_the_first_in_display_order():
    essay = Essay(slug="x", author="A", texts=(text("es", ["<p>a</p>"], True), text("ro", ["<p>b</p>"]),
                                                text("en", ["<p>c</p>"])))
    assert default_translation(essay, "en", ("en", "es", "ro")).lang == "en"
    english_original = Essay(slug="y", author="A", texts=(text("en", ["<p>a</p>"], True), text("ro", ["<p>b</p>"]),
                                                          text("es", ["<p>c</p>"])))
    assert default_translation(english_original, "en", ("en", "es", "ro")).lang == "es"
