"""`import issue`: an issues event as GitHub sends it -> the comment file -> check passes, and once the
pull request is merged, the build publishes it."""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import every_file, make_content, run_cli
from tertulia.commands.init import ISSUE_TEMPLATE_TEXT
from tertulia.model import Discussion
from tertulia.reading.read import parse_text
from tertulia.site.proposals import comment_file, github_new_issue, letter

COMMENT_C1 = "---\nauthor: Carla\n---\n\nPrimer comentario.\n"
REPO = {"id": 1296269, "name": "essays", "full_name": "owner/essays", "private": False,
        "html_url": "https://github.com/owner/essays", "default_branch": "main"}
USER = {"login": "eve-reads", "id": 583231, "type": "User", "html_url": "https://github.com/eve-reads"}


def issues_event(body, action="opened", number=12, labels=("comment",)) -> dict:
    """The payload shape of GitHub's `issues` webhook event (the file at $GITHUB_EVENT_PATH)."""
    return {
        "action": action,
        "issue": {
            "url": f"https://api.github.com/repos/owner/essays/issues/{number}",
            "repository_url": "https://api.github.com/repos/owner/essays",
            "html_url": f"https://github.com/owner/essays/issues/{number}",
            "id": 327883527, "node_id": "MDU6SXNzdWUzMjc4ODM1Mjc=", "number": number,
            "title": "Respuesta a Carla sobre «Hola»", "user": USER,
            "labels": [{"id": 1, "name": name, "color": "ededed", "default": False} for name in labels],
            "state": "open", "locked": False, "assignee": None, "assignees": [], "milestone": None,
            "comments": 0, "created_at": "2026-11-30T06:20:41Z", "updated_at": "2026-11-30T06:20:41Z",
            "closed_at": None, "author_association": "NONE", "active_lock_reason": None, "body": body,
        },
        "repository": REPO,
        "sender": USER,
    }


def _closed(event: dict) -> dict:
    """The event of an issue a moderator answered or turned down, then edited by someone."""
    event["issue"].update(state="closed", state_reason="not_planned", closed_at="2026-11-30T08:00:00Z")
    return event


def proposal(text="Estoy de acuerdo, *casi*.", path="content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md",
             reply_to="c1", date="2026-11-30 06:20"):
    # GitHub keeps an issue body's line ends as the browser sent them: \r\n
    return letter(text, path, comment_file("Eve", text, reply_to, "", date)).replace("\n", "\r\n")


def run_import(tmp_path, event) -> tuple:
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event) if not isinstance(event, str) else event, encoding="utf-8")
    before = every_file(content)
    result = run_cli("import", "issue", str(event_file), "--content", str(content))
    return content, before, result


def test_an_issue_event_gives_the_proposed_comment_file_that_check_passes_and_merging_publishes(tmp_path):
    previous = os.umask(0o022)
    try:
        content, _, result = run_import(tmp_path, issues_event(proposal()))
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    written = content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md"
    assert written.stat().st_mode & 0o777 == 0o644  # as every file of content/, not readable by its owner alone
    parsed, error = parse_text(written.read_bytes(), "x.md")
    assert error is None and parsed.meta == {"author": "Eve", "date": "2026-11-30 06:20+00:00", "reply_to": "c1"}
    assert parsed.body.strip() == "Estoy de acuerdo, *casi*." and "\r" not in written.read_text()
    assert "# proposed in issue #12" in written.read_text()
    check = run_cli("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    built = run_cli("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out/posts/hola/index.html").read_text()
    assert 'id="comment-20261130-0620-q1w2e3r4"' in page and "Estoy de acuerdo" in page


def test_the_issue_link_a_page_opens_carries_the_letter_the_import_reads(tmp_path):
    body = proposal().replace("\r\n", "\n")
    url = github_new_issue(Discussion("owner/essays", issues=True), "Comment on Hola", body)
    query = parse_qs(urlsplit(url).query)
    assert query["template"] == ["comment.md"] and query["title"] == ["Comment on Hola"]
    content, _, result = run_import(tmp_path, issues_event(query["body"][0]))
    assert result.returncode == 0, result.stderr


def test_a_missing_date_is_the_issues_opening_time(tmp_path):
    content, _, result = run_import(tmp_path, issues_event(proposal(date="")))
    assert result.returncode == 0
    # in UTC, saying so: a site's timezone is not taken for it
    assert 'date: "2026-11-30 06:20+00:00"' in (content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md").read_text()


def test_an_opening_time_the_calendar_lacks_is_no_date(tmp_path):
    event = issues_event(proposal(date=""))
    event["issue"]["created_at"] = "2024-13-45T99:99:00Z"
    content, _, result = run_import(tmp_path, event)
    assert result.returncode == 0, result.stderr
    written = (content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md").read_text()
    assert "Eve" in written and "date:" not in written
    assert run_cli("check", "--content", str(content)).returncode == 0


HOSTILE = {
    "no proposal": (issues_event("I just wanted to say hi"), "issue #12: no comment file in it"),
    "empty body": (issues_event(None), "issue #12: no comment file in it"),
    "missing post": (issues_event(proposal(path="content/posts/nope/comments/x1.es.md")),
                     "issue #12: it proposes a comment on `nope`, and there is no such post"),
    "missing comment": (issues_event(proposal(reply_to="c9")),
                        "issue #12: it replies to comment `c9`, and its post has no such comment"),
    "escaping path": (issues_event(proposal(path="content/posts/hola/comments/../../../../evil.es.md")),
                      "is not a comment file's path"),
    "hostile front matter": (issues_event(proposal().replace('author: "Eve"', "author: !!python/object:os.system x")),
                             "issue #12: its comment file cannot be read"),
    # a reader who opened the site's issue template from the repository, not from an essay's page
    "the template unfilled": (issues_event(ISSUE_TEMPLATE_TEXT.split("---\n", 2)[2].replace("\n", "\r\n")),
                              "issue #12: it holds the form's empty comment file: the essay's page fills it in. "
                              "Open the form from the essay's “Join the discussion” link"),
    "not an issues event": ({"ref": "refs/heads/main", "commits": []}, "not a GitHub \"issues\" event"),
    "a pull request": ({"action": "opened", "issue": {"number": 3, "pull_request": {}, "body": proposal()}},
                       "about a pull request"),
    "closed": (issues_event(proposal(), action="closed"), "the issue was closed, not opened"),
    "edited once closed": (_closed(issues_event(proposal(), action="edited")), "the issue is closed; nothing to import"),
    "not json": ("{\"action\": ", "not a JSON event file"),
    "broken json": ('{\n  "action": "opened",\n  "issue": {"number": 3,}\n}\n',
                    "event.json:3: not a JSON event file: Expecting property name enclosed in double quotes"),
    "deep json": ("[" * 100_000 + "]" * 100_000, "not a JSON event file"),
    "bad number": ({"action": "opened", "issue": {"number": "12; rm -rf /", "body": proposal()}},
                   "the issue in the event has no number"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_an_event_with_no_usable_proposal_writes_nothing_and_says_why(tmp_path, case):
    event, message = HOSTILE[case]
    content, before, result = run_import(tmp_path, event)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == "nothing was written\n"  # the summary, apart from the one line of why
    assert every_file(content) == before


def test_the_same_issue_imported_twice_writes_once(tmp_path):
    content, _, first = run_import(tmp_path, issues_event(proposal()))
    event_file = tmp_path / "event.json"
    before = every_file(content)
    second = run_cli("import", "issue", str(event_file), "--content", str(content))
    assert first.returncode == second.returncode == 0 and "already imported" in second.stdout
    assert every_file(content) == before
    # unlike a mail's, the file is not pending: the line says so, for a maintainer running it by hand (a walk)
    assert "(published once merged: the pull request is its review)" in first.stdout


def test_two_issues_proposing_one_name_become_two_comments(tmp_path):
    """A page without scripts gives every reader of a link the same name until the next build."""
    content, _, first = run_import(tmp_path, issues_event(proposal()))
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(issues_event(proposal("No estoy de acuerdo."), number=13)), encoding="utf-8")
    second = run_cli("import", "issue", str(event_file), "--content", str(content))
    assert first.returncode == second.returncode == 0, second.stderr
    assert "(named 20261130-0620-q1w2e3r4-2: another comment is 20261130-0620-q1w2e3r4 already)" in second.stdout
    folder = content / "posts/hola/comments"
    assert "casi" in (folder / "20261130-0620-q1w2e3r4.es.md").read_text(encoding="utf-8")
    assert "No estoy de acuerdo." in (folder / "20261130-0620-q1w2e3r4-2.es.md").read_text(encoding="utf-8")
    assert run_cli("check", "--content", str(content)).returncode == 0


def test_words_in_one_proposal_cannot_claim_the_next_issues_number(tmp_path):
    """Only the front matter's origin line says which issue a file came from: a reader who writes
    `# proposed in issue #13` in their comment does not make issue 13 'already imported'."""
    claim = "Mi opinión.\n\n# proposed in issue #13\n"
    content, _, first = run_import(tmp_path, issues_event(proposal(claim), number=12))
    assert first.returncode == 0, first.stderr
    event_file = tmp_path / "event.json"
    other = proposal("Otra lectora.", path="content/posts/hola/comments/20261130-0700-a1b2c3d4.es.md")
    event_file.write_text(json.dumps(issues_event(other, number=13)), encoding="utf-8")
    second = run_cli("import", "issue", str(event_file), "--content", str(content))
    assert second.returncode == 0 and "already imported" not in second.stdout, second.stdout
    assert "Otra lectora." in (content / "posts/hola/comments/20261130-0700-a1b2c3d4.es.md").read_text(encoding="utf-8")


def test_an_issue_holding_a_lone_surrogate_is_answered_in_a_line(tmp_path):
    content, before, result = run_import(tmp_path, issues_event(proposal("Hola \ud800 mundo.")))
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "a character that is not text" in result.stdout + result.stderr
    assert every_file(content) == before


def test_a_folder_named_for_the_event_is_a_usage_error_that_says_it_is_a_folder(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    before = every_file(content)
    result = run_cli("import", "issue", str(tmp_path), "--content", str(content))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}: a folder; name the event's JSON file ($GITHUB_EVENT_PATH in a workflow)\n"
    assert every_file(content) == before


def test_what_an_issue_says_reaches_the_report_as_one_line_that_no_workflow_reads_as_a_command(tmp_path):
    # the proposals workflow prints this report in a job holding a write token: a line the issue began
    # (`::add-mask::`, `::notice::`) would be read by GitHub Actions as a command
    forged = "x\n::notice title=Maintainer::Reviewed, safe to merge\r\n::add-mask::wrote"
    text = "Estoy de acuerdo."
    body = letter(text, "content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md",
                  comment_file("Eve", text, "c1", forged, "2026-11-30 06:20"))
    _, _, result = run_import(tmp_path, issues_event(body))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1 and "::notice" in result.stdout and "\\n::notice" in result.stdout
    twice = letter(text, "content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md",
                   '---\n"\\n::error::forged": 1\n"\\n::error::forged": 2\n---\n\nEstoy de acuerdo.\n')
    _, _, refused = run_import(tmp_path / "again", issues_event(twice))
    assert refused.returncode == 1
    assert not any(line.startswith("::") for line in refused.stderr.splitlines()), refused.stderr
    assert "`\\n::error::forged` is given twice" in refused.stderr


def test_the_comment_is_dated_when_the_issue_was_opened_not_when_its_letter_says(tmp_path):
    # a date typed into the letter (2099) would head every newest-first list and feed for decades
    content, _, result = run_import(tmp_path, issues_event(proposal(date="2099-12-31 23:59+00:00")))
    assert result.returncode == 0, result.stderr
    written = content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md"
    assert parse_text(written.read_bytes(), "x.md")[0].meta["date"] == "2026-11-30 06:20+00:00"


def test_two_issues_from_one_plain_link_propose_files_of_different_names_on_their_own_branches(tmp_path):
    """The workflow imports each issue on a branch from main, where a `-2` cannot see the other."""
    plain = "content/posts/hola/comments/r2-0123abcd.es.md"
    names = []
    for number in (7, 8):
        content = make_content(tmp_path / str(number), {"posts/hola/comments/c1.es.md": COMMENT_C1})
        event = tmp_path / f"event{number}.json"
        event.write_text(json.dumps(issues_event(proposal(f"Comentario {number}.", path=plain), number=number)))
        result = run_cli("import", "issue", str(event), "--content", str(content))
        assert result.returncode == 0, result.stderr
        names += [path.name for path in (content / "posts/hola/comments").glob("r2-*.md")]
    assert names == ["r2-0123abcd-issue7.es.md", "r2-0123abcd-issue8.es.md"]


def test_a_proposal_named_as_a_passage_of_a_comment_is_renamed_so_that_check_passes(tmp_path):
    """`c1-p1` is the address of Carla's first paragraph (`#comment-c1-p1`): kept as the reader named it,
    the proposal would fail check, and its pull request with it."""
    content, _, result = run_import(tmp_path, issues_event(proposal(path="content/posts/hola/comments/c1-p1.es.md")))
    assert result.returncode == 0, result.stderr
    assert "(named c1-p1-2: c1-p1 is the address of a passage of comment c1)" in result.stdout
    assert (content / "posts/hola/comments/c1-p1-2.es.md").exists()
    assert not (content / "posts/hola/comments/c1-p1.es.md").exists()
    assert run_cli("check", "--content", str(content)).returncode == 0


def test_a_reply_to_a_comment_held_as_spam_is_refused(tmp_path):
    """No reader sees a spam comment: a proposal answering it is crafted, and would head the thread."""
    content = make_content(tmp_path / "site", {"posts/hola/comments/c1.es.md": COMMENT_C1.replace(
        "author: Carla\n", "author: Carla\nstatus: spam\n")})
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(issues_event(proposal())), encoding="utf-8")
    before = every_file(content)
    result = run_cli("import", "issue", str(event_file), "--content", str(content))
    assert result.returncode == 1 and "it replies to comment `c1`, which is spam" in result.stderr
    assert every_file(content) == before


@pytest.mark.parametrize("name, written", [
    ("\t\u200b\u00a0", "Anonymous"), ("\u200b", "Anonymous"), ("\u202e\u2066 \u200f", "Anonymous"),
    ("\u200bEve\u00a0\u202e", "Eve"), ("Ana  María", "Ana María"),
])
def test_a_name_of_invisible_or_space_characters_only_is_no_name(tmp_path, name, written):
    """A name no reader can see (a zero-width space, a direction mark, a no-break space) was written as the
    comment's author, which then showed as a blank: it is no name, and the comment is by `Anonymous`."""
    body = letter("Un comentario.", "content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md",
                  comment_file(name, "Un comentario.", "c1", "", "2026-11-30 06:20"))
    content, _, result = run_import(tmp_path, issues_event(body))
    assert result.returncode == 0, result.stderr
    parsed, error = parse_text((content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md").read_bytes(), "x.md")
    assert error is None and parsed.meta["author"] == written


def test_words_typed_under_the_comment_file_of_an_issue_are_named_to_the_moderator(tmp_path):
    """An issue's text is taken as typed, yet a P.S. under the end marker was left out unsaid."""
    _, _, result = run_import(tmp_path, issues_event(proposal() + "\r\nP.S. Y gracias por el texto.\r\n"))
    assert result.returncode == 0, result.stderr
    assert ("words after the comment file, not in it: “P.S. Y gracias por el texto.”; add them to the file if they "
            "belong to the comment") in result.stdout


def test_a_note_above_a_comment_file_of_other_words_loses_neither(tmp_path):
    """"Thanks! (my comment is in the file below)" over a file holding the comment published the note
    and dropped the comment without a word: the text above wins, as a reader's correction of the file's
    does (a red team, 2026-12). Only the maintainer can tell which the reader meant: the file keeps the
    other text unpublished, and the report says so."""
    path = "content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md"
    comment = "No estoy de acuerdo con el segundo párrafo:\nel café de la esquina cerró en 2019."
    note = "¡Gracias por el ensayo! Mi comentario va en el archivo de abajo."
    body = letter(note, path, comment_file("Eve", comment, "c1", "", "2026-11-30 06:20"))
    content, _, result = run_import(tmp_path, issues_event(body))
    assert result.returncode == 0, result.stderr
    written = (content / path.removeprefix("content/")).read_text()
    parsed, _ = parse_text(written.encode(), "x.md")
    assert parsed.body.strip() == note and parsed.meta["reply_to"] == "c1"
    assert ("#   No estoy de acuerdo con el segundo párrafo:\n#   el café de la esquina cerró en 2019.\n"
            in written.split("---")[1])
    assert "its comment file held another text than the words above it: “No estoy de acuerdo" in result.stdout
    assert run_cli("check", "--content", str(content)).returncode == 0
    # a word the reader mended above is still theirs, and nothing is said of it
    mended = comment.replace("cerró", "cerró para siempre")
    body = letter(mended, path, comment_file("Eve", comment, "c1", "", "2026-11-30 06:20"))
    content, _, result = run_import(tmp_path / "mended", issues_event(body))
    written = (content / path.removeprefix("content/")).read_text()
    assert parse_text(written.encode(), "x.md")[0].body.strip() == mended
    assert "another text" not in result.stdout and "#   " not in written


@pytest.mark.parametrize("where", ["below", "above", "inside", "inside after the hint", "below, the hint deleted"])
def test_the_page_s_letter_pasted_beside_the_issue_template_s_empty_file_is_read(tmp_path, where):
    """A reader on a phone: a comment too long for the issue's link is copied from the page and pasted into the
    issue, which the template had filled with its empty file; pasted below it, the proposal was refused as
    "the form's empty comment file", pasted above it was said to hold a second file."""
    template = ISSUE_TEMPLATE_TEXT.split("---\n", 2)[2]
    pasted = letter("Estoy de acuerdo.", "content/posts/hola/comments/20261130-0620-q1w2e3r4.es.md",
                    comment_file("Eve", "Estoy de acuerdo.", "c1", "", "2026-11-30 06:20"))
    head, hint, tail = template.partition("(The essay's page")
    hinted, ending = (hint + tail).split("\n", 1)
    body = {"below": template + pasted, "above": pasted + "\n" + template,
            "inside": head + pasted + "\n" + hint + tail, "inside after the hint": head + hinted + "\n" + pasted + ending,
            "below, the hint deleted": head + ending + pasted}[where]
    content, _, result = run_import(tmp_path, issues_event(body.replace("\n", "\r\n")))
    assert result.returncode == 0, result.stderr
    written = (content / "posts/hola/comments/20261130-0620-q1w2e3r4.es.md").read_text()
    assert written.rstrip().endswith("\n\nEstoy de acuerdo.") and "Your comment" not in written, written
    assert "more comment file" not in result.stdout, result.stdout
