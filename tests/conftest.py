"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE, run_cli


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture content built once into a folder, through the real command line."""
    out = tmp_path_factory.mktemp("fixture") / "output"
    result = run_cli("build", "--content", str(FIXTURE), "--output", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return out
