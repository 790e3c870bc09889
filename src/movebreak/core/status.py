"""What the Coach is doing, as the tray, the prompt window and ``movebreak status`` show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from movebreak.core.exercises import Exercise
from movebreak.core.ports import ShownPrompt
from movebreak.core.progression import Level
from movebreak.core.reminder import (
    Hold,
    Paused,
    Prompting,
    ReminderRules,
    ReminderState,
    Snoozed,
    Watching,
    due_at,
)
from movebreak.core.sitting import Break, DeskView, Posture


@dataclass(frozen=True, slots=True)
class Status:
    """The Coach's state for the tray and ``movebreak status``."""

    state: str  # seated, standing, away, prompting, snoozed, paused, off_hours
    desk: DeskView
    next_prompt_at: datetime | None
    snoozes_left: int
    held_by: Hold | None
    prompt: Prompting | None
    exercise: Exercise | None
    paused_until: datetime | None
    level: Level
    # The day's breaks by the one definition (core.stats): natural ones and completed
    # exercises; what the tray and ``status --json`` count.
    breaks_today: tuple[Break, ...] = ()


def status_of(
    state: ReminderState,
    desk: DeskView,
    rules: ReminderRules,
    now: datetime,
    exercise: Exercise | None,
    level: Level,
    breaks_today: tuple[Break, ...] = (),
) -> Status:
    """The Status at ``now``; ``exercise`` is the open prompt's, if one is open.

    Outside work hours a watching Coach reads "off_hours", and the next prompt is not
    shown before the hours start again.
    """
    due = due_at(state, desk, rules)
    off_hours = not rules.schedule.is_on(now)
    match state:
        case Prompting():
            name = "prompting"
        case Snoozed():
            name = "snoozed"
        case Paused():
            name = "paused"
        case _ if off_hours:
            name = "off_hours"
        case _:
            name = desk.presence.value
    if off_hours and due is not None:
        start = rules.schedule.next_start(now)
        due = max(due, start) if start is not None else None
    snoozes = state.snoozes if isinstance(state, Prompting | Snoozed) else 0
    return Status(
        state=name,
        desk=desk,
        next_prompt_at=due,
        snoozes_left=max(rules.max_snoozes - snoozes, 0),
        held_by=state.held_by if isinstance(state, Watching | Snoozed) else None,
        prompt=state if isinstance(state, Prompting) else None,
        exercise=exercise,
        paused_until=state.until if isinstance(state, Paused) else None,
        level=level,
        breaks_today=breaks_today,
    )


def shown_prompt(
    prompt: Prompting, exercise: Exercise, posture: Posture, rules: ReminderRules
) -> ShownPrompt:
    """What the prompt window shows for ``prompt``, which offers ``exercise``."""
    return ShownPrompt(
        exercise=exercise,
        posture=posture,
        snooze=rules.snooze,
        snoozes_left=max(rules.max_snoozes - prompt.snoozes, 0),
        started_at=prompt.started_at,
    )
