"""The command line as an author meets it: messages, exit codes, and output kept safe."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from helpers import ESSAY_EN, ESSAY_ES, FIXTURE, ROOT, every_file, make_content, run_cli, write_tree


def test_a_build_prints_a_one_line_summary(tmp_path):
    result = run_cli("build", "--content", str(FIXTURE), "--output", str(tmp_path / "out"), "--no-cache")
    assert result.returncode == 0
    assert re.fullmatch(r"built 118 files \(118 new or changed\): 3 essays, 6 comments published, "
                        r"2 held back \(spam or pending\), 1 draft left out \(draft: true; --drafts shows it\), "
                        r"4 warnings, in \d+\.\d\d s\n", result.stdout)  # the cname base_url does not lead to is one
    check = run_cli("check", "--content", str(FIXTURE))
    assert check.stdout == ("content is valid: 3 essays, 1 draft (built only with --drafts), 2 comments held back "
                            "(spam or pending), 4 warnings\n")
    drafts = run_cli("build", "--content", str(FIXTURE), "--output", str(tmp_path / "all"), "--drafts", "--no-cache")  # no cache beside the fixture
    # the draft among them said so (a walk: the preview counted it as one more essay, silently)
    assert ": 4 essays (1 of them a draft, shown), " in drafts.stdout and "left out" not in drafts.stdout
    marked = sorted(str(page.relative_to(tmp_path / "all")) for page in (tmp_path / "all").rglob("*.html")
                    if 'class="note draft-note"' in page.read_text())
    essays = [page for page in marked if "/page/" not in f"/{page}"]
    assert essays and all(page.startswith(("posts/", "es/posts/", "en/posts/", "ro/posts/")) for page in essays), marked
    # and the listing pages, on the draft's card alone
    cards = [card.split("</li>")[0] for page in marked if "/page/" in f"/{page}"
             for card in (tmp_path / "all" / page).read_text().split('<li class="essay-card"')[1:]]
    assert cards and all(("draft-note" in card) == ("posts/secret-draft/" in card) for card in cards)
    assert not [page for page in (tmp_path / "out").rglob("*.html") if "draft-note" in page.read_text()]


def test_a_second_build_keeps_what_did_not_change(tmp_path):
    content = make_content(tmp_path)
    out = tmp_path / "out"
    first = run_cli("build", "--content", str(content), "--output", str(out))
    assert "built 39 files (39 new or changed)" in first.stdout
    before = every_file(out)
    again = run_cli("build", "--content", str(content), "--output", str(out))
    assert "(0 new or changed)" in again.stdout and every_file(out) == before
    essay = content / "posts/hola/index.en.md"
    essay.write_text(essay.read_text().replace("Second paragraph.", "Second paragraph, revised."))
    edited = run_cli("build", "--content", str(content), "--output", str(out))
    assert "new or changed" in edited.stdout and "(0 new" not in edited.stdout
    assert "Second paragraph, revised." in (out / "posts/hola/index.html").read_text()
    assert (out / "tags/index.html").read_bytes() == before["tags/index.html"]


def test_build_is_the_default_command(tmp_path):
    content = make_content(tmp_path)
    result = run_cli("--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0 and (tmp_path / "out" / "posts/hola/index.html").is_file()


def test_content_errors_exit_1_name_file_and_line_and_leave_output_untouched(tmp_path):
    out = tmp_path / "out"
    good = make_content(tmp_path / "good")
    assert run_cli("build", "--content", str(good), "--output", str(out)).returncode == 0
    before = every_file(out)
    bad = make_content(tmp_path / "bad", {
        "posts/hola/index.en.md": ESSAY_EN.replace("Second paragraph.\n", "Second paragraph.\n\nA third paragraph that was added.\n"),
        "posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: ghost\n---\n\nHola.\n",
    })
    result = run_cli("build", "--content", str(bad), "--output", str(out))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert lines[0] == "content/posts/hola/comments/c1.es.md:3: reply_to names `ghost`, but this post has no comment with that id"
    assert lines[1] == ("content/posts/hola/index.en.md:10: translation has 3 blocks, original has 2; "
                        "translation block 3 “A third paragraph that was added.” has no counterpart: probably added")
    assert len(lines) == 2  # stderr: the errors alone; their count is the summary, on stdout
    assert result.stdout == "2 content errors; nothing was written\n"
    assert "Traceback" not in result.stderr
    assert every_file(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["bad", "good", "out"]


def test_a_failed_build_says_its_warnings_too(tmp_path):
    """An author fixing the errors meets the warnings now, not in the next run."""
    bad = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES + "\n![Foto](foto.jpg)\n",
        "posts/hola/index.en.md": ESSAY_EN + "\n![Photo](foto.jpg)\n",
        "posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: ghost\n---\n\nHola.\n",
    })
    result = run_cli("build", "--content", str(bad), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("content/posts/hola/index.es.md:") and ": warning: " in line and "foto.jpg" in line
               for line in lines), result.stderr
    assert "content/posts/hola/comments/c1.es.md:3: reply_to names `ghost`" in result.stderr
    assert result.stdout.splitlines()[-1] == "1 content error; nothing was written"


def test_broken_settings_do_not_hide_the_files_own_errors(tmp_path):
    bad = make_content(tmp_path, {"site.yml": "title: [unclosed\n",
                                  "posts/hola/comments/c1.es.md": "---\nauthor: [B\n---\n\nHola.\n"})
    result = run_cli("check", "--content", str(bad))
    assert result.returncode == 1
    assert "content/site.yml:" in result.stderr
    assert "content/posts/hola/comments/c1.es.md:" in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1] == "2 content errors"


@pytest.mark.parametrize("epoch", ["abc", "1700000000.5", "-1", "99999999999999"])
def test_a_source_date_epoch_that_is_no_time_stops_the_build_before_it_writes(tmp_path, epoch):
    """As reproducible-builds.org asks: a malformed value fails the build, never quietly gives another date."""
    content = make_content(tmp_path)
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"),
                    env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    assert built.returncode == 2 and f"SOURCE_DATE_EPOCH `{epoch}` is not a number of seconds since 1970" in built.stderr
    assert not (tmp_path / "out").exists()


def test_check_validates_without_writing(tmp_path):
    content = make_content(tmp_path)
    result = run_cli("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0 and "content is valid" in result.stdout
    assert not (tmp_path / "output").exists()


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("build", "--no-such-flag").returncode == 2
    assert run_cli("build", "--content", str(tmp_path / "missing")).returncode == 2
    content = make_content(tmp_path)
    for command in (["build", "--content", str(content)], ["init", str(tmp_path / "new"), "--lang", "en"]):
        for url in ("notaurl", "https://x.org/a?b=1"):
            bad = run_cli(*command, "--base-url", url)  # the command line's fault, not site.yml's
            assert bad.returncode == 2 and "--base-url" in bad.stderr and "site.yml" not in bad.stderr, bad.stderr
            assert f"`{url}` is not an absolute http(s) URL with no query or fragment" in bad.stderr
    assert not (tmp_path / "output").exists() and not (tmp_path / "new").exists()


def test_python_m_build_in_the_repository_says_which_build_answered(tmp_path):
    """Two helpers' `python -m build --wheel` in this folder ran Tertulia's build.py, which said only that
    `--wheel` was no argument of its own; nothing was built, and nothing is."""
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "-o", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and list(tmp_path.iterdir()) == []
    assert "Tertulia's build.py, not PyPA's `build`" in done.stderr and "pip wheel --no-deps -w dist ." in done.stderr


def test_base_url_can_be_overridden(tmp_path):
    content = make_content(tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out),
                   "--base-url", "https://me.github.io/other/").returncode == 0
    assert "https://me.github.io/other/posts/hola/" in (out / "sitemap.xml").read_text()
    assert 'href="/other/assets/style.css"' in (out / "404.html").read_text()


def test_a_missing_site_yml_is_a_content_error(tmp_path):
    content = make_content(tmp_path)
    (content / "site.yml").unlink()
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and result.stderr.startswith("content/site.yml: site.yml is missing")
    assert result.stdout.splitlines()[-1] == "1 content error; nothing was written"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["content", ".", "content/posts", "content/posts/hola",
                                   "content/posts/hola/out", "content/posts/hola/comments"])
def test_an_output_folder_overlapping_the_content_is_refused_and_nothing_is_touched(tmp_path, where):
    project = tmp_path / "project"
    content = make_content(project, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    (project / "thesis.txt").write_text("years of work")
    (project / "notes").mkdir()
    (project / "notes/n.md").write_text("notes")
    before = every_file(tmp_path)
    result = run_cli("build", "--content", str(content), "--output", str(project / where))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "content folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert every_file(tmp_path) == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "notes", "thesis.txt"]


@pytest.mark.parametrize("folder", ["templates", "assets"])
def test_an_output_folder_inside_the_templates_or_assets_is_refused(tmp_path, folder):
    content = make_content(tmp_path)
    target = ROOT / folder
    before = every_file(target)
    result = run_cli("build", "--content", str(content), "--output", str(target / "site"))
    assert result.returncode == 2 and f"the default theme's {folder} folder" in result.stderr
    assert every_file(target) == before and not (target / "site").exists()


@pytest.mark.parametrize("folder", ["templates", "assets", "locales"])
def test_the_sites_own_theme_folder_is_refused_as_output_before_it_exists(tmp_path, folder):
    """Built there, the next build would read the pages as the site's own theme."""
    content = make_content(tmp_path)
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / folder))
    assert result.returncode == 2 and f"it is the {folder} folder" in result.stderr
    assert not (tmp_path / folder).exists()


def test_a_folder_no_build_wrote_is_never_emptied(tmp_path):
    content = make_content(tmp_path / "project")
    documents = tmp_path / "Documents"
    (documents / "letters").mkdir(parents=True)
    (documents / "letters/mum.txt").write_text("dear mum")
    (documents / "cv.pdf").write_bytes(b"%PDF-1.4 cv")
    before = every_file(documents)
    for command in ("build", "serve"):
        result = run_cli(command, "--content", str(content), "--output", str(documents))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "no Tertulia build wrote" in result.stderr
    assert every_file(documents) == before


def test_a_folder_of_a_built_site_s_files_is_replaced_whole(tmp_path):
    """A conformance audit: "a build that succeeds replaces it whole", but an output folder holding another
    generator's pages (no mark of ours) was refused; a folder of anything else still is."""
    content = make_content(tmp_path / "project")
    output = tmp_path / "output"
    write_tree(output, {"stale.html": "<p>old</p>", "css/old.css": "p {}", "img/a.png": "png", "CNAME": "x.org"})
    result = run_cli("build", "--content", str(content), "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert not (output / "stale.html").exists() and not (output / "css").exists()
    assert (output / "posts/hola/index.html").is_file()
    (tmp_path / "repo/.git").mkdir(parents=True)
    (tmp_path / "repo/index.html").write_text("<p>mine</p>")
    refused = run_cli("build", "--content", str(content), "--output", str(tmp_path / "repo"))
    assert refused.returncode == 2 and "no Tertulia build wrote" in refused.stderr
    assert (tmp_path / "repo/index.html").read_text() == "<p>mine</p>"
    # a folder of pictures, or of notes, is no site's output: no page in it, or a `.txt` no site is made of
    write_tree(tmp_path / "photos", {"a.png": "png", "b.jpg": "jpg"})
    write_tree(tmp_path / "notes", {"index.html": "<p>x</p>", "thesis.txt": "years of work"})
    for folder in ("photos", "notes"):
        refused = run_cli("build", "--content", str(content), "--output", str(tmp_path / folder))
        assert refused.returncode == 2 and "no Tertulia build wrote" in refused.stderr, folder


def test_the_default_output_folder_is_replaced_whole_whatever_it_holds_but_a_repository(tmp_path):
    """The contract: "a build that succeeds replaces it whole". `output/`, when no --output names another, is
    the build's by that word: a stray note left there before the first build stopped it with a usage error (a
    contract audit). A clone in it (a gh-pages branch checked out there) is still never emptied, nor any folder
    --output names that holds what no build wrote (see test_a_folder_no_build_wrote_is_never_emptied)."""
    content = make_content(tmp_path / "project")
    output = tmp_path / "project" / "output"
    write_tree(output, {"stale.txt": "old", "notes/draft.md": "# old"})
    built = run_cli("build", "--content", str(content), cwd=tmp_path / "project")
    assert built.returncode == 0, built.stderr
    assert not (output / "stale.txt").exists() and not (output / "notes").exists()
    assert (output / "posts/hola/index.html").is_file()
    clone = tmp_path / "other" / "output"
    write_tree(clone, {".git/HEAD": "ref: refs/heads/gh-pages\n", "stale.txt": "old"})
    refused = run_cli("build", "--content", str(content), cwd=tmp_path / "other")
    assert refused.returncode == 2 and "no Tertulia build wrote" in refused.stderr
    assert (clone / "stale.txt").read_text() == "old" and (clone / ".git/HEAD").is_file()
    elsewhere = tmp_path / "elsewhere"
    write_tree(elsewhere, {"stale.txt": "old"})
    named = run_cli("build", "--content", str(content), "--output", str(elsewhere))
    assert named.returncode == 2 and (elsewhere / "stale.txt").read_text() == "old"


def test_content_errors_are_said_before_an_output_folder_is_refused(tmp_path):
    """An author's errors come first, whatever --output says: the refusal hid them behind a usage error."""
    content = make_content(tmp_path / "project", {"posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: ghost\n---\n\nHola.\n"})
    documents = tmp_path / "Documents"
    write_tree(documents, {"cv.pdf": "%PDF"})
    result = run_cli("build", "--content", str(content), "--output", str(documents))
    assert result.returncode == 1
    assert "content/posts/hola/comments/c1.es.md:3: reply_to names `ghost`" in result.stderr, result.stderr
    assert "Documents" not in result.stderr and result.stdout == "1 content error; nothing was written\n"
    assert (documents / "cv.pdf").read_text() == "%PDF"


def test_an_output_that_names_a_file_is_a_usage_error(tmp_path):
    content = make_content(tmp_path)
    (tmp_path / "site.zip").write_bytes(b"zip")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "site.zip"))
    assert result.returncode == 2 and "is a file" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site.zip").read_bytes() == b"zip"


def test_an_empty_folder_and_an_earlier_build_are_ours_to_fill(tmp_path):
    content = make_content(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("build", "--content", str(content), "--output", str(empty), "--no-cache").returncode == 0
    assert (empty / ".tertulia-site").is_file()
    (empty / ".tertulia-site").unlink()  # as a build from before the mark existed left it
    (empty / "stray.html").write_text("stray")
    again = run_cli("build", "--content", str(content), "--output", str(empty), "--no-cache")
    assert again.returncode == 0 and (empty / ".tertulia-site").is_file() and not (empty / "stray.html").exists()


def test_the_package_is_the_command_with_its_version(tmp_path):
    """`python -m tertulia` is `build.py` outside this repository: same commands, and a version."""
    import subprocess
    import sys

    from tertulia import __version__
    content = make_content(tmp_path)
    version = subprocess.run([sys.executable, "-m", "tertulia", "--version"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout == f"python -m tertulia {__version__}\n"
    built = subprocess.run([sys.executable, "-m", "tertulia", "build", "--content", str(content),
                            "--output", str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out/posts/hola/index.html").is_file()
    assert run_cli("--version").stdout == f"python build.py {__version__}\n"


def test_every_command_and_import_source_is_listed_in_help():
    listed = run_cli("--help").stdout
    for command in ("build", "serve", "check", "status", "translated", "new", "import"):
        assert command in listed
    assert "wordpress" in run_cli("import", "--help").stdout
    assert run_cli("import", "wordpress").returncode == 2  # the export is required


def test_an_import_of_a_file_that_is_not_there_is_an_export_that_cannot_be_read_for_every_source(tmp_path):
    """The contract: an export that cannot be read exits 1, as `<export>: <message>`, nothing written."""
    content = make_content(tmp_path)
    before = every_file(content)
    for source in ("wordpress", "disqus", "mail", "issue"):
        result = run_cli("import", source, str(tmp_path / "nowhere.xml"), "--content", str(content))
        assert result.returncode == 1, (source, result.stderr)
        assert result.stderr.startswith(f"{tmp_path / 'nowhere.xml'}: no such"), (source, result.stderr)
        assert "Traceback" not in result.stderr
    assert every_file(content) == before


def test_a_folder_named_as_the_export_stays_a_usage_error(tmp_path):
    content = make_content(tmp_path)
    result = run_cli("import", "wordpress", str(tmp_path), "--content", str(content))
    assert result.returncode == 2 and result.stderr == f"{tmp_path}: not a file; name the export file\n"


def test_check_and_status_do_not_say_they_wrote_nothing_for_they_never_write(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: ghost\n---\n\nHola.\n"})
    for command in ("check", "status"):
        result = run_cli(command, "--content", str(content))
        assert result.returncode == 1 and result.stdout.splitlines()[0] == "1 content error", command
        assert "nothing was written" not in result.stdout


def test_a_misspelt_command_is_named_as_a_command_with_the_one_meant():
    result = run_cli("biuld")
    assert result.returncode == 2
    assert "unknown command `biuld`; did you mean `build`? (commands: init, build, serve," in result.stderr
    assert "unknown command `frob` (commands:" in run_cli("frob").stderr


@pytest.mark.parametrize("command", [["build"], ["status"], ["check"]])
def test_a_reader_of_the_output_that_goes_away_is_no_error_of_the_site(tmp_path, command):
    """`tertulia build | head -1`: a closed stdout was said as "output: could not be written or read:
    Broken pipe; the previous output is untouched", though the build was in place."""
    content = make_content(tmp_path / "site")
    out = tmp_path / "out"
    where = ["--content", str(content)] + (["--output", str(out)] if command == ["build"] else [])
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *command, *where],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()
    said = process.stderr.read()
    assert process.wait() == 141, said
    assert "Broken pipe" not in said and "Traceback" not in said and "untouched" not in said, said
    if command == ["build"]:
        assert (out / "index.html").is_file()


def test_ctrl_c_while_the_libraries_load_is_a_line_not_a_traceback(tmp_path):
    """Ctrl-C in a build's first third of a second, while Jinja and Markdown are imported, printed a
    KeyboardInterrupt traceback from importlib (a red team, 2026-12). Here the interrupt lands at the
    import of the command's module, every time."""
    script = (
        "import sys\n"
        "class Stop:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'tertulia.commands.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Stop())\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from tertulia.commands.args import main\n"
        "sys.exit(main(['build', '--content', 'nowhere']))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 130 and result.stderr == "interrupted before anything was done\n", result.stderr


def test_a_stdout_that_cannot_be_written_is_one_line_never_a_traceback(tmp_path):
    """A review: with the error count on stdout, `build > /dev/full` ended its errors in a traceback, and
    `check > /dev/full` said "None: could not be written"."""
    import subprocess
    import sys
    good = make_content(tmp_path / "good")
    bad = make_content(tmp_path / "bad", {"posts/hola/comments/c1.es.md": "---\nauthor: B\nreply_to: ghost\n---\n\nHola.\n"})
    for command, content in (("check", good), ("status", good), ("build", bad), ("check", bad)):
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, str(ROOT / "build.py"), command, "--content", str(content),
                                     *(["--output", str(tmp_path / "out")] if command == "build" else [])],
                                    stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (command, result.stderr)
        if content is good:
            assert result.stderr.splitlines()[-1] == "stdout: could not be written: No space left on device"
        else:
            assert "c1.es.md:3: reply_to names `ghost`" in result.stderr.splitlines()[-1], result.stderr
