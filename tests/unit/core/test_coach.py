from datetime import UTC, timedelta

from movebreak.core.coach import Coach
from movebreak.core.sitting import Posture, Presence, SittingRules
from tests.fakes import START, FakeClock

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)


def test_seated_time_counts_from_app_start() -> None:
    clock = FakeClock()
    coach = Coach(clock, RULES)
    clock.advance(timedelta(minutes=3))
    coach.observe_input(timedelta(seconds=10))
    assert coach.view().seated == timedelta(minutes=3)


def test_idle_reported_by_the_source_becomes_a_natural_break() -> None:
    clock = FakeClock()
    coach = Coach(clock, RULES)
    for _ in range(20):
        clock.advance(timedelta(minutes=1))
        coach.observe_input(timedelta(0))
    clock.advance(timedelta(minutes=8))
    coach.observe_input(timedelta(minutes=8))  # nothing new
    assert coach.view().presence is Presence.AWAY
    clock.advance(timedelta(seconds=30))
    coach.observe_input(timedelta(seconds=2))  # back at the keyboard
    view = coach.view()
    assert view.presence is Presence.SEATED
    assert view.last_break is not None
    assert view.last_break.start == START + timedelta(minutes=20)
    assert view.seated == timedelta(seconds=2)


def test_without_an_activity_source_the_user_counts_as_present() -> None:
    clock = FakeClock()
    coach = Coach(clock, RULES)
    for _ in range(3):
        clock.advance(timedelta(minutes=10))  # longer than natural_break between reports
        coach.observe_input(None)
    assert coach.view().seated == timedelta(minutes=30)
    assert coach.view().last_break is None
    clock.advance(timedelta(minutes=4))
    coach.observe_away(clock.now() - timedelta(minutes=4), clock.now())  # but a suspend is away
    coach.observe_input(None)
    assert coach.view().last_break is not None
    assert coach.view().seated == timedelta(0)


def test_a_suspend_then_return_is_a_break() -> None:
    clock = FakeClock()
    coach = Coach(clock, RULES)
    for _ in range(15):
        clock.advance(timedelta(minutes=1))
        coach.observe_input(timedelta(0))
    clock.advance(timedelta(minutes=3))
    coach.observe_away(clock.now() - timedelta(minutes=3), clock.now())
    coach.observe_input(timedelta(minutes=3))
    assert coach.view().presence is Presence.AWAY
    clock.advance(timedelta(seconds=20))
    coach.observe_input(timedelta(0))
    assert coach.view().seated == timedelta(0)
    assert len(coach.view().breaks_today) == 1


def test_posture_switches_from_the_user() -> None:
    clock = FakeClock()
    coach = Coach(clock, RULES)
    clock.advance(timedelta(minutes=2))
    coach.set_posture(Posture.STANDING)
    clock.advance(timedelta(minutes=1))
    coach.observe_input(timedelta(0))
    assert coach.view().presence is Presence.STANDING
    assert coach.view().standing == timedelta(minutes=1)
