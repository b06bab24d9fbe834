"""A translation checked against its original: as many blocks, each of the same kind, lists of as many
items; the blocks and title outdated since it was recorded, or still to translate (shown in the original's
language meanwhile)."""

from __future__ import annotations

import re
from dataclasses import replace

from .align import counts_differ, locate_mismatch, span
from ..errors import ContentError
from .findings import Findings
from .markup import first_words
from ..model import Text
from .read import Record
from .starter_marks import copied_code, untouched_starter
from .translations import (UNFINISHED, Followed, first_cut, mend_rearranged, opening_words, paired_blocks, rearranged,
                           joined_into, split_off, stale_blocks, still_marked, summary_of, title_of, update_command,
                           words_of)


def _notes_renamed(block: str, original_lang: str, lang: str) -> str:
    """An original's block standing in a translation, its footnotes' ids in the translation's name (`fn-en-1`):
    beside the original on one page, the original's own (`fn-es-1`) would be there twice."""
    if 'fn' not in block:
        return block
    return re.sub(rf'(?<=["#])(fn|fnref[0-9]*)-{re.escape(original_lang)}-', rf'\1-{lang}-', block)


def unfinished_shown_as_original(text: Text, original: Text, original_blocks: tuple[str, ...],
                                  record: Record, follows: dict[int, int] | None = None) -> Text:
    """A block (or title) that still holds the starter's marker is never published: the original's
    stands in its place, in its own language, the block noted as not yet translated (and where it
    starts, for `status`). The original's block it was started from, where the original's blocks moved
    since (`follows`): the one now in its place showed a moved paragraph twice, and the list it was
    started from nowhere (a translator's week)."""
    follows = follows or {}
    unfinished = tuple(i for i, block in enumerate(text.blocks) if UNFINISHED in block)
    if unfinished:
        blocks = tuple(_notes_renamed(original_blocks[follows.get(i, i)], original.lang, text.lang)
                       if i in unfinished else block for i, block in enumerate(text.blocks))
        text = replace(text, blocks=blocks, unfinished=unfinished, original_lang=original.lang,
                       excerpt=first_words(blocks) if text.excerpt else "",
                       unfinished_line=record.block_line(unfinished[0], len(blocks)) or record.body_line)
    if UNFINISHED in text.title or UNFINISHED in text.summary:
        text = replace(text, title=original.title if UNFINISHED in text.title else text.title,
                       title_lang=original.lang if UNFINISHED in text.title else "",
                       summary=original.summary if UNFINISHED in text.summary else text.summary,
                       original_lang=original.lang,
                       unfinished_fields=tuple(key for key in ("title", "summary") if UNFINISHED in getattr(text, key)),
                       unfinished_line=record.line("title" if UNFINISHED in text.title else "summary"))
    return text


def warn_unfinished(record: Record, blocks: tuple[str, ...], found: Findings) -> None:
    """Name the blocks (and title, and summary) still holding the starter's marker, at the first one's
    line: they are shown in the original's language until translated."""
    marked = [index for index, block in enumerate(blocks) if UNFINISHED in block]
    fields = tuple(key for key in ("title", "summary") if UNFINISHED in str(record.meta.get(key, "")))
    if not (marked or fields):
        return
    line = (record.block_line(marked[0], len(blocks)) if marked and not fields else None) or record.line(
        fields[0] if fields else "title")
    said = still_marked(fields, [index + 1 for index in marked], len(blocks))
    found.warnings.append(ContentError(record.path, line, f"{said}: shown in the original's language until translated"))


def check_alignment(original: Record, translation: Record, blocks, found: Findings,
                     followed: Followed | None = None, in_progress: bool = False) -> tuple[bool, bool]:
    """A translation must have exactly as many top-level blocks as its original: (whether it has, whether
    the original's blocks moved, came or went since the record, which a warning says). Where the record
    says which blocks the original has gained or lost since the translation followed it, those are
    named; else the likeliest place is guessed from the blocks' lengths."""
    source, target = blocks[original.path], blocks[translation.path]
    recorded = followed is not None and followed.tells(original.path, len(target))
    if len(source) == len(target):
        if recorded and (cut := first_cut(followed, source, target)):  # the counts agree by chance (a red team)
            line = translation.block_line(cut[0][0], len(target)) or translation.body_line
            found.warnings.append(ContentError(translation.path, line, cut[1] + THEN_CHECK))
            return True, True
        # a draft's too: `translated` refuses it alike, and says why only here
        shifted = recorded and _warn_shifted(translation, followed.blocks, source, found)
        if not (in_progress or shifted):  # a draft's or a pending comment's translation is work in progress (see
            _warn_list_lengths(translation, source, target, found)  # validate._texts); beside other paragraphs,
            _warn_kinds(translation, source, target, found)  # its blocks' kinds differ as theirs do: said there
        return True, shifted
    # a block the translator added by hand follows nothing the original lost or gained (see as_edited)
    recorded = recorded and None not in followed.blocks
    changed = _changed_since_recorded(followed, source, target, translation.block_starts) if recorded else None
    line, where, by_hand, done = changed or (*locate_mismatch(source, target, list(translation.block_starts)), False, "")
    message = counts_differ(len(target), len(source))
    if where:
        message += f"; {where}"
    message += _list_run_in(target, source)
    if recorded and not by_hand and (command := update_command(translation.path)):
        message += f" ({command} {UPDATE_DOES[done]})"
    found.errors.append(ContentError(translation.path, line or translation.body_line, message))
    return False, False


SHIFTED = "since this translation was recorded, "  # how that warning starts: `status` repeats it


def _warn_shifted(translation: Record, recorded: tuple, source, found: Findings) -> bool:
    """A warning, at the first block it touches, when the original's blocks moved, came or went since the
    translation was recorded: the counts may still agree, but its blocks then sit beside other paragraphs
    than theirs, which "outdated" alone did not say. Whether there was one."""
    done = rearranged(recorded, words_of(source))
    said = done.said()
    if not said:
        return False
    starts = translation.block_starts
    line = starts[min(done.beside_others[0], len(starts) - 1)] if starts else translation.body_line
    found.warnings.append(ContentError(translation.path, line, f"{SHIFTED}{said}; {mend_rearranged(translation.path)}"))
    return True


LIST_RUN_IN = re.compile(r"\n\s{0,3}(?:[-*+]|\d{1,9}[.)]) ")  # a list item's line inside a paragraph


def _list_run_in(target, source) -> str:
    """A hint when a paragraph of the translation holds lines written as a list's items and the original has
    a list: Markdown starts a list only after a blank line, so the two read as one paragraph here."""
    if not any(block.startswith(("<ul>", "<ol")) for block in source):
        return ""
    for number, block in enumerate(target, 1):
        if block.startswith("<p>") and LIST_RUN_IN.search(block):
            return (f" (translation block {number} holds lines written as a list's items: a list needs a blank "
                    "line before it, or Markdown reads it as part of the paragraph above)")
    return ""


# what `--update` does, said for what the original did (a translator was told all four every time)
UPDATE_DOES = {
    "gained": "adds the original's new blocks marked `TODO translate`, shown in its language until translated",
    "lost": "takes out the translations of the blocks the original lost",
    "joined": "joins the translations of the paragraphs the original joined",
    "": ("adds the original's new blocks marked `TODO translate`, shown in its language until translated, moves "
         "the translations of blocks that moved with them, joins those of paragraphs it joined and takes out those "
         "it lost"),
}


THEN_CHECK = "; then `tertulia check` says what the original changed since"  # after a cut beside the original's change


def _changed_since_recorded(followed: Followed, source, target, starts) -> tuple[int, str, bool, str] | None:
    """(line, sentence, whether it is mended by hand, what the original did: see UPDATE_DOES) naming the
    blocks the original gained, or those it lost, since the translation was recorded as following it (its
    blocks then: `followed.blocks`), paired as
    translations.paired_blocks pairs them; a paragraph cut in two is said so, and mended by hand (`--update`
    would add a block to write), as is two made one. None when it both gained and lost some, which one
    sentence cannot say."""
    recorded, current = followed.blocks, words_of(source)
    paired = paired_blocks(recorded, current)  # as `--update` pairs them, which the message names
    gained = [new for new in range(len(source)) if new not in paired]
    lost = sorted(set(range(len(recorded))) - set(paired.values()))
    lines = [starts[min(index, len(starts) - 1)] if starts else 0 for index in range(max(len(source), len(target)))]
    if cut := first_cut(followed, source, target):  # mended by hand, before what the original changed, if it did
        cut_parts = {index for start, end in followed.cut for index in range(start, end)}
        only_the_cut = not gained and set(lost) <= cut_parts  # the original lost nothing: `--update` would delete words
        return lines[cut[0][0]], cut[1] + ("" if only_the_cut else THEN_CHECK), True, ""
    if bool(gained) == bool(lost):
        return None
    if gained and (split := _split(recorded, current, paired, gained, source)):
        return lines[split[0]], split[1], True, "gained"
    if lost and (joined := _joined(recorded, current, paired, lost, source)):
        return lines[joined[0]], joined[1], False, "joined"  # `--update` joins them as this says
    at, one = (gained or lost)[0], len(gained or lost) == 1
    which = _blocks_said(gained or lost)
    if gained:
        return lines[at], (f"original {which} (“{opening_words(source[at])}”) {'was' if one else 'were'} added after "
                           f"this translation was recorded: translate {'it' if one else 'them'} here as {which}"), False, "gained"
    return lines[at], (f"the original's {which} {'was' if one else 'were'} removed after this translation was recorded: "
                       f"translation {which} (“{opening_words(target[at])}”) {'follows' if one else 'follow'} nothing now"), False, "lost"


def _split(recorded: tuple, current: tuple, paired: dict, gained: list[int], source) -> tuple[int, str] | None:
    """(the translation's block to cut, what to say) when every block the original gained was cut from one
    paragraph: said as a split, the translator knows to cut theirs rather than write a new block."""
    split = split_off(recorded, current, paired)
    if not all(new in split for new in gained) or len({paired[split[new]] for new in gained}) != 1:
        return None
    old = paired[split[gained[0]]]
    parts = sorted(set(gained) | {split[new] for new in gained})
    if parts != list(range(parts[0], parts[-1] + 1)):
        return None
    into = {2: "two", 3: "three"}.get(len(parts), str(len(parts)))
    quoted = " … ".join(f"“{opening_words(source[index])}”" for index in (parts[0], parts[-1]))
    return old, (f"the original's block {old + 1} was split in {into} after this translation was recorded (now blocks "
                 f"{span(parts[0], len(parts))}: {quoted}): split this translation's block {old + 1} the same way")


def _joined(recorded: tuple, current: tuple, paired: dict, lost: list[int], source) -> tuple[int, str] | None:
    """(the translation's first block to join, what to say) when every block the original lost now stands
    in the one paragraph beside it: said as removed, a translator mending by hand deleted its translation."""
    joins = joined_into(recorded, current, paired)
    if not all(old in joins for old in lost) or len({joins[old] for old in lost}) != 1:
        return None
    new = joins[lost[0]]
    olds = sorted(set(lost) | {paired[new]})
    if olds != list(range(olds[0], olds[-1] + 1)):
        return None
    blocks = span(olds[0], len(olds))
    return olds[0], (f"the original's blocks {blocks} were joined into one paragraph after this translation was "
                     f"recorded (now its block {new + 1}: “{opening_words(source[new])}”): join this translation's "
                     f"blocks {blocks} the same way")


def _blocks_said(indexes: list[int]) -> str:
    """`block 3`, `blocks 3 to 5` for a run, `blocks 2, 6` otherwise: numbered from 1."""
    if len(indexes) == 1:
        return f"block {indexes[0] + 1}"
    if indexes == list(range(indexes[0], indexes[0] + len(indexes))):
        return f"blocks {indexes[0] + 1} to {indexes[-1] + 1}"
    return "blocks " + ", ".join(str(index + 1) for index in indexes)


LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b")


def _items(block: str) -> int | None:
    """How many items a block that is a list holds at its top level (a nested list's are its item's), else None."""
    if not block.startswith(("<ul>", "<ol")):
        return None
    depth = items = 0
    for closing, tag in LIST_TAG.findall(block):
        if tag != "li":
            depth += -1 if closing else 1
        elif not closing and depth == 1:
            items += 1
    return items


def _warn_list_lengths(translation: Record, source, target, found: Findings) -> None:
    """Warn of a list whose translation has more or fewer items: a list is one block, so an item left out
    keeps the blocks aligned and would go unseen, the page showing three items beside two."""
    for index, (theirs, ours) in enumerate(zip(source, target)):
        if theirs[:3] != ours[:3]:
            continue
        if theirs.startswith("<table") and (expected := theirs.count("<tr")) != (written := ours.count("<tr")):
            said = (f"a table of {written} row{'s' if written != 1 else ''}, its original's has {expected}: a row "
                    f"{'left out' if written < expected else 'added'}?")
        elif (expected := _items(theirs)) is not None and (written := _items(ours)) != expected:
            guess = "an item left out, or two run together?" if written < expected else "an item added, or one split in two?"
            said = f"a list of {written} item{'s' if written != 1 else ''}, its original's has {expected}: {guess}"
        else:
            continue
        line = translation.block_line(index, len(target)) or translation.body_line
        found.warnings.append(ContentError(translation.path, line, f"block {index + 1} is {said}"))


BLOCK_KINDS = {"p": "a paragraph", "ul": "a bulleted list", "ol": "a numbered list", "blockquote": "a block quote",
               "pre": "a code block", "table": "a table", "hr": "a thematic break",
               **{f"h{level}": f"a level-{level} heading" for level in range(1, 7)}}


FIRST_ELEMENT = re.compile(r"\s*<([a-z][a-z0-9]*)")


def _warn_kinds(translation: Record, source, target, found: Findings) -> None:
    """Warn of a block that is of another kind than its original's (a heading translated as a paragraph):
    the counts still match, so nothing else would say so, and the pair would show a heading beside a line
    of prose. Cheap where nothing differs: a block's first three characters name its kind. Two neighbours
    each of the other's kind are said swapped (a translator's week: four warnings asked after the Markdown
    of a quote and a list that had changed places)."""
    swapped = -2  # the first of a pair said swapped: its neighbour is said with it
    for index, (theirs, ours) in enumerate(zip(source, target)):
        # a block still to translate shows its original's
        if theirs[:3] == ours[:3] or UNFINISHED in ours or index == swapped + 1:
            continue
        kinds = [_kind_of(block) for block in (theirs, ours)]
        if None in kinds or kinds[0] == kinds[1]:
            continue
        line = translation.block_line(index, len(target)) or translation.body_line
        if index + 1 < len(target) and kinds == [_kind_of(target[index + 1]), _kind_of(source[index + 1])]:
            swapped = index
            found.warnings.append(ContentError(translation.path, line, (
                f"blocks {index + 1} and {index + 2} seem swapped: {kinds[1]} then {kinds[0]} here, {kinds[0]} then "
                f"{kinds[1]} in the original; each stands beside the other's original until they change places")))
            continue
        found.warnings.append(ContentError(translation.path, line, (
            f"block {index + 1} is {kinds[1]} here, {kinds[0]} in the original: is its Markdown "
            f"written as the original's?")))


def _kind_of(block: str) -> str | None:
    """A block's kind as a warning names it (`a bulleted list`), or None for one not named."""
    return BLOCK_KINDS.get(element.group(1)) if (element := FIRST_ELEMENT.match(block)) else None


def title_outdated(original: Record, translation: Record, followed: Followed, found: Findings) -> tuple[str, int] | None:
    """The original's title when the translation was marked, if it has changed since (warned of), and
    the line of the translation's title."""
    if followed.title is None or followed.original != original.path:
        return None  # a record from before titles were kept, or for a renamed original
    now = title_of(original.meta)
    if now is None or now == followed.title:
        return None
    line = translation.line("title")
    found.warnings.append(ContentError(translation.path, line, (
        f"the title is outdated: its original's title changed from “{followed.title}” to “{now}” after it was "
        f"translated; once the translation's title follows it, `tertulia translated {translation.path} --block title` "
        "records that")))
    return followed.title, line


def summary_outdated(original: Record, translation: Record, followed: Followed, found: Findings) -> tuple[str, int] | None:
    """The original's summary when the translation was marked, if it has changed since (warned of), and the
    line of the translation's summary: listings and feeds show it, and a stale one is read there unseen."""
    if followed.summary is None or followed.original != original.path:
        return None  # a record from before summaries were kept, or for a renamed original
    if not isinstance(original.meta.get("summary", ""), str):
        return None  # `summary must be text` is its error: no second word on it
    now = summary_of(original.meta)
    if now == followed.summary or UNFINISHED in str(translation.meta.get("summary") or ""):
        return None  # a summary still to translate is unfinished, said as such
    line = translation.line("summary")  # or its front matter's, where it has none
    changed = (f"its original's summary changed from “{followed.summary}” to “{now}”" if followed.summary and now
               else f"its original gained a summary (“{now}”)" if now else "its original's summary was taken out")
    found.warnings.append(ContentError(translation.path, line, (
        f"the summary is outdated: {changed} after it was translated; once the "
        f"translation's follows it, `tertulia translated {translation.path} --block summary` records that")))
    return followed.summary, line


def summary_without_original(original: Record, translation: Record, found: Findings, kind: str = "essay") -> None:
    """Warn of a translation's summary where its original has none: listings and feeds show it (a page's,
    search results and shared links), so a summary of words the writer took out stays published
    (recording it as followed silenced it)."""
    theirs = translation.meta.get("summary")
    if not isinstance(theirs, str) or not theirs.strip() or UNFINISHED in theirs:
        return
    if not isinstance(original.meta.get("summary", ""), str) or summary_of(original.meta):
        return  # the original's own summary: followed or not, said above; not text: its error
    found.warnings.append(ContentError(translation.path, translation.line("summary"), (
        "this translation has a summary, its original none: "
        + ("listings and feeds show" if kind == "essay" else "search results and shared links show")
        + " it where the original's pages show its opening words; take it out, or give the original the summary it "
        "translates")))


def outdated_blocks(original: Record, translation: Record, blocks, followed: Followed, found: Findings,
                    rearranged_since: bool = False) -> tuple:
    """The translation's blocks whose original changed since a translator marked them, each warned of.
    `rearranged_since`: the original's blocks moved too (warned of): `translated` refuses to record one
    block then, so the way to record it waits on the blocks put back beside theirs."""
    if followed.original != original.path:
        return ()  # recorded against another original: a record for a file that was renamed
    current = words_of(blocks[original.path])
    starts = translation.block_starts
    stale = []
    # those beside another paragraph than theirs are outdated on the page, and named once, by the moved warning
    displaced = set(rearranged(followed.blocks, current).beside_others) if rearranged_since else set()
    for index, old in stale_blocks(followed.blocks, current):
        line = starts[index] if index < len(starts) else translation.body_line
        if index in displaced and old and any(old == now for now in current):
            stale.append((index, old, line))
            continue
        ours, theirs = blocks[translation.path][index], blocks[original.path][index]
        if UNFINISHED in ours:  # unfinished, not outdated: counted once
            if untouched_starter(ours, old, theirs) and (command := update_command(translation.path)):
                # its words are the original's old ones, which a translator would translate, to be told later
                found.warnings.append(ContentError(translation.path, line, (
                    f"block {index + 1}'s starter holds its original's old words (“{opening_words(theirs)}” now): "
                    f"{command} starts it again from the new ones")))
            continue
        stale.append((index, old, line))
        # the writer's code fixed, the translator's copy not
        if copied_code(ours, old, theirs) and (command := update_command(translation.path)):
            found.warnings.append(ContentError(translation.path, line, (
                f"block {index + 1} is outdated: its original's code (“{opening_words(theirs)}”) changed, and this "
                f"block is a copy of it as it was: {command} copies it again")))
            continue
        found.warnings.append(ContentError(translation.path, line, (
            f"block {index + 1} is outdated: its original (“{opening_words(theirs)}”) changed "
            "after it was translated; `tertulia status` says what changed, and once the translation's block follows "
            # its block alone: the whole file's record would call its other outdated blocks current unseen
            + ("it again and its blocks stand beside their originals again (see the warning on moved blocks), "
               if rearranged_since else "it again, ")
            + f"`tertulia translated {translation.path} --block {index + 1}` records that")))
    return tuple(stale)
