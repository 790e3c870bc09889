"""Settings turned into the rules the core follows: one place for each translation."""

from __future__ import annotations

from datetime import timedelta

from movebreak.adapters.system_clock import LocalTimezone
from movebreak.core.reminder import ReminderRules
from movebreak.core.schedule import Schedule
from movebreak.core.selection import Preferences
from movebreak.core.settings import Settings
from movebreak.core.sitting import SittingRules


def preferences_from(settings: Settings) -> Preferences:
    """The exercise preferences the settings hold."""
    chosen = settings.exercises
    return Preferences(
        favourites=frozenset(chosen.favourites),
        hidden=frozenset(chosen.hidden),
        avoid=frozenset(chosen.avoid_if),
        max_intensity=chosen.max_level,
    )


def sample_interval(natural_break: timedelta) -> timedelta:
    """How often to read the activity source.

    A tenth of the natural-break threshold keeps the break's measured start within 10 %,
    bounded to 1-15 s: with the default 5 min that is one wake-up every 15 s.
    """
    return max(timedelta(seconds=1), min(timedelta(seconds=15), natural_break / 10))


def rules_from(settings: Settings, tz: LocalTimezone) -> tuple[SittingRules, ReminderRules]:
    """Translate settings into the rules the core follows."""
    breaks = settings.breaks
    # A lock or suspend is a stronger sign of leaving than idle: it never needs longer.
    away_break = min(timedelta(minutes=2), breaks.natural_break)
    sitting_rules = SittingRules(
        natural_break=breaks.natural_break,
        tz=tz,
        away_break=away_break,
        day_starts_at=settings.schedule.day_starts_at,
    )
    reminder_rules = ReminderRules(
        sitting_limit=breaks.sitting_limit,
        standing_limit=settings.standing.standing_limit,
        snooze=breaks.snooze,
        max_snoozes=breaks.max_snoozes,
        typing_pause=breaks.typing_pause,
        typing_grace=breaks.typing_grace,
        remind_after=breaks.remind_after,
        schedule=Schedule(settings.schedule.work_days, settings.schedule.work_hours, tz),
    )
    return sitting_rules, reminder_rules
