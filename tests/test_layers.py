"""The one-way flow, as imports: reading never loads the stages after it, nor site/ the writing stage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def loaded_after_importing(package: str) -> list[str]:
    """The tertulia modules a fresh interpreter holds once every module of `package` is imported."""
    names = sorted(path.stem for path in (ROOT / "tertulia" / package).glob("*.py") if path.stem != "__init__")
    script = ("import sys\n" + "".join(f"import tertulia.{package}.{name}\n" for name in names)
              + "print('\\n'.join(m for m in sys.modules if m.startswith('tertulia.')))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_reading_loads_nothing_of_the_stages_after_it():
    """A code review: reading/ loaded writing/write.py through aside.py's signals."""
    later = [name for name in loaded_after_importing("reading")
             if name.startswith(("tertulia.site", "tertulia.writing", "tertulia.commands", "tertulia.importers"))]
    assert later == []


def test_site_loads_nothing_of_writing_or_the_commands():
    later = [name for name in loaded_after_importing("site")
             if name.startswith(("tertulia.writing", "tertulia.commands", "tertulia.importers"))]
    assert later == []


def test_writing_loads_nothing_of_the_commands_or_the_importers():
    later = [name for name in loaded_after_importing("writing")
             if name.startswith(("tertulia.commands", "tertulia.importers"))]
    assert later == []


def test_a_build_loads_no_importer_and_no_command():
    """The pipeline (read, validate, plan, render, write) is the core every command calls; an import is a
    command of its own, which the core never needs."""
    script = ("import sys, tertulia.pipeline, tertulia.freshness, tertulia.clashes\n"
              "print('\\n'.join(m for m in sys.modules if m.startswith('tertulia.')))")
    loaded = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert [name for name in loaded.stdout.split() if name.startswith(("tertulia.commands", "tertulia.importers"))] == []
