"""About movebreak: the version, the promise about data, and where the files are.

"Open log folder" lives here (and in Settings > Privacy & data), so a user asked for a log
by someone helping them finds it without knowing platform folder conventions.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from movebreak.ui.text import tr


class AboutBox(QWidget):
    """Emits ``folder_requested("log" | "data")``; stays open while the user looks."""

    folder_requested = Signal(str)

    def __init__(self, version: str, folders: Mapping[str, Path]) -> None:
        super().__init__()
        self.setWindowTitle(tr("About movebreak"))
        rows = "".join(
            f'<tr><td style="padding-right: 8px">{escape(label)}</td>'
            f"<td><code>{escape(str(path))}</code></td></tr>"
            for label, path in (
                (tr("Settings"), folders["config"]),
                (tr("Journal"), folders["data"]),
                (tr("Log"), folders["log"]),
            )
        )
        self.text = QLabel(
            "<h3>"
            + escape(tr("movebreak {version}").format(version=version))
            + "</h3>"
            + escape(tr("Gets people who sit at a computer all day to move, a little and often."))
            + "<br><br>"
            + escape(
                tr(
                    "It keeps only when you last typed or moved the mouse, never which key or "
                    "what text, opens no network connection, and keeps its files on this "
                    "computer, readable by you alone."
                )
            )
            + f"<br><br><table>{rows}</table><br>"
            + escape(tr("Free software under the GNU GPL, version 3 or later."))
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for label, folder in ((tr("Open &log folder"), "log"), (tr("Open &data folder"), "data")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, f=folder: self.folder_requested.emit(f))
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(tr("&Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.setMinimumWidth(520)
