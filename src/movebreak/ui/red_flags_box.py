"""The red-flag symptoms: when to see a clinician instead of exercising.

Emergency advice, so it carries the warning icon (not the information one) and opens with
the emergency group. The list is long and a translation longer still: it scrolls inside a
box that fits a 768-pixel screen, rather than growing past the screen's bottom edge.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from movebreak.ui.text import tr

MAX_HEIGHT = 640  # fits a 1366x768 screen with a panel and the window's frame


class RedFlagsBox(QDialog):
    """A non-modal box with the symptoms in a scrolling text and a Close button."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Red-flag symptoms"))
        self.setObjectName("movebreak-red-flags")
        self.setModal(False)
        self._html = html
        self.icon = QLabel()
        self.icon.setObjectName("red-flags-icon")
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(48, 48))
        self.icon.setAccessibleName(tr("Warning"))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(tr("Red-flag symptoms"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.body = QTextBrowser()
        self.body.setAccessibleName(tr("Red-flag symptoms"))
        self.body.setOpenLinks(False)
        self.body.setHtml(html)
        close = QPushButton(tr("&Close"))
        close.setDefault(True)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(heading, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.setMaximumHeight(self._fitting_height())
        self.resize(600, self.maximumHeight())

    def text(self) -> str:
        """The rich text shown (as given, before Qt rewrites it)."""
        return self._html

    def _fitting_height(self) -> int:
        """At most MAX_HEIGHT, and never taller than the screen the box opens on."""
        screen = self.screen()
        return max(min(MAX_HEIGHT, screen.availableGeometry().height() - 60), 240)
