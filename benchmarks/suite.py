"""The lightest break reminder on the desktop: start-up, memory, wake-ups and input cost.

Starts its own desktop (Xvfb, openbox, trayer, private D-Bus; see _desktop.py), launches
movebreak as a user does (this environment's ``movebreak`` console script, an isolated
profile: its own HOME and XDG folders) and measures it; with ``--peers`` it does the same
for Workrave, Safe Eyes and a bare PySide6 tray icon (the floor any PySide6 app stands on),
on the same desktop with the same input stream. Every figure is taken once per run; the
table shows median (min-max) over the runs and a target column, the JSON every sample.
A benchmark reports: nothing fails on a number.

    python benchmarks/suite.py [--runs 3] [--peers] [--install] [--json benchmarks/suite.json]
    python benchmarks/suite.py --quick --runs 1 --extra-starts 9   # start and memory, a minute

Each run, for each app, from a fresh copy of a profile that has been started once (so
its files exist and Python's bytecode is cached, as after an install): the time from fork
to its icon embedded in trayer (polled every 5 ms); memory after ``--settle`` seconds, summed
over the app's processes (RSS; USS, the private part; PSS in the JSON); CPU seconds and
wake-ups (context switches of every thread, per second) over ``--idle`` seconds without
input; CPU seconds (from the process's CPU clock, in ns) per 10,000 pointer motions from
xdotool at ~1000/s and ~200/s and per 10,000 key presses (press + release) at ~200/s, into
a window of the benchmark's own that asks for no events, so no app sees them unless it
listens to all input; RSS after that input. For movebreak also: ``movebreak status``
round trips; with ``--years`` of generated history (journal_speed.py's generator) the
start, the review window (Return on its tray-menu entry until the window's first paint,
seen through the X DAMAGE extension) and ``movebreak stats --month``; a compressed
simulation of use (``--soak-minutes``: a one-minute sitting limit, a ten-second natural
break, pointer moves and key presses like work, an absence every third cycle, each prompt
answered with ``movebreak done``, ``skip`` or ``snooze``) and RSS after it; and which
modules a real start imports (``PYTHONPROFILEIMPORTTIME``), top 15 by cumulative time.

The machine is shared: the table's last row says how busy the whole machine was during
the idle windows, so a noisy figure can be recognised as such.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _desktop import (
    Desktop,
    Started,
    Usage,
    log_says,
    movebreak_command,
    movebreak_log,
    process_tree,
    profile_env,
    usage,
    wait_until,
    write_movebreak_config,
)
from journal_speed import generate

HERE = Path(__file__).resolve().parent
REVIEW_TITLE = "movebreak: today's movement"
# The tray menu from the top, disabled lines skipped: Take a break now, Pause prompts,
# I'm standing, Today's movement.
REVIEW_MENU_DOWNS = 4
SOAK_CONFIG = """\
[breaks]
sitting_limit = "1m"
natural_break = "10s"
snooze = "30s"
typing_grace = "10s"
remind_after = "30s"
"""
SOAK_ANSWERS = ("done", "skip", "done", "snooze")
FLOOR_PROGRAM = """\
import sys
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("teal"))
icon = QSystemTrayIcon(QIcon(pixmap))
icon.show()
sys.exit(app.exec())
"""
APT_DESKTOP = ("xvfb", "openbox", "trayer", "xdotool", "x11-utils", "dbus")
APT_PEERS = ("workrave", "safeeyes", "gir1.2-ayatanaappindicator3-0.1", "xprintidle")
INPUTS = (  # figure prefix, kind, events per second
    ("motion_1000", "motion", 1000.0),
    ("motion_200", "motion", 200.0),
    ("key_200", "key", 200.0),
)

Samples = dict[str, list[float]]


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the table."""

    key: str
    label: str
    digits: int
    target: float | None = None
    below: bool = False  # the target is "<" rather than "<="
    movebreak_only: bool = False


@dataclass
class Contender:
    """An app on the desktop: how to start it and what it measured."""

    key: str
    label: str
    command: list[str]
    version: str
    config: str | None = None  # movebreak's config.toml
    is_movebreak: bool = False
    samples: Samples = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def put(self, figure: str, value: float) -> None:
        """Record one sample of ``figure``."""
        self.samples.setdefault(figure, []).append(value)


def figures(args: argparse.Namespace) -> list[Figure]:
    """The table's rows, in order."""
    return [
        Figure("start_to_tray_s", "start to tray icon (s)", 3, 0.25),
        Figure("start_to_log_s", "  start to `app.start` logged: imports (s)", 3),
        Figure("start_to_ready_s", "  start to `app.ready` logged (s)", 3),
        Figure("rss_mb", f"RSS after settling {args.settle:.0f} s (MB)", 1, 60),
        Figure("uss_mb", "  of which private (USS, MB)", 1),
        Figure("threads", "threads after settling", 0),
        Figure("idle_cpu_s", "CPU s per 60 s, no input", 3),
        Figure("idle_wakeups", "wake-ups/s, no input", 2, 0.5),
        Figure("motion_1000_cpu", "CPU s per 10k motions @1000/s", 3, 0.02),
        Figure("motion_1000_rate", "  rate achieved (/s)", 0),
        Figure("motion_200_cpu", "CPU s per 10k motions @200/s", 3),
        Figure("key_200_cpu", "CPU s per 10k key presses @200/s", 3),
        Figure("rss_after_input_mb", "RSS after the input (MB)", 1),
        Figure("status_s", "`movebreak status` round trip (s)", 3, movebreak_only=True),
        Figure(
            "soak_rss_mb",
            f"RSS after {args.soak_minutes:g} min of compressed use (MB)",
            1,
            movebreak_only=True,
        ),
        Figure("soak_growth_mb", "  growth during it (MB)", 1, movebreak_only=True),
        Figure(
            "soak_later_growth_mb",
            "  of which after the first prompt (MB)",
            1,
            movebreak_only=True,
        ),
        Figure("soak_cpu_s", "  CPU s during it", 2, movebreak_only=True),
        Figure("soak_prompts", "  prompts shown and answered", 0, movebreak_only=True),
        Figure(
            "history_start_to_tray_s",
            f"start to tray icon, {args.years} y of history (s)",
            3,
            movebreak_only=True,
        ),
        Figure(
            "history_rss_mb",
            f"RSS after settling, {args.years} y of history (MB)",
            1,
            movebreak_only=True,
        ),
        Figure(
            "review_paint_s",
            f"review window to first paint, {args.years} y (s)",
            3,
            0.3,
            below=True,
            movebreak_only=True,
        ),
        Figure(
            "stats_month_s",
            f"`movebreak stats --month`, {args.years} y (s)",
            3,
            0.2,
            below=True,
            movebreak_only=True,
        ),
        Figure("machine_busy_pct", "whole machine busy in idle window (%)", 0),
    ]


# --- setting up ---


def dpkg_version(package: str) -> str | None:
    """The installed Debian package's version, or None."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    words = result.stdout.split()
    return words[-1] if result.returncode == 0 and "installed" in words[:3] else None


def install(packages: tuple[str, ...]) -> None:
    """apt-get install what is missing (root only)."""
    missing = [p for p in packages if dpkg_version(p) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"--install needs root; run: apt-get install {' '.join(missing)}")
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        env=env,
        check=True,
    )


def contenders(peers: bool) -> list[Contender]:
    """The apps to measure: movebreak with each activity source and, with ``peers``, the others."""
    from movebreak import __version__

    chosen = [
        Contender(
            "movebreak",
            f"movebreak {__version__} (auto)",
            movebreak_command(),
            __version__,
            config='[activity]\nsource = "auto"\n',
            is_movebreak=True,
        ),
        Contender(
            "movebreak-pynput",
            f"movebreak {__version__} (pynput)",
            movebreak_command(),
            __version__,
            config='[activity]\nsource = "pynput"\n',
            is_movebreak=True,
        ),
    ]
    if not peers:
        return chosen
    for package, label, command in (
        ("workrave", "Workrave", ["workrave"]),
        ("safeeyes", "Safe Eyes", ["safeeyes"]),
    ):
        version = dpkg_version(package) or "not installed"
        chosen.append(Contender(package, f"{label} {version}", command, version))
    import PySide6

    chosen.append(
        Contender(
            "qt-floor",
            f"bare PySide6 {PySide6.__version__} tray icon",
            [sys.executable, "-c", FLOOR_PROGRAM],
            PySide6.__version__,
        )
    )
    return chosen


def fresh_home(template: Path, home: Path) -> Path:
    """A copy of a profile that has been started once (no runtime files)."""
    shutil.copytree(template, home, ignore=shutil.ignore_patterns(".run"))
    return home


def warm_up(desktop: Desktop, contender: Contender, home: Path, timeout: float) -> None:
    """Start the app once in ``home`` (creates its files), then quit it."""
    home.mkdir(parents=True, exist_ok=True)
    if contender.config is not None:
        write_movebreak_config(home, contender.config)
    desktop.wait_tray_empty()
    app = desktop.start(contender.command, profile_env(desktop.env, home), home / "warm-up.txt")
    try:
        icon = wait_icon(desktop, app, timeout)
        if icon is None:
            contender.notes["start_to_tray_s"] = "no icon in the tray at its first start"
        time.sleep(2)
    finally:
        app.stop()


# --- measuring ---


def wait_icon(desktop: Desktop, app: Started, timeout: float) -> float | None:
    """Seconds from ``app``'s fork to its icon in the tray; None if it never came."""
    while time.perf_counter() - app.started_at < timeout:
        icons = desktop.tray_icons()
        if icons:
            seen = time.perf_counter() - app.started_at
            tree = set(process_tree(app.pid))
            if any(icon.pid is None or icon.pid in tree for icon in icons):
                return seen
        if app.process.poll() is not None:
            return None
        time.sleep(0.005)
    return None


def log_seconds(log: Path, event: str, since_wall: float, after: int) -> float | None:
    """Seconds from ``since_wall`` (time.time()) to the log line naming ``event``.

    Only the log past character ``after`` counts: earlier starts wrote there too.
    """
    text = log.read_text(encoding="utf-8", errors="replace")[after:]
    for line in text.splitlines():
        if f" {event}" in line:
            stamp, _, millis = line[:23].partition(",")
            wall = time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M:%S")) + int(millis) / 1000
            return wall - since_wall
    return None


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run of ``command``; it must succeed."""
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {result.stderr.strip()}")
    return elapsed


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def launch(
    desktop: Desktop, contender: Contender, home: Path, timeout: float
) -> tuple[Started, float | None, dict[str, float]]:
    """Start the app in ``home``: the process, seconds to its tray icon, to log lines."""
    desktop.wait_tray_empty()
    desktop.park_pointer()
    log = movebreak_log(home)
    earlier = len(log.read_text(encoding="utf-8")) if log.exists() else 0
    wall = time.time()
    app = desktop.start(contender.command, profile_env(desktop.env, home), home / "output.txt")
    icon = wait_icon(desktop, app, timeout)
    logged: dict[str, float] = {}
    if contender.is_movebreak:
        wait_until(lambda: log_says(log, "app.ready", earlier), "movebreak's app.ready", timeout)
        for event, figure in (("app.start", "start_to_log_s"), ("app.ready", "start_to_ready_s")):
            seconds = log_seconds(log, event, wall, earlier)
            if seconds is not None:
                logged[figure] = seconds
    return app, icon, logged


def start_figures(desktop: Desktop, contender: Contender, home: Path, timeout: float) -> Started:
    """Start the app and record how long it took to reach the tray (and its log lines)."""
    app, icon, logged = launch(desktop, contender, home, timeout)
    if icon is None:
        contender.notes["start_to_tray_s"] = "no icon in the tray within the timeout"
    else:
        contender.put("start_to_tray_s", icon)
    for figure, seconds in logged.items():
        contender.put(figure, seconds)
    return app


def measure(desktop: Desktop, contender: Contender, home: Path, args: argparse.Namespace) -> None:
    """One run of the common figures for one app."""
    for _ in range(args.extra_starts):  # starts are quick and the machine noisy: more samples
        start_figures(desktop, contender, home, args.timeout).stop()
    app = start_figures(desktop, contender, home, args.timeout)
    try:
        time.sleep(args.settle)
        if app.process.poll() is not None:
            contender.notes["rss_mb"] = f"exited with status {app.process.returncode}"
            return
        settled = usage(app.pid)
        contender.put("rss_mb", settled.rss_mb)
        contender.put("pss_mb", settled.pss_mb)
        contender.put("uss_mb", settled.uss_mb)
        contender.put("threads", settled.threads)
        if args.quick:
            return
        busy_before = machine_busy()
        before = usage(app.pid)
        time.sleep(args.idle)
        after = usage(app.pid)
        busy_after = machine_busy()
        contender.put("idle_cpu_s", after.cpu_since(before) * 60 / args.idle)
        contender.put("idle_wakeups", after.wakeups_since(before))
        busy = (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1])
        contender.put("machine_busy_pct", busy * 100)
        desktop.focus_sink()
        for name, kind, rate in INPUTS:
            before = usage(app.pid)
            achieved = desktop.drive(kind, args.events, rate)
            time.sleep(args.tail)
            after = usage(app.pid)
            contender.put(f"{name}_cpu", after.cpu_since(before) * 10_000 / args.events)
            contender.put(f"{name}_rate", achieved)
        contender.put("rss_after_input_mb", usage(app.pid).rss_mb)
        if contender.is_movebreak:
            env = profile_env(desktop.env, home)
            for _ in range(args.status_calls):
                contender.put("status_s", timed([*movebreak_command(), "status"], env))
            log = movebreak_log(home).read_text(encoding="utf-8")
            contender.notes["source"] = log.split("activity_source=", 1)[1].split()[0]
    finally:
        app.stop()


def journal(desktop: Desktop, contender: Contender, home: Path, args: argparse.Namespace) -> None:
    """With years of history: start, the review window from the tray menu, stats --month."""
    env = profile_env(desktop.env, home)
    app, icon, _ = launch(desktop, contender, home, args.timeout)
    try:
        if icon is not None:
            contender.put("history_start_to_tray_s", icon)
        time.sleep(args.settle)
        contender.put("history_rss_mb", usage(app.pid).rss_mb)
        icons = desktop.tray_icons()
        if not icons:
            contender.notes["review_paint_s"] = "no tray icon to open the menu from"
            return
        x, y, width, height = desktop.icon_geometry(icons[0])
        desktop.run("xdotool", "mousemove", str(x + width // 2), str(y + height // 2), "click", "1")
        time.sleep(0.7)  # the menu pops up (a left click opens it)
        for _ in range(REVIEW_MENU_DOWNS):
            desktop.press("Down")
        try:
            painted = desktop.time_to_paint(REVIEW_TITLE, lambda: desktop.press("Return"), 10)
            contender.put("review_paint_s", painted)
        except TimeoutError as error:
            contender.notes["review_paint_s"] = f"the tray menu did not open the review: {error}"
        desktop.park_pointer()
        for _ in range(args.status_calls):
            contender.put("stats_month_s", timed([*movebreak_command(), "stats", "--month"], env))
    finally:
        app.stop()


def wiggle(desktop: Desktop, step: int) -> int:
    """About half a second of work: 12 pointer moves and 3 key presses. Returns events."""
    x0, y0 = 700 + (step * 41) % 300, 320 + (step * 29) % 200
    args: list[str] = []
    for i in range(12):
        args += ["mousemove", str(x0 + i * 7), str(y0 + (i % 3) * 5), "sleep", "0.03"]
    for _ in range(3):
        args += ["key", "--delay", "0", "x", "sleep", "0.03"]
    subprocess.run(["xdotool", *args], env=desktop.env, check=True)
    return 15


def soak(
    desktop: Desktop, contender: Contender, home: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Compressed use: prompts every minute or so, answered from the command line."""
    write_movebreak_config(home, SOAK_CONFIG + (contender.config or ""))
    env = profile_env(desktop.env, home)
    app, _, _ = launch(desktop, contender, home, args.timeout)
    log = movebreak_log(home)
    answers: dict[str, int] = {}
    series: list[tuple[float, float]] = []
    events = shown_seen = sent = step = cycle = 0
    settled_at: float | None = None
    after_first: Usage | None = None
    try:
        time.sleep(args.settle)
        desktop.focus_sink()
        first = usage(app.pid)
        start = time.monotonic()
        end = start + args.soak_minutes * 60
        work_until, away_until, answer_at, next_sample = start + 50, 0.0, None, start
        while (now := time.monotonic()) < end:
            shown = log.read_text(encoding="utf-8").count("prompt.shown")
            if shown > shown_seen:
                shown_seen, answer_at = shown, now + 3
            if answer_at is not None and now >= answer_at:
                answer = SOAK_ANSWERS[sent % len(SOAK_ANSWERS)]
                result = subprocess.run(
                    [*movebreak_command(), answer], env=env, capture_output=True, check=False
                )
                outcome = answer if result.returncode == 0 else f"{answer} refused"
                answers[outcome] = answers.get(outcome, 0) + 1
                sent, answer_at = sent + 1, None
                if settled_at is None:  # the first prompt builds its window: a one-off
                    settled_at = now + 30
            if settled_at is not None and now >= settled_at and after_first is None:
                after_first = usage(app.pid)
            if now >= next_sample:
                series.append((round(now - start), round(usage(app.pid).rss_mb, 1)))
                next_sample += 30
            if now < away_until:
                time.sleep(0.5)
            elif now >= work_until:
                cycle += 1
                away = 15 if cycle % 3 == 0 else 0  # longer than the natural break
                away_until, work_until = now + away, now + away + 50
            else:
                events += wiggle(desktop, step)
                step += 1
        last = usage(app.pid)
        text = log.read_text(encoding="utf-8")
    finally:
        app.stop()
    contender.put("soak_rss_mb", last.rss_mb)
    contender.put("soak_growth_mb", last.rss_mb - first.rss_mb)
    if after_first is not None:
        contender.put("soak_later_growth_mb", last.rss_mb - after_first.rss_mb)
    contender.put("soak_cpu_s", last.cpu_since(first))
    contender.put("soak_prompts", shown_seen)
    return {
        "minutes": args.soak_minutes,
        "prompts_shown": shown_seen,
        "answers": answers,
        "breaks_recorded": text.count("break.recorded"),
        "input_events": events,
        "rss_mb_every_30_s": series,
    }


def import_times(desktop: Desktop, contender: Contender, home: Path, timeout: float) -> Samples:
    """Module -> [cumulative us, self us, depth] of one real start (PYTHONPROFILEIMPORTTIME)."""
    env = profile_env(desktop.env, home) | {"PYTHONPROFILEIMPORTTIME": "1"}
    desktop.wait_tray_empty()
    app = desktop.start(contender.command, env, home / "imports.txt")
    try:
        if wait_icon(desktop, app, timeout) is None:
            return {}
        time.sleep(1)
    finally:
        app.stop()
    found: Samples = {}
    for line in app.output.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, cumulative, name = line[len("import time:") :].split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        found[name.strip()] = [float(cumulative), float(own), float(depth)]
    return found


# --- reporting ---


def cell(values: list[float], digits: int) -> str:
    """``median (min-max)``, or the one value."""
    median = statistics.median(values)
    if len(values) == 1 or min(values) == max(values):
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def meets(figure: Figure, value: float) -> bool:
    """Whether ``value`` is within the figure's target."""
    assert figure.target is not None
    return value < figure.target if figure.below else value <= figure.target


def table(rows: list[Figure], apps: list[Contender]) -> str:
    """The Markdown table: one row per figure, one column per app."""
    head = ["figure", "target", *(app.label for app in apps)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for figure in rows:
        target = ""
        if figure.target is not None:
            target = f"{'<' if figure.below else '≤'} {figure.target:g}"
        cells = [figure.label.replace("  ", "↳ ", 1) if figure.label[:2] == "  " else figure.label]
        cells.append(target)
        for app in apps:
            values = app.samples.get(figure.key)
            if values:
                text = cell(values, figure.digits)
                if figure.target is not None and app.is_movebreak:
                    text += " ✓" if meets(figure, statistics.median(values)) else " ✗"
            elif figure.key in app.notes:
                text = "not measured*"
            else:
                text = "—"
            cells.append(text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def imports_table(runs: list[Samples], top: int = 15) -> list[dict[str, Any]]:
    """The ``top`` modules by median cumulative import time over ``runs``."""
    names = {name for run in runs for name in run}
    rows: list[dict[str, Any]] = []
    for name in names:
        seen = [run[name] for run in runs if name in run]
        rows.append(
            {
                "module": name,
                "cumulative_ms": statistics.median(s[0] for s in seen) / 1000,
                "self_ms": statistics.median(s[1] for s in seen) / 1000,
                "depth": int(seen[0][2]),
            }
        )
    rows.sort(key=lambda row: -row["cumulative_ms"])
    return rows[:top]


def revision() -> str:
    """The checkout's commit, ``+dirty`` when src/ differs from it (read-only git calls)."""
    env = os.environ | {"GIT_OPTIONAL_LOCKS": "0"}  # git status must not touch the index
    commit = subprocess.run(
        ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    ).stdout.strip()
    changes = subprocess.run(
        ["git", "-C", str(HERE), "status", "--porcelain", "--", "../src"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    ).stdout.strip()
    return (commit or "unknown") + ("+dirty" if changes else "")


def machine() -> dict[str, Any]:
    """What the figures were taken on."""
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
    }


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", action="store_true", help="also Workrave, Safe Eyes, bare Qt")
    parser.add_argument("--install", action="store_true", help="apt-get what is missing (root)")
    parser.add_argument("--json", type=Path, default=HERE / "suite.json")
    parser.add_argument("--settle", type=float, default=10, help="seconds before reading memory")
    parser.add_argument("--idle", type=float, default=60, help="seconds without input")
    parser.add_argument("--events", type=int, default=10_000, help="input events per phase")
    parser.add_argument("--tail", type=float, default=1, help="seconds counted after input")
    parser.add_argument("--soak-minutes", type=float, default=10)
    parser.add_argument("--years", type=int, default=5, help="history for review and stats")
    parser.add_argument("--status-calls", type=int, default=5)
    parser.add_argument(
        "--extra-starts", type=int, default=4, help="more start-to-tray samples per run"
    )
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument(
        "--quick", action="store_true", help="start to tray and memory only (a minute, for work)"
    )
    return parser.parse_args()


def main() -> int:
    """Measure, print the table, write the JSON."""
    args = parse_args()
    if args.install:
        install(APT_DESKTOP + (APT_PEERS if args.peers else ()))
    apps = contenders(args.peers)
    started = datetime.now(UTC)
    soaks: list[dict[str, Any]] = []
    imports: list[Samples] = []
    revisions: list[str] = []

    def say(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="movebreak-suite-") as temporary:
        root = Path(temporary)
        with Desktop.running(root) as desktop:
            say(f"desktop on {desktop.env['DISPLAY']}")
            measured = []
            for app in apps:
                if app.version == "not installed":
                    app.notes["start_to_tray_s"] = (
                        f"not installed: apt-get install {' '.join(APT_PEERS)} (or --install)"
                    )
                    continue
                warm_up(desktop, app, root / "templates" / app.key, args.timeout)
                measured.append(app)
            default = apps[0]
            history = root / "templates" / "history"
            shutil.copytree(root / "templates" / default.key, history)
            if not args.quick:
                say(f"generating {args.years} years of history")
                generate(history / ".local" / "share" / "movebreak" / "journal.sqlite3", args.years)
            for run in range(1, args.runs + 1):
                revisions.append(revision())  # others may commit while this runs
                work = root / f"run-{run}"
                home = fresh_home(root / "templates" / default.key, work / "imports")
                imports.append(import_times(desktop, default, home, args.timeout))
                for app in measured:
                    say(f"run {run}/{args.runs}: {app.label}")
                    home = fresh_home(root / "templates" / app.key, work / app.key)
                    try:
                        measure(desktop, app, home, args)
                    except (RuntimeError, TimeoutError, OSError) as error:
                        app.notes[f"run {run}"] = str(error)
                if args.quick:
                    continue
                say(f"run {run}/{args.runs}: review window and stats with history")
                try:
                    journal(desktop, default, fresh_home(history, work / "history"), args)
                    if args.soak_minutes > 0:
                        say(f"run {run}/{args.runs}: {args.soak_minutes:g} min of compressed use")
                        home = fresh_home(root / "templates" / default.key, work / "soak")
                        soaks.append(soak(desktop, default, home, args))
                except (RuntimeError, TimeoutError, OSError) as error:
                    default.notes[f"run {run}"] = str(error)
    rows = figures(args)
    text = table(rows, apps)
    top = imports_table(imports)
    revisions.append(revision())  # and at the end
    measured_at = " → ".join(dict.fromkeys(revisions))
    print(
        f"\n{started:%Y-%m-%d} · {os.cpu_count()} CPUs · Xvfb · commit {measured_at} · "
        f"median (min-max) of {args.runs} runs ({1 + args.extra_starts} starts and "
        f"{args.status_calls} status/stats calls per run)"
    )
    print(text)
    for app in apps:
        for figure, note in app.notes.items():
            print(f"* {app.label}: {figure}: {note}")
    print("\nslowest imports of a real start (cumulative ms, median):")
    for row in top:
        print(
            f"{row['cumulative_ms']:8.1f} {row['self_ms']:7.1f}  "
            f"{'  ' * row['depth']}{row['module']}"
        )
    report = {
        "date": started.isoformat(timespec="seconds"),
        "command": " ".join(["python", "benchmarks/suite.py", *sys.argv[1:]]),
        "machine": machine(),
        "revision_at_each_run_and_end": revisions,
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "apps": {
            app.key: {
                "label": app.label,
                "version": app.version,
                "command": app.command[:1],
                "samples": app.samples,
                "notes": app.notes,
            }
            for app in apps
        },
        "targets": {
            f.key: {"target": f.target, "below": f.below} for f in rows if f.target is not None
        },
        "soak": soaks,
        "imports_top15": top,
        "table": text,
    }
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        raise SystemExit(main())
