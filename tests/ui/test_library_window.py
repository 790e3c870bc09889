"""The library browser, offscreen: filters, marks that persist, and Try it now."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.app.application import MovebreakApp


def choose(window: QWidget, name: str, value: str) -> None:
    combo = window.findChild(QComboBox, name)
    assert combo is not None
    combo.setCurrentText(value)


def click(window: QWidget, name: str) -> None:
    box = window.findChild(QCheckBox, name)
    assert box is not None
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_filters_narrow_the_list(app: MovebreakApp) -> None:
    window = app.open_library()
    everything = window.listed_ids()
    assert len(everything) >= 40
    window._position.setCurrentText("seated")
    seated = window.listed_ids()
    assert 0 < len(seated) < len(everything)
    window._focus.setCurrentText("neck")
    assert set(window.listed_ids()) < set(seated) or window.listed_ids() == []
    assert window.shown_title()


def test_marks_are_saved_to_the_users_file_and_used_at_once(
    app_with_files: MovebreakApp, paths: AppPaths
) -> None:
    app = app_with_files
    window = app.open_library()
    window.select("calf-raise")
    click(window, "favourite")
    window.select("walk-lap")
    click(window, "hide")
    settings, problems = load_settings(paths.config_file)
    assert problems == []
    assert settings.exercises.favourites == ("calf-raise",)
    assert settings.exercises.hidden == ("walk-lap",)
    assert window.listed_ids()[0] == "calf-raise"  # favourites first
    window.try_requested.emit("march-in-place")
    assert app.prompt.isVisible()
    assert app.prompt.shown_exercise_title() == "Desk-side march"


def test_red_flag_symptoms_are_one_click_away(app: MovebreakApp, qtbot: QtBot) -> None:
    window = app.open_library()
    with qtbot.waitSignal(window.red_flags_requested):
        button = next(
            b for b in window.findChildren(QPushButton) if b.text() == "&Red-flag symptoms…"
        )
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    box = app.show_red_flags()
    assert "instead of exercising" in box.text()
    assert "both legs" in box.text()
    assert box.text().index("Emergency") < box.text().index("Urgent")
    box.close()
