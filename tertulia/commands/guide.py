"""The `guide` command: the author's guide, from the installed tool, for a writer who has only the wheel.

A wheel carries docs/ as tertulia/docs/ (see pyproject.toml); a source checkout reads the repository's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..theme import PACKAGE  # the installed package, or this checkout's tertulia/
GUIDES = {False: "author-guide.md", True: "content-format.md"}  # by --contract


def docs_folder() -> Path:
    """The installed package's copy of docs/, else (a source checkout) the repository's."""
    shipped = PACKAGE / "docs"
    return shipped if (shipped / GUIDES[False]).is_file() else PACKAGE.parent / "docs"


def print_guide(contract: bool = False) -> int:
    """Print the author's guide (or, with `contract`, the contract it explains) as Markdown."""
    sys.stdout.write((docs_folder() / GUIDES[contract]).read_text(encoding="utf-8"))
    return 0
