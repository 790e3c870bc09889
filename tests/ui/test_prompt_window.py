"""The prompt window's buttons and keys, driven with pytest-qt; outcomes read from SQLite."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core.reminder import Outcome
from movebreak.ui import prompt_window
from tests.ui.conftest import User


def click(qtbot: QtBot, app: MovebreakApp, name: str) -> None:
    """A user's click: after the window has settled, as a person's next click comes."""
    qtbot.waitUntil(app.prompt.accepting_input, timeout=2000)
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
    click(qtbot, app, "Start")
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
    assert not app.prompt.button("Start").isEnabled()  # it keeps its place: see below


def test_keyboard_shortcuts_work_once_in_the_window(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    app.prompt.activateWindow()  # what the user's click into the window does
    qtbot.waitUntil(app.prompt.isActiveWindow)
    qtbot.waitUntil(app.prompt.accepting_input)
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
    qtbot.waitUntil(app.prompt.accepting_input, timeout=2000)  # settled: the hold blocks keys
    window = app.prompt.windowHandle()
    for key in (Qt.Key.Key_N, Qt.Key.Key_K, Qt.Key.Key_D, Qt.Key.Key_A, Qt.Key.Key_Return):
        QTest.keyClick(window, key)  # through the window, as the platform delivers keys
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # S&nooze
    assert app.prompt.isVisible()
    assert app.prompt.keys_held()
    assert journal.prompts() == []
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))  # the user clicks in
    assert not app.prompt.keys_held()
    qtbot.waitUntil(app.prompt.accepting_input, timeout=2000)  # the click started it
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
    click(qtbot, app, "Start")
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


def double_click(button: QPushButton) -> None:
    """Press, release, press, release at one spot in 80 ms, as a double-click arrives.

    The second click goes to whatever is under that spot once the first has been handled,
    exactly as the window system delivers it.
    """
    window = button.window()
    spot = button.mapTo(window, button.rect().center())
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QTest.qWait(80)
    under = window.childAt(spot) or window
    QTest.mouseDClick(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(window, spot))


def test_a_double_click_on_start_records_nothing(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    qtbot.waitUntil(app.prompt.accepting_input)
    recording = {name: app.prompt.button(name).geometry() for name in ("Done", "Snooze", "Skip")}
    start = app.prompt.button("Start")
    spot = start.geometry()
    double_click(start)
    assert app.status()["state"] == "prompting"  # started, not answered
    assert journal.prompts() == []
    # Nothing moved: Done, Snooze and Skip are where they were, and Start's place still
    # holds Start (now "Started", doing nothing), so no recording button came under it.
    assert {name: app.prompt.button(name).geometry() for name in recording} == recording
    assert start.geometry() == spot
    assert not start.isEnabled()
    assert app.prompt.button("Start").text() == "Started"
    click(qtbot, app, "Done")  # a real Done, later, is recorded with the real time
    [record] = journal.prompts()
    assert record.outcome is Outcome.DONE


def test_a_click_right_after_the_buttons_change_is_not_an_answer(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    QTest.mouseClick(app.prompt.button("Skip"), Qt.MouseButton.LeftButton)  # as it appears
    assert app.prompt.isVisible()
    assert journal.prompts() == []
    click(qtbot, app, "Start")
    QTest.mouseClick(app.prompt.button("Done"), Qt.MouseButton.LeftButton)  # 0 s later
    assert journal.prompts() == []
    QTest.keyClick(app.prompt, Qt.Key.Key_D)
    assert journal.prompts() == []
    click(qtbot, app, "Done")
    assert [r.outcome for r in journal.prompts()] == [Outcome.DONE]


def test_done_before_start_asks_and_records_no_more_than_the_real_time(
    app: MovebreakApp, user: User, journal: SqliteJournal, qtbot: QtBot
) -> None:
    user.until_prompted()
    done = app.prompt.button("Done")
    done_spot = QRect(done.mapTo(app.prompt, QPoint(0, 0)), done.size())
    click(qtbot, app, "Done")
    assert app.prompt.asking_if_done()
    assert journal.prompts() == []
    assert not app.prompt.button("Done").isVisible()
    yes = app.prompt.button("Yes, I did it")
    assert not QRect(yes.mapTo(app.prompt, QPoint(0, 0)), yes.size()).intersects(done_spot)
    click(qtbot, app, "Not yet")
    assert not app.prompt.asking_if_done()
    assert app.prompt.button("Done").isVisible()
    user.pause(10)  # the prompt has been open for 10 s; every exercise takes 20 s or more
    click(qtbot, app, "Done")
    click(qtbot, app, "Yes, I did it")
    [record] = journal.prompts()
    assert record.outcome is Outcome.DONE
    assert record.moved.total_seconds() == 10  # the time it was open, not the full dose
    assert app.prompt.isVisible()
    assert app.prompt.shown_exercise_title()


def test_start_is_the_default_button_until_it_is_pressed(
    app: MovebreakApp, user: User, qtbot: QtBot
) -> None:
    user.until_prompted()
    assert app.prompt.button("Start").isDefault()
    assert not app.prompt.button("Done").isDefault()
    click(qtbot, app, "Start")
    assert not app.prompt.button("Start").isDefault()
    assert app.prompt.button("Done").isDefault()


def test_the_prompt_offers_no_minimise_or_maximise_and_keeps_its_size(
    app: MovebreakApp, user: User
) -> None:
    user.until_prompted()
    flags = app.prompt.windowFlags()
    assert flags & Qt.WindowType.CustomizeWindowHint
    assert not flags & Qt.WindowType.WindowMaximizeButtonHint
    assert not flags & Qt.WindowType.WindowMinimizeButtonHint
    assert app.prompt.minimumSize() == app.prompt.maximumSize()  # nothing to resize


def test_the_progress_bar_is_thick_enough_to_read(
    app: MovebreakApp, user: User, qtbot: QtBot
) -> None:
    user.until_prompted()
    click(qtbot, app, "Start")
    [bar] = app.prompt.findChildren(QProgressBar)
    assert bar.isVisible()
    assert bar.height() >= 10


def test_after_done_the_prompt_keeps_its_bottom_right_corner(
    app: MovebreakApp, user: User, qtbot: QtBot
) -> None:
    user.until_prompted()
    before = app.prompt.geometry()
    click(qtbot, app, "Start")
    click(qtbot, app, "Done")
    qtbot.waitUntil(lambda: app.prompt.height() < before.height())  # "How was it?" is short
    after = app.prompt.geometry()
    assert after.bottomRight() == before.bottomRight()
    click(qtbot, app, "Rate It hurt")  # the guidance is taller: it grows upwards
    qtbot.wait(50)
    assert app.prompt.geometry().bottomRight() == before.bottomRight()


def test_the_prompt_says_how_long_once(app: MovebreakApp, user: User, qtbot: QtBot) -> None:
    user.until_prompted()
    for _ in range(6):  # several exercises, whatever the dose
        shown = [
            label.text()
            for label in app.prompt.findChildren(QLabel)
            if label.isVisible() and label.text()
        ]
        line = app.prompt.amount_text()
        assert line in shown
        others = "\n".join(text for text in shown if text != line)
        assert "About " not in others  # the length is said once, in the amount line
        assert "\n".join(shown).count(line) == 1
        click(qtbot, app, "Another exercise")


def test_a_close_from_the_app_itself_records_nothing(
    app: MovebreakApp, user: User, journal: SqliteJournal
) -> None:
    """Qt closes every window when the app quits: that is no answer to the prompt.

    (The window manager's close button is a real answer, Skip: tests/e2e/test_prompts.py.)
    """
    user.until_prompted()
    assert app.prompt.close()  # accepted: a refused close would cancel the quit
    assert journal.prompts() == []
