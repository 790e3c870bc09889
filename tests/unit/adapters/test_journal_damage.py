"""A broken journal never stops the app, and nothing the user had is deleted.

Real files in ``tmp_path``: garbage, half a database, a zeroed page, a newer schema, and a
path that cannot be opened. The tests run as root in CI containers, where ``chmod 000``
stops nobody, so "unreadable" is simulated with a folder at the journal's path and with a
file where its folder should be: both fail in ``open`` the way a permission error does.
"""

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from movebreak.adapters.journal import (
    SCHEMA_VERSION,
    DamagedJournalError,
    JournalError,
    NewerJournalError,
    SqliteJournal,
    open_journal,
    set_aside,
)
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Stretch

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 14, 5, 9, tzinfo=UTC)
PAGE = 4096


def real_journal(path: Path, prompts: int = 3000) -> bytes:
    """A journal with enough records to span dozens of pages; returns its bytes."""
    journal = SqliteJournal.open(path)
    for n in range(prompts):
        at = AT + timedelta(minutes=n)
        journal.record_prompt(
            PromptRecord(at, at + timedelta(seconds=30), f"ex-{n % 7}", Outcome.DONE, timedelta(1))
        )
    journal.close()  # the last connection checkpoints the WAL into the file
    return path.read_bytes()


def aside_name(path: Path) -> Path:
    stamp = NOW.astimezone().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.corrupt-{stamp}")


def assert_fresh_and_usable(journal: SqliteJournal, path: Path) -> None:
    assert journal.path == path
    assert not journal.in_memory
    assert journal.prompts() == []
    journal.record_prompt(PromptRecord(NOW, NOW, "march", Outcome.SKIPPED, timedelta(0)))
    journal.close()
    (version,) = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()
    assert version == SCHEMA_VERSION


def damaged(kind: str, path: Path) -> bytes:
    if kind == "garbage":
        content = bytes(range(256)) * 40
    elif kind == "truncated":
        whole = real_journal(path)
        content = whole[: len(whole) // 2]
    else:  # a page of zeros in the middle, as a failed disk write can leave
        pages = bytearray(real_journal(path))
        middle = (len(pages) // PAGE // 2) * PAGE
        pages[middle : middle + PAGE] = bytes(PAGE)
        content = bytes(pages)
    path.write_bytes(content)
    return content


@pytest.mark.parametrize("kind", ["garbage", "truncated", "zeroed-page"])
def test_a_damaged_journal_is_moved_aside_and_a_new_one_starts(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    path.parent.mkdir()
    content = damaged(kind, path)
    journal, message = open_journal(path, now=NOW)
    aside = aside_name(path)
    assert aside.read_bytes() == content  # kept byte for byte
    assert message is not None
    assert str(aside) in message
    assert "nothing was deleted" in message
    assert_fresh_and_usable(journal, path)


def test_the_damage_is_what_open_reports(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    damaged("zeroed-page", path)
    SqliteJournal.open(path).close()  # the page is only an index's: plain use can't tell
    with pytest.raises(DamagedJournalError, match="malformed"):
        SqliteJournal.open(path, check=True)
    path.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(DamagedJournalError, match="not a database"):
        SqliteJournal.open(path)


def test_an_integrity_report_that_is_not_ok_counts_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    real_journal(path, prompts=50)
    db = sqlite3.connect(path)  # an index that no longer matches its table
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX prompt_shown_at ON prompt (resolved_at)'"
        " WHERE name = 'prompt_shown_at'"
    )
    db.commit()
    db.close()
    with pytest.raises(DamagedJournalError, match="integrity check failed"):
        SqliteJournal.open(path, check=True)


def test_the_wal_and_shm_files_move_with_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    Path(f"{path}-wal").write_bytes(b"old wal")
    Path(f"{path}-shm").write_bytes(b"old shm")
    journal, _ = open_journal(path, now=NOW)
    aside = aside_name(path)
    assert Path(f"{aside}-wal").read_bytes() == b"old wal"  # may hold the latest records
    assert Path(f"{aside}-shm").exists()  # only an index SQLite rebuilds from the WAL
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != b"old wal"
    assert_fresh_and_usable(journal, path)


def test_setting_aside_twice_in_one_second_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    kept = []
    for n in range(3):
        path.write_bytes(f"damaged {n}".encode())
        kept.append(set_aside(path, NOW))
    assert [p.read_bytes() for p in kept] == [b"damaged 0", b"damaged 1", b"damaged 2"]
    assert kept[1].name.endswith("-1")
    assert kept[2].name.endswith("-2")
    assert not path.exists()


def test_a_newer_journal_is_never_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x INTEGER)")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerJournalError):
        SqliteJournal.open(path, check=True)
    journal, message = open_journal(path, now=NOW)
    assert journal.in_memory
    assert message is not None
    assert "newer movebreak" in message
    assert "kept in memory only" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]
    journal.close()


def test_a_folder_at_the_journals_path_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.mkdir(mode=0o755)
    (path / "mine.txt").write_text("keep me")
    journal, message = open_journal(path, now=NOW)
    assert journal.in_memory
    assert message is not None
    assert "not a file" in message
    assert "kept in memory only" in message
    assert (path / "mine.txt").read_text() == "keep me"
    assert oct(path.stat().st_mode & 0o777) == oct(0o755)  # not chmod'ed either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]
    journal.record_prompt(PromptRecord(NOW, NOW, "march", Outcome.DONE, timedelta(60)))
    assert len(journal.prompts()) == 1  # the session still works, in memory
    journal.close()


def test_a_file_where_the_data_folder_should_be_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file, not a folder")
    journal, message = open_journal(tmp_path / "data" / "journal.sqlite3", now=NOW)
    assert journal.in_memory
    assert message is not None
    assert "cannot open" in message
    assert (tmp_path / "data").read_text() == "a file, not a folder"
    journal.close()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads a chmod 000 file anyway"
)
def test_an_unreadable_journal_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    real_journal(path, prompts=5)
    path.chmod(0)
    journal, message = open_journal(path, now=NOW)
    assert journal.in_memory
    assert message is not None
    assert "kept in memory only" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_healthy_journal_opens_with_no_message(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    real_journal(path, prompts=10)
    journal, message = open_journal(path, now=NOW)
    assert message is None
    assert len(journal.prompts()) == 10
    journal.close()


def test_a_stretch_recorded_again_with_the_same_start_replaces_the_first(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = SqliteJournal.open(path)
    assert journal.last_stretch() is None
    journal.record_stretch(AT, AT + timedelta(minutes=1), "seated")
    journal.record_stretch(AT + timedelta(minutes=1), AT + timedelta(minutes=3), "standing")
    journal.record_stretch(AT, AT + timedelta(minutes=1, microseconds=5), "seated")  # no growth
    journal.record_stretch(AT + timedelta(microseconds=300), AT + timedelta(minutes=9), "seated")
    assert journal.stretches() == [
        Stretch(AT, AT + timedelta(minutes=9), "seated"),
        Stretch(AT + timedelta(minutes=1), AT + timedelta(minutes=3), "standing"),
    ]
    assert journal.last_stretch() == Stretch(AT, AT + timedelta(minutes=9), "seated")
    journal.close()


def test_every_raised_error_is_a_journal_error(tmp_path: Path) -> None:
    assert issubclass(DamagedJournalError, JournalError)
    assert issubclass(NewerJournalError, JournalError)
