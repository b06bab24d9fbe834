"""Inline formatting wrapped around blocks, moved into them: Markdown's marks and links live inside a block.

A classic-editor post leaves `<b>` open across paragraphs, and a theme wraps a link round a heading or a card;
a parser then holds the paragraphs, the heading or a whole table inside the `<b>` or the `<a>`. Converted as
they stand, they gave `**## Heading` and a table as `*| H1 | H2 |` on the page, its structure lost (an audit
of imported bodies). Each block's words are wrapped in a copy of the element instead: `<h2><a>…</a></h2>`.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup, NavigableString, Tag

# what markdownify writes as a block (wpbody's BLOCK_TAGS); a player or a frame is not one to go into: a
# `<source>` counts only as its player's own child, and a link put between them left it empty
BLOCK_NAMES = frozenset({"address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
                         "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "summary", "li", "ol",
                         "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption"})
# copies of wrappers, at most: past it the wrappers go, their words kept (no post written in earnest comes near;
# 32 nested round 5,000 paragraphs would be 160,000)
MAX_COPIES = 50_000
# what Markdown writes inside a line (marks, a link, inline HTML the converter keeps)
INLINE = frozenset({"a", "b", "strong", "i", "em", "u", "s", "del", "ins", "sup", "sub", "mark", "small", "code",
                    "cite", "q", "abbr", "dfn", "kbd", "samp", "var", "span"})


def formatting_within_blocks(soup: BeautifulSoup) -> BeautifulSoup:
    """`soup`, or where an inline element of it holds a block, the same written again with copies of that
    element around each run of inline content inside: `<b><p>x</p><p>y</p></b>` becomes
    `<p><b>x</b></p><p><b>y</b></p>`. Written out and read once, in linear time: moved in place, element by
    element, bs4 looked each one up among its siblings (20,000 paragraphs in a `<b>`, two minutes: a review)."""
    holding = _holding_blocks(soup)
    if not any(id(tag) in holding for tag in soup.find_all(INLINE)):
        return soup  # nearly every body
    writer = _Writer(holding)
    return BeautifulSoup("".join(writer.children(soup, ())), "html.parser")


def _holding_blocks(soup: BeautifulSoup) -> set[int]:
    """The ids of the elements that are or hold a block, found from each block up in one pass."""
    holding: set[int] = set()
    for block in soup.find_all(BLOCK_NAMES):
        node = block
        while node is not None and id(node) not in holding:
            holding.add(id(node))
            node = node.parent
    return holding


class _Writer:
    """HTML written again, the inline elements that hold blocks left out and opened again around each run
    of inline content inside them (`pending`, outermost first)."""

    def __init__(self, holding: set[int]):
        self.holding = holding
        self.copies = 0
        self.named: set[int] = set()  # wrappers whose id a copy carries already: an id names one element

    def children(self, parent: Tag, pending: tuple[Tag, ...]):
        run: list[str] = []
        for child in parent.children:
            if id(child) in self.holding:
                yield from self._wrapped(run, pending)
                run = []
                yield from self.element(child, pending)
            else:
                run.extend(self.element(child, ()))
        yield from self._wrapped(run, pending)

    def element(self, node, pending: tuple[Tag, ...]):
        if isinstance(node, NavigableString):
            yield node.output_ready("minimal")
        elif node.name in INLINE and id(node) in self.holding:
            yield from self.children(node, pending + (node,))
        else:
            yield _start_tag(node, node.attrs)
            if not (node.can_be_empty_element and not node.contents):
                yield from self.children(node, pending)
                yield f"</{node.name}>"

    def _wrapped(self, run: list[str], pending: tuple[Tag, ...]):
        text = "".join(run)
        if not pending or not text.strip() or self.copies > MAX_COPIES:  # spaces between blocks: nothing to mark
            yield text
            return
        self.copies += len(pending)
        for wrapper in pending:
            attrs = wrapper.attrs if id(wrapper) not in self.named else {
                name: value for name, value in wrapper.attrs.items() if name != "id"}
            self.named.add(id(wrapper))
            yield _start_tag(wrapper, attrs)
        yield text
        yield "".join(f"</{wrapper.name}>" for wrapper in reversed(pending))


def _start_tag(tag: Tag, attrs: dict) -> str:
    written = "".join(f' {name}="{html.escape(value if isinstance(value, str) else " ".join(value))}"'
                      for name, value in attrs.items())
    return f"<{tag.name}{written}{'/' if tag.can_be_empty_element and not tag.contents else ''}>"
