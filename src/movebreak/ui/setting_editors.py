"""One editor widget per kind of setting, chosen from the schema's type.

Each editor shows a value and hands back what the user entered in the form it takes in
``config.toml`` (``"30m"``, ``["mon", "tue"]``, ``"08:30-18:00"``), so the core's one
parser validates the window and the file alike. What the user sees is words, never the
file's spelling: choices by their labels (``core.settings.CHOICE_LABELS``), exercises by
their titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.core.durations import format_duration
from movebreak.core.schedule import ALL_DAY, Weekday, WorkHours
from movebreak.core.settings import Option, choice_label
from movebreak.ui.text import QT_TR_NOOP, tr

# Short names on the day toggles and full names for screen readers, Monday first.
DAY_NAMES: dict[Weekday, tuple[str, str]] = {
    Weekday.MON: (QT_TR_NOOP("Mon"), QT_TR_NOOP("Monday")),
    Weekday.TUE: (QT_TR_NOOP("Tue"), QT_TR_NOOP("Tuesday")),
    Weekday.WED: (QT_TR_NOOP("Wed"), QT_TR_NOOP("Wednesday")),
    Weekday.THU: (QT_TR_NOOP("Thu"), QT_TR_NOOP("Thursday")),
    Weekday.FRI: (QT_TR_NOOP("Fri"), QT_TR_NOOP("Friday")),
    Weekday.SAT: (QT_TR_NOOP("Sat"), QT_TR_NOOP("Saturday")),
    Weekday.SUN: (QT_TR_NOOP("Sun"), QT_TR_NOOP("Sunday")),
}


# An exercise as the pickers show it: its id (what the file keeps) and its title.
Titled = tuple[str, str]


class Editor(QWidget):
    """A value editor; ``edited`` fires when the user has entered a new value."""

    edited = Signal()
    wide = False  # a list that needs the page's width: its label goes above it, not beside

    def raw(self) -> Any:
        """The entered value as written in the file."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Display ``value`` without firing ``edited``."""
        raise NotImplementedError

    def _row(self, *widgets: QWidget) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)


class DurationEditor(Editor):
    """A duration as the user would type it: ``45s``, ``30m``, ``1h30m``."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setMaximumWidth(110)
        self.field.setPlaceholderText("30m")
        self.field.editingFinished.connect(self._finished)
        self._shown = ""
        self._row(self.field)  # the page says once how durations are written
        self.setFocusProxy(self.field)

    def raw(self) -> Any:
        """The text typed."""
        return self.field.text().strip()

    def show_value(self, value: Any) -> None:
        """A timedelta, written back as text."""
        self._shown = format_duration(value) if isinstance(value, timedelta) else str(value)
        self.field.setText(self._shown)

    def _finished(self) -> None:
        if self.raw() != self._shown:
            self._shown = self.raw()
            self.edited.emit()


class SwitchEditor(Editor):
    """On or off; the option's label is the checkbox's own text."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.box = QCheckBox(label)
        self.box.toggled.connect(lambda _=False: self.edited.emit())
        self._row(self.box)
        self.setFocusProxy(self.box)

    def raw(self) -> Any:
        """True or false."""
        return self.box.isChecked()

    def show_value(self, value: Any) -> None:
        """Tick or untick."""
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)


class NumberEditor(Editor):
    """A whole number; the schema's minimum is the spin box's floor."""

    def __init__(self, minimum: int | None) -> None:
        super().__init__()
        self.spin = QSpinBox()
        self.spin.setRange(minimum if minimum is not None else -1000, 1000)
        self.spin.valueChanged.connect(lambda _=0: self.edited.emit())
        self._row(self.spin)
        self.setFocusProxy(self.spin)

    def raw(self) -> Any:
        """The number."""
        return self.spin.value()

    def show_value(self, value: Any) -> None:
        """Set the number."""
        self.spin.blockSignals(True)
        self.spin.setValue(int(value))
        self.spin.blockSignals(False)


class ChoiceEditor(Editor):
    """One of the schema's choices, shown by its label, kept as the item's data."""

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.combo = QComboBox()
        for choice in option.spec.choices or ():
            self.combo.addItem(tr(choice_label(option.table, option.key, choice)), choice)
        self.combo.currentIndexChanged.connect(lambda _=0: self.edited.emit())
        self._row(self.combo)
        self.setFocusProxy(self.combo)

    def raw(self) -> Any:
        """The chosen value, as written in the file."""
        return self.combo.currentData()

    def show_value(self, value: Any) -> None:
        """Select ``value``."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(self.combo.findData(str(value)), 0))
        self.combo.blockSignals(False)

    def choose(self, value: str) -> None:
        """Select ``value`` as the user would (fires ``edited``)."""
        self.combo.setCurrentIndex(self.combo.findData(value))


class ChecklistEditor(Editor):
    """Any number of the schema's choices, one checkbox each, shown by their labels."""

    wide = True

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.boxes = {
            choice: QCheckBox(tr(choice_label(option.table, option.key, choice)))
            for choice in option.spec.choices or ()
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for box in self.boxes.values():
            layout.addWidget(box)
            box.toggled.connect(lambda _=False: self.edited.emit())
        self.setFocusProxy(next(iter(self.boxes.values())))

    def raw(self) -> Any:
        """The ticked choices."""
        return [choice for choice, box in self.boxes.items() if box.isChecked()]

    def show_value(self, value: Any) -> None:
        """Tick exactly ``value``."""
        for choice, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(choice in value)
            box.blockSignals(False)


class ListEditor(Editor):
    """Free texts (exercise ids), separated by commas."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setPlaceholderText("walk-lap, calf-raise")
        self.field.editingFinished.connect(self._finished)
        self._shown: list[str] = []
        self._row(self.field)
        self.setFocusProxy(self.field)

    def raw(self) -> Any:
        """The texts, blanks dropped."""
        return [part.strip() for part in self.field.text().split(",") if part.strip()]

    def show_value(self, value: Any) -> None:
        """Join the texts."""
        self._shown = list(value)
        self.field.setText(", ".join(value))

    def _finished(self) -> None:
        if self.raw() != self._shown:
            self._shown = self.raw()
            self.edited.emit()


class ExercisePicker(Editor):
    """Exercises picked from the library by title, with a search field; kept as their ids.

    Ids in the file that the library does not hold (an exercise since removed, a typo) are
    kept as they are: the window never drops what the user wrote.
    """

    wide = True

    def __init__(self, exercises: Sequence[Titled], name: str) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find an exercise…"))
        self.search.setAccessibleName(tr("Find an exercise"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setFixedHeight(150)
        for exercise_id, title in sorted(exercises, key=lambda pair: pair[1].casefold()):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, exercise_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._changed())
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self._unknown: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self._summarise()

    def items(self) -> list[QListWidgetItem]:
        """Every exercise in the list, shown or filtered out."""
        return [self.list.item(row) for row in range(self.list.count())]

    def raw(self) -> Any:
        """The ticked exercises' ids, then any unknown ids the file held."""
        ticked = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self.items()
            if item.checkState() is Qt.CheckState.Checked
        ]
        return ticked + self._unknown

    def show_value(self, value: Any) -> None:
        """Tick exactly the exercises in ``value``."""
        wanted = [str(v) for v in value]
        known = set()
        self.list.blockSignals(True)
        for item in self.items():
            exercise_id = str(item.data(Qt.ItemDataRole.UserRole))
            known.add(exercise_id)
            on = exercise_id in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._unknown = [v for v in wanted if v not in known]
        self._summarise()

    def tick(self, exercise_id: str, on: bool = True) -> None:
        """Tick or untick ``exercise_id`` as the user would (fires ``edited``)."""
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == exercise_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self) -> None:
        self._summarise()
        self.edited.emit()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self.items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _summarise(self) -> None:
        titles = [
            item.text() for item in self.items() if item.checkState() is Qt.CheckState.Checked
        ]
        if not titles and not self._unknown:
            self.chosen.setText(tr("None chosen."))
            return
        text = tr("Chosen: {titles}.").format(titles=", ".join(titles)) if titles else ""
        if self._unknown:
            more = tr("{count} more not in the library, kept as written.")
            text = f"{text} {more.format(count=len(self._unknown))}".strip()
        self.chosen.setText(text)


class TextEditor(Editor):
    """One free text (a folder, a name)."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setMinimumWidth(260)
        self.field.editingFinished.connect(self._finished)
        self._shown = ""
        self._row(self.field)
        self.setFocusProxy(self.field)

    def raw(self) -> Any:
        """The text, spaces at either end dropped."""
        return self.field.text().strip()

    def show_value(self, value: Any) -> None:
        """Show the text."""
        self._shown = str(value)
        self.field.setText(self._shown)

    def _finished(self) -> None:
        if self.raw() != self._shown:
            self._shown = self.raw()
            self.edited.emit()


class DaysEditor(Editor):
    """Seven day toggles, Monday first."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: dict[Weekday, QToolButton] = {}
        for day in Weekday:
            button = QToolButton()
            short, full = DAY_NAMES[day]
            button.setText(tr(short))
            button.setCheckable(True)
            button.setAccessibleName(tr(full))
            button.setMinimumWidth(44)
            # On or off must be plain at a glance, in any theme.
            button.setStyleSheet(
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); font-weight: 600; }"
            )
            button.toggled.connect(lambda _=False: self.edited.emit())
            self.buttons[day] = button
        self._row(*self.buttons.values())
        self.setFocusProxy(self.buttons[Weekday.MON])

    def raw(self) -> Any:
        """The days switched on."""
        return [day.value for day, button in self.buttons.items() if button.isChecked()]

    def show_value(self, value: Any) -> None:
        """Switch on exactly ``value``."""
        for day, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(day in value)
            button.blockSignals(False)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class HoursEditor(Editor):
    """A daily range of hours, or all day."""

    def __init__(self) -> None:
        super().__init__()
        self.all_day = QCheckBox(tr("All day"))
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
            edit.editingFinished.connect(self.edited.emit)
        self.start.setAccessibleName(tr("From"))
        self.end.setAccessibleName(tr("To"))
        self.all_day.toggled.connect(self._all_day_toggled)
        self._row(self.all_day, QLabel(tr("from")), self.start, QLabel(tr("to")), self.end)
        self.setFocusProxy(self.all_day)

    def raw(self) -> Any:
        """``"08:30-18:00"``, or ``"00:00-24:00"`` for all day."""
        if self.all_day.isChecked():
            return str(ALL_DAY)
        return f"{self.start.time().toString('HH:mm')}-{self.end.time().toString('HH:mm')}"

    def show_value(self, value: Any) -> None:
        """Show a WorkHours."""
        hours = value if isinstance(value, WorkHours) else ALL_DAY
        for widget in (self.all_day, self.start, self.end):
            widget.blockSignals(True)
        self.all_day.setChecked(hours == ALL_DAY)
        self.start.setTime(_qtime(hours.start))
        self.end.setTime(_qtime(time(0, 0) if hours.end == time.max else hours.end))
        self._enable()
        for widget in (self.all_day, self.start, self.end):
            widget.blockSignals(False)

    def _all_day_toggled(self, on: bool) -> None:
        if not on and self.start.time() == self.end.time():  # offer office hours to edit
            self.start.setTime(QTime(9, 0))
            self.end.setTime(QTime(17, 0))
        self._enable()
        self.edited.emit()

    def _enable(self) -> None:
        for edit in (self.start, self.end):
            edit.setEnabled(not self.all_day.isChecked())


class ClockEditor(Editor):
    """A time of day."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        self.edit.editingFinished.connect(self.edited.emit)
        self._row(self.edit)
        self.setFocusProxy(self.edit)

    def raw(self) -> Any:
        """``"04:00"``."""
        return self.edit.time().toString("HH:mm")

    def show_value(self, value: Any) -> None:
        """Show a time."""
        self.edit.blockSignals(True)
        self.edit.setTime(_qtime(value))
        self.edit.blockSignals(False)


def editor_for(option: Option, exercises: Sequence[Titled] = ()) -> Editor:
    """The editor that suits ``option``'s type; exercise lists pick from ``exercises``."""
    kind, spec = option.kind, option.spec
    if kind is timedelta:
        return DurationEditor()
    if kind is bool:
        return SwitchEditor(tr(spec.label))
    if kind is int:
        return NumberEditor(spec.minimum)
    if kind is str and spec.choices:
        return ChoiceEditor(option)
    if kind == tuple[Weekday, ...]:
        return DaysEditor()
    if kind is WorkHours:
        return HoursEditor()
    if kind is time:
        return ClockEditor()
    if kind == tuple[str, ...]:
        if spec.choices:
            return ChecklistEditor(option)
        if option.table == "exercises" and exercises:
            return ExercisePicker(exercises, tr(spec.label))
        return ListEditor()
    if kind is str:
        return TextEditor()
    raise TypeError(f"no editor for [{option.table}] {option.key}: {kind!r}")  # a schema bug
