"""Hardening, part three (#28): the commands that write files, names in any script, a corrupt
translation record, errors outside content and interrupted builds. Each finding with its variants:
a clean message, no traceback, nothing written outside the content folder, nothing lost."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ESSAY_EN, ESSAY_ES, ROOT, every_file, make_content, run_cli

SECRET = "Texto secreto de fuera"


def clean(result, status: int, *words: str) -> None:
    """The exit status the contract gives, the words an author needs, and never a traceback."""
    assert result.returncode == status, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr, result.stderr


def outside_of(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    return outside


# 2. `new` never follows a link out of content/, and never quotes what lies outside

def test_new_translation_over_a_dangling_link_writes_nothing_outside(tmp_path):
    content = make_content(tmp_path / "site", {"posts/p4/index.en.md": ESSAY_ES.replace("Hola", "Hi")})
    planted = outside_of(tmp_path) / "planted.md"
    (content / "posts/p4/index.es.md").symlink_to(planted)
    result = run_cli("new", "translation", "p4", "--lang", "es", "--content", str(content))
    clean(result, 1, "content/posts/p4/index.es.md: a symbolic link")
    assert not planted.exists()


@pytest.mark.parametrize("command", [("translation", "evil", "--lang", "en"),
                                     ("translation", "evil", "--lang", "en", "--comments"),
                                     ("comment", "evil", "--lang", "es"),
                                     ("post", "evil", "--lang", "ro")])
def test_new_in_a_post_folder_that_is_a_link_writes_nothing_outside(tmp_path, command):
    content = make_content(tmp_path / "site")
    outside = outside_of(tmp_path) / "post"
    outside.mkdir()
    (outside / "index.es.md").write_text(ESSAY_ES.replace("Primer párrafo.", SECRET))
    (content / "posts/evil").symlink_to(outside)
    before = every_file(tmp_path / "outside")
    result = run_cli("new", *command, "--content", str(content))
    clean(result, 1, "content/posts/evil: a symbolic link")
    assert every_file(tmp_path / "outside") == before
    assert not any(SECRET in data.decode() for data in every_file(content).values())


@pytest.mark.parametrize("command", [("comment", "hola", "--lang", "es"),
                                     ("comment", "hola", "--lang", "es", "--reply-to", "1"),
                                     ("translation", "hola", "--lang", "ro", "--comments")])
def test_new_under_a_comments_folder_that_is_a_link_writes_nothing_outside(tmp_path, command):
    content = make_content(tmp_path / "site")
    outside = outside_of(tmp_path) / "comments"
    outside.mkdir()
    (outside / "1.es.md").write_text(f"---\nauthor: A\n---\n\n{SECRET}.\n")
    (content / "posts/hola/comments").symlink_to(outside)
    result = run_cli("new", *command, "--content", str(content))
    clean(result, 1, "content/posts/hola/comments: a symbolic link")
    assert sorted(p.name for p in outside.iterdir()) == ["1.es.md"]
    assert not (content / "posts/hola/index.ro.md").exists()


@pytest.mark.parametrize("linked", ["posts/hola/comments/1.es.md", "posts/hola/index.es.md"])
def test_new_never_quotes_an_outside_file_into_content(tmp_path, linked):
    content = make_content(tmp_path / "site", {"posts/hola/comments/2.es.md": "---\nauthor: B\n---\n\nDentro.\n"})
    outside = outside_of(tmp_path) / "quoted.md"
    outside.write_text(f"---\nauthor: A\ntitle: T\n---\n\n{SECRET}.\n")
    target = content / linked
    target.unlink(missing_ok=True)
    target.symlink_to(outside)
    result = run_cli("new", "translation", "hola", "--lang", "ro", "--comments", "--content", str(content))
    clean(result, 1, f"content/{linked}: a symbolic link")
    assert not any(SECRET in data.decode() for name, data in every_file(content).items())


def test_new_refuses_a_posts_folder_that_is_a_link(tmp_path):
    content = make_content(tmp_path / "site", with_essay=False)
    outside = outside_of(tmp_path) / "posts"
    outside.mkdir()
    (content / "posts").symlink_to(outside)
    result = run_cli("new", "post", "nuevo", "--lang", "es", "--content", str(content))
    clean(result, 1, "content/posts: a symbolic link")
    assert not any(outside.iterdir())


# 4. Parallel `translated` runs keep every entry

def test_parallel_translated_runs_keep_every_entry(tmp_path):
    slugs = [f"p{n}" for n in range(13)]
    files = {}
    for slug in slugs:
        files[f"posts/{slug}/index.es.md"] = ESSAY_ES
        files[f"posts/{slug}/index.en.md"] = ESSAY_EN
    content = make_content(tmp_path / "site", files)
    runs = [subprocess.Popen([sys.executable, str(ROOT / "build.py"), "translated",
                              str(content / f"posts/{slug}/index.en.md"), "--content", str(content)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for slug in slugs]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read()
    record = json.loads((content / "translations.json").read_text())["translations"]
    assert sorted(record) == sorted(f"posts/{slug}/index.en.md" for slug in slugs)
    assert not [p.name for p in content.iterdir() if p.name.startswith(".")], "no lock or temporary file is left"


# 5. A site.yml that is a link is refused, in every command

@pytest.mark.parametrize("command", [("build",), ("check",), ("status",), ("new", "post", "x", "--lang", "es")])
def test_a_site_yml_that_is_a_link_is_refused_cleanly(tmp_path, command):
    content = make_content(tmp_path / "site")
    outside = outside_of(tmp_path) / "site.yml"
    os.replace(content / "site.yml", outside)
    (content / "site.yml").symlink_to(outside)
    args = [str(content / c[len("content/"):]) if c.startswith("content/") else c for c in command]
    extra = ["--output", str(tmp_path / "out")] if command == ("build",) else []
    result = run_cli(*args, "--content", str(content), *extra, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    clean(result, result.returncode, "content/site.yml: a symbolic link")
    assert not (tmp_path / "out").exists()


# 6. Names: slugs to 200 characters, the rule that is broken named, tag keys in any script

def test_a_slug_of_200_characters_builds_and_201_names_the_length_rule(tmp_path):
    long = "a" + "-bcdefghij" * 19 + "-abcdefgh"
    assert len(long) == 200
    content = make_content(tmp_path / "site", {f"posts/{long}/index.es.md": ESSAY_ES,
                                               f"posts/{long}/comments/{long}.es.md": "---\nauthor: A\n---\n\nHola.\n"})
    out = tmp_path / "out"
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    assert (out / f"posts/{long}/index.html").is_file()
    too_long = long + "x"
    os.rename(content / f"posts/{long}", content / f"posts/{too_long}")
    result = run_cli("build", "--content", str(content), "--output", str(out))
    clean(result, 1, f"content/posts/{too_long}: ", "at most 200 characters")
    assert "lowercase" not in result.stderr


@pytest.mark.parametrize("slug, status, words", [
    ("a" * 201, 2, "at most 200 characters"), ("Bad_Slug", 2, "lowercase"), ("a--b", 2, "single hyphens"),
    ("a-", 2, "hyphens"), ("../x", 2, "hyphens"), ("ñandú", 2, "lowercase"),
])
def test_new_post_refuses_a_slug_the_build_would_refuse(tmp_path, slug, status, words):
    content = make_content(tmp_path / "site")
    before = every_file(tmp_path)
    clean(run_cli("new", "post", slug, "--lang", "es", "--content", str(content)), status, words)
    assert every_file(tmp_path) == before


def test_new_post_takes_a_slug_of_200_characters(tmp_path):
    content = make_content(tmp_path / "site")
    clean(run_cli("new", "post", "b" * 200, "--lang", "es", "--content", str(content)), 0)
    assert (content / f"posts/{'b' * 200}/index.es.md").is_file()


TAGGED = """\
---
title: Hola
author: Ana
tags: [comunicación, Ümlaut, 広告, Artificial Intelligence, "c#", "100%"]
---

Primer párrafo.
"""


def test_tag_keys_in_any_script_build_with_their_segments_percent_encoded_in_links(tmp_path):
    content = make_content(tmp_path / "site", {"posts/hola/index.es.md": TAGGED,
                                               "posts/hola/index.en.md": ESSAY_EN.replace("\n\nSecond paragraph.", "")})
    yml = content / "site.yml"
    yml.write_text(yml.read_text().replace("tags:\n", "tags:\n  ümlaut: {en: umlaut}\n  COMUNICACIÓN: {es: comunicación}\n"))
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    clean(result, 0)
    for segment in ("comunicación", "ümlaut", "広告", "artificial-intelligence", "c#", "100%"):
        assert (out / "tags" / segment / "index.html").is_file(), segment
        assert (out / "es/tags" / segment / "index.html").is_file(), segment
    page = (out / "posts/hola/index.html").read_text()
    for encoded in ("tags/comunicaci%C3%B3n/", "tags/%C3%BCmlaut/", "tags/%E5%BA%83%E5%91%8A/",
                    "tags/artificial-intelligence/", "tags/c%23/", "tags/100%25/"):
        assert f'{encoded}"' in page, encoded
    sitemap = (out / "sitemap.xml").read_text()
    assert "https://example.github.io/repo/tags/comunicaci%C3%B3n/" in sitemap
    assert "comunicación/" not in sitemap
    tags_page = (out / "tags/index.html").read_text()
    assert tags_page.count("%C3%BCmlaut/") == 1, "Ümlaut and ümlaut give one segment: one tag"
    assert ">umlaut<" in tags_page


@pytest.mark.parametrize("key", ["a/b", "a\\\\b", "a\\u0001b", "...", ".", "..", "", " ", "x" * 201])
@pytest.mark.parametrize("where", ["essay", "site.yml"])
def test_a_tag_key_with_a_path_sign_a_control_character_or_only_dots_is_an_error(tmp_path, key, where):
    content = make_content(tmp_path / "site")
    if where == "essay":
        (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("author: Ana", f'author: Ana\ntags: ["{key}"]'))
        shown = "content/posts/hola/index.es.md:4: tag key"
    else:
        (content / "site.yml").write_text((content / "site.yml").read_text().replace(
            "tags:\n", f'tags:\n  "{key}": {{en: x}}\n'))
        # at the entry's own line, even when YAML's escapes write the key otherwise than it reads
        shown = "content/site.yml:6: tag key"
    out = tmp_path / "out"
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 1, shown)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# 8. A corrupt translation record, a link loop, a --reply-to that is not an id

CORRUPT_RECORDS = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep nesting inside": '{"translations": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}",
    "a huge number": '{"translations": {}, "n": ' + "9" * 100_000 + "}",
    "a huge float": '{"translations": {}, "n": 1e999999}',
    "a lone surrogate in a key": '{"translations": {"posts/hola/index.en.md\\ud800": {"original": "posts/hola/index.es.md", "blocks": []}}}',
    "a lone surrogate in a block": '{"translations": {"posts/hola/index.en.md": {"original": "posts/hola/index.es.md", "blocks": ["\\udc00", null]}}}',
    "not UTF-8": b'{"translations": {"\xff": 1}}',
    "NaN": '{"translations": NaN}',
}


@pytest.mark.parametrize("name", CORRUPT_RECORDS)
@pytest.mark.parametrize("command", ["check", "status", "build", "translated"])
def test_a_corrupt_translation_record_is_one_clean_error(tmp_path, name, command):
    content = make_content(tmp_path / "site")
    data = CORRUPT_RECORDS[name]
    record = content / "translations.json"
    record.write_bytes(data if isinstance(data, bytes) else data.encode())
    args = [command] + ([str(content / "posts/hola/index.en.md")] if command == "translated" else [])
    extra = ["--output", str(tmp_path / "out")] if command == "build" else []
    result = run_cli(*args, "--content", str(content), *extra)
    clean(result, 1, "content/translations.json:")
    assert record.read_bytes() == (data if isinstance(data, bytes) else data.encode())


def test_translated_on_a_link_loop_or_a_link_is_a_clean_refusal(tmp_path):
    content = make_content(tmp_path / "site")
    loop = content / "posts/hola/index.ro.md"
    loop.symlink_to(loop)
    clean(run_cli("translated", str(loop), "--content", str(content)), 2, "index.ro.md")
    outside = outside_of(tmp_path) / "index.en.md"
    outside.write_text(ESSAY_EN)
    (content / "posts/hola/index.en.md").unlink()
    (content / "posts/hola/index.en.md").symlink_to(outside)
    clean(run_cli("translated", str(content / "posts/hola/index.en.md"), "--content", str(content)), 2,
          "a symbolic link")
    assert not (content / "translations.json").exists()


@pytest.mark.parametrize("reply_to", ["*", "../index", '[c"]1', "1*", "?", "1.es", "a b", "1\n2", "x" * 201])
def test_reply_to_must_name_an_existing_comment_exactly(tmp_path, reply_to):
    content = make_content(tmp_path / "site", {"posts/hola/comments/1.es.md": "---\nauthor: A\n---\n\nHola.\n",
                                               'posts/hola/comments/c-1.es.md': "---\nauthor: A\n---\n\nHola.\n"})
    before = every_file(content)
    clean(run_cli("new", "comment", "hola", "--lang", "es", "--reply-to", reply_to, "--content", str(content)), 2,
          "reply")
    assert every_file(content) == before


# 29.2, 29.3 and 29.5: translating from a starter

SHAPED = """\
---
title: Die Tische
author: Ana
---

## Die *Tische* von Berlin

Ein Absatz mit [einem Link](https://de.wikipedia.org/wiki/Tisch "Tisch") bei der Wikipedia.

- erstens
- zweitens
    - tiefer

3. drei
4. vier

> Ein Zitat
> über Tische.

![Ein Tisch im Hof](tisch.png)

![](leer.png)

```python
tische = 1

stuehle = 2
```

| Tisch | Stuhl |
|---|---|
| 1 | 2 |

---

<figure><img src="x.png" alt="Bild"><figcaption>Ein Bild</figcaption></figure>

Ein Satz mit *Betonung*, **Fett** und snake_case.
"""

SHAPED_SITE = "languages: {en: English, es: Español, ro: Română, de: Deutsch}"


def shaped_site(tmp_path: Path) -> Path:
    content = make_content(tmp_path / "site", {"posts/tische/index.de.md": SHAPED, "posts/tische/tisch.png": "png",
                                               "posts/tische/leer.png": "png", "posts/tische/x.png": "png"})
    yml = content / "site.yml"
    yml.write_text(yml.read_text().replace("languages: {en: English, es: Español, ro: Română}", SHAPED_SITE))
    return content


def test_a_starter_keeps_every_block_in_the_original_shape_with_only_words_to_replace(tmp_path):
    from tertulia.commands.translation_starter import shape
    from tertulia.reading.markup import Converter
    from tertulia.reading.read import parse_text
    content = shaped_site(tmp_path)
    clean(run_cli("new", "translation", "tische", "--lang", "en", "--content", str(content)), 0)
    starter = (content / "posts/tische/index.en.md").read_text()
    original_blocks = Converter().blocks(parse_text(SHAPED.encode(), "o")[0].body, True)
    starter_blocks = Converter().blocks(parse_text(starter.encode(), "s")[0].body, True)
    assert [shape(b) for b in starter_blocks] == [shape(b) for b in original_blocks]
    assert [b.split(">")[0] for b in starter_blocks] == [b.split(">")[0] for b in original_blocks]
    for kept in ("## TODO translate: Die *Tische* von Berlin", "(https://de.wikipedia.org/wiki/Tisch \"Tisch\")",
                 "![TODO translate: Ein Tisch im Hof](tisch.png)", "![](leer.png)",
                 "```python\ntische = 1\n\nstuehle = 2\n```", "    - TODO translate: tiefer", "3. TODO translate: drei", "> ",
                 "\n---\n", 'src="x.png"'):
        assert kept in starter, kept
    assert "TODO translate: tische" not in starter, "code is not words to translate"
    # every item, cell and image text is marked: one marker per block let "zweitens" and "vier" stay German
    for marked in ("- TODO translate: erstens", "- TODO translate: zweitens", "- TODO translate: tiefer",
                   "4. TODO translate: vier", "TODO translate: Tisch | TODO translate: Stuhl",
                   'alt="TODO translate: Bild"', "TODO translate: Ein Bild"):
        assert marked in starter, marked
    # a finished translation differs from its starter in words alone
    finished = starter.replace("TODO translate: ", "").replace("Tische", "Tables")
    (content / "posts/tische/index.en.md").write_text(finished)
    result = run_cli("check", "--content", str(content))
    clean(result, 0)
    assert "TODO translate" not in result.stderr and "blocks" not in result.stderr


def test_a_build_never_publishes_the_starter_marker_and_shows_the_original_block_noted(tmp_path):
    content = make_content(tmp_path / "site", {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n\nDos.\n"})
    (content / "posts/hola/index.en.md").unlink()
    clean(run_cli("new", "translation", "hola", "--lang", "en", "--comments", "--content", str(content)), 0)
    essay = content / "posts/hola/index.en.md"
    essay.write_text(essay.read_text().replace("TODO translate: Primer párrafo.", "First paragraph."))
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    clean(result, 0)
    assert "still say `TODO translate`" in result.stderr
    for name, data in every_file(out).items():
        assert b"TODO translate" not in data, name
    page = (out / "posts/hola/index.html").read_text()
    assert '<div class="side translation" lang="en"><p>First paragraph.</p></div>' in page
    assert ('<div class="side translation unfinished" lang="es"><p>Segundo párrafo.</p><p class="note unfinished-note"'
            in page.replace('side translation" lang="es"', 'side translation unfinished" lang="es"'))
    assert "Not yet translated; shown in its original language." in page
    single = (out / "en/posts/hola/index.html").read_text()
    assert '<div class="side" lang="es"><p>Segundo párrafo.</p>' in single
    assert '<div class="side" lang="en"><p>First paragraph.</p>' in single


def test_what_stands_in_the_originals_words_is_marked_in_its_language_in_listings_feeds_and_descriptions(tmp_path):
    """The walk's English home said `<p class="summary" lang="en">` of a Ukrainian first paragraph the
    translator had not done, and the English page's description and feed gave it as English."""
    content = make_content(tmp_path / "site", {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\ndate: 2024-01-02\n---\n\nUno.\n\nDos.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate\n\nTwo.\n",
        "posts/hola/index.en.md": ESSAY_EN.replace("First paragraph.", "TODO translate: Primer párrafo.")})
    out = tmp_path / "out"
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    home = (out / "en/index.html").read_text()
    assert '<p class="summary" lang="es">Primer párrafo.</p>' in home
    archive = (out / "en/comments/index.html").read_text()
    assert '<blockquote lang="es"><p>Uno. Two.</p></blockquote>' in archive
    page = (out / "en/posts/hola/index.html").read_text()
    assert "Primer párrafo" not in page.split("</head>")[0]  # no description rather than one in Spanish
    feed = (out / "en/feed.xml").read_text()
    assert "&lt;div lang=&#34;es&#34;&gt;&lt;p&gt;Primer párrafo.&lt;/p&gt;&lt;/div&gt;" in feed
    (content / "posts/hola/index.en.md").write_text(ESSAY_EN)
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    assert '<p class="summary" lang="en">First paragraph.</p>' in (out / "en/index.html").read_text()
    assert 'content="First paragraph."' in (out / "en/posts/hola/index.html").read_text()


def test_check_strict_makes_warnings_errors(tmp_path):
    content = make_content(tmp_path / "site")
    clean(run_cli("check", "--strict", "--content", str(content)), 0)
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("author: Ana", "author: Ana\ncolour: red"))
    clean(run_cli("check", "--content", str(content)), 0)
    strict = run_cli("check", "--strict", "--content", str(content))
    clean(strict, 1, "content/posts/hola/index.es.md:4: unknown key `colour`")
    # beside an error too: its warnings were still "warning:" lines, left out of the count (a translator's red team)
    (content / "posts/hola/index.en.md").write_text(ESSAY_EN + "\nA third paragraph.\n")
    strict = run_cli("check", "--strict", "--content", str(content))
    clean(strict, 1, "content/posts/hola/index.es.md:4: unknown key `colour`", "translation has 3 blocks, original has 2")
    assert "warning:" not in strict.stderr and strict.stdout == "2 content errors\n"


def test_a_drafts_unfinished_translation_passes_a_strict_check_until_it_is_published(tmp_path):
    """A pull-request check with `--strict` refused every site holding a draft still being translated."""
    content = make_content(tmp_path / "site")
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("author: Ana", "author: Ana\ndraft: true"))
    (content / "posts/hola/index.en.md").write_text(ESSAY_EN.replace("Second paragraph.", "TODO translate"))
    clean(run_cli("check", "--strict", "--content", str(content)), 0)
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES)
    clean(run_cli("check", "--strict", "--content", str(content)), 1,
          "content/posts/hola/index.en.md:8: block 2 (of 2) still says `TODO translate`")


@pytest.mark.parametrize("broken", ["title: [unclosed", "title: Hola\n  bad: indent", "\tauthor: tab", ": :"])
def test_a_yaml_error_in_an_original_is_reported_once(tmp_path, broken):
    content = make_content(tmp_path / "site", {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n",
                                               "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nOne.\n"})
    for path in ("posts/hola/index.es.md", "posts/hola/comments/c1.es.md"):
        (content / path).write_text(f"---\n{broken}\n---\n\nTexto.\n")
    result = run_cli("check", "--content", str(content))
    clean(result, 1, "content/posts/hola/index.es.md:", "content/posts/hola/comments/c1.es.md:")
    assert "translation_of" not in result.stderr, result.stderr
    assert result.stderr.count("content/posts/hola/") == 2, result.stderr


# 9. Errors outside content: a template's, Pagefind's, and whatever the preview meets

BROKEN_TEMPLATES = {
    "syntax": ("{% if %}", "templates/essay.html:9: Expected an expression"),
    "unknown name": ("{{ no_such_name }}", "templates/essay.html:9: template error: 'no_such_name' is undefined"),
    "division": ("{{ 1 // 0 }}", "templates/essay.html:9: template error: integer division or modulo by zero"),
    "missing include": ("{% include 'nowhere.html' %}",
                        "templates/essay.html:9: template error: template `nowhere.html` not found"),
    "unclosed block": ("{% block late %}", "templates/essay.html:"),
}


def break_template(content: Path, name: str) -> None:
    """The site's own essay.html (it replaces the theme's), with one bad line in its main block."""
    from tertulia.theme import DEFAULT
    lines = (DEFAULT / "templates/essay.html").read_text().split("\n")
    lines.insert(8, BROKEN_TEMPLATES[name][0])  # inside the main block, where it is drawn
    (content.parent / "templates").mkdir(exist_ok=True)
    (content.parent / "templates/essay.html").write_text("\n".join(lines))


@pytest.mark.parametrize("name", BROKEN_TEMPLATES)
def test_a_template_error_is_its_path_and_line_and_the_output_stays(tmp_path, name):
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    before = every_file(out)
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("Primer", "Otro"))
    break_template(content, name)
    result = run_cli("build", "--content", str(content), "--output", str(out))
    clean(result, 1, BROKEN_TEMPLATES[name][1])
    assert every_file(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


@pytest.mark.parametrize("name", ["unknown name", "division"])
def test_a_template_error_in_a_forked_render_worker_comes_back_the_same(tmp_path, monkeypatch, name):
    from tertulia.errors import ContentErrors
    from tertulia.pipeline import Options, build
    from tertulia.writing import render
    content = make_content(tmp_path / "site")
    break_template(content, name)
    monkeypatch.setattr(render, "PARALLEL_PAGES", 1)
    with pytest.raises(ContentErrors) as raised:
        build(Options(content=content, output=tmp_path / "out", workers=2))
    assert BROKEN_TEMPLATES[name][1] in str(raised.value), str(raised.value)
    assert not (tmp_path / "out").exists()


def built_with_search(content, out) -> dict:
    """Turn search on, build into `out`, and return its files: the search index among them."""
    yml = content / "site.yml"
    yml.write_text(yml.read_text().replace("search: false", "search: true"))
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    before = every_file(out)
    assert any(name.startswith("pagefind/") for name in before)
    return before


FAILING_PAGEFIND = ("import sys\nprint('Running Pagefind', file=sys.stderr)\n\n"
                    "print('pagefind: out of cheese', file=sys.stderr)\nsys.exit(3)\n")


def test_pagefind_failing_is_reported_as_such_and_the_output_stays(tmp_path):
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    before = built_with_search(content, out)
    fake = tmp_path / "fake"
    (fake / "pagefind").mkdir(parents=True)
    (fake / "pagefind/__init__.py").write_text("")
    (fake / "pagefind/__main__.py").write_text(FAILING_PAGEFIND)
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("Primer", "Otro"))
    result = run_cli("build", "--content", str(content), "--output", str(out),
                     env={**os.environ, "PYTHONPATH": str(fake)})
    clean(result, 1, "Pagefind failed", "out of cheese", "the previous output is untouched")
    assert "could not be written or read" not in result.stderr
    # its log said on the one line of the failure, as every message of a failed build is
    assert [line for line in result.stderr.splitlines() if "cheese" in line or "Running" in line] == [
        "search index: Pagefind failed (exit status 3): Running Pagefind / pagefind: out of cheese; "
        "the previous output is untouched"]
    assert every_file(out) == before


@pytest.mark.parametrize("problem", ["template", "oserror", "bug"])
def test_the_preview_shows_every_error_instead_of_stopping(tmp_path, monkeypatch, problem):
    from tertulia import pipeline
    from tertulia.commands import serve
    content = make_content(tmp_path / "site")
    options = pipeline.Options(content=content, output=tmp_path / "preview", pending=True, search=False)
    if problem == "template":
        break_template(content, "unknown name")
    else:
        def failing(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(tmp_path / "preview")) if problem == "oserror" \
                else RuntimeError("an unforeseen problem")
        monkeypatch.setattr(serve, "build", failing)
    state = serve.PreviewState()
    serve.rebuild(options, state)
    said = {"template": "templates/essay.html:9: template error: 'no_such_name' is undefined",
            "oserror": "preview: could not be written or read: Permission denied",
            "bug": "RuntimeError: an unforeseen problem"}[problem]
    assert any(said in error for error in state.errors), state.errors
    status, kind, body = serve._answer("/posts/hola/", tmp_path / "preview", state)
    import html
    assert status.startswith("500") and said.split(":")[-1].strip() in html.unescape(body.decode())


# 11. SIGTERM during a build: handled like Ctrl-C, nothing left behind

@pytest.mark.parametrize("where", ["saving the memo", "handing memory back"])
def test_an_interruption_after_the_commit_says_the_new_output_is_in_place(tmp_path, monkeypatch, where):
    from tertulia import cache, pipeline
    from tertulia.writing.write import COMMITTED
    content = make_content(tmp_path / "site")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(*((cache.OutputMemo, "save") if where == "saving the memo" else (pipeline.gc, "freeze")),
                        interrupted)
    with pytest.raises(KeyboardInterrupt) as stopped:
        pipeline.build(pipeline.Options(content=content, output=tmp_path / "out", cache_dir=tmp_path / "cache"))
    assert stopped.value.args == (COMMITTED,)
    assert "Primer párrafo." in (tmp_path / "out/posts/hola/index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "out", "site"]  # no staging left


def many_posts(tmp_path: Path, count: int = 250) -> Path:
    files = {}
    for number in range(count):
        files[f"posts/p{number}/index.es.md"] = ESSAY_ES.replace("Hola", f"Hola {number}")
        files[f"posts/p{number}/index.en.md"] = ESSAY_EN
        for comment in range(4):
            files[f"posts/p{number}/comments/c{comment}.es.md"] = f"---\nauthor: A{comment}\n---\n\nComentario {comment}.\n"
    return make_content(tmp_path / "site", files)


def litter(tmp_path: Path) -> list[str]:
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                  if p.name.startswith(".out.new-") or p.name.endswith(".tmp"))


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.3, 1.6, 1.9, 2.2, 2.6])
@pytest.mark.parametrize("first", [True, False])
def test_sigterm_during_a_build_leaves_no_litter_and_an_intact_output(tmp_path, delay, first):
    import signal
    import time
    content = many_posts(tmp_path)
    out = tmp_path / "out"
    before = {}
    if not first:
        clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
        before = every_file(out)
        for essay in content.glob("posts/*/index.es.md"):
            essay.write_text(essay.read_text().replace("Primer", "Otro"))
    build = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(content), "--output", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=120)
    said = f"exit {build.returncode}, said {stderr.strip().splitlines()[-1:]}"  # what a failure must tell
    assert "Traceback" not in stderr, stderr
    assert build.returncode in (0, 143, -signal.SIGTERM), stderr  # -15: still starting, nothing written yet
    assert litter(tmp_path) == [], said
    fresh = tmp_path / "fresh"
    clean(run_cli("build", "--content", str(content), "--output", str(fresh), "--no-cache"), 0)
    if build.returncode != 0 and "already in place" not in stderr:
        assert build.returncode == -signal.SIGTERM or "interrupted; the previous output is untouched" in stderr
        # -15: killed before its handler was set, or once Python, ending, had put the default back (a loaded
        # machine's build ended at 1.3 s): the output before, or the new one whole, never a mixture
        assert every_file(out) == before or (build.returncode == -signal.SIGTERM
                                             and every_file(out) == every_file(fresh)), said
    else:  # done, or stopped once its output was moved in
        assert every_file(out) == every_file(fresh), said
    clean(run_cli("build", "--content", str(content), "--output", str(out)), 0)
    assert every_file(out) == every_file(fresh)


# 24. The preview never writes the output folder

def test_serve_never_touches_the_output_folder(tmp_path):
    import time
    from test_serve import free_port, poll
    content = make_content(tmp_path / "site", {
        "posts/hola/comments/c1.es.md": "---\nauthor: Mod\nstatus: pending\n---\n\nEsperando revisión.\n"})
    out = tmp_path / "site/output"
    before = built_with_search(content, out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(out)],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}/repo/posts/hola/"
        poll(page, lambda s, b: "Esperando revisión." in b)
        assert every_file(out) == before
        essay = content / "posts/hola/index.es.md"
        essay.write_text(essay.read_text().replace("Primer párrafo.", "Primer párrafo, en vista previa."))
        poll(page, lambda s, b: "en vista previa" in b)
        time.sleep(0.5)
        assert every_file(out) == before
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert every_file(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamps
    assert not list(tmp_path.glob("site/.output.new-*"))
    assert b"Esperando" not in b"".join(every_file(out).values())


def test_an_error_in_the_clean_up_after_a_sigterm_is_still_reported_as_the_interruption():
    """A signal can land inside a process pool's start, whose clean-up then fails with an error of
    its own (seen: RuntimeError: cannot join thread before it is started): one line, exit 143."""
    from tertulia.interruptions import Terminated, interruption_behind
    try:
        try:
            raise Terminated("the previous output is untouched")
        except Terminated:
            raise RuntimeError("cannot join thread before it is started")
    except RuntimeError as aftermath:
        assert interruption_behind(aftermath).args == ("the previous output is untouched",)
    assert interruption_behind(RuntimeError("unrelated")) is None


def test_a_file_that_cannot_be_moved_into_the_output_leaves_it_as_it_was(tmp_path, monkeypatch, capsys):
    """As a post folder a `sudo` build left read-only does: the pages moved in before it are taken back."""
    from tertulia.commands.args import main
    from tertulia.writing import write
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(out)]) == 0
    before = every_file(out)
    (content / "posts/hola/index.es.md").write_text(ESSAY_ES.replace("Primer", "Otro"))
    real = os.replace

    def refused_in_the_post_folder(source, target):
        if str(target).startswith(str(out / "posts/hola/")):
            raise PermissionError(13, "Permission denied")
        real(source, target)
    monkeypatch.setattr(write.os, "replace", refused_in_the_post_folder)
    capsys.readouterr()
    assert main(["build", "--content", str(content), "--output", str(out)]) == 1
    said = capsys.readouterr().err
    assert "posts/hola/" in said and ": could not be written or read: Permission denied; the previous output is " \
        "untouched" in said and ".new-" not in said, said
    assert every_file(out) == before  # the home page and feeds, which changed too, are the old ones


def test_folders_and_files_that_cannot_be_read_are_said_with_the_other_errors(tmp_path, monkeypatch, capsys):
    """A folder or image without read permission stopped the build at it, with an absolute path."""
    from pathlib import Path as RealPath
    from tertulia.commands.args import main
    from tertulia.reading import find
    content = make_content(tmp_path / "site")
    (content / "posts/hola/fotos").mkdir()
    (content / "posts/hola/foto.png").write_bytes(b"png")
    (content / "static").mkdir()
    (content / "static/robots.txt").write_text("User-agent: *\n")
    (content / "posts/hola/index.en.md").write_text((content / "posts/hola/index.en.md").read_text() + "\nOne more.\n")
    scandir, read_bytes = os.scandir, RealPath.read_bytes

    def unlistable(folder):
        if str(folder).endswith("fotos"):
            raise PermissionError(13, "Permission denied", str(folder))
        return scandir(folder)

    def unreadable(path):
        if path.name in ("foto.png", "robots.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)
    monkeypatch.setattr(find.os, "scandir", unlistable)
    monkeypatch.setattr(RealPath, "read_bytes", unreadable)
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "out")]) == 1
    printed = capsys.readouterr()
    said = printed.err.splitlines()
    assert "content/posts/hola/fotos: cannot be read: Permission denied" in said
    assert "content/posts/hola/foto.png: cannot be read: Permission denied" in said
    assert "content/static/robots.txt: cannot be read: Permission denied" in said
    assert any("translation has" in line for line in said)
    assert printed.out.splitlines()[-1] == "4 content errors; nothing was written"
    assert main(["check", "--content", str(content)]) == 1
    assert "untouched" not in capsys.readouterr().err


@pytest.mark.parametrize("status", ["pending", "spam"])
def test_an_unpublished_comments_unfinished_translation_passes_a_strict_check(tmp_path, status):
    """`new translation --comments` wrote starters for a pending comment too: a proposal's pull request
    then failed `check --strict` over a translation no build publishes."""
    content = make_content(tmp_path / "site", {
        "posts/hola/comments/c1.es.md": f"---\nauthor: B\nstatus: {status}\n---\n\nUno.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate\n"})
    clean(run_cli("check", "--strict", "--content", str(content)), 0)
    published = content / "posts/hola/comments/c1.es.md"
    published.write_text(published.read_text().replace(f"status: {status}\n", ""))
    clean(run_cli("check", "--strict", "--content", str(content)), 1,
          "content/posts/hola/comments/c1.en.md:5: block 1 (of 1) still says `TODO translate`")


class Planted:
    """What a pull request could commit as `.tertulia-cache/…`: a pickle that runs a command when loaded."""

    def __init__(self, mark: Path):
        self.mark = mark

    def __reduce__(self):
        return os.system, (f"touch {self.mark}",)


@pytest.mark.parametrize("signed_as", [b"", bytes(32)], ids=["bare pickle", "forged signature"])
def test_a_cache_file_tertulia_did_not_write_is_never_unpickled(tmp_path, signed_as):
    """Unpickling runs code: a maintainer who builds or previews a proposal's branch would run whatever its
    committed cache files say. A cache file must carry this user's signature to be read."""
    import pickle
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    cache = tmp_path / "site/.tertulia-cache"
    planted = sorted(cache.rglob("*.pickle"))
    assert planted and any(path.name == "output.pickle" for path in planted)
    mark = tmp_path / "ran"
    for path in planted:
        path.write_bytes(signed_as + pickle.dumps(("any version", Planted(mark))))
    (content / "posts/hola/index.en.md").write_text(ESSAY_EN.replace("Hello", "Hi"))
    for command in (["check", "--content", str(content)], ["build", "--content", str(content), "--output", str(out)]):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
        assert not mark.exists(), command
    clean = tmp_path / "clean"
    assert run_cli("build", "--content", str(content), "--output", str(clean), "--no-cache").returncode == 0
    assert every_file(out) == every_file(clean)


def test_a_cache_folder_that_is_a_link_is_not_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    content = make_content(tmp_path / "site")
    (tmp_path / "site/.tertulia-cache").symlink_to(elsewhere)
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "out")).returncode == 0
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("inside", ["parsed", "output.pickle", "preview", "preview/parsed", "preview/site"])
def test_a_link_inside_the_cache_folder_is_not_written_through(tmp_path, inside):
    """A pull request can commit `.tertulia-cache/parsed` as a link: check and build wrote their shards
    where it pointed and swept the `.tmp` files there, and the preview wrote its whole site (red team, 2026-12)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.tmp").write_text("mine")
    content = make_content(tmp_path / "site")
    link = tmp_path / "site/.tertulia-cache" / inside
    link.parent.mkdir(parents=True)
    link.symlink_to(elsewhere if inside != "output.pickle" else elsewhere / "memo")
    for command in (["check"], ["build", "--output", str(tmp_path / "out")]):
        assert run_cli(*command, "--content", str(content)).returncode == 0, command
    assert sorted(path.name for path in elsewhere.iterdir()) == ["notes.tmp"]
    assert (elsewhere / "notes.tmp").read_text() == "mine"
    from tertulia.commands.cli import _options
    from tertulia.commands.serve import preview_options
    args = argparse.Namespace(content=content, output=None)
    assert _options(args).cache_dir is None
    assert elsewhere not in preview_options(_options(args), scratch=tmp_path / "scratch").output.resolve().parents


@pytest.mark.parametrize("there", [True, False], ids=["empty-folder", "nothing"])
def test_an_output_folder_that_is_a_link_is_refused_and_nothing_is_written_where_it_points(tmp_path, there):
    elsewhere = tmp_path / "elsewhere" / "site"
    if there:
        elsewhere.mkdir(parents=True)
    content = make_content(tmp_path / "site")
    (tmp_path / "site/output").symlink_to(elsewhere)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "site/output"))
    assert result.returncode != 0 and "output: is a symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert (list(elsewhere.iterdir()) == []) if there else not elsewhere.exists()


def test_a_file_where_the_cache_folder_goes_is_left_alone_and_the_site_builds(tmp_path):
    content = make_content(tmp_path / "site")
    (tmp_path / "site/.tertulia-cache").write_text("notes")
    for command in (["check"], ["build", "--output", str(tmp_path / "out")]):
        result = run_cli(*command, "--content", str(content))
        assert result.returncode == 0 and "could not be written" not in result.stderr, command
    assert (tmp_path / "site/.tertulia-cache").read_text() == "notes"
    assert (tmp_path / "out/posts/hola/index.html").is_file()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_summary_that_cannot_be_written_does_not_say_the_output_is_untouched(tmp_path):
    """Its stdout on a full disk, the build had already put the new output in place, and said it had not."""
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    (content / "posts/hola/index.en.md").write_text(ESSAY_EN.replace("Hello", "Hi there"))
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
                                 "--output", str(out)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "the summary could not be written: No space left on device; the new output was " \
                                    "already in place", result.stderr
    assert "Hi there" in (out / "posts/hola/index.html").read_text()


@pytest.mark.parametrize(("original", "said"), [
    ("---\ntitle: [unclosed\n---\n\nText.\n", "content/posts/p/index.en.md:2: YAML does not parse"),
    ("", "content/posts/p/index.en.md:1: no front matter"),
], ids=["YAML error", "empty"])
def test_new_translation_of_an_original_that_does_not_read_names_its_file_and_line(tmp_path, original, said):
    """It said "post `p` has no original to translate" (exit 2), as if the author had named the wrong post."""
    content = make_content(tmp_path, {"posts/p/index.en.md": original})
    result = run_cli("new", "translation", "p", "--lang", "es", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith(said), result.stderr
    assert not (content / "posts/p/index.es.md").exists()


def test_a_locale_that_cannot_spell_a_file_s_name_refuses_before_writing_and_keeps_the_output(tmp_path):
    """Under a C locale with Python's UTF-8 coercion off, file names are ASCII: a tag `広告` made its
    folder's name unwritable half way through moving the new files in, with a traceback, and left the
    output half old, half new."""
    content = make_content(tmp_path, {})
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    before = every_file(out)
    essay = content / "posts/hola/index.es.md"
    essay.write_text(essay.read_text().replace("title:", "tags: [広告]\ntitle:", 1))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    result = run_cli("build", "--content", str(content), "--output", str(out), env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot spell this one; build in a UTF-8 locale" in result.stderr
    assert every_file(out) == before
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0  # in UTF-8, it builds
