"""The live preview, as an author uses it: edit, see the page change; break it, see why."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from helpers import ROOT, make_content, run_cli
from tertulia.commands.serve import error_page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def poll(url: str, wanted, seconds: float = 30.0) -> tuple[int, str]:
    """Fetch until `wanted(status, body)` holds, as a reader reloading would."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            status, body = fetch(url)
            if wanted(status, body):
                return status, body
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} never showed what was wanted"
        time.sleep(0.2)


@contextlib.contextmanager
def previewing(tmp_path, content, *more: str):
    """`serve` running on a free port for `content`, as an author starts it; yields the port."""
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(tmp_path / "output"), *more],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=60)  # a build under way finishes first; a loaded machine is slow


@pytest.fixture
def preview(tmp_path):
    content = make_content(tmp_path)
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(tmp_path / "output")],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said: list[str] = []

    def stop() -> str:
        """Stop the preview (once) and give what it printed."""
        if not said:
            process.terminate()
            said.append(process.communicate(timeout=60)[0])  # as above: the build under way ends first
        return said[0]
    yield content, f"http://127.0.0.1:{port}/repo/", stop
    stop()


def test_edit_break_and_fix_while_serving(preview):
    content, base, stop = preview
    page = base + "posts/hola/"
    status, body = poll(page, lambda s, b: s == 200)
    assert "Primer párrafo." in body and "livereload.js" in body

    essay = content / "posts/hola/index.es.md"
    essay.write_text(essay.read_text().replace("Primer párrafo.", "Primer párrafo, corregido."))
    poll(page, lambda s, b: "Primer párrafo, corregido." in b)

    good = essay.read_text()
    essay.write_text(good.replace("author: Ana", "author: [Ana"))
    status, body = poll(page, lambda s, b: s == 500)
    assert "content/posts/hola/index.es.md:3: YAML does not parse" in body
    assert "<title>The last save has errors</title>" in body  # not "Content errors": a template's are shown too
    assert poll(base + "assets/style.css", lambda s, b: s == 200), "the last good site is still served"

    essay.write_text(good)
    status, body = poll(page, lambda s, b: s == 200)
    assert "Primer párrafo, corregido." in body
    assert fetch(base + "posts/nowhere/")[0] == 404
    said = stop()
    assert "content/posts/hola/index.es.md:3: YAML does not parse" in said
    assert "1 error; every page of the preview shows it until a save fixes it" in said  # as the pages did
    assert "500 GET" not in said  # the error page's status is not a fault of the server's to log
    assert "404 GET" not in said  # nor a page not found, in tornado's own format between the preview's lines


def test_pages_are_answered_while_a_save_is_rebuilt(tmp_path):
    """The rebuild ran in the loop that answers, so a page asked for meanwhile waited for every page
    to be redrawn: on a big site, a minute with no page and no reload script."""
    content = make_content(tmp_path)
    slow = '{% extends "default/base.html" %}{% block footer %}{% for _ in range(1500000) %}{% endfor %}' \
           '<p>slow footer</p>{% endblock %}'
    with previewing(tmp_path, content) as port:
        page = f"http://127.0.0.1:{port}/repo/posts/hola/"
        poll(page, lambda s, b: s == 200)
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates/base.html").write_text(slow)
        time.sleep(0.5)  # the save is seen (within a tenth of a second), and the rebuild under way
        started = time.monotonic()
        status, body = fetch(page)
        answered_in = time.monotonic() - started
        assert status == 200 and "slow footer" not in body, "answered from the last build, before this one ends"
        assert answered_in < 1, answered_in
        poll(page, lambda s, b: "slow footer" in b, seconds=120)


def test_the_root_redirects_to_the_base_path_and_unknown_pages_get_the_404_page(preview):
    _, base, stop = preview
    poll(base, lambda s, b: s == 200)
    status, body = fetch(base.replace("/repo/", "/"))
    assert status == 200 and "Hello" in body  # followed the redirect to the home page
    status, body = fetch(base.replace("/repo/", "/") + "posts/hola/")  # the address without the base path
    assert status == 200 and "Primer párrafo." in body
    status, body = fetch(base + "no/such/page/")
    assert status == 404 and "Page not found" in body
    # a page's address typed without its slash goes to the folder, whose relative links then resolve
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", parts.path + "posts/hola")
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("Location")) == (301, parts.path + "posts/hola/")
    connection.close()
    with urllib.request.urlopen(base + "posts/hola", timeout=5) as response:
        assert response.url == base + "posts/hola/" and "Primer párrafo." in response.read().decode("utf-8")
    said = stop()  # the one address the author is given to open is the site's, under its path
    assert f"serving {base} (Ctrl-C to stop)" in said and "Serving on" not in said
    assert "Start watching changes" not in said and "Browser Connected" not in said  # livereload's chatter


def test_only_the_preview_s_own_names_are_answered_and_no_page_can_force_a_reload(preview):
    """A Host of `127.0.0.1:<port>.evil.example` failed in tornado with a traceback, before the preview's
    own check; livereload's /forcereload let any page reload the author's tab (a red team's)."""
    _, base, stop = preview
    poll(base, lambda s, b: s == 200)
    parts = urllib.parse.urlsplit(base)
    for path, host in ((parts.path, f"127.0.0.1:{parts.port}.evil.example"), (parts.path, "evil.example"),
                       ("/forcereload?path=https://evil.example/x.css", f"127.0.0.1:{parts.port}")):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        connection.request("GET", path, headers={"Host": host})
        answer = connection.getresponse()
        assert answer.status in (400, 404) and answer.read() != b"ok", (path, host, answer.status)
        connection.close()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", parts.path, headers={"Host": f"LocalHost:{parts.port}"})  # a host name has no case
    assert connection.getresponse().status == 200
    connection.close()
    assert "Traceback" not in stop()


def host_answer(port: int, host: str, address: str = "127.0.0.1") -> int:
    connection = http.client.HTTPConnection(address, port, timeout=5)
    try:
        connection.request("GET", "/repo/", headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_phone_on_the_same_network_reads_the_preview_only_when_asked(tmp_path):
    """`--host 0.0.0.0` answers on every address of the machine (127.0.0.2 stands for its network one
    here), for an address typed as digits; never for a name, which a page elsewhere could point here."""
    content = make_content(tmp_path)
    for folder in ("alone", "shared"):
        (tmp_path / folder).mkdir()
    with previewing(tmp_path / "alone", content) as port:
        poll(f"http://127.0.0.1:{port}/repo/", lambda s, b: s == 200)
        with pytest.raises(OSError):
            host_answer(port, f"127.0.0.2:{port}", "127.0.0.2")  # this machine only: nothing answers there
        assert host_answer(port, f"192.168.1.20:{port}") == 400
    with previewing(tmp_path / "shared", content, "--host", "0.0.0.0") as port:
        status, body = poll(f"http://127.0.0.2:{port}/repo/posts/hola/", lambda s, b: s == 200)
        assert "Primer párrafo." in body and "livereload.js" in body
        assert host_answer(port, f"[fd00::2]:{port}", "127.0.0.2") == 200
        for name in (f"evil.example:{port}", f"127.0.0.2:{port}.evil.example", f"127.0.0.2:{port + 1}"):
            assert host_answer(port, name, "127.0.0.2") == 400, name


def websocket_answer(port: int, host: str) -> int:
    """The status of a livereload socket's opening handshake sent with `host` as Host and as Origin, as a
    page of that name opens it (same-origin to tornado, which then asks check_origin nothing)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/livereload", headers={
            "Host": host, "Origin": f"http://{host}", "Upgrade": "websocket", "Connection": "Upgrade",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
            "Sec-Fetch-Site": "same-origin"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_the_sites_address_without_its_slash_and_a_second_preview_of_it_are_served(tmp_path):
    """A new user: `/repo` was sent on to `/repo/repo`, a page not found; and a second preview of the same
    site (the phone's, on another port) took turns with the first at one folder, one of them showing an
    error page until the next save."""
    content = make_content(tmp_path)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    with previewing(tmp_path / "one", content) as first, previewing(tmp_path / "two", content) as second:
        for port in (first, second):
            status, body = poll(f"http://127.0.0.1:{port}/repo", lambda s, b: s == 200)
            assert "Primer párrafo" in body or "Hola" in body, body[:300]
            status, body = fetch(f"http://127.0.0.1:{port}/repo/posts/hola/")
            assert status == 200 and "The last save has" not in body


def test_the_reload_socket_answers_the_previews_own_names_only(tmp_path):
    """A red team: a page whose own name was pointed at 127.0.0.1 (DNS rebinding) opened the reload socket
    and was told of every save; the pages were refused to it, the socket was not."""
    content = make_content(tmp_path)
    with previewing(tmp_path, content) as port:
        poll(f"http://127.0.0.1:{port}/repo/", lambda s, b: s == 200)
        assert websocket_answer(port, f"127.0.0.1:{port}") == 101
        assert websocket_answer(port, f"evil.example:{port}") == 400


def test_serve_says_where_a_phone_reads_it_and_who_else_can(tmp_path):
    from tertulia.commands.serve import _serving_lines
    assert _serving_lines("127.0.0.1", 8000, "/blog/") == ["serving http://127.0.0.1:8000/blog/ (Ctrl-C to stop)"]
    shared = _serving_lines("192.168.1.20", 8000, "/")
    assert shared[0] == "serving http://192.168.1.20:8000/ (Ctrl-C to stop)" and "drafts" in shared[1]
    assert _serving_lines("::1", 8000, "/")[0] == "serving http://[::1]:8000/ (Ctrl-C to stop)"
    assert _serving_lines("::", 8000, "/")[0] == ("serving http://[::1]:8000/ and this machine's other IPv6 "
                                                  "addresses (Ctrl-C to stop)")
    content = make_content(tmp_path)
    elsewhere = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--host", "192.0.2.99",
                                "--content", str(content)], cwd=tmp_path, capture_output=True, text=True)
    assert elsewhere.returncode == 2 and "192.0.2.99 is not an address of this machine" in elsewhere.stderr
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--host", "my-laptop.local"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "`my-laptop.local` is not an address such as" in result.stderr


def test_the_preview_follows_the_sites_own_templates_and_assets(tmp_path):
    from helpers import write_tree
    content = make_content(tmp_path)
    write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n'
                                                 '{% block footer %}<p>First footer</p>{% endblock %}\n',
                          "assets/style.css": "body { color: black; }\n"})
    with previewing(tmp_path, content) as port:
        page = f"http://127.0.0.1:{port}/repo/posts/hola/"
        poll(page, lambda s, b: s == 200 and "First footer" in b)
        (tmp_path / "templates/base.html").write_text('{% extends "default/base.html" %}\n'
                                                      '{% block footer %}<p>Second footer</p>{% endblock %}\n')
        poll(page, lambda s, b: "Second footer" in b)
        (tmp_path / "assets/style.css").write_text("body { color: navy; }\n")
        poll(f"http://127.0.0.1:{port}/repo/assets/style.css", lambda s, b: "navy" in b)


def test_a_draft_shows_in_the_preview_as_its_writer_types_but_not_in_a_build(preview):
    content, base, _ = preview
    post = content / "posts/borrador"
    post.mkdir()
    (post / "index.es.md").write_text("---\ntitle: Borrador\nauthor: Ana\ndraft: true\n---\n\nA medio escribir.\n")
    status, body = poll(base + "posts/borrador/", lambda s, b: s == 200)
    assert "A medio escribir." in body
    # its card on the home page says so too, where its writer looks over what is about to go out
    home = fetch(base)[1]
    card = next(card for card in home.split('<li class="essay-card"')[1:] if "Borrador" in card.split("</li>")[0])
    assert '<p class="note draft-note">Draft: not published</p>' in card.split("</li>")[0]
    assert home.count("draft-note") == 1  # the published essay's card says nothing
    built = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
                            "--output", str(content.parent / "output")], capture_output=True, text=True)
    assert built.returncode == 0 and "1 draft left out" in built.stdout
    assert not (content.parent / "output/posts/borrador").exists()


def test_the_preview_follows_a_content_folder_replaced_whole(preview):
    """A restore or a sync tool may write a new copy of content/: the preview watches the new one."""
    import shutil
    content, base, _ = preview
    page = base + "posts/hola/"
    poll(page, lambda s, b: s == 200)
    copy = content.parent / "restored"
    shutil.copytree(content, copy)
    shutil.rmtree(content)
    copy.rename(content)
    essay = content / "posts/hola/index.es.md"
    time.sleep(0.5)  # a later save, in the new folder
    essay.write_text(essay.read_text().replace("Primer párrafo.", "Primer párrafo, tras restaurar."))
    poll(page, lambda s, b: "Primer párrafo, tras restaurar." in b)


def test_a_preview_started_on_a_wrong_setting_serves_under_base_url_and_shows_the_error(tmp_path):
    """A wrong optional setting does not lose the site's sub-path: fixing it shows the site where it belongs."""
    content = make_content(tmp_path)
    good = (content / "site.yml").read_text()
    (content / "site.yml").write_text(good + "per_page: -3\n")
    with previewing(tmp_path, content) as port:
        page = f"http://127.0.0.1:{port}/repo/posts/hola/"
        status, body = poll(page, lambda s, b: s == 500)
        assert "content/site.yml:8: per_page must be a whole number" in body
        (content / "site.yml").write_text(good)
        status, body = poll(page, lambda s, b: s == 200)
        assert "Primer párrafo." in body


def test_the_preview_says_each_warning_when_it_appears_and_not_again_at_every_save(tmp_path, capsys):
    from tertulia import pipeline
    from tertulia.commands import serve
    content = make_content(tmp_path / "site")
    essay = content / "posts/hola/index.es.md"
    options = pipeline.Options(content=content, output=tmp_path / "preview", pending=True, search=False)
    state = serve.PreviewState()
    serve.rebuild(options, state)
    assert "warning" not in capsys.readouterr().err
    essay.write_text(essay.read_text().replace("author: Ana", "author: Ana\ntags: [misterio]"))
    serve.rebuild(options, state)
    said = "content/posts/hola/index.es.md:4: warning: tag `misterio` is not in site.yml tags"
    first = capsys.readouterr()
    assert said in first.err and "1 warning" in first.out
    essay.write_text(essay.read_text().replace('title: "Hola"', 'title: "Hola, de nuevo"'))
    serve.rebuild(options, state)
    again = capsys.readouterr()
    assert "warning:" not in again.err and "1 warning" in again.out
    # one quoting the words it is about is the same warning when they change (a walk: said at every save)
    translation = content / "posts/hola/index.en.md"
    run_cli("translated", str(translation), "--content", str(content), cwd=tmp_path)
    for words in ("Primer párrafo, otro.", "Primer párrafo, y otro más."):
        essay.write_text(essay.read_text().replace("Primer párrafo", words.rstrip("."), 1))
        serve.rebuild(options, state)
        said = capsys.readouterr().err
        assert said.count("is outdated") == (1 if words.endswith("otro.") else 0), said


def test_the_preview_follows_an_override_folder_made_and_removed_while_serving(tmp_path):
    """A `templates/` made after start was not watched; one removed stopped every rebuild after."""
    import shutil
    from helpers import write_tree
    content = make_content(tmp_path)
    with previewing(tmp_path, content) as port:
        page = f"http://127.0.0.1:{port}/repo/posts/hola/"
        poll(page, lambda s, b: s == 200)
        write_tree(tmp_path, {"templates/base.html": '{% extends "default/base.html" %}\n'
                                                     '{% block footer %}<p>Made footer</p>{% endblock %}\n'})
        poll(page, lambda s, b: "Made footer" in b)
        shutil.rmtree(tmp_path / "templates")
        poll(page, lambda s, b: s == 200 and "Made footer" not in b)
        essay = content / "posts/hola/index.es.md"
        essay.write_text(essay.read_text().replace("Primer párrafo.", "Primer párrafo, después."))
        poll(page, lambda s, b: "Primer párrafo, después." in b)


def test_the_preview_moves_with_base_url_edited_while_serving(tmp_path):
    content = make_content(tmp_path)
    site_yml = content / "site.yml"
    with previewing(tmp_path, content) as port:
        poll(f"http://127.0.0.1:{port}/repo/posts/hola/", lambda s, b: s == 200)
        site_yml.write_text(site_yml.read_text().replace("https://example.github.io/repo/", "https://example.org/blog/"))
        status, body = poll(f"http://127.0.0.1:{port}/blog/posts/hola/", lambda s, b: s == 200)
        assert "Primer párrafo." in body


def test_a_save_made_before_the_folders_are_watched_is_rebuilt_once_they_are(tmp_path):
    """The server answers before its watcher's thread has begun to watch: a save in between named by
    no event (a page reloaded with the error, the site.yml fixed at once) would never be seen."""
    from tertulia.commands import serve
    content = make_content(tmp_path)
    an_hour_ago = time.time() - 3600
    for written in content.rglob("*"):
        os.utime(written, (an_hour_ago, an_hour_ago))  # the site as it was when the preview started
    since = time.time()
    (content / "site.yml").write_text((content / "site.yml").read_text() + "\n")  # saved before the watch began
    passed_on = []

    def watch_starting_late(*folders, **options):
        yield set()  # the first batch: a second passed with no event
        raise KeyboardInterrupt  # ends the test's watch

    with pytest.raises(KeyboardInterrupt):
        serve._watch_until_replaced(watch_starting_late, [content], passed_on.append, since)
    assert passed_on == [{str((content / "site.yml").resolve())}]


def test_a_preview_started_on_unreadable_languages_shows_the_error_then_the_site(tmp_path):
    """With no languages to read, base_url's path cannot be trusted either: the preview starts at the root,
    says what is wrong, and serves the site once site.yml is fixed."""
    content = make_content(tmp_path)
    good = (content / "site.yml").read_text()
    broken = good.replace("languages: {en: English, es: Español, ro: Română}", "languages: 5")
    assert broken != good
    (content / "site.yml").write_text(broken)
    with previewing(tmp_path, content) as port:
        status, body = poll(f"http://127.0.0.1:{port}/", lambda s, b: s == 500)
        assert "content/site.yml:3: languages must map language tags to their names" in body
        (content / "site.yml").write_text(good)
        poll(f"http://127.0.0.1:{port}/repo/posts/hola/", lambda s, b: s == 200 and "Primer párrafo." in b)


def test_the_error_page_sets_a_quoted_right_to_left_sentence_apart_inside_its_landmark():
    """An Arabic sentence quoted in an English message took the line's direction: its full stop stood by its
    first word. The page had no `main`, which axe asks every page for (a new user's Arabic site, 2026-12)."""
    page = error_page(["content/posts/al-bahr/index.en.md:20: original block 6 “البحر لا يعطي.” has no "
                       "counterpart", "content/x.md:1: `<b>` “<i>”"]).decode()
    assert "original block 6 “<bdi>البحر لا يعطي.</bdi>” has no counterpart" in page
    assert "`&lt;b&gt;` “<bdi>&lt;i&gt;</bdi>”" in page, "still escaped"
    assert page.index("<main>") < page.index("<h1>") < page.index("</main>")


def test_the_error_page_asks_for_no_icon_outside_the_base_path():
    """Without an icon of its own, each reload of the error page asked for /favicon.ico, which the preview
    answers with a redirect into the base path and then a 404 in the console (a new user, 2026-11)."""
    page = error_page(["content/x.md:1: wrong"]).decode()
    assert '<link rel="icon" href="data:,">' in page


def test_a_preview_starts_again_at_once_on_the_port_its_last_run_left(tmp_path):
    """A browser's connection to the stopped preview kept the port in TIME_WAIT, and the port check,
    binding without SO_REUSEADDR as the server does not, said for a minute that it was in use."""
    content = make_content(tmp_path)
    with previewing(tmp_path, content) as port:
        poll(f"http://127.0.0.1:{port}/repo/", lambda s, b: s == 200)
        reader = http.client.HTTPConnection("127.0.0.1", port)
        reader.request("GET", "/repo/")
        reader.getresponse().read()  # kept open, as a browser keeps it
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--output", str(tmp_path / "output")],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        status, _ = poll(f"http://127.0.0.1:{port}/repo/", lambda s, b: s == 200, seconds=20)
        assert process.poll() is None
    finally:
        process.terminate()
        said = process.communicate(timeout=60)[0]
        reader.close()
    assert "in use" not in said


def test_a_preview_whose_folder_another_build_holds_says_so_without_a_class_name(tmp_path, monkeypatch, capsys):
    """A second preview of one site showed "OutputBusy: …" on every page: words for the author, not code's."""
    from tertulia.commands import serve
    from tertulia.pipeline import Options
    from tertulia.writing.write import OutputBusy

    def busy(*args, **kwargs):
        raise OutputBusy("x/.tertulia-cache/preview/site: another build is writing there or beside it right now")
    monkeypatch.setattr(serve, "build", busy)
    state = serve.PreviewState(base_path="/")
    serve.rebuild(Options(content=make_content(tmp_path)), state)
    assert state.errors == ["x/.tertulia-cache/preview/site: another build is writing there or beside it right now"]
    assert "OutputBusy" not in capsys.readouterr().err


@pytest.mark.parametrize("base, path, location", [("/a/b/", "/a", "/a/b/"), ("/a/b/", "/a/b", "/a/b/"),
                                                  ("/a/b/", "/a/", "/a/b/"), ("/", "", "/"),
                                                  ("/a/b/", "/posts/hola/", "/a/b/posts/hola/")])
def test_an_address_on_the_way_to_the_site_leads_to_it(tmp_path, base, path, location):
    """A red team: under `/a/b/`, `/a` went on to `/a/b/a`, a page not found; under `/`, no path at all to `//`."""
    from tertulia.commands.serve import PreviewState, make_app
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>")
    app = make_app(tmp_path, PreviewState(base_path=base), port=8123)
    said = {}
    app({"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1:8123"},
        lambda status, headers: said.update(status=status, headers=dict(headers)))
    assert said["status"].startswith(("301", "302")) and said["headers"]["Location"] == location, said


def test_a_page_under_the_base_path_before_base_url_s_edit_leads_to_the_same_page_under_the_new_one(tmp_path):
    """A walk: the open page, `/repo/posts/hola/`, reloading after base_url became `/blog/`, went on to
    `/blog/repo/posts/hola/`, a page not found; and back again to `/repo/blog/repo/…`."""
    from tertulia.commands.serve import PreviewState, make_app
    from helpers import write_tree
    write_tree(tmp_path, {"index.html": "<title>x</title>", "posts/hola/index.html": "<title>x</title>",
                          "404.html": "<title>not found</title>"})
    said = {}

    def answer(state: PreviewState, path: str) -> tuple[str, str]:
        make_app(tmp_path, state, port=8123)({"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1:8123"},
                                             lambda status, headers: said.update(status=status, headers=dict(headers)))
        return said["status"][:3], said["headers"].get("Location", "")
    elsewhere = PreviewState(base_path="/blog/", moved_from="/repo/")
    for path, location in (("/repo/posts/hola/", "/blog/posts/hola/"), ("/repo/", "/blog/"),
                           ("/posts/hola/", "/blog/posts/hola/")):
        assert answer(elsewhere, path) == ("302", location), path
    # a review: to `/` (a custom domain) the old address was a page not found, served under `/`; deeper, an
    # address of the new base path without its last slash went on under the old one
    assert answer(PreviewState(base_path="/", moved_from="/repo/"), "/repo/posts/hola/") == ("302", "/posts/hola/")
    assert answer(PreviewState(base_path="/", moved_from="/repo/"), "/repo/nowhere/") == ("404", "")
    for inside in (f"/repo/{tmp_path}/posts/hola/", f"/repo/%2F{str(tmp_path)[1:]}/posts/hola/"):  # never `//tmp/…`
        assert answer(PreviewState(base_path="/", moved_from="/repo/"), inside) == ("404", ""), inside
    deeper = PreviewState(base_path="/blog/v2/", moved_from="/blog/")
    assert answer(deeper, "/blog/v2/posts/hola") == ("301", "/blog/v2/posts/hola/")
    assert answer(deeper, "/blog/v2") == ("302", "/blog/v2/")
    assert answer(deeper, "/blog/posts/hola/") == ("302", "/blog/v2/posts/hola/")
    assert answer(deeper, "/blog/v2/nowhere/") == ("404", "")
    assert answer(PreviewState(base_path="/blog/", moved_from="/blog/v2/"), "/blog/v2/posts/hola/") == (
        "302", "/blog/posts/hola/")


def test_every_page_says_the_rebuild_it_was_drawn_from_and_the_preview_the_last_one(tmp_path):
    """What lets a page that reloaded while a later rebuild ended, unheard, reload again (see
    tests/browser/test_preview_reload.py)."""
    from tertulia.commands.serve import FRESH, PreviewState, make_app
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title><body><p>Words</p></body>")
    (tmp_path / "style.css").write_text("body {}")
    state = PreviewState(base_path="/", build=7)
    app = make_app(tmp_path, state, port=8123)

    def body(path: str) -> bytes:
        return b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1:8123"},
                            lambda status, headers: None))
    assert body("/").endswith(f'<p>Words</p><script src="{FRESH}?build=7"></script></body>'.encode())
    assert body("/style.css") == b"body {}"
    assert body(FRESH + "/build") == b"7" and b"location.reload()" in body(FRESH)
    state.build = 8
    assert body(FRESH + "/build") == b"8"


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_preview_without_a_cache_folder_leaves_nothing_in_the_scratch_folder(tmp_path, stop):
    """`serve --no-cache` drew its site into a new folder of $TMPDIR on every run and never removed it: a
    whole copy of the site piled up each time an author started the preview (found in session 73)."""
    import signal
    content = make_content(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port), "--no-cache",
                                "--content", str(content), "--output", str(tmp_path / "output")],
                               cwd=tmp_path, env={**os.environ, "TMPDIR": str(scratch)},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        poll(f"http://127.0.0.1:{port}/repo/", lambda status, body: status == 200)
        drawn = list(scratch.glob("tertulia-*/**/index.html"))
        assert drawn, "the preview drew its pages somewhere else"
    finally:
        process.send_signal(getattr(signal, stop))
        said = process.communicate(timeout=60)[0]
    assert list(scratch.iterdir()) == [], said
    assert "Traceback" not in said
    assert not (tmp_path / ".tertulia-cache").exists()


def test_the_previews_summary_says_the_pending_comments_it_shows(tmp_path, capsys):
    """A maintainer's walk: the preview said "1 held back (spam or pending)" over a page showing that very
    comment, marked as awaiting review. The build, which publishes none of them, says what it always did."""
    from tertulia import pipeline
    from tertulia.commands import serve
    content = make_content(tmp_path / "site", {
        "posts/hola/comments/c1.es.md": "---\nauthor: Mod\nstatus: pending\n---\n\nEsperando revisión.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Bot\nstatus: spam\n---\n\nCompre ya.\n",
        "posts/hola/comments/c3.es.md": "---\nauthor: Luz\nstatus: pending\nreply_to: c1\n---\n\nYo también.\n"})
    options = pipeline.Options(content=content, output=tmp_path / "preview", pending=True, search=False)
    serve.rebuild(options, serve.PreviewState())
    assert "0 comments published, 3 held back (spam or pending; 2 pending shown here, marked), " in capsys.readouterr().out
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert "0 comments published, 3 held back (spam or pending), " in built.stdout
