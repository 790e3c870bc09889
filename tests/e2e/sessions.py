"""One desktop session per test: Xvfb, its own D-Bus session bus, the programs it asks for.

The shared ``desktop`` fixture (conftest) always has trayer, an XEmbed tray host; the tests
of other desktops (an SNI tray from xfce4-panel, no tray at all, real notification daemons)
need a session of their own. The bus is a ``dbus-daemon --session`` started with the
session's environment, as ``dbus-run-session`` does, so services it activates (dconf,
xfconfd) see the session's ``XDG_*`` folders and nothing reaches the real profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import RunningApp, _start_xvfb, profile_env, start_session_bus
from tests.waiting import wait_for

XFCONFD = Path("/usr/lib/x86_64-linux-gnu/xfce4/xfconf/xfconfd")
XFCE4_NOTIFYD = Path("/usr/lib/x86_64-linux-gnu/xfce4/notifyd/xfce4-notifyd")


def require(*programs: str | Path) -> None:
    """Skip (fail when ``CI=true``) unless every program is installed."""
    missing = [
        str(program)
        for program in programs
        if (shutil.which(program) if isinstance(program, str) else program.exists())
        in (None, False)
    ]
    if missing:
        unavailable(f"this test needs {', '.join(missing)} (Debian packages; see .ci/run)")


def unavailable(message: str) -> None:
    """Skip with ``message``; fail instead when ``CI=true``, where nothing may be missing."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Session:
    """A running session: its environment, its folders and what runs in it."""

    env: dict[str, str]
    home: Path
    artifacts: Path
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)

    def run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        """A program in this session, to its end."""
        return subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=30, check=check
        )

    def start(self, *args: str | Path) -> subprocess.Popen[bytes]:
        """A background program in this session, ended with it."""
        process = subprocess.Popen(
            [str(arg) for arg in args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        return process

    def screenshot(self, name: str) -> Path:
        """The whole screen as a test artifact."""
        path = self.artifacts / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        return path

    def bus_has(self, name: str) -> bool:
        """Whether ``name`` has an owner on the session bus."""
        result = self.run(
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/",
            "org.freedesktop.DBus.NameHasOwner",
            f"string:{name}",
        )
        return "boolean true" in result.stdout

    def launch(
        self,
        config: str,
        *args: str,
        terminal: int | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> RunningApp:
        """The installed ``movebreak`` in this session, waited for until it is ready.

        ``terminal``: a pty's fd for its stdout and stderr, as when started in a terminal.
        """
        config_dir = self.home / "config" / "movebreak"
        config_dir.mkdir(parents=True, exist_ok=True)
        (config_dir / "config.toml").write_text(config, encoding="utf-8")
        log_file = self.home / "state" / "movebreak" / "log" / "movebreak.log"
        earlier = len(log_file.read_text(encoding="utf-8")) if log_file.exists() else 0
        env = self.env | (extra_env or {})
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("movebreak")), *args],
            env=env,
            stdout=subprocess.PIPE if terminal is None else terminal,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.processes.append(process)
        app = RunningApp(process, self.home, env)
        app.wait_log("app.ready", after=earlier)
        return app


@contextmanager
def session(tmp_path: Path, *, window_manager: bool = True) -> Iterator[Session]:
    """Xvfb (and openbox) with a private session bus and profile folders under ``tmp_path``."""
    require("Xvfb", "openbox", "dbus-daemon", "dbus-send", "xdotool", "import")
    home = tmp_path / "home"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS"}
    } | {**profile_env(home), "XDG_SESSION_TYPE": "x11"}
    artifacts = Path(os.environ.get("MOVEBREAK_ARTIFACTS", tmp_path / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    xvfb, display = _start_xvfb(env)
    env["DISPLAY"] = display
    bus, env["DBUS_SESSION_BUS_ADDRESS"] = start_session_bus(tmp_path / "bus", env)
    desk = Session(env=env, home=home, artifacts=artifacts)
    try:
        if window_manager:
            desk.start("openbox")
        yield desk
    finally:  # the app and the daemons first, then the bus and the X server
        everything: list[subprocess.Popen[Any]] = [xvfb, bus, *desk.processes]
        for process in reversed(everything):
            if process.poll() is None:
                process.terminate()
        for process in everything:
            try:
                process.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate(timeout=10)


def wait_bus_name(desk: Session, name: str, timeout: float = 20.0) -> None:
    """Wait until a daemon has taken ``name`` on the session bus."""
    wait_for(lambda: desk.bus_has(name), f"{name} on the session bus", timeout)


def terminal_line(fd: int, starting: str, timeout: float = 30.0) -> str:
    """The first line starting with ``starting`` written to the pty whose master is ``fd``."""
    import select

    data = b""
    deadline = time.monotonic() + timeout
    while True:
        for line in data.decode(errors="replace").splitlines(keepends=True):
            if line.startswith(starting) and line.endswith("\n"):
                return line.rstrip("\r\n")
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(
                f"no line {starting!r} on the terminal in {timeout:.0f} s: {data!r}"
            )
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            data += os.read(fd, 4096)
