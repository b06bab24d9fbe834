"""What an import reports when content/ itself is at fault, and untrusted text made fit to report."""

from __future__ import annotations


class ContentProblem(Exception):
    """content/ cannot take the import as it is; the message is `content/path[:line]: what is wrong`."""


def shown(text: str, limit: int = 60) -> str:
    """Untrusted text fit for one line of a terminal: control characters escaped, cut short."""
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    return escaped + ("…" if len(text) > limit else "")
