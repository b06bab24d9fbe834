"""Problems an author can fix, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from unicodedata import bidirectional, category


# What may not pass into one line of a message: controls (a line break, a carriage return, an escape),
# line and paragraph separators, and the explicit direction controls (an override: U+202E)
NOT_IN_A_LINE = {"Cc", "Zl", "Zp"}
DIRECTION_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
# what hides letters in a name besides the direction controls: zero-width space, word joiner, byte-order mark, soft hyphen
HIDING = "\u200b\u2060\ufeff\u00ad"


def hides(char: str) -> bool:
    """Whether a character of a name is one no one sees that only hides or turns what follows (an override,
    an isolate, a zero-width space): every import takes them out of a name, `check` names them in a file's."""
    return char in HIDING or bidirectional(char) in DIRECTION_CONTROLS


def one_line(text: str) -> str:
    """`text` as one line of a terminal or a log, what may not pass written as its escape (`\\n`). A
    message quotes what readers wrote, and a line it began would be read as the tool's own (by a
    terminal, or by GitHub Actions as a workflow command). A no-break space or a joiner stays."""
    if text.isprintable():
        return text
    return "".join(repr(c)[1:-1] if category(c) in NOT_IN_A_LINE or bidirectional(c) in DIRECTION_CONTROLS else c
                   for c in text)


# A web address and Windows both read `\` as a folder separator: a file so named has no address of its own
BACKSLASH = ("a name holding `\\` cannot be published: a web address and Windows read it as a folder "
             "separator; rename it")
# A name in another encoding (an archive unpacked from an old system): it has no address, and no page can link it
NOT_UTF8_NAME = "a name that is not UTF-8 (another system's encoding?) cannot be published; rename it"


def readable_name(name: str) -> str:
    """A file's name as a message can show it: the bytes of one that is not UTF-8 written as `\xe9`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_utf8_name(name: str) -> bool:
    """Whether a name read from the file system is UTF-8 (Python keeps other bytes as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unpublishable(name: str) -> str:
    """Why a file or folder of this name cannot be published (NOT_UTF8_NAME, BACKSLASH), or ""."""
    if not is_utf8_name(name):
        return NOT_UTF8_NAME
    return BACKSLASH if "\\" in name else ""


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file; line 0 means the whole file."""

    path: str
    line: int
    message: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return one_line(f"{self.where}: {self.message}")

    def as_warning(self) -> str:
        return one_line(f"{self.where}: warning: {self.message}")


def counted(number: int, singular: str, plural: str = "") -> str:
    """A count with its noun in the right number, for the command line's English: "1 essay", "2 essays"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


class ContentErrors(Exception):
    """Every content error of one run, raised together so the author sees them all, with the warnings
    found by then: an author fixing the errors should not meet the warnings only afterwards."""

    def __init__(self, errors: list[ContentError], warnings: "list[ContentError] | tuple" = ()):
        self.errors = sorted(set(errors))
        self.warnings = sorted(set(warnings))
        super().__init__("\n".join(str(e) for e in self.errors))

    def __reduce__(self):  # raised in a render worker, it crosses to the main process whole
        return (ContentErrors, (self.errors, self.warnings))


class ToolFailed(Exception):
    """A program the build runs (Pagefind) failed: not the content's fault, and said as it is."""
