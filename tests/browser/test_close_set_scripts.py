"""Japanese and Chinese in the browser: no slanted characters, emphasis marked as their printers mark it."""

from __future__ import annotations

from helpers import run_cli, serving, write_tree

SITE = """\
title: {ja: 随筆, en: Essays}
base_url: https://example.github.io/zuihitsu/
languages: {ja: 日本語, en: English}
main_language: ja
"""


def built(tmp_path, site: str, japanese: str, english: str):
    """An essay in Japanese with its English translation, built under /zuihitsu/ of tmp_path/www."""
    content = write_tree(tmp_path / "content", {
        "site.yml": site,
        "posts/ame/index.ja.md": f"---\ntitle: 雨の音\nauthor: 花子\ndate: 2024-06-01\n---\n\n{japanese}\n",
        "posts/ame/index.en.md": f"---\ntitle: The sound of rain\ntranslation_of: ja\n---\n\n{english}\n"})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "www" / "zuihitsu"))
    assert result.returncode == 0, result.stderr
    return result


def test_japanese_emphasis_stands_upright_with_sesame_marks_and_english_stays_italic(tmp_path, open_page):
    built(tmp_path, SITE, "雨の音を*静かに*聞く夜。", "A night of listening *quietly* to the rain.")
    with serving(tmp_path / "www") as url:
        page = open_page(url + "/zuihitsu/posts/ame/")
        styles = page.eval_on_selector_all("#p1 em", "found => found.map(e => [e.closest('[lang]').lang, "
                                           "getComputedStyle(e).fontStyle, getComputedStyle(e).textEmphasisStyle])")
        assert styles == [["ja", "normal", "sesame"], ["en", "italic", "none"]]
        assert page.problems == []


def test_a_japanese_word_inside_a_sentence_is_found_and_english_words_still_are(tmp_path, open_page):
    """Japanese puts no space between words: an index cut at spaces found a word only where a sentence
    or a clause began. Pagefind's extended build cuts the index, the page's script the reader's words."""
    result = built(tmp_path, SITE + "search: true\n", "夜は雨の音を静かに聞きます。",
                   "At night I listen quietly to the sound of the rain.")
    assert "cannot cut" not in result.stdout  # the test's installation has the extended build
    with serving(tmp_path / "www") as url:
        for words, found in (("聞きます", "ja"), ("静か", "ja"), ("listen", "en")):
            page = open_page(f"{url}/zuihitsu/search/?q={words}")
            page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                                   "&& !document.querySelector('.search-status').textContent.endsWith('…')")
            # the words marked on the page the hit opens are the reader's and, cut, their parts ("聞き ます")
            hits = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang + ' ' + "
                                             "a.getAttribute('href').replace(/\\?highlight=[^#]*/, ''))")
            assert hits == [f"{found} /zuihitsu/posts/ame/#p1"], (words, hits)
            assert page.problems == []


def test_a_thai_word_the_browser_parts_and_the_index_keeps_whole_is_found(tmp_path, open_page):
    """A Thai writer's walk: "ชาเย็น" (iced tea), a word of the index, is two to the browser ("ชา เย็น"), and
    was found nowhere, nor "ตลาดน้ำ" of "ตลาดน้ำดำเนินสะดวก"; one page, which holds "เย็น" alone, was listed
    instead. A page is found whose text holds the words as the reader typed them, at the passage that holds
    them, marked there, not at a passage holding a word that starts as they do ("ชาวนา", a red team)."""
    content = write_tree(tmp_path / "content", {
        "site.yml": "title: ร้านน้ำชา\nbase_url: https://example.github.io/cha/\nlanguages: {th: ไทย, en: English}\n"
                    "main_language: th\nsearch: true\n",
        "posts/chayen/index.th.md": "---\ntitle: ชาเย็น ยามบ่าย\nauthor: สมชาย\ndate: 2026-04-13\n---\n\n"
                                    "ชาวนาปลูกข้าวทั้งปี\n\n"
                                    "ลูกค้าประจำของร้านมักจะสั่งชาเย็นหวานน้อยแล้วนั่งคุยกัน\n\n"
                                    "เราไปตลาดน้ำดำเนินสะดวกตอนเช้า\n",
        "posts/chayen/index.en.md": "---\ntitle: Iced tea\ntranslation_of: th\n---\n\nFarmers grow rice.\n\n"
                                    "Regulars order iced tea.\n\nWe went to the floating market.\n",
        "posts/arroy/index.th.md": "---\ntitle: อร่อย\nauthor: สมชาย\ndate: 2026-04-14\n---\n\nชาเย็นอร่อย ชาเย็นหวาน\n",
        # ตลาด and น้ำ apart, never ตลาดน้ำ: listed beside the pages holding it, for its ตลาด (a re-walk)
        "posts/yai/index.th.md": "---\ntitle: ยาย\nauthor: สมชาย\ndate: 2026-04-15\n---\n\nไปตลาดกับยาย\n\nดื่มน้ำมะพร้าว\n",
        "pages/about/index.th.md": "---\ntitle: เกี่ยวกับเรา\n---\n\nร้านปิดตอนหกโมงเย็น\n"})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "www" / "cha"))
    assert result.returncode == 0 and "cannot cut" not in result.stdout, result.stderr
    with serving(tmp_path / "www") as url:
        for words, found in (("ชาเย็น", {"chayen/#p2", "arroy/#p1"}), ("ชาเย็นหวานน้อย", {"chayen/#p2"}),
                             ("ตลาดน้ำ", {"chayen/#p3"}), ("ตลาด", {"chayen/#p3", "yai/#p1"}),
                             ("ตลาดน\u0e49\u0e4d\u0e32", {"chayen/#p3"})):  # its sara am typed in two keys
            page = open_page(f"{url}/cha/search/?q={words}")
            page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                                   "&& !document.querySelector('.search-status').textContent.endsWith('…')")
            hits = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang + ' ' + "
                                             "a.getAttribute('href').replace(/\\?highlight=[^#]*/, ''))")
            assert sorted(hits) == sorted(f"th /cha/posts/{hit}" for hit in found), (words, hits)
            marked = page.eval_on_selector_all(".search-results mark", "marks => marks.map(m => m.textContent)")
            typed = words.replace("\u0e4d\u0e32", "\u0e33")
            assert marked and all(mark.startswith(typed) or typed.startswith(mark) for mark in marked), (words, marked)
            assert page.problems == []
        # in English alone, no page holds it: nothing found, not the English page whose byline's สมชาย starts ชา
        page = open_page(f"{url}/cha/search/?q=ชาเย็น&lang=en")
        page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                               "&& !document.querySelector('.search-status').textContent.endsWith('…')")
        assert page.locator(".search-results li").count() == 0


def test_a_japanese_phrase_the_index_finds_costs_no_second_search(tmp_path, open_page):
    """A red team: the long vowel mark ー is no letter of the kana's script (it is Common's), so
    "コーヒーを飲む" was cut at it and looked for whole by the particle を, reading sixty pages' texts. The
    index finds the phrase itself: no page more is read than the hits it shows."""
    others = {f"posts/hon{n}/index.ja.md": f"---\ntitle: 本{n}\nauthor: 花子\ndate: 2024-06-0{n}\n---\n\n本を読みます。\n"
              for n in range(1, 7)}  # each holds を, which the cut query looked for alone
    content = write_tree(tmp_path / "content", {
        "site.yml": SITE + "search: true\n", **others,
        "posts/ame/index.ja.md": "---\ntitle: 朝\nauthor: 花子\ndate: 2024-06-01\n---\n\n毎朝コーヒーを飲みます。\n"})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "www" / "zuihitsu")).returncode == 0
    with serving(tmp_path / "www") as url:
        page = open_page(f"{url}/zuihitsu/search/?q=コーヒーを飲み")
        fragments = []
        page.on("request", lambda request: fragments.append(request.url) if "pf_fragment" in request.url else None)
        page.reload()
        page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                               "&& !document.querySelector('.search-status').textContent.endsWith('…')")
        hits = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang + ' ' + "
                                         "a.getAttribute('href').replace(/\\?highlight=[^#]*/, ''))")
        assert hits == ["ja /zuihitsu/posts/ame/#p1"] and len(fragments) <= 2, (hits, fragments)
        assert page.problems == []


def test_a_traditional_chinese_word_the_index_cuts_into_characters_is_found_where_it_stands(tmp_path, open_page):
    """A Chinese walk: Pagefind's dictionary is Simplified Chinese's, and it cut the Traditional text into single
    characters, which the browser's whole word (`廣告`) matched nowhere: the two pages holding it were missed,
    and `雨傘` listed every page with a `雨`. A page is found whose Traditional text holds the word as typed."""
    content = write_tree(tmp_path / "content", {
        "site.yml": "title: {zh-Hans: 两种文字, zh-Hant: 兩種文字}\nbase_url: https://example.github.io/wenzi/\n"
                    "languages: {zh-Hans: 简体中文, zh-Hant: 繁體中文}\nmain_language: zh-Hans\nsearch: true\n",
        "posts/guanggao/index.zh-Hans.md": "---\ntitle: 广告的价值\nauthor: 林晓雨\ndate: 2026-11-03\n---\n\n"
                                           "我在报纸上看到一则广告。\n\n下雨的时候我们在家。\n",
        "posts/guanggao/index.zh-Hant.md": "---\ntitle: 廣告的價值\ntranslation_of: zh-Hans\n---\n\n"
                                           "我在報紙上看到一則廣告。\n\n下雨的時候我們在家。\n",
        "posts/yusan/index.zh-Hans.md": "---\ntitle: 雨季\nauthor: 林晓雨\ndate: 2026-11-04\n---\n\n"
                                        "出门别忘了带雨伞。\n",
        "posts/yusan/index.zh-Hant.md": "---\ntitle: 雨季\ntranslation_of: zh-Hans\n---\n\n出門別忘了帶雨傘。\n"})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "www" / "wenzi"))
    assert result.returncode == 0 and "cannot cut" not in result.stdout, result.stderr
    with serving(tmp_path / "www") as url:
        for words, found in (("廣告", {"zh-Hant /wenzi/posts/guanggao/#p1"}),
                             ("雨傘", {"zh-Hant /wenzi/posts/yusan/#p1"}),
                             ("报纸", {"zh-Hans /wenzi/posts/guanggao/#p1"}),
                             ("雨衣", set())):  # a raincoat: no page holds it, nor is one about it for its 雨
            page = open_page(f"{url}/wenzi/search/?q={words}")
            page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                                   "&& !document.querySelector('.search-status').textContent.endsWith('…')")
            hits = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang + ' ' + "
                                             "a.getAttribute('href').replace(/\\?highlight=[^#]*/, ''))")
            assert set(hits) == found, (words, hits)
            marked = page.eval_on_selector_all(".search-results mark", "marks => marks.map(m => m.textContent)")
            assert all(mark == words for mark in marked) and bool(marked) == bool(found), (words, marked)
            assert page.problems == []
