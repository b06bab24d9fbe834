"""Shaping the model for pages: rows of aligned blocks, excerpts, default translations."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from markupsafe import Markup
from hypothesis import strategies as st

from tertulia.model import Comment, Essay, Text
from tertulia.reading.markup import first_words
from tertulia.site.structured import COMMENT_WORDS, _first_words
from tertulia.site.views import comment_views, default_translation, excerpt, rows


def text(lang, blocks, original=False):
    return Text(lang=lang, path=f"x.{lang}.md", blocks=tuple(blocks), title=lang, is_original=original)


def test_excerpt_takes_the_first_forty_words_across_blocks():
    words = [f"<p>{' '.join(f'w{b}{i}' for i in range(30))}</p>" for b in range(3)]
    short = excerpt(text("en", words))
    # a block that ends with no punctuation does not run on into the next: a dash stands between them
    assert short.split()[:2] == ["w00", "w01"] and "w029 — w10" in short and short.endswith("w18…")
    assert len(short.split()) == 40
    ended = excerpt(text("en", ["<h2>Balanço</h2>", "<blockquote><p>Meu avô cortava cana</p></blockquote>",
                                "<p>O meu também.</p>", "<p>Beatriz!</p>"]))
    assert ended == "Balanço — Meu avô cortava cana — O meu também. Beatriz!"
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


def comment(id, texts, replies=(), author=None):
    return Comment(id=id, author=author or id.upper(), texts=tuple(texts), replies=tuple(replies))


def columns(view):
    """Each side as role:lang, or role:missing / role:gap for the place holders."""
    return [[f"{side.role}:{side.kind or side.lang}" for side in row] for row in view.rows]


def test_a_comment_stands_under_its_own_languages_column_or_the_column_says_it_lacks_it():
    both = comment("a", [text("es", ["<p>Hola</p>"], True), text("en", ["<p>Hi</p>"])])
    english_only = comment("b", [text("en", ["<p>One</p>", "<p>Two</p>"], True)])
    spanish_translation = comment("c", [text("en", ["<p>x</p>"], True), text("es", ["<p>y</p>"])])
    romanian = comment("d", [text("ro", ["<p>Salut</p>"], True)])
    views = {v.id: v for v in comment_views((both, english_only, spanish_translation, romanian), ["es", "en"])}
    assert columns(views["a"]) == [["original:es", "translation:en"]]
    assert columns(views["b"]) == [["original:missing", "translation:en"], ["original:gap", "translation:en"]]
    assert views["b"].lacks == "original" and views["b"].written_in == "en"
    assert columns(views["c"]) == [["original:es", "translation:en"]]
    assert columns(views["d"]) == [["other:ro"]] and views["d"].untranslated
    alone = {v.id: v for v in comment_views((english_only, romanian), ["es"])}
    assert columns(alone["b"]) == [["original:en"], ["original:en"]] and alone["b"].untranslated
    assert not views["a"].untranslated and not views["b"].untranslated


def test_deep_replies_stop_indenting_and_name_whom_they_answer():
    chain = comment("c7", [text("en", ["<p>7</p>"], True)])
    for n in range(6, -1, -1):
        chain = comment(f"c{n}", [text("en", [f"<p>{n}</p>"], True)], replies=[chain])
    views = comment_views((chain,), ["en"])
    assert [v.level for v in views] == [0, 1, 2, 3, 4, 4, 4, 4]
    assert [v.replying_to_id for v in views] == ["", "", "c1", "c2", "c3", "c4", "c5", "c6"]
    assert views[7].replying_to == "C6"
    assert str(views[-1].after).count("</ol>") == 7, "every list the thread opened is closed"


def test_a_wordless_block_the_same_in_both_languages_is_one_side_across_the_columns():
    image, code = '<p><img alt="" src="plot.png"></p>', "<pre><code>print(1)\n</code></pre>"
    shown = rows([text("es", ["<p>Hola.</p>", image, code, '<p><img alt="Un gráfico" src="a.png"></p>'], True),
                  text("en", ["<p>Hello.</p>", image, code, '<p><img alt="A chart" src="a.png"></p>'])])
    assert [[side.role for side in row] for row in shown] == [
        ["original", "translation"], ["shared"], ["shared"], ["original", "translation"]]
    assert shown[1][0].lang == "es"
    same_words = rows([text("es", ["<p>Madrid</p>"], True), text("en", ["<p>Madrid</p>"])])
    assert [side.role for side in same_words[0]] == ["original", "translation"], "words stay in their columns"


@given(st.lists(st.integers(0, 30), min_size=1, max_size=4), st.booleans())
@settings(max_examples=300, deadline=None)
def test_json_ld_describes_a_comment_by_its_first_twenty_words_as_cut_from_its_blocks(lengths, with_excerpt):
    """The comment's words in the page's JSON-LD are cut from its archive excerpt: exactly what
    cutting its blocks at twenty words gives, below, at and past twenty and forty words."""
    blocks = [f"<p>{' '.join(f'w{b}-{i}' for i in range(n))}</p>" for b, n in enumerate(lengths)]
    said = text("en", blocks)
    if with_excerpt:  # as a comment read by the parse carries it
        said = replace(said, excerpt=first_words(said.blocks))
    assert _first_words(said) == first_words(said.blocks, COMMENT_WORDS)


@given(st.lists(st.integers(0, 150), min_size=1, max_size=3), st.booleans())
@settings(max_examples=200, deadline=None)
def test_json_ld_cuts_japanese_as_the_archive_does_by_characters(lengths, with_excerpt):
    blocks = [f"<p>{'雨の音' * (n // 3)}{'夜' * (n % 3)}</p>" for n in lengths]
    said = text("ja", blocks)
    if with_excerpt:
        said = replace(said, excerpt=first_words(said.blocks))
    assert _first_words(said) == first_words(said.blocks, COMMENT_WORDS)


def test_reading_time_counts_japanese_characters_and_english_words():
    from tertulia.site.views import reading_minutes
    assert reading_minutes(text("ja", ["<p>" + "書" * 2500 + "</p>", "<p>" + "斎" * 2500 + "</p>"])) == 10
    assert reading_minutes(text("en", ["<p>" + " ".join(["word"] * 400) + "</p>"])) == 2


def test_an_alignment_error_quotes_the_first_words_of_a_japanese_block_not_all_of_it():
    from tertulia.reading.align import _quote
    assert _quote("<p>" + "駅前の喫茶店" * 50 + "</p>") == "“駅前の喫茶店駅前の喫茶店駅前の…”"  # six words: fifteen characters
    assert _quote("<p>one two three four five six seven</p>") == "“one two three four five six…”"


@pytest.mark.parametrize(("comma", "spaced"), [(",", ", "), ("،", "، "), ("、", "、"), ("，", "，")])
def test_a_lists_comma_takes_a_space_unless_it_is_full_width(comma, spaced):
    from tertulia.site.ui import spaced_comma
    assert spaced_comma(Markup(comma)) == spaced


def test_a_language_named_inside_a_vietnamese_sentence_is_written_small_as_vietnamese_writes_it():
    """A Vietnamese writer's walk: "dịch sang Tiếng Hàn" (translated into Korean) wrote CLDR's label, capital
    and all, inside the sentence; Vietnamese writes the common noun small there, and a label capital."""
    from tertulia.site.ui import _display_name, babel_locale
    assert _display_name("ko", babel_locale("vi"), sentence=True) == "tiếng Hàn"
    assert _display_name("ko", babel_locale("vi")) == "Tiếng Hàn"  # a label, as the language switch shows it
    assert _display_name("fr", babel_locale("de"), sentence=True) == "Französisch"


def test_open_graph_names_a_script_s_own_country():
    """A Chinese walk: a Traditional Chinese page told link previews it was `zh_CN`, the likely country of
    Chinese alone, not of Chinese in Traditional characters."""
    from tertulia.site.structured import og_locale
    assert [og_locale(lang) for lang in ("zh-Hant", "zh-Hans", "zh", "sr-Latn", "pt-BR", "es")] == \
        ["zh_TW", "zh_CN", "zh_CN", "sr_RS", "pt_BR", "es_ES"]


def test_a_language_name_is_capitalized_as_its_script_titles_a_word():
    """A Georgian walk: `ქართული` was written `Ქართული`, its first letter Mtavruli, the capitals Georgian does not
    start a word with and no font here draws: a box stood on every page, in site.yml's name as init wrote it."""
    from tertulia.importers.siteyml import language_name
    from tertulia.site.ui import _display_name
    assert language_name("ka") == "ქართული" and _display_name("ka", "ka") == "ქართული"
    assert language_name("hy") == "Հայերեն" and _display_name("fr", "fr") == "Français"
