"""Whether the desktop shows the tray icon, and what the user is told when it does not.

``QSystemTrayIcon.isSystemTrayAvailable()`` answers for both kinds of tray: an XEmbed tray
(a ``_NET_SYSTEM_TRAY`` selection owner) and a StatusNotifierItem host (an
``org.kde.StatusNotifierWatcher`` on the session bus). At login the panel may come up after
the app, so a missing tray is asked again after a grace period, and at once when a watcher
appears, before anybody is told. The notice is shown once per profile: a marker file in
the data folder remembers it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher
from PySide6.QtWidgets import QSystemTrayIcon

from movebreak.adapters.paths import make_private_dir

log = logging.getLogger("movebreak.app.application")

GRACE_MS = 5_000  # a panel started with the session is up well within this
WATCHER = "org.kde.StatusNotifierWatcher"
MARKER = "no-tray-notice-shown"

IN_TRAY = "movebreak is running in the system tray. Stop it with `movebreak quit` or Ctrl+C."
NO_TRAY = (
    "movebreak is running without a tray icon (this desktop shows none); its window "
    '"movebreak" opens with `movebreak show`. Stop it with `movebreak quit` or Ctrl+C.'
)


def told_before(data_dir: Path) -> bool:
    """Whether this profile was already told that its desktop has no tray."""
    return (data_dir / MARKER).exists()


def remember_told(data_dir: Path) -> None:
    """Mark the notice as shown (0600 file in the 0700 data folder)."""
    make_private_dir(data_dir)
    marker = data_dir / MARKER
    marker.touch(mode=0o600)
    marker.write_text(datetime.now(UTC).isoformat(timespec="seconds") + "\n", encoding="utf-8")


class TrayPresence(QObject):
    """Decides once, shortly after the start, whether there is a tray; calls ``on_verdict``."""

    def __init__(
        self,
        on_verdict: Callable[[bool], None],
        *,
        grace_ms: int = GRACE_MS,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._on_verdict = on_verdict
        self._available = available
        self._decided = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(grace_ms)
        self._timer.timeout.connect(self._decide)
        self._watcher: QDBusServiceWatcher | None = None

    def start(self) -> None:
        """Give the verdict now if there is a tray; otherwise after the grace period."""
        if self._available():
            self._give(True)
            return
        bus = QDBusConnection.sessionBus()
        if bus.isConnected():
            self._watcher = QDBusServiceWatcher(
                WATCHER, bus, QDBusServiceWatcher.WatchModeFlag.WatchForRegistration, self
            )
            self._watcher.serviceRegistered.connect(self._watcher_appeared)
        self._timer.start()

    def _watcher_appeared(self, _name: str) -> None:
        log.info("tray.watcher_appeared")
        if self._available():
            self._give(True)

    def _decide(self) -> None:
        self._give(self._available())

    def _give(self, has_tray: bool) -> None:
        if self._decided:
            return
        self._decided = True
        self._timer.stop()
        log.info("tray.%s", "available" if has_tray else "none")
        self._on_verdict(has_tray)


def announce(has_tray: bool, print_line: Callable[[str], None]) -> None:
    """The one line a terminal gets: where the app is, and how to stop it."""
    print_line(IN_TRAY if has_tray else NO_TRAY)
