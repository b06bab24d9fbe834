"""Run by tests/helpers.py's run_cli: the command's modules imported once, then each command in a child
forked from here, as `python build.py ...` would run it (its own process, arguments, folder, environment,
output and exit code) without paying Python's start and the imports again: about 0.25 s a command, and
the suite runs several thousand.

One request a line on standard input (JSON: args, cwd, env, out, err, timeout), one answer a line on
standard output (JSON: code, as subprocess gives a return code: negative for a signal's number)."""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # as build.py has it; not this folder, nor a relative entry a child's chdir would move

# what every command imports: the rest (an importer, the preview) each command imports as it always did
import jinja2  # noqa: E402,F401
import markdown  # noqa: E402,F401
import babel.dates  # noqa: E402,F401
from tertulia import pipeline  # noqa: E402,F401
from tertulia.commands.args import main  # noqa: E402
from tertulia.reading import validate  # noqa: E402,F401
from tertulia.site import plan  # noqa: E402,F401
from tertulia.writing import render  # noqa: E402,F401


def command(request: dict) -> int:
    """In the child: the command run as build.py runs it; its exit code."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY), (2, request["err"], os.O_WRONLY)):
        os.dup2(os.open(path, flags), fd)
    signal.alarm(request["timeout"])  # a command past it ends as one killed by SIGALRM
    sys.argv = [str(ROOT / "build.py"), *request["args"]]
    try:
        return main(prog="python build.py")
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # as Python ends on one nothing caught: killed by the signal
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        return 1
    except BaseException:  # noqa: BLE001 - printed as Python prints what ends a program
        traceback.print_exc()
        return 1


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        child = os.fork()
        if child == 0:  # ends as a program ends: its files flushed and closed, its threads joined
            sys.exit(command(request))
        _, status = os.waitpid(child, 0)
        print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
