"""`new post|page|translation|comment`: files in the right place that validate, and never an overwrite."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tertulia.pipeline import Options, load_site

from helpers import SITE_YML, make_content, run_cli


def new(content, *args):
    return run_cli("new", *args, "--content", str(content))


def test_new_post_is_a_valid_draft(tmp_path):
    content = make_content(tmp_path)
    result = new(content, "post", "nuevo", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert (content / "posts/nuevo/index.es.md").read_text().endswith("\n---\n\nEl primer párrafo.\n")
    loaded = load_site(Options(content=content, drafts=True))
    assert [e.slug for e in loaded.site.essays if e.draft] == ["nuevo"]
    # dated the day it was started, as init's first essay is: one published undated was listed last
    import datetime
    assert loaded.site.essays[[e.slug for e in loaded.site.essays].index("nuevo")].date.timestamp.startswith(
        datetime.date.today().isoformat())


def test_new_translation_marks_each_block_of_the_original(tmp_path):
    content = make_content(tmp_path)
    result = new(content, "translation", "hola", "--lang", "ro")
    assert result.returncode == 0, result.stderr
    text = (content / "posts/hola/index.ro.md").read_text()
    assert "translation_of: es" in text
    assert "\nTODO translate: Primer párrafo.\n\nTODO translate: Segundo párrafo.\n" in text
    loaded = load_site(Options(content=content))
    assert len(loaded.site.essays[0].text("ro").blocks) == 2
    assert ("content/posts/hola/index.ro.md:2: the title and blocks 1, 2 (of 2) still say `TODO translate`: shown in the original's "
            "language until translated") in [str(w) for w in loaded.warnings]


def test_new_translation_starts_the_summary_too(tmp_path):
    """A translator's walk: the starter left out the original's summary, so the translation's listings and
    feed showed none of theirs, and nothing said one was to write."""
    content = make_content(tmp_path)
    original = content / "posts/hola/index.es.md"
    original.write_text(original.read_text().replace('title: "Hola"\n', 'title: "Hola"\nsummary: \'Un "saludo"\n  breve.\'\n'))
    assert new(content, "translation", "hola", "--lang", "ro").returncode == 0
    text = (content / "posts/hola/index.ro.md").read_text()
    assert 'summary: "TODO translate: Un \\"saludo\\" breve."\n' in text, text
    loaded = load_site(Options(content=content))
    assert loaded.site.essays[0].text("ro").summary == 'Un "saludo" breve.'  # the original's, until translated
    assert any("the title, the summary and blocks 1, 2 (of 2) still say `TODO translate`" in str(w)
               for w in loaded.warnings), loaded.warnings


def test_a_starter_s_title_holds_the_original_s_control_characters_escaped(tmp_path):
    """A review's: the starter quoted a title by escaping `\\` and `"` alone, so a tab, a bell and a line
    separator from the original's escaped title stood raw between its quotes."""
    content = make_content(tmp_path)
    original = content / "posts/hola/index.es.md"
    original.write_text(original.read_text().replace('title: "Hola"', 'title: "Uno\\tdos\\a \\u2028tres"'))
    assert new(content, "translation", "hola", "--lang", "ro").returncode == 0
    text = (content / "posts/hola/index.ro.md").read_text()
    assert not any(char in text for char in "\t\a\u2028"), text
    assert 'title: "TODO translate: Uno\\u0009dos\\u0007 \\u2028tres"' in text, text


def test_a_translation_asked_for_in_the_originals_language_is_refused_saying_so(tmp_path):
    content = make_content(tmp_path)
    refused = new(content, "translation", "hola", "--lang", "es")
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith("index.es.md: already exists; not overwritten: it is the original, in "
                                           "`es`; --lang names the translation's language")
    again = new(content, "translation", "hola", "--lang", "en")  # a translation there already: how to update it
    assert again.returncode == 1 and again.stderr.strip().endswith(
        "index.en.md: already exists; not overwritten; when its original has gained or lost blocks, "
        "`tertulia new translation hola --lang en --update` adds and takes them out")


def test_new_page_and_its_translation_start_where_pages_live(tmp_path):
    content = make_content(tmp_path)
    made = new(content, "page", "contacto", "--lang", "es")
    assert made.returncode == 0 and "- page: contacto" in made.stdout
    for taken in ("tags", "posts", "ro"):  # the build would refuse these addresses
        refused = new(content, "page", taken, "--lang", "es")
        assert refused.returncode == 2 and f"page slug `{taken}` collides with" in refused.stderr
        assert not (content / "pages" / taken).exists()
    page = (content / "pages/contacto/index.es.md").read_text()
    assert "draft: true" in page and "date" not in page and "tags" not in page
    (content / "pages/contacto/index.es.md").write_text(
        '---\ntitle: "Contacto"\n---\n\nEscríbenos.\n\nO llámanos.\n')
    result = new(content, "translation", "contacto", "--lang", "en")
    assert result.returncode == 0, result.stderr
    translation = (content / "pages/contacto/index.en.md").read_text()
    assert "translation_of: es" in translation and "TODO translate: O llámanos." in translation
    assert '"content/pages/contacto/index.en.md"' not in (content / "translations.json").read_text()
    assert "pages/contacto/index.en.md" in (content / "translations.json").read_text()
    loaded = load_site(Options(content=content))
    assert [p.slug for p in loaded.site.pages] == ["contacto"] and len(loaded.site.pages[0].texts) == 2
    status = run_cli("status", "--content", str(content))
    assert "contacto (page, original in es)" in status.stdout and "en unfinished (title, blocks 1, 2)" in status.stdout
    # a page named as a post is: --page says which one is meant
    site_yml = content / "site.yml"  # a page the menu already names is not told to be added to it
    site_yml.write_text(site_yml.read_text() + "menu:\n  - page: hola\n")
    made = new(content, "page", "hola", "--lang", "es")
    assert made.returncode == 0 and "menu" not in made.stdout, made.stdout
    assert new(content, "translation", "hola", "--lang", "ro", "--page").returncode == 0
    assert (content / "pages/hola/index.ro.md").is_file() and not (content / "posts/hola/index.ro.md").exists()


def test_new_comment_takes_the_next_number_and_waits_for_review(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/1.es.md": "---\nauthor: A\n---\n\nHola.\n"})
    result = new(content, "comment", "hola", "--lang", "es", "--reply-to", "1")
    assert result.returncode == 0, result.stderr
    text = (content / "posts/hola/comments/2.es.md").read_text()
    assert text.endswith("\n---\n\nEl comentario.\n")  # the page will say it is in Spanish
    assert 'reply_to: "1"' in text and "status: pending" in text
    assert len(load_site(Options(content=content)).site.essays[0].comments) == 1
    # dated when it was started, on the site's clock: once published, an undated reply was shown last
    # in its thread with no date, and set its feed's time (a new user's walk)
    (content / "posts/hola/comments/2.es.md").write_text(text.replace("status: pending\n", ""))
    reply = load_site(Options(content=content)).site.essays[0].comments[1]
    assert reply.reply_to == "1" and reply.date is not None
    assert re.search(r'\ndate: "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}\+00:00"', text), text


def test_new_comment_is_dated_on_the_sites_clock(tmp_path):
    content = make_content(tmp_path)
    (content / "site.yml").write_text((content / "site.yml").read_text() + "timezone: Asia/Kolkata\n")
    assert new(content, "comment", "hola", "--lang", "es").returncode == 0
    text = (content / "posts/hola/comments/1.es.md").read_text()
    assert re.search(r'\ndate: "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}\+05:30"', text), text


def test_new_refuses_to_overwrite(tmp_path):
    content = make_content(tmp_path)
    before = (content / "posts/hola/index.en.md").read_text()
    result = new(content, "translation", "hola", "--lang", "en")
    assert result.returncode == 1 and "already exists; not overwritten" in result.stderr
    assert (content / "posts/hola/index.en.md").read_text() == before


def test_new_rejects_bad_requests(tmp_path):
    content = make_content(tmp_path)
    assert new(content, "post", "Bad_Slug", "--lang", "es").returncode == 2
    assert new(content, "post", "ok", "--lang", "fr").returncode == 2
    assert new(content, "comment", "missing", "--lang", "es").returncode == 2
    assert new(content, "comment", "hola", "--lang", "es", "--reply-to", "ghost").returncode == 2
    assert not (content / "posts/ok").exists()


def test_a_new_post_without_lang_is_in_the_main_language_and_a_translation_asks_for_it(tmp_path):
    """The site says its main language: `new post x` asked for --lang all the same."""
    content = make_content(tmp_path)  # main_language: en
    assert new(content, "post", "nuevo").returncode == 0
    assert (content / "posts/nuevo/index.en.md").exists()
    asked = new(content, "translation", "nuevo")
    assert asked.returncode == 2 and asked.stderr.strip() == "--lang names the translation's language (es, ro)"


def test_a_translation_of_a_post_that_does_not_exist_says_so(tmp_path):
    """It said the post "has no original to translate", as if it were there."""
    content = make_content(tmp_path)
    result = new(content, "translation", "nowhere", "--lang", "es")
    assert result.returncode == 2
    assert result.stderr.strip() == ("there is no post `nowhere` (content/posts/nowhere/ does not exist): start it "
                                     "with `tertulia new post nowhere`")


def test_reply_to_is_refused_for_anything_but_a_comment(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: Ana\n---\n\nHola.\n"})
    result = new(content, "post", "respuesta", "--lang", "es", "--reply-to", "c1")
    assert result.returncode == 2 and "--reply-to goes with `new comment`" in result.stderr
    assert not (content / "posts/respuesta").exists()


def test_a_translation_starter_keeps_an_essay_s_footnotes_as_markdown(tmp_path):
    from tertulia.commands.translation_starter import starter_markdown
    from tertulia.reading.markup import Converter
    blocks = Converter().blocks("Una *afirmación*.[^1]\n\n[^1]: Según el libro,\n    p. 3.\n\n    Y más.\n", True)
    assert [starter_markdown(block, True) for block in blocks] == [
        "TODO translate: Una *afirmación*.[^1]",
        "[^1]: TODO translate: Según el libro,\n    p. 3.\n\n    TODO translate: Y más."]


def test_a_translation_starter_leaves_a_number_alone_and_marks_every_cell_of_words():
    """`| TODO translate: 1914 |` asked a translator to translate a year (a writer's walk)."""
    from tertulia.commands.translation_starter import starter_markdown
    from tertulia.reading.markup import Converter
    blocks = Converter().blocks("| Luogo | Anno |\n|---|---|\n| San Marco | 1914 |\n\n1914: la guerra.\n\n- 12\n- dodici\n",
                                True)
    assert [starter_markdown(block, True) for block in blocks] == [
        "| TODO translate: Luogo | TODO translate: Anno |\n| --- | --- |\n| TODO translate: San Marco | 1914 |",
        "TODO translate: 1914: la guerra.", "- 12\n- TODO translate: dodici"]


@pytest.mark.parametrize("recorded,requirement,portable", [
    ('{"url": "https://github.com/ana/tertulia", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}',
     "tertulia @ git+https://github.com/ana/tertulia@abc123", True),
    ('{"url": "https://example.org/tertulia-0.1.0-py3-none-any.whl", "archive_info": {}}',
     "tertulia @ https://example.org/tertulia-0.1.0-py3-none-any.whl", True),
    ('{"url": "file:///home/ana/tertulia", "dir_info": {"editable": true}}', "tertulia==", False),
    (None, "tertulia==", False),
])
def test_a_new_site_asks_for_the_tertulia_it_was_made_with_as_pip_installed_it(monkeypatch, recorded, requirement, portable):
    from tertulia.commands import init

    class Installed:
        def read_text(self, name):
            return recorded if name == "direct_url.json" else None

    monkeypatch.setattr(init.metadata, "distribution", lambda name: Installed())
    found, surely = init.installed_requirement()
    assert found.startswith(requirement) and surely is portable


def test_a_tertulia_installed_from_a_clone_is_pinned_to_its_repository_and_commit(monkeypatch, tmp_path):
    """The README's `pip install path/to/clone` pinned `tertulia==0.1.0`, which no package index serves:
    the new site's publishing workflow failed on its first push."""
    from tertulia.commands import init

    def git(*args, cwd=tmp_path):
        return subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@e.org", *args], cwd=cwd, check=True,
                              capture_output=True, text=True).stdout.strip()
    (tmp_path / "upstream").mkdir()
    git("init", "-q", "-b", "main", cwd=tmp_path / "upstream")
    git("commit", "-q", "--allow-empty", "-m", "one", cwd=tmp_path / "upstream")
    git("clone", "-q", str(tmp_path / "upstream"), str(tmp_path / "clone"))
    clone = tmp_path / "clone"
    git("remote", "set-url", "origin", "git@github.com:ana/tertulia.git", cwd=clone)
    commit = git("rev-parse", "HEAD", cwd=clone)

    class Installed:
        def read_text(self, name):
            return json.dumps({"url": clone.as_uri(), "dir_info": {}}) if name == "direct_url.json" else None
    monkeypatch.setattr(init.metadata, "distribution", lambda name: Installed())
    assert init.installed_requirement() == (f"tertulia @ git+https://github.com/ana/tertulia.git@{commit}", True)
    git("commit", "-q", "--allow-empty", "-m", "mine, never pushed", cwd=clone)
    found, surely = init.installed_requirement()  # a commit the repository lacks: the version, and a note
    assert found.startswith("tertulia==") and not surely


@pytest.mark.parametrize("kind, folder, said", [
    ("post", "posts", ["posts/nuevo/index.en.md:2: the title still says `TODO title`, as `tertulia new post` wrote it",
                       "posts/nuevo/index.en.md:3: the author still says `TODO author`"]),
    # a page published so passed check without a word (a new user's walk)
    ("page", "pages", ["pages/nuevo/index.en.md:2: the title still says `TODO title`, as `tertulia new page` wrote it"]),
])
def test_a_new_post_or_page_published_as_written_is_warned_of_and_fails_a_strict_check(tmp_path, kind, folder, said):
    content = make_content(tmp_path)
    assert new(content, kind, "nuevo", "--lang", "en").returncode == 0
    path = content / folder / "nuevo/index.en.md"
    assert run_cli("check", "--content", str(content), "--strict").returncode == 0  # a draft: not published yet
    path.write_text(path.read_text().replace("draft: true\n", ""))
    result = run_cli("check", "--content", str(content), "--strict")
    assert result.returncode == 1
    for warning in said:
        assert f"content/{warning}" in result.stderr, result.stderr


def test_a_title_given_for_a_post_or_a_page_makes_its_slug_as_a_reader_would_spell_it(tmp_path):
    """A Hindi writer's `new post बनारस-यात्रा` was offered `bnars-yatra`, and a Bengali writer's `new post
    "কলকাতার ট্রাম"` was refused: a dead end that dropped the title she typed (two new users' walks)."""
    content = make_content(tmp_path)
    result = new(content, "post", "কলকাতার ট্রাম", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert "its slug, `kolkatar-tram`, is made of the title" in result.stdout
    written = (content / "posts/kolkatar-tram/index.es.md").read_text()
    assert written.startswith('---\ntitle: "কলকাতার ট্রাম"\n') and "draft: true" in written
    assert new(content, "page", "बनारस-यात्रा", "--lang", "es").returncode == 0
    assert (content / "pages/banaras-yatra/index.es.md").read_text().startswith('---\ntitle: "बनारस-यात्रा"\n')
    refused = new(content, "translation", "কলকাতার ট্রাম", "--lang", "en")  # names a post: never made up
    assert refused.returncode == 2 and "e.g. `kolkatar-tram`" in refused.stderr
    # a number in its own digits is a title too (an Urdu walk: `۱۲۳` was a bad slug, and `123` its suggestion)
    assert new(content, "post", "۱۲۳", "--lang", "es").returncode == 0
    assert (content / "posts/123/index.es.md").read_text().startswith('---\ntitle: "۱۲۳"\n')
    assert new(content, "post", "፲፱፻፹፯", "--lang", "es").returncode == 0  # Ethiopic numerals: no decimal digits
    assert (content / "posts/1987/index.es.md").is_file()


def test_a_hebrew_title_makes_one_slug_with_its_vowel_points_or_without_and_no_hyphen_inside_a_word():
    """A Hebrew writer's walk: `new post "שָׁלוֹם"` gave `sahlvom` (the shin's dot read as `h`), `שלום` gave
    `slvm`, and an alef, ayin or geresh inside a word split it with a hyphen (`צ׳יפס`: `ts-yfs`), typed as a
    geresh or as a keyboard's `'` (a re-walk)."""
    from tertulia.reading.names import as_written_in, slug_of

    def hebrew(title):
        return slug_of(as_written_in(title, "he"))
    assert hebrew("שָׁלוֹם") == hebrew("שלום") == "slvm"
    assert hebrew("צ׳יפס") == hebrew("צ'יפס") == "tsyfs" and hebrew("צה״ל") == hebrew('צה"ל') == "tshl"
    assert hebrew("שאלה") == "slh" and hebrew("Don't panic") == "don-t-panic"
    assert hebrew("על שָׁלוֹם ושלום־בית") == "l-slvm-vslvm-vyt"  # the maqaf parts words as a hyphen does
    assert slug_of(as_written_in("מאַמע", "yi")) != "mm"  # Yiddish writes its vowels with them


def test_a_ukrainian_title_makes_its_slug_as_ukraine_romanizes_it():
    """A Ukrainian writer's walk: `М'ята` gave `m-yata` (the apostrophe made a hyphen in mid-word), `Єдність`
    `iednist` and `г` a Russian `g`; Ukraine's own romanization (2010) writes `miata`, `yednist`, `h`."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {title: slug_of(as_written_in(title, "uk")) for title in (
        "М'ята, їжак і ґанок", "Пʼять обʼєктів", "Ялта, Юрій, Євген, Їжачок", "Розгін", "Подвір’я")}
    assert made == {"М'ята, їжак і ґанок": "miata-yizhak-i-ganok", "Пʼять обʼєктів": "piat-obiektiv",
                    "Ялта, Юрій, Євген, Їжачок": "yalta-yurii-yevhen-yizhachok", "Розгін": "rozghin",
                    "Подвір’я": "podviria"}
    assert slug_of(as_written_in("Мята", "ru")) == "myata"  # Russian's stays the transliteration's
    decomposed = __import__("unicodedata").normalize("NFD", "Чайка")  # a red team: й typed as и and its breve
    assert slug_of(as_written_in(decomposed, "uk")) == "chaika" and slug_of(as_written_in("ʼЯма", "uk")) == "yama"


def test_russian_and_serbian_titles_make_the_slugs_their_writers_spell():
    """A Russian walk with Serbian: `Подъезд` gave `pod-ezd` (the hard sign an apostrophe, then a hyphen), and
    Serbian took Russian's spellings (`џем` `dzhem`, `жена` `zhena`) and lost đ's `j` (`Đorđević` `dordevic`)."""
    from tertulia.reading.names import as_written_in, slug_of
    russian = {title: slug_of(as_written_in(title, "ru")) for title in ("Подъезд и объявление", "Семья", "Ёлка и щи")}
    assert russian == {"Подъезд и объявление": "podezd-i-obyavlenie", "Семья": "semya", "Ёлка и щи": "elka-i-shchi"}
    serbian = {title: slug_of(as_written_in(title, lang)) for title, lang in (
        ("Џем, ћевапи и ђак", "sr"), ("Жена, шума, чаша, хлеб, цена, љубав", "sr-Cyrl"), ("Đorđević i Ђорђевић", "sr-Latn"))}
    assert serbian == {"Џем, ћевапи и ђак": "dzem-cevapi-i-djak", "Жена, шума, чаша, хлеб, цена, љубав":
                       "zena-suma-casa-hleb-cena-ljubav", "Đorđević i Ђорђевић": "djordjevic-i-djordjevic"}
    assert slug_of(as_written_in("Жена", "ru")) == "zhena"  # Russian's stays the transliteration's
    # Bulgarian's ъ is a vowel (a red team: `България` was `b-lgariya`), as Bulgaria's romanization writes it
    assert slug_of(as_written_in("България и щастие", "bg")) == "balgaria-i-shtastie"


def test_georgian_and_armenian_titles_make_the_slugs_their_writers_spell():
    """A Georgian walk with Armenian: an ejective's or an aspirate's apostrophe made a hyphen inside a word
    (`წყალი` `ts-q-ali`, `գիրքը` `girk-y`), and Armenian's `Երևան` was `erevan`, `Ուղի` `owghi`."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {title: slug_of(as_written_in(title, lang)) for title, lang in (
        ("წყალი და ჭიათურა", "ka"), ("ქართული ენა", "ka"), ("Երևանի գիրքը", "hy"), ("Ոսկե Ուղի", "hy"),
        ("Երեւան", "hy"))}
    assert made == {"წყალი და ჭიათურა": "tsqali-da-chiatura", "ქართული ენა": "kartuli-ena",
                    "Երևանի գիրքը": "yerevani-girky", "Ոսկե Ուղի": "voske-ughi", "Երեւան": "yerevan"}


def test_a_greek_title_makes_its_slug_as_greece_romanizes_it():
    """A Greek translator's walk: the transliteration took each letter alone (`ου` as `oy`, `ευ` as `ey`), so
    Κωνσταντινούπολη was `konstantinoypoli` and Ευαγγέλιο `eyaggelio`; ELOT 743 writes `ou`, `ev`/`ef`, `ng`."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {title: slug_of(as_written_in(title, "el")) for title in (
        "Φως και σκιά στην Κωνσταντινούπολη", "Ευχαριστώ", "Ευαγγέλιο", "Αϋπνία", "Αυτοκίνητο και αυλός",
        "ΨΥΧΉ", "Ταξίδι στην Ελλάδα 2026")}
    assert made == {"Φως και σκιά στην Κωνσταντινούπολη": "fos-kai-skia-stin-konstantinoupoli",
                    "Ευχαριστώ": "efcharisto", "Ευαγγέλιο": "evangelio", "Αϋπνία": "aypnia",
                    "Αυτοκίνητο και αυλός": "aftokinito-kai-avlos", "ΨΥΧΉ": "psychi",
                    "Ταξίδι στην Ελλάδα 2026": "taxidi-stin-ellada-2026"}
    assert slug_of(as_written_in("Ευχαριστώ", "ja")) == "efcharisto"  # in any language's title (a re-walk)


def test_a_korean_title_makes_its_slug_as_south_korea_romanizes_it():
    """A Vietnamese writer's walk with Korean translations: the transliteration took each letter alone, so 한국
    was `hangug`, 거리 `geoli`, 신라 `sinla`; the Revised Romanization writes what is said, as Korean readers expect."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {title: slug_of(as_written_in(title, "ko")) for title in (
        "새벽의 하노이 거리", "한국 음식", "신라와 종로", "독립문", "음악과 라면", "좋아, 강아지!", "Seoul 2026 서울에서")}
    assert made == {"새벽의 하노이 거리": "saebyeogui-hanoi-geori", "한국 음식": "hanguk-eumsik",
                    "신라와 종로": "sillawa-jongno", "독립문": "dongnimmun", "음악과 라면": "eumakgwa-ramyeon",
                    "좋아, 강아지!": "joa-gangaji", "Seoul 2026 서울에서": "seoul-2026-seoureseo"}


def test_a_turkish_title_leaves_out_the_apostrophe_before_a_suffix_as_turkish_addresses_do():
    """A Turkish writer's walk: `İstanbul'da` (in Istanbul) made `istanbul-da`, a hyphen no Turkish address has."""
    from tertulia.reading.names import as_written_in, slug_of
    assert slug_of(as_written_in("İstanbul'da Işık ve Gölge", "tr")) == "istanbulda-isik-ve-golge"
    assert slug_of(as_written_in("Türkçe’nin 'sesi'", "tr")) == "turkcenin-sesi"
    assert slug_of(as_written_in("L'été", "fr")) == "l-ete"  # French keeps WordPress's hyphen
    assert slug_of(as_written_in("1990'lar ve 2023'te", "tr")) == "1990lar-ve-2023te"  # after a number too (a red team)
    # a Greek title's other scripts stay whole for the transliteration: ガイド is gaido, not its decomposed ka-ito
    assert slug_of(as_written_in("Ελλάδα ガイド Ἀθῆναι", "el")) == "ellada-gaido-athinai"


def test_a_one_word_turkish_title_is_refused_as_a_slug_with_the_slug_turkish_makes(tmp_path):
    """`new post "İstanbul'da"`, one Latin word, reads as a mistyped slug: the one it suggests is Turkish's."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("ro: Română", "tr: Türkçe")})
    refused = new(content, "post", "İstanbul'da", "--lang", "tr")
    assert refused.returncode == 2 and "e.g. `istanbulda`" in refused.stderr, refused.stderr


def test_a_new_post_in_a_folder_holding_another_language_s_essay_is_refused_with_the_way_to_translate_it(tmp_path):
    """A re-walk: `new post "Źdźbło i łódź" --lang en` beside the Polish original wrote a second original, which
    `check` then refused ("two originals"); and a title making an existing slug was refused without saying why."""
    content = make_content(tmp_path)  # posts/hola: Spanish, with its English translation
    refused = new(content, "post", "hola", "--lang", "ro")
    assert refused.returncode == 1 and not (content / "posts/hola/index.ro.md").exists()
    assert refused.stderr == ("content/posts/hola: holds a post already (index.en.md, index.es.md); a translation of "
                              "it is `tertulia new translation hola --lang ro`\n")
    assert new(content, "post", "Otro ensayo", "--lang", "es").returncode == 0
    again = new(content, "post", "Otro  ensayo", "--lang", "es")  # another title, the same slug
    assert again.returncode == 1 and again.stderr.endswith(
        "already exists; not overwritten; its slug is made of the title `Otro ensayo`: for another post, give its "
        "slug yourself (`tertulia new post my-post --lang es`) and write the title in its file\n")
    assert run_cli("check", "--content", str(content)).returncode == 0


def test_a_new_page_refused_beside_a_post_of_its_slug_names_the_page_s_translation(tmp_path):
    """A red team: refused, `new page essay --lang ro` named `new translation essay --lang ro`, which translated
    the post of that slug, not the page."""
    content = make_content(tmp_path)
    assert new(content, "page", "hola", "--lang", "es").returncode == 0  # a page and a post may share a slug
    refused = new(content, "page", "hola", "--lang", "ro")
    assert refused.returncode == 1 and "`tertulia new translation hola --lang ro --page`" in refused.stderr
    assert new(content, "translation", "hola", "--lang", "ro", "--page").returncode == 0
    assert (content / "pages/hola/index.ro.md").exists() and not (content / "posts/hola/index.ro.md").exists()


def test_an_arabic_script_title_keeps_its_alef_in_its_slug():
    """A Persian writer's walk (session 78): the transliteration dropped the alef (`کتاب` was `ktb`, `ایران` `yrn`)
    and made Arabic's hamza on an alef a hyphen (`أحمد` was `hmd`, after a hyphen it trimmed)."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {(title, lang): slug_of(as_written_in(title, lang)) for title, lang in (
        ("کتاب", "fa"), ("ایران", "fa"), ("شب یلدا", "fa"), ("أحمد", "ar"), ("إسلام", "ar"), ("السلام عليكم", "ar"),
        ("کتاب", "pa-Arab"))}
    assert made == {("کتاب", "fa"): "ktab", ("ایران", "fa"): "iran", ("شب یلدا", "fa"): "shb-ylda",
                    ("أحمد", "ar"): "ahmd", ("إسلام", "ar"): "islam", ("السلام عليكم", "ar"): "alslam-lykm",
                    ("کتاب", "pa-Arab"): "ktab"}
    assert slug_of(as_written_in("کتاب", "en")) == "ktb"  # a slug's language decides, not its letters


def test_an_amharic_title_makes_its_slug_with_its_numbers_as_numbers_and_no_hyphen_inside_a_word():
    """An Amharic walk: `በ፲፱፻` (in 1900) gave `be109100`, numeral by numeral, and the transliteration's glottal
    marks made hyphens inside words (`ityop-ya`, `k-wank-wa`)."""
    from tertulia.reading.names import as_written_in, slug_of
    made = {title: slug_of(as_written_in(title, "am")) for title in (
        "አዲስ፡አበባ፡በ፲፱፻፡ዓ.ም.", "ኢትዮጵያ", "ቋንቋ", "፳፻፲፰", "፲፰፻፸፱ እና ፻፲፪")}
    assert made == {"አዲስ፡አበባ፡በ፲፱፻፡ዓ.ም.": "adis-abeba-be1900-a-m", "ኢትዮጵያ": "ityopya", "ቋንቋ": "kwankwa",
                    "፳፻፲፰": "2018", "፲፰፻፸፱ እና ፻፲፪": "1879-na-112"}
    assert slug_of(as_written_in("ርዕስ " + "፼" * 1100, "am")) == "rs"  # a red team: str()'s limit, a traceback
