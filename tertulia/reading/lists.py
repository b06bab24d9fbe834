"""Lists an author meant to nest that the Markdown reader draws flat, found where they are written."""

from __future__ import annotations

import re

# An item indented one to three spaces: CommonMark (GitHub's editor, most others) nests it under the item
# above; Python-Markdown nests only at four spaces, and makes it the next item of the same list
SHALLOW_ITEM = re.compile(r"\n( {1,3})(?:[-*+]|\d{1,9}[.)])[ \t]")
ITEM = re.compile(r"( {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def flattened_item_line(body: str, body_line: int) -> int:
    """The line of the first list item indented less than four spaces right under a less indented item
    (a sub-list the page shows flattened), outside fenced code; 0 when there is none."""
    if not SHALLOW_ITEM.search(body):  # most bodies: one scan, and done
        return 0
    fence = ""
    above = None  # the indent of the line above when it is a list item
    for number, line in enumerate(body.split("\n")):
        opened = FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)[0] * 3
            above = None
            continue
        item = None if fence else ITEM.match(line)
        if item and above is not None and above < len(item.group(1)):
            return body_line + number
        above = len(item.group(1)) if item else None
    return 0
