"""Today's movement, from a seeded journal file, as the user sees it."""

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break
from tests.fakes import FakeActivity, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    """Mid-afternoon from the app's start, so today's figures hold whatever the hour.

    Moving the clock there after the app started (as these tests once did) made the time
    in between a natural break of today's between 04:00 and 15:00 UTC only. Never before
    the real time: the app's real scheduler must not see a wake-up in the past.
    """
    now = datetime.now(UTC)
    afternoon = now.replace(hour=15, minute=0, second=0, microsecond=0)
    return FakeClock(afternoon if afternoon >= now else afternoon + timedelta(days=1))


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
    seed(journal, clock.now())
    window = app.open_review()
    assert window.figure("Prompts done") == "2"
    assert window.figure("Skipped") == "1"
    assert window.figure("Breaks") == "3"  # one away from the desk, two exercises done
    assert window.figure("Longest seated") == "50 min"
    assert window.figure("Days at goal in a row") == "3"  # today is below goal: 2 of 10 min
    today = window.shown_date()
    window.day_requested.emit(-1)
    assert window.shown_date() != today
    assert window.figure("Prompts done") == "0"
    window.day_requested.emit(1)
    assert window.shown_date() == today


def test_the_review_sets_the_back_checkin_beside_movement(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot
) -> None:
    rules = app.coach.sitting_rules
    now = clock.now()
    window = app.open_review()
    assert window.figure("Back (0-10)") == "not answered"
    assert window.back_summary() == ""  # no check-ins: no chart, no sentence
    assert not window.back.isVisibleTo(window)
    for days_ago in range(0, 14):
        at = now - timedelta(days=days_ago)
        at_goal = days_ago % 2 == 0
        if at_goal:
            journal.record_activity(at - timedelta(hours=1), timedelta(minutes=20), "walk")
        journal.record_checkin(rules.day_of(at), 2 if at_goal else 5, at)
    journal.record_pause(now - timedelta(hours=4), now - timedelta(hours=3))
    window = app.open_review()
    assert window.figure("Back (0-10)") == "2"
    assert window.figure("Paused") == "60 min"
    assert window.back.isVisibleTo(window)
    assert window.back_summary().startswith(
        "Back on days you reached your goal: 2 on average (7 days); other days: 5 (7 days)."
    )


def test_todays_review_counts_the_stretch_still_under_way(
    app: MovebreakApp, clock: FakeClock, source: FakeActivity, qtbot: QtBot
) -> None:
    for _ in range(4 * 20):  # 20 minutes at the keyboard, nothing in the journal yet
        clock.advance(timedelta(seconds=15))
        source.touch()
        app.sample()
    window = app.open_review()
    assert window.figure("Seated") == "20 min"
    assert window.figure("Longest seated") == "20 min"
