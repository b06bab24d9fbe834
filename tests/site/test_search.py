"""The search index: what readers read, in every language, and nothing unpublished or around it."""

from __future__ import annotations

import gzip
import json

from helpers import FIXTURE, MENU, SITE_YML, about_site, make_content, run_cli
from tertulia.writing import search
from tertulia.pipeline import Options, build, load_site

SECRETS = ("DRAFT-SECRET", "PENDING-SECRET", "BUY-CHEAP-PILLS")


def indexed(out) -> dict[str, dict]:
    """Every document of a built index, by URL, as Pagefind stored it."""
    documents = {}
    for fragment in sorted((out / "pagefind" / "fragment").iterdir()):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        assert text.startswith("pagefind_dcd")
        document = json.loads(text[len("pagefind_dcd"):])
        documents[document["url"]] = document
    return documents


def side(document: dict) -> str:
    """The page a hit on `document` opens, kept in hexadecimal so that Pagefind finds no word in it."""
    return bytes.fromhex(document["meta"]["side"]).decode("utf-8")


def language(document: dict) -> str:
    """The language a hit on `document` is in, in hexadecimal too (`ka` found every Georgian page for `kakheti`)."""
    return bytes.fromhex(document["meta"]["language"]).decode("utf-8")


def searched(tmp_path, files: dict[str, str]) -> dict[str, dict]:
    """The index of a site made of `files` (beside the usual essay) with search on, by URL."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("search: false", "search: true"), **files})
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return indexed(out)


def test_each_essay_is_indexed_in_each_of_its_languages_with_its_passages(fixture_site):
    documents = indexed(fixture_site)
    # stored from the site's root: Pagefind's script puts the folder it is served from (the sub-path) before
    # it; the page a hit opens, `side`, is ours, with the sub-path
    assert sorted(documents) == sorted(f"/{lang}/posts/{slug}/" for lang, slug in [
        ("es", "alpha"), ("en", "alpha"), ("pt-BR", "alpha"), ("en", "beta"), ("ro", "beta"), ("en", "gamma"),
        ("ro", "gamma")])
    spanish = documents["/es/posts/alpha/"]
    assert language(spanish) == "es" and side(spanish) == "/fixture-repo/posts/alpha/"
    assert "bastante texto para medir" in spanish["content"] and "Me gustó mucho" in spanish["content"]
    assert [a["id"] for a in spanish["anchors"]][:2] == ["p1", "p2"] and {"comment-c1", "comment-c1-p1"} <= {a["id"] for a in spanish["anchors"]}
    portuguese = documents["/pt-BR/posts/alpha/"]
    assert side(portuguese) == "/fixture-repo/posts/alpha/with-pt-BR/"
    # each version names its original's language: a hit found in two others is shown in it (search.js)
    assert {bytes.fromhex(documents[url]["meta"]["original"]).decode() for url in documents if "/alpha/" in url} == {"es"}


def test_nothing_unpublished_and_no_navigation_reaches_the_index(fixture_site):
    files = b"".join(path.read_bytes() for path in (fixture_site / "pagefind").rglob("*") if path.is_file())
    documents = json.dumps(indexed(fixture_site), ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in documents and secret.encode() not in files
    for interface in ("Skip to content", "Atom feed", "Comments feed", "Reading view", "Swap sides"):
        assert interface not in documents


def test_search_pages_and_boxes_exist_only_with_search(fixture_site, tmp_path):
    for page in ("search/index.html", "es/search/index.html", "pt-BR/search/index.html"):
        assert (fixture_site / page).is_file()
    home = (fixture_site / "index.html").read_text()
    assert '<form class="site-search" role="search" action="search/" data-search-box>' in home
    content = make_content(tmp_path)  # the helpers' site says search: false
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0 and "search is off (search: false in site.yml)" in result.stdout
    assert not (out / "pagefind").exists() and not (out / "search").exists()
    assert "site-search" not in (out / "index.html").read_text()


def test_a_build_without_pagefind_succeeds_and_says_search_is_off(tmp_path, monkeypatch):
    real = search.importlib.util.find_spec
    monkeypatch.setattr(search.importlib.util, "find_spec", lambda name: None if name == "pagefind" else real(name))
    report = build(Options(content=FIXTURE, output=tmp_path / "out"))
    assert "search is off (Pagefind is not installed for this platform)" in report.summary()
    assert not (tmp_path / "out" / "pagefind").exists() and not (tmp_path / "out" / "search").exists()


JAPANESE = {"site.yml": SITE_YML.replace("search: false", "search: true").replace(
                "{en: English, es: Español, ro: Română}", "{en: English, es: Español, ja: 日本語}"),
            "posts/ame/index.ja.md": "---\ntitle: 雨\nauthor: 花子\n---\n\n夜は雨の音を静かに聞きます。\n"}


def test_a_japanese_site_indexes_in_japanese_and_says_when_pagefind_cannot_cut_its_words(tmp_path, monkeypatch):
    """Pagefind cuts Japanese into words only in its extended build, and only in an index in Japanese:
    a build with the plain one finds a word only after a space or a sign, and its summary says so."""
    def site_of(content):
        return load_site(Options(content=content, output=tmp_path / "unused")).site

    assert search.index_language(site_of(make_content(tmp_path / "ja", JAPANESE))) == "ja"
    assert search.index_language(site_of(make_content(tmp_path))) == "en"
    real = search.importlib.util.find_spec
    monkeypatch.setattr(search.importlib.util, "find_spec",
                        lambda name: None if name == "pagefind_bin_extended" else real(name))
    monkeypatch.setattr(search.shutil, "which", lambda name: None)
    report = build(Options(content=tmp_path / "ja" / "content", output=tmp_path / "out"))
    assert report.summary().endswith("; search cannot cut Japanese text into words, and finds a word only after a "
                                      'space or a sign: install Pagefind\'s extended build (pip install '
                                      '"pagefind[extended]>=1.5")'), report.summary()
    assert (tmp_path / "out/pagefind/pagefind-entry.json").is_file()  # it still indexes the rest


def test_a_site_with_nothing_published_yet_builds_and_says_why_search_is_off(tmp_path):
    """Pagefind refuses to make an index of nothing: a site whose one essay is a draft still builds."""
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("search: false", "search: true")}, with_essay=False)
    (content / "posts/first").mkdir(parents=True)
    (content / "posts/first/index.en.md").write_text("---\ntitle: First\nauthor: A\ndraft: true\n---\n\nSoon.\n")
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "search is off (nothing is published yet to index)" in result.stdout
    assert (out / "index.html").is_file() and not (out / "pagefind").exists()


def test_the_index_is_the_same_on_every_build(tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert run_cli("build", "--content", str(FIXTURE), "--output", str(out), "--no-cache").returncode == 0
    files = [{p.relative_to(out): p.read_bytes() for p in (out / "pagefind").rglob("*") if p.is_file()} for out in outs]
    assert files[0] == files[1] and len(files[0]) > 10


def test_pages_are_indexed_in_each_of_their_languages_and_open_side_by_side_where_their_text_is_shown(tmp_path):
    content = about_site(tmp_path, {
        "site.yml": SITE_YML.replace("search: false", "search: true") + MENU,
        "pages/about/index.ro.md": "---\ntitle: Despre noi\ntranslation_of: es\n---\n\nSuntem doi.\n\n![Sigla](logo.svg)\n",
        "pages/secret/index.en.md": "---\ntitle: Secret\ndraft: true\n---\n\nDRAFT-SECRET\n"})
    out = tmp_path / "output"
    result = run_cli("build", "--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    documents = indexed(out)
    pages = {url: document for url, document in documents.items() if "/posts/" not in url}
    assert sorted(pages) == ["/en/about/", "/es/about/", "/ro/about/"]
    assert [(language(pages[url]), side(pages[url]), pages[url]["meta"]["title"])
            for url in sorted(pages)] == [("en", "/repo/about/", "About us"), ("es", "/repo/about/", "Acerca de"),
                                          ("ro", "/repo/about/with-ro/", "Despre noi")]
    assert "Suntem doi." in pages["/ro/about/"]["content"] and pages["/es/about/"]["anchors"][0]["id"] == "p1"
    assert "DRAFT-SECRET" not in json.dumps(documents)


def test_a_footnotes_number_and_way_back_are_not_indexed_as_words(tmp_path):
    """Excerpts read "the minarets 1. What I saw" and "minarets. ↩ Very nice"; the note's own words stay."""
    documents = searched(tmp_path, {
        "posts/nota/index.en.md": "---\ntitle: Notes\nauthor: Ana\ndate: 2012-09-11\n---\n\n"
                                  "The minarets shine[^1]. What I saw.\n\n[^1]: Seen from the zebra bridge.\n"})
    said = documents["/en/posts/nota/"]["content"]
    assert "Seen from the zebra bridge" in said and "↩" not in said and " 1" not in said, said


def test_a_block_not_yet_translated_is_found_in_the_original_alone(tmp_path):
    """The walk's Ukrainian search listed the English page too, for the Ukrainian words standing in its
    unfinished blocks: the original's document holds them already."""
    documents = searched(tmp_path, {
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\n---\n\nFirst paragraph.\n\n"
                                  "TODO translate: Segundo párrafo.\n"})
    english, spanish = documents["/en/posts/hola/"], documents["/es/posts/hola/"]
    assert "First paragraph." in english["content"] and "Segundo" not in english["content"]
    assert "Segundo párrafo." in spanish["content"]


def test_the_index_holds_no_word_a_reader_did_not_read(tmp_path):
    """Pagefind searches metadata too: the page a hit opens, as text, made the site's sub-path a word of
    every page, and an image's address (`teahouse.png`) made `png` find its essay, nothing marked."""
    documents = searched(tmp_path, {"posts/hola/index.es.md": (
        "---\ntitle: Hola\nauthor: Ana\n---\n\nPrimer párrafo.\n\n![Una sala de té](teahouse.png)\n")})
    document = documents["/es/posts/hola/"]
    assert "image" not in document["meta"] and "teahouse" not in json.dumps(document)
    assert "Una sala de té" in document["content"]
    for found in documents.values():
        assert all(word not in json.dumps(found["meta"]) for word in ("repo", "posts", '"es"', '"en"')), found["meta"]
        assert side(found).startswith("/repo/")


def test_an_interruption_while_the_documents_are_written_leaves_no_folder_in_tmp(tmp_path, monkeypatch):
    """A red team's: a Ctrl-C as the search documents were written left a tertulia-search-* folder
    holding the site's pages in $TMPDIR, and nothing ever removed it."""
    import pytest
    import tempfile
    from dataclasses import replace
    site = replace(load_site(Options(content=FIXTURE)).site, search=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    some = search.documents(site)[:2]

    def interrupted(_):
        yield from some
        raise KeyboardInterrupt
    monkeypatch.setattr(search, "documents", interrupted)
    with pytest.raises(KeyboardInterrupt):
        with search.indexing(site):
            pass
    assert list(tmp_path.iterdir()) == []


def test_a_full_scratch_disk_is_named_as_the_search_index_s_not_the_output(tmp_path, monkeypatch):
    """A red team's: a full $TMPDIR was said as "output: could not be written or read: No space left on
    device", though the output's disk had room."""
    import errno
    import pytest
    import tempfile
    from dataclasses import replace
    from pathlib import Path
    from tertulia.errors import ToolFailed
    site = replace(load_site(Options(content=FIXTURE)).site, search=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))
    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(ToolFailed, match=r"^search index: its scratch folder could not be written, in \S*tertulia-search-"
                                         r"\S*: No space left on device \(the TMPDIR environment variable"):
        with search.indexing(site):
            pass
    assert list(tmp_path.iterdir()) == []


def test_a_comments_paragraphs_are_anchored_as_its_page_numbers_them(tmp_path):
    """A hit in a long comment's fourth paragraph opened at the comment's top (a reader's review); a block
    that sanitizing empties is no row of the page, so a comment holding one keeps the comment's anchor
    alone: its later paragraphs' numbers would name rows that do not exist (a review of that change)."""
    documents = searched(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n\nDos.\n\nTres.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: C\n---\n\nUno.\n\n<div></div>\n\nTres.\n"})
    anchors = {anchor["id"] for anchor in documents["/es/posts/hola/"]["anchors"]}
    assert {"comment-c1", "comment-c1-p1", "comment-c1-p3", "comment-c2"} <= anchors
    assert not any(anchor.startswith("comment-c2-") for anchor in anchors)


def test_a_writers_name_is_found_at_their_essay_or_their_comment(tmp_path):
    """A walk: searching a commenter's name (what did Bernardete say?) or an essay's author found nothing,
    though each page shows the name. A name the source does not give (`Anonymous`) is no word of it."""
    documents = searched(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: Bernardete <Quintela>\n---\n\nGostei.\n",
        "posts/hola/comments/c2.es.md": "---\nauthor: Anonymous\n---\n\nOtro.\n"})
    spanish = documents["/es/posts/hola/"]
    assert "Ana" in spanish["content"].split(". ")[:3], spanish["content"]
    assert "Bernardete <Quintela>" in spanish["content"] and "Anonymous" not in spanish["content"]
    words = spanish["content"].split()
    named = next(i for i, word in enumerate(words) if word == "Bernardete")
    comment = {a["id"]: a["location"] for a in spanish["anchors"]}["comment-c1"]
    assert comment <= named < {a["id"]: a["location"] for a in spanish["anchors"]}["comment-c1-p1"]


def test_a_summary_is_found_in_its_own_language_and_an_untranslated_one_only_in_the_original(tmp_path):
    """A walk: words of the summary shown under each title on the home page found nothing. A translation's
    summary still the original's (its marker) is not its language's words, as a block not translated is not."""
    documents = searched(tmp_path, {
        "posts/hola/index.es.md": "---\ntitle: Hola\nauthor: Ana\nsummary: La niebla resta en el puerto.\n---\n\n"
                                  "Primer párrafo.\n",
        "posts/hola/index.en.md": "---\ntitle: Hello\ntranslation_of: es\nsummary: \"TODO translate: La niebla resta "
                                  "en el puerto.\"\n---\n\nFirst paragraph.\n",
        "posts/otro/index.es.md": "---\ntitle: Otro\nauthor: Ana\nsummary: Un faro que queda.\n---\n\nTexto.\n",
        "posts/otro/index.en.md": "---\ntitle: Other\ntranslation_of: es\nsummary: A lighthouse that stays.\n---\n\n"
                                  "Text.\n"})
    assert "La niebla resta en el puerto." in documents["/es/posts/hola/"]["content"]
    assert "niebla" not in documents["/en/posts/hola/"]["content"]
    assert "A lighthouse that stays." in documents["/en/posts/otro/"]["content"]
    first = {a["id"]: a["location"] for a in documents["/en/posts/otro/"]["anchors"]}["p1"]
    words = documents["/en/posts/otro/"]["content"].split()
    assert words.index("lighthouse") < first  # before the first passage: a hit there opens the page at its top


def test_a_page_s_summary_which_no_page_shows_is_not_found(tmp_path):
    """A red team: a page's summary is its description for search engines alone, no listing shows it; found,
    a hit would open a page without the words."""
    documents = searched(tmp_path, {"pages/sobre/index.es.md": "---\ntitle: Sobre mí\nsummary: Palabras escondidas.\n"
                                                                "---\n\nQuién soy.\n"})
    page = next(document for url, document in documents.items() if "sobre" in url)
    assert "Quién soy." in page["content"] and "escondidas" not in page["content"]


FAKE_PAGEFIND = """import os, sys, time
open(os.environ["PAGEFIND_PID"], "w").write(str(os.getpid()))
time.sleep(120)  # as Pagefind indexing a big site
"""


def _build_waiting_on_pagefind(tmp_path):
    """A search build started while Pagefind (a stand-in that sleeps) indexes, and Pagefind's pid."""
    import os
    import subprocess
    import sys
    import time

    from helpers import ROOT
    fake = tmp_path / "fake" / "pagefind"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(FAKE_PAGEFIND)
    content = make_content(tmp_path, {"site.yml": SITE_YML.replace("search: false", "search: true")})
    marker = tmp_path / "pagefind.pid"
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "fake"), PAGEFIND_PID=str(marker), TMPDIR=str(tmp_path / "tmp"))
    command = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
                                "--output", str(tmp_path / "out")], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(600):
        if marker.exists() and marker.read_text():
            return command, int(marker.read_text())
        time.sleep(0.05)
    command.kill()
    raise AssertionError(f"Pagefind never started: {command.communicate()}")


def _ends(pid: int) -> None:
    import os
    import signal
    import time
    for _ in range(200):
        if not _running(pid):
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("Pagefind was still running 10 s after its build ended")


def test_pagefind_ends_with_a_build_killed_outright(tmp_path):
    """A red team's: `kill -9` of a build left Pagefind running as an orphan, indexing a site no one would
    publish, for minutes on a big one."""
    command, pagefind = _build_waiting_on_pagefind(tmp_path)
    command.kill()
    command.communicate()
    _ends(pagefind)


def test_a_hang_up_stops_a_build_as_sigterm_does_and_clears_its_scratch_folder(tmp_path):
    """A red team's: a closed terminal (SIGHUP) killed a build as `kill -9` does, and its copy of the site
    for Pagefind stayed in $TMPDIR."""
    import signal
    command, pagefind = _build_waiting_on_pagefind(tmp_path)
    assert [path.name.startswith("tertulia-search-") for path in (tmp_path / "tmp").iterdir()] == [True]
    command.send_signal(signal.SIGHUP)
    _, stderr = command.communicate(timeout=60)
    assert (command.returncode, stderr) == (129, "interrupted; the previous output is untouched\n")
    _ends(pagefind)
    assert list((tmp_path / "tmp").iterdir()) == [] and not (tmp_path / "out").exists()


def _running(pid: int) -> bool:
    """Whether a process lives (a zombie, dead and not yet reaped by the init process, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
