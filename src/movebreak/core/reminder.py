"""The prompt's life cycle as values: watching, prompting, snoozed, paused.

Pure functions decide when the next prompt is due and whether it may appear now; the
Coach holds the current state and carries out what they decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from movebreak.core.schedule import Schedule
from movebreak.core.sitting import DeskView, Posture, Presence


class Outcome(StrEnum):
    """How a prompt ended, as recorded in the journal."""

    DONE = "done"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    AWAY = "away"


class Hold(StrEnum):
    """Why a prompt that is due has not appeared yet."""

    TYPING = "typing"
    FULLSCREEN = "fullscreen"
    DO_NOT_DISTURB = "do_not_disturb"
    CAMERA = "camera"


@dataclass(frozen=True, slots=True)
class Watching:
    """No prompt open; one falls due after the limit.

    Attributes:
        counted_from: after a skip or a pause the limit counts from here, not from the
            start of the stretch.
        held_since: when a due prompt was first held back (typing, fullscreen).
        held_by: what holds it.
    """

    counted_from: datetime | None = None
    held_since: datetime | None = None
    held_by: Hold | None = None


@dataclass(frozen=True, slots=True)
class Prompting:
    """A prompt is on screen."""

    shown_at: datetime
    exercise_id: str
    snoozes: int = 0
    started_at: datetime | None = None
    reminded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Snoozed:
    """The prompt was snoozed; it comes back at ``until`` with the same exercise."""

    until: datetime
    snoozes: int
    exercise_id: str
    held_since: datetime | None = None
    held_by: Hold | None = None


@dataclass(frozen=True, slots=True)
class Paused:
    """The user paused prompts at ``since``, until ``until`` or until they resume (``None``)."""

    since: datetime
    until: datetime | None


ReminderState = Watching | Prompting | Snoozed | Paused


@dataclass(frozen=True, slots=True)
class ReminderRules:
    """The settings the prompt life cycle follows."""

    sitting_limit: timedelta
    standing_limit: timedelta
    snooze: timedelta
    max_snoozes: int
    typing_pause: timedelta
    typing_grace: timedelta
    remind_after: timedelta
    schedule: Schedule


@dataclass(frozen=True, slots=True)
class PromptRecord:
    """One resolved prompt, as the journal keeps it: facts only."""

    shown_at: datetime
    resolved_at: datetime
    exercise_id: str
    outcome: Outcome
    moved: timedelta
    rating: str | None = None  # a progression.Rating value, given after Done


# How often a held prompt looks again: often while the user types (to catch the pause),
# rarely while something fullscreen runs (the prompt follows within this once it ends).
RECHECK = {
    Hold.TYPING: timedelta(seconds=1),
    Hold.FULLSCREEN: timedelta(seconds=10),
    Hold.DO_NOT_DISTURB: timedelta(seconds=10),
    Hold.CAMERA: timedelta(seconds=10),
}


def due_at(state: ReminderState, desk: DeskView, rules: ReminderRules) -> datetime | None:
    """When the next prompt falls due, or ``None`` if none is coming (away, paused, open)."""
    match state:
        case Snoozed(until=until):
            return until
        case Watching(counted_from=counted_from):
            if desk.presence is Presence.AWAY:
                return None
            start = desk.stretch_start
            if counted_from is not None and counted_from > start:
                start = counted_from
            limit = rules.sitting_limit
            if desk.posture is Posture.STANDING:
                limit = rules.standing_limit
            return start + limit
    return None


def hold_reason(
    now: datetime,
    held_since: datetime | None,
    idle: timedelta | None,
    busy: Hold | None,
    rules: ReminderRules,
) -> Hold | None:
    """Whether a due prompt must wait, and why.

    Something fullscreen holds it for as long as it lasts. Typing holds it until a pause of
    ``typing_pause``, but never longer than ``typing_grace`` after it fell due.
    """
    if busy is not None:
        return busy
    waited = now - (held_since or now)
    if idle is not None and idle < rules.typing_pause and waited < rules.typing_grace:
        return Hold.TYPING
    return None


def moved_for(prompt: Prompting, now: datetime, duration: timedelta) -> timedelta:
    """Minutes actually spent moving on a prompt marked Done at ``now``.

    From Start when the user pressed it (capped at three times the exercise, in case the
    window was forgotten), else up to the exercise's own length since it was shown.
    """
    if prompt.started_at is not None:
        return max(min(now - prompt.started_at, duration * 3), timedelta(0))
    return max(min(now - prompt.shown_at, duration), timedelta(0))
