"""The tray menu's commands in a small window, for desktops that show no tray icons.

Plain GNOME, a panel without a tray applet, a kiosk session: the app still watches the
sitting time and still shows its prompts, but without an icon there is nothing to click.
The first time that happens this window says so, how to get a tray, and offers what the
menu offers; ``movebreak show`` (and the launcher's "Show movebreak" action) opens it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from movebreak.ui.text import QT_TR_NOOP, tr

UNTIL_TOMORROW = -1  # as Tray.UNTIL_TOMORROW


class ControlsWindow(QWidget):
    """Renders the no-tray explanation (when asked) and emits the tray menu's intents."""

    break_now_requested = Signal()
    pause_requested = Signal(int)  # seconds; UNTIL_TOMORROW for "until tomorrow"
    resume_requested = Signal()
    review_requested = Signal()
    library_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("movebreak"))
        self.setObjectName("movebreak-controls")
        layout = QVBoxLayout(self)
        self._heading = QLabel()
        self._heading.setWordWrap(True)
        heading_font = self._heading.font()
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        layout.addWidget(self._heading)
        self._explanation = QLabel()
        self._explanation.setWordWrap(True)
        self._explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._explanation)
        buttons = QGridLayout()
        self._buttons: dict[str, QPushButton] = {}
        for row, column, label, signal in (
            (0, 0, tr("Take a break now"), self.break_now_requested),
            (1, 0, tr("Today's movement…"), self.review_requested),
            (1, 1, tr("Exercise library…"), self.library_requested),
            (2, 0, tr("Settings…"), self.settings_requested),
            (2, 1, tr("Quit movebreak"), self.quit_requested),
        ):
            button = QPushButton(label)
            button.clicked.connect(signal)
            buttons.addWidget(button, row, column)
            self._buttons[label] = button
        pause = QPushButton(tr("Pause prompts"))
        menu = QMenu(pause)
        for text, seconds in (
            (QT_TR_NOOP("For 30 minutes"), 30 * 60),
            (QT_TR_NOOP("For 1 hour"), 3600),
            (QT_TR_NOOP("For 2 hours"), 2 * 3600),
            (QT_TR_NOOP("Until tomorrow"), UNTIL_TOMORROW),
        ):
            action = menu.addAction(tr(text))
            action.triggered.connect(lambda _=False, s=seconds: self.pause_requested.emit(s))
        menu.addSeparator()
        menu.addAction(tr("Resume prompts")).triggered.connect(self.resume_requested)
        pause.setMenu(menu)
        buttons.addWidget(pause, 0, 1)
        self._buttons[pause.text()] = pause
        self._pause_menu = menu
        layout.addLayout(buttons)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(460)
        self.explain(no_tray=False)

    def explain(self, *, no_tray: bool) -> None:
        """With ``no_tray``, say that there is no tray icon, how to get one, what is left."""
        if not no_tray:
            self._heading.setText(tr("movebreak is running"))
            self._explanation.setText(
                tr(
                    "Everything from the tray menu is here too. From a terminal: "
                    "movebreak status, movebreak show, movebreak quit."
                )
            )
            return
        self._heading.setText(tr("movebreak is running, but this desktop shows no tray icons"))
        self._explanation.setText(
            "\n\n".join(
                (
                    tr(
                        "It still notices how long you sit and still shows its prompts; "
                        "there is just no icon to click."
                    ),
                    tr(
                        "To get the icon: on GNOME, install the AppIndicator extension "
                        "(package gnome-shell-extension-appindicator), turn it on in "
                        "Extensions and log in again. On other desktops, add the panel's "
                        "system tray or status notifier applet."
                    ),
                    tr(
                        "Until then, the buttons below do what the tray menu does, and so "
                        "do the launcher's right-click actions. From a terminal: "
                        "movebreak status shows the seated time, movebreak show opens this "
                        "window again, movebreak quit stops movebreak."
                    ),
                    tr("This note is shown only once."),
                )
            )
        )

    def text(self) -> str:
        """What the window says, heading first (tests, accessibility)."""
        return self._heading.text() + "\n" + self._explanation.text()

    def button_labels(self) -> list[str]:
        """The labels of the command buttons."""
        return list(self._buttons)

    def pause_lines(self) -> list[str]:
        """The entries of the Pause prompts button's menu."""
        return [a.text() for a in self._pause_menu.actions() if not a.isSeparator()]

    def click(self, label: str) -> None:
        """Click the button labelled ``label``, as a user would (tests)."""
        self._buttons[label].click()

    def choose_pause(self, label: str) -> None:
        """Pick ``label`` in the Pause prompts menu (tests)."""
        for action in self._pause_menu.actions():
            if action.text() == label:
                action.trigger()
                return
        raise LookupError(f"no pause entry {label!r}")
