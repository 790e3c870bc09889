"""First run: the readiness answers set gentle limits, saved to the user's file."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.app.application import MovebreakApp
from movebreak.ui.welcome_window import answers_to_limits
from tests.fakes import FakeClock


def test_no_yes_keeps_every_level() -> None:
    assert answers_to_limits((False,) * 7) == ((), 3)


def test_a_yes_keeps_it_gentle_and_rules_out_what_it_names() -> None:
    avoid, level = answers_to_limits((False, False, True, False, False, True, False))
    assert level == 1
    assert avoid == ("balance_problems", "dizziness", "late_pregnancy")
    assert answers_to_limits((False,) * 6 + (True,)) == ((), 1)


def test_saving_the_welcome_applies_and_persists_the_limits(
    app_with_files: MovebreakApp, paths: AppPaths, clock: FakeClock
) -> None:
    app = app_with_files
    window = app.open_welcome()
    assert not window.advice_shown()
    window.answer(2, True)  # dizziness or fainting
    assert window.advice_shown()
    window.want_checkin(True)
    save = next(b for b in window.findChildren(QPushButton) if b.text() == "&Save")
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    settings, _ = load_settings(paths.config_file)
    assert settings.exercises.max_level == 1
    assert settings.exercises.avoid_if == ("balance_problems", "dizziness")
    assert settings.goals.back_checkin
    assert "How's your back today?…" in app.tray.menu_lines()
    for _ in range(5):  # every prompt now is gentle and avoids what was ruled out
        assert app.coach.break_now()
        exercise = app.coach.status().exercise
        assert exercise is not None
        assert exercise.intensity == 1
        assert not {"balance_problems", "dizziness"} & set(exercise.avoid_if)
        app.coach.skip()
        clock.advance(timedelta(minutes=31))
