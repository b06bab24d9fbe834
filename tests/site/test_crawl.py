"""Serve the built site under /<repo>/ as GitHub Pages does, and follow every link from the home page."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin, urldefrag, urlparse

from site_pages import _Reader


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def links_of(body: str) -> list[str]:
    reader = _Reader()
    reader.feed(body)
    return reader.page.links


def test_every_page_reached_from_home_answers_and_every_asset_loads(fixture_site):
    root = fixture_site.parent
    (root / "fixture-repo").symlink_to(fixture_site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/fixture-repo/"
    try:
        seen, queue, broken = set(), [base], []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    kind, body = response.headers.get_content_type(), response.read()
            except urllib.error.HTTPError as error:
                broken.append(f"{url}: {error.code}")
                continue
            if kind == "text/html":
                for link in links_of(body.decode("utf-8")):
                    target = urldefrag(urljoin(url, link))[0]
                    if urlparse(target).netloc == urlparse(base).netloc:
                        assert target.startswith(base), f"{link} on {url} leaves /fixture-repo/"
                        queue.append(target)
    finally:
        server.shutdown()
    assert broken == []
    pages = {u for u in seen if u.endswith("/")}
    assert len(pages) == len(list(fixture_site.rglob("index.html"))), "every page is reachable from home"
    assert base + "assets/style.css" in seen and base + "posts/alpha/diagram.png" in seen
