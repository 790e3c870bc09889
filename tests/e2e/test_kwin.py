"""movebreak on a real KWin (5.27 in Debian 12), as a native Wayland client.

What a bare ``kwin_wayland --virtual`` offers for idle time, found here and asserted:
ext-idle-notify-v1 and org_kde_kwin_idle (Wayland globals), and an
``org.freedesktop.ScreenSaver`` on its bus (from its built-in screen locker) whose
``GetSessionIdleTime`` answers NotSupported on Wayland: movebreak's D-Bus source cannot
work there, the compositor's protocol does. That locker's ``ActiveChanged`` is real: it
locks (by ``Lock()`` or by its own idle timeout) and unlocks (input within its grace
time), with its greeter ``kscreenlocker_greet`` running while it is locked. KWin offers
no virtual-keyboard protocol, so input comes through its own fake-input protocol
(tests/e2e/kwin_input.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import compositors
from tests.e2e.compositors import Compositor, launch_on
from tests.e2e.conftest import RunningApp
from tests.e2e.gnome_session import Bus
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

INJECTOR = str(Path(__file__).with_name("kwin_input.py"))
WINDOW_STYLE = '[notifications]\nprompt_style = "window"\n'
# The README's window rule for Plasma: the prompt does not accept the keyboard focus.
PROMPT_RULE = """[General]
count=1
rules=1

[1]
Description=movebreak prompt: do not take the keyboard
acceptfocus=false
acceptfocusrule=2
title=movebreak: time to move
titlematch=1
wmclass=io.github.movebreak.Movebreak
wmclassmatch=1
"""


@pytest.fixture(scope="module")
def kwin() -> Iterator[Compositor]:
    # KWin grants fake input to an executable by its real path: this interpreter's.
    trusted = (os.path.realpath(sys.executable),)
    with compositors.kwin(trusted=trusted, rules=PROMPT_RULE) as running:
        yield running


def status(app: RunningApp) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(app.cli("status", "--json").stdout)
    return result


def move_the_pointer(kwin: Compositor, motions: int = 5) -> None:
    result = kwin.run(sys.executable, INJECTOR, str(motions))
    assert result.returncode == 0, result.stderr


def globals_offered(kwin: Compositor) -> set[str]:
    script = (
        "from pywayland.client.display import Display\n"
        "d = Display(); d.connect(); r = d.get_registry(); names = []\n"
        "r.dispatcher['global'] = lambda _r, _n, interface, _v: names.append(interface)\n"
        "d.roundtrip(); print(' '.join(names)); d.disconnect()\n"
    )
    return set(kwin.run(sys.executable, "-c", script).stdout.split())


def test_kwin_offers_both_idle_protocols_and_no_idle_time_over_dbus(kwin: Compositor) -> None:
    offered = globals_offered(kwin)
    assert {"ext_idle_notifier_v1", "org_kde_kwin_idle", "wl_seat"} <= offered
    assert "zwp_virtual_keyboard_manager_v1" not in offered  # wtype cannot type here
    answer = subprocess.run(
        [
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.GetSessionIdleTime",
        ],
        env=kwin.env | {"DBUS_SESSION_BUS_ADDRESS": kwin.session_bus()},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert answer.returncode != 0
    assert "org.freedesktop.DBus.Error.NotSupported" in answer.stderr


def test_kwin_idle_notifications_measure_sitting_and_breaks(
    kwin: Compositor, tmp_path: Path
) -> None:
    config = '[breaks]\nnatural_break = "8s"\nsitting_limit = "30m"\n'
    # The app shares KWin's session bus, as it would in a Plasma session.
    with launch_on(kwin, tmp_path / "home", kwin.session_bus(), config) as app:
        first = status(app)
        assert first["activity_source"] == "wayland-idle", first
        assert first["activity_reason"] == "ext-idle-notify-v1 from the compositor"
        for _ in range(7):  # 14 s of pointer use, longer than natural_break
            move_the_pointer(kwin)
            time.sleep(2)
        seated = status(app)
        assert seated["state"] == "seated", seated
        assert seated["seated_seconds"] >= 13
        assert seated["breaks_today"] == 0
        wait_for(lambda: status(app)["state"] == "away", "away after 8 s without input", 30)
        move_the_pointer(kwin)
        wait_for(lambda: status(app)["breaks_today"] == 1, "the break recorded", 20)
        assert status(app)["state"] == "seated"
        assert "activity.wayland-idle via=ext-idle-notify-v1" in app.log()
        assert app.quit() == 0


def type_text(kwin: Compositor, text: str) -> None:
    result = kwin.run(sys.executable, INJECTOR, "--type", text)
    assert result.returncode == 0, result.stderr


def test_a_due_prompt_on_kwin_leaves_the_keyboard_where_the_user_types(
    kwin: Compositor, tmp_path: Path
) -> None:
    typed = tmp_path / "typed.txt"
    target = Path(__file__).with_name("typing_target.py")
    bus = kwin.session_bus()
    env = {"QT_QPA_PLATFORM": "wayland", "DBUS_SESSION_BUS_ADDRESS": bus}
    editor = kwin.start(sys.executable, str(target), str(typed), env=env)
    try:
        time.sleep(3)  # KWin maps and activates the editor
        type_text(kwin, "before")
        wait_for(lambda: typed.exists() and typed.read_text() == "before", "the editor", 20)
        # The window, as the README's rule is for: "auto" would send a notification.
        config = '[breaks]\nsitting_limit = "10s"\nnatural_break = "2m"\n' + WINDOW_STYLE
        with launch_on(kwin, tmp_path / "home", bus, config) as app:
            wait_for(lambda: status(app)["state"] == "prompting", "the prompt", 40)
            wait_for(lambda: "prompt.shown" in app.log(), "the prompt window", 10)
            time.sleep(1)  # the moment KWin would take to move the focus
            type_text(kwin, " after")
            time.sleep(2)
            assert typed.read_text() == "before after", app.log()[-3000:]
            assert app.quit() == 0
    finally:
        editor.terminate()
        editor.wait(timeout=10)


@pytest.mark.parametrize(
    ("protocol", "name"),
    [("ext_idle_notifier_v1", "ext-idle-notify-v1"), ("org_kde_kwin_idle", "org_kde_kwin_idle")],
)
def test_each_idle_protocol_kwin_offers_goes_idle_and_resumes_on_input(
    kwin: Compositor, protocol: str, name: str
) -> None:
    probe = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("idle_probe.py")), protocol, "9"],
        env=kwin.env | {"QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(5)  # no input: idled after 2 s
    injected = time.monotonic()
    move_the_pointer(kwin, 2)
    output, _ = probe.communicate(timeout=30)
    assert probe.returncode == 0, output
    lines = output.splitlines()
    assert lines[0] == f"via {name}"
    samples = [(float(t), float(idle)) for t, idle in (line.split() for line in lines[1:])]
    before = [idle for t, idle in samples if t < injected]
    after = [idle for t, idle in samples if t > injected + 1]
    assert max(before) >= 3.5, before  # idle, counted from the last input
    assert min(after) < 1, after  # resumed at the fake input
    assert after[-1] >= 2, after  # and idle again once it stopped


def window_titles(kwin: Compositor) -> list[str]:
    """The captions of every window KWin manages, from a KWin script it runs.

    KWin 5.27 has no D-Bus call that lists windows; a script loaded through
    ``org.kde.kwin.Scripting`` can, and its ``print`` goes to KWin's log.
    """
    marker = f"movebreak-windows-{time.monotonic_ns()}"
    script = kwin.socket.parent / f"{marker}.js"
    script.write_text(
        f'print("{marker}=" + workspace.clientList().map(c => c.caption).join("\\u0001"));\n',
        encoding="utf-8",
    )
    session = Bus(kwin.session_bus())
    try:
        session.call(
            "org.kde.KWin",
            "/Scripting",
            "org.kde.kwin.Scripting",
            "loadScript",
            "ss",
            (str(script), marker),
        )
        # KWin 5.27 runs loaded scripts on start(); each script's own object is 6.0's.
        session.call("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting", "start")
        wait_for(lambda: f"{marker}=" in kwin.log.read_text(errors="replace"), "KWin's script", 10)
        session.call(
            "org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting", "unloadScript", "s", (marker,)
        )
    finally:
        session.close()
    line = next(
        line for line in kwin.log.read_text(errors="replace").splitlines() if f"{marker}=" in line
    )
    return [title for title in line.split(f"{marker}=", 1)[1].split("\u0001") if title]


NOTIFICATIONS = "org.freedesktop.Notifications"
PROMPT_TITLE = "movebreak: time to move"


def dunstctl(kwin: Compositor, *args: str) -> str:
    result = subprocess.run(
        ["dunstctl", *args],
        env=kwin.env | {"DBUS_SESSION_BUS_ADDRESS": kwin.session_bus()},
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def bare_kwin() -> Iterator[Compositor]:
    """A KWin of the test's own, without the prompt rule: the default style needs none."""
    compositors.require("dunst", "dunstctl")
    with compositors.kwin(trusted=(os.path.realpath(sys.executable),)) as running:
        yield running


def test_on_kwin_the_default_prompt_is_a_dunst_notification_and_the_editor_keeps_the_keyboard(
    bare_kwin: Compositor, tmp_path: Path
) -> None:
    """The default ``prompt_style = "auto"`` on KWin, with the real dunst as the server.

    dunst draws on KWin's layer-shell (zwlr_layer_shell_v1), which gives it no keyboard;
    the prompt window opens only when the user acts on the notification (``dunstctl
    action``, as a click would).
    """
    kwin = bare_kwin
    assert "zwlr_layer_shell_v1" in globals_offered(kwin)
    bus = kwin.session_bus()
    # Started by hand on KWin's bus, so D-Bus activates no other server for the name.
    dunst = kwin.start("dunst", env={"DBUS_SESSION_BUS_ADDRESS": bus})
    session = Bus(bus)
    try:
        wait_for(lambda: session.owns(NOTIFICATIONS), "dunst on the bus", 20)
        name, vendor, *_ = session.call(
            NOTIFICATIONS, "/org/freedesktop/Notifications", NOTIFICATIONS, "GetServerInformation"
        )
        assert (name, vendor) == ("dunst", "knopwob")
        typed = tmp_path / "typed.txt"
        target = Path(__file__).with_name("typing_target.py")
        env = {"QT_QPA_PLATFORM": "wayland", "DBUS_SESSION_BUS_ADDRESS": bus}
        editor = kwin.start(sys.executable, str(target), str(typed), env=env)
        time.sleep(3)  # KWin maps and activates the editor
        type_text(kwin, "before")
        wait_for(lambda: typed.exists() and typed.read_text() == "before", "the editor", 20)
        config = '[breaks]\nsitting_limit = "10s"\nnatural_break = "2m"\n'  # the default style
        with launch_on(kwin, tmp_path / "home", bus, config) as app:
            wait_for(lambda: status(app)["state"] == "prompting", "the prompt", 40)
            wait_for(lambda: "prompt.notified" in app.log(), "the notification", 10)
            wait_for(lambda: dunstctl(kwin, "count", "displayed") == "1", "dunst shows it", 10)
            time.sleep(1)  # the moment KWin would take to move the focus
            titles = window_titles(kwin)
            assert "typing-target" in titles, titles
            assert PROMPT_TITLE not in titles  # no window yet
            type_text(kwin, " after")
            wait_for(lambda: typed.read_text() == "before after", "every key in the editor", 10)
            assert status(app)["state"] == "prompting"  # the typing answered nothing
            # The user acts on the notification: now the prompt opens, and may take the keys.
            dunstctl(kwin, "action", "0")
            wait_for(lambda: PROMPT_TITLE in window_titles(kwin), "the prompt window", 10)
            assert "prompt.notification clicked" in app.log()
            wait_for(lambda: dunstctl(kwin, "count", "displayed") == "0", "it closed", 10)
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


# KWin's auto-lock after a minute without input, and a minute's grace in which any input
# ends it without the password (System Settings → Screen Locking: "Lock screen
# automatically after 1 minute", "Allow unlocking without password for 60 seconds").
AUTO_LOCK = "[Daemon]\nAutolock=true\nTimeout=1\nLockGrace=60\n"


def require_the_lock_screen() -> None:
    """Skip (fail under ``CI=true``) unless KWin's lock screen greeter can show.

    KWin runs ``kscreenlocker_greet`` (a Qt 5 Wayland client) for the lock screen; without
    Qt 5's Wayland platform plugin it fails to start ("Could not find the Qt platform
    plugin "wayland"" in KWin's log) and KWin restarts it in a loop.
    """
    if any(Path("/usr/lib").glob("*/qt5/plugins/platforms/libqwayland-generic.so")):
        return
    message = "needs qtwayland5 (Debian package; see .ci/run) for KWin's lock screen greeter"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def screensaver(session: Bus, member: str, *args: bool) -> tuple[Any, ...]:
    """Call KWin's ``org.freedesktop.ScreenSaver.MEMBER`` (its built-in screen locker)."""
    return session.call(
        "org.freedesktop.ScreenSaver",
        "/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        member,
        "b" if args else None,
        args,
    )


def children(pid: int) -> dict[int, str]:
    """The processes whose parent is ``pid``, by pid, with their names."""
    found: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, fields = stat.read_text().split(" (", 1)[1].rsplit(") ", 1)
        except (OSError, IndexError, ValueError):
            continue
        if int(fields.split()[1]) == pid:
            found[int(stat.parent.name)] = name
    return found


def lock_screens(kwin: Compositor) -> list[int]:
    """The pids of the lock screen greeters this KWin runs (``kscreenlocker_greet``)."""
    (runner,) = kwin.processes[:1]
    shells = [pid for pid, name in children(runner.pid).items() if name.startswith("kwin_wayl")]
    return [
        pid
        for shell in shells
        for pid, name in children(shell).items()
        if name.startswith("kscreenlocker")
    ]


def test_kwin_auto_lock_counts_as_away_at_once_and_a_short_one_is_no_break(
    tmp_path: Path,
) -> None:
    """KWin's own screen locker, locking by itself and unlocked within its grace time.

    The lock screen is KWin's real one (``kscreenlocker_greet``); the unlock is KWin's own
    too: input within the grace time ends the lock without a password, as on Plasma.
    """
    require_the_lock_screen()
    trusted = (os.path.realpath(sys.executable),)
    with compositors.kwin(trusted=trusted, screen_locker=AUTO_LOCK) as kwin:
        bus = kwin.session_bus()
        session = Bus(bus)
        config = '[breaks]\nnatural_break = "5m"\nsitting_limit = "30m"\n'
        try:
            with launch_on(kwin, tmp_path / "home", bus, config) as app:
                move_the_pointer(kwin)
                wait_for(lambda: status(app)["state"] == "seated", "seated", 10)
                assert screensaver(session, "GetActive") == (False,)
                app.wait_log("away.lock started", timeout=100)  # a minute after the input
                locked = status(app)
                assert locked["state"] == "away", locked  # long before natural_break (5 min)
                assert locked["idle_seconds"] < 120, locked
                assert screensaver(session, "GetActive") == (True,)
                wait_for(lambda: len(lock_screens(kwin)) == 1, "the lock screen greeter", 10)
                time.sleep(2)
                move_the_pointer(kwin)  # within the grace time: KWin unlocks
                app.wait_log("away.lock ended", timeout=10)
                assert screensaver(session, "GetActive") == (False,)
                wait_for(lambda: not lock_screens(kwin), "the greeter gone", 10)
                wait_for(lambda: status(app)["state"] == "seated", "seated again", 10)
                # A lock of a few seconds is no break (it takes 2 min, movement-science.md 2.1).
                assert status(app)["breaks_today"] == 0
                assert app.log().count("away.lock started") == 1, app.log()
                assert app.quit() == 0
        finally:
            session.close()


def test_kwin_lock_session_counts_as_away_at_once_and_holds_until_the_password(
    tmp_path: Path,
) -> None:
    """Plasma's "Lock Session" (Meta+L calls ``org.freedesktop.ScreenSaver.Lock``).

    That lock has no grace time: KWin ends it only when its greeter has the password
    (PAM) or logind asks it to unlock; ``SetActive(false)`` is refused. Input on the lock
    screen (as while typing the password) leaves the user away.
    """
    require_the_lock_screen()
    with compositors.kwin(trusted=(os.path.realpath(sys.executable),)) as kwin:
        bus = kwin.session_bus()
        session = Bus(bus)
        config = '[breaks]\nnatural_break = "5m"\nsitting_limit = "30m"\n'
        try:
            with launch_on(kwin, tmp_path / "home", bus, config) as app:
                move_the_pointer(kwin)
                time.sleep(1.5)
                assert status(app)["state"] == "seated"
                screensaver(session, "Lock")
                app.wait_log("away.lock started", timeout=10)
                locked = status(app)
                assert locked["state"] == "away", locked  # long before natural_break (5 min)
                assert locked["idle_seconds"] < 10, locked
                assert screensaver(session, "GetActive") == (True,)
                assert screensaver(session, "SetActive", False) == (False,)  # refused
                greeter = lock_screens(kwin)
                assert len(greeter) == 1
                move_the_pointer(kwin)
                time.sleep(2)
                assert screensaver(session, "GetActive") == (True,)
                assert lock_screens(kwin) == greeter  # the same greeter: it did not crash
                assert status(app)["state"] == "away"
                assert "away.lock ended" not in app.log()
                assert app.quit() == 0
        finally:
            session.close()
