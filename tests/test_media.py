"""--media's downloads: bounded in time however slowly a server answers, and never from this machine unless told."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tertulia.importers import media


def dripping_server(stop: threading.Event) -> int:
    """A server on 127.0.0.1 that answers any request with a large file, one byte every tenth of a second."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        connection, _ = listener.accept()
        connection.recv(4096)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\nContent-Type: image/png\r\n\r\n")
        while not stop.is_set():
            try:
                connection.sendall(b"x")
            except OSError:
                break
            time.sleep(0.1)
        connection.close()
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(monkeypatch):
    """Each byte restarted the socket's timeout, and a read waited for 64 KiB: the import never ended."""
    monkeypatch.setattr(media, "MAX_SECONDS", 1)
    stop = threading.Event()
    port = dripping_server(stop)
    started = time.monotonic()
    try:
        with pytest.raises(ValueError, match="took longer than 1 s"):
            media._download(f"http://127.0.0.1:{port}/slow.png", {"127.0.0.1"}, private_hosts=True)
    finally:
        stop.set()
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.7", "192.168.1.1", "100.100.100.200", "fd00:ec2::254", "::1"])
def test_this_machine_and_private_networks_are_refused_unless_told(address):
    assert "--media-private-hosts" in media._unreachable(address)
    assert media._unreachable(address, private_hosts=True) == ""


@pytest.mark.parametrize("address", ["169.254.169.254", "0.0.0.0", "224.0.0.1", "fe80::1"])
def test_link_local_and_unspecified_addresses_are_refused_even_when_told(address):
    assert media._unreachable(address, private_hosts=True) == "an address no blog is served from"


def test_a_public_address_is_reachable():
    assert media._unreachable("93.184.216.34") == ""
