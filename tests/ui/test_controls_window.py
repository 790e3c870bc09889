"""The window that stands in for the tray menu where the desktop shows no tray icons."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from movebreak.adapters.paths import AppPaths
from movebreak.app import control_commands
from movebreak.app.application import MovebreakApp
from movebreak.app.tray_presence import TrayPresence, remember_told, told_before
from movebreak.ui.controls_window import ControlsWindow
from tests.ui.conftest import User


def test_without_a_tray_it_says_so_how_to_get_one_and_how_to_reach_the_rest(
    qtbot: QtBot,
) -> None:
    window = ControlsWindow()
    qtbot.addWidget(window)
    window.explain(no_tray=True)
    text = window.text()
    assert "no tray icons" in text
    assert "still shows its prompts" in text
    assert "AppIndicator extension" in text
    assert "gnome-shell-extension-appindicator" in text
    assert "status notifier applet" in text
    for command in ("movebreak status", "movebreak show", "movebreak quit"):
        assert command in text
    assert "right-click actions" in text  # the .desktop file's actions
    assert "only once" in text
    assert window.button_labels() == [
        "Take a break now",
        "Today's movement…",
        "Exercise library…",
        "Settings…",
        "Quit movebreak",
        "Pause prompts",
    ]
    assert window.pause_lines() == [
        "For 30 minutes",
        "For 1 hour",
        "For 2 hours",
        "Until tomorrow",
        "Resume prompts",
    ]


def test_opened_with_a_tray_it_does_not_claim_there_is_none(qtbot: QtBot) -> None:
    window = ControlsWindow()
    qtbot.addWidget(window)
    window.explain(no_tray=False)
    assert "no tray" not in window.text()
    assert window.text().startswith("movebreak is running\n")


def test_its_buttons_do_what_the_tray_menu_does(app: MovebreakApp, user: User) -> None:
    window = app.open_controls(no_tray=True)
    assert window.isVisible()
    user.work(2)
    window.click("Take a break now")
    assert app.status()["state"] == "prompting"
    app.hide_prompt()
    app.do(app.coach.skip)
    window.choose_pause("For 1 hour")
    assert app.status()["state"] == "paused"
    window.choose_pause("Resume prompts")
    assert app.status()["state"] != "paused"
    window.click("Exercise library…")
    assert app.library_window is not None
    assert app.library_window.isVisible()
    window.click("Today's movement…")
    assert app.review_window is not None
    assert app.review_window.isVisible()
    app.library_window.close()
    app.review_window.close()


def test_show_and_open_over_the_control_socket_open_the_windows(app: MovebreakApp) -> None:
    assert control_commands.answer(app, "open", {"window": "controls"})["ok"]
    assert app.controls_window is not None
    assert app.controls_window.isVisible()
    assert "no tray" not in app.controls_window.text()
    assert control_commands.answer(app, "open", {"window": "library"})["ok"]
    assert app.library_window is not None
    refused = control_commands.answer(app, "open", {"window": "../etc"})
    assert refused == {
        "ok": False,
        "error": "open takes one of: controls, review, settings, library",
    }
    app.controls_window.close()
    app.library_window.close()


def test_the_notice_is_remembered_in_a_private_file(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "profile")
    assert not told_before(paths.data_dir)
    remember_told(paths.data_dir)
    assert told_before(paths.data_dir)
    marker = next(paths.data_dir.iterdir())
    assert marker.stat().st_mode & 0o777 == 0o600
    assert paths.data_dir.stat().st_mode & 0o777 == 0o700


def test_a_missing_tray_is_asked_again_before_anyone_is_told(qtbot: QtBot) -> None:
    answers = iter([False, True])  # none at the start, the panel is up by the recheck
    verdicts: list[bool] = []
    presence = TrayPresence(verdicts.append, grace_ms=50, available=lambda: next(answers))
    presence.start()
    assert verdicts == []
    qtbot.waitUntil(lambda: verdicts == [True], timeout=2000)


def test_no_tray_after_the_grace_period_is_one_verdict(qtbot: QtBot) -> None:
    verdicts: list[bool] = []
    presence = TrayPresence(verdicts.append, grace_ms=50, available=lambda: False)
    presence.start()
    qtbot.waitUntil(lambda: verdicts == [False], timeout=2000)
    qtbot.wait(200)
    assert verdicts == [False]
