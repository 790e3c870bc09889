"""The shared folder on a real disk: two profiles, one folder, what sync engines leave there.

No sync engine here (tests/e2e/test_syncthing.py has the real one): a plain folder both
profiles point at is itself a supported setup (a network drive), and copying files by hand
is what an engine does.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from movebreak.adapters.journal import MIGRATIONS, SqliteJournal
from movebreak.adapters.sync_folder import SyncFolder, device_id
from movebreak.app.shared_journal import Sharer
from movebreak.core.sitting import Stretch
from movebreak.core.sync import DevicePresence, read_name


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "movebreak", "--data-dir", str(root), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def profile(root: Path, folder: Path, name: str) -> Path:
    (root / "config").mkdir(parents=True)
    (root / "config" / "config.toml").write_text(
        f'[sync]\nfolder = "{folder}"\ndevice_name = "{name}"\n', encoding="utf-8"
    )
    return root


def stats(root: Path) -> dict[str, object]:
    result = cli(root, "stats", "--json")
    assert result.returncode == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def test_two_profiles_on_one_plain_shared_folder_see_the_same_day(tmp_path: Path) -> None:
    shared = tmp_path / "Sync" / "movebreak"
    laptop = profile(tmp_path / "laptop", shared, "laptop")
    desktop = profile(tmp_path / "desktop", shared, "desktop")
    assert cli(laptop, "log", "15m", "walk").returncode == 0
    assert cli(desktop, "log", "5m", "stairs").returncode == 0
    for root in (laptop, desktop):
        day = stats(root)
        assert day["movement_minutes"] == 20.0
        devices = day["devices"]
        assert isinstance(devices, list)
        assert sorted((d["name"], d["movement_minutes"]) for d in devices) == [
            ("desktop", 5.0),
            ("laptop", 15.0),
        ]
    exported = json.loads(cli(desktop, "export", "--format", "json").stdout)
    assert sorted((e["device"], e["name"]) for e in exported) == [
        ("desktop", "stairs"),
        ("laptop", "walk"),
    ]
    # The other computer's events are read, never copied into this one's journal.
    own = SqliteJournal.open(desktop / "data" / "journal.sqlite3")
    assert [a.name for a in own.activities()] == ["stairs"]
    own.close()
    # Each device wrote only its own folder; every file private, no SQLite file shared.
    folders = sorted(p.name for p in shared.iterdir())
    assert folders == sorted([device_id(laptop / "data"), device_id(desktop / "data")])
    for path in shared.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
        assert not path.name.endswith(("sqlite3", "-wal", "-shm"))


def test_what_sync_engines_leave_behind_counts_each_minute_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = tmp_path / "shared"
    laptop = profile(tmp_path / "laptop", shared, "laptop")
    desktop = profile(tmp_path / "desktop", shared, "desktop")
    assert cli(laptop, "log", "15m", "walk").returncode == 0
    assert cli(laptop, "log", "10m", "stairs").returncode == 0
    mine = shared / device_id(laptop / "data")
    (month,) = [p for p in mine.glob("events-*.jsonl") if "walk" in p.read_text()]
    # A Syncthing conflict copy, a Dropbox one, the same file copied again, a transfer
    # cut short in the middle of a line, a file of garbage, Syncthing's temp file.
    shutil.copy(month, month.with_name(month.stem + ".sync-conflict-20261204-101500-ABC.jsonl"))
    shutil.copy(month, month.with_name(month.stem + " (Ana's conflicted copy).jsonl"))
    shutil.copy(month, month.with_name(month.stem + " (1).jsonl"))
    text = month.read_text()
    month.with_name(month.stem + " (2).jsonl").write_text(text[: len(text) // 2])
    month.with_name(month.stem + " (3).jsonl").write_bytes(b"\xff\xfe\x00garbage\n{")
    month.with_name(f".syncthing.{month.name}.tmp").write_text("{half")
    first = stats(desktop)
    assert first["movement_minutes"] == 25.0
    # Read in-process twice: each file's problem goes to the log once, not every minute.
    folder = SyncFolder(shared, device_id(desktop / "data"), "desktop")
    with caplog.at_level(logging.INFO, logger="movebreak.adapters.sync_folder"):
        for _ in range(2):
            found = folder.read()
    assert len({e.key for e in found.entries}) == 2
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 5  # one line per copy, though the folder was read twice
    (cut,) = [m for m in messages if "(2).jsonl" in m]
    assert "copy made by the sync engine" in cut
    assert "cut short" in cut
    (garbage,) = [m for m in messages if "(3).jsonl" in m]
    assert "line 1: not a complete line of JSON" in garbage
    assert not any(".syncthing." in m for m in messages)
    levels = {
        r.getMessage().split(" file=")[1].split(".jsonl")[0][-3:]: r.levelno for r in caplog.records
    }
    assert levels["(1)"] == logging.INFO  # a clean copy: harmless
    assert levels["(2)"] == logging.WARNING  # cut short


def test_the_month_file_is_rewritten_whole_and_only_when_the_journal_changed(
    tmp_path: Path,
) -> None:
    journal = SqliteJournal.open(tmp_path / "data" / "journal.sqlite3")
    folder = SyncFolder(tmp_path / "shared", "dev-a", "a")
    sharer = Sharer(folder, journal)
    now = datetime.now(UTC).replace(microsecond=0)
    journal.record_activity(now - timedelta(minutes=15), timedelta(minutes=15), "walk")
    sharer.share(now)
    (path,) = [p for p in folder.own.glob("events-*.jsonl") if "walk" in p.read_text()]
    written = path.stat().st_mtime_ns, path.stat().st_ino
    sharer.share(now + timedelta(minutes=1))  # nothing new: not even opened for writing
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == written
    journal.record_stretch(now - timedelta(minutes=30), now, "seated")
    sharer.share(now + timedelta(minutes=2))
    assert path.stat().st_ino != written[1]  # a new file renamed over the old one
    assert '"kind":"stretch"' in path.read_text()
    assert not list(folder.own.glob(".*"))  # no temp file left behind
    journal.close()


def test_every_month_of_history_is_shared_once_and_ids_survive_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)  # a journal of the last release (schema 5), with history
    for script in MIGRATIONS[:5]:
        old.executescript(script)
    old.execute("PRAGMA user_version = 5")
    start = datetime(2025, 1, 10, 9, tzinfo=UTC)
    for month in range(14):
        begun = int((start + timedelta(days=31 * month)).timestamp())
        old.execute(
            "INSERT INTO stretch (started_at, ended_at, posture) VALUES (?, ?, 'seated')",
            (begun, begun + 2400),
        )
    old.commit()
    old.close()
    journal = SqliteJournal.open(path)
    ids = {e.key for e in journal.entries("dev")}
    assert len(ids) == 14
    journal.close()
    again = SqliteJournal.open(path)
    assert {e.key for e in again.entries("dev")} == ids  # stable across opens
    folder = SyncFolder(tmp_path / "shared", "dev", "desk")
    Sharer(folder, again).share(start + timedelta(days=31 * 14))
    months = sorted(p.name for p in folder.own.glob("events-*.jsonl"))
    assert len(months) >= 14
    assert all(read_name(name) is not None for name in months)
    again.close()


def test_presence_is_written_only_when_it_changed_and_read_by_the_others(tmp_path: Path) -> None:
    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    laptop = Sharer(SyncFolder(tmp_path / "shared", "laptop", "Laptop"), journal)
    desktop = Sharer(SyncFolder(tmp_path / "shared", "desktop", "Desktop"), journal)
    now = datetime(2026, 12, 4, 10, tzinfo=UTC)
    assert laptop.presence(now, now, now - timedelta(minutes=20), "seated")
    assert not laptop.presence(
        now + timedelta(minutes=1), now, now - timedelta(minutes=20), "seated"
    )
    (seen,) = desktop.others()
    assert seen == DevicePresence(
        "laptop", "Laptop", now, now, now - timedelta(minutes=20), "seated"
    )
    assert laptop.others() == []  # its own presence is not "another computer"
    (tmp_path / "shared" / "laptop" / "presence.json").write_text("{cut")
    assert desktop.others() == []  # damaged: ignored, reported, no crash
    journal.close()


def test_the_stretch_under_way_is_counted_once_beside_its_journal_copy(tmp_path: Path) -> None:
    from movebreak.app.shared_journal import combined
    from tests.world import SITTING

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    start = datetime(2026, 12, 4, 9, tzinfo=UTC)
    journal.record_stretch(start, start + timedelta(minutes=20), "seated")  # kept a while ago
    folder = SyncFolder(tmp_path / "shared", "dev", "desk")
    found = combined(
        journal,
        folder,
        SITTING,
        start - timedelta(days=1),
        start + timedelta(days=1),
        under_way=[Stretch(start, start + timedelta(minutes=25), "seated")],
    )
    assert found.merged.stretches == [Stretch(start, start + timedelta(minutes=25), "seated")]
    journal.close()


def test_an_unwritable_folder_is_logged_and_the_app_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = tmp_path / "shared"
    shared.write_text("a file where the folder should be (a drive not mounted, a typo)")
    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    journal.record_activity(datetime.now(UTC), timedelta(minutes=5), "walk")
    with caplog.at_level(logging.WARNING):
        Sharer(SyncFolder(shared, "dev", "desk"), journal).share(datetime.now(UTC))
    assert any("sync.write_failed" in r.getMessage() for r in caplog.records)
    journal.close()


def test_the_streak_counts_the_days_reached_on_any_computer(tmp_path: Path) -> None:
    from movebreak.app.review_data import review_of
    from movebreak.core import sync
    from movebreak.core.stats import Activity
    from tests.world import SITTING

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    today = SITTING.day_of(datetime.now(UTC))
    walk = timedelta(minutes=10)
    journal.record_activity(SITTING.day_start(today) + timedelta(hours=3), walk, "walk")
    laptop = SyncFolder(tmp_path / "shared", "laptop", "laptop")
    by_month: dict[str, list[sync.Entry]] = {}
    for back in (1, 2):  # the two days before, at the laptop only
        start = SITTING.day_start(today - timedelta(days=back)) + timedelta(hours=3)
        by_month.setdefault(sync.month_of(start), []).append(
            sync.entry(f"w{back}", "laptop", Activity(start, walk))
        )
    for month, entries in by_month.items():
        laptop.write_month(month, entries)
    desk = SyncFolder(tmp_path / "shared", "desk", "desk")
    common = {"rules": SITTING, "movement_ids": frozenset[str](), "goal": walk}
    alone = review_of(today, journal, **common)  # type: ignore[arg-type]
    together = review_of(today, journal, folder=desk, **common)  # type: ignore[arg-type]
    assert alone.streak == 1
    assert together.streak == 3
    assert [(d.name, d.movement) for d in together.devices] == [("desk", walk)]  # today
    journal.close()


def test_two_computers_with_one_device_id_are_pointed_out_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = datetime(2026, 12, 4, 10, tzinfo=UTC)
    here = DevicePresence("same-id", "laptop", now, now, now, "seated")
    SyncFolder(tmp_path / "shared", "same-id", "laptop").write_presence(here)
    with caplog.at_level(logging.WARNING):  # a data folder copied to the desktop
        SyncFolder(tmp_path / "shared", "same-id", "desktop").write_presence(here)
    (warning,) = [r.getMessage() for r in caplog.records if "device_renamed" in r.getMessage()]
    assert "'laptop'" in warning
    assert "delete device-id there" in warning
