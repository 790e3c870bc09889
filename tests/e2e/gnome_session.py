"""The real GNOME compositor for end-to-end tests: mutter or gnome-shell, headless, on Wayland.

Each session gets its own private D-Bus session bus, ``XDG_RUNTIME_DIR`` (a 0700 temp
folder), HOME and dconf, and a 1280x800 virtual monitor; no logind, no GPU, no X server
(``--no-x11``). Input goes through mutter's own RemoteDesktop API, so it takes the path a
real keyboard's events take inside the compositor: it resets mutter's idle monitor and
lands in the focused Wayland surface.

gnome-shell needs two more things to offer its screen lock: a system bus (its login
manager code reads one when ``/run/systemd/seats`` exists) and, on it, a display manager
that answers ``org.gnome.DisplayManager.Manager.Version`` (gnome-shell 43 builds its
ScreenShield only when ``LoginManager.canLock()``, which asks GDM). Both are stand-ins
here (``gdm_standin.py``); what the tests check, the lock screen and the
``org.gnome.ScreenSaver`` signals, is gnome-shell's own. ``org.gnome.ScreenSaver`` itself
is a gjs proxy that the bus starts on demand (Debian package ``gjs``).

Reusable: ``gnome_session(root, "mutter" | "gnome-shell")`` is a context manager; the
``missing_gnome`` check says which program is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.waiting import wait_for

SCREEN = "1280x800"
_MUTTER = "org.gnome.Mutter"
_REMOTE = "org.gnome.Mutter.RemoteDesktop"
# Names gnome-shell 43 lets call its Introspect and Screenshot APIs (misc/introspect.js,
# ui/screenshot.js). Nothing else holds them on a private bus; the test client takes them.
_ALLOWED_NAMES = ("org.freedesktop.impl.portal.desktop.gnome", "org.gnome.Screenshot")
_SHIFT_L = 0xFFE1
_KEYSYMS = {" ": 0x20, "\n": 0xFF0D}


def missing_gnome(kind: str) -> list[str]:
    """What ``kind`` ("mutter" or "gnome-shell") needs that this machine lacks."""
    needed = [kind, "dbus-daemon", "gsettings"]
    if kind == "gnome-shell":
        needed.append("gjs")  # org.gnome.ScreenSaver is a gjs script
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if kind == "gnome-shell" and not Path("/run/systemd/seats").is_dir():
        # misc/loginManager.js haveSystemd(): without it, no lock screen at all
        missing.append("/run/systemd/seats (gnome-shell 43 locks only under systemd)")
    return missing


class DBusError(RuntimeError):
    """A D-Bus call answered with an error."""


class Bus:
    """A blocking jeepney connection to the session's bus, for the test side."""

    def __init__(self, address: str):
        self.connection: DBusConnection = open_dbus_connection(address)

    def call(
        self,
        service: str,
        path: str,
        interface: str,
        member: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
        timeout: float = 10.0,
    ) -> tuple[Any, ...]:
        """One method call; its reply's body, or DBusError."""
        message = new_method_call(
            DBusAddress(path, bus_name=service, interface=interface), member, signature, body
        )
        reply = self.connection.send_and_get_reply(message, timeout=timeout)
        if reply.header.message_type is MessageType.error:
            raise DBusError(f"{interface}.{member}: {reply.body}")
        return tuple(reply.body)

    def owns(self, name: str) -> bool:
        """Whether someone holds ``name`` on this bus."""
        reply = self.connection.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
        return bool(reply.body[0])

    def take_name(self, name: str) -> None:
        """Hold ``name`` on this bus."""
        self.connection.send_and_get_reply(message_bus.RequestName(name), timeout=5)

    def close(self) -> None:
        self.connection.close()


class RemoteInput:
    """Keyboard and pointer input through ``org.gnome.Mutter.RemoteDesktop``.

    The session lives as long as this bus connection. Relative pointer motion needs no
    ScreenCast stream (absolute motion does: it is relative to a stream's area).
    """

    def __init__(self, bus: Bus):
        self._bus = bus
        (self._path,) = bus.call(
            _REMOTE, "/org/gnome/Mutter/RemoteDesktop", _REMOTE, "CreateSession"
        )
        self._session("Start")
        # mutter 43 drops the first key event of a new session (its virtual keyboard is
        # not set up yet): spend it on a Shift press.
        self.key(_SHIFT_L)

    def _session(self, member: str, signature: str | None = None, *body: Any) -> None:
        self._bus.call(_REMOTE, self._path, f"{_REMOTE}.Session", member, signature, body)

    def key(self, keysym: int) -> None:
        """Press and release one key, named by its X keysym."""
        self._session("NotifyKeyboardKeysym", "ub", keysym, True)
        self._session("NotifyKeyboardKeysym", "ub", keysym, False)

    def type(self, text: str, delay: float = 0.04) -> None:
        """Type ``text`` (ASCII letters, digits, space), one key at a time."""
        for char in text:
            self.key(_KEYSYMS.get(char, ord(char)))
            time.sleep(delay)

    def move(self, dx: float, dy: float) -> None:
        """Move the pointer by (dx, dy) pixels."""
        self._session("NotifyPointerMotionRelative", "dd", float(dx), float(dy))

    def click(self, button: int = 0x110) -> None:
        """Press and release a pointer button (evdev code; BTN_LEFT by default)."""
        self._session("NotifyPointerButton", "ib", button, True)
        self._session("NotifyPointerButton", "ib", button, False)

    def close(self) -> None:
        with suppress(Exception):
            self._session("Stop")


@dataclass
class GnomeSession:
    """A running headless mutter or gnome-shell and the environment its clients need."""

    kind: str
    root: Path
    env: dict[str, str]
    artifacts: Path
    bus: Bus
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def log(self) -> str:
        """What the compositor printed (kept in the test's temp folder)."""
        return (self.root / f"{self.kind}.log").read_text(encoding="utf-8", errors="replace")

    def client_env(self, **extra: str) -> dict[str, str]:
        """The environment of a native Wayland client of this compositor."""
        return self.env | {"QT_QPA_PLATFORM": "wayland"} | extra

    def x11_env(self) -> dict[str, str]:
        """``DISPLAY`` and ``XAUTHORITY`` of the compositor's Xwayland (``xwayland=True``)."""
        found = re.search(r"Using public X11 display (:\d+)", self.log)
        assert found, "this session runs no Xwayland"
        auth = next(Path(self.env["XDG_RUNTIME_DIR"]).glob(".mutter-Xwaylandauth*"))
        return {"DISPLAY": found.group(1), "XAUTHORITY": str(auth)}

    def idle_ms(self) -> int:
        """Idle time as mutter counts it (``IdleMonitor.GetIdletime``), in milliseconds."""
        (idle,) = self.bus.call(
            f"{_MUTTER}.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            f"{_MUTTER}.IdleMonitor",
            "GetIdletime",
        )
        return int(idle)

    def remote_input(self) -> RemoteInput:
        """A RemoteDesktop session to inject keyboard and pointer input."""
        return RemoteInput(self.bus)

    def screensaver(self, member: str, *args: Any) -> tuple[Any, ...]:
        """Call ``org.gnome.ScreenSaver.MEMBER`` (gnome-shell: ``Lock``, ``SetActive``...)."""
        signature = "b" if args else None
        return self.bus.call(
            "org.gnome.ScreenSaver",
            "/org/gnome/ScreenSaver",
            "org.gnome.ScreenSaver",
            member,
            signature,
            args,
        )

    def windows(self) -> list[dict[str, Any]]:
        """gnome-shell's own list of windows (``org.gnome.Shell.Introspect.GetWindows``).

        Each has ``title``, ``has-focus`` (the compositor's keyboard focus), ``is-hidden``,
        ``width``, ``height`` and more.
        """
        (found,) = self.bus.call(
            "org.gnome.Shell.Introspect",
            "/org/gnome/Shell/Introspect",
            "org.gnome.Shell.Introspect",
            "GetWindows",
        )
        return [
            {key: value for key, (_sig, value) in properties.items()}
            for properties in found.values()
        ]

    def screenshot(self, name: str) -> Path:
        """The screen as gnome-shell draws it, saved as a test artifact."""
        path = self.artifacts / f"{name}.png"
        ok, _ = self.bus.call(
            "org.gnome.Shell.Screenshot",
            "/org/gnome/Shell/Screenshot",
            "org.gnome.Shell.Screenshot",
            "Screenshot",
            "bbs",
            (False, False, str(path)),
        )
        assert ok, "gnome-shell could not take a screenshot"
        return path


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _private_bus(env: dict[str, str], address_file: Path) -> subprocess.Popen[bytes]:
    """A dbus-daemon with the session configuration on a socket of its own.

    In a process group of its own: the services it starts on demand (dconf, the
    ScreenSaver proxy, at-spi) are stopped with it.
    """
    with address_file.open("w") as out:
        process = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--print-address=1",
                f"--address=unix:path={address_file.with_suffix('.socket')}",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    wait_for(lambda: address_file.read_text().strip() != "", f"the bus {address_file.name}", 10)
    return process


def _stop(processes: Sequence[subprocess.Popen[bytes]]) -> None:
    """SIGTERM each process group we started, newest first; SIGKILL what stays."""
    for process in reversed(processes):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        with suppress(ProcessLookupError):  # the group's on-demand services
            os.killpg(process.pid, signal.SIGKILL)


@contextmanager
def gnome_session(
    root: Path,
    kind: str = "mutter",
    *,
    artifacts: Path | None = None,
    settings: Sequence[tuple[str, str, str]] = (),
    xwayland: bool = False,
) -> Iterator[GnomeSession]:
    """Start headless ``kind`` ("mutter" or "gnome-shell") and stop it afterwards.

    ``settings`` are ``(schema, key, value)`` written with gsettings into the session's
    private dconf before the compositor starts. With ``xwayland`` the compositor starts
    Xwayland too, as a desktop session does; ``GnomeSession.x11_env`` reaches it.
    """
    runtime = root / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    home = root / "home"
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "CI")
    env = {key: os.environ[key] for key in keep if key in os.environ} | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_SESSION_TYPE": "wayland",
        "XDG_CURRENT_DESKTOP": "GNOME",
        "NO_AT_BRIDGE": "1",
    }
    processes: list[subprocess.Popen[bytes]] = []
    bus: Bus | None = None
    try:
        if kind == "gnome-shell":
            processes.append(_private_bus(env, root / "system-bus"))
            env["DBUS_SYSTEM_BUS_ADDRESS"] = (root / "system-bus").read_text().strip()
            ready = root / "gdm-ready"
            standin = Path(__file__).with_name("gdm_standin.py")
            processes.append(
                subprocess.Popen(
                    [sys.executable, str(standin), str(ready)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
            wait_for(ready.exists, "the display manager stand-in", 10)
        processes.append(_private_bus(env, root / "session-bus"))
        env["DBUS_SESSION_BUS_ADDRESS"] = (root / "session-bus").read_text().strip()
        for schema, key, value in settings:
            subprocess.run(["gsettings", "set", schema, key, value], env=env, check=True)
        display = "wayland-movebreak"
        with (root / f"{kind}.log").open("wb") as log:
            processes.append(
                subprocess.Popen(
                    [
                        kind,
                        "--headless",
                        "--wayland",
                        *([] if xwayland else ["--no-x11"]),
                        f"--virtual-monitor={SCREEN}",
                        f"--wayland-display={display}",
                    ],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        bus = Bus(env["DBUS_SESSION_BUS_ADDRESS"])
        # Its absolute path: clients may have an XDG_RUNTIME_DIR of their own.
        env["WAYLAND_DISPLAY"] = str(runtime / display)
        wanted = ["org.gnome.Mutter.IdleMonitor", _REMOTE]
        if kind == "gnome-shell":
            wanted += ["org.gnome.Shell", "org.gnome.Shell.ScreenShield"]

        def up() -> bool:
            if processes[-1].poll() is not None:
                raise AssertionError(f"{kind} exited:\n{(root / f'{kind}.log').read_text()}")
            return Path(env["WAYLAND_DISPLAY"]).exists() and all(map(bus.owns, wanted))

        wait_for(up, f"{kind} on its private bus", 60)
        if xwayland:
            wait_for(
                lambda: "Using public X11 display" in _text(root / f"{kind}.log"), "Xwayland", 30
            )
        if kind == "gnome-shell":
            for name in _ALLOWED_NAMES:
                bus.take_name(name)
        folder = artifacts or root / "artifacts"
        folder.mkdir(parents=True, exist_ok=True)
        session = GnomeSession(kind, root, env, folder, bus, processes)
        if kind == "gnome-shell":
            _leave_overview(session)
        yield session
    finally:
        if bus is not None:
            bus.close()
        _stop(processes)


def _leave_overview(session: GnomeSession) -> None:
    """gnome-shell starts in the overview, where typing goes to its search: leave it.

    With Escape, the user's way out, until ``org.gnome.Shell.OverviewActive`` says so.
    """
    keys = session.remote_input()

    def overview() -> bool:
        (value,) = session.bus.call(
            "org.gnome.Shell",
            "/org/gnome/Shell",
            "org.freedesktop.DBus.Properties",
            "Get",
            "ss",
            ("org.gnome.Shell", "OverviewActive"),
        )
        if value[1]:
            keys.key(0xFF1B)  # Escape
            time.sleep(0.5)
        return not value[1]

    try:
        wait_for(overview, "gnome-shell to leave the overview", 20)
    finally:
        keys.close()
