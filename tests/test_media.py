"""--media's downloads: bounded in time however slowly a server answers, and never from a metadata service."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tertulia.importers import media


def dripping_server(stop: threading.Event, drips: str = "file") -> int:
    """A server on 127.0.0.1 that answers any request a byte every tenth of a second: its file, its headers,
    or a chunked body's size line."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    head = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: image/png\r\n\r\n" if drips == "chunks"
            else b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\nContent-Type: image/png\r\n\r\n")

    def serve():
        connection, _ = listener.accept()
        connection.recv(4096)
        if drips != "headers":
            connection.sendall(head)
        while not stop.is_set():
            try:
                connection.sendall({"headers": head[:1], "file": b"x", "chunks": b"0"}[drips])
            except OSError:
                break
            time.sleep(0.1)
        connection.close()
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


@pytest.mark.parametrize("drips", ["file", "headers", "chunks"])
def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(monkeypatch, drips):
    """Each byte restarted the socket's timeout, and a read waited for 64 KiB: the import never ended."""
    monkeypatch.setattr(media, "MAX_SECONDS", 1)
    stop = threading.Event()
    port = dripping_server(stop, drips)
    started = time.monotonic()
    try:
        with pytest.raises(ValueError, match="took longer than 1 s"):
            media._download(f"http://127.0.0.1:{port}/slow.png", {"127.0.0.1"})
    finally:
        stop.set()
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("address", ["169.254.169.254", "0.0.0.0", "224.0.0.1", "fe80::1", "100.100.100.200",
                                     "192.0.0.192", "168.63.129.16", "fd00:ec2::254", "fd00:ec2::23",
                                     "::ffff:169.254.169.254", "2002:a9fe:a9fe::1"])
def test_link_local_and_metadata_addresses_are_never_reached(address):
    """Where a cloud machine answers with its credentials; 2002:a9fe:a9fe:: is 169.254.169.254 in 6to4."""
    assert media._unreachable(address)


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.0.0.7", "192.168.1.1", "93.184.216.34"])
def test_this_machine_its_network_and_the_web_are_reachable(address):
    """The contract's --media reads the blog's own hosts: a blog on this machine or its network moves too."""
    assert not media._unreachable(address)


def test_downloads_leave_no_timer_behind(tmp_path):
    """A timer per connection outlived its download, holding it for the deadline's 30 s: hundreds at once."""
    from helpers import serving
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    before = threading.active_count()
    with serving(tmp_path) as blog:
        for _ in range(20):
            assert media._download(f"{blog}/a.png", {"127.0.0.1"}) == b"\x89PNG"
    time.sleep(0.2)
    assert threading.active_count() <= before + 1


def test_a_name_this_machine_cannot_resolve_is_left_to_a_proxy(monkeypatch):
    """Checking the name here refused every file on a network where only the proxy knows the names."""
    def unknown(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")
    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    media._check_host("http://blog.internal-only.test/a.png")  # no refusal: the request is the proxy's to make


def redirecting_server(stop: threading.Event, location: str) -> int:
    """A server on 127.0.0.1 that answers one request with a redirect to `location`."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        connection, _ = listener.accept()
        connection.recv(4096)
        connection.sendall(f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode())
        stop.wait(5)
        connection.close()
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def test_a_redirect_to_another_kind_of_address_than_http_is_not_followed():
    """urllib followed a redirect to ftp://, whose connection neither the address check nor the deadline
    sees (a red team's): a listener there is never called."""
    with socket.socket() as ftp:
        ftp.bind(("127.0.0.1", 0))
        ftp.listen(1)
        ftp.settimeout(0.5)
        stop = threading.Event()
        port = redirecting_server(stop, f"ftp://127.0.0.1:{ftp.getsockname()[1]}/x.png")
        try:
            with pytest.raises(ValueError, match="another kind of address than http"):
                media._download(f"http://127.0.0.1:{port}/wp-content/uploads/x.png", {"127.0.0.1"})
        finally:
            stop.set()
        with pytest.raises(socket.timeout):
            ftp.accept()


@pytest.mark.parametrize("written", ["/wp-content/uploads/..%2f..%2fsecret/x.png", "/wp-content/uploads/%2e%2e/x.png"])
def test_an_encoded_dot_segment_is_resolved_before_any_request(written):
    """`..%2f` was decoded after the dot segments were resolved: the request climbed out of the uploads."""
    address = media.original(f"https://blog.example{written}", {"blog.example"})
    assert ".." not in address and "%2e" not in address.lower() and address.endswith("/x.png")


def test_a_scheme_in_capitals_is_a_website_address_still():
    from tertulia.reading.markup import is_safe_url
    assert is_safe_url("HTTPS://example.org/me") and is_safe_url("Http://example.org")
    assert not is_safe_url("javascript://example.org/%0aalert(1)") and not is_safe_url("ftp://example.org/")


def test_a_file_s_name_is_plain_letters_and_keeps_its_extension_or_has_none():
    """A red team: a name without an extension became `file.noext`, one of viramas alone `file.`."""
    from tertulia.importers.media import _safe_name
    assert _safe_name("https://blog.example.org/wp-content/uploads/परिचय.JPG") == "parichay.jpg"
    assert _safe_name("https://blog.example.org/uploads/noext") == "noext"
    assert _safe_name("https://blog.example.org/uploads/%E0%A5%8D%E0%A5%8D.") == "file"
    assert _safe_name("https://blog.example.org/uploads/a%20b.p%20ng") == "a-b.png"
