"""Today's movement, from a seeded journal file, as the user sees it."""

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app import MovebreakApp
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break
from tests.fakes import FakeClock


def seed(journal: SqliteJournal, now: datetime) -> None:
    for days_ago in range(1, 4):  # three earlier days at goal (10 min)
        at = now - timedelta(days=days_ago)
        journal.record_activity(at, timedelta(minutes=12), "walk")
    journal.record_prompt(
        PromptRecord(
            now - timedelta(hours=2),
            now - timedelta(hours=2),
            "walk-lap",
            Outcome.DONE,
            timedelta(minutes=2),
        )
    )
    journal.record_prompt(
        PromptRecord(
            now - timedelta(hours=1),
            now - timedelta(hours=1),
            "chin-tuck",
            Outcome.DONE,
            timedelta(minutes=1),
        )
    )
    journal.record_prompt(
        PromptRecord(
            now - timedelta(minutes=30),
            now - timedelta(minutes=30),
            "calf-raise",
            Outcome.SKIPPED,
            timedelta(0),
        )
    )
    journal.record_break(Break(now - timedelta(hours=3), now - timedelta(hours=2, minutes=50)))
    journal.record_stretch(now - timedelta(hours=2, minutes=50), now - timedelta(hours=2), "seated")


def test_the_review_shows_todays_figures_and_earlier_days(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot
) -> None:
    clock.current = clock.current.replace(hour=15, minute=0)  # mid-afternoon, whatever the date
    seed(journal, clock.now())
    window = app.open_review()
    assert window.figure("Prompts done") == "2"
    assert window.figure("Skipped") == "1"
    assert window.figure("Breaks") == "1"
    assert window.figure("Longest seated") == "50 min"
    assert window.figure("Days at goal in a row") == "3"  # today is below goal: 2 of 10 min
    today = window.shown_date()
    window.day_requested.emit(-1)
    assert window.shown_date() != today
    assert window.figure("Prompts done") == "0"
    window.day_requested.emit(1)
    assert window.shown_date() == today
