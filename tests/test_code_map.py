"""The README's module table is the code's map: every module of the package has its row, and every row
names a module that is there (a split module or a renamed one left the map untrue)."""

from __future__ import annotations

import re

from helpers import ROOT

ROW = re.compile(r"^\| `([\w/]+\.py)` \|", re.MULTILINE)


def test_every_module_has_its_row_in_the_readme_and_every_row_its_module():
    rows = set(ROW.findall((ROOT / "README.md").read_text(encoding="utf-8")))
    package = ROOT / "tertulia"
    modules = {path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if (path.name != "__init__.py" or path.parent == package) and "default_theme" not in path.parts}
    rows.discard("build.py")  # the repository's own, beside the package
    assert sorted(modules - rows) == [], "modules the README's table does not name"
    assert sorted(rows - modules) == [], "rows of the README's table naming no module"
