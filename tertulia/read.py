"""Find content files, and split one file's bytes into front matter and body, with line numbers."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from .align import block_lines
from .errors import ContentError
from .yamltext import key_lines, load_yaml

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ESSAY_FILE = re.compile(r"index\.(?P<lang>[^.]+)\.md")
COMMENT_FILE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")
FRONT_MATTER = YAMLHandler()
BAD_NAME = "use lowercase letters, digits and single hyphens"


def is_scratch(name: str) -> bool:
    """Editors' hidden, swap and backup files: never content, never published."""
    return name.startswith(".") or name.endswith("~")


@dataclass(frozen=True, slots=True)
class Source:
    """A Markdown file found under content/: where it is and what its name says."""

    file: str
    path: str  # as errors show it: relative to the content folder's parent
    slug: str
    comment_id: str  # "" for an essay's own text
    lang: str


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
    block_starts: tuple[int, ...] = ()  # where each top-level block probably starts, for errors
    digest: str = ""

    def line(self, key: str) -> int:
        """The line of a front-matter key, or of the front matter itself when absent."""
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class Found:
    """What a walk of content/ found: Markdown sources, files to copy, and misnamed files."""

    sources: tuple[Source, ...]
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]


def find_content(content_dir: Path) -> Found:
    """Every post folder under content/posts, in a stable order; nothing is read yet."""
    content_dir = content_dir.resolve()
    shown = content_dir.name + "/posts"  # paths as errors show them: from the content folder's parent
    sources, assets, errors = [], [], []
    posts = content_dir / "posts"
    for slug in sorted(n for n in os.listdir(posts) if not is_scratch(n)) if posts.is_dir() else []:
        folder = os.path.join(posts, slug)
        if not os.path.isdir(folder):
            continue
        if not SLUG.fullmatch(slug):
            errors.append(ContentError(f"{shown}/{slug}", 0, f"bad slug `{slug}`: {BAD_NAME}"))
            continue
        _find_in_post(folder, slug, f"{shown}/{slug}", sources, assets, errors)
    return Found(tuple(sources), tuple(assets), tuple(errors))


def _find_in_post(folder: str, slug: str, shown: str, sources, assets, errors) -> None:
    """Sort one post folder's files into essay texts, comments and copied files."""
    with os.scandir(folder) as entries:
        names = sorted((entry.name, entry.is_dir()) for entry in entries if not is_scratch(entry.name))
    for name, is_dir in names:
        if name == "comments" and is_dir:
            comments = os.path.join(folder, name)
            for comment_name in sorted(n for n in os.listdir(comments) if not is_scratch(n)):
                _find_comment(comments, comment_name, slug, f"{shown}/comments", sources, assets, errors)
        elif match := ESSAY_FILE.fullmatch(name):
            sources.append(Source(os.path.join(folder, name), f"{shown}/{name}", slug, "", match["lang"]))
        elif name.endswith(".md"):
            errors.append(ContentError(f"{shown}/{name}", 0, "an essay file must be named index.<lang>.md"))
        else:
            _collect_assets(Path(folder, name), f"posts/{slug}/{name}", assets)


def _find_comment(folder: str, name: str, slug: str, shown_folder: str, sources, assets, errors) -> None:
    shown = f"{shown_folder}/{name}"
    match = COMMENT_FILE.fullmatch(name)
    if not name.endswith(".md"):
        _collect_assets(Path(folder, name), f"posts/{slug}/comments/{name}", assets)
    elif not match:
        errors.append(ContentError(shown, 0, "a comment file must be named <id>.<lang>.md"))
    elif not SLUG.fullmatch(match["id"]):
        errors.append(ContentError(shown, 0, f"bad comment id `{match['id']}`: {BAD_NAME}"))
    else:
        sources.append(Source(os.path.join(folder, name), shown, slug, match["id"], match["lang"]))


def _collect_assets(path: Path, url_path: str, assets) -> None:
    """Files beside a post are published next to it, folders included."""
    if path.is_dir():
        for child in sorted(n for n in os.listdir(path) if not is_scratch(n)):
            _collect_assets(path / child, f"{url_path}/{child}", assets)
    else:
        assets.append((url_path, path))


def file_bytes(path: str) -> bytes:
    """A file's bytes in four system calls; open() adds a stat, a terminal check and seeks, 40,000 times a build."""
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class Parsed:
    """The part of a record that depends only on the file's bytes, so it can be cached by them."""

    meta: dict = field(hash=False, compare=False)
    lines: dict = field(hash=False, compare=False)
    body: str = ""  # dropped once converted: only the blocks and where they start are kept
    body_line: int = 1
    block_starts: tuple[int, ...] = ()


def parse_text(raw: bytes, shown: str) -> tuple[Parsed | None, ContentError | None]:
    """A file's bytes -> its front matter and body, or the ContentError that stops it."""
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        return None, ContentError(shown, raw.count(b"\n", 0, exc.start) + 1, "not valid UTF-8")
    if not FRONT_MATTER.detect(text):
        return None, ContentError(shown, 1, "no front matter: the file must start with a `---` line")
    try:
        front, body = FRONT_MATTER.split(text)
    except ValueError:
        return None, ContentError(shown, 1, "front matter is not closed by a `---` line")
    front_line = text.count("\n", 0, text.find(front)) + 1
    meta, error = load_yaml(front, shown, first_line=front_line)
    if error:
        return None, error
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, ContentError(shown, 2, "front matter must be a mapping of `key: value` lines")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return Parsed(meta, key_lines(front, first_line=front_line), body, body_line,
                  tuple(block_lines(body, body_line))), None


def make_record(source: Source, parsed: Parsed, digest: str) -> Record:
    return Record(path=source.path, slug=source.slug, comment_id=source.comment_id, lang=source.lang,
                  meta=parsed.meta, lines=parsed.lines, body_line=parsed.body_line,
                  block_starts=parsed.block_starts, digest=digest)


def read_parsed(path: Path) -> tuple[Parsed | None, ContentError | None]:
    """Read and parse one file on its own, body included (the scaffold needs just one)."""
    return parse_text(path.read_bytes(), str(path))
