"""The Qt binding must not leak or drop references on the calls the app makes all day."""

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_nones_reference_count() -> None:
    """PySide6 6.12.0 dropped a reference to None per call: the app aborted within minutes."""
    app = QApplication.instance() or QApplication([])
    widget = QWidget()
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        widget.update()
        painter.drawLine(QPointF(1, 1), QPointF(5, 5))
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -50, "this PySide6 drops references to None; see pyproject.toml"
    assert app is not None
