"""A post's comments as threads: replies that name a comment of the post and go round no circle, ids that
are no passage's address, each level in order of date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..model import Comment
from .findings import Findings, original_record
from .names import passage_of


def check_replies(comments: list[Comment], versions, found: Findings) -> None:
    """reply_to must name a comment of the same post, and replies must not go round in a circle."""
    by_id = {c.id: c for c in comments}
    for comment in comments:
        record = original_record(versions[comment.id])
        if comment.reply_to and comment.reply_to not in versions:
            found.error(record, "reply_to", f"reply_to names `{comment.reply_to}`, but this post has no "
                                            "comment with that id")
        elif comment.reply_to == comment.id:
            found.error(record, "reply_to", f"reply_to names this comment itself (`{comment.id}`): a comment "
                                            "answers another one of this post")
        elif comment.reply_to and _in_cycle(comment, by_id):
            found.error(record, "reply_to", f"reply cycle: `{comment.id}` ends up answering itself "
                                            f"through reply_to `{comment.reply_to}`")
        elif comment.reply_to in by_id and comment.status == "published" \
                and by_id[comment.reply_to].status != "published":
            found.warn(record, "reply_to", f"answers `{comment.reply_to}`, which is not published; "
                                           "it is shown at the top of the thread")


def check_anchors(versions, found: Findings) -> None:
    """A comment's id must not be another's passage (`alice-p1` is `#comment-alice-p1`, Alice's first
    paragraph): the page would hold the id twice, and links to Alice's words would open the other comment."""
    for comment_id, by_lang in versions.items():
        owner = passage_of(comment_id)
        if owner in versions:
            found.error(original_record(by_lang), None, f"comment id `{comment_id}` is the address of a passage of "
                        f"comment `{owner}` (#comment-{comment_id}): rename the file")


def _in_cycle(comment: Comment, by_id: dict[str, Comment]) -> bool:
    seen, current = {comment.id}, comment.reply_to
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].reply_to
    return False


def thread_order(comment: Comment):
    """Each thread level in order of date (undated last), then id."""
    return (comment.date is None, comment.date.moment if comment.date else (), comment.id)


def nested_threads(comments: list[Comment], shown: tuple[str, ...]) -> tuple[Comment, ...]:
    """Comments of the `shown` statuses as nested threads; a reply to a hidden comment moves to the top.
    Built from the deepest replies up, without recursion: a reply chain may be any length."""
    published = {c.id: c for c in comments if c.status in shown}
    children = defaultdict(list)
    for comment in published.values():
        parent = comment.reply_to if comment.reply_to in published else ""
        children[parent].append(comment)
    for level in children.values():
        level.sort(key=thread_order)
    order, pending = [], [""]  # every comment reachable from the top; one in a cycle is reported, not shown
    while pending:
        parent = pending.pop()
        order.append(parent)
        pending += [c.id for c in children.get(parent, ())]
    built: dict[str, Comment] = {}
    for comment_id in reversed(order[1:]):
        built[comment_id] = _with_replies(published[comment_id],
                                          tuple(built[c.id] for c in children.get(comment_id, ())))
    return tuple(built[c.id] for c in children.get("", ()))


def _with_replies(comment: Comment, replies: tuple[Comment, ...]) -> Comment:
    return replace(comment, replies=replies) if replies else comment  # most have none: no copy needed
