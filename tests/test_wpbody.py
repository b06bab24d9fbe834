"""WordPress bodies: paragraphs as WordPress shows them, shortcodes, block comments, then Markdown."""

from __future__ import annotations

from tertulia.importers.wpbody import autop, before_more, plain, to_markdown


def test_blank_lines_make_paragraphs_and_single_newlines_breaks():
    assert autop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>"


def test_block_elements_are_not_wrapped_and_pre_keeps_its_blank_lines():
    html = autop("<h2>Title</h2>\nText\n\n<pre>a\n\nb</pre>")
    assert html == "<h2>\nTitle\n</h2>\n<p>Text</p>\n<pre>a\n\nb</pre>"


def test_block_editor_comments_vanish_and_more_splits_the_summary():
    body = "<!-- wp:paragraph -->\n<p>Teaser.</p>\n<!-- /wp:paragraph -->\n<!--more-->\n<p>Rest.</p>"
    assert to_markdown(body) == "Teaser.\n\nRest.\n"
    assert plain(before_more(body)) == "Teaser."
    assert before_more("no teaser") is None


def test_a_caption_becomes_a_figure_whose_caption_a_reader_sees():
    body = '[caption id="a" width="300"]<img src="https://x.org/p.jpg" alt="" /> Our <em>team</em>[/caption]'
    assert to_markdown(body) == ('<figure><img alt="" src="https://x.org/p.jpg"/><figcaption>Our <em>team</em>'
                                 '</figcaption></figure>\n')


def test_text_that_looks_like_markup_stays_text():
    markdown = to_markdown("A &lt;script&gt; and 2 * 3 and [link](javascript:x) &amp;amp;")
    assert "&lt;script>" in markdown and "\\*" in markdown and "\\[link\\]" in markdown
    assert "&amp;amp;" in markdown


def test_an_embed_from_a_known_host_stays_a_frame_and_any_other_becomes_a_link():
    assert '<iframe allowfullscreen="" height="315" loading="lazy" src="https://www.youtube-nocookie.com/embed/' \
        'dQw4w9WgXcQ" title="YouTube"' in to_markdown('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')
    assert to_markdown('<iframe src="https://video.example/x"></iframe>') == "<https://video.example/x>\n"
