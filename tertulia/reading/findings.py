"""What validating finds: errors, which stop the build, and warnings, each on a file and line."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ContentError
from .read import Record


@dataclass
class Findings:
    """Errors stop the build; warnings are worth an author's look but publish fine."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    # texts (a path without its language) with a file that did not parse: that error is the cause,
    # and what its other files say of the missing one would only mislead
    broken: frozenset = frozenset()

    def is_broken(self, record: Record) -> bool:
        return text_of(record.path) in self.broken

    def error(self, record: Record, key: str | None, message: str) -> None:
        self.errors.append(ContentError(record.path, record.line(key) if key else 0, message))

    def warn(self, record: Record, key: str | None, message: str) -> None:
        self.warnings.append(ContentError(record.path, record.line(key) if key else 0, message))


def text_of(path: str) -> str:
    """Which essay or comment a language file belongs to: its path without `.<lang>.md`."""
    return path.rsplit(".", 2)[0]


def original_record(by_lang: dict[str, Record]) -> Record:
    """Of a text's language files, its original (the one without translation_of), else the first: what is
    said of the whole text falls on it."""
    return next((r for r in by_lang.values() if "translation_of" not in r.meta), next(iter(by_lang.values())))
