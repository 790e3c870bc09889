"""Platform signals on a real desktop: lock, do not disturb, the desktop's idle time."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import Desktop, RunningApp
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


def state(app: RunningApp) -> dict[str, object]:
    result: dict[str, object] = json.loads(app.cli("status", "--json").stdout)
    return result


def screensaver(desktop: Desktop, active: bool) -> None:
    desktop.run(
        "dbus-send",
        "--session",
        "--type=signal",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        f"boolean:{str(active).lower()}",
    )


def test_a_screen_lock_is_away_at_once_and_a_short_one_is_no_break(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nnatural_break = "20s"\n')
    desktop.run("xdotool", "mousemove", "100", "100")
    wait_for(lambda: state(app)["state"] == "seated", "seated")
    screensaver(desktop, True)
    wait_for(lambda: state(app)["state"] == "away", "away on lock", 5)
    screensaver(desktop, False)  # unlocked after a few seconds: shorter than a break
    desktop.run("xdotool", "mousemove", "200", "200")
    wait_for(lambda: state(app)["state"] == "seated", "seated again", 10)
    assert state(app)["breaks_today"] == 0
    assert "away.lock started" in app.log()
    assert app.quit() == 0


def test_do_not_disturb_holds_the_prompt_until_it_ends(
    desktop: Desktop, launch: Callable[[str], RunningApp], fake_desktop: Path
) -> None:
    (fake_desktop / "dnd").write_text("on", encoding="utf-8")
    try:
        app = launch('[breaks]\nsitting_limit = "15s"\nnatural_break = "2m"\n')
        desktop.run("xdotool", "mousemove", "300", "300")  # the user is at the desk
        wait_for(lambda: state(app)["held_by"] == "do_not_disturb", "the hold", 40)
        assert state(app)["state"] != "prompting"
    finally:
        (fake_desktop / "dnd").unlink()
    wait_for(lambda: state(app)["state"] == "prompting", "the prompt after DND ends", 20)
    assert app.quit() == 0


def test_a_wayland_session_reads_idle_time_from_the_desktop(
    desktop: Desktop, launch: Callable[..., RunningApp], fake_desktop: Path
) -> None:
    idle = fake_desktop / "idle_ms"
    idle.write_text("0", encoding="utf-8")
    app = launch('[breaks]\nnatural_break = "5s"\n', {"XDG_SESSION_TYPE": "wayland"})
    assert state(app)["activity_source"] == "gnome-idle"
    time.sleep(2)
    assert state(app)["state"] == "seated"
    idle.write_text("600000", encoding="utf-8")  # the desktop says: no input for 10 min
    wait_for(lambda: state(app)["state"] == "away", "away from the desktop's idle time", 10)
    idle.write_text("0", encoding="utf-8")
    wait_for(lambda: state(app)["state"] == "seated", "back", 10)
    assert state(app)["breaks_today"] == 1
    assert app.quit() == 0
