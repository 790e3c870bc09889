"""How fast the journal answers with five years of history.

Generates five years of workdays into a fresh journal (14 prompts, 6 breaks, 12 stretches
and a logged walk a day), then times ``movebreak stats`` for a day and a month as a user
runs it (a new process each time), and, in-process and offscreen, opening the review
window and replaying the progression level. Prints a table and writes JSON.

    python benchmarks/journal_speed.py [--years 5] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def generate(path: Path, years: int) -> int:
    """Fill a journal with ``years`` of workdays; returns the number of rows."""
    from movebreak.adapters.journal import SqliteJournal

    SqliteJournal.open(path).close()  # create and migrate
    now = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    prompts, breaks, stretches, activities = [], [], [], []
    exercises = ["walk-lap", "calf-raise", "march-in-place", "chin-tuck", "hip-circles"]
    outcomes = ["done", "done", "done", "snoozed", "skipped"]
    for day in range(365 * years):
        start = now - timedelta(days=day)
        if start.weekday() >= 5:
            continue
        base = int(start.timestamp())
        for n in range(14):
            shown = base + n * 1800
            outcome = outcomes[(day + n) % len(outcomes)]
            moved = 120 if outcome == "done" else 0
            prompts.append(
                (
                    shown,
                    shown + 150,
                    exercises[(day + n) % 5],
                    outcome,
                    moved,
                    "ok" if outcome == "done" and n % 3 == 0 else None,
                )
            )
        for n in range(6):
            breaks.append((base + 3000 + n * 4000, base + 3400 + n * 4000))
        for n in range(12):
            posture = "standing" if n % 4 == 3 else "seated"
            stretches.append((base + n * 2400, base + n * 2400 + 2000, posture))
        activities.append((base + 43200, 900, "walk"))
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO prompt (shown_at, resolved_at, exercise_id, outcome, moved_seconds,"
            " rating) VALUES (?, ?, ?, ?, ?, ?)",
            prompts,
        )
        connection.executemany(
            "INSERT INTO natural_break (started_at, ended_at) VALUES (?, ?)", breaks
        )
        connection.executemany(
            "INSERT INTO stretch (started_at, ended_at, posture) VALUES (?, ?, ?)", stretches
        )
        connection.executemany(
            "INSERT INTO activity (started_at, seconds, name) VALUES (?, ?, ?)", activities
        )
    connection.close()
    return len(prompts) + len(breaks) + len(stretches) + len(activities)


def time_command(args: list[str], runs: int) -> list[float]:
    """Wall seconds of ``movebreak ARGS`` as a new process, ``runs`` times."""
    command = [sys.executable, "-m", "movebreak", *args]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def time_in_process(root: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds to open the review window, and to replay the progression level."""
    from PySide6.QtWidgets import QApplication

    from movebreak.adapters.journal import SqliteJournal
    from movebreak.adapters.paths import AppPaths
    from movebreak.adapters.system_clock import LocalTimezone
    from movebreak.app.application import MovebreakApp
    from movebreak.core.progression import level
    from movebreak.core.settings import Settings

    class Still:
        name = "none"

        def start(self) -> str | None:
            return "benchmark"

        def idle(self) -> timedelta | None:
            return None

        def stop(self) -> None:
            pass

    qt = QApplication.instance() or QApplication([])
    paths = AppPaths.under(root)
    journal = SqliteJournal.open(paths.journal_file)
    app = MovebreakApp(
        Settings(), [], source=Still(), journal=journal, paths=paths, busy=lambda: None
    )
    review, replay = [], []
    for _ in range(runs):
        started = time.perf_counter()
        window = app.open_review()
        window.grab()  # painted, as the user sees it
        review.append(time.perf_counter() - started)
        started = time.perf_counter()
        level(journal.history(), datetime.now(UTC).date(), LocalTimezone())
        replay.append(time.perf_counter() - started)
    app.stop()
    journal.close()
    assert qt is not None
    return review, replay


def main() -> int:
    """Generate, measure, print, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/journal_speed.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        rows = generate(root / "data" / "journal.sqlite3", args.years)
        figures = {
            "stats_day_s": time_command(["--data-dir", str(root), "stats", "--json"], args.runs),
            "stats_month_s": time_command(
                ["--data-dir", str(root), "stats", "--month", "--json"], args.runs
            ),
        }
        figures["review_window_s"], figures["progression_replay_s"] = time_in_process(
            root, args.runs
        )
    print(f"{rows} journal rows ({args.years} years of workdays); median (min-max) of {args.runs}")
    for name, values in figures.items():
        print(
            f"{name:24} {statistics.median(values) * 1000:8.0f} ms "
            f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"
        )
    args.json.write_text(json.dumps({"rows": rows, **figures}, indent=2))
    os._exit(0)  # skip interpreter teardown of Qt objects: the figures are written


if __name__ == "__main__":
    raise SystemExit(main())
