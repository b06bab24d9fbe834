"""German and French sites speak German and French: no English interface word, no glued phrase,
language names as a sentence writes them; and the command line counts in the right number."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from helpers import ROOT, RTL_FIXTURE, close_element, run_cli, write_tree

PAGES = ("index.html", "de/index.html", "fr/index.html", "tags/index.html", "fr/tags/index.html",
         "comments/index.html", "fr/comments/index.html", "posts/welcome/index.html", "de/posts/welcome/index.html",
         "fr/posts/welcome/index.html", "about/index.html", "fr/about/index.html", "404.html", "search/index.html",
         "fr/search/index.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A German writer's site with French translations, a comment in French, and a tag."""
    folder = tmp_path_factory.mktemp("words") / "site"
    assert run_cli("init", str(folder), "--lang", "de", "--translation", "fr").returncode == 0
    yml = folder / "content/site.yml"
    yml.write_text(yml.read_text() + "tags:\n  essays: {de: Essays, fr: essais}\n")
    essay = folder / "content/posts/welcome/index.de.md"
    essay.write_text(re.sub(r"\ndate: .*", "", essay.read_text()).replace(
        "author: Anonymous", "author: Anna\ndate: 2024-05-02\ntags: [essays]"))
    write_tree(folder / "content/posts/welcome/comments", {
        "c1.fr.md": "---\nauthor: Luc\ndate: 2024-05-03\n---\n\nMerci pour ce texte.\n",
        "c2.de.md": "---\nauthor: Anna\nreply_to: c1\n---\n\nGern geschehen.\n",
        "c2.fr.md": "---\ntranslation_of: de\ntranslator: Luc\n---\n\nAvec plaisir.\n",
        "c3.fr.md": "---\nauthor: Marie\n---\n\nJe reviendrai.\n",
        "c3.de.md": "---\ntranslation_of: fr\n---\n\nIch komme wieder.\n",
    })
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "output", result


def english_phrases() -> set[str]:
    """The English interface's phrases, cut at their placeholders, that no German or French page may show."""
    with (ROOT / "locales/en/LC_MESSAGES/messages.po").open("rb") as file:
        catalog = read_po(file)
    phrases = set()
    for message in catalog:
        for text in ([message.string] if isinstance(message.string, str) else message.string):
            phrases.update(part.strip(" :,.()") for part in re.split(r"%\(\w+\)[sd]", text or ""))
    same = {"Essays", "Permalink", "Pages", "Discussion", "Page", "original", "Site", "Original", "sur", "of",
            "min"}  # Polish abbreviates minutes as English does
    return {phrase for phrase in phrases if len(phrase) > 2 and phrase not in same}


def visible_text(html: str) -> str:
    """What a reader reads and hears: text and attribute words, with the content's own text kept."""
    html = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<code>.*?</code>", " ", html, flags=re.S)
    worded = "aria-label|placeholder|title|alt|data-(?:copied|none|found|matched|loading|reply-title|too-long|opened|" \
             "open-link|empty|copy|file-label|send-email)"  # the attributes that hold words, not names
    attributes = re.findall(rf'(?:{worded})="([^"]*)"', html)
    return re.sub(r"<[^>]+>", " ", html) + " " + " ".join(attributes)


@pytest.mark.parametrize("page", PAGES)
def test_german_and_french_pages_hold_no_english_interface_word(site, page):
    out, _ = site
    html = (out / page).read_text()
    assert 'lang="en"' not in html, page  # the mark of an English fallback
    words = visible_text(html)
    found = sorted(phrase for phrase in english_phrases() if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", words))
    assert found == [], page


def test_phrases_keep_the_translators_word_order_and_names_read_as_in_a_sentence(site):
    out, _ = site
    french = (out / "fr/posts/welcome/index.html").read_text()
    assert "original en allemand" in french  # CLDR's "allemand" in a sentence, not the label "Allemand"
    side = (out / "posts/welcome/index.html").read_text()
    # the side-by-side page speaks the site's language (#27.10): German word order, not "Deutsch only"
    assert 'nur <span class="name" lang="de">Deutsch</span>' in side
    assert 'von <bdi class="author">Anna</bdi>' in side
    german = (out / "de/posts/welcome/index.html").read_text()
    assert 'von <bdi class="author">Anna</bdi>' in german
    archive = (out / "fr/comments/index.html").read_text()
    assert re.search(r'<bdi class="author" id="by_1">Luc</bdi> sur <a [^>]+>Bienvenue</a>, le <time', archive)


def test_the_command_line_counts_one_essay_and_one_warning_in_the_singular(site, tmp_path):
    out, result = site
    assert re.search(r"built \d+ files \(\d+ new or changed\): 1 essay, 3 comments published, ", result.stdout)
    folder = out.parent
    check = run_cli("check", cwd=folder)
    assert check.stdout == "content is valid: 1 essay, 1 page, 1 warning\n"  # the French comment lacks a German version
    essay = folder / "content/posts/welcome/index.de.md"
    essay.write_text(essay.read_text().replace("Jeder Absatz", "Ein jeder Absatz"))
    run_cli("translated", "content/posts/welcome/index.fr.md", cwd=folder)
    essay.write_text(essay.read_text().replace("Ein jeder Absatz", "Jeder einzelne Absatz"))
    status = run_cli("status", cwd=folder)
    assert "1 outdated (1 block)" in status.stdout and "1 essay, 1 page, 3 comments:" in status.stdout


def test_a_name_the_source_does_not_give_reads_in_the_pages_language(tmp_path):
    """`Anonymous` is the files' word for a missing name: a German page says "Anonym", never the English word."""
    folder = tmp_path / "site"
    assert run_cli("init", str(folder), "--lang", "de", "--translation", "fr").returncode == 0
    write_tree(folder / "content/posts/welcome/comments", {
        "c1.de.md": "---\nauthor: Anonymous\ndate: 2024-05-03\n---\n\nDanke.\n",
        "c1.fr.md": "---\ntranslation_of: de\n---\n\nMerci.\n",
    })
    assert run_cli("build", cwd=folder).returncode == 0
    out = folder / "output"
    german = (out / "de/posts/welcome/index.html").read_text()
    assert '<bdi class="author" id="by_c1">Anonym</bdi>' in german and 'aria-labelledby="by_c1"' in german
    assert 'von <bdi class="author">Anonym</bdi>' in german  # init's essay has no author yet either
    assert '<bdi class="author" id="by_1">Anonyme</bdi>' in (out / "fr/comments/index.html").read_text()
    assert "<name>Anonym</name>" in (out / "de/comments/feed.xml").read_text()
    assert "Anonymous" not in visible_text(german)


def test_french_punctuation_never_starts_a_line():
    """French puts a space before : ; ? ! and inside « »; an ordinary one lets the sign wrap alone."""
    with open(ROOT / "locales/fr/LC_MESSAGES/messages.po", encoding="utf-8") as po:
        catalog = read_po(po)
    texts = [text for message in catalog if message.id
             for text in (message.string if isinstance(message.string, tuple) else (message.string,))]
    assert texts and [text for text in texts if re.search(r" [:;?!»]|« ", text)] == []


def test_a_reply_links_name_holds_the_word_it_shows_in_every_catalog():
    """Its name is "Reply to %(author)s" and it shows "Reply": a reader who says the word shown to their voice
    control must reach it (WCAG 2.5.3); Polish showed "Odpowiedz" and named it "Odpowiedź dla: …" (a red team's)."""
    for po_file in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        with open(po_file, encoding="utf-8") as po:
            catalog = read_po(po)
        shown, named = catalog.get("Reply"), catalog.get("Reply to %(author)s")
        if shown and named and shown.string and named.string:
            assert shown.string.lower() in named.string.lower(), po_file


@pytest.mark.parametrize("lang", ["de", "ca", "uk"])
def test_a_region_tagged_translation_is_named_in_the_byline_without_parentheses_in_parentheses(tmp_path, lang):
    """"Übersetzung (Portugiesisch (Brasilien)): João" read badly; CLDR's name brings its own pair."""
    folder = tmp_path / "site"
    assert run_cli("init", str(folder), "--lang", lang, "--translation", "pt-BR").returncode == 0
    translation = folder / "content/posts/welcome/index.pt-BR.md"
    translation.write_text(translation.read_text().replace("---\n", "---\ntranslator: João\n", 1))
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    html = (folder / "output/posts/welcome/index.html").read_text(encoding="utf-8")
    byline = re.sub(r"<[^>]+>", "", html[html.index('class="byline"'):][:2000].split("</p>")[0])
    assert "João" in byline and "(Bra" in byline, byline
    assert not re.search(r"\([^()]*\(", byline), byline


RTL_PAGES = ("index.html", "ar/index.html", "posts/al-fina/index.html", "ar/posts/al-fina/index.html",
             "comments/index.html", "ar/comments/index.html", "tags/index.html", "tags/courtyard/index.html",
             "about/index.html", "search/index.html", "404.html")


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    """The right-to-left fixture: an Arabic site with English translations."""
    out = tmp_path_factory.mktemp("arabic") / "out"
    result = run_cli("build", "--content", str(RTL_FIXTURE), "--output", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return out, result.stderr


class PageLanguageText(HTMLParser):
    """The words of a page that stand in the page's own language: text and worded attributes outside
    any element marked with another language (an English side, a language's name)."""

    WORDED = re.compile(r"aria-label|placeholder|title|alt|data-(?:copied|none|found|matched|loading|new|glance|"
                        r"reply-title|too-long|opened|open-link|empty|copy|file-label|send-email)")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, language)
        self.page_lang = ""
        self.words: list[str] = []

    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else self.page_lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_lang = attrs.get("lang", "")
            return
        lang = attrs.get("lang", self.lang())
        if lang == self.page_lang:
            self.words += [value for name, value in attrs.items() if value and self.WORDED.fullmatch(name)]
        if tag not in ("meta", "link", "input", "img", "br", "hr", "source", "wbr"):
            self.stack.append((tag, lang if tag not in ("script", "style", "code") else "-"))

    def handle_endtag(self, tag):
        close_element(self.stack, tag)

    def handle_data(self, data):
        if self.lang() == self.page_lang:
            self.words.append(data)


@pytest.mark.parametrize("page", RTL_PAGES)
def test_arabic_pages_speak_arabic_from_the_right(arabic_site, page):
    """Arabic has its catalog: no interface word of an Arabic page is English (only the English
    translation and language names are), and the page reads right to left."""
    html = (arabic_site[0] / page).read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">'), html[:80]
    assert "data-words-lang" not in html and '<span lang="en" dir="ltr">' not in html.replace(
        '<span lang="en" dir="ltr">English</span>', "")  # an English fallback's mark; "English" names a language
    parser = PageLanguageText()
    parser.feed(html)
    words = " ".join(parser.words)
    found = sorted(phrase for phrase in english_phrases() if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", words))
    assert found == [], page
    assert re.search(r"[\u0600-\u06ff]", words)


def test_arabic_essay_pages_word_their_interface_in_arabic(arabic_site):
    out, said = arabic_site
    assert "catalog" not in said  # Arabic's catalog is there, and complete
    essay = (out / "posts/al-fina/index.html").read_text(encoding="utf-8")
    assert "انتقل إلى المحتوى" in essay and "جنبًا إلى جنب" in essay and "النقاش (2)" in essay
    assert 'بقلم <bdi class="author">' in essay and "لم يُترجم بعد إلى العربية" in essay
    assert "دقيقة واحدة</span>، <span" in essay  # the reading times listed with Arabic's comma
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "تعليقان" in home  # Arabic's own form for two, of six


def test_a_comments_translator_is_named_where_the_translation_shows(site):
    """The contract's `translator` of a comment: credited as an essay's is, in the page's language."""
    out, _ = site
    side = (out / "posts/welcome/index.html").read_text()
    thread = side[side.index('id="comment-c2"'):]
    head = thread[:thread.index("</header>")]
    assert 'Übersetzung, Französisch: <bdi class="translator" lang="fr">Luc</bdi>' in head, head
    french = (out / "fr/posts/welcome/index.html").read_text()
    thread = french[french.index('id="comment-c2"'):]
    assert 'original en allemand, traduit par <bdi class="translator">Luc</bdi>' in thread[:thread.index("</header>")]
    german = (out / "de/posts/welcome/index.html").read_text()  # the original: no one translated it
    assert "Luc</bdi>" not in german[german.index('id="comment-c2"'):]


def test_a_comment_read_in_translation_on_a_one_language_page_says_so_though_it_names_no_translator(site):
    """Side by side, the columns say which text is the original; alone, a reader would take the
    translation for what Marie wrote, as an essay's byline would not let them."""
    out, _ = site

    def header(page: str, comment: str) -> str:
        html = (out / page).read_text()
        thread = html[html.index(f'id="comment-{comment}"'):]
        return thread[:thread.index("</header>")]

    assert "Originalsprache: Französisch" in header("de/posts/welcome/index.html", "c3")
    assert "original en" not in header("fr/posts/welcome/index.html", "c3")  # Marie's own words
    assert "Originalsprache" not in header("de/posts/welcome/index.html", "c2")  # Anna's own words
    assert "Originalsprache" not in header("de/posts/welcome/index.html", "c1")  # shown in French, so noted
    assert "Originalsprache" not in header("posts/welcome/index.html", "c3")  # the columns say it


def test_printed_arabic_pages_head_each_column_with_its_own_language(arabic_site):
    """An Arabic page lays the original on the right: the label over the right column is the original's."""
    essay = (arabic_site[0] / "posts/al-fina/index.html").read_text(encoding="utf-8")
    boxes = dict(re.findall(r'@(top-left|top-right) \{ content: "([^"]*)"', essay))
    assert boxes["top-right"].startswith("العربية") and boxes["top-left"].startswith("English"), boxes


def test_a_right_to_left_name_standing_alone_carries_no_isolating_marks(arabic_site):
    """Beside other words (a comment's feed title) an Arabic name is isolated; alone, as a feed's author or
    structured data's name, the marks would only be stored as part of it."""
    out = arabic_site[0]
    feed = (out / "comments/feed.xml").read_text(encoding="utf-8")
    assert "<name>سمير</name>" in feed and "\u2068سمير\u2069: " in feed
    essay = (out / "posts/al-fina/index.html").read_text(encoding="utf-8")
    assert '"name":"سمير"' in essay and '"name":"ليلى حداد"' in essay


def test_a_tag_with_no_label_is_in_the_language_its_letters_and_its_essay_say(tmp_path):
    """A key site.yml does not label was marked as the main language (`Cairo` as Arabic, right to left), then
    as no language at all (`lang=""`, a Turkish writer's `IŞIK` on every page): it is its essay's language,
    unless its letters are another's of the site alone (`Cairo`, Latin letters on an Arabic and English site)."""
    import shutil
    content = tmp_path / "content"
    shutil.copytree(RTL_FIXTURE, content)
    essay = content / "posts/al-fina/index.ar.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("tags: [courtyard]", "tags: [courtyard, Cairo, القاهرة]"),
                     encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "posts/al-fina/index.html").read_text(encoding="utf-8")
    assert '<a href="../../tags/cairo/" lang="en" rel="tag" dir="ltr">Cairo</a>' in page
    assert '<a href="../../tags/%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9/" lang="ar" rel="tag" dir="rtl">القاهرة</a>' in page
    assert '<a href="../../tags/courtyard/" lang="ar" rel="tag" dir="rtl">الفناء</a>' in page
    assert 'lang=""' not in (out / "tags/index.html").read_text(encoding="utf-8")


def test_a_brazilian_site_speaks_brazilian_portuguese_and_a_portuguese_one_european(tmp_path):
    """`pt-BR` has its own catalog (locales/pt_BR/): a Brazilian reader is asked for "Seu nome", not the
    European "O seu nome", and quotes read “…”; `pt` and `pt-PT` keep the European words."""
    write_tree(tmp_path / "content", {
        "site.yml": 'title: T\nbase_url: "https://example.org/"\nlanguages: {pt: Português, pt-BR: , pt-PT: }\n'
                    "main_language: pt\nsearch: false\ndiscussion: {repo: owner/essays}\n",
        "posts/ola/index.pt.md": "---\ntitle: Olá\nauthor: Ana\ndate: 2024-05-02\n---\n\nUm parágrafo.\n",
        "posts/ola/index.pt-BR.md": "---\ntitle: Olá\ntranslation_of: pt\n---\n\nUm parágrafo.\n",
        "posts/ola/index.pt-PT.md": "---\ntitle: Olá\ntranslation_of: pt\n---\n\nUm parágrafo.\n",
    })
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "catalog" not in result.stderr  # pt_BR's catalog is there, and complete
    brazilian = (out / "pt-BR/posts/ola/index.html").read_text(encoding="utf-8")
    assert "<label>Seu nome <input" in brazilian and "O seu nome" not in brazilian
    assert "Pular para o conteúdo" in brazilian and "Idioma em que você escreve" in brazilian
    assert 'data-subject-comment="Comentário sobre “{title}”"' in brazilian and "«" not in brazilian
    assert 'lang="en"' not in brazilian  # no word fell back to English
    for european in (out / "posts/ola/index.html", out / "pt-PT/posts/ola/index.html"):
        page = european.read_text(encoding="utf-8")
        assert "<label>O seu nome <input" in page and "Saltar para o conteúdo" in page, european
        assert 'data-subject-comment="Comentário sobre «{title}»"' in page and "Seu nome" not in page.replace("O seu nome", ""), european
        assert "aparecer como Anónimo." in page and "Anônimo" not in page, european  # European spelling
    # European Portuguese says "0 comentários" (only 1 is singular); Brazilian, as CLDR, "0 comentário"
    assert '<span class="comment-count">0 comentários</span>' in (out / "pt-PT/index.html").read_text(encoding="utf-8")
    assert '<span class="comment-count">0 comentário</span>' in (out / "pt-BR/index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def slavic_site(tmp_path_factory):
    """A Ukrainian writer's site with Russian translations, and 1, 2 and 5 comments under three essays."""
    folder = tmp_path_factory.mktemp("slavic") / "site"
    assert run_cli("init", str(folder), "--lang", "uk", "--translation", "ru").returncode == 0
    posts = folder / "content/posts"
    for count in (2, 5):
        write_tree(posts / f"e{count}", {"index.uk.md": f"---\ntitle: Есей {count}\nauthor: Оксана\ndate: 2024-05-0{count}\n---\n\nТекст.\n",
                                         "index.ru.md": f"---\ntitle: Эссе {count}\ntranslation_of: uk\n---\n\nТекст.\n"})
    comments = {"welcome": 1, "e2": 2, "e5": 5}
    for slug, count in comments.items():
        write_tree(posts / slug / "comments", {f"c{i}.uk.md": f"---\nauthor: Петро\ndate: 2024-06-01\n---\n\nДякую {i}.\n"
                                               for i in range(count)})
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "output", result


SLAVIC_PAGES = ["index.html", "ru/index.html", "posts/welcome/index.html", "ru/posts/welcome/index.html",
                "uk/posts/welcome/index.html", "comments/index.html", "ru/tags/index.html", "about/index.html",
                "ru/about/index.html", "404.html", "ru/search/index.html"]
JAPANESE_PAGES = ["index.html", "pl/index.html", "posts/welcome/index.html", "pl/posts/welcome/index.html",
                  "ja/posts/welcome/index.html", "comments/index.html", "pl/comments/index.html", "about/index.html",
                  "pl/about/index.html", "404.html", "pl/search/index.html"]


@pytest.mark.parametrize(("built", "page"), [("slavic_site", page) for page in SLAVIC_PAGES]
                         + [("japanese_site", page) for page in JAPANESE_PAGES])
def test_ukrainian_russian_japanese_and_polish_pages_hold_no_english_word(request, built, page):
    """Their catalogs and init's first essay and About page: no English fallback, no English starter text."""
    out, result = request.getfixturevalue(built)
    assert "catalog" not in result.stderr and "English" not in result.stderr
    html = (out / page).read_text()
    assert 'lang="en"' not in html, page
    words = visible_text(html)
    found = sorted(phrase for phrase in english_phrases() if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", words))
    assert found == [], page
    assert "This is your site" not in words and "Say here who writes" not in words


def test_ukrainian_and_russian_count_in_their_three_plural_forms(slavic_site):
    out, _ = slavic_site
    ukrainian, russian = (out / "index.html").read_text(), (out / "ru/index.html").read_text()
    assert all(f">{words}<" in ukrainian or f" {words}" in ukrainian for words in ("1 коментар", "2 коментарі", "5 коментарів"))
    assert all(f" {words}" in russian or f">{words}" in russian for words in ("1 комментарий", "2 комментария", "5 комментариев"))


@pytest.fixture(scope="module")
def japanese_site(tmp_path_factory):
    """A Japanese writer's site with Polish translations, as `init` starts it, and a comment."""
    folder = tmp_path_factory.mktemp("japanese") / "site"
    assert run_cli("init", str(folder), "--lang", "ja", "--translation", "pl").returncode == 0
    write_tree(folder / "content/posts/welcome/comments", {
        "c1.ja.md": "---\nauthor: 花子\ndate: 2024-06-01\n---\n\nありがとうございます。\n",
        "c1.pl.md": "---\ntranslation_of: ja\n---\n\nDziękuję.\n"})
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "output", result


def test_a_japanese_list_puts_no_space_after_its_comma(japanese_site):
    """The reading times of both languages, as Japanese writes a list: "日本語 1分、Polski 1分"."""
    out, _ = japanese_site
    side = (out / "posts/welcome/index.html").read_text()
    assert re.search(r'分</span>、<span class="nowrap"><span lang="pl">Polski</span>', side)


def test_an_arabic_feed_entry_says_its_direction_and_an_english_one_adds_nothing(arabic_site):
    """Feed readers that ignore `xml:lang` set Arabic left to right, its full stop at the wrong end: the
    entry's HTML says `dir` itself."""
    from xml.etree import ElementTree
    atom = "{http://www.w3.org/2005/Atom}"
    out = arabic_site[0]
    arabic = ElementTree.parse(out / "feed.xml").getroot().find(f"{atom}entry/{atom}content").text
    assert arabic.startswith('<div lang="ar" dir="rtl"><p>هذه الفقرة الأولى') and arabic.endswith("</div>")
    english = ElementTree.parse(out / "en/feed.xml").getroot().find(f"{atom}entry/{atom}content").text
    assert english.startswith("<p>") and "dir=" not in english
