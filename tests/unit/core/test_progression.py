"""Progression over simulated weeks (movement-science.md 2.4)."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from movebreak.core.progression import Rating, level
from movebreak.core.reminder import Outcome, PromptRecord

MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def days_of(
    ratings_per_day: Sequence[Sequence[str | None]], outcome: Outcome = Outcome.DONE
) -> list[PromptRecord]:
    records = []
    for day, ratings in enumerate(ratings_per_day):
        for slot, rating in enumerate(ratings):
            at = MONDAY + timedelta(days=day, minutes=30 * slot)
            records.append(PromptRecord(at, at, "walk-lap", outcome, timedelta(minutes=2), rating))
    return records


def on(day: int) -> date:
    return (MONDAY + timedelta(days=day)).date()


def test_the_first_two_weeks_stay_at_level_1_however_easy() -> None:
    easy = days_of([["easy", "ok"]] * 13)
    assert level(easy, on(13), UTC).value == 1


def test_easy_ratings_unlock_level_2_in_week_3_and_level_3_in_week_5() -> None:
    easy = days_of([["easy", "ok", "easy"]] * 40)
    assert level(easy, on(14), UTC).value == 2
    assert level(easy, on(27), UTC).value == 2
    at_five = level(easy, on(28), UTC)
    assert at_five.value == 3
    assert "easy or OK" in at_five.reason


def test_hard_or_unrated_does_not_unlock() -> None:
    assert level(days_of([["hard", "ok", "hard"]] * 30), on(29), UTC).value == 1
    assert level(days_of([[None, None]] * 30), on(29), UTC).value == 1


def test_pain_steps_back_at_once_and_holds_the_level_for_a_week() -> None:
    days: list[list[str]] = [["easy", "ok", "easy"]] * 20 + [["hurt"]] + [["easy"]] * 3
    records = days_of(days)
    before = level(records, on(19), UTC)
    after = level(records, on(20), UTC)
    assert before.value == 2
    assert after.value == 1
    assert after.reason == "Back to level 1: you reported pain."
    assert level(records, on(23), UTC).value == 1  # no step up within a week of pain


def test_hard_twice_in_a_row_steps_back() -> None:
    records = days_of([["easy", "ok", "easy"]] * 20 + [["hard", "hard"]])
    assert level(records, on(20), UTC).value == 1
    assert "two hard ones" in level(records, on(20), UTC).reason


def test_mostly_skipping_eases_back() -> None:
    records = days_of([["easy", "ok", "easy"]] * 20)  # level 2 since day 14
    for day in range(20, 24):
        for n in range(5):
            at = MONDAY + timedelta(days=day, minutes=30 * n)
            records.append(PromptRecord(at, at, "walk-lap", Outcome.SKIPPED, timedelta(0)))
    assert level(records, on(19), UTC).value == 2
    result = level(records, on(23), UTC)
    assert result.value == 1
    assert "skipped or snoozed" in result.reason


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([*(r.value for r in Rating), None]), max_size=6),
        max_size=60,
    )
)
def test_any_history_gives_a_level_from_1_to_3_that_never_jumps(
    days: list[list[str | None]],
) -> None:
    records = days_of(days)
    previous = 1
    for day in range(len(days)):
        current = level(records, on(day), UTC).value
        assert 1 <= current <= 3
        assert current - previous <= 1  # one step up at a time
        if current > 1:
            assert day >= 14  # never before week 3
        previous = current
