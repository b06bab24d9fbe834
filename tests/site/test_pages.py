"""Pages (content/pages/), static files (content/static/) and the menu of site.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import ABOUT_EN, ABOUT_ES, ESSAY_EN, ESSAY_ES, MENU, SITE_YML, about_site, every_file, make_content, run_cli


def build(content: Path, out: Path):
    return run_cli("build", "--content", str(content), "--output", str(out), "--no-cache")


def menu_of(html: str) -> list[tuple[str, str]]:
    """(href, text) of the masthead's site navigation."""
    nav = re.search(r'<header class="masthead">.*?<nav aria-label="[^"]+">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_an_about_page_in_two_languages_is_linked_from_every_pages_menu(tmp_path):
    out = tmp_path / "output"
    result = build(about_site(tmp_path), out)
    assert result.returncode == 0, result.stderr
    every_page = [p for p in out.rglob("*.html") if p.name == "index.html" and "pagefind" not in p.parts
                  and 'http-equiv="refresh"' not in p.read_text()]  # an old address only sends the reader on
    assert len(every_page) > 20
    for page in every_page:
        relative = page.relative_to(out).as_posix()
        labels = [text for _, text in menu_of(page.read_text())]
        assert ("Acerca de" in labels or "About us" in labels), relative
        assert ("Club" in labels or "Club de lectura" in labels), relative
    moved = (out / "quienes-somos/index.html").read_text()  # the page's alias sends the reader to it
    assert '<link rel="canonical" href="https://example.github.io/repo/about/">' in moved
    home = dict((text, href) for href, text in menu_of((out / "index.html").read_text()))
    assert home["About us"] == "about/" and home["Club"] == "https://example.org/club/"
    spanish_home = dict((text, href) for href, text in menu_of((out / "es/index.html").read_text()))
    assert spanish_home["Acerca de"] == "about/" and spanish_home["Club de lectura"] == "https://example.org/club/"
    assert (out / "es/about/index.html").is_file()
    deep = dict((text, href) for href, text in menu_of((out / "posts/hola/index.html").read_text()))
    assert deep["About us"] == "../../about/"


def test_a_page_reads_side_by_side_and_in_each_language_but_is_listed_nowhere(tmp_path):
    out = tmp_path / "output"
    assert build(about_site(tmp_path), out).returncode == 0
    side = (out / "about/index.html").read_text()
    assert '<div class="side original" lang="es"><p>Somos dos.</p></div>' in side
    assert '<div class="side translation" lang="en"><p>We are two.</p></div>' in side
    assert "discussion" not in side.lower().replace("skip to the discussion", "")
    assert '<img alt="El logo" src="logo.svg">' in side and (out / "about/logo.svg").read_text().startswith("<svg")
    single = (out / "en/about/index.html").read_text()
    assert "<h1>About us</h1>" in single and 'src="../../about/logo.svg"' in single
    for listing in ("index.html", "en/index.html", "tags/index.html", "feed.xml", "comments/index.html"):
        shown = (out / listing).read_text()
        listed = shown.split("</header>", 1)[-1]  # the menu links the page; the listing itself must not
        assert "Somos dos" not in shown and "about/" not in listed and "Acerca de" not in listed, listing
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://example.github.io/repo/about/</loc>" in sitemap
    assert 'hreflang="en" href="https://example.github.io/repo/en/about/"' in sitemap


def test_a_page_names_its_author_and_translator_as_an_essay_does_and_no_one_when_it_names_no_one(tmp_path):
    out = tmp_path / "output"
    named = about_site(tmp_path, {"pages/about/index.es.md": ABOUT_ES.replace("title:", "author: Los editores\ntitle:"),
                                  "pages/about/index.en.md": ABOUT_EN.replace("title:", "translator: Ann\ntitle:")})
    assert build(named, out).returncode == 0
    side = (out / "about/index.html").read_text()
    # the author is marked with the language they wrote in where the page is another's
    assert ('<p class="byline">by <bdi class="author" lang="es">Los editores</bdi> · translated into English by '
            '<bdi class="translator">Ann</bdi></p>') in side
    single = (out / "en/about/index.html").read_text()
    assert ('<p class="byline">by <bdi class="author" lang="es">Los editores</bdi> · translated from Spanish by '
            '<bdi class="translator">Ann</bdi></p>') in single
    assert '<p class="byline">por <bdi class="author">Los editores</bdi></p>' in (out / "es/about/index.html").read_text()
    unnamed = tmp_path / "unnamed"
    assert build(about_site(unnamed), unnamed / "output").returncode == 0
    assert "byline" not in (unnamed / "output/about/index.html").read_text()
    assert '<p class="byline">translated from Spanish</p>' in (unnamed / "output/en/about/index.html").read_text()


def test_a_page_with_two_translations_lets_the_reader_choose_which_stands_beside_it(tmp_path):
    """As on an essay: the default translation on the page's own address, the other on `with-<lang>/`,
    a choice between them on both, each in the sitemap, the menu marking the page on both."""
    about_ro = ABOUT_EN.replace("About us", "Despre noi").replace("We are two.", "Suntem doi.").replace(
        "The logo", "Sigla")
    out = tmp_path / "output"
    assert build(about_site(tmp_path, {"pages/about/index.ro.md": about_ro}), out).returncode == 0
    default, other = (out / "about/index.html").read_text(), (out / "about/with-ro/index.html").read_text()
    choice = r'<nav class="choices" aria-label="Other translations">\s*<span>Translation:</span>\s*(.*?)</nav>'
    assert re.findall(r'<a href="([^"]+)" lang="(\w+)"[^>]*?( aria-current="page")?>', re.search(choice, default, re.S)[1]) == [
        ("./", "en", ' aria-current="page"'), ("with-ro/", "ro", "")]
    assert re.findall(r'<a href="([^"]+)" lang="(\w+)"[^>]*?( aria-current="page")?>', re.search(choice, other, re.S)[1]) == [
        ("../", "en", ""), ("./", "ro", ' aria-current="page"')]
    assert '<div class="side translation" lang="ro"><p>Suntem doi.</p></div>' in other
    assert '<div class="side original" lang="es"><p>Somos dos.</p></div>' in other
    assert 'src="../logo.svg"' in other and "Suntem doi" not in default
    assert "<loc>https://example.github.io/repo/about/with-ro/</loc>" in (out / "sitemap.xml").read_text()
    assert '<link rel="canonical" href="https://example.github.io/repo/about/with-ro/">' in other
    assert '<li><a href="../" aria-current="page">About us</a></li>' in other  # the menu marks the page
    # a reader of one language goes side by side to that language beside the original, not to the default pair
    side_by_side = r'<nav class="language-versions".*?<a href="([^"]+)">[^<]+</a>\s*</nav>'
    assert re.search(side_by_side, (out / "ro/about/index.html").read_text(), re.S)[1] == "../../about/with-ro/"
    assert re.search(side_by_side, (out / "en/about/index.html").read_text(), re.S)[1] == "../../about/"
    assert re.search(side_by_side, (out / "es/about/index.html").read_text(), re.S)[1] == "../../about/"


def test_static_files_land_at_the_root_and_the_favicon_is_linked(tmp_path):
    out = tmp_path / "output"
    assert build(about_site(tmp_path), out).returncode == 0
    assert (out / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert '<link rel="icon" href="favicon.svg">' in (out / "index.html").read_text()
    assert '<link rel="icon" href="../../favicon.svg">' in (out / "posts/hola/index.html").read_text()


def test_links_from_the_sites_root_lead_under_its_sub_path_in_essays_pages_comments_and_feeds(tmp_path):
    """GitHub Pages serves a project's site under /repo/: a `/favicon.svg` written in Markdown (as the
    author's guide says) must be found there, and one already written with the sub-path is kept."""
    about = ABOUT_EN.replace("We are two.", "We are two. ![Mark](/favicon.svg) [Hello](/posts/hola/) "
                                           "[Kept](/repo/tags/)")
    comment = "---\nauthor: Ana\ndate: 2024-03-02\n---\n\nSee [the page](/about/).\n"
    out = tmp_path / "output"
    assert build(about_site(tmp_path, {"pages/about/index.en.md": about,
                                       "posts/hola/comments/c1.es.md": comment}), out).returncode == 0
    page = (out / "en/about/index.html").read_text()
    assert '<img alt="Mark" src="/repo/favicon.svg">' in page
    assert '<a href="/repo/posts/hola/">Hello</a>' in page and '<a href="/repo/tags/">Kept</a>' in page
    assert 'src="/repo/favicon.svg"' in (out / "about/index.html").read_text()
    assert 'href="/repo/about/"' in (out / "posts/hola/index.html").read_text()
    assert "/repo/about/" in (out / "posts/hola/comments.xml").read_text()


def test_hidden_static_files_are_copied_as_they_are_and_editor_litter_is_not(tmp_path):
    """static/<any path> is copied as it is: `.well-known/` and `.htaccess` too; an editor's backup,
    swap or lock file, or the Finder's notes, never."""
    content = about_site(tmp_path, {"static/.well-known/security.txt": "Contact: mailto:a@example.org\n",
                                    "static/.htaccess": "Options -Indexes\n", "static/notes.txt~": "old",
                                    "static/.notes.txt.swp": "swap", "static/.#notes.txt": "lock",
                                    "static/.DS_Store": "finder",
                                    # macOS, LibreOffice, GNOME, Kate, vim's test file, Emacs (a review's list)
                                    "static/._logo.svg": "appledouble", "static/.~lock.notes.odt#": "lock",
                                    "static/.goutputstream-ABC123": "temp", "static/notes.txt.kate-swp": "swap",
                                    "static/4913": "", "static/#notes.txt#": "autosave"})
    out = tmp_path / "output"
    assert build(content, out).returncode == 0
    assert (out / ".well-known/security.txt").read_text() == "Contact: mailto:a@example.org\n"
    assert (out / ".htaccess").read_text() == "Options -Indexes\n"
    assert not [name for name in ("notes.txt~", ".notes.txt.swp", ".#notes.txt", ".DS_Store", "._logo.svg",
                                  ".~lock.notes.odt#", ".goutputstream-ABC123", "notes.txt.kate-swp", "4913",
                                  "#notes.txt#") if (out / name).exists()]


def test_an_edited_page_title_changes_every_menu(tmp_path):
    content, out = about_site(tmp_path), tmp_path / "output"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    (content / "pages/about/index.en.md").write_text(ABOUT_EN.replace("About us", "Who we are"))
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    assert "Who we are" in (out / "posts/hola/index.html").read_text()


def test_aliases_are_kept_on_the_page_model(tmp_path):
    from tertulia.pipeline import Options, load_site
    site = load_site(Options(content=about_site(tmp_path))).site
    assert site.pages[0].slug == "about" and site.pages[0].aliases == ("/quienes-somos/",)


def test_bad_pages_static_files_and_menus_name_their_file_and_line(tmp_path):
    out = tmp_path / "output"
    assert build(about_site(tmp_path / "good"), out).returncode == 0
    before = every_file(out)
    content = about_site(tmp_path / "bad", {
        "site.yml": SITE_YML + MENU + "  - page: contact\n  - url: /x/\n    label: {en: \"\", es: X}\n  - page: abuot\n",
        "pages/tags/index.en.md": "---\ntitle: Tags\n---\n\nMine.\n",
        "pages/es/index.en.md": "---\ntitle: Spain\n---\n\nMine.\n",
        "pages/robots/index.en.md": "---\ntitle: Robots\n---\n\nBeep.\n",
        "static/robots/index.html": "mine",
    })
    result = build(content, out)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "content/site.yml:12: menu entry `page: contact` names no page: there is no content/pages/contact/" in lines
    assert ("content/site.yml:15: menu entry `page: abuot` names no page: there is no content/pages/abuot/; is it "
            "meant to be `about`?") in lines
    assert "content/site.yml:13: menu entry `/x/`: its `en` label is empty, which leaves a link with no words" in lines
    # which of the site's addresses, and what it holds (a new user, 2026-12: "one of the site's own addresses")
    assert ("content/pages/tags/index.en.md: page slug `tags` collides with the site's own address /tags/ (its "
            "tags); rename the folder content/pages/tags") in lines
    assert ("content/pages/es/index.en.md: page slug `es` collides with the site's own address /es/ (the home of "
            "its pages in Español); rename the folder content/pages/es") in lines
    assert any(line.startswith("content/pages/robots/index.en.md: page slug `robots` collides with the static "
                               "file") for line in lines)
    assert every_file(out) == before


def test_a_page_whose_original_cannot_be_read_is_one_error_not_also_its_translation_s(tmp_path):
    """An errors audit: a YAML slip in pages/about/index.es.md also said of its translation that the
    original, the very file with the slip, "is missing"."""
    content = about_site(tmp_path, {"pages/about/index.es.md": ABOUT_ES.replace("title:", "title: 'unclosed", 1)})
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line for line in lines if "pages/about" in line and "warning" not in line] == [
        line for line in lines if line.startswith("content/pages/about/index.es.md:")], result.stderr
    assert "is missing" not in result.stderr


def test_a_page_folder_with_a_bad_name_is_one_error_not_also_a_menu_entry_naming_no_page(tmp_path):
    content = make_content(tmp_path, {"site.yml": SITE_YML + "menu:\n  - page: About\n",
                                      "pages/About/index.en.md": "---\ntitle: About\n---\n\nUs.\n"})
    result = build(content, tmp_path / "output")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/pages/About: bad slug `About`: use lowercase letters, digits and single hyphens, e.g. `about`"]
    assert result.stdout == "1 content error; nothing was written\n"


def test_a_static_file_may_not_replace_a_generated_one(tmp_path):
    out = tmp_path / "output"
    content = make_content(tmp_path, {"static/assets/style.css": "body {}", "static/feed.xml": "<feed/>"})
    result = build(content, out)
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.splitlines()[:2] == [
        "content/static/assets/style.css: would replace the site's own `assets/style.css`, which the build makes; "
        "rename or remove it",
        "content/static/feed.xml: would replace the site's own `feed.xml`, which the build makes; rename or remove it"]


def test_comment_files_under_a_page_are_named_once_as_comments_pages_do_not_take(tmp_path):
    content = about_site(tmp_path, {"pages/about/comments/c1.en.md": "---\nauthor: A\n---\n\nHi.\n",
                                    "pages/about/comments/c2.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0
    assert [line for line in result.stderr.splitlines() if "not published" in line] == [
        "content/pages/about/comments: warning: not published: pages take no comments; 2 comment files kept here "
        "(a blog's import brings them, so that no reader's words are lost), shown by no page"]


def test_a_static_file_that_becomes_a_folder_and_back_is_built_and_the_output_is_a_fresh_builds(tmp_path):
    out, fresh = tmp_path / "output", tmp_path / "fresh"
    content = make_content(tmp_path, {"static/notes": "v1\n"})
    assert build(content, out).returncode == 0
    (content / "static/notes").unlink()
    (content / "static/notes").mkdir()
    (content / "static/notes/a.txt").write_text("v2\n")
    (content / "posts/hola/index.es.md").write_text((content / "posts/hola/index.es.md").read_text().replace(
        "author: Ana", "author: Changed"))

    def same_as_a_fresh_build():
        result = run_cli("build", "--content", str(content), "--output", str(out))
        assert result.returncode == 0, result.stderr
        shutil.rmtree(fresh, ignore_errors=True)
        assert build(content, fresh).returncode == 0
        assert every_file(out) == every_file(fresh)

    same_as_a_fresh_build()
    (content / "static/notes/a.txt").unlink()
    (content / "static/notes").rmdir()
    (content / "static/notes").write_text("v3\n")  # and back
    same_as_a_fresh_build()


def test_a_file_beside_a_post_may_not_replace_its_discussion_feed(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments.xml": "<mine/>", "static/404.html": "<p>mine</p>"})
    # an .xml file beside a post is never published (a browser runs its stylesheet): so none replaces the feed
    expected = ["content/posts/hola/comments.xml: warning: not published: a `.xml` file beside a post would be a page, "
                "a script or text of the site's own; content/static/ publishes one on purpose",
                "content/static/404.html: would replace the site's own `404.html`, which the build makes; rename or "
                "remove it"]
    for command in ("build", "check"):
        result = run_cli(command, "--content", str(content), *(("--output", str(tmp_path / "out")) * (command == "build")))
        assert result.returncode == 1 and result.stderr.splitlines()[:2] == expected, result.stderr
    assert not (tmp_path / "out").exists()


def test_a_menu_entry_naming_a_draft_page_warns_and_the_page_shows_with_drafts(tmp_path):
    content = about_site(tmp_path, {"pages/about/index.es.md": ABOUT_ES.replace("title: Acerca de", "title: Acerca de\ndraft: true")})
    result = build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert ("content/site.yml:9: warning: menu entry `page: about` names a draft: it is left out of the menu until "
            "the page is published") in result.stderr
    assert "About us" not in [text for _, text in menu_of((tmp_path / "out/index.html").read_text())]
    drafts = run_cli("build", "--content", str(content), "--output", str(tmp_path / "all"), "--drafts", "--no-cache")
    assert "names a draft" not in drafts.stderr
    assert "About us" in [text for _, text in menu_of((tmp_path / "all/index.html").read_text())]
    # the writer previewing it sees it is a draft, on its every page, in each page's language
    for page, words in (("about/index.html", "Draft: not published"), ("es/about/index.html", "Borrador: no publicado")):
        assert f'<p class="note draft-note">{words}</p>' in (tmp_path / "all" / page).read_text(), page
    assert "draft-note" not in (tmp_path / "all/index.html").read_text()


def test_a_pages_summary_is_what_search_results_and_shared_links_say_of_it_in_its_language(tmp_path):
    """A page's `summary` was read and then used nowhere: the site's description stood for every page."""
    content = about_site(tmp_path, {
        "pages/about/index.es.md": ABOUT_ES.replace("title: Acerca de\n", "title: Acerca de\nsummary: Quiénes somos & qué hacemos.\n"),
        "pages/about/index.en.md": ABOUT_EN.replace("title: About us\n", "title: About us\nsummary: Who we are.\n")})
    out = tmp_path / "output"
    assert build(content, out).returncode == 0
    for page, said in (("es/about/index.html", "Quiénes somos &amp; qué hacemos."), ("en/about/index.html", "Who we are."),
                       ("about/index.html", "Who we are.")):  # side by side, a page speaks the site's language
        html = (out / page).read_text()
        assert f'<meta name="description" content="{said}">' in html, page
        assert f'<meta property="og:description" content="{said}">' in html, page
    assert "Who we are" not in (out / "index.html").read_text()


def test_a_robots_txt_under_a_sub_path_is_said_to_reach_no_crawler(tmp_path):
    """Copied to /repo/robots.txt, where no crawler looks: the author believed it was obeyed."""
    result = run_cli("check", "--content", str(about_site(tmp_path)))
    assert result.returncode == 0
    assert ("content/static/robots.txt: warning: crawlers read robots.txt only at the host's root "
            "(https://example.github.io/robots.txt); this site is published under /repo/, where it is not read: "
            "remove it, or put its lines in the one at the host's root") in result.stderr.splitlines()
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text().replace("https://example.github.io/repo/", "https://essays.example.org/"))
    assert "robots.txt" not in run_cli("check", "--content", str(tmp_path / "content")).stderr


LINKING_ES = """\
---
title: "Enlaces"
author: Ana
---

Lee [hola](../hola/), [hola otra vez](../hola/#comments), [solo](../solo/),
[acerca](../../about/) y [la imagen](foto.png).
"""
LINKING_EN = "---\ntitle: Links\ntranslation_of: es\n---\n\nRead [hello](../hola/), [again](../hola/#comments), " \
             "[alone](../solo/),\n[about](../../about/), [all](../../) and [the picture](foto.png).\n"
ALONE_ES = "---\ntitle: Solo\nauthor: Ana\n---\n\nSolo en castellano.\n"


def test_a_link_to_another_post_leads_a_one_language_page_to_its_page_in_that_language(tmp_path):
    """A reader of the English page who follows a link to another essay gets its English page; an
    essay with no English stays side by side, and a file beside the post stays the post's."""
    content = about_site(tmp_path, {"posts/enlaces/index.es.md": LINKING_ES, "posts/enlaces/index.en.md": LINKING_EN,
                                    "posts/enlaces/foto.png": "png", "posts/solo/index.es.md": ALONE_ES})
    out = tmp_path / "output"
    result = build(content, out)
    assert result.returncode == 0, result.stderr
    links = lambda path: dict((text, href) for href, text in re.findall(  # noqa: E731
        r'<a href="([^"]+)">([^<]+)</a>', (out / path / "index.html").read_text().split("<main", 1)[1]))
    english = links("en/posts/enlaces")
    assert english["hello"] == "../hola/" and english["again"] == "../hola/#comments"  # /en/posts/hola/
    assert english["alone"] == "../../../posts/solo/"  # no English: the side-by-side page
    assert english["about"] == "../../about/"  # /en/about/
    assert english["all"] == "../../"  # the English home, /en/
    assert english["the picture"] == "../../../posts/enlaces/foto.png"
    spanish = links("es/posts/enlaces")
    assert spanish["hola"] == "../hola/" and spanish["solo"] == "../solo/" and spanish["acerca"] == "../../about/"
    side = links("posts/enlaces")  # side by side, a link leads to the side-by-side page, as written
    assert side["hello"] == "../hola/" and side["about"] == "../../about/" and side["all"] == "../../"


def test_a_translation_added_to_a_linked_post_redraws_the_page_linking_to_it(tmp_path):
    content = make_content(tmp_path, {"posts/enlaces/index.es.md": LINKING_ES,
                                      "posts/enlaces/index.en.md": LINKING_EN, "posts/solo/index.es.md": ALONE_ES})
    out = tmp_path / "output"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    (content / "posts/solo/index.en.md").write_text("---\ntitle: Alone\ntranslation_of: es\n---\n\nOnly.\n")
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    assert '<a href="../solo/">alone</a>' in (out / "en/posts/enlaces/index.html").read_text()
    # the feed follows it too (its content is escaped HTML: the link, not the new entry's own address)
    assert "href=&#34;https://example.github.io/repo/en/posts/solo/&#34;" in (out / "en/feed.xml").read_text()


LINKING_COMMENT = "---\nauthor: Bea\n---\n\nSee [hello](../hola/) too.\n"


def test_a_one_language_feed_leads_a_link_to_another_post_to_its_page_in_that_language(tmp_path):
    """A feed reader resolves nothing against the essay's page: /en/ feeds carry the English page's
    absolute address of a linked essay, the root's feeds the side-by-side page's."""
    content = about_site(tmp_path, {"posts/enlaces/index.es.md": LINKING_ES, "posts/enlaces/index.en.md": LINKING_EN,
                                    "posts/enlaces/foto.png": "png", "posts/solo/index.es.md": ALONE_ES,
                                    "posts/enlaces/comments/c1.en.md": LINKING_COMMENT})
    out = tmp_path / "output"
    assert build(content, out).returncode == 0
    base = "https://example.github.io/repo/"
    for feed in ("en/feed.xml", "en/comments/feed.xml", "en/posts/enlaces/comments.xml"):
        xml = (out / feed).read_text()
        assert f"{base}en/posts/hola/" in xml and f"{base}posts/hola/" not in xml.replace(f"{base}en/posts/hola/", ""), feed
    english = (out / "en/feed.xml").read_text()
    assert f"{base}posts/solo/" in english and f"{base}posts/enlaces/foto.png" in english and f"{base}en/about/" in english
    for feed in ("feed.xml", "comments/feed.xml", "posts/enlaces/comments.xml"):
        xml = (out / feed).read_text()
        assert f"{base}posts/hola/" in xml and f"{base}en/posts/hola/" not in xml, feed


def test_a_menu_entry_with_a_query_keeps_it_and_check_finds_the_search_page(tmp_path):
    """`/search/?q=client` led to `search/%3Fq%3Dclient`, a page-not-found, and `check` called `/search/`
    itself no page of the site: it planned the site without its search page."""
    menu = ('menu:\n  - url: "/search/?q=client#top"\n    label: {en: Find}\n'
            '  - url: "/tags/?x=1"\n    label: {en: Tagged}\n')
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("search: false", "search: true") + menu})
    check = run_cli("check", "--content", str(content))
    assert check.returncode == 0 and "no page of this site" not in check.stderr, check.stderr
    (content / "site.yml").write_text(SITE_YML + menu)  # the links alike, without Pagefind's time
    out = tmp_path / "output"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    for page, up in (("index.html", ""), ("posts/hola/index.html", "../../"), ("en/tags/index.html", "../../")):
        links = dict((text, href) for href, text in menu_of((out / page).read_text()))
        assert links["Find"] == f"{up}search/?q=client#top" and links["Tagged"] == f"{up}tags/?x=1", page


def test_an_essay_in_one_language_offers_no_other_version_and_nothing_side_by_side(tmp_path):
    """A French-only essay's page offered "Side by side" beside its one language (a new user's walk): there
    is nothing to set beside it. An essay with a translation keeps its links."""
    content = make_content(tmp_path, {
        "pages/sola/index.es.md": "---\ntitle: Sola\n---\n\nUna.\n",
        "posts/seul/index.es.md": "---\ntitle: Solo\nauthor: Ana\n---\n\nUno.\n",
        "posts/dos/index.es.md": "---\ntitle: Dos\nauthor: Ana\n---\n\nUno.\n",
        "posts/dos/index.en.md": "---\ntitle: Two\ntranslation_of: es\n---\n\nOne.\n"})
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    assert "language-versions" not in (out / "es/posts/seul/index.html").read_text()
    assert "language-versions" not in (out / "posts/seul/index.html").read_text()  # "Read in: Español", the same text
    assert '<nav class="language-versions"' in (out / "posts/dos/index.html").read_text()
    assert "language-versions" not in (out / "sola/index.html").read_text()  # a page of content/pages/ alike
    assert '<nav class="language-versions"' in (out / "es/posts/dos/index.html").read_text()


def test_an_old_anchor_is_kept_for_the_page_s_script_and_a_wrong_one_is_an_author_s_error(tmp_path):
    """`anchors` (an imported post's old sections): each a name and a passage the text has; the pages of the
    essay, side by side and in each language, carry them all, passages being the same in every version."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\nanchors: {segundo: 2}\n"),
        "posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es\n", "translation_of: es\nanchors: {second: 2}\n")})
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    for page in ("posts/hola/index.html", "es/posts/hola/index.html", "en/posts/hola/index.html"):
        assert 'data-anchors="{&#34;second&#34;: &#34;p2&#34;, &#34;segundo&#34;: &#34;p2&#34;}"' in (out / page).read_text(), page
    essay = content / "posts/hola/index.es.md"
    essay.write_text(ESSAY_ES.replace("author: Ana\n", "author: Ana\nanchors: {p3: 1, fin: 3, \"a b\": 1, 7: 1}\n"))
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1
    for said in ("index.es.md:4: anchor `p3` must be a name without spaces", "anchor `fin` must lead to a passage of "
                 "the text, 1 to 2", "anchor `a b` must be a name", 'anchor `7` must be a name: quote it (`"7": …`)'):
        assert said in result.stdout + result.stderr, result.stdout + result.stderr
    essay.write_text(ESSAY_ES.replace("author: Ana\n", "author: Ana\nanchors:\n"))  # nothing after it: none
    assert run_cli("check", "--content", str(content)).returncode == 0
    # a review: one name, two passages, one in each language: the original's is followed, and that is said
    essay.write_text(ESSAY_ES.replace("author: Ana\n", "author: Ana\nanchors: {second: 1}\n"))
    said = run_cli("check", "--content", str(content))
    assert said.returncode == 0 and ("index.en.md:4: warning: anchor `second` leads to passage 2 here but to passage 1 "
                                     "in `es`, which a link naming it reaches") in said.stdout + said.stderr, said.stdout


def test_a_static_folder_named_as_a_page_serves_its_files_beside_the_page(tmp_path):
    """A contract audit (session 78): `static/about/cv.pdf` beside the page `about` was refused as a collision,
    though the page writes `about/index.html` and the file `about/cv.pdf`; a file in the page's own place is
    still refused, named as it is."""
    content = about_site(tmp_path, {"static/about/cv.pdf": "%PDF-1.4 mine", "static/about/more/notes.txt": "notes"})
    result = build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/about/cv.pdf").read_text() == "%PDF-1.4 mine"
    assert (tmp_path / "out/about/more/notes.txt").read_text() == "notes"
    assert "We are two." in (tmp_path / "out/about/index.html").read_text()
    (content / "static/about/index.html").write_text("mine")
    result = build(content, tmp_path / "out")
    assert result.returncode == 1
    assert ("content/pages/about/index.es.md: page slug `about` collides with the static file "
            "content/static/about/index.html; rename the folder content/pages/about") in result.stderr.splitlines()
    assert (tmp_path / "out/about/cv.pdf").is_file()  # the output before stays
    said = run_cli("new", "page", "about", "--content", str(content), cwd=tmp_path)
    assert said.returncode == 2 and "collides with the static file" in said.stderr


def test_a_redirect_from_one_tag_to_another_leads_there_in_each_language_too(tmp_path):
    """A writer's week: a tag renamed, `/tags/město/: /tags/velkoměsto/` sent its page on, and `/cs/tags/město/`,
    linked from every Czech page that had shown the tag, went nowhere."""
    from helpers import SITE_YML
    tags = "  vecinos: {es: vecinos}\n  práce: {es: trabajo}\n  values:"
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("  values:", tags) + (
        'redirects:\n  "/tags/viejo/": "/tags/vecinos/"\n  "/tags/aldea": "/tags/vecinos/"\n'
        '  "/tags/m%C4%9Bsto/": "/tags/pr%C3%A1ce/"\n')})  # as a browser's bar copies it (a red team)
    result = build(content, tmp_path / "out")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    for lang in ("", "es/", "en/", "ro/"):
        for old, new in (("viejo", "vecinos"), ("aldea", "vecinos"), ("město", "pr%C3%A1ce")):
            page = (tmp_path / f"out/{lang}tags/{old}/index.html").read_text()
            assert f'<link rel="canonical" href="https://example.github.io/repo/{lang}tags/{new}/">' in page, (lang, old)
