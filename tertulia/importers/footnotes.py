"""An imported post's footnotes written as Markdown's (`[^1]` in the text, `[^1]: …` at its end).

The build numbers an author's footnotes and names their ids by the text's language, so an original and
its translation side by side each lead to their own notes. Written as the blog's HTML (`<li id="fn-1">`),
both columns held the same ids, and the translation's marks led the reader to the original's notes (a
red team's). Written so, an author also edits them as the guide says footnotes are written.
"""

from __future__ import annotations

import re
from typing import Callable

from bs4 import BeautifulSoup

from ..reading.lists import INDENT

# a note's mark as the conversion writes the one shortcodes.expanded made, and the notes it put last
REFERENCE = re.compile(r'<sup id="fnref-([0-9]{1,4})">\[\1\]\(#fn-\1\)</sup>')
NOTES_START, NOTES_END = '<section class="footnotes"><ol>', "</ol></section>"
MAX_NOTES = 1000  # each is converted on its own, some milliseconds each: a hostile post's 10,000 took minutes


def notes_as_markdown(markdown: str, converted: Callable[[str], str]) -> str:
    """`markdown` with its imported footnotes as Markdown's, each note's HTML `converted`; as it is where
    they are not exactly the import's own (a mark inside HTML Markdown does not read, a note missing)."""
    # the last block, found from the end: a pattern searched from each `<section` of a hostile post is quadratic
    start = markdown.rfind(NOTES_START)
    alone = start == 0 or markdown[:start].endswith("\n\n")  # a block of its own
    last = start >= 0 and alone and markdown.rstrip().endswith(NOTES_END)
    notes = _notes(markdown[start:]) if last else None
    text = markdown[:start] if last else markdown
    marks = [int(number) for number in REFERENCE.findall(text)]
    if not notes or len(notes) > MAX_NOTES or sorted(marks) != list(range(1, len(notes) + 1)):
        return markdown  # more notes than a post in earnest has stay HTML, which the build names as well
    definitions = "\n\n".join(f"[^{number}]: " + _indented(converted(note).strip())
                              for number, note in enumerate(notes, 1))
    return REFERENCE.sub(r"[^\1]", text).rstrip("\n") + "\n\n" + definitions + "\n"


def _indented(note: str) -> str:
    """A note's lines after its first indented as Markdown holds them in the note (its paragraphs too);
    a blank line stays blank."""
    return "\n".join((" " * INDENT + line if line.strip() else "") if index else line
                     for index, line in enumerate(note.split("\n")))


def _notes(section: str) -> list[str] | None:
    """Each note's HTML, without the arrow back to its mark; None unless they are numbered 1, 2, … in order."""
    items = BeautifulSoup(section, "html.parser").find_all("li")
    notes = []
    for number, item in enumerate(items, 1):
        if item.get("id") != f"fn-{number}":
            return None
        for back in item.find_all("a", href=f"#fnref-{number}"):
            back.decompose()
        notes.append(item.decode_contents().strip())
    return notes
