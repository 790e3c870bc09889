"""The tray menu under a real XEmbed tray (trayer): real clicks on the real icon."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.e2e.conftest import Desktop, RunningApp
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


def movebreak_windows(desktop: Desktop) -> list[tuple[int, int, int, int]]:
    """Left, top, width, height of every mapped window of the app."""
    boxes = []
    for window in desktop.run("xdotool", "search", "--onlyvisible", "--class", "movebreak").split():
        info = desktop.run("xwininfo", "-id", window)
        values = {
            key.strip(): int(value)
            for key, _, value in (line.partition(":") for line in info.splitlines())
            if key.strip() in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        }
        if len(values) == 4:
            boxes.append(
                (
                    values["Absolute upper-left X"],
                    values["Absolute upper-left Y"],
                    values["Width"],
                    values["Height"],
                )
            )
    return boxes


def icon_centre(desktop: Desktop) -> tuple[int, int]:
    """The tray icon: the app's small window inside trayer."""
    wait_for(lambda: desktop.tray_holds("movebreak"), "the icon in the tray")
    small = [box for box in movebreak_windows(desktop) if box[2] <= 64 and box[3] <= 64]
    assert small, movebreak_windows(desktop)
    left, top, width, height = small[0]
    return left + width // 2, top + height // 2


def menu_open(desktop: Desktop) -> bool:
    """A tall window of the app is mapped: the menu (no prompt is open in these tests)."""
    return any(height >= 150 for _, _, _, height in movebreak_windows(desktop))


def test_a_right_click_opens_the_menu_and_a_second_right_click_keeps_it(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\n')
    x, y = icon_centre(desktop)
    desktop.run("xdotool", "mousemove", str(x), str(y), "click", "3")
    wait_for(lambda: menu_open(desktop), "the menu after a right click", 10)
    desktop.screenshot("tray-menu-right-click")
    desktop.run("xdotool", "click", "3")  # right again, on the icon: the menu stays
    time.sleep(0.8)
    assert menu_open(desktop)
    desktop.run("xdotool", "key", "Escape")
    wait_for(lambda: not menu_open(desktop), "Escape to close the menu", 10)
    desktop.run("xdotool", "click", "1")  # a left click opens it too
    wait_for(lambda: menu_open(desktop), "the menu after a left click", 10)
    desktop.run("xdotool", "click", "3")  # then the right button, out of habit: still open
    time.sleep(0.8)
    assert menu_open(desktop)
    desktop.screenshot("tray-menu-left-then-right-click")
    desktop.run("xdotool", "key", "Escape")
    wait_for(lambda: not menu_open(desktop), "Escape to close the menu", 10)
    assert app.quit() == 0
