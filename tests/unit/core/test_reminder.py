"""Prompt policy with fake time: the whole Coach, driven the way the app drives it."""

from datetime import UTC, datetime, time, timedelta

from movebreak.core.ports import ShownPrompt
from movebreak.core.reminder import Hold, Outcome
from movebreak.core.schedule import Schedule, Weekday, WorkHours
from movebreak.core.sitting import Posture
from movebreak.core.stats import PauseUnderWay
from tests.world import World, rules


def shown(world: World) -> ShownPrompt | None:
    """What is on screen (a call, so the type checker does not pin it between steps)."""
    return world.display.shown


def on_screen(world: World) -> ShownPrompt:
    """The prompt on screen; fails the test if there is none."""
    prompt = world.display.shown
    assert prompt is not None
    return prompt


def work_until_prompted(world: World, minutes: float = 30) -> None:
    """Type for ``minutes``, then pause long enough for a due prompt to appear."""
    world.typing = True
    world.advance(minutes)
    world.typing = False
    world.advance(seconds=5)
    assert shown(world) is not None


def test_the_prompt_appears_after_the_sitting_limit_once_typing_pauses() -> None:
    world = World()
    world.advance(minutes=29, seconds=59)
    assert shown(world) is None
    assert world.coach.status().next_prompt_at == world.clock.now() + timedelta(seconds=1)
    world.typing = False
    world.advance(seconds=4)
    assert shown(world) is not None
    assert world.state == "prompting"
    prompt = world.coach.status().prompt
    assert prompt is not None
    assert prompt.shown_at - world.last_input == timedelta(seconds=3)  # right at the pause


def test_typing_holds_the_prompt_until_the_grace_period_ends() -> None:
    world = World()
    world.advance(minutes=30, seconds=30)  # still typing 30 s after it fell due
    assert shown(world) is None
    assert world.coach.status().held_by is Hold.TYPING
    world.advance(seconds=31)  # grace is 1 min
    assert shown(world) is not None


def test_the_prompt_never_stacks_and_reminds_once_when_ignored() -> None:
    world = World()
    work_until_prompted(world)
    world.typing = True  # the user ignores it and types on
    world.advance(minutes=20)
    assert world.display.shows == 1
    assert world.display.notes == ["Time to move"]
    assert world.state == "prompting"


def test_snooze_brings_it_back_and_is_limited() -> None:
    world = World()
    work_until_prompted(world)
    first = world.display.shown
    assert first is not None
    assert first.snoozes_left == 2
    assert world.coach.snooze()
    assert shown(world) is None
    world.typing = True
    world.advance(minutes=9)
    assert world.state == "snoozed"
    work_until_prompted(world, minutes=1)
    assert shown(world) is not None
    assert on_screen(world).exercise == first.exercise  # the same exercise comes back
    assert world.coach.snooze()
    work_until_prompted(world, minutes=10)
    assert on_screen(world).snoozes_left == 0
    assert not world.coach.snooze()  # no third snooze in a row
    assert [r.outcome for r in world.journal.prompts] == [Outcome.SNOOZED, Outcome.SNOOZED]


def test_skip_lets_sitting_go_on_and_the_next_prompt_comes_a_limit_later() -> None:
    world = World()
    work_until_prompted(world)
    assert world.coach.skip()
    skipped_at = world.clock.now()
    assert world.coach.view().seated >= timedelta(minutes=30)  # sitting goes on
    assert world.coach.status().next_prompt_at == skipped_at + timedelta(minutes=30)
    world.typing = True
    world.advance(minutes=29)
    assert shown(world) is None
    work_until_prompted(world, minutes=1)
    assert world.journal.prompts[0].outcome is Outcome.SKIPPED


def test_done_records_the_moved_time_and_ends_the_seated_stretch() -> None:
    world = World()
    work_until_prompted(world)
    assert world.coach.start()
    world.advance(minutes=1, seconds=30)
    assert world.coach.done()
    [record] = world.journal.prompts
    assert record.outcome is Outcome.DONE
    assert record.moved == timedelta(seconds=90)
    world.typing = True
    world.advance(minutes=1)
    assert world.coach.view().seated == timedelta(minutes=1)
    assert world.state == "seated"


def test_done_without_start_counts_at_most_the_exercise() -> None:
    world = World()
    work_until_prompted(world)
    length = on_screen(world).exercise.duration
    world.advance(minutes=4)  # away from the keyboard, doing it, not pressing Start
    world.coach.done()
    [record] = world.journal.prompts
    assert record.moved == length  # 4 minutes passed, but the exercise takes less


def test_a_natural_break_while_the_prompt_is_open_closes_it_as_away() -> None:
    world = World()
    work_until_prompted(world)
    world.advance(minutes=5)  # the user has left the desk
    assert shown(world) is None
    assert [r.outcome for r in world.journal.prompts] == [Outcome.AWAY]
    assert world.journal.breaks == []  # recorded when they come back, with its length
    world.typing = True
    world.advance(seconds=20)
    assert len(world.journal.breaks) == 1
    assert world.state == "seated"


def test_pause_across_midnight_holds_prompts_until_it_ends() -> None:
    world = World()
    world.clock.current = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    world.last_input = world.clock.now()
    world.coach.observe_input(timedelta(0))
    world.coach.pause(datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    world.advance(minutes=119)
    assert world.state == "paused"
    assert world.display.shows == 0
    world.advance(minutes=2)
    assert world.state == "seated"
    world.advance(minutes=28)
    assert world.display.shows == 0  # the limit counts afresh from the end of the pause
    work_until_prompted(world, minutes=1)
    assert world.journal.pauses == [
        (datetime(2026, 3, 2, 23, 0, tzinfo=UTC), datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    ]


def test_resume_ends_a_pause_at_once_and_the_journal_keeps_how_long_it_was() -> None:
    world = World()
    started = world.clock.now()
    world.coach.pause(None)
    world.advance(minutes=90)
    assert world.display.shows == 0
    assert world.coach.resume()
    assert world.state == "seated"
    assert world.journal.pauses == [(started, started + timedelta(minutes=90))]


def test_closing_keeps_the_stretch_and_the_pause_under_way_once() -> None:
    world = World()
    started = world.clock.now()
    world.advance(minutes=20)
    world.coach.pause(started + timedelta(hours=2))
    world.advance(minutes=10)  # paused, still typing
    world.coach.close()
    world.coach.close()
    [(begin, end, posture)] = world.journal.stretches
    assert (posture, begin) == ("seated", started)
    assert end >= started + timedelta(minutes=29)  # up to the last input
    # Kept up to the quit and still under way: the next start carries it on.
    assert world.journal.pauses == []
    assert world.journal.under_way == PauseUnderWay(
        started + timedelta(minutes=20),
        started + timedelta(minutes=30),
        started + timedelta(hours=2),
    )


def test_no_prompts_outside_work_hours() -> None:
    weekdays = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
    schedule = Schedule(weekdays, WorkHours(time(8, 30), time(9, 20)), UTC)
    world = World(rules(schedule=schedule))
    world.advance(minutes=45)  # work hours ended at 09:20
    world.typing = False
    world.advance(seconds=10)
    assert world.display.shows == 0
    assert world.state == "off_hours"
    # the next chance is tomorrow at 08:30
    assert world.coach.status().next_prompt_at == datetime(2026, 3, 3, 8, 30, tzinfo=UTC)


def test_a_fullscreen_window_holds_the_prompt_until_it_ends() -> None:
    world = World()
    world.fullscreen = True
    world.advance(minutes=45)
    world.typing = False
    world.advance(seconds=5)
    assert world.display.shows == 0
    assert world.coach.status().held_by is Hold.FULLSCREEN
    world.fullscreen = False
    world.advance(seconds=10)
    assert world.display.shows == 1  # within seconds of the presentation ending


def test_standing_counts_against_its_own_limit_and_suggests_a_change() -> None:
    world = World(rules(standing_limit=timedelta(minutes=20)))
    world.advance(minutes=10)
    world.coach.set_posture(Posture.STANDING)
    world.advance(minutes=19)
    assert world.display.shows == 0  # 29 min at the desk, but only 19 standing
    work_until_prompted(world, minutes=1)
    assert shown(world) is not None
    assert on_screen(world).posture is Posture.STANDING


def test_break_now_shows_a_prompt_at_once_even_when_paused() -> None:
    world = World()
    world.coach.pause(None)
    assert world.coach.break_now()
    assert world.display.shows == 1
    assert not world.coach.break_now()  # never a second one


def test_another_exercise_is_different_and_fits() -> None:
    world = World()
    world.coach.break_now()
    first = world.display.shown
    assert first is not None
    seen = {first.exercise.id}
    for _ in range(3):
        before = world.display.shown
        assert before is not None
        assert world.coach.another()
        assert shown(world) is not None
        assert on_screen(world).exercise.id != before.exercise.id
        seen.add(on_screen(world).exercise.id)
    assert "pelvic-rock" not in seen  # a seated exercise does not answer "get up"
    assert len(seen) >= 3
    assert world.display.shows == 4


def test_the_scheduler_holds_one_wakeup_at_a_time() -> None:
    world = World()
    world.advance(minutes=45)
    # the sampling job plus at most the Coach's own single wake-up
    assert world.scheduler.pending() <= 2
