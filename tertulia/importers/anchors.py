"""A post's links to places in itself (a table of contents, "back to the top"), kept working: each
pointed at the passage that holds its anchor (`#intro` becomes `#p3`).

Markdown keeps no `id` and no `<a name>`, and an anchor of the blog's own could clash with the page's
or stand on one side of a translation only. The build numbers every passage (`id="p3"`) in every view,
and a translation's passages are its original's, so a passage's number is an anchor both languages and
every view share. Where each anchor lands is found by marking it in the HTML before the conversion,
then finding the marks among the blocks of that text converted, as the build counts them; the text written
is the one converted without marks, its links alone changed (where the marks changed the blocks, nothing
is). The converter's escaping reads a mark as no word (wpbody.LEAD).
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from ..reading.fields import ANCHOR_NAME, PASSAGE_ID
from ..reading.markup import trusted_block_count, trusted_blocks

START, END = "\ue000", "\ue001"  # private-use characters: a mark no post's words hold (they are taken out first)
MARK = re.compile(f"{START}([0-9]{{1,4}}){END}")
MARK_TEXT = f"{START}[0-9]{{1,4}}{END}"  # the same, capturing nothing: for another pattern to hold
# the marks' characters however written: as they are, or as references the converter would turn into them
FORGED = re.compile(r"[\ue000\ue001]|&#(?:[xX]0*[eE]00[01]|0*5734[45]);")
# an in-page link as the Markdown holds it: a Markdown link's, or inside an HTML tag the text kept
MARKDOWN_LINK = re.compile(r"""(?<!\\)(\]\()#([^\s"'<>()#]{1,200})(\))""")
TAG_LINK = re.compile(r"""(<[A-Za-z][^<>]*?\shref\s*=\s*["'])#([^\s"'<>()#]{1,200})(["'])""", re.IGNORECASE)
START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>(\s*)")  # and the spaces after it
ANCHOR = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""", re.IGNORECASE)
EMPTY = re.compile(r"\s*(?:<(p|blockquote)>\s*</\1>)?\s*")  # what a block of nothing but marks leaves
KEPT_ID = re.compile(r"""<[A-Za-z][^<>]*?\sid=["']([^"']*)["']""")  # an anchor a tag of the text still holds
FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)", re.MULTILINE)
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?:.*?[^`])?\1(?!`)", re.DOTALL)  # an escaped backtick opens none
MAX_ANCHORS = 500  # a post's table of contents in earnest has a few dozen
# a footnote's and its mark's: the notes become Markdown's, whose ids the build names (or stay, kept): no passage
# is looked for them, which converted the post again, and a post of thousands of notes for minutes
FOOTNOTE_ID = re.compile(r"fn(?:ref)?[-:][0-9]{1,5}")
OWN_ID = re.compile(r"(?:comment|view)-")  # a comment's anchor, a view's button: the page's own


def marked(html: str) -> tuple[str, list[str]]:
    """`html` with a mark where the words start of each element holding an anchor (`id`, `name`): those an
    in-page link of it leads to, and the others, which a link from elsewhere may name; and the anchors
    marked, by the mark's number. `html` as it is (and none) when it holds no anchor."""
    if not ANCHOR.search(html):
        return html, []
    html = FORGED.sub("", html)
    anchors: list[str] = []

    def mark(tag: re.Match) -> str:
        names = [next(filter(None, found.groups()), "") for found in ANCHOR.finditer(tag.group(2) or "")]
        new = [name for name in names if name and name not in anchors and not FOOTNOTE_ID.fullmatch(name)]
        if not new or len(anchors) >= MAX_ANCHORS:
            return tag.group()
        anchors.extend(new)
        # after the spaces that follow the tag, where its words start: a list item's line stays one line
        return tag.group() + "".join(f"{START}{len(anchors) - len(new) + index}{END}" for index in range(len(new)))
    return START_TAG.sub(mark, html), anchors


def places(markdown: str, marked_markdown: str, anchors: list[str], seconds: float) -> dict[str, int]:
    """Each marked anchor's passage, found in `marked_markdown` (the text converted with the marks) as the
    build numbers `markdown` (converted without them); none where the marks changed the blocks (an empty list
    item they kept), and none of an anchor the text still holds itself (an imported footnote's)."""
    if not anchors or not MARK.search(marked_markdown):
        return {}
    passages, blocks = _passages(marked_markdown, seconds)
    if blocks != trusted_block_count(markdown, seconds):
        return {}
    kept = {found for part, code in _parts(markdown) if not code for found in KEPT_ID.findall(part)}
    return {anchors[int(mark)]: number for mark, number in passages.items()
            if int(mark) < len(anchors) and anchors[int(mark)] not in kept}


def resolved(markdown: str, numbers: dict[str, int]) -> str:
    """`markdown` with each in-page link to an anchor of `numbers` (see places) pointed at the passage that
    holds it. Only the links change: links to an anchor the text does not hold stay as written, as does
    whatever code shows."""
    if not numbers:
        return markdown

    def pointed(link: re.Match) -> str:
        number = numbers.get(link.group(2)) or numbers.get(unquote(link.group(2)))
        return f"{link.group(1)}#p{number}{link.group(3)}" if number else link.group()
    return "".join(part if code else TAG_LINK.sub(pointed, MARKDOWN_LINK.sub(pointed, part))
                   for part, code in _parts(markdown))


def _parts(markdown: str) -> list[tuple[str, bool]]:
    """The Markdown in parts, each with whether it is code (a fenced block, a code span): links there are
    shown, not followed."""
    parts, position, fence = [], 0, None
    for found in FENCE.finditer(markdown):
        if fence is None:
            parts += _spans(markdown[position:found.start()])
            fence, position = found, found.start()
        elif found.group(1)[0] == fence.group(1)[0] and len(found.group(1)) >= len(fence.group(1)):
            parts.append((markdown[position:found.end()], True))
            fence, position = None, found.end()
    if fence is not None:
        return parts + [(markdown[position:], True)]
    return parts + _spans(markdown[position:])


def _spans(text: str) -> list[tuple[str, bool]]:
    """Prose in parts, its code spans apart."""
    parts, position = [], 0
    for span in CODE_SPAN.finditer(text):
        parts += [(text[position:span.start()], False), (span.group(), True)]
        position = span.end()
    return parts + [(text[position:], False)]


def _passages(markdown: str, seconds: float) -> tuple[dict[str, int], int]:
    """Each mark's passage number, its block's, counted as the build counts them once the marks are gone (a
    block of nothing but marks, an empty `<a name>`, is then no block: its marks go to the next, or to the
    last where none follows); and how many blocks that leaves ({}, -2 when it would take too long to say)."""
    blocks = trusted_blocks(markdown, seconds)
    if blocks is None:  # the text's own check then keeps its words flat, anchors and all
        return {}, -2
    found, waiting, number = {}, [], 0
    for block in blocks:
        marks = MARK.findall(block)
        if marks and EMPTY.fullmatch(MARK.sub("", block)):  # marks alone: no passage once they go
            waiting += marks
            continue
        number += 1
        found.update((mark, number) for mark in waiting + marks)
        waiting = []
    found.update((mark, number) for mark in waiting if number)
    return found, number


# the page's own anchors, which it holds before any of the text's (and #comments, #respond: the discussion)
PAGE_IDS = {"main", "discussion", "comments", "respond", "disqus_thread", "proposal-form", "swap-sides"}


def kept_for_links(numbers: dict[str, int]) -> dict[str, int]:
    """The anchors a text's front matter keeps (`anchors:`) for links from elsewhere, by the name a browser
    looks for: its character references and percent escapes read (`o-b%c3%a1sico` is `o-básico`, as the
    page's script reads a link's fragment); only those the build takes and the page does not hold itself."""
    kept: dict[str, int] = {}
    for name, number in numbers.items():
        read = unquote(html.unescape(name))
        if ANCHOR_NAME.fullmatch(read) and not PASSAGE_ID.fullmatch(read) and read not in PAGE_IDS and not OWN_ID.match(read):
            kept.setdefault(read, number)
    return kept
