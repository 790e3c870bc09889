"""Today's movement: a ring against the goal, the day's timeline, 7 and 30 days of bars.

Drawn with QPainter in palette colours, so it reads in light and dark themes alike.
The window renders a ``core.stats.Review`` and asks for other days; it computes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from movebreak.core.stats import DaySummary, Review, minutes

COLOURS = {
    "seated": QColor("#9aa5b1"),
    "standing": QColor("#3b7dd8"),
    "moving": QColor("#1f9d8a"),
    "away": QColor("#e0a526"),
}


class ProgressRing(QWidget):
    """Movement minutes against the goal."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(150, 150)
        self._moved, self._goal = 0.0, 1.0

    def show_progress(self, moved: float, goal: float) -> None:
        """Minutes moved and the goal."""
        self._moved, self._goal = moved, max(goal, 0.1)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Track, arc and the figure in the middle."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(12, 12, self.width() - 24, self.height() - 24)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 12))
        painter.drawEllipse(ring)
        share = min(self._moved / self._goal, 1.0)
        pen = QPen(COLOURS["moving"], 12)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(ring, 90 * 16, -int(360 * 16 * share))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setPointSize(13)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            ring, Qt.AlignmentFlag.AlignCenter, f"{self._moved:g}\nof {self._goal:g} min"
        )
        painter.end()


class Timeline(QWidget):
    """The day from its start to its end, in coloured bands."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(54)
        self._review: Review | None = None

    def show_day(self, review: Review) -> None:
        """Bands of ``review``."""
        self._review = review
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """One row of bands with hour ticks every 4 hours."""
        review = self._review
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        area = QRectF(4, 4, self.width() - 8, 26)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(area)
        if review is not None:
            length = (review.day_end - review.day_start).total_seconds()
            for band in review.bands:
                left = (band.start - review.day_start).total_seconds() / length
                right = (band.end - review.day_start).total_seconds() / length
                painter.fillRect(
                    QRectF(area.left() + left * area.width(), area.top(),
                           max((right - left) * area.width(), 1.0), area.height()),
                    COLOURS[band.kind],
                )  # fmt: skip
            painter.setPen(text)
            for hour in range(0, 25, 4):
                x = area.left() + area.width() * hour / 24
                local = review.day_start + timedelta(hours=hour)
                label = local.astimezone(review.day_start.tzinfo).strftime("%H:%M")
                left_edge = min(max(x - 20, 0.0), self.width() - 40.0)  # keep the ends readable
                painter.drawText(
                    QRectF(left_edge, area.bottom() + 2, 40, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
        painter.end()


class BarChart(QWidget):
    """Movement minutes per day with the goal as a line."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setMinimumHeight(120)
        self.setAccessibleName(title)
        self._title = title
        self._days: Sequence[DaySummary] = ()

    def show_days(self, days: Sequence[DaySummary]) -> None:
        """The days to draw, oldest first."""
        self._days = days
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars, goal line, title."""
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), 16), Qt.AlignmentFlag.AlignLeft, self._title)
        if self._days:
            area = QRectF(4, 20, self.width() - 8, self.height() - 24)
            goal = minutes(self._days[-1].goal)
            top = max([goal * 1.25, *(minutes(d.movement) for d in self._days)])
            slot = area.width() / len(self._days)
            for index, day in enumerate(self._days):
                height = area.height() * minutes(day.movement) / top
                colour = COLOURS["moving"] if day.movement >= day.goal else COLOURS["seated"]
                painter.fillRect(
                    QRectF(area.left() + index * slot + slot * 0.15, area.bottom() - height,
                           slot * 0.7, height),
                    colour,
                )  # fmt: skip
            y = area.bottom() - area.height() * goal / top
            pen = QPen(text, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.end()


class ReviewWindow(QWidget):
    """Shows a Review; asks for the previous or next day."""

    day_requested = Signal(int)  # -1 previous day, +1 next day

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("movebreak: today's movement")
        self._date = QLabel()
        self._date.setStyleSheet("font-size: 15pt; font-weight: 600;")
        back = QPushButton("◀ &Previous day")
        back.clicked.connect(lambda: self.day_requested.emit(-1))
        self._next = QPushButton("&Next day ▶")
        self._next.clicked.connect(lambda: self.day_requested.emit(1))
        header = QHBoxLayout()
        header.addWidget(back)
        header.addStretch(1)
        header.addWidget(self._date)
        header.addStretch(1)
        header.addWidget(self._next)
        self.ring = ProgressRing()
        self._figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = ("Breaks", "Prompts done", "Snoozed", "Skipped", "Longest seated", "Seated",
                 "Standing", "Away", "Days at goal in a row")  # fmt: skip
        for row, name in enumerate(names):
            grid.addWidget(QLabel(name), row, 0)
            value = QLabel()
            value.setAccessibleName(name)
            self._figures[name] = value
            grid.addWidget(value, row, 1)
        top = QHBoxLayout()
        top.addWidget(self.ring)
        top.addLayout(grid, 1)
        self.timeline = Timeline()
        swatches = [
            f'<span style="color:{c.name()}">■</span> {kind}' for kind, c in COLOURS.items()
        ]
        legend = QLabel(" ".join(swatches))
        self.week = BarChart("Last 7 days")
        self.month = BarChart("Last 30 days")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(legend)
        layout.addWidget(self.week)
        layout.addWidget(self.month)
        self.resize(640, 640)

    def show_review(self, review: Review, *, is_today: bool) -> None:
        """Render ``review``; the next-day button is off on today."""
        day = review.today
        self._date.setText(day.day.strftime("%A %d %B %Y"))
        self._next.setEnabled(not is_today)
        self.ring.show_progress(minutes(day.movement), minutes(day.goal))
        values = {
            "Breaks": str(day.breaks),
            "Prompts done": str(day.prompts.get("done", 0)),
            "Snoozed": str(day.prompts.get("snoozed", 0)),
            "Skipped": str(day.prompts.get("skipped", 0)),
            "Longest seated": f"{minutes(day.longest_seated):g} min",
            "Seated": f"{minutes(day.seated):g} min",
            "Standing": f"{minutes(day.standing):g} min",
            "Away": f"{minutes(day.away):g} min",
            "Days at goal in a row": str(review.streak),
        }
        for name, text in values.items():
            self._figures[name].setText(text)
        self.timeline.show_day(review)
        self.week.show_days(review.week)
        self.month.show_days(review.month)

    def figure(self, name: str) -> str:
        """The value shown for ``name`` (tests, accessibility)."""
        return self._figures[name].text()

    def shown_date(self) -> str:
        """The heading."""
        return self._date.text()
