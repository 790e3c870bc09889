"""The app's own X connection (libX11 + libXext through ctypes) on a real X server."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from movebreak.adapters.x11_client import X11Client
from tests.e2e.conftest import Desktop

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(desktop: Desktop, monkeypatch: pytest.MonkeyPatch) -> Iterator[X11Client]:
    """An X connection of its own; a fullscreen window is tested with the real app."""
    monkeypatch.setenv("DISPLAY", desktop.env["DISPLAY"])
    client = X11Client()
    yield client
    client.close()


def test_the_idle_time_restarts_with_input_and_grows_without(
    desktop: Desktop, client: X11Client
) -> None:
    desktop.run("xdotool", "mousemove", "120", "140")
    just_moved = client.idle_milliseconds()
    time.sleep(1.5)
    later = client.idle_milliseconds()
    assert just_moved < 1000
    assert later >= just_moved + 1400
    desktop.run("xdotool", "key", "shift")
    assert client.idle_milliseconds() < 1000


def test_a_window_gone_between_two_requests_is_no_answer_not_a_crash(
    client: X11Client,
) -> None:
    """libX11's default error handler would end the process on the BadWindow error."""
    assert client._property(0x1FFFFFFF, b"_NET_WM_STATE") == []  # no such window
    assert client.idle_milliseconds() >= 0  # and the connection still works


def test_an_ordinary_window_is_not_fullscreen(desktop: Desktop, client: X11Client) -> None:
    assert client.active_window_is_fullscreen() is False
