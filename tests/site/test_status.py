"""Translators know what to translate: status, check, the marked rows, and marking done."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from helpers import ROOT, about_site, make_content, run_cli

ESSAY = "posts/hola/index.es.md"
TRANSLATION = "content/posts/hola/index.en.md"


def site_with_record(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUn comentario.\n",
                                      "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nA comment.\n"})
    for path in (TRANSLATION, "content/posts/hola/comments/c1.en.md"):
        result = run_cli("translated", path, "--content", "content", cwd=tmp_path)
        assert result.returncode == 0 and result.stdout.startswith("recorded: "), result.stderr
    return content


def edit(content, relative, old, new):
    path = content / relative
    path.write_text(path.read_text().replace(old, new))


def test_status_on_the_real_content_reports_everything_current(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = run_cli("status", cwd=tmp_path)
    assert result.returncode == 0
    assert " 0 outdated (0 blocks)" in result.stdout and "outdated (" not in result.stdout.replace("0 outdated (", "")
    assert "los-clientes-no-son-todos-iguales (original in es)" in result.stdout
    assert "  essay:    en translated · ro missing" in result.stdout


def test_one_edited_word_is_named_by_status_and_check_and_marked_on_the_page(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo, corregido.")
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 0
    assert "  essay:    en outdated (block 2) · ro missing" in status.stdout
    assert (f"{TRANSLATION}:8: block 2 outdated; the original now begins “Segundo párrafo, corregido.”; "
            "changed: Segundo [-párrafo.-]{+párrafo, corregido.+}") in status.stdout
    assert status.stdout.count("outdated;") == 1
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0
    assert [line for line in check.stderr.splitlines() if "outdated" in line] == [
        f"{TRANSLATION}:8: warning: block 2 is outdated: its original (“Segundo párrafo, corregido.”) changed "
        "after it was translated; `tertulia status` says what changed, and once the translation's block follows it "
        f"again, `tertulia translated {TRANSLATION} --block 2` records that"]
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    for page in ("posts/hola/index.html", "en/posts/hola/index.html"):
        html = (tmp_path / "out" / page).read_text()
        assert html.count('class="outdated-note"') == 1
        second = html[html.index('id="p2"'):]
        assert second.index("outdated-note") < second.index("</div>\n") + 200
        assert "outdated-note" not in html[html.index('id="p1"'):html.index('id="p2"')]
    assert "outdated-note" not in (tmp_path / "out/es/posts/hola/index.html").read_text()

    (content / "translations.json").chmod(0o600)
    previous = os.umask(0o022)
    try:
        marked = run_cli("translated", TRANSLATION, "--block", "2", cwd=tmp_path)
    finally:
        os.umask(previous)
    assert marked.returncode == 0 and "(block 2 of 2)" in marked.stdout
    # the walk's record was readable by its owner alone, unlike every other file of content/
    assert (content / "translations.json").stat().st_mode & 0o777 == 0o644
    assert "0 outdated" in run_cli("status", cwd=tmp_path).stdout
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    assert "outdated-note" not in (tmp_path / "out/posts/hola/index.html").read_text()


def test_a_thread_with_nothing_to_translate_says_so(tmp_path):
    """A Spanish essay with no translation yet and a Spanish comment: the line said `comments (1): `."""
    make_content(tmp_path, {"posts/solo/index.es.md": "---\ntitle: Solo\nauthor: Ana\n---\n\nTexto.\n",
                            "posts/solo/comments/c1.es.md": "---\nauthor: B\n---\n\nUn comentario.\n"})
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert lines[lines.index("solo (original in es)") + 2] == \
        "  comments (1): nothing to translate (each is in the language of every page that shows it)"


def test_an_edited_comment_is_outdated_in_its_thread(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/comments/c1.es.md", "Un comentario.", "Un comentario largo.")
    status = run_cli("status", cwd=tmp_path).stdout
    assert "  comments (1): en 0 translated, 1 outdated (comment c1)" in status
    assert "content/posts/hola/comments/c1.en.md:5: block 1 outdated" in status
    # and a reader is told too, under the translation, as under an essay's outdated passage
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    note = '<p class="outdated-note" lang="{}">'
    for page, lang in (("posts/hola/index.html", "en"), ("en/posts/hola/index.html", "en")):
        thread = (tmp_path / "out" / page).read_text().split('id="comment-c1"')[1].split("</article>")[0]
        assert thread.count('class="outdated-note"') == 1, page
        translation = thread[thread.index('<p>A comment.</p>'):]
        assert translation.index(note.format(lang)) < translation.index("</div>"), page
    spanish = (tmp_path / "out/es/posts/hola/index.html").read_text()
    assert "Un comentario largo." in spanish and "outdated-note" not in spanish


def test_an_inserted_block_stays_a_count_error_and_the_locator_names_it(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Un párrafo nuevo en medio.\n\nSegundo párrafo.")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1
    assert "content/posts/hola/index.en.md" in check.stderr and "translation has 2 blocks, original has 3" in check.stderr
    assert "Un párrafo nuevo en medio." in check.stderr
    refused = run_cli("translated", TRANSLATION, cwd=tmp_path)
    assert refused.returncode == 1 and "make them match before marking it translated" in refused.stderr


def test_blocks_the_original_gained_or_lost_since_the_record_are_named_from_it(tmp_path):
    """The record knows the blocks the translation followed: a paragraph added at the end is said to be
    new, not "merged" into the last by a guess from lengths; one removed is said to be gone."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo.\n\nUna coda breve.")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1
    assert ("content/posts/hola/index.en.md:8: translation has 2 blocks, original has 3; original block 3 "
            "(“Una coda breve.”) was added after this translation was recorded: translate it here as block 3 "
            "(`tertulia new translation hola --lang en --update` adds the original's new blocks marked `TODO "
            "translate`, shown in its language until translated)") in check.stderr.splitlines()
    edit(content, ESSAY, "Segundo párrafo.\n\nUna coda breve.", "Segundo párrafo.\n\nUno.\n\nDos.")
    assert "original blocks 3 to 4 (“Uno.”) were added" in run_cli("check", cwd=tmp_path).stderr
    edit(content, ESSAY, "\n\nSegundo párrafo.\n\nUno.\n\nDos.", "")
    removed = run_cli("check", cwd=tmp_path).stderr
    assert ("translation has 2 blocks, original has 1; the original's block 2 was removed after this translation "
            "was recorded: translation block 2 (“Second paragraph.”) follows nothing now (`tertulia new translation "
            "hola --lang en --update` takes out the translations of the blocks the original lost)") in removed
    assert "adds the original's new blocks" not in removed  # what --update does for this, not all it can do


def test_blocks_gained_in_one_place_and_changed_in_another_name_the_gained_one(tmp_path):
    """A translator's walk: changing block 1 and adding one at the end was said as two blocks merged."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo.\n\nUna coda breve.")
    edit(content, ESSAY, "Primer párrafo", "Primer párrafo cambiado")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "original block 3 (“Una coda breve.”) was added after this translation was recorded" in check
    assert "`tertulia new translation hola --lang en --update`" in check


def test_a_picture_added_to_an_original_is_named_by_its_description(tmp_path):
    """A block holding only an image was quoted as `“”` by check, status and --update (a new user, 2026-12)."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "![El café de la plaza](cafe.png)\n\nSegundo párrafo.")
    (content / "posts/hola/cafe.png").write_bytes(b"png")
    refused = run_cli("check", cwd=tmp_path)
    assert "original block 2 (“El café de la plaza”) was added" in refused.stderr, refused.stderr
    updated = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    assert "block 2 added (“El café de la plaza”)" in updated.stdout, updated.stdout
    edit(content, "posts/hola/index.en.md", "![TODO translate: El café de la plaza](cafe.png)",
         "![The café on the square](cafe.png)")
    assert "essay:    en translated ·" in run_cli("status", cwd=tmp_path).stdout  # as a new translation's, once done
    edit(content, ESSAY, "Segundo párrafo.", "![](fotos/mesa.png)\n\nSegundo párrafo.")  # no description
    (content / "posts/hola/fotos").mkdir()
    (content / "posts/hola/fotos/mesa.png").write_bytes(b"png")
    assert "original block 3 (“mesa.png”) was added" in run_cli("check", cwd=tmp_path).stderr


def test_update_puts_a_translation_in_line_with_the_blocks_its_original_gained_and_lost(tmp_path):
    """A writer adds a paragraph and the build stops until the translator writes it: `--update` puts the
    new block in, marked, so the site builds (the original's words shown there) and status names it."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Un párrafo nuevo en medio.\n\nSegundo párrafo.")
    translation = tmp_path / TRANSLATION
    before = translation.read_text()
    plain = run_cli("new", "translation", "hola", "--lang", "en", cwd=tmp_path)
    assert plain.returncode == 1 and "--update" in plain.stderr and translation.read_text() == before
    updated = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert "block 2 added (“Un párrafo nuevo en medio.”), marked `TODO translate`" in updated.stdout
    text = translation.read_text()
    assert text.startswith(before.split("\n\n", 1)[0])  # the front matter as it was
    assert text.index("First paragraph") < text.index("TODO translate: Un párrafo nuevo en medio.") < text.index(
        "Second paragraph.")
    built = run_cli("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "block 2 (of 3) still says `TODO translate`" in built.stderr
    status = run_cli("status", cwd=tmp_path).stdout
    # still to translate, the new block is unfinished, not also outdated (a new user, 2026-12: counted twice)
    assert "essay:    en unfinished (block 2) ·" in status and "outdated (0 blocks)" in status
    edit(content, "posts/hola/index.en.md", "TODO translate: Un párrafo nuevo en medio.", "A new paragraph in between.")
    # translated, the new block is current, as a new translation's blocks are once done: it was outdated until
    # `translated` was run, which nothing said (a new user, 2026-12)
    assert "essay:    en translated ·" in run_cli("status", cwd=tmp_path).stdout

    edit(content, ESSAY, "Un párrafo nuevo en medio.\n\nSegundo párrafo.", "Un párrafo nuevo en medio.")
    shrunk = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    assert shrunk.returncode == 0, shrunk.stderr
    assert "block 3 taken out: its original is gone. Its words were:\n    Second paragraph." in shrunk.stdout
    assert "Second paragraph" not in translation.read_text()
    assert run_cli("build", cwd=tmp_path).returncode == 0


# the front matter of a post's original and of its English translation, over the bodies a test writes
HEADS = ("---\ntitle: T\nauthor: A\n---\n\n", "---\ntitle: T\ntranslation_of: es\n---\n\n")


def recorded(tmp_path, original: str, translation: str):
    """A post `p` whose translation (en) is recorded as following its `original` (es): the content folder."""
    content = make_content(tmp_path, {"posts/p/index.es.md": original, "posts/p/index.en.md": translation})
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    return content


def update_after(tmp_path, original: str, translation: str, edited: str):
    """A post whose translation was marked against `original`, which is then `edited`: --update's outcome."""
    content = recorded(tmp_path, original, translation)
    (content / "posts/p/index.es.md").write_text(edited)
    return run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path), content / "posts/p/index.en.md"


def test_update_pairs_an_edited_paragraph_with_its_translation_and_takes_out_the_removed_one(tmp_path):
    """A red team: the writer removed paragraph 2 and changed a word of paragraph 3; the update kept
    paragraph 2's translation beside paragraph 3 and took out paragraph 3's, "its original gone"."""
    head, theirs = HEADS
    result, translation = update_after(
        tmp_path, head + "El río es ancho.\n\nEl puente es de 1890.\n\nEl molino muele trigo y maíz.\n\nFin.\n",
        theirs + "The river is wide.\n\nThe bridge is from 1890.\n\nThe mill grinds wheat and maize.\n\nEnd.\n",
        head + "El río es ancho.\n\nEl molino muele cebada y maíz.\n\nFin.\n")
    assert result.returncode == 0, result.stderr
    assert "block 2 taken out: its original is gone. Its words were:\n    The bridge is from 1890." in result.stdout
    assert translation.read_text().endswith("The river is wide.\n\nThe mill grinds wheat and maize.\n\nEnd.\n")
    status = run_cli("status", cwd=tmp_path).stdout
    assert "block 2 outdated" in status and "[-trigo-]{+cebada+}" in status


def test_update_joins_the_translations_of_two_paragraphs_the_original_joined(tmp_path):
    """A translator's walk: paragraphs 1 and 2 made one; --update took out 1's translation, "its original
    gone", though its words open the joined paragraph: the translator had to write them again."""
    head, theirs = HEADS
    result, translation = update_after(
        tmp_path, head + "El río es ancho y lento.\n\nEl puente es de 1890.\n\n## Fin\n\nAdiós.\n",
        theirs + "The river is wide and slow.\n\nThe bridge is from 1890.\n\n## End\n\nGoodbye.\n",
        head + "El río es ancho y lento. El puente es de 1890.\n\n## Fin\n\nAdiós.\n")
    assert result.returncode == 0, result.stderr
    assert "blocks 1 and 2 joined into block 1" in result.stdout and "taken out" not in result.stdout
    assert "moved back" not in result.stdout  # the blocks after it moved up by one: no swap to speak of
    assert translation.read_text().endswith(
        "The river is wide and slow.\nThe bridge is from 1890.\n\n## End\n\nGoodbye.\n")
    status = run_cli("status", cwd=tmp_path).stdout  # the joined block is the translator's to read again
    assert "en outdated (block 1)" in status
    # a heading is no paragraph to run on into: one joined with the paragraph after it is taken out
    result, translation = update_after(
        tmp_path / "h", head + "## Río\n\nEl río es ancho.\n\nFin.\n", theirs + "## River\n\nThe river is wide.\n\nEnd.\n",
        head + "Río. El río es ancho.\n\nFin.\n")
    assert "joined" not in result.stdout and "block 1 taken out" in result.stdout, result.stdout


def test_update_joins_three_paragraphs_made_one_and_never_a_deleted_one_into_an_unchanged_neighbour(tmp_path):
    """A review: a third paragraph of a merge was taken out, and a deleted "Nota breve." whose words the next,
    unchanged paragraph holds was joined to it and called translated."""
    head, theirs = HEADS
    result, translation = update_after(
        tmp_path, head + "Uno primero aquí.\n\nDos segundo aquí.\n\nTres tercero aquí.\n\nFin del texto.\n",
        theirs + "One first.\n\nTwo second.\n\nThree third.\n\nThe end.\n",
        head + "Uno primero aquí. Dos segundo aquí. Tres tercero aquí.\n\nFin del texto.\n")
    assert result.returncode == 0 and "taken out" not in result.stdout, result.stdout
    assert "blocks 1, 2 and 3 joined into block 1" in result.stdout, result.stdout
    assert translation.read_text().endswith("One first.\nTwo second.\nThree third.\n\nThe end.\n")
    result, translation = update_after(
        tmp_path / "note", head + "Nota breve.\n\nNota breve sobre el texto que sigue aquí.\n\nOtro.\n",
        theirs + "Short note.\n\nA short note on the text that follows.\n\nAnother.\n",
        head + "Nota breve sobre el texto que sigue aquí.\n\nOtro.\n")
    assert "block 1 taken out" in result.stdout and "joined" not in result.stdout, result.stdout
    assert translation.read_text().endswith("A short note on the text that follows.\n\nAnother.\n")


def test_update_keeps_a_chinese_paragraph_s_translation_through_an_edit_and_an_insertion(tmp_path):
    """A review: a Chinese paragraph compared as one word was "another paragraph" once edited, and its
    translation taken out when a paragraph was inserted in the same save."""
    head, theirs = HEADS
    result, translation = update_after(
        tmp_path, head + "他是一个很温柔的人，每天早上都去公园散步。\n\n第二段在这里。\n",
        theirs + "He is a gentle man who walks in the park every morning.\n\nThe second paragraph.\n",
        head + "新的一段。\n\n他是一个很温和的人，每天早上都去公园散步。\n\n第二段在这里。\n")
    assert result.returncode == 0 and "taken out" not in result.stdout, result.stdout
    assert "He is a gentle man" in translation.read_text()
    assert "outdated (block 2)" in run_cli("status", cwd=tmp_path).stdout


def test_a_block_moved_and_edited_stays_outdated_once_its_translation_is_moved_by_hand(tmp_path):
    """A translator's walk: the writer swapped two paragraphs and added a word to one; the translator swapped
    theirs and ran `translated --force`, as check said: the edit was recorded as translated, unseen. The
    record now sees the translator's move itself: the edit is outdated, and nothing is said to have moved."""
    head, theirs = HEADS
    content = make_content(tmp_path, {
        "posts/p/index.es.md": head + "Uno uno.\n\nEl segundo habla del puente.\n\nEl tercero habla del río.\n",
        "posts/p/index.en.md": theirs + "One.\n\nTwo.\n\nThree.\n"})
    translation = "content/posts/p/index.en.md"
    assert run_cli("translated", translation, cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(
        head + "Uno uno.\n\nEl tercero habla del río ancho.\n\nEl segundo habla del puente.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "One.\n\nThree.\n\nTwo.\n")  # moved by hand
    check = run_cli("check", cwd=tmp_path).stderr
    assert "block 2 is outdated" in check and "moved" not in check and "--force" not in check, check
    status = run_cli("status", cwd=tmp_path).stdout
    assert "en outdated (block 2)" in status and "{+río ancho.+}" in status and "moved" not in status, status
    # a block edited where it stands was shown beside its translation all along: recorded, as `translated` does
    assert run_cli("translated", translation, "--block", "2", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(
        head + "El tercero habla del río ancho.\n\nUno uno.\n\nEl segundo habla del puente, largo.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "Three.\n\nOne.\n\nTwo, long.\n")
    forced = run_cli("translated", translation, "--force", cwd=tmp_path)
    assert forced.returncode == 0 and "still outdated" not in forced.stdout, forced.stdout
    assert "en translated" in run_cli("status", cwd=tmp_path).stdout


def test_update_keeps_swapped_paragraphs_translations_with_them(tmp_path):
    head, theirs = HEADS
    result, translation = update_after(tmp_path, head + "Alfa.\n\nBeta.\n\nGamma.\n", theirs + "Alpha.\n\nBeta en.\n\nGamma en.\n",
                                       head + "Beta.\n\nAlfa.\n\nGamma.\n\nDelta.\n")
    assert result.returncode == 0 and "taken out" not in result.stdout, result.stdout + result.stderr
    assert translation.read_text().endswith("Beta en.\n\nAlpha.\n\nGamma en.\n\nTODO translate: Delta.\n")


def test_a_paragraph_removed_and_another_added_in_one_edit_is_said_and_put_in_line(tmp_path):
    """A new user: the original lost paragraph 2 and gained a last one in one edit. The counts agreed, so
    check and build passed with "outdated" alone, the page showed each translation beside the next
    paragraph, and --update said there was nothing to add or take out."""
    head, theirs = HEADS
    result, translation = update_after(
        tmp_path, head + "La casa era blanca.\n\nNa cozinha contaba historias.\n\nCuando se vendió, lloré.\n",
        theirs + "The house was white.\n\nIn the kitchen she told stories.\n\nWhen it was sold, I cried.\n",
        head + "La casa era blanca.\n\nCuando se vendió, lloré.\n\nTodavía sueño con el patio.\n")
    # what check said before the update: where and what, and the command that mends it
    assert result.returncode == 0, result.stderr
    assert ("block 2 taken out: its original is gone. Its words were:\n    In the kitchen she told stories."
            in result.stdout) and "block 3 added (“Todavía sueño con el patio.”)" in result.stdout
    assert translation.read_text().endswith("The house was white.\n\nWhen it was sold, I cried.\n\n"
                                            "TODO translate: Todavía sueño con el patio.\n")
    assert run_cli("build", cwd=tmp_path).returncode == 0


def test_check_says_a_translation_sits_beside_other_paragraphs_after_one_was_removed_and_one_added(tmp_path):
    head, theirs = HEADS
    content = make_content(tmp_path, {"posts/p/index.es.md": head + "Uno.\n\nDos.\n\nTres.\n",
                                      "posts/p/index.en.md": theirs + "One.\n\nTwo.\n\nThree.\n"})
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nTres.\n\nCuatro.\n")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0 and (
        "content/posts/p/index.en.md:8: warning: since this translation was recorded, the original lost its block 2 "
        "and gained block 3: unless you have moved its blocks to match since, this translation's blocks 2, 3 stand "
        "beside other paragraphs than the ones they translate; `tertulia new translation p --lang en --update` moves "
        "them beside theirs; if you have moved them yourself, `tertulia translated --force content/posts/p/index.en.md` "
        "records them as they are") in check.stderr, check.stderr
    assert ("content/posts/p/index.en.md:8: since this translation was recorded, the original lost its block 2"
            in run_cli("status", cwd=tmp_path).stdout)  # where a translator looks, beside the outdated blocks
    # two swapped: each translation beside the other's paragraph, said so too (and --update swaps them back)
    (content / "posts/p/index.es.md").write_text(head + "Dos.\n\nUno.\n\nTres.\n")
    assert ("content/posts/p/index.en.md:6: warning: since this translation was recorded, the original's blocks moved "
            "(block 1 was block 2, block 2 was block 1): unless you have moved its blocks to match since, this "
            "translation's blocks 1, 2 stand beside other paragraphs") in run_cli("check", cwd=tmp_path).stderr
    # and status says where each went, not a diff of two paragraphs that were never one (a translator's walk)
    status = run_cli("status", cwd=tmp_path).stdout
    assert ("content/posts/p/index.en.md:6: block 1 outdated; its original, unchanged, is now block 2 (see the moved "
            "blocks)") in status and "changed: [-Uno" not in status, status
    # an outdated block's way to be recorded waits on the blocks put back: `translated --block 3`, as it
    # was offered, is refused while they stand beside others (a translator's red team)
    (content / "posts/p/index.es.md").write_text(head + "Dos.\n\nUno.\n\nTres y más.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert ("block 3 is outdated: its original (“Tres y más.”) changed after it was translated; `tertulia status` says "
            "what changed, and once the translation's block follows it again and its blocks stand beside their "
            "originals again (see the warning on moved blocks), `tertulia translated content/posts/p/index.en.md "
            "--block 3` records that") in check, check
    assert run_cli("translated", "content/posts/p/index.en.md", "--block", "3", cwd=tmp_path).returncode == 1
    (content / "posts/p/index.es.md").write_text(head + "Dos.\n\nUno.\n\nTres.\n")
    updated = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert (content / "posts/p/index.en.md").read_text().endswith("Two.\n\nOne.\n\nThree.\n")
    assert "outdated" not in run_cli("check", cwd=tmp_path).stderr
    # the same words standing elsewhere already (a second "Fin.") are no move: the edit is shown (a red team's)
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nFin.\n\nTres.\n\nFin.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "One.\n\nEnd.\n\nThree.\n\nEnd.\n")
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nFin del uno.\n\nTres.\n\nFin.\n")
    status = run_cli("status", cwd=tmp_path).stdout
    assert "block 2 outdated; the original now begins “Fin del uno.”; changed: [-Fin.-]{+Fin del uno.+}" in status, status


def test_update_refuses_blocks_whose_start_it_cannot_be_sure_of(tmp_path):
    """A red team: a code fence right under a paragraph made the cut at the blocks' first lines wrong; the
    update took out the wrong paragraph and the record called the mismatched pair current."""
    head, theirs = HEADS
    code = "```\ncmd\n```\n\n"
    translation_text = theirs + "Run this:\n" + code + "Third.\n\n    a\n\n    b\n\nLast.\n"
    result, translation = update_after(tmp_path, head + "Ejecuta:\n" + code + "Tercero.\n\n    a\n\n    b\n\nÚltimo.\n",
                                       translation_text, head + "Ejecuta:\n\nTercero.\n\n    a\n\n    b\n\nÚltimo.\n")
    assert result.returncode == 1 and "add or remove the blocks by hand" in result.stderr
    assert translation.read_text() == translation_text


def test_update_refuses_what_the_record_cannot_tell(tmp_path):
    content = site_with_record(tmp_path)
    same = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    # nothing to do is no error: exit 1 is the contract's for content errors (a translator's red team)
    assert same.returncode == 0 and same.stdout.startswith("nothing to update: ") and same.stderr == ""
    assert "nothing to add or take out" in same.stdout
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo.\n\nOtro.")
    (tmp_path / TRANSLATION).write_text((tmp_path / TRANSLATION).read_text() + "\nOne more, by hand.\n\nAnd another.\n")
    before = (tmp_path / TRANSLATION).read_text()
    unknown = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    assert unknown.returncode == 1 and "add or remove the blocks by hand" in unknown.stderr
    assert (tmp_path / TRANSLATION).read_text() == before


def test_marking_asks_for_a_translation_and_a_block_that_exists(tmp_path):
    site_with_record(tmp_path)
    assert run_cli("translated", "content/posts/hola/index.es.md", cwd=tmp_path).returncode == 2
    assert run_cli("translated", TRANSLATION, "--block", "3", cwd=tmp_path).returncode == 2
    assert run_cli("translated", "elsewhere.md", cwd=tmp_path).returncode == 2
    typo = run_cli("translated", "content/posts/hola/index.ro.md", cwd=tmp_path)
    assert typo.returncode == 2 and typo.stderr.strip().endswith("content/posts/hola/index.ro.md: no such file")
    folder = run_cli("translated", "content/posts/hola/", cwd=tmp_path)  # "no such file" of a folder that is there
    assert folder.returncode == 2 and folder.stderr.strip().endswith(
        "content/posts/hola: a folder; name the translation's file in it (index.en.md)")
    # an original that says it translates its own language: a record of it following itself hid, once
    # the file was put right, that its blocks had changed
    original = tmp_path / "content/posts/hola/index.es.md"
    original.write_text(original.read_text().replace("---\n", "---\ntranslation_of: es\n", 1))
    itself = run_cli("translated", "content/posts/hola/index.es.md", cwd=tmp_path)
    assert itself.returncode == 2 and itself.stderr.strip().endswith(
        "index.es.md: its translation_of names its own language; name the original's"), itself.stderr
    assert "posts/hola/index.es.md" not in json.loads((tmp_path / "content/translations.json").read_text())["translations"]


def test_new_translation_with_comments_starts_every_missing_one_and_records_it(tmp_path):
    content = make_content(tmp_path, {
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n\nDos.\n",
        "posts/hola/comments/c2.en.md": "---\nauthor: C\n---\n\nIn English.\n",
        "posts/hola/comments/c3.es.md": "---\nauthor: D\nstatus: spam\n---\n\nSpam.\n",
        "posts/hola/comments/c4.es.md": "---\nauthor: E\nstatus: pending\n---\n\nSin revisar.\n"})
    result = run_cli("new", "translation", "hola", "--lang", "ro", "--comments", cwd=tmp_path)
    assert result.returncode == 0
    comments = content / "posts/hola/comments"
    # spam is never translated, a pending comment not before someone has published it (a writer's walk)
    assert sorted(p.name for p in comments.iterdir()) == [
        "c1.es.md", "c1.ro.md", "c2.en.md", "c2.ro.md", "c3.es.md", "c4.es.md"]
    assert "left for later: 1 pending comment, to translate once published" in result.stdout
    assert (comments / "c1.ro.md").read_text().count("TODO translate: ") == 2
    assert (content / "posts/hola/index.ro.md").is_file()
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0 and "still say `TODO translate`" in check.stderr
    edit(content, "posts/hola/comments/c1.es.md", "Dos.", "Dos y tres.")
    assert "c1.ro.md:8: block 2 outdated" not in run_cli("status", cwd=tmp_path).stdout  # still to translate
    edit(content, "posts/hola/comments/c1.ro.md", "TODO translate: Dos.", "Doi.")
    assert "content/posts/hola/comments/c1.ro.md:8: block 2 outdated" in run_cli("status", cwd=tmp_path).stdout
    again = run_cli("new", "translation", "hola", "--lang", "ro", "--comments", cwd=tmp_path)
    assert again.returncode == 0 and "nothing to start" in again.stdout


def test_update_with_comments_puts_every_comment_translation_in_line_with_its_original(tmp_path):
    """A moderator who splits a published comment in two stopped every build on its translation's block
    count, and `--update` took no comment: the translator had to move the blocks by hand."""
    content = site_with_record(tmp_path)
    comments = content / "posts/hola/comments"
    (comments / "c2.es.md").write_text("---\nauthor: C\n---\n\nDos.\n")
    (comments / "c2.en.md").write_text("---\ntranslation_of: es\n---\n\nTwo.\n")
    assert run_cli("translated", "content/posts/hola/comments/c2.en.md", cwd=tmp_path).returncode == 0
    edit(content, "posts/hola/comments/c1.es.md", "Un comentario.", "Un comentario.\n\nY otra idea, <b>aparte</b>.")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1
    advice = "`tertulia new translation hola --lang en --comments --update`"
    assert "content/posts/hola/comments/c1.en.md:5: translation has 1 block, original has 2" in check.stderr
    assert advice in check.stderr
    updated = run_cli("new", "translation", "hola", "--lang", "en", "--comments", "--update", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert updated.stdout.startswith("updated content/posts/hola/comments/c1.en.md: now 2 blocks, as its original")
    assert "block 2 added (“Y otra idea, aparte.”), marked `TODO translate`" in updated.stdout
    assert "c2.en.md" not in updated.stdout + updated.stderr  # as many blocks as its original: nothing to do
    text = (comments / "c1.en.md").read_text()
    assert text.index("A comment.") < text.index("TODO translate: Y otra idea, <b>aparte</b>.")
    assert run_cli("build", cwd=tmp_path).returncode == 0
    again = run_cli("new", "translation", "hola", "--lang", "en", "--comments", "--update", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.startswith("nothing to update: no `en` comment translation")


def test_pages_are_in_the_status_report_and_their_translations_can_be_marked(tmp_path):
    about_site(tmp_path, {"pages/contact/index.en.md": "---\ntitle: Contact\n---\n\nWrite to us.\n"})
    marked = run_cli("translated", "content/pages/about/index.en.md", cwd=tmp_path)
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout == "recorded: content/pages/about/index.en.md follows content/pages/about/index.es.md (all 2 blocks)\n"
    edit(tmp_path / "content", "pages/about/index.es.md", "Somos dos.", "Somos tres.")
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[lines.index("about (page, original in es)") + 1] == "  page:     en outdated (block 1) · ro missing"
    assert lines[lines.index("contact (page, original in en)") + 1] == "  page:     es missing · ro missing"
    assert ("content/pages/about/index.en.md:6: block 1 outdated; the original now begins “Somos tres.”; "
            "changed: Somos [-dos.-]{+tres.+}") in lines
    assert lines[-1] == "1 essay, 2 pages, 0 comments: 1 translation current (1 untracked), 1 outdated (1 block), 4 missing"


def test_a_half_done_translation_is_unfinished_in_status_check_and_marking(tmp_path):
    """A translator who left the starter's marker in two blocks is told which, wherever they look."""
    make_content(tmp_path, {
        "posts/hola/index.ro.md": "---\ntitle: Salut\ntranslation_of: es\n---\n\nPrimul paragraf.\n\n"
                                  "TODO translate: Segundo párrafo.\n",
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n\nDos.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nTODO translate: Uno.\n\nTwo.\n"})
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[lines.index("hola (original in es)") + 1] == "  essay:    en translated · ro unfinished (block 2)"
    assert "en 0 translated, 1 unfinished (comment c1)" in lines[lines.index("hola (original in es)") + 2]
    assert lines[-1].endswith(", 2 unfinished")
    # where to look, as outdated blocks are named: the file and the line the first such block starts on
    assert "content/posts/hola/index.ro.md:8: block 2 still says `TODO translate`" in lines
    assert "content/posts/hola/comments/c1.en.md:5: block 1 still says `TODO translate`" in lines
    check = run_cli("check", cwd=tmp_path)
    assert ("content/posts/hola/index.ro.md:8: warning: block 2 (of 2) still says `TODO translate`: "
            "shown in the original's language until translated") in check.stderr.splitlines()
    assert ("content/posts/hola/comments/c1.en.md:5: warning: block 1 (of 2) still says `TODO translate`: "
            "shown in the original's language until translated") in check.stderr.splitlines()
    marked = run_cli("translated", "content/posts/hola/index.ro.md", cwd=tmp_path)
    assert marked.stdout.strip().endswith("(all 2 blocks); block 2 still says `TODO translate`")


def test_a_translation_unfinished_and_outdated_is_said_once_in_the_counts(tmp_path):
    """A translator's red team: "5 current, 2 outdated, 2 missing, 2 unfinished" over 10 translations, one
    of them counted in two states with nothing saying so; and the About page's counted, unnamed."""
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/index.en.md", "Second paragraph.", "TODO translate: Segundo párrafo.")
    edit(content, ESSAY, "Primer párrafo.", "Primer párrafo, corregido.")
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert lines[lines.index("hola (original in es)") + 1] == "  essay:    en unfinished (block 2), outdated (block 1) · ro missing"
    assert lines[-1] == ("1 essay, 1 comment: 1 translation current, 1 outdated (1 block), 1 missing, "
                         "1 unfinished (1 of them outdated too)")


def test_an_essay_its_writer_keeps_in_one_language_is_missing_nowhere(tmp_path):
    """A translator's red team: an essay never meant to be translated was "en missing · ro missing" in every
    `status`, counted missing, with a hint to start them, and no key could say otherwise."""
    content = make_content(tmp_path, {"posts/solo/index.es.md": "---\ntitle: Solo\nauthor: Ana\ntranslate: false\n---\n\nUno.\n"})
    status = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert status[status.index("solo (original in es)") + 1] == (
        "  essay:    en not to translate (translate: false) · ro not to translate (translate: false)")
    assert status[-1].endswith("1 missing")  # hola's ro alone
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0 and "posts/solo" not in check.stderr  # no "has no `en` translation (main_language)"
    # nor of its comments: no page shows the thread in another language (a second review)
    (content / "posts/solo/comments").mkdir()
    (content / "posts/solo/comments/c1.es.md").write_text("---\nauthor: B\n---\n\nUn comentario.\n")
    assert "posts/solo" not in run_cli("check", cwd=tmp_path).stderr
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    page = (tmp_path / "out/posts/solo/index.html").read_text()
    assert "Not yet translated" not in page and "Uno." in page
    # a word that is no flag is an error; translations beside the key, a warning (they are shown all the same)
    (content / "posts/solo/index.es.md").write_text("---\ntitle: Solo\nauthor: Ana\ntranslate: no thanks\n---\n\nUno.\n")
    assert ("content/posts/solo/index.es.md:4: `translate` must be true or false, not `no thanks`"
            in run_cli("check", cwd=tmp_path).stderr)
    (content / "posts/solo/index.es.md").write_text("---\ntitle: Solo\nauthor: Ana\ntranslate: false\n---\n\nUno.\n")
    (content / "posts/solo/index.en.md").write_text("---\ntitle: Alone\ntranslation_of: es\n---\n\nOne.\n")
    assert ("content/posts/solo/index.es.md:4: warning: `translate: false`, yet it has translations: take the key "
            "out, or them") in run_cli("check", cwd=tmp_path).stderr


def test_an_unfinished_title_and_summary_are_named_in_status(tmp_path):
    """The starter marks the title too: status names it with the blocks, at the title's line."""
    make_content(tmp_path, {
        "posts/hola/index.ro.md": "---\ntranslation_of: es\ntitle: \"TODO translate: Hola\"\n"
                                  "summary: \"TODO translate: Un saludo\"\n---\n\nTODO translate: Hola.\n\nDoi.\n"})
    status = run_cli("status", cwd=tmp_path)
    lines = status.stdout.splitlines()
    assert "ro unfinished (title, summary, block 1)" in lines[lines.index("hola (original in es)") + 1]
    assert "content/posts/hola/index.ro.md:3: the title, the summary and block 1 still say `TODO translate`" in lines
    assert lines[-1].endswith(", 1 unfinished")


def test_a_retitled_original_makes_its_translations_title_outdated_until_marked(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, ESSAY, 'title: "Hola"', 'title: "Hola, mundo"')
    status = run_cli("status", cwd=tmp_path)
    assert "  essay:    en outdated (title) · ro missing" in status.stdout
    # the last line counts the title: "1 outdated (0 blocks)" read as nothing to do (a new user, 2026-12)
    assert status.stdout.splitlines()[-1].endswith("1 outdated (0 blocks, 1 title), 1 missing")
    assert (f"{TRANSLATION}:2: title outdated; the original's is now “Hola, mundo”; "
            "changed: [-Hola-]{+Hola, mundo+}") in status.stdout
    check = run_cli("check", cwd=tmp_path)
    assert (f"{TRANSLATION}:2: warning: the title is outdated: its original's title changed from “Hola” to "
            f"“Hola, mundo” after it was translated") in check.stderr
    # the reader is told too, under the title, where the translation shows its title
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    # both pages speak English: the side-by-side one in the site's main language, the other in its own
    # side by side in the translation's column (it stood under the original's), hidden with that column
    note = 'lang="en">The title of the original changed after it was translated.</p>'
    for page, before in (("posts/hola/index.html", '<div class="title-note"><p class="outdated-note translation" '),
                         ("en/posts/hola/index.html", '<p class="outdated-note" ')):
        html = (tmp_path / "out" / page).read_text()
        assert html.count(before + note) == 1, page
        assert html.index("</h1>") < html.index("outdated-note") < html.index('id="p1"')
    assert "outdated-note" not in (tmp_path / "out/es/posts/hola/index.html").read_text()
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo, corregido.")
    assert "en outdated (title, block 2)" in run_cli("status", cwd=tmp_path).stdout
    # marking one block leaves the title as it was; marking the whole translation marks the title too
    run_cli("translated", TRANSLATION, "--block", "2", cwd=tmp_path)
    assert "en outdated (title)" in run_cli("status", cwd=tmp_path).stdout
    assert run_cli("translated", TRANSLATION, cwd=tmp_path).returncode == 0
    after = run_cli("status", cwd=tmp_path)
    assert "en translated" in after.stdout and "outdated (" not in after.stdout.replace("0 outdated (", "")
    assert "title" not in run_cli("check", cwd=tmp_path).stderr
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    assert "outdated-note" not in (tmp_path / "out/posts/hola/index.html").read_text()


def test_a_retitled_original_is_said_beside_a_block_count_error_and_with_a_template_that_fails(tmp_path):
    """The title is no block: it is outdated whether or not the blocks align, and a failed run says it."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, 'title: "Hola"', 'title: "Hola, mundo"')
    edit(content, TRANSLATION[len("content/"):], "Second paragraph.", "Second paragraph.\n\nThird.\n\nFourth.")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1 and "translation blocks 3 and 4" in check.stderr
    assert f"{TRANSLATION}:2: warning: the title is outdated" in check.stderr
    edit(content, TRANSLATION[len("content/"):], "Second paragraph.\n\nThird.\n\nFourth.", "Second paragraph.")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/base.html").write_text(
        '{% extends "default/base.html" %}\n{% block head %}{{ no_such_function() }}{% endblock %}\n')
    for command in (["check"], ["build", "--output", "out"]):
        failed = run_cli(*command, cwd=tmp_path)
        assert failed.returncode == 1 and "templates/base.html:2:" in failed.stderr
        assert f"{TRANSLATION}:2: warning: the title is outdated" in failed.stderr, command


def test_comments_are_not_missing_in_a_language_the_essay_itself_is_not_in(tmp_path):
    """With no Romanian essay there is no Romanian page to show the thread on: the essay is what is
    missing in Romanian, and a translator is not sent to translate its comments first."""
    make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUn comentario.\n"})
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    at = lines.index("hola (original in es)")
    assert lines[at + 1] == "  essay:    en translated · ro missing"
    assert lines[at + 2] == "  comments (1): en 0 translated, 1 missing (comment c1)"
    assert lines[-1] == "1 essay, 1 comment: 1 translation current (1 untracked), 0 outdated (0 blocks), 2 missing"


def test_a_translation_written_by_hand_is_said_to_be_untracked_until_translated_records_it(tmp_path):
    """A hand-written translation was "translated" for ever: its original changed and nothing said so."""
    content = make_content(tmp_path, {})
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo, corregido.")
    before = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert "  essay:    en translated · ro missing" in before  # all it can say without a record
    assert before[-2] == ("untracked (no record of the original they follow, so a change to it goes unnamed): "
                          f"{TRANSLATION}; once one follows its original, `tertulia translated PATH [PATH ...]` records that "
                          "(`tertulia new translation` records what it starts)")
    assert run_cli("translated", TRANSLATION, cwd=tmp_path).returncode == 0
    after = run_cli("status", cwd=tmp_path).stdout
    assert "untracked" not in after and "en translated · ro missing" in after


def test_a_translation_recorded_against_another_original_is_untracked_not_current(tmp_path):
    """A record naming some other file as the original (a hand edit, a merge) kept the translation
    "translated" for ever: no change to its real original was ever named."""
    content = site_with_record(tmp_path)
    record = content / "translations.json"
    record.write_text(record.read_text().replace('"original": "posts/hola/index.es.md"',
                                                 '"original": "posts/otro/index.es.md"', 1))
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo, corregido.")
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert lines[-2].startswith("untracked (no record of the original they follow, so a change to it goes unnamed): "
                                f"{TRANSLATION}; "), lines
    assert run_cli("translated", TRANSLATION, cwd=tmp_path).returncode == 0
    assert "untracked" not in run_cli("status", cwd=tmp_path).stdout


def test_a_comment_translated_by_hand_is_untracked_too_and_one_command_records_a_thread(tmp_path):
    """A comment's translation written by hand was "translated" for ever, unlike an essay's: the one a
    translator most often writes by hand. `translated` takes a thread's files at once, and says which
    it could not record without giving up the others."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n",
                                      "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nOne.\n",
                                      "posts/hola/comments/c2.es.md": "---\nauthor: C\n---\n\nDos.\n",
                                      "posts/hola/comments/c2.en.md": "---\ntranslation_of: es\n---\n\nTwo.\n"})
    comments = "content/posts/hola/comments"
    before = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert before[-2].startswith(f"untracked (no record of the original they follow, so a change to it goes unnamed): "
                                 f"{comments}/c1.en.md, {comments}/c2.en.md, {TRANSLATION}; ")
    # the summary says how much of "current" rests on no record (a maintainer's walk: "5 translations current"
    # stood under a hint naming the same five as untracked)
    assert before[-1].startswith("1 essay, 2 comments: 3 translations current (3 untracked), 0 outdated"), before[-1]
    marked = run_cli("translated", f"{comments}/c1.en.md", f"{comments}/c1.es.md", f"{comments}/c2.en.md",
                     cwd=tmp_path)
    # an original among them is passed by: `comments/*.md` of a thread written in both languages names
    # originals of each (a new user's walk: it exited 2, "3 of 6 translations not recorded")
    assert marked.returncode == 0, marked.stderr
    assert "3 translations current (1 untracked), " in run_cli("status", cwd=tmp_path).stdout.splitlines()[-1]
    assert [line.split(" follows ")[0] for line in marked.stdout.splitlines()] == [
        f"recorded: {comments}/c1.en.md", f"{comments}/c1.es.md: an original, not a translation: nothing to record",
        f"recorded: {comments}/c2.en.md"]
    alone = run_cli("translated", f"{comments}/c1.es.md", cwd=tmp_path)
    assert alone.returncode == 2 and "not a translation (a translation says `translation_of`)" in alone.stderr
    after = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert after[-2].startswith(f"untracked (no record of the original they follow, so a change to it goes unnamed): "
                                f"{TRANSLATION}; ")
    edit(content, "posts/hola/comments/c2.es.md", "Dos.", "Dos y tres.")
    assert f"{comments}/c2.en.md:5: block 1 outdated" in run_cli("status", cwd=tmp_path).stdout
    refused = run_cli("translated", f"{comments}/c1.en.md", f"{comments}/c2.en.md", "--block", "1", cwd=tmp_path)
    assert refused.returncode == 2 and "give one path with it" in refused.stderr


def test_a_renamed_post_s_record_is_named_by_status_and_dropped_by_the_next_translated(tmp_path):
    """A post folder renamed left its translations' entries in the record for ever, and nothing said so."""
    content = site_with_record(tmp_path)
    (content / "posts/hola").rename(content / "posts/saludo")
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert lines[-2] == ("the translation record still names content/posts/hola/comments/c1.en.md, "
                         "content/posts/hola/index.en.md, no longer there (a post deleted or its folder renamed: a "
                         "renamed post's original then lists its old address in `aliases`, e.g. `aliases: "
                         "[/posts/hola/]`, so that its old links still lead to it and the record follows it); "
                         "the next `tertulia translated`, of any translation, drops them")
    assert "content/posts/saludo/index.en.md" in lines[-3]  # untracked now, as the line above explains
    marked = run_cli("translated", "content/posts/saludo/index.en.md", cwd=tmp_path)
    assert marked.stdout.strip().endswith("; dropped the record of content/posts/hola/comments/c1.en.md, "
                                          "content/posts/hola/index.en.md, no longer there")
    record = (content / "translations.json").read_text()
    assert "posts/hola/" not in record and "posts/saludo/index.en.md" in record
    assert "no longer there" not in run_cli("status", cwd=tmp_path).stdout


def test_a_post_renamed_with_its_old_address_as_an_alias_keeps_its_translations_tracked(tmp_path):
    """The alias says which post the old folder was: its translations are the ones marked, so an original
    edited after the rename is still named outdated, and the next `translated` keeps the entries."""
    content = site_with_record(tmp_path)
    (content / "posts/hola").rename(content / "posts/saludo")
    edit(content, "posts/saludo/index.es.md", "author: Ana\n", "author: Ana\naliases: [/posts/hola/]\n")
    edit(content, "posts/saludo/index.es.md", "Segundo párrafo.", "Segundo párrafo, más largo.")
    edit(content, "posts/saludo/comments/c1.es.md", "Un comentario.", "Un comentario corregido.")
    status = run_cli("status", cwd=tmp_path).stdout
    assert "content/posts/saludo/index.en.md:" in status and "block 2 outdated" in status
    assert "content/posts/saludo/comments/c1.en.md:5: block 1 outdated" in status
    assert "untracked" not in status and "no longer there" not in status
    marked = run_cli("translated", "content/posts/saludo/comments/c1.en.md", cwd=tmp_path)
    assert marked.returncode == 0 and "dropped" not in marked.stdout
    record = json.loads((content / "translations.json").read_text())["translations"]
    assert sorted(record) == ["posts/saludo/comments/c1.en.md", "posts/saludo/index.en.md"]
    assert record["posts/saludo/index.en.md"]["original"] == "posts/saludo/index.es.md"
    assert "block 2 outdated" in run_cli("status", cwd=tmp_path).stdout  # the essay's entry as it was marked


def test_the_record_follows_a_rename_past_a_leftover_folder_a_hidden_copy_and_an_encoded_alias(tmp_path):
    """The old folder kept for its `.DS_Store`, a hidden backup of the new one claiming the same alias, and
    the alias percent-encoded: the renamed post is still the one the record's entries are read under."""
    content = site_with_record(tmp_path)
    (content / "posts/hola").rename(content / "posts/saludo")
    (content / "posts/hola").mkdir()
    (content / "posts/hola/.DS_Store").write_bytes(b"\0")
    edit(content, "posts/saludo/index.es.md", "author: Ana\n", 'author: Ana\naliases: ["/posts/%68ola/"]\n')
    shutil.copytree(content / "posts/saludo", content / "posts/.bak-saludo")
    edit(content, "posts/saludo/index.es.md", "Segundo párrafo.", "Segundo párrafo, más largo.")
    built = run_cli("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "content/posts/saludo/index.en.md:8: warning: block 2 is outdated" in built.stderr
    (content / "posts/.bak-saludo").rename(content / "posts/copia")  # now two posts claim the old address
    from tertulia.reading.translations import load_record
    record, _ = load_record(content)  # neither is taken for the old post: the build names the clash
    assert sorted(record) == ["content/posts/hola/comments/c1.en.md", "content/posts/hola/index.en.md"]


def test_an_outdated_block_is_quoted_as_a_reader_sees_it_not_as_the_record_keeps_its_words(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "Segundo párrafo.", "Segundo [párrafo](https://example.org/), corregido.")
    status = run_cli("status", cwd=tmp_path)
    assert "the original now begins “Segundo párrafo, corregido.”" in status.stdout, status.stdout
    check = run_cli("check", cwd=tmp_path)
    assert "its original (“Segundo párrafo, corregido.”) changed" in check.stderr, check.stderr


def test_a_record_naming_a_folder_no_file_system_could_hold_is_read_without_failing(tmp_path):
    content = site_with_record(tmp_path)
    record = json.loads((content / "translations.json").read_text())
    long = "posts/" + "a" * 300 + "/index.en.md"  # a name too long for any disk: edited by hand
    record["translations"][long] = {"original": "posts/" + "a" * 300 + "/index.es.md", "blocks": ["x"]}
    (content / "translations.json").write_text(json.dumps(record))
    built = run_cli("build", cwd=tmp_path)
    assert built.returncode == 0 and "Traceback" not in built.stderr, built.stderr


def test_a_translation_with_a_count_error_is_said_and_the_rest_still_reported(tmp_path):
    """A writer added a paragraph to an original: status printed that one error and nothing else, so a
    translator saw none of the other translations' states. Now the error comes first, the report
    follows with that translation said to have errors (counted neither current nor missing), and the
    exit status still tells a script that the content has errors; build and check still refuse."""
    content = site_with_record(tmp_path)
    (content / "posts/adios").mkdir()
    (content / "posts/adios/index.es.md").write_text("---\ntitle: Adiós\nauthor: Ana\n---\n\nUno.\n")
    (content / "posts/adios/index.en.md").write_text("---\ntitle: Goodbye\ntranslation_of: es\nzzz: 1\n---\n\nOne.\n")
    edit(content, ESSAY, "Segundo párrafo.", "Segundo párrafo.\n\nUna coda breve.")
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 1
    said = status.stderr.splitlines()
    assert said[0].startswith(f"{TRANSLATION}:8: translation has 2 blocks, original has 3; original block 3")
    assert len(said) == 1  # check's warnings are not said again over the report, which says the rest
    assert status.stdout.splitlines()[0] == "1 content error"  # the count, before the report
    lines = status.stdout.splitlines()
    assert lines[lines.index("hola (original in es)") + 1:][:2] == [
        "  essay:    en has errors (see above) · ro missing", "  comments (1): en 1 translated"]
    assert lines[lines.index("adios (original in es)") + 1] == "  essay:    en translated · ro missing"
    assert lines[-1] == "2 essays, 1 comment: 2 translations current (1 untracked), 0 outdated (0 blocks), 2 missing, 1 with errors"
    assert run_cli("check", cwd=tmp_path).returncode == 1
    built = run_cli("build", "--output", "out", cwd=tmp_path)
    assert built.returncode == 1 and built.stdout.endswith("1 content error; nothing was written\n")
    assert not (tmp_path / "out").exists()


def test_status_reports_past_other_content_errors_naming_where_each_is(tmp_path):
    """A bad date in an original, a translation whose YAML does not parse, a comment's translation a
    block short, and an essay whose only original does not parse: each is said above, and where the
    report would give a state it says the file has errors; the essay that could not be read is named."""
    make_content(tmp_path, {
        "posts/hola/index.ro.md": "---\ntitle: \"Salut\ntranslation_of: es\n---\n\nUnu.\n\nDoi.\n",
        "posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nUno.\n\nDos.\n",
        "posts/hola/comments/c1.en.md": "---\ntranslation_of: es\n---\n\nOne.\n",
        "posts/roto/index.es.md": "---\ntitle: \"Roto\n---\n\nUno.\n",
        "posts/roto/index.en.md": "---\ntitle: Broken\ntranslation_of: es\n---\n\nOne.\n",
        "posts/fecha/index.es.md": "---\ntitle: Fecha\nauthor: Ana\ndate: 2026-13-01\n---\n\nUno.\n",
        "posts/fecha/index.en.md": "---\ntitle: Date\ntranslation_of: es\n---\n\nOne.\n"})
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 1
    errors = status.stderr.splitlines()
    assert len(errors) == 4 and status.stdout.splitlines()[0] == "4 content errors", status.stderr
    for where in ("content/posts/fecha/index.es.md:4: date", "content/posts/hola/comments/c1.en.md:",
                  "content/posts/hola/index.ro.md:2: YAML", "content/posts/roto/index.es.md:2: YAML"):
        assert any(line.startswith(where) for line in errors), where
    lines = status.stdout.splitlines()
    assert lines[lines.index("fecha (original in es; it has errors, see above)") + 1] == \
        "  essay:    en translated · ro missing"
    assert lines[lines.index("hola (original in es)") + 1:][:2] == [
        "  essay:    en translated · ro has errors (see above)",
        "  comments (1): en 0 translated, 1 with errors (comment c1; see above)"]
    assert "roto (left out: it has errors, see above)" in lines
    assert lines[-1] == "2 essays, 1 comment: 2 translations current (2 untracked), 0 outdated (0 blocks), 1 missing, 2 with errors"


def test_a_block_still_to_translate_is_not_recorded_as_following_the_original_as_it_is_now(tmp_path):
    """`translated` on the whole file (the only way to record a changed title) recorded a block still marked
    `TODO translate` as following the original's new words, though its starter held the old ones: translated
    from them, it was called current, and the page paired it with a paragraph it does not say."""
    content = make_content(tmp_path)
    (content / "posts/hola/index.en.md").unlink()
    started = run_cli("new", "translation", "hola", "--lang", "en", "--content", "content", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    edit(content, "posts/hola/index.es.md", "Primer párrafo.", "Un primer párrafo, otro.")
    recorded = run_cli("translated", TRANSLATION, cwd=tmp_path)
    assert recorded.returncode == 0 and "still say `TODO translate`" in recorded.stdout
    translation = content / "posts/hola/index.en.md"
    text = translation.read_text()
    first = next(line for line in text.splitlines() if "Primer párrafo." in line)  # the starter's old words
    translation.write_text(text.replace(first, "First paragraph."))
    report = run_cli("status", cwd=tmp_path).stdout
    assert "outdated (block 1)" in report.splitlines()[1], report


def test_blocks_named_one_by_one_are_each_recorded(tmp_path):
    """`--block 1 --block 2` recorded block 2 alone, said so, and left block 1 outdated without a word."""
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/index.es.md", "Primer párrafo.", "Primer párrafo, cambiado.")
    edit(content, "posts/hola/index.es.md", "Segundo párrafo.", "Segundo párrafo, cambiado.")
    assert "outdated (blocks 1, 2)" in run_cli("status", cwd=tmp_path).stdout
    result = run_cli("translated", TRANSLATION, "--block", "1", "--block", "2", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"recorded: {TRANSLATION} follows content/posts/hola/index.es.md (block 1 of 2)",
                                          f"recorded: {TRANSLATION} follows content/posts/hola/index.es.md (block 2 of 2)"]
    assert "block 2 outdated" not in run_cli("status", cwd=tmp_path).stdout.splitlines()[1]


def test_a_translation_in_a_language_site_yml_lacks_is_not_recorded(tmp_path):
    """No build reads it; `translated` recorded it all the same, and said it had."""
    content = site_with_record(tmp_path)
    (content / "posts/hola/index.fr.md").write_text("---\ntitle: Salut\ntranslation_of: es\n---\n\nUn.\n\nDeux.\n")
    result = run_cli("translated", "content/posts/hola/index.fr.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "content/posts/hola/index.fr.md: `fr` is not in site.yml languages (en, es, ro)"


def test_a_title_still_to_translate_is_not_recorded_as_following_the_new_one(tmp_path):
    """As a block still to translate: the title's starter holds the original's old title, so once translated
    from it the translation's title must read as outdated if the original's changed."""
    content = make_content(tmp_path)
    (content / "posts/hola/index.en.md").unlink()
    assert run_cli("new", "translation", "hola", "--lang", "en", "--content", "content", cwd=tmp_path).returncode == 0
    edit(content, "posts/hola/index.es.md", 'title: "Hola"', 'title: "Hola de nuevo"')
    recorded = run_cli("translated", TRANSLATION, cwd=tmp_path)
    assert "the title and blocks 1, 2 still say `TODO translate`" in recorded.stdout, recorded.stdout
    translation = content / "posts/hola/index.en.md"
    text = translation.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    translation.write_text(text.replace(title, 'title: "Hello"'))
    assert "outdated (title)" in run_cli("status", cwd=tmp_path).stdout.splitlines()[1]


def test_blocks_still_to_translate_keep_their_place_in_the_record_when_the_original_gained_one(tmp_path):
    """The record was read by the blocks' current numbers: a block added before one still to translate made
    it follow its neighbour's old words, and one added at the end was past the record's end (a traceback)."""
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/index.es.md", "Segundo párrafo.", "Uno nuevo.\n\nSegundo párrafo.\n\nOtro al final.")
    translation = content / "posts/hola/index.en.md"
    translation.write_text(translation.read_text().replace(
        "Second paragraph.", "TODO translate: Uno nuevo.\n\nSecond paragraph.\n\nTODO translate: Otro al final."))
    recorded = run_cli("translated", TRANSLATION, cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    assert "blocks 2, 4 still say `TODO translate`" in recorded.stdout


def test_blocks_named_one_by_one_are_all_checked_before_any_is_recorded(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/index.es.md", "Primer párrafo.", "Primer párrafo, cambiado.")
    before = (content / "translations.json").read_bytes()
    result = run_cli("translated", TRANSLATION, "--block", "1", "--block", "9", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{TRANSLATION} has blocks 1 to 2, not 9; nothing was recorded"
    assert result.stdout == "" and (content / "translations.json").read_bytes() == before


def test_a_file_deleted_from_a_post_still_there_is_not_taken_for_a_renamed_post(tmp_path):
    """The advice to list the old address in aliases, for a post that is still at it, made check fail."""
    content = site_with_record(tmp_path)
    for path in (content / "posts/hola/comments").iterdir():
        path.unlink()
    lines = run_cli("status", cwd=tmp_path).stdout.splitlines()
    assert lines[-2] == ("the translation record still names content/posts/hola/comments/c1.en.md, no longer there "
                         "(deleted); the next `tertulia translated`, of any translation, drops it")


def test_status_says_how_to_start_a_missing_translation_of_a_reply_into_the_essays_own_language(tmp_path):
    """A new user: `pt 1 missing (comment 2)` named no command, and the one that starts it (`--comments`
    with the essay's own language, for a reply written in English) was written nowhere."""
    make_content(tmp_path, {"posts/hola/comments/c1.en.md": "---\nauthor: B\n---\n\nI liked it.\n"})
    report = run_cli("status", cwd=tmp_path).stdout
    assert "es 0 translated, 1 missing (comment c1)" in report
    assert ("`tertulia new translation SLUG --lang LANG` starts a missing translation; with `--comments`, those of "
            "the thread's comments into LANG (the essay's own language too, for replies written in another)") in report
    started = run_cli("new", "translation", "hola", "--lang", "es", "--comments", cwd=tmp_path)
    assert started.returncode == 0 and "posts/hola/comments/c1.es.md" in started.stdout, started.stderr


def test_a_retitled_originals_title_is_recorded_alone_as_a_block_is(tmp_path):
    """A new user: after the writer retitled the essay and changed block 1, the translator fixed the title
    and could record it only with the whole file (`--block title` was an invalid int), calling block 1
    current too."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, 'title: "Hola"', 'title: "Hola, mundo"')
    edit(content, ESSAY, "Primer párrafo.", "Primer párrafo, cambiado.")
    edit(content, TRANSLATION.removeprefix("content/"), 'title: "Hello"', 'title: "Hello, world"')
    before = run_cli("status", cwd=tmp_path).stdout
    assert "title outdated" in before and "block 1 outdated" in before
    marked = run_cli("translated", TRANSLATION, "--block", "title", cwd=tmp_path)
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout.strip() == f"recorded: {TRANSLATION} follows content/{ESSAY} (its title)"
    after = run_cli("status", cwd=tmp_path).stdout
    assert "title outdated" not in after and f"{TRANSLATION}:6: block 1 outdated" in after, after
    comment = run_cli("translated", "content/posts/hola/comments/c1.en.md", "--block", "title", cwd=tmp_path)
    assert comment.returncode == 2 and "a comment has no title; name its blocks (1 to 1)" in comment.stderr
    wrong = run_cli("translated", TRANSLATION, "--block", "titel", cwd=tmp_path)
    assert wrong.returncode == 2 and "`titel` is neither a block's number (1 is the first) nor `title`" in wrong.stderr


def test_update_says_the_translation_changed_when_its_original_did_not(tmp_path):
    """A new user added a block to the translation alone: --update blamed "the translation record does not
    say which of the original's blocks it followed", though the record was right and the original unchanged."""
    site_with_record(tmp_path)
    (tmp_path / TRANSLATION).write_text((tmp_path / TRANSLATION).read_text() + "\nExtra.\n")
    before = (tmp_path / TRANSLATION).read_text()
    result = run_cli("new", "translation", "hola", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 1 and (
        "the original is as it was when this translation was recorded, so the translation has more blocks than it "
        "had: `tertulia check` says where they part, for you to mend by hand") in result.stderr, result.stderr
    assert (tmp_path / TRANSLATION).read_text() == before


def test_a_new_picture_or_its_new_description_outdates_its_translation(tmp_path):
    """A block of a picture alone was recorded as no words: another picture, or another description of it,
    left the translation's description "current" for ever. A record kept before then (its picture as "")
    is taken as it is now, not every picture of a site called outdated at once."""
    from helpers import about_site
    import json
    content = about_site(tmp_path)
    translation = "content/pages/about/index.en.md"
    assert run_cli("translated", translation, cwd=tmp_path).returncode == 0
    record = json.loads((content / "translations.json").read_text())
    edit(content, "pages/about/index.es.md", "![El logo](logo.svg)", "![El logo nuevo, en azul](logo.svg)")
    report = run_cli("status", cwd=tmp_path).stdout
    assert f"{translation}:8: block 2 outdated" in report and "[-logo)-]{+logo nuevo, en azul)+}" in report, report
    # as a record written before pictures were recorded holds them: no words
    old = json.dumps(record).replace("(picture logo.svg: El logo)", "")
    assert old != json.dumps(record)
    (content / "translations.json").write_text(old)
    edit(content, "pages/about/index.es.md", "![El logo nuevo, en azul](logo.svg)", "![El logo](logo.svg)")
    assert "block 2 outdated" not in run_cli("status", cwd=tmp_path).stdout


def test_update_keeps_a_picture_a_record_of_before_pictures_holds_as_no_words(tmp_path):
    """A red team: with a record of then (its picture as ""), --update took the translator's picture, its
    description translated, for one whose original was gone, and put a starter in its place."""
    import json
    head, theirs = HEADS
    content = make_content(tmp_path, {"posts/p/index.es.md": head + "Uno.\n\n![El logo](a.png)\n\nDos.\n",
                                      "posts/p/index.en.md": theirs + "One.\n\n![The logo](a.png)\n\nTwo.\n"})
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    record = content / "translations.json"
    old = record.read_text().replace(json.dumps("(picture a.png: El logo)"), '""')
    assert old != record.read_text()
    record.write_text(old)
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nNuevo.\n\n![El logo](a.png)\n\nDos.\n")
    result = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 0 and "taken out" not in result.stdout, result.stdout + result.stderr
    assert (content / "posts/p/index.en.md").read_text().endswith(
        "One.\n\nTODO translate: Nuevo.\n\n![The logo](a.png)\n\nTwo.\n")


def test_translated_says_a_translations_own_error_not_that_it_is_none(tmp_path):
    """A red team: a translation whose YAML did not parse was "not a translation (a translation says
    `translation_of`)", though it said it."""
    content = site_with_record(tmp_path)
    edit(content, TRANSLATION.removeprefix("content/"), 'title: "Hello"', "title: Hello: again")
    result = run_cli("translated", TRANSLATION, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith(f"{TRANSLATION}:2: YAML does not parse"), result.stderr


def test_translated_refuses_a_translation_whose_blocks_shifted_until_put_back(tmp_path):
    """A new user followed check's "once the translation follows it again, `translated` records that" after
    one paragraph was removed and another added in one save: the wrong pairing was recorded, and nothing
    said a word of it again."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\nDos.\n\nTres.\n", theirs + "One.\n\nTwo.\n\nThree.\n")
    translation = "content/posts/p/index.en.md"
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nTres.\n\nCuatro.\n")
    before = (content / "translations.json").read_text()
    refused = run_cli("translated", translation, cwd=tmp_path)
    assert refused.returncode == 1 and (
        f"{translation}: not recorded: since it was, the original lost its block 2 and gained block 3: unless you "
        "have moved its blocks to match since, this translation's blocks 2, 3 stand beside other paragraphs than the "
        "ones they translate; `tertulia new translation p --lang en --update` moves them beside theirs; if you have "
        f"moved them yourself, `tertulia translated --force {translation}` records them as they are") in refused.stderr, \
        refused.stderr
    assert (content / "translations.json").read_text() == before
    assert run_cli("translated", translation, "--block", "1", cwd=tmp_path).returncode == 1
    # --force vouches for the whole translation: with a block, the others' pairing would be hidden for good
    assert run_cli("translated", translation, "--block", "1", "--force", cwd=tmp_path).returncode == 1
    # moved by hand, as the translator says with --force; or put back by --update, after which it records
    (content / "posts/p/index.en.md").write_text(theirs + "One.\n\nThree.\n\nFour.\n")
    assert run_cli("translated", translation, "--force", cwd=tmp_path).returncode == 0
    assert "outdated" not in run_cli("check", cwd=tmp_path).stderr


def test_update_takes_out_no_block_the_record_holds_no_words_for(tmp_path):
    """A red team: a block recorded with no words (null) was taken out as "its original gone" when the
    original's blocks moved, though its original may well be there still."""
    import json
    head, theirs = HEADS
    content = make_content(tmp_path, {"posts/p/index.es.md": head + "Uno uno.\n\nDos dos.\n\nTres tres.\n",
                                      "posts/p/index.en.md": theirs + "One.\n\nTwo.\n\nThree.\n"})
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    record = json.loads((content / "translations.json").read_text())
    record["translations"]["posts/p/index.en.md"]["blocks"][1] = None
    (content / "translations.json").write_text(json.dumps(record))
    (content / "posts/p/index.es.md").write_text(head + "Dos dos.\n\nUno uno.\n\nCuatro cuatro.\n")
    before = (content / "posts/p/index.en.md").read_text()
    result = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 1 and "the record holds no words for its block 2" in result.stderr, result.stderr
    assert (content / "posts/p/index.en.md").read_text() == before


def test_translated_on_a_whole_file_says_which_outdated_blocks_it_now_calls_translated(tmp_path):
    """A translator's walk: `translated PATH` said "(all 3 blocks)" and quietly marked an outdated block
    current, which the translator, who had mended another, had not touched."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\nDos.\n\nTres.\n", theirs + "One.\n\nTwo.\n\nThree.\n")
    translation = "content/posts/p/index.en.md"
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nDos y medio.\n\nTres y cuarto.\n")
    assert run_cli("translated", translation, "--block", "2", cwd=tmp_path).returncode == 0
    result = run_cli("translated", translation, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip().endswith("(all 3 blocks); block 3, outdated until now, is recorded as translated "
                                          "too (`--block N` records one alone)"), result.stdout
    again = run_cli("translated", translation, cwd=tmp_path)
    assert "outdated until now" not in again.stdout


def test_a_paragraph_the_original_split_in_two_is_said_to_be_split_not_added(tmp_path):
    """A translator's walk: a paragraph cut in two was said as "block 2 added … translate it", though its
    words are translated already, in the block before: the translator is to cut theirs as the writer did."""
    head, theirs = HEADS
    original = head + "El río es ancho y lento, y pasa bajo el viejo puente. El puente es de 1890 y de piedra gris.\n\nFin.\n"
    content = recorded(tmp_path, original, (
        theirs + "The river is wide and slow. The bridge is from 1890, of grey stone.\n\nEnd.\n"))
    (content / "posts/p/index.es.md").write_text(original.replace("puente. El puente", "puente.\n\nEl puente"))
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1
    assert ("content/posts/p/index.en.md:6: translation has 2 blocks, original has 3; the original's block 1 was split "
            "in two after this translation was recorded (now blocks 1 and 2: “El río es ancho y lento, y pasa…” "
            "… “El puente es de 1890 y de piedra…”): split this translation's block 1 the same way") in check.stderr
    assert "--update" not in check.stderr  # it would add a block to write, where a cut is all it takes
    result = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "block 2 added (“El puente es de 1890 y de piedra…”), marked `TODO translate`" in result.stdout
    assert "its original was cut from block 1's paragraph, whose translation still holds both" in result.stdout


def test_a_new_paragraph_beside_an_unchanged_one_holding_its_words_is_added_not_split(tmp_path):
    head, theirs = HEADS
    original = head + "El puente es de 1890 y de piedra gris.\n\nFin.\n"
    content = recorded(tmp_path, original, theirs + "The bridge is from 1890, of grey stone.\n\nEnd.\n")
    (content / "posts/p/index.es.md").write_text(original.replace("\n\nFin.", "\n\nEl puente.\n\nFin."))
    check = run_cli("check", cwd=tmp_path).stderr
    assert "original block 2 (“El puente.”) was added after this translation was recorded" in check, check
    assert "split" not in check


def test_a_changed_summary_is_outdated_until_its_translation_is_recorded_again(tmp_path):
    """A translator's walk: listings and feeds show a translation's summary, and the original's changed
    unseen: neither check nor status said so, as they do of a title and of every block."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "author: Ana\n", "author: Ana\nsummary: Dos párrafos.\n")
    edit(content, "posts/hola/index.en.md", "translation_of: es\n", "translation_of: es\nsummary: Two paragraphs.\n")
    assert run_cli("translated", TRANSLATION, cwd=tmp_path).returncode == 0
    assert json.loads((content / "translations.json").read_text())["translations"]["posts/hola/index.en.md"][
        "summary"] == "Dos párrafos."
    assert "summary" not in run_cli("check", cwd=tmp_path).stderr
    edit(content, ESSAY, "summary: Dos párrafos.", "summary: Dos párrafos breves.")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0
    assert (f"{TRANSLATION}:4: warning: the summary is outdated: its original's summary changed from “Dos párrafos.” "
            "to “Dos párrafos breves.” after it was translated; once the translation's follows it, "
            f"`tertulia translated {TRANSLATION} --block summary` records that") in check.stderr
    status = run_cli("status", cwd=tmp_path).stdout
    assert "  essay:    en outdated (summary) · ro missing" in status
    assert f"{TRANSLATION}:4: summary outdated; the original's is now “Dos párrafos breves.”; changed: " in status
    assert "1 outdated (0 blocks, 1 summary)" in status
    recorded = run_cli("translated", TRANSLATION, "--block", "summary", cwd=tmp_path)
    assert recorded.stdout.strip() == f"recorded: {TRANSLATION} follows content/{ESSAY} (its summary)"
    assert "summary" not in run_cli("check", cwd=tmp_path).stderr
    assert "outdated (summary)" not in run_cli("status", cwd=tmp_path).stdout
    edit(content, ESSAY, "summary: Dos párrafos breves.\n", "")  # taken out: the translation's says what is gone
    assert "its original's summary was taken out after it was translated" in run_cli("check", cwd=tmp_path).stderr
    assert "the original has none now (it was “Dos párrafos breves.”)" in run_cli("status", cwd=tmp_path).stdout


def test_a_summary_the_original_took_out_stays_said_after_its_record_until_the_translation_drops_it(tmp_path):
    """A translator's red team: the original's summary taken out, `translated --block summary` as check
    said, and check fell silent while listings and feeds went on showing a summary of deleted words."""
    content = site_with_record(tmp_path)
    edit(content, "posts/hola/index.en.md", "translation_of: es\n", "translation_of: es\nsummary: Two paragraphs.\n")
    warning = (f"{TRANSLATION}:4: warning: this translation has a summary, its original none: listings and feeds "
               "show it where the original's pages show its opening words; take it out, or give the original the "
               "summary it translates")
    assert warning in run_cli("check", cwd=tmp_path).stderr
    assert run_cli("translated", TRANSLATION, "--block", "summary", cwd=tmp_path).returncode == 0
    assert warning in run_cli("check", cwd=tmp_path).stderr  # a record does not make it the original's
    edit(content, "posts/hola/index.en.md", "summary: Two paragraphs.\n", "")
    assert "summary" not in run_cli("check", cwd=tmp_path).stderr
    # a page is in no listing or feed: its summary is what search results and shared links say (a review)
    about_site(tmp_path, {"pages/about/index.en.md": "---\ntitle: About us\ntranslation_of: es\nsummary: Us.\n---\n\n"
                                                     "We are two.\n\n![The logo](logo.svg)\n"})
    assert ("this translation has a summary, its original none: search results and shared links show it"
            in run_cli("check", cwd=tmp_path).stderr)


def test_a_summary_the_original_gains_is_named_and_a_record_from_before_summaries_names_none(tmp_path):
    content = site_with_record(tmp_path)
    record = json.loads((content / "translations.json").read_text())
    assert record["translations"]["posts/hola/index.en.md"]["summary"] == ""  # none then, which is known
    assert "summary" not in record["translations"]["posts/hola/comments/c1.en.md"]  # a comment has none
    edit(content, ESSAY, "author: Ana\n", "author: Ana\nsummary: Dos párrafos.\n")
    assert ("the summary is outdated: its original gained a summary (“Dos párrafos.”) after it was translated"
            in run_cli("check", cwd=tmp_path).stderr)
    assert "summary outdated; the original has one now: “Dos párrafos.”" in run_cli("status", cwd=tmp_path).stdout
    del record["translations"]["posts/hola/index.en.md"]["summary"]  # as every record before this was written
    (content / "translations.json").write_text(json.dumps(record))
    assert "summary" not in run_cli("check", cwd=tmp_path).stderr
    assert "summary" not in run_cli("status", cwd=tmp_path).stdout


def test_a_paragraph_split_in_three_or_two_joined_are_said_so_by_check(tmp_path):
    """A translator's walk: a paragraph cut in three was "blocks 2, 4 were added", and two paragraphs made
    one "block 4 was removed … follows nothing now": mending by hand, the translator deleted its words."""
    head, theirs = HEADS
    original = head + "Uno dos tres cuatro. Cinco seis siete ocho. Nueve diez once doce.\n\nFin del texto aquí.\n"
    content = recorded(tmp_path, original, (
        theirs + "One two three four. Five six seven eight. Nine ten eleven twelve.\n\nThe end of the text here.\n"))
    (content / "posts/p/index.es.md").write_text(original.replace(". Cinco", ".\n\nCinco").replace(". Nueve", ".\n\nNueve"))
    check = run_cli("check", cwd=tmp_path).stderr
    assert ("the original's block 1 was split in three after this translation was recorded (now blocks 1 to 3: "
            "“Uno dos tres cuatro.” … “Nueve diez once doce.”): split this translation's block 1 the same way") in check
    joined = head + "Uno dos tres cuatro.\n\nCinco seis siete ocho.\n\nFin del texto aquí.\n"
    (content / "posts/p/index.es.md").write_text(joined)
    (content / "posts/p/index.en.md").write_text(theirs + "One two three four.\n\nFive six seven eight.\n\nThe end.\n")
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(joined.replace("cuatro.\n\nCinco", "cuatro. Cinco"))
    check = run_cli("check", cwd=tmp_path).stderr
    assert ("translation has 3 blocks, original has 2; the original's blocks 1 and 2 were joined into one paragraph "
            "after this translation was recorded (now its block 1: “Uno dos tres cuatro. Cinco seis siete ocho.”): join this "
            "translation's blocks 1 and 2 the same way") in check, check
    assert "removed" not in check and "--update" in check  # which joins them, as this says


def test_a_word_changed_in_the_half_update_adds_of_a_split_paragraph_is_outdated_once_moved_in(tmp_path):
    """A translator's walk: `--update` recorded the new half as following the original as it is now; the
    translator moved their words into it as told, and "pünktlich", added as the writer cut it, went unseen."""
    head, theirs = HEADS
    original = head + "Der Zug fährt um zehn Uhr ab. Im Abteil riecht es nach Kaffee und Regen.\n\nEnde.\n"
    content = recorded(tmp_path, original, (
        theirs + "The train leaves at ten. The compartment smells of coffee and rain.\n\nEnd.\n"))
    (content / "posts/p/index.es.md").write_text(original.replace("fährt um zehn Uhr ab. Im",
                                                                  "fährt pünktlich um zehn Uhr ab.\n\nIm"))
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert "its original was cut from block 2's paragraph" in update.stdout, update.stdout
    (content / "posts/p/index.en.md").write_text(
        theirs + "The train leaves at ten.\n\nThe compartment smells of coffee and rain.\n\nEnd.\n")
    assert run_cli("translated", "content/posts/p/index.en.md", "--block", "2", cwd=tmp_path).returncode == 0
    status = run_cli("status", cwd=tmp_path).stdout
    assert "block 1 outdated" in status and "{+pünktlich+}" in status, status


def test_the_half_a_split_cut_off_follows_its_own_words_so_only_the_writers_change_is_said(tmp_path):
    """A translator's red team: the new half followed the whole old paragraph, and once translated it was
    "outdated; changed: [-Die Enten sitzen auf dem Eis und warten.-] Niemand weiß, worauf.", as if it had
    lost a sentence it never had."""
    head, theirs = HEADS
    original = head + "Der Zug fährt um zehn Uhr ab. Im Abteil riecht es nach Kaffee.\n\nEnde.\n"
    content = recorded(tmp_path, original, theirs + "The train leaves at ten. The compartment smells of coffee.\n\nEnd.\n")
    (content / "posts/p/index.es.md").write_text(original.replace("ab. Im Abteil riecht es", "ab.\n\nIm Abteil riecht es stark"))
    assert run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.en.md").write_text(
        theirs + "The train leaves at ten.\n\nThe compartment smells of coffee.\n\nEnd.\n")
    assert run_cli("translated", "content/posts/p/index.en.md", "--block", "1", cwd=tmp_path).returncode == 0
    status = run_cli("status", cwd=tmp_path).stdout
    assert "block 2 outdated; the original now begins “Im Abteil riecht es stark nach Kaffee.”; changed: Im Abteil " \
           "riecht es {+stark+} nach Kaffee." in status, status
    assert "Der Zug" not in status


def test_update_starts_again_a_starter_whose_original_changed_and_keeps_a_translators_words(tmp_path):
    """A translator's red team: a block still `TODO translate` kept the original's old words after the writer
    changed them, `--update` said there was nothing to do, and the translator translated the old words."""
    head, _ = HEADS
    content = make_content(tmp_path, {"posts/p/index.es.md": head + "Uno dos.\n\nTres cuatro.\n\nCinco.\n"})
    assert run_cli("new", "translation", "p", "--lang", "en", cwd=tmp_path).returncode == 0
    translation = content / "posts/p/index.en.md"
    started = translation.read_text()
    assert "TODO translate: Tres cuatro." in started
    translation.write_text(started.replace("TODO translate: Uno dos.", "One two.").replace(
        "TODO translate: Cinco.", "Five, half done. TODO translate: Cinco."))
    (content / "posts/p/index.es.md").write_text(head + "Uno dos.\n\nTres cuatro seis.\n\nCinco siete.\n")
    check = run_cli("check", cwd=tmp_path).stderr  # said before a translator translates the old words
    assert ("content/posts/p/index.en.md:9: warning: block 2's starter holds its original's old words (“Tres cuatro "
            "seis.” now): `tertulia new translation p --lang en --update` starts it again from the new ones") in check
    assert "block 3's starter" not in check  # a translator's words stand in it
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.returncode == 0, update.stderr
    assert ("block 2: still to translate, its starter now holds the original's new words (“Tres cuatro seis.”)"
            in update.stdout)
    text = translation.read_text()
    assert "One two.\n\nTODO translate: Tres cuatro seis.\n\nFive, half done. TODO translate: Cinco.\n" in text
    assert "block 2 outdated" not in run_cli("status", cwd=tmp_path).stdout
    assert "starter holds" not in run_cli("check", cwd=tmp_path).stderr
    # with every starter as it was, there is nothing to do, said so
    assert run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path).stdout.startswith("nothing to update")


def test_update_leaves_a_starter_a_translator_touched_without_changing_its_words(tmp_path):
    """A review: a link pointed at a source in the translation's language, a marker taken off a proper noun
    in a list, a heading's level: the words were the starter's, and `--update` put the original's back."""
    head, _ = HEADS
    original = head + "Zie [de bron](https://example.nl/bron) voor meer.\n\n- Een\n- Python\n\n## Een kop\n\nLaatste.\n"
    content = make_content(tmp_path, {"posts/p/index.es.md": original})
    assert run_cli("new", "translation", "p", "--lang", "en", cwd=tmp_path).returncode == 0
    translation = content / "posts/p/index.en.md"
    touched = translation.read_text().replace("https://example.nl/bron", "https://example.se/kalla").replace(
        "TODO translate: Python", "Python").replace("## TODO translate: Een kop", "### TODO translate: Een kop")
    translation.write_text(touched)
    (content / "posts/p/index.es.md").write_text(original.replace("voor meer", "voor veel meer").replace(
        "- Een\n", "- Eén\n").replace("Een kop", "Een nieuwe kop").replace("Laatste.", "Het laatste."))
    check = run_cli("check", cwd=tmp_path).stderr
    assert "block 4's starter holds its original's old words" in check
    assert not any(f"block {n}'s starter" in check for n in (1, 2, 3))
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.returncode == 0 and "block 4: still to translate" in update.stdout, update.stdout + update.stderr
    assert translation.read_text() == touched.replace("TODO translate: Laatste.", "TODO translate: Het laatste.")


def test_check_warns_of_each_starter_update_starts_again_footnotes_too_and_a_title_stays_the_translators(tmp_path):
    """A second review: a starter holding a footnote was started again by `--update` with no warning from
    check (the note's links carry the page's language), and a link's title a translator gave was put back."""
    head, _ = HEADS
    original = head + ("Una frase con nota.[^1]\n\nVer [la fuente](https://example.org/a) ahora.\n\n"
                       "Otra [cosa](https://example.org/b) más.\n\n[^1]: La nota.\n")
    content = make_content(tmp_path, {"posts/p/index.es.md": original})
    assert run_cli("new", "translation", "p", "--lang", "en", cwd=tmp_path).returncode == 0
    translation = content / "posts/p/index.en.md"
    titled = translation.read_text().replace("(https://example.org/b)", '(https://example.org/b "an English title")')
    translation.write_text(titled)
    (content / "posts/p/index.es.md").write_text(original.replace("Una frase", "Una sola frase").replace(
        "Ver [la", "Véase [la").replace("Otra [cosa]", "Otra [cosita]").replace("La nota.", "La nota breve."))
    check = run_cli("check", cwd=tmp_path).stderr
    warned = {n for n in range(1, 5) if f"block {n}'s starter holds" in check}
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path).stdout
    refreshed = {n for n in range(1, 5) if f"block {n}: still to translate" in update}
    assert warned == refreshed == {1, 2, 4}, (check, update)
    assert '(https://example.org/b "an English title")' in translation.read_text()


def test_a_changed_title_and_summary_stay_outdated_after_blocks_moved_and_the_whole_names_them(tmp_path):
    """A translator's walk: `translated --force` after moving blocks recorded the original's new title and
    summary as followed, and a whole `translated` called them current unsaid, as it says of blocks."""
    head = "---\ntitle: Uno\nauthor: A\nsummary: Breve.\n---\n\n"
    theirs = "---\ntitle: One\ntranslation_of: es\nsummary: Short.\n---\n\n"
    content = recorded(tmp_path, head + "Primero aquí.\n\nSegundo aquí.\n", theirs + "First here.\n\nSecond here.\n")
    translation = "content/posts/p/index.en.md"
    (content / "posts/p/index.es.md").write_text(head.replace("Uno", "Dos").replace("Breve.", "Muy breve.")
                                                 + "Segundo aquí.\n\nPrimero aquí.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "Second here.\n\nFirst here.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "the title is outdated" in check and "the summary is outdated" in check, check
    whole = run_cli("translated", translation, cwd=tmp_path).stdout
    assert whole.strip().endswith("; the title and the summary, outdated until now, are recorded as translated too "
                                  "(`--block N`, `title` or `summary` records one alone)"), whole


def test_a_summary_still_to_translate_follows_the_words_its_starter_holds(tmp_path):
    """A translator's walk: `--block summary` on `summary: "TODO translate: …"` kept the record's "" (none),
    so once translated the summary was "outdated: its original gained a summary", though translated from it."""
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "author: Ana\n", "author: Ana\nsummary: Dos párrafos.\n")
    edit(content, "posts/hola/index.en.md", "translation_of: es\n", 'translation_of: es\nsummary: "TODO translate: Dos párrafos."\n')
    assert run_cli("translated", TRANSLATION, "--block", "summary", cwd=tmp_path).returncode == 0
    edit(content, "posts/hola/index.en.md", '"TODO translate: Dos párrafos."', "Two paragraphs.")
    assert "summary" not in run_cli("check", cwd=tmp_path).stderr


def test_a_short_new_paragraph_of_common_words_beside_an_edited_one_is_added_not_split(tmp_path):
    """A review: half the words of "In the end, the work is theirs." stand in the paragraph before it, which
    was edited too: it was said to be split from it, and --update recorded it as following that paragraph."""
    head, theirs = HEADS
    original = head + "Uno.\n\nThe work of one is the work of the other, and the end of it too.\n\nFin.\n"
    content = recorded(tmp_path, original, (
        theirs + "One.\n\nEl trabajo de uno es el del otro, y su fin también.\n\nEnd.\n"))
    edited = original.replace("and the end of it too.", "and the end of it too, as I learnt.\n\nIn the end, the work is theirs.")
    (content / "posts/p/index.es.md").write_text(edited)
    check = run_cli("check", cwd=tmp_path).stderr
    assert "original block 3 (“In the end, the work is theirs.”) was added" in check and "split" not in check, check
    assert "--update" in check
    # and the other way round: a paragraph deleted while the one before it grew by other words is removed
    (content / "posts/p/index.es.md").write_text(original)
    (content / "posts/p/index.en.md").write_text(
        theirs + "One.\n\nEl trabajo de uno es el del otro, y su fin también.\n\nIn the end, theirs.\n\nEnd.\n")
    (content / "posts/p/index.es.md").write_text(original.replace("too.\n\nFin.", "too.\n\nIn the end, the work is theirs.\n\nFin."))
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    (content / "posts/p/index.es.md").write_text(original.replace("and the end of it too.", "and the end of it too; the work is shared."))
    check = run_cli("check", cwd=tmp_path).stderr
    assert "the original's block 3 was removed" in check and "were joined" not in check, check


def test_the_update_hint_stays_when_an_added_paragraph_says_split_in_its_words(tmp_path):
    """A review: whether to offer --update was read from the message, which quotes the writer's words."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno dos tres.\n\nFin.\n", theirs + "One two three.\n\nEnd.\n")
    (content / "posts/p/index.es.md").write_text(head + "Uno dos tres.\n\nThe country was split in two by it.\n\nFin.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "was added after this translation was recorded" in check and "--update" in check, check


def test_a_whole_translated_names_two_outdated_blocks_in_the_plural(tmp_path):
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\nDos.\n\nTres.\n", theirs + "One.\n\nTwo.\n\nThree.\n")
    (content / "posts/p/index.es.md").write_text(head + "Uno y medio.\n\nDos y medio.\n\nTres.\n")
    result = run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path)
    assert "; blocks 1, 2, outdated until now, are recorded as translated too" in result.stdout, result.stdout


def test_an_original_summary_that_is_no_text_is_one_error_not_a_summary_taken_out(tmp_path):
    content = site_with_record(tmp_path)
    edit(content, ESSAY, "author: Ana\n", "author: Ana\nsummary: Dos.\n")
    assert run_cli("translated", TRANSLATION, cwd=tmp_path).returncode == 0
    edit(content, ESSAY, "summary: Dos.\n", "summary: [a, b]\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "summary` must be text" in check and "summary is outdated" not in check, check


def test_check_names_three_paragraphs_joined_as_update_joins_them(tmp_path):
    """Check and --update each had a rule for a join: check called the third paragraph of a join "removed",
    which --update joined. One rule now serves both."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno primero aquí.\n\nDos segundo aquí.\n\nTres tercero aquí.\n\nFin del texto.\n",
                       theirs + "One first.\n\nTwo second.\n\nThree third.\n\nThe end.\n")
    (content / "posts/p/index.es.md").write_text(head + "Uno primero aquí. Dos segundo aquí. Tres tercero aquí.\n\nFin del texto.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "the original's blocks 1 to 3 were joined into one paragraph" in check and "removed" not in check, check
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert "blocks 1, 2 and 3 joined into block 1" in update.stdout, update.stdout


def test_blocks_mended_by_hand_are_not_put_in_line_again_by_update(tmp_path):
    """A translator's walk: the writer took a paragraph out and the translator took its translation out by
    hand; later the writer added a heading and the translator translated it in place. The record, read as if
    the translation's blocks were where they had been, made check call it "lost its block 3 and gained block
    4", and the `--update` it offered took out the translated third paragraph and added a second heading."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\nDos.\n\nSobra.\n\nTres.\n\nCuatro.\n",
                       theirs + "One.\n\nTwo.\n\nSpare.\n\nThree.\n\nFour.\n")
    original, translation = content / "posts/p/index.es.md", content / "posts/p/index.en.md"
    original.write_text(head + "Uno.\n\nDos.\n\nTres.\n\nCuatro.\n")
    translation.write_text(theirs + "One.\n\nTwo.\n\nThree.\n\nFour.\n")
    first = run_cli("check", cwd=tmp_path)
    assert first.returncode == 0 and "0 warnings" in first.stdout, first.stdout + first.stderr
    original.write_text(head + "Uno.\n\nDos.\n\nTres.\n\n## Nuevo\n\nCuatro.\n")
    mended = theirs + "One.\n\nTwo.\n\nThree.\n\n## New\n\nFour.\n"
    translation.write_text(mended)
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0 and "lost its block" not in check.stderr and "--update" not in check.stderr, check.stderr
    assert "block 4 is outdated" in check.stderr, check.stderr  # the heading: translated by hand, not yet marked
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.stdout.startswith("nothing to update: "), update.stdout + update.stderr
    assert translation.read_text() == mended
    assert run_cli("translated", "content/posts/p/index.en.md", cwd=tmp_path).returncode == 0
    assert "0 warnings" in run_cli("check", cwd=tmp_path).stdout


def test_a_record_written_before_fingerprints_is_read_and_force_keeps_the_title_outdated(tmp_path):
    """Records kept before the translation's own blocks were fingerprinted say nothing of a translator's
    moves: `translated --force` still vouches for them, the original's new title left outdated."""
    head = "---\ntitle: Uno\nauthor: A\n---\n\n"
    theirs = "---\ntitle: One\ntranslation_of: es\n---\n\n"
    content = recorded(tmp_path, head + "Primero aquí.\n\nSegundo aquí.\n", theirs + "First here.\n\nSecond here.\n")
    record = json.loads((content / "translations.json").read_text())
    assert len(record["translations"]["posts/p/index.en.md"].pop("own")) == 2
    (content / "translations.json").write_text(json.dumps(record))
    (content / "posts/p/index.es.md").write_text(head.replace("Uno", "Dos") + "Segundo aquí.\n\nPrimero aquí.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "Second here.\n\nFirst here.\n")
    assert "--force" in run_cli("check", cwd=tmp_path).stderr  # moved, as far as such a record can tell
    forced = run_cli("translated", "--force", "content/posts/p/index.en.md", cwd=tmp_path)
    assert forced.returncode == 0 and "where you moved them" in forced.stdout, forced.stdout + forced.stderr
    check = run_cli("check", cwd=tmp_path)
    assert "the title is outdated" in check.stderr and "moved" not in check.stderr, check.stderr
    assert "own" in json.loads((content / "translations.json").read_text())["translations"]["posts/p/index.en.md"]


def test_code_copied_into_a_translation_is_copied_again_by_update_once_the_writer_fixes_it(tmp_path):
    """A translator's walk: the writer fixed a typo in a code block; check called the translation's copy
    outdated, and `--update` had "nothing to update", the old code left beside the new on the page."""
    head, theirs = HEADS
    code = "```python\nlaenge = 354\n```\n"
    content = recorded(tmp_path, head + "Der Fluss.\n\n" + code + "\nEnde.\n", theirs + "The river.\n\n" + code + "\nEnd.\n")
    (content / "posts/p/index.es.md").write_text(head + "Der Fluss.\n\n" + code.replace("laenge", "länge") + "\nEnde.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "block 2 is outdated: its original's code (“länge = 354”) changed, and this block is a copy of it as it " \
           "was: `tertulia new translation p --lang en --update` copies it again" in check, check
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.returncode == 0 and "block 2: code, copied again from the original as it is now" in update.stdout, \
        update.stdout + update.stderr
    assert "länge = 354" in (content / "posts/p/index.en.md").read_text()
    assert "outdated" not in run_cli("check", cwd=tmp_path).stderr


def test_a_block_the_writer_moved_is_one_warning_not_one_a_block_it_passed(tmp_path):
    """A translator's walk: moving a quote to the end gave 16 warnings: "moved", then each block it passed
    "outdated" (unchanged) and "a paragraph here, a quote in the original: is its Markdown written as the
    original's?", blaming the translator. The page still marks them: they stand beside other paragraphs."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\n> Cita.\n\nTres.\n\n## Cuatro\n\nCinco.\n",
                       theirs + "One.\n\n> Quote.\n\nThree.\n\n## Four\n\nFive.\n")
    (content / "posts/p/index.es.md").write_text(head + "Uno.\n\nTres.\n\n## Cuatro\n\nCinco.\n\n> Cita.\n")
    check = run_cli("check", cwd=tmp_path)
    warnings = [line for line in check.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and "the original's blocks moved" in warnings[0], check.stderr
    built = run_cli("build", "--output", "out", cwd=tmp_path)
    page = (tmp_path / "out/posts/p/index.html").read_text()
    assert built.returncode == 0 and page.count('class="side translation outdated"') == 4, page
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.returncode == 0 and "moved back" in update.stdout, update.stdout + update.stderr
    assert "warning" not in run_cli("check", cwd=tmp_path).stderr


def test_links_from_the_root_footnotes_and_pictures_do_not_outdate_a_translation_under_a_sub_path(tmp_path):
    """A review: `translated` recorded blocks as written, check read them under the site's sub-path with
    footnote ids named by language: a root-relative picture was outdated for ever, and a translation
    mended by hand beside a link or a footnote was called "a new block", its `--update` hint lost."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno [a](/posts/p/).[^1]\n\n![Un perro](/perro.png)\n\nSobra.\n\nTres.\n\n"
                       "[^1]: Nota.\n", theirs + "One [a](/posts/p/).[^1]\n\n![A dog](/perro.png)\n\nSpare.\n\n"
                       "Three.\n\n[^1]: Note.\n")
    (content / "static").mkdir()
    (content / "static/perro.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert "warning" not in run_cli("check", cwd=tmp_path).stderr
    (content / "posts/p/index.es.md").write_text(head + "Uno [a](/posts/p/).[^1]\n\n![Un perro](/perro.png)\n\n"
                                                 "Tres.\n\nCuatro.\n\n[^1]: Nota.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "One [a](/posts/p/).[^1]\n\n![A dog](/perro.png)\n\n"
                                                 "Three.\n\n[^1]: Note.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "original block 4 (“Cuatro.”) was added after this translation was recorded" in check and "--update" in check, check
    assert "outdated" not in check, check


def test_a_translator_s_own_slip_is_not_said_to_be_the_original_s_change(tmp_path):
    """A review: with the original as recorded, a block the translator took out by mistake was "original
    block 2 was added after this translation was recorded" with an `--update` that then refused, and two
    blocks the translator swapped were "the original's blocks moved"."""
    head, theirs = HEADS
    content = recorded(tmp_path, head + "Uno.\n\nDos.\n\nTres.\n", theirs + "One.\n\nTwo.\n\nThree.\n")
    translation = content / "posts/p/index.en.md"
    translation.write_text(theirs + "One.\n\nThree.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "translation has 2 blocks, original has 3" in check and "was added after" not in check, check
    assert "--update" not in check, check
    translation.write_text(theirs + "One.\n\nThree.\n\nTwo.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert "moved" not in check and "--force" not in check, check
    update = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert update.stdout.startswith("nothing to update: "), update.stdout + update.stderr


def test_a_page_s_deleted_translation_is_not_called_a_post_deleted(tmp_path):
    """A new user's walk: deleting the About page's Catalan file, status said "(a post deleted or its folder
    renamed)"."""
    content = about_site(tmp_path)
    assert run_cli("translated", "content/pages/about/index.en.md", cwd=tmp_path).returncode == 0
    (content / "pages/about/index.en.md").unlink()
    status = run_cli("status", cwd=tmp_path).stdout
    assert "content/pages/about/index.en.md, no longer there (deleted); the next" in status, status


def test_a_paragraph_the_translator_split_is_said_so_and_update_leaves_its_words(tmp_path):
    """A translator's week: a Hungarian paragraph cut in three (the original untouched but for a word
    elsewhere) was "the original's blocks 1 to 2 were removed", and the `--update` that message offered
    deleted two thirds of the paragraph and called the rest current."""
    head, theirs = HEADS
    original = head + "El río es ancho y lento.\n\nEl puente es viejo.\n\nFin del texto.\n"
    content = recorded(tmp_path, original, theirs + "The river is wide and slow.\n\nThe bridge is old.\n\nThe end.\n")
    (content / "posts/p/index.es.md").write_text(original.replace("Fin del texto.", "Fin del texto aquí."))
    translation = content / "posts/p/index.en.md"
    translation.write_text(theirs + "The river\n\nA new part.\n\nis wide and slow.\n\nThe bridge is old.\n\nThe end.\n")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1
    assert ("content/posts/p/index.en.md:6: translation has 5 blocks, original has 3; translation blocks 1 to 3 "
            "(“The river” … “is wide and slow.”) were cut from one block after this translation was recorded, and "
            "the original's block 1 (“El río es ancho y lento.”) is still one: make them one block again, or cut "
            "the original the same way") in check.stderr, check.stderr
    assert "removed" not in check.stderr and "--update" not in check.stderr
    before = translation.read_text()
    result = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 1 and "translation blocks 1 to 3" in result.stderr, result.stderr
    assert translation.read_text() == before


def test_a_block_still_to_translate_shows_the_original_it_was_started_from_after_the_original_s_blocks_moved(tmp_path):
    """A translator's week: the writer swapped a paragraph and the list under it; the list's translation was
    still `TODO translate`, and its place showed the moved paragraph a second time, the list nowhere."""
    head, theirs = HEADS
    original = head + "Primero.\n\nLos anguilas viajan lejos.\n\n- mar\n- río\n\nFin.\n"
    recorded(tmp_path, original, theirs + "First.\n\nEels travel far.\n\n- TODO translate\n\nThe end.\n")
    (tmp_path / "content/posts/p/index.es.md").write_text(
        original.replace("Los anguilas viajan lejos.\n\n- mar\n- río", "- mar\n- río\n\nLos anguilas viajan lejos."))
    result = run_cli("build", "--output", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/en/posts/p/index.html").read_text()
    assert page.count("Los anguilas viajan lejos.") == 0 and page.count("<li>mar</li>") == 1, page
    assert page.index("Eels travel far.") < page.index("<li>mar</li>")  # in the translation's own order


@pytest.mark.parametrize("twin", ["![Un gato](pic.png)", "§"])
def test_two_alike_blocks_of_the_original_one_taken_out_are_removed_not_a_translator_s_cut(tmp_path, twin):
    """A red team: two alike pictures side by side, one taken out of the original, were said to be "cut from one
    block" by the translator, and `--update`, which check had offered, refused."""
    head, theirs = HEADS
    their_twin = twin.replace("Un gato", "A cat")
    original = head + f"Primero.\n\n{twin}\n\n{twin}\n\nÚltimo.\n"
    content = recorded(tmp_path, original, theirs + f"First.\n\n{their_twin}\n\n{their_twin}\n\nLast.\n")
    (content / "posts/p/index.es.md").write_text(original.replace(f"{twin}\n\n{twin}", twin))
    check = run_cli("check", cwd=tmp_path).stderr
    assert "cut from one block" not in check and "removed after this translation was recorded" in check, check
    result = run_cli("new", "translation", "p", "--lang", "en", "--update", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (content / "posts/p/index.en.md").read_text().count(their_twin) == 1


def test_a_translator_s_cut_beside_a_block_the_original_lost_is_mended_first(tmp_path):
    """A red team: the translator cut a paragraph in two and the writer deleted another; check said two blocks
    were removed, quoted the translator's own half as following nothing, and offered `--update`, which refused."""
    head, theirs = HEADS
    original = head + "El río es ancho.\n\nEl puente es viejo.\n\nFin del texto.\n"
    content = recorded(tmp_path, original, theirs + "The river is wide.\n\nThe bridge is old.\n\nThe end.\n")
    (content / "posts/p/index.es.md").write_text(original.replace("El puente es viejo.\n\n", ""))
    (content / "posts/p/index.en.md").write_text(theirs + "The river\n\nis wide.\n\nThe bridge is old.\n\nThe end.\n")
    check = run_cli("check", cwd=tmp_path).stderr
    assert ("translation blocks 1 and 2 (“The river” … “is wide.”) were cut from one block after this translation "
            "was recorded, and the original's block 1 (“El río es ancho.”) is still one: make them one block again, "
            "or cut the original the same way; then `tertulia check` says what the original changed since") in check, check
    assert "--update" not in check


def test_a_translator_s_cut_beside_a_block_the_original_gained_is_said_though_the_counts_agree(tmp_path):
    """A red team: the translator cut a paragraph in two and the writer added one, so the counts agreed; check said
    the original "lost its block 3 and gained block 4" and offered an `--update` that refused."""
    head, theirs = HEADS
    original = head + "Alfa uno.\n\nBeta dos. Beta tres.\n\nGamma.\n"
    content = recorded(tmp_path, original, theirs + "Alpha one.\n\nBeta two. Beta three.\n\nGamma.\n")
    (content / "posts/p/index.es.md").write_text(original + "\nDelta nuevo.\n")
    (content / "posts/p/index.en.md").write_text(theirs + "Alpha one.\n\nBeta two.\n\nBeta three.\n\nGamma.\n")
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0
    assert ("translation blocks 2 and 3 (“Beta two.” … “Beta three.”) were cut from one block after this translation "
            "was recorded") in check.stderr and "--update" not in check.stderr, check.stderr
