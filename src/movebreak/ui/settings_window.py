"""The settings window: every option of the one schema, on pages, applied as you change it.

The rows are built from ``core.settings.options()``, so a new option appears here, in the
file and in the README without being written three times. A value the core refuses is
explained under its field and never leaves the window; a value outside the recommended
range is kept, with the advice shown. The window validates and emits; the app saves and
applies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from movebreak.core.problems import Severity
from movebreak.core.settings import Option, Settings, options, value_of
from movebreak.core.settings_validation import check
from movebreak.ui.setting_editors import Editor, SwitchEditor, Titled, editor_for
from movebreak.ui.text import QT_TR_NOOP, tr

# Each page and the schema tables it shows; every table is on exactly one page.
PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TR_NOOP("Breaks"), ("breaks",)),
    (QT_TR_NOOP("Schedule"), ("schedule",)),
    (QT_TR_NOOP("Standing desk"), ("standing",)),
    (QT_TR_NOOP("Exercises"), ("exercises",)),
    (QT_TR_NOOP("Goals"), ("goals",)),
    (QT_TR_NOOP("Notifications"), ("notifications", "busy")),
    (QT_TR_NOOP("Privacy & data"), ("activity",)),
    (QT_TR_NOOP("Several computers"), ("sync",)),
)
PRIVACY = QT_TR_NOOP(
    "movebreak keeps only <i>when</i> you last typed or moved the mouse, never which key, "
    "what text or where the pointer was. It opens no network connection. Your settings, "
    "journal and log are files on this computer, readable by you alone."
)
DURATIONS = QT_TR_NOOP("Write times like 45s, 30m or 1h30m.")
FOLDERS = ((QT_TR_NOOP("Open &data folder"), "data"), (QT_TR_NOOP("Open lo&g folder"), "log"))
Key = tuple[str, str]


class Row:
    """One option's editor with its help line and its problem line."""

    def __init__(self, option: Option, exercises: Sequence[Titled] = ()) -> None:
        self.option = option
        self.editor: Editor = editor_for(option, exercises)
        self.editor.setAccessibleName(tr(option.spec.label))
        self.editor.setAccessibleDescription(tr(option.spec.help))
        # A screen reader names the field that has focus, not the row around it; a button
        # (a switch, a day, a choice) speaks its own text.
        field = self.editor.focusProxy()
        if field is not None and not isinstance(field, QAbstractButton):
            field.setAccessibleName(tr(option.spec.label))
            field.setAccessibleDescription(tr(option.spec.help))
        self.help = QLabel(tr(option.spec.help))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("font-size: 9pt; color: palette(placeholder-text);")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

    def show_problem(self, message: str | None, severity: Severity = Severity.ERROR) -> None:
        """Explain a refused value (red) or advice about a kept one; ``None`` clears it."""
        if message is None:
            self.problem.hide()
            return
        colour = "#c0392b" if severity is Severity.ERROR else "#b9770e"
        self.problem.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.problem.setText(message)
        self.problem.show()


class SettingsWindow(QWidget):
    """Emits validated changes; renders the settings it is given."""

    changed = Signal(object)  # {(table, key): converted value}; one save per signal
    autostart_toggled = Signal(bool)
    folder_requested = Signal(str)  # "data" or "log"
    file_requested = Signal()  # open config.toml in the user's editor
    library_requested = Signal()

    def __init__(self, config_file: Path, exercises: Sequence[Titled] = ()) -> None:
        """``exercises`` are the library's (id, title) pairs, for picking favourites."""
        super().__init__()
        self._exercises = tuple(exercises)
        self.setWindowTitle(tr("movebreak settings"))
        self.setObjectName("movebreak-settings")
        self._config_file = config_file
        self.rows: dict[Key, Row] = {}
        self._pages = QListWidget()
        self._pages.setAccessibleName(tr("Settings pages"))
        self._pages.setMaximumWidth(170)
        self._stack = QStackedWidget()
        by_table: dict[str, list[Option]] = {}
        for option in options():
            by_table.setdefault(option.table, []).append(option)
        for title, tables in PAGES:
            self._pages.addItem(tr(title))
            scroll = QScrollArea()  # a long page scrolls rather than squeezing its rows
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self._page(title, [o for t in tables for o in by_table[t]]))
            self._stack.addWidget(scroll)
        self._pages.currentRowChanged.connect(self._stack.setCurrentIndex)
        self._pages.setCurrentRow(0)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        open_file = QPushButton(tr("&Open config.toml"))
        open_file.setToolTip(str(config_file))
        open_file.clicked.connect(self.file_requested)
        close = QPushButton(tr("&Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("Changes apply at once and are saved to config.toml.")))
        bottom.addStretch(1)
        bottom.addWidget(open_file)
        bottom.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(self._pages)
        body.addWidget(self._stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.resize(780, 600)

    # --- what the app calls ---

    def show_settings(self, settings: Settings) -> None:
        """Show ``settings`` in every editor; clears refusals of values now replaced."""
        for (table, key), row in self.rows.items():
            row.editor.show_value(value_of(settings, table, key))
            row.show_problem(None)

    def show_autostart(self, on: bool, unavailable: str | None, where: str) -> None:
        """The start-at-login switch: its state, or why it cannot work here."""
        self.autostart.blockSignals(True)
        self.autostart.setChecked(on)
        self.autostart.blockSignals(False)
        self.autostart.setEnabled(unavailable is None)
        self.autostart.setToolTip(unavailable or where)

    def show_device(self, device: str) -> None:
        """This computer's device id, under the shared-folder settings."""
        self.device_label.setText(
            tr(
                "This computer's device id: {device}. Its files in the shared folder are in "
                "the folder of that name; the folder holds times, exercise ids and minutes, "
                "never what you type."
            ).format(device=device)
        )

    def show_notice(self, message: str | None) -> None:
        """A message for the whole window (a save refused), or ``None`` to clear it."""
        self.notice.setText(message or "")
        self.notice.setStyleSheet("color: #c0392b; font-weight: 600;")
        self.notice.setVisible(message is not None)

    def open_page(self, title: str) -> None:
        """Switch to the page called ``title`` (tests, the tray)."""
        titles = [t for t, _ in PAGES]
        self._pages.setCurrentRow(titles.index(title))

    def current_page(self) -> str:
        """The title of the page shown."""
        return PAGES[self._stack.currentIndex()][0]

    # --- inside ---

    def _page(self, title: str, page_options: list[Option]) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if title == "Schedule":
            self.autostart = QCheckBox(tr("Start movebreak when I log in"))
            self.autostart.toggled.connect(self.autostart_toggled)
            form.addRow(self.autostart)
        for option in page_options:
            row = Row(option, self._exercises)
            self.rows[(option.table, option.key)] = row
            row.editor.edited.connect(lambda r=row: self._edited(r))
            cell = QVBoxLayout()
            cell.setSpacing(2)
            # A list reads best under what it is for; a field, with its meaning below it.
            parts = (row.help, row.editor, row.problem)
            for part in parts if row.editor.wide else (row.editor, row.problem, row.help):
                cell.addWidget(part)
            if isinstance(row.editor, SwitchEditor):  # the checkbox carries the label
                form.addRow(cell)
            elif row.editor.wide:  # a list: its label above it, the page's width for it
                label = QLabel(tr(option.spec.label))
                label.setBuddy(row.editor)
                label.setWordWrap(True)
                label.setStyleSheet("font-weight: 600;")
                form.addRow(label)
                cell.setContentsMargins(0, 0, 0, 8)
                form.addRow(cell)
            else:
                label = QLabel(tr(option.spec.label))
                label.setBuddy(row.editor)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                form.addRow(label, cell)
        extra = self._extras(title)
        reset = QPushButton(tr("Reset this page to defaults"))
        reset.clicked.connect(lambda: self._reset(page_options))
        layout = QVBoxLayout(page)
        heading = QLabel(tr(title))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout.addWidget(heading)
        if any(option.kind is timedelta for option in page_options):
            hint = QLabel(tr(DURATIONS))  # once per page, not after every field
            hint.setObjectName("durations-hint")
            hint.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(hint)
        layout.addLayout(form)
        if isinstance(extra, QPushButton):  # a button as wide as its words, not the page
            layout.addWidget(extra, 0, Qt.AlignmentFlag.AlignLeft)
        elif extra is not None:
            layout.addWidget(extra)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(reset)
        layout.addLayout(buttons)
        return page

    def _extras(self, title: str) -> QWidget | None:
        """Actions that belong on a page but are not settings."""
        if title == "Exercises":
            library = QPushButton(tr("Open the exercise &library…"))
            library.clicked.connect(self.library_requested)
            return library
        if title == "Several computers":
            self.device_label = QLabel()
            self.device_label.setWordWrap(True)
            self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return self.device_label
        if title != "Privacy & data":
            return None
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(tr(PRIVACY))
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        for label, folder in FOLDERS:
            button = QPushButton(tr(label))
            button.clicked.connect(lambda _=False, f=folder: self.folder_requested.emit(f))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _edited(self, row: Row) -> None:
        option = row.option
        value, problem = check(option.table, option.key, row.editor.raw(), self._config_file)
        if value is None and problem is not None:
            row.show_problem(_plain(problem.message), Severity.ERROR)
            return
        row.show_problem(_plain(problem.message) if problem else None, Severity.WARNING)
        self.changed.emit({(option.table, option.key): value})

    def _reset(self, page_options: list[Option]) -> None:
        changes: dict[Key, Any] = {}
        for option in page_options:
            row = self.rows[(option.table, option.key)]
            row.editor.show_value(option.default)
            row.show_problem(None)
            changes[(option.table, option.key)] = option.default
        self.changed.emit(changes)


def _plain(message: str) -> str:
    """The core's message about the file, reworded for the window."""
    refused = re.sub(r"; using the default .*$", "", message)
    if refused != message:
        return tr("{problem}. Not saved.").format(problem=refused)
    return message.replace("; kept as you wrote it", "; saved anyway")
