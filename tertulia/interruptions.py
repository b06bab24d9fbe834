"""A Ctrl-C or a polite kill (SIGTERM, or SIGHUP as a terminal closes): which signals a build holds off while its files move in, and
SIGTERM raised as Terminated, so that every `finally` runs and nothing half-done is left behind; and
what a command killed outright leaves: its forked processes end with it, its scratch folders are
cleared away by the next command that makes one.

Below every stage: the forked workers (aside.py) hold the same signals while they fork, and the
writing stage holds them while it commits; neither may import the other's stage for it.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import sys
import threading
import time
from pathlib import Path

HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
UNTOUCHED = "the previous output is untouched"  # what an interruption before the commit says


class Terminated(KeyboardInterrupt):
    """A polite kill (SIGTERM), handled as Ctrl-C is: the build stops and clears its staging away."""


class HungUp(Terminated):
    """The terminal the command ran in closed, or the connection to it (SIGHUP): a polite kill too, which
    left a build's scratch folders behind as one killed outright does."""


def stop_on_sigterm() -> None:
    """From now on SIGTERM raises Terminated in this process, so every `finally` runs; processes
    forked from it keep the default, so one ended with it ends quietly, and let this one alone take
    a Ctrl-C: a terminal sends it to every process of the command, and a worker it stopped half-way
    through sending a result left the build waiting for the rest, for ever, after a
    traceback on stderr. The forked workers ignore SIGTERM too (see aside.forked_workers)."""
    if signal.getsignal(signal.SIGTERM) is not terminate:
        signal.signal(signal.SIGTERM, terminate)
        if signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:  # under `nohup` it is ignored, and stays so
            signal.signal(signal.SIGHUP, terminate)
        forks = _Forks()
        os.register_at_fork(before=forks.before, after_in_child=forks.in_child)
        sys.unraisablehook = _raised_again(sys.unraisablehook)


PR_SET_PDEATHSIG = 1  # Linux's prctl option: the signal a process gets when the one that forked it dies


class _Forks:
    """What a forked process is set up with: the signals of a worker, and an end with its command.

    A build killed outright (SIGKILL, the kernel's out-of-memory killer) runs no `finally`: its workers
    lived on, blocked for ever on pipes no one read, and held the output's lock they were forked with,
    so every later build was refused as "another build is writing there" until they were found and
    killed by hand. On Linux each one now dies with its parent."""

    def __init__(self):
        self.parent = 0  # the forking process, noted just before each fork: a child compares its own parent
        self.prctl = None  # libc's, looked up in the parent once: a child must not load libraries

    def before(self) -> None:
        self.parent = os.getpid()
        if self.prctl is None and sys.platform.startswith("linux"):
            try:
                import ctypes
                self.prctl = ctypes.CDLL(None).prctl
            except (OSError, AttributeError):  # no libc to ask: children end as they did
                self.prctl = False

    def in_child(self) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if signal.getsignal(signal.SIGHUP) is terminate:
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command's own process ends its workers
        if self.prctl:
            self.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != self.parent:  # it died before the request, which nothing will now answer
                os._exit(1)


def terminate(received, frame):
    """SIGTERM's (and SIGHUP's) handler: Terminated raised wherever the main thread is, as Ctrl-C raises
    KeyboardInterrupt; unless the command is already stopping for an interruption. A second polite
    kill a moment after the first (a process group's and its leader's) is the same request: raised
    inside the first one's clean-up it cut that short, said "the previous output is untouched" when
    the new one was in place, or escaped as a traceback (once in some 60 runs)."""
    if interruption_behind(sys.exc_info()[1]) is None:
        raise stopped_by(received)(UNTOUCHED)


def interruption_behind(problem: BaseException | None) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM that a problem is, or arose from, if any: a signal can land anywhere,
    even inside a process pool's start, whose own clean-up then fails (`cannot join thread`)."""
    seen = set()
    while problem is not None and id(problem) not in seen:
        if isinstance(problem, KeyboardInterrupt):
            return problem
        seen.add(id(problem))
        problem = problem.__cause__ or problem.__context__
    return None


def stopped_by(received: int) -> type[Terminated]:
    """The exception `terminate` raises for a signal."""
    return HungUp if received == signal.SIGHUP else Terminated


def exit_status(stop: KeyboardInterrupt) -> int:
    """What a command an interruption ended exits with: 128 and the signal's number, as a shell says."""
    return 129 if isinstance(stop, HungUp) else 143 if isinstance(stop, Terminated) else 130


def ignore_the_rest() -> None:
    """For a command ending for an interruption: any later one is ignored from now on. Python, as it
    shuts down, puts back the default action of a handler of its own, so a second SIGTERM a moment after
    the first killed the command as it said why it stopped, or after (exit -15, not 143: once in ten
    double kills)."""
    if threading.current_thread() is threading.main_thread():
        for number in HELD:
            signal.signal(number, signal.SIG_IGN)


def _raised_again(previous):
    """An unraisable-exception hook that sends a Terminated or a Ctrl-C swallowed where Python cannot
    pass it on (a fork's own hooks, a finalizer) again, without a word: from another thread, so the
    main thread meets it at its next step, outside the hook."""
    def hook(unraisable):
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            again = (signal.SIGHUP if isinstance(unraisable.exc_value, HungUp) else
                     signal.SIGTERM if isinstance(unraisable.exc_value, Terminated) else signal.SIGINT)
            resend = threading.Timer(0.05, os.kill, (os.getpid(), again))  # once the hook is left
            resend.daemon = True
            resend.start()
        else:
            previous(unraisable)
    return hook


ABANDONED_AFTER = 3600  # seconds: a folder this old, of a process no longer there, was left by a kill


def scratch_folder(prefix: str, within: Path | None = None) -> Path:
    """A new folder for this command's scratch work, its name carrying the process's id; the ones that
    commands killed outright left (`kill -9`, the out-of-memory killer: no clean-up ran) are cleared away
    first, or Pagefind's copies of a site piled up in $TMPDIR for ever."""
    import tempfile  # 3 ms of imports a build that makes no scratch folder never needs
    within = Path(within or tempfile.gettempdir())
    for folder in within.glob(f"{prefix}*-*"):
        if _abandoned(folder, folder.name[len(prefix):].split("-", 1)[0]):
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=within))


def _abandoned(folder: Path, pid: str) -> bool:
    """Whether no process of that id is alive here, and the folder was last changed an hour ago or more:
    the id of a process in another container that shares $TMPDIR means nothing here."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
        return False
    except ProcessLookupError:
        pass
    except (PermissionError, OverflowError):  # another user's process, or no id a process can have
        return False
    try:
        found = folder.lstat()
        return stat.S_ISDIR(found.st_mode) and time.time() - found.st_mtime >= ABANDONED_AFTER
    except OSError:
        return False
