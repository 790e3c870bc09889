"""The sitting engine: folds input times and away signals into seated and standing time.

Vocabulary (DESIGN.md rule 3): a *stretch* is unbroken time at the computer in one
posture; *idle* is time without input; a *natural break* is idle of at least
``natural_break``, or an *away* signal (suspend, and later screen lock) of at least
``away_break``. Idle shorter than that still counts as sitting: people read and think.

Everything here is pure: state is a frozen ``Desk`` and each transition is a function that
takes the instant it happened, so a whole day replays in microseconds under test.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Stretch:
    """A finished stretch at the computer in one posture."""

    start: datetime
    end: datetime
    posture: str  # seated | standing


class Posture(StrEnum):
    """How the user is working, as they told us (desks cannot be sensed)."""

    SEATED = "seated"
    STANDING = "standing"


class Presence(StrEnum):
    """What the UI shows: the posture while at the computer, or away."""

    SEATED = "seated"
    STANDING = "standing"
    AWAY = "away"


@dataclass(frozen=True, slots=True)
class Break:
    """Time away from the computer: from the last input before it to the first after it."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        """How long the user was away."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class SittingRules:
    """The thresholds and the local calendar the engine works with.

    Attributes:
        natural_break: idle at least this long means the user left the desk.
        tz: the user's local zone; days and "today" are local.
        away_break: a suspend (or screen lock) at least this long is a break even when
            shorter than ``natural_break``: it is a strong sign the user left
            (movement-science.md 2.1 uses 2 minutes).
        day_starts_at: local time a new day begins; 04:00 so late workers keep one day.
    """

    natural_break: timedelta
    tz: tzinfo
    away_break: timedelta = timedelta(minutes=2)
    day_starts_at: time = time(4, 0)

    def day_of(self, at: datetime) -> date:
        """The local working day ``at`` belongs to."""
        local = at.astimezone(self.tz)
        start = local.replace(
            hour=self.day_starts_at.hour, minute=self.day_starts_at.minute, second=0, microsecond=0
        )
        return local.date() if local >= start else local.date() - timedelta(days=1)

    def day_start(self, day: date) -> datetime:
        """The instant ``day`` begins, as an aware datetime."""
        return datetime.combine(day, self.day_starts_at, tzinfo=self.tz)


@dataclass(frozen=True, slots=True)
class Desk:
    """Everything the engine remembers. Build the first one with :func:`arrive`.

    Attributes:
        posture: the posture the user last told us.
        stretch_start: start of the current stretch (since the last break or posture change).
        last_activity: the latest input seen.
        away_since: set by an away signal; the next input ends that break whatever its length.
        last_break: the most recent completed break, on any day.
        day: the working day the tallies below belong to.
        breaks_today: completed breaks that started on ``day``.
        seated_today / standing_today: time in finished stretches within ``day``.
    """

    posture: Posture
    stretch_start: datetime
    last_activity: datetime
    day: date
    away_since: datetime | None = None
    last_break: Break | None = None
    breaks_today: tuple[Break, ...] = ()
    seated_today: timedelta = _ZERO
    standing_today: timedelta = _ZERO


@dataclass(frozen=True, slots=True)
class DeskView:
    """Plain figures for the UI, derived from a Desk at one instant."""

    presence: Presence
    posture: Posture
    stretch_start: datetime
    seated: timedelta
    standing: timedelta
    idle: timedelta
    last_break: Break | None
    breaks_today: tuple[Break, ...]
    seated_today: timedelta
    standing_today: timedelta
    day: date


def arrive(at: datetime, rules: SittingRules, posture: Posture = Posture.SEATED) -> Desk:
    """The state when we first see the user, at ``at``."""
    return Desk(posture=posture, stretch_start=at, last_activity=at, day=rules.day_of(at))


def resume(
    last: Stretch | None, at: datetime, rules: SittingRules, *, moved_at: datetime | None = None
) -> Desk:
    """The state when the app starts at ``at``, given the stretch the journal kept last.

    A downtime (crash, restart, update) shorter than ``natural_break`` continues that
    stretch: same start, same posture, and the downtime counts as time at the computer,
    as any idle shorter than a break does. Otherwise a fresh seated stretch begins, as
    :func:`arrive`; the downtime is neither a break nor movement, since nothing saw what
    the user did (the computer may have been off, or the user sat on).

    Not continued either: a stretch that ends after ``at`` (the clock was set back), or
    one the user ended by moving (``moved_at``, when the last done prompt was resolved,
    is at or after its end): the stopped app had not yet kept the stretch after it.
    """
    if last is None or not _ZERO <= at - last.end < rules.natural_break:
        return arrive(at, rules)
    if moved_at is not None and moved_at >= last.end:
        return arrive(at, rules)
    return Desk(
        posture=Posture(last.posture),
        stretch_start=min(last.start, at),
        last_activity=at,
        day=rules.day_of(at),
    )


def activity(desk: Desk, at: datetime, rules: SittingRules) -> Desk:
    """Input was seen at ``at``.

    Input no later than what we already know is ignored, so a clock set back never yields
    negative time. After a natural break (or an away signal) the old stretch ends at the
    last input, the break is recorded, and a new stretch starts at ``at``.
    """
    if at <= desk.last_activity:
        return desk
    desk = _roll_day(desk, at, rules)
    gap = at - desk.last_activity
    if desk.away_since is None and gap < rules.natural_break:
        return replace(desk, last_activity=at)
    taken = Break(desk.last_activity, at)
    desk = _close_stretch(desk, desk.last_activity, rules)
    started_today = rules.day_of(taken.start) == desk.day
    return replace(
        desk,
        stretch_start=at,
        last_activity=at,
        away_since=None,
        last_break=taken,
        breaks_today=(*desk.breaks_today, taken) if started_today else desk.breaks_today,
    )


def stayed(desk: Desk, at: datetime, rules: SittingRules) -> Desk:
    """The user is taken to have been present all the way to ``at``.

    For when input cannot be watched (wall-clock mode): a long gap between two reports is
    not idleness then. Only an away signal still makes a break.
    """
    if at <= desk.last_activity:
        return desk
    if desk.away_since is not None:
        return activity(desk, at, rules)
    return replace(_roll_day(desk, at, rules), last_activity=at)


def away(desk: Desk, since: datetime, until: datetime, rules: SittingRules) -> Desk:
    """The computer reported the user away from ``since`` to ``until`` (suspend, lock).

    Long enough, it makes the current idle gap a break even if that gap is shorter than
    ``natural_break``; the break is recorded at the next input, when its end is known.
    """
    if until - since < rules.away_break or until <= desk.last_activity:
        return desk
    if desk.away_since is not None:
        return desk
    return replace(desk, away_since=max(since, desk.last_activity))


def away_started(desk: Desk, at: datetime) -> Desk:
    """The screen locked at ``at``: the user counts as away from now on."""
    if desk.away_since is not None:
        return desk
    return replace(desk, away_since=max(at, desk.last_activity))


def away_ended(desk: Desk, at: datetime, rules: SittingRules) -> Desk:
    """The screen unlocked at ``at``. A lock shorter than ``away_break`` was no break."""
    if desk.away_since is None or at - desk.away_since >= rules.away_break:
        return desk
    return replace(desk, away_since=None)


def change_posture(desk: Desk, posture: Posture, at: datetime, rules: SittingRules) -> Desk:
    """The user says they now sit or stand. Saying so is itself input.

    A change ends the current stretch without counting as a break: standing up interrupts
    sitting, but the user has not left the desk.
    """
    desk = activity(desk, at, rules)
    if posture == desk.posture:
        return desk
    now = max(at, desk.last_activity)
    desk = _close_stretch(desk, now, rules)
    return replace(desk, posture=posture, stretch_start=now, last_activity=now)


def restart(desk: Desk, at: datetime, rules: SittingRules) -> Desk:
    """The user moved (a completed exercise): the current stretch ends at ``at``.

    Not a natural break (they were at the computer the moment before), but the sitting
    the prompt was about is over.
    """
    desk = activity(desk, at, rules)
    now = max(at, desk.last_activity)
    desk = _close_stretch(desk, now, rules)
    return replace(desk, stretch_start=now, last_activity=now)


def view(desk: Desk, now: datetime, rules: SittingRules) -> DeskView:
    """What the user should see at ``now``; a pure read, the Desk is not changed."""
    desk = _roll_day(desk, now, rules)
    idle = max(now - desk.last_activity, _ZERO)
    present = desk.away_since is None and idle < rules.natural_break
    end = now if present else desk.last_activity
    in_stretch = max(end - desk.stretch_start, _ZERO) if present else _ZERO
    today_part = _within_day(desk.stretch_start, end, desk.day, rules)
    seated_today, standing_today = desk.seated_today, desk.standing_today
    if desk.posture is Posture.SEATED:
        seated_today += today_part
    else:
        standing_today += today_part
    presence = Presence(desk.posture.value) if present else Presence.AWAY
    return DeskView(
        presence=presence,
        posture=desk.posture,
        stretch_start=desk.stretch_start,
        seated=in_stretch if desk.posture is Posture.SEATED else _ZERO,
        standing=in_stretch if desk.posture is Posture.STANDING else _ZERO,
        idle=idle,
        last_break=desk.last_break,
        breaks_today=desk.breaks_today,
        seated_today=seated_today,
        standing_today=standing_today,
        day=desk.day,
    )


def _roll_day(desk: Desk, at: datetime, rules: SittingRules) -> Desk:
    """Start fresh tallies when ``at`` falls on a later working day than the Desk's."""
    day = rules.day_of(at)
    if day <= desk.day:
        return desk
    return replace(desk, day=day, breaks_today=(), seated_today=_ZERO, standing_today=_ZERO)


def _close_stretch(desk: Desk, end: datetime, rules: SittingRules) -> Desk:
    """Add the finished stretch's share of ``desk.day`` to the posture's tally."""
    part = _within_day(desk.stretch_start, end, desk.day, rules)
    if desk.posture is Posture.SEATED:
        return replace(desk, seated_today=desk.seated_today + part)
    return replace(desk, standing_today=desk.standing_today + part)


def _within_day(start: datetime, end: datetime, day: date, rules: SittingRules) -> timedelta:
    """Length of the part of [start, end] that lies inside working day ``day``."""
    day_start = rules.day_start(day)
    day_end = rules.day_start(day + timedelta(days=1))
    return max(min(end, day_end) - max(start, day_start), _ZERO)
