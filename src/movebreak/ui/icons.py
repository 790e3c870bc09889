"""Draws the tray icon: the app's figure inside a ring that fills toward the sitting limit.

Icons are drawn at most once per ring step and cached, so a refresh that changes nothing
visible costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from movebreak.core.sitting import Presence

_SIZE = 64
_STEPS = 24  # ring resolution: one step is 1/24 of the limit (75 s of a 30 min limit)
_TRACK = QColor(128, 128, 128, 90)
_CALM = QColor("#1f9d8a")
_SOON = QColor("#e0a526")
_DUE = QColor("#d9534f")
_STANDING = QColor("#3b7dd8")

# The figure of assets/icons/movebreak.svg, the design's master, on its 64-unit grid:
# five strokes and a head. Drawn here rather than rendered from the file because QtSvg
# would stay in memory all day (about 2.4 MB) for six shapes; tests/ui/test_icons.py
# fails when the two no longer match.
_FIGURE_COLOUR = QColor("#1f7a6d")
_FIGURE_STROKE = 8
_FIGURE_LIMBS = (
    ((33, 24), (29, 40)),
    ((32, 28), (44, 17)),
    ((31, 29), (19, 35)),
    ((29, 40), (40, 48), (38, 58)),
    ((29, 40), (21, 51), (12, 53)),
)
_FIGURE_HEAD = (36, 11, 8)  # centre x, y and radius


class TrayIcons:
    """Makes and caches tray icons; needs a QGuiApplication."""

    def __init__(self) -> None:
        self._cache: dict[tuple[Presence, int], QIcon] = {}

    def app_icon(self) -> QIcon:
        """The plain figure, for windows and the application."""
        return self.for_state(Presence.AWAY, 0.0)

    def for_state(self, presence: Presence, progress: float) -> QIcon:
        """The icon for ``presence`` with the ring ``progress`` (0..1, more is full) filled."""
        step = max(0, min(_STEPS, round(progress * _STEPS)))
        key = (presence, step)
        icon = self._cache.get(key)
        if icon is None:
            icon = QIcon(self._draw(presence, step))
            self._cache[key] = icon
        return icon

    def _draw(self, presence: Presence, step: int) -> QPixmap:
        pixmap = QPixmap(_SIZE, _SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(4, 4, _SIZE - 8, _SIZE - 8)
        painter.setPen(QPen(_TRACK, 7))
        painter.drawEllipse(ring)
        if presence is Presence.STANDING:
            painter.setPen(QPen(_STANDING, 7))
            painter.drawEllipse(ring)
        elif presence is Presence.SEATED and step:
            colour = _CALM if step < _STEPS * 3 // 4 else _SOON if step < _STEPS else _DUE
            pen = QPen(colour, 7)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock. Start at 12, go clockwise.
            painter.drawArc(ring, 90 * 16, -int(360 * 16 * step / _STEPS))
        if presence is Presence.AWAY:
            painter.setOpacity(0.55)
        draw_figure(painter, QRectF(13, 12, 38, 40))
        painter.end()
        return pixmap


def draw_figure(painter: QPainter, bounds: QRectF) -> None:
    """The app's figure stretched over ``bounds``, as the SVG would be rendered there."""
    painter.save()
    painter.translate(bounds.topLeft())
    painter.scale(bounds.width() / 64, bounds.height() / 64)
    pen = QPen(_FIGURE_COLOUR, _FIGURE_STROKE)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for limb in _FIGURE_LIMBS:
        painter.drawPolyline([QPointF(x, y) for x, y in limb])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_FIGURE_COLOUR)
    x, y, radius = _FIGURE_HEAD
    painter.drawEllipse(QPointF(x, y), radius, radius)
    painter.restore()
