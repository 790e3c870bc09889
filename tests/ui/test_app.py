"""The app object, offscreen: no tray host exists there, and the app must cope."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from movebreak.app import MovebreakApp, sample_interval
from movebreak.core.problems import Problem
from movebreak.core.settings import Breaks, Settings
from tests.fakes import FakeActivity, FakeClock

SETTINGS = Settings(breaks=Breaks(sitting_limit=timedelta(minutes=30)))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def source(clock: FakeClock) -> FakeActivity:
    return FakeActivity(clock)


@pytest.fixture
def app(qtbot: QtBot, clock: FakeClock, source: FakeActivity) -> Iterator[MovebreakApp]:
    built = MovebreakApp(SETTINGS, [], source=source, clock=clock)
    yield built
    built.stop()


def work(app: MovebreakApp, clock: FakeClock, source: FakeActivity, minutes: int) -> None:
    for _ in range(minutes):
        clock.advance(timedelta(minutes=1))
        source.touch()
        app.sample()


def test_the_tooltip_shows_seated_time_live(
    app: MovebreakApp, clock: FakeClock, source: FakeActivity
) -> None:
    assert app.tray.tooltip().startswith("movebreak\nSeated 0 s of 30 min")
    work(app, clock, source, 23)
    assert app.tray.tooltip().startswith("movebreak\nSeated 23 min of 30 min")
    assert app.tray.menu_lines()[0] == "Seated 23 min"


def test_stepping_away_resets_seated_time_and_counts_a_break(
    app: MovebreakApp, clock: FakeClock, source: FakeActivity
) -> None:
    work(app, clock, source, 20)
    clock.advance(timedelta(minutes=6))
    app.sample()
    assert app.tray.menu_lines()[0] == "Away 6 min"
    clock.advance(timedelta(minutes=1))
    source.touch()
    app.sample()
    lines = app.tray.menu_lines()
    assert lines[0] == "Seated 0 s"
    assert lines[1].startswith("Last break ")
    assert lines[1].endswith(", 7 min")
    assert lines[2] == "1 break today"


def test_a_short_pause_does_not_reset(
    app: MovebreakApp, clock: FakeClock, source: FakeActivity
) -> None:
    work(app, clock, source, 10)
    clock.advance(timedelta(minutes=4))
    app.sample()
    assert app.tray.menu_lines()[0] == "Seated 14 min"


def test_the_standing_toggle_switches_posture(
    app: MovebreakApp, clock: FakeClock, source: FakeActivity
) -> None:
    work(app, clock, source, 5)
    app.tray.posture_requested.emit("standing")
    work(app, clock, source, 3)
    assert app.tray.menu_lines()[0] == "Standing 3 min"
    assert "I'm standing" in app.tray.menu_lines()


def test_when_input_cannot_be_seen_the_menu_says_why(qtbot: QtBot, clock: FakeClock) -> None:
    source = FakeActivity(
        clock, refuse="no X11 display: keyboard and mouse activity cannot be seen"
    )
    app = MovebreakApp(SETTINGS, [], source=source, clock=clock)
    try:
        clock.advance(timedelta(minutes=7))
        app.sample()
        lines = app.tray.menu_lines()
        assert lines[0] == "Seated 7 min"  # wall-clock time
        assert "Activity not visible: no X11 display" in lines[3]
        assert app.activity_source.startswith("none (no X11 display")
    finally:
        app.stop()
    assert source.stopped


def test_settings_problems_do_not_stop_the_app(qtbot: QtBot, clock: FakeClock) -> None:
    from pathlib import Path

    problem = Problem(Path("config.toml"), "breaks.sitting_limit", 3, "bad; using 30m")
    app = MovebreakApp(Settings(), [problem], source=FakeActivity(clock), clock=clock)
    try:
        assert app.tray.menu_lines()[0] == "Seated 0 s"
    finally:
        app.stop()


def test_sampling_is_coarse_for_real_thresholds_and_finer_for_demos() -> None:
    assert sample_interval(timedelta(minutes=5)) == timedelta(seconds=15)
    assert sample_interval(timedelta(seconds=20)) == timedelta(seconds=2)
    assert sample_interval(timedelta(seconds=3)) == timedelta(seconds=1)
