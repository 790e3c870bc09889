"""Time misbehaves: suspend, the clock set forward or back, DST, day boundaries mid-prompt.

Whatever happens: no negative durations, no day counted twice, and after a jump at most
one prompt, never a burst of them.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from movebreak.core import stats
from movebreak.core.reminder import Outcome
from movebreak.core.sitting import SittingRules, Stretch
from tests.world import SITTING, World

BERLIN = ZoneInfo("Europe/Berlin")
ZERO = timedelta(0)


def prompted(world: World, minutes: float = 31) -> None:
    world.typing = True
    world.advance(minutes)
    world.typing = False
    world.advance(seconds=10)  # a pause in typing lets the due prompt in
    assert world.display.shown is not None


def jump(world: World, delta: timedelta) -> None:
    """The wall clock jumps (a suspend, an NTP fix, a user at the clock settings)."""
    world.clock.current += delta
    world.scheduler.advance(ZERO)  # whatever fell due during the jump runs now, late


def assert_sane(world: World) -> None:
    view = world.coach.view()
    for value in (view.seated, view.standing, view.idle, view.seated_today, view.standing_today):
        assert value >= ZERO
    for start, end, _ in world.journal.stretches:
        assert end > start
    for taken in world.journal.breaks:
        assert taken.end > taken.start
    for record in world.journal.prompts:
        assert record.resolved_at >= record.shown_at
        assert record.moved >= ZERO


@pytest.mark.parametrize("gap", [timedelta(minutes=30), timedelta(hours=8), timedelta(days=1)])
def test_after_a_suspend_with_a_prompt_open_at_most_one_prompt_follows(gap: timedelta) -> None:
    world = World()
    prompted(world)
    jump(world, gap)  # asleep; the app wakes and samples
    world.typing = True
    shows = world.display.shows
    world.advance(minutes=40)  # back at work: one new prompt due after 30 min, no burst
    assert world.display.shows - shows <= 1
    assert [r.outcome for r in world.journal.prompts] == [Outcome.AWAY]  # the old one closed
    assert_sane(world)


def test_the_clock_set_forward_while_typing_counts_no_negative_time_and_one_prompt() -> None:
    world = World()
    world.advance(minutes=10)
    jump(world, timedelta(hours=3))
    shows = world.display.shows
    world.advance(minutes=5)
    assert world.display.shows - shows <= 1
    assert_sane(world)


def test_the_clock_set_back_never_yields_negative_time_or_a_burst() -> None:
    world = World()
    world.advance(minutes=20)
    jump(world, -timedelta(hours=2))
    world.last_input = world.clock.now()
    view = world.coach.view()
    assert view.seated >= ZERO
    shows = world.display.shows
    world.advance(minutes=150)  # typing on through the two hours again and beyond
    assert world.display.shows - shows <= 6  # about one per 30 min, never a storm
    assert_sane(world)


@pytest.mark.parametrize(
    ("start", "label"),
    [
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "spring forward"),  # 02:00 CET -> 03:00
        (datetime(2026, 10, 25, 0, 0, tzinfo=UTC), "fall back"),  # 03:00 CEST -> 02:00
    ],
)
def test_typing_through_a_dst_change_counts_real_time_once(start: datetime, label: str) -> None:
    sitting = SittingRules(natural_break=timedelta(minutes=5), tz=BERLIN)
    world = World(sitting=sitting)
    world.clock.current = start
    world.last_input = start
    world.coach.observe_input(ZERO)
    world.advance(minutes=25)  # typing across the change, below the limit
    world.typing = False
    world.advance(minutes=10)  # leave: the stretch ends, a break begins
    world.typing = True
    world.advance(seconds=30)
    stretches = stats.distinct_stretches(
        Stretch(a, b, p) for a, b, p in world.journal.stretches
    )
    first = stretches[0]
    assert first.end - first.start == pytest.approx(
        timedelta(minutes=25), abs=timedelta(seconds=30)
    ), label
    summary = stats.summarise(
        sitting.day_of(first.start),
        sitting,
        prompts=[],
        breaks=world.journal.breaks,
        stretches=stretches,
        activities=[],
        movement_ids=None,
        goal=timedelta(minutes=10),
    )
    assert summary.seated == sum((s.end - s.start for s in stretches), ZERO)  # each once
    assert summary.seated < timedelta(minutes=27)  # real minutes, not wall-clock hours
    assert_sane(world)


def test_a_prompt_open_across_the_day_boundary_counts_on_the_day_it_was_shown() -> None:
    world = World()
    world.clock.current = datetime(2026, 3, 3, 3, 20, tzinfo=UTC)  # days start at 04:00
    world.last_input = world.clock.now()
    world.coach.observe_input(ZERO)
    prompted(world, minutes=31)  # shown about 03:51
    world.typing = True
    world.advance(minutes=12)  # typing on, ignoring it, past 04:00
    assert world.coach.skip()
    records = world.journal.prompts
    assert [r.outcome for r in records] == [Outcome.SKIPPED]
    assert SITTING.day_of(records[0].shown_at) != SITTING.day_of(records[0].resolved_at)
    counted = []
    for day in (SITTING.day_of(records[0].shown_at), SITTING.day_of(records[0].resolved_at)):
        summary = stats.summarise(
            day,
            SITTING,
            prompts=records,
            breaks=world.journal.breaks,
            stretches=[],
            activities=[],
            movement_ids=None,
            goal=timedelta(minutes=10),
        )
        counted.append(sum(summary.prompts.values()))
    assert counted == [1, 0]  # the day it was shown, and only that day
    assert_sane(world)
