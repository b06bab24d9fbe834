"""Work set aside to a forked process: its result comes back, its failure only costs speed, and a
build's templates compiled there are drawn with here exactly as if compiled here."""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from tertulia.aside import Aside
from tertulia.theme import Theme

ROOT = Path(__file__).resolve().parent.parent
from tertulia.writing import render


def test_the_child_sends_its_result_and_then_does_the_rest_before_the_parent_leaves(tmp_path):
    marker = tmp_path / "saved"
    with Aside(lambda: {"pid": os.getpid(), "words": ["uno", "dos"]},
               then=lambda: marker.write_text("written by the child")) as aside:
        result = aside.result()
    assert result["words"] == ["uno", "dos"]
    assert result["pid"] != os.getpid()  # it ran in another process
    assert marker.read_text() == "written by the child"  # leaving waited for `then`


def test_a_failing_child_gives_no_result_and_the_parent_goes_on(tmp_path):
    marker = tmp_path / "saved"
    with Aside(lambda: 1 // 0, then=lambda: marker.write_text("saved all the same")) as aside:
        assert aside.result() is None
    assert marker.read_text() == "saved all the same"  # the cache is saved even when compiling failed
    with Aside(lambda: "fine", then=lambda: 1 // 0) as aside:
        assert aside.result() == "fine"


def test_without_a_process_to_spare_the_work_is_done_here(tmp_path, monkeypatch):
    def refused():
        raise OSError(11, "Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", refused)
    marker = tmp_path / "saved"
    with Aside(lambda: os.getpid(), then=lambda: marker.write_text("saved here")) as aside:
        assert aside.result() == os.getpid()
    assert marker.read_text() == "saved here"


def test_leaving_without_asking_still_waits_for_the_child(tmp_path):
    marker = tmp_path / "late"
    with Aside(lambda: marker.write_text("done") and None):
        pass
    assert marker.read_text() == "done"


def test_templates_compiled_elsewhere_are_loaded_not_compiled_and_draw_the_same(tmp_path):
    theme = Theme.of(Path(__file__).resolve().parent.parent / "content")
    compiled = render.compiled_templates(theme)
    loaded = render.make_environment(theme, compiled=compiled)
    compiles: list[str] = []
    original = loaded.compile
    loaded.compile = lambda source, name=None, *args, **kwargs: compiles.append(name) or original(
        source, name, *args, **kwargs)
    fresh = render.make_environment(theme)
    for name in ("essay.html", "single.html", "home.html", "_macros.html", "base.html", "feed.xml"):
        assert loaded.get_template(name).blocks.keys() == fresh.get_template(name).blocks.keys()
    assert compiles == []  # whole builds, drawn so, match a build without caches: see test_incremental


def test_ctrl_c_while_leaving_still_waits_for_the_child_and_is_raised_after(tmp_path, ctrl_c_at_a_terminal):
    marker = tmp_path / "late"

    def slow_then():
        time.sleep(0.5)
        marker.write_text("done")

    with pytest.raises(KeyboardInterrupt):
        with Aside(lambda: None, then=slow_then) as aside:
            aside.result()
            threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
    assert marker.read_text() == "done"  # the child was not left running, nor cut short


def test_set_aside_on_a_stack_the_child_can_be_interrupted_and_the_stack_waits_for_it(tmp_path):
    marker = tmp_path / "late"
    with ExitStack() as stack:
        aside = Aside.on(stack, lambda: signal.pthread_sigmask(signal.SIG_BLOCK, []),
                         then=lambda: marker.write_text("done"))
        blocked_in_child = aside.result()
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # nor here, once started
    assert signal.SIGINT not in blocked_in_child and signal.SIGTERM not in blocked_in_child
    assert marker.read_text() == "done"


def _signal_state(_=None):
    return (signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.getsignal(signal.SIGTERM),
            signal.getsignal(signal.SIGINT))


def test_workers_ignore_interruptions_and_the_caller_gets_its_mask_back():
    from tertulia.aside import forked_workers
    from tertulia.interruptions import stop_on_sigterm
    import sys
    handler, hook = signal.getsignal(signal.SIGTERM), sys.unraisablehook
    stop_on_sigterm()  # as a build does: the workers must not inherit its handler either
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
        with forked_workers(2, lambda index: [_signal_state(index)]) as sent:
            assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before  # let through again here
            states = [state for _, state in sent]
    finally:
        signal.signal(signal.SIGTERM, handler)
        sys.unraisablehook = hook
    # a terminal's Ctrl-C, `timeout` and a service manager's SIGTERM reach every process of the command:
    # the workers leave it to the build, which kills them (one stopped half-way through sending a result
    # hung the build for ever: a red team's)
    assert states == [(False, signal.SIG_IGN, signal.SIG_IGN)] * 2


def _tickets_taken(count: int, workers: int) -> list:
    """(worker, (worker, ticket, its process)) for every ticket of `count`, taken by `workers` workers."""
    from tertulia.aside import Tickets, forked_workers

    def take(index):
        while (number := tickets.next()) < count:
            yield index, number, os.getpid()

    with Tickets(count) as tickets, forked_workers(workers, take) as sent:
        received = list(sent)
    assert sorted(number for _, (_, number, _) in received) == list(range(count))
    return received


def test_workers_send_in_order_and_share_the_tickets_out_once_each():
    received = _tickets_taken(500, 3)
    assert all(index == sender for index, (sender, _, _) in received)
    for worker in range(3):  # each worker's messages come in the order it sent them
        numbers = [number for index, (_, number, _) in received if index == worker]
        assert numbers == sorted(numbers)
    assert os.getpid() not in {pid for _, (_, _, pid) in received}


def test_a_workers_error_is_raised_here_and_the_others_are_ended():
    from tertulia.aside import forked_workers

    def task(index):
        if index == 1:
            raise LookupError("no such page")
        time.sleep(60)
        yield "never"

    started = time.monotonic()
    with pytest.raises(LookupError, match="no such page"):
        with forked_workers(2, task) as sent:
            list(sent)
    assert time.monotonic() - started < 30  # the sleeping worker was killed, not waited for


def test_a_worker_that_dies_is_an_error_not_a_wait():
    from tertulia.aside import forked_workers

    def task(index):
        yield "x" * 200_000 if index else "fine"
        if index:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would

    from tertulia.errors import ToolFailed
    with pytest.raises(ToolFailed, match="killed by signal 9.*run out of memory"):
        with forked_workers(2, task) as sent:
            list(sent)


def test_without_a_process_to_spare_the_workers_work_is_done_here(monkeypatch):
    """A limit on processes (`ulimit -u`) was said as "output: could not be written or read: Resource
    temporarily unavailable" (a red team's): the work a worker could not be forked for is done here."""
    from tertulia.aside import Tickets, forked_workers
    forks = []

    def second_refused():
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", second_refused)

    _tickets_taken(40, 3)  # every one taken, though only one worker could be forked
    with Tickets(3) as tickets, forked_workers(3, lambda index: [(index, tickets.next(), os.getpid())]) as sent:
        received = sorted(message for _, message in sent)
    assert [index for index, _, _ in received] == [0, 1, 2] and received[1][2] == received[2][2] == os.getpid()


def test_without_a_thread_to_spare_the_work_set_aside_is_done_here(tmp_path, monkeypatch):
    """A red team's: with few processes allowed, the thread that takes the child's result could not start,
    and the build ended in a traceback, its child never waited for."""
    def refused(self):
        raise RuntimeError("can't start new thread")
    monkeypatch.setattr(threading.Thread, "start", refused)
    marker = tmp_path / "saved"
    with Aside(lambda: os.getpid(), then=lambda: marker.write_text("saved here")) as aside:
        assert aside.result() == os.getpid()
    assert marker.read_text() == "saved here"


SIGTERM_TO_THE_GROUP = """
import os, signal, sys, time
from tertulia.aside import forked_workers
from tertulia.interruptions import Terminated, stop_on_sigterm
stop_on_sigterm()

def big(index):
    while True:
        yield b"x" * 1_000_000  # bigger than a pipe holds: a worker is nearly always half-way through one

try:
    with forked_workers(2, big) as sent:
        for count, _ in enumerate(sent):
            if count == 20:
                os.killpg(0, signal.SIGTERM)  # as `timeout` and service managers send it
            time.sleep(0.01)
except Terminated:
    print("ended")
"""


def test_a_sigterm_to_the_whole_command_ends_it_and_its_workers():
    """A red team's: SIGTERM to a build's process group killed workers half-way through sending their
    results, and the build waited for the rest of them for ever (once in 30 to 40 runs)."""
    import subprocess
    import sys
    for _ in range(5):
        command = subprocess.run([sys.executable, "-c", SIGTERM_TO_THE_GROUP], cwd=ROOT, capture_output=True,
                                 text=True, timeout=60, start_new_session=True)
        assert (command.stdout, command.stderr) == ("ended\n", "")


def test_a_ctrl_c_swallowed_by_a_finalizer_is_raised_again(tmp_path):
    """A red team's: a Ctrl-C landing as a half-read generator was closed by the collector was dropped
    ("Exception ignored in: <generator object contents …>"), and the build went on to publish."""
    import subprocess
    import sys
    script = (
        "import signal, time\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal: a background job ignores it\n"
        "from tertulia.interruptions import stop_on_sigterm\n"
        "stop_on_sigterm()\n"
        "def reading():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        raise KeyboardInterrupt\n"
        "left = reading(); next(left); del left  # closed here, its KeyboardInterrupt unraisable\n"
        "try:\n"
        "    time.sleep(5)\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped')\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.stdout == "stopped\n", result.stderr
    assert "Exception ignored" not in result.stderr


KILLED_MID_WORK = """
import sys, time
from pathlib import Path
from tertulia.aside import forked_workers
from tertulia.interruptions import stop_on_sigterm
from tertulia.writing.write import output_lock
stop_on_sigterm()

def slow(n):
    print("working", flush=True)
    time.sleep(60)
    yield "x" * 100_000  # a result the dead parent's pipe could not take

with output_lock(Path(sys.argv[1])), forked_workers(2, slow) as sent:
    list(sent)
"""


def test_the_workers_of_a_build_killed_outright_end_with_it_and_free_the_output(tmp_path):
    """After `kill -9` of a build its workers lived on, blocked on pipes no one read, holding the output's
    lock: every later build was refused as "another build is writing there", until they were found and
    killed by hand (and those that woke printed tracebacks of a broken pipe)."""
    import subprocess
    import sys

    from tertulia.writing.write import output_lock
    command = subprocess.Popen([sys.executable, "-c", KILLED_MID_WORK, str(tmp_path / "out")], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert command.stdout.readline().startswith("working")  # two workers may say it on one line
    command.kill()
    _, stderr = command.communicate(timeout=30)  # its pipes close when the last worker is gone, not in 60 s
    assert stderr == ""
    with output_lock(tmp_path / "out"):  # refused, were a worker still holding it
        pass
