"""Today's movement: a ring against the goal, the day's timeline, 7 and 30 days of bars.

Drawn with QPainter in palette colours, so it reads in light and dark themes alike.
The window renders a ``core.stats.Review`` and asks for other days; it computes nothing.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from movebreak.core.stats import BackComparison, DaySummary, DeviceShare, Review, minutes
from movebreak.ui.text import QT_TR_NOOP, tr

COLOURS = {
    "seated": QColor("#9aa5b1"),
    "standing": QColor("#3b7dd8"),
    "moving": QColor("#1f9d8a"),
    "away": QColor("#e0a526"),
    "paused": QColor("#8e6bbf"),
}
BELOW_GOAL = QColor("#93d4c8")  # a day short of the goal: the movement colour, lighter
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
    """``"12 min"`` or ``"3 h 43 min"``, in the user's language."""
    whole = round(value)
    if whole < 60:
        return tr("{minutes} min").format(minutes=whole)
    return tr("{hours} h {minutes} min").format(hours=whole // 60, minutes=f"{whole % 60:02d}")


def _ticks(highest: float) -> tuple[float, list[float]]:
    """A round top for a minute scale and its 3 to 5 ticks, from 0: (30, [0, 10, 20, 30])."""
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480):
        if highest / step <= 4:
            break
    top = max(math.ceil(highest / step), 1) * step
    return float(top), [float(step * n) for n in range(int(top // step) + 1)]


def _recorded(day: DaySummary) -> bool:
    """Whether the journal holds anything for ``day`` (a day at zero still counts)."""
    return bool(
        day.movement or day.seated or day.standing or day.breaks or any(day.prompts.values())
    )


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
    """The day in coloured bands, zoomed to the hours that hold something, with hour ticks."""

    BAND = 30.0  # pixels: readable at a glance, colours told apart

    def __init__(self) -> None:
        super().__init__()
        self.setFixedHeight(int(self.BAND) + 34)
        self.setAccessibleName(tr("The day's timeline"))
        self._review: Review | None = None
        self.empty = ""

    def show_day(self, review: Review, *, is_today: bool = True) -> None:
        """Bands of ``review``; an empty today says what will appear, an empty past day not."""
        self._review = review
        self.empty = (
            tr("Your day will show here: seated, standing, moving and away.")
            if is_today
            else tr("Nothing was recorded on this day.")
        )
        totals = dict.fromkeys(KINDS, 0.0)
        for band in review.bands:
            totals[band.kind] = totals.get(band.kind, 0.0) + (band.end - band.start).total_seconds()
        parts = [
            tr("{kind}: {minutes}").format(kind=tr(KINDS[kind]), minutes=_min(s / 60))
            for kind, s in totals.items()
            if kind in KINDS
        ]
        self.setAccessibleDescription(
            tr("Time by state over the day: {parts}").format(parts=", ".join(parts))
        )
        self.update()

    def hours(self) -> tuple[datetime, datetime]:
        """The span drawn: 07:00 to 19:00, widened to whole hours around every band."""
        review = self._review
        assert review is not None
        start = review.day_start + timedelta(hours=3)  # 07:00 when the day starts at 04:00
        end = review.day_start + timedelta(hours=15)
        for band in review.bands:
            start, end = min(start, band.start), max(end, band.end)
        whole = timedelta(hours=1)
        start = review.day_start + whole * math.floor((start - review.day_start) / whole)
        end = review.day_start + whole * math.ceil((end - review.day_start) / whole)
        return max(start, review.day_start), min(end, review.day_end)

    def _margin(self) -> float:
        return self.fontMetrics().horizontalAdvance("00:00") / 2 + 2  # end labels stay whole

    def band_area(self) -> QRectF:
        """Where the bands are drawn, in the widget's pixels."""
        return QRectF(self._margin(), 2, self.width() - 2 * self._margin(), self.BAND)

    def x_of(self, moment: datetime) -> float:
        """The horizontal pixel of ``moment`` on the band."""
        start, end = self.hours()
        area = self.band_area()
        return area.left() + area.width() * (moment - start) / (end - start)

    def paintEvent(self, event: QPaintEvent) -> None:
        """One row of bands, a tick each hour, a time every hour or two."""
        review = self._review
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        margin = self._margin()
        area = self.band_area()
        painter.fillRect(area, self.palette().color(QPalette.ColorRole.Base))
        if review is not None:
            start, end = self.hours()
            length = (end - start).total_seconds()
            # Movement last and at least 4 px wide: a 2-minute walk must show in a 12-hour day.
            for band in sorted(review.bands, key=lambda b: b.kind == "moving"):
                left = max((band.start - start).total_seconds() / length, 0.0)
                right = min((band.end - start).total_seconds() / length, 1.0)
                # A pause overlaps the time at the desk: a strip beneath, not a band over it.
                top, height = (
                    (area.bottom() - 6, 6.0)
                    if band.kind == "paused"
                    else (area.top(), area.height())
                )
                painter.fillRect(
                    QRectF(area.left() + left * area.width(), top,
                           max((right - left) * area.width(),
                               4.0 if band.kind == "moving" else 1.0), height),
                    COLOURS[band.kind],
                )  # fmt: skip
            if not review.bands:
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            painter.drawRect(area)
            count = round(length / 3600)
            every = 1 if count <= 12 else 2
            for hour in range(count + 1):
                x = area.left() + area.width() * hour / max(count, 1)
                labelled = hour % every == 0
                painter.setPen(QPen(text if labelled else self.palette().color(
                    QPalette.ColorRole.Mid), 1))  # fmt: skip
                painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4))
                if labelled:
                    local = (start + timedelta(hours=hour)).astimezone(review.day_start.tzinfo)
                    painter.drawText(
                        QRectF(x - margin, area.bottom() + 5, 2 * margin, metrics.height()),
                        Qt.AlignmentFlag.AlignCenter,
                        local.strftime("%H:%M"),
                    )
        painter.end()


class BarChart(QWidget):
    """Movement minutes per day: a minute scale, a label for each day, the goal line named."""

    def __init__(self, title: str, empty: str, *, weekdays: bool) -> None:
        super().__init__()
        self.setMinimumHeight(150)
        self.setAccessibleName(title)
        self._title = title
        self._empty = empty  # what will appear, while nothing is recorded yet
        self._weekdays = weekdays  # "Mon Tue ..." under each bar, else a date every 7 days
        self._days: Sequence[DaySummary] = ()
        self._ends_today = False

    def show_days(self, days: Sequence[DaySummary], *, is_today: bool = False) -> None:
        """The days to draw, oldest first; the last is named "Today" when it is."""
        self._days = days
        self._ends_today = is_today
        at_goal = sum(1 for day in days if day.movement >= day.goal)
        total = sum(minutes(day.movement) for day in days)
        self.setAccessibleDescription(
            tr("Goal reached on {at_goal} of {days} days; {average} a day on average").format(
                at_goal=at_goal, days=len(days), average=_min(total / max(len(days), 1))
            )
            if self.has_data()
            else self._empty
        )
        self.update()

    def has_data(self) -> bool:
        """Whether any of the days has a record (else the chart says what will appear)."""
        return any(_recorded(day) for day in self._days)

    def day_labels(self) -> list[str]:
        """The label under each bar ("" where there is none), oldest first."""
        labels = []
        for index, day in enumerate(self._days):
            if self._weekdays and self._ends_today and index == len(self._days) - 1:
                labels.append(tr("Today"))
            elif self._weekdays:
                labels.append(
                    QLocale().dayName(day.day.isoweekday(), QLocale.FormatType.ShortFormat)
                )
            elif (len(self._days) - 1 - index) % 7 == 0:
                labels.append(QLocale().toString(_qdate(day.day), "d MMM"))
            else:
                labels.append("")
        return labels

    def _scale(self) -> tuple[float, float, list[float]]:
        """The goal, the scale's top and its ticks, in minutes."""
        goal = minutes(self._days[-1].goal) if self._days else 10.0
        top, ticks = _ticks(max([goal * 1.2, *(minutes(d.movement) for d in self._days)]))
        return goal, top, ticks

    @staticmethod
    def _unit(top: float) -> str:
        return tr("{minutes} min").format(minutes=f"{top:g}")

    @staticmethod
    def _goal_name(goal: float) -> str:
        return tr("goal {minutes}").format(minutes=f"{goal:g}")  # the goal, named on the scale

    def plot_area(self) -> QRectF:
        """Where the bars stand, right of the minute scale, above the day labels."""
        goal, top, _ = self._scale()
        bold = QFont(self.font())
        bold.setBold(True)
        named = QFontMetrics(bold).horizontalAdvance(self._goal_name(goal))
        axis = max(self.fontMetrics().horizontalAdvance(self._unit(top)), named) + 8
        line = self.fontMetrics().height()
        return QRectF(axis, line + 8, self.width() - axis - 4, self.height() - 2 * line - 14)

    def bar_centre(self, index: int) -> QPointF:
        """The middle of day ``index``'s column at the foot of the chart (tests, pixels)."""
        area = self.plot_area()
        slot = area.width() / max(len(self._days), 1)
        return QPointF(area.left() + slot * (index + 0.5), area.bottom() - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Title, scale, bars, day labels, the goal line and its name."""
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        title = QFont(self.font())
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, self._title)
        painter.setFont(self.font())
        days = self._days
        goal, top, ticks = self._scale()
        unit, name = self._unit(top), self._goal_name(goal)
        bold = QFont(self.font())
        bold.setBold(True)
        area = self.plot_area()
        axis = area.left()

        def y_of(value: float) -> float:
            return area.bottom() - area.height() * value / top

        for tick in ticks:  # the scale: faint lines, the top one carries the unit
            y = y_of(tick)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            if abs(y - y_of(goal)) < line and tick != 0:
                continue  # the goal's name takes this place on the scale
            painter.setPen(faint)
            label = unit if tick == top else f"{tick:g}"
            painter.drawText(
                QRectF(0, y - line / 2, axis - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.has_data():
            painter.setPen(faint)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._empty)  # fmt: skip
        slot = area.width() / max(len(days), 1)
        show_values = self._weekdays and slot > metrics.horizontalAdvance("888") + 4
        for index, (day, label) in enumerate(zip(days, self.day_labels(), strict=True)):
            left = area.left() + index * slot
            value = minutes(day.movement)
            height = area.height() * value / top
            bar = QRectF(left + slot * 0.15, area.bottom() - height, slot * 0.7, height)
            if _recorded(day):
                reached = day.movement >= day.goal
                colour = COLOURS["moving"] if reached else BELOW_GOAL
                painter.fillRect(bar if height >= 2 else bar.adjusted(0, -2, 0, 0), colour)
                if show_values:
                    painter.setPen(text)
                    painter.drawText(
                        QRectF(left, bar.top() - line, slot, line),
                        Qt.AlignmentFlag.AlignCenter,
                        f"{value:.0f}",
                    )
            if label:
                painter.setPen(text)
                width = max(slot, metrics.horizontalAdvance(label) + 4)
                x = min(left + slot / 2 - width / 2, self.width() - width)  # the last stays whole
                painter.drawText(
                    QRectF(x, area.bottom() + 2, width, line),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
        y = y_of(goal)  # the goal: a dashed line across, its name on the scale
        painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, y - line / 2, axis - 6, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.end()


class BackChart(QWidget):
    """Weekly movement (bars) beside the weekly back check-in (a line, 0-10, lower is better)."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(150)
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
        line = painter.fontMetrics().height()
        title = QRectF(0, 0, self.width(), line)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            title,
            Qt.AlignmentFlag.AlignLeft,
            tr("By week: movement a day (bars, minutes) and back (line, 0-10, lower is better)"),
        )
        painter.setFont(self.font())
        back = self._back
        if back is not None and back.weeks:
            # Room above for the scores over the tallest bar, below for the weeks' dates.
            area = QRectF(4, 2 * line + 8, self.width() - 8, self.height() - 3 * line - 12)
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
                    QRectF(left, area.bottom() + 2, slot, line),
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


def devices_text(devices: Sequence[DeviceShare]) -> str:
    """The day by computer: "On this computer (desk): moved 12 min, seated 95 min · ..."."""
    parts = []
    for share in devices:
        label = (
            tr("this computer ({name})").format(name=share.name)
            if share.this_device
            else share.name
        )
        parts.append(
            tr("{computer}: moved {moved} min, seated {seated} min").format(
                computer=label,
                moved=f"{minutes(share.movement):g}",
                seated=f"{minutes(share.seated):g}",
            )
        )
    return tr("By computer: ") + " · ".join(parts) if parts else ""


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
        legend = QLabel("\u00a0\u00a0\u00a0".join(swatches))
        legend.setAccessibleName(tr("Colours of the timeline"))
        self.week = BarChart(
            tr("Last 7 days"),
            tr("Your first week's movement will show here."),
            weekdays=True,
        )
        self.month = BarChart(
            tr("Last 30 days"), tr("Your first month will show here."), weekdays=False
        )
        key = [
            f'<span style="color:{COLOURS["moving"].name()}">■</span> {tr("goal reached")}',
            f'<span style="color:{BELOW_GOAL.name()}">■</span> {tr("below the goal")}',
            f"┄ {tr('your daily goal')}",
        ]
        self._chart_key = QLabel("\u00a0\u00a0\u00a0".join(key))
        self._chart_key.setAccessibleName(tr("Colours of the charts"))
        self.back = BackChart()
        self._back_summary = QLabel()
        self._back_summary.setWordWrap(True)
        self._devices = QLabel()
        self._devices.setAccessibleName(tr("Movement by computer"))
        self._devices.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(top)
        layout.addWidget(self._devices)
        layout.addWidget(self.timeline)
        layout.addWidget(legend)
        charts = QHBoxLayout()
        charts.addWidget(self.week, 2)
        charts.addWidget(self.month, 3)
        layout.addSpacing(6)
        layout.addLayout(charts, 1)
        layout.addWidget(self._chart_key)
        layout.addWidget(self.back)
        layout.addWidget(self._back_summary)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.resize(780, 600)

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
        self.timeline.show_day(review, is_today=is_today)
        self.week.show_days(review.week, is_today=is_today)
        self.month.show_days(review.month, is_today=is_today)
        self.back.show_weeks(review.back)
        self.back.setVisible(review.back is not None)
        self._back_summary.setVisible(review.back is not None)
        if review.back is not None:
            self._back_summary.setText(back_summary(review.back))
        self._devices.setText(devices_text(review.devices))
        self._devices.setVisible(bool(review.devices))

    def devices_shown(self) -> str:
        """Which computer the minutes came from, as shown ("" with one computer only)."""
        return self._devices.text() if self._devices.isVisibleTo(self) else ""

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
