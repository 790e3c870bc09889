"""The animated demonstration: the stick figure of ``core.poses`` drawn with QPainter.

It animates only while visible, at 20 frames a second, and stops with its window.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from movebreak.core.poses import VIEW_BOX, Drawing, Pose, at_time, draw
from movebreak.ui.text import tr

_BOX = QRectF(*VIEW_BOX)  # figure units that must be visible (y up)
_CYCLE_PER_FRAME = 1.3  # seconds each key pose takes, hold and move included
_FIGURE = QColor("#1f8a7a")
_FAR = QColor("#7fc4b8")  # the far side of a figure seen side on


class FigureView(QWidget):
    """Plays an exercise's key poses in a loop."""

    def __init__(self, poses: Mapping[str, Pose], parent: QWidget | None = None):
        super().__init__(parent)
        self._poses = poses
        self._frames: list[Pose] = [Pose()]
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.update)
        self.setMinimumSize(120, 150)
        self.setAccessibleName(tr("Demonstration"))
        self.setAccessibleDescription(tr("A stick figure showing how to do the exercise"))

    def play(self, names: Sequence[str], exercise: str | None = None) -> None:
        """Show the key poses ``names`` (unknown names are skipped), from the start.

        ``exercise`` is the title, for the description screen readers give.
        """
        frames = [self._poses[name] for name in names if name in self._poses]
        self._frames = frames or [Pose()]
        self._started = time.monotonic()
        if exercise is not None:
            self.setAccessibleDescription(
                tr("A stick figure showing how to do {exercise}").format(exercise=exercise)
            )
        self.update()

    def pose_at(self, seconds: float) -> Pose:
        """The pose shown ``seconds`` into the loop (tests and stills)."""
        cycle = _CYCLE_PER_FRAME * len(self._frames)
        return at_time(self._frames, (seconds % cycle) / cycle)

    def showEvent(self, event: object) -> None:
        """Animate while visible."""
        if len(self._frames) > 1:
            self._timer.start()

    def hideEvent(self, event: object) -> None:
        """No drawing, no wake-ups while hidden."""
        self._timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the current pose."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pose = self.pose_at(time.monotonic() - self._started)
        paint_figure(painter, QRectF(self.rect()), draw(pose), self.palette())
        painter.end()


def paint_figure(painter: QPainter, area: QRectF, drawing: Drawing, palette: QPalette) -> None:
    """Draw ``drawing`` scaled into ``area``; props in the palette's mid colour."""
    scale = min(area.width() / _BOX.width(), area.height() / _BOX.height())
    left = area.center().x() - scale * _BOX.center().x()
    floor = area.center().y() + scale * (_BOX.height() / 2 + _BOX.top())

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + x * scale, floor - y * scale)

    prop_pen = QPen(palette.color(QPalette.ColorRole.Mid), max(1.5, scale * 0.18))
    prop_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(prop_pen)
    painter.drawLine(at(-4.6, 0), at(4.6, 0))  # the floor, under the feet of a long lean
    prop = drawing.prop
    if prop is not None and prop.name != "bottle":
        for start, end in prop.lines:
            painter.drawLine(at(*start), at(*end))
    pen = QPen(_FIGURE, max(2.0, scale * 0.42))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    # Side on, the far arm and leg are drawn first and paler: the two sides stay apart.
    far = QPen(pen)
    far.setColor(_FAR)
    painter.setPen(far)
    for name, start, end in drawing.bones:
        if drawing.view == "side" and name.startswith("right_"):
            painter.drawLine(at(*start), at(*end))
    painter.setPen(pen)
    for name, start, end in drawing.bones:
        if drawing.view != "side" or not name.startswith("right_"):
            painter.drawLine(at(*start), at(*end))
    if drawing.nose is not None:  # the face's direction, out of the head's outline
        nose = QPen(_FIGURE, max(1.5, scale * 0.36))
        nose.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(nose)
        painter.drawLine(at(*drawing.nose[0]), at(*drawing.nose[1]))
    painter.setPen(pen)
    painter.setBrush(_FIGURE)
    centre = at(*drawing.head_centre)
    radius = drawing.head_radius * scale
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    face = QPen(palette.color(QPalette.ColorRole.Base), max(1.5, scale * 0.16))
    face.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(face)
    for x, y in drawing.eyes:
        if drawing.eyes_closed:  # a closed eye: a short line
            painter.drawLine(at(x - 0.12, y), at(x + 0.12, y))
        else:
            painter.drawPoint(at(x, y))
    if prop is not None and prop.name == "bottle":  # in the hands, over the figure
        bottle = QPen(palette.color(QPalette.ColorRole.Dark), max(2.0, scale * 0.3))
        bottle.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(bottle)
        for start, end in prop.lines:
            painter.drawLine(at(*start), at(*end))
