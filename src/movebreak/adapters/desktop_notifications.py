"""Desktop notifications through the session's notification server, for the prompt.

``org.freedesktop.Notifications`` on the session bus: gnome-shell serves it itself, Plasma
too, and on sway and other compositors whatever daemon runs (dunst, mako), or the one the
bus starts on demand. The prompt goes there on Wayland because a notification server
shows it without handing it the keyboard; the prompt window opens when the user clicks it
("default" action).

Why not ``QSystemTrayIcon.showMessage``: it shows nothing where there is no tray (stock
GNOME, sway without a bar), and where Qt does send it over D-Bus it offers no default
action, so a click on it reaches no one. Why jeepney, not QtDBus: ``Notify`` takes a
``uint32``, which PySide6 cannot marshal (a Python int goes out as ``i``, or as ``q``
through ``QDBusArgument``, and servers refuse the call), and dunst sends
``ActionInvoked`` only to the connection that sent ``Notify``. jeepney is pure Python,
imported only when a notification is sent; its socket is read from Qt's event loop
(``QSocketNotifier``), so nothing blocks and no thread is started.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from jeepney import Message
    from jeepney.io.blocking import DBusConnection

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
_ANSWER_MS = 10_000  # the bus may start a server on demand first; after this, give up
_DESKTOP_ENTRY = "io.github.movebreak.Movebreak"


def windows_on_wayland() -> bool:
    """Whether this app's windows are Wayland windows (the compositor hands them the keyboard).

    Qt's platform plugin, not the session type: an app run through Xwayland makes X11
    windows, which can appear without taking the keyboard.
    """
    return QGuiApplication.platformName().startswith("wayland")


def session_bus_known() -> bool:
    """Whether a session bus is named, so a notification server can be asked at all."""
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))


class DesktopNotifications(QObject):
    """One notification at a time from the app, with a click that calls ``on_clicked``."""

    def __init__(self, on_clicked: Callable[[], None]):
        super().__init__()
        self._on_clicked = on_clicked
        self._connection: DBusConnection | None = None
        self._reader: QSocketNotifier | None = None
        self._waiting: dict[int, Callable[[Message], None]] = {}  # serial -> on reply
        self._shown: int | None = None  # the server's id of our notification on screen
        self._generation = 0  # counts shows and closes: a late answer to a closed one

    def show(self, title: str, body: str, on_failed: Callable[[str], None]) -> None:
        """Show (or replace) the notification; ``on_failed(why)`` if no server shows it."""
        from jeepney import DBusAddress, MessageType, new_method_call

        try:
            connection = self._connect()
        except (OSError, KeyError, ValueError, RuntimeError) as error:
            on_failed(f"no session bus ({error})")
            return
        message = new_method_call(
            DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE),
            "Notify",
            "susssasa{sv}i",
            (
                "movebreak",
                self._shown or 0,  # replace ours rather than stack a second one
                _DESKTOP_ENTRY,
                title,
                body,
                ["default", title],  # a click on the notification: open the prompt
                {"desktop-entry": ("s", _DESKTOP_ENTRY), "urgency": ("y", 1)},
                0,  # stays until acted on or closed, as the prompt window does
            ),
        )
        timer = QTimer(self)
        timer.setSingleShot(True)
        self._generation += 1
        generation = self._generation

        def answered(reply: Message) -> None:
            timer.stop()
            timer.deleteLater()
            if reply.header.message_type is MessageType.error:
                on_failed(f"the notification server refused it: {reply.body}")
                return
            self._shown = int(reply.body[0])
            log.info("prompt.notified id=%d", self._shown)
            if generation != self._generation:  # closed while the server was answering
                self.close()

        def too_late() -> None:
            self._waiting = {s: f for s, f in self._waiting.items() if f is not answered}
            timer.deleteLater()
            on_failed("no notification server answered")

        timer.timeout.connect(too_late)
        timer.start(_ANSWER_MS)
        self._send(connection, message, answered)

    def close(self) -> None:
        """Take our notification off the screen, if one is there (or on its way)."""
        self._generation += 1
        if self._shown is None or self._connection is None:
            return
        from jeepney import DBusAddress, new_method_call

        message = new_method_call(
            DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE),
            "CloseNotification",
            "u",
            (self._shown,),
        )
        self._shown = None
        self._send(self._connection, message, lambda _reply: None)

    # --- the connection ---

    def _connect(self) -> DBusConnection:
        if self._connection is not None:
            return self._connection
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus="SESSION")  # a local socket: a quick hello
        self._connection = connection
        self._reader = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)
        # gnome-shell broadcasts ActionInvoked; dunst sends it to us alone.
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        self._send(connection, message_bus.AddMatch(rule), lambda _reply: None)
        return connection

    def _send(
        self, connection: DBusConnection, message: Message, on_reply: Callable[[Message], None]
    ) -> None:
        serial = next(connection.outgoing_serial)
        self._waiting[serial] = on_reply
        try:
            connection.send(message, serial=serial)
        except OSError as error:
            self._waiting.pop(serial, None)
            self._drop(f"send failed: {error}")

    def _read(self, *_args: Any) -> None:
        """Everything the bus sent, from Qt's loop: replies and the server's signals."""
        from jeepney import HeaderFields, MessageType

        connection = self._connection
        if connection is None:
            return
        while True:
            try:
                message = connection.receive(timeout=0)
            except TimeoutError:
                return
            except (OSError, ValueError) as error:  # the bus went away
                self._drop(str(error))
                return
            header = message.header
            if header.message_type in (MessageType.method_return, MessageType.error):
                callback = self._waiting.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
                if callback is not None:
                    callback(message)
            elif header.message_type is MessageType.signal:
                self._signal(header.fields.get(HeaderFields.member), message.body)

    def _signal(self, member: object, body: tuple[Any, ...]) -> None:
        if self._shown is None or not body or body[0] != self._shown:
            return
        if member == "ActionInvoked" and body[1] == "default":
            log.info("prompt.notification clicked")
            self.close()  # dunst leaves one that never expires on screen after its action
            self._on_clicked()
        elif member == "NotificationClosed":
            log.info("prompt.notification closed reason=%s", body[1])
            self._shown = None

    def _drop(self, why: str) -> None:
        log.warning("notifications.bus lost: %s", why)
        if self._reader is not None:
            self._reader.setEnabled(False)
            self._reader.deleteLater()
        if self._connection is not None:
            self._connection.close()
        self._reader, self._connection, self._shown = None, None, None
        self._waiting.clear()
