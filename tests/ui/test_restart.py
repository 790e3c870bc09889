"""The app restarted on the same journal file: short downtimes continue, long ones don't.

A crash is modelled by copying the journal and its ``-wal`` while the first app still has
them open: that is exactly what a SIGKILL or a power cut leaves on disk (every write is
committed with ``synchronous = FULL``). tests/test_crash.py kills the real process.
"""

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal, open_journal
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Settings
from movebreak.core.stats import summarise
from tests.fakes import FakeActivity, FakeClock


class Run:
    """One run of the app on ``path`` with the shared fake clock."""

    def __init__(self, qtbot: QtBot, clock: FakeClock, path: Path):
        self.clock = clock
        self.journal, problem = open_journal(path)
        assert problem is None
        self.source = FakeActivity(clock)
        self.app = MovebreakApp(
            Settings(), [], source=self.source, journal=self.journal, clock=clock,
            busy=lambda: None,
        )  # fmt: skip
        self.stopped = False

    def work(self, minutes: float) -> None:
        for _ in range(int(minutes * 4)):
            self.clock.advance(timedelta(seconds=15))
            self.source.touch()
            self.app.sample()

    def crash_copy(self, into: Path) -> Path:
        """What a SIGKILL leaves on disk now: the file and its WAL, copied while open."""
        into.mkdir()
        for suffix in ("", "-wal"):
            shutil.copy(f"{self.journal.path}{suffix}", into / f"journal.sqlite3{suffix}")
        return into / "journal.sqlite3"

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.app.stop()
            self.journal.close()


@pytest.fixture
def clock() -> FakeClock:
    # The real time (the app's real scheduler needs it), on a whole second: the journal
    # keeps seconds, and the figures below are exact.
    return FakeClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def runs(qtbot: QtBot, clock: FakeClock) -> Iterator[list[Run]]:
    started: list[Run] = []
    yield started
    for run in started:
        run.stop()


def test_a_quick_restart_after_a_crash_continues_the_seated_stretch(
    qtbot: QtBot, clock: FakeClock, tmp_path: Path, runs: list[Run]
) -> None:
    first = Run(qtbot, clock, tmp_path / "journal.sqlite3")
    runs.append(first)
    first.work(20)
    assert first.app.tray.menu_lines()[0] == "Seated 20 min"
    on_disk = first.crash_copy(tmp_path / "after-kill")
    first.stop()

    clock.advance(timedelta(minutes=2))  # downtime shorter than natural_break (5 min)
    second = Run(qtbot, clock, on_disk)
    runs.append(second)
    assert second.app.tray.menu_lines()[:2] == ["Seated 22 min", "Next prompt in 8 min"]
    second.work(3)
    second.stop()

    journal = SqliteJournal.open(on_disk)
    stretches = journal.stretches()
    assert len(stretches) == 1  # continued and replaced, not counted twice
    assert stretches[0].end - stretches[0].start == timedelta(minutes=25)
    assert journal.breaks() == []
    rules = second.app.coach.sitting_rules
    day = summarise(
        rules.day_of(clock.now()), rules, prompts=journal.prompts(), breaks=journal.breaks(),
        stretches=stretches, activities=journal.activities(), movement_ids=None,
        goal=timedelta(minutes=30),
    )  # fmt: skip
    assert day.seated == timedelta(minutes=25)
    assert day.movement == timedelta(0)
    journal.close()


def test_a_long_downtime_starts_afresh_and_is_not_counted_as_movement(
    qtbot: QtBot, clock: FakeClock, tmp_path: Path, runs: list[Run]
) -> None:
    first = Run(qtbot, clock, tmp_path / "journal.sqlite3")
    runs.append(first)
    first.work(20)
    on_disk = first.crash_copy(tmp_path / "after-kill")
    first.stop()

    clock.advance(timedelta(minutes=40))
    second = Run(qtbot, clock, on_disk)
    runs.append(second)
    assert second.app.tray.menu_lines()[:2] == ["Seated 0 s", "Next prompt in 30 min"]
    assert second.app.status()["breaks_today"] == 0
    second.work(2)
    second.stop()

    journal = SqliteJournal.open(on_disk)
    lengths = [s.end - s.start for s in journal.stretches()]
    assert len(lengths) == 2
    assert timedelta(minutes=19) <= lengths[0] <= timedelta(minutes=20)  # kept at most 1 min late
    assert lengths[1] == timedelta(minutes=2)
    assert journal.breaks() == []  # the downtime is not a break...
    assert journal.prompts() == []  # ...nor movement
    assert journal.activities() == []
    journal.close()


def test_the_review_counts_the_kept_stretch_under_way_once(
    qtbot: QtBot, clock: FakeClock, tmp_path: Path, runs: list[Run]
) -> None:
    run = Run(qtbot, clock, tmp_path / "journal.sqlite3")
    runs.append(run)
    run.work(12)
    assert len(run.journal.stretches()) == 1  # the stretch under way is already kept
    window = run.app.open_review()
    assert window.figure("Seated") == "12 min"
