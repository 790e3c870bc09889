"""What the Wayland idle source costs, on a real headless sway 1.7.

Launches the installed ``movebreak`` as a native Wayland client (tests/e2e/compositors.py
starts sway and gives the app its own bus and profile), then reports: resident memory 10 s
after start with ``source = "auto"`` (wayland-idle) against ``source = "none"``, and the
app's CPU time while wtype types continuously (the compositor's idle protocol sends no
event per key: only "idled" and "resumed"). A benchmark reports; it never fails.

    python benchmarks/wayland_cost.py [--runs 3] [--characters 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.e2e.compositors

from tests.e2e import compositors
from tests.e2e.compositors import Compositor, launch_on, private_bus


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss(sway: Compositor, source: str) -> float:
    with tempfile.TemporaryDirectory() as folder, private_bus(Path(folder)) as bus:
        config = f'[activity]\nsource = "{source}"\n'
        with launch_on(sway, Path(folder) / "home", bus, config) as app:
            time.sleep(10)
            rss = _rss_mb(app.process.pid)
            app.quit()
    return rss


def _typing_cpu(sway: Compositor, characters: int) -> tuple[float, float, float]:
    """(seconds typed, app CPU-s while typing, app CPU-s for as long without input)."""
    text = ("abcdefghij" * (characters // 10 + 1))[:characters]
    with (
        tempfile.TemporaryDirectory() as folder,
        private_bus(Path(folder)) as bus,
        launch_on(sway, Path(folder) / "home", bus, "") as app,
    ):
        pid = app.process.pid
        time.sleep(5)
        before, started = _cpu_seconds(pid), time.monotonic()
        sway.run("wtype", "-d", "5", text, timeout=600)
        typed, during = time.monotonic() - started, _cpu_seconds(pid)
        time.sleep(typed)
        idle = _cpu_seconds(pid) - during
        app.quit()
    return typed, during - before, idle


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--characters", type=int, default=1000)
    options = parser.parse_args()
    with compositors.sway() as sway:
        print(sway.name)
        for source in ("auto", "none"):
            figures = [_rss(sway, source) for _ in range(options.runs)]
            print(
                f"RSS after 10 s, source={source}: {statistics.median(figures):.1f} MB "
                f"({min(figures):.1f}-{max(figures):.1f})"
            )
        for _ in range(options.runs):
            typed, cpu, idle = _typing_cpu(sway, options.characters)
            events = 2 * options.characters
            print(
                f"{events} key events in {typed:.1f} s: app CPU {cpu:.3f} s "
                f"(same time without input {idle:.3f} s; clock tick 0.01 s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
