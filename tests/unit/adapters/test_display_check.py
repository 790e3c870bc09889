"""Which environments the start-up display check lets through, and what it says otherwise."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from movebreak.adapters.display_check import display_problem

NONE_SET = "movebreak needs a graphical desktop; DISPLAY/WAYLAND_DISPLAY is not set"


@pytest.fixture
def wayland_socket(tmp_path: Path) -> Iterator[Path]:
    """A listening Unix socket where a compositor's would be."""
    path = tmp_path / "wayland-7"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    yield path
    server.close()


def test_nothing_set_is_the_one_line() -> None:
    assert display_problem({}, "linux") == NONE_SET


@pytest.mark.parametrize("platform", ["offscreen", "vnc", "minimal", "eglfs:/dev/fb0"])
def test_a_qt_platform_that_needs_no_desktop_is_let_through(platform: str) -> None:
    assert display_problem({"QT_QPA_PLATFORM": platform}, "linux") is None


@pytest.mark.parametrize("system", ["win32", "darwin"])
def test_windows_and_macos_are_not_asked(system: str) -> None:
    assert display_problem({}, system) is None


def test_a_live_wayland_socket_is_enough(wayland_socket: Path) -> None:
    env = {"WAYLAND_DISPLAY": wayland_socket.name, "XDG_RUNTIME_DIR": str(wayland_socket.parent)}
    assert display_problem(env, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": str(wayland_socket)}, "linux") is None


def test_a_wayland_name_without_its_socket_is_named(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    problem = display_problem(env, "linux")
    assert problem is not None
    assert "WAYLAND_DISPLAY=wayland-9" in problem
    assert str(tmp_path / "wayland-9") in problem


def test_xcb_chosen_under_wayland_asks_the_x_server(wayland_socket: Path) -> None:
    env = {
        "WAYLAND_DISPLAY": str(wayland_socket),
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":4242",  # no server has this one
    }
    problem = display_problem(env, "linux")
    assert problem is not None
    assert "DISPLAY=:4242" in problem
