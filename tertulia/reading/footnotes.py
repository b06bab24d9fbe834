"""Footnotes an author left half-written: a reference to no note, which the page shows as `[^2]`, and a
note nothing refers to, whose arrow back leads nowhere. Both are common while a text is edited or
translated, and neither stops the build: warnings, at the block."""

from __future__ import annotations

import re

from ..errors import ContentError
from .parse import ContentFiles

# `[^2]` left as it was written: Python-Markdown turns a reference into a link only when its note exists
UNDEFINED = re.compile(r"\[\^([^\]\s]+)\]")
CODE = re.compile(r"<(code|pre)\b.*?</\1>", re.DOTALL)  # `[^a-z]` in code is a pattern, not a reference
NOTE = re.compile(r'<li id="fn-([^"]+)">')
# Python-Markdown's reference, or one written as HTML, as `import wordpress` writes a footnote plugin's
# (`<sup id="fnref-1"><a href="#fn-1">`): each was a note "referred to nowhere" on a fresh import
REFERRED = re.compile(r'<a\b[^>]*?\shref="#fn-([^"]+)"')


def loose_footnotes(files: ContentFiles, erred: set[str]) -> list[ContentError]:
    """A warning at each block of an essay or page holding a footnote reference without its note, and
    at the notes for each note no reference leads to; none for a file with an error (`erred`), which says
    more: a translation lacking its original's notes is told to write them."""
    warnings = []
    for record in files.records:
        blocks = files.blocks.get(record.path, ())
        if record.comment_id or record.path in erred or not any("[^" in block or 'class="footnote' in block for block in blocks):
            continue
        for index, block in enumerate(blocks):
            for label in dict.fromkeys(UNDEFINED.findall(CODE.sub("", block))):
                warnings.append(ContentError(record.path, record.block_line(index, len(blocks)) or record.body_line,
                                             f"the footnote reference [^{label}] has no note, and shows as written: "
                                             f"add `[^{label}]: …` below the text, or take the reference out"))
        referred = {ref for block in blocks for ref in REFERRED.findall(block)}
        prefix = f"{record.lang}-"
        for index, block in enumerate(blocks):
            for note in NOTE.findall(block):
                if note not in referred:
                    label = note[len(prefix):] if note.startswith(prefix) else note
                    warnings.append(ContentError(
                        record.path, record.block_line(index, len(blocks)) or record.body_line,
                        f"the footnote [^{label}] is referred to nowhere in the text: its arrow back leads nowhere; "
                        f"put `[^{label}]` where it belongs, or take the note out"))
    return warnings
