"""What the desktop says over D-Bus: idle time on Wayland, screen lock, sleep, do-not-disturb.

All through QtDBus, which comes with Qt: no extra dependency. Calls are synchronous with a
short timeout and are made only at sampling time (idle) or while a prompt is due (DND);
signals (lock, sleep) cost nothing until they arrive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

from movebreak.core.reminder import Hold

log = logging.getLogger(__name__)
_TIMEOUT_MS = 500


def _slot(signature: str) -> Any:
    """A slot reference for ``QDBusConnection.connect``.

    PySide6's type stubs ask for bytes there, but only the str that ``SLOT()`` returns
    works at run time (bytes raise ValueError), hence ``Any``.
    """
    return SLOT(signature)


def _unwrap(value: Any) -> Any:
    """A property's value: ``Properties.Get`` answers with a variant."""
    return value.variant() if isinstance(value, QDBusVariant) else value


def _call(
    bus: QDBusConnection, service: str, path: str, interface: str, method: str, *args: Any
) -> list[Any] | None:
    """One blocking method call; its return values, or None on any error.

    Never starts a service: asking whether notifications are silenced must not launch
    a notification daemon (D-Bus activation would start one where none runs).
    """
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setAutoStartService(False)
    if args:
        message.setArguments(list(args))
    reply = bus.call(message, QDBus.CallMode.Block, _TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        return None
    return list(reply.arguments())


class DBusIdle:
    """The desktop's idle time over the session bus, for Wayland sessions.

    GNOME's ``org.gnome.Mutter.IdleMonitor`` (milliseconds) first, then
    ``org.freedesktop.ScreenSaver.GetSessionIdleTime`` (KDE and others; seconds).
    """

    _SOURCES = (
        (
            "gnome-idle",
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
            1,
        ),
        (
            "screensaver-idle",
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "GetSessionIdleTime",
            1000,
        ),
    )

    def __init__(self, bus: QDBusConnection | None = None):
        self._bus = bus
        self._source: tuple[str, str, str, str, str, int] | None = None

    @property
    def name(self) -> str:
        """Which desktop interface answers."""
        return self._source[0] if self._source else "dbus-idle"

    def start(self) -> str | None:
        """Find an interface that answers, or say none does."""
        bus = self._bus or QDBusConnection.sessionBus()
        if not bus.isConnected():
            return "no D-Bus session bus"
        self._bus = bus
        for source in self._SOURCES:
            if _call(bus, *source[1:5]) is not None:
                self._source = source
                return None
        return (
            "the desktop offers no idle time over D-Bus (neither GNOME's nor the freedesktop one)"
        )

    def idle(self) -> timedelta | None:
        """Time since the last input, as the desktop reports it."""
        if self._source is None or self._bus is None:
            return None
        values = _call(self._bus, *self._source[1:5])
        if not values:
            return None
        try:
            return timedelta(milliseconds=int(values[0]) * self._source[5])
        except (TypeError, ValueError):
            return None

    def stop(self) -> None:
        """Nothing to release."""


class ScreenLockWatcher(QObject):
    """Calls ``on_change(locked)`` when the screen saver or lock screen starts or ends.

    Listens for ``ActiveChanged(bool)`` from ``org.freedesktop.ScreenSaver`` and
    ``org.gnome.ScreenSaver``, whichever the desktop sends, and reports changes only:
    gnome-shell 43 sends each change twice (from the shell itself and from the
    ``org.gnome.ScreenSaver`` proxy it starts), and a desktop may send both interfaces.
    """

    def __init__(self, on_change: Callable[[bool], None], bus: QDBusConnection | None = None):
        super().__init__()
        self._on_change = on_change
        self._bus = bus or QDBusConnection.sessionBus()
        self.listening = False
        self._locked = False
        if not self._bus.isConnected():
            return
        for service, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            self.listening |= self._bus.connect(
                "",
                path,
                service,
                "ActiveChanged",
                self,
                _slot("_active_changed(bool)"),
            )

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if bool(active) == self._locked:
            return
        self._locked = bool(active)
        log.info("away.lock %s", "started" if active else "ended")
        self._on_change(self._locked)


class SleepWatcher(QObject):
    """Calls ``on_change(going_to_sleep)`` around a suspend, from logind on the system bus."""

    def __init__(self, on_change: Callable[[bool], None], bus: QDBusConnection | None = None):
        super().__init__()
        self._on_change = on_change
        self._bus = bus or QDBusConnection.systemBus()
        self.listening = self._bus.isConnected() and self._bus.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            _slot("_prepare_for_sleep(bool)"),
        )

    @Slot(bool)
    def _prepare_for_sleep(self, going: bool) -> None:
        log.info("away.sleep %s", "starting" if going else "ended")
        self._on_change(bool(going))


class DoNotDisturb:
    """Whether the desktop's notifications are silenced (do not disturb).

    Each notification server keeps its switch in a place of its own; the server that
    answers ``GetServerInformation`` says where to look:

    - any server: the ``Inhibited`` property of ``org.freedesktop.Notifications``
      (KDE Plasma's extension of the notification spec);
    - dunst: ``paused`` of ``org.dunstproject.cmd0`` (``dunstctl set-paused``); dunst 1.9
      has no ``Inhibited``;
    - xfce4-notifyd: the xfconf property ``/do-not-disturb`` of channel ``xfce4-notifyd``,
      read over D-Bus from xfconfd (it has no ``Inhibited`` either);
    - GNOME Shell: the GSettings key ``org.gnome.desktop.notifications show-banners``.
      Asked only when the server is GNOME Shell or no server answers: a key left behind
      by an old GNOME session must not hold prompts on another desktop forever.
    """

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        gnome_banners: Callable[[], bool | None] | None = None,
    ):
        self._bus = bus
        self._gnome_banners = gnome_banners or _gnome_show_banners
        self._was_on: str | None = None

    def __call__(self) -> Hold | None:
        """``Hold.DO_NOT_DISTURB`` while notifications are silenced."""
        source = self.silenced_by()
        if source != self._was_on:
            log.info("busy.do_not_disturb %s", f"on source={source}" if source else "off")
            self._was_on = source
        return Hold.DO_NOT_DISTURB if source is not None else None

    def silenced_by(self) -> str | None:
        """Which switch silences notifications now (``inhibited``, ``dunst``, ...), if any."""
        bus = self._bus or QDBusConnection.sessionBus()
        server = None
        if bus.isConnected():
            server = _server_name(bus)
            if _notifications_property(bus, _NOTIFICATIONS, "Inhibited") is True:
                return "inhibited"
            if server == "dunst":
                paused = _notifications_property(bus, "org.dunstproject.cmd0", "paused")
                return "dunst" if paused is True else None
            if server == "Xfce Notify Daemon":
                return "xfce4-notifyd" if _xfconf(bus, "xfce4-notifyd", "/do-not-disturb") else None
        if server in _GNOME_SHELL and self._gnome_banners() is False:
            return "gnome"
        return None


_NOTIFICATIONS = "org.freedesktop.Notifications"
# GNOME Shell answers GetServerInformation with its PACKAGE_NAME, "gnome-shell" (43, in
# Debian 12: js/ui/notificationDaemon.js); None: no server runs.
_GNOME_SHELL = (None, "gnome-shell", "GNOME Shell")


def _server_name(bus: QDBusConnection) -> str | None:
    """The notification server's name (``GetServerInformation``'s first answer)."""
    values = _call(
        bus, _NOTIFICATIONS, "/org/freedesktop/Notifications", _NOTIFICATIONS,
        "GetServerInformation",
    )  # fmt: skip
    return str(values[0]) if values else None


def _notifications_property(bus: QDBusConnection, interface: str, name: str) -> Any:
    values = _call(
        bus, _NOTIFICATIONS, "/org/freedesktop/Notifications",
        "org.freedesktop.DBus.Properties", "Get", interface, name,
    )  # fmt: skip
    return _unwrap(values[0]) if values else None


def _xfconf(bus: QDBusConnection, channel: str, name: str) -> bool:
    """An xfconf boolean, from xfconfd over D-Bus (False when unset or unreadable)."""
    values = _call(
        bus, "org.xfce.Xfconf", "/org/xfce/Xfconf", "org.xfce.Xfconf", "GetProperty",
        channel, name,
    )  # fmt: skip
    return values is not None and len(values) == 1 and _unwrap(values[0]) is True


def _gnome_show_banners() -> bool | None:
    """GNOME's ``show-banners`` key, read through GSettings when it is installed."""
    import shutil
    import subprocess

    gsettings = shutil.which("gsettings")
    if gsettings is None:
        return None
    try:
        result = subprocess.run(
            [gsettings, "get", "org.gnome.desktop.notifications", "show-banners"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    answer = result.stdout.strip()
    return {"true": True, "false": False}.get(answer)
