"""A table or a line of code wider than its column scrolls in its own box, which the keyboard can reach;
the page never scrolls sideways (a reviewer's phone, 2026-12)."""

from __future__ import annotations

import pytest

from helpers import make_content, run_cli
from tools import AXE_JS, ensure_node_tools

ROW = "| " + " | ".join(f"columna{n}" for n in range(9)) + " |\n"
TABLE = ROW + "|" + "---|" * 9 + "\n" + ROW.replace("columna", "valor")
CODE = "    " + "call(" * 30 + ")" * 30 + "\n"


@pytest.fixture(scope="module")
def wide(server):
    """An essay with a nine-column table and a long line of code, and a comment with the same table."""
    files = {
        "posts/ancho/index.es.md": f"---\ntitle: Ancho\nauthor: Ana\n---\n\nUna tabla.\n\n{TABLE}\n{CODE}",
        "posts/ancho/index.en.md": f"---\ntitle: Wide\ntranslation_of: es\n---\n\nA table.\n\n{TABLE}\n{CODE}",
        "posts/ancho/index.ro.md": f"---\ntitle: Lat\ntranslation_of: es\n---\n\nUn tabel.\n\n{TABLE}\n{CODE}",
        "posts/ancho/comments/c1.es.md": f"---\nauthor: Luis\n---\n\nOtra.\n\n{TABLE}",
    }
    content = make_content(server["root"].parent / "wide-content", files)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "wide"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return "/wide/posts/ancho/"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("where", ["", "?view=stacked", "es/"])
def test_a_wide_table_or_code_scrolls_in_its_box_and_the_keyboard_reaches_it(server, open_page, wide, width, where):
    ensure_node_tools()
    path = wide.replace("/posts/", "/es/posts/") if where == "es/" else wide + where
    page = open_page(server["url"] + path, width=width)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    scrolling = page.eval_on_selector_all(".side:has(table), pre", "boxes => boxes.filter(b => b.checkVisibility()"
                                          " && b.scrollWidth > b.clientWidth).map(b => b.getAttribute('tabindex'))")
    # No waiting: the boxes are reachable as soon as the page has loaded, not after a painted frame.
    assert scrolling and set(scrolling) == {"0"}
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
    assert violations == []


def test_the_keyboard_reaches_wide_blocks_after_another_translation_is_put_in_place(server, open_page, wide):
    """A reviewer's axe run: after choosing another translation on the page, its code blocks scrolled
    sideways with no tabindex (scrollable-region-focusable, serious); only a loaded page had them."""
    ensure_node_tools()
    page = open_page(server["url"] + wide, width=1280)
    page.click(".choices a[lang=ro]")
    page.wait_for_function("document.querySelector('#p1 .translation').lang === 'ro'")
    scrolling = page.eval_on_selector_all("pre", "boxes => boxes.filter(b => b.checkVisibility()"
                                          " && b.scrollWidth > b.clientWidth).map(b => b.getAttribute('tabindex'))")
    assert scrolling and set(scrolling) == {"0"}
    assert page.evaluate("document.documentElement.hasAttribute('dir')") is False  # `dir=""` is invalid HTML
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
    assert violations == []


def test_a_block_that_fits_is_no_tab_stop(server, open_page, wide):
    page = open_page(server["url"] + "/tertulia/posts/los-clientes-no-son-todos-iguales/", width=1280)
    page.wait_for_load_state()
    assert page.locator("[data-scroller]").count() == 0


def pixels(png: bytes) -> list[list[tuple[int, ...]]]:
    """Rows of RGB(A) pixels of a screenshot: an 8-bit, non-interlaced PNG, as Chromium writes them."""
    import struct
    import zlib
    chunks, at = {}, 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        chunks.setdefault(kind, b"")
        chunks[kind] += png[at + 8:at + 8 + length]
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw, rows, previous = zlib.decompress(chunks[b"IDAT"]), [], bytearray(width * size)
    for y in range(height):
        start = y * (width * size + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + width * size])
        for i in range(len(line)):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            guess = (0, left, up, (left + up) // 2,
                     min((left, up, corner), key=lambda p: (abs(left + up - corner - p), (left, up, corner).index(p))))
            line[i] = (line[i] + guess[kind]) & 0xFF
        rows.append([tuple(line[x * size:x * size + 3]) for x in range(width)])
        previous = line
    return rows


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_shade_at_the_edge_says_a_wide_table_scrolls_and_goes_once_the_end_is_reached(server, open_page, wide,
                                                                                          dark):
    page = open_page(server["url"] + wide.replace("/posts/", "/es/posts/"), width=390, dark=dark)
    box = page.locator(".side:has(table)").first
    box.scroll_into_view_if_needed()
    page.add_style_tag(content=".side:has(table) table { visibility: hidden; }")  # the box's own colours alone

    def edges() -> tuple[int, int, int]:
        """How far the left edge, the middle of the table's gap and the right edge differ from the page."""
        shot = pixels(box.screenshot())
        row = shot[len(shot) // 2]
        page_colour = pixels(page.screenshot(clip={"x": 1, "y": 1, "width": 1, "height": 1}))[0][0]
        return tuple(sum(abs(a - b) for a, b in zip(row[x], page_colour)) for x in (1, len(row) // 2, len(row) - 2))

    left, middle, right = edges()
    assert right > 20 and left < 6 and middle < 6  # more hides on the right only
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    left, middle, right = edges()
    assert left > 20 and right < 6 and middle < 6


def test_an_embedded_video_shrinks_with_the_column_on_a_phone(server, open_page):
    """WordPress writes its embeds 560 px wide: kept as written, a phone's page scrolled sideways (2026-12)."""
    embed = '<iframe width="560" height="315" src="about:blank" title="Un vídeo"></iframe>'
    files = {"posts/video/index.es.md": f"---\ntitle: Vídeo\nauthor: Ana\n---\n\nUn vídeo.\n\n{embed}\n",
             "posts/video/index.en.md": f"---\ntitle: Video\ntranslation_of: es\n---\n\nA video.\n\n{embed}\n"}
    content = make_content(server["root"].parent / "video-content", files)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "video"), "--no-cache")
    assert result.returncode == 0, result.stderr
    for path in ("/video/posts/video/", "/video/es/posts/video/"):
        page = open_page(server["url"] + path, width=390)
        assert page.locator("iframe").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path


def test_a_korean_line_breaks_between_words_never_inside_one(server, open_page):
    """Korean puts spaces between words, and breaks a line only there: the theme let the browser break
    Hangul between any two syllables (지/하철, 데려다주/었기; a Korean writer's walk, 2026-12)."""
    sentence = "할머니는 나를 지하철 대신 버스에 태워 시장까지 데려다주었기 때문에 우리는 돌다리를 건너 천천히 걸었다. " * 4
    files = {"site.yml": "title: {ko: 시장}\nbase_url: https://example.github.io/sup/\nlanguages: {ko: 한국어, en: English}\n"
                         "main_language: ko\nsearch: false\nenglish_interface: [ko]\n",
             "posts/sijang/index.ko.md": f"---\ntitle: 시장\nauthor: 김\n---\n\n{sentence}\n",
             "posts/long/index.ko.md": "---\ntitle: " + "가나다라마바사아자차" * 6 + "\nauthor: 김\n---\n\n"
                                       + "가나다라마바사아자차" * 8 + " 끝.\n",
             "posts/long/comments/c1.ko.md": "---\nauthor: 이\n---\n\n" + "하하하하하" * 20 + "\n"}
    content = make_content(server["root"].parent / "korean-content", files, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "korean"), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = open_page(server["url"] + "/korean/posts/sijang/", width=390)
    # the text's last character on each line: a line ends at a space or the paragraph's end, never in a word
    ends = page.evaluate("""() => {
        const text = document.querySelector('.side[lang=ko] p').firstChild, range = document.createRange();
        const ends = []; let top = null;
        for (let i = 0; i < text.length; i++) {
            range.setStart(text, i); range.setEnd(text, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (top !== null && rect.top > top + 2) ends.push(text.data[i - 1]);
            top = rect.top;
        }
        return ends; }""")
    assert len(ends) > 5 and set(ends) == {" "}, ends
    # and a word longer than a phone's line still breaks: the archive's link to an essay so titled widened the page
    for path in ("/korean/posts/long/", "/korean/comments/"):
        page = open_page(server["url"] + path, width=360)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_a_japanese_date_or_count_keeps_to_one_line_on_a_phone(server, open_page):
    """Japanese breaks a line between any two characters, and dates broke inside themselves on a phone
    ("（2025年3" then "月16日 12:00）" in the comment archive; a reader's walk of an Arabic, English and
    Japanese site, 2026-12). A date, and a card's comment count, now keep to one line."""
    comments = {f"posts/yoru/comments/c{n}.ja.md": f"---\nauthor: {'佐藤' * (1 + n % 5)}\ndate: 2025-03-{10 + n} 12:00\n---\n\n"
                + "夜の町を歩きながら考えたこと。" * (1 + n % 3) + "\n" for n in range(14)}
    files = {"site.yml": "title: {ja: 夜}\nbase_url: https://example.github.io/yoru/\nlanguages: {ja: 日本語, en: English}\n"
                         "main_language: ja\nsearch: false\n",
             "posts/yoru/index.ja.md": "---\ntitle: 夜の町\nauthor: 山田\ndate: 2025-03-01\n---\n\n夜の町は静かだった。\n",
             **comments}
    content = make_content(server["root"].parent / "yoru-content", files, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(server["root"] / "yoru"), "--no-cache")
    assert result.returncode == 0, result.stderr
    for path, selector in (("/yoru/comments/", "time"), ("/yoru/posts/yoru/", "time"), ("/yoru/", ".comment-count")):
        for width in (320, 360, 390):
            page = open_page(server["url"] + path, width=width)
            lines = page.eval_on_selector_all(selector, "found => found.map(e => e.getClientRects().length)")
            assert lines and set(lines) == {1}, (path, width, lines)
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # kept whole, yet within the page
