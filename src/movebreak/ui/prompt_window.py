"""The movement prompt: one exercise, a countdown, and Done / Snooze / Skip / Another.

It appears on top, on the screen where the pointer is, without taking keyboard focus from
whatever the user is typing into; clicking into it makes it the active window, and then
its keyboard shortcuts work. It renders a PromptView and emits intents, nothing more.

On Wayland the compositor, not the app, decides who gets the keyboard, and GNOME's mutter
gives it to every new window (measured with mutter 43: ``WA_ShowWithoutActivating`` and
``WindowDoesNotAcceptFocus`` do not reach it). There the prompt ignores keys until the
user clicks into it, so that what they were typing cannot answer it: a word with an "n"
would snooze it, Enter would press Done.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.core.poses import Pose
from movebreak.ui.figure import FigureView
from movebreak.ui.placement import bottom_right
from movebreak.ui.presenters import PromptView, countdown
from movebreak.ui.text import QT_TR_NOOP, tr

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
RATING_SECONDS = 30  # how long the optional effort question stays after Done
# The effort answers: the button's text and the progression.Rating value it sends.
RATINGS = (
    (QT_TR_NOOP("&Easy"), "easy"),
    (QT_TR_NOOP("&OK"), "ok"),
    (QT_TR_NOOP("&Hard"), "hard"),
    (QT_TR_NOOP("It h&urt"), "hurt"),
)


class PromptWindow(QWidget):
    """The one prompt window; hidden between prompts, never stacked."""

    done_clicked = Signal()
    snooze_clicked = Signal()
    skip_clicked = Signal()
    another_clicked = Signal()
    start_clicked = Signal()
    rating_chosen = Signal(str)  # a progression.Rating value

    def __init__(self, poses: Mapping[str, Pose]) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self._poses = poses
        self.setWindowTitle(tr("movebreak: time to move"))
        self.setObjectName("movebreak-prompt")
        self.setAccessibleName(tr("Movement prompt"))
        # Appear without taking focus: keystrokes keep going where the user was typing.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._view: PromptView | None = None
        self._started_mono: float | None = None
        self._keys_held = False  # Wayland: keys are ignored until the user clicks in
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self._build()

    def _build(self) -> None:
        self._figure = FigureView(self._poses)
        self._figure.setFixedSize(130, 170)
        self._heading = QLabel()
        self._heading.setStyleSheet("color: palette(highlight); font-size: 11pt; font-weight: 600;")
        self._title = QLabel()
        self._title.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._steps = QLabel()
        self._steps.setWordWrap(True)
        self._steps.setTextFormat(Qt.TextFormat.PlainText)
        self._caution = QLabel()
        self._caution.setWordWrap(True)
        self._caution.setStyleSheet("font-size: 9pt; font-style: italic;")
        self._timer = QLabel()
        self._timer.setAccessibleName(tr("Time left"))
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        self._progress.setMaximumHeight(6)

        self._start = self._button("Start", tr("&Start"), self.start_clicked, "Space")
        self._done = self._button("Done", tr("&Done"), self.done_clicked, "D")
        self._done.setDefault(True)
        self._snooze = self._button("Snooze", tr("S&nooze"), self.snooze_clicked, "N")
        self._skip = self._button("Skip", tr("S&kip"), self.skip_clicked, "K")
        self._another = self._button(
            "Another exercise", tr("&Another exercise"), self.another_clicked, "A"
        )

        text = QVBoxLayout()
        text.setSpacing(6)
        for widget in (self._heading, self._title, self._summary, self._steps, self._caution):
            text.addWidget(widget)
        text.addWidget(self._timer)
        text.addWidget(self._progress)
        top = QHBoxLayout()
        top.addWidget(self._figure, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self._start, self._done, self._snooze, self._skip):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._another)
        self._ratings = QWidget()
        ratings = QHBoxLayout(self._ratings)
        ratings.setContentsMargins(0, 0, 0, 0)
        for label, value in RATINGS:
            choice = QPushButton(tr(label))
            choice.setObjectName(f"Rate {label.replace('&', '')}")
            choice.setAccessibleName(tr("Rate {answer}").format(answer=tr(label).replace("&", "")))
            choice.clicked.connect(lambda _=False, v=value: self.rating_chosen.emit(v))
            ratings.addWidget(choice)
        ratings.addStretch(1)
        self._close = QPushButton(tr("&Close"))
        self._close.setObjectName("Close")
        self._close.setAccessibleName(tr("Close"))
        self._close.clicked.connect(self.hide_prompt)
        ratings.addWidget(self._close)
        self._ratings.hide()
        self._rating_timeout = QTimer(self)
        self._rating_timeout.setSingleShot(True)
        self._rating_timeout.setInterval(RATING_SECONDS * 1000)
        self._rating_timeout.timeout.connect(self.hide_prompt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(top)
        layout.addStretch(1)  # the buttons stay at the bottom edge whatever the text's length
        layout.addWidget(self._buttons)
        layout.addWidget(self._ratings)
        self.setMinimumWidth(520)
        self.setMaximumWidth(640)

    def _button(self, name: str, label: str, intent: SignalInstance, key: str) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)  # the English name: button() finds it in any language
        button.setAccessibleName(label.replace("&", ""))
        button.clicked.connect(intent)
        # A bare key works once the user has clicked into the window (window shortcut).
        # Portable: key names ("Space") must not be read in the user's language.
        QShortcut(QKeySequence(key, QKeySequence.SequenceFormat.PortableText), self, intent.emit)
        return button

    def show_prompt(self, view: PromptView) -> None:
        """Show ``view``; placed near the pointer when it first appears."""
        changed = self._view is None or view.title != self._view.title
        self._view = view
        self._buttons.show()
        self._ratings.hide()
        self._rating_timeout.stop()  # a rating question's time-out must not close a new prompt
        self._timer.show()
        self._progress.show()
        self._steps.show()
        if changed:
            self._figure.play(view.animation, view.title)
        self._heading.setText(view.heading)
        self._title.setText(view.title)
        self._summary.setText(view.summary)
        self._steps.setText("\n".join(view.steps))
        self._caution.setText(view.caution or "")
        self._caution.setVisible(view.caution is not None)
        self._snooze.setVisible(view.snooze_label is not None)
        if view.snooze_label is not None:
            self._snooze.setText(view.snooze_label.replace("Snooze", "S&nooze"))
        self._start.setVisible(not view.started)
        if changed or not view.started:
            self._started_mono = None
        if view.started and self._started_mono is None:
            self._started_mono = time.monotonic()
        self._progress.setMaximum(max(view.duration_seconds, 1))
        self._update_countdown()
        self._show_near_pointer()

    def ask_rating(self, title: str) -> None:
        """After Done: one optional tap on how hard it was; Close skips it."""
        self._tick.stop()
        self._view = None
        self._heading.setText(tr("Well done"))
        self._title.setText(title)
        self._summary.setText(tr("How was it? Your answer sets how hard the next ones are."))
        for part in (self._steps, self._caution, self._timer, self._progress, self._buttons):
            part.hide()
        self._ratings.show()
        for child in self._ratings.findChildren(QPushButton):
            child.setVisible(True)
        self._rating_timeout.start()  # the question is optional: it goes away by itself
        self._show_near_pointer()

    def show_guidance(self, text: str) -> None:
        """After "it hurt": what to do now, until the user closes it."""
        self._heading.setText(tr("Take care"))
        self._title.setText(tr("Stop if it hurts"))
        self._summary.setText(text)
        for child in self._ratings.findChildren(QPushButton):
            child.setVisible(child is self._close)
        self._rating_timeout.stop()  # safety guidance stays until the user closes it
        self._show_near_pointer()

    def _show_near_pointer(self) -> None:
        if not self.isVisible():
            self.adjustSize()
            self.move(bottom_right(self))
            self._hold_keys(compositor_gives_new_windows_the_keyboard())
            self.show()
        self.adjustSize()
        self.raise_()

    def _hold_keys(self, hold: bool) -> None:
        """Ignore keys (``hold``) until the next click into the prompt, or stop ignoring.

        An application-wide event filter, in place only while keys are held: it sees the
        ``ShortcutOverride`` that precedes a shortcut or a mnemonic, and the key itself.
        """
        application = QApplication.instance()
        if hold == self._keys_held or application is None:
            return
        self._keys_held = hold
        if hold:
            application.installEventFilter(self)
        else:
            application.removeEventFilter(self)

    def keys_held(self) -> bool:
        """Whether keys are ignored until a click (Wayland, before the first click)."""
        return self._keys_held

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While keys are held: swallow the prompt's keys; a click into it ends the hold."""
        mine = watched is self.windowHandle() or (
            isinstance(watched, QWidget) and watched.window() is self
        )
        if not mine:
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self._hold_keys(False)
            return False
        if event.type() in _KEYS:
            event.accept()  # an accepted ShortcutOverride means: no shortcut fires
            return True
        return False

    def hide_prompt(self) -> None:
        """Close the prompt (it stays built for the next one)."""
        self._tick.stop()
        self._rating_timeout.stop()
        self._view = None
        self._hold_keys(False)
        self.hide()

    # --- public read API for tests and accessibility ---

    def shown_animation(self) -> FigureView:
        """The demonstration widget (tests look at its poses)."""
        return self._figure

    def shown_exercise_title(self) -> str:
        """The exercise on screen, or ``""`` when hidden."""
        return self._title.text() if self.isVisible() else ""

    def snooze_offered(self) -> bool:
        """Whether the Snooze button is offered."""
        return not self._snooze.isHidden()

    def button(self, name: str) -> QPushButton:
        """The button called ``name`` in English ("Done", "Skip", "Rate Easy", "Close")."""
        for candidate in self.findChildren(QPushButton):
            if candidate.objectName() == name:
                return candidate
        raise LookupError(name)

    def countdown_text(self) -> str:
        """The countdown line as shown."""
        return self._timer.text()

    # --- inside ---

    def _update_countdown(self) -> None:
        view = self._view
        if view is None:
            return
        if self._started_mono is None:
            self._timer.setText(
                tr("{duration}. Press Start when you begin.").format(duration=view.duration_text)
            )
            self._progress.setValue(0)
            self._tick.stop()
            return
        elapsed = time.monotonic() - self._started_mono
        left = max(view.duration_seconds - elapsed, 0)
        self._timer.setText(countdown(timedelta(seconds=round(left))))
        self._progress.setValue(int(min(elapsed, view.duration_seconds)))
        if left > 0 and not self._tick.isActive():
            self._tick.start()
        elif left <= 0:
            self._tick.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the rating question or the guidance; a prompt needs a real answer."""
        if event.key() == Qt.Key.Key_Escape and self._ratings.isVisible():
            self.hide_prompt()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The first click into the prompt counts as starting the exercise."""
        if self._view is not None and self._started_mono is None:
            self.start_clicked.emit()
        super().mousePressEvent(event)


def compositor_gives_new_windows_the_keyboard() -> bool:
    """Whether a new window takes the keyboard whatever it asks: Wayland compositors."""
    return QGuiApplication.platformName().startswith("wayland")
