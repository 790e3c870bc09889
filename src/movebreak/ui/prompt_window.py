"""The movement prompt: one exercise, a countdown, and Done / Snooze / Skip / Another.

It appears on top, on the screen where the pointer is, without taking keyboard focus from
whatever the user is typing into; clicking into it makes it the active window, and then
its keyboard shortcuts work. It renders a PromptView and emits intents, nothing more.

What it records must be what the user did, so:

- no button ever takes the place of another: after Start, the Start button stays where it
  was (disabled, "Started") and Done stays where it always was, so the second click of a
  double-click on Start lands on nothing;
- for half a second after the window appears or its buttons change, clicks and keys do
  nothing (``SETTLE_SECONDS``): a click meant for the window underneath, or the tail of a
  double-click, is not an answer;
- Done before Start asks "Did you do it?" first; "Yes" records the time since the prompt
  opened, at most the exercise's own length (``reminder.moved_for``), never more.

On Wayland the compositor, not the app, decides who gets the keyboard, and GNOME's mutter
gives it to every new window (measured with mutter 43: ``WA_ShowWithoutActivating`` and
``WindowDoesNotAcceptFocus`` do not reach it). There the prompt ignores keys until the
user clicks into it, so that what they were typing cannot answer it: a word with an "n"
would snooze it, Enter would press Done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.core.poses import Pose
from movebreak.ui.figure import FigureView
from movebreak.ui.placement import bottom_right_corner, rect_at
from movebreak.ui.presenters import PromptView, countdown
from movebreak.ui.text import QT_TR_NOOP, tr

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
RATING_SECONDS = 30  # how long the optional effort question stays after Done
# After the window appears or its buttons change, clicks and keys wait this long: longer
# than a double-click (X11's default interval is 400 ms), shorter than reading the change.
SETTLE_SECONDS = 0.5
PROGRESS_HEIGHT = 12  # px: a bar that reads at a glance from a step away
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
        # A transient question: a title and a close button, nothing to minimise or maximise.
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        super().__init__(None, flags)
        self._poses = poses
        self.setWindowTitle(tr("movebreak: time to move"))
        self.setObjectName("movebreak-prompt")
        self.setAccessibleName(tr("Movement prompt"))
        # Appear without taking focus: keystrokes keep going where the user was typing.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._view: PromptView | None = None
        self._started_mono: float | None = None
        self._keys_held = False  # Wayland: keys are ignored until the user clicks in
        self._settled_at = 0.0  # monotonic time from which clicks and keys count
        self._corner: QPoint | None = None  # the bottom right corner kept while shown
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
        self._amount = QLabel()  # how much and how long: the one duration phrase
        self._amount.setStyleSheet("font-weight: 600;")
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
        self._progress.setFixedHeight(PROGRESS_HEIGHT)
        self._progress.setAccessibleName(tr("Time done"))

        self._start = self._button("Start", tr("&Start"), self.start_clicked, "Space")
        self._done = self._button("Done", tr("&Done"), self._on_done, "D")
        self._snooze = self._button("Snooze", tr("S&nooze"), self.snooze_clicked, "N")
        self._skip = self._button("Skip", tr("S&kip"), self.skip_clicked, "K")
        self._another = self._button(
            "Another exercise", tr("&Another exercise"), self.another_clicked, "A"
        )
        for button in (self._start, self._done, self._snooze, self._skip, self._another):
            button.setAutoDefault(False)  # Return must not press whichever has focus

        text = QVBoxLayout()
        text.setSpacing(6)
        for widget in (
            self._heading,
            self._title,
            self._amount,
            self._summary,
            self._steps,
            self._caution,
        ):
            text.addWidget(widget)
        text.addWidget(self._timer)
        text.addWidget(self._progress)
        text.addStretch(1)  # short content (the rating question) packs at the top
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
            choice.clicked.connect(self._once_settled(partial(self.rating_chosen.emit, value)))
            ratings.addWidget(choice)
        ratings.addStretch(1)
        self._close = QPushButton(tr("&Close"))
        self._close.setObjectName("Close")
        self._close.setAccessibleName(tr("Close"))
        self._close.clicked.connect(self.hide_prompt)
        ratings.addWidget(self._close)
        self._ratings.hide()
        self._confirm = QWidget()  # Done before Start: "Did you do it?"
        confirm = QHBoxLayout(self._confirm)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(QLabel(tr("Did you do it?")))
        yes = QPushButton(tr("&Yes, I did it"))
        yes.setObjectName("Yes, I did it")
        yes.setAccessibleName(tr("Yes, I did it"))
        yes.clicked.connect(self._once_settled(self.done_clicked.emit))
        not_yet = QPushButton(tr("Not yet"))
        not_yet.setObjectName("Not yet")
        not_yet.setAccessibleName(tr("Not yet"))
        not_yet.clicked.connect(self._once_settled(self._back_to_buttons))
        for button in (not_yet, yes):  # "Not yet" where Done was: a second click records nothing
            button.setAutoDefault(False)
            confirm.addWidget(button)
        confirm.addStretch(1)
        self._confirm.hide()
        self._rating_timeout = QTimer(self)
        self._rating_timeout.setSingleShot(True)
        self._rating_timeout.setInterval(RATING_SECONDS * 1000)
        self._rating_timeout.timeout.connect(self.hide_prompt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(top)
        layout.addStretch(1)  # the buttons stay at the bottom edge whatever the text's length
        layout.addWidget(self._buttons)
        layout.addWidget(self._confirm)
        layout.addWidget(self._ratings)
        # Always exactly its content's size: the window manager offers no resizing or
        # maximising, and every change of content resizes it about its bottom right corner.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.setMinimumWidth(520)
        self.setMaximumWidth(640)

    def _button(
        self, name: str, label: str, intent: SignalInstance | Callable[[], None], key: str
    ) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)  # the English name: button() finds it in any language
        button.setAccessibleName(label.replace("&", ""))
        emit = intent.emit if isinstance(intent, SignalInstance) else intent

        def answer() -> None:
            if self._settled() and not self._buttons.isHidden():
                emit()

        button.clicked.connect(answer)
        # A bare key works once the user has clicked into the window (window shortcut).
        # Portable: key names ("Space") must not be read in the user's language.
        QShortcut(QKeySequence(key, QKeySequence.SequenceFormat.PortableText), self, answer)
        return button

    def show_prompt(self, view: PromptView) -> None:
        """Show ``view``; placed near the pointer when it first appears."""
        changed = self._view is None or view.title != self._view.title
        if changed or self._view is None or view.started != self._view.started:
            self._unsettle()  # the buttons change: a click in flight must not land on them
        self._view = view
        self._buttons.show()
        self._confirm.hide()
        self._ratings.hide()
        self._rating_timeout.stop()  # a rating question's time-out must not close a new prompt
        self._timer.show()
        self._progress.show()
        self._steps.show()
        if changed:
            self._figure.play(view.animation, view.title)
        self._heading.setText(view.heading)
        self._title.setText(view.title)
        self._amount.setText(view.duration_text)
        self._amount.show()
        self._summary.hide()  # the steps say it at more length: one description, not two
        self._steps.setText("\n".join(view.steps))
        self._caution.setText(view.caution or "")
        self._caution.setVisible(view.caution is not None)
        self._snooze.setVisible(view.snooze_label is not None)
        if view.snooze_label is not None:
            self._snooze.setText(view.snooze_label.replace("Snooze", "S&nooze"))
        # Start keeps its place once pressed, so nothing else moves under the pointer.
        self._start.setEnabled(not view.started)
        self._start.setText(tr("Started") if view.started else tr("&Start"))
        self._start.setDefault(not view.started)  # Start first; Done once it runs
        self._done.setDefault(view.started)
        if changed or not view.started:
            self._started_mono = None
        if view.started and self._started_mono is None:
            self._started_mono = time.monotonic()
        self._progress.setMaximum(max(view.duration_seconds, 1))
        self._update_countdown()
        self._show_in_corner()

    def ask_rating(self, title: str) -> None:
        """After Done: one optional tap on how hard it was; Close skips it."""
        self._tick.stop()
        self._view = None
        self._unsettle()
        self._heading.setText(tr("Well done"))
        self._title.setText(title)
        self._summary.setText(tr("How was it? Your answer sets how hard the next ones are."))
        self._summary.show()
        for part in (
            self._amount,
            self._steps,
            self._caution,
            self._timer,
            self._progress,
            self._buttons,
            self._confirm,
        ):
            part.hide()
        self._ratings.show()
        for child in self._ratings.findChildren(QPushButton):
            child.setVisible(True)
        self._rating_timeout.start()  # the question is optional: it goes away by itself
        self._show_in_corner()

    def show_guidance(self, text: str) -> None:
        """After "it hurt": what to do now, until the user closes it."""
        self._unsettle()
        self._heading.setText(tr("Take care"))
        self._title.setText(tr("Stop if it hurts"))
        self._summary.setText(text)
        for child in self._ratings.findChildren(QPushButton):
            child.setVisible(child is self._close)
        self._rating_timeout.stop()  # safety guidance stays until the user closes it
        self._show_in_corner()

    def _show_in_corner(self) -> None:
        """Show at the bottom right of the pointer's screen; once shown, keep that corner."""
        if not self.isVisible():
            self._corner = bottom_right_corner()
            self.adjustSize()
            self.setGeometry(rect_at(self._corner, self.size()))
            self._hold_keys(compositor_gives_new_windows_the_keyboard())
            self.show()
        self.adjustSize()
        self._keep_corner()
        self.raise_()

    def _keep_corner(self) -> None:
        if self._corner is not None and self.geometry().bottomRight() != self._corner:
            self.setGeometry(rect_at(self._corner, self.size()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Content grew or shrank (Done, another exercise): the bottom right corner stays."""
        super().resizeEvent(event)
        if self.isVisible():
            self._keep_corner()

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
        self._corner = None
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

    def amount_text(self) -> str:
        """How much and how long, as shown under the title."""
        return self._amount.text()

    def accepting_input(self) -> bool:
        """Whether clicks and keys count yet (``SETTLE_SECONDS`` after the last change)."""
        return time.monotonic() >= self._settled_at

    def asking_if_done(self) -> bool:
        """Whether "Did you do it?" is shown (Done was pressed before Start)."""
        return self._confirm.isVisible()

    # --- inside ---

    def _update_countdown(self) -> None:
        view = self._view
        if view is None:
            return
        if self._started_mono is None:
            self._timer.setText(tr("Press Start when you begin."))
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
        if event.key() == Qt.Key.Key_Escape and self._confirm.isVisible():
            self._back_to_buttons()  # "Not yet"
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button: an open prompt is skipped, not left open unseen.

        Hidden without an answer, the tray would go on saying a prompt is open that the
        user cannot see; closing it is dismissing it, which is what Skip records. Only a
        close from the window system counts: Qt closes every window when the app quits,
        which is no answer (and a refused close would cancel the quit).
        """
        if self._view is not None and event.spontaneous():
            event.ignore()  # the Coach hides it as it records the skip
            self.skip_clicked.emit()
            return
        super().closeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The first click into the prompt counts as starting the exercise."""
        if self._view is not None and self._started_mono is None and self._settled():
            self.start_clicked.emit()
        super().mousePressEvent(event)

    def _unsettle(self) -> None:
        """The window or its buttons just changed: ignore input for ``SETTLE_SECONDS``."""
        self._settled_at = time.monotonic() + SETTLE_SECONDS

    def _settled(self) -> bool:
        return self.accepting_input()

    def _once_settled(self, act: Callable[[], object]) -> Callable[[], None]:
        """A slot that does ``act`` only once the window has settled."""

        def slot() -> None:
            if self._settled():
                act()

        return slot

    def _on_done(self) -> None:
        """Done: at once once the exercise runs; before Start, ask whether it was done."""
        if self._view is None or self._started_mono is not None:
            self.done_clicked.emit()
            return
        self._buttons.hide()
        self._confirm.show()
        self._unsettle()  # "Yes" must not take a second click meant for Done

    def _back_to_buttons(self) -> None:
        """The user answered "Not yet": the prompt as it was."""
        self._confirm.hide()
        self._buttons.show()
        self._unsettle()


def compositor_gives_new_windows_the_keyboard() -> bool:
    """Whether a new window takes the keyboard whatever it asks: Wayland compositors."""
    return QGuiApplication.platformName().startswith("wayland")
