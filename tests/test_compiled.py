"""The default theme's templates are compiled once and kept, as Python keeps a package's bytecode: a
later build loads them instead of compiling, draws the same bytes, and never trusts a stale one."""

from __future__ import annotations

import sys

import pytest

from tertulia.pipeline import Options, build
from tertulia.theme import Theme
from tertulia.writing import compiled, render

from helpers import make_content

NAMES = ("essay.html", "single.html", "home.html", "_macros.html", "base.html", "feed.xml")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of our own, written to whatever PYTHONDONTWRITEBYTECODE this machine sets."""
    folder = tmp_path / "store"
    monkeypatch.setattr(render, "theme_store", lambda: folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


def counting_compiles(env) -> list[str]:
    compiles: list[str] = []
    original = env.compile
    env.compile = lambda source, name=None, *args, **kwargs: compiles.append(name) or original(
        source, name, *args, **kwargs)
    return compiles


def test_a_second_environment_loads_the_kept_theme_instead_of_compiling(store, tmp_path):
    theme = Theme.of(make_content(tmp_path / "site"))
    first = render.make_environment(theme)
    for name in NAMES:
        first.get_template(name)
    assert len(list(store.iterdir())) >= len(NAMES)
    second = render.make_environment(theme)
    compiles = counting_compiles(second)
    for name in NAMES:
        assert second.get_template(name).blocks.keys() == first.get_template(name).blocks.keys()
    assert compiles == []


def test_a_kept_template_whose_source_changed_is_compiled_again(store, tmp_path):
    theme_folder = tmp_path / "theme"
    (theme_folder / "templates").mkdir(parents=True)
    (theme_folder / "templates/page.txt").write_text("one {{ word }}")
    env = render.make_environment(Theme(default=theme_folder))
    assert env.get_template("page.txt").render(word="x") == "one x"
    (theme_folder / "templates/page.txt").write_text("two {{ word }}")  # as an upgrade of Tertulia would
    again = render.make_environment(Theme(default=theme_folder))
    compiles = counting_compiles(again)
    assert again.get_template("page.txt").render(word="x") == "two x"
    assert compiles == ["page.txt"]


def test_a_damaged_kept_template_is_compiled_again(store, tmp_path):
    theme = Theme.of(make_content(tmp_path / "site"))
    render.make_environment(theme).get_template("feed.xml")
    from jinja2.bccache import bc_magic
    for kept in store.iterdir():  # the right header, then what marshal cannot read
        kept.write_bytes(kept.read_bytes()[:len(bc_magic) + 45] + b"\xff\x00")
    again = render.make_environment(theme)
    compiles = counting_compiles(again)
    assert again.get_template("feed.xml").name == "feed.xml" and "feed.xml" in compiles


def test_a_site_s_own_templates_are_not_kept_beside_the_package(store, tmp_path):
    content = make_content(tmp_path / "site")
    (tmp_path / "site/templates").mkdir()
    (tmp_path / "site/templates/page.txt").write_text("mine")
    env = render.make_environment(Theme.of(content))
    env.get_template("page.txt")
    assert not store.exists()
    env.get_template("base.html")
    assert store.exists() and len(list(store.iterdir())) >= 1


def test_builds_with_and_without_the_kept_theme_write_the_same_bytes(store, tmp_path, monkeypatch):
    content = make_content(tmp_path / "site")
    outputs = []
    for run in range(2):  # the first compiles and keeps, the second loads
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        build(Options(content=content, output=tmp_path / f"out{run}", cache_dir=None, workers=1))
        outputs.append({p.relative_to(tmp_path / f"out{run}"): p.read_bytes()
                        for p in (tmp_path / f"out{run}").rglob("*") if p.is_file()})
    assert store.exists() and outputs[0] == outputs[1]


def test_an_unwritable_store_only_costs_the_compiling(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setattr(render, "theme_store", lambda: blocked / "store")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    env = render.make_environment(Theme.of(make_content(tmp_path / "site")))
    assert "main" in env.get_template("base.html").blocks
    assert blocked.read_text() == "" and not list(tmp_path.glob("**/.new-*"))


def test_pythondontwritebytecode_keeps_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setattr(render, "theme_store", lambda: folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    render.make_environment(Theme.of(make_content(tmp_path / "site"))).get_template("base.html")
    assert not folder.exists()


def test_the_store_is_in_the_user_s_cache_named_by_the_python_jinja_and_generator_that_shape_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert compiled.theme_store().parent == tmp_path / "cache/tertulia"
    assert compiled.theme_store().name.startswith(f"theme-templates.{sys.implementation.cache_tag}.")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert compiled.theme_store().parent == tmp_path / "home/.cache/tertulia"
