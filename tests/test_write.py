"""The output folder is replaced whole, or not at all."""

from __future__ import annotations

import pytest

from tertulia.write import atomic_output


def test_a_successful_write_replaces_the_folder(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("old")
    with atomic_output(output) as out:
        out.write("index.html", b"new")
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


@pytest.mark.parametrize("failure", [RuntimeError("crash"), KeyboardInterrupt()])
def test_a_failure_leaves_the_old_folder_and_no_litter(tmp_path, failure):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("old")
    with pytest.raises(type(failure)):
        with atomic_output(output) as out:
            out.write("index.html", b"half")
            raise failure
    assert (output / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]
