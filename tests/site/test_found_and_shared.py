"""What an essay page tells search engines and link previews (#27, "Found and shared"), parsed as they parse it."""

from __future__ import annotations

import json
from html.parser import HTMLParser


class Head(HTMLParser):
    """A page's Open Graph and Twitter meta tags, and its JSON-LD scripts' data."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.data: list[dict] = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name") or ""
        if tag == "meta" and (key.startswith(("og:", "twitter:")) or key == "description"):
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        self._in_json = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json:
            self.data.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json = False


def head_of(path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_side_by_side_page_is_an_article_with_its_translations_and_its_discussion(fixture_site):
    head = head_of(fixture_site / "posts/alpha/index.html")
    assert head.meta["og:type"] == ["article"] and head.meta["twitter:card"] == ["summary"]
    assert head.meta["og:title"] == ["Alfa: los valores · Alpha: values"]
    assert head.meta["og:description"] == ["Un ensayo sobre valores."]
    # the page's language is the site's main one: a search result quotes the English beside the Spanish
    assert head.meta["description"] == ["An essay about values."]
    assert head.meta["og:url"] == ["https://example.github.io/fixture-repo/posts/alpha/"]
    assert head.meta["og:locale"] == ["es_ES"]
    assert sorted(head.meta["og:locale:alternate"]) == ["en_US", "pt_BR"]
    (essay,) = head.data
    assert essay["@type"] == "BlogPosting" and essay["inLanguage"] == "es"
    assert essay["headline"] == "Alfa: los valores" and essay["author"]["name"] == "Ana Autora"
    assert essay["datePublished"] == "2024-03-05"
    english = next(work for work in essay["workTranslation"] if work["inLanguage"] == "en")
    assert english["translator"]["name"] == "Tina Translator"
    assert english["url"] == "https://example.github.io/fixture-repo/en/posts/alpha/"
    assert essay["commentCount"] == len(essay["comment"]) == 5
    carla = next(c for c in essay["comment"] if c["author"]["name"] == "Carla")
    assert carla["@type"] == "Comment" and carla["inLanguage"] == "es" and carla["datePublished"] == "2024-03-06T09:00+00:00"
    assert carla["url"].endswith("/posts/alpha/#comment-c1")


def test_a_translation_names_what_it_translates(fixture_site):
    head = head_of(fixture_site / "en/posts/alpha/index.html")
    assert head.meta["og:locale"] == ["en_US"] and head.meta["og:title"] == ["Alpha: values"]
    assert head.meta["description"] == head.meta["og:description"] != ["Un ensayo sobre valores."]
    (essay,) = head.data
    assert essay["inLanguage"] == "en" and essay["translator"]["name"] == "Tina Translator"
    assert essay["translationOfWork"]["inLanguage"] == "es"
    assert essay["translationOfWork"]["headline"] == "Alfa: los valores"
    # a comment given in its translation is said to be one: its words were Carla's Spanish, not her English
    carla = next(c for c in essay["comment"] if c["author"]["name"] == "Carla")
    assert carla["inLanguage"] == "en" and carla["text"] == "I liked the first comment very much."
    assert carla["translationOfWork"] == {"@type": "Comment", "inLanguage": "es",
                                          "text": "Me gustó mucho el primer comentario."}
    dan = next(c for c in essay["comment"] if c["author"]["name"] == "Dan")
    assert dan["inLanguage"] == "en" and "translationOfWork" not in dan


def test_listings_are_websites_in_their_language_and_no_comment_can_break_out(fixture_site):
    head = head_of(fixture_site / "es/index.html")
    assert head.meta["og:type"] == ["website"] and head.meta["og:locale"] == ["es_ES"]
    assert "en_US" in head.meta["og:locale:alternate"] and head.data == []
    for path in fixture_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for block in text.split('<script type="application/ld+json">')[1:]:
            assert "<" not in block.split("</script>")[0]


def test_a_site_description_in_one_language_describes_every_page_marked_with_its_language(tmp_path):
    """site.yml's description falls back, as the contract says a per-language map does: the home's lede
    showed it on every language's home, but the pages of other languages had no description at all."""
    from helpers import SITE_YML, make_content, run_cli
    content = make_content(tmp_path, {"site.yml": SITE_YML + 'description: {ro: "Doar în română"}\n'})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    for page in ("ro/index.html", "en/index.html", "index.html"):
        html = (tmp_path / "out" / page).read_text()
        said = ('<meta name="description" content="Doar în română">' if page.startswith("ro/")
                else '<meta name="description" content="Doar în română" lang="ro">')
        assert said in html, page


def test_a_comment_still_to_translate_is_described_in_the_language_its_words_are_in(tmp_path):
    """The page shows the original's words where the translation is still to do; its structured data said
    those Spanish words were English (`"inLanguage":"en","text":"¡El mío también!…"`)."""
    from helpers import make_content, run_cli
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\n¡El mío también!\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate: ¡El mío también!\n"})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    (essay,) = head_of(tmp_path / "out/en/posts/hola/index.html").data
    (comment,) = essay["comment"]
    assert comment["inLanguage"] == "es" and comment["text"].startswith("¡El mío también!")
    assert "translationOfWork" not in comment


def test_a_comment_still_to_translate_is_said_to_be_not_yet_translated_not_translated_from(tmp_path):
    """Its page said "translated from Spanish" above the Spanish words standing in for the translation."""
    from helpers import make_content, run_cli
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\n¡El mío también!\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate: ¡El mío también!\n"})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    page = (tmp_path / "out/en/posts/hola/index.html").read_text()
    thread = page[page.index('id="comment-c1"'):]
    assert "translated from" not in thread[:2000]
    assert thread[:3000].count("Not yet translated; shown in its original language.") == 1  # said once, at its words


def test_a_title_still_to_translate_is_said_to_be_under_it(tmp_path):
    """A passage still to translate says so under it; a title did not, on its one-language page."""
    from helpers import make_content, run_cli
    content = make_content(tmp_path, {
        "posts/hola/index.en.md": "---\ntitle: \"TODO translate: Hola\"\ntranslation_of: es\n---\n\nFirst paragraph."
                                  "\n\nSecond paragraph.\n"})
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/en/posts/hola/index.html").read_text()
    assert '<h1 lang="es">Hola</h1>' in page
    heading = page.index('<h1 lang="es">Hola</h1>')
    assert page.index("Not yet translated; shown in its original language.", heading) - heading < 200
    spanish = (tmp_path / "out/es/posts/hola/index.html").read_text()
    assert "Not yet translated" not in spanish
