"""SIGKILL the real app at random moments: the journal stays whole and keeps what it confirmed.

Each round starts ``python -m movebreak`` offscreen on one profile, drives it with the
control commands a user types (``break-now``, ``done``, ``skip``, ``snooze``, ``pause``,
``resume``) and the ones that write the journal directly (``log``, ``checkin``), and kills
it with SIGKILL at a random moment: during start-up, between commands, or while one is in
flight. Then the journal must pass ``PRAGMA integrity_check`` and hold every outcome a
command confirmed (exit 0), and none that was never asked for. The next round's start is
the restart check: a stale control socket must not stop it.

Bounded: ``MOVEBREAK_CRASH_KILLS`` rounds (25) or ``MOVEBREAK_CRASH_SECONDS`` (60),
whichever comes first. ``MOVEBREAK_CRASH_SEED`` replays a run; the seed is in the
failure message.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from movebreak.adapters.paths import AppPaths
from movebreak.cli.control_client import NotRunningError, request
from tests.waiting import wait_for

KILLS = int(os.environ.get("MOVEBREAK_CRASH_KILLS", "25"))
SECONDS = float(os.environ.get("MOVEBREAK_CRASH_SECONDS", "60"))


def app_env() -> dict[str, str]:
    """No display, no session bus: the app must run (and be killed) without either."""
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@dataclass
class Ledger:
    """What the commands confirmed (a floor) and what they could have written (a ceiling)."""

    confirmed: Counter[str] = field(default_factory=Counter)
    possible: Counter[str] = field(default_factory=Counter)
    checkin_scores: set[int] = field(default_factory=set)  # the row may hold any of these

    def expect(self, effects: Counter[str], *, confirmed: bool) -> None:
        self.possible.update(effects)
        if confirmed:
            self.confirmed.update(effects)


# Which commands make sense in each state the test believes the app is in, and what a
# confirmed one writes to the journal (table.outcome keys) and leaves the app in.
def effects(command: str, state: str) -> tuple[Counter[str], str]:
    match command, state:
        case "break-now", "paused":
            return Counter(), "prompting"  # break-now ends the pause: its row is closed
        case "break-now", _:
            return Counter(), "prompting"
        case "done", _:
            return Counter({"prompt.done": 1}), "watching"
        case "skip", _:
            return Counter({"prompt.skipped": 1}), "watching"
        case "snooze", _:
            return Counter({"prompt.snoozed": 1}), "snoozed"
        case "pause", "prompting":  # an open prompt is skipped; the pause is kept at once
            return Counter({"prompt.skipped": 1, "pause": 1}), "paused"
        case "pause", _:  # a new length closes the pause under way and starts another
            return Counter({"pause": 1}), "paused"
        case "resume", _:
            return Counter(), "watching"  # the pause's row is closed
        case "log", _:
            return Counter({"activity": 1}), state
        case "checkin", _:
            return Counter({"checkin": 1}), state
    raise AssertionError(command)


SENSIBLE = {
    "watching": ["break-now", "pause"],
    "snoozed": ["break-now", "pause"],
    "prompting": ["done", "skip", "snooze", "pause"],
    "paused": ["resume", "break-now", "pause"],
}
ANY = ["break-now", "done", "skip", "snooze", "pause", "resume"]


def journal_counts(path: Path) -> tuple[Counter[str], dict[str, int]]:
    """Integrity first, then rows by kind; read-only, as a second process would."""
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_schema")}
        if "checkin" not in tables:  # killed before the first migration committed
            return Counter(), {}
        counts: Counter[str] = Counter()
        for outcome, n in db.execute("SELECT outcome, count(*) FROM prompt GROUP BY outcome"):
            counts[f"prompt.{outcome}"] = n
        counts["activity"] = db.execute("SELECT count(*) FROM activity").fetchone()[0]
        counts["pause"] = db.execute("SELECT count(*) FROM pause").fetchone()[0]
        checkins = dict(db.execute("SELECT day, score FROM checkin"))
        counts["checkin"] = len(checkins)
        return counts, checkins
    finally:
        db.close()


class Profile:
    """One ``--data-dir`` and the app processes started on it, one at a time."""

    def __init__(self, root: Path):
        self.root = root
        self.paths = AppPaths.under(root)
        self.output = root.parent / "app-output.txt"

    def start(self) -> subprocess.Popen[bytes]:
        with self.output.open("ab") as output:
            return subprocess.Popen(
                [sys.executable, "-m", "movebreak", "--data-dir", str(self.root)],
                env=app_env(),
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def answers(self) -> bool:
        try:
            return bool(request(self.paths.control_socket, "status").get("ok"))
        except (NotRunningError, OSError, ValueError):
            return False

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "movebreak", "--data-dir", str(self.root), *args],
            env=app_env(),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )


@dataclass
class Killer:
    """SIGKILLs ``process`` after ``delay`` seconds, noting whether a command was in flight."""

    process: subprocess.Popen[bytes]
    delay: float
    in_flight: str | None = None
    fired: threading.Event = field(default_factory=threading.Event)
    during: str | None = None

    def __post_init__(self) -> None:
        self._timer = threading.Timer(self.delay, self._kill)
        self._timer.start()

    def _kill(self) -> None:
        self.during = self.in_flight
        self.fired.set()  # before the signal: a command failing from now on is the kill's
        self.process.send_signal(signal.SIGKILL)

    def wait(self) -> int:
        self._timer.join()
        return self.process.wait(timeout=30)


def test_sigkill_at_random_moments_loses_nothing_confirmed(tmp_path: Path) -> None:
    seed = int(os.environ.get("MOVEBREAK_CRASH_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    profile = Profile(tmp_path / "profile")
    ledger = Ledger()
    figures: Counter[str] = Counter()
    started = time.monotonic()
    context = f"seed {seed}; app output in {profile.output}"

    pause_left = False  # a pause may be under way in the journal: a restart carries it on
    pause_sure = False  # one confirmed and not ended: the restart must carry it on
    while figures["kills"] < KILLS and time.monotonic() - started < SECONDS:
        stale_socket = profile.paths.control_socket.exists()
        process = profile.start()
        in_start_up = rng.random() < 0.2
        if pause_left:  # carried on: the row before the crash is closed, a new one opens
            ledger.expect(Counter({"pause": 1}), confirmed=False)
        state = "watching"  # a new instance: no prompt
        if not in_start_up:
            wait_for(profile.answers, f"the app to answer on its socket ({context})")
            figures["restarts answered"] += 1
            figures["restarts over a stale socket"] += stale_socket
            paused = json.loads(profile.cli("status", "--json").stdout)["state"] == "paused"
            assert paused or not pause_sure, f"a confirmed pause lost at a kill ({context})"
            if paused:
                assert pause_left, f"paused after a restart with no pause left ({context})"
                figures["pauses carried"] += 1
                state = "paused"
            pause_left = paused
        killer = Killer(process, rng.uniform(0.02, 0.8) if in_start_up else rng.uniform(0, 2.5))
        while not killer.fired.is_set():
            if rng.random() < 0.3 and killer.fired.wait(rng.uniform(0, 0.3)):
                break  # killed while idle, between commands
            if in_start_up or rng.random() < 0.25:  # need no app (in start-up: race it)
                command = rng.choice(["log", "checkin"])
            elif rng.random() < 0.1:
                command = rng.choice(ANY)  # maybe nonsense now: must be refused, write nothing
            else:
                command = rng.choice(SENSIBLE[state])
            args = {"pause": ["pause", "30m"], "log": ["log", "5m", "walk"]}.get(command, [command])
            score = rng.randint(0, 10)
            if command == "checkin":
                args = ["checkin", str(score)]
            sensible = command in ("log", "checkin") or command in SENSIBLE[state]
            killer.in_flight = command
            result = profile.cli(*args)
            killer.in_flight = None
            writes, after = effects(command, state)
            if result.returncode == 0:
                assert sensible or killer.fired.is_set(), f"{command} in {state}: {context}"
                ledger.expect(writes, confirmed=True)
                state = after
                figures["confirmed"] += 1
            elif killer.fired.is_set():
                ledger.expect(writes, confirmed=False)  # may or may not have landed
            else:
                assert not sensible, f"{command} refused in {state}: {result.stderr} ({context})"
                figures["refused"] += 1
            if command == "checkin":
                if result.returncode == 0:
                    ledger.checkin_scores = {score}
                else:
                    ledger.checkin_scores.add(score)
        assert killer.wait() == -signal.SIGKILL, context
        if not in_start_up:  # 30-minute pauses outlive this test: one set is under way still
            pause_left = state == "paused" or killer.during == "pause"  # (or maybe set)
            pause_sure = state == "paused" and killer.during not in ("resume", "break-now")
        figures["kills"] += 1
        figures["kills during start-up"] += in_start_up
        figures["kills mid-command"] += killer.during is not None

        journal = profile.paths.journal_file
        if not journal.exists():
            assert not ledger.confirmed, context
            continue
        counts, checkins = journal_counts(journal)
        for kind in (ledger.possible | counts).keys() - {"checkin"}:  # one row a day, below
            # A pause ended or replaced within its first second paused nothing and leaves
            # no row; what a confirmed pause promises is checked at the restart instead.
            confirmed = 0 if kind == "pause" else ledger.confirmed[kind]
            assert confirmed <= counts[kind] <= ledger.possible[kind], (
                f"{kind}: confirmed {ledger.confirmed[kind]}, in journal {counts[kind]}, "
                f"possible {ledger.possible[kind]} ({context})"
            )
        if ledger.confirmed["checkin"]:
            assert len(checkins) == 1, context  # a second answer the same day replaces
            assert set(checkins.values()) <= ledger.checkin_scores, context
        elif not ledger.possible["checkin"]:
            assert checkins == {}, context
        assert not list(journal.parent.glob("*.corrupt-*")), f"set aside after a kill ({context})"

    # A last start on the same profile: it answers, reports sensibly and quits cleanly.
    process = profile.start()
    wait_for(profile.answers, f"the app to start after the last kill ({context})")
    status = json.loads(profile.cli("status", "--json").stdout)
    assert status["state"] in ("seated", "standing", *(["paused"] if pause_left else [])), context
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, context
    journal_counts(profile.paths.journal_file)
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert "Traceback" not in log, context
    assert "journal.damaged" not in log, context
    assert "journal.unavailable" not in log, context

    elapsed = time.monotonic() - started
    summary = ", ".join(f"{k} {v}" for k, v in sorted(figures.items()))
    print(f"\ncrash test: {elapsed:.0f} s, {summary}; journal {dict(ledger.confirmed)}; {context}")
    assert figures["kills"] >= min(KILLS, 5), f"only {figures['kills']} kills in time: {context}"


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a journal" * 500)


def _newer(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("spoil", "set_aside"), [(_garbage, True), (_newer, False), (_folder, False)]
)
def test_the_real_app_starts_whatever_the_journal_file_holds(
    tmp_path: Path, spoil: Callable[[Path], None], set_aside: bool
) -> None:
    profile = Profile(tmp_path / "profile")
    journal = profile.paths.journal_file
    journal.parent.mkdir(parents=True)
    spoil(journal)
    before = journal.read_bytes() if journal.is_file() else None
    process = profile.start()
    try:
        wait_for(profile.answers, "the app to start on a spoiled journal")
        confirmed = profile.cli("break-now").returncode == 0 and profile.cli("done").returncode == 0
        assert confirmed
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
    log = profile.paths.log_file.read_text(encoding="utf-8")
    aside = list(journal.parent.glob("journal.sqlite3.corrupt-????????-??????"))
    if set_aside:
        assert [p.read_bytes() for p in aside] == [before]
        assert "journal.set_aside" in log
        counts, _ = journal_counts(journal)  # a new journal, in use
        assert counts["prompt.done"] == 1
    else:
        assert aside == []
        assert "journal.unavailable" in log
        assert (journal.read_bytes() if journal.is_file() else None) == before
    assert "Traceback" not in log
