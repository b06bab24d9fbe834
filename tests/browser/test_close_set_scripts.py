"""Japanese and Chinese in the browser: no slanted characters, emphasis marked as their printers mark it."""

from __future__ import annotations

from helpers import run_cli, serving, write_tree

SITE = """\
title: {ja: 随筆, en: Essays}
base_url: https://example.github.io/zuihitsu/
languages: {ja: 日本語, en: English}
main_language: ja
"""


def test_japanese_emphasis_stands_upright_with_sesame_marks_and_english_stays_italic(tmp_path, open_page):
    content = write_tree(tmp_path / "content", {
        "site.yml": SITE,
        "posts/ame/index.ja.md": "---\ntitle: 雨の音\nauthor: 花子\ndate: 2024-06-01\n---\n\n雨の音を*静かに*聞く夜。\n",
        "posts/ame/index.en.md": "---\ntitle: The sound of rain\ntranslation_of: ja\n---\n\nA night of "
                                 "listening *quietly* to the rain.\n"})
    out = tmp_path / "www" / "zuihitsu"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    with serving(tmp_path / "www") as url:
        page = open_page(url + "/zuihitsu/posts/ame/")
        styles = page.eval_on_selector_all("#p1 em", "found => found.map(e => [e.closest('[lang]').lang, "
                                           "getComputedStyle(e).fontStyle, getComputedStyle(e).textEmphasisStyle])")
        assert styles == [["ja", "normal", "sesame"], ["en", "italic", "none"]]
        assert page.problems == []
