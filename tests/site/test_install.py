"""The tool as a writer gets it: a wheel built here, installed (not editable) into a fresh venv,
run in a folder that holds nothing from this repository."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import ESSAY_EN, ESSAY_ES, ROOT, SITE_YML, write_tree

pytestmark = pytest.mark.install


def run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def tool(tmp_path_factory) -> Path:
    """The `tertulia` command of a fresh venv holding the wheel built from this repository."""
    root = tmp_path_factory.mktemp("install")
    wheels = root / "wheels"
    # pip's own cache and the machine's index settings are used as they are: the dependencies
    # install from the cache, so the venv costs seconds, not a download
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, ROOT,
                cwd=root)
    assert built.returncode == 0, built.stderr
    venv.create(root / "venv", with_pip=True)
    python = root / "venv/bin/python"
    installed = run(python, "-m", "pip", "install", "--quiet", *wheels.glob("tertulia-*.whl"), cwd=root)
    assert installed.returncode == 0, installed.stderr
    return root / "venv/bin/tertulia"


def clean_env() -> dict:
    """The environment without anything that could lead Python back to this repository."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}


def test_the_wheel_holds_the_theme_and_runs_outside_the_repository(tool, tmp_path):
    site = tmp_path / "site"
    write_tree(site / "content", {"site.yml": SITE_YML, "posts/hola/index.es.md": ESSAY_ES,
                                  "posts/hola/index.en.md": ESSAY_EN})
    where = run(tool.parent / "python", "-c", "import tertulia; print(tertulia.__file__)", cwd=site, env=clean_env())
    assert Path(where.stdout.strip()).is_relative_to(tool.parent.parent)  # the venv's copy, not this checkout
    version = run(tool, "--version", cwd=site, env=clean_env())
    from tertulia import __version__
    assert version.stdout == f"tertulia {__version__}\n"
    result = run(tool, "build", cwd=site, env=clean_env())
    assert result.returncode == 0, result.stderr
    out = site / "output"
    for page in ("index.html", "posts/hola/index.html", "en/posts/hola/index.html", "tags/index.html",
                 "comments/index.html", "feed.xml", "sitemap.xml", "404.html", "assets/style.css", ".nojekyll"):
        assert (out / page).is_file(), page
    assert "Primer párrafo." in (out / "posts/hola/index.html").read_text()
    assert "Etiquetas" in (out / "es/tags/index.html").read_text()  # the catalogs came with the wheel
    module = run(tool.parent / "python", "-m", "tertulia", "check", cwd=site, env=clean_env())
    assert module.returncode == 0 and "content is valid" in module.stdout
    # a new user's walk: the README's guide is a link into a repository a wheel's user has not got
    guide = run(tool, "guide", cwd=tmp_path, env=clean_env())
    assert guide.returncode == 0 and guide.stdout == (ROOT / "docs/author-guide.md").read_text(encoding="utf-8")
    contract = run(tool, "guide", "--contract", cwd=tmp_path, env=clean_env())
    assert contract.stdout == (ROOT / "docs/content-format.md").read_text(encoding="utf-8")
    # a maintainer's walk: the site's README and requirements.txt say "see its CHANGELOG", which the wheel lacked
    changes = run(tool, "guide", "--changes", cwd=tmp_path, env=clean_env())
    assert changes.stdout == (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_init_then_build_gives_the_contracts_pages_and_the_sites_own_files_win(tool, tmp_path):
    """A writer's whole first hour: init, build, restyle one file and one block, add robots.txt."""
    env = clean_env()
    started = run(tool, "init", "blog", "--lang", "de", "--translation", "fr", cwd=tmp_path, env=env)
    assert started.returncode == 0, started.stderr
    site = tmp_path / "blog"
    write_tree(site, {
        "assets/style.css": "body { font-family: serif; }\n",
        "templates/base.html": '{% extends "default/base.html" %}\n'
                               '{% block footer %}<p class="imprint">Impressum</p>{% endblock %}\n',
        "content/static/robots.txt": "User-agent: *\n",
    })
    built = run(tool, "build", cwd=site, env=env)
    assert built.returncode == 0, built.stderr
    out = site / "output"
    for page in ("index.html", "posts/welcome/index.html", "de/posts/welcome/index.html",
                 "fr/posts/welcome/index.html", "de/index.html", "fr/index.html", "tags/index.html",
                 "comments/index.html", "feed.xml", "fr/feed.xml", "comments/feed.xml", "sitemap.xml", "404.html",
                 ".nojekyll", "about/index.html", "de/about/index.html", "fr/about/index.html", "robots.txt"):
        assert (out / page).is_file(), page
    assert (out / "assets/style.css").read_text() == "body { font-family: serif; }\n"
    assert (out / "assets/reader.js").is_file()
    for page in ("index.html", "posts/welcome/index.html", "fr/about/index.html"):
        html = (out / page).read_text()
        assert '<p class="imprint">Impressum</p>' in html and "about/" in html.split("</nav>")[0], page
    check = run(tool, "check", cwd=site, env=env)
    assert check.returncode == 0, check.stderr


def test_a_site_started_by_a_tertulia_installed_from_a_wheel_keeps_it_for_its_workflows(tool, tmp_path):
    """Installed from a wheel, init pinned `tertulia==<version>`, which no package index has: the site's
    first push failed to install it (a new user, 2026-12). The wheel now comes with the site, and pip
    installs it from the line requirements.txt gives, run where the workflows run it, in the site's root."""
    started = run(tool, "init", "blog", "--lang", "de", cwd=tmp_path, env=clean_env())
    assert started.returncode == 0, started.stderr
    site = tmp_path / "blog"
    wheel = next((tool.parent.parent.parent / "wheels").glob("tertulia-*.whl"))
    assert (site / "tertulia-wheel" / wheel.name).read_bytes() == wheel.read_bytes()
    assert f"./tertulia-wheel/{wheel.name}\n" in (site / "requirements.txt").read_text()
    assert f"tertulia-wheel/{wheel.name} is the Tertulia you installed" in started.stdout
    assert "package index" not in started.stdout
    venv.create(tmp_path / "workflow", with_pip=True)
    found = run(tmp_path / "workflow/bin/python", "-m", "pip", "install", "--no-deps", "--quiet", "-r",
                "requirements.txt", cwd=site, env=clean_env())
    assert found.returncode == 0, found.stderr
    assert list((tmp_path / "workflow/lib").glob("python*/site-packages/tertulia/default_theme/templates/base.html"))


def test_the_kept_wheel_is_committed_in_a_clone_whose_gitignore_leaves_wheels_out(tool, tmp_path):
    """GitHub's .gitignore for Python leaves out `wheels/`, and many leave out `*.whl`: the wheel a site kept
    was never committed, and its first workflow found none (a red team, 2026-12)."""
    clone = tmp_path / "blog"
    assert run("git", "init", "-q", clone, cwd=tmp_path).returncode == 0
    (clone / ".gitignore").write_text("# Distribution / packaging\nbuild/\nwheels/\n*.whl\n")
    started = run(tool, "init", clone, "--lang", "en", cwd=tmp_path, env=clean_env())
    assert started.returncode == 0, started.stderr
    assert run("git", "add", "-A", cwd=clone).returncode == 0
    committed = run("git", "ls-files", cwd=clone).stdout.splitlines()
    assert [path for path in committed if path.endswith(".whl")] == [
        f"tertulia-wheel/{next((tool.parent.parent.parent / 'wheels').glob('tertulia-*.whl')).name}"]
    assert (clone / ".gitignore").read_text().startswith("# Distribution / packaging\nbuild/\nwheels/\n*.whl\n")
