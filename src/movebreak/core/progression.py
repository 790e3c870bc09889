"""How hard the offered exercises may be: a level from 1 to 3 that follows the user.

movement-science.md 2.4: level 1 for the first two weeks; level 2 from week 3 and level 3
from week 5, each only when at least two of the last three ratings were easy or OK and no
pain was reported in seven days; one level back after pain, after "hard" twice in a row, or
when most recent prompts were skipped or snoozed. At most one step up a week. The level is
recomputed from the journal's facts every time, so it can always say why it is what it is.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from movebreak.core.reminder import Outcome, PromptRecord


class Rating(StrEnum):
    """The one-tap effort check after Done."""

    EASY = "easy"
    OK = "ok"
    HARD = "hard"
    HURT = "hurt"


@dataclass(frozen=True, slots=True)
class Level:
    """The current level and, in plain words, why."""

    value: int
    reason: str


_WEEK = timedelta(days=7)
_GENTLE = "Level 1: the first two weeks stay gentle."


def level(records: Sequence[PromptRecord], today: date, tz: tzinfo) -> Level:
    """Replay the journal day by day and return today's level with its reason.

    Linear in days and records, so years of history replay in milliseconds.
    """
    if not records:
        return Level(1, _GENTLE)
    by_day: dict[date, list[PromptRecord]] = defaultdict(list)
    for record in sorted(records, key=lambda r: r.resolved_at):
        by_day[_day(record.resolved_at, tz)].append(record)
    first = min(_day(r.shown_at, tz) for r in records)
    current, reason, last_change = 1, _GENTLE, first
    ratings: list[str] = []
    week: deque[tuple[date, PromptRecord]] = deque()
    day = first
    while day <= today:
        todays = by_day.get(day, [])
        ratings += [r.rating for r in todays if r.rating is not None]
        week.extend((day, r) for r in todays)
        while week and week[0][0] <= day - _WEEK:
            week.popleft()
        this_week = [r for _, r in week]
        hurt_today = any(r.rating == Rating.HURT.value for r in todays)
        if hurt_today:
            if current > 1:
                current -= 1
                reason = f"Back to level {current}: you reported pain."
            last_change = day
        elif current > 1 and day > last_change and ratings[-2:] == [Rating.HARD.value] * 2:
            current -= 1
            reason = f"Back to level {current}: two hard ones in a row."
            last_change = day
        elif current > 1 and day - last_change >= _WEEK and _mostly_put_off(this_week):
            current -= 1
            reason = f"Back to level {current}: most recent prompts were skipped or snoozed."
            last_change = day
        elif current < _cap(day - first) and day - last_change >= _WEEK:
            easy = sum(1 for r in ratings[-3:] if r in (Rating.EASY.value, Rating.OK.value))
            if easy >= 2 and not any(r.rating == Rating.HURT.value for r in this_week):
                current += 1
                reason = f"Level {current}: you rated most recent exercises easy or OK."
                last_change = day
        day += timedelta(days=1)
    if current == 1 and reason == _GENTLE and today - first >= 2 * _WEEK:
        reason = "Level 1: rate a few exercises easy or OK after Done to move up."
    return Level(current, reason)


def _cap(used: timedelta) -> int:
    """The highest level weeks of use allow: 1 for two weeks, 2 until week 5, then 3."""
    return 1 if used < 2 * _WEEK else 2 if used < 4 * _WEEK else 3


def _mostly_put_off(week: Sequence[PromptRecord]) -> bool:
    """Skipped or snoozed more than 60 % of at least five prompts this week."""
    resolved = [r for r in week if r.outcome is not Outcome.AWAY]
    put_off = sum(1 for r in resolved if r.outcome in (Outcome.SKIPPED, Outcome.SNOOZED))
    return len(resolved) >= 5 and put_off / len(resolved) > 0.6


def _day(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


# movement-science.md 4.4, in the project's own words: shown after "it hurt".
STOP_GUIDANCE = (
    "Stop now if you feel sharp or sudden pain; new numbness, tingling or weakness; chest "
    "pain, pressure or tightness (also in the arm, neck or jaw); breathlessness far beyond "
    "the effort; dizziness, faintness or a racing heartbeat. If chest symptoms or faintness "
    "do not settle within a few minutes of rest, call emergency services.\n\n"
    "Pain that stays higher than before, or is worse the next morning, means ease off: an "
    "easier version or another body area next time. movebreak steps back one level.\n\n"
    'Some symptoms mean seeing a clinician instead of exercising: see "Red-flag '
    'symptoms" in the exercise library.'
)
