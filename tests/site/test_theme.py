"""A site's own templates, assets and catalogs beside content/ replace the theme's, file by file."""

from __future__ import annotations

import re

from helpers import ESSAY_ES, ROOT, every_file, make_content, run_cli, write_tree

SITE_BASE = """\
{% extends "default/base.html" %}
{% block footer %}<p class="house-footer">Printed on our own press</p>{{ super() }}{% endblock %}
{% block head %}<meta name="generator-note" content="house theme">{% endblock %}
"""


def build(tmp_path, site_files: dict[str, str], content_files: dict[str, str] | None = None):
    content = make_content(tmp_path, content_files)
    write_tree(tmp_path, site_files)
    return run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"), "--no-cache")


def test_a_site_stylesheet_and_one_block_replace_the_themes_on_every_page(tmp_path):
    result = build(tmp_path, {"assets/style.css": "body { color: rebeccapurple; }\n", "templates/base.html": SITE_BASE})
    assert result.returncode == 0, result.stderr
    out = tmp_path / "output"
    assert (out / "assets/style.css").read_text() == "body { color: rebeccapurple; }\n"
    assert (out / "assets/reader.js").is_file()  # every file the site does not replace comes from the theme
    for page in ("index.html", "posts/hola/index.html", "es/posts/hola/index.html", "tags/index.html", "404.html"):
        html = (out / page).read_text()
        assert '<p class="house-footer">Printed on our own press</p>' in html, page
        assert "feed.xml\">" in html  # super(): the theme's footer is still there, after the site's line
        assert '<meta name="generator-note" content="house theme">' in html
    assert "warning" not in result.stderr


def test_an_edited_override_is_a_changed_input(tmp_path):
    assert build(tmp_path, {"assets/style.css": "a {}\n"}).returncode == 0
    (tmp_path / "assets/style.css").write_text("b {}\n")
    again = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"))
    assert again.returncode == 0 and (tmp_path / "output/assets/style.css").read_text() == "b {}\n"


def test_a_site_catalog_replaces_the_themes_words(tmp_path):
    catalog = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\nmsgid "Tags"\nmsgstr "Etiquetas de la casa"\n')
    result = build(tmp_path, {"locales/es/LC_MESSAGES/messages.po": catalog})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "output/es/index.html").read_text()
    assert "Etiquetas de la casa" in html
    # the words the site's catalog does not give stay the theme's Spanish, not English
    assert ">Comentarios<" in html and ">Ensayos<" in html and '<span lang="en">' not in html
    assert "warning" not in result.stderr
    # even its plural phrases, whose three forms follow the theme's rule, not the site catalog's two
    assert "1 min de lectura" in html


def test_an_override_the_theme_does_not_have_is_named_in_a_warning(tmp_path):
    result = build(tmp_path, {"templates/bsae.html": SITE_BASE, "assets/styles.css": "a {}\n"})
    assert result.returncode == 0
    assert ("templates/bsae.html: warning: the default theme has no templates/bsae.html, so this file "
            "replaces nothing; check its name") in result.stderr.splitlines()
    assert any(line.startswith("assets/styles.css: warning:") for line in result.stderr.splitlines())


def test_a_folder_named_as_a_theme_file_is_an_error_and_the_output_stays(tmp_path):
    """A mistaken `mkdir templates/home.html` left the theme's home page in place, and nothing said why;
    a folder `assets/reader.js/` holding a file failed the build on the disk ("File exists")."""
    assert build(tmp_path, {}).returncode == 0
    before = every_file(tmp_path / "output")
    (tmp_path / "templates/home.html").mkdir(parents=True)
    write_tree(tmp_path, {"assets/reader.js/notes.txt": "x"})
    for command in (["check"], ["build", "--output", str(tmp_path / "output")]):
        result = run_cli(*command, "--content", str(tmp_path / "content"))
        assert result.returncode == 1
        errors = [line for line in result.stderr.splitlines() if "is a folder" in line]
        assert errors == [
            "assets/reader.js: is a folder where the default theme has a file of that name: make it a file to "
            "replace the theme's, or rename it",
            "templates/home.html: is a folder where the default theme has a file of that name: make it a file to "
            "replace the theme's, or rename it"], result.stderr
        assert result.stdout.startswith("2 theme errors")  # not the content's
    assert every_file(tmp_path / "output") == before
    (tmp_path / "content/posts/hola/index.es.md").write_text("---\ntitle: [\n---\n\nHola.\n")
    mixed = run_cli("check", "--content", str(tmp_path / "content"))
    assert mixed.stdout == "3 errors\n", mixed.stderr  # of both kinds: neither word fits
    (tmp_path / "content/posts/hola/index.es.md").unlink()
    (tmp_path / "assets/reader.js/notes.txt").unlink()
    (tmp_path / "assets/reader.js").rmdir()
    again = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"))
    assert again.returncode == 1 and "templates/home.html: is a folder" in again.stderr  # an empty one too


def test_a_font_the_sites_own_stylesheet_loads_is_an_addition_not_a_misspelt_name(tmp_path):
    """`check --strict` failed a site whose site.css loads its own font."""
    base = ('{% extends "default/base.html" %}\n'
            "{% block head %}<link rel=\"stylesheet\" href=\"{{ href('assets/site.css') }}\">{% endblock %}\n")
    result = build(tmp_path, {"templates/base.html": base,
                              "assets/site.css": "@font-face { font-family: G; src: url(fonts/garden.woff2); }\n",
                              "assets/fonts/garden.woff2": "x", "assets/fonts/unused.woff2": "x"})
    assert result.returncode == 0
    warned = [line for line in result.stderr.splitlines() if "replaces nothing" in line]
    assert [line.split(":")[0] for line in warned] == ["assets/fonts/unused.woff2"], result.stderr


def test_the_author_guides_logo_stands_before_the_sites_name(tmp_path):
    guide = (ROOT / "docs/author-guide.md").read_text(encoding="utf-8")
    block = next(line.strip() for line in guide.splitlines() if line.strip().startswith("{% block site_title %}"))
    result = build(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n' + block + "\n",
                              "content/static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "output/index.html").read_text()
    assert re.search(r'<a class="site-title" href="./"[^>]*><img class="logo" src="logo.svg" alt="" width="32" '
                     r'height="32"> Test site</a>', html), html[:3000]


def test_a_stylesheet_the_sites_template_links_is_an_addition_not_a_misspelt_name(tmp_path):
    base = ('{% extends "default/base.html" %}\n'
            "{% block head %}<link rel=\"stylesheet\" href=\"{{ href('assets/site.css') }}\">{% endblock %}\n")
    result = build(tmp_path, {"templates/base.html": base, "assets/site.css": "a {}\n"})
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert 'href="assets/site.css"' in (tmp_path / "output/index.html").read_text()
    assert (tmp_path / "output/assets/site.css").read_text() == "a {}\n"


def test_a_macros_file_made_anew_names_each_macro_it_lacks_not_jinja_s_words(tmp_path):
    """A site's _macros.html with one macro gave `/…/site-packages/…/_essay_list.html:12: template error:
    'jinja2.environment.TemplateModule object' has no attribute 'reading_time'`: the site's file unnamed."""
    result = build(tmp_path, {"templates/_macros.html": '{% macro author_name(name, lang="") -%}<bdi>{{ name }}</bdi>{%- endmacro %}\n'})
    assert result.returncode == 1 and "TemplateModule" not in result.stderr, result.stderr
    said = result.stderr.splitlines()
    assert len(said) == 1 and result.stdout == "1 template error; nothing was written\n", said
    lacking = (ROOT / "templates/_macros.html").read_text().count("{% macro ") - 1  # all the theme's but author_name
    assert said[0].startswith(f"templates/_macros.html: template error: lacks {lacking} of the theme's macros (`byline`, "
                              "`discussion`,") and said[0].endswith("which its templates call; copy them from the theme's "
                                                                    "_macros.html")
    assert "`author_name`" not in said[0] and "`reading_time`" in said[0] or " …" in said[0]
    assert not (tmp_path / "output").exists()


def test_a_site_file_under_templates_default_is_never_read_and_said_so(tmp_path):
    """`templates/default/base.html` beside a base.html extending `default/base.html` was silently unused:
    that name is the theme's own (a red team, 2026-12)."""
    result = build(tmp_path, {"templates/default/base.html": "MINE {% block main %}{% endblock %}\n",
                              "templates/base.html": '{% extends "default/base.html" %}\n{% block footer %}F{% endblock %}\n'})
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        "templates/default/base.html: warning: `default/` names the default theme's own templates, so this file is "
        "never read; to replace the theme's base.html, put it in templates/ itself"]
    nested = build(tmp_path / "nested", {"templates/default/default/base.html": "MINE\n"})
    assert "to replace the theme's base.html, put it in templates/ itself" in nested.stderr, nested.stderr
    assert "MINE" not in (tmp_path / "output/index.html").read_text()


def test_a_misspelt_block_is_named_with_its_line_and_the_blocks_there_are(tmp_path):
    base = ('{% extends "default/base.html" %}\n{% block head %}{% endblock %}\n'
            "{% block foter %}<p>Impressum</p>{% block more %}{% endblock %}{% endblock %}\n")
    result = build(tmp_path, {"templates/base.html": base})
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "templates/base.html:3: warning: block `foter` is not one of default/base.html's (body_class, feeds, footer, "
        "head, main, masthead, menu, page_head, site_title, title), so it shows nowhere; check its name"]


def test_a_block_each_page_fills_itself_is_a_warning_in_a_site_s_base(tmp_path):
    """The guide listed `main` among base.html's blocks for a site: a base.html filling it changed no page,
    without a word (a red team, 2026-12)."""
    base = '{% extends "default/base.html" %}\n{% block main %}MINE{% endblock %}\n{% block footer %}F{% endblock %}\n'
    result = build(tmp_path, {"templates/base.html": base})
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and warnings[0].startswith(
        "templates/base.html:2: warning: block `main` is filled by each page's own template (404.html, comments.html, "
        "essay.html, home.html,"), warnings
    assert warnings[0].endswith("so what base.html puts there shows on no page; override it in those")
    assert "MINE" not in (tmp_path / "output/index.html").read_text()


def test_a_misspelt_block_and_a_misnamed_override_are_named_in_a_run_that_fails_on_content(tmp_path):
    """A writer fixing every problem of one run must see them all in it, warnings too."""
    base = '{% extends "default/base.html" %}\n{% block foter %}<p>Impressum</p>{% endblock %}\n'
    result = build(tmp_path, {"templates/base.html": base, "assets/styles.css": "a {}\n"},
                   {"posts/hola/index.es.md": "---\ntitle: [unclosed\n---\n\nHola.\n"})
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("content/posts/hola/index.es.md:") for line in lines), result.stderr
    assert any(line.startswith("templates/base.html:2: warning: block `foter`") for line in lines), result.stderr
    assert any(line.startswith("assets/styles.css: warning:") for line in lines), result.stderr


def test_a_broken_override_names_its_line_exits_1_and_keeps_the_output(tmp_path):
    assert build(tmp_path, {}).returncode == 0
    before = every_file(tmp_path / "output")
    write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n\n{% block footer %}{% if %}{% endblock %}\n'})
    result = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("templates/base.html:3: ")
    assert "Traceback" not in result.stderr
    assert every_file(tmp_path / "output") == before


def test_a_broken_base_is_named_once_not_again_in_each_template_extending_it(tmp_path):
    """A maintainer's walk: one error on base.html's line 3 was said for home.html and tag.html too, at a line
    neither has."""
    result = build(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n\n{% block footer %}{% if %}{% endblock %}\n',
                              "templates/home.html": '{% extends "default/home.html" %}\n',
                              "templates/tag.html": '{% extends "default/tag.html" %}\n'})
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("templates/")]
    assert len(errors) == 1 and errors[0].startswith("templates/base.html:3: "), result.stderr


def test_an_address_from_the_host_s_root_in_a_site_s_template_or_stylesheet_is_a_warning_under_a_sub_path(tmp_path):
    """A maintainer's walk: `href="/assets/club.css"` looked right in the preview, which sends such an address on
    under base_url's path, and the published site under /leesclub/ had no stylesheet and no logo."""
    base = ('{% extends "default/base.html" %}\n{% block head %}<link rel="stylesheet" href="/assets/club.css">'
            '<link rel="stylesheet" href="{{ href(\'assets/club.css\') }}"><link rel="icon" href="{{ href(\'/logo.svg\') }}">'
            '{% endblock %}\n'
            '{% block site_title %}<img src=/logo.svg alt="">{{ super() }}{% endblock %}\n')
    base += ('{# <link href="/old.css"> #}\n{% block footer %}<a href="/{{ page.lang }}/about/">A</a>'
             '<img srcset="a.png 1x, /b.png 2x" alt="">{% endblock %}\n'
             # a red team: a button's own target, an object's file and a refresh's target were not said
             '{% block page_head %}<button formaction="/send">S</button><object data="/map.svg"></object>'
             '<meta http-equiv="refresh" content="5; url=/moved/"><div data-x="/not-an-address"></div>{% endblock %}\n')
    files = {"templates/base.html": base, "assets/club.css": "body { background: url('/paper.png'); }\n"
             "h1 { background: url(paper.png); } a { background: url(//cdn.example.org/a.png); }\n"
             "/* url(/commented.png) */ @import \"/fonts.css\";\n"}
    result = build(tmp_path, files)
    assert result.returncode == 0, result.stderr
    warned = [line.split(": warning: ")[0] + " " + line.split("`")[1] for line in result.stderr.splitlines()
              if "starts at the host's root" in line]
    assert warned == ["templates/base.html:2 /assets/club.css", "templates/base.html:3 /logo.svg",
                      "templates/base.html:5 /{{ page.lang }}/about/", "templates/base.html:5 /b.png",
                      "templates/base.html:6 /send", "templates/base.html:6 /map.svg", "templates/base.html:6 /moved/",
                      "assets/club.css:1 /paper.png", "assets/club.css:3 /fonts.css"], result.stderr
    assert "write {{ href('assets/club.css') }}" in result.stderr
    # href() from the site's root, as an essay's link may be written, is the site's (a red team: `../..//logo.svg`)
    assert '<link rel="icon" href="../../logo.svg">' in (tmp_path / "output/posts/hola/index.html").read_text()
    assert '<link rel="icon" href="/repo/logo.svg">' in (tmp_path / "output/404.html").read_text()
    at_root = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "root"),
                      "--base-url", "https://club.example.org/")
    assert at_root.returncode == 0 and "host's root" not in at_root.stderr


def test_an_override_failing_while_drawn_names_its_line(tmp_path):
    write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n'
                                                '{% block footer %}\n{{ no_such_thing.attribute }}\n{% endblock %}\n'})
    result = build(tmp_path, {})
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("templates/base.html:3: template error: ")
    assert "Traceback" not in result.stderr and not (tmp_path / "output").exists()


def test_a_field_the_site_does_not_have_is_said_in_an_author_s_words(tmp_path):
    """An errors audit: `{{ site.impressum }}` was said as `'tertulia.model.Site object' has no attribute`."""
    write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n'
                                                '{% block footer %}\n{{ site.impressum.name }}\n{% endblock %}\n'})
    result = build(tmp_path, {})
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "templates/base.html:3: template error: `impressum` is undefined: the site (`site`) has no such field")
    # a maintainer's walk: a per-language value read as a mapping was said to be "a list", and no more
    write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n'
                                                '{% block footer %}\n{{ config.title.nl.upper() }}\n{% endblock %}\n'})
    result = build(tmp_path, {})
    assert result.returncode == 1 and "`config.localized(config.title, page.lang)`" in result.stderr.splitlines()[0]


def test_an_override_extending_itself_or_a_ring_is_said_so_with_the_way_out(tmp_path):
    """Jinja said only "maximum recursion depth exceeded", and the count called it a content error."""
    write_tree(tmp_path, {"templates/base.html": '{% extends "base.html" %}\n'})
    result = build(tmp_path, {})
    assert result.returncode == 1 and result.stderr.splitlines() == [
        "templates/base.html:1: template error: extends itself; to build on the default theme's base.html, "
        "extend `default/base.html`"]
    assert result.stdout == "1 template error; nothing was written\n"
    (tmp_path / "templates/base.html").unlink()
    write_tree(tmp_path, {"templates/essay.html": '{% extends "page.html" %}\n',
                          "templates/page.html": '\n{% extends "essay.html" %}\n'})
    result = build(tmp_path, {})
    assert result.stderr.splitlines() == [
        "templates/essay.html:1: template error: templates extend each other in a ring: essay.html → page.html → essay.html",
        "templates/page.html:2: template error: templates extend each other in a ring: page.html → essay.html → page.html"]
    assert result.stdout == "2 template errors; nothing was written\n"


def test_an_override_extending_a_template_that_is_nowhere_is_named_at_its_extends(tmp_path):
    """A misspelt parent was said as `templates: template error: …`, naming no file (a writer's walk)."""
    write_tree(tmp_path, {"templates/essay.html": '{# mine #}\n{% extends "default/essay.htm" %}\n',
                          "templates/page.html": '{% extends "post.htm" %}\n',
                          "templates/post.htm": '{% extends "default/bas.html" %}\n'})
    result = build(tmp_path, {})
    assert result.returncode == 1 and result.stderr.splitlines() == [
        "templates/essay.html:2: template error: template `default/essay.htm` not found",
        "templates/post.htm:1: template error: template `default/bas.html` not found"], result.stderr
    assert result.stdout == "2 template errors; nothing was written\n"
    # an extends inside an `if` that no drawing takes is no error: Jinja never looks for it
    for name in ("essay.html", "post.htm"):
        (tmp_path / "templates" / name).unlink()
    write_tree(tmp_path, {"templates/page.html": '{% if false %}{% extends "nope.html" %}'
                                                 '{% else %}{% extends "default/page.html" %}{% endif %}\n'})
    result = run_cli("check", "--content", str(tmp_path / "content"))
    assert result.returncode == 0 and "nope.html" not in result.stderr, result.stderr


def test_check_fails_on_a_template_that_fails_only_when_drawn_as_the_build_does(tmp_path):
    base = '{% extends "default/base.html" %}\n{% block footer %}{{ nosuch.attr }}{% endblock %}\n'
    content = make_content(tmp_path)
    write_tree(tmp_path, {"templates/base.html": base})
    check = run_cli("check", "--content", str(content))
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"))
    assert check.returncode == built.returncode == 1
    said = "templates/base.html:2: template error: 'nosuch' is undefined"
    assert said in check.stderr.splitlines() and said in built.stderr.splitlines()


def test_check_fails_on_a_template_that_fails_on_one_language_s_pages_only(tmp_path):
    """`check` drew the first page of each template: an error on the Spanish pages passed it, and the
    build then failed (a red team, 2026-12): a pull request's check went green before a failed deploy."""
    base = ('{% extends "default/base.html" %}\n\n{% block footer %}{% if page.lang == "ro" %}{{ 1/0 }}{% endif %}'
            '{{ super() }}{% endblock %}\n')
    content = make_content(tmp_path, {"posts/hola/index.ro.md": "---\ntitle: Salut\ntranslation_of: es\n---\n\n"
                                                                 "Primul paragraf.\n\nAl doilea paragraf.\n"})
    write_tree(tmp_path, {"templates/base.html": base})
    check = run_cli("check", "--content", str(content))
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"))
    said = "templates/base.html:3: template error: division by zero"
    assert check.returncode == built.returncode == 1, check.stderr
    assert said in check.stderr.splitlines() and said in built.stderr.splitlines()


def test_a_build_names_every_template_that_fails_when_drawn_in_one_run(tmp_path):
    """The build stopped at the first page that failed, so the second template's error came a run later."""
    content = make_content(tmp_path)
    write_tree(tmp_path, {"templates/tag.html": '{% extends "default/tag.html" %}\n{% block footer %}\n{{ 1/0 }}\n'
                                                '{% endblock %}\n',
                          "templates/home.html": '{% extends "default/home.html" %}\n{% block footer %}\n\n'
                                                 '{{ nothere }}\n{% endblock %}\n'})
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "output"))
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert built.stderr.splitlines()[:3] == ["templates/home.html:4: template error: 'nothere' is undefined",
                                             "templates/tag.html:3: template error: division by zero"]
    assert built.stdout == "2 template errors; nothing was written\n"


def test_a_theme_file_that_cannot_be_read_is_named_with_its_line_and_the_output_kept(tmp_path):
    """A template saved as Latin-1, or a catalog whose plural rule does not parse: a message, never a traceback."""
    assert build(tmp_path, {}).returncode == 0
    before = every_file(tmp_path / "output")
    cases = [
        ({"templates/notes.html": b"<p>{{ x }}</p>\n<p>caf\xe9</p>\n"}, "templates/notes.html:2: not valid UTF-8"),
        ({"locales/es/LC_MESSAGES/messages.po": b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          b'"Plural-Forms: nplurals=2; plural=(n==1 ? 0 : 1;\\n"\n'},
         "locales/es/LC_MESSAGES/messages.po:4: its Plural-Forms cannot be read"),
    ]
    for files, said in cases:
        for relative, data in files.items():
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_bytes(data)
        result = run_cli("build", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]  # warnings come first
        assert errors[0].startswith(said), result.stderr
        assert every_file(tmp_path / "output") == before
        for relative in files:
            (tmp_path / relative).unlink()


def test_a_site_s_redirect_page_may_read_where_it_sends_the_reader(tmp_path):
    """A red team (session 78): `target`, which no template of the theme's reads, was taken out of a
    redirect page's values, and a site's own redirect.html that printed it no longer built."""
    content = make_content(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\naliases: [/viejo/]")})
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/redirect.html").write_text('<!DOCTYPE html><title>{{ target }}</title><a href="{{ link }}">on</a>')
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "<title>posts/hola/</title>" in (tmp_path / "out/viejo/index.html").read_text()
