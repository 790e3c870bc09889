"""Daily figures from facts: the movement-minutes rule, day boundaries, order."""

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules, Stretch
from movebreak.core.stats import Activity, breaks_taken, review, summarise, summary_json

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


def test_pauses_are_their_own_figure_and_split_at_the_day_start() -> None:
    from movebreak.core.stats import Pause

    summary = summarise(
        DAY,
        RULES,
        prompts=[],
        breaks=[],
        stretches=[],
        activities=[],
        movement_ids=MOVEMENT,
        goal=timedelta(minutes=10),
        pauses=[Pause(at(3), at(5)), Pause(at(27), at(29))],  # 04:00 cuts both
    )
    assert summary.paused == timedelta(hours=2)
    assert summary.movement == timedelta(0)
    assert summary_json(summary)["paused_minutes"] == 120


def test_the_back_checkin_is_set_beside_movement_by_week_and_by_goal() -> None:
    from movebreak.core.stats import CHECKIN_WEEKS, CheckIn, review

    today = DAY + timedelta(days=30)
    walks, checkins = [], {}
    for n in range(20):  # 20 days: on even days a 15 min walk (at goal), back 2; odd: 6
        day = today - timedelta(days=n)
        start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
        if n % 2 == 0:
            walks.append(Activity(start, timedelta(minutes=15), "walk"))
        checkins[day] = CheckIn(day, 2 if n % 2 == 0 else 6, start)
    result = review(
        today,
        RULES,
        prompts=[],
        breaks=[],
        stretches=[],
        activities=walks,
        movement_ids=MOVEMENT,
        goal=timedelta(minutes=10),
        checkins=checkins,
    )
    assert result.today.back == 2
    assert result.back is not None
    assert (result.back.at_goal, result.back.at_goal_days) == (2, 10)
    assert (result.back.below_goal, result.back.below_goal_days) == (6, 10)
    assert len(result.back.weeks) == CHECKIN_WEEKS
    assert result.back.weeks[0].back is None  # eight weeks ago: no answers yet
    assert result.back.weeks[-1].back == round((2 * 4 + 6 * 3) / 7, 1)
    assert len(result.month) == 30
    without = review(
        today, RULES, prompts=[], breaks=[], stretches=[], activities=walks,
        movement_ids=MOVEMENT, goal=timedelta(minutes=10),
    )  # fmt: skip
    assert without.back is None


def test_the_stretch_under_way_counts_in_todays_figures() -> None:
    from movebreak.core.sitting import activity, arrive, view
    from movebreak.core.stats import open_records

    desk = arrive(at(9), RULES)
    for minute in range(1, 31):  # typing through half an hour
        desk = activity(desk, at(9) + timedelta(minutes=minute), RULES)
    stretches, breaks = open_records(view(desk, at(9.5), RULES), at(9.5))
    assert stretches == [Stretch(at(9), at(9.5), "seated")]
    assert breaks == []
    later = at(10)  # 30 min without input: away since the last input
    stretches, breaks = open_records(view(desk, later, RULES), later)
    assert stretches == [Stretch(at(9), at(9.5), "seated")]
    assert breaks == [Break(at(9.5), later)]


def test_a_break_is_a_natural_break_or_a_completed_exercise_counted_once() -> None:
    start, end = at(4), at(4, day=1)
    away = [Break(at(13), at(13.25)), Break(at(3), at(3.5))]  # 03:00: the day before
    walk_during_break = PromptRecord(
        at(13.05), at(13.1), "walk-lap", Outcome.DONE, timedelta(minutes=2)
    )
    taken = breaks_taken(away, [*PROMPTS, walk_during_break], start, end)
    # 09:00, 10:00 and 11:30 exercises done, the natural break at 13:00 (the walk inside
    # it is that break); not the snooze, the skip, nor the two from the day before.
    assert [b.start for b in taken] == [
        at(9) + timedelta(minutes=1),  # from Done minus the time moved, to Done
        at(10) + timedelta(minutes=2),
        at(11.5) + timedelta(minutes=1.5),
        at(13),
    ]
    summary = summarise(
        DAY, RULES, prompts=PROMPTS, breaks=away, stretches=[], activities=[],
        movement_ids=MOVEMENT, goal=timedelta(minutes=10),
    )  # fmt: skip
    assert summary.breaks == 4  # 3 exercises and 1 natural break
    day = review(
        DAY, RULES, prompts=PROMPTS, breaks=away, stretches=[], activities=[],
        movement_ids=MOVEMENT, goal=timedelta(minutes=10),
    )  # fmt: skip
    moving = [(b.start, b.end) for b in day.bands if b.kind == "moving"]
    assert (at(9) + timedelta(minutes=1), at(9) + timedelta(minutes=3)) in moving  # ends at Done
