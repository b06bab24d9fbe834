"""`import issue`: a GitHub "issues" event (the JSON file a workflow is given) -> its comment file, as the
reader proposed it: the pull request the workflow opens with it is the review, and merging it publishes it.

With `discussion.issues: true` a reader proposes through a new issue whose body is the page's
letter; the site's workflow runs this on the event and opens a pull request with the file.
Everything in the event is untrusted: only the issue's body, number and time are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from ..reading.dates import parse_date
from ..site.proposals import placeholders
from .proposal import Proposal, Refused, Written, read_letter, site_config, write_proposal

MAX_EVENT = 2_000_000  # bytes: GitHub takes issue bodies of up to 65,536 characters
GITHUB_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2}):[0-9]{2}Z")


def import_issue(event_path: Path, content: Path) -> Written:
    """The proposal of the issue the event opened, written as its comment file. Raises Refused with
    the line to answer the issue with, or ContentErrors for a bad site.yml."""
    issue = _issue(event_path)
    number = issue.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise Refused("the issue in the event has no number")
    body = issue.get("body") or ""
    if not isinstance(body, str):
        raise Refused(f"issue #{number}: its body is not text")
    try:
        proposal = _own_name(read_letter(body, mail=False, placeholders=placeholders(content)), number)
    except Refused as refused:
        raise Refused(f"issue #{number}: {refused}") from None
    try:
        return write_proposal(proposal, content, site_config(content), f"proposed in issue #{number}",
                              _opened(issue.get("created_at")), status="")
    except Refused as refused:
        raise Refused(f"issue #{number}: {refused}") from None


# The name a page's plain link proposes (site/proposals.offline_id): the same for every reader who follows
# it before the next build
PLAIN_LINK_NAME = re.compile(r"(.*/comments/r[0-9]+-[0-9a-f]{8})(\.[^/.]+\.md)")


def _own_name(proposal: Proposal, number: int) -> Proposal:
    """A plain link's proposal named after its issue too: the workflow imports each issue on a branch of
    its own, where the `-2` of a second proposal of that name cannot be seen, and two pull requests
    would add the same file."""
    match = PLAIN_LINK_NAME.fullmatch(proposal.path)
    return replace(proposal, path=f"{match.group(1)}-issue{number}{match.group(2)}") if match else proposal


def _issue(event_path: Path) -> dict:
    """The issue of an "issues" event file, or Refused saying why the file is not one."""
    if event_path.is_symlink() or not event_path.is_file():
        raise Refused(f"{event_path}: no such event file")
    if event_path.stat().st_size > MAX_EVENT:
        raise Refused(f"{event_path}: more than {MAX_EVENT:,} bytes; not an issues event GitHub would send")
    try:
        event = json.loads(event_path.read_bytes())
    except json.JSONDecodeError as problem:  # where, so a hand-edited event can be mended
        raise Refused(f"{event_path}:{problem.lineno}: not a JSON event file: {problem.msg}") from None
    except (ValueError, RecursionError):  # not UTF-8, or nested past what any event holds
        raise Refused(f"{event_path}: not a JSON event file") from None
    if not isinstance(event, dict) or not isinstance(event.get("issue"), dict) or "action" not in event:
        raise Refused(f"{event_path}: not a GitHub \"issues\" event (it has no `action` and `issue`)")
    issue = event["issue"]
    if "pull_request" in issue:
        raise Refused(f"{event_path}: the event is about a pull request, not an issue")
    if event["action"] not in ("opened", "edited", "reopened", "labeled"):
        raise Refused(f"{event_path}: the issue was {str(event['action'])[:20]}, not opened; nothing to import")
    if issue.get("state") == "closed":  # answered or turned down: an edit of it proposes nothing again
        raise Refused(f"{event_path}: the issue is closed; nothing to import")
    return issue


def _opened(created_at) -> str:
    """The issue's opening time as the contract writes dates, in UTC and saying so (a site's timezone
    would otherwise be taken for it), used when the file has none."""
    match = GITHUB_TIME.fullmatch(created_at) if isinstance(created_at, str) else None
    opened = f"{match.group(1)} {match.group(2)}+00:00" if match else ""
    return opened if opened and parse_date(opened) else ""  # never a date the calendar lacks
