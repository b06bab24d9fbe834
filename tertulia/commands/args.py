"""The command line's grammar: one function per command's arguments, `build` the default command."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from .. import __version__
from ..layout import OUTPUT

DESCRIPTION = "Build, serve, check or scaffold a bilingual site of essays and their discussions."
EXIT_BROKEN_PIPE = 141  # as a shell reports a command that SIGPIPE ended: 128 + 13
MAX_EPOCH = 253402300800  # 10000-01-01: dates are written with four digits of year


def main(argv: list[str] | None = None, prog: str = "tertulia") -> int:
    """The `tertulia` command (and `python -m tertulia`, `python build.py`): parse, run, exit status."""
    try:
        args = parse(sys.argv[1:] if argv is None else argv, prog)
        from .cli import run  # after parsing, so `--help` and `--version` import nothing heavy
    except KeyboardInterrupt:  # Ctrl-C while the libraries load, the first third of a second: before any work
        print("interrupted before anything was done", file=sys.stderr)
        return 130
    try:
        return run(args)
    except BrokenPipeError:  # what reads our lines went away (`| head -1`): nothing of ours failed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor may the exit's flush fail
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt as stop:  # one before `run` took it in hand, or a second while the first was said
        from .cli import interrupted
        return interrupted(stop)


def parse(argv: list[str], prog: str = "tertulia") -> argparse.Namespace:
    """The contract's command line; a first word that names no command means `build` (build takes
    options only, so a first word that is no option is a command misspelt, and named as one)."""
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (summary, arguments) in COMMANDS.items():
        arguments(commands.add_parser(name, help=summary, description=summary))
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        parser.error(f"unknown command `{argv[0]}`" + (f"; did you mean `{close[0]}`?" if close else "") +
                     f" (commands: {', '.join(COMMANDS)})")
    if not argv or argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv = ["build", *argv]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch and not (epoch.isascii() and epoch.isdigit() and int(epoch) < MAX_EPOCH):  # the spec: fail, not guess
        parser.error(f"SOURCE_DATE_EPOCH `{epoch[:40]}` is not a number of seconds since 1970 before the year 10000;"
                     " set it to one (`git log -1 --format=%ct`) or unset it")
    return parser.parse_args(argv)


def port(text: str) -> int:
    """A TCP port number, 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"`{text}` is not a port number (1 to 65535)")
    return int(text)


def block_or_field(text: str) -> int | str:
    """A block's number from 1, `title` or `summary`: what `translated --block` records alone."""
    if text.strip().lower() in ("title", "summary"):
        return text.strip().lower()
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"`{text}` is neither a block's number (1 is the first) nor `title` or `summary`")
    return int(text)


def host_address(text: str) -> str:
    """An address of this machine to answer on, as digits (127.0.0.1, 0.0.0.0, 192.168.1.20, ::)."""
    import ipaddress
    try:
        return str(ipaddress.ip_address(text.strip("[]")))
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not an address such as 127.0.0.1 or 0.0.0.0") from None


def base_url(text: str) -> str:
    """Where the site is published: an absolute http(s) URL, as site.yml's base_url."""
    from ..reading.config import BASE_URL, base_url_problem
    if not BASE_URL.fullmatch(text):
        raise argparse.ArgumentTypeError(f"`{text}` is not an absolute http(s) URL with no query or fragment, such as "
                                         "https://example.org/blog/")
    problem = base_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"`{text}` {problem}")
    return text


def _content(parser: argparse.ArgumentParser, help: str = "content folder (default: content)") -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help=help)


def _output(parser: argparse.ArgumentParser, output_help: str = "output folder (default: output)",
            drafts_help: str = "include posts and pages marked draft: true") -> None:
    _content(parser)
    parser.add_argument("--output", type=Path, default=Path(OUTPUT), help=output_help)
    parser.add_argument("--base-url", type=base_url, default=None, help="override base_url of site.yml")
    parser.add_argument("--no-cache", action="store_true", help="convert every text afresh")
    parser.add_argument("--drafts", action="store_true", help=drafts_help)


def _build(parser: argparse.ArgumentParser) -> None:
    _output(parser)


def _serve(parser: argparse.ArgumentParser) -> None:
    # taken as build takes them: the output is never written (the preview lives elsewhere), drafts always shown
    _output(parser, argparse.SUPPRESS, argparse.SUPPRESS)
    parser.add_argument("--port", type=port, default=8000, help="port to answer on (default 8000)")
    parser.add_argument("--host", type=host_address, default="127.0.0.1", metavar="ADDRESS",
                        help="address to answer on (default 127.0.0.1: this machine only; "
                             "0.0.0.0: a phone on the same network too)")


def _check(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    parser.add_argument("--strict", action="store_true", help="warnings are errors too (exit 1): for CI")


def _status(parser: argparse.ArgumentParser) -> None:
    _content(parser)


def _translated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, nargs="+",
                        help="the translation file, e.g. content/posts/x/index.en.md (or several: a thread's comments)")
    parser.add_argument("--block", type=block_or_field, action="append", default=None,
                        help="only this block (1 is the first), or `title` or `summary`, of the one file; repeated, each named")
    parser.add_argument("--force", action="store_true",
                        help="record it even where its original lost and gained blocks since (after moving them by hand)")
    _content(parser)


def _new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=("post", "page", "translation", "comment"))
    parser.add_argument("slug", help="the post's or page's slug (a translation of a page: the page's)")
    parser.add_argument("--lang", default=None,
                        help="language of the new file (a translation's: required; else main_language by default)")
    parser.add_argument("--reply-to", default="", help="for a comment: the id it answers")
    parser.add_argument("--page", action="store_true",
                        help="for a translation: of the page with this slug, when a post has it too")
    parser.add_argument("--comments", action="store_true",
                        help="for a translation: also start every missing comment translation of the essay")
    parser.add_argument("--update", action="store_true",
                        help="for a translation that exists: add the blocks its original gained since it was "
                             "marked translated (as `TODO translate`) and take out those it lost; with --comments, "
                             "for each of the essay's comment translations into --lang")
    _content(parser)


def _init(parser: argparse.ArgumentParser) -> None:
    parser.usage = "%(prog)s FOLDER --lang LANG [--translation LANG ...] [--title TITLE] [--base-url URL]"
    # optional to argparse only so that its absence is said with its likely cause (see cli.run)
    parser.add_argument("folder", type=Path, nargs="?", help="the new site's folder: new, empty, or a clone of a new "
                                                             "repository")
    parser.add_argument("--lang", required=True, help="the language you write in, e.g. de")
    # `--translation fr it` and `--translation fr --translation it` alike: the contract's `[--translation LANG ...]`
    parser.add_argument("--translation", action="extend", nargs="+", default=[], metavar="LANG",
                        help="the languages you translate into (one or more, or the option repeated)")
    parser.add_argument("--title", default=None, help="the site's title (default: the folder's name)")
    parser.add_argument("--base-url", type=base_url, default=None, help="where the site will be published")


def _guide(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--contract", action="store_true",
                       help="the contract instead: the exact file names, addresses and command line")
    which.add_argument("--changes", action="store_true",
                       help="the CHANGELOG instead: what changed for a site's author, version by version")


def _import(parser: argparse.ArgumentParser) -> None:
    sources = parser.add_subparsers(dest="source", required=True, metavar="SOURCE")
    for name, (summary, arguments) in IMPORT_SOURCES.items():
        arguments(sources.add_parser(name, help=summary, description=summary))


def _import_wordpress(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("export", type=Path, help="the export file (WordPress: Tools → Export, all content)")
    _content(parser, "content folder (made if missing; default: content)")
    parser.add_argument("--lang", default=None, help="language of the posts (default: the blog's)")
    parser.add_argument("--dry-run", action="store_true", help="say what would be written; write nothing")
    parser.add_argument("--pingbacks", action="store_true", help="import pingbacks and trackbacks, as pending")
    files = parser.add_mutually_exclusive_group()
    files.add_argument("--media", action="store_true",
                       help="download the images and attachments on the blog's own hosts beside their posts")
    files.add_argument("--media-from", type=Path, default=None, metavar="UPLOADS_DIR",
                       help="take them from a local copy of wp-content/uploads instead")


def _import_disqus(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("export", type=Path, help="the export file (Disqus: Moderation → Export)")
    _content(parser, "content folder, whose essays the threads were on (default: content)")
    parser.add_argument("--dry-run", action="store_true", help="say what would be written; write nothing")


def _import_mail(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("mail", type=Path, nargs="+", metavar="FILE_OR_FOLDER",
                        help="an mbox file, .eml files, a folder of them, or a maildir")
    _content(parser)
    parser.add_argument("--dry-run", action="store_true", help="say what would be written; write nothing")


def _import_issue(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", type=Path, metavar="EVENT.json",
                        help="the event's JSON file (in a workflow: $GITHUB_EVENT_PATH)")
    _content(parser)


# Each command (and each import source) is a name, a one-line summary and the function adding its
# arguments; `cli.run` dispatches on the same names. A new command is one entry here and one there.
COMMANDS = {
    "init": ("start a new site: content, workflows, README", _init),
    "build": ("render content/ into output/ (the default command)", _build),
    "serve": ("build, then serve on 127.0.0.1 (or --host) with live reload", _serve),
    "check": ("validate content without writing output", _check),
    "status": ("translations: current, unfinished, outdated (which blocks), missing", _status),
    "translated": ("record that a translation follows its original", _translated),
    "new": ("start a post, a page, a translation or a comment", _new),
    "import": ("bring content in from elsewhere, discussions and all", _import),
    "guide": ("print the author's guide: every file and key, as Markdown (`| less`, or `> guide.md`)", _guide),
}
IMPORT_SOURCES = {
    "wordpress": ("a WordPress export (WXR): posts and their comments", _import_wordpress),
    "disqus": ("a Disqus export: its threads' comments, under the essays they were on", _import_disqus),
    "mail": ("readers' e-mailed proposals (mbox, .eml, maildir) -> pending comments, once each", _import_mail),
    "issue": ("a GitHub issues event's proposal -> its comment file", _import_issue),
}
