"""Today's movement: a ring against the goal, the day's timeline, 7 and 30 days of bars.

Drawn with QPainter in palette colours, so it reads in light and dark themes alike.
The window renders a ``core.stats.Review`` and asks for other days; it computes nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from movebreak.core.stats import BackComparison, DaySummary, Review, minutes
from movebreak.ui.text import QT_TR_NOOP, tr

COLOURS = {
    "seated": QColor("#9aa5b1"),
    "standing": QColor("#3b7dd8"),
    "moving": QColor("#1f9d8a"),
    "away": QColor("#e0a526"),
    "paused": QColor("#8e6bbf"),
}
BACK = QColor("#d1495b")  # the check-in line, apart from every band colour
KINDS = {  # the legend's words for the band kinds
    "seated": QT_TR_NOOP("seated"),
    "standing": QT_TR_NOOP("standing"),
    "moving": QT_TR_NOOP("moving"),
    "away": QT_TR_NOOP("away"),
    "paused": QT_TR_NOOP("paused"),
}
# The day's figures, in reading order: the English name is the key, tr(name) the label.
FIGURES = (
    QT_TR_NOOP("Breaks"),
    QT_TR_NOOP("Prompts done"),
    QT_TR_NOOP("Snoozed"),
    QT_TR_NOOP("Skipped"),
    QT_TR_NOOP("Longest seated"),
    QT_TR_NOOP("Seated"),
    QT_TR_NOOP("Standing"),
    QT_TR_NOOP("Away"),
    QT_TR_NOOP("Paused"),
    QT_TR_NOOP("Days at goal in a row"),
    QT_TR_NOOP("Back (0-10)"),
)


def _min(value: float) -> str:
    """``"12 min"``, in the user's language."""
    return tr("{minutes} min").format(minutes=f"{value:g}")


class ProgressRing(QWidget):
    """Movement minutes against the goal."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(150, 150)
        self.setAccessibleName(tr("Movement against your goal"))
        self._moved, self._goal = 0.0, 1.0

    def show_progress(self, moved: float, goal: float) -> None:
        """Minutes moved and the goal."""
        self._moved, self._goal = moved, max(goal, 0.1)
        self.setAccessibleDescription(
            tr("{moved} of {goal} minutes moved").format(moved=f"{moved:g}", goal=f"{goal:g}")
        )
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
            ring,
            Qt.AlignmentFlag.AlignCenter,
            tr("{moved}\nof {goal} min").format(moved=f"{self._moved:g}", goal=f"{self._goal:g}"),
        )
        painter.end()


class Timeline(QWidget):
    """The day from its start to its end, in coloured bands."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(58)
        self.setAccessibleName(tr("The day's timeline"))
        self._review: Review | None = None

    def show_day(self, review: Review) -> None:
        """Bands of ``review``."""
        self._review = review
        totals = dict.fromkeys(KINDS, 0.0)
        for band in review.bands:
            totals[band.kind] = totals.get(band.kind, 0.0) + (band.end - band.start).total_seconds()
        parts = [
            tr("{kind}: {minutes}").format(kind=tr(KINDS[kind]), minutes=_min(round(s / 60)))
            for kind, s in totals.items()
            if kind in KINDS
        ]
        self.setAccessibleDescription(
            tr("Time by state over the day: {parts}").format(parts=", ".join(parts))
        )
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
                # A pause overlaps the time at the desk: a strip beneath, not a band over it.
                top, height = (
                    (area.bottom() + 1, 4.0)
                    if band.kind == "paused"
                    else (area.top(), area.height())
                )
                painter.fillRect(
                    QRectF(area.left() + left * area.width(), top,
                           max((right - left) * area.width(), 1.0), height),
                    COLOURS[band.kind],
                )  # fmt: skip
            painter.setPen(text)
            for hour in range(0, 25, 4):
                x = area.left() + area.width() * hour / 24
                local = review.day_start + timedelta(hours=hour)
                label = local.astimezone(review.day_start.tzinfo).strftime("%H:%M")
                left_edge = min(max(x - 20, 0.0), self.width() - 40.0)  # keep the ends readable
                painter.drawText(
                    QRectF(left_edge, area.bottom() + 6, 40, 16),
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
        at_goal = sum(1 for day in days if day.movement >= day.goal)
        total = sum(minutes(day.movement) for day in days)
        self.setAccessibleDescription(
            tr("Goal reached on {at_goal} of {days} days; {average} a day on average").format(
                at_goal=at_goal, days=len(days), average=_min(round(total / max(len(days), 1), 1))
            )
        )
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


class BackChart(QWidget):
    """Weekly movement (bars) beside the weekly back check-in (a line, 0-10, lower is better)."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(130)
        self.setAccessibleName(tr("Movement and back, by week"))
        self._back: BackComparison | None = None

    def show_weeks(self, back: BackComparison | None) -> None:
        """The weeks to draw, oldest first."""
        self._back = back
        weeks = [
            tr("week of {date}: {movement} a day, back {back}").format(
                date=QLocale().toString(_qdate(week.start), "d MMMM"),
                movement=_min(round(minutes(week.movement))),
                back=tr("not answered") if week.back is None else f"{week.back:g}",
            )
            for week in (back.weeks if back is not None else ())
        ]
        self.setAccessibleDescription("; ".join(weeks))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars for movement a day, dots joined by a line for the back score."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        title = QRectF(0, 0, self.width(), 16)
        painter.drawText(
            title,
            Qt.AlignmentFlag.AlignLeft,
            tr("By week: movement a day (bars, minutes) and back (line, 0-10, lower is better)"),
        )
        back = self._back
        if back is not None and back.weeks:
            area = QRectF(4, 20, self.width() - 8, self.height() - 40)
            top = max(minutes(w.movement) for w in back.weeks) or 1.0
            slot = area.width() / len(back.weeks)
            points: list[tuple[QPointF, float]] = []
            for index, week in enumerate(back.weeks):
                height = area.height() * minutes(week.movement) / top
                left = area.left() + index * slot
                bar = QRectF(left + slot * 0.2, area.bottom() - height, slot * 0.6, height)
                painter.fillRect(bar, COLOURS["moving"])
                painter.setPen(text)
                painter.drawText(
                    QRectF(bar.left(), bar.bottom() - 16, bar.width(), 16),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{minutes(week.movement):.0f}",
                )
                painter.drawText(
                    QRectF(left, area.bottom() + 2, slot, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    QLocale().toString(_qdate(week.start), "d MMM"),
                )
                if week.back is not None:
                    y = area.bottom() - area.height() * week.back / 10
                    points.append((QPointF(left + slot / 2, y), week.back))
            painter.setPen(QPen(BACK, 2))
            for (first, _), (second, _) in itertools.pairwise(points):
                painter.drawLine(first, second)
            painter.setBrush(BACK)
            for point, score in points:
                painter.setPen(QPen(BACK, 2))
                painter.drawEllipse(point, 4, 4)
                painter.setPen(text)
                painter.drawText(
                    QRectF(point.x() - 20, point.y() - 22, 40, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{score:g}",
                )
        painter.end()


def back_summary(back: BackComparison) -> str:
    """One sentence comparing the check-in on days at goal with the other days."""
    if back.at_goal is None or back.below_goal is None:
        return tr(
            "Answer the check-in on a few days at goal and a few below it, and this compares them."
        )
    return tr(
        "Back on days you reached your goal: {at_goal} on average ({at_goal_days} days); "
        "other days: {below_goal} ({below_goal_days} days). Lower is better."
    ).format(
        at_goal=f"{back.at_goal:g}",
        at_goal_days=back.at_goal_days,
        below_goal=f"{back.below_goal:g}",
        below_goal_days=back.below_goal_days,
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: date) -> str:
    """``day`` as the user's locale writes it, names of days and months translated."""
    return QLocale().toString(_qdate(day), QLocale.FormatType.LongFormat)


class ReviewWindow(QWidget):
    """Shows a Review; asks for the previous or next day."""

    day_requested = Signal(int)  # -1 previous day, +1 next day

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("movebreak: today's movement"))
        self._date = QLabel()
        self._date.setStyleSheet("font-size: 15pt; font-weight: 600;")
        back = QPushButton(tr("◀ &Previous day"))
        back.setAccessibleName(tr("Previous day"))
        back.clicked.connect(lambda: self.day_requested.emit(-1))
        self._next = QPushButton(tr("&Next day ▶"))
        self._next.setAccessibleName(tr("Next day"))
        self._next.clicked.connect(lambda: self.day_requested.emit(1))
        header = QHBoxLayout()
        header.addWidget(back)
        header.addStretch(1)
        header.addWidget(self._date)
        header.addStretch(1)
        header.addWidget(self._next)
        self.ring = ProgressRing()
        self._figures: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        rows = (len(FIGURES) + 1) // 2  # two columns of figures: the window fits a laptop
        for index, name in enumerate(FIGURES):
            row, column = index % rows, 3 * (index // rows)
            self._captions[name] = QLabel(tr(name))
            grid.addWidget(self._captions[name], row, column)
            value = QLabel()
            value.setAccessibleName(tr(name))
            value.setStyleSheet("font-weight: 600;")
            self._figures[name] = value
            grid.addWidget(value, row, column + 1)
        grid.setColumnMinimumWidth(2, 18)
        grid.setColumnStretch(5, 1)
        top = QHBoxLayout()
        top.addWidget(self.ring)
        top.addLayout(grid, 1)
        self.timeline = Timeline()
        swatches = [
            f'<span style="color:{c.name()}">■</span> {tr(KINDS[kind])}'
            for kind, c in COLOURS.items()
        ]
        legend = QLabel(" ".join(swatches))
        legend.setAccessibleName(tr("Colours of the timeline"))
        self.week = BarChart(tr("Last 7 days"))
        self.month = BarChart(tr("Last 30 days"))
        self.back = BackChart()
        self._back_summary = QLabel()
        self._back_summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(legend)
        charts = QHBoxLayout()
        charts.addWidget(self.week, 1)
        charts.addWidget(self.month, 3)
        layout.addLayout(charts)
        layout.addWidget(self.back)
        layout.addWidget(self._back_summary)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.resize(720, 560)

    def show_review(self, review: Review, *, is_today: bool) -> None:
        """Render ``review``; the next-day button is off on today."""
        day = review.today
        self._date.setText(_date(day.day))
        self._next.setEnabled(not is_today)
        self.ring.show_progress(minutes(day.movement), minutes(day.goal))
        values = {
            "Breaks": str(day.breaks),
            "Prompts done": str(day.prompts.get("done", 0)),
            "Snoozed": str(day.prompts.get("snoozed", 0)),
            "Skipped": str(day.prompts.get("skipped", 0)),
            "Longest seated": _min(minutes(day.longest_seated)),
            "Seated": _min(minutes(day.seated)),
            "Standing": _min(minutes(day.standing)),
            "Away": _min(minutes(day.away)),
            "Paused": _min(minutes(day.paused)),
            "Days at goal in a row": str(review.streak),
            "Back (0-10)": tr("not answered") if day.back is None else str(day.back),
        }
        for name, text in values.items():
            self._figures[name].setText(text)
        for part in (self._captions["Back (0-10)"], self._figures["Back (0-10)"]):
            part.setVisible(review.show_back)
        self.timeline.show_day(review)
        self.week.show_days(review.week)
        self.month.show_days(review.month)
        self.back.show_weeks(review.back)
        self.back.setVisible(review.back is not None)
        self._back_summary.setVisible(review.back is not None)
        if review.back is not None:
            self._back_summary.setText(back_summary(review.back))

    def back_summary(self) -> str:
        """The check-in comparison as shown ("" when hidden)."""
        return self._back_summary.text() if self._back_summary.isVisibleTo(self) else ""

    def figure(self, name: str) -> str:
        """The value shown for ``name``, the figure's English name (tests, accessibility)."""
        return self._figures[name].text()

    def figure_shown(self, name: str) -> bool:
        """Whether the figure ``name`` (its English name) is on show, caption and value."""
        return not self._figures[name].isHidden() and not self._captions[name].isHidden()

    def shown_date(self) -> str:
        """The heading."""
        return self._date.text()
