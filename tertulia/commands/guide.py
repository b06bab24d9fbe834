"""The `guide` command: the author's guide, from the installed tool, for a writer who has only the wheel.

A wheel carries docs/ as tertulia/docs/ (see pyproject.toml); a source checkout reads the repository's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..theme import PACKAGE  # the installed package, or this checkout's tertulia/
GUIDE, CONTRACT, CHANGES = "author-guide.md", "content-format.md", "CHANGELOG.md"  # docs/CHANGELOG.md: a link to ../


def docs_folder() -> Path:
    """The installed package's copy of docs/, else (a source checkout) the repository's."""
    shipped = PACKAGE / "docs"
    return shipped if (shipped / GUIDE).is_file() else PACKAGE.parent / "docs"


def print_guide(contract: bool = False, changes: bool = False) -> int:
    """Print the author's guide as Markdown; or, with `contract`, the contract it explains; or, with
    `changes`, the CHANGELOG (what changed for a site's author, which an upgrade is read against)."""
    name = CHANGES if changes else CONTRACT if contract else GUIDE
    sys.stdout.write((docs_folder() / name).read_text(encoding="utf-8"))
    return 0
