"""A post's links to places in itself (a table of contents, "back to the top"), kept working: each
pointed at the passage that holds its anchor (`#intro` becomes `#p3`).

Markdown keeps no `id` and no `<a name>`, and an anchor of the blog's own could clash with the page's
or stand on one side of a translation only. The build numbers every passage (`id="p3"`) in every view,
and a translation's passages are its original's, so a passage's number is an anchor both languages and
every view share. Where each anchor lands is found by marking it in the HTML before the conversion,
then finding the marks among the Markdown's blocks, as the build counts them.
"""

from __future__ import annotations

import re

from ..reading.markup import Converter, TooSlow, alarms

START, END = "\ue000", "\ue001"  # private-use characters: a mark no post's words hold (they are taken out first)
MARK = re.compile(f"{START}([0-9]{{1,4}}){END}")
# an in-page link, in HTML or in Markdown as the converter writes it; an id as a reader's browser matches it
IN_PAGE = re.compile(r"""(href\s*=\s*["']|\]\()#([^\s"'<>()#]{1,200})(["')])""", re.IGNORECASE)
START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>(\s*)")  # and the spaces after it
ANCHOR = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""", re.IGNORECASE)
EMPTY = re.compile(r"\s*(?:<p>\s*</p>)?\s*")  # what a paragraph of nothing but marks leaves
KEPT_ID = re.compile(r"""\sid=["']([^"']*)["']""")
MAX_ANCHORS = 500  # a post's table of contents in earnest has a few dozen


def marked(html: str) -> tuple[str, list[str]]:
    """`html` with a mark where the words start of each element an in-page link of it leads to, and the
    anchors marked, by the mark's number; `html` as it is (and none) when it links to no place in itself."""
    wanted = {match.group(2) for match in IN_PAGE.finditer(html)}
    if not wanted:
        return html, []
    html = html.replace(START, "").replace(END, "")
    anchors: list[str] = []

    def mark(tag: re.Match) -> str:
        names = [next(filter(None, found.groups()), "") for found in ANCHOR.finditer(tag.group(2) or "")]
        new = [name for name in names if name in wanted and name not in anchors]
        if not new or len(anchors) >= MAX_ANCHORS:
            return tag.group()
        anchors.extend(new)
        # after the spaces that follow the tag, where its words start: a list item's line stays one line
        return tag.group() + "".join(f"{START}{len(anchors) - len(new) + index}{END}" for index in range(len(new)))
    return START_TAG.sub(mark, html), anchors


def resolved(markdown: str, anchors: list[str], seconds: float) -> str:
    """`markdown` without its marks, and each in-page link to a marked anchor pointed at the passage that
    holds it; links to an anchor the text does not hold are left as written."""
    if not anchors:
        return markdown
    passages = _passages(markdown, seconds) if MARK.search(markdown) else {}
    kept = set(KEPT_ID.findall(markdown))  # an anchor the text still holds (an imported footnote's) still works
    numbers = {anchors[int(mark)]: number for mark, number in passages.items()
               if int(mark) < len(anchors) and anchors[int(mark)] not in kept}

    def pointed(link: re.Match) -> str:
        number = numbers.get(link.group(2))
        return f"{link.group(1)}#p{number}{link.group(3)}" if number else link.group()
    # a mark after a space or a heading's `## ` takes the space the converter made of the line's end with it
    unmarked = MARK.sub("", re.sub(f"(?:(?<=^)|(?<=[ \t])){MARK.pattern}[ \t]*", "", markdown, flags=re.MULTILINE))
    return IN_PAGE.sub(pointed, re.sub(r"\n{3,}", "\n\n", unmarked).lstrip("\n"))


def _passages(markdown: str, seconds: float) -> dict[str, int]:
    """Each mark's passage number: its block's, counted as the build counts them once the marks are gone
    (a block of nothing but marks, an empty `<a name>`, is then no block: its marks go to the next)."""
    with alarms() as timed:
        try:
            blocks = Converter(timed=timed, seconds=seconds).blocks(markdown, trusted=True)
        except TooSlow:  # the text's own check then keeps its words flat, anchors and all
            return {}
    found, waiting, number = {}, [], 0
    for block in blocks:
        marks = MARK.findall(block)
        if marks and EMPTY.fullmatch(MARK.sub("", block)):  # marks alone: no passage once they go
            waiting += marks
            continue
        number += 1
        found.update((mark, number) for mark in waiting + marks)
        waiting = []
    return found
