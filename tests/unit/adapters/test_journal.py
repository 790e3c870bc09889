import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from movebreak.adapters.journal import SCHEMA_VERSION, JournalError, SqliteJournal
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_records_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    journal = SqliteJournal.open(path)
    done = PromptRecord(
        AT, AT + timedelta(minutes=2), "walk-lap", Outcome.DONE, timedelta(seconds=95)
    )
    journal.record_prompt(done)
    journal.record_break(Break(AT - timedelta(hours=1), AT - timedelta(minutes=50)))
    journal.close()
    again = SqliteJournal.open(path)
    assert again.prompts() == [done]
    assert again.breaks() == [Break(AT - timedelta(hours=1), AT - timedelta(minutes=50))]
    again.close()


def test_each_record_is_committed_when_the_call_returns(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = SqliteJournal.open(path)
    journal.record_prompt(PromptRecord(AT, AT, "calf-raise", Outcome.SKIPPED, timedelta(0)))
    # another connection (another process, after a crash) sees it at once
    other = sqlite3.connect(path)
    assert other.execute("SELECT exercise_id, outcome FROM prompt").fetchall() == [
        ("calf-raise", "skipped")
    ]
    other.close()
    journal.close()


def test_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    SqliteJournal.open(path).close()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    sqlite3.connect(path).close()  # version 0
    SqliteJournal.open(path).close()
    (version,) = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()
    assert version == SCHEMA_VERSION


def test_a_journal_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(JournalError, match="newer movebreak"):
        SqliteJournal.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalError, match=str(path)):
        SqliteJournal.open(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_the_in_memory_fallback_works(tmp_path: Path) -> None:
    journal = SqliteJournal.open_in_memory()
    journal.record_prompt(PromptRecord(AT, AT, "walk-lap", Outcome.AWAY, timedelta(0)))
    assert len(journal.prompts()) == 1


def test_a_version_1_journal_is_migrated_and_keeps_its_history(tmp_path: Path) -> None:
    from movebreak.adapters.journal import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO prompt (shown_at, resolved_at, exercise_id, outcome, moved_seconds)"
        " VALUES (?, ?, 'walk-lap', 'done', 120)",
        (int(AT.timestamp()), int(AT.timestamp()) + 120),
    )
    old.commit()
    old.close()
    journal = SqliteJournal.open(path)
    [record] = journal.prompts()
    assert (record.exercise_id, record.moved, record.rating) == (
        "walk-lap",
        timedelta(seconds=120),
        None,
    )
    journal.rate_prompt(AT, "ok")
    assert journal.prompts()[0].rating == "ok"
    journal.close()
    (version,) = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()
    assert version == SCHEMA_VERSION == 6


def test_migrating_twice_is_migrating_once(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    SqliteJournal.open(path).close()
    SqliteJournal.open(path).close()
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(prompt)")]
    assert columns.count("rating") == 1


def test_stretches_and_logged_activities_round_trip(tmp_path: Path) -> None:
    from movebreak.core.sitting import Stretch
    from movebreak.core.stats import Activity

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    journal.record_stretch(AT, AT + timedelta(minutes=25), "seated")
    journal.record_stretch(AT, AT, "standing")  # empty: not kept
    journal.record_activity(AT, timedelta(minutes=15), "walk")
    assert journal.stretches() == [Stretch(AT, AT + timedelta(minutes=25), "seated")]
    assert journal.activities() == [Activity(AT, timedelta(minutes=15), "walk")]
    journal.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_schema_migrates_to_the_current_one(tmp_path: Path, version: int) -> None:
    from movebreak.adapters.journal import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        for statement in script.split(";"):
            if statement.strip():
                old.execute(statement)
    old.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        old.execute(
            "INSERT INTO natural_break (started_at, ended_at) VALUES (?, ?)",
            (int(AT.timestamp()), int(AT.timestamp()) + 600),
        )
    old.commit()
    old.close()
    journal = SqliteJournal.open(path)
    assert len(journal.breaks()) == (1 if version >= 1 else 0)  # history kept
    journal.record_stretch(AT, AT + timedelta(minutes=5), "seated")  # the newer tables work
    journal.record_pause(AT, AT + timedelta(minutes=30))
    journal.record_checkin(AT.date(), 3, AT)
    assert (len(journal.stretches()), len(journal.pauses()), len(journal.checkins())) == (1, 1, 1)
    assert journal.pause_under_way() is None  # pauses kept before v5 were all ended
    journal.record_pause(AT + timedelta(hours=1), AT + timedelta(hours=1), under_way=True)
    assert journal.pause_under_way() is not None
    journal.close()


def test_pauses_and_checkins_round_trip_and_a_second_answer_replaces_the_first(
    tmp_path: Path,
) -> None:
    from datetime import date

    from movebreak.core.stats import Pause

    path = tmp_path / "journal.sqlite3"
    journal = SqliteJournal.open(path)
    journal.record_pause(AT, AT + timedelta(hours=1))
    journal.record_pause(AT, AT)  # empty: not kept
    journal.record_checkin(date(2026, 3, 2), 6, AT)
    journal.record_checkin(date(2026, 3, 2), 4, AT + timedelta(hours=2))
    journal.record_checkin(date(2026, 3, 3), 2, AT + timedelta(days=1))
    journal.close()
    journal = SqliteJournal.open(path)
    assert journal.pauses() == [Pause(AT, AT + timedelta(hours=1))]
    answers = journal.checkins()
    assert {day.isoformat(): c.score for day, c in answers.items()} == {
        "2026-03-02": 4,
        "2026-03-03": 2,
    }
    assert list(journal.checkins(date(2026, 3, 3))) == [date(2026, 3, 3)]
    journal.close()


def test_a_checkin_outside_0_to_10_is_refused_by_the_file_itself(tmp_path: Path) -> None:
    from datetime import date

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        journal.record_checkin(date(2026, 3, 2), 11, AT)
    assert journal.checkins() == {}
    journal.close()


def test_the_pause_under_way_is_kept_as_it_goes_and_closed_in_the_same_row(
    tmp_path: Path,
) -> None:
    from movebreak.core.stats import Pause, PauseUnderWay

    path = tmp_path / "journal.sqlite3"
    journal = SqliteJournal.open(path)
    until = AT + timedelta(hours=2)
    journal.record_pause(AT, AT, until=until, under_way=True)  # begun: no length yet
    assert journal.pause_under_way() == PauseUnderWay(AT, AT, until)
    journal.record_pause(AT, AT + timedelta(minutes=1), until=until, under_way=True)
    journal.close()
    journal = SqliteJournal.open(path)  # what a restart after a crash finds
    assert journal.pause_under_way() == PauseUnderWay(AT, AT + timedelta(minutes=1), until)
    journal.record_pause(AT, AT + timedelta(minutes=5))  # resumed
    assert journal.pause_under_way() is None
    assert journal.pauses() == [Pause(AT, AT + timedelta(minutes=5))]  # one row, not three
    journal.close()


def test_a_carried_pause_keeps_what_was_paused_and_opens_at_the_restart(
    tmp_path: Path,
) -> None:
    from movebreak.core.stats import Pause, PauseUnderWay

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    restart = AT + timedelta(minutes=20)
    left = PauseUnderWay(AT, AT + timedelta(minutes=4), None)
    journal.record_pause(left.start, left.kept_until, under_way=True)
    journal.carry_pause(left, restart)
    assert journal.pause_under_way() == PauseUnderWay(restart, restart, None)
    # The four minutes before the crash stay; the downtime is not counted as paused.
    assert journal.pauses() == [Pause(AT, AT + timedelta(minutes=4)), Pause(restart, restart)]
    # A pause that had no length yet leaves nothing behind when carried.
    later = restart + timedelta(hours=1)
    journal.carry_pause(PauseUnderWay(restart, restart, None), later)
    assert journal.pauses() == [Pause(AT, AT + timedelta(minutes=4)), Pause(later, later)]
    journal.close()


def test_one_pause_at_most_is_under_way_and_beginning_one_ends_the_other(
    tmp_path: Path,
) -> None:
    from movebreak.core.stats import Pause, PauseUnderWay

    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    journal.record_pause(AT, AT, until=AT + timedelta(hours=1), under_way=True)
    later = AT + timedelta(minutes=5)  # "for 2 hours" instead: one write, both rows
    journal.record_pause(later, later, until=AT + timedelta(hours=2), under_way=True)
    assert journal.pause_under_way() == PauseUnderWay(later, later, AT + timedelta(hours=2))
    assert journal.pauses() == [Pause(AT, later), Pause(later, later)]
    with pytest.raises(sqlite3.IntegrityError):  # the schema itself refuses a second one
        journal._db.execute("INSERT INTO pause (started_at, ended_at, under_way) VALUES (1, 2, 1)")
    journal.close()


def test_a_pause_ended_with_the_clock_set_back_or_in_its_first_second_leaves_nothing(
    tmp_path: Path,
) -> None:
    journal = SqliteJournal.open(tmp_path / "journal.sqlite3")
    journal.record_pause(AT, AT, under_way=True)
    journal.record_pause(AT, AT - timedelta(minutes=2))  # resumed after the clock went back
    assert journal.pause_under_way() is None  # not carried on at the next start
    journal.record_pause(AT, AT, under_way=True)
    journal.record_pause(AT, AT + timedelta(milliseconds=300))  # resumed at once
    assert journal.pause_under_way() is None
    assert journal.pauses() == []
    journal.close()
