"""Daily figures derived from the journal's facts: movement minutes, breaks, sitting.

The two figures people compare are defined here, once, and the tray, its tooltip,
``status --json``, Today's movement, ``stats`` and ``export`` all count with these
functions (README, "Your movement journal"):

- **Movement minutes** (movement-science.md 1.6): the time actually moved on completed
  exercises that count as movement (light or higher activity), plus activities the user
  logged by hand. Breaks away from the desk are breaks, not movement; seated stretches
  (neck, wrists, eyes) are recovery, not movement.
- **A break** is a natural break (away from keyboard and mouse for ``natural_break``, a
  screen lock or a suspend long enough) or a completed exercise (a prompt marked Done):
  either way the user got up from the sitting. An exercise finished during a natural
  break is that break, counted once (:func:`breaks_taken`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, DeskView, Presence, SittingRules, Stretch

_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Activity:
    """Movement the user logged by hand."""

    start: datetime
    length: timedelta
    name: str = ""


@dataclass(frozen=True, slots=True)
class Pause:
    """Prompts paused by the user."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class PauseUnderWay:
    """A pause the app was keeping when it stopped (quit, crash, power loss).

    ``kept_until`` is how far the journal has it; ``until`` when it was to end (``None``:
    until the user resumes). A restart before ``until`` carries it on.
    """

    start: datetime
    kept_until: datetime
    until: datetime | None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The day's answer to "How does your back feel today?" (0 no pain to 10 worst)."""

    day: date
    score: int
    answered: datetime


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One local working day (from ``day_starts_at`` to the next)."""

    day: date
    movement: timedelta
    goal: timedelta
    breaks: int
    away: timedelta
    seated: timedelta
    standing: timedelta
    longest_seated: timedelta
    prompts: dict[str, int] = field(default_factory=dict)
    paused: timedelta = _ZERO
    back: int | None = None  # the day's check-in, if the user answered one


def summarise(
    day: date,
    rules: SittingRules,
    *,
    prompts: Iterable[PromptRecord],
    breaks: Iterable[Break],
    stretches: Iterable[Stretch],
    activities: Iterable[Activity],
    movement_ids: frozenset[str] | None,
    goal: timedelta,
    pauses: Iterable[Pause] = (),
    checkins: Mapping[date, CheckIn] | None = None,
) -> DaySummary:
    """The figures for ``day``. Record order does not matter.

    ``movement_ids`` are the exercises that count as movement; ``None`` counts every done
    exercise (for ids no longer in the library too).
    """
    start, end = _utc_bounds(day, rules)

    def within(a: datetime, b: datetime) -> timedelta:
        return max(min(b, end) - max(a, start), _ZERO)

    prompts = list(prompts)
    breaks = list(breaks)
    counts = {"done": 0, "snoozed": 0, "skipped": 0, "away": 0}
    for record in prompts:
        if start <= record.shown_at < end:
            counts[record.outcome.value] += 1
    movement = movement_within(
        start, end, prompts=prompts, activities=activities, movement_ids=movement_ids
    )
    taken = breaks_taken(breaks, prompts, start, end)
    seated = [within(s.start, s.end) for s in stretches if s.posture == "seated"]
    standing = [within(s.start, s.end) for s in stretches if s.posture == "standing"]
    return DaySummary(
        day=day,
        movement=movement,
        goal=goal,
        breaks=len(taken),
        away=sum((within(b.start, b.end) for b in breaks), _ZERO),
        seated=sum(seated, _ZERO),
        standing=sum(standing, _ZERO),
        longest_seated=max(seated, default=_ZERO),
        prompts=counts,
        paused=sum((within(p.start, p.end) for p in pauses), _ZERO),
        back=checkins[day].score if checkins and day in checkins else None,
    )


def movement_within(
    start: datetime,
    end: datetime,
    *,
    prompts: Iterable[PromptRecord],
    activities: Iterable[Activity],
    movement_ids: frozenset[str] | None,
) -> timedelta:
    """Movement minutes between ``start`` and ``end``: THE definition (see the module).

    A done exercise that counts as movement, by when it was shown; a logged activity, by
    the part of it inside the span.
    """
    movement = _ZERO
    for record in prompts:
        if (
            start <= record.shown_at < end
            and record.outcome is Outcome.DONE
            and (movement_ids is None or record.exercise_id in movement_ids)
        ):
            movement += record.moved
    for logged in activities:
        movement += max(min(logged.start + logged.length, end) - max(logged.start, start), _ZERO)
    return movement


def exercise_break(record: PromptRecord) -> Break:
    """A completed exercise as a break: from when the moving began to Done."""
    return Break(record.resolved_at - record.moved, record.resolved_at)


def completed_exercises(
    prompts: Iterable[PromptRecord], natural: Sequence[Break]
) -> list[PromptRecord]:
    """The Done prompts that count as breaks: all but those made during a natural break."""
    counted = []
    for record in prompts:
        if record.outcome is not Outcome.DONE:
            continue
        moving = exercise_break(record)
        # Overlapping, not touching: a break that begins with the click on Done is another.
        if not any(b.start < moving.end and moving.start < b.end for b in natural):
            counted.append(record)
    return counted


def breaks_taken(
    natural: Iterable[Break], prompts: Iterable[PromptRecord], start: datetime, end: datetime
) -> list[Break]:
    """The day's breaks by the one definition, oldest first (module docstring).

    A natural break belongs to the day it began in; an exercise to the day its prompt was
    shown in, as the prompt counts do.
    """
    away = [b for b in natural if start <= b.start < end]
    shown = [r for r in prompts if start <= r.shown_at < end]
    moved = [exercise_break(r) for r in completed_exercises(shown, away)]
    return sorted([*away, *moved], key=lambda b: b.start)


def _utc_bounds(day: date, rules: SittingRules) -> tuple[datetime, datetime]:
    """The day's start and end in UTC.

    Comparing datetimes in two zones asks the local zone for its offset on every
    comparison; converting the two bounds once keeps a month of figures fast.
    """
    start = rules.day_start(day).astimezone(UTC)
    end = rules.day_start(day + timedelta(days=1)).astimezone(UTC)
    return start, end


def minutes(value: timedelta) -> float:
    """Whole-ish minutes for display and JSON (one decimal)."""
    return round(value.total_seconds() / 60, 1)


def summary_json(summary: DaySummary) -> dict[str, object]:
    """The object ``movebreak stats --json`` prints for one day (a public interface)."""
    return {
        "date": summary.day.isoformat(),
        "movement_minutes": minutes(summary.movement),
        "goal_minutes": minutes(summary.goal),
        "breaks": summary.breaks,
        "away_minutes": minutes(summary.away),
        "seated_minutes": minutes(summary.seated),
        "standing_minutes": minutes(summary.standing),
        "longest_seated_minutes": minutes(summary.longest_seated),
        "prompts": dict(summary.prompts),
        "paused_minutes": minutes(summary.paused),
        "back": summary.back,
    }


def open_records(desk: DeskView, now: datetime) -> tuple[list[Stretch], list[Break]]:
    """The stretch (and break) still under way, which the journal gets only when it ends.

    Today's review adds them so its figures match the tray's.
    """
    last_input = now - desk.idle
    stretches = []
    if last_input > desk.stretch_start:
        end = now if desk.presence is not Presence.AWAY else last_input
        stretches.append(Stretch(desk.stretch_start, end, desk.posture.value))
    breaks = [Break(last_input, now)] if desk.presence is Presence.AWAY else []
    return stretches, breaks


def distinct_stretches(stretches: Iterable[Stretch]) -> list[Stretch]:
    """One stretch per start (to the second), the longest: the stretch under way twice is one.

    The journal keeps the stretch under way as it grows, so the review may hold the
    journal's copy and the Coach's current one side by side.
    """
    longest: dict[int, Stretch] = {}
    for stretch in stretches:
        key = int(stretch.start.timestamp())
        if key not in longest or stretch.end > longest[key].end:
            longest[key] = stretch
    return sorted(longest.values(), key=lambda s: s.start)


def days_back(today: date, count: int) -> Sequence[date]:
    """``count`` days ending with ``today``, oldest first."""
    return [today - timedelta(days=n) for n in range(count - 1, -1, -1)]


@dataclass(frozen=True, slots=True)
class Band:
    """One coloured span on the day's timeline."""

    start: datetime
    end: datetime
    kind: str  # seated | standing | away | moving | paused (drawn beneath the others)


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One week of the back check-in beside movement."""

    start: date
    movement: timedelta  # average a day
    back: float | None  # average check-in score, None if none answered


@dataclass(frozen=True, slots=True)
class BackComparison:
    """The check-in on days at goal against the other days: does moving go with less pain."""

    weeks: tuple[WeekPoint, ...]
    at_goal: float | None
    at_goal_days: int
    below_goal: float | None
    below_goal_days: int


@dataclass(frozen=True, slots=True)
class DeviceShare:
    """One computer's part of a span of days, when journals are shared (``core.sync``)."""

    device: str
    name: str
    movement: timedelta
    seated: timedelta
    this_device: bool = False


@dataclass(frozen=True, slots=True)
class Review:
    """Everything the review window shows for one day."""

    today: DaySummary
    week: tuple[DaySummary, ...]
    month: tuple[DaySummary, ...]
    streak: int  # days at goal in a row, ending with this day (or the day before)
    bands: tuple[Band, ...]
    day_start: datetime
    day_end: datetime
    back: BackComparison | None = None  # only when the user has check-ins
    devices: tuple[DeviceShare, ...] = ()  # which computer the day's minutes came from
    # The day's "Back (0-10)" figure: while the check-in is on, or if the day has an
    # answer; never a "not answered" for a question the user chose not to be asked.
    show_back: bool = False


CHECKIN_WEEKS = 8
CHECKIN_DAYS = CHECKIN_WEEKS * 7


def review(
    day: date,
    rules: SittingRules,
    *,
    prompts: Sequence[PromptRecord],
    breaks: Sequence[Break],
    stretches: Sequence[Stretch],
    activities: Sequence[Activity],
    movement_ids: frozenset[str] | None,
    goal: timedelta,
    pauses: Sequence[Pause] = (),
    checkins: Mapping[date, CheckIn] | None = None,
    checkin_on: bool = False,
) -> Review:
    """The day, the 7 and 30 days up to it, the streak, the timeline bands and the check-ins.

    ``stretches`` may hold the one under way twice (as the journal last kept it, and as
    the Coach sees it now); see :func:`distinct_stretches`.
    """
    stretches = distinct_stretches(stretches)

    def one(d: date) -> DaySummary:
        return summarise(
            d, rules, prompts=prompts, breaks=breaks, stretches=stretches,
            activities=activities, movement_ids=movement_ids, goal=goal, pauses=pauses,
            checkins=checkins,
        )  # fmt: skip

    span = CHECKIN_DAYS if checkins else 30
    history = tuple(one(d) for d in days_back(day, span))
    month = history[-30:]
    streak = 0
    for summary in reversed(month if month[-1].movement >= goal else month[:-1]):
        if summary.movement < goal:
            break
        streak += 1
    start, end = _utc_bounds(day, rules)
    bands = [Band(max(s.start, start), min(s.end, end), s.posture) for s in stretches]
    bands += [Band(max(b.start, start), min(b.end, end), "away") for b in breaks]
    bands += [
        Band(max(r.resolved_at - r.moved, start), min(r.resolved_at, end), "moving")
        for r in prompts
        if r.outcome is Outcome.DONE and r.moved > _ZERO
    ]
    bands += [Band(max(a.start, start), min(a.start + a.length, end), "moving") for a in activities]
    bands += [Band(max(p.start, start), min(p.end, end), "paused") for p in pauses]
    return Review(
        today=month[-1],
        week=month[-7:],
        month=month,
        streak=streak,
        bands=tuple(sorted((b for b in bands if b.end > b.start), key=lambda b: b.start)),
        day_start=rules.day_start(day),  # local: the timeline is labelled in local time
        day_end=rules.day_start(day + timedelta(days=1)),
        back=_compare_back(history) if checkins else None,
        show_back=checkin_on or month[-1].back is not None,
    )


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _compare_back(days: Sequence[DaySummary]) -> BackComparison:
    """Weekly averages, oldest week first, and the check-in on days at goal or not."""
    weeks = []
    for first in range(0, len(days), 7):
        week = days[first : first + 7]
        weeks.append(
            WeekPoint(
                start=week[0].day,
                movement=sum((d.movement for d in week), _ZERO) / len(week),
                back=_mean([d.back for d in week if d.back is not None]),
            )
        )
    at_goal = [d.back for d in days if d.back is not None and d.movement >= d.goal]
    below = [d.back for d in days if d.back is not None and d.movement < d.goal]
    return BackComparison(tuple(weeks), _mean(at_goal), len(at_goal), _mean(below), len(below))
