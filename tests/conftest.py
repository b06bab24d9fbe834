"""Fixtures shared by every test folder."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from helpers import FIXTURE, run_cli


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture content built once into a folder, through the real command line."""
    out = tmp_path_factory.mktemp("fixture") / "output"
    result = run_cli("build", "--content", str(FIXTURE), "--output", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def ctrl_c_at_a_terminal():
    """Ctrl-C as a terminal gives it, for a test that presses it: a suite started as a background job
    inherits SIGINT ignored (shells do that without job control), and no KeyboardInterrupt would come."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture(autouse=True)
def signals_as_they_were():
    """A command run in the test's own process takes over its interruptions (SIGTERM raises, and once
    it ends for one, the rest are ignored), as it would its own process: the next test gets them back."""
    held = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    handlers = [signal.getsignal(number) for number in held]
    yield
    for number, handler in zip(held, handlers):
        if handler is not None and threading.current_thread() is threading.main_thread():  # (else none can be set)
            signal.signal(number, handler)


def pytest_assertrepr_compare(op, left, right):
    """Two folders' files (path -> bytes) compared: which paths differ, not every byte of both, so
    that a failure fits in a CI log's last lines and says what went wrong."""
    if op != "==" or not (_files(left) and _files(right)):
        return None
    only_left, only_right = sorted(left.keys() - right.keys()), sorted(right.keys() - left.keys())
    differing = sorted(path for path in left.keys() & right.keys() if left[path] != right[path])
    lines = [f"files differ: {len(left)} on the left, {len(right)} on the right",
             f"only on the left ({len(only_left)}): {only_left[:10]}",
             f"only on the right ({len(only_right)}): {only_right[:10]}",
             f"differing ({len(differing)}): {differing[:10]}"]
    if differing:
        import difflib
        first = differing[0]
        lines += [f"{first}, first differing lines:"] + list(difflib.unified_diff(
            left[first].decode("utf-8", "replace").splitlines(), right[first].decode("utf-8", "replace").splitlines(),
            "left", "right", n=0, lineterm=""))[2:12]
    return lines


def _files(value) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in value.items())


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """After every other summary: each failed test and the last line of what failed, so the end
    of a long CI log names them."""
    result = yield
    failed = terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", [])
    if failed:
        terminalreporter.section("what failed, in short", sep="-")
        for report in failed:
            crash = getattr(report.longrepr, "reprcrash", None)
            said = crash.message.splitlines()[0][:300] if crash and crash.message else ""
            terminalreporter.line(f"{report.nodeid}: {said}")
    return result
