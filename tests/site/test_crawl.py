"""Serve the built site under /<repo>/ as GitHub Pages does, and follow every link from the home page."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urldefrag, urlparse

from helpers import serving
from site_pages import _Reader


def links_of(body: str) -> list[str]:
    reader = _Reader()
    reader.feed(body)
    return reader.page.links


def test_every_page_reached_from_home_answers_and_every_asset_loads(fixture_site):
    root = fixture_site.parent
    (root / "fixture-repo").symlink_to(fixture_site, target_is_directory=True)
    with serving(root) as url:
        seen, broken = crawl(url + "/fixture-repo/")
    base = url + "/fixture-repo/"
    assert broken == []
    pages = {u for u in seen if u.endswith("/")}
    assert len(pages) == len(list(fixture_site.rglob("index.html"))), "every page is reachable from home"
    assert base + "assets/style.css" in seen and base + "posts/alpha/diagram.png" in seen


def crawl(base: str) -> tuple[set[str], list[str]]:
    """Follow every link from `base` that stays on the host; return what was seen and what broke."""
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
                    assert target.startswith(base), f"{link} on {url} leaves {base}"
                    queue.append(target)
    return seen, broken
