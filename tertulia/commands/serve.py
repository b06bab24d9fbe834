"""Live preview: build, serve under the base path, rebuild what each save touches, reload the browser."""

from __future__ import annotations

import _thread
import asyncio
import contextlib
import html
import ipaddress
import logging
import mimetypes
import os
import queue
import re
import shutil
import sys
import threading
import time
from urllib.parse import quote, unquote
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..reading.addresses import NAME_MAX
from ..reading.config import read_config
from ..reading.find import SETTINGS
from ..errors import ContentErrors, ToolFailed, counted
from ..freshness import LastRun
from ..interruptions import scratch_folder
from ..layout import NOT_FOUND
from ..pipeline import Options, parse_cache, build
from ..theme import KINDS
from ..writing.write import OutputBusy, OutputRefused

PREVIEW = "preview"  # in the cache folder: the preview's own site, never the output folder


@dataclass
class PreviewState:
    """What the preview server shows: the last build's errors, or none when it succeeded."""

    base_path: str = "/"
    errors: list[str] = field(default_factory=list)
    warned: set[str] = field(default_factory=set)  # the last good build's warnings, each said once
    # how many rebuilds the pages have seen: a page drawn before the last one reloads itself (see FRESH)
    build: int = 0
    moved_from: str = ""  # the base path before base_url's last edit: a page under it is the same one under the new


def rebuild(options: Options, state: PreviewState, last: LastRun | None = None,
            changed: set[str] | None = None) -> None:
    """Build once; on any error keep the last good preview and remember the errors to show.

    Whatever a save breaks (content, a template, the disk, a bug), the preview keeps serving and
    says what went wrong where the author is looking."""
    try:
        report = build(options, last=last, changed=changed)
    except ContentErrors as problem:
        state.errors = [str(e) for e in problem.errors]
    except (ToolFailed, OutputBusy, OutputRefused) as problem:  # each says itself for an author, as `build` says it
        state.errors = [str(problem)]
    except OSError as problem:
        state.errors = [f"{problem.filename or options.output}: could not be written or read: "
                        f"{problem.strerror or problem}"]
    except Exception as problem:  # noqa: BLE001 - a preview that stops helps nobody; it says what happened
        state.errors = [f"{type(problem).__name__}: {problem}"]
    else:
        state.errors = []
        moved_to = base_path(options)
        if moved_to != state.base_path:  # base_url edited while serving: its path is where the site now is
            state.moved_from, state.base_path = state.base_path, moved_to
            print(f"now serving under {moved_to}", flush=True)
    state.build += 1
    if state.errors:
        print("\n".join(state.errors), file=sys.stderr)
        # the pages show the errors (see _answer) until a save fixes them; the last good build waits underneath
        them = "them" if len(state.errors) > 1 else "it"
        print(f"{counted(len(state.errors), 'error')}; every page of the preview shows {them} until a save fixes {them}",
              file=sys.stderr, flush=True)
        return
    warnings = [warning.as_warning() for warning in report.warnings]
    # a warning quoting the words it is about ("block 1 is outdated: its original (“…”) changed") is the same
    # one when those words change: said again on every save of the original, it filled the terminal
    fresh = [warning for warning in warnings if QUOTED.sub("“”", warning) not in state.warned]
    state.warned = {QUOTED.sub("“”", warning) for warning in warnings}
    if fresh:  # a save that brings a warning says which; the ones still standing are only counted
        print("\n".join(fresh), file=sys.stderr, flush=True)
    print(time.strftime("%H:%M:%S"), report.summary(), flush=True)


def base_path(options: Options) -> str:
    """The path base_url puts the site under, "/" while site.yml cannot say."""
    config_path = options.content / SETTINGS
    try:
        config = read_config(config_path, str(config_path), options.base_url)[0]
    except ContentErrors:
        return "/"
    # written as a URL says it, whether base_url wrote `españa` or `espa%C3%B1a`: the redirects' form
    return quote(unquote(config.base_path), safe="/") if config else "/"  # None: no languages to read the site in


# A message's quotation of an author's words ("original block 6 “البحر …”"): set apart, an Arabic sentence
# keeps its full stop at its own end instead of taking the English line's direction
QUOTED, ISOLATED = re.compile(r"“([^“”]*)”"), r"“<bdi>\1</bdi>”"


def error_page(errors: list[str]) -> bytes:
    """The errors as a page, so an author sees them where they were reading."""
    items = "\n".join(f"<li><code>{QUOTED.sub(ISOLATED, html.escape(e))}</code></li>" for e in errors)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            # no icon of its own: else the browser asks for /favicon.ico, outside the base path, on every reload
            f'<title>The last save has errors</title>\n<link rel="icon" href="data:,">\n'
            f"<style>body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}}"
            f"li{{margin:.5rem 0}}code{{white-space:pre-wrap}}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>The last save has {counted(len(errors), 'error')}</h1>\n<ol>\n{items}\n</ol>\n"
            f"<p>Fix them and save: this page reloads by itself.</p>\n</main>\n</body>\n</html>\n").encode("utf-8")


def _warnings_only(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.WARNING


def _never(record: logging.LogRecord) -> bool:
    return False


LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")  # the names by which this machine's own pages reach the preview
LOOPBACK = "127.0.0.1"  # where the preview answers unless told `--host`


def answered_host(port: int, bound: str = LOOPBACK):
    """Whether a request's Host header is one the preview answers: this machine's own names and, when it
    answers on the network too (`--host`), an address typed as digits (a phone's browser on the same
    network). Never another name: a page elsewhere could point its own name at this machine."""
    local = {f"{name}:{port}" for name in LOCAL_NAMES}
    address = ipaddress.ip_address(bound)
    if not address.is_unspecified:  # the address it was told, a loopback one too (127.0.0.2)
        local.add(f"{_in_url(bound)}:{port}")
    everywhere = not address.is_loopback

    def answered(host: str) -> bool:
        host = host.lower()  # a host name has no case
        if host in local:
            return True
        address, _, given_port = host.rpartition(":")
        if not everywhere or given_port != str(port):
            return False
        try:
            ipaddress.ip_address(address[1:-1] if address.startswith("[") and address.endswith("]") else address)
        except ValueError:
            return False
        return True

    return answered


def make_app(output: Path, state: PreviewState, port: int | None = None, bound: str = LOOPBACK):
    """A WSGI app serving the output under the base path, or the error page while errors stand.

    Only this machine's own names are answered (a page elsewhere cannot reach the preview by
    pointing its own host name at 127.0.0.1), only GET and HEAD, and nothing outside output/."""
    answered = answered_host(port, bound) if port else None

    def app(environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        if answered is not None and not answered(environ.get("HTTP_HOST", "")):
            answer = "400 Bad Request", "text/plain; charset=utf-8", b"unknown host\n"
        elif method not in ("GET", "HEAD"):
            answer = "405 Method Not Allowed", "text/plain; charset=utf-8", b"GET only\n"
        elif environ.get("PATH_INFO") == FRESH:
            answer = "200 OK", "text/javascript; charset=utf-8", FRESH_SCRIPT
        elif environ.get("PATH_INFO") == FRESH + "/build":
            answer = "200 OK", "text/plain; charset=utf-8", str(state.build).encode()
        else:
            answer = _answer(environ.get("PATH_INFO", "/"), output, state)
        wanted = quote(environ.get("PATH_INFO", "/").encode("latin-1", "replace").lstrip(b"/"), safe="/")
        moved = _moved(wanted, output, state)
        if answer[0].startswith("404") and moved:  # `/repo/posts/x/` once base_url's path became `/`
            answer = "302 Found", "text/plain; charset=utf-8", b""
        # an address without the base path (a link copied from the published site) is the same page under it,
        # one on the way to it (`/blog` for `/blog/`, `/a` for `/a/b/`) the site itself, one under the base path
        # before base_url's last edit the same page under the new; a folder's address without its slash is the folder's
        if answer[0].startswith("301"):
            location = "/" + wanted + "/"
        elif state.base_path.startswith("/" + wanted.rstrip("/") + "/"):
            location = state.base_path
        else:
            location = moved or state.base_path + wanted
        return _respond(start_response, *answer, head=method == "HEAD", location=location)

    return app


def _moved(wanted: str, output: Path, state: PreviewState) -> str:
    """The address under the base path base_url now gives of a page the preview serves, asked for under the
    one before base_url's last edit (the open tab, reloading); "" for any other address."""
    old = state.moved_from
    if old in ("", "/", state.base_path) or not ("/" + wanted).startswith(old):
        return ""
    rest = ("/" + wanted)[len(old):]
    if unquote(rest).startswith("/"):  # `/repo//tmp/…` would go on to `//tmp/…`, another host to a browser
        return ""
    return state.base_path + rest if _existing_file(output, _decoded(unquote(rest))) is not None else ""


# livereload tells the pages connected when a rebuild ends; one reloading then, after an earlier save, is
# not, and stayed on that save's words (two saves 0.1 s apart: every time, a walk found). Each page says the
# rebuild it was drawn from, and asks once loaded, and every 1.5 s after, whether it is still the last one: on a
# loaded machine livereload may connect seconds late, and a rebuild ending before then went unheard.
FRESH = "/__tertulia-preview/fresh.js"
FRESH_SCRIPT = b"""(function () {
  var drawn = new URL(document.currentScript.src).searchParams.get("build");
  function ask() {
    fetch("%s/build", { cache: "no-store" }).then(function (answer) { return answer.text(); })
      .then(function (last) { if (last !== drawn) { location.reload(); } }, function () {});
  }
  ask();
  setInterval(ask, 1500);
})();
""" % FRESH.encode()


def _with_build(page: bytes, build: int) -> bytes:
    """A page of the preview with the script that reloads it when a rebuild ended before it could hear of it."""
    script = f'<script src="{FRESH}?build={build}"></script>'.encode()
    at = page.rfind(b"</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


def _answer(path: str, output: Path, state: PreviewState) -> tuple[str, str, bytes]:
    """(status, content type, body) for a path; a page with the rebuild it shows (see FRESH)."""
    status, kind, body = _found(path, output, state)
    return status, kind, _with_build(body, state.build) if kind.startswith("text/html") else body


def _found(path: str, output: Path, state: PreviewState) -> tuple[str, str, bytes]:
    """(status, content type, body) for a path, as the last build or its errors give it."""
    base = unquote(state.base_path).encode("utf-8").decode("latin-1")  # as WSGI hands a path over
    if not path.startswith(base):  # sent on under the base path, or to it (`/blog` for `/blog/`): see make_app
        return "302 Found", "text/plain; charset=utf-8", b""
    relative = _decoded(path[len(base):])
    if state.errors and (relative == "" or relative.endswith(("/", ".html"))):
        return "500 Errors in the last save", "text/html; charset=utf-8", error_page(state.errors)
    target = _existing_file(output, relative)
    if target is not None and target.name == "index.html" and relative and not relative.endswith(("/", ".html")):
        # as GitHub Pages answers: the page's relative links only resolve from the folder's own address
        return "301 Moved Permanently", "text/plain; charset=utf-8", b""
    if target is None:
        missing = output / NOT_FOUND
        return "404 Not Found", "text/html; charset=utf-8", missing.read_bytes() if missing.is_file() else b"not found"
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/xml"):
        kind += "; charset=utf-8"
    return "200 OK", kind, target.read_bytes()


def _decoded(relative: str) -> str:
    """WSGI hands the path's UTF-8 bytes over as Latin-1 characters: a tag in another script needs them back."""
    try:
        return relative.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return relative


def _existing_file(output: Path, relative: str) -> Path | None:
    """The file a URL names, never outside the output folder; None for anything odd."""
    if "\0" in relative or any(len(segment.encode("utf-8", "replace")) > NAME_MAX for segment in relative.split("/")):
        return None
    try:
        target = (output / relative).resolve()
        root = output.resolve()
        if target != root and root not in target.parents:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None
    except (OSError, ValueError):
        return None


def _respond(start_response, status: str, kind: str, body: bytes, head: bool, location: str):
    """The answer's headers, and its body unless it was asked for by HEAD; a redirect goes to `location`."""
    headers = [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
    if status.startswith(("301", "302")):
        headers.append(("Location", location))
    start_response(status, headers)
    return [b"" if head else body]


def _watcher(folders: list[Path], on_change, since: float):
    """A livereload watcher fed by the operating system's change events (watchfiles), not by polling.

    The events name the files that changed, so a rebuild re-reads only those. A save made after the
    last full read began (`since`: the first build, then each re-read of a replaced folder) but before
    the folders were watched, which no event names, is found by its time once they are.
    """
    from livereload.watcher import Watcher
    from tornado.ioloop import IOLoop
    from watchfiles import watch  # here, not in the thread: the first save may come as soon as pages are served

    class EventWatcher(Watcher):
        def start(self, callback):  # livereload asks; True means "I call you, do not poll me"
            loop = IOLoop.current()

            def listen():
                try:
                    read_from = since
                    while _watch_until_replaced(watch, folders, lambda paths: loop.add_callback(on_change, paths),
                                                read_from):
                        read_from = time.time()  # what changes after the read begins, the next watch finds
                        loop.add_callback(on_change, {os.path.abspath(folders[0])})  # not a file: read all again
                except Exception as problem:  # e.g. the system's limit of watched folders
                    print(f"no longer watching for changes: {problem}; restart serve", file=sys.stderr, flush=True)

            threading.Thread(target=listen, daemon=True).start()
            return True

    return EventWatcher()


def _watch_until_replaced(watch, folders: list[Path], changed, since: float) -> bool:
    """Pass on each batch of changed paths until one of the folders is made, removed or replaced (a
    site's first `templates/`, a restore, a sync tool writing a new copy), whose new self no event
    would name; then say so (True), to be watched anew as the folders are now. Checked each second
    too, since no event names a folder that is not watched. Once watched (the first batch comes on
    a change or after a second), the files changed after `since` are passed on too."""
    present = {folder: _inode(folder) for folder in folders}
    watched = [folder for folder, inode in present.items() if inode is not None]
    caught_up = False
    for changes in watch(*watched, debounce=30, step=10, rust_timeout=1000, yield_on_timeout=True):
        missed = set() if caught_up else _changed_since(watched, since)
        caught_up = True
        if changes or missed:
            changed({os.path.abspath(path) for _, path in changes} | missed)
        if any(_inode(folder) != inode for folder, inode in present.items()):
            break
    else:
        return False
    time.sleep(0.2)  # a restore writes its files after its folder: read them all at once
    return True


def _changed_since(folders: list[Path], since: float) -> set[str]:
    """The files under `folders` changed after `since`, a second's margin allowed: a file's time comes
    from a coarser clock than time.time()."""
    found = set()
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(root, name)
                with contextlib.suppress(OSError):
                    if os.stat(path).st_mtime >= since - 1:
                        found.add(os.path.abspath(path))
    return found


def _inode(folder: Path) -> int | None:
    try:
        return folder.stat().st_ino
    except OSError:
        return None


def serve(options: Options, port: int, bound: str = LOOPBACK) -> int:
    """Serve until interrupted; every save under content/ or the theme's folders rebuilds what it touches."""
    if options.cache_dir is not None:
        return _serve(options, port, bound)
    # with no cache folder (--no-cache, or one a link made unusable) the preview's pages go to a scratch
    # folder removed when it stops: each run left a whole copy of the site in $TMPDIR
    scratch = scratch_folder("tertulia-preview-")
    try:
        return _serve(options, port, bound, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _serve(options: Options, port: int, bound: str, scratch: Path | None = None) -> int:
    from livereload import Server  # imported here: only the preview needs tornado
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler

    taken = _port_taken(port, bound)
    if taken:
        print(taken, file=sys.stderr)
        return 2
    state = PreviewState(base_path=base_path(options))  # even while a setting is wrong: its page lists what is
    shared_parse_cache = parse_cache(options)
    options = preview_options(options, port, scratch)
    last = LastRun(options, shared_parse_cache)
    first_build = time.time()
    rebuild(options, state, last)
    saves: queue.SimpleQueue[set[str]] = queue.SimpleQueue()  # paths saved, from the server's thread to this one

    # the site's own templates, assets and catalogs too, made or removed while serving; the installed
    # theme's are watched for its developers
    own = [options.theme.site / kind for kind in KINDS] if options.theme.site else []
    folders = list({folder.resolve(): folder for folder in [options.content, *own, *(
        options.theme.default / kind for kind in KINDS)]}.values())
    answered = answered_host(port, bound)
    server = _local_server(Server, answered)(app=make_app(options.output, state, port, bound),
                                             watcher=_watcher(folders, saves.put, first_build))
    for folder in folders:
        if folder.is_dir():
            server.watch(str(folder))
    # livereload's socket takes any page's connection; only this preview's own pages may reload it. Its
    # /forcereload, which any page could call to reload the author's tab, this preview never uses
    LiveReloadHandler.check_origin = lambda handler, origin: (
        origin.lower().startswith("http://") and answered(origin[len("http://"):]))
    # tornado asks check_origin nothing when the page's origin is the Host it named (`Sec-Fetch-Site:
    # same-origin`): a page whose own name was pointed here passed; the socket answers the preview's names only
    LiveReloadHandler.prepare = _refusing_other_hosts(answered)
    ForceReloadHandler.get = lambda handler: handler.send_error(404)
    # livereload's own notes are not for an author: its address lacks the site's path (a 404 under a
    # sub-path), and "Start watching changes", "Browser Connected", "Reload 0 waiters" come between the
    # preview's own lines, which already say each rebuild; its warnings and errors still show
    logging.getLogger("livereload").addFilter(_warnings_only)  # one filter however often a process serves
    # tornado logs answers of status 500 as errors of its own ("[E …] 500 GET /"), the error page's status, whose
    # errors the preview has just said in its own words, and a 404 as a warning in its own format ("[W 261205
    # 21:27:10 wsgi:263] 404 GET …") between the preview's lines: a page not found is the browser's to show
    logging.getLogger("tornado.access").addFilter(_never)
    loop = _serving(server, port, bound)
    if loop is None:
        return 1
    for line in _serving_lines(bound, port, state.base_path):
        print(line, flush=True)
    try:
        while True:
            rebuild(options, state, last, _next_saves(saves))
            loop.add_callback(LiveReloadHandler.reload_waiters)  # the one call tornado takes from another thread
    except KeyboardInterrupt:
        return 0


def _refusing_other_hosts(answered):
    """A handler's `prepare` that answers 400 for a Host the preview does not answer."""
    from tornado import web

    def prepare(handler) -> None:
        if not answered(handler.request.host):
            raise web.HTTPError(400)
    return prepare


def _serving_lines(bound: str, port: int, path: str) -> list[str]:
    """Where the preview is read: this machine's address, and on the network the one a phone types."""
    if ipaddress.ip_address(bound).is_loopback:
        return [f"serving http://{_in_url(bound)}:{port}{path} (Ctrl-C to stop)"]
    if not ipaddress.ip_address(bound).is_unspecified:
        shown = f"http://{_in_url(bound)}:{port}{path}"
    elif ":" in bound:  # `::`: this machine's IPv6 addresses only, as tornado binds it
        shown = f"http://[::1]:{port}{path} and this machine's other IPv6 addresses"
    else:
        network = _network_address()
        shown = f"http://127.0.0.1:{port}{path}" + (f" and http://{_in_url(network)}:{port}{path}" if network else "")
    return [f"serving {shown} (Ctrl-C to stop)",
            "anyone who can reach this machine's address reads the preview, drafts and pending comments included"]


def _in_url(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def _network_address() -> str | None:
    """This machine's address on its network (the one its default route leaves from), or None without one.
    A datagram socket only chooses its route when connected: nothing is sent."""
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never answered, only routed
            return probe.getsockname()[0]
        except OSError:
            return None


def _serving(server, port: int, bound: str = LOOPBACK):
    """Start answering in a thread of its own, and give its loop: the rebuilds stay in this (the main)
    thread, where an interruption and a comment's time limit reach them, and pages and the reload
    script are answered while one runs (a save of site.yml redraws every page, a minute on a big site)."""
    started: queue.SimpleQueue = queue.SimpleQueue()
    answering = threading.Event()

    def answer() -> None:
        from tornado.ioloop import IOLoop
        asyncio.set_event_loop(asyncio.new_event_loop())
        loop = IOLoop.current()
        loop.add_callback(lambda: (answering.set(), started.put(loop)))  # once the loop turns: the port is open
        try:
            server.serve(port=port, host=bound, debug=False, restart_delay=0)
        except Exception as problem:  # noqa: BLE001 - said, and the preview ends rather than answer nothing
            said = "stopped answering" if answering.is_set() else f"could not answer on port {port}"
            print(f"the preview {said}: {problem}", file=sys.stderr, flush=True)
        finally:
            started.put(None)
            if answering.is_set():
                _thread.interrupt_main()  # nothing is answered any more: end the rebuilds too

    threading.Thread(target=answer, daemon=True).start()
    return started.get()


def _next_saves(saves: queue.SimpleQueue) -> set[str]:
    """The paths of the next save, and of every save made meanwhile: one rebuild for all of them. The
    wait is in short steps, so that Ctrl-C is seen at once."""
    while True:
        try:
            paths = set(saves.get(timeout=0.5))
            break
        except queue.Empty:
            continue
    while True:
        try:
            paths |= saves.get_nowait()
        except queue.Empty:
            return paths


def _local_server(server_class, answered):
    """livereload's Server, its pages answered only for the preview's own names: tornado reads the Host
    header before the preview's app does, and a name such as `127.0.0.1:8000.evil.example` failed there
    with a traceback where it should be told it is unknown."""
    from livereload.server import LiveScriptContainer
    from tornado import web

    class LocalOnly(web.FallbackHandler):
        def prepare(self):
            if not answered(self.request.host):
                self.set_status(400)
                self.set_header("Content-Type", "text/plain; charset=utf-8")
                self.finish("unknown host\n")
                return
            super().prepare()

    class PreviewServer(server_class):
        def get_web_handlers(self, script):
            return [(r".*", LocalOnly, {"fallback": LiveScriptContainer(self.app, script)})]

    return PreviewServer


def preview_options(options: Options, port: int | None = None, scratch: Path | None = None) -> Options:
    """The preview's build: its own folder and output memo under the cache, never the output folder,
    so what it shows (pending comments, for a moderator to read in context; drafts, for their writer
    to read as they write) is never published; and no search index, which would be redone on every save.
    Each port's preview has a folder of its own: two previews of one site (one for this machine, one for a
    phone) took turns at one folder, and the one that lost showed an error page until the next save.
    Without a cache folder it goes in `scratch`, which its caller removes."""
    folder = (options.cache_dir or scratch) / PREVIEW
    if port is not None:
        folder = folder / str(port)
    return replace(options, pending=True, drafts=True, search=False, output=folder / "site", cache_dir=folder)


def _port_taken(port: int, bound: str = LOOPBACK) -> str:
    """Why the preview cannot answer at `bound`:`port` ("" when it can)."""
    import errno
    import socket
    with socket.socket(socket.AF_INET6 if ":" in bound else socket.AF_INET) as probe:
        # as the server binds it: a port a closed connection of the last preview still holds is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bound, port))
        except OSError as problem:
            if problem.errno == errno.EADDRNOTAVAIL:
                return f"{bound} is not an address of this machine; --host takes one of its own, or 0.0.0.0 for all"
            if problem.errno == errno.EADDRINUSE:
                return f"port {port} is in use on {bound}; choose another with --port"
            return f"cannot answer on {bound}, port {port}: {problem.strerror or problem}"
    return ""
