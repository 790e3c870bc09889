"""Do not disturb, switched on and off with each real notification daemon's own tool.

Each daemon runs in a session of its own (Xvfb, openbox, a private session bus, a private
profile), the way a user's desktop runs it; the daemon's own command line switches do not
disturb on, and the test watches what the user would see: no prompt, ``held_by`` saying
why in ``movebreak status --json``, and the prompt coming once it is switched off.

KDE Plasma's ``Inhibited`` property is not tested against plasmashell here (Plasma is not
installed on the test machine and needs a GL compositor); dunst 1.9 and xfce4-notifyd 0.7
do not implement ``Inhibited``, so only the stand-in in tests/e2e/test_platform.py covers it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp
from tests.e2e.sessions import (
    XFCE4_NOTIFYD,
    XFCONFD,
    Session,
    require,
    session,
    unavailable,
    wait_bus_name,
)
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

CONFIG = '[breaks]\nsitting_limit = "15s"\nnatural_break = "2m"\n'
PROMPT_TITLE = "movebreak: time to move"


@dataclass
class Daemon:
    """How one daemon's do-not-disturb is switched, and which source movebreak logs."""

    name: str
    source: str
    start: Callable[[Session], None]
    switch: Callable[[Session, bool], None]
    env: dict[str, str]


def _start_dunst(desk: Session) -> None:
    require("dunst", "dunstctl")
    desk.start("dunst")
    wait_bus_name(desk, "org.freedesktop.Notifications")


def _dunst(desk: Session, on: bool) -> None:
    desk.run("dunstctl", "set-paused", "true" if on else "false", check=True)
    assert desk.run("dunstctl", "is-paused").stdout.strip() == ("true" if on else "false")


def _start_xfce4_notifyd(desk: Session) -> None:
    require(XFCONFD, XFCE4_NOTIFYD, "xfconf-query")
    desk.start(XFCONFD)
    wait_bus_name(desk, "org.xfce.Xfconf")
    desk.start(XFCE4_NOTIFYD)
    wait_bus_name(desk, "org.freedesktop.Notifications")


def _xfce4_notifyd(desk: Session, on: bool) -> None:
    desk.run(
        "xfconf-query", "-c", "xfce4-notifyd", "-p", "/do-not-disturb",
        "-n", "-t", "bool", "-s", "true" if on else "false", check=True,
    )  # fmt: skip


def _start_gnome_settings(desk: Session) -> None:
    # GNOME Shell itself is another helper's test; here the real GSettings key with the
    # real dconf backend (dconf-service, activated on the session bus) and no other
    # notification server, as gnome-shell's own is the one GNOME runs.
    require("gsettings", "dconf", "/usr/libexec/dconf-service")
    result = desk.run("gsettings", "get", "org.gnome.desktop.notifications", "show-banners")
    if result.returncode != 0:
        unavailable("GNOME's notification schema is missing (gsettings-desktop-schemas)")


def _gnome(desk: Session, on: bool) -> None:
    value = "false" if on else "true"  # do not disturb is "banners off"
    desk.run("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", value)
    wait_for(
        lambda: (
            desk.run(
                "gsettings", "get", "org.gnome.desktop.notifications", "show-banners"
            ).stdout.strip()
            == value
        ),
        "dconf to take the new value",
        10,
    )
    dumped = desk.run("dconf", "read", "/org/gnome/desktop/notifications/show-banners")
    assert dumped.stdout.strip() == value  # written by dconf-service, not kept in memory
    assert (desk.home / "config" / "dconf" / "user").exists()


DAEMONS = [
    Daemon("dunst", "dunst", _start_dunst, _dunst, {}),
    Daemon("xfce4-notifyd", "xfce4-notifyd", _start_xfce4_notifyd, _xfce4_notifyd, {}),
    Daemon("gnome-gsettings", "gnome", _start_gnome_settings, _gnome, {}),
]


def _state(app: RunningApp) -> dict[str, object]:
    result = app.cli("status", "--json")
    assert result.returncode == 0, result.stderr
    status: dict[str, object] = json.loads(result.stdout)
    return status


def _prompt_visible(desk: Session) -> bool:
    found = desk.run("xdotool", "search", "--onlyvisible", "--name", PROMPT_TITLE)
    return bool(found.stdout.split())


@pytest.fixture(params=DAEMONS, ids=[d.name for d in DAEMONS])
def daemon_session(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Session, Daemon]]:
    daemon: Daemon = request.param
    with session(tmp_path) as desk:
        daemon.start(desk)
        yield desk, daemon


def test_do_not_disturb_holds_the_prompt_until_the_daemon_says_it_is_off(
    daemon_session: tuple[Session, Daemon],
) -> None:
    desk, daemon = daemon_session
    daemon.switch(desk, True)
    app = desk.launch(CONFIG)
    desk.run("xdotool", "mousemove", "300", "300")  # at the desk
    wait_for(lambda: _state(app)["held_by"] == "do_not_disturb", "the hold", 40)
    assert f"busy.do_not_disturb on source={daemon.source}" in app.log()
    time.sleep(3)
    assert _state(app)["state"] != "prompting"
    assert not _prompt_visible(desk)
    desk.screenshot(f"dnd-{daemon.name}-held")

    daemon.switch(desk, False)
    wait_for(lambda: _state(app)["state"] == "prompting", "the prompt once DND is off", 25)
    wait_for(lambda: _prompt_visible(desk), "the prompt window", 10)
    assert _state(app)["held_by"] is None
    assert "busy.do_not_disturb off" in app.log()
    assert app.quit() == 0


def test_an_unrelated_gnome_key_does_not_hold_prompts_under_another_daemon(
    tmp_path: Path,
) -> None:
    # show-banners false left behind by an old GNOME session, now on a dunst desktop.
    with session(tmp_path) as desk:
        _start_gnome_settings(desk)
        _gnome(desk, True)
        _start_dunst(desk)
        _dunst(desk, False)
        app = desk.launch(CONFIG)
        desk.run("xdotool", "mousemove", "300", "300")
        wait_for(lambda: _state(app)["state"] == "prompting", "the prompt", 40)
        assert "busy.do_not_disturb on" not in app.log()
        assert app.quit() == 0
