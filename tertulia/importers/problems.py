"""What an import reports when content/ itself is at fault, and untrusted text made fit to report."""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..errors import hides, one_line
from ..model import ANONYMOUS  # the author of a comment or post that names none, as WordPress shows one
UNSEEN = {"Cf", "Cc", "Zs", "Zl", "Zp"}  # format (a zero-width space, a direction mark), control and space characters
REFUSED = "refused as `check` would refuse it"  # an imported comment's reason, then `(<its name>: <why>)`


class ContentProblem(Exception):
    """content/ cannot take the import as it is, or the export lacks what it needs; the message is
    `path[:line]: what is wrong`, the path content/'s or the export's."""


class UsageProblem(ValueError):
    """The import cannot go on as its command line asks (a language to choose with --lang): exit 2, one line.
    A ValueError, as the language checks that raise it are also asked of the export's own tags."""


def shown(text: str, limit: int = 60) -> str:
    """Untrusted text fit for one line of a terminal: control characters escaped, cut short."""
    return one_line(text[:limit]) + ("…" if len(text) > limit else "")


def first_few(names: list[str], few: int = 3) -> str:
    """`posts/a, posts/b, posts/c and 4 more`, in their order: a summary's line stays a line."""
    return ", ".join(names[:few]) + (f" and {len(names) - few} more" if len(names) > few else "")


def author_name(name: str) -> str:
    """The one rule for a name any import writes as an `author`: on one line, without the characters no one
    sees at its ends (a zero-width space, a direction override), nor anywhere the ones that only hide or
    turn what follows (an override or isolate, a zero-width space, a word joiner); a joiner that shapes
    letters (ZWJ, ZWNJ) stays. A name made of nothing else is no name, and never written as one: `Anonymous`."""
    shown = "".join(c for c in name if not hides(c))
    name = " ".join(shown.split())
    start, end = 0, len(name)
    while start < end and unicodedata.category(name[start]) in UNSEEN:
        start += 1
    while end > start and unicodedata.category(name[end - 1]) in UNSEEN:
        end -= 1
    return name[start:end] or ANONYMOUS


def refusal(name: str, why: str) -> str:
    """Why one comment of an export is not imported: `check` would refuse its text."""
    return f"{REFUSED} ({name}: {why})"


def reasons_said(label: str, counts: Counter) -> list[str]:
    """`label: 2 deleted, 1 spam`, each reason with its count; the comments `check` would refuse counted
    as one reason, then named a line each in the export's order, since a reason of their own each read as a list of ones."""
    refused = [reason[len(REFUSED) + 2:-1] for reason in counts if reason.startswith(REFUSED + " (")]
    # a reason's `{s}` is its noun's plural ending; a reason counted nothing (a post without comments) is not one
    said = {reason: f"{count} {reason.replace('{s}', '' if count == 1 else 's')}" for reason, count in counts.items()
            if count and not reason.startswith(REFUSED + " (")}
    if refused:
        said[REFUSED] = f"{len(refused)} {REFUSED[:-3]} {'it' if len(refused) == 1 else 'them'} (below)"
    line = f"{label}: " + (", ".join(said[reason] for reason in sorted(said)) or "none")
    return [line] + [f"  not imported, as `check` would refuse it: {name}" for name in refused]
