"""The real app on a real X desktop: tray host, pynput listener, xdotool input."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import Desktop, RunningApp

pytestmark = pytest.mark.e2e

DEMO = '[breaks]\nsitting_limit = "1m"\nnatural_break = "4s"\n'
SOURCES = ["x11-idle", "pynput"]


def with_source(source: str) -> str:
    return DEMO + f'[activity]\nsource = "{source}"\n'


def move_mouse(desktop: Desktop, seconds: float) -> None:
    """Wiggle the pointer a few times a second, as a user at work would."""
    end = time.monotonic() + seconds
    x = 200
    while time.monotonic() < end:
        x = 600 if x == 200 else 200
        desktop.run("xdotool", "mousemove", str(x), "300")
        time.sleep(0.25)


def test_the_tray_icon_appears_and_the_lightest_source_is_chosen(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch(DEMO)
    assert "activity_source=x11-idle" in app.log()
    from tests.waiting import wait_for

    wait_for(lambda: desktop.tray_holds("movebreak"), "the icon in the tray host")
    desktop.screenshot("tray-icon")
    assert app.quit() == 0


@pytest.mark.parametrize("source", SOURCES)
def test_seated_time_rises_with_input_and_an_idle_gap_is_a_break(
    desktop: Desktop, launch: Callable[[str], RunningApp], source: str
) -> None:
    app = launch(with_source(source))
    assert f"activity_source={source}" in app.log()
    move_mouse(desktop, 3)
    mark = len(app.log())
    time.sleep(4)  # the user leaves: no input for longer than natural_break
    app.wait_log("presence.changed to=away", after=mark)
    away_line = app.log()[mark:].split("presence.changed to=away", 1)[1].splitlines()[0]
    was_seated = int(re.search(r"was_seated=(\d+)s", away_line).group(1))  # type: ignore[union-attr]
    assert was_seated >= 3  # seated time had risen while the mouse moved
    time.sleep(2)
    desktop.run("xdotool", "mousemove", "300", "400")  # back at the desk
    app.wait_log("break.recorded", after=mark)
    record = app.log()[mark:].split("break.recorded", 1)[1].splitlines()[0]
    length = int(re.search(r"length=(\d+)s", record).group(1))  # type: ignore[union-attr]
    assert 4 <= length <= 15
    assert "today=1" in record
    assert app.quit() == 0


def test_typed_text_reaches_no_file(
    desktop: Desktop, launch: Callable[[str], RunningApp], tmp_path: Path
) -> None:
    secret = "quokka7sapphire"
    app = launch(with_source("pynput"))  # the source that is handed every key
    desktop.run("xdotool", "type", "--delay", "20", secret)
    desktop.run("xdotool", "key", "Return")
    assert app.quit() == 0
    leaked = [
        path
        for path in app.home.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]
    assert leaked == []
