"""`new translation SLUG --lang L --update`: bring a translation's blocks in line with its grown or shrunk original.

When the original gains a paragraph, the translation has one block too few, and the build refuses
the pair until someone who reads the other language writes it: a writer is stopped by a
translator's work. The record (translations.py) knows which blocks the translation followed, so
the blocks the original gained can be put in their places, marked `TODO translate` as a new
translation's are (the page shows the original's words there, and says so, until translated),
and the blocks whose original is gone taken out, their words printed so that none is lost.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..reading import cjk
from ..reading.markup import Converter
from ..reading.read import parse_text
from ..reading.find import shown_path
from .translated import record_lock, save_record
from ..reading.starter_marks import copied_code, untouched_starter
from ..reading.translations import (Followed, fingerprints, first_cut, joined_into, load_record, opening_words,
                                    paired_blocks, read_for, rearranged, split_off, stale_blocks, words_of)
from .translation_starter import starter_markdown


@dataclass
class Updated:
    """The translation's new blocks (Markdown), what the record says each follows, and what was done."""

    sources: list[str] = field(default_factory=list)
    followed: list[str | None] = field(default_factory=list)
    kept_from: list[int | None] = field(default_factory=list)  # each block's place in the translation before, or None
    added: list[int] = field(default_factory=list)  # numbers from 1 in the new translation
    removed: list[tuple[int, str]] = field(default_factory=list)  # old number from 1, its Markdown
    joined: list[tuple[int, int]] = field(default_factory=list)  # (old number, new number it joined), from 1
    split: dict[int, int] = field(default_factory=dict)  # an added block cut from its neighbour's paragraph, from 1
    refreshed: list[int] = field(default_factory=list)  # untouched starters now holding their original's new words


def update_translation(content: Path, translation: Path, original: Path, trusted: bool = True) -> str:
    """Rewrite `translation` with the blocks its `original` gained since it was recorded (marked) and
    without those it lost; its record updated alike. Returns what was done; raises ContentErrors
    naming why it cannot be (no record to go by, blocks that cannot be told apart). `trusted`: an
    essay's or a page's, not a comment's, whose blocks are read as the record reads them (sanitized)."""
    shown, original_shown = shown_path(content, translation), shown_path(content, original)
    text = translation.read_bytes().decode("utf-8", errors="strict").replace("\r\n", "\n")
    parsed, error = parse_text(text.encode("utf-8"), shown)
    source_parsed, source_error = parse_text(original.read_bytes(), original_shown)
    if error or source_error:
        raise ContentErrors([problem for problem in (error, source_error) if problem])
    converter = Converter()
    source, target = converter.blocks(source_parsed.body, trusted), converter.blocks(parsed.body, trusted)
    with record_lock(content):
        record, errors = load_record(content)
        if errors:
            raise ContentErrors(errors)
        followed = read_for(record.get(shown), source, target)
        _refuse_unless_known(shown, original_shown, (record.get(shown), followed), source, target)
        pieces = _block_sources(text, parsed, len(target), shown)
        updated = _updated(followed.blocks, words_of(source), source, pieces, trusted)
        _join_merged(updated, followed.blocks, words_of(source), target)
        _refresh_starters(updated, followed.blocks, words_of(source), source, target, trusted)
        if unknown := [number for number, _ in updated.removed if followed.blocks[number - 1] is None]:
            # recorded with no words (a block marked alone before it was translated): where it went cannot be
            # told, and taking it out would drop a translator's words whose original may be there still
            raise ContentErrors([ContentError(shown, parsed.body_line, (
                f"the record holds no words for its {'blocks' if len(unknown) > 1 else 'block'} "
                f"{', '.join(map(str, unknown))}, so where they went cannot be told; add or remove the blocks by hand"))])
        new_text = text[:_body_offset(text, parsed.body_line)] + "\n" + "\n\n".join(updated.sources) + "\n"
        new_blocks = converter.blocks(parse_text(new_text.encode("utf-8"), shown)[0].body, trusted)
        if not _kept_as_they_were(new_blocks, target, updated, len(source)):
            raise ContentErrors([ContentError(shown, parsed.body_line, "where each of its blocks starts cannot be told "
                                              "for sure (a code block right under a paragraph, say); add or remove "
                                              "the blocks by hand")])
        _replace(translation, new_text)
        # its title and summary as they were
        record[shown] = replace(followed, blocks=tuple(updated.followed), own=fingerprints(new_blocks))
        save_record(content, record)
    return _said(shown, updated, source)


NOTHING_TO_UPDATE = "has as many blocks as its original"  # how that refusal starts: `--comments` passes over it


def _refuse_unless_known(shown: str, original_shown: str, records: tuple[Followed | None, Followed | None],
                         source, target) -> None:
    """Only a translation whose record says which original blocks it followed can be put in line, and
    only when the original gained or lost blocks (as many as it lost, when the counts still agree).
    `records`: the record as written, and as read through the translation's own edits since (as_edited)."""
    then, followed = records
    known = followed is not None and followed.tells(original_shown, len(target))
    if len(source) == len(target) and not (known and (rearranged(followed.blocks, words_of(source)).said()
                                                      or _starters_behind(followed.blocks, words_of(source), source, target))):
        raise ContentErrors([ContentError(shown, 0, f"{NOTHING_TO_UPDATE} ({len(source)}): nothing to "
                                          "add or take out; `tertulia status` says which blocks are outdated")])
    if then is not None and then.original == original_shown and then.blocks == words_of(source):
        more = "more" if len(target) > len(source) else "fewer"
        raise ContentErrors([ContentError(shown, 0, (
            f"has {len(target)} blocks, its original {len(source)}; the original is as it was when this translation "
            f"was recorded, so the translation has {more} blocks than it had: `tertulia check` says where they part, "
            "for you to mend by hand"))])
    if known and (cut := first_cut(followed, source, target)):
        raise ContentErrors([ContentError(shown, 0, cut[1] + " before `--update`, which would take the parts out as "
                                          "blocks the original lost")])
    if not known:
        raise ContentErrors([ContentError(shown, 0, (
            f"has {len(target)} blocks, its original {len(source)}, and the translation record does not say which "
            "of the original's blocks it followed (it was edited since it was last marked with `tertulia "
            "translated`): add or remove the blocks by hand"))])


def _block_sources(text: str, parsed, count: int, shown: str) -> list[str]:
    """Each block's Markdown, cut from the file at the lines where the blocks start."""
    starts = list(parsed.block_starts)
    if len(starts) != count or starts != sorted(starts):
        raise ContentErrors([ContentError(shown, parsed.body_line, "where each of its blocks starts cannot be told "
                                          "(footnotes between its paragraphs?); add or remove the blocks by hand")])
    lines = text.split("\n")
    ends = starts[1:] + [len(lines) + 1]
    return ["\n".join(lines[start - 1:end - 1]).strip("\n") for start, end in zip(starts, ends)]


def _updated(recorded: tuple, current: tuple, source, pieces: list[str], trusted: bool = True) -> Updated:
    """The new blocks: the translation's own where the original still has its block (the same, changed,
    or moved), a starter where it gained one, none where it lost one."""
    paired = paired_blocks(recorded, current)
    updated = Updated()
    for new, now in enumerate(current):
        old = paired.get(new)
        if old is None:  # a block the original gained: its starter follows it, as a new translation's do
            updated.sources.append(starter_markdown(source[new], trusted))
            updated.followed.append(now)
            updated.added.append(len(updated.sources))
        else:  # its translation stays; outdated, as before, if the original's words changed
            updated.sources.append(pieces[old])
            updated.followed.append(now if recorded[old] == now else recorded[old])
        updated.kept_from.append(old)
    splits = split_off(recorded, current, paired)
    for new, neighbour in splits.items():
        updated.split[new + 1] = neighbour + 1
        # its words were translated as a part of the paragraph it was cut from: it follows that part, so a
        # word the writer changed in it as they cut it is outdated once its translation is moved in (the
        # whole paragraph read as words it had lost, a translator's red team)
        alone = list(splits.values()).count(neighbour) == 1
        old = recorded[paired[neighbour]]
        updated.followed[new] = _part_cut(old, current[neighbour], new > neighbour) if alone else old
    kept = set(paired.values())
    updated.removed = [(old + 1, pieces[old]) for old in range(len(recorded)) if old not in kept]
    return updated


def _part_cut(paragraph: str, kept: str, after: bool) -> str:
    """The words of a recorded `paragraph` that a block cut from it `after` (or before) the part `kept` took
    with them: those past the last (or before the first) word the kept part still shares with it."""
    from difflib import SequenceMatcher  # here: only a split asks
    old, now = cjk.words(paragraph), cjk.words(kept)  # as the record's other diffs read words (a Thai letter is one)
    shared = [match for match in SequenceMatcher(None, old, now, autojunk=False).get_matching_blocks() if match.size]
    if not shared:
        return paragraph
    part = old[shared[-1].a + shared[-1].size:] if after else old[:shared[0].a]
    return cjk.spaced(part) or paragraph


def _starters_behind(recorded: tuple, current: tuple, source, target) -> bool:
    """Whether a block of a translation as long as its original is an untouched starter whose original
    changed: the blocks `check` names so (translation_checks.outdated_blocks), found as it finds them."""
    return any(_to_start_again(target[index], old, source[index]) for index, old in stale_blocks(recorded, current))


def _to_start_again(block_html: str, followed: str | None, original_html: str) -> bool:
    """Whether a translation's block holds nothing of a translator's, to be made again from its original's
    new words: an untouched starter, or a code block copied as the original's was (a translator's walk: the
    writer's fixed code stayed old beside the new, and `--update` had "nothing to update")."""
    return untouched_starter(block_html, followed, original_html) or copied_code(block_html, followed, original_html)


def _refresh_starters(updated: Updated, recorded: tuple, current: tuple, source, target, trusted: bool) -> None:
    """Each untouched starter (or copied code) whose original changed, started again from the original as it
    is: it held the old words, which a translator would have translated, to be told they were outdated (a
    translator's red team). A block cut from such a starter's paragraph is a starter too, with nothing to move
    into it."""
    joined = {new - 1 for _, new in updated.joined}
    for new, old in enumerate(updated.kept_from):
        if old is None or new in joined or recorded[old] == current[new] \
                or not _to_start_again(target[old], recorded[old], source[new]):
            continue
        updated.sources[new] = starter_markdown(source[new], trusted)
        updated.followed[new] = current[new]
        updated.refreshed.append(new + 1)
    for number, neighbour in list(updated.split.items()):
        if neighbour in updated.refreshed:
            updated.followed[number - 1] = current[number - 1]
            del updated.split[number]


def _join_merged(updated: Updated, recorded: tuple, current: tuple, target) -> None:
    """Lost paragraphs whose words now stand in the block beside them, which grew by them (two or more
    paragraphs of the original made one, as translations.joined_into finds them): their translations
    joined to that block's, in their order, which stays outdated, instead of taken out. Only paragraphs
    join: a heading or a list cannot run on into another block."""
    paired = {new: old for new, old in enumerate(updated.kept_from) if old is not None}
    joins = joined_into(recorded, current, paired)
    for new in sorted(set(joins.values())):
        olds = sorted({paired[new]} | {old for old, into in joins.items() if into == new})
        if not all(target[old].startswith("<p>") for old in olds):
            continue
        pieces = dict(updated.removed)
        updated.sources[new] = "\n".join(updated.sources[new] if old == paired[new] else pieces[old + 1] for old in olds)
        updated.removed = [(number, markdown) for number, markdown in updated.removed if number - 1 not in olds]
        updated.joined += [(old + 1, new + 1) for old in olds if old != paired[new]]


def _kept_as_they_were(blocks, target, updated: Updated, count: int) -> bool:
    """Whether the rewritten translation has its original's count of blocks and each block it kept is
    the very block it was: the cut at each block's first line is a guess (see align.block_lines), and a
    wrong one would pair a translator's words with another paragraph, recorded as following it."""
    changed = {new - 1 for _, new in updated.joined} | {new - 1 for new in updated.refreshed}
    return len(blocks) == count and all(before is None or index in changed or blocks[index] == target[before]
                                        for index, before in enumerate(updated.kept_from))


def _body_offset(text: str, body_line: int) -> int:
    """Where the body starts in the file's text (after the front matter's closing line)."""
    offset = 0
    for _ in range(body_line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def _replace(path: Path, text: str) -> None:
    """The file replaced whole in one rename, its permissions kept: never half written."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, path.stat().st_mode & 0o777)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _and(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def _said(shown: str, updated: Updated, source) -> str:
    """What the update did, block by block; a removed block's words in full, so that none is lost."""
    lines = [f"updated {shown}: now {len(updated.sources)} blocks, as its original"]
    moved = [new for new, old in enumerate(updated.kept_from, 1) if old is not None and old + 1 != new]
    if moved and not (updated.added or updated.removed or updated.joined):  # a swap: said, since no block came or went
        lines.append(f"  {'blocks' if len(moved) > 1 else 'block'} {', '.join(map(str, moved))} moved back "
                     "beside their originals")
    for number in updated.refreshed:
        if source[number - 1].startswith("<pre"):
            lines.append(f"  block {number}: code, copied again from the original as it is now")
            continue
        lines.append(f"  block {number}: still to translate, its starter now holds the original's new words "
                     f"(“{opening_words(source[number - 1])}”)")
    for number in updated.added:
        lines.append(f"  block {number} added (“{opening_words(source[number - 1])}”), marked `TODO translate`: "
                     "the page shows the original's words there until it is translated")
        if number in updated.split:  # the translation of its words is there already, in the block beside it
            lines.append(f"    its original was cut from block {updated.split[number]}'s paragraph, whose translation "
                         "still holds both: move that part here")
    for new in sorted({new for _, new in updated.joined}):  # numbered as before and after: "block 11 joined to
        olds = sorted({updated.kept_from[new - 1] + 1} | {old for old, into in updated.joined if into == new})
        lines.append(f"  blocks {_and(olds)} joined into block {new}, as their original's paragraphs were "
                     "joined: read them as one")  # block 11" said two numberings at once (a translator's walk)
    for number, markdown in updated.removed:
        lines.append(f"  block {number} taken out: its original is gone. Its words were:")
        lines += [f"    {line}" for line in markdown.split("\n")]
    return "\n".join(lines)
