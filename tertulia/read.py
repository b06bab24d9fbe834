"""Walk content/: every Markdown file split into front matter and body, with line numbers."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from .errors import ContentError
from .yamltext import key_lines, load_yaml

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ESSAY_FILE = re.compile(r"index\.(?P<lang>[^.]+)\.md")
COMMENT_FILE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")
FRONT_MATTER = YAMLHandler()


@dataclass(frozen=True)
class Record:
    """One Markdown file as written: where it is, its front matter and its body."""

    path: str
    slug: str
    comment_id: str
    lang: str
    meta: dict = field(hash=False, compare=False)
    lines: dict = field(hash=False, compare=False)
    body: str = ""
    body_line: int = 1
    digest: str = ""

    def line(self, key: str) -> int:
        """The line of a front-matter key, or of the front matter itself when absent."""
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class ContentFiles:
    """What the read stage found: records, files to copy, and problems."""

    records: tuple[Record, ...]
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]


def read_content(content_dir: Path) -> ContentFiles:
    """Read every post folder under content/posts, in a stable order."""
    content_dir = content_dir.resolve()
    shown_root = content_dir.parent
    records, assets, errors = [], [], []
    posts = content_dir / "posts"
    for slug in sorted(os.listdir(posts)) if posts.is_dir() else []:
        folder = posts / slug
        if not folder.is_dir():
            continue
        if not SLUG.fullmatch(slug):
            errors.append(ContentError(_shown(folder, shown_root), 0,
                                       f"bad slug `{slug}`: use lowercase letters, digits and single hyphens"))
            continue
        _read_post(folder, slug, shown_root, records, assets, errors)
    return ContentFiles(tuple(records), tuple(assets), tuple(errors))


def _read_post(folder: Path, slug: str, shown_root: Path, records, assets, errors) -> None:
    """Sort one post folder's files into essay texts, comments and copied files."""
    for name in sorted(os.listdir(folder)):
        path = folder / name
        if name == "comments" and path.is_dir():
            for comment_name in sorted(os.listdir(path)):
                _read_comment(path / comment_name, slug, shown_root, records, assets, errors)
        elif match := ESSAY_FILE.fullmatch(name):
            _collect(read_record(path, _shown(path, shown_root), slug, "", match["lang"]), records, errors)
        elif name.endswith(".md"):
            errors.append(ContentError(_shown(path, shown_root), 0,
                                       "an essay file must be named index.<lang>.md"))
        else:
            _collect_assets(path, f"posts/{slug}/{name}", assets)


def _read_comment(path: Path, slug: str, shown_root: Path, records, assets, errors) -> None:
    shown = _shown(path, shown_root)
    match = COMMENT_FILE.fullmatch(path.name)
    if not path.name.endswith(".md"):
        _collect_assets(path, f"posts/{slug}/comments/{path.name}", assets)
    elif not match:
        errors.append(ContentError(shown, 0, "a comment file must be named <id>.<lang>.md"))
    elif not SLUG.fullmatch(match["id"]):
        errors.append(ContentError(shown, 0, f"bad comment id `{match['id']}`: "
                                   "use lowercase letters, digits and single hyphens"))
    else:
        _collect(read_record(path, shown, slug, match["id"], match["lang"]), records, errors)


def _collect(result, records, errors) -> None:
    record, error = result
    if error:
        errors.append(error)
    else:
        records.append(record)


def _collect_assets(path: Path, url_path: str, assets) -> None:
    """Files beside a post are published next to it, folders included."""
    if path.is_dir():
        for child in sorted(os.listdir(path)):
            _collect_assets(path / child, f"{url_path}/{child}", assets)
    else:
        assets.append((url_path, path))


def read_record(path: Path, shown: str, slug: str, comment_id: str, lang: str):
    """One Markdown file -> (Record, None) or (None, the ContentError that stops it)."""
    raw = path.read_bytes()
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
    record = Record(path=shown, slug=slug, comment_id=comment_id, lang=lang, meta=meta,
                    lines=key_lines(front, first_line=front_line), body=body, body_line=body_line,
                    digest=hashlib.sha256(raw).hexdigest())
    return record, None


def _shown(path: Path, shown_root: Path) -> str:
    """A path as errors show it: relative to the content folder's parent."""
    return path.relative_to(shown_root).as_posix()
