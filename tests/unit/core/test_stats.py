"""Daily figures from facts: the movement-minutes rule, day boundaries, order."""

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules
from movebreak.core.stats import Activity, Stretch, summarise, summary_json

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)  # days start at 04:00
DAY = date(2026, 3, 2)


def at(hour: float, day: int = 0) -> datetime:
    return datetime(2026, 3, 2, tzinfo=UTC) + timedelta(days=day, hours=hour)


def prompt(hour: float, exercise: str, outcome: Outcome, moved_min: float) -> PromptRecord:
    return PromptRecord(
        at(hour), at(hour) + timedelta(minutes=3), exercise, outcome, timedelta(minutes=moved_min)
    )


PROMPTS = [
    prompt(9, "walk-lap", Outcome.DONE, 2),
    prompt(10, "chin-tuck", Outcome.DONE, 1),  # a seated stretch: recovery, not movement
    prompt(11, "calf-raise", Outcome.SNOOZED, 0),
    prompt(11.5, "calf-raise", Outcome.DONE, 1.5),
    prompt(12, "march", Outcome.SKIPPED, 0),
    prompt(3, "walk-lap", Outcome.DONE, 2),  # 03:00 belongs to the day before
]
MOVEMENT = frozenset({"walk-lap", "calf-raise", "march"})


def test_movement_minutes_count_movement_exercises_and_logged_walks() -> None:
    summary = summarise(
        DAY,
        RULES,
        prompts=PROMPTS,
        breaks=[],
        stretches=[],
        activities=[Activity(at(13), timedelta(minutes=15), "walk")],
        movement_ids=MOVEMENT,
        goal=timedelta(minutes=10),
    )
    assert summary.movement == timedelta(minutes=2 + 1.5 + 15)
    assert summary.prompts == {"done": 3, "snoozed": 1, "skipped": 1, "away": 0}
    data = summary_json(summary)
    assert data["movement_minutes"] == 18.5
    assert data["goal_minutes"] == 10


def test_breaks_and_sitting_are_split_at_the_day_start() -> None:
    summary = summarise(
        DAY,
        RULES,
        prompts=[],
        breaks=[Break(at(2), at(5)), Break(at(12), at(12.5)), Break(at(23), at(9, day=1))],
        stretches=[
            Stretch(at(3), at(4.5), "seated"),  # half an hour after 04:00
            Stretch(at(5), at(7), "seated"),
            Stretch(at(7), at(8), "standing"),
            Stretch(at(27), at(29), "seated"),  # 03:00-05:00 next day: one hour is ours
        ],
        activities=[],
        movement_ids=MOVEMENT,
        goal=timedelta(minutes=10),
    )
    assert summary.breaks == 2  # breaks starting this day (not the 02:00 one)
    assert summary.away == timedelta(hours=1 + 0.5 + 5)  # 04-05, 12-12:30, 23-04
    assert summary.seated == timedelta(hours=0.5 + 2 + 1)
    assert summary.standing == timedelta(hours=1)
    assert summary.longest_seated == timedelta(hours=2)


def test_a_local_day_follows_dst() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    rules = SittingRules(natural_break=timedelta(minutes=5), tz=berlin)
    spring = date(2026, 3, 29)  # 23 hours long
    summary = summarise(
        spring,
        rules,
        prompts=[],
        breaks=[],
        stretches=[
            Stretch(datetime(2026, 3, 28, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC), "seated")
        ],
        activities=[],
        movement_ids=None,
        goal=timedelta(minutes=10),
    )
    assert summary.seated == timedelta(hours=24)  # 04:00 CEST to 04:00 CEST the next day


@given(st.randoms(use_true_random=False))
def test_record_order_does_not_matter(shuffle: random.Random) -> None:
    shuffled = list(PROMPTS)
    shuffle.shuffle(shuffled)
    kwargs = {
        "breaks": [],
        "stretches": [],
        "activities": [],
        "movement_ids": MOVEMENT,
        "goal": timedelta(minutes=10),
    }
    assert summarise(DAY, RULES, prompts=shuffled, **kwargs) == summarise(  # type: ignore[arg-type]
        DAY,
        RULES,
        prompts=PROMPTS,
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_review_timeline_is_in_local_time() -> None:
    from movebreak.core.stats import review

    berlin = ZoneInfo("Europe/Berlin")
    rules = SittingRules(natural_break=timedelta(minutes=5), tz=berlin)
    shown = review(
        date(2026, 3, 2),
        rules,
        prompts=[],
        breaks=[],
        stretches=[
            Stretch(
                datetime(2026, 3, 2, 8, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC), "seated"
            )
        ],
        activities=[],
        movement_ids=None,
        goal=timedelta(minutes=10),
    )
    assert shown.day_start.astimezone(berlin).hour == 4
    assert shown.day_start.utcoffset() == timedelta(hours=1)
    [band] = shown.bands
    assert band.end - band.start == timedelta(hours=1)
