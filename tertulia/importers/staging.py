"""An import's files: planned by path inside content/, staged beside it, moved in only once the whole
export has been read, so an export that breaks half way writes nothing.

A file already in content/ is kept as it is, unless it still holds exactly what an earlier import wrote
(then a newer export may move it on: a comment approved or marked spam since, or trashed and so removed).
Nothing is ever written through a link, or by a path that is not a plain one inside content/.

Imports keep a record of what they wrote (`content/.tertulia-imports.json`): for each file a hash of its
name and its exact content (a media file's path and bytes), and for each essay, page or comment a hash of
its name and its identity in the export (the blog and post, and the comment's id), never of its folder,
which an author may rename. A file whose identity (or exact content) the record knows that is no longer
there was deleted by the author, and a later import does not bring it back, even when the blog has edited
it since; a file that still holds content the record knows is untouched since, and may follow the blog.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..interruptions import scratch_folder
from .problems import ContentProblem, shown

RECORD = ".tertulia-imports.json"
ESSAY_FILE = re.compile(r"posts/[^/]+/index\.[^/]+\.md")
COMMENT_FILE = re.compile(r"(posts/[^/]+)/comments/[^/]+\.md")
RECORD_NOTE = ("What imports wrote into content/ (hashes of each file's name with its content, and with what it "
               "came from in the export), so that a file deleted by hand is not brought back and one edited by "
               "hand is never replaced. Keep it.")


@dataclass
class Staged:
    """What the import did and would do, file by file, for its summary."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there: never overwritten
    moved_on: list[str] = field(default_factory=list)  # as an earlier import wrote them: updated or removed
    edited: list[str] = field(default_factory=list)  # changed by hand since an import: left alone, named
    edited_both: list[str] = field(default_factory=list)  # changed by hand here and on the blog since: named apart
    taken: list[str] = field(default_factory=list)  # a comment's name held by another no import wrote: not imported
    changed_on_blog: list[str] = field(default_factory=list)  # as an import wrote it, but the blog has moved on
    published_on_blog: list[str] = field(default_factory=list)  # of those, a draft here the blog has published
    removed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # deleted by hand since an import: not brought back
    orphaned: list[str] = field(default_factory=list)  # new comments of a post deleted by hand: left out
    pointed: list[str] = field(default_factory=list)  # as an import without media wrote them: now at the media
    media: list[str] = field(default_factory=list)  # the files (bytes) among `written`
    media_there: list[str] = field(default_factory=list)  # the files (bytes) already there, kept
    pasted: list[str] = field(default_factory=list)  # the pictures pasted into posts among `written`
    tallied: int = 0  # the importer's `tally` of the texts it leaves as planned (written, or there already)

    def left_alone(self) -> list[str]:
        """The summary's lines for the files an import did not touch, and why, for every importer alike."""
        return [said + ", ".join(files) for said, files in (
            ("edited by hand, left as they are: ", self.edited),
            ("edited by hand here and changed since (on the blog, or in how this version of Tertulia reads it), "
             "left as they are here (bring the change across by hand if it is wanted): ",
             [name for name in self.edited_both if name not in self.published_on_blog]),
            ("not imported, their names held by other comments, which no import wrote (give each of those "
             "another id, and its replies' reply_to, then import again): ", self.taken),
            # an upgraded converter's better reading of the same export (a link relinked) comes here too
            ("changed since an earlier import (on the blog, or in how this version of Tertulia reads it), left as "
             "they are here: ", [name for name in self.changed_on_blog if name not in self.published_on_blog]),
            ("published on the blog since an earlier import, drafts here, left as they are (its addresses lead "
             "nowhere until it is published: take out `draft: true`, and bring the blog's changes across by hand "
             "if they are wanted): ", self.published_on_blog),
            ("deleted by hand since an earlier import, not brought back: ", self.deleted),
            ("comments of a post deleted by hand, left out with it: ", self.orphaned)) if files]


@dataclass
class Planned:
    """One file to write: its text, and the texts an earlier import may have left there (which it replaces)."""

    text: str | bytes | None  # None: remove it, if it is still one of `earlier`; bytes: a media file
    earlier: tuple[str, ...] = ()
    if_recorded: bool = False  # follow the blog (update, or remove if text is None) if it is as an import wrote it
    identity: str = ""  # what it is in the export (`wordpress <blog> post 80`): a deletion here is for good
    # the same text under the other media options: an import's files are not "changed on the blog" because
    # one run brings media (--media, --media-from) and another does not
    unbrought: str | None = None  # as an import without media writes it (this one brings them): pointed at them
    beside: str | None = None  # pointing at the media an earlier import brought (this one brings none): kept
    # a picture pasted into a post (pasted.py): the text that shows it, as it is left, must name it, or it is
    # not written (a text edited since, or changed on the blog and left as it is, would show nothing of it)
    shown_by: str = ""
    # the names an earlier import may have given it, which its author has changed since (a comment's file
    # renamed to its language, `12.hi.md` to `12.en.md`): it is still the import's own under its new name
    named_before: tuple[str, ...] = ()


DRAFT = re.compile(r"^draft: true$", re.MULTILINE)  # as an import writes it (wpfiles)


def _a_draft(text: str) -> bool:
    """Whether a text an import wrote is a draft, by its front matter (between its first two `---` lines)."""
    return bool(DRAFT.search(text.split("\n---", 1)[0]))


def _published_since(text: str | None, planned: "Planned") -> bool:
    """Whether the text here is a draft the blog has published since (its planned text is none)."""
    return isinstance(planned.text, str) and text is not None and _a_draft(text) and not _a_draft(planned.text)


def _refuse_blocked(targets: list[Path], content: Path) -> None:
    """A file the import writes where a folder, or a file in place of one of its folders, stands:
    said before anything moves, so that nothing is half imported. Each folder is looked at once."""
    folders = sorted({content / folder for target in targets for folder in target.relative_to(content).parents[:-1]})
    blocked = [(target, "a folder, where the import writes a file") for target in targets
               if target.is_dir() and not target.is_symlink()]
    blocked += [(folder, "a file, where the import makes a folder") for folder in folders
                if folder.exists() and not folder.is_dir()]
    if blocked:
        place, what = min(blocked)
        raise ContentProblem(f"{place.relative_to(content.parent).as_posix()}: is {what}; move it away and import again")


class Staging:
    """A staging folder beside content/'s files (none in a dry run) and what has gone into it."""

    def __init__(self, content: Path, dry_run: bool, report=print, tally=None):
        self.content, self.report = content, report if dry_run else None
        self.tally = tally  # counts something in each text left as planned (see Staged.tallied)
        self.new_folder = not content.exists()
        self.folder = None
        if not dry_run:
            content.mkdir(parents=True, exist_ok=True)
            self.folder = scratch_folder(".import-", content)  # and those of imports killed outright cleared away
        self.done = Staged()
        self.removals: list[str] = []
        self.essays: set[str] = set()  # the post folders with an essay file, there or written by this import
        refuse_links(content, RECORD)
        self.record = _record(content / RECORD)
        self.recorded = frozenset(self.record)  # as earlier imports left it: what this one writes is not "deleted"

    def stage(self, files: dict[str, Planned], overwrite: bool = False) -> None:
        """Stage `files` (or report them, in a dry run), then forget them. Texts go first: a picture's is
        decided before the picture (see Planned.shown_by)."""
        left_as: dict[str, str | None] = {}  # each text staged here that this import writes (its text) or removes
        for relative, planned in sorted(files.items(), key=lambda pair: isinstance(pair[1].text, bytes)):
            refuse_links(self.content, relative)
            target = self.content / relative
            if planned.shown_by and not self._shown(relative, planned.shown_by, left_as):
                continue
            post = _post_of_comment(relative)
            if (post and planned.text is not None and not target.exists() and not self._has_essay(post)
                    and not self._recorded(relative.rsplit("/", 1)[-1], planned)):
                self.done.orphaned.append(relative)  # written, it would be a comment of no post: check refuses it
                continue
            verb = self._decide(relative, target, planned, overwrite)
            if isinstance(planned.text, str) and verb in ("write", "remove"):  # any other is left as it is there
                left_as[relative] = planned.text if verb == "write" else None
            if verb == "write" and planned.shown_by:
                self.done.pasted.append(relative)
            if verb == "write" and ESSAY_FILE.fullmatch(relative):
                self.essays.add(relative.rsplit("/", 1)[0])
            if verb == "remove":
                self.removals.append(relative)
            elif verb == "write" and self.report:
                self.report(f"would write {target}")
            elif verb == "write" and self.folder is not None:
                staged = self.folder / relative
                staged.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(planned.text, bytes):
                    staged.write_bytes(planned.text)
                else:
                    staged.write_text(planned.text, encoding="utf-8")
        files.clear()

    def _shown(self, relative: str, shown_by: str, left_as: dict[str, str | None]) -> bool:
        """Whether the text `shown_by`, as this import leaves it, names the file at `relative`."""
        text = left_as[shown_by] if shown_by in left_as else _text_of(self.content / shown_by)
        return text is not None and relative.rsplit("/", 1)[-1] in text

    def wrote(self, relative: str, identity: str) -> bool:
        """Whether an earlier import wrote a file of this identity under the name `relative` has."""
        key = _identity_key(relative.rsplit("/", 1)[-1], identity)
        return bool(key) and key in self.recorded

    def deleted_by_hand(self, relative: str, identity: str) -> bool:
        """Whether an earlier import wrote the file of this identity at `relative`, which is no longer there:
        its replies then answer the nearest comment that stays, as those of one the blog deleted do."""
        return self.wrote(relative, identity) and not (self.content / relative).exists()

    def _has_essay(self, post: str) -> bool:
        """Whether the post's folder holds an essay file, or this import writes one into it; the folder
        is looked at once, not for each of its new comments."""
        if post not in self.essays and any((self.content / post).glob("index.*.md")):
            self.essays.add(post)
        return post in self.essays

    def _recorded(self, name: str, planned: Planned) -> bool:
        """Whether an earlier import wrote this file (by its identity in the export, or a text of it)."""
        return any(_identity_key(named, planned.identity) in self.recorded or any(
            _key(named, text) in self.recorded for text in (planned.text, *planned.earlier))
            for named in (name, *planned.named_before))

    def _decide(self, relative: str, target: Path, planned: Planned, overwrite: bool) -> str:
        """What to do with one planned file, "write", "remove" or "nothing", said in `done`."""
        # a text by its name (a renamed folder changes nothing); a media file by its path, since one image
        # may stand beside many posts, and deleting one copy says nothing of the others
        name = relative if isinstance(planned.text, bytes) else relative.rsplit("/", 1)[-1]
        if overwrite:  # site.yml: the import's own merge of what is there
            self.done.written.append(relative)
            return "write"
        identity = _identity_key(name, planned.identity)
        if self._another_there(relative, target, planned, name, identity):
            self.done.taken.append(relative)
            return "nothing"
        if not target.exists():
            return self._absent(relative, planned, name, identity)
        if identity:  # there, in whatever state: a later deletion of it is the author's, and for good
            self.record.add(identity)  # (also adopts what an import wrote before identities were recorded)
        text = _bytes_of(target) if isinstance(planned.text, bytes) else _text_of(target)
        if text is not None and (text == planned.text or text == planned.beside):
            self.record.add(_key(name, text))  # also adopts what an import wrote before records were kept
            return self._there(relative, text)
        if isinstance(planned.text, bytes):  # a media file changed since is the author's now
            return self._there(relative, text)
        if text is not None and text == planned.unbrought:  # as an import wrote it, only without the media
            self.record.add(_key(name, planned.text))
            self.done.pointed.append(relative)
            self._tallied(planned.text)
            return "write"
        return self._differing(relative, planned, name, identity, text)

    def _another_there(self, relative: str, target: Path, planned: Planned, name: str, identity: str) -> bool:
        """Whether the comment file there is another comment under the name this one would take."""
        if not (identity and isinstance(planned.text, str) and COMMENT_FILE.fullmatch(relative)
                and target.exists() and not self._recorded(name, planned)):
            return False
        # no import ever wrote this comment under this name: the file there is another one (`new
        # comment` numbers as blogs do, a proposal names its own), not this one edited by hand
        text = _text_of(target)
        return text != planned.text and not (text is not None and _key(name, text) in self.recorded)

    def _absent(self, relative: str, planned: Planned, name: str, identity: str) -> str:
        """A planned file not there: written, unless an import wrote it and the author deleted it."""
        if planned.text is None:
            return "nothing"
        if self._recorded(name, planned):
            self.done.deleted.append(relative)  # an import wrote it, the author deleted it
            return "nothing"
        self.record.update(filter(None, (_key(name, planned.text), identity)))
        return self._written(relative, planned.text)

    def _differing(self, relative: str, planned: Planned, name: str, identity: str, text: str | None) -> str:
        """A text there that is not the blog's: followed where nobody touched it since an import, else kept."""
        as_imported = text is not None and _key(name, text) in self.record  # nobody has touched it since
        untouched = text is not None and (text in planned.earlier or (planned.if_recorded and as_imported))
        if untouched and planned.text is None:  # gone from the blog, and may come back if it returns there
            self.record.difference_update({_key(name, t) for t in (text, *planned.earlier)} | {identity})
            self.done.removed.append(relative)
            return "remove"
        if untouched:
            self.record.add(_key(name, planned.text))
            self.done.moved_on.append(relative)
            self._tallied(planned.text)
            return "write"
        if planned.text is not None:
            self.done.kept.append(relative)
        if as_imported:  # an essay does not follow the blog (its translations align to it): named as such
            self.done.changed_on_blog.append(relative)
            if _published_since(text, planned):
                self.done.published_on_blog.append(relative)
            return "nothing"
        # the blog's text is one no import wrote (it is not in the record): the blog has changed it too
        blog_changed = isinstance(planned.text, str) and not any(  # (with or without the media: the same text)
            _key(name, text) in self.recorded for text in (planned.text, planned.unbrought, planned.beside) if text)
        (self.done.edited_both if blog_changed else self.done.edited).append(relative)
        if blog_changed and _published_since(text, planned):
            self.done.published_on_blog.append(relative)  # a draft here, edited by hand, that the blog published
        return "nothing"

    def _written(self, relative: str, text: str | bytes) -> str:
        self.done.written.append(relative)
        if isinstance(text, bytes):
            self.done.media.append(relative)
        self._tallied(text)
        return "write"

    def _there(self, relative: str, text: str | bytes | None) -> str:
        """A file kept as it is: as planned, or (media, or `beside`) as good as planned."""
        self.done.kept.append(relative)
        if isinstance(text, bytes) or text is None:
            self.done.media_there.append(relative)
        else:
            self._tallied(text)
        return "nothing"

    def _tallied(self, text: str | bytes) -> None:
        if self.tally is not None and isinstance(text, str):
            self.done.tallied += self.tally(text)

    def move_in(self) -> None:
        """Each staged file into content/ by one rename: a file is there whole or not at all. The record
        goes in after the files it names (an interrupted import never records a file it did not write),
        and only when it records something new: an import that brought nothing leaves content/ as it was."""
        if self.folder is None:
            return
        record = self.folder / RECORD
        if self.record != self.recorded:
            record.write_text(json.dumps({"about": RECORD_NOTE, "files": sorted(self.record)}, indent=0) + "\n",
                              encoding="utf-8")
        sources = [Path(folder, name) for folder, _, names in os.walk(self.folder) for name in sorted(names)]
        moves = [(source, self.content / source.relative_to(self.folder)) for source in sources if source != record]
        _refuse_blocked([target for _, target in moves], self.content)  # before the first file moves in
        for source, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        if record.exists():
            os.replace(record, self.content / RECORD)
        for relative in self.removals:
            (self.content / relative).unlink(missing_ok=True)

    def close(self, failed: bool) -> None:
        """Remove the staging folder; after a failure, the content folder too if this import made it."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            if failed and self.new_folder:
                shutil.rmtree(self.content, ignore_errors=True)


def _key(name: str, content: str | bytes) -> str:
    """A file's key in the record: its name and exact content, not its folder (which an author may rename)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()[:32]


def _identity_key(name: str, identity: str) -> str:
    """A file's key by what it is in the export, "" for a file that has no identity there."""
    return _key("\0identity\0" + name, identity) if identity else ""


def _record(path: Path) -> set[str]:
    """The keys an earlier import recorded; none when there is no record, or one that does not read."""
    try:
        keys = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return set()
    return {key for key in keys if isinstance(key, str)} if isinstance(keys, list) else set()


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def refuse_links(content: Path, relative: str) -> None:
    """Every file an import writes lies in content/ by a path of plain names and passes through no link,
    whatever the export says: a link could lead the write anywhere."""
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in parts):
        raise ContentProblem(f"refused to write `{shown(relative)}`: not a plain path inside {content}")
    for depth in range(1, len(parts) + 1):
        if (content / "/".join(parts[:depth])).is_symlink():
            raise ContentProblem(f"{content.name}/{'/'.join(parts[:depth])}: is a link; an import never writes "
                                 "through one (replace it with the folder or file itself)")


def _post_of_comment(relative: str) -> str:
    """The post folder (`posts/slug`) of a comment file's path; "" for any other file."""
    found = COMMENT_FILE.fullmatch(relative)
    return found.group(1) if found else ""
