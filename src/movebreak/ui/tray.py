"""The system tray icon and its menu: renders a TrayView, emits what the user asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from movebreak.core.sitting import Posture, Presence
from movebreak.ui.icons import TrayIcons
from movebreak.ui.text import QT_TR_NOOP, tr
from movebreak.ui.tray_menu import IconClicks, InfoLine

if TYPE_CHECKING:
    from movebreak.ui.presenters import TrayView


class Tray(QObject):
    """The tray icon. Works, invisibly, where the desktop has no tray (offscreen)."""

    quit_requested = Signal()
    posture_requested = Signal(str)  # a Posture value
    break_now_requested = Signal()
    pause_requested = Signal(int)  # seconds; UNTIL_TOMORROW for "until tomorrow"
    resume_requested = Signal()
    open_settings_requested = Signal()
    library_requested = Signal()
    welcome_requested = Signal()
    about_requested = Signal()
    review_requested = Signal()
    checkin_requested = Signal()
    message_clicked = Signal()  # the user clicked the last notification

    UNTIL_TOMORROW = -1

    def __init__(self, icons: TrayIcons):
        super().__init__()
        self._icons = icons
        self._menu = QMenu()
        self._menu.setAccessibleName(tr("movebreak menu"))
        self._status = self._add_line(tr("movebreak"))
        self._details: list[InfoLine] = []
        self._detail_anchor = self._menu.addSeparator()
        self._menu.addAction(tr("Take a break now")).triggered.connect(self.break_now_requested)
        self._pause_menu = self._menu.addMenu(tr("Pause prompts"))
        for label, seconds in (
            (QT_TR_NOOP("For 30 minutes"), 30 * 60),
            (QT_TR_NOOP("For 1 hour"), 3600),
            (QT_TR_NOOP("For 2 hours"), 2 * 3600),
            (QT_TR_NOOP("Until tomorrow"), self.UNTIL_TOMORROW),
        ):
            action = self._pause_menu.addAction(tr(label))
            action.triggered.connect(lambda _=False, s=seconds: self.pause_requested.emit(s))
        self._resume = self._menu.addAction(tr("Resume prompts"))
        self._resume.triggered.connect(self.resume_requested)
        self._resume.setVisible(False)
        self._standing = QAction(tr("I'm standing"), self._menu)
        self._standing.setCheckable(True)
        self._standing.toggled.connect(self._on_standing_toggled)
        self._menu.addAction(self._standing)
        self._menu.addSeparator()
        self._menu.addAction(tr("Today's movement…")).triggered.connect(self.review_requested)
        self._checkin = self._menu.addAction(tr("How's your back today?…"))
        self._checkin.triggered.connect(self.checkin_requested)
        self._checkin.setVisible(False)
        self._menu.addAction(tr("Exercise library…")).triggered.connect(self.library_requested)
        self._menu.addAction(tr("Settings…")).triggered.connect(self.open_settings_requested)
        self._menu.addAction(tr("Welcome and safety…")).triggered.connect(self.welcome_requested)
        self._menu.addAction(tr("About movebreak…")).triggered.connect(self.about_requested)
        self._menu.addAction(tr("Quit movebreak")).triggered.connect(self.quit_requested)
        self._icon = QSystemTrayIcon(icons.app_icon())
        self._icon.setContextMenu(self._menu)
        self._clicks = IconClicks(self._menu, self._icon.geometry)
        self._icon.activated.connect(self._on_activated)
        self._icon.messageClicked.connect(self.message_clicked)
        self._icon.show()
        self._view: TrayView | None = None

    def render(self, view: TrayView) -> None:
        """Show ``view``; parts that did not change are left alone."""
        if view == self._view:
            return
        self._view = view
        self._status.setText(view.status)
        self._set_details(view.details)
        self._icon.setToolTip(view.tooltip)
        self._icon.setIcon(self._icons.for_state(view.presence, view.progress))
        self._resume.setVisible(view.paused)
        self._pause_menu.menuAction().setVisible(not view.paused)
        standing = view.presence is Presence.STANDING or (
            view.presence is Presence.AWAY and self._standing.isChecked()
        )
        if standing != self._standing.isChecked():
            self._standing.blockSignals(True)
            self._standing.setChecked(standing)
            self._standing.blockSignals(False)

    def show_checkin(self, on: bool) -> None:
        """Offer the back check-in in the menu when the user turned it on."""
        self._checkin.setVisible(on)

    def notify(self, title: str, message: str) -> None:
        """A passing desktop notification from the tray, where the desktop shows them."""
        if QSystemTrayIcon.supportsMessages() and QSystemTrayIcon.isSystemTrayAvailable():
            self._icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def tooltip(self) -> str:
        """The hover text as shown."""
        return self._icon.toolTip()

    def menu(self) -> QMenu:
        """The menu itself (tests check how it reads)."""
        return self._menu

    def pause_lines(self) -> list[str]:
        """The entries of the Pause prompts submenu."""
        return [action.text() for action in self._pause_menu.actions()]

    def menu_lines(self) -> list[str]:
        """The menu's entries, top to bottom, separators left out."""
        return [
            action.text()
            for action in self._menu.actions()
            if not action.isSeparator() and action.isVisible()
        ]

    def trigger(self, text: str) -> None:
        """Click the menu entry labelled ``text``, as a user would (tests, accessibility)."""
        for action in [*self._menu.actions(), *self._pause_menu.actions()]:
            if action.text() == text and action.isVisible() and action.isEnabled():
                action.trigger()
                return
        raise LookupError(f"no menu entry {text!r}")

    def hide(self) -> None:
        """Take the icon out of the tray (at quit)."""
        self._icon.hide()

    def _add_line(self, text: str) -> QAction:
        action = InfoLine(self._menu, text, heading=True)  # information: readable, inert
        self._menu.addAction(action)
        return action

    def _set_details(self, lines: tuple[str, ...]) -> None:
        while len(self._details) > len(lines):
            gone = self._details.pop()
            self._menu.removeAction(gone)
            gone.deleteLater()  # the menu still owns it: removing alone would keep it all day
        while len(self._details) < len(lines):
            action = InfoLine(self._menu)
            self._menu.insertAction(self._detail_anchor, action)
            self._details.append(action)
        for action, line in zip(self._details, lines, strict=True):
            action.setText(line)

    def _on_standing_toggled(self, checked: bool) -> None:
        self.posture_requested.emit((Posture.STANDING if checked else Posture.SEATED).value)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens the menu too: most people click, few know to right-click.
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self._menu.popup(QCursor.pos())
