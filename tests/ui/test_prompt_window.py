"""The prompt window's buttons and keys, driven with pytest-qt; outcomes read from SQLite."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core.reminder import Outcome
from movebreak.ui import prompt_window
from tests.ui.conftest import User


def click(qtbot: QtBot, app: MovebreakApp, name: str) -> None:
    QTest.mouseClick(app.prompt.button(name), Qt.MouseButton.LeftButton)


def test_done_records_the_exercise_then_asks_how_it_was(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    title = app.prompt.shown_exercise_title()
    assert title
    click(qtbot, app, "Start")
    user.pause(60)
    click(qtbot, app, "Done")
    [record] = journal.prompts()
    assert record.outcome is Outcome.DONE
    assert record.moved.total_seconds() == 60
    assert app.status()["seated_seconds"] == 0
    assert app.prompt.isVisible()  # the optional effort question, same title
    assert app.prompt.shown_exercise_title() == title
    click(qtbot, app, "Rate Easy")
    assert not app.prompt.isVisible()
    assert [r.rating for r in journal.prompts()] == ["easy"]


def test_it_hurt_shows_the_stop_guidance_until_closed(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    click(qtbot, app, "Done")
    click(qtbot, app, "Rate It hurt")
    assert app.prompt.isVisible()
    assert app.prompt.shown_exercise_title() == "Stop if it hurts"
    assert not app.prompt.button("Rate Easy").isVisible()
    click(qtbot, app, "Close")
    assert not app.prompt.isVisible()
    assert [r.rating for r in journal.prompts()] == ["hurt"]


def test_snooze_hides_it_until_snoozes_run_out(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    assert app.prompt.button("Snooze").text() == "S&nooze 10 min"
    click(qtbot, app, "Snooze")
    assert not app.prompt.isVisible()
    assert app.status()["state"] == "snoozed"
    user.work(10)
    user.pause()
    assert app.prompt.isVisible()
    click(qtbot, app, "Snooze")
    user.work(10)
    user.pause()
    assert app.prompt.isVisible()
    assert not app.prompt.snooze_offered()
    assert [r.outcome for r in journal.prompts()] == [Outcome.SNOOZED, Outcome.SNOOZED]


def test_skip_records_a_skip(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    click(qtbot, app, "Skip")
    assert not app.prompt.isVisible()
    assert [r.outcome for r in journal.prompts()] == [Outcome.SKIPPED]
    assert app.status()["next_prompt_in_seconds"] == 30 * 60


def test_another_exercise_changes_what_is_shown(
    app: MovebreakApp, user: User, qtbot: QtBot
) -> None:
    user.until_prompted()
    first = app.prompt.shown_exercise_title()
    click(qtbot, app, "Another exercise")
    assert app.prompt.shown_exercise_title() not in ("", first)


def test_the_countdown_starts_with_start(app: MovebreakApp, user: User, qtbot: QtBot) -> None:
    user.until_prompted()
    assert "Press Start" in app.prompt.countdown_text()
    click(qtbot, app, "Start")
    assert app.prompt.countdown_text().endswith(" left")
    assert not app.prompt.button("Start").isVisible()


def test_keyboard_shortcuts_work_once_in_the_window(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    app.prompt.activateWindow()  # what the user's click into the window does
    qtbot.waitUntil(app.prompt.isActiveWindow)
    QTest.keyClick(app.prompt, Qt.Key.Key_K)
    assert not app.prompt.isVisible()
    assert [r.outcome for r in journal.prompts()] == [Outcome.SKIPPED]


def test_on_wayland_typing_into_the_prompt_answers_nothing_until_a_click(
    app: MovebreakApp,
    user: User,
    journal: SqliteJournal,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wayland: the compositor hands the new prompt the keyboard while the user types.
    monkeypatch.setattr(prompt_window, "compositor_gives_new_windows_the_keyboard", lambda: True)
    user.until_prompted()
    app.prompt.activateWindow()
    qtbot.waitUntil(app.prompt.isActiveWindow)
    window = app.prompt.windowHandle()
    for key in (Qt.Key.Key_N, Qt.Key.Key_K, Qt.Key.Key_D, Qt.Key.Key_A, Qt.Key.Key_Return):
        QTest.keyClick(window, key)  # through the window, as the platform delivers keys
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # S&nooze
    assert app.prompt.isVisible()
    assert app.prompt.keys_held()
    assert journal.prompts() == []
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))  # the user clicks in
    assert not app.prompt.keys_held()
    QTest.keyClick(window, Qt.Key.Key_K)
    assert not app.prompt.isVisible()
    assert [r.outcome for r in journal.prompts()] == [Outcome.SKIPPED]


def test_the_prompt_animates_the_exercise(app: MovebreakApp, user: User) -> None:
    user.until_prompted()
    figure = app.prompt.shown_animation()
    first, later = figure.pose_at(0.0), figure.pose_at(1.3)  # one key pose later
    assert first != later
    image = figure.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    assert len(colours) > 2  # a figure, not an empty box


def test_escape_closes_the_optional_rating(app: MovebreakApp, user: User, qtbot: QtBot) -> None:
    user.until_prompted()
    QTest.keyClick(app.prompt, Qt.Key.Key_Escape)
    assert app.prompt.isVisible()  # a prompt needs a real answer
    click(qtbot, app, "Done")
    QTest.keyClick(app.prompt, Qt.Key.Key_Escape)
    assert not app.prompt.isVisible()


def test_prompts_coming_and_going_all_day_leave_nothing_behind(app: MovebreakApp) -> None:
    from PySide6.QtCore import QObject

    def objects() -> int:
        return len(app.prompt.findChildren(QObject))

    assert app.coach.break_now()
    app.coach.skip()
    before = objects()
    for _ in range(40):  # a long day of prompts, each shown, changed and answered
        assert app.coach.break_now()
        app.coach.another()
        app.coach.start()
        app.coach.skip()
    assert objects() == before
