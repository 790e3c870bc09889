"""A desktop with no tray at all: Xvfb + openbox and no tray host, neither XEmbed nor SNI.

As on plain GNOME or a panel without a tray applet: the app keeps working (the prompts
come), tells the user once, in a window, that there is no tray and what to do, and never
again on the next start.
"""

from __future__ import annotations

import os
import pty
import time
from pathlib import Path

import pytest

from tests.e2e.atspi import ALWAYS_ON, start_a11y_bus, window_texts
from tests.e2e.sessions import Session, require, session, terminal_line
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

CONFIG = '[breaks]\nsitting_limit = "20s"\nnatural_break = "1m"\ntyping_grace = "8s"\n'
PROMPT_TITLE = "movebreak: time to move"


def _visible(desk: Session, title_regex: str) -> list[str]:
    result = desk.run("xdotool", "search", "--onlyvisible", "--name", title_regex)
    return result.stdout.split()


def _wiggle(desk: Session, seconds: float) -> None:
    end = time.monotonic() + seconds
    x = 300
    while time.monotonic() < end:
        x = 600 if x == 300 else 300
        desk.run("xdotool", "mousemove", str(x), "500")
        time.sleep(0.3)


def test_without_a_tray_the_user_is_told_once_and_prompts_still_come(tmp_path: Path) -> None:
    with session(tmp_path) as desk:
        require("/usr/libexec/at-spi-bus-launcher")
        bus = desk.env["DBUS_SESSION_BUS_ADDRESS"]
        start_a11y_bus(bus)  # so the window can be read as a screen reader reads it
        app = desk.launch(CONFIG, extra_env=ALWAYS_ON)
        app.wait_log("tray.none", timeout=20)  # after the grace period, not at once
        wait_for(lambda: bool(_visible(desk, "^movebreak$")), "the no-tray window")
        assert "tray.none_told" in app.log()
        time.sleep(1)  # drawn
        shot = desk.screenshot("no-tray-window")
        assert shot.stat().st_size > 0
        name = desk.run("xdotool", "getwindowname", _visible(desk, "^movebreak$")[0]).stdout
        assert name.strip() == "movebreak"
        texts = window_texts(bus, "movebreak", "movebreak")
        heading, explanation, *buttons = texts
        assert heading == "movebreak is running, but this desktop shows no tray icons"
        for told in (
            "still shows its prompts",
            "gnome-shell-extension-appindicator",
            "status notifier applet",
            "launcher's right-click actions",
            "movebreak status",
            "movebreak show",
            "movebreak quit",
            "shown only once",
        ):
            assert told in explanation
        for button in ("Take a break now", "Pause prompts", "Today's movement…", "Settings…"):
            assert button in buttons
        assert "Exercise library…" in buttons
        assert "Quit movebreak" in buttons

        _wiggle(desk, 24)  # sitting past the 20 s limit
        wait_for(lambda: bool(_visible(desk, PROMPT_TITLE)), "a prompt, with no tray", 30)
        assert app.cli("status", "--json").returncode == 0
        desk.screenshot("no-tray-prompt")

        quit_ = app.cli("quit")
        assert (quit_.returncode, quit_.stdout) == (0, "movebreak quits.\n")
        assert app.process.wait(timeout=20) == 0
        app.process.communicate(timeout=10)

        # The second start, in a terminal: one line says where it is; no window this time.
        master, slave = pty.openpty()
        try:
            again = desk.launch(CONFIG, terminal=slave)
            line = terminal_line(master, "movebreak is running", timeout=20)
            assert line == (
                "movebreak is running without a tray icon (this desktop shows none); its "
                'window "movebreak" opens with `movebreak show`. Stop it with '
                "`movebreak quit` or Ctrl+C."
            )
            time.sleep(1)
            assert _visible(desk, "^movebreak$") == []
            assert again.log().count("tray.none_told") == 1  # the first start's only

            shown = again.cli("show")  # on request it opens, without the notice
            assert shown.returncode == 0
            wait_for(lambda: bool(_visible(desk, "^movebreak$")), "the window on request")
            desk.screenshot("no-tray-show")
            assert again.quit() == 0
        finally:
            os.close(master)
            os.close(slave)


def test_open_starts_the_app_when_it_is_not_running(tmp_path: Path) -> None:
    # The launcher's "Settings" action on a desktop where movebreak is not running yet.
    with session(tmp_path) as desk:
        config_dir = desk.home / "config" / "movebreak"
        config_dir.mkdir(parents=True)
        (config_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
        opener = desk.start(_installed(), "open", "settings")
        wait_for(lambda: bool(_visible(desk, "[Ss]ettings")), "the settings window", 30)
        status = desk.run(_installed(), "status")
        assert status.returncode == 0
        assert desk.run(_installed(), "quit").returncode == 0
        assert opener.wait(timeout=20) == 0


def _installed() -> str:
    import sys

    return str(Path(sys.executable).with_name("movebreak"))
