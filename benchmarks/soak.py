"""A real-time soak: the installed app for N minutes under Xvfb with continuous input.

Opt-in (it takes as long as you ask, 30 minutes by default), not a test: it reports and
fails nothing. Every few seconds xdotool moves the pointer and types; short limits make
prompts come every few minutes, answered in turn with done, snooze and skip through the
control CLI; a pause and a resume come by too. It samples the app's RSS every minute and
reads its log at the end. The issue's bar: RSS growth under 2 MB after settling, no
exception in the log.

    python benchmarks/soak.py [--minutes 30] [--source auto|pynput] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _desktop import (  # a sibling script, not a package
    Desktop,
    movebreak_command,
    movebreak_log,
    process_tree,
    profile_env,
    rss_mb,
    wait_until,
    write_movebreak_config,
)

CONFIG = """\
version = 1
[breaks]
sitting_limit = "2m"
natural_break = "1m"
snooze = "1m"
typing_pause = "2s"
typing_grace = "10s"
[activity]
source = "{source}"
"""
SETTLE_MINUTES = 3  # caches warm, the first prompts shown, the review opened once
ANSWERS = ("done", "snooze", "skip")


def soak(minutes: float, source: str) -> dict[str, object]:
    """Run the soak; the figures as a dict."""
    with tempfile.TemporaryDirectory(prefix="movebreak-soak-") as folder:
        root = Path(folder)
        with Desktop.running(root) as desktop:
            home = root / "user"
            write_movebreak_config(home, CONFIG.format(source=source))
            env = profile_env(desktop.env, home)
            app = desktop.start(movebreak_command(), env, root / "app.out")
            log = movebreak_log(home)
            wait_until(lambda: log.exists() and "app.ready" in log.read_text(), "app.ready")
            samples: list[tuple[float, float]] = []
            started = time.monotonic()
            next_sample = started
            answered = prompts_seen = 0
            answer_index = 0
            settled_maps: dict[str, int] | None = None
            end_maps: dict[str, int] | None = None
            try:
                while time.monotonic() - started < minutes * 60:
                    desktop.drive("motion", 40, 200.0)
                    desktop.drive("key", 10, 50.0)
                    status = _cli(env, "status", "--json")
                    if status and json.loads(status).get("state") == "prompting":
                        prompts_seen += 1
                        if _cli(env, ANSWERS[answer_index % len(ANSWERS)]) is not None:
                            answered += 1
                        answer_index += 1
                    if answer_index and answer_index % 25 == 0:
                        _cli(env, "pause", "20s")
                    if time.monotonic() >= next_sample:
                        pids = process_tree(app.pid)
                        elapsed = (time.monotonic() - started) / 60
                        samples.append((round(elapsed, 2), round(sum(map(rss_mb, pids)), 2)))
                        if settled_maps is None and elapsed >= SETTLE_MINUTES:
                            settled_maps = rss_by_mapping(app.pid)
                        elif settled_maps is not None:
                            end_maps = rss_by_mapping(app.pid)
                        next_sample += 60
                    time.sleep(2)
            finally:
                code = app.stop()
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    settled = [rss for at, rss in samples if at >= SETTLE_MINUTES] or [s[1] for s in samples]
    return {
        "date": datetime.now(UTC).date().isoformat(),
        "minutes": minutes,
        "activity_source": source,
        "rss_mb_by_minute": samples,
        "rss_settled_mb": settled[0] if settled else None,
        "rss_end_mb": settled[-1] if settled else None,
        "rss_growth_mb": round(settled[-1] - settled[0], 2) if settled else None,
        "rss_growth_by_mapping_kb": _growth(settled_maps, end_maps),
        "prompts_seen": prompts_seen,
        "prompts_answered": answered,
        "exit_status": code,
        "log_tracebacks": text.count("Traceback"),
        "log_errors": sum(1 for line in text.splitlines() if " ERROR " in line),
        "log_critical": sum(1 for line in text.splitlines() if " CRITICAL " in line),
    }


def rss_by_mapping(pid: int) -> dict[str, int]:
    """Resident kB of process ``pid`` per mapping: a file, [heap], [stack] or anonymous.

    Where RSS grows tells a leak in Python's heap (anonymous arenas, [heap]) from a library's
    own allocations or pages of a mapped file read in late.
    """
    totals: dict[str, int] = {}
    name = "?"
    try:
        text = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return totals
    for line in text.splitlines():
        first, _, rest = line.partition(" ")
        if "-" in first and not first.endswith(":"):
            fields = rest.split()
            name = fields[4] if len(fields) > 4 else "[anonymous]"
        elif first == "Rss:":
            totals[name] = totals.get(name, 0) + int(rest.split()[0])
    return totals


def _growth(before: dict[str, int] | None, after: dict[str, int] | None) -> dict[str, int]:
    """The mappings whose resident size changed most between two samples, in kB."""
    if not before or not after:
        return {}
    change = {name: after.get(name, 0) - before.get(name, 0) for name in before | after}
    biggest = sorted(change.items(), key=lambda item: -abs(item[1]))[:10]
    return {name: kb for name, kb in biggest if kb}


def _cli(env: dict[str, str], *args: str) -> str | None:
    """Run ``movebreak ARGS`` against the soaking app; its output, or None if refused."""
    result = subprocess.run(
        [*movebreak_command(), *args], env=env, capture_output=True, text=True, timeout=30
    )
    return result.stdout if result.returncode == 0 else None


def main() -> None:
    """Parse options, soak, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--source", default="auto", choices=["auto", "pynput"])
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("soak.json"))
    options = parser.parse_args()
    figures = soak(options.minutes, options.source)
    print(json.dumps(figures, indent=1))
    options.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    growth = figures["rss_growth_mb"]
    print(
        f"RSS growth after settling: {growth} MB (bar: < 2 MB); "
        f"tracebacks in the log: {figures['log_tracebacks']}; exit status {figures['exit_status']}"
    )


if __name__ == "__main__":
    main()
