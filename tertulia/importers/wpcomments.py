"""A WordPress post's comments as comment files: their statuses, an id of their own for each, the comment
each answers once those not brought are left out, and the files an earlier import wrote for them (to
follow the blog: a comment since trashed or deleted is removed where nobody has touched or translated it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from .known import WP_ID
from .problems import refusal
from .threads import nearest_kept_finder
from .wpbody import comment_refused
from .wpfiles import comment_file
from .wpplan import Place, Plan
from .wpsummary import Summary
from .wxr import Item, WPComment


COMMENT_STATUSES = {"1": "published", "0": "pending", "spam": "spam"}


NOT_IMPORTED_COMMENTS = {"trash": "trashed", "post-trashed": "trashed with their post"}


PINGS = ("pingback", "trackback")


# and -2, -3... for a second comment under one id; `unnumbered-<n>` for one without an id WordPress makes
COMMENT_ID = re.compile(r"(?:[0-9]{1,20}|unnumbered)(-[0-9]+)?")


def comments_gone(item: Item, place: Place, lang: str, plan: Plan, identity: str) -> list[tuple[str, str]]:
    """The comment files (and ids) an earlier import wrote for this post (its `identity` in the export)
    whose comments the blog has deleted since (absent from the export, not trashed): removed if they are
    still as an import wrote them, and not translated. In any of the site's languages: one filed by its
    letters is in another than its post's. Only this post's: a translation shares its original's folder,
    and the English import of a Polylang blog removed every comment the Portuguese one had brought (a
    red team's); a file no record ties to this post is never taken for one of its comments."""
    folder = plan.content / place.folder / "comments" if plan.content is not None else None
    if not identity or folder is None or not folder.is_dir() or folder.is_symlink():
        return []
    exported = {comment.id for comment in _unique_ids(item.comments)}
    gone = []
    for filed in dict.fromkeys((lang, *plan.languages)):
        for path in sorted(folder.glob(f"*.{filed}.md")):
            comment_id, relative = path.name[:-len(f".{filed}.md")], f"{place.folder}/comments/{path.name}"
            if COMMENT_ID.fullmatch(comment_id) and comment_id not in exported and plan.wrote(
                    relative, f"{identity} comment {comment_id}") and not translated_here(plan, place, comment_id, filed):
                gone.append((relative, comment_id))
    return gone


def translated_here(plan: Plan, place: Place, comment_id: str, lang: str) -> bool:
    """Whether a comment has a translation beside it (removing its original would orphan it)."""
    folder = plan.content / place.folder / "comments" if plan.content is not None else None
    return folder is not None and folder.is_dir() and any(
        path.name != f"{comment_id}.{lang}.md" for path in folder.glob(f"{comment_id}.*.md"))


def comments_brought(comments: tuple[WPComment, ...], summary: Summary, pingbacks: bool,
              deleted: Callable[[str], bool] = lambda comment_id: False):
    """(comment, its status, the id it answers, the files an earlier import may have written for it) for
    each comment that comes across, and for each trashed since (status None: removed if untouched). A
    comment the author `deleted` by hand since an earlier import is answered by none: its replies move up."""
    comments = _unique_ids(comments)
    by_id = {c.id: c for c in comments}
    statuses, trashed = {}, []
    for comment in comments:
        status = _comment_status(comment, pingbacks)
        why = comment_refused(comment.content, status == "spam") if status in COMMENT_STATUSES.values() else ""
        if why:  # its replies then answer the nearest comment that comes across
            status = refusal(f"comment {comment.id}", why)
        if status in COMMENT_STATUSES.values():  # every id is one of ours by now (see _unique_ids)
            statuses[comment.id] = status
            summary.comments[status] += 1
        else:
            summary.skipped_comments[status] += 1
            if comment.approved in NOT_IMPORTED_COMMENTS and comment.type not in PINGS + ("note",):
                trashed.append(comment)
    imported_ancestor = nearest_kept_finder(  # "0" is WordPress's "no parent"
        lambda i: by_id[i].parent if i in by_id and by_id[i].parent != "0" else "",
        lambda i: i in statuses and not deleted(i))
    for comment in comments:
        if comment.id in statuses:
            parent = imported_ancestor(comment.id)
            yield comment, statuses[comment.id], parent, _earlier(comment, parent)
    for comment in trashed:
        yield comment, None, "", _earlier(comment, imported_ancestor(comment.id))


def _earlier(comment: WPComment, parent: str) -> tuple[str, ...]:
    """The files an import writes for `comment` under each status and each parent it may have had then
    (its own, before that was trashed): one of them still there is untouched since."""
    parents = dict.fromkeys([parent, comment.parent if WP_ID.fullmatch(comment.parent) and comment.parent != "0"
                             else "", ""])
    return tuple(comment_file(comment, status, p) for status in COMMENT_STATUSES.values() for p in parents)


def _unique_ids(comments: tuple[WPComment, ...]) -> list[WPComment]:
    """A second comment under an id already taken becomes `<id>-2` (then -3...), and one without an id
    WordPress makes (empty, `../1`) `unnumbered-<n>`, in the post's order: none is lost, a person wrote
    each (Disqus's are kept alike). Replies naming an id answer the first, as WordPress would show them."""
    seen: Counter = Counter()
    unique = []
    for comment in comments:
        given = comment.id if WP_ID.fullmatch(comment.id) else "unnumbered"
        seen[given] += 1
        if given == "unnumbered":
            unique.append(replace(comment, id=f"unnumbered-{seen[given]}"))
        else:
            unique.append(comment if seen[given] == 1 else replace(comment, id=f"{given}-{seen[given]}"))
    return unique


def _comment_status(comment: WPComment, pingbacks: bool) -> str:
    """published, pending or spam; otherwise the reason it is not imported."""
    if comment.type == "note":
        return "editors' note{s} (private)"
    if comment.type in PINGS:
        if not pingbacks:
            return "pingback{s} or trackback{s} (--pingbacks imports them)"
        return "pending" if comment.approved in COMMENT_STATUSES else NOT_IMPORTED_COMMENTS.get(
            comment.approved, f"with status {comment.approved}")
    if comment.approved in COMMENT_STATUSES:
        return COMMENT_STATUSES[comment.approved]
    return NOT_IMPORTED_COMMENTS.get(comment.approved, f"with status {comment.approved or 'none'}")
