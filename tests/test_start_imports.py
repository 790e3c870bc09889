"""What a real start loads: only what the tray, the timing and the journal need at once.

Every module is resident memory for the whole day, so windows, the login-item code and
libraries the app uses only on demand must not load until the user asks for them. The
real app is started offscreen on a profile that has run once (no welcome window); once it
logs ``app.ready`` the list of loaded modules is written out and the app is stopped.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from tests.test_crash import Profile, app_env
from tests.waiting import wait_for

# Runs the real entry point; when the app is ready, writes sys.modules and sends SIGTERM.
PROBE = """
import os, signal, sys, threading, time, runpy
log, out = sys.argv[1], sys.argv[2]
def watch():
    while not (os.path.exists(log) and "app.ready" in open(log).read()):
        time.sleep(0.05)
    with open(out, "w") as f:
        f.write("\\n".join(sorted(k for k, v in sys.modules.items() if v is not None)))
    os.kill(os.getpid(), signal.SIGTERM)
threading.Thread(target=watch, daemon=True).start()
sys.argv = ["movebreak", *sys.argv[3:]]
runpy.run_module("movebreak", run_name="__main__")
"""
NOT_AT_START = (
    "asyncio",  # APScheduler's one import of it is left out (adapters/qt_scheduler.py)
    "ssl",
    "movebreak.adapters.autostart",  # only Settings uses it
    "movebreak.ui.prompt_window",
    "movebreak.ui.review_window",
    "movebreak.ui.settings_window",
    "movebreak.ui.library_window",
    "movebreak.ui.welcome_window",
    "tomlkit",  # only saving a setting uses it
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
)


def test_a_start_loads_no_window_and_no_library_it_does_not_use_yet(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile")
    first = profile.start()  # the first start opens the welcome window: not this one
    try:
        wait_for(profile.answers, "the first start")
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
    log = profile.paths.log_file
    log.write_text("", encoding="utf-8")
    listed = tmp_path / "modules.txt"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(log), str(listed), "--data-dir", str(profile.root)],
        env=app_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    modules = set(listed.read_text().split())
    assert "movebreak.adapters.journal" in modules  # the probe saw a started app
    assert "apscheduler.schedulers.qt" in modules
    assert sorted(modules & set(NOT_AT_START)) == []
