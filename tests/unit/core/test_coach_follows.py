"""The seated stretch follows the person from one computer to the next (Coach.follow)."""

from datetime import timedelta

from movebreak.core.sitting import Posture
from movebreak.core.sync import DevicePresence
from tests.world import World

SLACK = timedelta(minutes=1)


def presence_of(world: World, device: str = "laptop") -> DevicePresence:
    view = world.coach.view()
    now = world.clock.now()
    return DevicePresence(device, device, now, now - view.idle, view.stretch_start, "seated")


def test_moving_to_another_computer_within_a_natural_break_keeps_the_stretch() -> None:
    laptop, desktop = World(), World()
    laptop.advance(minutes=25)  # 25 min seated at the laptop...
    left = presence_of(laptop)
    desktop.typing = False
    desktop.advance(minutes=40)  # ...while the desktop has seen nobody for a long time
    desktop.typing = True
    desktop.advance(seconds=30)  # the person sits down at the desktop two minutes later
    assert desktop.coach.view().seated <= timedelta(seconds=30)
    # (the worlds share a fake start; the desktop's clock is 40.5 min past it, the
    # laptop's last input at 25 min: shift the laptop's record to 2 min before arrival)
    shift = desktop.clock.now() - timedelta(seconds=30) - timedelta(minutes=2) - left.last_input
    moved = DevicePresence(
        "laptop", "laptop", left.written_at + shift, left.last_input + shift,
        left.stretch_start + shift, "seated",
    )  # fmt: skip
    assert desktop.coach.follow([moved], slack=SLACK) is not None
    view = desktop.coach.view()
    assert view.stretch_start == moved.stretch_start
    assert abs(view.seated - timedelta(minutes=25 + 2, seconds=30)) <= timedelta(seconds=2)
    # The journal keeps one stretch under way, moved back, not a second one.
    starts = [s for s, _, _ in desktop.journal.stretches if s >= view.stretch_start]
    assert starts == [view.stretch_start]


def test_after_a_real_break_nothing_carries_over() -> None:
    laptop, desktop = World(), World()
    laptop.advance(minutes=25)
    left = presence_of(laptop)
    desktop.typing = False
    desktop.advance(minutes=40)
    desktop.typing = True
    desktop.advance(seconds=30)
    shift = desktop.clock.now() - timedelta(minutes=10) - left.last_input  # away 10 min
    moved = DevicePresence(
        "laptop", "laptop", left.written_at + shift, left.last_input + shift,
        left.stretch_start + shift, "seated",
    )  # fmt: skip
    assert desktop.coach.follow([moved], slack=SLACK) is None
    assert desktop.coach.view().seated <= timedelta(seconds=30)


def test_a_prompt_comes_when_the_carried_stretch_reaches_the_limit() -> None:
    laptop, desktop = World(), World()
    laptop.advance(minutes=25)
    desktop.advance(minutes=25)  # both in use at once, the desktop's stretch younger
    desktop.coach.set_posture(Posture.STANDING)
    desktop.coach.set_posture(Posture.SEATED)  # a fresh seated stretch at 25 min
    desktop.advance(minutes=1)
    here = presence_of(laptop)
    assert desktop.coach.follow([here], slack=SLACK) is not None
    assert desktop.state == "seated"
    desktop.advance(minutes=2)
    assert desktop.state == "seated"  # 28 min since the laptop's stretch began
    desktop.typing = False  # (a prompt waits for a pause in typing)
    desktop.advance(minutes=2, seconds=30)
    assert desktop.state == "prompting"  # at 30, not 30 min after sitting down here


def test_an_exercise_done_at_the_other_computer_ends_the_stretch_here_too() -> None:
    laptop, desktop = World(), World()
    laptop.advance(minutes=20)
    desktop.advance(minutes=20)  # both in use, the same fake clock
    moved = laptop.clock.now()
    elsewhere = DevicePresence(
        "laptop", "laptop", moved, moved, moved, "seated", moved_at=moved
    )  # what the laptop says after its Done
    assert desktop.coach.follow([elsewhere], slack=SLACK) is not None
    assert desktop.coach.view().seated <= timedelta(seconds=1)
    desktop.advance(minutes=5)
    # The old presence (from before the Done) cannot bring the old stretch back.
    stale = DevicePresence(
        "laptop", "laptop", moved, moved, moved - timedelta(minutes=20), "seated"
    )
    assert desktop.coach.follow([stale], slack=SLACK) is None
    assert desktop.coach.view().seated <= timedelta(minutes=5, seconds=1)


def test_a_done_here_is_not_undone_by_a_longer_stretch_elsewhere() -> None:
    laptop, desktop = World(), World()
    laptop.advance(minutes=31)
    desktop.advance(minutes=31)
    assert desktop.state == "prompting"
    desktop.typing = False
    desktop.advance(seconds=5)
    assert desktop.coach.done()
    desktop.typing = True
    desktop.advance(minutes=1)
    assert desktop.coach.follow([presence_of(laptop)], slack=SLACK) is None
    assert desktop.coach.view().seated <= timedelta(minutes=1, seconds=1)
