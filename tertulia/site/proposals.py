"""Comments readers propose: the file a proposal adds to the repository, and the links that carry it.

A static site cannot take a comment, but GitHub's new-file page can: prefilled with a comment
file, it forks the repository for a reader who is not a collaborator and opens a pull request,
so review is moderation and merging publishes. Pages link there without JavaScript; with it,
`assets/propose.js` composes the same file from a small form (the two must stay in step:
tests compose hostile values with both and read them back).
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from ..model import Discussion
from ..reading.yamltext import quoted as yaml_quoted

MAX_URL = 8000  # GitHub answers longer addresses with an error page
CONTENT_FOLDER = "content"  # where the repository keeps content/, as the contract lays it out
def comment_file(author: str, body: str, reply_to: str = "", url: str = "", date: str = "",
                 note: str = "") -> str:
    """A comment file as the contract defines it, with only the keys given; values quoted verbatim."""
    lines = ["---", f"author: {yaml_quoted(author or 'Anonymous')}" + (f"  # {note}" if note else "")]
    if url:
        lines.append(f"url: {yaml_quoted(url)}")
    if date:
        lines.append(f"date: {yaml_quoted(date)}")
    if reply_to:
        lines.append(f"reply_to: {yaml_quoted(reply_to)}")
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return "\n".join(lines) + "\n---\n\n" + text + "\n"


def proposal_path(slug: str, comment_id: str, lang: str) -> str:
    """Where the proposed file goes in the repository."""
    return f"{CONTENT_FOLDER}/posts/{slug}/comments/{comment_id}.{lang}.md"


def github_new_file(discussion: Discussion, path: str, text: str) -> str:
    """GitHub's new-file page for the repository, prefilled with `path` and `text`."""
    return (f"https://github.com/{discussion.repo}/new/{quote(discussion.branch, safe='/')}"
            f"?filename={quote(path, safe='')}&value={quote(text, safe='')}")


def offline_id(slug: str, reply_to: str, lang: str, known: int) -> str:
    """The id a page's plain link proposes. Pages are the same on every build, so it cannot be
    random as the form's are: it is made from where the reply goes and how many comments the
    post has, and so changes once a proposal is published. Two readers who follow the same link
    before then propose the same file name, which the maintainer renames on merging."""
    digest = hashlib.sha1(f"{slug}\n{reply_to}\n{lang}\n{known}".encode()).hexdigest()[:8]
    return f"r{known + 1}-{digest}"


def plain_link(discussion: Discussion, slug: str, lang: str, known: int, placeholder: str, note: str,
               reply_to: str = "") -> str:
    """The link a page offers without JavaScript: a valid file for the reader to fill in."""
    path = proposal_path(slug, offline_id(slug, reply_to, lang, known), lang)
    return github_new_file(discussion, path, comment_file("Anonymous", placeholder, reply_to, note=note))
