"""An imported reply's place: up a chain of parents that may break off or loop."""

from __future__ import annotations

import random
import subprocess
import sys

from tertulia.importers.threads import nearest_kept_finder

PARENTS = {"c4": "c3", "c3": "c2", "c2": "c1", "c1": "", "x": "y", "y": "x", "z": "x"}


def nearest_kept(start, parent_of, kept):
    return nearest_kept_finder(parent_of, kept)(start)


def test_a_reply_moves_up_past_what_was_not_kept_and_a_loop_goes_to_the_top():
    assert nearest_kept("c4", PARENTS.get, {"c1", "c2"}.__contains__) == "c2"
    assert nearest_kept("c4", PARENTS.get, set().__contains__) == ""
    assert nearest_kept("x", PARENTS.get, {"y"}.__contains__) == ""  # y answers x too: neither goes under the other
    assert nearest_kept("z", PARENTS.get, {"y"}.__contains__) == "y"
    assert nearest_kept("gone", PARENTS.get, {"y"}.__contains__) == ""


def walked(start, parent_of, kept):
    """The rule said plainly, walking up from each comment anew: what the finder must agree with."""
    seen, chain, parent = {start}, [], parent_of(start)
    while parent and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = parent_of(parent)
    for parent in chain:
        if kept(parent):
            return "" if _above(parent, start, parent_of) else parent
    return ""


def _above(ancestor, start, parent_of):
    seen, node = {ancestor}, parent_of(ancestor)
    while node and node not in seen:
        if node == start:
            return True
        seen.add(node)
        node = parent_of(node)
    return False


def test_the_finder_agrees_with_walking_up_from_each_comment_on_random_exports():
    for seed in range(300):
        rng = random.Random(seed)
        ids = [f"c{i}" for i in range(rng.randint(1, 12))]
        parents = {i: rng.choice(ids + ["", "", "missing"]) for i in ids}
        kept_ids = {i for i in ids if rng.random() < 0.5}
        find = nearest_kept_finder(parents.get, kept_ids.__contains__)
        for start in rng.sample(ids, len(ids)):  # in any order: what one settles, another reuses
            assert find(start) == walked(start, parents.get, kept_ids.__contains__), (seed, start, parents, kept_ids)


def test_a_chain_of_twenty_thousand_replies_is_placed_at_once():
    """An export is untrusted: walked again from each of its comments, this chain took 94 s."""
    script = ("from tertulia.importers.threads import nearest_kept_finder\n"
              "parents = {str(i): str(i - 1) if i else '' for i in range(20000)}\n"
              "find = nearest_kept_finder(parents.get, lambda i: int(i) % 3 != 1)\n"
              "assert [find(str(i)) for i in range(20000)][:5] == ['', '0', '0', '2', '3']\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=20)
