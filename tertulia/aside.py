"""Work handed to a forked process while this one goes on: for a core that would otherwise idle.

While a build validates the content and plans its pages, one process works and the other core has
nothing to do. A forked child inherits everything already in memory, so it can compile the
templates (sent back as Jinja's bytecode) and save the parse cache meanwhile, with nothing
copied to it. Where there is no fork (or no process to spare), the work is simply done here, when
its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from contextlib import ExitStack, contextmanager
from typing import Callable

from .interruptions import HELD


@contextmanager
def forked_pool(context, processes: int, initializer: Callable | None = None, initargs: tuple = ()):
    """A multiprocessing pool whose workers cannot lose the SIGTERM that ends them.

    Leaving a pool early (Ctrl-C, SIGTERM) terminates its workers and waits for them. A worker
    signalled in its first instant, before Python has set itself up after the fork, drops the
    signal, lives on, and the wait never ends. So Ctrl-C and SIGTERM are held off while the pool
    forks, and each worker lets them through once its own SIGTERM is the default, dying of one
    that came meanwhile."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        pool = context.Pool(processes, initializer=_let_through, initargs=(held, initializer, initargs))
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    with pool:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        yield pool


@contextmanager
def forked_executor(processes: int):
    """A ProcessPoolExecutor whose workers, as forked_pool's, cannot be lost to a Ctrl-C or SIGTERM:
    they all fork at once, on the first task, while both are held off. Leaving it early cancels
    what no worker has started."""
    from concurrent.futures import ProcessPoolExecutor  # 11 ms of imports an unchanged build never needs
    held = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # the mask as it is, for the workers to take back
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),  # forks nothing yet
                               initializer=_let_through, initargs=(held, None, ()))
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
        pool.submit(int)  # a fork context's executor forks every worker for its first task
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # one that came meanwhile lands here, and is seen below
        yield pool
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _let_through(held, initializer: Callable | None, initargs: tuple) -> None:
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    if initializer is not None:
        initializer(*initargs)


class Aside:
    """`work()` in a forked child, its result pickled back through a pipe; then `then()` in the child.

    Use it as a context manager: leaving it waits for the child, so no work outlives the command
    that started it. The child's failure only loses its result (`result()` gives None): what it
    does is never needed for correctness, only for speed.
    """

    @classmethod
    def on(cls, stack: ExitStack, work: Callable[[], object], then: Callable[[], object] | None = None) -> "Aside":
        """An Aside that `stack` waits for. Ctrl-C or SIGTERM is held off from before the fork until
        the stack knows the child, so no interruption can leave a child unwaited for (holding the
        output's lock); in the child it is let through again at once."""
        held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
        try:
            return stack.enter_context(cls(work, then, unblock=held))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def __init__(self, work: Callable[[], object], then: Callable[[], object] | None = None,
                 unblock: set | None = None):
        self._work, self._then = work, then
        self._pid, self._result, self._done = 0, None, False
        self._received: list[bytes] = []
        if not hasattr(os, "fork"):  # pragma: no cover - every POSIX system forks
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare (a limit, no memory): the work is done here instead
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            if unblock is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, unblock)
            os.close(read)
            _child(work, then, write)  # never returns
        os.close(write)
        self._pid = pid
        # A pipe holds 64 KiB; the result is bigger. Taken in as it comes (the thread waits on the
        # pipe without the interpreter's lock), so the child is never stuck writing and goes on to `then`.
        self._reader = threading.Thread(target=_take_in, args=(read, self._received), daemon=True)
        self._reader.start()

    def result(self):
        """What `work()` returned, once the child sent it; None if it failed."""
        if self._done:
            return self._result
        self._done = True
        if not self._pid:  # no fork here: the work is done now, in this process
            self._result = _quietly(self._work)
            if self._then:
                _quietly(self._then)
            return self._result
        self._reader.join()
        try:
            received = b"".join(self._received)
            self._result = pickle.loads(received) if received else None
        except Exception:  # a child killed half way through sending
            self._result = None
        return self._result

    def __enter__(self) -> "Aside":
        return self

    def __exit__(self, *_) -> None:
        """Wait for the child, even through one interruption (its work is a moment's): the
        interruption is raised once it is over. A second one ends the child at once."""
        stopped = None
        while not self._done or self._pid:
            try:
                if not self._done:
                    self.result()  # where there was no fork, the work is done now (then too)
                if self._pid:
                    os.waitpid(self._pid, 0)
                self._pid = 0
            except ChildProcessError:  # already waited for
                self._pid = 0
            except KeyboardInterrupt as stop:
                if stopped is not None and self._pid:
                    os.kill(self._pid, signal.SIGKILL)
                stopped = stopped or stop
        if stopped is not None:
            raise stopped


def _child(work, then, write: int) -> None:
    """Run in the forked child: send work()'s result, close the pipe, do `then` (whether or not the
    work succeeded), and leave at once, running none of the parent's exit handlers and flushing
    none of its buffers."""
    status = 0
    try:
        try:
            result = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - the parent does the work itself, on no result
            result, status = b"", 1
        with os.fdopen(write, "wb") as pipe:
            pipe.write(result)
        if then:
            then()
    except BaseException:  # noqa: BLE001 - whatever happens here, the parent goes on without it
        status = 1
    finally:
        os._exit(status)


def _take_in(read: int, into: list[bytes]) -> None:
    with os.fdopen(read, "rb") as pipe:
        into.append(pipe.read())


def _quietly(work):
    try:
        return work()
    except Exception:  # as in a child: only speed is lost
        return None
