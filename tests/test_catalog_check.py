"""A translator's slip in a catalog is said at its line, not left to show English on the pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helpers import ROOT, SITE_YML, every_file, make_content, run_cli
from tertulia.site.catalog_check import placeholder_problems, read_catalog

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'


def problems_of_file(file) -> list[tuple[int, str]]:
    catalog, problems = read_catalog(file)
    return problems + [(line, why) for line, why, _ in placeholder_problems(catalog)]


def problems_of(po: str) -> list[tuple[int, str]]:
    return problems_of_file(io.BytesIO((HEADER + po).encode()))


@pytest.mark.parametrize("catalog", sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_every_catalog_of_the_default_theme_can_be_filled_as_written(catalog: Path):
    with catalog.open("rb") as file:
        assert problems_of_file(file) == []


@pytest.mark.parametrize("translation, why", [
    ("por %(nope)s", "names %(nope)s, which the message does not give"),
    ("por %(author)d", "has a placeholder that cannot be filled (%d format: a real number is required, not str); "
                       "write them as the message does"),
    ("por %(author", "has a placeholder that cannot be filled (incomplete format key; a % of the text is written %%)"),
    ("por %s %s", "has a placeholder that cannot be filled (not enough arguments for format string); write them as "
                  "the message does"),
    # a maintainer's walk: "Stukken met dit trefwoord" for "Essays tagged %(tag)s" left the tag's page naming no tag
    ("por alguien", "leaves out %(author)s, which the message gives"),
])
def test_a_translation_that_cannot_be_filled_is_named_at_its_line(translation, why):
    assert problems_of(f'#: templates/x.html:1\nmsgid "by %(author)s"\nmsgstr "{translation}"\n') == [
        (6, f"the translation of “by %(author)s” {why}; pages show the theme's translation instead, or the English phrase where it has none")]


def test_placeholders_left_out_plural_forms_and_script_braces_are_judged_as_pages_fill_them():
    po = ('msgid "%(num)d comment"\nmsgid_plural "%(num)d comments"\nmsgstr[0] "un comentario"\n'
          'msgstr[1] "%(num)d comentarios"\n\n'
          'msgid "{count} characters"\nmsgstr "{count} caracteres y {max}"\n\n'
          'msgid "100 percent"\nmsgstr "100 %"\n')
    assert problems_of(po) == [(10, "the translation of “{count} characters” names {max}, which the message does "
                                    "not give; pages show the theme's translation instead, or the English phrase where it has none")]


def test_a_broken_catalog_of_a_site_is_an_error_at_its_line_and_babel_prints_nothing(tmp_path):
    """A string without its closing quote was a warning, and "Etiquetas" was published as "Etiqueta"."""
    content = make_content(tmp_path, {})
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    before = every_file(tmp_path / "out")
    catalog = tmp_path / "locales/es/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER + 'msgid "Tags"\nmsgstr "Etiquetas\n\nmsgid "by %(author)s"\nmsgstr "de %(autor)s"\n',
                       encoding="utf-8")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "WARNING" not in result.stdout + result.stderr
    assert ("locales/es/LC_MESSAGES/messages.po:6: a string without its closing quote (\"): Babel would read it a "
            "letter short") in result.stderr.splitlines()
    assert every_file(tmp_path / "out") == before
    catalog.write_text(HEADER + 'msgid "Tags"\nmsgstr "Etiquetas"\n\nmsgid "by %(author)s"\nmsgstr "de %(autor)s"\n',
                       encoding="utf-8")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    # the theme's Spanish stands in for the site's broken one, not the English phrase
    page = (tmp_path / "out/es/posts/hola/index.html").read_text()
    assert "por <bdi" in page and "by <bdi" not in page
    assert result.stderr.splitlines()[:1] == [
        "locales/es/LC_MESSAGES/messages.po:8: warning: the translation of “by %(author)s” names %(autor)s, which "
        "the message does not give; pages show the theme's translation instead, or the English phrase where it has none"]


def test_a_line_babel_skips_without_a_word_is_named():
    assert problems_of('msgid "Tags"\nmsgstr "Etiquetas"\n\nmsgid x\nmsgstr "y"\n') == [
        (8, 'not as a catalog writes it (msgid "…", msgstr "…", or a "…" line continuing one)')]


def test_a_broken_catalog_and_a_content_error_are_said_in_one_run_with_the_catalog_warnings(tmp_path):
    """The catalogs were read only once the content had no error: their errors and warnings came a run later."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("ro: Română", "ro: Română, eu: Euskara"),
                                      "posts/hola/index.es.md": "---\ntitle: [Hola\n---\n\nUno.\n"})
    catalog = tmp_path / "locales/es/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER + 'msgid "Tags"\nmsgstr "Etiquetas\n', encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1
    said = result.stderr.splitlines()
    assert "locales/es/LC_MESSAGES/messages.po:6: a string without its closing quote (\"): Babel would read it a " \
           "letter short" in said
    assert any(line.startswith("content/posts/hola/index.es.md:2: YAML does not parse") for line in said)
    assert any(line.startswith("content/site.yml: warning: language `eu` has no interface catalog") for line in said)
    assert result.stdout == "2 errors\n"


def test_every_line_babel_would_misread_is_named_and_what_babel_reads_well_is_taken():
    """Only the first unclosed string was named, one run each; a line separator or a form feed inside a
    string (Babel and msgfmt read it whole) was taken for a line's end; a byte order mark was an error."""
    broken = 'msgid "Tags"\nmsgstr "Etiquetas\n\nmsgid "Search"\nmsgstr "Buscar\n\nmsgid x\nmsgstr "y"\n'
    assert [line for line, _ in problems_of(broken)] == [6, 9, 11]
    for inside in ("\u2028", "\x85", "\x0c"):
        assert problems_of(f'msgid "Search"\nmsgstr "Buscar{inside}ahora"\n') == []
    catalog, problems = read_catalog(io.BytesIO(b"\xef\xbb\xbf# Spanish\n" + HEADER.encode() + b'msgid "Tags"\nmsgstr "Etiquetas"\n'))
    assert problems == [] and {m.id: m.string for m in catalog}["Tags"] == "Etiquetas"


def test_a_catalog_whose_charset_python_does_not_know_is_named_at_its_line(tmp_path):
    content = make_content(tmp_path, {})
    catalog = tmp_path / "locales/es/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER.replace("charset=utf-8", "charset=UTF8X") + 'msgid "Tags"\nmsgstr "Etiquetas"\n')
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == ("locales/es/LC_MESSAGES/messages.po:3: its charset is not one Python "
                                             "knows (unknown encoding: utf8x); write charset=UTF-8")


def test_a_site_catalogs_message_no_template_asks_for_is_a_warning_at_its_line(tmp_path):
    """`msgid "Serch"` was read and never used, without a word; a message the site's own template asks for is not
    one of these."""
    content = make_content(tmp_path, {})
    catalog = tmp_path / "locales/es/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER + 'msgid "Serch"\nmsgstr "Buscar"\n\nmsgid "Our club"\nmsgstr "Nuestro club"\n\n'
                                'msgid "Tags"\nmsgstr "Etiquetas"\n', encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "base.html").write_text('{% extends "default/base.html" %}{% block footer %}{{ _("Our club") }}'
                                         '{{ _("Say \\"hi\\"") }}{% endblock %}', encoding="utf-8")
    (templates / "feed.xml").write_text('{% extends "default/feed.xml" %}{# {{ _("Our feed") }} #}', encoding="utf-8")
    catalog.write_text(catalog.read_text() + '\nmsgid "Say \\"hi\\""\nmsgstr "Di \\"hola\\""\n\n'
                                             'msgid "Our feed"\nmsgstr "Nuestro canal"\n', encoding="utf-8")
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "locales/" in line] == [
        "locales/es/LC_MESSAGES/messages.po:5: warning: no template asks for the message “Serch”, so its translation "
        "is never shown; is it meant to be “Search”?"]


def test_a_language_in_another_script_than_its_base_language_takes_none_of_its_words(tmp_path):
    """A Russian walk: `sr-Latn` pages showed the Serbian catalog's Cyrillic words as Latin-script text, and
    check said nothing; Simplified Chinese words would likewise have gone to `zh-TW` readers."""
    from tertulia.site.ui import catalog_paths
    for code in ("sr", "zh", "pt", "sr_Latn", "zh-Hant"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / code / "LC_MESSAGES/messages.po").write_text("")
    named = {lang: [path.parent.parent.name for path in catalog_paths([tmp_path], lang)]
             for lang in ("sr-Latn", "sr-Cyrl", "sr-ME", "zh-TW", "zh-HK", "zh-Hant", "zh-CN", "pt-BR")}
    # a language in a script takes its script's catalog (a red team: `zh-TW` beside a `zh-Hant` catalog got English)
    assert named == {"sr-Latn": ["sr_Latn"], "sr-Cyrl": ["sr"], "sr-ME": ["sr_Latn"], "zh-TW": ["zh-Hant"],
                     "zh-HK": ["zh-Hant"], "zh-Hant": ["zh-Hant"], "zh-CN": ["zh"], "pt-BR": ["pt"]}


def test_a_latin_serbian_site_beside_a_cyrillic_catalog_is_told_where_its_own_goes(tmp_path):
    """Its pages took the `sr` catalog's Cyrillic words, without a warning; the warning names the folder
    `pybabel init -l` writes (`sr_Latn`: it refuses `sr-Latn`)."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("ro: Română", "ro: Română, sr-Latn: Srpski")})
    catalog = tmp_path / "locales/sr/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER + 'msgid "Tags"\nmsgstr "Ознаке"\n', encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert ("content/site.yml: warning: language `sr-Latn` has no interface catalog "
            "(locales/sr_Latn/LC_MESSAGES/messages.po)") in result.stderr
