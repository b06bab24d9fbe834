"""Markdown into top-level blocks; untrusted comment HTML reduced to a safe subset."""

from __future__ import annotations

from tertulia.reading.markup import Converter, plain_text, rebase_links, sanitize

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
    for bad in ("<script", "alert(1)", "onerror", "javascript:", "onclick", "<iframe", "<img"):
        assert bad not in html
    assert '<a href="https://ok.example/" rel="nofollow ugc noopener">ok</a>' in html


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
