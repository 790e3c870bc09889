"""A simulated user at a simulated desk, driving a real Coach with fake time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

from movebreak.core.coach import Coach
from movebreak.core.exercises import Dose, Exercise, Position
from movebreak.core.reminder import Hold, ReminderRules
from movebreak.core.schedule import ALL_DAY, ALL_DAYS, Schedule
from movebreak.core.sitting import SittingRules
from tests.fakes import FakeClock, ManualScheduler, MemoryJournal, RecordingDisplay

SAMPLE = timedelta(seconds=15)
SITTING = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)
RULES = ReminderRules(
    sitting_limit=timedelta(minutes=30),
    standing_limit=timedelta(minutes=30),
    snooze=timedelta(minutes=10),
    max_snoozes=2,
    typing_pause=timedelta(seconds=3),
    typing_grace=timedelta(minutes=1),
    remind_after=timedelta(minutes=5),
    schedule=Schedule(ALL_DAYS, ALL_DAY, UTC),
)


def exercise(
    ident: str, position: Position, focus: str, minutes: float = 2, **extra: object
) -> Exercise:
    fields: dict[str, object] = {
        "id": ident,
        "title": ident.replace("-", " ").title(),
        "summary": "Move.",
        "steps": ("Stand up.", "Move."),
        "dose": Dose("duration", minutes, "min"),
        "duration": timedelta(minutes=minutes),
        "position": position,
        "space": "beside_desk_1m",
        "equipment": ("none",),
        "focus_areas": (focus,),
        "intensity": 1,
        "activity_class": "light",
        "counts_as": ("movement_minutes",),
        "animation": ("stand", "walk_a"),
    }
    fields.update(extra)
    return Exercise(**fields)  # type: ignore[arg-type]  # test builder


EXERCISES = (
    exercise("walk-lap", Position.WALKING, "whole_body"),
    exercise("march", Position.STANDING, "hips"),
    exercise("calf-raise", Position.STANDING, "calves_ankles", 1),
    exercise("shoulder-rolls", Position.EITHER, "shoulders", 1),
    exercise("pelvic-rock", Position.SEATED, "lower_back", 1),
)


class World:
    """The user types (or not) while time passes; the app samples input every 15 s."""

    def __init__(self, rules: ReminderRules = RULES, sitting: SittingRules = SITTING):
        self.clock = FakeClock()
        self.scheduler = ManualScheduler(self.clock)
        self.journal = MemoryJournal()
        self.display = RecordingDisplay()
        self.last_input = self.clock.now()
        self.typing = True
        self.fullscreen = False
        self.coach = Coach(
            clock=self.clock,
            scheduler=self.scheduler,
            journal=self.journal,
            display=self.display,
            sitting_rules=sitting,
            rules=rules,
            exercises=EXERCISES,
            idle=self.idle,
            busy=lambda: Hold.FULLSCREEN if self.fullscreen else None,
        )
        self.scheduler.call_at(self.clock.now() + SAMPLE, self._sample)

    def idle(self) -> timedelta:
        return self.clock.now() - self.last_input

    def _sample(self) -> None:
        self.coach.observe_input(self.idle())
        self.scheduler.call_at(self.clock.now() + SAMPLE, self._sample)

    def advance(self, minutes: float = 0, *, seconds: float = 0) -> None:
        """Let time pass in one-second steps; the user types each second if ``typing``."""
        steps = int(minutes * 60 + seconds)
        if not self.typing:
            self.scheduler.advance(timedelta(seconds=steps))
            return
        for _ in range(steps):
            if self.typing:
                self.last_input = self.clock.now()
            self.scheduler.advance(timedelta(seconds=1))

    @property
    def state(self) -> str:
        return self.coach.status().state


def rules(**changes: object) -> ReminderRules:
    return replace(RULES, **changes)  # type: ignore[arg-type]  # test helper
