"""Today's movement, from a seeded journal file, as the user sees it."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break
from movebreak.ui.review_window import BELOW_GOAL, COLOURS, _min
from tests.fakes import FakeActivity, FakeClock
from tests.ui.history import seed_workdays, seed_years


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
    assert window.figure("Paused") == "1 h 00 min"
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


def pixel(widget: QWidget, x: float, y: float) -> QColor:
    """The colour painted at (x, y), from the widget as it is drawn on screen."""
    image = widget.grab().toImage()
    return image.pixelColor(int(x), int(y))


def test_a_new_users_charts_say_what_will_appear(
    app: MovebreakApp, qtbot: QtBot, journal: SqliteJournal
) -> None:
    window = app.open_review()
    qtbot.waitExposed(window)
    assert not window.week.has_data()
    assert window.week.accessibleDescription() == "Your first week's movement will show here."
    assert not window.month.has_data()
    assert window.month.accessibleDescription() == "Your first month will show here."
    assert len(window.week.day_labels()) == 7  # the axis is there, days named, even empty
    assert all(window.week.day_labels())
    assert window.timeline.empty.startswith("Your day will show here")
    window.day_requested.emit(-1)
    assert window.timeline.empty == "Nothing was recorded on this day."


def test_one_day_of_history_draws_todays_bar_named_under_its_weekday(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot
) -> None:
    seed_workdays(journal, clock.now(), 1)
    window = app.open_review()
    qtbot.waitExposed(window)
    week = window.week
    assert week.has_data()
    labels = week.day_labels()
    today = app.coach.sitting_rules.day_of(clock.now())
    assert labels[-1] == "Today"
    yesterday = today - timedelta(days=1)
    short = QLocale.FormatType.ShortFormat
    assert labels[-2] == QLocale().dayName(yesterday.isoweekday(), short)
    assert len(set(labels)) == 7
    centre = week.bar_centre(6)
    assert pixel(week, centre.x(), centre.y()) == BELOW_GOAL  # 3 of 10 min: drawn, lighter
    empty = week.bar_centre(0)
    assert pixel(week, empty.x(), empty.y()) not in (BELOW_GOAL, COLOURS["moving"])


def test_a_week_of_history_shows_days_at_goal_and_the_scale(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot
) -> None:
    seed_workdays(journal, clock.now(), 7)
    window = app.open_review()
    qtbot.waitExposed(window)
    week = window.week
    reached = [i for i, day in enumerate(week._days) if day.movement >= day.goal]
    assert reached  # the walk every other day puts a day over 10 min
    centre = week.bar_centre(reached[0])
    assert pixel(week, centre.x(), centre.y()) == COLOURS["moving"]
    month = window.month.day_labels()
    assert len(month) == 30
    assert [label for label in month if label][-1] == month[-1]  # today's date is named
    assert 4 <= len([label for label in month if label]) <= 5  # one a week, not crowded


def test_todays_timeline_is_a_readable_band_in_distinct_colours(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot
) -> None:
    seed_workdays(journal, clock.now(), 1)
    window = app.open_review()
    qtbot.waitExposed(window)
    timeline = window.timeline
    area = timeline.band_area()
    assert area.height() >= 24
    start, end = timeline.hours()
    assert timedelta(hours=12) <= end - start <= timedelta(hours=24)
    seen: dict[str, QColor] = {}
    image = timeline.grab().toImage()
    for band in timeline._review.bands if timeline._review else ():
        x = int((timeline.x_of(band.start) + timeline.x_of(band.end)) / 2)
        rows = range(int(area.top()) + 2, int(area.bottom()) - 2)
        column = {image.pixelColor(x, y).name() for y in rows}
        assert column == {COLOURS[band.kind].name()}, band  # the full height, one colour
        seen[band.kind] = COLOURS[band.kind]
    assert {"seated", "standing", "away", "moving"} <= set(seen)
    assert len({colour.name() for colour in seen.values()}) == len(seen)


def test_five_years_of_history_open_and_fit_a_768_pixel_screen(
    app: MovebreakApp, journal: SqliteJournal, clock: FakeClock, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = seed_years(tmp_path / "journal.sqlite3", 5)  # the fixture's journal file
    assert rows > 40_000
    window = app.open_review()
    qtbot.waitExposed(window)
    assert window.month.has_data()
    assert window.minimumSizeHint().height() <= 700
    assert window.height() <= 700
    for chart in (window.week, window.month):
        assert chart.plot_area().height() >= 80
        assert chart.plot_area().left() > chart.fontMetrics().horizontalAdvance("goal 10")


def test_durations_over_an_hour_read_in_hours() -> None:
    assert _min(223) == "3 h 43 min"
    assert _min(33.3) == "33 min"
    assert _min(60) == "1 h 00 min"
