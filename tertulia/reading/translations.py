"""Which version of its original each translation follows, block by block.

The record is one machine-kept file, `content/translations.json`: for every translation a
translator has marked, the text of each block of its original as it stood then. Keeping the
old text itself (not a hash) lets `status` say what changed in words, with or without git,
and keeps translators' own files free of bookkeeping. `tertulia translated` writes it (commands/translated.py); a
translation with no entry (every translation of a site that has no record yet) is current.

Blocks are compared by their visible words, so a change of markup alone is not a change.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ContentError
from . import cjk
from .find import RECORD, shown_path

UNFINISHED = "TODO translate"  # what `new translation` writes in each block, until the translator's words replace it


@dataclass(frozen=True)
class Followed:
    """The original, and its blocks' words as they were when the translation was marked (None: never),
    its title then (None: not recorded, as by the records written before titles were) and its summary
    then ("": it had none; None: not recorded, as by a comment's or an older record); and the translation's
    own blocks then, as fingerprints (None: not recorded, as by `new translation` or an older record), so
    that blocks a translator adds or takes out by hand later are seen (see as_edited)."""

    original: str
    blocks: tuple[str | None, ...]
    title: str | None = None
    summary: str | None = None
    own: tuple[str, ...] | None = None
    # the runs of the translation's blocks (start, end) its translator cut from one since it was recorded, as
    # as_edited reads them: never saved, and told apart from two alike blocks of the original by `own`
    cut: tuple[tuple[int, int], ...] = ()

    def tells(self, original: str, count: int) -> bool:
        """Whether this record says which of `original`'s blocks a translation of `count` blocks followed:
        recorded against that very file, with the translation's number of blocks."""
        return self.original == original and len(self.blocks) == count


def load_record(content: Path) -> tuple[dict[str, Followed], list[ContentError]]:
    """The record, keyed by paths as errors show them (`content/posts/...`), or the problems in it."""
    path = content / RECORD
    shown = shown_path(content, path)
    if path.is_symlink():
        from .find import SYMLINK
        return {}, [ContentError(shown, 0, SYMLINK)]
    if not path.is_file():
        return {}, []
    try:
        data = json.loads(path.read_bytes().decode("utf-8"), parse_constant=_refuse, parse_float=_finite)
    except (UnicodeDecodeError, ValueError, RecursionError) as problem:  # a pull request can send any bytes
        line = getattr(problem, "lineno", 1)
        said = str(problem)[:200] if not isinstance(problem, RecursionError) else "nested too deep"
        return {}, [ContentError(shown, line, f"the translation record does not parse ({said}); "
                                              "restore it from version control, or delete it to start afresh")]
    entries = data.get("translations") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(_text(key) and _well_formed(entry) for key, entry in entries.items()):
        return {}, [ContentError(shown, 1, "the translation record is not as `tertulia translated` writes it; "
                                           "restore it from version control, or delete it to start afresh")]
    prefix = content.resolve().name + "/"
    record = {prefix + key: Followed(prefix + entry["original"], tuple(cjk.without_spaces(words) if isinstance(words, str)
                                                                     else words for words in entry["blocks"]),
                                     entry.get("title"), entry.get("summary"),
                                     tuple(entry["own"]) if "own" in entry else None)
              for key, entry in entries.items()}
    return _through_renames(content, prefix, record), []


def _through_renames(content: Path, prefix: str, record: dict[str, Followed]) -> dict[str, Followed]:
    """The record with the entries of a renamed folder under its new name: the one folder whose original's
    `aliases` names the old one's address (`/posts/old-slug/`) is that post, its translations still
    the ones marked. Without this, a rename left every translation untracked, an outdated one current."""
    def folder(key: str) -> str:  # `content/posts/slug/index.en.md` -> `posts/slug`
        return "/".join(key.split("/")[1:3])

    named: dict[str, list[str]] = {}  # folder -> the record's files in it
    for key in record:
        named.setdefault(folder(key), []).append(key[len(prefix):])
    gone = [old for old, files in sorted(named.items())
            if old.split("/")[0] in ("posts", "pages") and _gone(content, old, files)]
    renamed = {old: new for old in gone if (new := _renamed_to(content, old))}
    if not renamed:
        return record

    def moved(key: str) -> str:
        return prefix + renamed[folder(key)] + key[len(prefix + folder(key)):] if folder(key) in renamed else key

    result = dict(record)
    for key, followed in record.items():
        if (new := moved(key)) != key and new not in record:
            del result[key]
            result[new] = replace(followed, original=moved(followed.original))
    return result


def _gone(content: Path, folder: str, files: list[str]) -> bool:
    """Whether none of the files the record names in `folder` is there: a folder left behind holding a
    `.DS_Store` or an image is no post. A look at the folder first, and at most its files: every build."""
    try:
        return not (content / folder).is_dir() or not any((content / name).is_file() for name in files)
    except OSError:  # a name no file system takes, in a record edited by hand
        return True


def _renamed_to(content: Path, old: str) -> str:
    """The folder (`posts/new-slug`) whose original lists the address `old` (`posts/old-slug`) had among
    its aliases; "" when none does, or more than one (a draft too: the build names that clash). Read
    only while the record names a folder that is gone."""
    from .find import ESSAY_FILE
    from .names import is_key, renamed_from
    from .read import parse_text
    kind, slug = old.split("/")
    claiming = set()
    for path in sorted((content / kind).glob("*/index.*.md")):
        if not is_key(path.parent.name) or not ESSAY_FILE.fullmatch(path.name) or path.is_symlink():
            continue  # a hidden copy (`.bak-slug/`) is no post of the site
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if b"aliases" not in raw:
            continue
        parsed, error = parse_text(raw, str(path))
        aliases = parsed.meta.get("aliases") if parsed and not error and "translation_of" not in parsed.meta else None
        aliases = [aliases] if isinstance(aliases, str) else aliases
        if isinstance(aliases, list) and any(isinstance(alias, str) and renamed_from(alias, kind) == slug
                                             for alias in aliases):
            claiming.add(f"{kind}/{path.parent.name}")
    return claiming.pop() if len(claiming) == 1 else ""


def _refuse(constant: str):
    raise ValueError(f"`{constant}` is not JSON")


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"the number {number[:20]} is out of range")
    return value


def _text(value) -> bool:
    """A string that can be written back out: JSON's escapes can make half a surrogate pair."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _well_formed(entry) -> bool:
    return (isinstance(entry, dict) and _text(entry.get("original"))
            and isinstance(entry.get("blocks"), list)
            and all(block is None or _text(block) for block in entry["blocks"])
            and ("title" not in entry or _text(entry["title"]))
            and ("summary" not in entry or _text(entry["summary"]))
            and ("own" not in entry or (isinstance(entry["own"], list) and len(entry["own"]) == len(entry["blocks"])
                                        and all(_text(own) for own in entry["own"]))))


# what a block's HTML says of where it is built, not of what it says: footnote ids named by language, and
# links from the root put under the site's sub-path (`translated` and `check` read them apart)
PLACED = re.compile(r'\s(?:id|href|src)="[^"]*"')


def fingerprints(blocks) -> tuple[str, ...]:
    """A translation's blocks (their HTML), each told apart by a short hash: what the record keeps of them."""
    return tuple(hashlib.blake2b(PLACED.sub("", block).encode("utf-8"), digest_size=6).hexdigest() for block in blocks)


def read_for(followed: Followed | None, original_blocks, blocks) -> Followed | None:
    """The record as it bears on a translation's `blocks` now: read through the translator's own edits
    (as_edited) once the original has changed since it was recorded. While the original is as recorded, a
    block the translator added, took out or moved is theirs alone, said as the counts or kinds that part,
    never as the original's change ("original block 2 was added", and `--update` refused)."""
    if followed is None or followed.own is None or followed.blocks == words_of(original_blocks):
        return followed
    return as_edited(followed, blocks)


def as_edited(followed: Followed | None, blocks) -> Followed | None:
    """The record of a translation read for its `blocks` as they are now: each block it had when recorded
    follows what it followed, where it stands now (moved, or edited in its place); one added by hand since
    follows nothing yet (None: outdated, "a new block", until marked). Read as if the blocks were where they
    had been, a translation mended by hand to its original's new blocks was "put in line" again by
    `--update`, which took out a translated heading (a translator's walk). A record with no fingerprints
    (older, or a starter's) is read as it is."""
    if followed is None or followed.own is None:
        return followed
    then, now = followed.own, fingerprints(blocks)
    if now == then:
        return followed
    runs = difflib.SequenceMatcher(None, then, now, autojunk=False).get_opcodes()
    paired = {new: old for tag, old_start, old_end, new_start, new_end in runs if tag == "equal"
              for new, old in zip(range(new_start, new_end), range(old_start, old_end))}
    left = [old for old in range(len(then)) if old not in set(paired.values())]
    for new in range(len(now)):  # a block moved, its words as they were
        if new not in paired and (old := next((old for old in left if then[old] == now[new]), None)) is not None:
            paired[new] = old
            left.remove(old)
    kept, cut = {}, []
    for tag, old_start, old_end, new_start, new_end in runs:
        olds = [old for old in range(old_start, old_end) if old in left]
        news = [new for new in range(new_start, new_end) if new not in paired]
        if tag != "replace" or not olds or not news:
            continue
        if len(olds) == len(news):  # a block edited in its place
            kept.update((new, followed.blocks[old]) for old, new in zip(olds, news))
        elif len(olds) == 1:  # one cut in parts, each following the whole it was cut from
            kept.update((new, followed.blocks[olds[0]]) for new in news)
            if news == list(range(news[0], news[-1] + 1)):
                cut.append((news[0], news[-1] + 1))
        elif len(news) == 1 and None not in (joined := [followed.blocks[old] for old in olds]):
            kept[news[0]] = " ".join(joined)  # parts made one, following all they were
    kept.update((new, followed.blocks[old]) for new, old in paired.items())
    return replace(followed, blocks=tuple(kept.get(new) for new in range(len(now))), own=now, cut=tuple(cut))


def first_cut(followed: Followed, source, target) -> tuple[range, str] | None:
    """The first run of a translation's blocks its translator cut from one since it was recorded (see as_edited)
    whose whole the original still has, with what to say of it; None where there is none. Read as the original
    having lost blocks, they were "removed", and `--update` deleted the parts (a translator's week); two alike
    blocks of the original are no cut (a red team's two pictures): `check` and `--update` both ask here."""
    paired = None
    for run in (range(start, end) for start, end in followed.cut if end - start > 1):
        paired = paired_blocks(followed.blocks, words_of(source)) if paired is None else paired
        whole = next((new for new, old in sorted(paired.items()) if old in run), None)
        if whole is not None:
            return run, _cut_said(run, whole, target, source)
    return None


def _cut_said(run: range, original_index: int, target, source) -> str:
    """The translator's cut, said as what to mend: `translation blocks 1 to 3 (…) were cut from one block…`."""
    from .align import span  # here, not above: align imports Markdown, which an unchanged build never does
    quoted = " … ".join(f"“{opening_words(target[index])}”" for index in (run[0], run[-1]))
    return (f"translation blocks {span(run[0], len(run))} ({quoted}) were cut from one block after this translation "
            f"was recorded, and the original's block {original_index + 1} (“{opening_words(source[original_index])}”) "
            "is still one: make them one block again, or cut the original the same way")


def words_of(blocks) -> tuple[str, ...]:
    """Each block's visible words, as the record keeps them; a block of pictures alone, by each picture's
    file and description, so that a new picture or description is outdated as new words are (they were
    "" whatever the picture, and a translator was never told)."""
    from .markup import plain_text  # here, not above: an unchanged build imports no Markdown
    return tuple(plain_text(block) or _pictures(block) for block in blocks)


PICTURES = "(picture "  # how a block of pictures alone starts in the record


def _pictures(block_html: str) -> str:
    """`(picture logo.svg: El logo)` for each picture of a block that has no words, "" for one without."""
    if "<img" not in block_html:
        return ""
    from .markup import IMAGE, image_description, image_source
    return " ".join(f"{PICTURES}{image_source(found.group(1))}: {image_description(found.group(1))})"
                    for found in IMAGE.finditer(block_html))


def _as_recorded(recorded: tuple, current: tuple) -> tuple:
    """`current` as a record kept before pictures were recorded holds it, for a record of then (a block of
    pictures as ""): rather than call every picture of every site outdated, or lost, at once."""
    if "" not in recorded or any(old and old.startswith(PICTURES) for old in recorded):
        return current
    return tuple("" if now.startswith(PICTURES) else now for now in current)


def stale_blocks(followed: tuple[str | None, ...], current: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """(index, the old words or "" for a new block) of each current block that changed since marking.

    With as many blocks as were marked, the translation (which must have as many as its original)
    still has its blocks where they were, so each is compared with the block it was marked against:
    two paragraphs swapped make both stale, each now beside the other's translation. With more or
    fewer, the translator has added or removed blocks since: the two versions are matched as a diff
    would match lines, so an inserted paragraph makes itself stale, not every paragraph after it."""
    current = _as_recorded(followed, current)
    if len(followed) == len(current):
        return tuple((index, old or "") for index, (old, now) in enumerate(zip(followed, current)) if old != now)
    stale = []
    matcher = difflib.SequenceMatcher(None, followed, current, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            for offset, index in enumerate(range(new_start, new_end)):
                old = followed[old_start + offset] if old_start + offset < old_end else None
                stale.append((index, old or ""))
    return tuple(stale)


SAME_PARAGRAPH = 0.5  # of its words in common with what it was: an edited paragraph, not another one


def paired_blocks(recorded: tuple, current: tuple) -> dict[int, int]:
    """Each current block's place in the recorded ones (the original as the translation was marked
    against it), where it has one: matched as a diff matches lines; then a block moved (its words the
    same, elsewhere) to where it was, before any changed run is paired by place, for a paragraph moved
    into a deleted one's place is that paragraph, not the deleted one edited; within a run that changed,
    a block to the one in its place when the run kept its length and no block of it moved along, else
    to the one it shares most words with, in order; then one moved and edited to the block left over it
    shares most words with. The blocks left over are those the original gained (current) and lost
    (recorded): `--update`, the count error and the rearranged warning all read them here."""
    paired: dict[int, int] = {}
    current = _as_recorded(recorded, current)
    changed = []
    for tag, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(None, recorded, current,
                                                                               autojunk=False).get_opcodes():
        if tag == "equal":
            paired.update(zip(range(new_start, new_end), range(old_start, old_end)))
        else:
            changed.append((range(old_start, old_end), range(new_start, new_end)))
    unpaired_old = [old for olds, _ in changed for old in olds]
    for new in (new for _, news in changed for new in news):
        moved = next((old for old in unpaired_old if recorded[old] == current[new]), None)
        if moved is not None:
            paired[new] = moved
            unpaired_old.remove(moved)
    for olds, news in changed:  # what is left of each run that changed, where it is
        olds = [old for old in olds if old in unpaired_old]
        news = [new for new in news if new not in paired]
        alike = _edited(recorded, current, olds, news)
        # a run of its length kept in place, rewritten however much; unless a block of it is another's
        # words moved along (one taken out before it, another put in after): then each where it went
        shifted = any(news.index(new) != olds.index(old) for new, old in alike.items())
        pairs = alike if shifted or len(olds) != len(news) else dict(zip(news, olds))
        paired.update(pairs)
        unpaired_old = [old for old in unpaired_old if old not in pairs.values()]
    # a block moved and edited too: to the one left over it shares most words with (taken out, its
    # translation's words would go, though its original is there)
    for new in (new for new in range(len(current)) if new not in paired):
        likeness = {old: _likeness(recorded[old], current[new]) for old in unpaired_old}
        old = max(likeness, key=likeness.get, default=None)
        if old is not None and likeness[old] >= SAME_PARAGRAPH:
            paired[new] = old
            unpaired_old.remove(old)
    return paired


def _within(words: str | None, block: str, share: float = SAME_PARAGRAPH) -> bool:
    """Whether `share` of a paragraph's words (as recorded), or more, stand in order in another block's."""
    if not words:
        return False
    ours = cjk.words(words)
    found = difflib.SequenceMatcher(None, ours, cjk.words(block), autojunk=False).get_matching_blocks()
    return sum(match.size for match in found) >= share * len(ours)


# Of a piece's words, how many stand in the paragraph it was cut from (or joined to): nearly all, a word or
# two changed as it was cut; a new paragraph of common words ("in the end, the work is theirs") shares half
CUT = 0.8


def _cut_from(piece: str | None, whole: str | None, rest: str | None) -> bool:
    """Whether `piece` is a part of the paragraph `whole` that `rest`, the other part, no longer holds: a
    paragraph cut in two (or, read the other way, two made one)."""
    return bool(whole) and _within(piece, whole, CUT) and _within(rest, whole) and not _within(piece, rest or "")


def split_off(recorded: tuple, current: tuple, paired: dict[int, int]) -> dict[int, int]:
    """Each block the original gained that was cut from a paragraph beside it (one paragraph made two or
    more): its index, to the index of the block that kept that paragraph's place, both numbered as now.
    Said as a split, not as a paragraph added, a translator knows to cut their block rather than write
    a new one (a translator's walk)."""
    splits: dict[int, int] = {}
    found = True
    while found:  # again after each: a third part is beside the second, not the part that kept the place
        found = False
        for new in (new for new in range(len(current)) if new not in paired and new not in splits):
            for neighbour in (new - 1, new + 1):
                kept = neighbour if neighbour in paired else splits.get(neighbour)
                old = paired.get(kept) if kept is not None else None
                if old is not None and recorded[old] != current[kept] and _cut_from(current[new], recorded[old],
                                                                                    current[kept]):
                    splits[new], found = kept, True
                    break
    return splits


def joined_into(recorded: tuple, current: tuple, paired: dict[int, int]) -> dict[int, int]:
    """Each block the original lost whose words now stand in the block beside it, which grew by them (two
    or more paragraphs made one): its index as recorded, to that block's as now. The mirror of split_off:
    `check` names the join and `--update` makes it by this one rule, so the two never disagree."""
    now_of = {old: new for new, old in paired.items()}
    joins: dict[int, int] = {}
    found = True
    while found:  # again after each: a third paragraph joins the two, on whichever side it was
        found = False
        for old in sorted(set(range(len(recorded))) - set(paired.values()) - set(joins)):
            for neighbour in (old - 1, old + 1):
                new = now_of[neighbour] if neighbour in now_of else joins.get(neighbour)
                if new is not None and recorded[paired[new]] != current[new] and _cut_from(
                        recorded[old], current[new], recorded[neighbour]):
                    joins[old], found = new, True
                    break
    return joins


def _likeness(old: str | None, new: str) -> float:
    """How many of their words two versions of a block share (0 for a block recorded with no words)."""
    if old is None:
        return 0.0
    # a Chinese paragraph is words, not one: compared as split, an edit made it another paragraph
    return difflib.SequenceMatcher(None, cjk.words(old), cjk.words(new), autojunk=False).ratio()


@dataclass(frozen=True)
class Rearranged:
    """Of a translation of as many blocks as its original, what its original did since it was recorded:
    blocks gained, lost and moved ((new, old) pairs), numbered from 0, as paired_blocks pairs them, and
    the translation's blocks that now stand beside another paragraph than the one they followed."""

    gained: tuple[int, ...] = ()
    lost: tuple[int, ...] = ()
    moved: tuple[tuple[int, int], ...] = ()
    beside_others: tuple[int, ...] = ()

    def said(self) -> str:
        """`the original lost its block 2 and gained block 5` or `the original's blocks moved (block 1 was
        block 2, …)`, then `: this translation's blocks 2, 3 stand beside …`; "" for nothing."""
        if self.gained and self.lost:
            done = (f"the original lost its {blocks_named(i + 1 for i in self.lost)} and gained "
                    f"{blocks_named(i + 1 for i in self.gained)}")
        elif self.moved:
            done = "the original's blocks moved (" + ", ".join(
                f"block {new + 1} was block {old + 1}" for new, old in self.moved[:4]) + (
                ", …" if len(self.moved) > 4 else "") + ")"
        else:
            return ""
        which = blocks_named(i + 1 for i in self.beside_others)
        stand = "stands" if len(self.beside_others) == 1 else "stand"
        return (f"{done}: unless you have moved its blocks to match since, this translation's {which} {stand} "
                "beside other paragraphs than the ones they translate")


def rearranged(recorded: tuple, current: tuple) -> Rearranged:
    """What the original did to its blocks since the translation was recorded (`recorded`: its blocks then)."""
    paired = paired_blocks(recorded, current)
    gained = tuple(new for new in range(len(current)) if new not in paired)
    lost = tuple(sorted(set(range(len(recorded))) - set(paired.values())))
    if not (gained and lost) and all(new == old for new, old in paired.items()):
        return Rearranged()
    return Rearranged(gained, lost, tuple((new, old) for new, old in sorted(paired.items()) if new != old),
                      tuple(new for new in range(len(current)) if paired.get(new) != new))


def _edited(recorded: tuple, current: tuple, olds: range, news: range) -> dict[int, int]:
    """The pairs, in order, of a changed run's blocks with most words in common (a small alignment:
    runs are a few blocks long); a pair shares at least SAME_PARAGRAPH of its words."""
    def alike(old: int, new: int) -> float:
        ratio = _likeness(recorded[old], current[new])
        return ratio if ratio >= SAME_PARAGRAPH else 0.0
    best = [[0.0] * (len(news) + 1) for _ in range(len(olds) + 1)]
    for i in range(len(olds) - 1, -1, -1):
        for j in range(len(news) - 1, -1, -1):
            together = alike(olds[i], news[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], together + best[i + 1][j + 1] if together else 0.0)
    pairs, i, j = {}, 0, 0
    while i < len(olds) and j < len(news):
        together = alike(olds[i], news[j])
        if together and best[i][j] == together + best[i + 1][j + 1]:
            pairs[news[j]] = olds[i]
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


TITLE = "title"  # `translated --block title`: the title alone, as a block is recorded alone
SUMMARY = "summary"  # `translated --block summary`: the summary alone


def marked(current: tuple[str, ...], stale: tuple[tuple[int, str], ...], block: int | None) -> tuple:
    """The recorded blocks once one block (1-based), or all of them, is marked as following `current`."""
    old = {index: words for index, words in stale}
    if block is None:
        return tuple(current)
    return tuple(words if i == block - 1 or i not in old else (old[i] or None) for i, words in enumerate(current))


def blocks_named(numbers) -> str:
    """`block 2` or `blocks 2, 5`: blocks by their numbers from 1, as a translator counts them."""
    shown = [str(number) for number in numbers]
    return f"block{'s' if len(shown) > 1 else ''} {', '.join(shown)}"


def still_marked(fields, numbers, of: int = 0) -> str:
    """What a translation still holds of the starter's marker, said alike by the build, `status` and
    `translated`: `the title and blocks 2, 3 (of 4) still say `TODO translate``; blocks by their numbers
    from 1, `of` the count of blocks when it helps."""
    named = [f"the {field}" for field in fields]
    if numbers:
        named.append(blocks_named(numbers) + (f" (of {of})" if of else ""))
    listed = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    return f"{listed} still {'say' if len(fields) + len(numbers) > 1 else 'says'} `{UNFINISHED}`"


def opening_words(block_html: str, count: int = 8) -> str:
    """The start of a block as a reader sees it (`el río, que`, not the record's `el río , que`), as a
    translator would search for it."""
    from .markup import reading_text  # here, not above: an unchanged build imports no Markdown
    found = cjk.words(reading_text(block_html))
    if not found and "<img" in block_html:  # a picture alone: by its description, else its file (`“”` said nothing)
        found = cjk.words(_picture_named(block_html))
    count = cjk.as_many_as(found, count)
    return cjk.spaced(found[:count]) + ("…" if len(found) > count else "")


def _picture_named(block_html: str) -> str:
    """The first image of a block by its description, or by its file's name when it has none."""
    from .markup import IMAGE, image_description, image_source
    image = IMAGE.search(block_html)
    if not image:
        return ""
    return image_description(image.group(1)) or image_source(image.group(1)).rsplit("/", 1)[-1]


def word_diff(old: str, new: str, width: int = 4000) -> str:
    """The words that changed, as `[-old-]{+new+}`, with a little context; a long run of changed words
    cut in its middle, so that every change of the block is seen (cut at the end to `width`, the last
    ones went unseen: a translator's walk), and the whole cut to `width` only past that."""
    if not old:
        return "a new block"
    before, after = cjk.words(old), cjk.words(new)  # a Chinese paragraph is words, not one
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            same, around = before[i1:i2], cjk.as_many_as(before[i1:i2], 3)
            parts.append(cjk.spaced(same) if len(same) <= 2 * around
                         else f"{cjk.spaced(same[:around])} … {cjk.spaced(same[-around:])}")
        else:
            removed = f"[-{_shortened(before[i1:i2])}-]" if i2 > i1 else ""
            added = f"{{+{_shortened(after[j1:j2])}+}}" if j2 > j1 else ""
            parts.append(removed + added)
    text = " ".join(part for part in parts if part)
    return text if len(text) <= width else text[:width - 1] + "…"


def _shortened(words: list[str]) -> str:
    """A run of changed words as written, or its first and last few around `…` when it is long."""
    keep = cjk.as_many_as(words, 8)
    if len(words) <= 3 * keep:
        return cjk.spaced(words)
    return f"{cjk.spaced(words[:keep])} … {cjk.spaced(words[-keep:])}"


def update_command(shown: str) -> str:
    """`tertulia new translation SLUG --lang L [--page | --comments] --update` for the translation of an essay
    (`content/posts/<slug>/index.<lang>.md`), a page, or a comment (`…/<slug>/comments/<id>.<lang>.md`)."""
    parts = shown.split("/")
    if len(parts) == 5 and parts[1] == "posts" and parts[3] == "comments":
        return f"`tertulia new translation {parts[2]} --lang {parts[4].split('.')[-2]} --comments --update`"
    if len(parts) != 4 or not parts[3].startswith("index."):
        return ""
    page = " --page" if parts[1] == "pages" else ""
    return f"`tertulia new translation {parts[2]} --lang {parts[3].split('.')[-2]}{page} --update`"


def mend_rearranged(shown: str) -> str:
    """The two ways to put a rearranged translation right, said alike by check, status and translated."""
    update = f"{command} moves them beside theirs; " if (command := update_command(shown)) else ""
    return f"{update}if you have moved them yourself, `tertulia translated --force {shown}` records them as they are"


def gone_entries(content: Path, record: dict[str, Followed]) -> list[str]:
    """The record's translations whose file is no longer there (a post deleted or its folder renamed):
    their entries would otherwise lie in the record for ever, and a renamed post's translations go untracked."""
    prefix = content.resolve().name + "/"
    return sorted(key for key in record if not (content / key[len(prefix):]).is_file())


def listed(paths, shown: int = 8) -> str:
    """Paths named in a message, the first few and how many more."""
    paths = sorted(paths)
    return ", ".join(paths[:shown]) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")


def summary_of(meta: dict) -> str:
    """The summary as the record keeps it: "" for none, so that one the original gains later is named."""
    summary = meta.get("summary")
    return " ".join(summary.split()) if isinstance(summary, str) else ""


def title_of(meta: dict) -> str | None:
    """The title as the record keeps it, to tell a retitled original: None when there is none."""
    title = meta.get("title")
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else None
