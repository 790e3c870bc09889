"""Where small windows that ask something of the user appear."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24


def bottom_right(window: QWidget) -> QPoint:
    """Bottom right of the screen the pointer is on, where a question disturbs least."""
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    size = window.sizeHint().expandedTo(window.minimumSize())
    return QPoint(area.right() - size.width() - MARGIN, area.bottom() - size.height() - MARGIN)
