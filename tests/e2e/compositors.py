"""Real Wayland compositors for end-to-end tests: headless sway and a virtual KWin.

Each runs in its own ``dbus-run-session`` with a private 0700 ``XDG_RUNTIME_DIR``; the app
under test gets its own session bus and profile folders (``launch_on``) and reaches the
compositor through the absolute path of its socket in ``WAYLAND_DISPLAY``. Missing
programs skip these tests with the reason, and fail them when ``CI=true``.

Two things the machine makes us do, and why:

- sway refuses to run as root (it checks that root cannot be regained), so as root it
  runs as ``nobody`` through ``setpriv``; its runtime folder is then nobody's, which root's
  clients (the app, wtype, swaymsg) still reach.
- ``kwin_wayland`` carries the file capability ``cap_sys_resource``; where that is outside
  the bounding set (containers), exec fails with EPERM, so a copy without it is run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from movebreak.app.tray_presence import MARKER
from tests.e2e.conftest import RunningApp, profile_env, start_session_bus
from tests.waiting import wait_for

NOBODY = 65534


def require(*tools: str) -> None:
    """Skip (fail under ``CI=true``) unless every program is installed."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (Debian packages; see .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def version(*command: str) -> str:
    """The first line a program prints for ``--version``, for reports."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    return (result.stdout or result.stderr).strip().splitlines()[0]


@dataclass
class Compositor:
    """A running compositor and the environment its clients need."""

    name: str
    env: dict[str, str]  # for clients run against it (wtype, swaymsg, test programs)
    socket: Path
    log: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def session_bus(self) -> str:
        """The address of the compositor's own ``dbus-run-session`` bus.

        dbus-run-session hands it only to its child, so it is read from that child's
        environment (ours: same user, or root).
        """
        runner = self.processes[0].pid
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) != runner:
                    continue
                environ = (stat.parent / "environ").read_bytes().split(b"\0")
                for entry in environ:
                    if entry.startswith(b"DBUS_SESSION_BUS_ADDRESS="):
                        return entry.split(b"=", 1)[1].decode()
        raise AssertionError("the compositor's session bus was not found")

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run a client to completion and return what it printed."""
        return subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )

    def start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """Start a background client; it is stopped with the compositor."""
        process = subprocess.Popen(
            args,
            env=self.env | (env or {}),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        return process


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Clients first, then the compositor with its own process group (its D-Bus too)."""
    for process in reversed(processes):
        if process.poll() is None:
            if process is processes[0]:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)  # started in a session of its own
            else:
                process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _clean_env() -> dict[str, str]:
    """This environment without any desktop the tests were started from."""
    drop = {
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "DBUS_SESSION_BUS_ADDRESS",
        "SWAYSOCK",
        "QT_QPA_PLATFORM",
        "XDG_SESSION_TYPE",
        "XDG_CURRENT_DESKTOP",
    }
    return {k: v for k, v in os.environ.items() if k not in drop}


@contextlib.contextmanager
def _runtime_dir(owner: int | None) -> Iterator[Path]:
    """A private 0700 folder in /tmp (reachable by ``owner``, unlike pytest's)."""
    path = Path(tempfile.mkdtemp(prefix="movebreak-wl-"))
    path.chmod(0o700)
    if owner is not None:
        os.chown(path, owner, owner)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def sway() -> Iterator[Compositor]:
    """Headless sway (no input devices, pixman rendering) with a minimal config."""
    require("sway", "swaymsg", "dbus-run-session", "setpriv")
    as_root = os.geteuid() == 0
    with _runtime_dir(NOBODY if as_root else None) as runtime:
        config = runtime / "config"
        config.write_text(
            "output HEADLESS-1 resolution 1280x800\n"
            "default_border none\n"  # the windows' own content only, nothing else
            "seat * hide_cursor 0\n",
            encoding="utf-8",
        )
        if as_root:
            os.chown(config, NOBODY, NOBODY)
        env = _clean_env() | {
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(runtime),
            "WLR_BACKENDS": "headless",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",
        }
        log = Path(tempfile.gettempdir()) / f"movebreak-sway-{os.getpid()}.log"
        drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        command = [*(drop if as_root else []), "dbus-run-session", "--", "sway", "-c", str(config)]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        processes: list[subprocess.Popen[bytes]] = [process]
        try:
            wait_for(
                lambda: (
                    (any(runtime.glob("sway-ipc.*.sock")) and (runtime / "wayland-1").exists())
                    or process.poll() is not None
                ),
                "sway's sockets",
                30,
            )
            if process.poll() is not None:
                pytest.fail(f"sway exited with {process.returncode}: {log.read_text()[-2000:]}")
            socket = runtime / "wayland-1"
            client_env = env | {
                "WAYLAND_DISPLAY": socket.name,
                "SWAYSOCK": str(next(runtime.glob("sway-ipc.*.sock"))),
            }
            compositor = Compositor(version("sway", "--version"), client_env, socket, log)
            compositor.processes = processes
            yield compositor
        finally:
            _stop(processes)


def _kwin_binary(scratch: Path) -> str:
    """``kwin_wayland``, or a copy of it without its file capability where exec refuses it."""
    binary = shutil.which("kwin_wayland")
    assert binary is not None
    try:
        subprocess.run([binary, "--version"], capture_output=True, timeout=30, check=False)
    except PermissionError:
        copy = scratch / "kwin_wayland"
        shutil.copyfile(binary, copy)  # no extended attributes: no capability
        copy.chmod(0o755)
        return str(copy)
    return binary


@contextlib.contextmanager
def kwin(
    trusted: tuple[str, ...] = (), rules: str = "", screen_locker: str = ""
) -> Iterator[Compositor]:
    """KWin on a virtual output, without Xwayland, as ``kwin_wayland --virtual`` starts.

    Its lock screen support is on, as in a Plasma session: it then serves
    ``org.freedesktop.ScreenSaver`` on its bus (the auto-lock comes after 5 minutes idle,
    later than any test here). ``rules`` is written as its ``kwinrulesrc`` (window rules),
    ``screen_locker`` as its ``kscreenlockerrc`` (the auto-lock's timeout and grace time).

    ``trusted`` programs get KWin's restricted ``org_kde_kwin_fake_input`` (how a test
    injects input there): KWin grants it to an executable a desktop entry names with
    ``X-KDE-Wayland-Interfaces``, looked up in the XDG data folders it was started with.
    """
    require("kwin_wayland", "dbus-run-session")
    with _runtime_dir(None) as runtime:
        data = runtime / "data"
        (data / "applications").mkdir(parents=True)
        for number, program in enumerate(trusted):
            (data / "applications" / f"movebreak-test-{number}.desktop").write_text(
                "[Desktop Entry]\nType=Application\nName=movebreak test input\n"
                f"Exec={program}\nNoDisplay=true\n"
                "X-KDE-Wayland-Interfaces=org_kde_kwin_fake_input\n",
                encoding="utf-8",
            )
        (runtime / "config").mkdir()
        if rules:
            (runtime / "config" / "kwinrulesrc").write_text(rules, encoding="utf-8")
        if screen_locker:
            (runtime / "config" / "kscreenlockerrc").write_text(screen_locker, encoding="utf-8")
        binary = _kwin_binary(runtime)
        env = _clean_env() | {
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(runtime),
            "XDG_DATA_HOME": str(data),
            "XDG_CONFIG_HOME": str(runtime / "config"),
            "KWIN_COMPOSE": "Q",  # QPainter: no GPU here
            "QT_QPA_PLATFORM": "offscreen",  # KWin's own Qt, not a client of anything
        }
        log = Path(tempfile.gettempdir()) / f"movebreak-kwin-{os.getpid()}.log"
        command = [
            "dbus-run-session",
            "--",
            binary,
            "--virtual",
            "--socket",
            "kwin-test",
            "--width",
            "1280",
            "--height",
            "800",
        ]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        processes: list[subprocess.Popen[bytes]] = [process]
        socket = runtime / "kwin-test"
        try:
            wait_for(lambda: socket.exists() or process.poll() is not None, "KWin's socket", 60)
            if process.poll() is not None:
                pytest.fail(f"KWin exited with {process.returncode}: {log.read_text()[-2000:]}")
            time.sleep(1)  # the socket exists a moment before KWin answers on it
            client_env = env | {"WAYLAND_DISPLAY": socket.name}
            client_env.pop("QT_QPA_PLATFORM")
            compositor = Compositor(version(binary, "--version"), client_env, socket, log)
            compositor.processes = processes
            yield compositor
        finally:
            _stop(processes)


@contextlib.contextmanager
def mutter() -> Iterator[Compositor]:
    """GNOME's mutter, headless with one virtual monitor, no Xwayland."""
    require("mutter", "dbus-run-session")
    with _runtime_dir(None) as runtime:
        env = _clean_env() | {
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(runtime),
            "XDG_CONFIG_HOME": str(runtime / "config"),
        }
        log = Path(tempfile.gettempdir()) / f"movebreak-mutter-{os.getpid()}.log"
        command = [
            "dbus-run-session",
            "--",
            "mutter",
            "--headless",
            "--wayland",
            "--no-x11",
            "--virtual-monitor",
            "1280x800",
            "--wayland-display",
            "mutter-test",
        ]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        processes: list[subprocess.Popen[bytes]] = [process]
        socket = runtime / "mutter-test"
        try:
            wait_for(lambda: socket.exists() or process.poll() is not None, "mutter's socket", 60)
            if process.poll() is not None:
                pytest.fail(f"mutter exited with {process.returncode}: {log.read_text()[-2000:]}")
            time.sleep(1)
            client_env = env | {"WAYLAND_DISPLAY": socket.name}
            compositor = Compositor(version("mutter", "--version"), client_env, socket, log)
            compositor.processes = processes
            yield compositor
        finally:
            _stop(processes)


@contextlib.contextmanager
def private_bus(folder: Path) -> Iterator[str]:
    """A session bus of the app's own, so Qt does not start one that outlives it."""
    bus, address = start_session_bus(folder / "bus")
    try:
        yield address
    finally:
        bus.terminate()
        bus.wait(timeout=10)


def seen_no_tray_notice(data_dir: Path) -> None:
    """A profile whose user has read the one-time "no tray" window already.

    These compositors run without a panel, so the app would show that window (which, like
    any new Wayland window, takes the keyboard) five seconds in; tests/e2e/test_no_tray.py
    tests the window itself.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / MARKER).write_text("", encoding="utf-8")


@contextlib.contextmanager
def launch_on(compositor: Compositor, home: Path, bus: str, config: str) -> Iterator[RunningApp]:
    """Start the installed ``movebreak`` as a native Wayland client of ``compositor``.

    Its own profile folders under ``home`` (as tests/e2e/conftest.py's ``launch``) and its
    own session bus ``bus``; killed at the end if a test left it running.
    """
    env = _clean_env() | {
        "WAYLAND_DISPLAY": str(compositor.socket),  # absolute: its runtime folder is its own
        "QT_QPA_PLATFORM": "wayland",
        "XDG_SESSION_TYPE": "wayland",
        "DBUS_SESSION_BUS_ADDRESS": bus,
        **profile_env(home, config),
    }
    seen_no_tray_notice(home / "data" / "movebreak")
    command = str(Path(sys.executable).with_name("movebreak"))  # the installed entry point
    process = subprocess.Popen(
        [command], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    app = RunningApp(process, home, env)
    try:
        app.wait_log("app.ready")
        yield app
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
