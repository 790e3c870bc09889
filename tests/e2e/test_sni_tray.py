"""The tray icon as a StatusNotifierItem, in a real SNI host: xfce4-panel's systray on X11.

Qt publishes the icon over D-Bus (``org.kde.StatusNotifierItem`` and its menu as
``com.canonical.dbusmenu``) when an ``org.kde.StatusNotifierWatcher`` is on the bus, as on
KDE Plasma, GNOME with the AppIndicator extension, Xfce, LXQt and Budgie. What the host
reads is what the user sees: the tests read it through the same D-Bus calls, then look at
the screen.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.e2e.sessions import (
    XFCONFD,
    Session,
    require,
    session,
    terminal_line,
    wait_bus_name,
)
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

WATCHER = DBusAddress(
    "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"
)
# One panel along the top edge holding only the systray plugin (which hosts SNI items).
PANEL_XML = """<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="32"/>
      <property name="plugin-ids" type="array"><value type="int" value="1"/></property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="systray">
      <property name="icon-size" type="int" value="24"/>
    </property>
  </property>
</channel>
"""
CONFIG = '[breaks]\nsitting_limit = "1m"\nnatural_break = "1m"\n'


@pytest.fixture
def xfce_session(tmp_path: Path) -> Iterator[Session]:
    """Xvfb + openbox + xfconfd with a panel config holding a systray; no panel yet."""
    require("xfce4-panel", XFCONFD)
    with session(tmp_path) as desk:
        channel = desk.home / "config" / "xfce4" / "xfconf" / "xfce-perchannel-xml"
        channel.mkdir(parents=True)
        (channel / "xfce4-panel.xml").write_text(PANEL_XML, encoding="utf-8")
        desk.start(XFCONFD)
        wait_bus_name(desk, "org.xfce.Xfconf")
        yield desk


def _start_panel(desk: Session) -> None:
    desk.start("xfce4-panel", "--disable-wm-check")
    wait_bus_name(desk, "org.kde.StatusNotifierWatcher")


@pytest.fixture
def xfce_panel(xfce_session: Session) -> Session:
    """The same with xfce4-panel running: the SNI host is up before the app starts."""
    _start_panel(xfce_session)
    return xfce_session


def _bus(desk: Session) -> DBusConnection:
    return open_dbus_connection(bus=desk.env["DBUS_SESSION_BUS_ADDRESS"])


def _reply(bus: DBusConnection, message: Any) -> tuple[Any, ...]:
    reply = bus.send_and_get_reply(message, timeout=5)
    assert reply.header.message_type.name == "method_return", reply.body
    return tuple(reply.body)


def _items(bus: DBusConnection) -> list[str]:
    body = _reply(bus, Properties(WATCHER).get("RegisteredStatusNotifierItems"))
    return list(body[0][1])


def _pid_of(bus: DBusConnection, service: str) -> int:
    daemon = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
    return int(
        _reply(bus, new_method_call(daemon, "GetConnectionUnixProcessID", "s", (service,)))[0]
    )


def _item_properties(bus: DBusConnection, item: DBusAddress) -> dict[str, Any]:
    props = _reply(bus, Properties(item).get_all())[0]
    return {name: value for name, (_signature, value) in props.items()}


def _layout(bus: DBusConnection, menu: DBusAddress) -> tuple[Any, ...]:
    layout: tuple[Any, ...] = _reply(bus, new_method_call(menu, "GetLayout", "iias", (0, -1, [])))[
        1
    ]
    return layout


def _entries(node: tuple[Any, ...]) -> Iterator[tuple[int, dict[str, Any], list[Any]]]:
    """Every entry under ``node`` (id, properties, children), depth first."""
    for _signature, child in node[2]:
        ident, props, children = child
        yield ident, {k: v for k, (_s, v) in props.items()}, children
        yield from _entries(child)


def _visible_labels(node: tuple[Any, ...]) -> list[str]:
    return [
        props["label"]
        for _id, props, _children in _entries(node)
        if props.get("visible", True) and "label" in props
    ]


def _seated_seconds(tooltip: tuple[Any, ...]) -> int:
    """Seconds seated, as the tooltip's text says (icon name, pixmaps, title, text)."""
    found = re.search(r"Seated (\d+) s", tooltip[2] + "\n" + tooltip[3])
    assert found, f"no seated time in the tooltip {tooltip[2:]!r}"
    return int(found.group(1))


def _wiggle(desk: Session, seconds: float) -> None:
    end = time.monotonic() + seconds
    x = 400
    while time.monotonic() < end:
        x = 700 if x == 400 else 400
        desk.run("xdotool", "mousemove", str(x), "400")
        time.sleep(0.3)


def _spread(png: Path, geometry: str) -> float:
    """How much the pixels in ``geometry`` of a screenshot vary (0: one flat colour)."""
    out = subprocess.run(
        [
            "convert",
            str(png),
            "-crop",
            geometry,
            "+repage",
            "-format",
            "%[fx:standard_deviation]",
            "info:",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


def test_the_icon_its_menu_and_live_updates_reach_an_sni_host(
    xfce_panel: Session, request: pytest.FixtureRequest
) -> None:
    desk = xfce_panel
    bus = _bus(desk)
    request.addfinalizer(bus.close)
    empty_panel = desk.screenshot("sni-panel-before")
    assert _items(bus) == []
    master, slave = pty.openpty()  # started in a terminal: one line says where it is
    request.addfinalizer(partial(os.close, master))
    request.addfinalizer(partial(os.close, slave))
    app = desk.launch(CONFIG, terminal=slave)
    assert terminal_line(master, "movebreak is running") == (
        "movebreak is running in the system tray. Stop it with `movebreak quit` or Ctrl+C."
    )
    wait_for(lambda: bool(_items(bus)), "movebreak's item in RegisteredStatusNotifierItems")
    [entry] = _items(bus)
    service, path = entry.split("/", 1)
    assert _pid_of(bus, service) == app.process.pid  # the item is movebreak's own
    item = DBusAddress("/" + path, service, "org.kde.StatusNotifierItem")

    _wiggle(desk, 3)
    first = _item_properties(bus, item)
    assert first["Id"] == "movebreak"
    assert first["Status"] == "Active"
    assert first["Category"] == "ApplicationStatus"
    sizes = [(w, h) for w, h, data in first["IconPixmap"] if len(data) == 4 * w * h]
    assert sizes, first["IconPixmap"]
    assert max(sizes) >= (22, 22)
    assert any(any(data[i] for i in range(0, len(data), 4)) for _w, _h, data in first["IconPixmap"])
    seated_then = _seated_seconds(first["ToolTip"])
    assert "movebreak" in first["ToolTip"][2]

    menu = DBusAddress(first["Menu"], service, "com.canonical.dbusmenu")
    layout = _layout(bus, menu)
    labels = _visible_labels(layout)
    for wanted in (
        "Take a break now",
        "Pause prompts",
        "For 30 minutes",
        "Until tomorrow",
        "I'm standing",
        "Today's movement…",
        "Exercise library…",
        "Settings…",
        "Quit movebreak",
    ):
        assert wanted in labels, f"{wanted!r} not in the menu the host reads: {labels}"
    status_line = next(label for label in labels if label.startswith("Seated"))

    _wiggle(desk, 12)  # the user keeps working: the seated time grows where the host reads it
    later = _item_properties(bus, item)
    seated_now = _seated_seconds(later["ToolTip"])
    assert seated_now >= seated_then + 10, (seated_then, seated_now)
    later_labels = _visible_labels(_layout(bus, menu))
    assert status_line not in later_labels  # the menu's first line moved on too
    assert any(label.startswith("Seated") for label in later_labels)
    assert later["IconPixmap"] != first["IconPixmap"]  # the ring filled by a sixth

    # On screen: the panel shows the icon where it was empty; a right click opens the
    # menu the panel draws from the dbusmenu layout.
    shown = desk.screenshot("sni-panel-icon")
    assert _spread(empty_panel, "28x28+0+2") < 0.02
    assert _spread(shown, "28x28+0+2") > 0.05
    desk.run("xdotool", "mousemove", "14", "16", "click", "3")
    desk.run("xdotool", "mousemove", "120", "250")  # into the menu: the tooltip goes
    time.sleep(1.5)
    opened = desk.screenshot("sni-panel-menu")
    assert _spread(opened, "300x300+2+40") > 0.1  # a menu where the screen was black
    desk.run("xdotool", "key", "Escape")

    # The host's click on "Take a break now" reaches the app and opens a prompt.
    take = next(i for i, p, _c in _entries(layout) if p.get("label") == "Take a break now")
    _reply(bus, new_method_call(menu, "Event", "isvu", (take, "clicked", ("s", ""), 0)))
    wait_for(
        lambda: json.loads(app.cli("status", "--json").stdout)["state"] == "prompting",
        "the prompt the menu entry asked for",
    )
    assert app.quit() == 0
    wait_for(lambda: _items(bus) == [], "the item to leave the watcher at quit")


def test_a_panel_that_comes_up_after_the_app_gets_the_icon_and_no_notice(
    xfce_session: Session,
) -> None:
    # At login the panel may start after movebreak: no tray at the app's start, one a
    # second later. The app waits before telling anyone there is none.
    desk = xfce_session
    app = desk.launch(CONFIG)
    assert "tray.available" not in app.log()
    _start_panel(desk)
    app.wait_log("tray.available", timeout=15)
    assert "tray.none" not in app.log()
    controls = desk.run("xdotool", "search", "--onlyvisible", "--name", "^movebreak$")
    assert controls.stdout.split() == []  # no "there is no tray" window
    shown = desk.screenshot("sni-panel-late")
    assert _spread(shown, "28x28+0+2") > 0.05  # the icon is in the panel
    assert app.quit() == 0
