"""Pairing a translation's blocks with its original's, and locating where they part."""

from __future__ import annotations

import math
import re

from .markup import IMAGE, cut_to_words, image_description, plain_text, reading_text
from .cjk import CJK

# Gale & Church (1993): priors of each alignment step and the variance of length ratios.
STEP_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2}
VARIANCE = 6.8
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s")
HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|[-*_]{3,}\s*$)")
FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]]+\]:")  # a footnote's definition: `[^1]: The source.`
# A link's definition where a block starts, `[r]: https://… "Title"` and nothing else on its line (as
# Markdown reads one: `[Update]: I changed my mind.` is a paragraph), which Markdown takes out of the
# text: no block of its own. Its title may stand on the next line.
TITLE = r"""(?:"[^"]*"|'[^']*'|\([^)]*\))"""
LINK_DEFINITION = re.compile(rf"\s{{0,3}}\[[^\]^][^\]]*\]:\s*(?:<[^>]*>|\S+)(?:\s+{TITLE})?\s*")
DEFINITION_TITLE = re.compile(rf"\s*{TITLE}\s*")
FIRST_TAG = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9]*)")
# A translated heading stays a heading, a list a list: pairing blocks of two kinds, or merging (or
# splitting) across kinds, is charged as much as an improbable step, so a dropped heading is named
# as dropped rather than "merged" into the paragraph after it.
KIND_MISMATCH = -math.log(STEP_PRIORS[(1, 0)])


def counts_differ(translation: int, original: int) -> str:
    """What an author is told first when a translation's blocks do not pair with its original's."""
    return f"translation has {_blocks(translation)}, original has {original}"


def _blocks(count: int) -> str:
    return f"{count} block" if count == 1 else f"{count} blocks"


def block_lines(body: str, first_line: int) -> list[int]:
    """Where each top-level block probably starts; only trusted when the count matches. Footnote
    definitions make one block, the last, where Markdown gathers them: it starts at the first."""
    starts, notes, fenced, previous_blank, in_list, in_note = [], [], False, True, False, False
    defined = False  # the line before was a link's definition
    for offset, line in enumerate(body.split("\n")):
        if fenced:
            fenced = not FENCE.match(line)
            continue
        blank = not line.strip()
        # at a block's start only (or after another): one inside a block of HTML is text; an unindented one
        # after a list ends the list, where the references of a text ending in one stand
        starts_block = previous_blank or defined
        if starts_block and not (in_list and line[:1] in (" ", "\t")) and (
                LINK_DEFINITION.fullmatch(line) or (defined and DEFINITION_TITLE.fullmatch(line))):
            defined, in_list = True, False
            continue
        defined = False
        if in_note:  # a definition runs on over its lines, and over indented ones after a blank line
            if blank or not previous_blank or line[:1] in (" ", "\t"):
                previous_blank = blank
                continue
            in_note = False
        continuation = line[:1] in (" ", "\t") and in_list
        new_list_item = LIST_ITEM.match(line) and in_list
        if not blank and not continuation and not new_list_item and (previous_blank or HEADING.match(line)):
            if FOOTNOTE.match(line):
                notes.append(first_line + offset)
                in_note, in_list, previous_blank = True, False, False
                continue
            starts.append(first_line + offset)
            in_list = bool(LIST_ITEM.match(line))
            fenced = bool(FENCE.match(line))
        previous_blank = blank or bool(HEADING.match(line))
    return starts + notes[:1]


def _delta(source_len: int, target_len: int) -> float:
    """How many standard deviations apart two lengths are, for texts that should match.

    The expected ratio of lengths is 1, as in Gale & Church; estimated from the
    totals it would be skewed by the very block that was added or dropped.
    """
    mean = (source_len + target_len) / 2
    return (target_len - source_len) / math.sqrt(max(mean, 1) * VARIANCE)


def _step_cost(source_len: int, target_len: int, step) -> float:
    """-log probability of one step, from the lengths it pairs (Gale & Church)."""
    if source_len == 0 and target_len == 0:
        return 0.0
    delta = _delta(source_len, target_len)
    match = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
    return -math.log(match) - math.log(STEP_PRIORS[step])


def align_lengths(source: list[int], target: list[int]) -> list[tuple[int, int]]:
    """The likeliest sequence of steps ((1,1), (1,0), (0,1), (2,1), (1,2)) pairing two lists."""
    inf = float("inf")
    cost = [[inf] * (len(target) + 1) for _ in range(len(source) + 1)]
    back = [[None] * (len(target) + 1) for _ in range(len(source) + 1)]
    cost[0][0] = 0.0
    for i in range(len(source) + 1):
        for j in range(len(target) + 1):
            for di, dj in STEP_PRIORS:
                if i >= di and j >= dj and cost[i - di][j - dj] < inf:
                    step_cost = _step_cost(sum(source[i - di:i]), sum(target[j - dj:j]), (di, dj))
                    if cost[i - di][j - dj] + step_cost < cost[i][j]:
                        cost[i][j], back[i][j] = cost[i - di][j - dj] + step_cost, (di, dj)
    steps, i, j = [], len(source), len(target)
    while i or j:
        di, dj = back[i][j]
        steps.append((di, dj))
        i, j = i - di, j - dj
    return steps[::-1]


def locate_mismatch(original: tuple[str, ...], translation: tuple[str, ...],
                    translation_lines: list[int]) -> tuple[int, str]:
    """Explain the first place where the translation stops matching: (line, sentence)."""
    original_text, translation_text = [plain_text(b) for b in original], [plain_text(b) for b in translation]
    source, target = [len(text) for text in original_text], [len(text) for text in translation_text]
    apart = _dense(original_text) != _dense(translation_text)
    if abs(len(source) - len(target)) == 1:
        edit = _best_single_edit(source, target, [_kind(b) for b in original], [_kind(b) for b in translation], apart)
    elif (left_out := _only_by_kinds([_kind(b) for b in original], [_kind(b) for b in translation])) is not None:
        return _described_by_kinds(left_out, len(target) > len(source), original, translation, translation_lines)
    else:
        source = [round(length) for length in _scaled(source, sum(source), sum(target))] if apart else source
        steps = align_lengths(source, target)
        edit = _first_divergence(steps)
        run = _best_run(source, target)
        if run and run[0] < _steps_cost(source, target, steps):
            edit = run[1]
    return _describe(*edit, original, translation, translation_lines) if edit else (0, "")


MOST_KIND_PAIRINGS = 250_000  # blocks of the one text times the other's: beyond, lengths alone are weighed


def _only_by_kinds(source_kinds: list[str], target_kinds: list[str]) -> list[int] | None:
    """The longer text's blocks the shorter has no counterpart for, where their kinds leave one way alone to pair
    them (a translation lacking the original's table and its code block): the lengths guessed two paragraphs
    merged, blocks away from either (a translator's week). None where kinds allow more ways, or none."""
    longer, shorter = (source_kinds, target_kinds) if len(source_kinds) > len(target_kinds) else (target_kinds, source_kinds)
    if len(longer) * len(shorter) > MOST_KIND_PAIRINGS:
        return None
    # ways[i][j]: how many ways shorter[j:] pairs in order with blocks of longer[i:] (2 standing for "more than one")
    ways = [[0] * (len(shorter) + 1) for _ in range(len(longer) + 1)]
    for i in range(len(longer), -1, -1):
        ways[i][len(shorter)] = 1
        for j in range(len(shorter) - 1, -1, -1):
            if i < len(longer):
                ways[i][j] = min(2, ways[i + 1][j] + (ways[i + 1][j + 1] if longer[i] == shorter[j] else 0))
    if ways[0][0] != 1:
        return None
    left_out, j = [], 0
    for i in range(len(longer)):  # the one way: pair where pairing still leaves a way for the rest
        if j < len(shorter) and longer[i] == shorter[j] and ways[i + 1][j + 1]:
            j += 1
        else:
            left_out.append(i)
    return left_out


def _described_by_kinds(left_out: list[int], added: bool, original, translation, lines) -> tuple[int, str]:
    """(line, sentence) naming the blocks _only_by_kinds found without a counterpart."""
    first = left_out[0]
    if left_out == list(range(first, first + len(left_out))):  # one run: the blocks before it pair one to one
        count = len(left_out)
        return _describe(*((0, count, first, first) if added else (count, 0, first, first)), original, translation, lines)
    numbers = ", ".join(str(index + 1) for index in left_out[:-1]) + f" and {left_out[-1] + 1}"
    more = "another" if len(left_out) == 2 else "others"
    # the translation's block the first added is, or the first dropped would stand before
    line = _line_of(first, translation, lines)
    if added:
        return line, (f"translation blocks {numbers} ({_quote(translation[first])} and {more}) have no counterpart, "
                      "by their kinds: probably added")
    return line, (f"original blocks {numbers} ({_quote(original[first])} and {more}) have no counterpart, by their "
                  f"kinds: probably dropped, the first before translation block {first + 1}")


def _line_of(index: int, translation, lines) -> int:
    """The line translation block `index` starts on, where `lines` has each block's; else 0."""
    return lines[min(index, len(lines) - 1)] if len(lines) == len(translation) and lines else 0


def _scaled(source: list[int], source_paired: float, target_paired: float) -> list[float]:
    """The original's lengths in the translation's characters, by the lengths of the blocks paired, for
    scripts that spend them far apart (a Korean or Chinese text takes a half or a third of the characters
    of its Spanish): compared as they are, every Spanish block looked long, and a split one looked added.
    Texts in scripts that spend them alike keep the model's ratio of 1, which one added block would skew."""
    ratio = target_paired / max(source_paired, 1)
    return [length * ratio for length in source]


# Han, kana and Hangul: a syllable or a word a character, where a Latin, Cyrillic or Arabic text takes several
DENSE = re.compile(f"[{CJK}\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def _dense(blocks_text: list[str]) -> bool:
    """Whether a text, its blocks' words, is mostly written in a dense script (see DENSE)."""
    text = "".join(blocks_text)
    letters = sum(1 for char in text if char.isalpha())
    return len(DENSE.findall(text)) * 2 > letters


def _steps_cost(source: list[int], target: list[int], steps) -> float:
    cost, i, j = 0.0, 0, 0
    for di, dj in steps:
        cost += _step_cost(sum(source[i:i + di]), sum(target[j:j + dj]), (di, dj))
        i, j = i + di, j + dj
    return cost


def _best_run(source: list[int], target: list[int]) -> tuple[float, tuple[int, int, int, int]] | None:
    """The likeliest place of a run of blocks added (or dropped) together, with its cost.

    Paragraphs added at the end of a translation, or a forgotten last section, are one act: charged
    as one added block and an even chance for each further one, not as independent edits, which
    would make two splits of short blocks look likelier."""
    extra = len(target) - len(source)
    if abs(extra) < 2:
        return None
    count, longer, shorter = abs(extra), (target if extra > 0 else source), (source if extra > 0 else target)
    step = (0, count) if extra > 0 else (count, 0)
    run_cost = -math.log(STEP_PRIORS[(0, 1)]) + (count - 1) * math.log(2)
    candidates = []
    for k in range(len(longer) - count + 1):
        rest = longer[:k] + longer[k + count:]
        cost = _pairs_cost(shorter, rest) + run_cost
        candidates.append((cost, (*step, k, k)))
    # equally likely places (blocks of like lengths): the later, as blocks are most often added at the end
    return min(candidates, key=lambda candidate: (candidate[0], -candidate[1][2]))


def _first_divergence(steps) -> tuple[int, int, int, int] | None:
    i = j = 0
    for di, dj in steps:
        if (di, dj) != (1, 1):
            return di, dj, i, j
        i, j = i + di, j + dj
    return None


def _pairs_cost(source: list[int], target: list[int]) -> float:
    return sum(_step_cost(a, b, (1, 1)) for a, b in zip(source, target))


def _kind(block_html: str) -> str:
    """A block's kind, its first element's name: `p`, `h2`, `ul`, `figure`."""
    found = FIRST_TAG.match(block_html)
    return found.group(1).lower() if found else ""


def _kinds_cost(source_kinds: list[str], target_kinds: list[str]) -> float:
    return KIND_MISMATCH * sum(a != b for a, b in zip(source_kinds, target_kinds))


def _best_single_edit(source: list[int], target: list[int], source_kinds: list[str],
                      target_kinds: list[str], apart: bool = False) -> tuple[int, int, int, int]:
    """The one edit (add, drop, merge, split) that best explains counts one apart.

    Trying every position beats the dynamic programme here: an added block's
    length says nothing about where it was added, so only its prior is charged.
    Scripts `apart` (see _scaled) are put on one scale by the blocks each edit pairs: the length of a
    block dropped or added would skew the ratio of the whole texts.
    """
    def on_scale(source_paired: float, target_paired: float) -> list[float]:
        return _scaled(source, source_paired, target_paired) if apart else [float(length) for length in source]

    total_source, total_target = sum(source), sum(target)
    whole = on_scale(total_source, total_target)  # a split or a merge pairs every block
    candidates = []
    if len(target) == len(source) + 1:
        for k in range(len(target)):
            cost = (_pairs_cost(on_scale(total_source, total_target - target[k]), target[:k] + target[k + 1:])
                    - math.log(STEP_PRIORS[(0, 1)]) + _kinds_cost(source_kinds, target_kinds[:k] + target_kinds[k + 1:]))
            candidates.append((cost, (0, 1, k, k)))
        for k in range(len(source)):
            cost = (_pairs_cost(whole[:k], target[:k]) + _pairs_cost(whole[k + 1:], target[k + 2:])
                    + _step_cost(whole[k], target[k] + target[k + 1], (1, 2))
                    + _kinds_cost(source_kinds[:k] + source_kinds[k:k + 1] * 2 + source_kinds[k + 1:], target_kinds))
            candidates.append((cost, (1, 2, k, k)))
    else:
        for k in range(len(source)):
            kept = on_scale(total_source - source[k], total_target)
            cost = (_pairs_cost(kept[:k] + kept[k + 1:], target) - math.log(STEP_PRIORS[(1, 0)])
                    + _kinds_cost(source_kinds[:k] + source_kinds[k + 1:], target_kinds))
            candidates.append((cost, (1, 0, k, k)))
        for k in range(len(target)):
            cost = (_pairs_cost(whole[:k], target[:k]) + _pairs_cost(whole[k + 2:], target[k + 1:])
                    + _step_cost(whole[k] + whole[k + 1], target[k], (2, 1))
                    + _kinds_cost(source_kinds, target_kinds[:k] + target_kinds[k:k + 1] * 2 + target_kinds[k + 1:]))
            candidates.append((cost, (2, 1, k, k)))
    return min(candidates, key=lambda candidate: candidate[0])[1]


def _quote(block_html: str) -> str:
    """A block's first six words as a reader sees them, as an error quotes it (Chinese or Japanese counted
    by its characters); a block without words, by what it is: `“”` named nothing."""
    words = cut_to_words(reading_text(block_html), 6)
    if words:
        return f"“{words}”"
    if image := IMAGE.search(block_html):
        described = cut_to_words(image_description(image.group(1)), 6)
        return f"(an image{f' “{described}”' if described else ''})"
    tag = FIRST_TAG.match(block_html)
    return f"(a <{tag.group(1).lower()}> without words)" if tag else "(a block without words)"


def span(first: int, count: int) -> str:
    """Blocks by their numbers from 1: `3 and 4`, `3 to 6`."""
    return f"{first + 1} {'and' if count == 2 else 'to'} {first + count}"


def _describe(di, dj, i, j, original, translation, lines) -> tuple[int, str]:
    """One sentence naming the block that was probably added, dropped, merged or split."""
    line = _line_of(j, translation, lines)
    if (di, dj) == (0, 1):
        return line, f"translation block {j + 1} {_quote(translation[j])} has no counterpart: probably added"
    if di == 0:
        return line, (f"translation blocks {span(j, dj)} ({_quote(translation[j])} and after) have no "
                      "counterpart: probably added")
    if (di, dj) == (1, 0) and original[i].lstrip().startswith('<div class="footnote"'):
        return line, ("the original's footnotes (its last block) have no counterpart: write the translation's "
                      "notes at its end, `[^1]: …` for each")
    if (di, dj) == (1, 0):
        where = f"before translation block {j + 1}" if j < len(translation) else "at the end"
        return line, f"original block {i + 1} {_quote(original[i])} has no counterpart: probably dropped {where}"
    if dj == 0:
        where = f"before translation block {j + 1}" if j < len(translation) else "at the end"
        return line, (f"original blocks {span(i, di)} ({_quote(original[i])} and after) have no "
                      f"counterpart: probably dropped {where}")
    if (di, dj) == (2, 1):
        return line, (f"original blocks {i + 1} and {i + 2} {_quote(original[i])} "
                      f"seem merged into translation block {j + 1}, or one of them was dropped")
    return line, (f"original block {i + 1} {_quote(original[i])} seems split into "
                  f"translation blocks {j + 1} and {j + 2}, or one of them was added")
