"""`tertulia translated` and what writes the translation record (`content/translations.json`): a
translation marked as following its original as it is now, block by block, or as just started from
it (`new translation`). One writer at a time, the whole record replaced in one rename. Reading the
record and comparing an original's blocks with it is reading/translations.py's."""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..reading.align import counts_differ
from ..reading.find import SETTINGS, shown_path
from ..reading.translations import (RECORD, SUMMARY, TITLE, UNFINISHED, Followed, blocks_named, gone_entries, listed,
                                    fingerprints, load_record, read_for, marked, mend_rearranged, paired_blocks,
                                    rearranged, stale_blocks, still_marked, summary_of, title_of, words_of)

NOTE = "Written by `tertulia translated`; not for editing by hand."


@contextmanager
def record_lock(content: Path):
    """One writer of the record at a time: each reads it, changes it and replaces it whole, so two at
    once would each drop the other's entry. The lock is on the content folder itself: no file is left."""
    descriptor = os.open(content, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def save_record(content: Path, record: dict[str, Followed]) -> None:
    """Write the whole record in one rename, in a fixed order, so it diffs well and never half-written."""
    prefix = content.resolve().name + "/"
    data = {"note": NOTE, "translations": {
        key[len(prefix):]: {"original": followed.original[len(prefix):], "blocks": list(followed.blocks),
                            **({"title": followed.title} if followed.title is not None else {}),
                            **({"summary": followed.summary} if followed.summary is not None else {}),
                            **({"own": list(followed.own)} if followed.own is not None else {})}
        for key, followed in sorted(record.items())}}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # os.open's mode, not mkstemp's 0600: the record is shared as every file of content/ is (the umask decides)
    temporary = content / f".{RECORD}.{secrets.token_hex(8)}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, content / RECORD)
    except BaseException:
        os.unlink(temporary)
        raise


class NotATranslation(ValueError):
    """A file `translated` was named that is an original: one without `translation_of`."""


def mark_translated(content: Path, path: Path, blocks: list[int | str] | None = None, force: bool = False) -> list[str]:
    """Record that the translation at `path` (or each of `blocks`, numbered from 1, TITLE or SUMMARY) follows its
    original as it is now; a line said of each. Every number is checked before any is recorded; a
    translation whose original's blocks moved, came or went since it was recorded is not, unless the
    whole of it is `force`d (its blocks may sit beside other paragraphs, and a record would call that right).

    Raises ContentErrors when the files are not a translation and its original with matching
    blocks, ValueError for a request that cannot be right (a path outside the content, a block
    number out of range)."""
    translation, original, trusted = translation_pair(content, path)
    shown, original_shown = shown_path(content, translation), shown_path(content, original)
    (source, *heads), (target, *own_heads) = _blocks(original, original_shown, trusted), _blocks(translation, shown, trusted)
    if len(source) != len(target):
        raise ContentErrors([ContentError(shown, 0, f"{counts_differ(len(target), len(source))}; make them "
                                                    "match before marking it translated (`tertulia check` says "
                                                    "where they part)")])
    if (named := [field for field in (TITLE, SUMMARY) if field in (blocks or ())]) and heads[0] is None:
        raise ValueError(f"{shown}: a comment has no {named[0]}; name its blocks (1 to {len(source)})")
    if wrong := [block for block in blocks or () if block not in (TITLE, SUMMARY) and not 1 <= block <= len(source)]:
        if len(blocks) == 1:
            raise ValueError(f"{shown} has blocks 1 to {len(source)}, not {wrong[0]}")
        raise ValueError(f"{path} has blocks 1 to {len(source)}, not {', '.join(map(str, wrong))}; nothing was recorded")
    with record_lock(content):
        record, errors = load_record(content)
        if errors:
            raise ContentErrors(errors)
        current = words_of(source)
        if shown in record:  # what the translator's own edits since did to its blocks' places (see read_for)
            record[shown] = read_for(record[shown], source, target)
        moved = _rearranged_since(record.get(shown), original_shown, current)
        fields_alone = bool(blocks) and all(block in (TITLE, SUMMARY) for block in blocks)
        if moved and (not force or blocks) and not fields_alone:  # --force vouches for the whole, not a block
            raise ContentErrors([ContentError(shown, 0, f"not recorded: since it was, {moved}; {mend_rearranged(shown)}")])
        if moved and force and not blocks:
            lines = [_mark_as_moved(record, (shown, original_shown), current, heads)]
        else:
            lines = [_mark(record, (shown, original_shown), current, (heads, own_heads), target, block)
                     for block in blocks or [None]]
        record[shown] = replace(record[shown], own=fingerprints(target))
        gone = gone_entries(content, record)
        save_record(content, {key: value for key, value in record.items() if key not in gone})
    if gone:
        lines[0] += f"; dropped the record of {listed(gone)}, no longer there"
    return lines


def _rearranged_since(known: Followed | None, original_shown: str, current: tuple) -> str:
    """What the record says the original's blocks did (moved, came or went) since the translation was
    recorded, or "": its blocks may then sit beside other paragraphs than theirs, and a record would call
    that right for good, said by nothing any more."""
    if known is None or not known.tells(original_shown, len(current)):
        return ""
    return rearranged(known.blocks, current).said()


def _mark_as_moved(record: dict[str, Followed], pair: tuple[str, str], current: tuple, heads: list) -> str:
    """`translated --force` of a translation whose original's blocks moved: the translator says they moved
    theirs to match, so each block follows what its translation was made from, where it went; a block
    moved and edited too stays outdated, as an edit is (recorded as now, it would be called current unseen,
    a translator's walk); a block the original gained follows it as it is now."""
    shown, original_shown = pair
    known = record[shown]
    paired = paired_blocks(known.blocks, current)
    # a block in its place follows the original as now, as `translated` records it: its edit, if any, was shown
    # beside it all along; one moved follows what it was translated from, its edit seen by no word diff yet
    followed = tuple(known.blocks[paired[new]] if paired.get(new, new) != new else now
                     for new, now in enumerate(current))
    # the title and summary were not moved: they follow what they followed (outdated, if either changed)
    kept = [then if then is not None else now for then, now in zip((known.title, known.summary), heads)]
    record[shown] = Followed(original_shown, followed, *kept)
    said = f"recorded: {shown} follows {original_shown} (all {len(current)} blocks, where you moved them)"
    if outdated := [index + 1 for index, _ in stale_blocks(followed, current)]:
        said += (f"; {blocks_named(outdated)} {'is' if len(outdated) == 1 else 'are'} still outdated: "
                 f"{'its original' if len(outdated) == 1 else 'their originals'} changed as well as moved "
                 "(`tertulia status` says how)")
    return said


def _mark(record: dict[str, Followed], pair: tuple[str, str], current: tuple[str, ...], heads: tuple,
          target: list[str], block: int | str | None) -> str:
    """Record one block of a translation (or its title or summary; for None, the whole) as following its
    original's `current` words; what is said of it. `pair`: the translation's and the original's shown
    paths; `heads`: the original's title and summary, and the translation's."""
    shown, original_shown = pair
    (title, summary), (own_title, own_summary) = heads
    unfinished = [index for index, text in enumerate(target, 1) if UNFINISHED in text and block in (None, index)]
    known = record.get(shown)
    same = known is not None and known.original == original_shown
    stale = stale_blocks(known.blocks, current) if same else ()
    to_do = [field for field, own in ((TITLE, own_title), (SUMMARY, own_summary)) if own and UNFINISHED in own]
    followed_title, followed_summary = (_head_followed(field, now, own, known if same else None, block)
                                        for field, now, own in ((TITLE, title, own_title), (SUMMARY, summary, own_summary)))
    if block in (TITLE, SUMMARY):  # alone: the blocks follow what they followed (all of now, with no record yet)
        record[shown] = Followed(original_shown, known.blocks if same else tuple(current), followed_title, followed_summary)
        still = f"; {still_marked((block,), [])}" if block in to_do else ""
        return f"recorded: {shown} follows {original_shown} (its {block}){still}"
    followed = list(marked(current, stale, block))
    if same:  # a block still to translate follows nothing new: its starter holds the original's words of
        old = dict(stale)  # then, and once translated from them it is outdated if those changed
        for index in unfinished:
            followed[index - 1] = (old[index - 1] or None) if index - 1 in old else current[index - 1]
    record[shown] = Followed(original_shown, tuple(followed), followed_title, followed_summary)
    count = len(current)
    which = f"block {block} of {count}" if block else "its one block" if count == 1 else f"all {count} blocks"
    fields = to_do if block is None else ()
    still = f"; {still_marked(fields, unfinished)}" if unfinished or fields else ""
    # said, since the whole was asked for: a translator who mended one block should know the others
    # outdated are now called current too (a translator's walk)
    mended = [index + 1 for index, _ in stale if block is None and index + 1 not in unfinished]
    heads_mended = [f"the {field}" for field, then, now in ((TITLE, known and known.title, title),
                                                            (SUMMARY, known and known.summary, summary))
                    if block is None and same and then is not None and then != now and field not in to_do]
    named = heads_mended + ([blocks_named(mended)] if mended else [])
    said = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    was = (f"; {said}, outdated until now, {'is' if len(heads_mended) + len(mended) == 1 else 'are'} recorded as "
           f"translated too (`--block N`{', `title` or `summary`' if heads_mended else ''} records one alone)") if named else ""
    return f"recorded: {shown} follows {original_shown} ({which}){still}{was}"


def _head_followed(field: str, now: str | None, own: str | None, known: Followed | None, block) -> str | None:
    """What the record keeps of the original's title or summary (`field`) once `block` is marked. They are
    parts of the text as a block is: marked with the whole or alone, kept when a block (or the other) is;
    one still to translate follows the original's words its starter holds (`TODO translate: <them>`), as a
    block's starter does, for once translated from them it is outdated if those changed."""
    then = getattr(known, field) if known else None
    if own and UNFINISHED in own:
        return _starter_words(own) or (then if known else now)
    return then if known and block not in (None, field) else now


def _starter_words(own: str | None) -> str | None:
    """The original's words a title or summary still to translate holds after its marker, as the record
    keeps them; None when it holds none (the marker typed over some other text)."""
    if not own or not own.startswith(f"{UNFINISHED}:"):
        return None
    return " ".join(own[len(UNFINISHED) + 1:].split()) or None


def record_new(content: Path, shown: str, original_shown: str, blocks, meta: dict, trusted: bool = True) -> None:
    """Record a translation just started from its original (its blocks and front matter `meta`): it follows
    the original as it is now. `trusted`: an essay's or a page's, which has a summary; a comment has none."""
    words = words_of(blocks)
    title, summary = title_of(meta), summary_of(meta) if trusted else None
    with record_lock(content):
        record, errors = load_record(content)
        if not errors:
            record[shown] = Followed(original_shown, words, title, summary)
            save_record(content, record)


def translation_pair(content: Path, path: Path) -> tuple[Path, Path, bool]:
    """The translation file, its original beside it, and whether they are essays or pages (trusted)."""
    from ..reading.find import COMMENT_FILE, ESSAY_FILE
    from ..reading.read import read_parsed
    from ..reading.find import SYMLINK
    if path.is_symlink():
        raise ValueError(f"{path}: {SYMLINK}")
    try:
        translation = path.resolve()
        posts, pages = (content / "posts").resolve(), (content / "pages").resolve()
    except (OSError, RuntimeError) as problem:  # a loop of links on the way
        raise ValueError(f"{path}: cannot be read ({problem})")
    in_pages = pages in translation.parents  # a page is translated block by block as an essay is
    if not (in_pages or posts in translation.parents):
        raise ValueError(f"{path}: not a file under {content}/posts or {content}/pages")
    if translation.is_dir():  # a post's folder: which of its translations is meant is for the author to say
        names = sorted(f.name for f in translation.glob("*.md")
                       if (parsed := read_parsed(f)[0]) is not None and "translation_of" in parsed.meta)
        raise ValueError(f"{path}: a folder; name the translation's file in it"
                         + (f" ({', '.join(names)})" if names else ""))
    if not translation.is_file():  # under posts/ or pages/, but a typo or a file not yet written
        raise ValueError(f"{path}: no such file")
    from ..reading.read import parse_text
    parsed, error = parse_text(translation.read_bytes(), shown_path(content, translation))
    if error:  # its own error, said as check says it: the file may well say translation_of
            raise ContentErrors([error])
    if "translation_of" not in parsed.meta:
        raise NotATranslation(f"{path}: not a translation (a translation says `translation_of`)")
    is_essay = in_pages or translation.parent.name != "comments"
    name = (ESSAY_FILE if is_essay else COMMENT_FILE).fullmatch(translation.name)
    if not name:
        raise ValueError(f"{path}: not an essay, page or comment file")
    stem = "index" if is_essay else name["id"]
    original = translation.with_name(f"{stem}.{parsed.meta['translation_of']}.md")
    if original == translation:  # `check` says it at its line; a record of it would hide outdated blocks later
        raise ValueError(f"{path}: its translation_of names its own language; name the original's")
    if original.is_symlink():
        raise ValueError(f"{original}: {SYMLINK}")
    if not original.is_file():
        raise ValueError(f"{path}: its original {original.name} is not beside it")
    declared = _declared_languages(content)
    if declared and name["lang"] not in declared:  # no build reads it: a record of it would follow nothing
        raise ValueError(f"{path}: `{name['lang']}` is not in site.yml languages ({', '.join(declared)})")
    return translation, original, is_essay


def _declared_languages(content: Path) -> tuple[str, ...]:
    """The languages site.yml declares, or () when it cannot say (the build says why)."""
    from ..reading.config import load_config
    try:
        return load_config(content / SETTINGS, str(content / SETTINGS)).language_codes
    except (ContentErrors, OSError):
        return ()


def _blocks(path: Path, shown: str, trusted: bool) -> tuple[list[str], str | None, str | None]:
    """A file's blocks, its title and its summary (None for a comment, which has neither)."""
    from ..reading.markup import Converter
    from ..reading.read import parse_text
    parsed, error = parse_text(path.read_bytes(), shown)
    if error:
        raise ContentErrors([error])
    return Converter().blocks(parsed.body, trusted), title_of(parsed.meta), summary_of(parsed.meta) if trusted else None
