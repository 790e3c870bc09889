"""Movement prompts on a real desktop: timing, focus, the CLI, one instance."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.e2e.conftest import Desktop, RunningApp
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

FAST = """
[breaks]
sitting_limit = "20s"
natural_break = "1m"
typing_grace = "8s"
"""
PROMPT_TITLE = "movebreak: time to move"


def prompt_visible(desktop: Desktop) -> bool:
    return bool(desktop.run("xdotool", "search", "--onlyvisible", "--name", PROMPT_TITLE).split())


def open_typing_target(
    desktop: Desktop, start: Callable[..., object], tmp_path: Path, *options: str
) -> tuple[str, Path]:
    """A window to type into, closed at the end of the test."""
    text = tmp_path / "typed.txt"
    target = Path(__file__).with_name("typing_target.py")
    start(sys.executable, str(target), str(text), *options)
    windows: list[str] = []

    def found() -> bool:
        windows[:] = desktop.run("xdotool", "search", "--name", "^typing-target$").split()
        return bool(windows)

    wait_for(found, "the typing target window")
    window = windows[0]
    desktop.run("xdotool", "windowactivate", "--sync", window)
    return window, text


def typed(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_prompt_appears_while_typing_without_taking_focus(
    desktop: Desktop,
    launch: Callable[[str], RunningApp],
    tmp_path: Path,
    own_processes: Callable[..., object],
) -> None:
    window, text = open_typing_target(desktop, own_processes, tmp_path)
    app = launch(FAST)
    started = time.monotonic()
    desktop.run("xdotool", "windowactivate", "--sync", window)
    while not prompt_visible(desktop) and time.monotonic() - started < 60:
        desktop.run("xdotool", "type", "--delay", "60", "busy typing ")
    assert prompt_visible(desktop), app.log()
    waited = time.monotonic() - started
    assert 20 <= waited <= 45, waited  # 20 s limit, held by typing for up to 8 s more
    assert "prompt.held by=typing" in app.log()
    # The user keeps typing: every keystroke still lands in their own window.
    desktop.run("xdotool", "type", "--delay", "40", "after the prompt")
    wait_for(lambda: typed(text).endswith("after the prompt"), "the typed text")
    assert desktop.run("xdotool", "getactivewindow").strip() == window
    desktop.screenshot("prompt-while-typing")
    status = json.loads(app.cli("status", "--json").stdout)
    assert status["state"] == "prompting"
    assert status["prompt"]["title"]
    done = app.cli("done")
    assert done.returncode == 0, done.stderr
    assert json.loads(app.cli("status", "--json").stdout)["state"] != "prompting"
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    rows = sqlite3.connect(journal).execute("SELECT outcome FROM prompt").fetchall()
    assert rows == [("done",)]
    assert app.quit() == 0


def test_a_fullscreen_window_holds_the_prompt_until_it_closes(
    desktop: Desktop,
    launch: Callable[[str], RunningApp],
    tmp_path: Path,
    own_processes: Callable[..., object],
) -> None:
    window, _ = open_typing_target(desktop, own_processes, tmp_path, "--fullscreen")
    app = launch(FAST)
    desktop.run("xdotool", "mousemove", "640", "400")  # the user is here, watching
    wait_for(lambda: "prompt.held by=fullscreen" in app.log(), "the prompt to be held", 60)
    desktop.screenshot("held-by-fullscreen")
    assert not prompt_visible(desktop)
    status = json.loads(app.cli("status", "--json").stdout)
    assert status["held_by"] == "fullscreen"
    desktop.run("xdotool", "windowkill", window)  # the presentation ends
    desktop.run("xdotool", "mousemove", "600", "400")  # still at the desk
    wait_for(lambda: prompt_visible(desktop), "the prompt after fullscreen ends", 20)
    assert app.quit() == 0


def test_snooze_and_skip_from_the_command_line(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch(FAST.replace('"20s"', '"1h"'))
    assert app.cli("snooze").returncode == 1  # nothing to snooze yet
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    snoozed = app.cli("snooze")
    assert snoozed.returncode == 0
    assert "snoozed" in snoozed.stdout.lower()
    wait_for(lambda: not prompt_visible(desktop), "the prompt to hide")
    assert app.cli("pause", "30m").returncode == 0
    assert json.loads(app.cli("status", "--json").stdout)["state"] == "paused"
    assert app.cli("resume").returncode == 0
    assert app.cli("posture", "standing").returncode == 0
    assert json.loads(app.cli("status", "--json").stdout)["state"] == "standing"
    assert app.quit() == 0


def test_a_second_launch_adds_no_second_icon(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch(FAST)
    wait_for(lambda: desktop.tray_holds("movebreak"), "the icon in the tray")
    second = subprocess.run(
        [str(Path(sys.executable).with_name("movebreak"))],
        env=app.env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert second.returncode == 0
    assert "already running" in second.stdout
    trees = [
        desktop.run("xwininfo", "-tree", "-id", window)
        for window in desktop.run("xdotool", "search", "--class", "trayer").split()
    ]
    assert sum(tree.count('("movebreak" "movebreak")') for tree in trees) == 1
    assert app.quit() == 0


def test_the_cli_says_when_no_app_runs(desktop: Desktop, tmp_path: Path) -> None:
    env = desktop.env | {"XDG_RUNTIME_DIR": str(tmp_path)}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("movebreak")), "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "movebreak is not running."


def is_active(desktop: Desktop, window: str) -> bool:
    return desktop.run("xdotool", "getactivewindow").strip() == window


def prompt_window(desktop: Desktop) -> str:
    return desktop.run("xdotool", "search", "--onlyvisible", "--name", PROMPT_TITLE).split()[0]


def test_a_click_into_the_prompt_then_its_keys_snooze_to_the_limit(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nsnooze = "3s"\nnatural_break = "2m"\n')
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    for round_ in range(3):
        if round_ == 0:
            assert app.cli("break-now").returncode == 0
        desktop.run("xdotool", "mousemove", "20", "20")  # present, not typing
        wait_for(lambda: prompt_visible(desktop), f"prompt {round_ + 1}", 20)
        window = prompt_window(desktop)
        left, top, _, _ = window_box(desktop, window)
        # A real click on the exercise text, then the real key N (snooze). The click waits
        # until the prompt has settled: one in its first half second is not an answer.
        time.sleep(SETTLE)
        desktop.run("xdotool", "mousemove", str(left + 200), str(top + 60), "click", "1")
        wait_for(partial(is_active, desktop, window), "the click to focus the prompt", 10)
        time.sleep(SETTLE)  # the click started it: keys count once the buttons settle
        desktop.run("xdotool", "key", "n")
        if round_ < 2:
            wait_for(lambda: not prompt_visible(desktop), "the prompt to hide", 10)
    status = json.loads(app.cli("status", "--json").stdout)
    assert status["state"] == "prompting"  # the third N does nothing: no snoozes left
    assert status["snoozes_left"] == 0
    desktop.screenshot("no-snoozes-left")
    desktop.run("xdotool", "key", "d")  # Done still works, then asks how it was
    wait_for(lambda: json.loads(app.cli("status", "--json").stdout)["state"] != "prompting", "Done")
    desktop.run("xdotool", "key", "Escape")  # the question is optional
    wait_for(lambda: not prompt_visible(desktop), "the prompt to close")
    outcomes = [
        row[0] for row in sqlite3.connect(journal).execute("SELECT outcome FROM prompt ORDER BY id")
    ]
    assert outcomes == ["snoozed", "snoozed", "done"]
    assert app.quit() == 0


def test_a_killed_app_loses_no_recorded_event(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\n')
    for outcome in ("skip", "done"):
        assert app.cli("break-now").returncode == 0
        assert app.cli(outcome).returncode == 0
    app.process.kill()  # SIGKILL: no chance to clean up
    app.process.communicate(timeout=10)
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    connection = sqlite3.connect(journal)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = connection.execute("SELECT outcome FROM prompt ORDER BY id").fetchall()
    assert rows == [("skipped",), ("done",)]
    connection.close()
    again = launch('[breaks]\nsitting_limit = "1h"\n')  # the stale socket is replaced
    assert json.loads(again.cli("status", "--json").stdout)["state"] in ("seated", "away")
    assert again.quit() == 0


def window_box(desktop: Desktop, window: str) -> tuple[int, int, int, int]:
    """Left, top, width, height of a window's client area on screen.

    From xwininfo: xdotool's getwindowgeometry is off by the frame under some window managers.
    """
    info = desktop.run("xwininfo", "-id", window)
    values = {
        key.strip(): int(value)
        for key, _, value in (line.partition(":") for line in info.splitlines())
        if key.strip() in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
    }
    return (
        values["Absolute upper-left X"],
        values["Absolute upper-left Y"],
        values["Width"],
        values["Height"],
    )


def click_button(desktop: Desktop, window: str, position: int, *, times: int = 1) -> None:
    """Click the ``position``-th button (0-based) of the prompt's bottom row, for real.

    The row starts at the window's left margin (18 px) with buttons at least 80 px wide and
    6 px apart, so a point 20 px into each 86 px slot lands on that button. The row is
    Start, Done, Snooze, Skip, and stays so once started (Start becomes "Started").
    ``times=2`` is a double-click: two clicks 80 ms apart, as a hand makes them.
    """
    left, top, _, height = window_box(desktop, window)
    x = left + 18 + 86 * position + 20
    y = top + height - 14 - 12
    desktop.run("xdotool", "mousemove", str(x), str(y))
    desktop.run("xdotool", "click", "--repeat", str(times), "--delay", "80", "1")


SETTLE = 0.6  # the prompt ignores clicks for 0.5 s after its buttons change


def test_real_clicks_on_start_done_and_snooze(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\n')
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    window = prompt_window(desktop)
    time.sleep(SETTLE)
    click_button(desktop, window, 0)  # Start: the countdown begins, Start says "Started"
    time.sleep(2)
    click_button(desktop, window, 1)  # Done, where it always was
    wait_for(lambda: json.loads(app.cli("status", "--json").stdout)["state"] != "prompting", "Done")
    time.sleep(SETTLE)
    click_button(desktop, window, 0)  # "How was it?": Easy
    wait_for(lambda: not prompt_visible(desktop), "the rating to close the prompt")
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the second prompt")
    window = prompt_window(desktop)
    time.sleep(SETTLE)
    click_button(desktop, window, 0)  # Start
    time.sleep(SETTLE)
    click_button(desktop, window, 2)  # Snooze, right of Done
    wait_for(lambda: not prompt_visible(desktop), "Snooze to hide the prompt")
    assert json.loads(app.cli("status", "--json").stdout)["state"] == "snoozed"
    rows = (
        sqlite3.connect(journal)
        .execute("SELECT outcome, moved_seconds, rating FROM prompt ORDER BY id")
        .fetchall()
    )
    assert [(outcome, rating) for outcome, _, rating in rows] == [
        ("done", "easy"),
        ("snoozed", None),
    ]
    assert rows[0][1] >= 2  # moved from Start to Done
    assert app.quit() == 0


def test_stats_show_the_movement_minutes_afterwards(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\n')
    assert app.cli("break-now").returncode == 0
    exercise = json.loads(app.cli("status", "--json").stdout)["prompt"]["exercise_id"]
    time.sleep(7)  # doing it
    assert app.cli("done").returncode == 0
    assert app.cli("log", "12m", "walk").returncode == 0
    stats = json.loads(app.cli("stats", "--json").stdout)
    library = json.loads(app.cli("exercises", "--json").stdout)
    counts = next(e for e in library if e["id"] == exercise)["counts_as"]
    moved = 0.1 if "movement_minutes" in counts else 0.0  # 7 s, rounded to a tenth
    assert stats["movement_minutes"] == 12 + moved
    assert stats["prompts"]["done"] == 1
    assert app.quit() == 0


def test_a_real_click_on_skip(desktop: Desktop, launch: Callable[[str], RunningApp]) -> None:
    # With no snoozes allowed the row is Start, Done, Skip: fixed slots for the clicks.
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\nmax_snoozes = 0\n')
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    window = prompt_window(desktop)
    time.sleep(SETTLE)
    click_button(desktop, window, 0)  # Start ("Started" from now on), Done, Skip
    time.sleep(SETTLE)
    click_button(desktop, window, 2)  # Skip
    wait_for(lambda: not prompt_visible(desktop), "Skip to close the prompt")
    rows = sqlite3.connect(journal).execute("SELECT outcome FROM prompt").fetchall()
    assert rows == [("skipped",)]
    assert json.loads(app.cli("status", "--json").stdout)["next_prompt_in_seconds"] > 3500
    assert app.quit() == 0


def journal_rows(app: RunningApp) -> list[tuple[str, int]]:
    journal = app.home / "data" / "movebreak" / "journal.sqlite3"
    if not journal.exists():
        return []
    with sqlite3.connect(journal) as connection:
        return connection.execute("SELECT outcome, moved_seconds FROM prompt").fetchall()


def test_a_double_click_on_start_records_no_done(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\n')
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    window = prompt_window(desktop)
    time.sleep(SETTLE)  # the user sees it, then double-clicks Start
    click_button(desktop, window, 0, times=2)
    time.sleep(1)  # anything the second click did has been recorded by now
    desktop.screenshot("double-click-on-start")
    status = json.loads(app.cli("status", "--json").stdout)
    assert status["state"] == "prompting"  # started, still open
    assert journal_rows(app) == []  # no Done: the user has not done anything yet
    assert status["breaks_today"] == 0
    time.sleep(2)
    click_button(desktop, window, 1)  # the real Done, seconds later
    wait_for(lambda: journal_rows(app) != [], "Done to be recorded")
    [(outcome, moved)] = journal_rows(app)
    assert outcome == "done"
    assert moved >= 2
    assert app.quit() == 0


def test_the_prompt_keeps_its_bottom_edge_and_offers_no_maximise(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\n')
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    window = prompt_window(desktop)
    allowed = desktop.run("xprop", "-id", window, "_NET_WM_ALLOWED_ACTIONS")
    assert "_NET_WM_ACTION_CLOSE" in allowed  # the window manager answered
    assert "MAXIMIZE" not in allowed
    assert "RESIZE" not in allowed
    # Motif hints: no minimise (8) or maximise (16) function asked for. Openbox still offers
    # minimise (it lets no hint remove a button); most window managers follow the hints.
    motif = desktop.run("xprop", "-id", window, "_MOTIF_WM_HINTS").split("=")[1].split(",")
    assert int(motif[1], 16) & (8 | 16) == 0
    left, top, width, height = window_box(desktop, window)
    time.sleep(SETTLE)
    click_button(desktop, window, 0)  # Start
    time.sleep(SETTLE)
    click_button(desktop, window, 1)  # Done: "How was it?" is shorter
    wait_for(lambda: window_box(desktop, window)[3] < height, "the prompt to shrink")
    time.sleep(0.5)
    desktop.screenshot("after-done-keeps-bottom-edge")
    after = window_box(desktop, window)
    assert after[1] + after[3] == top + height  # the bottom edge stays where it was
    assert after[0] + after[2] == left + width  # and the right edge
    assert app.quit() == 0


def test_the_title_bar_close_skips_and_quitting_records_nothing(
    desktop: Desktop, launch: Callable[[str], RunningApp]
) -> None:
    app = launch('[breaks]\nsitting_limit = "1h"\nnatural_break = "2m"\n')
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    window = prompt_window(desktop)
    desktop.run("xdotool", "windowactivate", "--sync", window)
    desktop.run("xdotool", "key", "alt+F4")  # the window manager's close
    wait_for(lambda: not prompt_visible(desktop), "the close to hide the prompt", 10)
    assert journal_rows(app) == [("skipped", 0)]
    assert json.loads(app.cli("status", "--json").stdout)["state"] != "prompting"
    # A prompt open when the app is told to quit: it quits at once and records nothing.
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the second prompt")
    assert app.quit() == 0
    assert journal_rows(app) == [("skipped", 0)]
