"""Checks of this repository's example site (content/), not of the tool: every sentence a person wrote
in the two essays is kept, none of the blog's interface text is. A site of your own has other words;
the tool's tests (tests/, tests/site/, tests/browser/) never read these."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tertulia.pipeline import Options, build, load_site

from helpers import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
CONTENT = ROOT / "content"

# What the scrape picked up from the blog software; no person wrote it.
INTERFACE_LINES = {
    "Anuncios", ",", "Responder",
    "Introduce tus datos o haz clic en un icono para iniciar sesión:",
    "Logo de WordPress.com", "Imagen de Twitter", "Foto de Facebook", "Google+ photo",
    "Conectando a %s", "A %d blogueros les gusta esto:",
}
INTERFACE_TEXT = ["Anuncios", "Responder", "iniciar sesión", "Estás comentando usando", "Cerrar sesión",
                  "Conectando a", "blogueros les gusta", "Logo de WordPress.com", "Google+ photo",
                  "#1 por", "#2 por", "Foto de Facebook", "Imagen de Twitter"]


def written_lines(seed: Path) -> list[str]:
    """Every line of a seed that a person wrote, as they wrote it."""
    lines = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        text = line.strip().lstrip("|")
        if not text or text in INTERFACE_LINES or text.startswith("Estás comentando usando"):
            continue
        if re.match(r"^(\d+\. |• )?#\d+ por ", text):  # bylines: they became front matter
            continue
        lines.append(text)
    return lines


def content_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CONTENT.rglob("*.md")))


@pytest.fixture(scope="module")
def seeds() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt"))
    assert len(found) == 2, f"the two seeds should be in {SEEDS}"
    return found


def test_every_sentence_a_person_wrote_is_in_content(seeds):
    text = content_text()
    lines = [line for seed in seeds for line in written_lines(seed)]
    assert len(lines) >= 40
    missing = [line for line in lines if line not in text]
    assert missing == []


def test_the_built_site_has_no_interface_text(tmp_path):
    build(Options(content=CONTENT, output=tmp_path / "out"))
    for page in (tmp_path / "out").rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml"):
            text = page.read_text(encoding="utf-8")
            for interface in INTERFACE_TEXT:
                assert interface not in text, f"{interface!r} in {page}"
            assert "|Ajungem" not in text


def test_spam_is_kept_in_content_but_never_published(tmp_path):
    spam = CONTENT / "posts/client-sau-partener/comments/4.en.md"
    assert "status: spam" in spam.read_text() and "professional writers" in spam.read_text()
    build(Options(content=CONTENT, output=tmp_path / "out"))
    for page in (tmp_path / "out").rglob("*.*"):
        assert "professional writers" not in page.read_text(encoding="utf-8", errors="replace")


def test_every_published_text_has_an_aligned_english_translation():
    site = load_site(Options(content=CONTENT)).site
    assert len(site.essays) == 2
    for essay in site.essays:
        english = essay.text("en")
        assert english is not None and len(english.blocks) == len(essay.original.blocks)
        for comment in essay.comments:
            english = comment.text("en")
            assert english is not None, f"comment {comment.id} of {essay.slug} has no English"
            assert len(english.blocks) == len(comment.original.blocks)


def test_names_and_dates_are_only_what_the_sources_give():
    site = load_site(Options(content=CONTENT)).site
    spanish = next(e for e in site.essays if e.original.lang == "es")
    assert spanish.author == "tactilbasic" and spanish.date is None
    first, = spanish.threads
    assert (first.author, first.date.iso) == ("La Communa", "2012-09-11T10:27+00:00")
    assert [(r.author, r.date.iso) for r in first.replies] == [("tactilbasic", "2012-09-12T15:37+00:00")]
    romanian = next(e for e in site.essays if e.original.lang == "ro")
    assert romanian.date is None
    assert [c.author for c in romanian.threads] == ["Anonymous"] * 3
    assert all(c.date is None for c in romanian.threads)


def test_the_spanish_essay_keeps_its_section_headings():
    site = load_site(Options(content=CONTENT)).site
    spanish = next(e for e in site.essays if e.original.lang == "es")
    headings = [b for b in spanish.original.blocks if b.startswith("<h2>")]
    assert headings == ["<h2>La verticalidad era norma</h2>", "<h2>Aquí mandamos todos</h2>",
                        "<h2>Los clientes ya no mandan</h2>"]
    assert {"verticality", "cluetrain", "values"} <= set(spanish.tags)
