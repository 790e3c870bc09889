"""Daily figures derived from the journal's facts: movement minutes, breaks, sitting.

Movement minutes are defined here, once (movement-science.md 1.6): minutes spent on
completed exercises that count as movement (light or higher activity), plus activities
the user logged by hand. Breaks away from the desk are breaks, not movement; seated
stretches (neck, wrists, eyes) are recovery, not movement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules

_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Stretch:
    """A finished stretch at the computer in one posture."""

    start: datetime
    end: datetime
    posture: str  # seated | standing


@dataclass(frozen=True, slots=True)
class Activity:
    """Movement the user logged by hand."""

    start: datetime
    length: timedelta
    name: str = ""


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
) -> DaySummary:
    """The figures for ``day``. Record order does not matter.

    ``movement_ids`` are the exercises that count as movement; ``None`` counts every done
    exercise (for ids no longer in the library too).
    """
    start, end = _utc_bounds(day, rules)

    def within(a: datetime, b: datetime) -> timedelta:
        return max(min(b, end) - max(a, start), _ZERO)

    counts = {"done": 0, "snoozed": 0, "skipped": 0, "away": 0}
    movement = _ZERO
    for record in prompts:
        if not start <= record.shown_at < end:
            continue
        counts[record.outcome.value] += 1
        if record.outcome is Outcome.DONE and (
            movement_ids is None or record.exercise_id in movement_ids
        ):
            movement += record.moved
    movement += sum((within(a.start, a.start + a.length) for a in activities), _ZERO)
    taken = [b for b in breaks if start <= b.start < end]
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
    )


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
    }


def days_back(today: date, count: int) -> Sequence[date]:
    """``count`` days ending with ``today``, oldest first."""
    return [today - timedelta(days=n) for n in range(count - 1, -1, -1)]


@dataclass(frozen=True, slots=True)
class Band:
    """One coloured span on the day's timeline."""

    start: datetime
    end: datetime
    kind: str  # seated | standing | away | moving


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
) -> Review:
    """The day, the 7 and 30 days up to it, the streak and the timeline bands."""

    def one(d: date) -> DaySummary:
        return summarise(
            d, rules, prompts=prompts, breaks=breaks, stretches=stretches,
            activities=activities, movement_ids=movement_ids, goal=goal,
        )  # fmt: skip

    month = tuple(one(d) for d in days_back(day, 30))
    streak = 0
    for summary in reversed(month if month[-1].movement >= goal else month[:-1]):
        if summary.movement < goal:
            break
        streak += 1
    start, end = _utc_bounds(day, rules)
    bands = [Band(max(s.start, start), min(s.end, end), s.posture) for s in stretches]
    bands += [Band(max(b.start, start), min(b.end, end), "away") for b in breaks]
    bands += [
        Band(max(r.shown_at, start), min(r.shown_at + r.moved, end), "moving")
        for r in prompts
        if r.outcome is Outcome.DONE and r.moved > _ZERO
    ]
    bands += [Band(max(a.start, start), min(a.start + a.length, end), "moving") for a in activities]
    return Review(
        today=month[-1],
        week=month[-7:],
        month=month,
        streak=streak,
        bands=tuple(sorted((b for b in bands if b.end > b.start), key=lambda b: b.start)),
        day_start=rules.day_start(day),  # local: the timeline is labelled in local time
        day_end=rules.day_start(day + timedelta(days=1)),
    )
