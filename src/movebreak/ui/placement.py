"""Where small windows that ask something of the user appear."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24


def bottom_right(window: QWidget) -> QPoint:
    """Bottom right of the screen the pointer is on, where a question disturbs least."""
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    size = window.sizeHint().expandedTo(window.minimumSize())
    return QPoint(area.right() - size.width() - MARGIN, area.bottom() - size.height() - MARGIN)


def bottom_right_corner() -> QPoint:
    """Where a window's bottom right corner goes: the screen the pointer is on, inset.

    A window that changes size keeps this corner (:func:`rect_at`), so it grows and
    shrinks towards the top left and never floats above the bottom of the screen.
    """
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QPoint(area.right() - MARGIN, area.bottom() - MARGIN)


def rect_at(corner: QPoint, size: QSize) -> QRect:
    """The rectangle of ``size`` whose bottom right pixel is ``corner``."""
    return QRect(corner.x() - size.width() + 1, corner.y() - size.height() + 1, *size.toTuple())
