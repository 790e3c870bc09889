"""Stand-ins for desktop D-Bus services, served on the test desktop's private session bus.

GNOME's idle monitor answers with the idle time written in ``STATE/idle_ms``; the
notification server's ``Inhibited`` property (do not disturb) is true while
``STATE/dnd`` exists. Real D-Bus messages, so the app's QtDBus code is tested for real.
"""

import sys
from pathlib import Path

from jeepney import MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAMES = ("org.gnome.Mutter.IdleMonitor", "org.freedesktop.Notifications")


def main() -> int:
    state = Path(sys.argv[1])
    connection = open_dbus_connection(bus="SESSION")
    for name in NAMES:
        connection.send_and_get_reply(message_bus.RequestName(name))
    (state / "ready").write_text("yes", encoding="utf-8")
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        fields = message.header.fields
        member = fields.get(3)  # HeaderFields.member
        interface = fields.get(2)
        if interface == "org.gnome.Mutter.IdleMonitor" and member == "GetIdletime":
            idle_file = state / "idle_ms"
            idle = int(idle_file.read_text()) if idle_file.exists() else 0
            connection.send(new_method_return(message, "t", (idle,)))
        elif interface == "org.freedesktop.DBus.Properties" and member == "Get":
            inhibited = (state / "dnd").exists()
            connection.send(new_method_return(message, "v", (("b", inhibited),)))
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    raise SystemExit(main())
