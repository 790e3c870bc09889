"""Pieces of the tray menu that Qt's plain actions get wrong for us.

- The status lines at the top ("Seated 23 min", "2 breaks today") are information, not
  commands. As disabled actions they were drawn in the style's disabled grey, which is
  hard to read. An :class:`InfoLine` is still a disabled action (the arrow keys pass over
  it, hovering and clicking do nothing) but shows a label whose disabled colours are the
  menu's normal text colours.
- On X11 (XEmbed trays) Qt opens the menu on a right press on the icon. While the menu is
  open (a left click opens it too), a right press on the icon only closed it: the press
  lands outside the popup, which closes. :class:`IconClicks` keeps the menu open for a
  right press on the icon, as the right button means "show me the menu".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QStyle, QStyleOptionMenuItem, QWidgetAction


def text_indent(menu: QMenu) -> int:
    """Where the style starts an item's text, so the lines line up with the commands."""
    option = QStyleOptionMenuItem()
    option.initFrom(menu)
    option.menuHasCheckableItems = True  # "I'm standing" has a box: text starts after it
    option.maxIconWidth = 0
    check = menu.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, menu)
    frame = menu.style().pixelMetric(QStyle.PixelMetric.PM_MenuHMargin, option, menu)
    return frame + check + 14  # the gap after the box, as Fusion draws it (measured)


class InfoLine(QWidgetAction):
    """One read-only line of the menu, drawn in the menu's text colour."""

    def __init__(self, menu: QMenu, text: str = "", *, heading: bool = False) -> None:
        super().__init__(menu)
        self._label = QLabel(text)
        if heading:  # the seated time: what the menu is for, at the top
            font = self._label.font()
            font.setBold(True)
            self._label.setFont(font)
        self._label.setObjectName("tray-info-line")
        self._label.setContentsMargins(text_indent(menu), 3, 16, 3)
        self._label.setForegroundRole(menu.foregroundRole())
        palette = QPalette(menu.palette())
        for role in (menu.foregroundRole(), QPalette.ColorRole.Text):
            active = palette.color(QPalette.ColorGroup.Active, role)
            palette.setColor(QPalette.ColorGroup.Disabled, role, active)
        self._label.setPalette(palette)  # drawn disabled, in the colours of enabled text
        self.setDefaultWidget(self._label)
        self.setEnabled(False)  # information, not a command: not a stop for the arrow keys
        super().setText(text)

    def setText(self, text: str) -> None:
        """Show ``text``; the action keeps it too, for accessibility and ``menu_lines``."""
        super().setText(text)
        self._label.setText(text)

    def label(self) -> QLabel:
        """The widget that shows the line (tests check its colours)."""
        return self._label


class IconClicks(QObject):
    """Keeps the open menu open when the icon is right-clicked again."""

    def __init__(self, menu: QMenu, icon_area: Callable[[], QRect]) -> None:
        super().__init__(menu)
        self._icon_area = icon_area
        menu.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A right press on the icon while the menu is open: the menu stays."""
        # The menu opens at the press, so it may cover part of the icon: a press there lands
        # on the menu's edge, which would close it too. Either way it stays.
        return (
            event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
            and isinstance(event, QMouseEvent)
            and event.button() is Qt.MouseButton.RightButton
            and self._icon_area().contains(event.globalPosition().toPoint())
        )
