"""The plain-prose fast path must give exactly what Python-Markdown gives, or step aside."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tertulia.reading.markup import BLOCK_MARK, NEUTRAL_PARAGRAPH, Converter, plain_blocks, sanitize
from tertulia.reading.read import parse_text

from helpers import ROOT

ALPHABET = list("abcxyzÁñăşţ ABC019.,;:?¿¡!“”\"'‘’()«»„…–-—*_`#<>&[]|~=\\+%\u00a0") + ["\n", "\n\n", "  \n", "## ", "- ", "1. "]


def full_markdown(text: str) -> list[str]:
    """Python-Markdown's own blocks, bypassing the fast path."""
    converter = Converter()
    md = converter._md
    md.reset()
    return [p for p in (part.strip() for part in md.convert(text).split(BLOCK_MARK)) if p]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join))
@example("## \u00a0a")  # Markdown strips a heading's leading NBSP; found by this test
def test_the_fast_path_agrees_with_python_markdown_whenever_it_answers(text):
    fast = plain_blocks(text)
    if fast is not None:
        assert fast == full_markdown(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Una frase", " sencilla", ".", "…", " “citada”", "\n", "\n\n", "## Título\n\n",
                                 " (aparte)", "¿sí?", " – guion", "\u00a0"]), max_size=30).map("".join))
def test_ordinary_prose_takes_the_fast_path_and_agrees(text):
    fast = plain_blocks(text)
    if fast is not None:
        assert fast == full_markdown(text)


def test_the_real_content_converts_the_same_either_way():
    taken = 0
    for path in sorted((ROOT / "content").rglob("*.md")):
        parsed, _ = parse_text(path.read_bytes(), str(path))
        fast = plain_blocks(parsed.body)
        if fast is not None:
            taken += 1
            assert fast == full_markdown(parsed.body), path
    assert taken >= 10


def test_anything_with_markdown_signs_takes_the_full_path():
    for text in ("a *b*", "- item", "1. item", "> quote", "a  \nb", "    code", "a\n---", "a\n===", "<b>x</b>",
                 "a & b", "[x](y)", "`c`", "| a |", "```", "x_y"):
        assert plain_blocks(text) is None, text


@settings(max_examples=3000, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=80) | st.text(ALPHABET[:-6], max_size=80))
def test_a_paragraph_that_skips_the_sanitizer_is_one_the_sanitizer_would_leave_alone(text):
    block = f"<p>{text}</p>"
    if NEUTRAL_PARAGRAPH.fullmatch(block):
        assert sanitize(block).strip() == block


def test_comments_are_still_sanitized_when_they_hold_markup():
    converter = Converter()
    assert converter.blocks("Hola <script>x()</script> y <b>z</b>", trusted=False) == ("<p>Hola &lt;script&gt;x()&lt;/script&gt; y <b>z</b></p>",)
    assert converter.blocks("Un & dos", trusted=False) == ("<p>Un &amp; dos</p>",)
