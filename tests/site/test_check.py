"""`check`: every validation without writing, plus the warnings an author should see."""

from __future__ import annotations

from helpers import ESSAY_EN, ESSAY_ES, SITE_YML, make_content, run_cli

SITE_WITH_SEARCH = SITE_YML.replace("search: false", "search: true")


def test_check_warns_about_missing_translations_unknown_tags_and_hidden_parents(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\ntags: [mystery]\n---\n\nUno.\n\nDos.\n",
        "posts/hola/comments/1.es.md": "---\nauthor: A\nstatus: pending\n---\n\nEspera.\n",
        "posts/hola/comments/1.en.md": "---\ntranslation_of: es\n---\n\nWaits.\n",
        "posts/hola/comments/2.es.md": "---\nauthor: B\nreply_to: \"1\"\n---\n\nRespuesta.\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/posts/hola/comments/2.es.md: warning: this comment has no `en` translation (main_language)",
        "content/posts/hola/comments/2.es.md:3: warning: answers `1`, which is not published; "
        "it is shown at the top of the thread",
        "content/posts/hola/index.es.md:4: warning: tag `mystery` is not in site.yml tags; its label is its key in every language: add it to site.yml's `tags` with a label for each (`mystery: {en: …, es: mystery, ro: …}`)",
    ]
    assert not (tmp_path / "output").exists()


def test_a_tag_missing_from_site_yml_is_said_in_a_run_that_fails_on_another_file(tmp_path):
    """The warning was made only once the model had no errors: a writer fixing six errors met it after."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\ntags: [Montagna]\n---\n\nUno.\n\nDos.\n",
        "posts/otra/index.es.md": "---\ntitle: Otra\ndate: 2026-02-30\n---\n\nUno.\n"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert "content/posts/hola/index.es.md:4: warning: tag `Montagna` is not in site.yml tags; its label is " \
           "its key in every language: add it to site.yml's `tags` with a label for each " \
           "(`Montagna: {en: …, es: Montagna, ro: …}`)" in result.stderr.splitlines(), result.stderr
    assert any(line.startswith("content/posts/otra/index.es.md:3: ") for line in result.stderr.splitlines())


def test_an_essay_whose_files_cannot_be_read_is_one_error_each_not_one_per_comment(tmp_path):
    """Each of its comments was also said to belong to a post "which has no index.<lang>.md", which it has."""
    content = make_content(tmp_path, {
        "posts/hola/comments/1.es.md": "---\nauthor: A\n---\n\nBien.\n",
        "posts/hola/comments/1.en.md": "---\ntranslation_of: es\n---\n\nGood.\n",
    })
    for name in ("index.es.md", "index.en.md"):
        path = content / "posts/hola" / name
        path.write_bytes(path.read_bytes() + "\nCaña.\n".encode("latin-1"))
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["content/posts/hola/index.en.md:10: not valid UTF-8",
                                          "content/posts/hola/index.es.md:10: not valid UTF-8"]
    assert result.stdout == "2 content errors\n"


def test_check_locates_a_dropped_paragraph(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUn primer párrafo corto.\n\n"
                                  "Un segundo párrafo bastante más largo que el primero, con muchas palabras.\n\n"
                                  "Y un tercero.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nA short first paragraph.\n\n"
                                  "And a third.\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/posts/hola/index.en.md:8: translation has 2 blocks, original has 3; original block 2 "
        "“Un segundo párrafo bastante más largo…” has no counterpart: probably dropped before translation block 2")


def test_check_reports_a_static_file_that_would_replace_a_generated_one_as_build_does(tmp_path):
    content = make_content(tmp_path, {"static/assets/style.css": "body {}", "static/feed.xml": "<feed/>",
                                      "static/es/posts/hola/index.html": "<p>mine</p>", "static/robots.txt": "ok",
                                      "static/pagefind/pagefind.js": "1", "site.yml": SITE_WITH_SEARCH})
    checked = run_cli("check", "--content", str(content), cwd=tmp_path)
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"), cwd=tmp_path)
    assert checked.returncode == built.returncode == 1
    assert checked.stderr.splitlines() == [
        # the site is published under /repo/: a warning, not one of the clashes
        "content/static/robots.txt: warning: crawlers read robots.txt only at the host's root "
        "(https://example.github.io/robots.txt); this site is published under /repo/, where it is not read: remove it, "
        "or put its lines in the one at the host's root",
        "content/static/assets/style.css: would replace the site's own `assets/style.css`, which the build makes; "
        "rename or remove it",
        "content/static/es/posts/hola/index.html: would replace the site's own `es/posts/hola/index.html`, which "
        "the build makes; rename or remove it",
        "content/static/feed.xml: would replace the site's own `feed.xml`, which the build makes; rename or remove it",
        "content/static/pagefind/pagefind.js: would replace the site's own `pagefind/pagefind.js`, which the build "
        "makes; rename or remove it"]
    assert built.stderr == checked.stderr
    assert checked.stdout == "4 content errors\n"  # check never writes, so says nothing of it
    assert built.stdout == "4 content errors; nothing was written\n"
    assert not (tmp_path / "output").exists()


def test_a_static_file_where_an_old_address_is_answered_names_that_alias_or_redirect(tmp_path):
    """The walk's writer was told the static file would replace "the site's own" page, and could not
    find which: it was the page an essay's alias (or a site.yml redirect) makes there."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\naliases: [/viejo/]\n"),
        "site.yml": SITE_YML + "redirects:\n  /old.html: /posts/hola/\n",
        "static/viejo/index.html": "<p>mine</p>", "static/old.html": "<p>mine</p>", "static/logo.svg": "<svg/>"})
    hola = content / "posts/hola/index.es.md"  # an alias at a file's name: its page is a folder where the file goes
    hola.write_text(hola.read_text().replace("aliases: [/viejo/]", "aliases: [/viejo/, /logo.svg]"))
    for command in (["check"], ["build", "--output", str(tmp_path / "output")]):
        said = run_cli(*command, "--content", str(content), cwd=tmp_path).stderr.splitlines()
        assert said == [
            "content/static/logo.svg: would replace `logo.svg/`, the page that sends readers on from `/logo.svg` "
            "(content/posts/hola/index.es.md): rename or remove one of them",
            "content/static/old.html: would replace `old.html`, the page that sends readers on from `/old.html` "
            "(content/site.yml:9): rename or remove one of them",
            "content/static/viejo/index.html: would replace `viejo/index.html`, the page that sends readers on "
            "from `/viejo/` (content/posts/hola/index.es.md): rename or remove one of them"], said
    assert not (tmp_path / "output").exists()


def test_a_static_file_replacing_one_every_site_makes_is_said_beside_the_contents_errors_in_one_run(tmp_path):
    """A writer learnt of `static/feed.xml` only once the essay's error was fixed: one run later."""
    content = make_content(tmp_path, {"static/feed.xml": "<feed/>", "static/assets/style.css": "body {}",
                                      "static/en/comments/feed.xml": "<feed/>", "static/notes.txt": "mine",
                                      "posts/hola/index.es.md": ESSAY_ES.replace('title: "Hola"\n', "")})
    for command in (["check"], ["build", "--output", str(tmp_path / "output")]):
        said = run_cli(*command, "--content", str(content), cwd=tmp_path).stderr.splitlines()
        assert said == [
            "content/posts/hola/index.es.md:1: missing required key `title`",
            "content/static/assets/style.css: would replace the site's own `assets/style.css`, which the build "
            "makes; rename or remove it",
            "content/static/en/comments/feed.xml: would replace the site's own `en/comments/feed.xml`, which the "
            "build makes; rename or remove it",
            "content/static/feed.xml: would replace the site's own `feed.xml`, which the build makes; rename or "
            "remove it"], said
    assert not (tmp_path / "output").exists()


def test_a_static_file_replacing_an_essay_s_or_a_page_s_own_page_is_said_beside_the_contents_errors(tmp_path):
    """A contract audit: `static/posts/hola/index.html` was said only once a page's error was fixed, a run
    later. A draft's pages are not made, and a static file in their place is no clash."""
    draft = ESSAY_ES.replace("author: Ana\n", "author: Ana\ndraft: true\n")
    content = make_content(tmp_path, {"static/posts/hola/index.html": "x", "static/es/posts/hola/index.html": "x",
                                      "static/about/index.html": "x", "static/en/about/index.html": "x",
                                      "pages/about/index.en.md": ESSAY_EN.replace("translation_of: es", "author: Ana"),
                                      "posts/draft/index.es.md": draft, "static/posts/draft/index.html": "x",
                                      # a translation's `draft` is ignored: its essay is no draft (a review)
                                      "posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "translation_of: es\ndraft: true"),
                                      "pages/search/index.en.md": ESSAY_EN.replace("translation_of: es", "author: Ana")})
    said = run_cli("check", "--content", str(content), cwd=tmp_path).stderr.splitlines()
    assert "content/pages/search/index.en.md: page slug `search` collides with the site's own address /search/ (its " \
           "search); rename the folder content/pages/search" in said
    made = [line.split(":")[0] for line in said if "would replace the site's own" in line]
    assert sum("about" in line for line in said) == 2, said  # static/about: said once, as validation says it (a review)
    assert ("content/pages/about/index.en.md: page slug `about` collides with the static file "
            "content/static/about/index.html; rename the folder content/pages/about") in said
    assert made == ["content/static/en/about/index.html",
                    "content/static/es/posts/hola/index.html", "content/static/posts/hola/index.html"], said


def test_a_static_file_replacing_one_of_the_site_s_is_said_beside_an_error_of_site_yml_alone(tmp_path):
    """A review: with `timezone: Mars/Olympus` the only other error, no clash was said, not even `feed.xml`."""
    content = make_content(tmp_path, {"static/feed.xml": "<feed/>", "static/posts/hola/index.html": "x"})
    (content / "site.yml").write_text((content / "site.yml").read_text() + "timezone: Mars/Olympus\n")
    said = run_cli("check", "--content", str(content), cwd=tmp_path).stderr.splitlines()
    assert [line.split(":")[0] for line in said if "would replace" in line] == [
        "content/static/feed.xml", "content/static/posts/hola/index.html"], said
    assert any(line.startswith("content/site.yml:8: timezone must be an IANA time zone") for line in said), said


def test_a_static_file_where_the_site_has_a_folder_or_inside_one_of_its_files_is_an_error_of_check_and_build(tmp_path):
    """`static/posts` (a file) would stand where every essay's folder goes; `static/feed.xml/x` inside
    the feed; a file `with-en` beside a post where its other translation's page goes."""
    content = make_content(tmp_path, {"static/posts": "x", "static/feed.xml/x": "x", "static/es": "x",
                                      "posts/hola/index.ro.md": ESSAY_EN, "posts/hola/with-ro": "x"})
    checked = run_cli("check", "--content", str(content), cwd=tmp_path)
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"), cwd=tmp_path)
    assert checked.returncode == built.returncode == 1, built.stderr
    said = [line.split(": would replace the site's own ")[:2] for line in checked.stderr.splitlines()]
    assert said == [["content/posts/hola/with-ro", "`posts/hola/with-ro/`, which the build makes; rename or remove it"],
                    ["content/static/es", "`es/`, which the build makes; rename or remove it"],
                    ["content/static/feed.xml/x", "`feed.xml`, which the build makes; rename or remove it"],
                    ["content/static/posts", "`posts/`, which the build makes; rename or remove it"]], checked.stderr
    assert built.stderr == checked.stderr
    assert not (tmp_path / "output").exists()


def test_a_bad_setting_and_a_bad_essay_are_reported_in_one_run(tmp_path):
    """A site.yml key that fails its check takes its default while the content is checked, so an author
    fixes everything after one run, not one file per run."""
    content = make_content(tmp_path, {
        "site.yml": SITE_YML + "per_page: -3\ntimezone: Europe/Nowhere\n",
        "posts/hola/index.en.md": "---\ntitle: [unclosed\ntranslation_of: es\n---\n\nFirst.\n\nSecond.\n",
    })
    for command in (["check"], ["build", "--output", str(tmp_path / "out")]):
        result = run_cli(*command, "--content", str(content), cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
            "content/posts/hola/index.en.md:2", "content/site.yml:8", "content/site.yml:9"], result.stderr
        assert result.stdout.startswith("3 content errors")
    assert not (tmp_path / "out").exists()


def test_without_its_languages_site_yml_alone_is_reported(tmp_path):
    """The content cannot be read without the languages: their error comes alone, not a flood about every file."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("languages: {en: English, es: Español, ro: Română}",
                                                                   "languages: [en, es]")})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("content/site.yml:3: languages must map language tags")
    assert "posts/" not in result.stderr


def test_a_redirect_or_menu_link_to_no_page_of_the_site_is_a_warning_on_its_line(tmp_path):
    """A typo in a redirect's new address or a menu link would send readers to the 404 page: the author hears of it."""
    content = make_content(tmp_path, {
        "site.yml": SITE_YML + "redirects:\n  /old/: /posts/hola/\n  /typo/: /posts/hloa/\n  /a/: /old/\n"
                               "  /b/: \"/tags/values/#top\"\n  /c/: /robots.txt\n  /d/: \"/es/posts/hola/?x=1\"\n"
                               "menu:\n  - url: /search/\n    label: Search\n  - url: /abuot/\n    label: About\n",
        "static/robots.txt": "User-agent: *\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/static/robots.txt: warning: crawlers read robots.txt only at the host's root "
        "(https://example.github.io/robots.txt); this site is published under /repo/, where it is not read: remove it, "
        "or put its lines in the one at the host's root",
        "content/site.yml:10: warning: redirect `/typo/` leads to `/posts/hloa/`, which is no page of this site: "
        "its readers would find the page-not-found page",
        # search: false in this site.yml: no search page is built, so a link to it leads nowhere
        "content/site.yml:16: warning: menu entry `/search/` is no page of this site: its readers would find the "
        "page-not-found page",
        "content/site.yml:18: warning: menu entry `/abuot/` is no page of this site: its readers would find the "
        "page-not-found page"]


def warnings_about(word: str, content, cwd) -> list[str]:
    """The lines of a passing `check` that speak of `word`."""
    result = run_cli("check", "--content", str(content), cwd=cwd)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if word in line]


def test_a_heading_that_skips_a_level_is_a_warning_at_its_line_in_original_and_page(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n\n## Dos\n\nTres.\n\n#### Cuatro\n\n"
                                  "<h6>Seis</h6>\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\n## Two\n\nThree.\n\n"
                                  "### Four\n\n<h6>Six</h6>\n",
        "pages/acerca/index.es.md": "---\ntitle: Acerca\n---\n\n### Quiénes\n\nNosotras.\n",
        "posts/hola/comments/1.es.md": "---\nauthor: A\n---\n\n### Un título en un comentario\n",
    })
    assert warnings_about("heading", content, tmp_path) == [
        "content/pages/acerca/index.es.md:5: warning: a level-3 heading right under the title: a screen reader's "
        "outline then misses a level; make it level 2 (`##`)",
        # the translation's heading is not at its original's level either
        "content/posts/hola/index.en.md:12: warning: block 4 is a level-3 heading here, a level-4 heading in the "
        "original: is its Markdown written as the original's?",
        "content/posts/hola/index.en.md:14: warning: a level-6 heading after a level-3 one: a screen reader's "
        "outline then misses a level; make it level 4 (`####`)",
        "content/posts/hola/index.es.md:12: warning: a level-4 heading after a level-2 one: a screen reader's "
        "outline then misses a level; make it level 3 (`###`)",
    ]


def test_every_image_missing_from_a_file_is_said_in_one_run_once_each(tmp_path):
    """An errors audit: of three missing pictures only the first was said, the next after its fix."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\n![Uno](uno.png) ![Dos](dos.png)\n\n"
                                  "Texto.\n\n![Tres](tres.png) ![Uno otra vez](uno.png)\n\n"
                                  "<!-- <img src=\"apartada.png\"> -->\n",  # set aside: shown by no page
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\nText.\n\nThree.\n\n"
                                  "<!-- -->\n",
    })
    assert [line.split(": the page")[0] for line in warnings_about("image", content, tmp_path)] == [
        "content/posts/hola/index.es.md:6: warning: the image `dos.png` is not in content/posts/hola/",
        "content/posts/hola/index.es.md:6: warning: the image `uno.png` is not in content/posts/hola/",
        "content/posts/hola/index.es.md:10: warning: the image `tres.png` is not in content/posts/hola/",
    ]  # in the order of every warning: by file, line, then words


def test_an_image_missing_from_its_folder_or_static_is_a_warning_at_its_line(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n\n![Un plano](plano.png)\n\n"
                                  "![Otro](mi%20foto.png) ![Lejos](https://example.org/a.png)\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\n![A plan](plano.png)\n\n"
                                  "![Other](mi%20foto.png) ![Far](https://example.org/a.png)\n",
        "posts/hola/mi foto.png": "png",
        "pages/acerca/index.es.md": "---\ntitle: Acerca\n---\n\n![Logo](/logo.svg)\n\n![Aquí](../../posts/hola/mi%20foto.png)\n",
        "static/favicon.png": "png",
    })
    assert warnings_about("image", content, tmp_path) == [
        "content/pages/acerca/index.es.md:5: warning: the image `/logo.svg` is not in content/static/: "
        "the page would show it broken",
        "content/posts/hola/index.en.md:8: warning: the image `plano.png` is not in content/posts/hola/: "
        "the page would show it broken",
        "content/posts/hola/index.es.md:8: warning: the image `plano.png` is not in content/posts/hola/: "
        "the page would show it broken",
    ]
    (content / "posts/hola/plano.png").write_text("png")
    (content / "static/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert warnings_about("image", content, tmp_path) == []


def test_a_redirect_to_a_tag_page_no_essay_makes_is_a_warning_too(tmp_path):
    """The contract's own example, `/category/clientes/: /tags/clients/`, on a site with no such tag."""
    content = make_content(tmp_path, {
        "site.yml": SITE_YML + "redirects:\n  /category/clientes/: /tags/clients/\n  /old-feed/: /feed.xml\n"
                               "  /hello/: /posts/hola/#p1\n  /pics/: /static-photo.png\n",
        "static/static-photo.png": "png"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/site.yml:9: warning: redirect `/category/clientes/` leads to `/tags/clients/`, which is no page "
        "of this site: its readers would find the page-not-found page"]
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert built.returncode == 0 and built.stderr.splitlines()[0].startswith("content/site.yml:9: warning: redirect")
    assert "1 warning" in built.stdout


def test_a_renamed_tag_s_old_address_redirects_to_its_new_page(tmp_path):
    """A conformance audit: `/tags/viejo/` was "an address of the site's own pages" though no tag of that
    name was left, so a renamed tag's readers met the page-not-found page; a tag the site has stays refused."""
    content = make_content(tmp_path, {
        "site.yml": SITE_YML + "redirects:\n  /tags/viejo/: /tags/nuevo/\n  /en/tags/viejo/page/2/: /en/tags/nuevo/\n",
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [Nuevo]")})
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    for old, new in (("tags/viejo/index.html", "../nuevo/"), ("en/tags/viejo/page/2/index.html", "../../../nuevo/")):
        page = (tmp_path / "out" / old).read_text()
        assert f'content="0; url={new}"' in page and 'name="robots" content="noindex"' in page, page
    assert (tmp_path / "out/tags/nuevo/index.html").is_file()
    (content / "site.yml").write_text(SITE_YML + "redirects:\n  /tags/Nuevo/: /\n")
    refused = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert refused.returncode == 1 and "redirect `/tags/Nuevo/` is an address of the site's own pages" in refused.stderr
    # a tag site.yml declares has its pages, used or not: its address is the site's own (it crashed the build)
    (content / "site.yml").write_text(SITE_YML.replace("tags:\n", "tags:\n  sin-uso: {es: Nada}\n")
                                      + "redirects:\n  /es/tags/sin-uso/: /\n")
    refused = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert "redirect `/es/tags/sin-uso/` is an address of the site's own pages" in refused.stderr


def test_a_link_to_no_page_of_the_site_is_a_warning_at_the_line_that_writes_it(tmp_path):
    """A post folder renamed left imported links to its old slug, and nothing said so."""
    links = ("Ver [otro](../otro/), [la foto](foto.png), [viejo](../viejo/), [el sitio](/repo/tags/), "
             "[la raíz](/tags/values/), [arriba](#p1), [fuera](https://example.org/x), ![falta](falta.png), "
             "[acerca](/acerca/) y [ayer](/repo/posts/ayer/#c).")
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("Segundo párrafo.", links).replace("author: Ana", "author: Ana\ntags: [values]"),
        "posts/hola/index.en.md": ESSAY_EN.replace("Second paragraph.", "See [the old one](../viejo/)."),
        "posts/hola/foto.png": "png",
        "posts/otro/index.es.md": ESSAY_ES,
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nComo [dije](../viejo/#comment-2).\n",
        "pages/acerca/index.es.md": "---\ntitle: Acerca\n---\n\n[Inicio](../) y [nada](../nada/).\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = sorted(line for line in result.stderr.splitlines() if "link to" in line)
    tail = "leads to no page or file of this site (a post renamed or deleted?): its readers would find the page-not-found page"
    assert said == [f"content/pages/acerca/index.es.md:5: warning: link to `../nada/` {tail}",
                    f"content/posts/hola/comments/c1.es.md:5: warning: link to `../viejo/#comment-2` {tail}",
                    f"content/posts/hola/index.en.md:8: warning: link to `../viejo/` {tail}",
                    f"content/posts/hola/index.es.md:9: warning: link to `../viejo/` {tail}",
                    f"content/posts/hola/index.es.md:9: warning: link to `/repo/posts/ayer/#c` {tail}"]
    assert "the image `falta.png` is not in content/posts/hola/" in result.stderr  # said once, by validation
    # the example's base_url has the sub-path /repo/: a link from the root is named as the writer wrote it
    (content / "pages/acerca/index.es.md").write_text("---\ntitle: Acerca\n---\n\n[Viejo](/posts/viejo/).\n")
    said = [line for line in run_cli("check", "--content", str(content), cwd=tmp_path).stderr.splitlines()
            if "acerca" in line and "link to" in line]
    assert said == [f"content/pages/acerca/index.es.md:5: warning: link to `/posts/viejo/` {tail}"]


def test_check_says_what_the_preview_would_refuse_in_a_draft(tmp_path):
    """A draft whose alias is a page's address passed `check`; `build --drafts` failed on it and `serve`
    answered every page with the error (a red team, 2026-12). A build leaves drafts out: a warning."""
    draft = ESSAY_EN.replace("translation_of: es\n", "").replace("---\n\n", "author: Ana\ndraft: true\naliases: [/posts/hola/]\n---\n\n", 1)
    content = make_content(tmp_path, {"posts/borrador/index.en.md": draft})
    checked = run_cli("check", "--content", str(content))
    assert checked.returncode == 0, checked.stderr
    assert ("content/posts/borrador/index.en.md:5: warning: with drafts shown (`serve`, `build --drafts`): alias "
            "`/posts/hola/`") in checked.stderr, checked.stderr
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0


def test_a_comment_holding_only_the_forms_placeholder_is_named_by_check(tmp_path):
    """A participation walk: a reader's empty proposal, merged as it came ("Your comment, in Markdown."),
    passed `check` without a word and was published."""
    make_content(tmp_path, {"posts/hola/comments/r1-aaaaaaaa.es.md": "---\nauthor: Anonymous\n---\n\nTu comentario, en Markdown.\n",
                            "posts/hola/comments/r2-bbbbbbbb.en.md": "---\nauthor: Bo\n---\n\nYour comment, in Markdown.\n",
                            "posts/hola/comments/r3-cccccccc.es.md": "---\nauthor: Cy\n---\n\nTu comentario, en Markdown, me gusta.\n"})
    said = run_cli("check", cwd=tmp_path).stderr
    for name in ("r1-aaaaaaaa.es.md", "r2-bbbbbbbb.en.md"):
        assert f"content/posts/hola/comments/{name}: warning: this comment holds only the form's placeholder" in said
    assert "r3-cccccccc.es.md: warning: this comment holds only" not in said


def test_an_image_named_in_another_letter_case_or_misspelt_asks_for_the_file_beside_it(tmp_path):
    """`Mangueira.PNG` and `mangeira.png` were said to be missing and no more, where tags and dates
    one letter off are asked about (a new user, 2026-12)."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n\n![Un árbol](Mangueira.PNG)\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\n![A tree](fotos/mangeira.png)\n",
        "posts/hola/mangueira.png": "png",
        "posts/hola/fotos/mangueira.png": "png",
        "posts/hola/Foto Rio.png": "png",
        "posts/hola/index.ro.md": "---\ntitle: Salut\ntranslation_of: es\n---\n\nUnu.\n\n![Râul](Foto%20Rio.PNG)\n",
        "pages/acerca/index.es.md": "---\ntitle: Acerca\n---\n\n![Logo](/logo-x.svg) ![Otro](/lejos.svg)\n",
        "static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    assert warnings_about("image", content, tmp_path) == [
        "content/pages/acerca/index.es.md:5: warning: the image `/lejos.svg` is not in content/static/: "
        "the page would show it broken",
        "content/pages/acerca/index.es.md:5: warning: the image `/logo-x.svg` is not in content/static/: "
        "the page would show it broken; is it meant to be `/logo.svg`?",
        "content/posts/hola/index.en.md:8: warning: the image `fotos/mangeira.png` is not in content/posts/hola/: "
        "the page would show it broken; is it meant to be `fotos/mangueira.png`?",
        "content/posts/hola/index.es.md:8: warning: the image `Mangueira.PNG` is not in content/posts/hola/: "
        "the page would show it broken; is it meant to be `mangueira.png`?",
        "content/posts/hola/index.ro.md:8: warning: the image `Foto%20Rio.PNG` is not in content/posts/hola/: "
        "the page would show it broken; is it meant to be `Foto%20Rio.png`?",
    ]


def test_messages_name_the_content_folder_as_the_author_gave_it(tmp_path):
    """`--content src`: a message that says `content/static/` sends the author to a folder they do not have."""
    src = make_content(tmp_path, {"static/robots.txt": "ok", "static/faq": "a file", "static/shop.js": "1",
                                  "posts/hola/notes.html": "<p>mine</p>",
                                  "pages/faq/index.es.md": "---\ntitle: Preguntas\nauthor: Ana\n---\n\nUna.\n"})
    src.rename(tmp_path / "src")
    checked = run_cli("check", "--content", "src", cwd=tmp_path)
    assert checked.returncode == 1
    assert "content/" not in checked.stderr
    lines = checked.stderr.splitlines()
    assert ("src/pages/faq/index.es.md: page slug `faq` collides with the static file src/static/faq; "
            "rename the folder src/pages/faq") in lines
    assert any(line.startswith("src/static/robots.txt: warning: crawlers read robots.txt") for line in lines)
    assert any(line.startswith("src/posts/hola/notes.html: warning: not published") and "src/static/ publishes" in line
               for line in lines)


def test_a_drafts_tag_missing_from_site_yml_is_said_but_makes_no_tag_page(tmp_path):
    """`new post` starts every essay as a draft: a misspelt tag said only on publishing day is said too late."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\ndraft: true\ntags: [valuez]\n---\n\nUno.\n\nDos.\n",
    })
    checked = run_cli("check", "--content", str(content), cwd=tmp_path)
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"), cwd=tmp_path)
    assert checked.returncode == built.returncode == 0
    said = "content/posts/hola/index.es.md:5: warning: tag `valuez` is not in site.yml tags; its label is its key"
    assert said + "; is it meant to be `values`?" in checked.stderr.splitlines()
    assert said + "; is it meant to be `values`?" in built.stderr.splitlines()
    assert not (tmp_path / "output" / "tags" / "valuez").exists()


def test_a_block_translated_as_another_kind_is_a_warning_at_its_line(tmp_path):
    """The counts match, so nothing else says it: the pair would show a heading beside a line of prose."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\n## El río\n\nEra ancho.\n\n1. uno\n2. dos\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nThe river\n\nIt was wide.\n\n"
                                  "1. one\n2. two\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert ("content/posts/hola/index.en.md:6: warning: block 1 is a paragraph here, a level-2 heading in the "
            "original: is its Markdown written as the original's?") in result.stderr.splitlines()
    assert "block 3" not in result.stderr  # a numbered list translated as one
    # a draft's translation is work in progress, which `check --strict` on a pull request must not refuse
    essay = content / "posts/hola/index.es.md"
    essay.write_text(essay.read_text().replace("author: Ana\n", "author: Ana\ndraft: true\n"))
    drafted = run_cli("check", "--strict", "--content", str(content), cwd=tmp_path)
    assert drafted.returncode == 0 and "is a paragraph here" not in drafted.stderr


def test_a_comment_authors_name_holding_invisible_characters_is_a_warning(tmp_path):
    """Every import takes them out; a proposal's file merged as it came may hold them, and `Eve‮gnp.exe` reads
    as a name it is not. The check workflow on the pull request says so."""
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": '---\nauthor: "Eve\\u202e\\u200bgnp.exe"\n---\n\nHola.\n',
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nHello.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: \"Zoë\"\n---\n\nHola.\n",
        "posts/hola/comments/c2.en.md": "---\ntranslation_of: es\n---\n\nHello.\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/posts/hola/comments/c1.es.md:2: warning: the name holds characters no one sees (U+200B, U+202E), "
        "which can make it read as another (an override turns `gnp.exe` into `exe.png`): remove them"]


def test_a_direction_override_in_a_title_or_summary_is_a_warning(tmp_path):
    """A red team: an imported title `\u202eDots gnp.exe` turned the words after it in the browser's tab
    (`· Bienvenida · Red`), the feeds and the cards, with no word from check."""
    content = make_content(tmp_path, {
        "posts/dots/index.es.md": '---\ntitle: "\\u202eDots gnp.exe"\nsummary: "Un \\u202dresumen"\nauthor: Ana\n---\n\nTexto.\n',
        "posts/dots/index.en.md": '---\ntitle: "Dots \\u2067نقطة\\u2069"\ntranslation_of: es\n---\n\nText.\n',
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert [line for line in result.stderr.splitlines() if "direction controls" in line] == [
        "content/posts/dots/index.es.md:2: warning: the title holds direction controls (U+202E), which turn the words "
        "after them where it stands alone (a browser's tab, a feed): remove them",
        "content/posts/dots/index.es.md:3: warning: the summary holds direction controls (U+202D), which turn the "
        "words after them where it stands alone (a browser's tab, a feed): remove them"], result.stderr


def test_a_direction_override_in_a_comments_text_or_website_is_a_warning(tmp_path):
    """A merged proposal's text held U+202E with no word from check: the words after it show reversed, an
    address reads as another (a red team's). Its website with one is left out, as one not http(s) is."""
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": ('---\nauthor: Eve\nurl: "https://ex.org/\\u202eabc"\n---\n\n'
                                         "Uno.\n\nBaja aquí: \u202egnp.exe\n"),
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nOne.\n\nGet it here: \u202egnp.exe\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Zoë\nurl: HTTPS://zoe.example.org/\n---\n\n"
                                        "Escribo \u2067عربي\u2069 y \u200fsigo.\n",
        "posts/hola/comments/c2.en.md": "---\ntranslation_of: es\n---\n\nI write \u2067عربي\u2069 on.\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert sorted(result.stderr.splitlines()) == [
        "content/posts/hola/comments/c1.en.md:7: warning: the text holds a direction override (U+202D or U+202E), "
        "which shows the words after it reversed and can make them read as others: remove it",
        "content/posts/hola/comments/c1.es.md:3: warning: url `https://ex.org/\\u202eabc` holds a direction control "
        "(U+202E), which can show it as another address; it is left out",
        "content/posts/hola/comments/c1.es.md:8: warning: the text holds a direction override (U+202D or U+202E), "
        "which shows the words after it reversed and can make them read as others: remove it",
    ], result.stderr


def test_a_translation_without_the_originals_footnotes_is_told_to_write_them(tmp_path):
    """It said "original block 3 “Dicho popular.” has no counterpart: probably dropped before translation block 3",
    in a translation of two blocks: the notes are one block at the end, written `[^a]: …`."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno[^a].\n\nDos.\n\n[^a]: Dicho popular.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne[^a].\n\nTwo.\n"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/posts/hola/index.en.md:8: translation has 2 blocks, original has 3; the original's footnotes (its "
        "last block) have no counterpart: write the translation's notes at its end, `[^1]: …` for each")


def test_a_table_translated_with_a_row_fewer_is_a_warning_at_its_line(tmp_path):
    """A list's translation with an item fewer was said; a table's with a row fewer was not."""
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": f"---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n\n{table}",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\n"
                                  "| a | b |\n|---|---|\n| 1 | 2 |\n"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert ("content/posts/hola/index.en.md:8: warning: block 2 is a table of 2 rows, its original's has 3: a row "
            "left out?") in result.stderr.splitlines()


def test_a_list_written_with_no_blank_line_before_it_is_named_as_the_cause(tmp_path):
    """Markdown reads such a list as part of the paragraph above: the message said the original's list was
    dropped, though it is plainly in the file."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nLos bancos:\n\n1. de piedra\n2. de madera\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nThe benches:\n1. of stone\n"
                                  "2. of wood\n"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].endswith(
        "(translation block 1 holds lines written as a list's items: a list needs a blank line before it, or "
        "Markdown reads it as part of the paragraph above)")


def test_a_comment_dated_after_tomorrow_is_named_by_check(tmp_path):
    """A red team: a proposal dated 2099 passed `check` without a word and headed the comment archive and its
    feed; `import mail` and `import issue` already leave such a date out."""
    import os
    content = make_content(tmp_path, {
        "posts/hola/comments/c2.es.md": "---\nauthor: Bea\ndate: 2099-01-01\n---\n\nRespuesta.\n",
        "posts/hola/comments/c3.es.md": "---\nauthor: Cy\ndate: 2023-11-15\n---\n\nHoy.\n"})
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14: tomorrow's date is no warning
    checked = run_cli("check", "--content", str(content), env=env)
    assert checked.returncode == 0
    ahead = [line for line in checked.stderr.splitlines() if "after tomorrow" in line]
    assert ahead == ["content/posts/hola/comments/c2.es.md:3: warning: this comment is dated 2099-01-01, after "
                     "tomorrow: it would head the comment archive and its feeds until then; write the day it was "
                     "written, or no date"], checked.stderr


def test_an_essay_or_page_with_nothing_below_its_front_matter_is_warned_of(tmp_path):
    """An errors audit: an essay of front matter alone published a page of its title, without a word."""
    content = make_content(tmp_path, {
        "posts/vacio/index.es.md": "---\ntitle: Vacío\nauthor: Ana\n---\n",
        "pages/acerca/index.es.md": "---\ntitle: Acerca\n---\n\n\n"})
    assert warnings_about("nothing below", content, tmp_path) == [
        "content/pages/acerca/index.es.md: warning: nothing below the front matter: its page shows the title alone; "
        "write the text here",
        "content/posts/vacio/index.es.md: warning: nothing below the front matter: its page shows the title alone; "
        "write the text here"]


def test_a_name_longer_than_the_form_takes_is_warned_of_and_strict_refuses_it(tmp_path):
    """A red team: a pull request's comment file with a 5,000-character name passed `check --strict`, which
    guards such pull requests, though the form and the imports take 200: the page drew it in a block
    4,000 pixels tall on a phone, and every reply link repeated it."""
    from tertulia.reading.fields import LONGEST_NAME
    make_content(tmp_path, {"posts/hola/comments/c1.es.md": f"---\nauthor: \"{'N' * 5000}\"\n---\n\nHola.\n",
                            "posts/hola/comments/c2.es.md": f"---\nauthor: \"{'M' * LONGEST_NAME}\"\n---\n\nHola.\n"})
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0
    assert ("content/posts/hola/comments/c1.es.md:2: warning: the name is 5,000 characters long; the comment form "
            "and the import of a proposal take at most 200: shorten it") in check.stderr
    assert "c2.es.md:2:" not in check.stderr  # as long as the form takes is fine
    (tmp_path / "content/posts/hola/comments/c2.es.md").unlink()
    (tmp_path / "content/posts/hola/comments/c1.en.md").write_text("---\ntranslation_of: es\n---\n\nHello.\n")
    strict = run_cli("check", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "the name is 5,000 characters long" in strict.stderr


def test_a_name_s_length_is_counted_as_the_form_counts_its_letters(tmp_path):
    """A review: 101 letters `é` written as `e` and a combining accent were "202 characters long"."""
    import unicodedata
    name = unicodedata.normalize("NFD", "é" * 101)
    make_content(tmp_path, {"posts/hola/comments/c1.es.md": f"---\nauthor: \"{name}\"\n---\n\nHola.\n"})
    assert "characters long" not in run_cli("check", cwd=tmp_path).stderr


def test_a_thread_s_comments_without_the_main_language_are_one_warning(tmp_path):
    """A blog whose readers wrote in both languages drew one warning per comment on every build and every
    save in the preview (eleven for a new user's small blog): one line a thread names them all."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n",
        **{f"posts/hola/comments/{n}.es.md": f"---\nauthor: A\n---\n\nComentario {n}.\n" for n in (1, 2, 12, 3, 4, 5, 6, 7)},
        "posts/hola/comments/b.en.md": "---\nauthor: B\n---\n\nIn English.\n"})
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/posts/hola/comments/1.es.md: warning: this comment and 7 more of its thread (2.es.md, 3.es.md, "
        "4.es.md, 5.es.md, 6.es.md, …) have no `en` translation (main_language)"], result.stderr


def test_a_sub_list_indented_two_spaces_is_named_where_it_is_written(tmp_path):
    """`- Rhein` then `  - Köln`: GitHub's editor nests it, Python-Markdown draws one flat list, and nothing
    said so (a German writer's walk, session 74). Four spaces, a code block, a list at one indent: no word."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nRíos:\n\n- Rin\n  - Colonia\n  - Bonn\n- Danubio\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nRivers:\n\n- Rhine\n    - Cologne\n"
                                  "    - Bonn\n- Danube\n",
        "posts/hola/comments/1.es.md": "---\nauthor: A\n---\n\n```\n- a\n  - b\n```\n\n - uno\n - dos\n",
    })
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "indented" in line] == [
        "content/posts/hola/index.es.md:9: warning: this list item is indented less than 4 spaces under the one "
        "above: it is shown as the next item of the same list, not nested under it; indent a nested list by 4 spaces"]
    assert run_cli("check", "--strict", "--content", str(content), cwd=tmp_path).returncode == 1
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert built.returncode == 0 and "index.es.md:9: warning" in built.stderr
    assert "<li>Rhine<ul>" in (tmp_path / "out/en/posts/hola/index.html").read_text()  # four spaces nest
    assert "<li>Rin<ul>" not in (tmp_path / "out/es/posts/hola/index.html").read_text()  # as the warning says


def test_two_blocks_the_translator_swapped_are_said_swapped(tmp_path):
    """A translator's week: a quote and a list that had changed places were four warnings asking whether each
    block's Markdown was written as the original's, and none said they were swapped."""
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\n---\n\nUno.\n\n- a\n- b\n\n> Cita.\n\nFin.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nOne.\n\n> Quote.\n\n- a\n- b\n\nEnd.\n",
    })
    assert [line for line in run_cli("check", "--content", str(content), cwd=tmp_path).stderr.splitlines()
            if "block" in line] == [
        "content/posts/hola/index.en.md:8: warning: blocks 2 and 3 seem swapped: a block quote then a bulleted list "
        "here, a bulleted list then a block quote in the original; each stands beside the other's original until "
        "they change places"]


def test_a_tag_typed_with_an_arabic_keyboard_s_letters_names_the_site_s_tag_it_means(tmp_path):
    """An Urdu walk: `شهر` (Arabic's heh) beside site.yml's `شہر` became a second tag with its own pages, and the
    warning named neither."""
    from helpers import SITE_YML
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("  values:", "  شہر: {es: ciudad}\n  values:")})
    essay = content / "posts/hola/index.es.md"
    essay.write_text(essay.read_text().replace("author: Ana", "author: Ana\ntags: [شهر]"))
    warned = [line for line in run_cli("check", "--content", str(content), cwd=tmp_path).stderr.splitlines()
              if "tags" in line]
    assert warned and warned[0].endswith("is it meant to be `شہر`?"), warned
