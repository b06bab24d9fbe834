"""`import wordpress`: a WordPress export -> essays and their comment threads in content/.

Nothing already in content/ is overwritten, so a second import of a newer export adds only
what is new. New files are staged beside the posts and moved in once the whole export has
been read: an export that breaks half way writes nothing. Commenters' e-mail and IP
addresses are never read, let alone written: content/ goes into a public repository.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

from ..reading.config import LANGUAGE_TAG
from ..reading.find import SLUG
from ..reading.yamltext import quoted
from . import siteyml
from .problems import ContentProblem, shown
from .wpbody import before_more, plain, to_markdown
from .wxr import Channel, Item, WPComment, read_export

ESSAY_STATUSES = {"publish": False, "draft": True, "pending": True, "future": True, "private": True}
COMMENT_STATUSES = {"1": "published", "0": "pending", "spam": "spam"}
NOT_IMPORTED_COMMENTS = {"trash": "trashed", "post-trashed": "trashed with their post"}
PINGS = ("pingback", "trackback")
SUMMARY_WORDS = 60
WP_ID = re.compile(r"[0-9]{1,20}")  # WordPress's ids are 64-bit numbers: 20 digits at most
COMMENT_ID = re.compile(r"[0-9]{1,20}(-[0-9]+)?")  # and -2, -3... for a second comment under one id


@dataclass
class Summary:
    """Every count of an import; the skipped ones with their reasons, so they add up to the export."""

    essays: Counter = field(default_factory=Counter)  # published, drafts
    comments: Counter = field(default_factory=Counter)  # published, pending, spam
    skipped_items: Counter = field(default_factory=Counter)  # reason -> count
    skipped_comments: Counter = field(default_factory=Counter)
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there: never overwritten
    tags_added: list[str] = field(default_factory=list)

    def lines(self, dry_run: bool) -> list[str]:
        verb = "would write" if dry_run else "wrote"
        items = sum(self.essays.values()) + sum(self.skipped_items.values())
        comments = sum(self.comments.values()) + sum(self.skipped_comments.values())
        return [
            f"essays: {sum(self.essays.values())} ({self.essays['published']} published, "
            f"{self.essays['drafts']} drafts) of {items} items in the export",
            f"comments: {sum(self.comments.values())} ({self.comments['published']} published, "
            f"{self.comments['pending']} pending, {self.comments['spam']} spam) of {comments} in the export",
            "items not imported: " + _reasons(self.skipped_items),
            "comments not imported: " + _reasons(self.skipped_comments),
            f"tags added to site.yml: {', '.join(self.tags_added) or 'none'}",
            f"{verb} {len(self.written)} files; kept {len(self.kept)} that were already there",
        ]


def _reasons(counts: Counter) -> str:
    return ", ".join(f"{count} {reason}" for reason, count in sorted(counts.items())) or "none"


@dataclass
class Plan:
    """What the import writes: files by path relative to content/, and the tags it uses."""

    files: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # key -> WordPress name
    slugs: dict[str, str] = field(default_factory=dict)  # slug -> the post's link, in this import


def import_wordpress(export: Path, content: Path, lang: str | None, dry_run: bool = False,
                     pingbacks: bool = False, report=print) -> Summary:
    """Import `export` into `content`; raises UnreadableExport (nothing written) or ValueError (usage)."""
    summary = Summary()
    new_folder = not content.exists()
    staging = None if dry_run else Path(tempfile.mkdtemp(prefix=".import-", dir=_made(content)))
    try:
        channel, plan = Channel(), Plan()
        for entry in read_export(export):
            if isinstance(entry, Channel):
                channel = entry
                lang = _language(lang, channel, content)
                continue
            _item(entry, channel, lang, content, plan, summary, pingbacks)
            _stage(plan, staging, content, summary, report if dry_run else None)
        if lang is None:  # an export with no items at all
            lang = _language(None, channel, content)
        site = siteyml.updated(content / "site.yml", channel, lang, plan.tags, summary.tags_added)
        if site is not None:
            plan.files["site.yml"] = site
            summary.written.append("site.yml")
            _stage(plan, staging, content, summary, report if dry_run else None, overwrite=True)
        if staging is not None:
            _move_in(staging, content)
    except BaseException:
        if new_folder and staging is not None:
            shutil.rmtree(content, ignore_errors=True)  # the folder this import made, and nothing else
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return summary


def _made(content: Path) -> Path:
    content.mkdir(parents=True, exist_ok=True)
    return content


def _language(asked: str | None, channel: Channel, content: Path) -> str:
    """--lang, else the blog's language, else site.yml's main_language; it must be one of site.yml's.

    The result names files and goes into site.yml, so it is a BCP 47 tag before anything else."""
    known, main = siteyml.languages(content / "site.yml")
    if asked is not None:
        wanted = language_tag(asked, "--lang")
    elif channel.language:
        wanted = language_tag(channel.language, "the export's <language>")
    elif main:
        wanted = language_tag(main, f"{content.name}/site.yml's main_language")
    else:
        raise ValueError("the export names no language and there is no site.yml: say which with --lang")
    if known and wanted not in known:
        primary = wanted.split("-")[0].lower()
        if asked or primary not in known:
            raise ValueError(f"language `{wanted}` is not in {content}/site.yml languages ({', '.join(known)}); "
                             "add it there or choose one with --lang")
        wanted = primary
    elif not known:
        wanted = wanted if asked else wanted.split("-")[0].lower()
    return wanted


def language_tag(text: str, where: str) -> str:
    """`text` as a BCP 47 tag (`en_US` read as `en-US`), or a ValueError that names `where`."""
    tag = text.strip().replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(tag):
        raise ValueError(f"{where} `{shown(text)}` is not a BCP 47 language tag such as `en` or `pt-BR`: "
                         "choose the site's language with --lang")
    return tag


def _item(item: Item, channel: Channel, lang: str, content: Path, plan: Plan, summary: Summary,
          pingbacks: bool) -> None:
    """One exported item: an essay with its comments, or a count of what it was."""
    if item.type != "post":
        summary.skipped_items[f"{item.type or 'untyped'} items (not posts)"] += 1
        return
    if item.status not in ESSAY_STATUSES:
        summary.skipped_items[f"posts with status {item.status or 'none'}"] += 1
        summary.skipped_comments["on posts not imported"] += len(item.comments)
        return
    slug = _slug(item, content, plan)
    draft = ESSAY_STATUSES[item.status]
    summary.essays["drafts" if draft else "published"] += 1
    folder = f"posts/{slug}"
    plan.files[f"{folder}/index.{lang}.md"] = _essay_file(item, channel, draft, plan)
    for comment, status, parent in _comments(item.comments, summary, pingbacks):
        plan.files[f"{folder}/comments/{comment.id}.{lang}.md"] = _comment_file(comment, status, parent)


def _slug(item: Item, content: Path, plan: Plan) -> str:
    """post_name (or the title) as a slug; -2, -3... when another post has it. A folder left by an
    earlier import of the same post (same link) is that post's, so a second import finds it again."""
    base = _slugify(unquote(item.name)) or _slugify(item.title) or f"post-{_slugify(item.post_id) or 'untitled'}"
    for number in range(1, 10_000):
        slug = base if number == 1 else f"{base}-{number}"
        if slug in plan.slugs:
            continue
        existing = content / "posts" / slug
        if not existing.exists() or (item.link and _source_of(existing) == item.link):  # "" is nobody's
            plan.slugs[slug] = item.link
            return slug
    raise ValueError(f"no free slug for `{base}`")


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") if SLUG.fullmatch(slug[:80].rstrip("-") or "-") else ""


def _source_of(folder: Path) -> str:
    """The `source` an earlier import wrote into a post's original."""
    for path in sorted(folder.glob("index.*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # a link is never followed out of content/; the build refuses it anyway
        match = re.search(r"^source: (\"(?:[^\"\\]|\\.)*\"|\S+)$", path.read_text("utf-8", errors="replace"), re.M)
        if match:
            value = match.group(1)
            return value[1:-1].replace('\\"', '"').replace("\\\\", "\\") if value.startswith('"') else value
    return ""


def _essay_file(item: Item, channel: Channel, draft: bool, plan: Plan) -> str:
    lines = ["---", f"title: {quoted(item.title or '(no title)')}",
             f"author: {quoted(channel.authors.get(item.creator) or item.creator or 'Anonymous')}"]
    date = _date(item.date)
    if date:
        lines.append(f"date: {quoted(date)}")
    tags = _tags(item, plan)
    if tags:
        lines.append("tags: [" + ", ".join(quoted(tag) for tag in tags) + "]")
    if re.fullmatch(r"https?://\S+", item.link):
        lines.append(f"source: {quoted(item.link)}")
    summary = plain(item.excerpt) or plain(before_more(item.content) or "")
    if summary:
        words = summary.split()
        lines.append(f"summary: {quoted(' '.join(words[:SUMMARY_WORDS]) + ('…' if len(words) > SUMMARY_WORDS else ''))}")
    if draft:
        lines.append("draft: true")
    return "\n".join(lines) + "\n---\n\n" + to_markdown(item.content)


def _tags(item: Item, plan: Plan) -> list[str]:
    """Tag keys from the post's tags and categories, except WordPress's default category."""
    keys = []
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        key = _slugify(unquote(nicename)) or _slugify(name)
        if not key or (domain == "category" and key == "uncategorized"):
            continue
        plan.tags.setdefault(key, name or key)
        if key not in keys:
            keys.append(key)
    return keys


def _date(text: str) -> str:
    """`YYYY-MM-DD HH:MM` from WordPress's `YYYY-MM-DD HH:MM:SS`; nothing for its 0000-00-00 (unknown)."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?", text)
    if not match or match.group(1).startswith("0000"):
        return ""
    return f"{match.group(1)} {match.group(2)}"


def _comments(comments: tuple[WPComment, ...], summary: Summary, pingbacks: bool):
    """(comment, its status, the id it answers among those imported) for each comment that comes across."""
    comments = _unique_ids(comments)
    by_id = {c.id: c for c in comments}
    statuses = {}
    for comment in comments:
        status = _comment_status(comment, pingbacks)
        if status in COMMENT_STATUSES.values() and COMMENT_ID.fullmatch(comment.id):
            statuses[comment.id] = status
            summary.comments[status] += 1
        else:
            summary.skipped_comments[status if status not in COMMENT_STATUSES.values() else "with a bad id"] += 1
    for comment in comments:
        if comment.id in statuses:
            yield comment, statuses[comment.id], _imported_ancestor(comment, by_id, statuses)


def _unique_ids(comments: tuple[WPComment, ...]) -> list[WPComment]:
    """A second comment under an id already taken becomes `<id>-2` (then -3...): none is lost; replies
    naming the id answer the first, as WordPress itself would show them."""
    seen: Counter = Counter()
    unique = []
    for comment in comments:
        if not WP_ID.fullmatch(comment.id):
            unique.append(replace(comment, id=""))  # not an id WordPress makes: counted as a bad one
            continue
        seen[comment.id] += 1
        unique.append(comment if seen[comment.id] == 1 else replace(comment, id=f"{comment.id}-{seen[comment.id]}"))
    return unique


def _comment_status(comment: WPComment, pingbacks: bool) -> str:
    """published, pending or spam; otherwise the reason it is not imported."""
    if comment.type == "note":
        return "editors' notes (private)"
    if comment.type in PINGS:
        if not pingbacks:
            return "pingbacks and trackbacks (--pingbacks imports them)"
        return "pending" if comment.approved in COMMENT_STATUSES else NOT_IMPORTED_COMMENTS.get(
            comment.approved, f"with status {comment.approved}")
    if comment.approved in COMMENT_STATUSES:
        return COMMENT_STATUSES[comment.approved]
    return NOT_IMPORTED_COMMENTS.get(comment.approved, f"with status {comment.approved or 'none'}")


def _imported_ancestor(comment: WPComment, by_id: dict, statuses: dict) -> str:
    """The nearest ancestor that was imported: a reply to a trashed comment moves up, or to the top."""
    seen, parent = {comment.id}, comment.parent
    while parent and parent != "0" and parent not in seen:
        if parent in statuses:
            return parent
        seen.add(parent)
        parent = by_id[parent].parent if parent in by_id else ""
    return ""


def _comment_file(comment: WPComment, status: str, parent: str) -> str:
    lines = ["---", f"author: {quoted(comment.author or 'Anonymous')}"]
    date = _date(comment.date)
    if date:
        lines.append(f"date: {quoted(date)}")
    if parent:
        lines.append(f"reply_to: {quoted(parent)}")
    if status != "published":
        lines.append(f"status: {status}")
    if re.fullmatch(r"https?://[^\s\"<>]+", comment.url):
        lines.append(f"url: {quoted(comment.url)}")
    return "\n".join(lines) + "\n---\n\n" + to_markdown(comment.content)


def _stage(plan: Plan, staging: Path | None, content: Path, summary: Summary, report, overwrite=False) -> None:
    """Put the planned files in the staging folder (or report them, in a dry run), then forget them."""
    for relative, text in plan.files.items():
        _refuse_links(content, relative)
        if (content / relative).exists() and not overwrite:
            summary.kept.append(relative)
            continue
        if relative != "site.yml":
            summary.written.append(relative)
        if report:
            report(f"would write {content / relative}")
        elif staging is not None:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    plan.files.clear()


def _refuse_links(content: Path, relative: str) -> None:
    """Every file an import writes lies in content/ by a path of plain names and passes through no link,
    whatever the export says: a link could lead the write anywhere."""
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in parts):
        raise ValueError(f"refused to write `{shown(relative)}`: not a plain path inside {content}")
    for depth in range(1, len(parts) + 1):
        if (content / "/".join(parts[:depth])).is_symlink():
            raise ContentProblem(f"{content.name}/{'/'.join(parts[:depth])}: is a link; an import never writes "
                                 "through one (replace it with the folder or file itself)")


def _move_in(staging: Path, content: Path) -> None:
    """Each staged file into content/ by one rename: a file is there whole or not at all."""
    for folder, _, names in os.walk(staging):
        for name in sorted(names):
            source = Path(folder, name)
            target = content / source.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
