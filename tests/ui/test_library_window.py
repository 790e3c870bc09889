"""The library browser, offscreen: filters, marks that persist, and Try it now."""

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QStyle, QWidget
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


def test_the_detail_and_the_filters_read_as_words(app: MovebreakApp) -> None:
    window = app.open_library()
    window.select("calf-raise")
    facts = window._facts.text()
    assert "calves and ankles" in facts
    assert len(re.findall(r"\d+ (?:s|min)\b", facts)) == 1  # "10 reps (about 45 s)"
    for name in ("position", "body_area", "level"):
        combo = window.findChild(QComboBox, name)
        assert combo is not None
        items = [combo.itemText(i) for i in range(combo.count())]
        assert items[0] == "Any"
        assert not [item for item in items if "_" in item or item == "either"], items
    choose(window, "body_area", "calves and ankles")
    assert "calf-raise" in window.listed_ids()
    rows = [window._list.item(i).text() for i in range(window._list.count())]
    assert not [row for row in rows if "either" in row]


def test_the_red_flag_box_warns_fits_a_768_pixel_screen_and_scrolls(
    app: MovebreakApp, qtbot: QtBot
) -> None:
    box = app.show_red_flags()
    qtbot.waitExposed(box)
    assert box.isVisible()
    assert box.height() <= 700
    assert box.frameGeometry().height() <= 700
    bar = box.body.verticalScrollBar()
    assert bar.maximum() > 0  # the list scrolls inside the box instead of making it tall
    style = box.style()
    shown = box.icon.pixmap().toImage()
    warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
    information = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    assert shown == warning.toImage()
    assert shown != information.pixmap(48, 48).toImage()
    assert box.body.toPlainText().index("Emergency") < box.body.toPlainText().index("Urgent")
    box.close()
    assert not box.isVisible()
