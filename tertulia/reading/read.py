"""Split one content file's bytes into front matter and body, with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from .align import block_lines
from ..errors import ContentError
from .find import Source
from .lists import flattened_item_line
from .markup import clean_text, has_forbidden_bytes
from .yamltext import key_lines, load_yaml

FRONT_MATTER = YAMLHandler()
DEEP_HEADING = re.compile(r"^ {0,3}#{3,6}(?:[ \t]|$)|<h[3-6]", re.MULTILINE | re.IGNORECASE)


@dataclass(slots=True)  # not frozen: built 40,000 times a build, never changed after
class Record:
    """One Markdown file as written: where it is, its front matter and its body."""

    path: str
    slug: str
    comment_id: str
    lang: str
    meta: dict
    lines: dict
    body_line: int = 1
    block_starts: tuple[int, ...] = ()  # where each block probably starts, for a translation's errors
    digest: str = ""
    flattened_item: int = 0  # the line of a sub-list indented too little to be nested (reading/lists), or 0

    def line(self, key: str) -> int:
        """The line of a front-matter key, or of the front matter itself when absent."""
        return self.lines.get(str(key), 1)  # a key YAML reads as a number (`1: x`) is on the line of its digits

    def block_line(self, index: int, blocks: int) -> int | None:
        """The line block `index` (from 0) of the body's `blocks` starts on, when the starts found are
        as many as the blocks and so can be trusted; else None."""
        return self.block_starts[index] if len(self.block_starts) == blocks else None


@dataclass(frozen=True)
class Parsed:
    """The part of a record that depends only on the file's bytes, so it can be cached by them."""

    meta: dict = field(hash=False, compare=False)
    lines: dict = field(hash=False, compare=False)
    body: str = ""  # dropped once converted: only the blocks and where they start are kept
    body_line: int = 1
    block_starts: tuple[int, ...] = ()
    flattened_item: int = 0

    def record_fields(self) -> tuple:
        """What a record keeps of it (not the body: its blocks are kept instead), as a plain tuple:
        cached for every file, and a tuple is unpickled in a third of the time a class takes."""
        return self.meta, self.lines, self.body_line, self.block_starts, self.flattened_item


def parse_text(raw: bytes, shown: str) -> tuple[Parsed | None, ContentError | None]:
    """A file's bytes -> its front matter and body, or the ContentError that stops it."""
    try:  # a byte order mark, which some Windows editors put first, is not the file's text
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        if "\r" in text:  # old Mac OS's line ending, a line's end to YAML and Markdown alike
            text = text.replace("\r", "\n")
    except UnicodeDecodeError as exc:
        return None, ContentError(shown, raw.count(b"\n", 0, exc.start) + 1, "not valid UTF-8")
    if has_forbidden_bytes(raw):  # control characters: no page or feed may carry them
        text = clean_text(text)
    if not FRONT_MATTER.detect(text):
        return None, ContentError(shown, 1, "no front matter: the file must start with a `---` line")
    try:
        front, body = FRONT_MATTER.split(text)
    except ValueError:
        return None, ContentError(shown, 1, "front matter is not closed by a `---` line")
    front_line = text.count("\n", 0, text.find(front)) + 1
    meta, error = load_yaml(front, shown, first_line=front_line, whole="front matter")
    if error:
        return None, error
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, ContentError(shown, 2, "front matter must be a mapping of `key: value` lines")
    lines = key_lines(front, first_line=front_line)
    _as_written(meta, lines, front.split("\n"), front_line)
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    # Where blocks start is only ever reported for a translation whose blocks do not match, a heading
    # that skips a level (which needs one of level 3 or more), an image that is not there, a footnote
    # half-written, or an override
    located = ("translation_of" in meta or "![" in body or "<img" in body or "[^" in body  # substrings first: a regex costs 15 µs
               or "\u202e" in body or "\u202d" in body
               or (("###" in body or "<h" in body or "<H" in body) and DEEP_HEADING.search(body)))
    starts = tuple(block_lines(body, body_line)) if located else ()
    return Parsed(meta, lines, body, body_line, starts, flattened_item_line(body, body_line)), None


TEXT_KEYS = ("title", "author", "translator", "summary", "reply_to")  # reply_to: comment ids such as `01`


def _as_written(meta: dict, lines: dict, front: list[str], front_line: int) -> None:
    """Names and titles that YAML reads as numbers (`007`, `12:30`, `1.50`, `.nan`), as they were written:
    a reader named 007 is not 7."""
    for key in TEXT_KEYS:
        value = meta.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in lines:
            written = front[lines[key] - front_line].partition(":")[2].split(" #", 1)[0].strip()
            meta[key] = written or value


def make_record(source: Source, fields: tuple, digest: str) -> Record:
    """The record of a file at `source` from the fields its parse kept (Parsed.record_fields)."""
    meta, lines, body_line, block_starts, flattened_item = fields
    return Record(path=source.path, slug=source.slug, comment_id=source.comment_id, lang=source.lang,
                  meta=meta, lines=lines, body_line=body_line, block_starts=block_starts, digest=digest,
                  flattened_item=flattened_item)


def read_parsed(path: Path) -> tuple[Parsed | None, ContentError | None]:
    """Read and parse one file on its own, body included (the scaffold needs just one)."""
    return parse_text(path.read_bytes(), str(path))
