#!/usr/bin/env python3
"""Tertulia's command line: build, serve, check or scaffold a bilingual site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tertulia.commands.cli import run

COMMANDS = ("build", "serve", "check", "status", "translated", "new", "import")


def parse(argv: list[str]) -> argparse.Namespace:
    """The contract's command line; `build` is the default command."""
    if not argv or argv[0] not in COMMANDS + ("-h", "--help"):
        argv = ["build"] + argv
    parser = argparse.ArgumentParser(prog="python build.py", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="render content/ into output/ (the default)")
    _content_options(build)
    build.add_argument("--drafts", action="store_true", help="include posts marked draft: true")

    serve = commands.add_parser("serve", help="build, then serve on 127.0.0.1 with live reload")
    _content_options(serve)
    serve.add_argument("--drafts", action="store_true", help="include posts marked draft: true")
    serve.add_argument("--port", type=port, default=8000, help="port on 127.0.0.1 (default 8000)")

    check = commands.add_parser("check", help="validate content without writing output")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder")

    status = commands.add_parser("status", help="translations: current, outdated (which blocks), missing")
    status.add_argument("--content", type=Path, default=Path("content"), help="content folder")

    translated = commands.add_parser("translated", help="record that a translation follows its original")
    translated.add_argument("path", type=Path, help="the translation file, e.g. content/posts/x/index.en.md")
    translated.add_argument("--block", type=int, default=None, help="only this block (1 is the first)")
    translated.add_argument("--content", type=Path, default=Path("content"), help="content folder")

    new = commands.add_parser("new", help="start a post, a translation or a comment")
    new.add_argument("kind", choices=("post", "translation", "comment"))
    new.add_argument("slug", help="the post's slug")
    new.add_argument("--lang", required=True, help="language of the new file")
    new.add_argument("--reply-to", default="", help="for a comment: the id it answers")
    new.add_argument("--comments", action="store_true",
                     help="for a translation: also start every missing comment translation of the essay")
    new.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    bring = commands.add_parser("import", help="bring a blog's export, or readers' proposals, in")
    sources = bring.add_subparsers(dest="source", required=True)
    wordpress = sources.add_parser("wordpress", help="a WordPress export, discussions and all")
    wordpress.add_argument("export", type=Path, help="the export file (WordPress: Tools → Export, all content)")
    wordpress.add_argument("--content", type=Path, default=Path("content"), help="content folder (made if missing)")
    wordpress.add_argument("--lang", default=None, help="language of the posts (default: the blog's)")
    wordpress.add_argument("--dry-run", action="store_true", help="say what would be written; write nothing")
    wordpress.add_argument("--pingbacks", action="store_true", help="import pingbacks and trackbacks, as pending")
    mail = sources.add_parser("mail", help="e-mailed proposals (mbox, .eml files, maildir) -> pending comments")
    mail.add_argument("mail", type=Path, nargs="+", help="an mbox file, .eml files, a folder of them, a maildir")
    mail.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    mail.add_argument("--dry-run", action="store_true", help="say what would be written; write nothing")
    issue = sources.add_parser("issue", help="a GitHub issues event's proposal -> its pending comment file")
    issue.add_argument("event", type=Path, help="the event's JSON file (in a workflow: $GITHUB_EVENT_PATH)")
    issue.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    return parser.parse_args(argv)


def port(text: str) -> int:
    """A TCP port number, 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"`{text}` is not a port number (1 to 65535)")
    return int(text)


def _content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    parser.add_argument("--output", type=Path, default=Path("output"), help="output folder")
    parser.add_argument("--base-url", default=None, help="override base_url of site.yml")
    parser.add_argument("--no-cache", action="store_true", help="convert every text afresh")


if __name__ == "__main__":
    sys.exit(run(parse(sys.argv[1:])))
