"""New files reach output/ only once a build has drawn them all; a failure leaves it as it was."""

from __future__ import annotations

import os
import signal

import pytest

from tertulia.writing import write
from tertulia.writing.write import staged_output


def earlier_output(tmp_path, files: dict[str, str]):
    """An output folder as an earlier build left it: these files (by relative path) and the build's mark."""
    output = tmp_path / "output"
    output.mkdir()
    for relative, text in files.items():
        (output / relative).parent.mkdir(parents=True, exist_ok=True)
        (output / relative).write_text(text)
    (output / write.MARK).write_bytes(write.MARK_TEXT)
    return output


def test_a_commit_moves_new_files_in_and_removes_what_the_site_no_longer_has(tmp_path):
    output = earlier_output(tmp_path, {"posts/gone/index.html": "old", "kept.html": "kept", "stray.html": "not ours"})
    with staged_output(output) as staged:
        staged.writer.write("posts/new/index.html", b"new")
        staged.commit(["posts/new/index.html"], {"posts/new/index.html", "kept.html"},
                      {"posts/gone/index.html", "kept.html"}, sweep=True)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [
        "kept.html", "posts", "posts/new", "posts/new/index.html"]
    assert (output / "posts/new/index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]  # no staging folder left behind


def test_a_sweep_removes_a_link_to_a_folder_and_leaves_what_it_points_at(tmp_path):
    """A red team: `output/leak -> /etc` stayed through every build, and the Pages upload, which follows links,
    published what it pointed at."""
    output = earlier_output(tmp_path, {"kept.html": "kept"})
    outside = tmp_path / "outside"
    (outside / "inner").mkdir(parents=True)
    (outside / "secret").write_text("secret")
    os.symlink(outside, output / "leak")
    os.makedirs(output / "posts")
    os.symlink(outside / "inner", output / "posts" / "deeper")
    with staged_output(output) as staged:
        staged.writer.write("kept.html", b"kept")
        staged.commit(["kept.html"], {"kept.html"}, {"kept.html"}, sweep=True)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["kept.html"]
    assert (outside / "secret").read_text() == "secret" and (outside / "inner").is_dir()


def test_without_a_sweep_only_known_files_are_removed(tmp_path):
    output = earlier_output(tmp_path, {"old.html": "old", "stray.html": "not known"})
    with staged_output(output) as staged:
        staged.commit([], {write.MARK}, {"old.html"}, sweep=False)
    assert sorted(p.name for p in output.iterdir()) == [write.MARK, "stray.html"]


def test_a_first_build_makes_the_output_folder_readable_by_others(tmp_path):
    output = tmp_path / "site" / "output"
    previous = os.umask(0o022)
    try:
        with staged_output(output) as staged:
            staged.writer.write("index.html", b"new")
            staged.commit(["index.html"], {"index.html"}, set(), sweep=True)
    finally:
        os.umask(previous)
    assert (output / "index.html").read_bytes() == b"new"
    assert output.stat().st_mode & 0o777 == 0o755 and (output / "index.html").stat().st_mode & 0o777 == 0o644


def test_a_new_output_arrives_whole_in_one_rename(tmp_path):
    output = tmp_path / "output"
    with staged_output(output) as staged:
        staged.writer.write("posts/a/index.html", b"a")
        staged.writer.write("index.html", b"home")
        assert not output.exists()
        staged.commit(["posts/a/index.html", "index.html"], {"posts/a/index.html", "index.html"}, set(), sweep=True)
    assert (output / "posts/a/index.html").read_bytes() == b"a" and (output / "index.html").read_bytes() == b"home"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


@pytest.mark.parametrize("failure", [RuntimeError("crash"), KeyboardInterrupt()])
def test_a_failure_before_the_commit_leaves_the_old_folder_and_no_litter(tmp_path, failure):
    output = earlier_output(tmp_path, {"index.html": "old"})
    with pytest.raises(type(failure)):
        with staged_output(output) as staged:
            staged.writer.write("index.html", b"half")
            raise failure
    assert (output / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_ctrl_c_during_the_commit_waits_until_every_file_is_in(tmp_path, monkeypatch, ctrl_c_at_a_terminal):
    output = tmp_path / "output"
    output.mkdir()  # into an existing output, files are moved one by one
    names = [f"posts/p{i}/index.html" for i in range(50)]
    moved = []

    def replace_then_press_ctrl_c(source, target):
        os.rename(source, target)
        moved.append(target)
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(write.os, "replace", replace_then_press_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        with staged_output(output) as staged:
            for name in names:
                staged.writer.write(name, b"new")
            staged.commit(names, set(names), set(), sweep=False)
    assert len(moved) == 50
    assert all((output / name).read_bytes() == b"new" for name in names)


def test_the_writer_refuses_a_folder_no_build_wrote(tmp_path):
    output = tmp_path / "Documents"
    output.mkdir()
    (output / "thesis.txt").write_text("years of work")
    with pytest.raises(write.OutputRefused):
        with staged_output(output) as staged:
            staged.commit([], set(), set(), sweep=True)
    assert [p.name for p in output.iterdir()] == ["thesis.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["Documents"]


@pytest.mark.parametrize("committed", [True, False])
def test_ctrl_c_while_the_staging_folder_is_cleared_waits_for_it_and_says_where_the_output_stands(
        tmp_path, monkeypatch, committed, ctrl_c_at_a_terminal):
    output = tmp_path / "output"
    clear = write.shutil.rmtree

    def press_ctrl_c_then_clear(path, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        clear(path, **kwargs)

    monkeypatch.setattr(write.shutil, "rmtree", press_ctrl_c_then_clear)
    with pytest.raises(KeyboardInterrupt) as stopped:
        with staged_output(output) as staged:
            staged.writer.write("index.html", b"new")
            if not committed:
                raise ValueError("a page failed to draw")
            staged.commit(["index.html"], {"index.html"}, set(), sweep=False)
    assert stopped.value.args == ((write.COMMITTED if committed else write.UNTOUCHED),)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["output"] if committed else [])


@pytest.mark.parametrize("before, after", [("notes", "notes/a.txt"), ("notes/a.txt", "notes")])
def test_a_file_that_becomes_a_folder_or_the_other_way_round_is_moved_in(tmp_path, before, after):
    output = earlier_output(tmp_path, {before: "v1", "page.html": "old page"})
    with staged_output(output) as staged:
        for relative, data in ((after, b"v2"), ("page.html", b"new page")):
            staged.writer.write(relative, data)
        staged.commit([after, "page.html"], {after, "page.html", write.MARK}, {before, "page.html", write.MARK},
                      sweep=True)
    assert (output / after).read_text() == "v2" and (output / "page.html").read_text() == "new page"


def test_a_file_in_the_way_that_is_not_the_builds_to_remove_refuses_before_anything_moves(tmp_path):
    output = earlier_output(tmp_path, {"notes": "a file the preview did not write", "page.html": "old page"})
    with pytest.raises(write.OutputRefused, match="`notes` stands where the site now has `notes/a.txt`"):
        with staged_output(output) as staged:
            for relative in ("page.html", "notes/a.txt"):
                staged.writer.write(relative, b"new")
            staged.commit(["page.html", "notes/a.txt"], {"page.html", "notes/a.txt"}, {"page.html"}, sweep=False)
    assert (output / "page.html").read_text() == "old page" and (output / "notes").read_text().startswith("a file")


def failing_replace(monkeypatch, fails_on: str):
    """os.replace as a folder without write permission makes it fail: for a target ending with `fails_on`."""
    real = os.replace

    def replace(source, target):
        if str(target).endswith(fails_on):
            raise PermissionError(13, "Permission denied")
        real(source, target)
    monkeypatch.setattr(write.os, "replace", replace)


def tree(folder) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() if p.is_file() else "/" for p in sorted(folder.rglob("*"))}


def test_a_move_that_fails_half_way_through_a_commit_leaves_the_output_as_it_was(tmp_path, monkeypatch):
    output = earlier_output(tmp_path, {"index.html": "old home", "feed.xml": "old feed", "notes": "a file",
                                       "posts/a/index.html": "old a", "gone.html": "old"})
    before = tree(output)
    failing_replace(monkeypatch, "posts/b/index.html")
    new = ["index.html", "feed.xml", "notes/a.txt", "posts/new/deep/index.html", "posts/b/index.html"]
    with pytest.raises(OSError) as failed:
        with staged_output(output) as staged:
            for relative in new:
                staged.writer.write(relative, b"new")
            staged.commit(new, set(new) | {write.MARK}, {"index.html", "feed.xml", "notes", "gone.html"}, sweep=True)
    assert tree(output) == before  # the home and feed moved in first are the old ones again; no new folder stays
    assert failed.value.filename == str(output / "posts/b/index.html")  # the output's file, not a staged name
    assert not isinstance(failed.value, write.PartlyCommitted)
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_a_failed_commit_that_cannot_be_undone_says_the_output_is_partly_new(tmp_path, monkeypatch):
    output = earlier_output(tmp_path, {"index.html": "old home", "page.html": "old page"})
    real, calls = os.replace, []

    def works_once(source, target):  # the new home moves in; then the disk fails, putting the old one back too
        calls.append(target)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        real(source, target)
    monkeypatch.setattr(write.os, "replace", works_once)
    with pytest.raises(write.PartlyCommitted, match="page.html: could not be written: No space left on device; undo"):
        with staged_output(output) as staged:
            staged.writer.write("index.html", b"new home")
            staged.writer.write("page.html", b"new page")
            staged.commit(["index.html", "page.html"], {"index.html", "page.html"}, set(), sweep=False)


def test_an_old_file_that_cannot_be_removed_leaves_the_new_output_in_and_says_so(tmp_path, monkeypatch):
    output = earlier_output(tmp_path, {"index.html": "old home", "gone.html": "old"})

    def refuse(path):
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(write.os, "remove", refuse)
    with pytest.raises(write.PartlyCommitted, match="gone.html: could not be removed: Permission denied; the new"):
        with staged_output(output) as staged:
            staged.writer.write("index.html", b"new home")
            staged.commit(["index.html"], {"index.html", write.MARK}, {"index.html", "gone.html"}, sweep=False)
    assert (output / "index.html").read_text() == "new home"


def test_on_a_disk_without_hard_links_the_replaced_files_are_copied_aside_and_put_back(tmp_path, monkeypatch):
    output = earlier_output(tmp_path, {"index.html": "old home", "page.html": "old page"})

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(write.os, "link", no_links)
    failing_replace(monkeypatch, "page.html")
    with pytest.raises(OSError):
        with staged_output(output) as staged:
            for relative in ("index.html", "page.html"):
                staged.writer.write(relative, b"new")
            staged.commit(["index.html", "page.html"], {"index.html", "page.html"}, set(), sweep=False)
    assert (output / "index.html").read_text() == "old home" and (output / "page.html").read_text() == "old page"
