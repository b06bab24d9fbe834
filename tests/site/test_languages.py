"""Every language a site declares gets a whole site: words, dates, names, listings and feeds."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from babel.messages.pofile import read_po

from helpers import ROOT, make_content, run_cli, write_tree
from site_pages import read_page, resolve, url_of

GERMAN = {
    "site.yml": """\
title: {en: "Test site", es: "Sitio de prueba"}
base_url: "https://example.github.io/repo/"
languages: {en: English, es: Español, ro: Română, de: }
main_language: en
tags:
  values: {en: values, es: valores, de: Werte}
""",
    "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\ndate: 2012-09-11 10:27\ntags: [values]\n---\n\n"
                              "Primer párrafo.\n\nSegundo párrafo.\n",
    "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nFirst paragraph.\n\nSecond paragraph.\n",
    "posts/hola/index.de.md": "---\ntitle: Hallo\ntranslation_of: es\n---\n\nErster Absatz.\n\nZweiter Absatz.\n",
    "posts/hola/comments/c1.es.md": "---\nauthor: Bea\ndate: 2012-09\n---\n\nUn comentario.\n",
    "posts/hola/comments/c1.de.md": "---\ntranslation_of: es\n---\n\nEin Kommentar.\n",
}


@pytest.fixture(scope="module")
def german_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("german")
    content = make_content(root, GERMAN, with_essay=False)
    out = root / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


BASQUE = {**GERMAN, "site.yml": GERMAN["site.yml"].replace("de: }", "de: , eu: }"),
          "posts/hola/index.eu.md": "---\ntitle: Kaixo\ntranslation_of: es\n---\n\nLehen paragrafoa.\n\nBigarrena.\n"}


def test_a_language_without_a_catalog_warns_once_and_falls_back_to_marked_english(tmp_path):
    content = make_content(tmp_path, BASQUE, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("no interface catalog") == 1
    assert ("content/site.yml: warning: language `eu` has no interface catalog "
            "(locales/eu/LC_MESSAGES/messages.po): its pages use English words; write one, or accept English "
            "with `english_interface: [eu]`") in result.stderr
    page = (tmp_path / "out/eu/posts/hola/index.html").read_text()
    assert '<span lang="en">Skip to content</span>' in page and '<html lang="eu" data-words-lang="en">' in page
    # where no element can mark a word's language (a tab's title, an Atom title) the words are plain text
    for name in ("eu/tags/index.html", "eu/comments/index.html", "eu/search/index.html"):
        title = re.search(r"<title>(.*?)</title>", (tmp_path / "out" / name).read_text(), re.S)[1]
        assert "<" not in title and title.endswith(" · Test site"), (name, title)
    feed = ElementTree.parse(tmp_path / "out/eu/comments/feed.xml").getroot()
    title = feed.find("{http://www.w3.org/2005/Atom}title")
    assert list(title) == [] and title.text == "Test site · Comments"
    # nor in an attribute a script shows as the tab's title
    titles = re.findall(r'data-title="([^"]*)"', (tmp_path / "out/404.html").read_text())
    assert "Page not found · Test site" in titles and not any("<" in title or "&lt;" in title for title in titles)
    # an English sentence names a language in English, not "translated from gaztelania"
    assert "gaztelania" not in page and '<span lang="en">translated from Spanish</span>' in page
    # a date is the page's language's, in an English sentence too: it says so there (it was read as English)
    archive = (tmp_path / "out/eu/comments/index.html").read_text()
    assert ('<span lang="en"><bdi class="author" id="by_1" lang="es">Bea</bdi> on <a href="../posts/hola/#comment-c1" lang="eu">Kaixo</a>, '
            '<time datetime="2012-09" lang="eu">2012(e)ko iraila</time></span>') in archive


def test_a_name_in_the_pages_language_keeps_it_inside_an_english_phrase(tmp_path):
    """A Hindi reader's name in a page with no Hindi catalog was read out as English: the English phrase
    around it claimed it (a new user's walk)."""
    files = {**BASQUE, "posts/hola/index.eu.md": BASQUE["posts/hola/index.eu.md"].replace(
                 "translation_of: es", "translation_of: es\ntranslator: Miren"),
             "posts/hola/comments/c2.eu.md": "---\nauthor: Ane\ndate: 2012-10\n---\n\nIruzkin bat.\n",
             "posts/hola/comments/c2.en.md": "---\ntranslation_of: eu\n---\n\nA comment.\n"}
    content = make_content(tmp_path, files, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    archive = (tmp_path / "out/eu/comments/index.html").read_text()
    assert '<span lang="en"><bdi class="author" id="by_1" lang="eu">Ane</bdi> on ' in archive
    assert '<bdi class="author" id="by_2" lang="es">Bea</bdi>' in archive  # another language's name, as before
    # each comment is named by that element, which says its language: an attribute could not
    assert '<article class="archived-comment" aria-labelledby="by_2">' in archive and "aria-label=" not in archive.split(
        '<ol class="comment-archive">')[1]
    thread = (tmp_path / "out/posts/hola/index.html").read_text()
    assert 'id="comment-c2" aria-labelledby="by_c2">' in thread and '<bdi class="author" id="by_c2" lang="eu">Ane</bdi>' in thread
    page = (tmp_path / "out/eu/posts/hola/index.html").read_text()
    assert '<span lang="en">translated from Spanish by <bdi class="translator" lang="eu">Miren</bdi></span>' in page


def test_a_site_may_accept_english_for_a_language_without_a_catalog(tmp_path):
    accepting = {**BASQUE, "site.yml": BASQUE["site.yml"] + "english_interface: [eu]\n"}
    result = run_cli("check", "--content", str(make_content(tmp_path, accepting, with_essay=False)))
    assert result.returncode == 0 and "catalog" not in result.stderr


def test_a_catalog_lacking_messages_is_named_once_with_how_many(tmp_path):
    catalog = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\nmsgid "Tags"\nmsgstr "Etiketak"\n')
    content = make_content(tmp_path, BASQUE, with_essay=False)
    write_tree(tmp_path, {"locales/eu/LC_MESSAGES/messages.po": catalog})
    result = run_cli("check", "--content", str(content))
    with (ROOT / "locales/messages.pot").open("rb") as file:
        lacking = len([m for m in read_po(file) if m.id]) - 1
    assert result.stderr.count("locales/eu/LC_MESSAGES/messages.po: warning:") == 1
    assert (f"locales/eu/LC_MESSAGES/messages.po: warning: {lacking} messages of the interface have no `eu` "
            "translation here: pages show them in English") in result.stderr
    # a phrase the catalog lacks is English's, and names the language in English: "translated from
    # gaztelania" was an English sentence marked as English, with a Basque word in it
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    page = (tmp_path / "out/eu/posts/hola/index.html").read_text()
    assert "Etiketak" in page and '<span lang="en">translated from Spanish</span>' in page and "gaztelania" not in page
    search = (tmp_path / "out/eu/search/index.html").read_text()  # "matched in %(language)s", placed by a script
    assert 'data-in-text="Spanish"\n      data-in-text-lang="en"' in search and "gaztelania" not in search


def test_cldr_dates_and_language_names_in_every_language(german_site):
    out, _ = german_site
    german = (out / "de/posts/hola/index.html").read_text()
    assert '<time datetime="2012-09-11T10:27+00:00">11. September 2012, 10:27</time>' in german
    assert '<time datetime="2012-09">September 2012</time>' in german  # the comment's month, as given
    assert '>Deutsch</a>' in german  # site.yml names no name for de: CLDR's
    spanish = (out / "es/posts/hola/index.html").read_text()
    assert "11 de septiembre de 2012, 10:27" in spanish and "septiembre de 2012" in spanish
    romanian_home = (out / "ro/index.html").read_text()
    assert "11 septembrie 2012, 10:27" in romanian_home


def test_every_language_has_its_listings_and_they_link_only_within_it(german_site):
    out, _ = german_site
    for lang in ("en", "es", "ro", "de"):
        for listing in ("", "tags/", "tags/values/", "comments/"):
            assert (out / lang / listing / "index.html").is_file(), (lang, listing)
        for feed in ("feed.xml", "comments/feed.xml"):
            ElementTree.parse(out / lang / feed)
        # the essay's page in one language too, in the site's main language (en) as in the others
        for listing in ("", "tags/", "tags/values/", "comments/") + (("posts/hola/",) if lang != "ro" else ()):
            path = out / lang / listing / "index.html"
            page = read_page(path)
            nav = [link for link in page.links if not link.endswith((".css", ".js", ".xml"))]
            for link in nav:
                target = resolve(out, url_of(out, path), link, "/repo/")
                if target is None or "#" in link and link.startswith("#"):
                    continue
                relative = target.relative_to(out).as_posix()
                in_language = relative.startswith(f"{lang}/") or relative.startswith("posts/hola/")
                alternate = any(relative == f"{other}/{listing}index.html" for other in ("en", "es", "ro", "de"))
                assert in_language or alternate, f"{lang}/{listing}: {link} leads to {relative}"


def test_a_listing_shows_titles_in_its_language_or_the_original_marked(german_site):
    out, _ = german_site
    german = (out / "de/index.html").read_text()
    assert '<a href="posts/hola/"><span lang="de">Hallo</span></a>' in german
    romanian = (out / "ro/index.html").read_text()
    assert '<a href="../posts/hola/"><span lang="es">Hola</span></a>' in romanian  # no Romanian version: the original
    assert '<a href="tags/values/" lang="de" rel="tag">Werte</a>' in (out / "de/index.html").read_text()
    archive = (out / "de/comments/index.html").read_text()
    assert '<blockquote lang="de"><p>Ein Kommentar.</p></blockquote>' in archive
    assert 'href="../posts/hola/#comment-c1"' in archive
    assert '<blockquote lang="es"><p>Un comentario.</p></blockquote>' in (out / "en/comments/index.html").read_text()
    feed = (out / "de/feed.xml").read_text()
    assert "<title>Hallo</title>" in feed and 'xml:lang="de"' in feed


def test_every_listing_names_its_versions_and_the_sitemap_lists_them(german_site):
    out, _ = german_site
    home = (out / "es/index.html").read_text()
    for lang in ("en", "es", "ro", "de"):
        assert f'<link rel="alternate" hreflang="{lang}" href="https://example.github.io/repo/{lang}/">' in home
    assert 'hreflang="x-default" href="https://example.github.io/repo/"' in home
    assert '<a href="./" lang="es" hreflang="es" aria-current="page">Español</a>' in home
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://example.github.io/repo/de/tags/</loc>" in sitemap
    assert 'hreflang="ro" href="https://example.github.io/repo/ro/comments/"' in sitemap


def test_the_side_by_side_interface_speaks_the_site_language_whatever_the_pair(german_site):
    out, _ = german_site
    english = (out / "posts/hola/index.html").read_text()
    assert '<html lang="en">' in english and "Discussion" in english
    german = (out / "posts/hola/with-de/index.html").read_text()
    assert '<html lang="en">' in german and 'href="../../../tags/values/"' in german
    assert '<div class="side translation" lang="de">' in german


def test_romanian_counts_comments_in_its_three_plural_forms(tmp_path):
    def comments(count):
        return {f"posts/p{count}/index.ro.md": f"---\ntitle: P{count}\nauthor: A\n---\n\nText.\n",
                **{f"posts/p{count}/comments/c{i}.ro.md": f"---\nauthor: B{i}\n---\n\nText {i}.\n"
                   for i in range(count)}}
    content = make_content(tmp_path, {**comments(1), **comments(2), **comments(20)})
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    home = (out / "ro/index.html").read_text()
    assert "1 comentariu" in home and "2 comentarii" in home and "20 de comentarii" in home
    assert "20 comments" in (out / "en/index.html").read_text()


# words a language writes as English does
SAME_WORD = {"de": {"Essays", "Permalink"}, "fr": {"Pages", "Discussion (%(count)s)", "Page %(number)s"},
             # a Brazilian blog's word, where Portugal writes "Etiquetas"; Brazil quotes with “ ” as English does
             "pt_BR": {"Tags", "Tags:", "“%(text)s” — %(author)s, %(title)s, §%(number)s, %(address)s"},
             "nl": {"Essays", "Permalink", "Tags", "Tags:"}}  # Dutch blogs' own words (WordPress's Dutch says "Tags")


def test_the_catalogs_hold_every_word_the_templates_use(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run([str(ROOT / ".venv/bin/pybabel") if (ROOT / ".venv/bin/pybabel").exists() else "pybabel",
                    "extract", "-F", "babel.cfg", "-k", "_attr", "-k", "attr", "-o", str(pot), "."],
                   cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as file:
        wanted = {m.id for m in read_po(file) if m.id}
    assert len(wanted) > 60
    shipped = sorted(path.parts[-3] for path in (ROOT / "locales").glob("*/LC_MESSAGES/messages.po"))
    assert {"en", "es", "ro", "de", "fr", "it", "pt", "pt_BR", "ca", "ar", "he", "uk", "ru", "nl", "sv"} <= set(shipped)
    for lang in shipped:
        with (ROOT / "locales" / lang / "LC_MESSAGES/messages.po").open("rb") as file:
            catalog = read_po(file)
        done = {m.id for m in catalog if m.id and (all(m.string) if isinstance(m.id, tuple) else m.string)}
        assert wanted <= done, f"{lang} lacks {sorted(map(str, wanted - done))[:5]}"
        plural = next(m for m in catalog if isinstance(m.id, tuple))
        assert len(plural.string) == catalog.num_plurals
        echoed = {m.id for m in catalog if isinstance(m.id, str) and m.id and m.string == m.id}
        if lang != "en":  # a word left in English is no translation, except those that are the same word
            assert echoed <= SAME_WORD.get(lang, set()) | {"original", "Site", ","}, f"{lang} leaves in English: {sorted(echoed)[:5]}"


def test_the_search_page_speaks_its_language(fixture_site):
    page = (fixture_site / "es/search/index.html").read_text()
    assert "<h1>Buscar</h1>" in page and "Palabras que buscar" in page and 'data-none="No se encontró nada."' in page


def test_a_region_tag_speaks_its_languages_catalog(tmp_path):
    brazil = {**GERMAN, "site.yml": GERMAN["site.yml"].replace("de: }", "de: , pt-BR: }"),
              "posts/hola/index.pt-BR.md": "---\ntitle: Olá\ntranslation_of: es\n---\n\nPrimeiro.\n\nSegundo.\n"}
    content = make_content(tmp_path, brazil, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0 and "catalog" not in result.stderr
    page = (tmp_path / "out/pt-BR/posts/hola/index.html").read_text()
    # its region's catalog (locales/pt_BR/), Brazilian words; no word fell back to English
    assert "Pular para o conteúdo" in page and '<span lang="en">' not in page


def test_translations_are_offered_in_the_display_order_of_site_yml_not_by_language_code(tmp_path):
    """`languages` is the display order: an essay's titles, its single-language pages and its choice
    of translation follow it (Română before English here), after the original."""
    site = ('title: T\nbase_url: "https://example.org/"\nlanguages: {es: Español, ro: Română, en: English}\n'
            "main_language: es\nsearch: false\n")
    essay = "---\ntitle: {title}\n{extra}---\n\nWords.\n"
    content = write_tree(tmp_path / "content", {
        "site.yml": site,
        "posts/p/index.es.md": essay.format(title="Hola", extra="author: Ana\ndate: 2024-01-01\n"),
        "posts/p/index.en.md": essay.format(title="Hello", extra="translation_of: es\n"),
        "posts/p/index.ro.md": essay.format(title="Salut", extra="translation_of: es\n"),
    })
    out = tmp_path / "output"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    home = (out / "index.html").read_text()
    assert re.findall(r'class="other-title">(\w+)<', home) == ["Salut", "Hello"]
    essay_page = (out / "posts/p/index.html").read_text()  # the first translation stands beside the original
    assert '<div class="side translation" lang="ro">' in essay_page and 'href="with-en/"' in essay_page


def test_a_date_and_its_time_are_joined_as_the_language_joins_them(tmp_path):
    """CLDR's own joint: Arabic's comma "،", Portuguese's space; English, Spanish and German keep ", "."""
    site_yml = GERMAN["site.yml"].replace("de: }", "de: , ar: العربية, pt: Português}")
    files = {**GERMAN, "site.yml": site_yml,
             "posts/hola/index.ar.md": "---\ntitle: مرحبا\ntranslation_of: es\n---\n\nفقرة.\n\nفقرة ثانية.\n",
             "posts/hola/index.pt.md": "---\ntitle: Olá\ntranslation_of: es\n---\n\nPrimeiro.\n\nSegundo.\n"}
    content = make_content(tmp_path, files, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    time = re.compile(r'<time datetime="2012-09-11T10:27\+00:00"[^>]*>([^<]*)</time>')
    shown = {lang: time.search((tmp_path / "out" / lang / "posts/hola/index.html").read_text()).group(1)
             for lang in ("ar", "pt", "en", "de")}
    assert shown["ar"].count("،") == 1 and ", " not in shown["ar"], shown["ar"]
    assert shown["pt"] == "11 de setembro de 2012 10:27"
    assert shown["en"] == "September 11, 2012, 10:27\u202fAM" and shown["de"] == "11. September 2012, 10:27"
    assert shown["ar"].endswith("10:27\u00a0ص"), "a time is one unit: no line breaks before its marker"


def test_thai_dates_are_in_the_buddhist_era_as_cldr_prefers_for_thai(tmp_path):
    """Thai pages said "11 กันยายน ค.ศ. 2012": Babel fills CLDR's Thai patterns from the Gregorian
    calendar alone, where a Thai reader dates by the Buddhist era (a Thai writer's walk, 2026-12)."""
    thai = {**GERMAN, "site.yml": GERMAN["site.yml"].replace("de: }", "de: , th: }") + "english_interface: [th]\n",
            "posts/hola/index.th.md": "---\ntitle: สวัสดี\ntranslation_of: es\n---\n\nย่อหน้าแรก\n\nย่อหน้าที่สอง\n"}
    content = make_content(tmp_path, thai, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/th/posts/hola/index.html").read_text()
    assert re.search(r'<time datetime="2012-09-11T10:27\+00:00"[^>]*>11 กันยายน พ\.ศ\. 2555', page), page
    assert '<time datetime="2012-09"' in page and "กันยายน พ.ศ. 2555</time>" in page and "ค.ศ." not in page
    assert "11 de septiembre de 2012" in (tmp_path / "out/es/posts/hola/index.html").read_text()


def test_a_name_is_marked_with_the_language_its_writer_wrote_in_where_that_is_not_the_pages(tmp_path):
    """A reviewer's check of text against its `lang`: a Hebrew commenter's name on an English page, a
    Japanese author's on the English listing, were read as English. Anonymous is the page's own word."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: דנה לוי\n---\n\nPrimer párrafo.\n\nSegundo párrafo.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\ntranslator: Li Wei\n---\n\nFirst.\n\nSecond.\n",
        "posts/hola/comments/c1.es.md": "---\nauthor: ليلى\n---\n\nUn comentario.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Anonymous\nreply_to: c1\n---\n\nOtro.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\ntranslator: Ayşe\n---\n\nA comment.\n",
    })
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    english = (tmp_path / "out/en/posts/hola/index.html").read_text()
    assert '<bdi class="author" lang="es">\u2068דנה לוי\u2069</bdi>' in english  # isolated, as every name in that script
    assert '<bdi class="author" id="by_c1" lang="es">\u2068ليلى\u2069</bdi>' in english
    assert '<bdi class="author" id="by_c2">Anonymous</bdi>' in english
    assert '<bdi class="translator">Li Wei</bdi>' in english  # the page's own language: nothing to mark
    # a comment's translator, on the side-by-side page (in the main language, English) and on the Spanish one
    assert '<bdi class="translator">Ayşe</bdi>' in (tmp_path / "out/posts/hola/index.html").read_text()
    assert '<bdi class="translator">Ayşe</bdi>' in english
    spanish = (tmp_path / "out/es/posts/hola/index.html").read_text()
    assert '<bdi class="author" id="by_c1">\u2068ليلى\u2069</bdi>' in spanish
    assert '<bdi class="author" lang="es">\u2068דנה לוי\u2069</bdi>' in (tmp_path / "out/en/index.html").read_text()
    assert '<bdi class="author" id="by_1" lang="es">\u2068ليلى\u2069</bdi>' in (
        tmp_path / "out/en/comments/index.html").read_text()


def test_a_translation_whose_title_is_not_translated_yet_does_not_repeat_the_originals_on_the_home_page(tmp_path):
    """A new user's walk: the root home listed "Tăcerea / The silence / Tăcerea", the original's title
    again in the place of the French one, which the starter had not had translated."""
    content = make_content(tmp_path, {"posts/hola/index.ro.md": "---\ntitle: \"TODO translate: Hola\"\ntranslation_of: es\n---\n\n"
                                                                 "TODO translate: Primer párrafo.\n\nTODO translate: Segundo párrafo.\n"})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    home = (tmp_path / "out/index.html").read_text()
    card = home.split('class="essay-card"', 1)[1].split("</h2>", 1)[0]
    assert card.count(">Hola<") == 1 and ">Hello<" in card
    assert ">Hola<" in (tmp_path / "out/ro/index.html").read_text()  # the Romanian listing shows it, marked


def test_a_name_is_marked_with_the_language_its_letters_are_in_where_only_one_of_the_site_writes_them(tmp_path):
    """A Bengali writer answering an English reader in English under her Bengali name: the name was
    marked English, and read out so (a new user's walk); a Latin name under a Bengali essay, Bengali."""
    content = make_content(tmp_path, {
        "site.yml": 'title: {bn: "লেখা"}\nbase_url: "https://example.org/"\nlanguages: {bn: বাংলা, en: English}\n'
                    "main_language: bn\n",
        "posts/gan/index.bn.md": "---\ntitle: গান\nauthor: Ananya Rao\ndate: 2024-01-01\n---\n\nবর্ষার গান।\n",
        "posts/gan/index.en.md": "---\ntitle: Song\ntranslation_of: bn\n---\n\nA song of the rains.\n",
        "posts/gan/comments/7.en.md": "---\nauthor: সুমনা বসু\ndate: 2024-01-02\n---\n\nThank you, dear reader.\n",
        "posts/gan/comments/7.bn.md": "---\ntranslation_of: en\n---\n\nধন্যবাদ।\n",
    }, with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    english = (tmp_path / "out/en/posts/gan/index.html").read_text()
    assert '<bdi class="author" id="by_7" lang="bn">সুমনা বসু</bdi>' in english
    assert 'by <bdi class="author" lang="en">Ananya Rao</bdi>' in (tmp_path / "out/bn/posts/gan/index.html").read_text()
    assert '<bdi class="author" id="by_1" lang="bn">সুমনা বসু</bdi>' in (tmp_path / "out/en/comments/index.html").read_text()


def test_an_archive_says_a_comment_shown_in_its_original_while_its_translation_is_not_done_is_in_it(tmp_path):
    """A translation started and not done showed the Bengali original in the English archive with no
    "written in Bangla", which the archive said where no translation file was (a new user's walk)."""
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: Bea\ndate: 2012-09-12\n---\n\nUn comentario.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate: Un comentario.\n"})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    archive = (tmp_path / "out/en/comments/index.html").read_text()
    assert "written in Spanish" in archive and '<blockquote lang="es">' in archive


BENGALI_CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Discussion (%(count)s)"
msgstr "আলোচনা (%(count)s)"

msgid "%(num)d comment"
msgid_plural "%(num)d comments"
msgstr[0] "%(num)d টি মন্তব্য"
msgstr[1] "%(num)d টি মন্তব্য"
'''


def test_a_language_that_writes_its_own_digits_has_its_dates_and_counts_in_them(tmp_path):
    """A Bengali page said "11 সেপ্টেম্বর, 2012" and "আলোচনা (12)": CLDR gives Bengali its own digits, as
    a browser's dates there show them (১১ সেপ্টেম্বর, ২০১২); Babel writes every number with Latin ones."""
    comments = {f"posts/nodi/comments/c{number}.bn.md": f"---\nauthor: সুমনা\ndate: 2012-09-11 10:{number:02d}\n---\n\nমন্তব্য।\n"
                for number in range(1, 13)}
    content = make_content(tmp_path, {
        "site.yml": 'title: নদী\nbase_url: "https://example.github.io/repo/"\nlanguages: {bn: বাংলা, en: English}\n'
                    "main_language: bn\nenglish_interface: [bn]\n",
        "posts/nodi/index.bn.md": "---\ntitle: নদী\nauthor: সুমনা\ndate: 2012-09-11 10:27\ntags: [nodi]\n---\n\nপ্রথম।\n",
        "posts/nodi/index.en.md": "---\ntitle: River\ntranslation_of: bn\n---\n\nFirst.\n",
        **comments}, with_essay=False)
    write_tree(tmp_path / "locales/bn/LC_MESSAGES", {"messages.po": BENGALI_CATALOG})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    bengali = (tmp_path / "out/bn/posts/nodi/index.html").read_text()
    times = re.findall(r"<time [^>]*>([^<]*)</time>", bengali)
    assert "১১ সেপ্টেম্বর, ২০১২" in times[0] and len(times) == 13, times
    assert not any(re.search("[0-9]", shown) for shown in times), times
    assert "আলোচনা (১২)" in bengali and '<a class="anchor" href="#p1">§১<' in bengali  # a passage's number too
    assert "১২ টি মন্তব্য" in (tmp_path / "out/bn/index.html").read_text()
    assert re.search(r'<span class="count">\(১\)</span>', (tmp_path / "out/bn/tags/index.html").read_text())
    english = (tmp_path / "out/en/posts/nodi/index.html").read_text()  # English keeps its own
    assert "September 11, 2012" in english and "Discussion (12)" in english


def test_a_comment_read_only_in_translation_keeps_its_own_words_a_click_away(tmp_path):
    """A reader's walk: a Japanese comment under an Arabic essay, read beside English, showed its English
    translation and "written in Japanese", and its own words nowhere on the page. They are folded under
    the comment now, labelled as the columns are, in their language; a page showing them already has none."""
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.ro.md": "---\nauthor: Ioana\n---\n\nUn comentariu scris în română.\n\nAl doilea.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: ro\n---\n\nA comment written in Romanian.\n\nThe second.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Ana\n---\n\nUn comentario en español.\n",
        "posts/hola/comments/c2.en.md": "---\ntranslation_of: es\n---\n\nA comment in Spanish.\n",
        # a translation not begun shows its original's words in its column already: no fold repeats them
        "posts/hola/comments/c3.ro.md": "---\nauthor: Dan\n---\n\nÎncă unul.\n",
        "posts/hola/comments/c3.en.md": "---\ntranslation_of: ro\n---\n\nTODO translate: Încă unul.\n",
    })
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    html = (tmp_path / "out/posts/hola/index.html").read_text()  # Spanish beside English
    assert html[html.index('<ol class="thread">'):].count("Încă unul.") == 1
    comment = html[html.index('id="comment-c1"'):html.index('id="comment-c2"')]
    assert "A comment written in Romanian." in comment
    folded = comment[comment.index('<details class="original-words">'):comment.index("</details>")]
    assert '<summary><span lang="ro">Română</span> · original</summary>' in folded
    assert '<div class="side other" lang="ro"><p>Un comentariu scris în română.</p></div>' in folded
    assert '<div class="side other" lang="ro"><p>Al doilea.</p></div>' in folded
    assert html.count("original-words") == 1  # the Spanish comment's original is in a column already
    # a page in one language keeps to it; without a Spanish text the Romanian one shows as it was written
    assert "original-words" not in (tmp_path / "out/en/posts/hola/index.html").read_text()
    spanish = (tmp_path / "out/es/posts/hola/index.html").read_text()
    assert "Un comentariu scris în română." in spanish and "original-words" not in spanish


def test_a_card_whose_only_title_is_in_another_language_is_headed_in_that_language(tmp_path):
    """A reader's walk: on the Japanese home, an essay only in Arabic had its title start at the left (an
    inline Arabic run in a Japanese heading) and its summary at the right. The heading is Arabic now."""
    content = make_content(tmp_path, {
        "site.yml": "title: {ja: 夜}\nbase_url: https://example.github.io/yoru/\nlanguages: {ja: 日本語, ar: العربية}\n"
                    "main_language: ja\nsearch: false\n",
        "posts/samt/index.ar.md": "---\ntitle: ترجمة الصمت\nauthor: ليلى\nsummary: عن الصمت.\n---\n\nفقرة.\n",
        "posts/yoru/index.ja.md": "---\ntitle: 夜の町\nauthor: 山田\n---\n\n夜の町は静かだった。\n",
        "posts/yoru/index.ar.md": "---\ntitle: مدينة الليل\ntranslation_of: ja\n---\n\nكانت المدينة هادئة.\n",
    }, with_essay=False)
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    japanese = (tmp_path / "out/ja/index.html").read_text()
    assert '<h2 lang="ar" dir="rtl"><a href="../posts/samt/"><span lang="ar" dir="rtl">ترجمة الصمت</span>' in japanese
    assert '<p class="summary" lang="ar" dir="rtl">عن الصمت.</p>' in japanese
    assert '<h2><a href="posts/yoru/"><span lang="ja" dir="ltr">夜の町</span></a></h2>' in japanese  # its own: as it was
    both = (tmp_path / "out/index.html").read_text()  # two titles, one in the page's language: as it was
    assert '<h2><a href="posts/yoru/"><span lang="ja" dir="ltr">夜の町</span> <span class="sep">/</span>' in both


def test_a_title_two_languages_write_alike_is_shown_once(tmp_path):
    """A Chinese walk: a title Traditional and Simplified Chinese write alike (`繁體與簡體`) stood twice on the
    home page's card, in the page's title and in its link preview."""
    content = make_content(tmp_path, {
        "site.yml": "title: {zh-Hans: 两种文字}\nbase_url: https://example.github.io/wenzi/\n"
                    "languages: {zh-Hans: 简体中文, zh-Hant: 繁體中文, en: English}\nmain_language: zh-Hant\n",
        "posts/ti/index.zh-Hans.md": "---\ntitle: 繁體與簡體\nauthor: 林晓雨\ndate: 2026-11-03\n---\n\n同一种语言。\n",
        "posts/ti/index.zh-Hant.md": "---\ntitle: 繁體與簡體\ntranslation_of: zh-Hans\n---\n\n同一種語言。\n",
        "posts/ti/index.en.md": "---\ntitle: Traditional and Simplified\ntranslation_of: zh-Hans\n---\n\nOne language.\n"},
        with_essay=False)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out/index.html").read_text()
    card = re.search(r'<h2[^>]*><a href="posts/ti/">(.*?)</a>', home, re.S)[1]
    assert re.sub(r"<[^>]+>", "", card).split() == ["繁體與簡體", "/", "Traditional", "and", "Simplified"], card
    essay = (tmp_path / "out/posts/ti/index.html").read_text()
    assert re.search(r"<title>(.*?)</title>", essay)[1] == "繁體與簡體 · 两种文字"
    assert '<meta property="og:title" content="繁體與簡體">' in essay
