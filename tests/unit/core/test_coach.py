from datetime import timedelta

from movebreak.core.sitting import Posture, Presence
from tests.fakes import START
from tests.world import World


def test_seated_time_counts_from_app_start() -> None:
    world = World()
    world.advance(minutes=3)
    assert world.coach.view().seated == timedelta(minutes=3)


def test_idle_reported_by_the_source_becomes_a_natural_break() -> None:
    world = World()
    world.advance(minutes=20)
    left_at = world.last_input
    world.typing = False
    world.advance(minutes=8)
    assert world.coach.view().presence is Presence.AWAY
    world.typing = True
    world.advance(seconds=16)  # one sample after coming back
    view = world.coach.view()
    assert view.presence is Presence.SEATED
    assert view.last_break is not None
    assert view.last_break.start == left_at
    assert view.seated <= timedelta(seconds=16)
    assert world.journal.breaks == [view.last_break]


def test_without_an_activity_source_the_user_counts_as_present() -> None:
    world = World()
    for _ in range(3):
        world.clock.advance(timedelta(minutes=10))  # longer than natural_break between reports
        world.coach.observe_input(None)
    assert world.coach.view().seated == timedelta(minutes=30)
    assert world.coach.view().last_break is None
    world.clock.advance(timedelta(minutes=4))
    world.coach.observe_away(world.clock.now() - timedelta(minutes=4), world.clock.now())
    world.coach.observe_input(None)  # a suspend is away even then
    assert world.coach.view().last_break is not None
    assert world.coach.view().seated == timedelta(0)


def test_a_suspend_then_return_is_a_break() -> None:
    world = World()
    world.advance(minutes=15)
    world.typing = False
    world.clock.advance(timedelta(minutes=3))  # asleep: no samples ran
    world.coach.observe_away(world.clock.now() - timedelta(minutes=3), world.clock.now())
    world.coach.observe_input(world.idle())
    assert world.coach.view().presence is Presence.AWAY
    world.typing = True
    world.advance(seconds=20)
    assert world.coach.view().seated <= timedelta(seconds=20)
    assert len(world.coach.view().breaks_today) == 1


def test_posture_switches_from_the_user() -> None:
    world = World()
    world.advance(minutes=2)
    world.coach.set_posture(Posture.STANDING)
    world.advance(minutes=1)
    assert world.coach.view().presence is Presence.STANDING
    assert world.coach.view().standing == timedelta(minutes=1)
    assert world.clock.now() - START == timedelta(minutes=3)


def test_finished_stretches_are_recorded_with_their_posture() -> None:
    world = World()
    world.advance(minutes=10)
    world.coach.set_posture(Posture.STANDING)
    standing_from = world.clock.now()
    world.advance(minutes=5)
    last_input = world.last_input
    world.typing = False
    world.advance(minutes=6)  # a natural break ends the standing stretch at the last input
    world.typing = True
    world.advance(seconds=20)
    assert world.journal.stretches == [
        (START, standing_from, "seated"),
        (standing_from, last_input, "standing"),
    ]
