"""A web address a commenter typed as plain text is a link, as WordPress, Disqus and Hugo show it."""

from __future__ import annotations

import pytest

from tertulia.reading.markup import Converter

REL = 'rel="nofollow ugc noopener"'


def comment(text: str) -> str:
    return "\n".join(Converter().blocks(text, trusted=False))


@pytest.mark.parametrize("typed, linked, after", [
    ("See https://es.wikipedia.org/wiki/Tertulia.", "https://es.wikipedia.org/wiki/Tertulia", ".</p>"),
    ("(read https://en.wikipedia.org/wiki/Park_(Chengdu))", "https://en.wikipedia.org/wiki/Park_(Chengdu)", ")</p>"),
    ("Is it https://example.org/?a=1&b=2?", "https://example.org/?a=1&amp;b=2", "?</p>"),
    ('"https://example.org/x", said Ana', "https://example.org/x", '", said Ana</p>'),
    ("日本語の記事はhttps://ja.wikipedia.org/wiki/日本。次へ", "https://ja.wikipedia.org/wiki/日本", "。次へ</p>"),
    ("Escribí en https://example.org/año, y…", "https://example.org/año", ", y…</p>"),
    ("[see https://example.org/z] and", "https://example.org/z", "] and</p>"),
    ("(https://example.org/a_[1]).", "https://example.org/a_[1]", ").</p>"),
])
def test_an_address_typed_in_a_comment_is_a_link_without_the_sentence_s_punctuation(typed, linked, after):
    html = comment(typed)
    assert f'<a href="{linked}" {REL}>{linked}</a>{after}' in html, html


def test_an_address_starting_with_www_links_to_its_web_page():
    assert f'<a href="http://www.example.org/about" {REL}>www.example.org/about</a>' in comment(
        "More at www.example.org/about!")


def test_addresses_in_links_or_code_and_half_addresses_stay_as_they_are():
    html = comment("[https://shown.org](https://target.org), `https://in.code`, https:// alone, "
                   "mail ana@www.example.org\n\n    https://in.block\n")
    assert html.count("<a ") == 1 and 'href="https://target.org"' in html
    assert "<code>https://in.code</code>" in html and "https:// alone" in html and "ana@www.example.org" in html
    assert "<code>https://in.block\n</code>" in html


def test_a_quote_or_angle_typed_after_an_address_ends_it_and_makes_no_attribute():
    html = comment('Go to https://example.org/"onmouseover=alert(1)" or https://example.org/<b>x</b>')
    assert f'<a href="https://example.org/" {REL}>https://example.org/</a>"onmouseover' in html
    assert "onmouseover=alert(1)\" " in html and 'href="https://example.org/"' in html
    assert html.count("<a ") == 2 and "<b>x</b>" in html


def test_an_address_in_a_tag_shown_as_typed_is_its_words_not_a_link():
    html = comment('<iframe src="https://evil.example.com/"></iframe> and <a href=https://x.org>y</a>')
    assert "<a " not in html.split("\n")[0] and "evil.example.com" in html and html.count("<a ") == 1


def test_an_author_s_essay_keeps_its_plain_addresses_as_written():
    """WordPress links addresses only in comments; an essay's Markdown is the author's to link."""
    assert Converter().blocks("See https://example.org/.", trusted=True) == ("<p>See https://example.org/.</p>",)


def test_an_address_ends_at_a_no_break_space_and_a_long_ending_costs_no_more_than_its_length():
    """French puts a no-break space before `:` and `?`: the link took the next word (`&nbsp;suite`). And
    49,000 `&` after an address took 17 seconds, each stripped `&amp;` searching the whole address again
    (its time is the benchmarks' to watch; here, that such an ending still ends the address)."""
    html = comment("voir https://x.org/a\u00a0suite et www.y.org\u00a0: fin")
    assert f'<a href="https://x.org/a" {REL}>https://x.org/a</a>&nbsp;suite' in html
    assert f'<a href="http://www.y.org" {REL}>www.y.org</a>&nbsp;: fin' in html
    for ending in ("&" * 49_000, ")" * 49_000, "&#39;" * 20_000):
        assert f'<a href="https://x.org/" {REL}>https://x.org/</a>' in comment("https://x.org/" + ending)


def test_an_address_bracketed_as_in_a_letter_keeps_its_words_and_is_a_link():
    """`<www.angle.org>`: read as a tag, the sanitizer took the address away and left " words kept?"."""
    html = comment("See <www.angle.org> words kept? And <b>bold</b>.")
    assert f'See &lt;<a href="http://www.angle.org" {REL}>www.angle.org</a>&gt; words kept?' in html
    assert "<b>bold</b>" in html


@pytest.mark.parametrize("typed, href, shown", [("Visit WWW.Example.org now", "http://WWW.Example.org", "WWW.Example.org"),
                                               ("visit wWw.example.org.", "http://wWw.example.org", "wWw.example.org"),
                                               ("HTTPS://EXAMPLE.ORG/A", "HTTPS://EXAMPLE.ORG/A", "HTTPS://EXAMPLE.ORG/A")])
def test_an_address_in_capitals_is_found_by_the_quick_test_as_by_the_search(typed, href, shown):
    """The test that lets most blocks through unsearched is case-blind as the address search is."""
    assert f'<a href="{href}" {REL}>{shown}</a>' in comment(typed)


def test_a_direction_control_typed_in_an_address_ends_it():
    """`https://ex.org/\u202eabc` was one link whose visible text a reader's browser shows reordered,
    another address than its own (a red team's): the control ends the address, as a space does."""
    html = comment("Mira https://ex.org/\u202egnp.exe y https://ex.org/a\u2067b")
    assert f'<a href="https://ex.org/" {REL}>https://ex.org/</a>\u202egnp.exe' in html
    assert f'<a href="https://ex.org/a" {REL}>https://ex.org/a</a>\u2067b' in html
