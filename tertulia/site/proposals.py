"""Comments readers propose: the file a proposal adds to the repository, and the links that carry it.

A static site cannot take a comment, but GitHub's new-file page can: prefilled with a comment
file, it forks the repository for a reader who is not a collaborator and opens a pull request,
so review is moderation and merging publishes. A new issue needs no fork (`issues: true`), and an
e-mail needs no account: both carry a letter, the reader's text first and the comment file after
it between two marker lines, which `import issue` and `import mail` read back. Pages link there
without JavaScript; with it, `assets/propose.js` composes the same file from a small form (the two
must stay in step: tests compose hostile values with both and read them back).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

from ..errors import ContentError, one_line
from ..model import ANONYMOUS, Discussion
from ..reading.fields import LONGEST_NAME
from ..reading.markup import MAX_ANGLES, MAX_BRACKETS, MAX_COMMENT, MAX_LINES, SAFE_URL
from ..reading.yamltext import quoted as yaml_quoted
from ..theme import CATALOG, Theme
from .ui import Catalog

MAX_URL = 8000  # GitHub answers longer addresses with an error page
CONTENT_FOLDER = "content"  # where the repository keeps content/, as the contract lays it out
ISSUE_TEMPLATE = "comment.md"  # .github/ISSUE_TEMPLATE/comment.md labels the issue `comment` for anyone,
# which a `labels=` parameter cannot do: GitHub applies it only for readers who may label issues. Both are
# given: the parameter labels the issues of a repository whose template is missing, opened by its owners.
ISSUE_LABEL = "comment"
# The letter's markers: fixed English words whatever the page's language, so an import finds them.
LETTER_BEGIN = "-------- Tertulia comment file: keep it as it is --------"
LETTER_END = "-------- end of the comment file --------"
HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
LONGEST_WEBSITE = 2000  # characters: longer than browsers keep an address, and than any reader's site's
# What `check` refuses in a comment, given to the page's form so it refuses the same before sending, and
# the form's fields' lengths, so the form never cuts short what an import would take whole.
PROPOSAL_LIMITS = {"chars": MAX_COMMENT, "brackets": MAX_BRACKETS, "angles": MAX_ANGLES, "lines": MAX_LINES,
                   "website": SAFE_URL.pattern, "name_chars": LONGEST_NAME, "website_chars": LONGEST_WEBSITE}
# a host name's labels between its dots, then maybe a path: each dot a fixed point, so a run of `a.a.a…`
# is read once (a pattern whose labels held dots tried every split of it: 64 KB took 20 s)
HOST_FIRST = re.compile(r"[^\s/:@\"'<>.]+(?:\.[^\s/:@\"'<>.]+)+\.?(?:[/?#][^\s\"'<>]*)?")
# What a page's plain link puts where the comment goes: site/plan.py asks the catalog for it by these
# very words (written out there, where `pybabel extract` finds them), and an import knows it by them.
PLACEHOLDER = "Your comment, in Markdown."


UNREAD = "the comment file in the letter held another text than the words above it, unpublished:"


def comment_file(author: str, body: str, reply_to: str = "", url: str = "", date: str = "",
                 note: str = "", status: str = "", origin: str = "", unread: str = "") -> str:
    """A comment file as the contract defines it, with only the keys given; values quoted verbatim.
    `origin`, a YAML comment line, says where an imported proposal came from; `unread`, as YAML comment
    lines, the letter's other text, which only the maintainer can tell is not the comment."""
    lines = ["---"] + ([f"# {origin}"] if origin else [])
    if unread:
        lines += [f"# {UNREAD}"] + [f"#   {one_line(line)}".rstrip() for line in unread.strip("\n").split("\n")]
    lines.append(f"author: {yaml_quoted(author or ANONYMOUS)}" + (f"  # {note}" if note else ""))
    if url:
        lines.append(f"url: {yaml_quoted(url)}")
    if date:
        lines.append(f"date: {yaml_quoted(date)}")
    if reply_to:
        lines.append(f"reply_to: {yaml_quoted(reply_to)}")
    if status:
        lines.append(f"status: {status}")
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return "\n".join(lines) + "\n---\n\n" + text + "\n"


def proposal_path(slug: str, comment_id: str, lang: str) -> str:
    """Where the proposed file goes in the repository."""
    return f"{CONTENT_FOLDER}/posts/{slug}/comments/{comment_id}.{lang}.md"


def letter(text: str, path: str, file_text: str) -> str:
    """An e-mail's or an issue's body: the reader's text, readable anywhere, then the comment file
    (named by its path) between the two marker lines."""
    typed = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return f"{typed}\n\n{LETTER_BEGIN}\n{path}\n{file_text}{LETTER_END}\n"


def complete_website(url: str) -> tuple[str, str]:
    """(the website as a comment may link it, "") or ("", why not): `example.org` gets `https://`."""
    url = url.strip()
    if not url or SAFE_URL.fullmatch(url):
        return url, ""
    if len(url) > LONGEST_WEBSITE:
        return "", f"`{one_line(url[:80])}…` is {len(url):,} characters long, not a website address"
    if HAS_SCHEME.match(url) and not url.lower().startswith(("http:", "https:")) or not HOST_FIRST.fullmatch(url):
        return "", f"`{one_line(url[:80])}` is not a website address such as https://example.org/"
    return "https://" + url, ""


def github_new_issue(discussion: Discussion, title: str, body: str) -> str:
    """GitHub's new-issue page, prefilled, from the template that labels it for the proposal workflow."""
    return (f"https://github.com/{discussion.repo}/issues/new?template={ISSUE_TEMPLATE}&labels={ISSUE_LABEL}"
            f"&title={quote(title, safe='')}&body={quote(body, safe='')}")


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


def mailto(email: str, subject: str, body: str) -> str:
    """A letter for the reader's mail program, as assets/propose.js composes it."""
    return f"mailto:{email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def plain_mail_link(discussion: Discussion, slug: str, lang: str, known: int, placeholder: str, note: str,
                    subject: str) -> str:
    """The link a page offers without JavaScript to a reader without a GitHub account: a letter holding
    a valid file to fill in, which `import mail` reads as it reads the form's ("" without `email`)."""
    if not discussion.email:
        return ""
    path, text = _file_to_fill_in(slug, lang, known, placeholder, note)
    return mailto(discussion.email, subject, letter(placeholder, path, text))


def plain_link(discussion: Discussion, slug: str, lang: str, known: int, placeholder: str, note: str,
               title: str, reply_to: str = "") -> str:
    """The link a page offers without JavaScript: a valid file for the reader to fill in, on GitHub's
    new-file page, or with `issues` in a new issue's letter (`title` is the issue's title)."""
    path, text = _file_to_fill_in(slug, lang, known, placeholder, note, reply_to)
    if discussion.issues:
        return github_new_issue(discussion, title, letter(placeholder, path, text))
    return github_new_file(discussion, path, text)


def _file_to_fill_in(slug: str, lang: str, known: int, placeholder: str, note: str,
                     reply_to: str = "") -> tuple[str, str]:
    """A plain link's comment file, by its path: the placeholder where the comment goes, `note` by the name."""
    path = proposal_path(slug, offline_id(slug, reply_to, lang, known), lang)
    return path, comment_file(ANONYMOUS, placeholder, reply_to, note=note)


def placeholders(content: Path) -> frozenset[str]:
    """The plain link's placeholder in English and in every catalog of the site's theme and its own."""
    found = {PLACEHOLDER}
    for folder in Theme.of(content).folders("locales"):
        for catalog in sorted(folder.glob(f"*/{CATALOG}")):
            try:
                said = Catalog(catalog).texts.get(PLACEHOLDER)
            except (OSError, ValueError, SyntaxError, RecursionError, UnicodeDecodeError):  # `check` names it
                continue
            if said:
                found.add(" ".join(said.split()))
    return frozenset(found)


def placeholder_comments(site, said: frozenset[str]) -> list[ContentError]:
    """A warning for each comment whose only words are the page's placeholder (`said`, see placeholders):
    a reader sent the form or the link empty, and a pull request merged it as it came."""
    from ..reading.markup import reading_text  # here: `check` alone asks, and only of comments
    warnings = []
    for essay in site.essays:
        for comment in essay.comments:
            text = comment.original
            if " ".join(" ".join(reading_text(block) for block in text.blocks).split()) in said:
                warnings.append(ContentError(text.path, 0, (
                    "this comment holds only the form's placeholder: its reader sent it empty; delete the file, "
                    "or write `status: spam` to keep it unpublished")))
    return warnings
