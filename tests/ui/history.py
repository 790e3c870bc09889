"""Journals of one day, one week and five years, written to a real SQLite file.

Today's movement must look finished for a new user and for a long-time one alike; these
seed the journal the way the app fills it (through the adapter, one workday at a time)
and, for years of history, with the benchmark's generator.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from movebreak.adapters.journal import SqliteJournal
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break

# One workday, as offsets from 08:30 in minutes: stretches, breaks, prompts, a logged walk.
STRETCHES = ((0, 30, "seated"), (32, 90, "seated"), (105, 150, "standing"),
             (150, 210, "seated"), (255, 330, "seated"), (330, 370, "standing"))  # fmt: skip
BREAKS = ((90, 105), (210, 255))
PROMPTS = ((30, "walk-lap", Outcome.DONE, 2), (150, "calf-raise", Outcome.SNOOZED, 0),
           (300, "march-in-place", Outcome.DONE, 1))  # fmt: skip
WALK = (215, 15)  # a 15-minute walk at lunch, logged by hand


def seed_workdays(journal: SqliteJournal, now: datetime, days: int) -> None:
    """``days`` workdays ending today (everything before ``now``), weekends left empty."""
    for days_ago in range(days):
        morning = datetime.combine(
            (now - timedelta(days=days_ago)).date(), time(8, 30), tzinfo=now.tzinfo
        )
        if days_ago and morning.weekday() >= 5:
            continue

        def at(offset: int, start: datetime = morning) -> datetime:
            return start + timedelta(minutes=offset)

        for start, end, posture in STRETCHES:
            if at(end) <= now:
                journal.record_stretch(at(start), at(end), posture)
        for start, end in BREAKS:
            if at(end) <= now:
                journal.record_break(Break(at(start), at(end)))
        for offset, exercise, outcome, moved in PROMPTS:
            if at(offset + moved) <= now:
                record = PromptRecord(
                    at(offset), at(offset + moved), exercise, outcome, timedelta(minutes=moved)
                )
                journal.record_prompt(record)
        if days_ago % 2 and at(WALK[0] + WALK[1]) <= now:  # a walk every other day
            journal.record_activity(at(WALK[0]), timedelta(minutes=WALK[1]), "walk")


def seed_years(path: Path, years: int) -> int:
    """``years`` of workdays by the benchmark's generator (direct SQL, 43,000 rows for 5)."""
    from benchmarks.journal_speed import generate

    return generate(path, years)
