"""Hostile and unlucky input: a clean `path:line:` error or a correct site, never a traceback, a
write outside the output folder, a leak, a hang or a half-replaced output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ESSAY_EN, ROOT, SITE_YML, children_cpu, every_file, make_content, run_cli
from tertulia.errors import ContentErrors
from tertulia.pipeline import Options, build



def built_first(tmp_path: Path, content: Path) -> tuple[Path, dict]:
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    return out, every_file(out)


def fails_cleanly(result, *words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def essay_with(front: str, body: str = "Primer párrafo.\n\nSegundo párrafo.\n") -> str:
    return f"---\ntitle: Hola\n{front}\n---\n\n{body}"


# 1. Paths from content never escape the output folder

@pytest.mark.parametrize("key", ["../../../escaped", "..", ".", "", "a/b", "a\\\\b", "x" * 300, "a\\u0007b"])
def test_a_tag_key_that_is_not_a_key_is_an_error_and_nothing_escapes(tmp_path, key):
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    (content / "posts/hola/index.es.md").write_text(essay_with(f'author: Ana\ntags: ["{key}"]'))
    result = run_cli("build", "--content", str(content), "--output", str(out))
    fails_cleanly(result, "content/posts/hola/index.es.md:4: tag key")
    assert every_file(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def test_the_writer_refuses_a_path_outside_its_folder(tmp_path):
    from tertulia.writing.write import OutputRefused, checked
    for bad in ("../x", "/etc/passwd", "a/../../b", "a//b", "a\0b", "./x", ""):
        with pytest.raises(OutputRefused):
            checked(bad)
    assert checked("posts/a/index.html") == "posts/a/index.html"


# 2. Symlinks and other non-files are refused, never followed

@pytest.mark.parametrize("where, target", [
    ("posts/hola/passwd.txt", "/etc/passwd"),
    ("posts/hola/folder", "/etc"),
    ("posts/hola/comments/c1.es.md", "/etc/hostname"),
    ("posts/hola/dangling.png", "/no/such/file"),
    ("posts/hola/loop.png", "posts/hola/loop.png"),
    ("posts/linked", "/tmp"),
])
def test_a_symlink_in_content_is_an_error_naming_it(tmp_path, where, target):
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    link = content / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target if target.startswith("/") else content / target)
    result = run_cli("build", "--content", str(content), "--output", str(out))
    fails_cleanly(result, f"content/{where}: a symbolic link: refused")
    assert every_file(out) == before


@pytest.mark.parametrize("where", ["static/a\\b.txt", "static/dir\\x/c.txt", "posts/hola/plan\\2.pdf"])
def test_a_file_name_holding_a_backslash_is_a_content_error_naming_it(tmp_path, where):
    """`check` passed such a file and the build stopped at writing it, exit 2, naming no source."""
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    (content / where).parent.mkdir(parents=True, exist_ok=True)
    (content / where).write_text("x")
    shown = "content/" + where.split("\\")[0] + "\\" + where.split("\\")[1].split("/")[0]
    for command in (("check",), ("build", "--output", str(out))):
        fails_cleanly(run_cli(*command, "--content", str(content)), f"{shown}: a name holding `\\`")
    assert every_file(out) == before


@pytest.mark.parametrize("where", [b"content/static/caf\xe9.txt", b"content/posts/hola/caf\xe9.png",
                                   b"content/posts/hola/comments/c\xe9.es.md", b"content/posts/caf\xe9/index.es.md",
                                   b"assets/caf\xe9.css", b"templates/caf\xe9.html"])
def test_a_file_name_in_another_encoding_is_named_not_a_traceback(tmp_path, where):
    """An archive unpacked from an old system: `check` passed `caf\\xe9.txt` and the build ended in a
    UnicodeEncodeError, naming nothing."""
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    path = os.path.join(os.fsencode(tmp_path / "site"), where)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(b"x")
    shown = where.split(b"\xe9")[0].decode() + "\\xe9" + where.split(b"\xe9")[1].split(b"/")[0].decode()
    for command in (("check",), ("build", "--output", str(out))):
        fails_cleanly(run_cli(*command, "--content", str(content)), f"{shown}: a name that is not UTF-8")
    assert every_file(out) == before


def test_a_site_s_own_asset_named_with_a_backslash_is_refused(tmp_path):
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    (tmp_path / "site/assets").mkdir()
    (tmp_path / "site/assets/a\\b.css").write_text("p { color: red; }\n")
    for command in (("check",), ("build", "--output", str(out))):
        fails_cleanly(run_cli(*command, "--content", str(content)), "assets/a\\b.css: a name holding `\\`")
    assert every_file(out) == before


@pytest.mark.parametrize("where, target", [
    ("templates/home.html", "/etc/passwd"),
    ("assets/secret.txt", "/etc/passwd"),
    ("assets/fonts", "/etc"),
    ("locales/es/LC_MESSAGES/messages.po", "/etc/passwd"),
    ("templates", "/etc"),
])
def test_a_symlink_among_the_site_s_own_theme_files_is_refused_and_nothing_is_published(tmp_path, where, target):
    """A site's templates/, assets/ and locales/ followed links: /etc/passwd was published as a page."""
    content = make_content(tmp_path / "site")
    (tmp_path / "site/assets").mkdir()
    (tmp_path / "site/assets/extra.css").write_text("p { color: red; }\n")  # an own folder, not a link
    out, before = built_first(tmp_path, content)
    link = tmp_path / "site" / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    for command in (("check",), ("build", "--output", str(out))):
        result = run_cli(*command, "--content", str(content))
        fails_cleanly(result, f"{where}: a symbolic link: refused")
        assert "root:" not in result.stdout + result.stderr
    assert every_file(out) == before


def test_a_fifo_is_refused_without_waiting_on_it(tmp_path):
    content = make_content(tmp_path / "site")
    os.mkfifo(content / "posts/hola/pipe.png")
    started = time.monotonic()
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert time.monotonic() - started < 30
    fails_cleanly(result, "content/posts/hola/pipe.png: not a regular file")


# 3 and 7. Front matter: only the contract's types; YAML's traps are errors with their lines

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("front, words", [
    ("author: Ana\ntags: [a]\ndate: !!binary aGVsbG8=", "date `a bytes`"),
    ("author: !!binary aGVsbG8=", "`author` must be text"),
    ("author: !!set {a, b}", "`author` must be text"),
    ("author: " + "9" * 5000, "YAML does not parse"),
    ("author: Ana\ndate: \"٢٠١٢-٠٩-١١\"", "date `٢٠١٢-٠٩-١١` is in none of the forms"),
    ("author: Ana\nauthor: Eve", "`author` is given twice"),
    ("author: Ana\nx: " + "[" * 600 + "]" * 600, "nests more than 10 levels"),
    ("author: Ana\n" + LAUGHS + "status: *i", "aliases (`*name`) are not allowed"),
    ("author: &x Ana\ntitle: *x", "aliases (`*name`) are not allowed"),
])
def test_bad_front_matter_is_a_clean_error(tmp_path, front, words):
    content = make_content(tmp_path, {"posts/hola/index.es.md": f"---\n{front}\n---\n\nPrimer párrafo.\n\n"
                                                                "Segundo párrafo.\n"})
    started = time.monotonic()
    result = run_cli("check", "--content", str(content))
    assert time.monotonic() - started < 30
    fails_cleanly(result, "content/posts/hola/index.es.md:", words)


@pytest.mark.parametrize("value", ["[es]", "{a: es}", "123"])
def test_translation_of_must_be_a_language(tmp_path, value):
    content = make_content(tmp_path, {"posts/hola/index.en.md": ESSAY_EN.replace("translation_of: es",
                                                                                 f"translation_of: {value}")})
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/posts/hola/index.en.md:" in result.stderr


@pytest.mark.parametrize("value", ["[a]", "{a: b}", "9" * 5000])
def test_reply_to_must_be_an_id(tmp_path, value):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": f"---\nauthor: B\nreply_to: {value}\n---\n\nHola.\n"})
    fails_cleanly(run_cli("check", "--content", str(content)), "content/posts/hola/comments/c1.es.md:")


# 4 and 18.4. Markdown that would crash or stall the converter

@pytest.mark.parametrize("body", [
    "- " * 1000 + "deep",
    "1. " * 1000 + "deep",
    "".join(" " * (2 * i) + "- level\n" for i in range(200)),
    "> " * 1000 + "quoted",
])
@pytest.mark.parametrize("where", ["essay", "comment"])
def test_deeply_nested_markdown_is_an_error_not_a_crash(tmp_path, body, where):
    files = ({"posts/hola/index.es.md": essay_with("author: Ana", body + "\n\nSegundo.\n")} if where == "essay" else
             {"posts/hola/comments/c1.es.md": f"---\nauthor: B\n---\n\n{body}\n"})
    content = make_content(tmp_path, files)
    fails_cleanly(run_cli("check", "--content", str(content)), "levels deep")


@pytest.mark.parametrize("body, words", [
    ("[" * 16_000, "`[` signs"),
    ("[a](" * 20_000, "characters"),
    ("<b>" * 100_000, "characters"),
    ("x <y\n" * 9_000, "`<` signs"),  # each unclosed tag sends the HTML search to the end
    ("- - -\n" * 8_000, "lines"),  # each rule splits what is left of the block again
    ("# a\n" * 12_000, "lines"),
    # within the limits on signs, yet minutes: escapes swell what each `[` scans (counted, as the converter
    # reads it); pipes times code spans (timed)
    ("[" * 500 + "\\\\" * 24_749, "`[` signs and links would have the converter read"),
    ("x|" + "`a` " * 6_248 + "`" + "|" * 24_980 + "`\n-|-", "over 5 s to read"),
])
def test_a_pathological_comment_is_refused_quickly(tmp_path, body, words):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": f"---\nauthor: B\n---\n\n{body}\n"})
    started = children_cpu()  # the converter's limit is CPU time too (5 s, the timed case's)
    result = run_cli("check", "--content", str(content))
    assert children_cpu() - started < 15
    fails_cleanly(result, "content/posts/hola/comments/c1.es.md:", words)


@pytest.mark.parametrize("body, said", [
    ("a\n" * 2_000 + "b\n", "c1.es.md:2005: this comment has 2,001 lines; at most 2,000 are taken"),
    ("\n\n" + "a\n" * 2_000, ""),
    ("<a\n" * 501, "c1.es.md:505: this comment has 501 `<` signs; at most 500 are taken"),
    ("a < b\n" * 500, ""),
    ("a" * 50_000 + "\n", ""),  # as the form counts: the file's own blank lines around it are not the comment's
    ("a" * 50_001 + "\n", "c1.es.md:5: this comment has 50,001 characters; at most 50,000 are taken"),
])
def test_a_comment_over_a_limit_is_named_at_the_line_past_it(tmp_path, body, said):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": f"---\nauthor: B\n---\n\n{body}"})
    result = run_cli("check", "--content", str(content))
    assert (result.returncode, said in result.stderr) == ((1, True) if said else (0, True)), result.stderr


def test_a_reply_chain_of_any_depth_is_drawn(tmp_path):
    chain = {f"posts/hola/comments/r{i}.es.md": f"---\nauthor: A{i}\ndate: 2020-01-01 00:{i % 60:02d}\n"
                                                 + (f"reply_to: r{i - 1}\n" if i else "") + f"---\n\nNivel {i}.\n"
             for i in range(1200)}
    content = make_content(tmp_path, chain)
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    html = (out / "posts/hola/index.html").read_text()
    assert html.count('<ol class="thread replies">') == 1199 and html.count("</ol>") >= 1200
    assert html.index('id="comment-r1198"') < html.index('id="comment-r1199"')


# 5 and 6. What a comment holds never breaks a feed, and a name never spills

def test_control_characters_never_reach_a_feed_and_feeds_stay_well_formed(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: \"Eve\\x01\\x0c\"\n---\n\nForm\x0cfeed, esc\x1b, \ufffe, &#1; &#x0; &#65;.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Bob\x1b\n---\n\n*Bold\x07* text.\n",
        "posts/hola/comments/c3.es.md": "---\nauthor: \"\u202eEvil name\"\n---\n\nText after.\n"})
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    for feed in ("feed.xml", "comments/feed.xml"):
        ElementTree.parse(out / feed)  # raises on ill-formed XML
    data = b"".join(every_file(out).values())
    for forbidden in (b"\x01", b"\x0c", b"\x1b", b"\x07", "\ufffe".encode(), b"&#1;", b"&#x0;"):
        assert forbidden not in data
    page = (out / "posts/hola/index.html").read_text()
    # kept, and isolated where no <bdi> is; marked Spanish, the language its writer wrote in, on an English page
    assert '<bdi class="author" id="by_c3" lang="es">\u2068\u202eEvil name\u2069</bdi>' in page


# 8 and 18.3. Interrupted builds: no litter, and a killed commit is finished by the next run

KILL_DURING_COMMIT = """
import os, runpy, signal, sys
sys.path.insert(0, sys.argv[1])
from tertulia.writing import write
folders = []
real = write._make_folders
def folders_then_die(output, relative, made, undo):  # called before each move of a commit: die after the first
    folders.append(relative)
    if len(folders) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(output, relative, made, undo)
write._make_folders = folders_then_die
sys.argv = [os.path.join(sys.argv[1], "build.py")] + sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def test_a_build_killed_during_its_commit_is_finished_by_the_next_and_leaves_no_litter(tmp_path):
    content = make_content(tmp_path / "site")
    out, _ = built_first(tmp_path, content)
    for name in ("index.es.md", "index.en.md"):
        essay = content / "posts/hola" / name
        essay.write_text(essay.read_text().replace("ragraph.", "ragraph, again.").replace("rrafo.", "rrafo, otra vez."))
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_COMMIT, str(ROOT), "build", "--content", str(content),
                             "--output", str(out)], capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert list(tmp_path.glob(".out.new-*")), "the killed build left its staging folder with its journal"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    assert not list(tmp_path.glob(".out.new-*"))
    clean = tmp_path / "clean"
    assert run_cli("build", "--content", str(content), "--output", str(clean), "--no-cache").returncode == 0
    assert every_file(out) == every_file(clean)


def test_ctrl_c_leaves_no_temporary_file_and_a_second_build_at_once_is_refused(tmp_path):
    from tertulia.writing.write import output_lock
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    with output_lock(out):
        result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 2 and "another build is writing there" in result.stderr
    with output_lock(tmp_path / "other-output"):  # the lock is the parent folder's: a neighbour is said to be one
        result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 2 and f"or beside it, in {tmp_path}, right now" in result.stderr
    cache = tmp_path / "site" / ".tertulia-cache"
    (cache / "output.pickle.99999.tmp").write_bytes(b"left by a killed run")
    (content / "posts/hola/index.es.md").write_text(essay_with("author: Ana", "Otro.\n\nCambio.\n"))
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    assert not list(cache.rglob("*.tmp"))


# 9. A full disk (here: a file size limit) is one clear line, the output intact, no litter

FULL_DISK = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def test_a_full_disk_is_one_clear_line_and_the_previous_output_stays(tmp_path):
    content = make_content(tmp_path / "site")
    out, before = built_first(tmp_path, content)
    (content / "posts/hola/index.es.md").write_text(essay_with("author: Ana", "Otro " * 200 + "\n\nCambio.\n"))
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(ROOT / "build.py"), "build", "--content",
                             str(content), "--output", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "could not be written" in result.stderr
    assert every_file(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


# 18.1. Only what the build renders is published from comments/; beside posts, never a page or a script

def test_files_that_are_not_content_are_never_published(tmp_path):
    content = make_content(tmp_path / "site", {
        "posts/hola/comments/evil.html": "<script>alert(1)</script>",
        "posts/hola/comments/evil.svg": '<svg onload="alert(1)"/>',
        "posts/hola/comments/#p.es.md#": "---\nauthor: P\nstatus: pending\n---\n\nSECRET-PENDING\n",
        "posts/hola/comments/p.es.md.orig": "SECRET-ORIG", "posts/hola/comments/p.es.md.bak": "SECRET-BAK",
        "posts/hola/comments/p.EN.MD": "SECRET-UPPER", "posts/hola/comments/p.es.markdown": "SECRET-MARKDOWN",
        "posts/hola/index.html": "<p>not the essay</p>", "posts/hola/notes.md.txt~": "scratch",
        "posts/hola/script.js": "alert(1)", "posts/hola/photo.JPG": "jpeg", "posts/hola/figures/a.png": "png",
    })
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    published = every_file(out)
    assert "posts/hola/photo.JPG" in published and "posts/hola/figures/a.png" in published
    assert not any(path.startswith("posts/hola/comments/") or path.endswith((".orig", ".bak", ".markdown", ".MD"))
                   or path == "posts/hola/script.js" for path in published)
    assert "not the essay" not in published["posts/hola/index.html"].decode()
    assert not any(b"SECRET" in data or b"alert(1)" in data for data in published.values())
    for name in ("comments/evil.html", "comments/evil.svg", "comments/p.EN.MD", "index.html", "script.js"):
        assert f"content/posts/hola/{name}: warning: not published" in result.stderr
    assert "#p.es.md#" not in result.stderr  # Emacs's autosave: an editor's litter, passed over as a swap file is


def test_anything_else_beside_a_post_is_published_next_to_it(tmp_path):
    """The contract: `posts/<slug>/<anything else>` is copied next to the post: data, archives,
    documents and files with no extension alike."""
    files = {"posts/hola/data.json": '{"a": 1}', "posts/hola/code.zip": "PK", "posts/hola/README": "read me",
             "posts/hola/paper.docx": "doc", "posts/hola/sub/table.ods": "ods", "posts/hola/notes.txt": "notes"}
    content = make_content(tmp_path / "site", files)
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0 and "not published" not in result.stderr, result.stderr
    published = every_file(out)
    assert all(published.get(path) == text.encode() for path, text in files.items())



def test_an_svg_holding_a_script_beside_a_post_is_not_published_and_said(tmp_path):
    """A red team: a reader's pull request "adding a picture" put an SVG with a script beside a post; opened
    on its own, it runs at the site's address. A plain SVG is a picture as any other; XML with a stylesheet
    and an archived web page run too."""
    files = {"posts/hola/plain.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
             "posts/hola/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
             "posts/hola/b.svg": '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
             "posts/hola/c.xml": '<?xml-stylesheet type="text/xsl" href="c.xsl"?><x/>', "posts/hola/d.mht": "MIME"}
    content = make_content(tmp_path / "site", files)
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    published = every_file(out)
    assert published["posts/hola/plain.svg"] == files["posts/hola/plain.svg"].encode()
    assert not any(path in published for path in ("posts/hola/a.svg", "posts/hola/b.svg", "posts/hola/c.xml",
                                                   "posts/hola/d.mht"))
    for name in ("a.svg", "b.svg"):
        assert (f"content/posts/hola/{name}: warning: not published: it holds a script (or markup that could run "
                "one), which would run as the site's own when the file is opened") in result.stderr, result.stderr
    assert "content/posts/hola/c.xml: warning: not published: a `.xml` file beside a post" in result.stderr


def test_what_no_build_reads_is_named_not_dropped_in_silence(tmp_path):
    """A post folder whose text was left as an editor's backup, a Markdown file straight in posts/, a
    README in content/, a theme's templates/ put inside content/: each built nothing, and nothing said so."""
    content = make_content(tmp_path / "site", {
        "posts/lost/index.es.md~": "---\ntitle: Lost\n---\n\nText.\n", "posts/lost/photo.png": "png",
        "posts/notes.md": "notes", "pages/draft.md": "notes", "README.md": "read me",
        "templates/base.html": "{% extends 'default/base.html' %}", "posts/.hidden/index.es.md": "x",
        "static/robots.txt": "User-agent: *"})
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "not published" in line]
    assert said == [
        "content/README.md: warning: not published: content/ holds site.yml, posts/, pages/ and static/ (a file "
        "for the site's root goes in static/)",
        "content/pages/draft.md: warning: not published: a page is a folder content/pages/<slug>/ holding "
        "index.<lang>.md",
        "content/posts/lost: warning: not published: no index.<lang>.md in it, so there is no post to show",
        "content/posts/notes.md: warning: not published: a post is a folder content/posts/<slug>/ holding "
        "index.<lang>.md",
        "content/templates: warning: not published: a site's own templates/ goes beside content/, not in it, to "
        "replace the default theme's"], result.stderr
    assert not (out / "posts/lost/index.html").exists() and (out / "robots.txt").is_file()

# 18.2. A renamed file leaves nothing stale, in a build and in the preview

@pytest.mark.parametrize("new_name", ["c9.es.md", "c1.en.md"])
def test_a_rename_with_the_same_bytes_redraws_what_it_touches(tmp_path, new_name):
    content = make_content(tmp_path / "site", {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    out, _ = built_first(tmp_path, content)
    (content / "posts/hola/comments/c1.es.md").rename(content / "posts/hola/comments" / new_name)
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    clean = tmp_path / "clean"
    assert run_cli("build", "--content", str(content), "--output", str(clean), "--no-cache").returncode == 0
    assert every_file(out) == every_file(clean)


# 18.5. Other accidents

def test_a_site_yml_that_is_not_utf8_is_a_clean_error(tmp_path):
    content = make_content(tmp_path)
    (content / "site.yml").write_bytes(b'title: {en: "caf\xe9"}\n')
    fails_cleanly(run_cli("check", "--content", str(content)), "content/site.yml:1: not valid UTF-8")


# 18.6. The preview server

def test_serve_refuses_a_port_that_is_not_one_or_in_use(tmp_path):
    import socket
    content = make_content(tmp_path)
    result = run_cli("serve", "--content", str(content), "--output", str(tmp_path / "out"), "--port", "99999")
    assert result.returncode == 2 and "not a port number" in result.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--content", str(content), "--output", str(tmp_path / "out"), "--port", str(port))
    assert result.returncode == 2 and f"port {port} is in use" in result.stderr and "Traceback" not in result.stderr


def test_the_preview_answers_odd_requests_plainly_and_only_its_own_host(tmp_path):
    from tertulia.commands.serve import PreviewState, make_app
    content = make_content(tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    app = make_app(out, PreviewState(base_path="/repo/"), port=8123)

    def request(path, method="GET", host="127.0.0.1:8123"):
        seen = {}
        body = b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": method, "HTTP_HOST": host},
                            lambda status, headers: seen.update(status=status, headers=dict(headers))))
        return seen["status"], seen["headers"], body

    status, headers, body = request("/repo/posts/hola/", "HEAD")
    assert status == "200 OK" and int(headers["Content-Length"]) > 1000 and body == b""
    assert request("/repo/\0")[0].startswith("404") and request("/repo/" + "a" * 5000)[0].startswith("404")
    assert request("/repo/%2e%2e/%2e%2e/etc/passwd")[0].startswith("404")
    assert request("/repo/../../etc/passwd")[0].startswith("404")
    assert request("/repo/", host="evil.example:8123")[0].startswith("400")
    assert request("/repo/", host="localhost:8123")[0] == "200 OK"
    assert request("/repo/", "POST")[0].startswith("405")


def test_a_base_path_in_another_script_is_served_however_base_url_writes_it(tmp_path):
    """`/espa%C3%B1a/` was compared with the path WSGI hands over decoded: every request was sent on to
    the base path again, for ever; `españa/` went to its Latin-1 form (a red team's)."""
    from tertulia.commands.serve import Options, PreviewState, base_path, make_app
    for written in ("espa%C3%B1a", "españa"):
        content = make_content(tmp_path / written, {"site.yml": SITE_YML.replace(
            "https://example.github.io/repo/", f"https://example.github.io/{written}/")})
        out = tmp_path / written / "out"
        assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
        served = base_path(Options(content=content, output=out))
        assert served == "/espa%C3%B1a/"
        app = make_app(out, PreviewState(base_path=served), port=8123)
        answers = {}
        for path in ("/españa/posts/hola/".encode("utf-8").decode("latin-1"), "/posts/hola/"):
            said = {}
            body = b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1:8123"},
                                lambda status, headers, said=said: said.update(status=status, headers=dict(headers))))
            answers[path] = said["status"], said["headers"], body
        status, headers, _ = answers["/posts/hola/"]
        assert status.startswith("302") and headers["Location"] == "/espa%C3%B1a/posts/hola/"
        status, _, body = answers["/españa/posts/hola/".encode("utf-8").decode("latin-1")]
        assert status == "200 OK" and "Primer párrafo." in body.decode("utf-8")


# The whole class at once: hostile values anywhere a value goes

HOSTILE_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["../x", "..", ".", "", "\x00", "\u202e", "\x0c", "&#1;", "<script>", "a/b", "x" * 300]),
)
YAML_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)


def yaml_scalar(value) -> str:
    import json
    return json.dumps(value)  # JSON is YAML: every value reaches the loader as written


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["title", "author", "date", "tags", "source", "summary", "draft", "translator",
                            "reply_to", "status", "url", "translation_of"]), value=YAML_VALUE,
       where=st.sampled_from(["essay", "comment"]))
def test_any_hostile_value_gives_a_site_or_a_clean_error(tmp_path_factory, key, value, where):
    root = tmp_path_factory.mktemp("hostile")
    content = make_content(root, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    target = content / ("posts/hola/index.es.md" if where == "essay" else "posts/hola/comments/c1.es.md")
    text = target.read_text()
    lines = [line for line in text.split("\n---\n")[0].split("\n")[1:] if not line.startswith(f"{key}:")]
    target.write_text("---\n" + "\n".join(lines + [f"{key}: {yaml_scalar(value)}"]) + "\n---\n" +
                      text.split("\n---\n", 1)[1])
    out = root / "out"
    outcomes = []
    for attempt in range(2):
        try:
            build(Options(content=content, output=out / str(attempt)))
            outcomes.append(every_file(out / str(attempt)))
        except ContentErrors as problem:
            assert all(str(error).startswith("content/") for error in problem.errors)
            outcomes.append(None)
            assert not (out / str(attempt)).exists()
    assert outcomes[0] == outcomes[1]  # deterministic, whatever the value
    if outcomes[0] is not None:
        for feed in ("feed.xml", "comments/feed.xml"):
            ElementTree.fromstring(outcomes[0][feed])
    assert sorted(p.name for p in root.iterdir()) in (["content", "out"], [".tertulia-cache", "content", "out"])
