"""What a screen reader reads of a running app: its AT-SPI tree, over the real a11y bus.

Qt publishes its widgets over AT-SPI (``at-spi2-core``: the a11y bus and its registry,
D-Bus-activated from the session bus) when ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` or a
screen reader is on. The bus must be up before the app starts; ``start_a11y_bus`` asks for
it. The text of each label and button is its accessible name.
"""

from __future__ import annotations

from typing import Any

from jeepney import DBusAddress, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ALWAYS_ON = {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
_LAUNCHER = DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus")
_ROOT = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")


def start_a11y_bus(session_bus: str) -> str:
    """Activate the accessibility bus on ``session_bus``; its address."""
    with open_dbus_connection(bus=session_bus) as session:
        reply = session.send_and_get_reply(new_method_call(_LAUNCHER, "GetAddress"), timeout=10)
    address: str = reply.body[0]
    return address


def _call(a11y: DBusConnection, node: tuple[str, str], message: Any) -> Any:
    return a11y.send_and_get_reply(message, timeout=5).body[0]


def _node(node: tuple[str, str]) -> DBusAddress:
    return DBusAddress(node[1], node[0], "org.a11y.atspi.Accessible")


def _name(a11y: DBusConnection, node: tuple[str, str]) -> str:
    return str(_call(a11y, node, Properties(_node(node)).get("Name"))[1])


def _children(a11y: DBusConnection, node: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        tuple(child) for child in _call(a11y, node, new_method_call(_node(node), "GetChildren"))
    ]


def window_texts(session_bus: str, app: str, window: str) -> list[str]:
    """The accessible names under the top-level ``window`` of the application ``app``."""
    with open_dbus_connection(bus=start_a11y_bus(session_bus)) as a11y:
        for application in _children(a11y, _ROOT):
            if _name(a11y, application) != app:
                continue
            for top in _children(a11y, application):
                if _name(a11y, top) == window:
                    return _names_below(a11y, top)
    return []


def _names_below(a11y: DBusConnection, node: tuple[str, str]) -> list[str]:
    names: list[str] = []
    for child in _children(a11y, node):
        names.append(_name(a11y, child))
        names.extend(_names_below(a11y, child))
    return names
