"""Whole-site tests: build the fixture through the command line and read what a reader gets."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from helpers import FIXTURE, ROOT, run_cli
from site_pages import html_files, read_page, resolve, url_of

BASE_PATH = "/fixture-repo/"
ATOM = "{http://www.w3.org/2005/Atom}"

CONTRACT_FILES = [
    "index.html", "page/2/index.html",
    "posts/alpha/index.html", "posts/beta/index.html", "posts/gamma/index.html",
    "es/posts/alpha/index.html", "en/posts/alpha/index.html", "pt-BR/posts/alpha/index.html",
    "en/posts/beta/index.html", "ro/posts/beta/index.html", "ro/posts/gamma/index.html", "en/posts/gamma/index.html",
    "tags/index.html", "tags/values/index.html", "tags/cluetrain/index.html", "tags/verticality/index.html",
    "tags/unused/index.html",
    "comments/index.html", "comments/page/2/index.html", "feed.xml", "comments/feed.xml", "sitemap.xml",
    "404.html", ".nojekyll", "CNAME", "posts/alpha/diagram.png", "assets/style.css", "assets/reader.js",
]


@pytest.mark.parametrize("relative", CONTRACT_FILES)
def test_every_contract_url_is_built(fixture_site, relative):
    assert (fixture_site / relative).is_file()


def test_drafts_and_translations_of_drafts_are_not_built(fixture_site):
    assert not (fixture_site / "posts" / "secret-draft").exists()
    assert not (fixture_site / "en" / "posts" / "secret-draft").exists()


def test_nothing_unpublished_leaks_into_any_file(fixture_site):
    for path in fixture_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (b"DRAFT-SECRET", b"BUY-CHEAP-PILLS", b"PENDING-SECRET"):
                assert secret not in data, f"{secret} leaked into {path}"


EARLY_SCRIPT = (ROOT / "templates/_reader_early.js").read_text()
NOT_FOUND_SCRIPT = (ROOT / "templates/_not_found.js").read_text()
JS_MARK = (ROOT / "templates/_first.js").read_text()


def test_no_executable_markup_from_comments(fixture_site):
    page_text = (fixture_site / "posts/alpha/index.html").read_text()
    assert "Mallory" in page_text and "fine link" in page_text
    for path in html_files(fixture_site):
        text = path.read_text()
        for bad in ("javascript:", "onerror", "onclick", "<iframe", 'style="color'):
            assert bad not in text, f"{bad} in {path}"
        # a <script> or <iframe> a commenter typed shows as the words they typed, never inside a tag
        assert not re.search(r"<[^>]*(?:alert\(|evil\.example\.com)", text), path
        ours = ("assets/reader.js", "assets/propose.js", "assets/search.js", "assets/listing.js")
        assert all(script.get("src", "").endswith(ours)
                   for script in read_page(path).scripts if script and script.get("type") != "application/ld+json")
        # inline scripts are the reader's own, word for word: they set the view before the text is drawn,
        # and pick the not-found page's language
        assert set(re.findall(r"<script>(.*?)</script>", text, re.S)) <= {EARLY_SCRIPT, NOT_FOUND_SCRIPT, JS_MARK}


def test_comment_links_carry_nofollow_ugc_noopener(fixture_site):
    text = (fixture_site / "posts/alpha/index.html").read_text()
    assert '<a href="https://fine.example.com/" rel="nofollow ugc noopener">fine link</a>' in text
    assert 'href="https://carla.example.net/" rel="nofollow ugc noopener"><bdi id="by_c1" lang="es">Carla</bdi></a>' in text


def test_every_internal_link_resolves_to_a_file(fixture_site):
    checked = 0
    for path in html_files(fixture_site):
        page = read_page(path)
        for link in page.links:
            target = resolve(fixture_site, url_of(fixture_site, path), link, BASE_PATH)
            if target is not None:
                assert target.is_file(), f"{link} on {path.relative_to(fixture_site)} leads nowhere"
                checked += 1
    assert checked > 200


def test_in_page_anchors_exist(fixture_site):
    page = read_page(fixture_site / "posts/alpha/index.html")
    for link in page.links:
        if link.startswith("#"):
            assert link[1:] in page.ids


def test_the_404_page_links_from_the_base_path_since_it_is_served_anywhere(fixture_site):
    page = read_page(fixture_site / "404.html")
    assert all(link.startswith((BASE_PATH, "data:", "#")) for link in page.links)
    assert "/fixture-repo/assets/style.css" in page.links


def test_every_text_carries_its_language(fixture_site):
    side = read_page(fixture_site / "posts/alpha/index.html")
    assert side.lang_of("Primer párrafo del ensayo alfa") == {"es"}
    assert side.lang_of("First paragraph of the alpha essay") == {"en"}
    assert side.lang_of("Me gustó mucho el primer comentario.") == {"es"}
    assert side.lang_of("I liked the first comment very much.") == {"en"}
    assert side.lang_of("Un răspuns la răspuns, netradus.") == {"ro"}
    single = read_page(fixture_site / "es/posts/alpha/index.html")
    assert single.lang_of("Primer párrafo del ensayo alfa") == {"es"}
    assert single.lang_of("A published answer to a comment that is spam.") == {"en"}
    assert single.lang_of("Saltar al contenido") == {"es"}
    home = read_page(fixture_site / "index.html")
    assert home.lang_of("Alfa: os valores") == {"pt-BR"}
    assert home.lang_of("Beta: verticalitate") == {"ro"}


def test_the_side_by_side_page_pairs_blocks_row_by_row(fixture_site):
    text = (fixture_site / "posts/alpha/index.html").read_text()
    rows = text.split('<div class="pair" id="p')[1:]
    assert len(rows) == 4
    assert 'lang="es"><p>Primer párrafo' in rows[0] and 'lang="en"><p>First paragraph' in rows[0]
    assert 'lang="es"><h2>Una sección</h2>' in rows[1] and 'lang="en"><h2>A section</h2>' in rows[1]
    choice = (fixture_site / "posts/alpha/with-pt-BR/index.html").read_text()
    assert 'lang="pt-BR"><p>Primeiro parágrafo' in choice


def test_comment_columns_follow_the_page_columns_whatever_the_comment_original(fixture_site):
    text = (fixture_site / "posts/alpha/index.html").read_text()
    dan = text[text.index('id="comment-c2"'):text.index('id="comment-c3"')]
    assert dan.index('lang="es"><p>Una respuesta a Carla') < dan.index('lang="en"><p>A reply to Carla')
    assert 'written in English' in dan


def test_threads_nest_replies_under_what_they_answer(fixture_site):
    text = (fixture_site / "posts/alpha/index.html").read_text()
    c1, c2, c3 = (text.index(f'id="comment-{i}"') for i in ("c1", "c2", "c3"))
    assert c1 < c2 < c3
    between = text[c1:c3]
    assert between.count('<ol class="thread replies">') == 2
    orphan = text.index('id="comment-orphan"')
    assert text[:orphan].count("<ol") - text[:orphan].count("</ol>") == 1, "orphan reply is at the top level"
    assert '<time datetime="2024-03">March 2024</time>' in text
    assert '<time datetime="2024-03-06T09:00+00:00">March 6, 2024, 9:00\u202fAM</time>' in text  # CLDR's English


def test_single_language_pages_link_each_other_and_the_side_by_side_page(fixture_site):
    text = (fixture_site / "es/posts/alpha/index.html").read_text()
    for link in ('href="../../../en/posts/alpha/"', 'href="../../../pt-BR/posts/alpha/"',
                 'href="../../../posts/alpha/"'):
        assert link in text
    assert '<link rel="alternate" hreflang="pt-BR" href="https://example.github.io/fixture-repo/pt-BR/posts/alpha/">' in text
    assert "valores" in text, "tag labels are localized"


def test_tag_pages_count_and_list_their_essays(fixture_site):
    index = read_page(fixture_site / "tags/index.html")
    assert [t for _, t in index.texts if t.startswith("(")] == ["(2)", "(1)", "(1)", "(0)"]
    assert "No essays have this tag yet." in (fixture_site / "tags/unused/index.html").read_text()
    values = (fixture_site / "tags/values/index.html").read_text()
    assert "Alfa: los valores" in values and "Gama" in values
    assert "Beta: verticality" not in values


def test_the_comment_archive_is_newest_first_and_links_each_comment(fixture_site):
    first = (fixture_site / "comments/index.html").read_text()
    assert first.index("Mallory") < first.index("Olga")
    assert 'href="../posts/alpha/#comment-hostile"' in first
    last = (fixture_site / "comments/page/3/index.html").read_text()
    assert "An undated comment." in last, "undated comments come last"
    assert 'rel="next"' in first and 'rel="prev"' in last


def test_an_archived_comment_in_another_language_says_which(fixture_site):
    """A Spanish archive shows Radu's Romanian words as they are: its head says so, in Spanish."""
    pages = [fixture_site / "es/comments/index.html", *sorted((fixture_site / "es/comments/page").glob("*/index.html"))]
    heads = [line.strip() for page in pages for line in page.read_text().splitlines() if 'class="comment-head"' in line]
    radu = next(head for head in heads if "Radu" in head)
    assert radu.endswith(" · escrito en rumano</p>")
    assert not any("escrito en español" in head for head in heads)
    assert "written in" not in "".join(heads)


def test_home_is_newest_first_and_paginated(fixture_site):
    first = (fixture_site / "index.html").read_text()
    assert first.index("Alfa: los valores") < first.index("Beta: verticality")
    assert 'href="page/2/"' in first
    second = (fixture_site / "page/2/index.html").read_text()
    assert "Gama" in second and 'href="../../"' in second


def test_feeds_are_atom_with_absolute_urls(fixture_site):
    feed = ET.parse(fixture_site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Alfa: los valores", "Beta: verticality", "Gama"]
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.github.io/fixture-repo/posts/alpha/"
    comments = ET.parse(fixture_site / "comments/feed.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in comments.findall(f"{ATOM}entry")]
    assert "https://example.github.io/fixture-repo/posts/alpha/#comment-c1" in links
    assert len(links) == 6


def test_the_sitemap_lists_pages_with_hreflang_alternates(fixture_site):
    root = ET.parse(fixture_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    assert "https://example.github.io/fixture-repo/" in locs
    alpha = locs["https://example.github.io/fixture-repo/es/posts/alpha/"]
    langs = {link.get("hreflang") for link in alpha.findall("x:link", ns)}
    assert langs == {"es", "en", "pt-BR", "x-default"}
    assert len(locs) == len(html_files(fixture_site)) - 1  # every page but 404.html


def test_the_sitemap_s_alternates_name_each_other_back_and_themselves(fixture_site):
    """Search engines drop a set of hreflang alternates that does not name its own page or is not named back:
    the side-by-side page with another translation (`with-pt-BR/`) gave the default pair's set, which named
    neither it nor it them (a feed and sitemap review). It is listed, as every page, with no alternates."""
    root = ET.parse(fixture_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sets = {u.find("s:loc", ns).text: {link.get("href") for link in u.findall("x:link", ns)} for u in root.findall("s:url", ns)}
    other_pair = "https://example.github.io/fixture-repo/posts/alpha/with-pt-BR/"
    assert other_pair in sets and sets[other_pair] == set()
    for url, alternates in sets.items():
        assert not alternates or url in alternates, url
        for alternate in alternates:
            assert sets[alternate] == alternates, (url, alternate)
    page = (fixture_site / "posts/alpha/with-pt-BR/index.html").read_text()
    assert 'rel="alternate" hreflang' not in page and 'rel="canonical"' in page


def test_two_builds_are_byte_identical(tmp_path):
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        assert run_cli("build", "--content", str(FIXTURE), "--output", str(out), "--no-cache").returncode == 0
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


def test_source_date_epoch_sets_the_feed_time(tmp_path):
    import os
    out = tmp_path / "out"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    content = tmp_path / "content"
    (content / "posts" / "x").mkdir(parents=True)
    (content / "site.yml").write_text((FIXTURE / "site.yml").read_text())
    (content / "posts/x/index.en.md").write_text("---\ntitle: Undated\nauthor: A\n---\n\nText.\n")
    assert run_cli("build", "--content", str(content), "--output", str(out), env=env).returncode == 0
    assert "<updated>2023-11-14T22:13:20Z</updated>" in (out / "feed.xml").read_text()


def test_a_language_s_listing_says_which_essays_it_shows_in_their_original_language(fixture_site):
    """/es/ lists beta and gamma, which have no Spanish text, in their originals: each card says in which
    language, in Spanish, as the comment archive does for a comment; alpha, read in Spanish, says nothing."""
    cards = {}
    for listing in ("es/index.html", "es/page/2/index.html"):
        for card in (fixture_site / listing).read_text().split('<li class="essay-card"')[1:]:
            cards[re.search(r'<span lang="[^"]+">([^<]+)</span>', card).group(1)] = card.split('<p class="byline">')[1]
    assert set(cards) == {"Alfa: los valores", "Beta: verticality", "Gama"}
    assert "escrito en" not in cards["Alfa: los valores"]
    assert cards["Beta: verticality"].split("</p>")[0].endswith(" · escrito en inglés")
    assert cards["Gama"].split("</p>")[0].endswith(" · escrito en rumano")
    assert "written in" not in (fixture_site / "index.html").read_text()  # the root lists every language's title
