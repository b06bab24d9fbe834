"""Lists an author meant to nest that the Markdown reader draws flat, found where they are written."""

from __future__ import annotations

import re

# An item indented at least as far as the text of the item above it begins (two spaces under `- `):
# CommonMark (GitHub's editor, most others) nests it there; Python-Markdown nests only four spaces
# further in, and makes it the next item of the same list
# (lazy, and of one class: `(?: {0,3}> ?)*( +)` took 2^n steps on a line of n `> ` that held no item)
GATE = re.compile(r"\n[ >]*? (?:[-*+]|\d{1,9}\.)[ \t]")
ITEM = re.compile(r"( *)((?:[-*+]|\d{1,9}\.)[ \t]+)\S")  # Python-Markdown has no `1)` lists
RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # `* * *` is a line across, not an item
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
QUOTED = re.compile(r"(?: {0,3}> ?)+")
INDENT = 4  # Python-Markdown's tab length: what an item's later lines, a note's and code are indented by


def flattened_item_line(body: str, body_line: int) -> int:
    """The line of the first list item that CommonMark would nest under the item above it and Python-
    Markdown draws beside it (a sub-list the page shows flat), outside code and raw HTML; 0 for none."""
    if not GATE.search(body):  # most bodies: one scan, and done
        return 0
    fence, html, blank = "", False, True
    above = None  # (indent, where its text begins) of the item before, while a list is being read
    for number, line in enumerate(body.split("\n")):
        line = line[len(quoted.group()):] if (quoted := QUOTED.match(line)) else line
        if fence:
            fence = "" if line.strip().startswith(fence) and not line.strip().strip(fence[0]) else fence
            continue
        if not line.strip():
            html, blank = False, True
            continue
        opened = FENCE.match(line)
        if opened or html or (blank and line.startswith("<")):  # code, or a block of raw HTML to its blank line
            fence, html, above, blank = opened.group(1) if opened else "", not opened, None, False
            continue
        item = None if RULE.match(line) else ITEM.match(line)
        if item and above is not None and above[1] <= len(item.group(1)) < above[0] + INDENT:
            return body_line + number
        if item and (above is not None or blank):  # right under a paragraph's line, an item is that line's words
            above = (len(item.group(1)), len(item.group(0)) - 1)
        elif not item and blank and len(line) - len(line.lstrip(" ")) < INDENT:
            above = None  # a paragraph after the list: it has ended
        blank = False
    return 0
