"""The exercise library browser: filter, read, watch, mark favourites, hide, try one now."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.core.exercises import FOCUS_AREAS, Exercise, Position
from movebreak.core.poses import Pose
from movebreak.ui.figure import FigureView
from movebreak.ui.presenters import (
    DISCLAIMER,
    area_name,
    exercise_detail,
    library_rows,
    position_name,
)
from movebreak.ui.text import QT_TR_NOOP, tr


class LibraryWindow(QWidget):
    """A plain window; emits what the user asks for, renders what it is given."""

    favourite_toggled = Signal(str, bool)
    hidden_toggled = Signal(str, bool)
    try_requested = Signal(str)
    red_flags_requested = Signal()

    def __init__(self, exercises: Sequence[Exercise], poses: Mapping[str, Pose]):
        super().__init__()
        self.setWindowTitle(tr("movebreak: exercises"))
        self.setAccessibleName(tr("Exercise library"))
        self._exercises = {e.id: e for e in exercises}
        self._favourites: frozenset[str] = frozenset()
        self._hidden: frozenset[str] = frozenset()
        positions = [(p.value, position_name(p.value)) for p in Position]
        self._position = self._combo(QT_TR_NOOP("Position"), positions)
        areas = sorted(((a, area_name(a)) for a in FOCUS_AREAS), key=lambda pair: pair[1])
        self._focus = self._combo(QT_TR_NOOP("Body area"), areas)
        self._level = self._combo(QT_TR_NOOP("Level"), [(n, n) for n in ("1", "2", "3")])
        self._list = QListWidget()
        self._list.setAccessibleName(tr("Exercises"))
        # A long row ends in "…" rather than hiding under a sideways scroll bar.
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.currentItemChanged.connect(self._show_current)
        self._figure = FigureView(poses)
        self._figure.setFixedSize(150, 190)
        self._title = QLabel()
        self._title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self._facts = QLabel()
        self._facts.setWordWrap(True)
        self._steps = QLabel()
        self._steps.setWordWrap(True)
        self._cautions = QLabel()
        self._cautions.setWordWrap(True)
        self._cautions.setStyleSheet("font-style: italic;")
        self._favourite = QCheckBox(tr("&Favourite: offer it more often"))
        self._favourite.setObjectName("favourite")
        self._favourite.toggled.connect(lambda on: self._toggle(self.favourite_toggled, on))
        self._hide = QCheckBox(tr("&Hide: never offer it"))
        self._hide.setObjectName("hide")
        self._hide.toggled.connect(lambda on: self._toggle(self.hidden_toggled, on))
        self._try = QPushButton(tr("&Try it now"))
        self._try.clicked.connect(lambda: self.try_requested.emit(self.current_id() or ""))
        self._build()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.resize(940, 560)

    def _combo(self, name: str, values: list[tuple[str, str]]) -> QComboBox:
        """A filter: "Any", then each (value, words): the words shown, the value kept."""
        combo = QComboBox()
        combo.setAccessibleName(tr(name))
        combo.setObjectName(name.lower().replace(" ", "_"))
        combo.addItem(tr("Any"), None)
        for value, words in values:
            combo.addItem(tr(words), value)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _build(self) -> None:
        filters = QHBoxLayout()
        for label, combo in (
            (tr("&Position"), self._position),
            (tr("&Body area"), self._focus),
            (tr("&Level"), self._level),
        ):
            text = QLabel(label)
            text.setBuddy(combo)
            filters.addWidget(text)
            filters.addWidget(combo)
        filters.addStretch(1)
        detail = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self._figure)
        heading = QVBoxLayout()
        heading.addWidget(self._title)
        heading.addWidget(self._facts)
        heading.addStretch(1)
        top.addLayout(heading, 1)
        detail.addLayout(top)
        for widget in (self._steps, self._cautions, self._favourite, self._hide):
            detail.addWidget(widget)
        detail.addWidget(self._try, 0, Qt.AlignmentFlag.AlignLeft)
        detail.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self._list, 1)
        body.addLayout(detail, 1)
        notice = QLabel(tr(DISCLAIMER))
        notice.setWordWrap(True)
        notice.setStyleSheet("font-size: 9pt;")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        flags = QPushButton(tr("&Red-flag symptoms…"))
        flags.clicked.connect(self.red_flags_requested)
        footer = QHBoxLayout()
        footer.addWidget(notice, 1)
        footer.addWidget(flags)
        layout.addLayout(footer)

    def set_marks(self, favourites: frozenset[str], hidden: frozenset[str]) -> None:
        """Show which exercises are favourites and which are hidden."""
        self._favourites, self._hidden = favourites, hidden
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list for the current filters, keeping the selection if it stays."""
        keep = self.current_id()
        level = self._level.currentData()
        rows = library_rows(
            list(self._exercises.values()),
            position=self._position.currentData(),
            focus=self._focus.currentData(),
            level=None if level is None else int(level),
            favourites=self._favourites,
            hidden=self._hidden,
        )
        self._list.blockSignals(True)
        self._list.clear()
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(Qt.ItemDataRole.UserRole, row.exercise_id)
            self._list.addItem(item)
            if row.exercise_id == keep:
                self._list.setCurrentItem(item)
        self._list.blockSignals(False)
        if self._list.currentRow() < 0 and self._list.count():
            self._list.setCurrentRow(0)
        self._show_current()

    def current_id(self) -> str | None:
        """The exercise shown on the right, if any."""
        if self._list.currentRow() < 0:
            return None
        return str(self._list.currentItem().data(Qt.ItemDataRole.UserRole))

    def listed_ids(self) -> list[str]:
        """The ids in the list, top to bottom."""
        return [
            str(self._list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self._list.count())
        ]

    def select(self, exercise_id: str) -> None:
        """Show ``exercise_id`` if it is in the list."""
        for row, listed in enumerate(self.listed_ids()):
            if listed == exercise_id:
                self._list.setCurrentRow(row)

    def shown_title(self) -> str:
        """The title on the right."""
        return self._title.text()

    def _show_current(self) -> None:
        exercise = self._exercises.get(self.current_id() or "")
        for widget in (self._favourite, self._hide, self._try):
            widget.setEnabled(exercise is not None)
        if exercise is None:
            self._title.setText(tr("No exercise matches"))
            self._facts.clear()
            self._steps.clear()
            self._cautions.clear()
            return
        title, facts, steps, cautions = exercise_detail(exercise)
        self._title.setText(title)
        self._facts.setText(facts)
        self._steps.setText(steps)
        self._cautions.setText(cautions)
        self._figure.play(exercise.animation, title)
        for box, marked in ((self._favourite, self._favourites), (self._hide, self._hidden)):
            box.blockSignals(True)
            box.setChecked(exercise.id in marked)
            box.blockSignals(False)

    def _toggle(self, signal: SignalInstance, on: bool) -> None:
        exercise_id = self.current_id()
        if exercise_id is not None:
            signal.emit(exercise_id, on)
