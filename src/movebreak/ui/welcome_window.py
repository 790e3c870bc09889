"""First run: what movebreak does with input, your desk, and a short readiness check.

The questions follow movement-science.md 4.3 (modelled on the PAR-Q). Any "yes" keeps
suggestions gentle (level 1) and leaves out exercises that the answer rules out. It can
be skipped, and reopened from the tray.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.ui.presenters import DISCLAIMER
from movebreak.ui.text import QT_TR_NOOP, tr

# Each question and the exercise conditions ("avoid_if") a yes rules out.
QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TR_NOOP(
            "Has a doctor said you have a heart condition, or that you should only do activity "
            "they recommend?"
        ),
        ("heart_condition_symptoms",),
    ),
    (
        QT_TR_NOOP(
            "Do you get chest pain or pressure when you are active, or have you had it recently "
            "at rest?"
        ),
        ("heart_condition_symptoms",),
    ),
    (
        QT_TR_NOOP("Do you lose your balance because of dizziness, or have you fainted recently?"),
        ("balance_problems", "dizziness"),
    ),
    (
        QT_TR_NOOP(
            "Do you have a bone, joint or back problem that activity has made worse, or a recent "
            "injury or operation?"
        ),
        ("acute_flare", "recent_surgery"),
    ),
    (
        QT_TR_NOOP("Are you taking medicine for blood pressure or a heart condition?"),
        ("heart_condition_symptoms",),
    ),
    (
        QT_TR_NOOP("Are you pregnant or have you given birth in the last 6 months?"),
        ("late_pregnancy",),
    ),
    (QT_TR_NOOP("Is there any other reason you think you should not be more active?"), ()),
)
CHECK_FIRST = QT_TR_NOOP(
    "Please check with a health professional before increasing your activity. Until then "
    "movebreak keeps suggestions gentle."
)


def answers_to_limits(answers: tuple[bool, ...]) -> tuple[tuple[str, ...], int]:
    """The ``avoid_if`` conditions and the highest level the answers allow."""
    avoid = sorted(
        {
            c
            for (_, conditions), yes in zip(QUESTIONS, answers, strict=True)
            if yes
            for c in conditions
        }
    )
    return tuple(avoid), 1 if any(answers) else 3


class WelcomeWindow(QWidget):
    """Emits ``saved(standing_desk, avoid_if, max_level, back_checkin)``; Skip just closes."""

    saved = Signal(bool, tuple, int, bool)
    red_flags_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("Welcome to movebreak"))
        intro = QLabel(
            tr(
                "<b>movebreak gets you moving between stretches of sitting.</b><br>"
                "It notices <i>when</i> you last typed or moved the mouse, never what you typed "
                "or where the pointer was, and keeps everything on this computer. After about "
                "30 minutes of sitting it suggests a short exercise at a moment that does not "
                "break your flow."
            )
        )
        intro.setWordWrap(True)
        self._sit = QRadioButton(tr("I &work sitting"))
        self._sit.setChecked(True)
        self._stand = QRadioButton(tr("I have a sit-stand &desk"))
        desk = QHBoxLayout()
        desk.addWidget(self._sit)
        desk.addWidget(self._stand)
        desk.addStretch(1)
        ask = QLabel(tr("<b>A few yes/no questions</b> (tick any that apply; you can skip them):"))
        ask.setWordWrap(True)
        self._boxes = [QCheckBox(tr(text)) for text, _ in QUESTIONS]
        for box in self._boxes:
            box.toggled.connect(self._update_advice)
        self._advice = QLabel(tr(CHECK_FIRST))
        self._advice.setWordWrap(True)
        self._advice.setStyleSheet("font-weight: 600;")
        self._advice.hide()
        self._checkin = QCheckBox(
            tr(
                "Ask me once a day how my back feels (0-10), to see whether moving more goes "
                "with feeling better"
            )
        )
        notice = QLabel(tr(DISCLAIMER))
        notice.setWordWrap(True)
        notice.setStyleSheet("font-size: 9pt;")
        flags = QPushButton(tr("&Red-flag symptoms…"))
        flags.clicked.connect(self.red_flags_requested)
        skip = QPushButton(tr("S&kip"))
        skip.clicked.connect(self.close)
        save = QPushButton(tr("&Save"))
        save.setDefault(True)
        save.clicked.connect(self._save)
        buttons = QHBoxLayout()
        buttons.addWidget(flags)
        buttons.addStretch(1)
        buttons.addWidget(skip)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        for widget in (intro, QLabel(tr("<b>Your desk</b>"))):
            layout.addWidget(widget)
        layout.addLayout(desk)
        layout.addWidget(ask)
        for box in self._boxes:
            box.setStyleSheet("QCheckBox { padding: 2px; }")
            layout.addWidget(box)
        layout.addWidget(self._advice)
        layout.addWidget(QLabel(tr("<b>Optional</b>")))
        layout.addWidget(self._checkin)
        layout.addWidget(notice)
        layout.addLayout(buttons)
        # Esc (or the platform's close keys) is Skip: nothing is saved.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.setMinimumWidth(620)
        # A top-level window is sized before its width is known, and wrapped labels were cut
        # short: give each the height its text needs at the window's narrowest.
        text_width = 620 - layout.contentsMargins().left() - layout.contentsMargins().right()
        for label in self.findChildren(QLabel):
            if label.wordWrap():
                label.setMinimumHeight(label.heightForWidth(text_width))

    def answer(self, index: int, yes: bool) -> None:
        """Tick or untick question ``index`` (tests, accessibility)."""
        self._boxes[index].setChecked(yes)

    def want_checkin(self, on: bool) -> None:
        """Tick or untick the daily back check-in (tests, accessibility)."""
        self._checkin.setChecked(on)

    def advice_shown(self) -> bool:
        """Whether the check-with-a-professional advice is showing."""
        return not self._advice.isHidden()

    def _update_advice(self) -> None:
        self._advice.setVisible(any(box.isChecked() for box in self._boxes))

    def _save(self) -> None:
        avoid, level = answers_to_limits(tuple(box.isChecked() for box in self._boxes))
        self.saved.emit(self._stand.isChecked(), avoid, level, self._checkin.isChecked())
        self.close()
