"""A Disqus comment that repeats a comment the WordPress import brought to the same thread: the same
name, the same minute and the same words, without the `wp_id` by which Disqus marks the copies it took
in from the blog. Both are kept, since each may be a person's own posting; the summary names the pair,
so that the author deletes one if they are one comment (shown twice, in the archive and
the feeds too)."""

from __future__ import annotations

import re
from pathlib import Path

from ..reading.dates import parse_date
from ..reading.read import parse_text
from .wpcomments import COMMENT_ID

WORDS = re.compile(r"\w+")
# what a reader does not read as words: a link's address (one system kept the link, the other only its
# words), a tag
UNREAD = re.compile(r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)|<[^<>]*>")


def signature(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    """A comment file's name, instant (to the minute) and words; None for one without a time, which
    says too little to be taken for another's twin."""
    parsed, error = parse_text(text.encode("utf-8"), "comment")
    if error is not None or parsed is None:
        return None
    date = parse_date(parsed.meta.get("date", ""), utc=True)
    if date is None or date.hour < 0:
        return None
    words = tuple(WORDS.findall(UNREAD.sub(" ", parsed.body).casefold()))
    return str(parsed.meta.get("author", "")).casefold(), date.timestamp, words


class Twins:
    """The WordPress comments of each thread, by signature, read once per thread."""

    def __init__(self, content: Path):
        self.content = content
        self.threads: dict[str, dict[tuple, str]] = {}

    def of(self, folder: str, text: str) -> str:
        """The path of the WordPress comment in `folder` whose file `text` repeats, or ""."""
        if folder not in self.threads:
            self.threads[folder] = self._read(folder)
        found = signature(text) if self.threads[folder] else None
        return self.threads[folder].get(found, "") if found else ""

    def _read(self, folder: str) -> dict[tuple, str]:
        comments = self.content / folder / "comments"
        if not comments.is_dir() or comments.is_symlink():
            return {}
        known = {}
        for path in sorted(comments.glob("*.md")):
            if path.is_symlink() or not COMMENT_ID.fullmatch(path.name.split(".", 1)[0]):
                continue  # a Disqus comment (`disqus-…`), a proposal (`20261130-0615-…`): no blog's
            found = signature(path.read_text(encoding="utf-8", errors="replace"))
            if found:
                known.setdefault(found, f"{folder}/comments/{path.name}")
        return known
