"""Pairing a translation's blocks with its original's, and locating where they part."""

from __future__ import annotations

import math
import re

from .markup import plain_text

# Gale & Church (1993): priors of each alignment step and the variance of length ratios.
STEP_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2}
VARIANCE = 6.8
CLOSE_MATCH = 0.5  # deviations: closer than this, a block surely is the other's counterpart
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s")
HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|[-*_]{3,}\s*$)")


def block_lines(body: str, first_line: int) -> list[int]:
    """Where each top-level block probably starts; only trusted when the count matches."""
    starts, fenced, previous_blank, in_list = [], False, True, False
    for offset, line in enumerate(body.split("\n")):
        if fenced:
            fenced = not FENCE.match(line)
            continue
        blank = not line.strip()
        continuation = line[:1] in (" ", "\t") and in_list
        new_list_item = LIST_ITEM.match(line) and in_list
        if not blank and not continuation and not new_list_item and (previous_blank or HEADING.match(line)):
            starts.append(first_line + offset)
            in_list = bool(LIST_ITEM.match(line))
            fenced = bool(FENCE.match(line))
        previous_blank = blank or bool(HEADING.match(line))
    return starts


def _delta(source_len: int, target_len: int, ratio: float) -> float:
    """How many standard deviations apart two lengths are, for texts that should match."""
    mean = (source_len + target_len / ratio) / 2
    return (target_len - source_len * ratio) / math.sqrt(max(mean, 1) * VARIANCE)


def _step_cost(source_len: int, target_len: int, ratio: float, step) -> float:
    """-log probability of one step, from the lengths it pairs (Gale & Church)."""
    if source_len == 0 and target_len == 0:
        return 0.0
    delta = _delta(source_len, target_len, ratio)
    match = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
    return -math.log(match) - math.log(STEP_PRIORS[step])


def align_lengths(source: list[int], target: list[int]) -> list[tuple[int, int]]:
    """The likeliest sequence of steps ((1,1), (1,0), (0,1), (2,1), (1,2)) pairing two lists."""
    ratio = 1.0  # as Gale & Church: estimating it from totals is skewed by the very block that was added
    inf = float("inf")
    cost = [[inf] * (len(target) + 1) for _ in range(len(source) + 1)]
    back = [[None] * (len(target) + 1) for _ in range(len(source) + 1)]
    cost[0][0] = 0.0
    for i in range(len(source) + 1):
        for j in range(len(target) + 1):
            for di, dj in STEP_PRIORS:
                if i >= di and j >= dj and cost[i - di][j - dj] < inf:
                    step_cost = _step_cost(sum(source[i - di:i]), sum(target[j - dj:j]), ratio, (di, dj))
                    if cost[i - di][j - dj] + step_cost < cost[i][j]:
                        cost[i][j], back[i][j] = cost[i - di][j - dj] + step_cost, (di, dj)
    steps, i, j = [], len(source), len(target)
    while i or j:
        di, dj = back[i][j]
        steps.append((di, dj))
        i, j = i - di, j - dj
    return steps[::-1]


def _quote(block_html: str) -> str:
    words = plain_text(block_html).split()
    return "“" + " ".join(words[:6]) + ("…" if len(words) > 6 else "") + "”"


def locate_mismatch(original: tuple[str, ...], translation: tuple[str, ...],
                    translation_lines: list[int]) -> tuple[int, str]:
    """Explain the first place where the translation stops matching: (line, sentence)."""
    steps = align_lengths([len(plain_text(b)) for b in original], [len(plain_text(b)) for b in translation])
    i = j = 0
    for di, dj in steps:
        if (di, dj) != (1, 1):
            return _describe(di, dj, i, j, original, translation, translation_lines)
        i, j = i + di, j + dj
    return 0, ""


def _lone_match(whole: str, parts: tuple[str, str]) -> int | None:
    """Which of two blocks alone matches `whole` closely, if one does: then the other is extra."""
    lengths = [len(plain_text(p)) for p in parts]
    target = len(plain_text(whole))
    deltas = [abs(_delta(target, length, 1.0)) for length in lengths]
    best = min(range(2), key=deltas.__getitem__)
    return best if deltas[best] < CLOSE_MATCH else None


def _describe(di, dj, i, j, original, translation, lines) -> tuple[int, str]:
    """One sentence naming the block that was probably added, dropped, merged or split."""
    if (di, dj) == (1, 2) and (kept := _lone_match(original[i], translation[j:j + 2])) is not None:
        di, dj, j = 0, 1, j + 1 - kept  # one part matches the original alone: the other was added
    elif (di, dj) == (2, 1) and (kept := _lone_match(translation[j], original[i:i + 2])) is not None:
        di, dj, i, j = 1, 0, i + 1 - kept, j + 1 - kept  # one original alone matches: the other was dropped
    line = lines[min(j, len(lines) - 1)] if len(lines) == len(translation) and lines else 0
    if (di, dj) == (0, 1):
        return line, f"translation block {j + 1} {_quote(translation[j])} has no counterpart: probably added"
    if (di, dj) == (1, 0):
        return line, (f"original block {i + 1} {_quote(original[i])} has no counterpart: "
                      f"probably dropped before translation block {j + 1}")
    if (di, dj) == (2, 1):
        return line, (f"original blocks {i + 1} and {i + 2} {_quote(original[i])} "
                      f"seem merged into translation block {j + 1}")
    return line, (f"original block {i + 1} {_quote(original[i])} seems split into "
                  f"translation blocks {j + 1} and {j + 2}")
