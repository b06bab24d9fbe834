"""Search in Chromium, served under a sub-path: words of either language find their passage."""

from __future__ import annotations

import re

from helpers import SITE_YML, make_content, run_cli
from tools import AXE_JS, ensure_node_tools

SEARCH = "/fixture-repo/search/"


def results(page):
    page.wait_for_function("document.querySelector('.search-status').textContent.length > 0 "
                           "&& !document.querySelector('.search-status').textContent.endsWith('…')")
    return page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.getAttribute('href'))")


def test_a_word_of_the_original_opens_its_paragraph_marked(server, open_page):
    page = open_page(server["url"] + SEARCH + "?q=ensayo")
    links = results(page)
    assert links and links[0] == "/fixture-repo/posts/alpha/?highlight=ensayo#p1"
    # the language is named as this page's sentence writes it, in English: not the label "Español"
    assert page.inner_text(".match-language") == "matched in Spanish"
    assert page.eval_on_selector(".match-language span", "span => span.lang") == ""
    page.click(".search-results li h2 a")
    page.wait_for_selector("#p1 mark.search-hit")
    assert page.inner_text("#p1 mark.search-hit").lower() == "ensayo"
    assert page.evaluate("location.pathname + location.hash") == "/fixture-repo/posts/alpha/#p1"


def test_a_word_of_the_translation_finds_the_same_essay(server, open_page):
    page = open_page(server["url"] + "/fixture-repo/es/search/?q=enough")
    assert results(page)[0] == "/fixture-repo/posts/alpha/?highlight=enough#p1"
    # in a Spanish sentence, Spanish writes a language's name in lower case
    assert page.inner_text(".match-language") == "encontrado en inglés"


def test_a_search_page_of_one_language_opens_a_hit_in_it_on_its_page_in_that_language(server, open_page):
    """From the Spanish search page a Spanish hit opened the side-by-side page, whose interface is the
    site's main language's: a reader searching in Spanish was taken out of the Spanish site."""
    page = open_page(server["url"] + "/fixture-repo/es/search/?q=ensayo")
    assert results(page)[0] == "/fixture-repo/es/posts/alpha/?highlight=ensayo#p1"
    page.click(".search-results li h2 a")
    page.wait_for_selector("#p1 mark.search-hit")
    assert page.inner_text("#p1 mark.search-hit").lower() == "ensayo"
    assert page.evaluate("[document.documentElement.lang, location.pathname + location.hash]") == [
        "es", "/fixture-repo/es/posts/alpha/#p1"]


def test_a_word_of_a_comment_opens_the_comment_at_its_paragraph(server, open_page):
    """At the paragraph, as the page numbers it: a hit in a long comment's fourth paragraph opened at the
    comment's top, a screen or more above it on a phone (a reader's review)."""
    page = open_page(server["url"] + SEARCH + "?q=gust%C3%B3")
    assert results(page)[0] == "/fixture-repo/posts/alpha/?highlight=gust%C3%B3#comment-c1-p1"
    page.click(".search-results li h2 a")
    page.wait_for_selector("#comment-c1-p1 mark.search-hit")


def test_unpublished_words_find_nothing(server, open_page):
    for secret in ("DRAFT-SECRET", "PENDING-SECRET", "BUY-CHEAP-PILLS"):
        page = open_page(server["url"] + SEARCH + "?q=" + secret)
        assert results(page) == [] and page.inner_text(".search-status") == "Nothing found."


def test_searching_for_nothing_goes_back_to_the_field(server, open_page):
    """Only spaces: no results to wait for, so the field (labelled "Words to find") takes the focus."""
    page = open_page(server["url"] + SEARCH)
    field = page.locator(".search-page input[name=q]")
    field.fill("   ")
    page.locator(".search-page button[type=submit]").click()
    assert page.evaluate("document.activeElement.name") == "q" and field.input_value() == ""
    assert page.locator(".search-results li").count() == 0


def test_the_language_choice_narrows_the_results(server, open_page):
    page = open_page(server["url"] + SEARCH + "?q=enough")
    assert results(page)
    page.check('input[name="lang"][value="es"]')
    page.wait_for_function("location.search.includes('lang=es')")
    assert results(page) == []
    page.check('input[name="lang"][value="en"]')
    page.wait_for_function("location.search.includes('lang=en')")
    assert results(page)[0].endswith("#p1")


def test_the_search_box_goes_to_the_search_page_and_is_absent_without_javascript(server, open_page):
    page = open_page(server["url"] + "/fixture-repo/")
    page.fill(".site-search input", "ensayo")
    page.press(".site-search input", "Enter")
    page.wait_for_url("**/fixture-repo/search/?q=ensayo")
    assert results(page)[0].endswith("#p1")
    still = open_page(server["url"] + "/fixture-repo/", javascript=False)
    assert not still.is_visible(".site-search")
    search = open_page(server["url"] + SEARCH, javascript=False)
    assert search.is_visible("[data-search-fallback]") and not search.is_visible(".search-page")


def test_the_search_page_has_no_accessibility_violation(server, open_page):
    ensure_node_tools()
    page = open_page(server["url"] + "/fixture-repo/es/search/?q=clientes")
    results(page)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == [] and page.problems == []


def test_a_result_found_by_another_form_of_the_word_opens_with_that_form_marked(server, open_page):
    """The index matches "clientes" to the Romanian "clientul": the page it opens marks what it matched."""
    page = open_page(server["url"] + "/tertulia/search/?q=clientes")
    links = results(page)
    marked = page.eval_on_selector_all(".search-results li", "items => items.map(li => "
                                       "[...li.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()))")
    other = next(i for i, words in enumerate(marked) if words and "clientes" not in words)
    page.goto(server["url"] + links[other])
    page.wait_for_selector("mark.search-hit")
    shown = {text.lower() for text in page.locator("mark.search-hit").all_inner_texts()}
    assert shown & set(marked[other]), (links[other], marked[other], shown)


def test_a_hit_reads_in_its_languages_direction_not_its_first_letters(server, open_page):
    """An Arabic excerpt that starts with a Latin word ran left to right under dir="auto" (a reviewer, 2026-12):
    a hit takes its language's direction, which the build knows."""
    page = open_page(server["url"] + "/rtl-site/en/search/?q=%D8%A7%D9%84%D9%81%D9%82%D8%B1%D8%A9")  # الفقرة
    assert results(page)
    directions = page.eval_on_selector_all(".search-results li > p[lang], .search-results h2 a",
                                           "found => found.map(e => e.lang + ':' + e.dir)")
    assert directions and set(directions) == {"ar:rtl"}, directions
    page.goto(server["url"] + "/rtl-site/search/?q=paragraph")
    assert results(page)
    directions = page.eval_on_selector_all(".search-results li > p[lang]", "found => found.map(e => e.lang + ':' + e.dir)")
    assert directions and set(directions) == {"en:ltr"}, directions


# Two hits at one place of the side-by-side page: the Spanish original's title and its English
# translation's, the English ranked first, as Pagefind may rank them.
SAME_PLACE_INDEX = """
const hex = (text) => Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");
const hit = (lang, title) => ({data: async () => ({url: `/fixture-repo/${lang}/posts/alpha/`, excerpt: "<mark>alfa</mark>",
  meta: {title, language: hex(lang), side: hex("/fixture-repo/posts/alpha/")}, anchors: [], locations: [0]})});
export async function init() {}
export async function search() { return {results: [hit("en", "Alpha: values"), hit("es", "Alfa: los valores")]}; }
"""


def test_a_place_both_languages_match_shows_the_readers_language(server, browser):
    """A Spanish reader sees the Spanish title for a passage both versions match, though English ranked first;
    an English reader the English one: one result either way, at the better hit's rank."""
    shown = {}
    for page_lang, address, opens in (("es", "/fixture-repo/es/search/?q=alfa", "/fixture-repo/es/posts/alpha/"),
                                      ("en", SEARCH + "?q=alfa", "/fixture-repo/posts/alpha/")):
        context = browser.new_context()
        context.route("**/pagefind/pagefind.js", lambda route: route.fulfill(
            status=200, content_type="text/javascript", body=SAME_PLACE_INDEX))
        page = context.new_page()
        page.goto(server["url"] + address)
        assert results(page) == [opens + "?highlight=alfa"]
        shown[page_lang] = (page.inner_text(".search-results li h2 a"),
                            page.eval_on_selector(".search-results li h2 a", "a => a.lang"))
        context.close()
    assert shown == {"es": ("Alfa: los valores", "es"), "en": ("Alpha: values", "en")}


def test_the_punctuation_pagefind_marks_with_a_word_is_left_outside_the_mark(server, browser):
    """A reader's review: `<mark>clients,</mark>` lit the comma, `<mark>«alfa»</mark>` the quotation marks, as
    the page the result opens never does (it marks the word alone)."""
    index = SAME_PLACE_INDEX.replace('excerpt: "<mark>alfa</mark>"',
                                     'excerpt: "We read <mark>alfa,</mark> then <mark>«alfa»</mark> and <mark>…</mark>, '
                                     '<mark>„Alfa“</mark> <mark>alfa،</mark> <mark>U.S.</mark>"')
    context = browser.new_context()
    context.route("**/pagefind/pagefind.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=index))
    page = context.new_page()
    page.goto(server["url"] + SEARCH + "?q=alfa")
    assert results(page)
    shown = page.eval_on_selector(".search-results li > p[lang]", "p => [p.textContent, [...p.querySelectorAll('mark')]"
                                                           ".map(m => m.textContent)]")
    assert shown == ["We read alfa, then «alfa» and …, „Alfa“ alfa، U.S.", ["alfa", "alfa", "…", "Alfa", "alfa", "U.S."]]
    context.close()


def test_a_place_found_in_two_languages_neither_the_readers_shows_the_original(server, browser):
    """A translator's walk: a Frisian reader of a Dutch essay found in Dutch and Polish was shown the Polish,
    ranked first; the original is what the site's own pages show a reader whose language it lacks."""
    index = SAME_PLACE_INDEX.replace("side: hex(", 'original: hex("es"), side: hex(')
    context = browser.new_context()
    context.route("**/pagefind/pagefind.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=index))
    page = context.new_page()
    page.goto(server["url"] + "/fixture-repo/ro/search/?q=alfa")
    assert len(results(page)) == 1
    assert page.eval_on_selector(".search-results li h2 a", "a => [a.textContent, a.lang]") == ["Alfa: los valores", "es"]
    context.close()


def test_pagefind_s_own_urls_lead_to_the_pages_under_the_sub_path(server, open_page):
    """Pagefind's script puts the folder it is served from before each url it stored, which held the
    sub-path already: `/fixture-repo/fixture-repo/en/posts/alpha/`, a 404 for its own search UI."""
    page = open_page(server["url"] + SEARCH)
    urls = page.evaluate("""async () => {
        const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
        const found = await pagefind.search("ensayo");
        return Promise.all(found.results.map(async r => (await r.data()).url));
    }""")
    assert urls and all(url.startswith("/fixture-repo/") and not url.startswith("/fixture-repo/fixture-repo/")
                        for url in urls), urls
    assert all(page.request.get(server["url"] + url).status == 200 for url in urls)


CASED_INDEX = """
const hex = (text) => Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");
const hit = (slug) => ({id: slug, score: 1, data: async () => ({url: `/fixture-repo/${slug}/`, excerpt: "x",
  meta: {title: slug, language: hex("en"), side: hex(`/fixture-repo/${slug}/`)}, anchors: [], locations: [0]})});
const holds = {"işık": "isik", "ılık": "ilik", "ψυχης": "psychis"};  // as Pagefind keeps "Işık", "ılık", "ψυχής"
export async function init() {}
export async function search(term) {
  window.asked = (window.asked || []).concat([term]);
  return {results: holds[term] ? [hit(holds[term])] : []};
}
"""


def test_words_in_capitals_or_with_a_dotless_i_find_what_the_index_holds(server, browser):
    """A final Σ was looked for as σ, which the index, holding ψυχής's ς, never has; on a Turkish site "ışık"
    missed "Işık", which the index lowered to "işık", and "ILIK" looked for "ilik", not "ılık"."""
    context = browser.new_context()
    context.route("**/pagefind/pagefind.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=CASED_INDEX))
    page = context.new_page()
    found = {}
    for dotless_i in (False, True):
        page.goto(server["url"] + SEARCH)
        if dotless_i:  # as the build marks the search page of a site declaring Turkish
            page.eval_on_selector("form[data-search]", "form => form.setAttribute('data-dotless-i', '')")
        for words in ("ΨΥΧΗΣ", "ışık", "ILIK"):
            page.evaluate("window.asked = []")
            page.fill(".search-page input[name=q]", words)
            page.locator(".search-page button[type=submit]").click()
            found[dotless_i, words] = (results(page), page.evaluate("window.asked"))
    context.close()
    assert found[False, "ΨΥΧΗΣ"] == (["/fixture-repo/psychis/?highlight=%CF%88%CF%85%CF%87%CE%B7%CF%82"], ["ψυχης"])
    assert found[False, "ışık"][0] == [] and found[False, "ILIK"][0] == []  # no Turkish: as typed, lowered
    assert found[True, "ışık"] == (["/fixture-repo/isik/?highlight=%C4%B1%C5%9F%C4%B1k"], ["ışık", "işık", "işik"])
    assert found[True, "ILIK"][0] == ["/fixture-repo/ilik/?highlight=ilik"]


def test_the_search_page_of_a_site_in_turkish_looks_for_both_is(tmp_path):
    searched = SITE_YML.replace("search: false", "search: true")
    content = make_content(tmp_path, {"site.yml": searched.replace("ro: Română", "tr: Türkçe")})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    assert 'data-scope="" data-dotless-i data-own-letters="iı"\n' in (tmp_path / "out/search/index.html").read_text(encoding="utf-8")
    other = make_content(tmp_path / "other", {"site.yml": searched})
    assert run_cli("build", "--content", str(other), "--output", str(tmp_path / "other-out")).returncode == 0
    assert "data-dotless-i" not in (tmp_path / "other-out/search/index.html").read_text(encoding="utf-8")


def test_words_typed_in_a_search_field_run_their_own_way_on_a_right_to_left_page(server, open_page):
    """A Latin word typed on an Arabic page stood against the field's right edge, its letters read
    from there (a browser review, 2026-12): the fields take the direction of what is typed."""
    # each line of a field with `unicode-bidi: plaintext` takes the direction of its first letter, and an
    # empty one the page's: `dir="auto"` made an empty field left to right on every Arabic page
    way = "e => [getComputedStyle(e).direction, getComputedStyle(e).unicodeBidi]"
    for address, form in (("/rtl-site/search/", "form.search-page"), ("/rtl-site/", "form.site-search")):
        field = open_page(server["url"] + address).locator(f"{form} input[name=q]")
        assert field.evaluate(way) == ["rtl", "plaintext"]
        assert field.get_attribute("dir") is None


def test_a_hit_opens_the_passage_its_excerpt_quotes(server, open_page):
    """The link went to the passage of the first matched word, while the excerpt quoted the densest
    window of matches, another passage: the reader landed far from what they clicked (a review, 2026-12)."""
    page = open_page(server["url"] + "/tertulia/search/?q=agencia")
    links = results(page)
    assert links
    checked = 0
    for item in page.query_selector_all(".search-results li")[:5]:
        href = item.eval_on_selector("h2 a", "a => a.getAttribute('href')")
        quoted = item.eval_on_selector("p:not(.match-language)", "p => p.textContent").replace("…", " ").split()
        if "#" not in href or len(quoted) < 12:
            continue
        middle = " ".join(quoted[4:10])  # words inside the excerpt, clear of the ends it cuts
        target = open_page(server["url"] + href)
        passage = target.evaluate("id => document.getElementById(id).textContent.replace(/\\s+/g, ' ')",
                                  href.split("#")[1])
        assert middle in passage, (href, middle)
        checked += 1
    assert checked


def test_a_french_word_after_an_elided_article_is_found_typed_alone_or_with_it(tmp_path, open_page):
    """Pagefind kept `l’hospitalité` one word: `hospitalité` missed the French essay, and only its English
    translation was found (a three-language walk's). `aujourd’hui` and English's `don't` are no elisions."""
    from helpers import serving
    site = SITE_YML.replace("search: false", "search: true").replace("ro: Română", "fr: Français")
    content = make_content(tmp_path, {
        "site.yml": site,
        "posts/accueil/index.fr.md": "---\ntitle: L'Odyssée d’un mot\nauthor: Claire\ndate: 2026-11-02\n---\n\n"
                                     "Mais l’hospitalité n’est pas une dissolution, aujourd’hui pas plus qu’hier, "
                                     "jusqu’à minuit.\n",
        "posts/accueil/index.en.md": "---\ntitle: A word's journey\ntranslation_of: fr\n---\n\n"
                                     "But hospitality isn't a dissolution, don't you think, today no more than before, "
                                     "until midnight.\n",
    })
    out = tmp_path / "www" / "site"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    with serving(tmp_path / "www") as url:
        found = {}
        # `jusqu’à` is one word: looked for as `à`, it found every word starting so; a title's word after `l’` too
        for words in ("hospitalité", "L’HOSPITALITÉ", "l'hospitalité", "aujourd’hui", "jusqu’à", "odyssée", "don't"):
            page = open_page(f"{url}/site/fr/search/?q={words}")
            results(page)
            found[words] = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang)")
            if words == "odyssée":
                title = page.inner_text(".search-results li h2 a")
            if words == "hospitalité":
                excerpt = page.inner_text(".search-results li p:last-child")
        assert all(languages == ["fr"] for words, languages in found.items() if words != "don't"), found
        assert found["don't"] == ["en"]
        assert title == "L'Odyssée d’un mot"  # the hair space its index holds (see search.py) unseen
        assert "l’hospitalité n’est" in excerpt  # shown as written, not `l’ hospitalité`


def test_a_hit_opens_where_its_words_show_whatever_view_the_device_keeps(server, open_page):
    """A reader who keeps "Español only" followed a hit in English: the paragraph's row lit up, every marked
    word in the hidden column (a browser review's). The words' language is shown, for this visit only."""
    page = open_page(server["url"] + "/fixture-repo/posts/alpha/")
    page.evaluate("localStorage.setItem('tertulia.view', 'es')")
    page.goto(server["url"] + "/fixture-repo/posts/alpha/?highlight=enough#p1")
    page.wait_for_selector("#p1 mark.search-hit")
    assert page.locator("#p1 mark.search-hit").first.is_visible()
    assert page.eval_on_selector("input[name=view]:checked", "view => view.value") == "en"
    assert "view=en" in page.url and page.evaluate("localStorage.getItem('tertulia.view')") == "es"
    page.goto(server["url"] + "/fixture-repo/posts/alpha/?highlight=ensayo#p1")  # shown already: the view stays
    page.wait_for_selector("#p1 mark.search-hit")
    assert page.eval_on_selector("input[name=view]:checked", "view => view.value") == "es"


def test_the_words_found_are_marked_where_a_word_starts_never_inside_one(server, open_page):
    """`?highlight=art` marked the `art` of `partir` too, where the index had matched `artisan` (a new user's
    walk): a word is found by its start, and marked there. "ores" starts no word of the paragraph."""
    page = open_page(server["url"] + "/fixture-repo/posts/alpha/?highlight=ores+client#p3")
    page.wait_for_selector("#p3 mark.search-hit")
    # both sides of the passage: "clientes" and "clients", marked where they start; "ores" (of "valores") nowhere
    assert page.eval_on_selector_all("mark.search-hit", "marks => marks.map(m => m.textContent)") == ["client"] * 2


def searched(tmp_path, open_page, folder: str, files: dict, asked: list[tuple[str, str]]) -> dict:
    """A site of `files` built under `/<folder>/` and searched for each of `asked`'s words: (the languages of
    its hits, the first hit's excerpt and the words it marks) by the words. Each expected language is `asked`'s
    other half."""
    from helpers import serving
    content = make_content(tmp_path, files, with_essay=False)
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "www" / folder))
    assert built.returncode == 0, built.stderr
    found = {}
    with serving(tmp_path / "www") as url:
        for words, lang in asked:
            page = open_page(f"{url}/{folder}/search/?q={words}")
            results(page)
            languages = page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.lang)")
            assert languages == ([lang] if isinstance(lang, str) else lang) and page.problems == [], (words, languages)
            if not languages:  # nothing found, as it should be
                continue
            found[words] = page.eval_on_selector(".search-results li p:last-child",
                                                 "p => [p.innerText, [...p.querySelectorAll('mark')].map(m => m.textContent)]")
            found[words].append(page.eval_on_selector_all(".search-results li h2 a", "links => links.map(a => a.href)"))
    return found


def test_a_persian_number_or_word_is_found_however_a_keyboard_typed_it(tmp_path, open_page):
    """A Persian writer's walk (session 78): "1402" (Latin digits) and "١٤٠٢" (an Arabic keyboard's) found
    nothing of "۱۴۰۲", nor "يلدا" (Arabic's yeh) of "یلدا", which Persian writes with its own."""
    searched(tmp_path, open_page, "daftar", {
        "site.yml": 'title: دفتر\nbase_url: "https://example.github.io/daftar/"\nlanguages: {fa: فارسی, en: English}\n'
                    "main_language: fa\nsearch: true\n",
        "posts/yalda/index.fa.md": "---\ntitle: شب یلدا\nauthor: پریسا\ndate: 2023-12-21\n---\n\n"
                                   "یلدا بلندترین شب سال است: ۳۰ آذر ۱۴۰۲.\n",
        "posts/yalda/index.en.md": "---\ntitle: Yalda night\ntranslation_of: fa\n---\n\nYalda is the longest night.\n",
    }, [(words, "fa") for words in ("۱۴۰۲", "1402", "١٤٠٢", "یلدا", "يلدا")])


def test_an_urdu_word_is_found_typed_with_an_arabic_or_persian_keyboard_s_heh(tmp_path, open_page):
    """An Urdu walk: "لاهور" (Arabic's heh) found nothing of "لاہور", nor "دوده" of "دودھ": Urdu writes a round
    heh, and a two-eyed one after the consonants it breathes."""
    searched(tmp_path, open_page, "daftar", {
        "site.yml": 'title: دفتر\nbase_url: "https://example.github.io/daftar/"\nlanguages: {ur: اردو, en: English}\n'
                    "main_language: ur\nsearch: true\n",
        "posts/shehr/index.ur.md": "---\ntitle: شہر\nauthor: فاطمہ\ndate: 2026-07-14\n---\n\n"
                                   "لاہور میں دودھ پتی چائے، اور دہلی کی یاد۔\n",
        "posts/shehr/index.en.md": "---\ntitle: The city\ntranslation_of: ur\n---\n\nTea in the old city.\n",
    }, [(words, "ur") for words in ("لاہور", "لاهور", "دوده", "دهلی", "دودھ")])


def test_amharic_written_with_its_wordspace_is_found_word_by_word(tmp_path, open_page):
    """An Amharic walk: in the older style words are parted by ፡ alone, and Pagefind kept a paragraph as one
    word: `ጣይቱ` found nothing of `…በእቴጌ፡ጣይቱ፡ተመሠረተች።`."""
    found = searched(tmp_path, open_page, "dirsetoch", {
        "site.yml": 'title: ድርሰቶች\nbase_url: "https://example.github.io/dirsetoch/"\nlanguages: {am: አማርኛ, en: English}\n'
                    "main_language: am\nsearch: true\n",
        "posts/addis/index.am.md": "---\ntitle: አዲስ አበባ\nauthor: ሙሉጌታ\ndate: 2026-11-02\n---\n\n"
                                   "አዲስ፡አበባ፡በዳግማዊ፡ምኒልክ፡እና፡በእቴጌ፡ጣይቱ፡ተመሠረተች።ስሟ፡አዲስ፡አበባ፡ነው።\n",
        "posts/addis/index.en.md": "---\ntitle: Addis Ababa\ntranslation_of: am\n---\n\nFounded long ago.\n",
    }, [(words, "am") for words in ("ጣይቱ", "ተመሠረተች", "ስሟ", "አዲስ፡አበባ")])
    assert found["ጣይቱ"][1] == ["ጣይቱ"], found  # its wordspace after it, unmarked
    # and no space the author did not write after a wordspace (a red team: `አዲስ፡ አበባ፡`)
    assert "በእቴጌ፡ጣይቱ፡ተመሠረተች።" in found["ጣይቱ"][0] and "፡ " not in found["ጣይቱ"][0], found


def test_a_number_thai_writes_in_its_own_digits_is_found_typed_in_latin_ones(tmp_path, open_page):
    """A Thai writer's walk: CLDR writes Thai numbers in Latin digits by default, so search knew no other;
    Thai prose often writes its own (๒๕๐๔), which "2504" found nothing of."""
    searched(tmp_path, open_page, "cha", {
        "site.yml": 'title: ร้านน้ำชา\nbase_url: "https://example.github.io/cha/"\nlanguages: {th: ไทย, en: English}\n'
                    "main_language: th\nsearch: true\n",
        "posts/ran/index.th.md": "---\ntitle: ร้าน\nauthor: สมชาย\ndate: 2026-04-13\n---\n\nร้านเปิดเมื่อปี ๒๕๐๔\n",
        "posts/ran/index.en.md": "---\ntitle: The shop\ntranslation_of: th\n---\n\nThe shop opened long ago.\n",
    }, [(words, "th") for words in ("๒๕๐๔", "2504")])


def test_latin_letters_and_digits_are_found_in_either_width_on_a_chinese_site(tmp_path, open_page):
    """A Chinese walk: a Chinese keyboard types Latin letters and digits full-width too; `2026` found nothing of
    `２０２６`, nor `ABC` of `ＡＢＣ`, and `１２` nothing of the English `12`."""
    searched(tmp_path, open_page, "wenzi", {
        "site.yml": 'title: 文字\nbase_url: "https://example.github.io/wenzi/"\nlanguages: {zh-Hans: 简体中文, en: English}\n'
                    "main_language: zh-Hans\nsearch: true\n",
        "posts/nian/index.zh-Hans.md": "---\ntitle: 年\nauthor: 林晓雨\ndate: 2026-11-03\n---\n\n２０２６年的ＡＢＣ报告。\n",
        "posts/nian/index.en.md": "---\ntitle: The year\ntranslation_of: zh-Hans\n---\n\nA report of the year, page 12.\n",
    }, [("2026", "zh-Hans"), ("２０２６", "zh-Hans"), ("ABC", "zh-Hans"), ("abc", "zh-Hans"), ("１２", "en")])


def test_a_phrase_in_quotes_is_found_where_a_page_writes_one_of_its_words_in_two_ways(tmp_path, open_page):
    """A Russian walk: Pagefind found `"все свои"` nowhere in a page holding «все свои» and, elsewhere, `всё`,
    nor `"всё как всегда"` there; a page holding the words apart is still no hit for the phrase."""
    found = searched(tmp_path, open_page, "progulki", {
        "site.yml": 'title: Прогулки\nbase_url: "https://example.github.io/progulki/"\nlanguages: {ru: Русский, en: English}\n'
                    "main_language: ru\nsearch: true\n",
        "posts/yolka/index.ru.md": "---\ntitle: Ёлка\nauthor: Ольга\ndate: 2026-12-01\n---\n\n"
                                   "Вечером вокруг неё стояли «все свои». Всё как всегда.\n",
        "posts/yolka/index.en.md": "---\ntitle: The tree\ntranslation_of: ru\n---\n\nOur own people stood round it.\n",
        "posts/dvor/index.ru.md": "---\ntitle: Двор\nauthor: Ольга\ndate: 2026-12-02\n---\n\nСвои дела, и все ушли.\n",
    }, [('"все свои"', "ru"), ('"всё как всегда"', "ru"), ('"Все как всегда"', "ru")])
    assert all(len(links) == 1 and re.sub(r"\?highlight=[^#]*", "", links[0]).endswith("/progulki/posts/yolka/#p1")
               for _, _, links in found.values()), found


def test_a_serbian_word_is_found_typed_in_either_of_its_scripts(tmp_path, open_page):
    """A Russian walk with Serbian: Serbian readers write both scripts and type Latin most; `ekonomija` found
    nothing of `економија`, nor `Đorđević` of `Ђорђевић`."""
    searched(tmp_path, open_page, "sveska", {
        "site.yml": 'title: Свеска\nbase_url: "https://example.github.io/sveska/"\n'
                    "languages: {sr: Српски, sr-Latn: Srpski, en: English}\nmain_language: sr\nsearch: true\n",
        "posts/jelka/index.sr.md": "---\ntitle: Јелка\nauthor: Ђорђевић\ndate: 2026-12-01\n---\n\n"
                                   "Економија дарежљивости у дворишту.\n",
        "posts/jelka/index.sr-Latn.md": "---\ntitle: Jelka\ntranslation_of: sr\n---\n\nLjubav i džem.\n",
    }, [("ekonomija", "sr"), ("Đorđević", "sr"), ("економија", "sr"), ("љубав", "sr-Latn"), ("džem", "sr-Latn")])


def test_a_word_starting_with_a_language_s_code_finds_no_page_for_its_language(tmp_path, open_page):
    """A Georgian walk: the index held each page's language as a word, so `kakheti`, which no page holds, listed
    every Georgian page (`ka`), nothing marked, and `enough` every English one."""
    searched(tmp_path, open_page, "ori", {
        "site.yml": 'title: ორი ენა\nbase_url: "https://example.github.io/ori/"\nlanguages: {ka: ქართული, en: English}\n'
                    "main_language: ka\nsearch: true\n",
        "posts/tbilisi/index.ka.md": "---\ntitle: თბილისი\nauthor: ნინო\ndate: 2026-12-01\n---\n\nთბილისი ძველი ქალაქია.\n",
        "posts/tbilisi/index.en.md": "---\ntitle: Tbilisi\ntranslation_of: ka\n---\n\nTbilisi is an old city.\n",
    }, [("kakheti", []), ("enough", []), ("თბილისი", "ka")])


def test_an_armenian_word_is_found_with_its_ligature_written_either_way(tmp_path, open_page):
    """A Georgian walk with Armenian: `Երեւան` (the classical spelling) found nothing of `Երևան`, nor its
    capitals `ԵՐԵՎԱՆ`, as the reformed spelling writes them."""
    searched(tmp_path, open_page, "yerkir", {
        "site.yml": 'title: Երկիր\nbase_url: "https://example.github.io/yerkir/"\nlanguages: {hy: Հայերեն, en: English}\n'
                    "main_language: hy\nsearch: true\n",
        "posts/yerevan/index.hy.md": "---\ntitle: Քաղաք\nauthor: Անի\ndate: 2026-12-01\n---\n\nԵրևանը հին քաղաք է։\n",
        "posts/yerevan/index.en.md": "---\ntitle: The city\ntranslation_of: hy\n---\n\nAn old city.\n",
        "posts/hin/index.hy.md": "---\ntitle: Հին\nauthor: Անի\ndate: 2026-12-02\n---\n\nԳյումրի եւ Երեւան։\n",
    }, [(words, ["hy", "hy"]) for words in ("Երևան", "Երեւան", "ԵՐԵՎԱՆ", "Երևանը")])


def test_a_tamil_word_is_not_taken_for_another_sharing_its_consonants(tmp_path, open_page):
    """A Tamil walk: `மழை` (rain) listed the About page for `மொழிபெயர்க்கிறார்கள்` (they translate): without its
    vowel signs, taken for accents, each read `மழ…`, and Pagefind's guess passed for the reader's word."""
    searched(tmp_path, open_page, "irukarai", {
        "site.yml": 'title: இருகரை\nbase_url: "https://example.github.io/irukarai/"\nlanguages: {ta: தமிழ், en: English}\n'
                    "main_language: ta\nsearch: true\n",
        "posts/malai/index.ta.md": "---\ntitle: மழைக்காலம்\nauthor: முருகன்\ndate: 2026-12-01\n---\n\nசென்னையில் மழை பெய்கிறது.\n",
        "pages/about/index.ta.md": "---\ntitle: எங்களைப் பற்றி\n---\n\nநண்பர்கள் மொழிபெயர்க்கிறார்கள்.\n",
    }, [("மழை", "ta")])


def test_a_word_a_maqaf_joins_is_found_alone_and_its_excerpt_reads_as_written(tmp_path, open_page):
    """A Hebrew writer's walk: Pagefind parts words at a hyphen-minus alone, so "ספר" found nothing of
    "בית־ספר", nor "20" of "ה־20"; the index parts them, and the excerpt shows them joined again."""
    excerpts = searched(tmp_path, open_page, "mahberet", {
        "site.yml": 'title: מחברת\nbase_url: "https://example.github.io/mahberet/"\nlanguages: {he: עברית, en: English}\n'
                    "main_language: he\nsearch: true\n",
        "posts/bayit/index.he.md": "---\ntitle: בית\nauthor: דנה\ndate: 2026-12-01\n---\n\n"
                                   "במאה ה־20 נבנו בית־ספר ובית־כנסת.\n",
        "posts/bayit/index.en.md": "---\ntitle: Home\ntranslation_of: he\n---\n\nIn the century a school was built.\n",
    }, [(words, "he") for words in ("ספר", "כנסת", "20", "בית־ספר", "בית-ספר", "ה־20", "ה-20", "ו־ה־20")])
    for words, (excerpt, *_) in excerpts.items():
        assert "במאה ה־20 נבנו בית־ספר ובית־כנסת." in excerpt, (words, excerpt)  # no space after a maqaf
    # a hyphen typed for the maqaf, as a Hebrew keyboard's plain layer has none; a prefix of one letter alone
    # found every word it starts (`ה־20` marked `הבניין`: a re-walk)
    assert {"בית־", "ספר"} <= set(excerpts["בית-ספר"][1]), excerpts
    assert excerpts["ה־20"][1] == excerpts["ה-20"][1] == excerpts["ו־ה־20"][1] == ["20"], excerpts  # prefixes chained too


def test_a_polish_word_typed_without_its_l_stroke_and_a_ukrainian_one_with_any_apostrophe_are_found(tmp_path, open_page):
    """A Polish and Ukrainian reader's walk: "lodz" found nothing of "łódź" (ł is made of no other letter, so
    the index's forms without marks keep it), and "п'ять" nothing of "пʼять" (the modifier letter ʼ, which
    the index keeps inside its word, where ' and ’ part it), nor "мʼята" of "м'ята"."""
    found = searched(tmp_path, open_page, "zeszyt", {
        "site.yml": 'title: Zeszyt\nbase_url: "https://example.github.io/zeszyt/"\n'
                    "languages: {pl: Polski, uk: Українська}\nmain_language: pl\nsearch: true\n",
        "posts/lodz/index.pl.md": "---\ntitle: Łąka\nauthor: Ola\ndate: 2026-12-01\n---\n\n"
                                  "Pojechałam do Łodzi i kupiłam ołówek.\n",
        "posts/lodz/index.uk.md": "---\ntitle: Луг\ntranslation_of: pl\n---\n\nПʼять кущів м'яти біля ґанку.\n",
        "pages/o/index.pl.md": "---\ntitle: O stronie\n---\n\nO tym, kto pisze.\n",
    }, [("lodzi", "pl"), ("olowek", "pl"), ("ŁODZI", "pl"), ("п'ять", "uk"), ("п’ять", "uk"), ("мʼяти", "uk"),
        ("м'яти", "uk")])
    # Pagefind's guess for "olowek", which matched nothing (the page `O stronie`, for its "O"), outscored the
    # essay "ołówek" found; a guess beside a hit that marks the reader's word is not listed at all
    first, marked = found["olowek"][2][0], found["olowek"][1]
    assert "/zeszyt/posts/lodz/?" in first and marked == ["ołówek"], (first, marked)


def test_a_vietnamese_word_typed_without_its_barred_d_is_found(tmp_path, open_page):
    """A Vietnamese writer's walk: "duong" found nothing of "đường", nor "da lat" of "Đà Lạt": every other mark
    is folded away, but đ is made of no other letter, as Polish's ł is."""
    found = searched(tmp_path, open_page, "caphe", {
        "site.yml": 'title: Quán Cà Phê\nbase_url: "https://example.github.io/caphe/"\n'
                    "languages: {vi: Tiếng Việt, en: English}\nmain_language: vi\nsearch: true\n",
        "posts/pho/index.vi.md": "---\ntitle: Phố\nauthor: Lan\ndate: 2026-12-01\n---\n\n"
                                 "Những con đường ở Đà Lạt buổi sáng.\n",
        "posts/pho/index.en.md": "---\ntitle: Streets\ntranslation_of: vi\n---\n\nThe streets of Da Lat.\n",
    }, [("duong", "vi"), ("đường", "vi"), ("nhung con duong", "vi")])
    assert found["duong"][1] == ["đường"], found


def test_a_turkish_word_typed_without_its_dotless_i_is_found_and_no_guess_is_listed_beside_it(tmp_path, open_page):
    """A Turkish writer's walk: "cinar" found nothing of "çınar" (ı is made of no other letter, so the index
    keeps it where it drops ç's cedilla), and "ışığı" listed four English pages beside its essay, for their
    "is": Pagefind's guesses at forms that matched nothing."""
    found = searched(tmp_path, open_page, "sohbet", {
        "site.yml": 'title: Sohbet\nbase_url: "https://example.github.io/sohbet/"\n'
                    "languages: {tr: Türkçe, en: English}\nmain_language: tr\nsearch: true\n",
        "posts/agac/index.tr.md": "---\ntitle: Ağaç\nauthor: Ayşe\ndate: 2026-12-01\n---\n\n"
                                  "Çınarın altında ışığı bekledik.\n",
        "posts/agac/index.en.md": "---\ntitle: Tree\ntranslation_of: tr\n---\n\nIt is what I saw: the light is "
                                  "in the plane tree.\n",
        "pages/about/index.en.md": "---\ntitle: About\n---\n\nThis is a site, and I write it.\n",
    }, [("cinarin", "tr"), ("isigi", "tr"), ("ışığı", "tr"), ("IŞIĞI", "tr")])
    assert found["cinarin"][1] == ["Çınarın"] and found["isigi"][1] == ["ışığı"], found
