"""URLs of the contract, and links that work wherever the site is mounted."""

from __future__ import annotations

import pytest

from tertulia import routes
from tertulia.routes import relative_url


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
