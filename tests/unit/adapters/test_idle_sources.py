"""The platform idle sources' own logic, with the OS calls stood in for.

Windows and macOS here; X11 and D-Bus are tested for real in tests/e2e.
"""

import ctypes
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from movebreak.adapters.activity_choice import ChosenActivity, auto_order
from movebreak.adapters.camera import CameraInUse
from movebreak.adapters.idle_sources import MacIdle, WindowsIdle
from movebreak.core.reminder import Hold


class FakeUser32:
    def __init__(self, last: int) -> None:
        self.last = last

    def GetLastInputInfo(self, pointer: Any) -> int:  # noqa: N802 (the Windows API's name)
        info = ctypes.cast(pointer, ctypes.POINTER(ctypes.c_uint * 2)).contents
        info[1] = self.last
        return 1


class FakeKernel32:
    def __init__(self, now: int) -> None:
        self.now = now

    def GetTickCount(self) -> int:  # noqa: N802 (the Windows API's name)
        return self.now


class FakeWindows:
    def __init__(self, last: int, now: int) -> None:
        self.user32 = FakeUser32(last)
        self.kernel32 = FakeKernel32(now)


def test_windows_idle_is_the_tick_difference() -> None:
    source = WindowsIdle(api=FakeWindows(last=10_000, now=70_000))
    assert source.start() is None
    assert source.idle() == timedelta(seconds=60)


def test_windows_idle_survives_the_49_day_tick_wrap() -> None:
    source = WindowsIdle(api=FakeWindows(last=0xFFFFFF00, now=0x100))
    assert source.start() is None
    assert source.idle() == timedelta(milliseconds=0x200)


def test_windows_idle_refuses_elsewhere() -> None:
    assert WindowsIdle().start() == "not Windows"


def test_mac_idle_asks_for_any_input_event() -> None:
    asked: list[tuple[int, int]] = []

    def seconds_since(state: int, event: int) -> float:
        asked.append((state, event))
        return 42.5

    source = MacIdle(seconds_since)
    assert source.start() is None
    assert source.idle() == timedelta(seconds=42.5)
    assert asked == [(0, 0xFFFFFFFF)]


def test_mac_idle_refuses_elsewhere() -> None:
    assert MacIdle().start() == "not macOS"


class Scripted:
    def __init__(self, name: str, refusal: str | None) -> None:
        self.name = name
        self._refusal = refusal

    def start(self) -> str | None:
        return self._refusal

    def idle(self) -> timedelta | None:
        return timedelta(seconds=7)

    def stop(self) -> None:
        pass


def test_auto_takes_the_first_source_that_works() -> None:
    factories = {
        "wayland-idle": lambda: Scripted("wayland-idle", "the compositor offers neither"),
        "x11-idle": lambda: Scripted("x11-idle", "no X11 display"),
        "dbus-idle": lambda: Scripted("gnome-idle", None),
        "pynput": lambda: Scripted("pynput", None),
    }
    chosen = ChosenActivity("auto", factories, platform="linux")
    assert chosen.start() is None
    assert chosen.name == "gnome-idle"
    assert chosen.idle() == timedelta(seconds=7)
    assert chosen.choice.refused == (
        ("wayland-idle", "the compositor offers neither"),
        ("x11-idle", "no X11 display"),
    )


def test_when_nothing_works_every_reason_is_given() -> None:
    factories = {
        "windows-idle": lambda: Scripted("windows-idle", "GetLastInputInfo failed"),
        "pynput": lambda: Scripted("pynput", "pynput cannot start: no backend"),
    }
    chosen = ChosenActivity("auto", factories, platform="win32")
    assert chosen.start() == (
        "windows-idle: GetLastInputInfo failed; pynput: pynput cannot start: no backend"
    )
    assert chosen.name == "none"
    assert chosen.idle() is None


def test_none_turns_watching_off() -> None:
    assert ChosenActivity("none").start() == (
        'turned off in the settings ([activity] source = "none")'
    )


@pytest.mark.parametrize(
    ("platform", "first"),
    [("linux", "wayland-idle"), ("win32", "windows-idle"), ("darwin", "macos-idle")],
)
def test_auto_prefers_the_systems_idle_counter(platform: str, first: str) -> None:
    order = auto_order(platform)
    assert order[0] == first
    assert order[-1] == "pynput"


def test_a_camera_held_open_by_the_users_process_is_found(tmp_path: Path) -> None:
    camera = tmp_path / "video0"
    camera.write_bytes(b"")
    probe = CameraInUse(device_prefix=str(tmp_path / "video"))
    assert probe() is None
    with camera.open("rb"):  # a video call holds the device open
        assert probe() is Hold.CAMERA
    assert probe() is None
