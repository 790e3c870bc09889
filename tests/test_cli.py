"""The command as a user runs it: informational options need no display and no Qt."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from movebreak import __version__
from tests.waiting import wait_for


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    return subprocess.run(
        [sys.executable, "-m", "movebreak", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=base | (env or {}),
        check=False,
    )


def test_version_works_without_a_display() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"movebreak {__version__}")


def test_help_describes_the_app_without_loading_qt() -> None:
    result = run("--help", env={"PYTHONVERBOSE": "1"})
    assert result.returncode == 0
    assert "never what" in result.stdout
    assert "--data-dir" in result.stdout
    assert "import 'PySide6" not in result.stderr
    assert "import 'pynput" not in result.stderr


def test_a_bad_option_is_refused_clearly() -> None:
    result = run("--sitting-forever")
    assert result.returncode == 2
    assert "unrecognized arguments: --sitting-forever" in result.stderr


@pytest.mark.parametrize("attempt", range(3))
def test_the_app_quits_with_status_0_on_sigterm(tmp_path: Path, attempt: int) -> None:
    """Offscreen there is no tray and no input to watch: it must still run and quit cleanly."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    log = tmp_path / "log" / "movebreak.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "movebreak", "--data-dir", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(
            lambda: log.exists() and "app.ready" in log.read_text(encoding="utf-8"),
            "the app to start",
        )
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, output
    text = log.read_text(encoding="utf-8")
    assert "activity_source=none (wayland-idle: not a Wayland session" in text
    assert "x11-idle: no X11 display" in text
    assert "app.quit status=0" in text
    assert (tmp_path / "config" / "config.toml").exists()


def test_commands_say_when_no_app_runs(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "status", "--json")
    assert result.returncode == 1
    assert result.stderr.strip() == "movebreak is not running."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pause"], "pause takes a DURATION or --until-tomorrow"),
        (["pause", "soon"], "pause: 'soon' is not a duration"),
        (["pause", "30m", "--until-tomorrow"], "pause takes a DURATION or --until-tomorrow"),
        (["posture", "lying"], "invalid choice: 'lying'"),
    ],
)
def test_bad_command_arguments_are_explained(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_exercises_lists_the_library_with_filters(tmp_path: Path) -> None:
    everything = run("--data-dir", str(tmp_path), "exercises")
    assert everything.returncode == 0
    assert "not medical advice" in everything.stdout
    seated = run("--data-dir", str(tmp_path), "exercises", "--position", "seated", "--json")
    rows = json.loads(seated.stdout)
    assert rows
    assert {row["position"] for row in rows} == {"seated"}
    assert set(rows[0]) >= {"id", "title", "steps", "dose", "focus_areas", "intensity"}
    neck = json.loads(
        run("--data-dir", str(tmp_path), "exercises", "--focus", "neck", "--json").stdout
    )
    assert neck
    assert all("neck" in row["focus_areas"] for row in neck)


def test_a_users_exercise_file_is_checked_line_by_line(tmp_path: Path) -> None:
    mine = tmp_path / "exercises.toml"
    mine.write_text(
        """
[[exercise]]
id = "stair-dash"
title = "Stair dash"
summary = "Up one flight and back."
steps = ["Walk up one flight.", "Walk down carefully."]
dose = { kind = "duration", value = 1, unit = "min" }
est_seconds = 60
position = "walking"
space = "stairs"
equipment = ["stairs"]
focus_areas = ["thighs"]
intensity = 5
activity_class = "moderate"
counts_as = ["movement_minutes"]
animation = ["stairs_up_a", "stairs_up_b"]
""",
        encoding="utf-8",
    )
    result = run("exercises", "check", str(mine))
    assert result.returncode == 1
    assert f"{mine}, line 13, exercise[1] (stair-dash).intensity: left out: must be 1, 2 or 3" in (
        result.stdout
    )
    mine.write_text(mine.read_text().replace("intensity = 5", "intensity = 2"))
    fixed = run("exercises", "check", str(mine))
    assert fixed.returncode == 0, fixed.stdout
    assert "1 exercises, all valid" in fixed.stdout


def test_a_broken_user_file_does_not_stop_the_listing(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "exercises.toml").write_text("[[exercise]]\nid = 3\n")
    result = run("--data-dir", str(tmp_path), "exercises", "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) >= 40
    assert "exercise[1]" in result.stderr


def test_log_stats_and_export_work_without_the_app(tmp_path: Path) -> None:
    empty = json.loads(run("--data-dir", str(tmp_path), "stats", "--json").stdout)
    assert empty["movement_minutes"] == 0
    assert set(empty) >= {
        "date",
        "movement_minutes",
        "goal_minutes",
        "breaks",
        "away_minutes",
        "seated_minutes",
        "standing_minutes",
        "longest_seated_minutes",
        "prompts",
    }
    logged = run("--data-dir", str(tmp_path), "log", "15m", "walk", "to", "the", "park")
    assert logged.returncode == 0
    assert "Logged 15 min of walk to the park" in logged.stdout
    today = json.loads(run("--data-dir", str(tmp_path), "stats", "--json").stdout)
    assert today["movement_minutes"] == 15
    week = json.loads(run("--data-dir", str(tmp_path), "stats", "--week", "--json").stdout)
    assert len(week["days"]) == 7
    assert week["movement_minutes"] == 15
    exported = json.loads(run("--data-dir", str(tmp_path), "export", "--format", "json").stdout)
    assert [(e["type"], e["name"]) for e in exported] == [("activity", "walk to the park")]
    csv_text = run("--data-dir", str(tmp_path), "export").stdout
    assert csv_text.splitlines()[0].startswith("type,start,end")
    bad = run("--data-dir", str(tmp_path), "log", "a while")
    assert bad.returncode == 2
    assert "log: 'a while' is not a duration" in bad.stderr


def test_the_back_checkin_from_the_command_line_shows_in_stats_and_export(
    tmp_path: Path,
) -> None:
    assert json.loads(run("--data-dir", str(tmp_path), "stats", "--json").stdout)["back"] is None
    first = run("--data-dir", str(tmp_path), "checkin", "6")
    assert first.returncode == 0
    assert "6 of 10" in first.stdout
    assert run("--data-dir", str(tmp_path), "checkin", "3").returncode == 0  # changed my mind
    assert json.loads(run("--data-dir", str(tmp_path), "stats", "--json").stdout)["back"] == 3
    exported = json.loads(run("--data-dir", str(tmp_path), "export", "--format", "json").stdout)
    assert [(e["type"], e["score"]) for e in exported] == [("checkin", 3)]
    bad = run("--data-dir", str(tmp_path), "checkin", "11")
    assert bad.returncode == 2
    assert "'11' is not a whole number from 0 to 10" in bad.stderr


def test_a_damaged_journal_is_reported_and_left_alone_by_the_command_line(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "data" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"not a database at all" * 100)
    for args in (["log", "5m"], ["checkin", "3"], ["stats"]):
        result = run("--data-dir", str(tmp_path), *args)
        assert result.returncode == 1, args
        assert str(journal) in result.stderr
        assert "Traceback" not in result.stderr
    assert journal.read_bytes() == b"not a database at all" * 100


def test_only_a_start_keeps_the_signal_handlers_of_the_command_line() -> None:
    """Commands and --help leave SIGTERM and SIGINT as they found them (Ctrl+C works)."""
    from movebreak.cli.main import main

    before = (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
    with pytest.raises(SystemExit):
        main(["--version"])
    assert main(["--data-dir", "/nonexistent/movebreak-test", "status"]) == 1
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
