"""What the desktop benchmarks share: a private X desktop, apps in isolated profiles, /proc.

The desktop is the end-to-end tests' one (tests/e2e/conftest.py): Xvfb with the RECORD and
MIT-SCREEN-SAVER extensions on a display from :70 to :79, openbox, trayer as the XEmbed tray
host, a private session bus, and a second private bus that stands in for the system bus
(Safe Eyes will not start without one; nothing answers on it, as on a machine without
logind). Every program on it runs with its own HOME and XDG folders.

Figures come from /proc and count a whole process tree: CPU includes the children that
have exited and were waited for (cutime, cstime); context switches and memory count only
the processes alive at the moment of reading.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from Xlib import XK, X, Xatom
from Xlib.display import Display
from Xlib.error import XError
from Xlib.ext import damage, xtest
from Xlib.xobject.drawable import Window

TICKS = os.sysconf("SC_CLK_TCK")
DISPLAYS = range(70, 80)
# Where motion goes and keys land: a plain window of ours that asks for no events, so no
# application gets pointer-motion or key events just because the pointer passed over it.
SINK = (600, 250, 600, 450)  # x, y, width, height
NEEDED = ("Xvfb", "openbox", "trayer", "xdotool", "dbus-daemon")


# --- /proc ---


def cpu_seconds(pid: int) -> float:
    """CPU seconds of process ``pid`` (all its threads, also ended ones; not its children).

    Read from the process's CPU-time clock, in nanoseconds: /proc's utime and stime count
    in 10 ms ticks, too coarse for a few hundredths of a second per 10,000 events.
    """
    return time.clock_gettime(((~pid) << 3) | 2)  # clock_getcpuclockid(pid): CPUCLOCK_SCHED


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid``, in MB."""
    return _status_kb(pid, "VmRSS") / 1024


def _stat(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (field 3 is index 0)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _status_kb(pid: int, key: str, task: int | None = None) -> int:
    path = Path(f"/proc/{pid}/status" if task is None else f"/proc/{pid}/task/{task}/status")
    for line in path.read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def process_tree(pid: int) -> list[int]:
    """``pid`` and every live descendant."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                parent = int(_stat(int(entry.name))[1])
                children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


@dataclass(frozen=True, slots=True)
class Usage:
    """A reading of one process tree."""

    at: float  # time.monotonic()
    cpu_s: float  # own CPU time plus that of waited-for children (cutime + cstime)
    switches: int  # voluntary + involuntary context switches over every thread
    rss_mb: float
    pss_mb: float  # shared pages split among every process mapping them: moves with them
    uss_mb: float  # private pages only: what quitting the app would give back
    processes: int
    threads: int

    def cpu_since(self, earlier: Usage) -> float:
        """CPU seconds between two readings."""
        return self.cpu_s - earlier.cpu_s

    def wakeups_since(self, earlier: Usage) -> float:
        """Context switches per second between two readings."""
        return (self.switches - earlier.switches) / (self.at - earlier.at)


def usage(pid: int) -> Usage:
    """Read CPU, context switches and memory of ``pid``'s tree now."""
    cpu, switches, rss, pss, uss, threads, alive = 0.0, 0, 0, 0, 0, 0, 0
    for member in process_tree(pid):
        try:
            fields = _stat(member)
            cpu += cpu_seconds(member) + (int(fields[13]) + int(fields[14])) / TICKS
            rss += _status_kb(member, "VmRSS")
            rollup = _smaps_rollup_kb(member)
            pss += rollup.get("Pss", 0)
            uss += rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
            for task in Path(f"/proc/{member}/task").iterdir():
                threads += 1
                switches += _status_kb(member, "voluntary_ctxt_switches", int(task.name))
                switches += _status_kb(member, "nonvoluntary_ctxt_switches", int(task.name))
            alive += 1
        except (OSError, ValueError):
            continue  # ended while we read it
    return Usage(
        time.monotonic(), cpu, switches, rss / 1024, pss / 1024, uss / 1024, alive, threads
    )


def _smaps_rollup_kb(pid: int) -> dict[str, int]:
    sizes = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        sizes[key] = int(value.split()[0])
    return sizes


# --- profiles ---


def profile_env(base: dict[str, str], home: Path) -> dict[str, str]:
    """``base`` with HOME and the XDG folders moved into ``home`` (standard layout)."""
    runtime = home / ".run"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }


def movebreak_command() -> list[str]:
    """The ``movebreak`` console script of the environment running this benchmark."""
    return [str(Path(sys.executable).with_name("movebreak"))]


def movebreak_log(home: Path) -> Path:
    """The app's log in a profile made by :func:`profile_env` (platformdirs' layout)."""
    return home / ".local" / "state" / "movebreak" / "log" / "movebreak.log"


def write_movebreak_config(home: Path, text: str) -> None:
    """Put ``text`` in the profile's config.toml (so no first-run welcome window opens)."""
    config = home / ".config" / "movebreak"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(text, encoding="utf-8")


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` every 50 ms; raise TimeoutError naming ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def log_says(log: Path, text: str, after: int = 0) -> bool:
    """Whether ``text`` is in ``log`` past character ``after``."""
    return log.exists() and text in log.read_text(encoding="utf-8", errors="replace")[after:]


@dataclass
class Started:
    """A program started on the desktop in its own session (its group ends with it)."""

    process: subprocess.Popen[bytes]
    started_at: float  # time.perf_counter() just before the fork
    output: Path

    @property
    def pid(self) -> int:
        """The program's process id."""
        return self.process.pid

    def stop(self, timeout: float = 20.0) -> int | None:
        """SIGTERM to the program's process group (a logout); SIGKILL if it lingers."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        with contextlib.suppress(ProcessLookupError):  # helpers it left behind
            os.killpg(self.process.pid, signal.SIGKILL)
        return self.process.returncode


# --- the desktop ---


@dataclass(frozen=True, slots=True)
class TrayIcon:
    """A window embedded in the tray host."""

    window: int
    wm_class: str
    pid: int | None


@dataclass
class Desktop:
    """A running private desktop; :meth:`close` ends every process it started."""

    env: dict[str, str]
    root: Path
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)
    x: Display | None = None
    tray_host: list[Window] = field(default_factory=list)
    sink: Window | None = None

    @classmethod
    @contextlib.contextmanager
    def running(cls, root: Path, *, tray: bool = True) -> Iterator[Desktop]:
        """Start Xvfb, a session bus, a stand-in system bus and (``tray``) openbox + trayer."""
        missing = [tool for tool in NEEDED if not _on_path(tool)]
        if missing:
            raise SystemExit(
                f"needs {', '.join(missing)}: apt-get install xvfb openbox trayer xdotool "
                "x11-utils dbus"
            )
        home = root / "desktop-home"  # HOME of the desktop's own programs and bus services
        home.mkdir(parents=True, exist_ok=True)
        unwanted = {
            "WAYLAND_DISPLAY",
            "QT_QPA_PLATFORM",
            "PYTHONPROFILEIMPORTTIME",
            "PYTHONDONTWRITEBYTECODE",
        }
        env = {k: v for k, v in os.environ.items() if k not in unwanted}
        # Bytecode cached as in an installed wheel, but outside the source tree: a checkout
        # (an editable install) would otherwise recompile every module at every start.
        env |= {"XDG_SESSION_TYPE": "x11", "PYTHONPYCACHEPREFIX": str(root / "pycache")}
        env = profile_env(env, home)
        desktop = cls(env=env, root=root)
        try:
            desktop._start_x()
            desktop.env["DBUS_SESSION_BUS_ADDRESS"] = desktop._start_bus("session-bus")
            desktop.env["DBUS_SYSTEM_BUS_ADDRESS"] = desktop._start_bus("system-bus")
            desktop.x = Display(desktop.env["DISPLAY"])
            desktop.x.damage_query_version()  # DAMAGE answers only clients that asked this
            if tray:
                desktop._start_tray()
            yield desktop
        finally:
            desktop.close()

    def _start_x(self) -> None:
        for number in DISPLAYS:
            if Path(f"/tmp/.X{number}-lock").exists():  # X's own lock file: taken
                continue
            read, write = os.pipe()
            xvfb = subprocess.Popen(
                [
                    "Xvfb",
                    f":{number}",
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
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(write)
            with os.fdopen(read) as pipe:
                ready = pipe.readline().strip()
            if ready:
                self.processes.append(xvfb)
                self.env["DISPLAY"] = f":{number}"
                return
            xvfb.wait(timeout=10)  # taken meanwhile: try the next number
        raise SystemExit(f"no free X display in :{DISPLAYS[0]}-:{DISPLAYS[-1]}")

    def _start_bus(self, name: str) -> str:
        bus = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--print-address=1",
                f"--address=unix:path={self.root / name}",
            ],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.processes.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        bus.stdout.close()
        return address

    def _start_tray(self) -> None:
        for command in (
            ["openbox"],
            [
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
            ],
        ):
            self.processes.append(
                subprocess.Popen(
                    command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )

        def found() -> bool:
            self.tray_host = [w for w in self._windows() if "trayer" in _wm_class(w)]
            return len(self.tray_host) >= 2  # trayer's leader window and its panel

        wait_until(found, "the tray host (trayer)")
        self.sink = self._make_sink()

    def close(self) -> None:
        """End everything this desktop started, newest first."""
        if self.x is not None:
            with contextlib.suppress(Exception):
                self.x.close()
            self.x = None
        for pid in self._bus_services():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        self.processes.clear()

    def _bus_services(self) -> list[int]:
        """Services our buses started on demand (dconf, AT-SPI): they outlive the bus."""
        ours = {p.pid for p in self.processes}
        marker = f"DBUS_SESSION_BUS_ADDRESS={self.env.get('DBUS_SESSION_BUS_ADDRESS', '?')}"
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) not in ours:
                with contextlib.suppress(OSError):
                    if marker.encode() in (entry / "environ").read_bytes().split(b"\0"):
                        found.append(int(entry.name))
        return found

    # --- programs ---

    def start(self, command: Sequence[str], env: dict[str, str], output: Path) -> Started:
        """Start ``command`` as a user would, in its own session, output to ``output``."""
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("ab") as sink:
            started_at = time.perf_counter()
            process = subprocess.Popen(
                list(command),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return Started(process, started_at, output)

    def run(self, *args: str, env: dict[str, str] | None = None) -> str:
        """Run an X client (xdotool ...) here and return its output."""
        result = subprocess.run(
            args, env=env or self.env, capture_output=True, text=True, timeout=60, check=False
        )
        return result.stdout

    # --- the X server ---

    def _display(self) -> Display:
        assert self.x is not None, "the desktop is not running"
        return self.x

    def _windows(self, top: Window | None = None) -> Iterator[Window]:
        """``top`` (default: the root) and every window below it."""
        todo = [top or self._display().screen().root]
        while todo:
            window = todo.pop()
            yield window
            with contextlib.suppress(XError):
                todo += window.query_tree().children

    def tray_icons(self) -> list[TrayIcon]:
        """The windows embedded in trayer now (a client's window, not trayer's sockets)."""
        icons = []
        pid_atom = self._display().intern_atom("_NET_WM_PID")
        for host in self.tray_host:
            for window in self._windows(host):
                if window in self.tray_host:
                    continue
                with contextlib.suppress(XError):
                    wm_class = _wm_class(window)
                    if wm_class:
                        prop = window.get_full_property(pid_atom, Xatom.CARDINAL)
                        pid = int(prop.value[0]) if prop is not None and prop.value else None
                        icons.append(TrayIcon(window.id, wm_class, pid))
        return icons

    def icon_geometry(self, icon: TrayIcon) -> tuple[int, int, int, int]:
        """Screen x, y, width and height of a tray icon."""
        display = self._display()
        window = display.create_resource_object("window", icon.window)
        geometry = window.get_geometry()
        at = window.translate_coords(display.screen().root, 0, 0)
        return -at.x, -at.y, geometry.width, geometry.height

    def _make_sink(self) -> Window:
        display = self._display()
        screen = display.screen()
        x, y, width, height = SINK
        window: Window = screen.root.create_window(
            x,
            y,
            width,
            height,
            0,
            screen.root_depth,
            X.InputOutput,
            X.CopyFromParent,
            background_pixel=screen.black_pixel,
            event_mask=0,
            # Not managed by openbox, so exactly at SINK: were it moved, the pointer would
            # cross onto the bare desktop and every client watching the root window
            # (Qt does) would get an Enter or Leave event per motion.
            override_redirect=True,
        )
        window.set_wm_name("benchmark input sink")
        window.set_wm_class("benchmark-sink", "benchmark-sink")
        window.map()
        display.sync()
        wait_until(
            lambda: window.get_attributes().map_state == X.IsViewable, "the input sink window"
        )
        return window

    def focus_sink(self) -> None:
        """Give our sink the keyboard focus: typed keys then reach no application."""
        display = self._display()
        assert self.sink is not None
        self.sink.raise_window()
        self.sink.set_input_focus(X.RevertToParent, X.CurrentTime)
        display.sync()

    def park_pointer(self) -> None:
        """The pointer to the middle of the sink, away from the tray and any app window."""
        x, y, width, height = SINK
        self.run("xdotool", "mousemove", str(x + width // 2), str(y + height // 2))

    def wait_tray_empty(self, timeout: float = 20.0) -> None:
        """Wait until no icon is left in the tray (the previous app is gone)."""
        wait_until(lambda: not self.tray_icons(), "an empty tray", timeout)

    def time_to_paint(self, title: str, trigger: Callable[[], None], timeout: float) -> float:
        """Seconds from ``trigger()`` until a new window titled ``title`` first paints.

        Watches the X server rather than polling: every new top-level window gets a
        DAMAGE report, and the first one on the titled window is its first paint.
        """
        display = self._display()
        root = display.screen().root
        root.change_attributes(event_mask=X.SubstructureNotifyMask)
        display.sync()
        while display.pending_events():
            display.next_event()
        name_atom = display.intern_atom("_NET_WM_NAME")
        utf8 = display.intern_atom("UTF8_STRING")
        watched: set[int] = set()
        started = time.perf_counter()
        trigger()
        try:
            while time.perf_counter() - started < timeout:
                if not display.pending_events():
                    select.select([display.fileno()], [], [], 0.05)
                    continue
                event = display.next_event()
                if event.type == X.CreateNotify:
                    with contextlib.suppress(XError):
                        event.window.damage_create(damage.DamageReportNonEmpty)
                        watched.add(event.window.id)
                elif (
                    event.type == display.extension_event.DamageNotify
                    and event.drawable.id in watched
                ):
                    painted = time.perf_counter() - started
                    watched.discard(event.drawable.id)  # one look at each window's title
                    window = display.create_resource_object("window", event.drawable.id)
                    with contextlib.suppress(XError):
                        prop = window.get_full_property(name_atom, utf8)
                        if prop is not None and str(prop.value, "utf-8").startswith(title):
                            return painted
            raise TimeoutError(f"no window {title!r} painted within {timeout:.0f} s")
        finally:
            root.change_attributes(event_mask=0)
            display.flush()

    def press(self, key: str) -> None:
        """Press and release ``key`` (an X keysym name) through XTEST, right now."""
        display = self._display()
        code = display.keysym_to_keycode(XK.string_to_keysym(key))
        xtest.fake_input(display, X.KeyPress, code)
        xtest.fake_input(display, X.KeyRelease, code)
        display.sync()

    # --- input ---

    def drive(self, kind: str, count: int, rate: float | None) -> float:
        """Send ``count`` input events with xdotool; returns the events per second achieved.

        ``kind`` is ``motion`` (pointer moves inside the sink) or ``key`` (presses and
        releases of "x" to the focused window). ``rate`` paces the events (chunks of about
        0.2 s, each an xdotool run sleeping between events); None sends them flat out.
        """
        x0, y0, width, height = SINK
        events: list[list[str]] = []
        for i in range(count):
            if kind == "motion":
                x = x0 + 20 + (i * 37) % (width - 40)
                y = y0 + 20 + (i * 53) % (height - 40)
                events.append(["mousemove", str(x), str(y)])
            else:
                events.append(["key", "--delay", "0", "x"])
        chunk = max(1, round(rate * 0.2)) if rate else 1000
        gap = f"{0.8 / rate:.6f}" if rate else None
        started = time.monotonic()
        for first in range(0, count, chunk):
            args: list[str] = []
            for event in events[first : first + chunk]:
                args += event + (["sleep", gap] if gap else [])
            subprocess.run(["xdotool", *args], env=self.env, check=True)
            if rate:
                due = started + (first + chunk) / rate
                time.sleep(max(0.0, due - time.monotonic()))
        return count / (time.monotonic() - started)


def _wm_class(window: Window) -> str:
    with contextlib.suppress(XError):
        names = window.get_wm_class()
        if names:
            return " ".join(names)
    return ""


def _on_path(tool: str) -> bool:
    return any(
        (Path(folder) / tool).exists() for folder in os.environ.get("PATH", "").split(os.pathsep)
    )
