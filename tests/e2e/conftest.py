"""A real X desktop for end-to-end tests: Xvfb, a window manager, a tray host, a D-Bus.

Each piece is a Debian package (.ci/run installs them). Missing infrastructure skips these
tests on a developer's machine, with the reason, and fails them when ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.waiting import wait_for

NEEDED = ["Xvfb", "openbox", "trayer", "xdotool", "xwininfo", "import", "dbus-daemon", "dbus-send"]


def _require_tools() -> None:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if not missing:
        return
    message = f"end-to-end desktop needs {', '.join(missing)} (Debian packages; see .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Desktop:
    """A running virtual desktop and the environment to reach it."""

    env: dict[str, str]
    artifacts: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *args: str) -> str:
        """Run an X client (xdotool, xwininfo) on this desktop and return its output."""
        result = subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=30, check=False
        )
        return result.stdout

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        """Start a background program on this desktop; stopped with the desktop."""
        process = subprocess.Popen(
            args, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.processes.append(process)
        return process

    def screenshot(self, name: str) -> Path:
        """Save the whole screen as a test artifact."""
        path = self.artifacts / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        return path

    def tray_holds(self, window_class: str) -> bool:
        """Whether a window of ``window_class`` is embedded in the tray host."""
        for window in self.run("xdotool", "search", "--class", "trayer").split():
            tree = self.run("xwininfo", "-tree", "-id", window)
            if f'("{window_class}" "{window_class}")' in tree:
                return True
        return False


def _start_xvfb(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    process = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "+extension",
            "RECORD",
            "+extension",
            "MIT-SCREEN-SAVER",
        ],
        pass_fds=(write,),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        process.kill()
        pytest.fail("Xvfb did not report a display number")
    return process, f":{number}"


def start_session_bus(
    socket: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], str]:
    """A private ``dbus-daemon --session`` on ``socket``, and its address; the caller stops it."""
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={socket}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    bus.stdout.close()
    return bus, address


def profile_env(home: Path, config: str | None = None) -> dict[str, str]:
    """An isolated profile under ``home``: its XDG folders (runtime 0700), ``config.toml``.

    Returns the variables that point the app at it.
    """
    (home / "runtime").mkdir(parents=True, mode=0o700, exist_ok=True)
    if config is not None:
        config_dir = home / "config" / "movebreak"
        config_dir.mkdir(parents=True, exist_ok=True)
        (config_dir / "config.toml").write_text(config, encoding="utf-8")
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    """Xvfb with openbox, trayer and a private session bus, for the whole session."""
    _require_tools()
    root = tmp_path_factory.mktemp("desktop")
    env = {k: v for k, v in os.environ.items() if k not in {"WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    env["XDG_SESSION_TYPE"] = "x11"
    xvfb, display = _start_xvfb(env)
    env["DISPLAY"] = display
    bus, env["DBUS_SESSION_BUS_ADDRESS"] = start_session_bus(root / "bus", env)
    artifacts = Path(os.environ.get("MOVEBREAK_ARTIFACTS", root / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    desk = Desktop(env=env, artifacts=artifacts)
    try:
        desk.start("openbox")
        desk.start(
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "32",
            "--SetDockType",
            "true",
            "--transparent",
            "false",
        )
        wait_for(
            lambda: bool(desk.run("xdotool", "search", "--class", "trayer").split()),
            "the tray host",
            timeout=60,  # trayer took over 30 s to map once on a loaded two-core machine
        )
        yield desk
    finally:  # also when the desktop failed to come up: leave nothing running
        everything: list[subprocess.Popen[Any]] = [xvfb, bus, *desk.processes]
        for process in reversed(everything):
            process.terminate()
        for process in everything:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@dataclass
class RunningApp:
    """The real app, started the way a user starts it, with its own profile folders."""

    process: subprocess.Popen[str]
    home: Path
    env: dict[str, str]

    @property
    def log_file(self) -> Path:
        return self.home / "state" / "movebreak" / "log" / "movebreak.log"

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8") if self.log_file.exists() else ""

    def wait_log(self, text: str, timeout: float = 30.0, after: int = 0) -> None:
        """Wait until ``text`` appears in the log past character ``after``."""
        wait_for(lambda: text in self.log()[after:], f"{text!r} in the app's log", timeout)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``movebreak ARGS`` as the same user, against this instance."""
        return subprocess.run(
            [str(Path(sys.executable).with_name("movebreak")), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def quit(self) -> int:
        """SIGTERM, as a session logout sends it; returns the exit status."""
        self.process.send_signal(signal.SIGTERM)
        output, _ = self.process.communicate(timeout=20)
        if self.process.returncode != 0:  # say why in the test's failure report
            print(f"movebreak exited with {self.process.returncode}:\n{output}")
        return self.process.returncode


@pytest.fixture
def launch(desktop: Desktop, tmp_path: Path) -> Iterator[object]:
    """Start ``movebreak`` with a config.toml of the test's choosing."""
    started: list[RunningApp] = []

    def start(config: str, extra_env: dict[str, str] | None = None) -> RunningApp:
        home = tmp_path / "home"
        env = desktop.env | (extra_env or {}) | profile_env(home, config)
        log_file = home / "state" / "movebreak" / "log" / "movebreak.log"
        earlier_log = len(log_file.read_text(encoding="utf-8")) if log_file.exists() else 0
        command = Path(sys.executable).with_name("movebreak")  # the installed entry point
        process = subprocess.Popen(
            [str(command)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        app = RunningApp(process, home, env)
        started.append(app)
        app.wait_log("app.ready", after=earlier_log)
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
            app.process.communicate(timeout=10)


@pytest.fixture(scope="session")
def fake_desktop(desktop: Desktop, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """GNOME's idle monitor and a notification server, faked on the desktop's session bus."""
    state = tmp_path_factory.mktemp("fake-desktop")
    desktop.start(sys.executable, str(Path(__file__).with_name("fake_desktop.py")), str(state))
    wait_for(lambda: (state / "ready").exists(), "the stand-in desktop services")
    return state


@pytest.fixture
def own_processes(desktop: Desktop) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start helper programs (windows to type into) that end with the test."""
    mine: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            args, env=desktop.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        mine.append(process)
        return process

    yield start
    for process in mine:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
