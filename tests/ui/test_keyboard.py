"""Every window works from the keyboard: Tab reaches every control, Esc closes, no clashes.

The prompt and the check-in appear without taking focus (the user keeps typing where they
were); keyboard use there starts once the user clicks into them, as these tests do first.
"""

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from tests.fakes import FakeClock
from tests.ui.windows import controls, open_windows, seed_history, states

CLOSED_BY_ESCAPE = ("review", "library", "welcome", "checkin", "settings", "about", "red flags")


def tab_stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, once round the window (Qt's own walk)."""
    focused = window.focusWidget()
    if focused is not None:
        focused.clearFocus()
    stops: list[QWidget] = []
    for _ in range(500):
        window.focusNextPrevChild(True)
        widget: QWidget | None = window.focusWidget()
        if widget is None or (stops and widget is stops[0]):
            break
        stops.append(widget)
    return stops


def reached(widget: QWidget, stops: list[QWidget]) -> bool:
    """Whether Tab gives ``widget`` (or the part of it that takes focus) the keyboard.

    Tab stops once in a group of radio buttons, on the one chosen; the arrow keys move
    within the group (checked in its own test).
    """
    parent, proxy = widget.parentWidget(), widget.focusProxy()
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and parent is not None:
        group = parent.findChildren(QRadioButton)
        return any(radio in stops for radio in group if radio.autoExclusive())
    return any(stop is widget or widget.isAncestorOf(stop) for stop in stops) or (
        proxy is not None and reached(proxy, stops)
    )


def mnemonic(widget: QWidget) -> str | None:
    """The Alt+letter of a button, or of a label that hands focus to its buddy."""
    if isinstance(widget, QAbstractButton) or (
        isinstance(widget, QLabel) and widget.buddy() is not None
    ):
        found = re.search(r"&([^&])", widget.text().replace("&&", ""))
        return found.group(1).lower() if found else None
    return None


@pytest.fixture
def windows(
    app_with_files: MovebreakApp, journal: SqliteJournal, clock: FakeClock
) -> dict[str, QWidget]:
    seed_history(app_with_files, journal, clock)
    return open_windows(app_with_files)


def test_tab_reaches_every_control_in_every_window(
    app_with_files: MovebreakApp, windows: dict[str, QWidget]
) -> None:
    unreachable: list[str] = []
    for name, window in windows.items():
        for state in states(name, window, app_with_files):
            stops = tab_stops(window)
            assert stops, f"{state}: Tab reaches nothing"
            for control in controls(window):
                if not reached(control, stops):
                    label = getattr(control, "text", lambda: "")() or control.accessibleName()
                    unreachable.append(f"{state}: {type(control).__name__} {label!r}")
    assert unreachable == []


def test_no_two_controls_in_a_window_share_an_alt_letter(
    app_with_files: MovebreakApp, windows: dict[str, QWidget]
) -> None:
    clashes: list[str] = []
    for name, window in windows.items():
        for state in states(name, window, app_with_files):
            letters = Counter(
                letter
                for widget in window.findChildren(QWidget)
                if widget.isVisibleTo(window) and (letter := mnemonic(widget)) is not None
            )
            clashes += [f"{state}: Alt+{k}" for k, count in letters.items() if count > 1]
    assert clashes == []


def test_the_prompts_buttons_carry_alt_letters(
    app_with_files: MovebreakApp, windows: dict[str, QWidget]
) -> None:
    prompt = windows["prompt"]
    for state in states("prompt", prompt, app_with_files):
        for control in controls(prompt):
            assert mnemonic(control), f"{state}: {control.accessibleName()}"


def test_the_arrow_keys_choose_within_a_group_of_radio_buttons(
    windows: dict[str, QWidget], qtbot: QtBot
) -> None:
    welcome = windows["welcome"]
    welcome.activateWindow()
    qtbot.waitUntil(welcome.isActiveWindow)
    radios = [r for r in tab_stops(welcome) if isinstance(r, QRadioButton)]
    assert len(radios) == 1  # one Tab stop for the group: the chosen one
    assert radios[0].isChecked()
    QTest.keyClick(radios[0], Qt.Key.Key_Right)
    chosen = [r for r in welcome.findChildren(QRadioButton) if r.isChecked()]
    assert len(chosen) == 1
    assert chosen[0] is not radios[0]


@pytest.mark.parametrize("name", CLOSED_BY_ESCAPE)
def test_escape_closes_the_window(name: str, windows: dict[str, QWidget], qtbot: QtBot) -> None:
    window = windows[name]
    window.show()
    window.activateWindow()  # what the user's click into the window does
    qtbot.waitUntil(window.isActiveWindow)
    stops = tab_stops(window)
    target = stops[len(stops) // 2] if stops else window  # from somewhere inside, not the edge
    QTest.keyClick(target, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_escape_leaves_a_prompt_open_until_it_has_an_answer(
    windows: dict[str, QWidget], qtbot: QtBot
) -> None:
    prompt = windows["prompt"]
    prompt.activateWindow()
    qtbot.waitUntil(prompt.isActiveWindow)
    QTest.keyClick(prompt, Qt.Key.Key_Escape)
    assert prompt.isVisible()


def test_the_prompt_and_the_checkin_do_not_take_the_keyboard_when_they_appear(
    windows: dict[str, QWidget],
) -> None:
    for name in ("prompt", "checkin"):
        assert windows[name].testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating), name
