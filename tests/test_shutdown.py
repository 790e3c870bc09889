"""SIGTERM (a logout, ``kill``) or SIGINT (Ctrl+C) at any moment ends the real app cleanly.

Each round starts ``python -m movebreak`` offscreen on one profile and sends the signal
at a set moment from 0 to 2 s after the start: while Python imports, before Qt's event
loop runs, during the start-up's second step, with a prompt open, while a command that
writes the journal is in flight. Meanwhile the test drives the app as a user would
(``break-now``, then ``done``, ``snooze`` or ``skip``). After each round: exit status 0,
``PRAGMA integrity_check`` ok, every outcome a command confirmed in the journal, the log
with an ``app.quit`` for every ``app.start`` and no traceback, and the next start not
blocked by anything the last one left.

Before the interpreter has run movebreak's first line nothing can catch a signal: the
kernel's default action ends the process (by the signal, before any file is touched).
The test reads whether the handler is in place (``SigCgt`` in /proc/PID/status) at the
moment it signals, requires status 0 whenever it is, and counts the rounds before it.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_crash import Profile, journal_counts
from tests.waiting import wait_for

# Dense in the first few hundred milliseconds, where the start-up steps are.
MOMENTS = (
    *(0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2),
    *(0.25, 0.3, 0.4, 0.5, 0.65, 0.8, 1.0, 1.3, 1.6, 2.0),
)
OUTCOMES = {"done": "prompt.done", "snooze": "prompt.snoozed", "skip": "prompt.skipped"}


def handler_installed(pid: int) -> bool:
    """Whether ``pid`` catches SIGTERM now (movebreak's handler, installed after SIGINT's)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(
        next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16
    )
    return bool(caught >> (signal.SIGTERM - 1) & 1)


def phase(log: Path, offset: int) -> str:
    """How far this round's start had got, from its log lines so far."""
    text = log.read_text(encoding="utf-8")[offset:] if log.exists() else ""
    for event, name in (
        ("app.ready", "running"),
        ("app.tray", "second step"),
        ("app.start", "first step"),
    ):
        if event in text:
            return name
    return "before logging"


@dataclass
class Signaller:
    """Sends ``number`` to ``process`` ``delay`` seconds after the start; notes the moment."""

    process: subprocess.Popen[bytes]
    number: signal.Signals
    delay: float
    log: Path
    offset: int
    fired: threading.Event = field(default_factory=threading.Event)
    caught: bool = False
    phase: str = ""
    in_flight: str | None = None
    during: str | None = None

    def __post_init__(self) -> None:
        self._timer = threading.Timer(self.delay, self._send)
        self._timer.start()

    def _send(self) -> None:
        self.caught = handler_installed(self.process.pid)
        self.phase = phase(self.log, self.offset)
        self.during = self.in_flight
        self.fired.set()
        self.process.send_signal(self.number)

    def join(self) -> None:
        self._timer.join()


def shutdown_rounds(tmp_path: Path, number: signal.Signals, moments: tuple[float, ...]) -> None:
    profile = Profile(tmp_path / "profile")
    confirmed: Counter[str] = Counter()
    possible: Counter[str] = Counter()
    figures: Counter[str] = Counter()
    for moment in moments:
        log = profile.paths.log_file
        offset = len(log.read_text(encoding="utf-8")) if log.exists() else 0
        output_before = profile.output.read_text() if profile.output.exists() else ""
        process = profile.start()
        signaller = Signaller(process, number, moment, log, offset)
        state = "starting"
        outcomes = iter(list(OUTCOMES) * 10)
        while not signaller.fired.is_set():
            if state == "starting":  # asked in-process: a command per poll would slow the start
                if profile.answers():
                    state = "watching"
                else:
                    signaller.fired.wait(0.02)
                continue
            command = "break-now" if state == "watching" else next(outcomes)
            signaller.in_flight = command
            result = profile.cli(command)
            signaller.in_flight = None
            if command in OUTCOMES:
                possible[OUTCOMES[command]] += 1
            if result.returncode == 0:
                state = "prompting" if command == "break-now" else "watching"
                if command in OUTCOMES:
                    confirmed[OUTCOMES[command]] += 1
            elif not signaller.fired.is_set():
                raise AssertionError(f"{command} refused in {state}: {result.stderr}")
        signaller.join()
        status = process.wait(timeout=30)
        context = f"{number.name} at {moment:.2f} s ({signaller.phase}); output in {profile.output}"
        figures[signaller.phase] += 1
        if signaller.caught:
            assert status == 0, context
            figures["handled"] += 1
        else:  # the interpreter had not reached movebreak's first line: nothing could catch it
            assert status in (0, -number, 1), context
            figures["before the handler"] += 1
        said = profile.output.read_text()[len(output_before) :]
        assert "already running" not in said, f"blocked by what the last round left ({context})"
        assert "Traceback" not in said or not signaller.caught, context
        if profile.paths.journal_file.exists():
            counts, _ = journal_counts(profile.paths.journal_file)
            for kind in OUTCOMES.values():
                assert confirmed[kind] <= counts[kind] <= possible[kind], (
                    f"{kind}: confirmed {confirmed[kind]}, journal {counts[kind]} ({context})"
                )
        else:
            assert not confirmed, context
        if log.exists():
            text = log.read_text(encoding="utf-8")[offset:]
            assert text.count("app.start") == text.count("app.quit status=0"), text
            assert "Traceback" not in text, context
    summary = ", ".join(f"{k} {v}" for k, v in sorted(figures.items()))
    print(f"\n{number.name} at {len(moments)} moments: {summary}; confirmed {dict(confirmed)}")
    assert figures["handled"] >= len(moments) // 2, summary


@pytest.mark.parametrize(
    ("number", "moments"),
    [(signal.SIGTERM, MOMENTS), (signal.SIGINT, (0, 0.06, 0.16, 0.4, 1.0, 1.6, 2.0))],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_signal_at_any_moment_of_the_first_two_seconds_ends_the_app_cleanly(
    tmp_path: Path, number: signal.Signals, moments: tuple[float, ...]
) -> None:
    shutdown_rounds(tmp_path, number, moments)


def test_sigterm_with_a_prompt_open_and_done_in_flight_keeps_what_was_confirmed(
    tmp_path: Path,
) -> None:
    """However slow the machine: the signal lands while the app takes a journal write."""
    profile = Profile(tmp_path / "profile")
    delays = (0.0, 0.0005, 0.001, 0.002, 0.005, 0.01)
    confirmed = 0
    for delay in delays:
        process = profile.start()
        try:
            wait_for(profile.answers, "the app to answer")
            assert profile.cli("break-now").returncode == 0
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.settimeout(30)
                connection.connect(str(profile.paths.control_socket))
                connection.sendall(b'{"command": "done"}\n')
                time.sleep(delay)
                process.send_signal(signal.SIGTERM)
                answer = connection.makefile("rb").readline()
            assert process.wait(timeout=30) == 0, f"SIGTERM {delay} s after done was sent"
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        confirmed += bool(answer) and json.loads(answer)["ok"]
        counts, _ = journal_counts(profile.paths.journal_file)
        assert confirmed <= counts["prompt.done"] <= len(delays), f"delay {delay}: {counts}"
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert log.count("app.start") == log.count("app.quit status=0") == len(delays)
    assert "Traceback" not in log
    print(f"\ndone confirmed in {confirmed} of {len(delays)} rounds signalled as it came in")
