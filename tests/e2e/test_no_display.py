"""Started where there is no desktop (a console, ssh without X forwarding, a dead DISPLAY).

Qt would abort (exit 134, a core dump) after a misleading hint about libxcb-cursor0; the
user gets one line naming the real cause and exit status 1 instead. Real subprocesses, the
way a user starts it: ``python -m movebreak`` with a scrubbed environment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


def _scrubbed(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What a console login has: no DISPLAY, no WAYLAND_DISPLAY, no Qt platform chosen."""
    home = tmp_path / "home"
    (home / "runtime").mkdir(parents=True, mode=0o700, exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        # No bus to reach: a Qt app would otherwise autolaunch one that outlives it.
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "LANG": "C.UTF-8",
    } | extra


def _movebreak(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "movebreak"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _free_display() -> str:
    """A display number no X server holds (no socket, no lock file)."""
    for number in range(99, 200):
        if not (
            Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        ):
            return f":{number}"
    raise AssertionError("no free display number between :99 and :199")


def test_without_any_display_it_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    result = _movebreak(_scrubbed(tmp_path))
    assert result.returncode == 1, result  # not 134: no abort, no core dump
    assert result.stdout == ""
    assert result.stderr == (
        "movebreak needs a graphical desktop; DISPLAY/WAYLAND_DISPLAY is not set\n"
    )
    assert "xcb-cursor" not in result.stderr


def test_with_a_display_no_server_answers_it_names_the_display_and_exits_1(
    tmp_path: Path,
) -> None:
    display = _free_display()
    result = _movebreak(_scrubbed(tmp_path, DISPLAY=display))
    assert result.returncode == 1, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert f"cannot reach the X server at DISPLAY={display}" in lines[0]


def test_a_wayland_display_that_is_gone_is_named_too(tmp_path: Path) -> None:
    result = _movebreak(_scrubbed(tmp_path, WAYLAND_DISPLAY="wayland-404"))
    assert result.returncode == 1, result
    assert "cannot reach the Wayland display WAYLAND_DISPLAY=wayland-404" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_platform_of_the_users_choosing_is_not_in_the_checks_way(tmp_path: Path) -> None:
    # QT_QPA_PLATFORM=offscreen needs no desktop: the app starts (no tray, no window shown).
    env = _scrubbed(tmp_path, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "movebreak"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log = Path(env["XDG_STATE_HOME"]) / "movebreak" / "log" / "movebreak.log"
    try:
        wait_for(
            lambda: log.exists() and "app.ready" in log.read_text(encoding="utf-8"),
            "the offscreen app to be ready",
            60,
        )
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    # None of the display check's lines (the activity sources may still name DISPLAY).
    assert "needs a graphical desktop" not in output
    assert "cannot reach" not in output
