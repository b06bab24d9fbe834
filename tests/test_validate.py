"""One test per content rule: each names the file, the line and what is wrong."""

from __future__ import annotations

import json

import pytest

from tertulia.errors import ContentErrors
from tertulia.pipeline import Options, load_site

from helpers import ESSAY_EN, ESSAY_ES, SITE_YML, make_content


def errors_for(tmp_path, files, with_essay=True) -> list[str]:
    content = make_content(tmp_path, files, with_essay)
    with pytest.raises(ContentErrors) as caught:
        load_site(Options(content=content))
    return [str(e) for e in caught.value.errors]


def loads(tmp_path, files, with_essay=True):
    return load_site(Options(content=make_content(tmp_path, files, with_essay)))


def test_a_valid_site_loads(tmp_path):
    loaded = loads(tmp_path, {})
    essay = loaded.site.essays[0]
    assert essay.original.lang == "es" and essay.text("en").title == "Hello"
    assert len(essay.original.blocks) == 2


def test_yaml_that_does_not_parse_names_its_line(tmp_path):
    errors = errors_for(tmp_path, {"posts/x/index.en.md": "---\ntitle: [unclosed\nauthor: A\n---\n\nText.\n"})
    assert len(errors) == 1
    assert errors[0].startswith("content/posts/x/index.en.md:2: YAML does not parse")  # where the `[` opens


@pytest.mark.parametrize("front, line, said", [
    ('title: "Bienvenida\nauthor: A\ntags: [values]\n', 2,
     "a quote opened on this line is never closed: YAML reads on to the end of the front matter"),
    ("title: x\nauthor: A\nsummary: \"Hola, amigos\n", 4,  # the last line: PyYAML said "unexpected end of stream"
     "a quote opened on this line is never closed: YAML reads on to the end of the front matter"),
    ("title: x\nauthor: A\ntags: [values\nsummary: hola\n", 4,
     "did not find expected ',' or ']' (line 5), while parsing a flow sequence that starts on this line"),
    ("title: x\nauthor A\nsummary: hola\n", 3,
     "could not find expected ':' (line 4), while scanning a simple key that starts on this line"),
    # closed by the next value's opening quote, the quote is found broken there, without a word of quotes
    ('title: "La memoria\nauthor: A\nsummary: "Hola"\n', 2,
     "a quote opened on this line is not closed on it: YAML reads on to the quote on line 4 (did not find expected key)"),
    ("title: 'It''s open\nauthor: A\nsummary: 'Hola'\n", 2,
     "a quote opened on this line is not closed on it: YAML reads on to the quote on line 4 (did not find expected key)")])
def test_yaml_left_open_is_reported_where_it_opens(tmp_path, front, line, said):
    """A quote or bracket never closed is found broken lines later: the author fixes the line it opens on."""
    errors = errors_for(tmp_path, {"posts/x/index.en.md": f"---\n{front}---\n\nText.\n"})
    assert errors == [f"content/posts/x/index.en.md:{line}: YAML does not parse: {said}"]


@pytest.mark.parametrize("front, said", [
    ("title: Cairo: the streets\n", "mapping values are not allowed in this context; a value holding `: ` must be "
                                    "in quotes, as in title: \"Cairo: the streets\""),
    ("title: x\nauthor: A\ntags:\n\t- values\n", "found character that cannot start any token; a tab: indent with spaces")])
def test_the_yaml_errors_worded_least_helpfully_say_what_to_do(tmp_path, front, said):
    errors = errors_for(tmp_path, {"posts/x/index.en.md": f"---\n{front}---\n\nText.\n"})
    assert len(errors) == 1 and errors[0].endswith(f"YAML does not parse: {said}"), errors


def test_a_quote_left_open_inside_braces_is_shown_as_the_text_yaml_read(tmp_path):
    """`{ar: "مقالات, en: "Essays"}`: YAML only said it expected `,` or `}`, and an author looked for a comma."""
    errors = errors_for(tmp_path / "settings", {"site.yml": SITE_YML.replace("title: ", "title: {es: \"Tertulia, en: \"Essays\"}\nold_title: ")})
    assert [error.split(": ", 1)[1] for error in errors] == [
        "YAML does not parse: did not find expected ',' or '}'; YAML read \"Tertulia, en: \" as one quoted text: "
        "is a quote left open in it?"]


def test_yaml_left_open_on_the_last_line_is_said_to_end_there(tmp_path):
    """The parser's mark past a file's last line was said as a line the author could not find."""
    errors = errors_for(tmp_path / "settings", {"site.yml": SITE_YML + "menu: [about"})
    assert errors == [f"content/site.yml:{SITE_YML.count(chr(10)) + 1}: YAML does not parse: did not find "
                      "expected ',' or ']' (at the end of the file), while parsing a flow sequence that starts on this line"]


def test_a_key_given_twice_inside_a_mapping_is_an_error_on_the_second_line(tmp_path):
    """YAML keeps the last of two equal keys; one the author wrote would vanish without a word."""
    front = "---\ntitle: x\nauthor: A\nredirects:\n  en: a\nlabels:\n  en: one\n  es: dos\n  en: two\n---\n\nText.\n"
    errors = errors_for(tmp_path, {"posts/x/index.en.md": front})
    assert errors == ["content/posts/x/index.en.md:9: `en` is given twice; keep one"]
    errors = errors_for(tmp_path / "settings", {"site.yml": SITE_YML + "redirects:\n  /old/: posts/hola/\n  /old/: posts/x/\n"})
    assert errors == [f"content/site.yml:{SITE_YML.count(chr(10)) + 3}: `/old/` is given twice; keep one"]


def test_yaml_tags_that_construct_objects_are_refused_not_run(tmp_path):
    marker = tmp_path / "pwned"
    evil = f"---\ntitle: x\nauthor: !!python/object/apply:os.system ['touch {marker}']\n---\n\nText.\n"
    errors = errors_for(tmp_path, {"posts/x/index.en.md": evil})
    assert errors == ["content/posts/x/index.en.md:3: YAML does not parse: YAML tags that construct objects "
                      "are not allowed: 'tag:yaml.org,2002:python/object/apply:os.system'"]
    assert not marker.exists()


def test_a_language_not_in_site_yml(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.fr.md": "---\ntitle: Salut\ntranslation_of: es\n---\n\nA.\n\nB.\n"})
    assert errors == ["content/posts/hola/index.fr.md: language `fr` is not in site.yml languages (en, es, ro); add "
                      "`fr` to site.yml's languages to publish it, or start the file's name with a dot to keep it aside"]


def test_a_language_a_letter_off_a_declared_one_asks_whether_it_is_meant(tmp_path):
    """A Finnish writer's walk: `index.ee.md` for Estonian's `et` was told to add `ee` (Ewe) to the site."""
    errors = errors_for(tmp_path, {"posts/hola/index.eo.md": "---\ntitle: Saluton\ntranslation_of: es\n---\n\nA.\n\nB.\n"})
    assert errors == ["content/posts/hola/index.eo.md: language `eo` is not in site.yml languages (en, es, ro); is it "
                      "meant to be `index.en.md`? If not, add `eo` to site.yml's languages to publish it, or start the "
                      "file's name with a dot to keep it aside"]


@pytest.mark.parametrize("key", ["title", "author"])
def test_a_missing_required_key_in_an_original(tmp_path, key):
    text = ESSAY_ES.replace("title: \"Hola\"\n" if key == "title" else "author: Ana\n", "")
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": text})
    assert errors == [f"content/posts/hola/index.es.md:1: missing required key `{key}`"]


@pytest.mark.parametrize("typo", ["titel", "tilte", "Title"])
def test_a_misspelt_required_key_is_named_on_its_line(tmp_path, typo):
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("title:", f"{typo}:")})
    line = ESSAY_ES.split("\n").index(next(x for x in ESSAY_ES.split("\n") if x.startswith("title:"))) + 1
    assert errors == [f"content/posts/hola/index.es.md:{line}: missing required key `title`; "
                      f"is `{typo}` meant to be `title`?"]


@pytest.mark.parametrize("key", ["title", "author"])
def test_a_required_key_written_with_no_value_is_said_so_at_its_line(tmp_path, key):
    """Not "is `title` meant to be `title`?", as it once asked."""
    text = ESSAY_ES.replace('title: "Hola"' if key == "title" else "author: Ana", f"{key}:")
    line = text.split("\n").index(f"{key}:") + 1
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": text})
    assert errors == [f"content/posts/hola/index.es.md:{line}: `{key}` has no value: it is required"]


def test_tags_written_without_brackets_are_an_error_that_shows_the_list(tmp_path):
    text = ESSAY_ES.replace("author: Ana\n", "author: Ana\ntags: sprache, übersetzung\n")
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": text})
    assert errors == [f"content/posts/hola/index.es.md:{text.split(chr(10)).index('tags: sprache, übersetzung') + 1}: "
                      "tags must be a list of tag keys: write `[sprache, übersetzung]`"]


def test_a_tag_key_too_long_for_a_folder_says_bytes_when_its_script_takes_three_each(tmp_path):
    """90 CJK characters are 270 bytes: under the 200-character rule, over a folder name's 255 bytes."""
    key = "語" * 90
    text = ESSAY_ES.replace("author: Ana\n", f"author: Ana\ntags: [{key}]\n")
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": text})
    assert len(errors) == 1 and "is too long: at most 255 bytes in UTF-8" in errors[0], errors
    assert "200 characters" not in errors[0]


def test_the_drafts_left_out_are_counted_essays_and_pages_alike(tmp_path):
    draft_essay = ESSAY_ES.replace("author: Ana", "author: Ana\ndraft: true")
    draft_page = "---\ntitle: Acerca\ndraft: true\n---\n\nTexto.\n"
    site = loads(tmp_path, {"posts/borrador/index.es.md": draft_essay, "pages/acerca/index.es.md": draft_page}).site
    assert site.drafts == 2 and [essay.slug for essay in site.essays] == ["hola"] and site.pages == ()


def test_a_comment_without_author(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/c1.es.md": "---\ndate: 2020\n---\n\nHola.\n"})
    assert errors == ["content/posts/hola/comments/c1.es.md:1: missing required key `author`"]


def test_a_comment_translation_without_its_original_is_one_error_and_no_warning(tmp_path):
    """It also drew "this comment has no `en` translation (main_language)", which points at the wrong fix."""
    content = make_content(tmp_path, {"posts/hola/comments/ghost.ro.md": "---\ntranslation_of: es\n---\n\nSalut.\n"})
    with pytest.raises(ContentErrors) as caught:
        load_site(Options(content=content))
    assert [str(e) for e in caught.value.errors] == [
        "content/posts/hola/comments/ghost.ro.md:2: translation_of names `es`, but the original, "
        "content/posts/hola/comments/ghost.es.md, is missing"]
    assert [str(w) for w in caught.value.warnings if "ghost" in str(w)] == []


def test_no_original(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "translation_of: en")})
    assert "content/posts/hola/index.es.md:3: this essay has no original: every language file says " \
           "translation_of; remove it from the original" in errors


def test_a_translation_whose_original_is_missing_names_the_file_to_write(tmp_path):
    errors = errors_for(tmp_path, {"posts/fluss/index.en.md": ESSAY_EN.replace("translation_of: es", "translation_of: de")})
    assert "content/posts/fluss/index.en.md:3: translation_of names `de`, but the original, " \
           "content/posts/fluss/index.de.md, is missing" in errors, errors


def test_a_file_naming_its_own_language_as_its_original_is_told_so(tmp_path):
    alone = errors_for(tmp_path / "a", {"posts/solo/index.es.md": ESSAY_ES.replace("author: Ana", "translation_of: es")})
    assert "content/posts/solo/index.es.md:3: translation_of names this file's own language: remove it, if this " \
           "is the original" in alone, alone
    beside = errors_for(tmp_path / "b", {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "translation_of: en")})
    assert "content/posts/hola/index.en.md:3: translation_of names this file's own language; a translation names " \
           "its original's (`es`)" in beside, beside


def test_two_originals(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "author: Ana")})
    assert errors == ["content/posts/hola/index.es.md:1: this essay has two originals: content/posts/hola/index.en.md "
                      "and this file both lack translation_of; a translation must name its original's language "
                      "(`translation_of: en`, if this file translates that one)"]


def test_of_two_originals_the_one_the_translations_name_is_kept_and_only_the_other_is_blamed(tmp_path):
    """`en` lost its translation_of; `ro` rightly names `es`: one error, on `en`, and none on `ro`."""
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "author: Ana"),
                                   "posts/hola/index.ro.md": ESSAY_EN})
    assert errors == ["content/posts/hola/index.en.md:1: this essay has two originals: content/posts/hola/index.es.md "
                      "and this file both lack translation_of; a translation must name its original's language "
                      "(`translation_of: es`, if this file translates that one)"]


def test_a_translation_that_lost_translation_of_but_credits_its_translator_is_the_one_blamed(tmp_path):
    """A new user: its `translator:` was read as `translation_of` misspelt ("is `translator` meant to be
    `translation_of`?"), advice that lost the translator's name; and the original was the one blamed."""
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "translator: Bea")})
    assert errors == ["content/posts/hola/index.en.md:1: this essay has two originals: content/posts/hola/index.es.md "
                      "and this file both lack translation_of; a translation must name its original's language "
                      "(`translation_of: es`, if this file translates that one)"]


def test_of_two_originals_the_one_without_an_author_is_taken_for_the_translation(tmp_path):
    """A red team: `new translation`'s file without its translation_of line sorted first, and the original
    was told to say `translation_of: en`."""
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es\n", "")})
    assert errors == ["content/posts/hola/index.en.md:1: this essay has two originals: content/posts/hola/index.es.md "
                      "and this file both lack translation_of; a translation must name its original's language "
                      "(`translation_of: es`, if this file translates that one)"]


def test_two_readers_comments_given_one_id_are_told_to_take_two(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/4.es.md": "---\nauthor: Ana\n---\n\nUno.\n",
                                   "posts/hola/comments/4.en.md": "---\nauthor: Bob\n---\n\nOne.\n"})
    assert errors == ["content/posts/hola/comments/4.es.md:1: this comment has two originals: "
                      "content/posts/hola/comments/4.en.md and this file both lack translation_of; a translation must "
                      "name its original's language; if they are two comments (Bob's and Ana's), give this one another "
                      "id: rename the file, and the reply_to of its replies"]


def test_a_misspelt_translation_of_is_named_on_its_line_and_its_file_is_the_one_blamed(tmp_path):
    """`translaton_of` left two originals, and the error stood on line 1 of whichever file came second."""
    misspelt = ESSAY_EN.replace("translation_of: es", "translaton_of: es")
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": misspelt})
    line = misspelt.splitlines().index("translaton_of: es") + 1
    assert errors == [f"content/posts/hola/index.en.md:{line}: this essay has two originals: "
                      "content/posts/hola/index.es.md and this file both lack translation_of; a translation must name "
                      "its original's language; is `translaton_of` meant to be `translation_of`?"]


def test_a_quoted_key_or_one_yaml_reads_as_a_number_is_named_on_its_own_line(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", 'author: Ana\n"draft": maybe')})
    assert errors == ["content/posts/hola/index.es.md:4: `draft` must be true or false, not `maybe`"]
    loaded = loads(tmp_path / "b", {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\n'summary': x\n1: x")})
    assert "content/posts/hola/index.es.md:5: unknown key `1` is ignored" in [str(w) for w in loaded.warnings]


def test_a_folder_where_a_file_is_expected_or_a_file_where_a_folder_is_is_named(tmp_path):
    """Each said of itself, not through what its absence makes of the files beside it."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nHi.\n",
                                      "posts/otro/comments": "x", "posts/otro/index.es.md": ESSAY_ES, "pages": "x"})
    (content / "posts/hola/index.es.md").unlink()
    (content / "posts/hola/index.es.md").mkdir()
    (content / "posts/hola/comments/c1.es.md").mkdir()
    with pytest.raises(ContentErrors) as caught:
        load_site(Options(content=content))
    assert [str(e) for e in caught.value.errors] == [
        "content/pages: must be a folder, holding a folder for each of the site's pages",
        "content/posts/hola/comments/c1.es.md: a folder, where a comment file is expected",
        "content/posts/hola/index.es.md: a folder, where a Markdown file is expected",
        "content/posts/otro/comments: must be a folder, holding the post's comment files"]


def test_a_content_file_with_a_capital_extension_is_an_error_like_any_misnamed_one(tmp_path):
    """`index.de.MD` was a warning and left out of the site, while `INDEX.de.md` was an error."""
    errors = errors_for(tmp_path, {"posts/hola/index.en.MD": ESSAY_EN, "pages/about/INDEX.es.md": ESSAY_ES})
    assert errors == ["content/pages/about/INDEX.es.md: a page file must be named index.<lang>.md",
                      "content/posts/hola/index.en.MD: an essay file must be named index.<lang>.md"]


def test_translation_of_a_language_with_no_file(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "translation_of: ro")})
    assert errors == ["content/posts/hola/index.en.md:3: translation_of names `ro`, but there is no `ro` file "
                      "beside this one; the original here is `es`"]


def test_block_counts_must_match_and_the_mismatch_is_located(tmp_path):
    added = ESSAY_EN.replace("First paragraph.\n", "First paragraph.\n\nAn extra paragraph, added by mistake.\n")
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": added})
    assert len(errors) == 1
    assert errors[0].startswith("content/posts/hola/index.en.md:8: translation has 3 blocks, original has 2; ")
    assert "“An extra paragraph, added by mistake.”" in errors[0]


def test_reply_to_a_missing_comment(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: nope\n---\n\nHola.\n"})
    assert errors == ["content/posts/hola/comments/c1.es.md:3: reply_to names `nope`, but this post has no comment "
                      "with that id"]


def test_a_reply_to_a_comment_numbered_01_is_to_01_not_1(tmp_path):
    """YAML reads `01` as the number 1: the id as written is the one meant."""
    loaded = loads(tmp_path, {"posts/hola/comments/01.es.md": "---\nauthor: A\n---\n\nUno.\n",
                              "posts/hola/comments/02.es.md": "---\nauthor: B\nreply_to: 01\n---\n\nDos.\n"})
    first, = loaded.site.essays[0].threads
    assert first.id == "01" and [reply.id for reply in first.replies] == ["02"]


def test_a_reply_cycle(tmp_path):
    errors = errors_for(tmp_path, {
        "posts/hola/comments/a.es.md": "---\nauthor: A\nreply_to: b\n---\n\nUno.\n",
        "posts/hola/comments/b.es.md": "---\nauthor: B\nreply_to: a\n---\n\nDos.\n",
    })
    assert errors == [
        "content/posts/hola/comments/a.es.md:3: reply cycle: `a` ends up answering itself through reply_to `b`",
        "content/posts/hola/comments/b.es.md:3: reply cycle: `b` ends up answering itself through reply_to `a`",
    ]


def test_a_comment_replying_to_itself_is_said_as_such(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/c5.es.md": "---\nauthor: A\nreply_to: c5\n---\n\nUno.\n"})
    assert errors == ["content/posts/hola/comments/c5.es.md:3: reply_to names this comment itself (`c5`): a comment "
                      "answers another one of this post"]


def test_a_published_comment_with_no_text_is_warned_of_at_its_body(tmp_path):
    loaded = loads(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: A\n---\n\n",
                              "posts/hola/comments/c2.es.md": "---\nauthor: B\nstatus: spam\n---\n"})
    assert [str(w) for w in loaded.warnings if "no text" in str(w)] == [
        "content/posts/hola/comments/c1.es.md:5: this comment has no text: it is published as an empty card (give "
        "it its words, or `status: spam`)"]


def test_a_bad_slug(tmp_path):
    errors = errors_for(tmp_path, {"posts/Bad_Slug/index.es.md": ESSAY_ES, "posts/мова-і-памʼять/index.es.md": ESSAY_ES,
                                   "posts/---/index.es.md": ESSAY_ES})
    assert errors == ["content/posts/---: bad slug `---`: use lowercase letters, digits and single hyphens",
                      "content/posts/Bad_Slug: bad slug `Bad_Slug`: use lowercase letters, digits and single hyphens, "
                      "e.g. `bad-slug`",
                      # a writer in another script is shown a slug its letters make, as an import makes one
                      "content/posts/мова-і-памʼять: bad slug `мова-і-памʼять`: use lowercase letters, digits and "
                      "single hyphens, e.g. `mova-i-pam-yat`"]


def test_a_bad_comment_id(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/No-Good.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    assert errors == ["content/posts/hola/comments/No-Good.es.md: bad comment id `No-Good`: use lowercase letters, "
                      "digits and single hyphens, e.g. `no-good`"]


def test_an_unknown_status(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\nstatus: hidden\n---\n\nHola.\n"})
    assert errors == ["content/posts/hola/comments/c1.es.md:3: unknown status `hidden`: use one of published, "
                      "pending, spam"]


@pytest.mark.parametrize("date, wrong", [("2012-13-32", "a month is 01 to 12, not 13"),
                                         ("2024-02-30", "February 2024 has days 01 to 29, not 30"),
                                         ("2026-02-00", "February 2026 has days 01 to 28, not 00"),
                                         ("2026-04-31 10:00", "April 2026 has days 01 to 30, not 31"),
                                         ("2025-06-20 25:30", "an hour is 00 to 23, not 25"),
                                         ("2012-09-11 24:00", "an hour is 00 to 23, not 24"),
                                         ("2025-06-20 21:61", "a minute is 00 to 59, not 61")])
def test_a_month_or_day_off_the_calendar_is_said_plainly(tmp_path, date, wrong):
    """A new user: `2026-02-30` was answered with every rule of the calendar, not that February has 28 days."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f'author: Ana\ndate: "{date}"')})
    assert errors == [f"content/posts/hola/index.es.md:4: date `{date}` is not on the calendar: {wrong}"]


@pytest.mark.parametrize("date", ["2012-09-11 10:27+15:00", "2012-09-11 10:27+14:30",
                                  "2012-09-11 10:27-14:01", "0000-01-01",
                                  "9999-12-31 23:59-14:00", "0001-01-01 00:00+01:00"])
def test_a_date_in_the_right_form_but_not_on_the_calendar_says_so(tmp_path, date):
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f'author: Ana\ndate: "{date}"')})
    assert errors == [f"content/posts/hola/index.es.md:4: date `{date}` is not on the calendar: a year is 0001-9999 "
                      "(also in UTC), a month 01-12, a day one of its month's, an hour 00-23, a minute 00-59, an offset "
                      "at most ±14:00"]


def test_a_date_whose_time_zone_takes_it_past_the_calendar_says_so(tmp_path):
    files = {"site.yml": SITE_YML + "timezone: America/New_York\n",
             "posts/hola/comments/c1.es.md": '---\nauthor: B\ndate: "9999-12-31 23:00"\n---\n\nHola.\n'}
    assert errors_for(tmp_path, files) == [
        "content/posts/hola/comments/c1.es.md:3: date `9999-12-31 23:00` in America/New_York is not on the calendar "
        "in UTC, where dates are ordered: a year is 0001-9999 there too"]


@pytest.mark.parametrize("date, said", [
    ("2020-03-29 02:30", "date `2020-03-29 02:30` is no time on Europe/Madrid's clocks (they skipped that hour); "
                         "taken as `2020-03-29 02:30+01:00`: write the offset the source gives"),
    ("2020-10-25 02:30", "date `2020-10-25 02:30` came twice on Europe/Madrid's clocks (they went back an hour); "
                         "taken as the first, `2020-10-25 02:30+02:00`: write `2020-10-25 02:30+01:00` for the second")])
def test_a_local_time_the_clocks_skipped_or_went_through_twice_is_a_warning(tmp_path, date, said):
    """Only the source can say which instant such a time was: the build says which it took."""
    files = {"site.yml": SITE_YML + "timezone: Europe/Madrid\n",
             "posts/hola/comments/c1.es.md": f'---\nauthor: B\ndate: "{date}"\n---\n\nHola.\n'}
    assert [str(w) for w in loads(tmp_path, files).warnings if "date" in str(w)] == [
        f"content/posts/hola/comments/c1.es.md:3: {said}"]
    plain = {**files, "posts/hola/comments/c1.es.md": '---\nauthor: B\ndate: "2020-10-25 04:30"\n---\n\nHola.\n'}
    assert [str(w) for w in loads(tmp_path / "b", plain).warnings if "date" in str(w)] == []


@pytest.mark.parametrize("date", ["2012-09-11 at noon", "11 Sept 2012", "yesterday"])
def test_a_date_in_none_of_the_allowed_forms(tmp_path, date):
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f"author: Ana\ndate: {date}")})
    assert len(errors) == 1
    assert errors[0].startswith("content/posts/hola/index.es.md:4: date `")
    assert errors[0].endswith("is in none of the forms YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM, "
                              "YYYY-MM-DD HH:MM±HH:MM")


@pytest.mark.parametrize("date, meant", [("20/09/2026", "; is it meant to be `2026-09-20`?"),
                                         ("12/09/2012", "; is it meant to be `2012-09-12` (day first) or `2012-12-09`?"),
                                         ("2026/09/20", "; is it meant to be `2026-09-20`?"),
                                         ("20.09.2026 9:30", "; is it meant to be `2026-09-20 09:30`?"),
                                         ("2026-11-5", "; is it meant to be `2026-11-05`?"),
                                         # a Finnish writer's walk: the time as Finns write it, and ISO's forms
                                         ("2025-06-20 21.30", "; is it meant to be `2025-06-20 21:30`?"),
                                         ("2012-09-11T10:27", "; is it meant to be `2012-09-11 10:27`?"),
                                         ("2012-09-11 10:27:00", "; is it meant to be `2012-09-11 10:27`?"),
                                         ("2012-09-11T10:27:00", "; is it meant to be `2012-09-11 10:27`?"),
                                         # a review: Hugo's and ISO's forms, with seconds, `Z` or an offset
                                         ('"2025-06-20T21:30:00Z"', "; is it meant to be `2025-06-20 21:30+00:00`?"),
                                         ('"2025-06-20T21:30+02:00"', "; is it meant to be `2025-06-20 21:30+02:00`?"),
                                         ('"2025-06-20 21:30:45"', "; is it meant to be `2025-06-20 21:30`?"),
                                         ('"2025-06-20t21:30"', "; is it meant to be `2025-06-20 21:30`?"),
                                         ('"2025-06-20T25:61"', "; an hour is 00 to 23, not 25")])
def test_a_date_written_as_people_write_it_asks_for_the_form_meant(tmp_path, date, meant):
    """A writer's walk: `20/09/2026` was told the five forms and left to rewrite it."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f"author: Ana\ndate: {date}")})
    assert len(errors) == 1 and errors[0].endswith("YYYY-MM-DD HH:MM±HH:MM" + meant), errors


@pytest.mark.parametrize("date, iso", [("2012", "2012"), ("2012-09", "2012-09"), ("2012-09-11", "2012-09-11"),
                                       ('"2012-09-11 10:27"', "2012-09-11T10:27+00:00"),  # no timezone in site.yml: UTC, as the contract says
                                       # another offset: the same instant on the site's clock, UTC here
                                       ('"2012-09-11 10:27-05:30"', "2012-09-11T15:57+00:00")])
def test_every_allowed_date_form_keeps_its_precision(tmp_path, date, iso):
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f"author: Ana\ndate: {date}")})
    assert loaded.site.essays[0].date.iso == iso


def test_every_error_of_a_run_is_reported_together(tmp_path):
    errors = errors_for(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\nstatus: hidden\n---\n\nHola.\n",
        "posts/other/index.xx.md": "---\ntitle: t\nauthor: a\n---\n\nText.\n",
        "posts/third/index.en.md": "---\ntitle: [\n---\n\nText.\n",
    })
    assert len(errors) == 3
    assert [e.split(":")[0] for e in errors] == ["content/posts/hola/comments/c1.es.md",
                                                 "content/posts/other/index.xx.md", "content/posts/third/index.en.md"]


def test_a_byte_order_mark_as_windows_editors_write_it_is_not_text(tmp_path):
    content = make_content(tmp_path, {"site.yml": "\ufeff" + SITE_YML,
                                      "posts/hola/comments/c1.es.md": "\ufeff---\nauthor: B\n---\n\nHola.\n"})
    site = load_site(Options(content=content)).site
    assert site.config.main_language == "en" and site.essays[0].comments[0].author == "B"
    assert str(site.essays[0].comments[0].original.blocks[0]) == "<p>Hola.</p>"


def test_a_file_without_front_matter(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/comments/c1.es.md": "Just text.\n"})
    assert errors == ["content/posts/hola/comments/c1.es.md:1: no front matter: the file must start with a `---` line"]


def test_tags_match_case_insensitively_and_unknown_tags_warn(tmp_path):
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [Values, mystery]")})
    assert loaded.site.essays[0].tags == ("values", "mystery")
    assert [str(w) for w in loaded.warnings] == [
        "content/posts/hola/index.es.md:4: tag `mystery` is not in site.yml tags; its label is its key in every language: "
        "add it to site.yml's `tags` with a label for each (`mystery: {en: …, es: mystery, ro: …}`)"]


def test_turkish_and_greek_tags_written_in_capitals_or_lower_case_are_the_tag_of_site_yml(tmp_path):
    """`İstanbul` was at /tags/i̇stanbul/ (an i with a second dot), apart from `istanbul`; `ILIK` and `ΨΥΧΗ`,
    as capitals write `ılık` and `ψυχή`, were tags of their own; `Cag`, typed without Turkish keys, was
    said to be unknown with no word of `Çağ`."""
    site_yml = SITE_YML.replace("  values: {en: values, es: valores}", "  values: {en: values, es: valores}\n  "
                                "İstanbul: {}\n  ılık: {}\n  ΨΥΧΉ: {}\n  Çağ: {}\n  αυλός: {}\n  résumé: {}")
    loaded = loads(tmp_path, {"site.yml": site_yml, "posts/hola/index.es.md": ESSAY_ES.replace(
        "author: Ana", "author: Ana\ntags: [İSTANBUL, istanbul, ILIK, ΨΥΧΗ, ψυχή, ILIKLAR, Cag, RESUME, İLİK, ΑΫΛΟΣ]")})
    assert {tag.key for tag in loaded.site.tags} >= {"istanbul", "ılık", "ψυχή", "çağ"}
    # but capitals mean no more than they lose: RESUME is resume (as `resume` is), the dotted İLİK is ilik
    # (marrow), not ılık (warm), and ΑΫΛΟΣ keeps its dialytika, which αυλός has not
    assert loaded.site.essays[0].tags == ("istanbul", "ılık", "ψυχή", "iliklar", "cag", "resume", "ilik", "αϋλος")
    assert [str(w) for w in loaded.warnings] == [
        "content/posts/hola/index.es.md:4: tag `Cag` is not in site.yml tags; its label is its key; is it meant to "
        "be `Çağ`?",
        "content/posts/hola/index.es.md:4: tag `ILIKLAR` is not in site.yml tags; its label is its key in every language: "
        "add it to site.yml's `tags` with a label for each (`ILIKLAR: {en: …, es: ILIKLAR, ro: …}`)",
        "content/posts/hola/index.es.md:4: tag `RESUME` is not in site.yml tags; its label is its key; is it meant "
        "to be `résumé`?",
        "content/posts/hola/index.es.md:4: tag `İLİK` is not in site.yml tags; its label is its key; is it meant to "
        "be `ılık`?",
        "content/posts/hola/index.es.md:4: tag `ΑΫΛΟΣ` is not in site.yml tags; its label is its key; is it meant "
        "to be `αυλός`?"]


def test_a_tag_in_capitals_another_essay_writes_in_small_letters_asks_whether_it_is_that_tag(tmp_path):
    """A Turkish writer's walk: `IŞIK` and `Işık`, neither in site.yml, were two tags (/tags/işik/ and
    /tags/işık/) and nothing said so; nor of `ΠΟΙΗΣΗ` beside `ποίηση`. Capitals drop the dotless ı and the
    tonos, so which is meant is asked, and site.yml's tags, which capitals do match, settle it."""
    loaded = loads(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [IŞIK, ΠΟΙΗΣΗ]"),
        "posts/luz/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [Işık, ποίηση]")})
    said = [str(w) for w in loaded.warnings if "IŞIK" in str(w) or "ΠΟΙΗΣΗ" in str(w)]
    assert said == [
        "content/posts/hola/index.es.md:4: tag `IŞIK` is not in site.yml tags; its label is its key; is it meant to "
        "be `Işık`, which an essay uses? (name it in site.yml's tags)",
        "content/posts/hola/index.es.md:4: tag `ΠΟΙΗΣΗ` is not in site.yml tags; its label is its key; is it meant to "
        "be `ποίηση`, which an essay uses? (name it in site.yml's tags)"], loaded.warnings
    # and site.yml settles it: `Işık` named there is the tag `IŞIK` means (its segment is `işık`, its capital
    # lowered as most languages lower it; capitals may stand for either i: a re-walk went round in a loop)
    site_yml = SITE_YML.replace("  values: {en: values, es: valores}", "  values: {en: values, es: valores}\n  Işık: {}")
    settled = loads(tmp_path / "settled", {"site.yml": site_yml,
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [IŞIK]"),
        "posts/luz/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [Işık]")})
    assert {essay.tags for essay in settled.site.essays} == {("işık",)}
    assert not [w for w in settled.warnings if "IŞIK" in str(w)]


def test_a_tag_key_pasted_with_a_character_no_one_sees_is_the_tag_it_reads_as(tmp_path):
    """A Thai writer's walk: `ชา` pasted with a zero-width space (Thai pages put one between words), and
    `ร้านน้ำชา` with its sara am typed in two keys, were tags of their own, each listed twice under one name."""
    loaded = loads(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", 'author: Ana\ntags: ["ชา\\u200b", "ร้านน้\\u0e4d\\u0e32ชา"]'),
        "posts/luz/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [ชา, ร้านน้ำชา, Big\u00adData]"),
        "posts/mar/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [BigData]")})
    assert sorted(tag.key for tag in loaded.site.tags if tag.key != "values") == ["bigdata", "ชา", "ร้านน้ำชา"]


def test_a_tag_key_keeps_a_joiner_inside_a_word_and_drops_marks_of_direction_and_joiners_at_its_ends(tmp_path):
    """A red team: `کتاب` with a right-to-left mark, or a ZWNJ after it, were tags of their own shown as `کتاب`;
    a key of such characters alone was an invisible tag. Persian's ZWNJ inside a word shapes it: `کتاب‌ها` (books)
    is no `کتابها`. Thai's sara am typed in two keys with the tone mark between is one letter too."""
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", 'author: Ana\ntags: '
                              '["کتاب", "کتاب\\u200f", "کتاب\\u200c", "کتاب\\u200cها", "کتابها", "น\\u0e4d\\u0e49\\u0e32", "น้ำ"]')})
    assert {tag.key for tag in loaded.site.tags if tag.key != "values"} == {"کتاب", "کتاب\u200cها", "کتابها", "น้ำ"}
    refused = errors_for(tmp_path / "refused", {"posts/hola/index.es.md": ESSAY_ES.replace(
        "author: Ana", 'author: Ana\ntags: ["\\u200e\\u200c"]')})
    assert any("must hold more than dots, spaces and characters no one sees" in error for error in refused), refused


def test_a_tag_site_yml_lacks_is_labelled_as_an_essay_spells_it_in_small_letters(tmp_path):
    """A Vietnamese writer's walk: `ĐƯỜNG PHỐ` and `đường phố`, one tag, was labelled in capitals on every page,
    as the essay first in order wrote it."""
    loaded = loads(tmp_path, {
        "posts/a/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [ĐƯỜNG PHỐ]"),
        "posts/b/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [đường phố]")})
    tag = next(tag for tag in loaded.site.tags if tag.key == "đường-phố")
    assert tag.label("es", "en") == ("đường phố", "es")


def test_a_tag_written_as_another_tag_s_label_asks_whether_it_is_that_tag(tmp_path):
    """A Korean writer tagged `기억`, the `ko` label of `memory`: a second tag of the same name, with only
    "not in site.yml tags" said of it (a writer's walk, 2026-12)."""
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [Valores]")})
    assert [str(w) for w in loaded.warnings] == [
        "content/posts/hola/index.es.md:4: tag `Valores` is not in site.yml tags; its label is its key; it is the "
        "`es` label of `values`: is it meant to be `values`?"]


def test_a_tag_a_letter_away_from_a_declared_one_asks_whether_it_is_that_tag(tmp_path):
    """A writer's walk: `cidade` for the declared `cidades` was said to be unknown, with no question."""
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [valuse]")})
    assert [str(w) for w in loaded.warnings] == [
        "content/posts/hola/index.es.md:4: tag `valuse` is not in site.yml tags; its label is its key; is it meant "
        "to be `values`?"]


def test_a_missing_label_falls_back_to_the_key_as_written_not_its_url_segment(tmp_path):
    site_yml = SITE_YML.replace("  values: {en: values, es: valores}", "  values: {en: values, es: valores}\n  Open Source: {}")
    loaded = loads(tmp_path, {"site.yml": site_yml, "posts/hola/index.es.md": ESSAY_ES.replace(
        "author: Ana", "author: Ana\ntags: [open source, Big Data, values]")})
    tags = {tag.key: tag for tag in loaded.site.tags}
    assert loaded.site.essays[0].tags == ("open-source", "big-data", "values")
    assert tags["open-source"].label("es", "en") == ("Open Source", "")  # site.yml's key: its language is not known
    assert tags["big-data"].label("ro", "en") == ("Big Data", "es")  # as the Spanish essay writes it
    assert tags["values"].label("ro", "en") == ("values", "en")
    assert [str(w) for w in loaded.warnings] == [
        "content/posts/hola/index.es.md:4: tag `Big Data` is not in site.yml tags; its label is its key in every language: "
        "add it to site.yml's `tags` with a label for each (`Big Data: {en: …, es: Big Data, ro: …}`)"]


def test_drafts_are_left_out_unless_asked_for(tmp_path):
    files = {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ndraft: true")}
    assert loads(tmp_path, files).site.essays == ()
    content = tmp_path / "content"
    assert len(load_site(Options(content=content, drafts=True)).site.essays) == 1


def test_replies_nest_in_date_then_id_order_and_hidden_comments_never_appear(tmp_path):
    loaded = loads(tmp_path, {
        "posts/hola/comments/b.es.md": "---\nauthor: B\ndate: 2020-01-02\n---\n\nB.\n",
        "posts/hola/comments/a.es.md": "---\nauthor: A\ndate: 2020-01-02\n---\n\nA.\n",
        "posts/hola/comments/z.es.md": "---\nauthor: Z\ndate: 2019\n---\n\nZ.\n",
        "posts/hola/comments/u.es.md": "---\nauthor: U\n---\n\nUndated.\n",
        "posts/hola/comments/r.es.md": "---\nauthor: R\nreply_to: a\ndate: 2020-02\n---\n\nR.\n",
        "posts/hola/comments/s.es.md": "---\nauthor: S\nstatus: spam\n---\n\nSpam.\n",
    })
    threads = loaded.site.essays[0].threads
    assert [c.id for c in threads] == ["z", "a", "b", "u"]
    assert [c.id for c in threads[1].replies] == ["r"]
    assert loaded.site.held_back == 1


def test_editor_scratch_files_are_neither_content_nor_published(tmp_path):
    loaded = loads(tmp_path, {"posts/hola/.index.es.md.swp": "x", "posts/hola/index.es.md~": "old",
                              "posts/hola/comments/.1.es.md.swp": "x", "posts/.hidden/index.es.md": "x",
                              "posts/hola/#index.es.md#": "autosave", "posts/hola/4913": ""})
    assert [e.slug for e in loaded.site.essays] == ["hola"]
    assert loaded.site.essays[0].files == ()


def test_a_message_quoting_what_someone_wrote_is_one_line_and_keeps_their_spaces_and_joiners():
    from tertulia.errors import ContentError
    error = ContentError("content/posts/x/comments/a.es.md", 2, "`Ana\n::error::forged\r\u202e` is given twice; "
                         "« cita » y mi\u200cنام")
    assert str(error) == ("content/posts/x/comments/a.es.md:2: `Ana\\n::error::forged\\r\\u202e` is given twice; "
                          "« cita » y mi\u200cنام")


@pytest.mark.parametrize("main", ["main_language: eng", ""])
def test_a_wrong_main_language_does_not_hide_the_contents_errors(tmp_path, main):
    """The languages are readable, so every file can still be checked in the same run."""
    site_yml = SITE_YML.replace("main_language: en", main)
    errors = errors_for(tmp_path, {"site.yml": site_yml, "posts/hola/index.es.md": ESSAY_ES.replace('title: "Hola"\n', "")})
    assert "content/posts/hola/index.es.md:1: missing required key `title`" in errors
    assert [e for e in errors if e.startswith("content/site.yml")] == [
        "content/site.yml:4: main_language `eng` is not one of languages (en, es, ro)" if main else
        "content/site.yml: missing required key `main_language`"]


def test_a_year_is_a_tag_key_like_any_word(tmp_path):
    """YAML reads `2012` as a number: the contract's tag key is a word, and a year is one."""
    site_yml = SITE_YML.replace("tags:\n", "tags:\n  2012: {es: año 2012}\n")
    site = loads(tmp_path, {"site.yml": site_yml,
                            "posts/hola/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\ntags: [2012]\n")}).site
    assert site.essays[0].tags == ("2012",)
    assert dict(next(t for t in site.tags if t.key == "2012").labels) == {"es": "año 2012"}


@pytest.mark.parametrize("tags", ["[1.5]", "[true]", "[[a]]"])
def test_a_tag_key_that_is_no_word_is_an_error(tmp_path, tags):
    text = ESSAY_ES.replace("author: Ana\n", f"author: Ana\ntags: {tags}\n")
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": text})
    assert errors == [f"content/posts/hola/index.es.md:{text.split(chr(10)).index(f'tags: {tags}') + 1}: "
                      "tags must be a list of tag keys, e.g. `[values, cluetrain]`"]


def test_two_essays_keeping_one_feed_id_is_an_error_on_the_second(tmp_path):
    guid = "feed_id: \"https://old.example.org/?p=7\"\n"
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\n" + guid),
                                   "posts/otra/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\n" + guid)})
    line = ESSAY_ES.replace("author: Ana\n", "author: Ana\n" + guid).split("\n").index(guid.strip()) + 1
    assert errors == [f"content/posts/otra/index.es.md:{line}: feed_id `https://old.example.org/?p=7` is "
                      "content/posts/hola/index.es.md's too: a feed reader would show one of the two"]


def test_a_comment_id_that_is_another_comments_passage_is_an_error(tmp_path):
    """`alice-p1` would be `#comment-alice-p1` twice on the page: Alice's first paragraph, and the impostor."""
    errors = errors_for(tmp_path, {"posts/hola/comments/alice.es.md": "---\nauthor: Alice\n---\n\nHola.\n",
                                   "posts/hola/comments/alice-p1.es.md": "---\nauthor: Eve\n---\n\nOtro.\n",
                                   "posts/hola/comments/bob-p2.es.md": "---\nauthor: Bob\n---\n\nBien.\n"})
    assert errors == ["content/posts/hola/comments/alice-p1.es.md: comment id `alice-p1` is the address of a passage "
                      "of comment `alice` (#comment-alice-p1): rename the file"]


def test_a_misspelt_key_is_named_with_the_key_it_is_probably_meant_to_be(tmp_path):
    """`translater:` lost the translator's credit with a warning that did not say what to write instead."""
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES,
                              "posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es",
                                                                         "translation_of: es\ntranslater: Bo\nzzz: 1")})
    warnings = [str(w) for w in loaded.warnings]
    assert ("content/posts/hola/index.en.md:4: unknown key `translater` is ignored; is it meant to be `translator`?"
            in warnings)
    assert "content/posts/hola/index.en.md:5: unknown key `zzz` is ignored" in warnings


def test_a_translator_named_in_an_original_is_said_to_belong_in_a_translation(tmp_path):
    """An original's `translator` was dropped unseen: the credit the author meant to give appeared nowhere."""
    files = {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana\n", "author: Ana\ntranslator: Tina\n"),
             "pages/about/index.es.md": "---\ntitle: Sobre\ntranslator: Tina\n---\n\nSobre mí.\n",
             "posts/hola/comments/c1.es.md": "---\nauthor: B\ntranslator: Tina\n---\n\nBien.\n"}
    said = [str(w) for w in loads(tmp_path, files).warnings if "translator" in str(w)]
    assert said == [f"content/{path}:{line}: `translator` belongs in a translation, not the original; it is ignored here"
                    for path, line in (("pages/about/index.es.md", 3), ("posts/hola/comments/c1.es.md", 3),
                                       ("posts/hola/index.es.md", 4))]


def test_a_file_named_with_a_languages_code_in_other_letters_is_told_the_name_site_yml_spells(tmp_path):
    errors = errors_for(tmp_path, {"posts/hola/index.ES.md": ESSAY_ES, "posts/hola/index.en.md": ESSAY_EN}, with_essay=False)
    assert ("content/posts/hola/index.ES.md: language `ES` is not in site.yml languages (en, es, ro); the file's name "
            "must spell it as site.yml does: `index.es.md`") in errors


def test_a_file_named_with_another_name_for_a_declared_language_is_told_the_name_to_give_it(tmp_path):
    """ISO 639-2's `eng` is English's `en`; `es-MX` is Spanish with a region the site did not declare."""
    translation = "---\ntitle: Hi\ntranslation_of: es\n---\n\nA.\n\nB.\n"
    comment = "---\nauthor: B\n---\n\nHola.\n"
    errors = errors_for(tmp_path, {"posts/hola/index.eng.md": translation, "posts/hola/comments/c1.es-MX.md": comment})
    assert errors == [
        "content/posts/hola/comments/c1.es-MX.md: language `es-MX` is not in site.yml languages (en, es, ro); name it "
        "`c1.es.md`, or add `es-MX` to site.yml's languages",
        "content/posts/hola/index.eng.md: language `eng` is not in site.yml languages (en, es, ro); BCP 47 writes it "
        "`en`: `index.en.md`"]


def test_a_tag_list_item_indented_under_the_one_before_is_said_to_read_as_one_key(tmp_path):
    essay = ESSAY_ES.replace("author: Ana\n", "author: Ana\ntags:\n- daily\n  - translation\n")
    warnings = [str(w) for w in loads(tmp_path, {"posts/hola/index.es.md": essay}).warnings]
    assert ("content/posts/hola/index.es.md:4: tag key `daily - translation` reads as one key: if it is two, "
            "start each `- ` of the list at the same indentation") in warnings


def test_notes_beside_an_essay_are_told_how_to_stay_unpublished_and_then_are(tmp_path):
    """A README.md beside an essay stopped the build with no way to keep it there."""
    errors = errors_for(tmp_path, {"posts/hola/README.md": "# my notes\n"})
    assert errors == ["content/posts/hola/README.md: an essay file must be named index.<lang>.md; a note of your "
                      "own kept here starts with a dot (`.README.md`), and is never published"]
    site = loads(tmp_path / "hidden", {"posts/hola/.README.md": "# my notes\n"}).site
    assert [essay.slug for essay in site.essays] == ["hola"] and not site.essays[0].files


def test_a_translated_list_with_an_item_left_out_is_warned_of_at_its_line(tmp_path):
    """A list is one block, so the blocks still match: only its items tell that one went missing."""
    files = {"posts/lista/index.es.md": "---\ntitle: Lista\nauthor: A\n---\n\nUno.\n\n- a\n- b\n    - b1\n    - b2\n- c\n",
             "posts/lista/index.en.md": "---\ntitle: List\ntranslation_of: es\n---\n\nOne.\n\n- a\n- b\n    - b1\n    - b2\n"}
    said = [str(w) for w in loads(tmp_path, files).warnings if "list" in str(w)]
    assert said == ["content/posts/lista/index.en.md:8: block 2 is a list of 2 items, its original's has 3: "
                    "an item left out, or two run together?"]
    files["posts/lista/index.en.md"] += "- c\n"  # the nested items are the second item's, not the list's
    assert [str(w) for w in loads(tmp_path / "b", files).warnings if "list" in str(w)] == []
    files["posts/lista/index.en.md"] += "- d\n"  # one more: no item was left out (a translator's walk)
    assert [str(w) for w in loads(tmp_path / "c", files).warnings if "list" in str(w)] == [
        "content/posts/lista/index.en.md:8: block 2 is a list of 4 items, its original's has 3: "
        "an item added, or one split in two?"]


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
def test_a_file_with_old_mac_line_endings_reads_as_its_lines(tmp_path, ending):
    """`---\\rauthor: a\\r---` was "no front matter: the file must start with a `---` line", though it does;
    mixed with Windows's `\\r\\n`, "front matter is not closed". YAML and Markdown both end a line at a lone CR."""
    text = ESSAY_EN.replace("\n", "\r") if ending == "\r" else ESSAY_EN.replace("\n", "\r\n") if ending == "\r\n" \
        else ESSAY_EN.replace("\n", "\r", 2).replace("\n", "\r\n")
    loaded = loads(tmp_path, {"posts/hola/index.en.md": text})
    english = loaded.site.essays[0].text("en")
    assert english.title == "Hello" and english.blocks == loads(tmp_path / "b", {}).site.essays[0].text("en").blocks


def test_tags_parted_with_a_full_width_comma_are_said_to_read_as_one(tmp_path):
    """`[翻译，记忆]`, as a Chinese keyboard types it, was one new tag `翻译，记忆`, without a word."""
    loaded = loads(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\ntags: [翻译，记忆]")})
    assert loaded.site.essays[0].tags == ("翻译，记忆",)
    assert "content/posts/hola/index.es.md:4: tag key `翻译，记忆` reads as one key: if it is several, part them " \
           "with `,` (`[翻译, 记忆]`)" in [str(w) for w in loaded.warnings]


def test_a_full_width_colon_after_a_key_is_named_at_its_line(tmp_path):
    """`title："…"` was said at the next line, with advice to quote a value holding `: `."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": '---\ntitle："翻译之难"\nauthor: Ana\n---\n\nUno.\n'})
    assert errors == ["content/posts/hola/index.es.md:2: YAML does not parse: the colon after `title` is a full-width "
                      "one (：), which YAML does not read as one: type `:`"]


@pytest.mark.parametrize("date, meant", [("2026-20-11", "2026-11-20"), ("2012-13-01", "2012-01-13")])
def test_a_date_with_its_day_and_month_swapped_asks_for_the_one_meant(tmp_path, date, meant):
    """`2026-20-11` was said to be off the calendar, and no more (a new user, 2026-12)."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", f"author: Ana\ndate: {date}")})
    assert len(errors) == 1 and "is not on the calendar" in errors[0], errors
    assert errors[0].endswith(f"; is it meant to be `{meant}`?")


def test_a_file_named_with_a_language_whose_region_site_yml_declares_is_told_that_name(tmp_path):
    """`index.pt.md` on a site of `pt-BR` was told only that `pt` is not declared (a new user, 2026-12)."""
    files = {"site.yml": SITE_YML.replace("ro: Română", "pt-BR: Português"),
             "posts/hola/index.pt.md": "---\ntitle: Oi\ntranslation_of: es\n---\n\nA.\n\nB.\n"}
    errors = errors_for(tmp_path, files)
    assert ("content/posts/hola/index.pt.md: language `pt` is not in site.yml languages (en, es, pt-BR); is it meant "
            "to be `index.pt-BR.md`?") in errors, errors


def test_translation_of_naming_a_language_by_its_name_is_told_to_use_the_original_s_code(tmp_path):
    """`translation_of: catalan` was told there is no `catalan` file beside it (a new user, 2026-12)."""
    errors = errors_for(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es", "translation_of: spanish")})
    assert ("content/posts/hola/index.en.md:3: translation_of names `spanish`, which is no language of site.yml: it "
            "takes the original's code, here `es`") in errors, errors


def test_a_feed_timestamp_of_a_year_before_1000_keeps_four_digits():
    """A red team: with a time zone, `0999-06-01 10:00` became `999-06-01T…`, which no RFC 3339 reader takes."""
    from tertulia.importers.clock import in_zone, utc_text
    from tertulia.model import PartialDate
    assert PartialDate(999, 6, 1, 10, 0, offset=60).timestamp == "0999-06-01T09:00:00Z"
    assert PartialDate(1, 1, 1, 0, 15, offset=0).timestamp == "0001-01-01T00:15:00Z"
    assert in_zone("0999-06-01 10:00+00:00", "Europe/Madrid").startswith("0999-06-01 10:")
    import datetime as dt
    assert utc_text(dt.datetime(999, 6, 1, 10, 0, tzinfo=dt.timezone.utc)) == "0999-06-01 10:00+00:00"


@pytest.mark.parametrize("tag", ["rock, pop", "Q and A: live", "#hash"])
def test_the_site_yml_entry_a_missing_tag_s_warning_offers_reads_back_as_that_tag(tmp_path, tag):
    """A review: `rock, pop: {en: rock, pop, …}` split the label in two, and `Q and A: live` did not parse."""
    import yaml
    essay = ESSAY_ES.replace("author: Ana", f"author: Ana\ntags: [{json.dumps(tag)}]")
    warning = next(str(w) for w in loads(tmp_path, {"posts/hola/index.es.md": essay}).warnings if "site.yml tags" in str(w))
    entry = warning.rsplit("(`", 1)[1].rsplit("`)", 1)[0].replace("…", "x")
    assert yaml.safe_load(entry) == {tag: {"en": "x", "es": tag, "ro": "x"}}, warning


@pytest.mark.parametrize("title, said", [
    ('"Lettera: "x" dal porto"', 'the " before `x" dal porto"` ends the quoted text: write a " inside it as \\"'),
    ("'L'acqua e il porto'", "the ' before `acqua e il porto'` ends the quoted text: write a ' inside it twice, as ''")])
def test_a_quote_inside_a_quoted_title_is_named_as_what_ends_it(tmp_path, title, said):
    """A new user's walk: YAML said only "did not find expected key" of a title with quotes inside its quotes."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": f"---\ntitle: {title}\nauthor: Ana\n---\n\nUno.\n"})
    assert len(errors) == 1 and errors[0].startswith("content/posts/hola/index.es.md:2: YAML does not parse: did not "
                                                     f"find expected key; {said}"), errors


def test_a_source_whose_host_cannot_be_read_is_an_error_not_a_traceback(tmp_path):
    """A red team: `source: "http://[::1/x/"` passed check, and the build naming its host stopped with one."""
    errors = errors_for(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", 'author: Ana\nsource: "http://[::1/x/"')})
    assert errors == ["content/posts/hola/index.es.md:4: `source` must be an absolute http(s) URL, not `http://[::1/x/`"]


def test_a_comment_marked_as_a_draft_is_said_to_be_published_and_how_to_hold_it_back(tmp_path):
    """`draft: true` holds an essay back; on a comment it was "unknown key `draft` is ignored", and the
    comment was on every page and feed (a feed reader's review)."""
    loaded = loads(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: Ana\ndraft: true\n---\n\nHola.\n"})
    assert ("content/posts/hola/comments/c1.es.md:3: unknown key `draft` is ignored: the comment is published; "
            "`status: pending` holds a comment back") in [str(w) for w in loaded.warnings]
