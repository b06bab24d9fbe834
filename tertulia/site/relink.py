"""An essay's links and images as another page shows them: its one-language pages and a side-by-side page
with another translation stand deeper than its folder (`../../posts/x/dog.png`), a feed needs absolute
addresses, and a link to another post may go to that post's page in the same language (`moved`)."""

from __future__ import annotations

import re

from ..reading.markup import RELATIVE_LINK, ROOTED_LINK, in_tags

RELATIVE_VALUE = re.compile(RELATIVE_LINK.pattern + r'([^"]*)"')  # a relative address, whole


def rebase_links(block_html: str, prefix: str, moved: dict[str, str] | None = None) -> str:
    """Point an essay's relative links (its images) at the post folder from another page; a link
    `moved` names (to another post) goes where it says instead."""
    if not prefix or ('src="' not in block_html and 'href="' not in block_html):  # most blocks: no link
        return block_html
    if moved and 'href="' in block_html:
        return in_tags(block_html, RELATIVE_VALUE, _relinked(moved, lambda address: prefix + address))
    return in_tags(block_html, RELATIVE_LINK, lambda m: m.group(1) + prefix)


def _relinked(moved: dict[str, str] | None, written):
    """A replacement of RELATIVE_VALUE's matches: a link `moved` names goes where it says, any other
    relative address (an image's too) as `written(address)` writes it."""
    def replace(match: re.Match) -> str:
        address = match.group(2)
        if moved and address in moved and match.group(1).endswith('href="'):
            return match.group(1) + moved[address] + '"'
        return match.group(1) + written(address) + '"'
    return replace



def _joined(folder: str, relative: str) -> str:
    """A relative address from `folder` as one absolute address, its `..` and `.` resolved: a feed
    reader shows it, and `…/posts/a/../b/` reads as broken."""
    if "./" not in relative and not relative.endswith("."):  # most: no dot segment to resolve
        return folder + relative
    from urllib.parse import urljoin
    return urljoin(folder, relative)


def absolute_links(block_html: str, folder: str, origin: str, moved: dict[str, str] | None = None) -> str:
    """A block's links and images as absolute addresses, for a feed: relative ones from the post's
    `folder` (an address), those from the site's root (already under its sub-path) on `origin`; a link
    `moved` names (to another post, in a one-language feed) goes to the address it gives."""
    if '="' not in block_html:
        return block_html
    block_html = in_tags(block_html, RELATIVE_VALUE, _relinked(moved, lambda address: _joined(folder, address)))
    return in_tags(block_html, ROOTED_LINK, lambda m: m.group(1) + origin + "/") if '="/' in block_html else block_html
