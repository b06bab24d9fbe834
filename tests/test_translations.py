"""The translation record: which blocks of an original changed since a translation was marked."""

from __future__ import annotations

import json

from tertulia.commands.translated import save_record
from tertulia.reading.translations import Followed, load_record, marked, stale_blocks, word_diff, words_of


def test_an_unchanged_original_has_no_stale_block():
    assert stale_blocks(("a b", "c d"), ("a b", "c d")) == ()


def test_one_edited_block_is_the_only_stale_one_and_keeps_its_old_words():
    assert stale_blocks(("one", "two words", "three"), ("one", "two new words", "three")) == ((1, "two words"),)


def test_an_inserted_block_is_stale_as_new_and_the_rest_stay_current():
    assert stale_blocks(("one", "two", "three"), ("one", "inserted", "two", "three")) == ((1, ""),)


def test_two_swapped_blocks_are_both_stale_each_beside_the_others_translation():
    """A status walk: swapping paragraphs 1 and 2 flagged only block 1; block 2 was published beside the
    translation of the paragraph that had been there, with no note."""
    assert stale_blocks(("one", "two", "three"), ("two", "one", "three")) == ((0, "one"), (1, "two"))


def test_an_insertion_and_a_removal_elsewhere_make_the_blocks_between_stale():
    assert stale_blocks(("a", "b", "c", "d"), ("a", "new", "b", "d")) == ((1, "b"), (2, "c"))


def test_a_block_never_marked_is_stale():
    assert stale_blocks(("one", None), ("one", "two")) == ((1, ""),)


def test_marking_one_block_leaves_the_others_stale():
    current = ("one!", "two!", "three")
    stale = stale_blocks(("one", "two", "three"), current)
    after = marked(current, stale, block=2)
    assert stale_blocks(after, current) == ((0, "one"),)
    assert stale_blocks(marked(current, stale, None), current) == ()


def test_marking_a_new_block_of_an_insertion():
    current = ("one", "inserted", "two")
    after = marked(current, stale_blocks(("one", "two"), current), block=1)
    assert stale_blocks(after, current) == ((1, ""),)


def test_the_word_diff_names_what_changed():
    assert word_diff("a ellos quería llegar", "a ellos quise llegar") == "a ellos [-quería-]{+quise+} llegar"
    assert word_diff("", "anything") == "a new block"
    long = word_diff(" ".join(map(str, range(200))), " ".join(map(str, range(1, 201))))
    assert long == "[-0-] 1 2 3 … 197 198 199 {+200+}"
    # a translator's walk: a change after a long rewritten run was cut off at 120 characters, unseen
    old = "Os velhos " + " ".join(f"p{n}" for n in range(40)) + " e o fim."
    new = "Os novos " + " ".join(f"q{n}" for n in range(40)) + " e o fim, com fumo no telhado."
    shown = word_diff(old, new)
    assert shown.startswith("Os [-velhos p0 p1 p2 p3 p4 p5 p6 … p32 p33")
    assert shown.endswith("e o [-fim.-]{+fim, com fumo no telhado.+}"), shown


def test_the_record_round_trips_in_a_fixed_order(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    record = {"content/posts/b/index.en.md": Followed("content/posts/b/index.es.md", ("uno", None)),
              "content/posts/a/index.en.md": Followed("content/posts/a/index.es.md", ("dos",))}
    save_record(content, record)
    text = (content / "translations.json").read_text()
    assert text.index("posts/a/") < text.index("posts/b/") and "content/posts" not in text
    assert load_record(content) == (record, [])
    assert [p.name for p in content.iterdir()] == ["translations.json"]


def test_a_broken_record_is_a_content_error_at_its_line(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "translations.json").write_text('{\n "translations": {\n  "x": \n}')
    record, errors = load_record(content)
    assert record == {} and errors[0].path == "content/translations.json" and errors[0].line == 4
    (content / "translations.json").write_text(json.dumps({"translations": {"x": {"original": 1}}}))
    assert "not as `tertulia translated` writes it" in load_record(content)[1][0].message


def test_a_chinese_paragraph_rewrapped_is_the_same_words_and_shows_no_space(tmp_path):
    """A line break inside Chinese text was drawn as a space (几千年的 文化), and a record made before a
    paragraph was re-wrapped took it for changed."""
    from tertulia.reading.markup import Converter
    blocks = Converter().blocks("几千年的\n文化，很好。\nAnd English\nwords.\n\n```\n代码\n行\n```\n", True)
    assert blocks == ("<p>几千年的文化，很好。\nAnd English\nwords.</p>", "<pre><code>代码\n行\n</code></pre>")
    rewrapped = Converter().blocks("几千年的文化，\n很好。\nAnd English\nwords.\n", True)
    content = tmp_path / "content"
    content.mkdir()
    (content / "translations.json").write_text(json.dumps({"translations": {"posts/a/index.en.md": {
        "original": "posts/a/index.zh.md", "blocks": ["几千年的 文化，很好。 And English words."]}}}))
    record, errors = load_record(content)
    assert errors == [] and stale_blocks(record["content/posts/a/index.en.md"].blocks, words_of(rewrapped)) == ()


def test_a_chinese_paragraph_s_change_is_shown_by_its_characters():
    """A Chinese paragraph was one "word": its whole text quoted as its opening, and a one-character
    change shown as the paragraph deleted and added again, cut before the change."""
    from tertulia.reading.translations import opening_words
    old, new = "他已经五十多岁了，但是每天早上还去茶馆喝茶。", "他已经六十多岁了，但是每天早上还去茶馆喝茶。"
    assert word_diff(old, new) == "他已经 [-五-]{+六+} 十多岁 … 喝茶。"
    assert opening_words(f"<p>{new}</p>") == "他已经六十多岁了…"
    assert word_diff("a ellos quería llegar", "a ellos quise llegar") == "a ellos [-quería-]{+quise+} llegar"


def test_a_thai_paragraph_s_change_is_shown_by_its_letters_with_its_spaces():
    """A Thai phrase has no spaces between its words: `status` showed the whole phrase removed, and its
    cut at 120 characters fell before the `{+…+}` (a Thai writer's walk, 2026-12)."""
    old = "ทุกปีเมื่อเดือนมิถุนายนมาถึง ท้องฟ้าเหนือดอยสุเทพจะเปลี่ยนเป็นสีเทาเข้ม ลมเย็นพัดมาจากทิศตะวันตกและกลิ่นดินเปียกลอยมา"
    shown = word_diff(old, old.replace("ตะวันตก", "ใต้"))
    assert "พัดมาจากทิศ [-ตะวันตก-]{+ใต้+} และกลิ่นดิน" in shown, shown
    assert word_diff("ฝนตก หนัก", "ฝนตกหนัก") == "ฝนตก [- -] หนัก"  # the space between two phrases is one of the words


def test_a_block_taken_out_before_an_edited_one_and_another_put_in_after_is_paired_where_it_went():
    """A red team: A B C D → A C′ X D, a run of its length, was paired in place (C′ with B, X with C), so
    check said "outdated" alone and --update had nothing to do, each translation beside the wrong block."""
    from tertulia.reading.translations import paired_blocks
    recorded = ("Alfa uno dos.", "Beta cuatro cinco seis.", "Gamma siete ocho nueve.", "Delta diez once.")
    current = ("Alfa uno dos.", "Gamma siete ocho nueve, diez.", "Nuevo equis aquí.", "Delta diez once.")
    assert paired_blocks(recorded, current) == {0: 0, 1: 2, 3: 3}
    # rewritten in place however much, a block stays beside its translation: outdated, not lost
    rewritten = ("Alfa uno dos.", "Otra cosa del todo.", "Gamma siete ocho nueve.", "Delta diez once.")
    assert paired_blocks(recorded, rewritten) == {0: 0, 1: 1, 2: 2, 3: 3}


def test_a_block_moved_and_edited_too_is_paired_with_what_it_was():
    """A red team: C′ A B D, block 3 moved first and edited, was lost and gained: --update took out its
    translation, "its original gone", though the original was there."""
    from tertulia.reading.translations import paired_blocks, rearranged
    recorded = ("Alpha one two.", "Bravo three four.", "Charlie five six seven.", "Delta eight.")
    current = ("Charlie five SIX seven.", "Alpha one two.", "Bravo three four.", "Delta eight.")
    assert paired_blocks(recorded, current) == {0: 2, 1: 0, 2: 1, 3: 3}
    done = rearranged(recorded, current)
    assert not done.gained and not done.lost and done.beside_others == (0, 1, 2)
    assert rearranged(recorded, recorded).said() == ""


def test_a_paragraph_moved_into_a_deleted_one_s_place_or_beside_a_new_one_is_paired_where_it_went():
    """A translator's walk: 1 5 3 4 (2 deleted, 5 moved into its place) paired 5 with 2 as "edited" and
    lost 5; 1 2 3 5 4 N paired the new paragraph with 5's translation and called 5 new. A block's very
    words found elsewhere are that block, before any changed run is paired by its place."""
    from tertulia.reading.translations import paired_blocks
    recorded = ("Ao sábado enche.", "O peixeiro cala.", "Ao meio-dia", "Tudo fecha.", "Volto para casa.")
    one, two, three, four, five = recorded
    assert paired_blocks(recorded, (one, five, three, four)) == {0: 0, 1: 4, 2: 2, 3: 3}
    assert paired_blocks(recorded, (one, two, three, five, four, "À tarde, pombos.")) == {
        0: 0, 1: 1, 2: 2, 3: 4, 4: 3}
    assert paired_blocks(recorded, (one, three, two, "Há um homem.", four, five)) == {
        0: 0, 1: 2, 2: 1, 4: 3, 5: 4}


def test_the_half_a_split_cut_off_is_read_in_words_as_the_records_diffs_read_them():
    """`_part_cut` split words at spaces, so a Chinese paragraph was one word and its cut half followed the
    whole old paragraph; it now reads words as cjk.words does, the record's other diffs alike."""
    from tertulia.commands.update_translation import _part_cut
    assert _part_cut("Der Zug fährt um zehn Uhr ab. Im Abteil riecht es nach Kaffee.",
                     "Der Zug fährt pünktlich um zehn Uhr ab.", True) == "Im Abteil riecht es nach Kaffee."
    assert _part_cut("火車十點開。車廂裡有咖啡的味道。", "火車十點開。", True) == "車廂裡有咖啡的味道。"
    assert _part_cut("火車十點開。車廂裡有咖啡的味道。", "車廂裡有咖啡的味道。", False) == "火車十點開。"


def test_the_record_is_read_through_the_translator_s_own_moves_additions_and_edits():
    from tertulia.reading.translations import as_edited, fingerprints
    then = ("<p>One.</p>", "<p>Two.</p>", "<p>Spare.</p>", "<p>Three.</p>")
    followed = Followed("o", ("uno", "dos", "sobra", "tres"), own=fingerprints(then))
    assert as_edited(followed, then) is followed
    # Three moved first and Spare taken out; a block added by hand; Two edited in its place
    now = ("<p>Three.</p>", "<p>One.</p>", "<p>Two, edited.</p>", "<p>New.</p>")
    edited = as_edited(followed, ("<p>Three.</p>", "<p>One.</p>", "<p>Two.</p>"))
    assert edited.blocks == ("tres", "uno", "dos"), edited
    added = ("<p>One.</p>", "<p>Two.</p>", "<p>New.</p>", "<p>Spare.</p>", "<p>Three.</p>")
    assert as_edited(followed, added).blocks == ("uno", "dos", None, "sobra", "tres")
    edited = as_edited(followed, now)  # what was left in a changed run, in its place: edited there
    assert edited.blocks == ("tres", "uno", "dos", "sobra"), edited
    # a block cut in two by hand follows the whole; two made one, both; where the counts say nothing, nothing
    assert as_edited(followed, ("<p>One.</p>", "<p>Two</p>", "<p>again.</p>", "<p>Spare.</p>", "<p>Three.</p>")
                     ).blocks == ("uno", "dos", "dos", "sobra", "tres")
    assert as_edited(followed, ("<p>One.</p>", "<p>Two. Spare.</p>", "<p>Three.</p>")).blocks == ("uno", "dos sobra", "tres")
    assert as_edited(followed, ("<p>One.</p>", "<p>A</p>", "<p>B</p>", "<p>C</p>", "<p>D</p>", "<p>Three.</p>")
                     ).blocks == ("uno", None, None, None, None, "tres")
    # where it stands is no edit: footnote ids and links under a sub-path, as a build names them
    assert fingerprints(['<p>A<sup id="fnref-en-1"><a href="/s/x/#fn-en-1">1</a></sup></p>']) == \
        fingerprints(['<p>A<sup id="fnref-1"><a href="/x/#fn-1">1</a></sup></p>'])
    assert edited.own == fingerprints(now)
    assert as_edited(followed, ("<p>One.</p>", "<p>Two!</p>", "<p>Spare.</p>", "<p>Three.</p>")).blocks == followed.blocks
    assert as_edited(Followed("o", ("uno",)), ("<p>Anything.</p>", "<p>More.</p>")).blocks == ("uno",)
