"""GDM's version, and nothing else, on a test session's private system bus.

gnome-shell 43 builds its screen lock only when a display manager answers
``org.gnome.DisplayManager.Manager.Version`` (misc/loginManager.js ``canLock``), and it
calls ``RegisterSession`` at start. This answers those two so that the real gnome-shell
offers its real lock screen; movebreak never talks to it.

Usage: ``gdm_standin.py READY_FILE`` (written once the name is held).
"""

import sys
from pathlib import Path

from jeepney import MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


def main() -> int:
    connection = open_dbus_connection(bus="SYSTEM")
    connection.send_and_get_reply(message_bus.RequestName("org.gnome.DisplayManager"))
    Path(sys.argv[1]).write_text("yes", encoding="utf-8")
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(3)  # HeaderFields.member
        if member == "Get" and message.body[1:] == ("Version",):
            connection.send(new_method_return(message, "v", (("s", "43.0"),)))
        elif member == "RegisterSession":
            connection.send(new_method_return(message))
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    raise SystemExit(main())
