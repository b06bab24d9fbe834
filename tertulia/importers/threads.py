"""Where an imported reply goes: up its export's chain of parents, which may break off or loop."""

from __future__ import annotations

from collections.abc import Callable


def nearest_kept_finder(parent_of: Callable[[str], str], kept: Callable[[str], bool]) -> Callable[[str], str]:
    """What finds, for any comment of one export, its nearest ancestor that comes across (a reply to a
    deleted comment moves up), else "" (the top); the top too when the export also puts that ancestor
    under the comment, a loop no thread can show. Each chain of parents is walked once: walked again
    from each of its comments, a chain of 20,000 replies (an export is untrusted) took minutes."""
    above: dict[str, str] = {}  # a comment -> its nearest kept ancestor, "" for none
    looped: set[str] = set()  # the comments on a loop of parents: each is its own ancestor

    def find(start: str) -> str:
        if start not in above:
            _settle(start, parent_of, kept, above, looped)
        return "" if start in looped else above[start]
    return find


def _settle(start: str, parent_of, kept, above: dict[str, str], looped: set[str]) -> None:
    """Fill `above` for `start` and the ancestors not settled yet, walking up once."""
    chain, place, node = [], {}, start
    while node and node not in above and node not in place:
        place[node] = len(chain)
        chain.append(node)
        node = parent_of(node)
    if node in place:  # the chain bit its own tail: chain[place[node]:] answer each other in a ring
        ring = chain[place[node]:]
        _settle_ring(ring, kept, above)
        looped.update(ring)
        chain = chain[:place[node]]
    for comment in reversed(chain):
        parent = parent_of(comment)
        above[comment] = parent if parent and kept(parent) else above.get(parent, "")


def _settle_ring(ring: list[str], kept, above: dict[str, str]) -> None:
    """Each ring member's nearest kept ancestor around the ring, itself excepted (its walk stops there):
    the ring read backwards twice, remembering the last kept place seen."""
    size, last_kept = len(ring), None
    for place in range(2 * size - 1, -1, -1):
        if place < size:
            above[ring[place]] = ring[last_kept % size] if last_kept is not None and last_kept < place + size else ""
        if kept(ring[place % size]):
            last_kept = place
