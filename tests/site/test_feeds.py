"""Feeds as a feed reader reads them (feedparser): every link and image resolves to a file of the site,
under a sub-path too; each essay's discussion has its own feed, linked from its pages."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from helpers import SITE_YML, make_content, run_cli

BASE = "https://example.github.io/deep/sub/"
ESSAY_ES = """\
---
title: "Mesa"
author: Ana
date: 2026-11-01
---

Una mesa: ![la mesa](tisch.png)

Y [sus notas](notes/plan.pdf), [arriba](#top) y [fuera](https://example.org/x).
"""
ESSAY_EN = """\
---
title: "Table"
translation_of: es
---

A table: ![the table](tisch.png)

And [its notes](notes/plan.pdf), [up](#top) and [out](https://example.org/x).
"""
COMMENT = "---\nauthor: Bea\ndate: 2026-11-02\n---\n\nMira [la foto](tisch.png).\n"
REPLY_EN = "---\ntranslation_of: es\n---\n\nLook at [the photo](tisch.png).\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("feeds")
    content = make_content(tmp_path, {"posts/mesa/index.es.md": ESSAY_ES, "posts/mesa/index.en.md": ESSAY_EN,
                                      "posts/mesa/comments/b1.es.md": COMMENT,
                                      "posts/mesa/comments/b1.en.md": REPLY_EN})
    (content / "posts/mesa/tisch.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "posts/mesa/notes").mkdir()
    (content / "posts/mesa/notes/plan.pdf").write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out), "--base-url", BASE, "--no-cache")
    assert result.returncode == 0, result.stderr
    return out


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.found += [attributes[key] for key in ("src", "href") if attributes.get(key)]
        if attributes.get("id"):
            self.ids.add(attributes["id"])


def parsed_html(text: str) -> _Links:
    links = _Links()
    links.feed(text)
    return links


def on_site(out: Path, url: str) -> Path | None:
    """The output file a site URL names, or None for an address elsewhere."""
    if not url.startswith(BASE):
        return None
    path = url[len(BASE):].split("#")[0]
    return out / (path + "index.html" if path == "" or path.endswith("/") else path)


def every_feed(out: Path) -> list[Path]:
    return sorted([*out.rglob("feed.xml"), *out.rglob("comments.xml")])


def test_every_link_and_image_in_every_feed_resolves_to_a_file_of_the_site(built):
    feeds = every_feed(built)
    assert len(feeds) >= 12  # essays and comments, root and per language, and each discussion's own
    resolved = 0
    for feed_path in feeds:
        address = BASE + feed_path.relative_to(built).as_posix()
        served = {"content-location": address, "content-type": "application/atom+xml"}  # as GitHub Pages sends it
        feed = feedparser.parse(feed_path.read_bytes(), response_headers=served)
        assert not feed.bozo, (feed_path, feed.bozo_exception)
        for entry in feed.entries:
            page = on_site(built, entry.link)
            assert page is not None and page.is_file(), (feed_path, entry.link)
            fragment = entry.link.partition("#")[2]
            if fragment:
                assert fragment in parsed_html(page.read_text(encoding="utf-8")).ids, entry.link
            for content in entry.get("content", []):
                for url in parsed_html(content.value).found:
                    if url.startswith("https://example.org/"):
                        continue  # elsewhere, as the author wrote it
                    target = on_site(built, url)
                    assert target is not None and target.is_file(), (feed_path, entry.link, url)
                    if "#" in url:  # a passage: on the entry's own page, not the feed's
                        assert url.split("#")[0] == entry.link.split("#")[0], (feed_path, url)
                    resolved += 1
    assert resolved == 19  # 4 essay feeds × 3 links, 4 comment feeds and 3 discussion feeds × 1


def test_feed_content_carries_absolute_addresses_for_readers_that_ignore_xml_base(built):
    text = (built / "es/feed.xml").read_text(encoding="utf-8")
    assert f'src=&#34;{BASE}posts/mesa/tisch.png&#34;' in text or f'src="{BASE}posts/mesa/tisch.png"' in text
    assert not re.search(r"(src|href)=(&#34;|&quot;|\")(?!https?:|#)", text)


def test_each_discussion_has_a_feed_per_language_whose_entries_link_into_the_thread(built):
    for folder, page in (("", "posts/mesa/"), ("es/", "es/posts/mesa/"), ("en/", "en/posts/mesa/")):
        feed = feedparser.parse((built / f"{folder}posts/mesa/comments.xml").read_bytes())
        assert [entry.link for entry in feed.entries] == [f"{BASE}{page}#comment-b1"]
        # in one language throughout: the original's title names the root's feed, in the original's words
        assert feed.feed.title == {"": "Mesa · Comentarios", "es/": "Mesa · Comentarios", "en/": "Table · Comments"}[folder]
        assert feed.feed.language == {"": "es", "es/": "es", "en/": "en"}[folder]  # its title's, not the site's
        words = feed.entries[0].content[0].value
        assert ("Look at" if folder == "en/" else "Mira") in words
    assert not (built / "ro/posts/mesa/comments.xml").exists()  # the essay has no Romanian page


def test_every_essay_page_announces_its_discussion_feed_and_links_it_under_the_thread(built):
    for page, feed in (("posts/mesa/index.html", "comments.xml"), ("es/posts/mesa/index.html", "comments.xml"),
                       ("en/posts/mesa/index.html", "comments.xml")):
        html = (built / page).read_text(encoding="utf-8")
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
        start = html.index('<section class="discussion"')
        discussion = html[start:html.index("</section>", start)]
        assert f'<a href="{feed}" type="application/atom+xml">' in discussion
    assert "Seguir esta conversación" in (built / "es/posts/mesa/index.html").read_text(encoding="utf-8")


def test_the_comment_archive_announces_its_feed_where_a_feed_reader_looks(built):
    """It was linked only in the footer: a feed reader given the archive's address found the essays' feed."""
    for page, feed, title in (("comments/index.html", "feed.xml", "Comments feed"),
                              ("es/comments/index.html", "feed.xml", "Canal de comentarios")):
        head = (built / page).read_text(encoding="utf-8").split("</head>")[0]
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}" title="{title}">' in head
        assert (built / page).parent.joinpath(feed).is_file()
    assert "comments/feed.xml" not in (built / "index.html").read_text(encoding="utf-8").split("</head>")[0]


def test_a_readers_name_that_overrides_the_direction_reverses_nothing_but_itself(tmp_path):
    # `\u202e` (right-to-left override) in a name: a feed title or a new issue's title has no <bdi> to hold it
    spoof = "---\nauthor: \"\\u202egnp.exe\"\ndate: 2026-11-02\n---\n\nHola.\n"
    content = make_content(tmp_path, {"posts/mesa/index.es.md": ESSAY_ES, "posts/mesa/comments/b1.es.md": spoof})
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    titles = [entry.title for entry in feedparser.parse((out / "comments/feed.xml").read_bytes()).entries]
    assert titles == ["\u2068\u202egnp.exe\u2069: Mesa"]  # isolated: the override ends with the name
    page = (out / "posts/mesa/index.html").read_text()
    # the comment is named by its writer's name's element, where the name is isolated too
    assert 'aria-labelledby="by_b1"' in page and 'id="by_b1" lang="es">\u2068\u202egnp.exe\u2069</bdi>' in page


def test_links_from_the_root_and_written_mail_addresses_reach_their_targets_from_every_page_and_feed(tmp_path):
    essay = ESSAY_ES.replace("Una mesa:", "Escríbeme: <ana@example.org>. Una mesa ![logo](/logo.png) [sobre mí](/about/):")
    translation = ESSAY_EN.replace("A table:", "Write to me: <ana@example.org>. A table ![logo](/logo.png) [about me](/about/):")
    content = make_content(tmp_path, {"posts/mesa/index.es.md": essay, "posts/mesa/index.en.md": translation,
                                      "posts/mesa/tisch.png": "png", "static/logo.png": "png"}, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    for name in ("posts/mesa/index.html", "en/posts/mesa/index.html", "es/posts/mesa/index.html"):
        page = (tmp_path / "out" / name).read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]*)"', page)
        mail = [href for href in hrefs if "&#" in href]
        assert mail and all(href.startswith("&#") for href in mail), (name, mail)  # mailto:, as Markdown wrote it
    feed = feedparser.parse((tmp_path / "out/en/feed.xml").read_bytes())
    words = feed.entries[0].content[0].value
    assert f'src="{BASE}logo.png"' in words and f'href="{BASE}about/"' in words
    assert 'href="mailto:ana@example.org"' in html.unescape(words)


def test_a_comment_entry_titled_by_its_essay_in_another_language_says_the_titles_language(tmp_path):
    """Bea wrote in English only, under the Spanish essay "Mesa": her entry, in English, is titled
    "Bea: Mesa", and that title says it is Spanish."""
    import xml.etree.ElementTree as ET
    content = make_content(tmp_path, {"posts/mesa/index.es.md": ESSAY_ES, "posts/mesa/index.en.md": ESSAY_EN,
                                      "posts/mesa/comments/b1.en.md": COMMENT.replace("Mira [la foto]", "See [the photo]")})
    (content / "posts/mesa/tisch.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), "--no-cache")
    assert result.returncode == 0, result.stderr
    atom, lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    for feed, title_lang in (("comments/feed.xml", "es"), ("es/comments/feed.xml", "es"),
                             ("posts/mesa/comments.xml", "es"), ("en/comments/feed.xml", None)):
        entry = ET.parse(tmp_path / "out" / feed).getroot().find(f"{atom}entry")
        title = entry.find(f"{atom}title")
        assert entry.get(lang) == "en" and title.text == ("Bea: Table" if title_lang is None else "Bea: Mesa"), feed
        assert title.get(lang) == title_lang, feed


def test_an_unnamed_commenter_is_named_in_the_language_of_the_element_that_names_them(tmp_path):
    """A Hebrew feed titled an entry "Anonymous: …" while its author said אנונימי: the files' word leaked.
    And a Spanish feed named the unnamed author of a Romanian comment "Anónimo" under xml:lang="ro":
    the title says the word in the title's language, the author element in the entry's, and where that
    language has no word for it (Esperanto, no catalog), in the feed's words, its author element marked so."""
    import xml.etree.ElementTree as ET
    unnamed = "---\nauthor: Anonymous\ndate: 2026-11-0{}\n---\n\n{}\n"
    content = make_content(tmp_path, {
        "site.yml": SITE_YML.replace("ro: Română}", "ro: Română, eo: Esperanto}"),
        "posts/mesa/index.es.md": ESSAY_ES, "posts/mesa/index.en.md": ESSAY_EN,
        "posts/mesa/comments/b1.es.md": unnamed.format(2, "Hola."),
        "posts/mesa/comments/b2.ro.md": unnamed.format(3, "Bună ziua."),
        "posts/mesa/comments/b3.eo.md": unnamed.format(4, "Saluton.")})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    atom, xml_lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    word = {"es": "Anónimo", "en": "Anonymous", "ro": "Anonim"}
    seen = 0
    for feed in ("comments/feed.xml", "es/comments/feed.xml", "en/comments/feed.xml", "posts/mesa/comments.xml",
                 "es/posts/mesa/comments.xml", "en/posts/mesa/comments.xml"):
        root = ET.parse(tmp_path / "out" / feed).getroot()
        for entry in root.iter(f"{atom}entry"):
            title, author = entry.find(f"{atom}title"), entry.find(f"{atom}author")
            title_lang = title.get(xml_lang) or entry.get(xml_lang)
            author_lang = author.get(xml_lang) or entry.get(xml_lang)
            assert title.text.split(":")[0] == word[title_lang], (feed, title.text)
            assert author.find(f"{atom}name").text == word[author_lang], (feed, author_lang)
            if entry.get(xml_lang) == "eo":
                assert author_lang in ("es", "en") and author.get(xml_lang) == author_lang, feed
            seen += 1
    assert seen == 18


def test_a_language_s_feeds_say_that_language_and_a_site_title_in_another_says_its_own(tmp_path):
    """`/es/feed.xml` said xml:lang="en", the language of the only title site.yml gives, over Spanish
    entries and Spanish words: a feed reader shows a feed by its root's language (a walk, 2026-12)."""
    content = make_content(tmp_path)
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    spanish = (tmp_path / "out/es/feed.xml").read_text()
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">' in spanish
    assert '<title xml:lang="en">Test site</title>' in spanish
    comments = (tmp_path / "out/es/comments/feed.xml").read_text()
    assert 'xml:lang="es">' in comments.split("\n")[1] + comments.split("\n")[2]
    english = (tmp_path / "out/feed.xml").read_text()
    assert 'xml:lang="en">' in english and "<title>Test site</title>" in english


def test_words_still_to_translate_in_a_right_to_left_feed_carry_their_direction(tmp_path):
    """In an Arabic feed, the Spanish words standing where the translation is still to do were marked `lang`
    but not `dir`: a feed reader laid them out right to left."""
    from helpers import SITE_YML, make_content, run_cli
    content = make_content(tmp_path, {
        "site.yml": SITE_YML.replace("ro: Română", "ar: العربية"),
        "posts/hola/index.ar.md": "---\ntitle: مرحبا\ntranslation_of: es\n---\n\nالفقرة الأولى.\n\n"
                                  "TODO translate: Segundo párrafo.\n"})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    feed = (tmp_path / "out/ar/feed.xml").read_text()
    assert "&lt;div lang=&#34;es&#34; dir=&#34;ltr&#34;&gt;" in feed
    english = (tmp_path / "out/en/feed.xml").read_text()
    assert "dir=&#34;ltr&#34;" not in english  # the feed's own direction: nothing to say


def test_an_author_named_in_another_script_is_marked_with_that_language_in_feeds(tmp_path):
    """कमला signing an English comment on a Hindi and English site: her name was marked Hindi on the pages
    but said under the entry's xml:lang="en" in every feed, read aloud as English letters."""
    import xml.etree.ElementTree as ET
    content = make_content(tmp_path, {
        "site.yml": 'title: {en: "Notes"}\nbase_url: "https://example.org/"\nlanguages: {en: English, hi: हिन्दी}\n'
                    "main_language: en\nsearch: false\n",
        "posts/ghat/index.en.md": "---\ntitle: The ghats\nauthor: सुमन\ndate: 2026-11-01\n---\n\nSteps to the river.\n",
        "posts/ghat/comments/c1.en.md": "---\nauthor: कमला\ndate: 2026-11-02\n---\n\nLovely steps.\n",
        "posts/ghat/comments/c2.en.md": "---\nauthor: Ana\ndate: 2026-11-03\n---\n\nAnd the boats.\n"},
        with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    atom, xml_lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    for feed in ("feed.xml", "comments/feed.xml", "posts/ghat/comments.xml"):
        authors = {author.find(f"{atom}name").text: author.get(xml_lang)
                   for author in ET.parse(tmp_path / "out" / feed).getroot().iter(f"{atom}author")}
        expected = {"feed.xml": {"सुमन": "hi"}}.get(feed, {"कमला": "hi", "Ana": None})
        assert authors == expected, feed


def test_an_undated_entry_is_not_updated_again_when_something_else_is_written(tmp_path):
    """An undated essay or comment took the feed's own time, the newest date of the whole site: one new
    comment on another essay made every undated entry, and that essay's discussion feed, look updated
    (a feed reader's review). An undated entry says the epoch, which never moves."""
    undated_essay = "---\ntitle: Viejo\nauthor: Eva\n---\n\nTexto.\n"
    undated_comment = "---\nauthor: Bea\n---\n\nHola.\n"
    content = make_content(tmp_path, {
        "posts/mesa/index.es.md": ESSAY_ES, "posts/mesa/index.en.md": ESSAY_EN,
        "posts/mesa/comments/b1.es.md": COMMENT,
        "posts/viejo/index.es.md": undated_essay, "posts/viejo/comments/u1.es.md": undated_comment})

    def built(out: str) -> dict:
        result = run_cli("build", "--content", str(content), "--output", str(tmp_path / out), "--base-url", BASE)
        assert result.returncode == 0, result.stderr
        return {feed: (tmp_path / out / feed).read_text() for feed in
                ("feed.xml", "es/feed.xml", "comments/feed.xml", "posts/viejo/comments.xml", "es/posts/viejo/comments.xml")}

    def undated(feed: str) -> list[str]:
        return [re.search(r"<updated>([^<]*)", entry).group(1) for entry in feed.split("<entry")[1:]
                if "viejo" in entry]

    before = built("before")
    (content / "posts/mesa/comments/b2.es.md").write_text(COMMENT.replace("2026-11-02", "2026-12-05"))
    after = built("after")
    for feed in ("feed.xml", "es/feed.xml", "comments/feed.xml"):
        assert undated(after[feed]) == undated(before[feed]) == ["1970-01-01T00:00:00Z"], feed
    assert after["posts/viejo/comments.xml"] == before["posts/viejo/comments.xml"]
    assert after["es/posts/viejo/comments.xml"] == before["es/posts/viejo/comments.xml"]
    assert feedparser.parse(after["posts/viejo/comments.xml"]).bozo == 0


def test_an_essay_s_updated_date_is_its_feed_entry_s_and_its_date_stays_published(tmp_path):
    """A writer's week: `updated:` was an unknown key, and a revised essay never showed again in feed readers."""
    content = make_content(tmp_path)
    essay = content / "posts/hola/index.es.md"
    essay.write_text(essay.read_text().replace("author:", "date: 2026-11-01\nupdated: 2026-11-20 10:00\nauthor:", 1))
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0 and "updated" not in result.stderr, result.stderr
    feed = feedparser.parse((tmp_path / "out/feed.xml").read_bytes())
    entry = feed.entries[0]
    assert not feed.bozo and entry.updated == "2026-11-20T10:00:00Z" and entry.published < entry.updated, entry
    assert feed.feed.updated == "2026-11-20T10:00:00Z"
    assert '"dateModified":"2026-11-20T10:00' in (tmp_path / "out/posts/hola/index.html").read_text()
    essay.write_text(essay.read_text().replace("updated: 2026-11-20 10:00", "updated: 2016-11-20"))
    early = run_cli("check", "--content", str(content))
    assert "content/posts/hola/index.es.md:4: warning: updated `2016-11-20` is before the essay's date" in early.stderr
    # the same day said less exactly is no slip, and no revision a feed could announce (a red team)
    essay.write_text(essay.read_text().replace("updated: 2016-11-20", "updated: 2026-11"))
    assert "updated" not in run_cli("check", "--content", str(content)).stderr
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    written = (tmp_path / "out/feed.xml").read_text()
    assert "<published>" not in written and "\n    <updated>2026-11-01T00:00:00Z</updated>\n" in written, written
