"""Where an imported reply goes: up its export's chain of parents, which may break off or loop."""

from __future__ import annotations

from collections.abc import Callable, Iterator


def ancestors(start: str, parent_of: Callable[[str], str]) -> Iterator[str]:
    """Each comment `start` answers, nearest first, once each: "" from `parent_of`, or a comment seen
    already (an export can make two comments answer each other), ends the walk."""
    seen, parent = {start}, parent_of(start)
    while parent and parent not in seen:
        yield parent
        seen.add(parent)
        parent = parent_of(parent)


def nearest_kept(start: str, parent_of: Callable[[str], str], kept: Callable[[str], bool]) -> str:
    """The nearest ancestor that comes across (a reply to a deleted comment moves up), else "" (the top);
    the top too when the export also puts that ancestor under `start`, a loop no thread can show."""
    for parent in ancestors(start, parent_of):
        if kept(parent):
            return "" if start in ancestors(parent, parent_of) else parent
    return ""
