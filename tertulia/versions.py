"""Fingerprints of the code that shapes output: ours, and the libraries installed beside it.

A cache keyed by these can never serve a result made by other code. They are cheap to
take, because an unchanged build needs them before it knows it has nothing to do.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .cache import content_key

HERE = Path(__file__).parent


def installed_libraries() -> str:
    """Every installed distribution with its version, as pip records them (`Name-1.2.dist-info`).

    Reading the names is a few directory listings; importlib.metadata takes ten times as
    long. Installing or upgrading any library changes this, which errs on the safe side.
    """
    names = []
    for entry in sys.path:
        if os.path.isdir(entry):
            names += [name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info"))]
    return "\n".join(sorted(set(names)))  # names only: how Python was started does not change the libraries


def parser_version(libraries: str) -> str:
    """Everything that shapes a parse: the code that reads content (every module of reading/, and the
    errors a parse makes) and the libraries. Hashing the source, not a hand-kept number or list of
    files, makes a stale cache impossible after an edit anywhere in it."""
    code = sorted((HERE / "reading").glob("*.py")) + [HERE / "errors.py"]
    return content_key(*(f"{path.name}\0{path.read_bytes().decode('utf-8', 'replace')}" for path in code), libraries)
