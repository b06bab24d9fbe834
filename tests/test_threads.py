"""An imported reply's place: up a chain of parents that may break off or loop."""

from __future__ import annotations

from tertulia.importers.threads import ancestors, nearest_kept

PARENTS = {"c4": "c3", "c3": "c2", "c2": "c1", "c1": "", "x": "y", "y": "x", "z": "x"}


def test_ancestors_come_nearest_first_and_a_loop_ends_the_walk():
    assert list(ancestors("c4", PARENTS.get)) == ["c3", "c2", "c1"]
    assert list(ancestors("z", PARENTS.get)) == ["x", "y"]
    assert list(ancestors("gone", PARENTS.get)) == []


def test_a_reply_moves_up_past_what_was_not_kept_and_a_loop_goes_to_the_top():
    assert nearest_kept("c4", PARENTS.get, {"c1", "c2"}.__contains__) == "c2"
    assert nearest_kept("c4", PARENTS.get, set().__contains__) == ""
    assert nearest_kept("x", PARENTS.get, {"y"}.__contains__) == ""  # y answers x too: neither goes under the other
    assert nearest_kept("z", PARENTS.get, {"y"}.__contains__) == "y"
