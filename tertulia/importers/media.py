"""An imported post's images and attachments brought beside it (`--media`, `--media-from`), and its text
pointed at them.

Only files on the blog's own hosts come along: its address, `*.files.wordpress.com`, and the
`i0.wp.com/<host>/...` copies, which (like `name-300x200.jpg` and `?w=300`) are one file: the
original. A download is bounded in size and in time (however slowly a server answers), follows no
redirect off those hosts or to a page of them, never reaches a link-local address or a metadata service's
(where a cloud machine answers with its credentials), and lands under a safe name of a kind the build
publishes; a failure is listed and its address kept.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from anyascii import anyascii

from ..reading.active import active_svg
from ..reading.indic import romanized
from .addresses import uploads_on_blog, without_dot_segments

MAX_BYTES = 25 * 1024 * 1024  # a large photograph or a short clip; anything bigger is listed, not fetched
MAX_SECONDS = 30
REFERENCE = re.compile(r"""https?://[^\s"'<>()\[\]\\`]+""")  # never a Markdown or YAML escape after it
SIZE_VARIANT = re.compile(r"-\d{1,5}x\d{1,5}(?=\.[A-Za-z0-9]{2,5}$)")
PHOTON = re.compile(r"^i[0-3]\.wp\.com$")
URL_SAFE = "/!$&'()*+,;=:@"  # kept as they are in a path; the rest percent-encoded
# What is brought from the blog: its images, sound, video and documents, as a reader's browser shows
# them; a link to anything else is a page of the blog (or a file no essay needs beside it).
MEDIA_KINDS = {"png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "pdf", "epub",
               "txt", "csv", "mp3", "ogg", "oga", "opus", "wav", "flac", "m4a", "mp4", "webm", "ogv", "mov", "vtt"}


@dataclass
class MediaSource:
    """Where files come from: the blog's hosts, and a local copy of wp-content/uploads or the web."""

    hosts: set[str]
    scheme: str = "https"  # the blog's, for the files that i0.wp.com copies
    uploads: Path | None = None  # --media-from
    download: bool = False  # --media
    fetched: dict[str, bytes | None] = field(default_factory=dict)  # original URL -> its bytes (None: failed)
    failures: dict[str, str] = field(default_factory=dict)  # original URL -> why

    @property
    def active(self) -> bool:
        return self.download or self.uploads is not None


def source_for(blog: str, base_site_url: str, download: bool, uploads: Path | None) -> MediaSource:
    hosts = {urlsplit(url).hostname or "" for url in (blog, base_site_url)} - {""}
    scheme = "http" if blog.startswith("http://") else "https"
    return MediaSource(hosts=hosts, scheme=scheme, uploads=uploads, download=download)


def original(url: str, hosts: set[str], photon_scheme: str = "https") -> str:
    """The address of the one file a reference names, or "" when it is not on the blog's own hosts."""
    try:
        parts = urlsplit(url.replace("&amp;", "&"))
        scheme, netloc, path = parts.scheme, parts.netloc.lower(), parts.path
        if PHOTON.match(parts.hostname or "") and "/" in path.strip("/"):
            netloc, _, rest = path.lstrip("/").partition("/")  # i0.wp.com/<host>/<path>: the blog's own file
            scheme, path = photon_scheme, "/" + rest
        host = urlsplit(f"//{netloc}").hostname or ""
    except ValueError:
        return ""
    if host not in hosts and not host.endswith(".files.wordpress.com"):
        return ""
    # one spelling for one file, as a browser would ask for it: dot segments resolved, percent-encoded
    # (`./boat.jpg`, `b%6Fat.jpg` are `boat.jpg`; `été.jpg` is `%C3%A9t%C3%A9.jpg`, which a request can carry)
    # decoded first: `..%2F` is a dot segment too once a server decodes it, and is never asked for
    path = quote(without_dot_segments(unquote(path or "/")), safe=URL_SAFE)
    name = PurePosixPath(path).name
    if "." not in name or name.rsplit(".", 1)[1].lower() not in MEDIA_KINDS:
        return ""  # a page of the blog, not a file
    return f"{scheme}://{netloc}{SIZE_VARIANT.sub('', path)}"


def shown_in(url: str, text: str) -> bool:
    """Whether `text` shows the file at `url` already, in any of its spellings: another size
    (`photo-300x200.jpg` for `photo.jpg`), `?w=640`, an i0.wp.com copy, http or https, root-relative."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    hosts = {parts.hostname or ""} - {""}
    wanted = original(url, hosts).split(":", 1)[-1]
    text = uploads_on_blog(text, f"{parts.scheme}://{parts.netloc}")
    return bool(wanted) and any(original(reference.rstrip(".,;:"), hosts).split(":", 1)[-1] == wanted
                                for reference in REFERENCE.findall(text))


def bring(text: str, source: MediaSource, names: dict[str, str] | None = None,
          beside: tuple[Path, str] | None = None) -> tuple[str, dict[str, bytes]]:
    """`text` pointing at the files it references on the blog's hosts, and the files it brings by safe
    name; `names` (original URL -> its name beside the post) is shared by the texts of one folder. With
    `beside` (a translation's: its original's folder, and its language), a file is named apart, after the
    language (`fr-boat.jpg`), unless the folder holds it already: the original's picture of that name,
    from another month's uploads, or brought by a later import of the original, stays the original's."""
    names = {} if names is None else names
    files: dict[str, bytes] = {}
    for reference in sorted(set(REFERENCE.findall(text)), key=len, reverse=True):  # the longest first
        url = original(reference.rstrip(".,;:"), source.hosts, source.scheme)
        if not url:
            continue
        data = _fetched(url, source)
        if data is None:
            continue
        if url not in names:
            names[url] = _unique(_safe_name(url), set(names.values()))
            if beside is not None and not _same_file(beside[0] / names[url], data):
                names[url] = _apart(f"{beside[1].lower()}-{_safe_name(url)}", set(names.values()), beside[0], data)
            files[names[url]] = data
        text = text.replace(reference.rstrip(".,;:"), names[url])
    return text, files


def pointed_beside(text: str, source: MediaSource, folder: Path | None, names: dict[str, str]) -> str:
    """`text` as `bring` would have written it, pointing at the files an earlier import brought into
    `folder`, named as `bring` names them (`names` shared by the folder's texts); one not there stays on
    the old host, as one that could not be brought does. Nothing is read or written."""
    if folder is None or not folder.is_dir() or folder.is_symlink():
        return text
    for reference in sorted(set(REFERENCE.findall(text)), key=len, reverse=True):  # as `bring` goes
        url = original(reference.rstrip(".,;:"), source.hosts, source.scheme)
        if not url:
            continue
        if url not in names:
            name = _unique(_safe_name(url), set(names.values()))
            if not (folder / name).is_file():
                continue
            names[url] = name
        text = text.replace(reference.rstrip(".,;:"), names[url])
    return text


def old_host_references(text: str, hosts: set[str]) -> int:
    """How many references `text` makes to files on the blog's own hosts."""
    return sum(1 for url in REFERENCE.findall(text) if original(url, hosts))


def _fetched(url: str, source: MediaSource) -> bytes | None:
    if url not in source.fetched:
        try:
            data = _local(url, source.uploads) if source.uploads else _download(url, source.hosts)
            if urlsplit(url).path.lower().endswith(".svg") and active_svg(data):
                raise ValueError("an SVG that can run a script, which the site would serve as its own")
            source.fetched[url] = data
        except (OSError, ValueError, urllib.error.URLError, http.client.HTTPException) as problem:
            source.fetched[url] = None
            source.failures[url] = str(problem) or type(problem).__name__
    return source.fetched[url]


def _local(url: str, uploads: Path) -> bytes:
    """The file a URL names in a local copy of wp-content/uploads, never one outside it."""
    path = unquote(urlsplit(url).path)
    relative = path.split("/wp-content/uploads/", 1)[1] if "/wp-content/uploads/" in path else path.lstrip("/")
    root = uploads.resolve()
    target = (root / relative).resolve()
    if root not in target.parents or not target.is_file():
        raise ValueError(f"not in {uploads}")
    if target.stat().st_size > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
    return target.read_bytes()


class _OwnHostsOnly(urllib.request.HTTPRedirectHandler):
    def __init__(self, hosts: set[str]):
        self.hosts = hosts

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # http(s) only: urllib follows a redirect to ftp:// too, whose connection no check here sees
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise ValueError(f"redirected to another kind of address than http(s), {newurl[:80]}")
        # a file's own kind too: a redirect to a page of the blog (`/wp-admin/...`) would land its text
        # under the file's name, published beside the post
        if not original(newurl, self.hosts):
            on_hosts = (urlsplit(newurl).hostname or "") in self.hosts
            where = "to a page, not a file" if on_hosts else "off the blog's hosts"
            raise ValueError(f"redirected {where}, to {newurl[:80]}")
        _check_host(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# Cloud machines' metadata and credential services that are not link-local: Alibaba's, Oracle's older one,
# Azure's wire server, AWS's over IPv6 (its instance service and its pods' credentials alike)
METADATA = tuple(ipaddress.ip_network(a) for a in ("100.100.100.200/32", "192.0.0.192/32", "168.63.129.16/32",
                                                   "fd00:ec2::/64"))


def _unreachable(address: str) -> bool:
    """An address no blog is served from but a crafted export could aim at: link-local or a metadata service's
    (where a cloud machine answers with its credentials), multicast, unspecified, reserved; also when wrapped
    in an IPv6 address (6to4, Teredo). A blog on this machine or the local network (loopback, private) stays
    reachable: the contract's `--media` reads the blog's own hosts, and people do move from those."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    ip = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None) or ip
    ip = ip.teredo[1] if getattr(ip, "teredo", None) else ip
    return (any(ip.version == net.version and ip in net for net in METADATA) or ip.is_link_local
            or ip.is_multicast or ip.is_unspecified
            or (ip.is_reserved and not ip.is_loopback))  # (::1 is in IPv6's reserved block: it is this machine)


def _check_host(url: str) -> None:
    """Refuse a URL whose host resolves to an unreachable address: before a request, as a proxy would not
    ask (the connection's own check then sees the proxy's address). A name this machine cannot resolve is
    left to the proxy that may (a network where only it knows the names): the connection checks the rest."""
    parts = urlsplit(url)
    with contextlib.suppress(socket.gaierror):
        _refuse_unreachable(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))


def _refuse_unreachable(host: str, port: int) -> None:
    """Refuse a host that resolves to an unreachable address (socket.gaierror when it resolves to none)."""
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        if _unreachable(sockaddr[0]):
            raise ValueError(f"{host} is at {sockaddr[0]}, an address no blog is served from")


class _Deadline:
    """One download's deadline, and the sockets it has opened (its redirects' too): cut together when it
    passes, whatever each is waiting for (headers or a body sent a byte at a time, each byte starting the
    socket's timeout anew), by one timer that ends with the download."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.timer = threading.Timer(seconds, self.cut)
        self.timer.daemon = True

    def cut(self) -> None:
        for sock in self.sockets:
            with contextlib.suppress(OSError):  # already closed: nothing left to cut
                sock.shutdown(socket.SHUT_RDWR)

    def passed(self) -> bool:
        return time.monotonic() >= self.at


class _Checked:
    """A connection that refuses an unreachable address, both as the name resolves and as connected
    (a name that resolves anew in between cannot slip past), its socket handed to its download's deadline."""

    def __init__(self, *args, deadline: _Deadline, **kwargs):
        self.deadline = deadline
        super().__init__(*args, **kwargs)

    def connect(self):
        _refuse_unreachable(self.host, self.port)
        super().connect()
        if _unreachable(self.sock.getpeername()[0]):
            self.sock.close()
            raise ValueError(f"{self.host} is at an address no blog is served from")
        # the socket itself: urllib drops the connection's reference to it once the headers are read, and the
        # body is read through it still
        self.deadline.sockets.append(self.sock)


class _CheckedHTTP(_Checked, http.client.HTTPConnection):
    pass


class _CheckedHTTPS(_Checked, http.client.HTTPSConnection):
    pass


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(partial(_CheckedHTTP, deadline=self.deadline), req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(partial(_CheckedHTTPS, deadline=self.deadline), req)


def _download(url: str, hosts: set[str]) -> bytes:
    """At most MAX_BYTES in at most MAX_SECONDS, from the blog's own hosts only, never a page of them."""
    deadline = _Deadline(MAX_SECONDS)
    _check_host(url)
    opener = urllib.request.build_opener(_CheckedHTTPHandler(deadline), _CheckedHTTPSHandler(deadline),
                                         _OwnHostsOnly(hosts))
    request = urllib.request.Request(url, headers={"User-Agent": "tertulia-import"})
    deadline.timer.start()
    try:
        with opener.open(request, timeout=min(MAX_SECONDS, 10)) as response:
            if response.headers.get_content_type() == "text/html":  # a login or error page, not the file named
                raise ValueError("the blog answered with a page, not the file")
            if int(response.headers.get("Content-Length") or 0) > MAX_BYTES:
                raise ValueError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
            return _body(response, deadline)
    except (OSError, http.client.HTTPException):
        if deadline.passed():
            raise ValueError(f"took longer than {MAX_SECONDS} s") from None
        raise
    finally:
        deadline.timer.cancel()


def _body(response, deadline: _Deadline) -> bytes:
    """The response's bytes, at most MAX_BYTES, read as they come (read1: what one receive brings)."""
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
        if deadline.passed():
            raise ValueError(f"took longer than {MAX_SECONDS} s")
        chunks.append(chunk)
    if deadline.passed():  # the cut reads as the end of the body: what came before it is not the file
        raise ValueError(f"took longer than {MAX_SECONDS} s")
    return b"".join(chunks)


def _safe_name(url: str) -> str:
    """A file name of plain characters (other scripts transliterated) that keeps the original's extension."""
    name = anyascii(romanized(PurePosixPath(unquote(urlsplit(url).path)).name)).lower()
    stem, dot, extension = name.rpartition(".")
    if not dot:  # `noext`: all of it is the stem (it was `file.noext`)
        stem, extension = extension, ""
    stem = re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-")[:80] or "file"
    extension = re.sub(r"[^a-z0-9]+", "", extension)[:16]  # `jpg`, not `jpg ` or `` (a name ending in a dot)
    return f"{stem}.{extension}" if extension else stem


def _same_file(path: Path, data: bytes) -> bool:
    """Whether a plain file at `path` holds `data`."""
    try:
        return not path.is_symlink() and path.is_file() and path.read_bytes() == data
    except OSError:
        return False


def _apart(name: str, taken: set[str], folder: Path, data: bytes) -> str:
    """`name`, or `name` numbered, that no other text of the folder takes and no other file there holds."""
    candidate = _unique(name, taken)
    while (folder / candidate).exists() or (folder / candidate).is_symlink():
        if _same_file(folder / candidate, data):
            return candidate
        taken = taken | {candidate}
        candidate = _unique(name, taken)
    return candidate


def _unique(name: str, taken: set[str]) -> str:
    stem, _, extension = name.rpartition(".")
    number, candidate = 1, name
    while candidate in taken or candidate.startswith("index."):
        number += 1
        candidate = f"{stem}-{number}.{extension}"
    return candidate
