"""What watching input costs: the app's own CPU while idle and per 10,000 mouse motions.

Starts its own Xvfb and session bus, launches the installed ``movebreak`` with an isolated
profile for each activity source, drives the pointer with xdotool, and reads the app's CPU
time from /proc. Prints a table and writes JSON. A benchmark reports; it never fails on a
number.

    python benchmarks/input_cost.py [--idle-seconds 60] [--motions 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid``, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_desktop(env: dict[str, str], root: Path) -> list[subprocess.Popen[bytes]]:
    """Xvfb with the RECORD and MIT-SCREEN-SAVER extensions and a private session bus."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "+extension",
            "RECORD",
            "+extension",
            "MIT-SCREEN-SAVER",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        env["DISPLAY"] = ":" + pipe.readline().strip()
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={root / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    bus.stdout.close()
    return [xvfb, bus]  # type: ignore[list-item]  # one text, one binary pipe


def launch(source: str, env: dict[str, str], root: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """Start movebreak with its own profile, watching input with ``source``."""
    home = Path(tempfile.mkdtemp(dir=root))
    config = home / "config" / "movebreak"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'[activity]\nsource = "{source}"\n')
    app_env = env | {
        f"XDG_{kind}_HOME": str(home / kind.lower())
        for kind in ("CONFIG", "DATA", "STATE", "CACHE")
    }
    app_env["XDG_RUNTIME_DIR"] = str(home / "run")
    (home / "run").mkdir(mode=0o700)
    command = shutil.which("movebreak") or str(Path(sys.executable).with_name("movebreak"))
    process = subprocess.Popen(
        [command], env=app_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    log = home / "state" / "movebreak" / "log" / "movebreak.log"
    deadline = time.monotonic() + 30
    while not (log.exists() and "app.ready" in log.read_text()):
        if time.monotonic() > deadline:
            raise SystemExit(f"movebreak did not start with source {source}")
        time.sleep(0.05)
    return process, log


def motions(env: dict[str, str], count: int) -> float:
    """Move the pointer ``count`` times with xdotool; returns motions per second."""
    args: list[str] = []
    for i in range(count):
        args += ["mousemove", str(100 + i % 500), str(100 + (i * 7) % 400)]
    started = time.monotonic()
    for chunk in range(0, len(args), 3000):
        subprocess.run(["xdotool", *args[chunk : chunk + 3000]], env=env, check=True)
    return count / (time.monotonic() - started)


def measure(
    source: str, env: dict[str, str], root: Path, idle: float, count: int
) -> dict[str, float]:
    """One run: idle CPU, CPU per motions, RSS."""
    process, log = launch(source, env, root)
    try:
        time.sleep(2)
        before = cpu_seconds(process.pid)
        time.sleep(idle)
        idle_cpu = cpu_seconds(process.pid) - before
        before = cpu_seconds(process.pid)
        rate = motions(env, count)
        time.sleep(1)
        busy_cpu = cpu_seconds(process.pid) - before
        chosen = log.read_text().split("activity_source=", 1)[1].split()[0]
        return {
            "idle_cpu_s_per_min": idle_cpu * 60 / idle,
            "cpu_s_per_10k_motions": busy_cpu * 10_000 / count,
            "motions_per_s": rate,
            "rss_mb": rss_mb(process.pid),
            "source_ok": float(chosen == source),
        }
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> int:
    """Measure each source, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--motions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sources", default="x11-idle,pynput")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/input_cost.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
        env["XDG_SESSION_TYPE"] = "x11"
        desktop = start_desktop(env, root)
        results: dict[str, dict[str, list[float]]] = {}
        try:
            for source in args.sources.split(","):
                runs = [
                    measure(source, env, root, args.idle_seconds, args.motions)
                    for _ in range(args.runs)
                ]
                results[source] = {key: [run[key] for run in runs] for key in runs[0]}
        finally:
            for process in desktop:
                process.terminate()
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
