"""How fast the merged review and stats are with several computers' history.

Generates five years of workdays (as ``journal_speed.py`` does) for each of three devices:
device A is this profile's own journal, B and C share theirs through the folder (each of
their journals written to it month by month, as their apps would). Then times, with
``[sync] folder`` set, ``movebreak stats`` for a day and for a month as a user runs it (a
new process each time) and, in-process and offscreen, opening and painting the review
window, which merges every device's last two months. Prints a table and writes JSON.

    python benchmarks/sync_speed.py [--years 5] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from journal_speed import generate, time_command


def share_devices(root: Path, folder: Path, years: int) -> int:
    """Journals of devices B and C, written into ``folder`` as their apps would."""
    from movebreak.adapters.journal import SqliteJournal
    from movebreak.adapters.sync_folder import SyncFolder
    from movebreak.app.shared_journal import Sharer

    rows = 0
    for device in ("device-b", "device-c"):
        path = root / device / "journal.sqlite3"
        rows += generate(path, years)
        journal = SqliteJournal.open(path)
        Sharer(SyncFolder(folder, device, device), journal).share(datetime.now(UTC))
        journal.close()
    return rows


def time_review(root: Path, folder: Path, runs: int) -> list[float]:
    """Seconds to open and paint the review window, merging every device."""
    from PySide6.QtWidgets import QApplication

    from movebreak.adapters.journal import SqliteJournal
    from movebreak.adapters.paths import AppPaths
    from movebreak.app.application import MovebreakApp
    from movebreak.core.settings import Settings, Sync

    class Still:
        name = "none"

        def start(self) -> str | None:
            return "benchmark"

        def idle(self) -> None:
            return None

        def stop(self) -> None:
            pass

    qt = QApplication.instance() or QApplication([])
    paths = AppPaths.under(root)
    journal = SqliteJournal.open(paths.journal_file)
    settings = Settings(sync=Sync(folder=str(folder), device_name="device-a"))
    app = MovebreakApp(
        settings, [], source=Still(), journal=journal, paths=paths, busy=lambda: None
    )
    review = []
    for _ in range(runs):
        started = time.perf_counter()
        window = app.open_review()
        window.grab()  # painted, as the user sees it
        review.append(time.perf_counter() - started)
    assert "device-b" in window.devices_shown(), "the review did not merge the shared devices"
    app.stop()
    journal.close()
    assert qt is not None
    return review


def main() -> int:
    """Generate, measure, print, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/sync_speed.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder = root / "Sync" / "movebreak"
        rows = generate(root / "data" / "journal.sqlite3", args.years)
        rows += share_devices(root / "others", folder, args.years)
        files = sum(1 for _ in folder.rglob("events-*.jsonl"))
        size = sum(p.stat().st_size for p in folder.rglob("*")) / 1e6
        (root / "config").mkdir()
        (root / "config" / "config.toml").write_text(
            f'[sync]\nfolder = "{folder}"\ndevice_name = "device-a"\n', encoding="utf-8"
        )
        profile = ["--data-dir", str(root)]
        figures = {
            "stats_day_s": time_command([*profile, "stats", "--json"], args.runs),
            "stats_month_s": time_command([*profile, "stats", "--month", "--json"], args.runs),
            "review_window_s": time_review(root, folder, args.runs),
        }
    print(
        f"{rows} journal rows on 3 devices ({args.years} years of workdays each), "
        f"{files} shared month files ({size:.1f} MB); median (min-max) of {args.runs}"
    )
    for name, values in figures.items():
        print(
            f"{name:24} {statistics.median(values) * 1000:8.0f} ms "
            f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"
        )
    args.json.write_text(json.dumps({"rows": rows, "files": files, **figures}, indent=2))
    os._exit(0)  # skip interpreter teardown of Qt objects: the figures are written


if __name__ == "__main__":
    raise SystemExit(main())
