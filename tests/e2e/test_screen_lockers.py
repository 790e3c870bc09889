"""A real screen locker without D-Bus: XScreenSaver (Debian's ``xscreensaver``).

It never sends ``ActiveChanged``; it writes ``_SCREENSAVER_STATUS`` on the root window.
The daemon runs as an unprivileged user, as on a desktop: it refuses to lock for root.
Its lock ends here by stopping the daemon (the test user has no password to type): the
app sees the daemon's window go, since a killed daemon may leave its LOCK property behind.
GNOME Shell's ``org.gnome.ScreenSaver`` is another test's; xfce4-screensaver is not in
Debian 12, and light-locker needs LightDM.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp
from tests.e2e.sessions import Session, require, session
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

CONFIG = '[breaks]\nsitting_limit = "30m"\nnatural_break = "30s"\n'


def _state(app: RunningApp) -> str:
    result = app.cli("status", "--json")
    assert result.returncode == 0, result.stderr
    state: str = json.loads(result.stdout)["state"]
    return state


@pytest.fixture
def locker_user() -> Iterator[list[str]]:
    """The command prefix that runs a program as the locker's (non-root) user."""
    home = Path(tempfile.mkdtemp(prefix="movebreak-xss-"))
    try:
        if os.geteuid() != 0:
            yield ["env", f"HOME={home}"]
            return
        require("runuser")
        shutil.chown(home, "nobody")
        yield ["runuser", "-u", "nobody", "--", "env", f"HOME={home}"]
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_xscreensaver_blank_and_lock_count_as_away_at_once(
    tmp_path: Path, locker_user: list[str]
) -> None:
    require("xscreensaver", "xscreensaver-command")
    with session(tmp_path) as desk:
        as_locker = [*locker_user, f"DISPLAY={desk.env['DISPLAY']}"]
        daemon = desk.start(*as_locker, "xscreensaver", "-no-splash")
        command = [*as_locker, "xscreensaver-command"]
        wait_for(lambda: _answers(desk, command), "the xscreensaver daemon")
        app = desk.launch(CONFIG)
        desk.run("xdotool", "mousemove", "200", "200")
        wait_for(lambda: _state(app) == "seated", "seated")

        desk.run(*command, "-activate", check=True)  # the screen saver starts (blank)
        wait_for(lambda: _state(app) == "away", "away when the screen blanks", 5)
        desk.screenshot("xscreensaver-blank")
        desk.run(*command, "-deactivate", check=True)
        app.wait_log("away.lock ended source=xscreensaver", timeout=10)
        desk.run("xdotool", "mousemove", "300", "300")
        wait_for(lambda: _state(app) == "seated", "seated after the blank", 10)

        desk.run(*command, "-lock", check=True)
        wait_for(lambda: _state(app) == "away", "away at once on lock, not after 30 s", 5)
        assert app.log().count("away.lock started source=xscreensaver") == 2
        mark = len(app.log())
        _stop(daemon)  # the lock ends: the property goes
        app.wait_log("away.lock ended source=xscreensaver", timeout=10, after=mark)
        desk.run("xdotool", "mousemove", "200", "200")
        wait_for(lambda: _state(app) == "seated", "seated after the lock", 10)
        assert app.quit() == 0


def _answers(desk: Session, command: list[str]) -> bool:
    return "XScreenSaver" in desk.run(*command, "-time").stdout


def _stop(process: subprocess.Popen[bytes]) -> None:
    # runuser passes SIGTERM on to the daemon, which unlocks and removes its property.
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)
