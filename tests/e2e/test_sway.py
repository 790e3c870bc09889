"""movebreak on a real sway (1.7 in Debian 12), as a native Wayland client.

Sway 1.7 offers org_kde_kwin_idle (not yet ext-idle-notify-v1). Input is injected through
the compositor itself: ``wtype`` types through the virtual-keyboard protocol and
``swaymsg seat - cursor move`` moves sway's own pointer, both of which sway counts as the
user's activity.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import compositors
from tests.e2e.compositors import Compositor, launch_on, private_bus
from tests.e2e.conftest import RunningApp
from tests.e2e.gnome_session import Bus
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sway() -> Iterator[Compositor]:
    compositors.require("wtype")
    with compositors.sway() as running:
        yield running


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    with private_bus(tmp_path) as address:
        yield address


def status(app: RunningApp) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(app.cli("status", "--json").stdout)
    return result


def press_a_key(sway: Compositor) -> None:
    """One key press and release, through the virtual-keyboard protocol."""
    result = sway.run("wtype", "-k", "Shift_L")
    assert result.returncode == 0, result.stderr


def move_the_pointer(sway: Compositor) -> None:
    result = sway.run("swaymsg", "seat", "-", "cursor", "move", "3", "2")
    assert result.returncode == 0, result.stdout + result.stderr


def test_sway_reports_its_idle_protocol_and_input_keeps_the_user_seated(
    sway: Compositor, bus: str, tmp_path: Path
) -> None:
    config = '[breaks]\nnatural_break = "8s"\nsitting_limit = "30m"\n'
    with launch_on(sway, tmp_path / "home", bus, config) as app:
        first = status(app)
        assert first["activity_source"] == "wayland-idle", first
        assert first["activity_reason"] == "org_kde_kwin_idle from the compositor"
        # 14 s of use, longer than natural_break: the input is seen, so no break.
        for second in range(14):
            press_a_key(sway) if second % 2 else move_the_pointer(sway)
            time.sleep(1)
        seated = status(app)
        assert seated["state"] == "seated", seated
        assert seated["seated_seconds"] >= 13
        assert seated["breaks_today"] == 0
        # Hands off for longer than natural_break: away, and a break once input is back.
        wait_for(lambda: status(app)["state"] == "away", "away after 8 s without input", 30)
        away_for = status(app)["idle_seconds"]
        assert away_for >= 8
        press_a_key(sway)
        wait_for(lambda: status(app)["breaks_today"] == 1, "the break recorded", 20)
        back = status(app)
        assert back["state"] == "seated"
        assert back["seated_seconds"] < 8  # a new stretch began at the key press
        assert "break.recorded" in app.log()
        assert "activity.wayland-idle via=org_kde_kwin_idle" in app.log()
        assert app.quit() == 0


def focused_window(sway: Compositor) -> str | None:
    """The title of the window sway gives the keyboard to."""

    def walk(node: dict[str, Any]) -> str | None:
        if node.get("focused") and node.get("type") in ("con", "floating_con"):
            return str(node.get("name"))
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(json.loads(sway.run("swaymsg", "-t", "get_tree").stdout))


def windows(sway: Compositor) -> dict[str, dict[str, Any]]:
    """Every window sway manages, by title: its type (con, floating_con) and rect."""

    def walk(node: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        if node.get("type") in ("con", "floating_con") and node.get("name"):
            yield str(node["name"]), node
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            yield from walk(child)

    return dict(walk(json.loads(sway.run("swaymsg", "-t", "get_tree").stdout)))


WINDOW_STYLE = '[notifications]\nprompt_style = "window"\n'
PROMPT = '[app_id="^io.github.movebreak.Movebreak$" title="^movebreak: time to move$"]'
# The README's two lines for sway: no keyboard for the prompt, and float it, not tile it.
PROMPT_RULES = (f"no_focus {PROMPT}", f"for_window {PROMPT} floating enable")


def test_a_due_prompt_on_sway_leaves_the_keyboard_where_the_user_types(
    sway: Compositor, bus: str, tmp_path: Path
) -> None:
    """With the README's sway rules, which this test applies as a user would.

    Sway gives every new toplevel window the keyboard, and xdg-shell has no way for a
    window to decline it (Qt's WindowDoesNotAcceptFocus works on X11 only): without
    ``no_focus`` the prompt takes the focus from the editor (seen with swaymsg -t
    get_tree). Without ``floating enable`` sway tiles it beside the editor, which shrinks
    to half the screen (seen in a grim screenshot); floating, sway centres it.
    """
    for rule in PROMPT_RULES:
        assert sway.run("swaymsg", rule).returncode == 0
    typed = tmp_path / "typed.txt"
    target = Path(__file__).with_name("typing_target.py")
    env = {"QT_QPA_PLATFORM": "wayland", "DBUS_SESSION_BUS_ADDRESS": bus}
    editor = sway.start(sys.executable, str(target), str(typed), env=env)
    try:
        wait_for(lambda: focused_window(sway) == "typing-target", "the editor focused", 30)
        press_a_key(sway)  # the editor's first key from a new keyboard sets up its keymap
        # The window, as the README's rules are for: "auto" would send a notification.
        config = '[breaks]\nsitting_limit = "10s"\nnatural_break = "2m"\n' + WINDOW_STYLE
        with launch_on(sway, tmp_path / "home", bus, config) as app:
            assert sway.run("wtype", "-s", "300", "before").returncode == 0
            wait_for(lambda: status(app)["state"] == "prompting", "the prompt", 40)
            wait_for(lambda: "prompt.shown" in app.log(), "the prompt window", 10)
            wait_for(lambda: "movebreak: time to move" in windows(sway), "the prompt on screen", 10)
            time.sleep(1)  # the moment sway would take to move the focus
            assert focused_window(sway) == "typing-target"
            shown = windows(sway)
            assert shown["movebreak: time to move"]["type"] == "floating_con"
            assert shown["typing-target"]["rect"]["width"] == 1280  # not halved
            assert sway.run("wtype", "-s", "300", " after").returncode == 0
            wait_for(
                lambda: typed.exists() and typed.read_text() == "before after",
                "the typing to reach the editor",
                10,
            )
            assert app.quit() == 0
    finally:
        editor.terminate()
        editor.wait(timeout=10)


NOTIFICATIONS = "org.freedesktop.Notifications"


@pytest.fixture
def bare_sway() -> Iterator[Compositor]:
    """A sway of the test's own: no rule another test gave the module's sway at run time."""
    compositors.require("wtype", "dunst", "dunstctl")
    with compositors.sway() as running:
        yield running


def start_editor(sway: Compositor, bus: str, typed: Path) -> subprocess.Popen[bytes]:
    """The typing target, focused, with its keymap set up by a first key."""
    target = Path(__file__).with_name("typing_target.py")
    env = {"QT_QPA_PLATFORM": "wayland", "DBUS_SESSION_BUS_ADDRESS": bus}
    editor = sway.start(sys.executable, str(target), str(typed), env=env)
    wait_for(lambda: focused_window(sway) == "typing-target", "the editor focused", 30)
    press_a_key(sway)
    return editor


def dunstctl(sway: Compositor, bus: str, *args: str) -> str:
    result = subprocess.run(
        ["dunstctl", *args],
        env=sway.env | {"DBUS_SESSION_BUS_ADDRESS": bus},
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_on_sway_the_default_prompt_is_a_dunst_notification_and_the_editor_keeps_the_keyboard(
    bare_sway: Compositor, bus: str, tmp_path: Path
) -> None:
    """No sway rule at all: the prompt reaches the user through the real dunst.

    dunst draws on sway's layer-shell, which gives it no keyboard; the prompt window opens
    only when the user acts on the notification (``dunstctl action``, as a click would).
    """
    sway = bare_sway
    dunst = sway.start("dunst", env={"DBUS_SESSION_BUS_ADDRESS": bus})
    session = Bus(bus)
    try:
        wait_for(lambda: session.owns(NOTIFICATIONS), "dunst on the bus", 20)
        name, vendor, *_ = session.call(
            NOTIFICATIONS, "/org/freedesktop/Notifications", NOTIFICATIONS, "GetServerInformation"
        )
        assert (name, vendor) == ("dunst", "knopwob")
        typed = tmp_path / "typed.txt"
        editor = start_editor(sway, bus, typed)
        config = '[breaks]\nsitting_limit = "10s"\nnatural_break = "2m"\n'  # the default style
        with launch_on(sway, tmp_path / "home", bus, config) as app:
            assert sway.run("wtype", "-s", "300", "before").returncode == 0
            wait_for(lambda: status(app)["state"] == "prompting", "the prompt", 40)
            wait_for(lambda: "prompt.notified" in app.log(), "the notification", 10)
            wait_for(lambda: dunstctl(sway, bus, "count", "displayed") == "1", "dunst shows it")
            time.sleep(1)  # the moment sway would take to move the focus
            assert focused_window(sway) == "typing-target"
            assert "movebreak: time to move" not in windows(sway)  # no window yet
            assert sway.run("wtype", "-s", "300", " after").returncode == 0
            wait_for(
                lambda: typed.exists() and typed.read_text() == "before after",
                "every key in the editor",
                10,
            )
            assert status(app)["state"] == "prompting"  # the typing answered nothing
            # The user acts on the notification: now the prompt opens, and may take the keys.
            dunstctl(sway, bus, "action", "0")
            wait_for(lambda: "movebreak: time to move" in windows(sway), "the prompt window", 10)
            assert "prompt.notification clicked" in app.log()
            wait_for(lambda: dunstctl(sway, bus, "count", "displayed") == "0", "it closed")
            assert app.cli("done").returncode == 0
            journal = app.home / "data" / "movebreak" / "journal.sqlite3"
            outcomes = sqlite3.connect(journal).execute("SELECT outcome FROM prompt").fetchall()
            assert outcomes == [("done",)]
            assert app.quit() == 0
        editor.terminate()
        editor.wait(timeout=10)
    finally:
        session.close()
        dunst.terminate()
        dunst.wait(timeout=10)


def test_on_sway_without_a_notification_server_the_prompt_falls_back_to_its_window(
    bare_sway: Compositor, tmp_path: Path
) -> None:
    """A bus where nothing serves notifications, nor can be started: the window, not nothing."""
    sway = bare_sway
    config = tmp_path / "bus.conf"  # the session bus, without service folders to start from
    config.write_text(
        "<busconfig><type>session</type>"
        f"<listen>unix:path={tmp_path / 'bare-bus'}</listen>"
        '<policy context="default"><allow send_destination="*" eavesdrop="true"/>'
        '<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>',
        encoding="utf-8",
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    bus = daemon.stdout.readline().strip()
    daemon.stdout.close()
    try:
        settings = '[breaks]\nsitting_limit = "5s"\nnatural_break = "2m"\n'
        with launch_on(sway, tmp_path / "home", bus, settings) as app:
            wait_for(lambda: status(app)["state"] == "prompting", "the prompt", 40)
            wait_for(lambda: "movebreak: time to move" in windows(sway), "the prompt window", 20)
            assert "prompt.notification failed" in app.log()
            assert app.quit() == 0
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
