"""The app object, offscreen: no tray host exists there, and the app must cope."""

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.app.application import MovebreakApp
from movebreak.app.rules import sample_interval
from movebreak.core.problems import Problem
from movebreak.core.settings import Settings
from tests.fakes import FakeActivity, FakeClock
from tests.ui.conftest import User


def test_the_tooltip_shows_seated_time_live(app: MovebreakApp, user: User) -> None:
    assert app.tray.tooltip().startswith("movebreak\nSeated 0 s · next prompt in 30 min")
    user.work(23)
    assert app.tray.tooltip().startswith("movebreak\nSeated 23 min · next prompt in 7 min")
    assert app.tray.menu_lines()[:2] == ["Seated 23 min", "Next prompt in 7 min"]


def test_stepping_away_resets_seated_time_and_counts_a_break(
    app: MovebreakApp, user: User, journal: SqliteJournal
) -> None:
    user.work(20)
    user.pause(6 * 60)
    assert app.tray.menu_lines()[0] == "Away 6 min"
    user.work(0.25)
    lines = app.tray.menu_lines()
    assert lines[0] == "Seated 0 s"
    assert lines[2].startswith("Last break ")
    assert lines[2].endswith(", 6 min")
    assert lines[3] == "1 break today"
    assert len(journal.breaks()) == 1


def test_a_short_pause_does_not_reset(app: MovebreakApp, user: User) -> None:
    user.work(10)
    user.pause(4 * 60)
    assert app.tray.menu_lines()[0] == "Seated 14 min"


def test_the_standing_toggle_switches_posture(app: MovebreakApp, user: User) -> None:
    user.work(5)
    app.tray.trigger("I'm standing")
    user.work(3)
    assert app.tray.menu_lines()[0] == "Standing 3 min"
    assert app.status()["state"] == "standing"


def test_pause_and_resume_from_the_tray(app: MovebreakApp, user: User) -> None:
    app.tray.trigger("For 1 hour")
    assert app.status()["state"] == "paused"
    assert "Resume prompts" in app.tray.menu_lines()
    assert "Pause prompts" not in app.tray.menu_lines()
    user.work(40)
    assert not app.prompt.isVisible()
    app.tray.trigger("Resume prompts")
    assert app.status()["state"] == "seated"


def test_take_a_break_now_from_the_tray(app: MovebreakApp) -> None:
    app.tray.trigger("Take a break now")
    assert app.prompt.isVisible()
    assert app.status()["state"] == "prompting"


def test_when_input_cannot_be_seen_the_menu_says_why(
    qtbot: QtBot, clock: FakeClock, journal: SqliteJournal
) -> None:
    source = FakeActivity(
        clock, refuse="no X11 display: keyboard and mouse activity cannot be seen"
    )
    app = MovebreakApp(
        Settings(), [], source=source, journal=journal, clock=clock, busy=lambda: None
    )
    try:
        clock.advance(timedelta(minutes=7))
        app.sample()
        lines = app.tray.menu_lines()
        assert lines[0] == "Seated 7 min"  # wall-clock time
        assert any(line.startswith("Activity not visible: no X11 display") for line in lines)
        assert str(app.status()["activity_source"]).startswith("none (no X11 display")
    finally:
        app.stop()
    assert source.stopped


def test_settings_problems_do_not_stop_the_app(
    qtbot: QtBot, clock: FakeClock, journal: SqliteJournal
) -> None:
    problem = Problem(Path("config.toml"), "breaks.sitting_limit", 3, "bad; using 30m")
    app = MovebreakApp(
        Settings(),
        [problem],
        source=FakeActivity(clock),
        journal=journal,
        clock=clock,
        busy=lambda: None,
    )
    try:
        assert app.tray.menu_lines()[0] == "Seated 0 s"
    finally:
        app.stop()


def test_control_requests_are_answered_and_bad_ones_refused(app: MovebreakApp) -> None:
    assert app.handle("status", {})["status"]["state"] == "seated"
    assert app.handle("done", {}) == {"ok": False, "error": "no prompt is open (state: seated)"}
    assert app.handle("pause", {"seconds": "soon"})["ok"] is False
    for absurd in (10**12, 10**30, -5, 0):  # refused plainly, never an internal error
        answer = app.handle("pause", {"seconds": absurd})
        assert answer["ok"] is False
        assert "1 to a year" in answer["error"]
    assert app.status()["state"] == "seated"
    assert app.handle("posture", {"posture": "lying"})["ok"] is False
    assert app.handle("dance", {})["error"] == "unknown command 'dance'"
    assert app.handle("pause", {"seconds": 600})["status"]["state"] == "paused"
    assert app.handle("resume", {})["status"]["state"] == "seated"
    assert app.handle("posture", {"posture": "standing"})["status"]["state"] == "standing"


def test_sampling_is_coarse_for_real_thresholds_and_finer_for_demos() -> None:
    assert sample_interval(timedelta(minutes=5)) == timedelta(seconds=15)
    assert sample_interval(timedelta(seconds=20)) == timedelta(seconds=2)
    assert sample_interval(timedelta(seconds=3)) == timedelta(seconds=1)


def asked(app: MovebreakApp) -> bool:
    return app.checkin_window is not None and app.checkin_window.isVisible()


def test_the_back_checkin_is_asked_once_a_day_when_turned_on(
    qtbot: QtBot, clock: FakeClock, journal: SqliteJournal
) -> None:
    from dataclasses import replace

    settings = Settings()
    settings = replace(settings, goals=replace(settings.goals, back_checkin=True))
    source = FakeActivity(clock)
    app = MovebreakApp(settings, [], source=source, journal=journal, clock=clock, busy=lambda: None)
    user = User(app, clock, source)
    try:
        assert "How's your back today?…" in app.tray.menu_lines()
        user.work(1)
        assert not asked(app)  # not the moment the user sits down
        user.work(3)
        assert asked(app)
        window = app.checkin_window
        assert window is not None
        window.choose(4)
        assert not asked(app)
        [answer] = journal.checkins().values()
        assert answer.score == 4
        user.work(60)
        assert not asked(app)  # once a day
    finally:
        app.stop()


def test_the_back_checkin_is_off_by_default(app: MovebreakApp, user: User) -> None:
    user.work(10)
    assert not asked(app)
    assert "How's your back today?…" not in app.tray.menu_lines()


def test_quitting_keeps_the_stretch_under_way_in_the_journal(
    app: MovebreakApp, user: User, journal: SqliteJournal
) -> None:
    user.work(12)
    app.tray.trigger("For 1 hour")
    user.work(3)
    app.stop()
    [stretch] = journal.stretches()
    assert stretch.end - stretch.start >= timedelta(minutes=14)
    [pause] = journal.pauses()
    assert pause.end - pause.start >= timedelta(minutes=2, seconds=45)


def test_about_names_the_files_and_opens_the_log_folder(
    app_with_files: MovebreakApp, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    app_with_files.tray.trigger("About movebreak…")
    about = app_with_files.about_box
    assert about is not None
    assert about.isVisible()
    assert str(paths.log_dir) in about.text.text()
    assert str(paths.data_dir) in about.text.text()
    button = next(b for b in about.findChildren(QPushButton) if b.text() == "Open &log folder")
    button.click()
    assert opened == [str(paths.log_dir)]
    assert paths.log_dir.is_dir()
    assert about.isVisible()  # it stays for the user to read the paths
