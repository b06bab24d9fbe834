"""URLs of the contract, and links that work wherever the site is mounted."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from urllib.parse import urljoin

from tertulia.site import routes
from tertulia.site.routes import relative_url


def test_contract_urls():
    assert routes.essay("x") == "posts/x/"
    assert routes.single("pt-BR", "x") == "pt-BR/posts/x/"
    assert routes.tag("values", 1) == "tags/values/"
    assert routes.tag("values", 3) == "tags/values/page/3/"
    assert routes.home(2) == "page/2/"
    assert routes.comments(2) == "comments/page/2/"
    assert routes.comment("x", "c1") == "posts/x/#comment-c1"


@pytest.mark.parametrize("start, target, link", [
    ("", "posts/x/", "posts/x/"),
    ("posts/x/", "", "../../"),
    ("posts/x/", "tags/y/", "../../tags/y/"),
    ("en/posts/x/", "assets/style.css", "../../../assets/style.css"),
    ("posts/x/", "posts/x/#comment-1", "#comment-1"),
    ("comments/page/2/", "posts/x/#comment-1", "../../../posts/x/#comment-1"),
    ("", "", "./"),
])
def test_relative_links(start, target, link):
    assert relative_url(start, target) == link


segment = st.sampled_from(["posts", "x", "y", "en", "tags", "page", "2", "comments", "assets"])
site_url = st.builds(lambda parts, kind: "/".join(parts) + kind, st.lists(segment, max_size=4),
                     st.sampled_from(["/", "/index.html", "feed.xml", "#comment-3", ""]))


@given(site_url, site_url)
@settings(deadline=None)  # a loaded machine paused one example past 200 ms: a timing, not a finding
def test_a_relative_link_leads_where_it_points(start, target):
    """Followed by a browser from the page at `start`, under any mount point, the link reaches `target`."""
    start, target = start.lstrip("/"), target.lstrip("/")
    start = "" if start.startswith("#") else start.split("#")[0]
    for base in ("https://user.github.io/repo/", "https://example.org/"):
        assert urljoin(base + start, relative_url(start, target)) == base + target


def test_every_address_of_the_site_s_own_starts_with_a_name_layout_declares():
    """reading/ checks page slugs and old addresses against layout.py's names, which it cannot take from
    routes: a new first segment made here and not declared there would let a page's slug take it."""
    from tertulia import layout
    made = [routes.essay("a"), routes.essay_with("a", "fr"), routes.single("fr", "a"), routes.tags(), routes.tag("k"),
            routes.tag("k", 2, "fr"), routes.comments(), routes.comments(3, "fr"), routes.search("fr"), routes.feed(),
            routes.comments_feed("fr"), routes.discussion_feed("a", "fr"), routes.home(2), routes.home(2, "fr"),
            routes.SITEMAP, routes.NOT_FOUND, routes.STYLE, routes.SCRIPT, routes.SEARCH_SCRIPT, routes.PAGEFIND]
    for url in made:
        first = url.removeprefix("fr/").split("/")[0]
        assert first in layout.SEGMENTS or first in layout.ROOT_FILES, url


RENAMED_SEGMENT = """
import sys
from tertulia import layout
layout.POSTS = "essays"  # before any module takes the name from it
from tertulia.commands.args import main
sys.argv[0] = "tertulia"
sys.exit(main())
"""


def test_the_essays_segment_is_declared_once_and_pictures_follow_it(tmp_path):
    """layout.py declares the essays' first segment for routes and reading/ alike: renamed there alone, an
    essay's picture still lands beside its page."""
    import subprocess
    import sys
    from helpers import ESSAY_EN, ESSAY_ES, ROOT, make_content
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": ESSAY_ES.replace("Primer párrafo.", "Primer párrafo.\n\n![Un perro](perro.svg)"),
        "posts/hola/index.en.md": ESSAY_EN.replace("First paragraph.", "First paragraph.\n\n![A dog](perro.svg)"),
        "posts/hola/perro.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'})
    built = subprocess.run([sys.executable, "-c", RENAMED_SEGMENT, "build", "--content", str(content),
                            "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out/essays/hola/index.html").is_file()
    assert (tmp_path / "out/essays/hola/perro.svg").is_file() and not (tmp_path / "out/posts").exists()
    assert "image" not in built.stdout + built.stderr  # no picture called missing
