"""Where movebreak's resident memory goes: RSS after each import or start-up step, in one process.

Starts the suite's desktop (Xvfb, openbox, trayer, private D-Bus; see _desktop.py) and, in
one child process on it, does what a start does one step at a time: Python, PySide6's
modules, a bare tray icon (the floor every PySide6 tray app stands on), then each library
and each part of movebreak in the order the app loads them, reading VmRSS after each
step once the Qt loop has run for ``--settle`` seconds. Each step's figure is what it adds
on top of everything before it, so the order matters: a module shared by two steps counts
in the first. ``--runs`` repeats the whole child (each a fresh process) and prints the
median.

    python benchmarks/memory_steps.py [--runs 3] [--settle 1]

A benchmark reports: nothing fails on a number.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _desktop import Desktop, profile_env

# Each step: a label and the Python it runs in the child, after the steps before it.
STEPS: tuple[tuple[str, str], ...] = (
    ("Python 3 interpreter", "pass"),
    ("PySide6 QtCore, QtGui, QtWidgets imported", "from PySide6 import QtCore, QtGui, QtWidgets"),
    (
        "QApplication and a tray icon: the bare PySide6 tray",
        """
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
qt = QApplication(sys.argv[:1])
qt.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("teal"))
bare = QSystemTrayIcon(QIcon(pixmap))
bare.show()
""",
    ),
    # PySide6 builds every enum type of the Qt namespace at the first call that could take
    # one (QPen(QColor), QBrush.setColor, fillRect(QRectF, QColor), ...): any drawing.
    ("the Qt namespace's enums (built by the first QPen)", "QtGui.QPen(QtGui.QColor('red'))"),
    (
        "movebreak's start path: cli, paths (platformdirs), logging, settings (tomllib)",
        "sys.modules.setdefault('ssl', None); import movebreak.cli.main, "
        "movebreak.adapters.logs, movebreak.adapters.settings_file",
    ),
    (
        "movebreak's tray icon shown (menu built, ring drawn)",
        """
from movebreak.ui.icons import TrayIcons
from movebreak.ui.tray import Tray
bare.hide()
tray = Tray(TrayIcons())
""",
    ),
    (
        "APScheduler: importlib.metadata, its version and plugin lookups (email, csv, zipfile)",
        "import importlib.metadata as m; m.version('APScheduler'); "
        "m.entry_points(group='apscheduler.triggers')",
    ),
    (
        "APScheduler: its thread/process pool (concurrent.futures, multiprocessing)",
        "import concurrent.futures.process",
    ),
    ("APScheduler: tzlocal and zoneinfo", "import tzlocal; tzlocal.get_localzone()"),
    (
        "APScheduler: the rest (QtScheduler, DebugExecutor; asyncio left out)",
        "import movebreak.adapters.qt_scheduler",
    ),
    (
        "the scheduler started: an interval, a cron and a date job",
        """
from datetime import UTC, datetime, timedelta
from movebreak.adapters.qt_scheduler import QtWakeups
wakeups = QtWakeups()
wakeups.every(timedelta(seconds=15), lambda: None)
wakeups.cron([(4, 0)], lambda: None)
wakeups.call_at(datetime.now(UTC) + timedelta(hours=1), lambda: None)
""",
    ),
    ("sqlite3 and the journal module", "import movebreak.adapters.journal"),
    ("QtDBus and the desktop-bus watchers", "import movebreak.adapters.desktop_bus"),
    (
        "the rest of movebreak's modules (application, activity sources, control socket)",
        "import movebreak.app.application, movebreak.app.launch",
    ),
    (
        "the exercise library loaded (58 exercises, their poses)",
        "from movebreak.adapters.library_file import load_library; library = load_library(None)",
    ),
    ("for comparison: asyncio, which the app leaves out", "import asyncio"),
)

CHILD = """
import gc, json, sys, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
def settle(seconds):
    app = sys.modules.get("PySide6.QtWidgets")
    qt = app.QApplication.instance() if app else None
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if qt is not None:
            qt.processEvents()
        time.sleep(0.02)
    gc.collect()
steps = json.loads(sys.argv[1])
settle_s = float(sys.argv[2])
for label, code in steps:
    exec(code, globals())
    settle(settle_s)
    print(json.dumps([label, rss()]), flush=True)
"""


def run_child(desktop: Desktop, home: Path, settle: float) -> list[tuple[str, float]]:
    """One fresh process through every step; RSS (MB) after each."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(STEPS), str(settle)],
        env=profile_env(desktop.env, home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the probe failed:\n{result.stderr}")
    return [tuple(json.loads(line)) for line in result.stdout.splitlines()]  # type: ignore[misc]


def main() -> int:
    """Run the probe ``--runs`` times and print each step's RSS and what it added."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="movebreak-memory-") as temporary:
        root = Path(temporary)
        with Desktop.running(root) as desktop:
            runs = [run_child(desktop, root / f"home-{n}", args.settle) for n in range(args.runs)]
    print(f"| step | RSS after (MB) | added (MB) |  (median of {args.runs})")
    print("|---|---|---|")
    before = 0.0
    for index, (label, _) in enumerate(runs[0]):
        value = statistics.median(run[index][1] for run in runs)
        print(f"| {label} | {value:.1f} | {value - before:+.1f} |")
        before = value
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
