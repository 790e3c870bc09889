"""XScreenSaver's lock and blank, which it announces on the X root window, not over D-Bus.

XScreenSaver (Debian's ``xscreensaver``, the usual locker of X11 window-manager sessions)
sends no ``ActiveChanged`` signal: ``ScreenLockWatcher`` never hears it. It writes its
state into the root window's ``_SCREENSAVER_STATUS`` property instead (``LOCK``, ``BLANK``
or 0) and removes it when it exits. This listens for that property's changes as X events
on a connection of its own: no polling, a wake-up only when a root property changes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

if TYPE_CHECKING:
    from movebreak.adapters.x11_client import X11Client

log = logging.getLogger("movebreak.adapters.desktop_bus")
_STATUS = "_SCREENSAVER_STATUS"


class XScreenSaverLock(QObject):
    """Calls ``on_change(active)`` when XScreenSaver locks or blanks the screen, and after."""

    def __init__(self, on_change: Callable[[bool], None]):
        super().__init__()
        self._on_change = on_change
        self._client: X11Client | None = None
        self._notifier: QSocketNotifier | None = None
        self._active = False
        if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            # XScreenSaver locks X11 sessions only; under Wayland a connection to DISPLAY
            # would, on GNOME, start Xwayland just for this.
            return
        from movebreak.adapters.x11_client import X11Client, X11UnavailableError

        try:
            self._client = X11Client()
            fd = self._client.watch_root_properties()
            self._active = self._read_active()
        except X11UnavailableError as error:
            log.info("away.xscreensaver unavailable: %s", error)
            self.close()
            return
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    @property
    def listening(self) -> bool:
        """Whether the root window's changes reach this watcher."""
        return self._notifier is not None

    def _readable(self) -> None:
        if self._client is None:
            return
        from movebreak.adapters.x11_client import DESTROYED, X11UnavailableError

        active = self._active
        try:
            # Drained until empty: reading the property is a round trip, during which
            # libX11 may queue the next event where the socket notifier cannot see it.
            while self._client.changed_root_properties() & {_STATUS, DESTROYED}:
                active = self._read_active()
        except X11UnavailableError:
            return
        if active != self._active:
            self._active = active
            log.info("away.lock %s source=xscreensaver", "started" if active else "ended")
            self._on_change(active)

    def _read_active(self) -> bool:
        """Locked or blanked by a running daemon (a killed one leaves its property behind)."""
        assert self._client is not None
        if self._client.screensaver_state() is None:
            return False
        window = self._client.screensaver_window()
        if window is None:
            return False
        self._client.watch_destroyed(window)  # its end is an unlock too
        return True

    def close(self) -> None:
        """Stop listening and close the X connection."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._client is not None:
            self._client.close()
            self._client = None
