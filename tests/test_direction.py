"""`dir` beside every `lang` of a drawn page, on a site with a language written right to left."""

from __future__ import annotations

import pytest

from tertulia.writing.direction import direction, has_right_to_left, with_directions


@pytest.mark.parametrize("lang, expected", [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("yi", "rtl"),
                                            ("en", "ltr"), ("es", "ltr"), ("pt-BR", "ltr"), ("x-unknown", "ltr"),
                                            ("", "ltr")])
def test_cldr_says_which_languages_run_right_to_left(lang, expected):
    assert direction(lang) == expected


def test_a_site_needs_dir_only_with_a_right_to_left_language():
    assert has_right_to_left(("ar", "en")) and not has_right_to_left(("es", "en", "ro"))


def test_every_lang_gets_its_dir_and_an_authors_own_dir_stands():
    html = ('<html lang="ar">\n<p class="x" lang="en">by <bdi>x</bdi></p><img alt="" lang="he"/>'
            '<div dir="ltr" lang="ar">kept</div><span lang="ar" dir="ltr">kept</span>'
            '<a hreflang="ar" data-lang="ar" href="/">no lang</a>')
    assert with_directions(html) == (
        '<html lang="ar" dir="rtl">\n<p class="x" lang="en" dir="ltr">by <bdi>x</bdi></p><img alt="" lang="he" dir="rtl"/>'
        '<div dir="ltr" lang="ar">kept</div><span lang="ar" dir="ltr">kept</span>'
        '<a hreflang="ar" data-lang="ar" href="/">no lang</a>')


def test_text_and_code_that_show_a_lang_attribute_are_left_as_written():
    html = '<p>Write lang="ar" in the tag.</p><pre><code>&lt;p lang="ar"&gt;</code></pre>'
    assert with_directions(html) == html


def test_a_text_s_lists_are_numbered_in_its_language_s_digits_and_a_latin_site_gets_no_rule():
    """A list in Persian reads ۱. ۲., in Santali ᱑. ᱒. (a numbering system CSS has no name for: drawn from
    its digits); a site of Latin digits adds nothing to its pages."""
    from tertulia.site.ui import list_digit_styles
    assert list_digit_styles(("es", "en", "ar")) == ""  # Arabic's own CLDR default is the Latin digits
    persian = list_digit_styles(("fa", "en"))
    assert persian == ":where(ol:lang(fa):not([type])) { list-style-type: persian; }"
    santali = list_digit_styles(("sat",))
    assert santali.startswith('@counter-style digits-olck { system: numeric; symbols: "᱐" "᱑"')
    assert santali.endswith(":where(ol:lang(sat):not([type])) { list-style-type: digits-olck; }")
