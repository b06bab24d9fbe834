"""Markdown into top-level blocks; untrusted comment HTML reduced to a safe subset."""

from __future__ import annotations

import pytest

from tertulia.reading.markup import Converter, plain_text, sanitize
from tertulia.site.relink import rebase_links

MARKDOWN = """\
# Heading

A paragraph
over two lines.

- one
- two

> quoted

```
code

with a blank line
```

| a | b |
|---|---|
| 1 | 2 |

---
"""


def test_each_top_level_block_is_one_item():
    blocks = Converter().blocks(MARKDOWN, trusted=True)
    assert [b.split(">")[0] + ">" for b in blocks] == [
        "<h1>", "<p>", "<ul>", "<blockquote>", "<pre>", "<table>", "<hr>"]


def test_essays_keep_their_raw_html():
    blocks = Converter().blocks('<figure class="x"><img src="a.png" alt="A"></figure>\n\nText.\n', trusted=True)
    assert blocks[0] == '<figure class="x"><img src="a.png" alt="A"></figure>'


def test_comment_html_loses_scripts_handlers_frames_and_unsafe_links():
    hostile = ("<script>alert(1)</script>\n\nSee <img src=x onerror=alert(2)> "
               "<a href=\"javascript:alert(3)\">x</a> [y](javascript:alert(4)) "
               "<a href=\"https://ok.example/\" onclick=\"alert(5)\">ok</a>\n\n<iframe src=\"https://evil/\"></iframe>\n")
    html = "\n".join(Converter().blocks(hostile, trusted=False))
    for bad in ("<script", "onerror", "javascript:", "onclick", "<iframe", "<img"):
        assert bad not in html
    assert '<a href="https://ok.example/" rel="nofollow ugc noopener">ok</a>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as typed: words, never a script


def test_an_unclosed_tag_of_raw_text_keeps_every_word_after_it_as_typed():
    """An unclosed <script>, <textarea> or <title> once took the rest of its paragraph with it."""
    for tag in ("script", "style", "textarea", "title", "xmp", "plaintext", "noscript", "select", "svg"):
        blocks = Converter().blocks(f"Never put a <{tag}> tag in a comment, said Ana.\n\nI agree.\n", trusted=False)
        assert blocks == (f"<p>Never put a &lt;{tag}&gt; tag in a comment, said Ana.</p>", "<p>I agree.</p>"), blocks


def test_mathml_in_a_comment_keeps_its_words():
    blocks = Converter().blocks("It is <math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>.",
                                trusted=False)
    assert blocks == ("<p>It is E=mc2.</p>",)


@pytest.mark.parametrize("tag", ["text", "line", "path", "true", "in", "list", "vector"])
def test_a_comment_keeps_every_word_after_an_svg_or_mathml_element_name(tag):
    # nh3 drops these elements' words with them, outside <svg> and <math> too: a reader's sentence ended there
    blocks = Converter().blocks(f"Put it in a <{tag}> element; the rest of my comment says why.", trusted=False)
    assert blocks == ("<p>Put it in a  element; the rest of my comment says why.</p>",)


def test_sanitize_keeps_the_small_safe_subset():
    assert sanitize("<p><em>a</em> <strong>b</strong> <code>c</code></p>") == \
        "<p><em>a</em> <strong>b</strong> <code>c</code></p>"
    assert sanitize('<p style="color:red" class="x">t</p>') == "<p>t</p>"


def test_relative_links_are_rebased_but_absolute_ones_are_not():
    html = '<p><img src="a.png"> <a href="https://x.org/">x</a> <a href="#n">n</a> <a href="/r">r</a></p>'
    assert rebase_links(html, "../") == \
        '<p><img src="../a.png"> <a href="https://x.org/">x</a> <a href="#n">n</a> <a href="/r">r</a></p>'


def test_plain_text_strips_tags_and_entities():
    assert plain_text("<p>a &amp; <em>b</em></p>") == "a & b"


def test_excerpts_read_as_the_page_does_and_cards_take_the_first_sentence():
    from tertulia.reading.markup import first_words
    from tertulia.site.excerpts import first_sentence, is_wordless
    assert first_words(['<p>a fine <a href="x">link</a>. And <em>more</em>, here.</p>']) == "a fine link. And more, here."
    assert plain_text('<p>a fine <a href="x">link</a>.</p>') == "a fine link .", "the translation record's words stay"
    assert first_sentence(["<h2>Title</h2>", '<p><img alt="" src="a.png"></p>',
                           "<p>“It rules.” she said. Then more.</p>"]) == "“It rules.”"
    assert first_sentence(["<p>No full stop at all</p>"]) == "No full stop at all"
    assert is_wordless('<p><img alt="" src="a.png"></p>') and is_wordless("<pre><code>x</code></pre>")
    assert not is_wordless('<p><img alt="A chart" src="a.png"></p>') and not is_wordless("<p>Madrid</p>")


def test_a_card_and_an_excerpt_leave_out_a_script_s_or_a_style_sheet_s_code():
    """A contract audit: an essay's `<script>window.essayScript=1</script>` read on the home page's card as
    "Beta text window.essayScript=1."; the translation record's words stay as they were."""
    from tertulia.reading.markup import first_words
    from tertulia.site.excerpts import first_sentence
    block = "<p>Beta text <script>window.essayScript=1</script><STYLE>p { x: 1 }</STYLE>. Then more.</p>"
    assert first_sentence([block]) == "Beta text ." and first_words([block]) == "Beta text . Then more."
    assert "essayScript" in plain_text(block)
    # a review: a tag inside a comment, a custom element named alike, and unclosed ones, left as they are
    # (looked for to the block's end once, not once each: 2.5 s for 8,000 of them)
    assert first_words(["<p>a <!-- <script> --> seen <script>x</script> end</p>"]) == "a seen end"
    assert first_words(["<p>a <script-x>shown</script-x> b</p>"]) == "a shown b"
    assert first_words(["<p>a <style>p {} <script>x</script></p>"]) == "a p {} x"
    assert first_words(["<p>" + "<style>a " * 8000 + "</p>"], 3) == "a a a…"
    # a second review: a Turkish İ, two letters in lower case, moved every cut after it; `<!-->` is a whole
    # comment, and `</scriptx>` no script's end
    assert first_words(["<p>İzmir, İstanbul ve İnebolu <!-- TODO: kaynak --> arasında bir yolculuk.</p>"]) == \
        "İzmir, İstanbul ve İnebolu arasında bir yolculuk."
    assert first_sentence(["<p>İİİİİİ <style>p{}</style> Merhaba dünya. İkinci.</p>"]) == "İİİİİİ Merhaba dünya."
    assert first_words(["<p>a <!--> b <!---> c <!-- d --!> e</p>"]) == "a b c e"
    assert first_words(["<p>a <script>x</scriptx> y</script > z</p>"]) == "a z"


def test_a_card_s_first_sentence_ends_where_its_language_ends_one():
    """Greek's question mark is `;`, Arabic's `؟`, Hindi's full stop `।`: a card ran on to the next sentence."""
    from tertulia.site.excerpts import first_sentence
    assert first_sentence(["<p>Τι σημαίνει η λέξη ψυχή; Σημαίνει και ανάσα.</p>"], lang="el") == "Τι σημαίνει η λέξη ψυχή;"
    assert first_sentence(["<p>Uno; dos y tres. Cuatro.</p>"], lang="es") == "Uno; dos y tres."
    assert first_sentence(["<p>ما هذا؟ لا أعرف.</p>"], lang="ar") == "ما هذا؟"
    assert first_sentence(["<p>यह क्या है। मुझे नहीं पता।</p>"], lang="hi") == "यह क्या है।"


def test_a_chinese_excerpt_has_no_space_where_a_block_or_a_line_ended():
    """"很地道。 推荐…": the archive's excerpts and the JSON-LD joined blocks and <br> lines with a space."""
    from tertulia.reading.markup import first_words, reading_text
    assert first_words(["<p>很地道。</p>", "<p>推荐大家看看。<br>下次写清楚一点。</p>"]) == "很地道。推荐大家看看。下次写清楚一点。"
    assert reading_text("<p>Tom 说：<br>好。</p>") == "Tom 说：好。"


def test_a_comment_too_slow_to_read_is_refused_and_an_essay_has_a_longer_time(monkeypatch):
    from helpers import stall_on
    from tertulia.reading import markup
    monkeypatch.setattr(markup, "MAX_SECONDS", 0.05)
    slow = "Lento, *lento*."  # marked: a plain paragraph is never given to Python-Markdown
    stall_on(monkeypatch, slow, 0.3)
    assert markup.comment_refusal(slow) == markup.TOO_SLOW
    with markup.alarms() as timed:
        assert markup.Converter(timed).blocks(slow, trusted=True)  # within an author's time
        monkeypatch.setattr(markup, "MAX_SECONDS_TRUSTED", 0.05)
        with pytest.raises(markup.TooSlow):  # an essay of 20,000 `[` held a build for a minute
            markup.Converter(timed).blocks(slow, trusted=True)
    assert markup.comment_refusal("Hola, [un enlace](https://example.org/).") == ""


def test_open_brackets_past_what_a_comment_in_earnest_has_are_refused_before_converting():
    """A red team: 499 `[` before 20,000 letters took 1.6 s idle and over 5 s on a busy machine, so the
    same pending comment built on one and stopped the build on the other. Counted, it is refused alike."""
    from tertulia.reading import markup
    line, said = markup.markup_problem("Hola.\n\n" + "[" * 499 + "a" * 20_000, trusted=False)
    assert line == 3 and said.startswith("this comment's `[` signs and links would have the converter read 10,")
    assert markup.comment_refusal("[" * 499 + "a" * 20_000) == said
    # and as the link reader reads: a link's `(` none closes, a `]` in code, which is no `]` to it
    for stalling in ["[a](" * 90 + "\\*" * 20_000, "[" * 300 + "`]`" * 300 + "\\*" * 3_000]:
        assert "would have the converter read" in markup.markup_problem(stalling, trusted=False)[1]
    for earnest in ["[sic] " * 400 + "a" * 40_000, "Un [enlace](https://x.org) y un [ suelto. " * 200,
                    "[a](b)\n\n" * 450]:
        assert markup.markup_problem(earnest, trusted=False) is None
    assert markup.markup_problem("[" * 499 + "a" * 20_000, trusted=True) is None  # an author's is timed only


def test_the_time_a_comment_may_take_is_its_own_cpu_time_not_the_clocks(monkeypatch):
    """A converter kept waiting (by other work on the machine) is not refused for the wait."""
    import time
    from tertulia.reading import markup
    monkeypatch.setattr(markup, "MAX_SECONDS", 0.05)
    with markup.alarms() as timed:
        converter = markup.Converter(timed)
        convert = converter._md.convert
        monkeypatch.setattr(converter._md, "convert", lambda text: (time.sleep(0.3), convert(text))[1])
        assert converter.blocks("Hola *tú*.", trusted=False) == ("<p>Hola <em>tú</em>.</p>",)


def test_a_link_whose_only_content_a_comment_may_not_hold_shows_its_address():
    """A linked image loses its image: a link with no words has no name for a screen reader (axe)."""
    html = sanitize('<a href="https://x.example/?a=1&b=2"><img src="t.jpg"></a> and <a href="https://y.example/">y</a>')
    assert html == ('<a href="https://x.example/?a=1&amp;b=2" rel="nofollow ugc noopener">https://x.example/?a=1&amp;b=2'
                    '</a> and <a href="https://y.example/" rel="nofollow ugc noopener">y</a>')


def test_an_author_s_footnotes_become_one_last_block_with_ids_of_the_text_s_language():
    from tertulia.reading.markup import Converter
    blocks = Converter().blocks("A claim.[^1] Again.[^the note]\n\n[^1]: Source.\n\n[^the note]: Other.\n", True, "pt-BR")
    assert blocks[0] == ('<p>A claim.<sup id="fnref-pt-BR-1"><a class="footnote-ref" href="#fn-pt-BR-1">1</a></sup> Again.'
                         '<sup id="fnref-pt-BR-the-note"><a class="footnote-ref" href="#fn-pt-BR-the-note">2</a></sup></p>')
    assert blocks[1].startswith('<div class="footnote">') and '<li id="fn-pt-BR-the-note">' in blocks[1]
    assert '<a class="footnote-backref" href="#fnref-pt-BR-1">&#8617;</a>' in blocks[1] and "title=" not in blocks[1]
    assert len(blocks) == 2


def test_notes_written_as_html_beside_markdown_s_take_the_language_too_and_never_the_same_id():
    """A post with a blog's HTML notes and a `[^` (a note on Markdown, or a shortcode's note) named only
    Markdown's by language: side by side, both columns held `fn-1` (a red team's)."""
    import re
    text = ('Uno.[^1] Dos.<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n\n'
            '<ol><li id="fn-1">Nota. <a href="#fnref-1">↩</a></li></ol>\n\n[^1]: Otra.\n')
    html = "".join(Converter().blocks(text, True, "es"))
    ids = re.findall(r' id="([^"]*)"', html)
    assert len(ids) == len(set(ids)) and all(i.startswith(("fn-es-", "fnref-es-")) for i in ids), ids
    assert 'href="#fn-es-h-1"' in html and 'id="fn-es-h-1"' in html


def test_footnote_markup_shown_as_code_is_shown_as_written():
    """Inline and indented code escape no `"`: a post on how plugins write notes saw `id="fn-es-1"` in its
    samples, which said `id="fn-1"` (a red team's)."""
    sample = 'A plugin writes `<li id="fn-1">` and `<a href="#fnref:1">`.[^1]\n\n    <sup id="fnref-1"></sup>\n\n[^1]: So.\n'
    html = "".join(Converter().blocks(sample, True, "es"))
    assert '<code>&lt;li id="fn-1"&gt;</code>' in html and '<code>&lt;a href="#fnref:1"&gt;</code>' in html
    assert '<code>&lt;sup id="fnref-1"&gt;&lt;/sup&gt;' in html and 'id="fn-es-1"' in html
    plain = "".join(Converter().blocks('Writes `<li id="fn-1">`.<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n', True, "es"))
    assert '<code>&lt;li id="fn-1"&gt;</code>' in plain and '<sup id="fnref-es-1"><a href="#fn-es-1">' in plain
    typed = "".join(Converter().blocks('Press <kbd>id="fn-1"</kbd>.<sup id="fnref-1"><a href="#fn-1">1</a></sup>\n', True, "es"))
    assert '<kbd>id="fn-1"</kbd>' in typed and '<sup id="fnref-es-1">' in typed


def test_text_without_a_footnote_converts_as_it_did_and_a_comment_keeps_the_signs():
    from tertulia.reading.markup import Converter
    assert Converter().blocks("A *claim* [link](x).\n", True, "en") == ('<p>A <em>claim</em> <a href="x">link</a>.</p>',)
    assert Converter().blocks("As said[^1], she wrote.\n\nSecond.\n", False, "en") == (
        "<p>As said[^1], she wrote.</p>", "<p>Second.</p>")


def test_a_feeds_links_are_absolute_with_their_dot_segments_resolved():
    """A feed reader shows the address: `…/posts/a/../b/` reads as broken, though it resolves."""
    from tertulia.site.relink import absolute_links
    block = ('<p><a href="../welcome/">w</a> <img src="photo.jpg" alt=""> <a href="./notes.pdf?a=1&amp;b=2">n</a> '
             '<a href="/sub/about/">a</a> <a href="#fn-1">1</a></p>')
    assert absolute_links(block, "https://ex.org/sub/posts/x/", "https://ex.org") == (
        '<p><a href="https://ex.org/sub/posts/welcome/">w</a> <img src="https://ex.org/sub/posts/x/photo.jpg" alt=""> '
        '<a href="https://ex.org/sub/posts/x/notes.pdf?a=1&amp;b=2">n</a> <a href="https://ex.org/sub/about/">a</a> '
        '<a href="#fn-1">1</a></p>')


def test_links_are_rewritten_in_tags_only_never_in_the_words_or_code_a_block_shows():
    """A reader who writes `href="/about/"`, an essay's code sample `<img src="dog.png">`: words, kept as written."""
    from tertulia.reading.markup import rooted_links
    from tertulia.site.relink import absolute_links, rebase_links
    words = '<code>&lt;img src="dog.png"&gt;</code> said href="/about/"'
    block = f'<p>{words} <img alt="d" src="dog.png"> <a href="/about/">x</a></p>'
    assert rebase_links(block, "../../") == f'<p>{words} <img alt="d" src="../../dog.png"> <a href="/about/">x</a></p>'
    assert rooted_links(block, "/site/") == f'<p>{words} <img alt="d" src="dog.png"> <a href="/site/about/">x</a></p>'
    assert absolute_links(block, "https://e.org/site/posts/a/", "https://e.org") == (
        f'<p>{words} <img alt="d" src="https://e.org/site/posts/a/dog.png"> <a href="https://e.org/about/">x</a></p>')


@pytest.mark.parametrize("text, shown", [
    ("Look: ![my garden photo](https://example.org/g.jpg)",
     '<p>Look: <a href="https://example.org/g.jpg" rel="nofollow ugc noopener">my garden photo</a></p>'),
    ('x <img src="https://e.org/a.png?a=1&amp;b=2" alt="A &amp; B <i>" onerror="alert(1)"> y',
     '<p>x <a href="https://e.org/a.png?a=1&amp;b=2" rel="nofollow ugc noopener">A &amp; B &lt;i&gt;</a> y</p>'),
    ("![](https://e.org/a.png)", '<p><a href="https://e.org/a.png" rel="nofollow ugc noopener">https://e.org/a.png</a></p>'),
    ("[![a chart](https://e.org/i.png)](https://e.org/page)",
     '<p><a href="https://e.org/page" rel="nofollow ugc noopener">a chart</a></p>'),
    ("See ![the sky](javascript:alert(1)) now", "<p>See the sky now</p>"),
])
def test_a_comments_image_is_its_description_linking_to_the_picture(text, shown):
    """A comment may show no image, but its description is the reader's words: it stays, and leads to the picture."""
    assert Converter().blocks(text, trusted=False) == (shown,)


def test_chinese_and_japanese_are_cut_and_counted_by_their_characters_not_their_spaces():
    """With no space between words, a whole Japanese paragraph was one "word": cards showed three
    sentences, the archive a 560-character comment in full, and every essay took "1 min"."""
    from tertulia.reading.markup import cut_to_words, first_words, word_count
    from tertulia.site.excerpts import first_sentence
    sentence = "雨の音を聞く夜は、いつも祖母の家を思い出す。"
    assert first_sentence([f"<p>{sentence}梅雨の頃、窓を叩く雨は静かだった。</p>"]) == sentence
    assert first_sentence(["<p>「雨だ。」と彼は言った。</p>"]) == "「雨だ。」"
    long = "深煎りの珈琲を淹れて書斎で本を読んだ" * 20  # 360 characters, no space
    cut = first_words([f"<p>{long}</p>"])
    assert cut == long[:100] + "…"  # forty words, at two and a half characters a word
    assert word_count(long) == 360 / 2.5 and word_count("three plain words") == 3
    # bopomofo, which annotates Chinese, and the radicals are such characters as cjk.py names them (a review)
    assert word_count("ㄅㄆㄇㄈㄉ") == 5 / 2.5 and word_count("⺀⺁⺂⺃⺄") == 5 / 2.5
    assert cut_to_words("Kyoto 京都の夜 at night", 2) == "Kyoto 京都…" and cut_to_words("京都の夜", 2) == "京都の夜"
    assert first_words(["<p>" + " ".join(["word"] * 41) + "</p>"]) == " ".join(["word"] * 40) + "…"


def test_thai_is_counted_and_cut_by_its_letters_between_phrases_never_inside_a_letter():
    """Thai writes a phrase's words without spaces: a paragraph of 55 phrases read as 55 words ("1 min"
    for an 11-minute essay), a card's summary and an archive's excerpt ran to 1,500 characters, and the
    archive joined two Thai paragraphs with "—" (a Thai writer's walk, 2026-12)."""
    from tertulia.reading.markup import cut_to_words, first_words, word_count
    phrase = "ฝนในเชียงใหม่ไม่เหมือนฝนในกรุงเทพมหานคร"  # 39 characters, 34 letters without their marks
    assert word_count(phrase) == 34 / 3 and word_count(f"{phrase} {phrase}") == 68 / 3
    text = " ".join([phrase] * 10)
    cut = cut_to_words(text, 40)
    assert cut == " ".join([phrase] * 3) + "…"  # forty words at three letters a word: at the space before
    assert cut_to_words(phrase * 4, 12).endswith("…") and not cut_to_words(phrase * 4, 12)[-2] in "เแโใไ"
    # a cut inside a phrase falls between letters: never before a vowel or tone mark, never after เ-ไ
    for words in range(1, 12):
        kept = cut_to_words(phrase * 4, words).removesuffix("…")
        assert phrase.startswith(kept[:len(phrase)]) and kept[-1] not in "เแโใไ"
        following = (phrase * 4)[len(kept)]
        assert not ("\u0e31" == following or "\u0e34" <= following <= "\u0e3a" or "\u0e47" <= following <= "\u0e4e")
    assert first_words(["<p>ขอบคุณที่เขียน</p>", "<p>ฝนตก</p>"]) == "ขอบคุณที่เขียน ฝนตก"
    # a line break inside a Thai phrase, where an editor wrapped it, is no space (a browser drew one)
    assert Converter().blocks("ร้านหนึ่ง\nที่ไม่มีป้ายชื่อ ในซอย\nเล็กๆ", trusted=True) == ("<p>ร้านหนึ่งที่ไม่มีป้ายชื่อ ในซอยเล็กๆ</p>",)
    # nor after a sign that stacks the next letter under its own (Khmer's coeng), nor before ะ า ำ
    khmer = cut_to_words("ក្សត្រ" * 40, 1)
    assert khmer.endswith("…") and khmer[-2] not in "\u17d2\u1039"
    assert all(cut_to_words("กาแฟมะละกอ" * 6, n).removesuffix("…")[-1:] not in "เแโใไ"
               and ("กาแฟมะละกอ" * 6)[len(cut_to_words("กาแฟมะละกอ" * 6, n)) - 1] not in "ะาำ" for n in range(1, 15))


@pytest.mark.parametrize("text, line", [("> " * 101 + "x", 1), ("a\n\n" + "- " * 101 + "x", 3), ("a\n" + "1. " * 101, 2)])
def test_deep_nesting_is_found_on_the_first_line_and_after_any_line_break(text, line):
    from tertulia.reading.markup import markup_problem
    found = markup_problem(text, trusted=True)
    assert found and found[0] == line and "nested about" in found[1]


def test_a_comment_marks_a_quoted_language_only_with_a_tag_browsers_know():
    """nh3's defaults let `lang` with any value onto every element of a comment: a commenter could
    give a paragraph `lang=""` or a made-up tag, which a screen reader obeys (a red team, 2026-12)."""
    html = sanitize('<p lang="en&quot;onclick=alert(12)">one</p><blockquote lang="zz-Not-A-Language">two</blockquote>'
                    '<p lang="">three</p><p lang="fr" title="x">quatre</p><q lang="ita">cinque</q>')
    assert html == '<p>one</p><blockquote>two</blockquote><p>three</p><p lang="fr">quatre</p><q lang="it">cinque</q>'


@pytest.mark.parametrize("text", ["Hola.\n\n" + "-" * 110 + "\n\nAdiós.", "A long heading\n" + "-" * 120,
                                  "* " * 105, "a\n\n" + "_" * 300])
def test_a_rule_drawn_by_hand_or_a_heading_underline_is_not_nesting(text):
    """A separator of 110 dashes in a proposed comment was refused as "Markdown nested about 110 levels
    deep", and failed a whole build once merged; Python-Markdown reads it as a rule (a red team, 2026-12)."""
    from tertulia.reading.markup import markup_problem
    assert markup_problem(text, trusted=False) is None
    assert Converter().blocks(text, trusted=False)


def test_a_comment_address_pasted_with_spaces_around_it_is_the_address_alone():
    """A browser ignores them; the one-language pages and feeds read `" https://a.org"` as an address within
    the site, and wrote `../../../posts/x/ https://a.org` there (a red team, 2026-12)."""
    html = sanitize('<a href=" https://a.org/page">one</a> <a href="&#32;https://b.org/&#10;">two</a>')
    assert 'href="https://a.org/page"' in html and 'href="https://b.org/"' in html
    assert rebase_links(html, "../../") == html


def test_an_essay_address_after_spaces_a_browser_ignores_is_not_rebased_as_relative():
    assert rebase_links('<a href=" https://x.org/">a</a> <img src="a.png">', "../../") == \
        '<a href=" https://x.org/">a</a> <img src="../../a.png">'


def test_a_comment_address_holding_what_no_address_may_is_percent_encoded():
    """`<https://a.org/ b>` made `href="https://a.org/ b"`, which the Nu checker refuses (a browser review, 2026-12)."""
    html = "".join(Converter().blocks('see <https://a.org/ b> and <https://a.org/"x> and [t](https://a.org/a|b)',
                                      trusted=False))
    assert 'href="https://a.org/%20b"' in html and 'href="https://a.org/%22x"' in html
    assert 'href="https://a.org/a%7Cb"' in html and ">https://a.org/ b</a>" in html  # the words as written


def test_a_numbered_list_typed_in_a_script_s_own_digits_starts_at_its_number_in_html_s_digits():
    """An Urdu walk: `۳.` made `<ol start="۳">`, which the Nu checker refuses and a browser reads as 1."""
    urdu, = Converter().blocks("۳. تیسرا\n۴. چوتھا\n", True, "ur")
    assert urdu.startswith('<ol start="3">'), urdu
    hindi, = Converter().blocks("१. पहला\n२. दूसरा\n", True, "hi")
    assert hindi.startswith("<ol>"), hindi  # 1 is a list's own start
    long, = Converter().blocks("۱" * 4400 + ". lista\n", True, "ur")  # a red team: int() stopped the build
    assert long.startswith('<ol start="' + "1" * 4400 + '">')
    assert Converter().blocks("٠٣. ثالث\n", True, "ar")[0].startswith('<ol start="3">')


def test_an_abbreviation_s_dots_and_ethiopic_s_marks_are_read_as_an_amharic_reader_reads_them():
    """An Amharic walk: cards ended at "ዓ.ም." (and "1879 E.C."), a paragraph of the older style's `፡`-parted
    words was one sentence and one word, and its reading time counted 600 words as 1."""
    from tertulia.reading.markup import word_count
    from tertulia.site.excerpts import first_sentence
    assert first_sentence(["<p>Founded in 1879 E.C. by Menelik II. Then more.</p>"]) == "Founded in 1879 E.C. by Menelik II."
    assert first_sentence(["<p>በ፲፬፻ ዓ.ም. አካባቢ ፊደል ተወረሰ። ሌላ።</p>"], lang="am") == "በ፲፬፻ ዓ.ም. አካባቢ ፊደል ተወረሰ።"
    assert first_sentence(["<p>አዲስ፡አበባ፡ተመሠረተች።ስሟ፡ነው።</p>"], lang="am") == "አዲስ፡አበባ፡ተመሠረተች።"
    assert first_sentence(["<p>It is A. Then B.</p>"]) == "It is A."  # one letter and its dot: a sentence's end
    assert first_sentence(["<p>የአ.አ.ዩ. ተማሪ ነው። ሌላ።</p>"], lang="am") == "የአ.አ.ዩ. ተማሪ ነው።"  # a prefix on it
    # an abbreviation is sought just before its dot (a red team: 80 KB of them took 23 s, each sought from the start)
    assert first_sentence(["<p>" + "a U.S. b " * 4 + "end. More.</p>"]) == "a U.S. b " * 4 + "end."
    assert word_count("፡".join(["ቡና"] * 600) + "።") == word_count(" ".join(["ቡና"] * 600) + "።") == 600


def test_an_address_a_browser_reads_as_another_host_is_not_safe():
    """A red team: `source: "https://evil.example\\@blog.example.org/post/"` was named "blog.example.org" under the
    title, and its link led a reader to evil.example, as a browser reads `\\` as `/`."""
    from tertulia.reading.markup import is_safe_url
    assert not is_safe_url("https://evil.example\\@blog.example.org/post/")
    assert is_safe_url("https://blog.example.org/post/?q=a%5Cb")


@pytest.mark.parametrize("trusted", [True, False])
def test_markdown_s_own_placeholders_and_block_mark_never_reach_a_page(trusted):
    """A red team: ``[z](a"b"(1)) `x` `` left Markdown's `\\x02klzzwxh:0000` in the link's address, and every comment
    feed holding it was ill-formed XML; the block mark typed in a text cut its paragraph in two."""
    converter = Converter()
    shown = "".join(converter.blocks('See [the docs](https://example.org/f"x"(1)) and `code`.', trusted, "en"))
    assert not any(ord(character) < 32 for character in shown) and "klzzwxh" not in shown, shown
    assert converter.blocks("a\ufdd0tertulia-block\ufdd0b", trusted, "en") == ("<p>atertulia-blockb</p>",)
