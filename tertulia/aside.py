"""Work handed to forked processes while this one goes on: the other cores' share of the parse,
the hashing and the rendering (forked_workers), and work for a core that would otherwise idle (Aside).

While a build validates the content and plans its pages, one process works and the other core has
nothing to do. A forked child inherits everything already in memory, so it can compile the
templates (sent back as Jinja's bytecode) and save the parse cache meanwhile, with nothing
copied to it. Where there is no fork (or no process to spare), the work is simply done here, when
its result is asked for.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import threading
import traceback
from contextlib import ExitStack, contextmanager
from typing import Callable, Iterable, Iterator

from .errors import ToolFailed
from .interruptions import HELD


@contextmanager
def forked_workers(count: int, task: Callable[[int], Iterable[object]]):
    """`count` forked processes, the i-th sending what `task(i)` yields; this gives, as they come,
    (i, one of them), and raises the exception a task raised.

    Each worker has a pipe of its own, and nothing else in common with the others or this process:
    a worker killed half-way through sending (a SIGTERM to the whole command, as `timeout` and service
    managers send it) could wedge a pool's shared queue, and the build waited on it for ever (a red
    team's, once in 30 runs). Workers ignore Ctrl-C, SIGTERM and SIGHUP: leaving early (an interruption,
    an error) kills them outright, and waits only for that. Interruptions are held off while they fork,
    so none is unknown here when one lands. A task no process could be forked for is done here, after
    the workers' (a task that takes tickets then finds what they left)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    workers = _Workers(task)
    try:
        for index in range(count):
            workers.start(index)
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        workers.kill()
        raise
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # one that came meanwhile lands here
        yield workers.messages()
    except BaseException:
        workers.kill()
        raise
    workers.wait()


class _Workers:
    """forked_workers' processes: their pids, pipes and what has come from each so far; and the tasks no
    process could be forked for (a limit on processes, no memory), which this process does itself."""

    def __init__(self, task: Callable[[int], Iterable[object]]):
        self.task = task
        self.pids: dict[int, int] = {}  # pipe's descriptor -> worker
        self.indexes: dict[int, int] = {}  # pipe's descriptor -> task index
        self.received: dict[int, bytearray] = {}
        self.here: list[int] = []  # tasks done in this process, once the workers are done

    def start(self, index: int) -> None:
        try:
            read, write = os.pipe()
        except OSError:  # no descriptor to spare: the work is done here
            self.here.append(index)
            return
        try:
            pid = os.fork()
        except BaseException as problem:
            os.close(read)
            os.close(write)
            if not isinstance(problem, OSError):
                raise
            self.here.append(index)  # no process to spare: the work is done here
            return
        if pid == 0:
            os.close(read)
            for others in self.pids:  # the earlier workers' pipes are this process's alone to read
                os.close(others)
            _work(self.task, index, write)  # never returns
        os.close(write)
        self.pids[read], self.indexes[read], self.received[read] = pid, index, bytearray()

    def messages(self) -> Iterator[tuple[int, object]]:
        """(task index, message) as the workers send them, until every one has ended; then those of the
        tasks done here (a task taking tickets finds what the workers left, or none)."""
        poll = select.poll()
        for descriptor in self.pids:
            poll.register(descriptor, select.POLLIN)
        while self.received:
            for descriptor, _ in poll.poll():
                data = os.read(descriptor, 1 << 20)
                if not data:
                    poll.unregister(descriptor)
                    self._ended(descriptor)
                    continue
                buffer = self.received[descriptor]
                buffer += data
                for kind, message in _frames(buffer):
                    if kind == "error":
                        raise message
                    yield self.indexes[descriptor], message
        while self.here:
            index = self.here.pop(0)
            for message in self.task(index):
                yield index, message

    def _ended(self, descriptor: int) -> None:
        """A worker's pipe closed: it must have sent all it had, and ended well."""
        left = self.received.pop(descriptor)
        os.close(descriptor)
        _, status = os.waitpid(self.pids.pop(descriptor), 0)
        if left or status:
            raise ToolFailed("a process building the site beside this one ended before its work was done "
                             + _how(status))

    def wait(self) -> None:
        """Wait for every worker to end, taking in (and dropping) what it still sends, so none is stuck
        writing to a pipe no one reads."""
        for _ in self.messages():
            pass

    def kill(self) -> None:
        """End every worker now and wait for that: SIGKILL cannot be ignored, nor leave anything to wait on."""
        for descriptor, pid in self.pids.items():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for descriptor, pid in self.pids.items():
            os.close(descriptor)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.pids.clear()
        self.received.clear()
        self.here.clear()


# what most likely ended a worker that ignores Ctrl-C and SIGTERM, for the author reading the message
LIKELY = {signal.SIGKILL: ": the system may have run out of memory, and ended it to free some",
          signal.SIGSEGV: ": a library it used crashed"}


FRAME = struct.Struct("!Q")  # each message's length, before its pickle


def _work(task, index: int, write: int) -> None:
    """Run in a forked worker: send each message of task(index), or the exception that stopped it, and
    leave at once, running none of the parent's exit handlers and flushing none of its buffers."""
    status = 0
    try:
        for interruption in HELD:  # still held from the fork: none comes through, one pending is dropped
            signal.signal(interruption, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
        with os.fdopen(write, "wb") as pipe:
            try:
                for message in task(index):
                    _send(pipe, "message", message)
            except Exception as error:  # noqa: BLE001 - raised again in the parent
                status = 1
                _send(pipe, "error", _picklable(error))
    except BaseException:  # noqa: BLE001 - the parent sees the pipe end short, or the status
        status = 1
    finally:
        os._exit(status)


def _send(pipe, kind: str, message) -> None:
    data = pickle.dumps((kind, message), pickle.HIGHEST_PROTOCOL)
    pipe.write(FRAME.pack(len(data)))
    pipe.write(data)
    pipe.flush()


def _frames(buffer: bytearray) -> Iterator[tuple[str, object]]:
    """The whole messages at the start of `buffer`, taken out of it; a partial one stays for more data."""
    while len(buffer) >= FRAME.size:
        (length,) = FRAME.unpack_from(buffer)
        if len(buffer) < FRAME.size + length:
            return
        data = bytes(buffer[FRAME.size:FRAME.size + length])
        del buffer[:FRAME.size + length]
        yield pickle.loads(data)


def _picklable(error: Exception) -> Exception:
    try:
        pickle.dumps(error)
        return error
    except Exception:  # noqa: BLE001 - its class or arguments do not travel: its words do
        return RuntimeError("".join(traceback.format_exception(error)))


def _how(status: int) -> str:
    """How a worker ended, and what most likely ended it, for the author reading the message."""
    if os.WIFSIGNALED(status):
        return f"(killed by signal {os.WTERMSIG(status)}){LIKELY.get(os.WTERMSIG(status), '')}"
    return f"(exit status {os.waitstatus_to_exitcode(status)})"


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
        # A pipe holds 64 KiB; the result is bigger. Taken in as it comes (the thread waits on the
        # pipe without the interpreter's lock), so the child is never stuck writing and goes on to `then`.
        self._reader = threading.Thread(target=_take_in, args=(read, self._received), daemon=True)
        try:
            self._reader.start()
        except RuntimeError:  # no thread to spare (a limit on processes): the child is ended, the work done here
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
            return
        self._pid = pid

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
        interruption is raised once it is over. A second one ends the child at once: a Ctrl-C always, a
        SIGTERM unless the first interruption came before this wait began (then it is that one's clean-up,
        and a SIGTERM then is the same request said twice: see interruptions.terminate)."""
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


class Tickets:
    """Numbers 0, 1, 2, … given out once each to whichever process asks first, this one or its forks.

    They wait in a pipe, written before the fork: a read of four bytes is atomic, so no lock is
    shared, and a process killed half-way through taking one leaves none of the others waiting."""

    TICKET = struct.Struct("<I")
    MOST = 1024  # what the smallest pipe holds (4 KiB: Linux's, for a user over their pipes' limit), written at once

    def __init__(self, count: int):
        if count > self.MOST:
            raise ValueError(f"{count} tickets: a pipe holds {self.MOST}")
        self.count = count
        self.read, write = os.pipe()
        try:
            os.write(write, b"".join(self.TICKET.pack(number) for number in range(count)))
        finally:
            os.close(write)  # read to its end, the pipe says there is none left

    @classmethod
    def fewest_each(cls, count: int) -> int:
        """The least a chunk of `count` jobs must hold for its chunks to need no more tickets than a pipe holds."""
        return -(-count // cls.MOST)

    def next(self) -> int:
        """The next number no process took yet; `count` once none is left."""
        ticket = os.read(self.read, self.TICKET.size)
        return self.TICKET.unpack(ticket)[0] if len(ticket) == self.TICKET.size else self.count

    def __enter__(self) -> "Tickets":
        return self

    def __exit__(self, *_) -> None:
        os.close(self.read)
