from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from movebreak.core.sitting import (
    Desk,
    Posture,
    Presence,
    SittingRules,
    activity,
    arrive,
    away,
    change_posture,
    view,
)
from tests.fakes import START

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def typing(desk: Desk, start: datetime, length: timedelta, every: timedelta) -> Desk:
    """Input every ``every`` from ``start`` for ``length``."""
    at = start
    while at <= start + length:
        desk = activity(desk, at, RULES)
        at += every
    return desk


def test_seated_time_rises_while_the_user_works() -> None:
    desk = typing(arrive(START, RULES), START, minutes(23), minutes(1))
    shown = view(desk, START + minutes(23), RULES)
    assert shown.presence is Presence.SEATED
    assert shown.seated == minutes(23)
    assert shown.breaks_today == ()


def test_a_short_pause_to_read_still_counts_as_sitting() -> None:
    desk = typing(arrive(START, RULES), START, minutes(10), minutes(1))
    desk = activity(desk, START + minutes(14), RULES)  # 4 min reading, under natural_break
    shown = view(desk, START + minutes(16), RULES)
    assert shown.presence is Presence.SEATED
    assert shown.seated == minutes(16)
    assert shown.last_break is None


def test_idle_up_to_the_threshold_still_shows_sitting_then_away() -> None:
    desk = typing(arrive(START, RULES), START, minutes(10), minutes(1))
    assert view(desk, START + minutes(14.9), RULES).presence is Presence.SEATED
    later = view(desk, START + minutes(15), RULES)
    assert later.presence is Presence.AWAY
    assert later.seated == timedelta(0)
    assert later.idle == minutes(5)


def test_a_natural_break_resets_seated_time_and_is_recorded_from_last_to_next_input() -> None:
    desk = typing(arrive(START, RULES), START, minutes(20), minutes(1))
    desk = activity(desk, START + minutes(27), RULES)  # 7 min away
    shown = view(desk, START + minutes(30), RULES)
    assert shown.presence is Presence.SEATED
    assert shown.seated == minutes(3)
    assert shown.last_break is not None
    assert shown.last_break.start == START + minutes(20)
    assert shown.last_break.length == minutes(7)
    assert len(shown.breaks_today) == 1
    assert shown.seated_today == minutes(23)


def test_a_suspend_counts_as_a_break_even_when_shorter_than_natural_break() -> None:
    desk = typing(arrive(START, RULES), START, minutes(10), minutes(1))
    desk = away(desk, START + minutes(10), START + minutes(13), RULES)  # 3 min asleep
    assert view(desk, START + minutes(13), RULES).presence is Presence.AWAY
    desk = activity(desk, START + minutes(13.5), RULES)
    shown = view(desk, START + minutes(14), RULES)
    assert shown.seated == minutes(0.5)
    assert shown.last_break is not None
    assert shown.last_break.length == minutes(3.5)


def test_a_very_short_suspend_is_not_a_break() -> None:
    desk = typing(arrive(START, RULES), START, minutes(10), minutes(1))
    desk = away(desk, START + minutes(10), START + minutes(10.5), RULES)
    desk = activity(desk, START + minutes(11), RULES)
    assert view(desk, START + minutes(11), RULES).seated == minutes(11)


def test_standing_counts_separately_and_ends_the_seated_stretch() -> None:
    desk = typing(arrive(START, RULES), START, minutes(20), minutes(1))
    desk = change_posture(desk, Posture.STANDING, START + minutes(20), RULES)
    desk = typing(desk, START + minutes(21), minutes(9), minutes(1))
    shown = view(desk, START + minutes(30), RULES)
    assert shown.presence is Presence.STANDING
    assert shown.seated == timedelta(0)
    assert shown.standing == minutes(10)
    assert shown.seated_today == minutes(20)
    assert shown.standing_today == minutes(10)
    assert shown.breaks_today == ()  # standing up is not leaving the desk
    desk = change_posture(desk, Posture.SEATED, START + minutes(31), RULES)
    back = view(desk, START + minutes(33), RULES)
    assert (back.seated, back.standing) == (minutes(2), timedelta(0))
    assert back.standing_today == minutes(11)


def test_saying_you_stand_after_a_break_closes_the_break_first() -> None:
    desk = arrive(START, RULES)
    desk = change_posture(desk, Posture.STANDING, START + minutes(30), RULES)
    shown = view(desk, START + minutes(31), RULES)
    assert shown.last_break is not None
    assert shown.last_break.length == minutes(30)
    assert shown.standing == minutes(1)


def test_a_clock_set_back_never_gives_negative_time() -> None:
    desk = activity(arrive(START, RULES), START + minutes(10), RULES)
    desk = activity(desk, START + minutes(2), RULES)
    shown = view(desk, START + minutes(1), RULES)
    assert shown.seated >= timedelta(0)
    assert shown.idle == timedelta(0)


def test_the_day_starts_at_four_and_tallies_restart() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    rules = SittingRules(natural_break=minutes(5), tz=berlin)
    evening = datetime(2026, 3, 2, 23, 0, tzinfo=berlin)
    desk = arrive(evening, rules)
    four = datetime(2026, 3, 3, 4, 0, tzinfo=berlin)
    at = evening
    while at < four - minutes(1):  # a very long night's work
        at += minutes(1)
        desk = activity(desk, at, rules)
    before = view(desk, at, rules)
    while at < four + minutes(30):
        at += minutes(1)
        desk = activity(desk, at, rules)
    after = view(desk, at, rules)
    assert before.day == date(2026, 3, 2)
    assert before.seated_today == timedelta(hours=4, minutes=59)
    assert after.day == date(2026, 3, 3)
    assert after.seated_today == minutes(30)  # only the part after 04:00
    assert after.seated == timedelta(hours=5, minutes=30)  # the stretch itself goes on


def test_a_break_overnight_is_not_a_break_of_the_new_day() -> None:
    desk = arrive(datetime(2026, 3, 2, 17, 0, tzinfo=UTC), RULES)
    desk = activity(desk, datetime(2026, 3, 3, 8, 0, tzinfo=UTC), RULES)
    shown = view(desk, datetime(2026, 3, 3, 8, 4, tzinfo=UTC), RULES)
    assert shown.breaks_today == ()
    assert shown.last_break is not None
    assert shown.last_break.length == timedelta(hours=15)
    assert shown.seated_today == minutes(4)


def test_day_of_follows_local_wall_time_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    rules = SittingRules(natural_break=minutes(5), tz=berlin, day_starts_at=time(4))
    # 2026-03-29: clocks go from 02:00 to 03:00 CET -> CEST.
    assert rules.day_of(datetime(2026, 3, 29, 1, 59, tzinfo=UTC)) == date(2026, 3, 28)  # 03:59
    assert rules.day_of(datetime(2026, 3, 29, 2, 0, tzinfo=UTC)) == date(2026, 3, 29)  # 04:00
    assert rules.day_start(date(2026, 3, 29)).astimezone(UTC).hour == 2


# --- properties over random activity streams -------------------------------------------

events = st.lists(
    st.one_of(
        st.tuples(st.just("input"), st.integers(min_value=1, max_value=900)),
        st.tuples(st.just("posture"), st.integers(min_value=1, max_value=900)),
        st.tuples(st.just("suspend"), st.integers(min_value=1, max_value=900)),
    ),
    max_size=60,
)


def replay(stream: list[tuple[str, int]]) -> tuple[Desk, datetime, list[timedelta], bool]:
    """Apply a stream of (kind, seconds-later) events.

    Returns the desk, the end time, the input gaps seen, and whether any suspend was long
    enough to count.
    """
    desk, now = arrive(START, RULES), START
    gaps: list[timedelta] = []
    counted_suspend = False
    posture = Posture.SEATED
    for kind, seconds in stream:
        later = now + timedelta(seconds=seconds)
        if kind == "input":
            gaps.append(later - desk.last_activity)
            desk = activity(desk, later, RULES)
        elif kind == "posture":
            gaps.append(later - desk.last_activity)
            posture = Posture.STANDING if posture is Posture.SEATED else Posture.SEATED
            desk = change_posture(desk, posture, later, RULES)
        else:
            counted_suspend |= later - now >= RULES.away_break
            desk = away(desk, now, later, RULES)
        now = later
    return desk, now, gaps, counted_suspend


@settings(max_examples=300)
@given(events, st.integers(min_value=0, max_value=900))
def test_times_are_never_negative_nor_longer_than_since_the_last_break(
    stream: list[tuple[str, int]], extra: int
) -> None:
    desk, now, _, _ = replay(stream)
    now += timedelta(seconds=extra)
    shown = view(desk, now, RULES)
    assert shown.seated >= timedelta(0)
    assert shown.standing >= timedelta(0)
    assert shown.seated == timedelta(0) or shown.standing == timedelta(0)
    since = shown.last_break.end if shown.last_break else START
    assert shown.seated <= now - since
    assert shown.standing <= now - since
    assert shown.seated_today + shown.standing_today <= now - START
    for taken in shown.breaks_today:
        assert taken.length >= min(RULES.natural_break, RULES.away_break)


@settings(max_examples=300)
@given(
    st.lists(
        st.integers(min_value=1, max_value=900).map(lambda s: timedelta(seconds=s)), max_size=60
    )
)
def test_every_gap_of_natural_break_or_more_is_exactly_one_break(gaps: list[timedelta]) -> None:
    desk, at = arrive(START, RULES), START
    for gap in gaps:
        at += gap
        desk = activity(desk, at, RULES)
    shown = view(desk, at, RULES)
    long_gaps = [gap for gap in gaps if gap >= RULES.natural_break]
    assert [b.length for b in shown.breaks_today] == long_gaps
    assert shown.seated_today + sum(long_gaps, timedelta(0)) == at - START


@given(events)
def test_without_suspends_breaks_match_long_input_gaps(stream: list[tuple[str, int]]) -> None:
    desk, now, gaps, counted_suspend = replay(stream)
    if counted_suspend:
        return
    shown = view(desk, now, RULES)
    assert len(shown.breaks_today) == sum(1 for gap in gaps if gap >= RULES.natural_break)


def test_a_lock_is_away_at_once_and_a_short_one_is_forgotten() -> None:
    from movebreak.core.sitting import away_ended, away_started

    desk = typing(arrive(START, RULES), START, minutes(10), minutes(1))
    locked = away_started(desk, START + minutes(10.5))
    assert view(locked, START + minutes(10.6), RULES).presence is Presence.AWAY
    unlocked = away_ended(locked, START + minutes(11), RULES)  # 30 s: no break
    desk = activity(unlocked, START + minutes(11.1), RULES)
    assert view(desk, START + minutes(11.1), RULES).last_break is None
    long_lock = away_ended(locked, START + minutes(14), RULES)  # 3.5 min: a break
    desk = activity(long_lock, START + minutes(14.1), RULES)
    shown = view(desk, START + minutes(14.1), RULES)
    assert shown.last_break is not None
    assert shown.seated == timedelta(0)
