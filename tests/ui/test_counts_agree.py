"""Two exercises done: the tray, its tooltip, the review, ``stats`` and ``export`` all say 2.

The real app on a real SQLite journal, the exercises done with real clicks; ``stats`` and
``export`` run as the user runs them, in their own process, on the same journal file.
"""

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Settings, with_value
from movebreak.core.stats import minutes
from tests.fakes import FakeActivity, FakeClock
from tests.ui.conftest import User


def cli(root: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "movebreak", "--data-dir", str(root), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def on_disk(
    qtbot: QtBot, clock: FakeClock, source: FakeActivity, root: Path
) -> Iterator[MovebreakApp]:
    paths = AppPaths.under(root)
    paths.data_dir.mkdir(parents=True)
    journal = SqliteJournal.open(paths.journal_file)
    settings = with_value(Settings(), "goals", "back_checkin", False)
    built = MovebreakApp(
        settings, [], source=source, journal=journal, clock=clock, busy=lambda: None
    )
    yield built
    built.stop()
    journal.close()


def click(qtbot: QtBot, app: MovebreakApp, name: str) -> None:
    qtbot.waitUntil(app.prompt.accepting_input, timeout=2000)
    QTest.mouseClick(app.prompt.button(name), Qt.MouseButton.LeftButton)


def test_two_exercises_are_two_breaks_everywhere(
    on_disk: MovebreakApp, clock: FakeClock, source: FakeActivity, root: Path, qtbot: QtBot
) -> None:
    app = on_disk
    user = User(app, clock, source)
    assert "0 breaks today" in app.tray.menu_lines()
    for _ in range(2):
        user.until_prompted()
        click(qtbot, app, "Start")
        user.pause(40)  # doing it
        click(qtbot, app, "Done")
        click(qtbot, app, "Rate OK")
        user.work(1)
    day = app.coach.sitting_rules.day_of(clock.now())

    menu = app.tray.menu_lines()
    assert "2 breaks today" in menu
    assert not any(line == "No break yet" for line in menu)
    assert "2 breaks today" in app.tray.tooltip().splitlines()
    assert app.status()["breaks_today"] == 2

    review = app.open_review()
    assert review.figure("Breaks") == "2"
    assert review.figure("Prompts done") == "2"
    assert not review.figure_shown("Back (0-10)")  # the check-in is off

    stats = json.loads(cli(root, "stats", "--date", day.isoformat(), "--json"))
    assert stats["breaks"] == 2
    assert stats["prompts"]["done"] == 2
    events = json.loads(cli(root, "export", "--format", "json"))
    assert sum(1 for e in events if e["counts_as_break"]) == 2
    rows = list(csv.DictReader(io.StringIO(cli(root, "export"))))
    assert sum(1 for row in rows if row["counts_as_break"] == "True") == 2

    # Movement minutes agree too: the journal's seconds moved on exercises that count.
    moved = timedelta(seconds=sum(int(e["movement_seconds"]) for e in events))
    assert stats["movement_minutes"] == minutes(moved)
    ring = review.ring.accessibleDescription()
    assert f"{minutes(moved):g} of 10 minutes moved" in ring, ring


def test_the_back_figure_shows_only_while_the_checkin_is_on(
    on_disk: MovebreakApp, qtbot: QtBot
) -> None:
    app = on_disk
    assert not app.open_review().figure_shown("Back (0-10)")
    app.apply_settings(with_value(app.settings, "goals", "back_checkin", True))
    review = app.open_review()
    assert review.figure_shown("Back (0-10)")
    assert review.figure("Back (0-10)") == "not answered"


def test_after_a_restart_the_tray_still_counts_the_days_breaks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    afternoon = now.replace(hour=15, minute=0, second=0, microsecond=0)  # far from 04:00
    clock = FakeClock(afternoon if afternoon >= now else afternoon + timedelta(days=1))
    path = tmp_path / "journal.sqlite3"

    def start() -> tuple[MovebreakApp, SqliteJournal, FakeActivity]:
        journal = SqliteJournal.open(path)
        source = FakeActivity(clock)
        app = MovebreakApp(
            Settings(), [], source=source, journal=journal, clock=clock, busy=lambda: None
        )
        return app, journal, source

    app, journal, source = start()
    assert app.coach.break_now()
    source.touch()  # the click on Start is input
    assert app.coach.start()
    clock.advance(timedelta(seconds=40))
    source.touch()  # and so is the click on Done
    app.sample()
    assert app.coach.done()  # one exercise
    clock.advance(timedelta(minutes=7))  # then away from the desk: a natural break
    source.touch()
    app.sample()
    assert app.status()["breaks_today"] == 2
    app.stop()
    journal.close()

    again, journal, _ = start()
    try:
        assert again.status()["breaks_today"] == 2
        assert "2 breaks today" in again.tray.menu_lines()
    finally:
        again.stop()
        journal.close()
