"""Inline formatting wrapped around blocks, moved into them: Markdown's marks and links live inside a block.

A classic-editor post leaves `<b>` open across paragraphs, and a theme wraps a link round a heading or a card;
a parser then holds the paragraphs, the heading or a whole table inside the `<b>` or the `<a>`. Converted as
they stand, they gave `**## Heading` and a table as `*| H1 | H2 |` on the page, its structure lost (an audit
of imported bodies). Each block's words are wrapped in a copy of the element instead: `<h2><a>…</a></h2>`.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

# what markdownify writes as a block (wpbody's BLOCK_TAGS); a player or a frame is not one to go into: a
# `<source>` counts only as its player's own child, and a link put between them left it empty (a review)
BLOCK_NAMES = frozenset({"address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
                         "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "summary", "li", "ol",
                         "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption"})
# copies of wrappers times blocks to put them in, at most: 32 nested round 5,000 paragraphs would be 160,000
MAX_COPIES = 50_000
# what Markdown writes inside a line (marks, a link, inline HTML the converter keeps)
INLINE = ["a", "b", "strong", "i", "em", "u", "s", "del", "ins", "sup", "sub", "mark", "small", "code", "cite",
          "q", "abbr", "dfn", "kbd", "samp", "var", "span"]


def formatting_within_blocks(soup: BeautifulSoup) -> None:
    """Every inline element of `soup` that holds a block, replaced by copies of it around each run of
    inline content inside: `<b><p>x</p><p>y</p></b>` becomes `<p><b>x</b></p><p><b>y</b></p>`."""
    holding, blocks = _holding_blocks(soup)
    # outer first: an inner one is reached later, still in place
    wrapping = [element for element in soup.find_all(INLINE) if id(element) in holding]
    if len(wrapping) * blocks > MAX_COPIES:  # their words kept, their formatting not: no post written so
        for element in wrapping:
            element.unwrap()
        return
    for element in wrapping:
        _wrap_runs(element, dict(element.attrs), element.name, soup, holding)
        element.unwrap()


def _holding_blocks(soup: BeautifulSoup) -> tuple[set[int], int]:
    """The ids of the elements that are or hold a block, found from each block up in one pass (asked of
    each element in turn, bs4's find, 32 wrappers round 5,000 paragraphs took 39 s: a review), and how
    many blocks there are. Moving an element's words into the blocks inside it changes no element's answer."""
    holding: set[int] = set()
    blocks = soup.find_all(BLOCK_NAMES)
    for block in blocks:
        node = block
        while node is not None and id(node) not in holding:
            holding.add(id(node))
            node = node.parent
    return holding, len(blocks)


def _wrap_runs(parent: Tag, attrs: dict, name: str, soup: BeautifulSoup, holding: set[int]) -> None:
    """Each run of `parent`'s children that holds no block wrapped in an element `name` with `attrs`;
    each child that holds one, the same inside it."""
    run: list = []
    for child in list(parent.children):
        if id(child) in holding:
            _wrapped(run, attrs, name, soup)
            run = []
            _wrap_runs(child, attrs, name, soup, holding)
        else:
            run.append(child)
    _wrapped(run, attrs, name, soup)


def _wrapped(run: list, attrs: dict, name: str, soup: BeautifulSoup) -> None:
    if all(isinstance(node, NavigableString) and not node.strip() for node in run):
        return  # only the spaces between blocks: nothing to mark
    wrapper = soup.new_tag(name, attrs=dict(attrs))
    attrs.pop("id", None)  # the first copy keeps it: an id names one element of a page
    run[0].insert_before(wrapper)
    for node in run:
        wrapper.append(node.extract())
