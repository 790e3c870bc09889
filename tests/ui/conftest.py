import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

# Qt widget tests run without a screen; the e2e tests use a real X server instead.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Settings
from tests.fakes import FakeActivity, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    # Starts at the real time: the app's real scheduler must never see a wake-up in the past.
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def source(clock: FakeClock) -> FakeActivity:
    return FakeActivity(clock)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[SqliteJournal]:
    opened = SqliteJournal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def app(
    qtbot: QtBot, clock: FakeClock, source: FakeActivity, journal: SqliteJournal
) -> Iterator[MovebreakApp]:
    built = MovebreakApp(
        Settings(), [], source=source, journal=journal, clock=clock, busy=lambda: None
    )
    yield built
    built.stop()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "profile")


@pytest.fixture
def app_with_files(
    qtbot: QtBot, clock: FakeClock, journal: SqliteJournal, paths: AppPaths
) -> Iterator[MovebreakApp]:
    """The app with real profile folders, for windows that save to config.toml."""
    built = MovebreakApp(
        Settings(), [], source=FakeActivity(clock), journal=journal, clock=clock,
        busy=lambda: None, paths=paths,
    )  # fmt: skip
    yield built
    built.stop()


class User:
    """Types, pauses and clicks, with the app sampling every 15 s as it does for real."""

    def __init__(self, app: MovebreakApp, clock: FakeClock, source: FakeActivity):
        self.app, self.clock, self.source = app, clock, source

    def work(self, minutes: float) -> None:
        for _ in range(int(minutes * 4)):
            self.clock.advance(timedelta(seconds=15))
            self.source.touch()
            self.app.sample()

    def pause(self, seconds: int = 5) -> None:
        self.clock.advance(timedelta(seconds=seconds))
        self.app.sample()

    def until_prompted(self) -> None:
        self.work(30)
        self.pause()
        assert self.app.prompt.isVisible()


@pytest.fixture
def user(app: MovebreakApp, clock: FakeClock, source: FakeActivity) -> User:
    return User(app, clock, source)
