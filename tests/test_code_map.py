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


# The page's scripts are loaded apart (a page loads only those it needs, and each works alone), so the few
# helpers they share are copied into each; one copy that drifted (propose.js's interfaceWords marked a
# phrase English but never unmarked it) is the failure this guards against.
SHARED_FUNCTIONS = {"written": ("listing.js", "propose.js", "reader.js", "search.js"),
                    "interfaceWords": ("propose.js", "reader.js", "search.js")}


def _function(script: str, name: str) -> str:
    """`name`'s definition in `script` with the comment lines just above it: up to its closing brace."""
    text = (ROOT / "assets" / script).read_text(encoding="utf-8")
    match = re.search(rf"((?:  //[^\n]*\n)*)  function {name}\(.*?\n  }}\n", text, re.DOTALL)
    assert match, f"assets/{script} defines no {name}"
    return match.group(0)


def test_a_helper_the_scripts_share_is_word_for_word_the_same_in_each():
    for name, scripts in SHARED_FUNCTIONS.items():
        copies = {script: _function(script, name) for script in scripts}
        assert len(set(copies.values())) == 1, f"{name} differs between {', '.join(scripts)}"
