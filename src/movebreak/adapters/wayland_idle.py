"""Idle time from the Wayland compositor itself: ext-idle-notify-v1, else org_kde_kwin_idle.

On Wayland no client sees another's input: pynput hears only Xwayland windows and the X
server's idle counter counts only them. The compositor sees everything, and both protocols
let it tell us "no input for TIMEOUT" (idled) and "input again" (resumed). We ask for a
short timeout and keep the two times: no event per keystroke or mouse motion reaches us,
only one pair per pause longer than the timeout. The connection's fd sits in Qt's loop
behind a QSocketNotifier: no thread, no polling.

Through pywayland (its cffi binding to libwayland-client), imported only when a Wayland
session is found: 30-50 ms of import, and the whole app 2.9 MB more resident on sway
(measured in the commits that added it).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from movebreak.adapters.idle_sources import wayland_session
from movebreak.core.activity import NO_IDLE_PROTOCOL

if TYPE_CHECKING:
    from PySide6.QtCore import QSocketNotifier
    from pywayland.client.display import Display

log = logging.getLogger(__name__)

# Short enough that "not idled yet" (reported as 0) is within the typing pause (3 s) of
# the truth; long enough that typing with small pauses sends nothing.
TIMEOUT = timedelta(seconds=2)
EXT_IDLE_NOTIFY = "ext_idle_notifier_v1"
KDE_IDLE = "org_kde_kwin_idle"
PROTOCOL_NAMES = {EXT_IDLE_NOTIFY: "ext-idle-notify-v1", KDE_IDLE: "org_kde_kwin_idle"}


def _boot_clock() -> float:
    """Seconds on a clock that counts suspend and ignores changes to the wall clock."""
    return time.clock_gettime(time.CLOCK_BOOTTIME)


class WaylandIdle:
    """The compositor's idle notifications, as an ``ActivitySource``."""

    name = "wayland-idle"

    def __init__(
        self,
        clock: Callable[[], float] = _boot_clock,
        timeout: timedelta = TIMEOUT,
        protocols: tuple[str, ...] = (EXT_IDLE_NOTIFY, KDE_IDLE),
    ):
        """``clock`` stands in for the boot-time clock in tests; ``protocols`` in order."""
        self._clock = clock
        self._timeout = timeout
        self._protocols = protocols
        self._display: Display | None = None
        self._notifier: QSocketNotifier | None = None
        self._objects: list[Any] = []  # seat, idle manager, notification: kept alive
        self._idle_since: float | None = None  # when the compositor said "idled"
        self.via: str | None = None  # which protocol, for status and the tray

    def start(self) -> str | None:
        """Connect to the compositor and ask for idle notifications, or say why not."""
        if not wayland_session():
            return "not a Wayland session (WAYLAND_DISPLAY is not set)"
        try:
            from pywayland.client.display import Display
        except ImportError:
            return "pywayland is not installed (pip install pywayland)"
        display = Display(os.environ.get("WAYLAND_DISPLAY") or None)
        try:
            display.connect()
        except ValueError:
            return f"cannot connect to the Wayland compositor ({self._socket_name()})"
        self._display = display
        problem = self._subscribe(display)
        if problem is not None:
            self.stop()
            return problem
        from PySide6.QtCore import QSocketNotifier

        self._notifier = QSocketNotifier(display.get_fd(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._readable)
        log.info("activity.wayland-idle via=%s timeout=%ds", self.via, self._timeout.seconds)
        return None

    @staticmethod
    def _socket_name() -> str:
        return os.environ.get("WAYLAND_DISPLAY") or "wayland-0"

    def _subscribe(self, display: Display) -> str | None:
        """Bind the seat and the best idle protocol offered; ``None`` once subscribed."""
        from pywayland.protocol.wayland import WlSeat

        registry = display.get_registry()
        offered: dict[str, int] = {}
        registry.dispatcher["global"] = lambda _r, name, interface, _v: offered.setdefault(
            interface, name
        )
        display.roundtrip()
        if "wl_seat" not in offered:
            return "the compositor offers no seat (wl_seat)"
        milliseconds = int(self._timeout.total_seconds() * 1000)
        seat = registry.bind(offered["wl_seat"], WlSeat, 1)
        usable = [protocol for protocol in self._protocols if protocol in offered]
        if usable and usable[0] == EXT_IDLE_NOTIFY:
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1

            manager = registry.bind(offered[EXT_IDLE_NOTIFY], ExtIdleNotifierV1, 1)
            # Version 1's request: an app inhibiting idle (a video playing) keeps us
            # "present", as the X server's counter does.
            notification = manager.get_idle_notification(milliseconds, seat)
            notification.dispatcher["idled"] = self._idled
            self.via = PROTOCOL_NAMES[EXT_IDLE_NOTIFY]
        elif usable and usable[0] == KDE_IDLE:
            from movebreak.adapters.wayland_protocols.org_kde_kwin_idle import OrgKdeKwinIdle

            manager = registry.bind(offered[KDE_IDLE], OrgKdeKwinIdle, 1)
            notification = manager.get_idle_timeout(seat, milliseconds)
            notification.dispatcher["idle"] = self._idled
            self.via = PROTOCOL_NAMES[KDE_IDLE]
        else:
            return NO_IDLE_PROTOCOL
        notification.dispatcher["resumed"] = self._resumed
        self._objects = [registry, seat, manager, notification]
        if display.roundtrip() < 0:
            return f"the compositor refused {self.via}"
        return None

    def _idled(self, _proxy: object) -> None:
        self._idle_since = self._clock()

    def _resumed(self, _proxy: object) -> None:
        self._idle_since = None

    def _readable(self) -> None:
        """The compositor wrote: read and dispatch its events (idled/resumed)."""
        display = self._display
        if display is None:
            return
        try:
            display.read()
            display.dispatch()
            display.flush()
        except RuntimeError as error:
            log.warning("activity.wayland-idle lost: %s", error)
            self.stop()

    def idle(self) -> timedelta | None:
        """Time since the last input: zero until the compositor says idled."""
        if self._display is None:
            return None
        if self._idle_since is None:
            return timedelta(0)
        return self._timeout + timedelta(seconds=max(self._clock() - self._idle_since, 0.0))

    def stop(self) -> None:
        """Leave Qt's loop and close the connection; safe to call twice."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._display is not None:
            # Destroys every proxy first, then the connection: proxies left to the garbage
            # collector after their display crash the process at exit.
            self._display.disconnect()
            self._display = None
        self._objects = []
        self._idle_since = None
