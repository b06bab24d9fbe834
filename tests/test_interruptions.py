"""What a command killed outright leaves behind is cleared away by the next one: its scratch folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tertulia.interruptions import ABANDONED_AFTER, scratch_folder


def _dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


def _left(folder, name: str, age: float):
    (folder / name).mkdir()
    (folder / name / "page.html").write_text("<p>a site no one publishes</p>")
    then = time.time() - age
    os.utime(folder / name, (then, then))
    return folder / name


def test_a_scratch_folder_clears_those_that_killed_commands_left_and_nothing_else(tmp_path):
    dead, hour = _dead_pid(), ABANDONED_AFTER
    abandoned = _left(tmp_path, f"tertulia-search-{dead}-k2j4", hour + 60)
    recent = _left(tmp_path, f"tertulia-search-{dead}-a8f1", 60)  # another container's, maybe: its id means nothing here
    alive = _left(tmp_path, f"tertulia-search-{os.getppid()}-x0q9", hour * 5)  # a command still at work
    unnamed = _left(tmp_path, "tertulia-search-qz81", hour * 5)  # an older Tertulia's: whose is unknown
    other = _left(tmp_path, f"tertulia-{dead}-p1", hour * 5)
    target = _left(tmp_path, "elsewhere", hour * 5)
    (tmp_path / f"tertulia-search-{dead}-link").symlink_to(target)
    made = scratch_folder("tertulia-search-", tmp_path)
    assert made.is_dir() and made.name.startswith(f"tertulia-search-{os.getpid()}-") and made.parent == tmp_path
    assert not abandoned.exists()
    assert all(folder.is_dir() for folder in (recent, alive, unnamed, other))
    assert (target / "page.html").exists() and (tmp_path / f"tertulia-search-{dead}-link").is_symlink()


def test_an_import_clears_the_staging_an_import_killed_outright_left_in_content(tmp_path):
    from helpers import ROOT, run_cli
    content = tmp_path / "site" / "content"
    content.mkdir(parents=True)
    left = _left(content, f".import-{_dead_pid()}-sg02lf68", ABANDONED_AFTER + 60)
    export = ROOT / "tests" / "fixtures" / "wordpress" / "blog.xml"
    result = run_cli("import", "wordpress", str(export), "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert not [name for name in os.listdir(content) if name.startswith(".import-")]


def test_a_hang_up_is_taken_as_sigterm_unless_the_command_runs_under_nohup():
    script = ("import signal, sys\n"
              "if sys.argv[1] == 'nohup':\n"
              "    signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
              "from tertulia.interruptions import HungUp, stop_on_sigterm\n"
              "stop_on_sigterm()\n"
              "try:\n"
              "    signal.raise_signal(signal.SIGHUP)\n"
              "    print('ignored')\n"
              "except HungUp:\n"
              "    print('stopped')\n")
    from helpers import ROOT
    said = [subprocess.run([sys.executable, "-c", script, how], cwd=ROOT, capture_output=True, text=True,
                           timeout=30).stdout for how in ("terminal", "nohup")]
    assert said == ["stopped\n", "ignored\n"]


def test_a_second_sigterm_during_the_first_ones_clean_up_is_the_same_request_said_twice():
    """Two polite kills a moment apart (a process group's and its leader's): the second one, landing
    as the first one's clean-up runs, neither cuts it short nor replaces what the first one says."""
    script = ("import signal\n"
              "from tertulia.interruptions import Terminated, stop_on_sigterm\n"
              "stop_on_sigterm()\n"
              "cleared = []\n"
              "try:\n"
              "    try:\n"
              "        raise Terminated('the new output is in place')\n"
              "    finally:\n"
              "        signal.raise_signal(signal.SIGTERM)\n"
              "        cleared.append('staging')\n"
              "except Terminated as stop:\n"
              "    signal.raise_signal(signal.SIGTERM)  # as the first one is said\n"
              "    print(stop.args[0], cleared)\n"
              "try:\n"
              "    signal.raise_signal(signal.SIGTERM)\n"
              "except Terminated:\n"
              "    print('a later one stops it as ever')\n")
    from helpers import ROOT
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.stdout == "the new output is in place ['staging']\na later one stops it as ever\n", done.stderr


def test_a_second_ctrl_c_while_the_first_is_said_ends_the_command_without_a_traceback(monkeypatch, capsys):
    from tertulia.commands import args, cli

    def said_while_interrupted_again(_):
        try:
            raise KeyboardInterrupt("the previous output is untouched")
        except KeyboardInterrupt:
            raise KeyboardInterrupt from None  # the second one, inside the first one's handler
    monkeypatch.setattr(cli, "run", said_while_interrupted_again)
    try:
        status = args.main(["check"])
    except KeyboardInterrupt:  # out of the command: Python would print a traceback
        status = "a traceback"
    assert status == 130
    # a SIGTERM landing before the command takes it in hand (CI, once): said, not a silent exit 143
    monkeypatch.setattr(cli, "run", lambda _: signal.raise_signal(signal.SIGTERM))
    from tertulia.interruptions import stop_on_sigterm
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # stop_on_sigterm wraps it: put back after
    stop_on_sigterm()  # as `run` does first (the conftest gives pytest its handlers back)
    capsys.readouterr()
    assert args.main(["check"]) == 143
    assert capsys.readouterr().err == "interrupted; the previous output is untouched\n"


def test_a_second_sigterm_after_the_first_is_said_ends_nothing_more():
    """Python puts back the default action of its handlers as it shuts down: a second polite kill landing
    then ended the command by the signal (exit -15, not 143) once in ten double kills of a build."""
    script = ("import os, signal, sys, time\n"
              "from tertulia.commands import args, cli\n"
              "def killed(_):\n"
              "    signal.raise_signal(signal.SIGTERM)\n"
              "cli._site_command = killed\n"
              "status = args.main(['check'])\n"
              "os.kill(os.getpid(), signal.SIGTERM)  # the second one, as the command ends\n"
              "time.sleep(0.2)\n"
              "print('ended', status)\n"
              "sys.exit(status)\n")
    from helpers import ROOT
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout) == (143, "ended 143\n"), done.stderr
    assert done.stderr == "interrupted; the previous output is untouched\n"
