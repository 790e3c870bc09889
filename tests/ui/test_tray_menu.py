"""The tray menu's status lines read clearly, and a right click on the icon keeps the menu."""

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from movebreak.app.application import MovebreakApp
from movebreak.ui.tray_menu import IconClicks, InfoLine


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_status_lines_are_readable_not_disabled_grey(app: MovebreakApp) -> None:
    menu = app.tray.menu()
    lines = [a for a in menu.actions() if isinstance(a, InfoLine)]
    assert [a.text() for a in lines] == app.tray.menu_lines()[: len(lines)]
    assert len(lines) >= 4  # seated time, next prompt, last break, breaks today, ...
    background = menu.palette().color(menu.backgroundRole())
    disabled = menu.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for line in lines:
        label = line.label()
        group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
        ink = label.palette().color(group, label.foregroundRole())  # as it is drawn
        assert contrast(ink, background) >= 4.5, (line.text(), ink.name(), background.name())
    # What they were drawn in before: the style's disabled grey, below the 4.5 of WCAG AA.
    assert contrast(disabled, background) < 4.5


def test_the_arrow_keys_go_from_the_top_to_the_first_command(
    app: MovebreakApp, qtbot: QtBot
) -> None:
    menu = app.tray.menu()
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible)
    QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is not None
    assert menu.activeAction().text() == "Take a break now"  # the status lines are passed
    menu.hide()


def test_a_status_line_does_nothing_when_clicked(app: MovebreakApp, qtbot: QtBot) -> None:
    menu = app.tray.menu()
    line = next(a for a in menu.actions() if isinstance(a, InfoLine))
    fired: list[bool] = []
    line.triggered.connect(lambda: fired.append(True))
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible)
    label = line.label()
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)
    assert menu.isVisible()
    assert fired == []
    menu.hide()


def press(menu: QMenu, at: QPoint, button: Qt.MouseButton) -> bool:
    """Deliver a press at global ``at`` to the open menu, as the pointer grab does."""
    local = QPointF(menu.mapFromGlobal(at))
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress, local, QPointF(at), button, button,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(menu, event)
    return event.isAccepted()


def test_a_right_press_on_the_icon_keeps_the_open_menu(qtbot: QtBot) -> None:
    menu = QMenu()
    menu.addAction("Take a break now")
    icon = QRect(600, 0, 24, 24)
    IconClicks(menu, lambda: icon)
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible)
    press(menu, icon.center(), Qt.MouseButton.RightButton)
    assert menu.isVisible()  # the right button asks for the menu: it stays
    press(menu, QPoint(400, 400), Qt.MouseButton.RightButton)
    assert not menu.isVisible()  # elsewhere, a press closes it as any popup
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible)
    press(menu, icon.center(), Qt.MouseButton.LeftButton)
    assert not menu.isVisible()  # a left click on the icon closes it again: a toggle
