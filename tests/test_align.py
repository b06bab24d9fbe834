"""Locating where a translation stops matching its original (Gale & Church lengths)."""

from __future__ import annotations

import pytest

from tertulia.reading.align import _quote, align_lengths, block_lines, counts_differ, locate_mismatch

ORIGINAL = tuple(f"<p>{text}</p>" for text in (
    "El primer párrafo habla de los clientes y de cómo los tratamos cada día.",
    "El segundo párrafo, bastante más largo, explica por qué la verticalidad ya no funciona en las agencias.",
    "El tercero cierra con una pregunta al lector.",
))


def test_equal_lists_align_one_to_one():
    assert align_lengths([70, 100, 45], [68, 104, 44]) == [(1, 1), (1, 1), (1, 1)]


def test_a_dropped_block_is_named():
    translation = (ORIGINAL[0].replace("El primer", "The first"), ORIGINAL[2].replace("El tercero", "The third"))
    _, message = locate_mismatch(ORIGINAL, translation, [])
    assert message == ("original block 2 “El segundo párrafo, bastante más largo,…” has no counterpart: "
                       "probably dropped before translation block 2")


def test_a_block_without_words_is_named_by_what_it_is_and_one_block_is_one():
    """A block without words was quoted as `“”`, and a translation of one block had "1 blocks"."""
    image = '<p><img alt="Snow on &quot;Cihangir&quot; roofs at dawn, seen from the window" src="kar.jpg"></p>'
    assert _quote(image) == '(an image “Snow on "Cihangir" roofs at dawn,…”)'
    assert _quote('<p><img src="kar.jpg"></p>') == "(an image)"
    _, message = locate_mismatch((ORIGINAL[0], ORIGINAL[1], "<hr>"), (ORIGINAL[0], ORIGINAL[1]), [])
    assert message.startswith("original block 3 (a <hr> without words) has no counterpart")
    assert counts_differ(1, 2) == "translation has 1 block, original has 2"
    assert counts_differ(13, 12) == "translation has 13 blocks, original has 12"


def test_a_merged_pair_is_named():
    merged = (ORIGINAL[0] + ORIGINAL[1], ORIGINAL[2])
    line, message = locate_mismatch(ORIGINAL, merged, [5, 7])
    assert message == "original blocks 1 and 2 “El primer párrafo habla de los…” seem merged into translation block 1, or one of them was dropped"
    assert line == 5


def test_a_split_block_is_named():
    half = "<p>El segundo párrafo, bastante más largo, explica</p>", "<p>por qué la verticalidad ya no funciona.</p>"
    split = (ORIGINAL[0], *half, ORIGINAL[2])
    line, message = locate_mismatch(ORIGINAL, split, [6, 8, 10, 12])
    assert message.startswith("original block 2 “El segundo") and message.endswith("translation blocks 2 and 3, or one of them was added")
    assert line == 8


def test_block_lines_follow_markdown_structure():
    body = "\n# Title\nText right under.\n\n- a\n- b\n\n- c\n\n```\ncode\n\nmore\n```\n\nLast.\n"
    assert block_lines(body, 4) == [5, 6, 8, 13, 19]


def test_a_link_s_definition_is_no_block_and_the_line_after_it_starts_one():
    """An errors audit: a file holding `[r]: https://…` had its count error said at the front matter's end."""
    from tertulia.reading.markup import Converter
    body = ("A [link][r].\n\nSecond.\n\n[r]: https://example.org/\n  \"A title\"\n\nThird.\n"
            "Its line.\n\n[s]: <https://example.org/s> (Title)\nFourth, after a definition.\n")
    assert block_lines(body, 5) == [5, 7, 12, 16]
    assert len(Converter().blocks(body, True, "en")) == 4


@pytest.mark.parametrize("body, starts", [
    ("One.\n\n[Update]: I changed my mind about this since.\n\nTwo.\n", [1, 3, 5]),  # Markdown's paragraph
    ("One.\n\n- a\n- b\n\n[r]: https://example.org/\n\nTwo [x][r].\n", [1, 3, 8]),  # after a list
    ("<div>\n[r]: https://example.org/\n</div>\n\nTwo.\n\nThree.\n", [1, 5, 7]),  # text of an HTML block
])
def test_only_what_markdown_reads_as_a_link_s_definition_is_left_out(body, starts):
    """A review: `[Update]: I changed my mind.` was taken for a definition, and its count error said at the
    front matter's end again; references after a closing list were not taken for definitions."""
    from tertulia.reading.markup import Converter
    assert block_lines(body, 1) == starts
    assert len(Converter().blocks(body, True, "en")) == len(starts)


def test_footnote_definitions_are_one_block_the_last_where_the_first_one_stands():
    from tertulia.reading.markup import Converter
    body = ("A claim.[^1]\n\n[^1]: The source,\nread lazily on.\n\n    A second paragraph of the note.\n\n"
            "Second paragraph.\n\n[^2]: Another.\n\n- a list\n- of two\n")
    assert block_lines(body, 10) == [10, 17, 21, 12]
    assert len(Converter().blocks(body, True, "en")) == 4


def test_blocks_added_together_at_the_end_are_named_not_taken_for_splits():
    """Two short paragraphs appended: two splits of short blocks cost less than two independent
    additions, so the run of added blocks is weighed as one act."""
    original = ("<p>Primer párrafo.</p>", "<p>Segundo párrafo.</p>")
    translation = ("<p>First paragraph.</p>", "<p>Second paragraph.</p>", "<p>A third paragraph added.</p>",
                   "<p>A fourth one too.</p>")
    line, message = locate_mismatch(original, translation, [6, 8, 10, 12])
    assert message == ("translation blocks 3 and 4 (“A third paragraph added.” and after) have no counterpart: "
                       "probably added")
    assert line == 10
    _, dropped = locate_mismatch(translation, original, [6, 8])
    assert dropped == ("original blocks 3 and 4 (“A third paragraph added.” and after) have no counterpart: "
                       "probably dropped at the end")


def test_a_dropped_heading_is_named_as_dropped_not_merged_into_a_paragraph():
    """A heading and the paragraph under it are about as long as that paragraph's translation, but a
    heading is never merged into a paragraph: the block kinds say it was dropped."""
    original = ("<p>Eine Brücke verbindet zwei Ufer, und wer sie baut, denkt an beide Seiten zugleich.</p>",
                "<h2>Bauweisen</h2>",
                "<p>Man baut sie aus Stein, aus Holz oder aus Stahl, je nach Fluss und Geld.</p>")
    translation = ("<p>Un pont relie deux rives, et qui le construit pense aux deux côtés à la fois.</p>",
                   "<p>On les construit en pierre, en bois ou en acier, selon le fleuve et l'argent.</p>")
    _, message = locate_mismatch(original, translation, [6, 8])
    assert message == ("original block 2 “Bauweisen” has no counterpart: probably dropped before translation block 2")


KOREAN = tuple(f"<p>{text}</p>" for text in (
    "나는 서울에서 태어나 서울에서 자랐지만, 이 도시를 제대로 걸어 본 적은 많지 않았다. 지하철과 버스가 나를 늘 목적지까지 데려다주었기 때문이다.",
    "청계천에 내려서면 자동차 소리가 갑자기 멀어진다. 물은 낮게 흐르고, 아이들은 돌다리를 건너며 웃는다.",
    "산책이 끝날 무렵 도시가 조금 더 가까워진 것 같았다. 걷는다는 것은 결국 천천히 보는 일이다.",
))
SPANISH = tuple(f"<p>{text}</p>" for text in (
    "Nací en Seúl y crecí en Seúl, pero pocas veces había recorrido a pie esta ciudad como es debido. "
    "El metro y los autobuses siempre me llevaban a mi destino.",
    "Al bajar al Cheonggyecheon, el ruido de los coches se aleja de repente.",
    "El agua corre baja y los niños ríen al cruzar las piedras.",
    "Al final del paseo sentí la ciudad un poco más cerca. Caminar es, al fin y al cabo, mirar despacio.",
))


def test_a_split_block_is_named_across_scripts_that_spend_characters_apart():
    """A Korean block split in its Spanish translation was said to be an added block: every Spanish block
    is two or three times as long in characters, so the halves each matched a whole (a writer's walk)."""
    _, message = locate_mismatch(KOREAN, SPANISH, [])
    assert message.startswith("original block 2 “청계천에 내려서면") and message.endswith(
        "seems split into translation blocks 2 and 3, or one of them was added"), message
    # a block dropped from the Spanish is still said to be, or one of two merged
    _, message = locate_mismatch(KOREAN, (SPANISH[0], SPANISH[3]), [])
    assert message.endswith(("probably dropped before translation block 2", "or one of them was dropped")), message


def test_blocks_left_out_are_named_by_their_kinds_where_these_leave_one_way_to_pair():
    """A translator's week: a translation lacking the original's table (7) and code block (10) was said to
    have merged original blocks 4 and 5, which were there, in order; with only paragraphs, lengths decide."""
    kinds = ["<p>Uno dos tres.</p>", "<h2>Título</h2>", "<p>Cuatro cinco.</p>", "<ul><li>a</li></ul>",
             "<blockquote><p>Cita.</p></blockquote>", '<p><img alt="x" src="a.png"></p>',
             "<table><tr><td>Celda</td></tr></table>", "<h2>Otro</h2>", "<p>Seis siete.</p>", "<pre><code>x = 1</code></pre>",
             '<div class="footnote"><ol><li>Nota.</li></ol></div>']
    translation = tuple(block for number, block in enumerate(kinds) if number not in (6, 9))
    line, message = locate_mismatch(tuple(kinds), translation, list(range(10, 19)))
    assert message == ("original blocks 7 and 10 (“Celda” and another) have no counterpart, by their kinds: "
                       "probably dropped, the first before translation block 7"), message
    assert line == 16
    run = tuple(block for number, block in enumerate(kinds) if number not in (6, 7))  # one run: said as before
    assert locate_mismatch(tuple(kinds), run, [])[1] == (
        "original blocks 7 and 8 (“Celda” and after) have no counterpart: probably dropped before translation block 7")
    added = (*kinds[:3], "<table><tr><td>Nueva</td></tr></table>", *kinds[3:8], "<pre><code>y</code></pre>", *kinds[8:])
    assert locate_mismatch(tuple(kinds), added, [])[1] == (
        "translation blocks 4 and 10 (“Nueva” and another) have no counterpart, by their kinds: probably added")
