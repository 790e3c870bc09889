"""The prompt's life cycle as values: watching, prompting, snoozed, paused.

Pure functions decide when the next prompt is due, whether it may appear now and when
anything can next change; the Coach holds the current state and carries out what they
decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
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


def waiting(
    state: Watching | Snoozed,
    desk: DeskView,
    now: datetime,
    rules: ReminderRules,
    idle: Callable[[], timedelta | None],
    busy: Callable[[], Hold | None],
) -> Watching | Snoozed | None:
    """``state`` at ``now``, held back if something holds a due prompt; ``None``: show it now.

    ``busy`` and ``idle`` are read only once a prompt is due and work hours allow it:
    reading them may ask the desktop.
    """
    due = due_at(state, desk, rules)
    if due is None or now < due or not rules.schedule.is_on(now):
        return state
    held_by = busy()
    reason = hold_reason(now, state.held_since, idle(), held_by, rules)
    if reason is None:
        return None
    return replace(state, held_since=state.held_since or now, held_by=reason)


def reminder_due(prompt: Prompting, now: datetime, rules: ReminderRules) -> bool:
    """Whether ``prompt``, left alone for ``remind_after``, is due its one reminder."""
    return prompt.reminded_at is None and now >= prompt.shown_at + rules.remind_after


def moved_for(prompt: Prompting, now: datetime, duration: timedelta) -> timedelta:
    """Minutes actually spent moving on a prompt marked Done at ``now``.

    From Start when the user pressed it (capped at three times the exercise, in case the
    window was forgotten), else up to the exercise's own length since it was shown.
    """
    if prompt.started_at is not None:
        return max(min(now - prompt.started_at, duration * 3), timedelta(0))
    return max(min(now - prompt.shown_at, duration), timedelta(0))


def next_wakeup(
    state: ReminderState, desk: DeskView, now: datetime, rules: ReminderRules
) -> datetime | None:
    """The next moment anything can change, or ``None``: the Coach keeps one wake-up there.

    A pause ends, an ignored prompt earns its one reminder, a held prompt looks again, or
    the next prompt falls due (not before work hours start again).
    """
    match state:
        case Paused(until=until):
            return until
        case Prompting(shown_at=shown, reminded_at=None):
            return shown + rules.remind_after
        case Prompting():
            return None
        case Watching() | Snoozed() if state.held_by is not None:
            return now + RECHECK[state.held_by]
    due = due_at(state, desk, rules)
    if due is None:
        return None
    if not rules.schedule.is_on(max(due, now)):
        start = rules.schedule.next_start(max(due, now))
        return max(due, start) if start is not None else None
    return max(due, now)
