"""A Ctrl-C or a polite kill (SIGTERM): which signals a build holds off while its files move in, and
SIGTERM raised as Terminated, so that every `finally` runs and nothing half-done is left behind.

Below every stage: the worker pools (aside.py) hold the same signals while they fork, and the
writing stage holds them while it commits; neither may import the other's stage for it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

HELD = (signal.SIGINT, signal.SIGTERM)
UNTOUCHED = "the previous output is untouched"  # what an interruption before the commit says


class Terminated(KeyboardInterrupt):
    """A polite kill (SIGTERM), handled as Ctrl-C is: the build stops and clears its staging away."""


def stop_on_sigterm() -> None:
    """From now on SIGTERM raises Terminated in this process, so every `finally` runs; processes
    forked from it keep the default, so a pool that ends its workers ends them quietly, and let
    this one alone take a Ctrl-C: a terminal sends it to every process of the command, and a worker
    it stopped half-way through sending a result left the pool waiting for the rest, for ever (a
    red team's), after a traceback on stderr."""
    if signal.getsignal(signal.SIGTERM) is not terminate:
        signal.signal(signal.SIGTERM, terminate)
        os.register_at_fork(after_in_child=_forked)
        sys.unraisablehook = _raised_again(sys.unraisablehook)


def _forked() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command's own process ends its workers


def terminate(received, frame):
    """SIGTERM's handler: Terminated raised wherever the main thread is, as Ctrl-C raises KeyboardInterrupt."""
    raise Terminated(UNTOUCHED)


def _raised_again(previous):
    """An unraisable-exception hook that sends a Terminated or a Ctrl-C swallowed where Python cannot
    pass it on (a fork's own hooks, a finalizer) again, without a word: from another thread, so the
    main thread meets it at its next step, outside the hook."""
    def hook(unraisable):
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            again = signal.SIGTERM if isinstance(unraisable.exc_value, Terminated) else signal.SIGINT
            resend = threading.Timer(0.05, os.kill, (os.getpid(), again))  # once the hook is left
            resend.daemon = True
            resend.start()
        else:
            previous(unraisable)
    return hook
