"""What watching input costs: the app's own CPU while idle and per 10,000 mouse motions.

Starts its own desktop (_desktop.py: Xvfb, openbox, trayer, private D-Bus), launches the
installed ``movebreak`` with an isolated profile for each activity source, drives the
pointer with xdotool as fast as it goes, and reads the app's CPU time from its CPU clock.
Prints a table and writes JSON. A benchmark reports; it never fails on a number.
benchmarks/suite.py measures the same and more, at set event rates.

    python benchmarks/input_cost.py [--idle-seconds 60] [--motions 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from _desktop import (
    Desktop,
    Started,
    cpu_seconds,
    log_says,
    movebreak_command,
    movebreak_log,
    profile_env,
    rss_mb,
    wait_until,
    write_movebreak_config,
)


def launch(source: str, desktop: Desktop) -> tuple[Started, Path]:
    """Start movebreak with its own profile, watching input with ``source``."""
    home = Path(tempfile.mkdtemp(dir=desktop.root))
    write_movebreak_config(home, f'[activity]\nsource = "{source}"\n')
    app = desktop.start(movebreak_command(), profile_env(desktop.env, home), home / "output.txt")
    log = movebreak_log(home)
    wait_until(lambda: log_says(log, "app.ready"), f"movebreak to start with source {source}")
    return app, log


def measure(source: str, desktop: Desktop, idle: float, count: int) -> dict[str, float]:
    """One run: idle CPU, CPU per motions, RSS."""
    app, log = launch(source, desktop)
    try:
        time.sleep(2)
        before = cpu_seconds(app.pid)
        time.sleep(idle)
        idle_cpu = cpu_seconds(app.pid) - before
        before = cpu_seconds(app.pid)
        rate = desktop.drive("motion", count, None)
        time.sleep(1)
        busy_cpu = cpu_seconds(app.pid) - before
        chosen = log.read_text().split("activity_source=", 1)[1].split()[0]
        return {
            "idle_cpu_s_per_min": idle_cpu * 60 / idle,
            "cpu_s_per_10k_motions": busy_cpu * 10_000 / count,
            "motions_per_s": rate,
            "rss_mb": rss_mb(app.pid),
            "source_ok": float(chosen == source),
        }
    finally:
        app.stop()


def main() -> int:
    """Measure each source, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--motions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sources", default="x11-idle,pynput")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/input_cost.json"))
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as temporary, Desktop.running(Path(temporary)) as desktop:
        desktop.park_pointer()
        for source in args.sources.split(","):
            runs = [
                measure(source, desktop, args.idle_seconds, args.motions) for _ in range(args.runs)
            ]
            results[source] = {key: [run[key] for run in runs] for key in runs[0]}
    header = ("source", "CPU-s/10k motions", "idle CPU-s/min", "RSS MB", "motions/s")
    print(f"{header[0]:10} {header[1]:>20} {header[2]:>16} {header[3]:>8} {header[4]:>10}")
    for source, figures in results.items():

        def cell(key: str, digits: int, figures: dict[str, list[float]] = figures) -> str:
            values = figures[key]
            return (
                f"{statistics.median(values):.{digits}f} "
                f"({min(values):.{digits}f}-{max(values):.{digits}f})"
            )

        print(
            f"{source:10} {cell('cpu_s_per_10k_motions', 3):>20} "
            f"{cell('idle_cpu_s_per_min', 3):>16} {statistics.median(figures['rss_mb']):8.1f} "
            f"{statistics.median(figures['motions_per_s']):10.0f}"
        )
    args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
