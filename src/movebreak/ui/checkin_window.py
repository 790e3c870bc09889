"""The daily back check-in: one question, eleven buttons, one tap.

Shown like a prompt (on top, bottom right, without taking the keyboard from the user's
work), so it is as easy to answer as to ignore; "Not today" closes it until tomorrow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from movebreak.core.checkin import QUESTION, SCALE
from movebreak.ui.placement import bottom_right
from movebreak.ui.text import tr


class CheckInWindow(QWidget):
    """Emits ``answered(score)`` for a tap on 0 to 10, or just closes on "Not today"."""

    answered = Signal(int)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(tr("movebreak: back check-in"))
        self.setObjectName("movebreak-checkin")
        self.setAccessibleName(tr("Back check-in"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        question = QLabel(tr(QUESTION))
        question.setStyleSheet("font-size: 14pt; font-weight: 600;")
        scale = QLabel(tr(SCALE))
        scale.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        self._scores: list[QPushButton] = []
        for score in range(11):
            button = QPushButton(str(score))
            button.setFixedWidth(34)
            button.setAccessibleName(tr("{score} of 10").format(score=score))
            button.clicked.connect(lambda _=False, s=score: self._answer(s))
            row.addWidget(button)
            self._scores.append(button)
        why = QLabel(
            tr(
                "Today's movement sets your answers beside your movement, so you can see whether "
                "moving more goes with feeling better. It stays on this computer."
            )
        )
        why.setWordWrap(True)
        why.setStyleSheet("font-size: 9pt;")
        later = QPushButton(tr("&Not today"))
        later.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(why, 1)
        bottom.addWidget(later)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(scale)
        layout.addLayout(row)
        layout.addLayout(bottom)
        self.setFixedWidth(480)

    def ask(self) -> None:
        """Show the question without taking focus."""
        self.adjustSize()
        self.move(bottom_right(self))
        self.show()
        self.raise_()

    def choose(self, score: int) -> None:
        """Tap ``score`` (tests, accessibility)."""
        self._scores[score].click()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Once clicked into: a digit answers 0-9, Esc closes."""
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._answer(int(text))
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def _answer(self, score: int) -> None:
        self.answered.emit(score)
        self.close()
