"""``movebreak stats``, ``log`` and ``export``: the journal from the command line.

They read (or, for ``log``, append to) the journal file directly, so they work with or
without the app running; SQLite's WAL mode lets both use it at once.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import UTC, date, datetime, timedelta

from movebreak.adapters.journal import JournalError, SqliteJournal
from movebreak.adapters.library_file import load_library
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.adapters.system_clock import LocalTimezone
from movebreak.app.rules import rules_from
from movebreak.core.settings import Settings
from movebreak.core.stats import (
    completed_exercises,
    days_back,
    minutes,
    summarise,
    summary_json,
)


def _open(paths: AppPaths) -> SqliteJournal | None:
    """The journal to read, ``None`` if there is none yet; exits with a message if unusable."""
    if not paths.journal_file.exists():
        return None
    return _open_for_writing(paths)


def _open_for_writing(paths: AppPaths) -> SqliteJournal:
    """The journal, created if absent; a damaged or newer one is left alone, with a message.

    The command line never moves a damaged journal aside: the app does that, and tells the
    user where the old one went.
    """
    try:
        return SqliteJournal.open(paths.journal_file)
    except JournalError as error:
        print(f"movebreak: {error}. Nothing was written.", file=sys.stderr)
        raise SystemExit(1) from None


def stats(paths: AppPaths, *, day: date | None, span_days: int, as_json: bool) -> int:
    """Print one day's figures, or each of the last ``span_days`` days with totals."""
    settings = load_settings(paths.config_file)[0] if paths.config_file.exists() else Settings()
    rules = rules_from(settings, LocalTimezone())[0]
    goal = timedelta(minutes=settings.goals.daily_movement_minutes)
    library = load_library(paths.user_exercises)
    movement_ids = frozenset(e.id for e in library.exercises if e.movement)
    today = day or rules.day_of(datetime.now(UTC))
    days = [today] if span_days == 1 else list(days_back(today, span_days))
    journal = _open(paths)
    since = rules.day_start(days[0]) - timedelta(days=1)
    prompts = journal.prompts(since) if journal else []
    breaks = journal.breaks(since) if journal else []
    stretches = journal.stretches(since) if journal else []
    activities = journal.activities(since) if journal else []
    pauses = journal.pauses(since) if journal else []
    checkins = journal.checkins(days[0]) if journal else {}
    if journal:
        journal.close()
    summaries = [
        summarise(
            d,
            rules,
            prompts=prompts,
            breaks=breaks,
            stretches=stretches,
            activities=activities,
            movement_ids=movement_ids,
            goal=goal,
            pauses=pauses,
            checkins=checkins,
        )
        for d in days
    ]
    if as_json:
        if span_days == 1:
            print(json.dumps(summary_json(summaries[0])))
        else:
            total = sum((s.movement for s in summaries), timedelta(0))
            print(
                json.dumps(
                    {
                        "from": days[0].isoformat(),
                        "to": days[-1].isoformat(),
                        "movement_minutes": minutes(total),
                        "days_at_goal": sum(1 for s in summaries if s.movement >= s.goal),
                        "days": [summary_json(s) for s in summaries],
                    }
                )
            )
        return 0
    for summary in summaries:
        done = summary.prompts.get("done", 0)
        print(
            f"{summary.day.isoformat()}  moved {minutes(summary.movement):g} of "
            f"{minutes(summary.goal):g} min · {summary.breaks} breaks · "
            f"seated {minutes(summary.seated):g} min (longest {minutes(summary.longest_seated):g})"
            f" · {done} prompts done"
        )
    return 0


def log_activity(paths: AppPaths, length: timedelta, name: str) -> int:
    """Record movement done away from the prompts, ending now."""
    journal = _open_for_writing(paths)
    try:
        journal.record_activity(datetime.now(UTC) - length, length, name)
    finally:
        journal.close()
    print(f"Logged {minutes(length):g} min of {name or 'movement'}.")
    return 0


def checkin(paths: AppPaths, score: int) -> int:
    """Record today's back check-in (replacing an earlier answer today)."""
    settings = load_settings(paths.config_file)[0] if paths.config_file.exists() else Settings()
    rules = rules_from(settings, LocalTimezone())[0]
    now = datetime.now(UTC)
    journal = _open_for_writing(paths)
    try:
        journal.record_checkin(rules.day_of(now), score, now)
    finally:
        journal.close()
    print(f"Back today: {score} of 10. Thank you.")
    return 0


def export(paths: AppPaths, *, fmt: str, since: date | None) -> int:
    """Write every recorded event, oldest first, as CSV or JSON on standard output.

    ``counts_as_break`` and ``movement_seconds`` say what each event adds to the day's
    breaks and movement minutes, by the same definitions as ``stats`` (core.stats).
    """
    journal = _open(paths)
    start = datetime.combine(since, datetime.min.time(), tzinfo=LocalTimezone()) if since else None
    events: list[dict[str, object]] = []
    if journal:
        movement_ids = frozenset(
            e.id for e in load_library(paths.user_exercises).exercises if e.movement
        )
        prompts = journal.prompts(start)
        counted = {id(r) for r in completed_exercises(prompts, journal.breaks(start))}
        events += [
            {
                "type": "prompt",
                "start": r.shown_at.isoformat(),
                "end": r.resolved_at.isoformat(),
                "exercise_id": r.exercise_id,
                "outcome": r.outcome.value,
                "moved_seconds": int(r.moved.total_seconds()),
                "rating": r.rating,
                "counts_as_break": id(r) in counted,
                "movement_seconds": int(r.moved.total_seconds())
                if r.outcome.value == "done" and r.exercise_id in movement_ids
                else 0,
            }
            for r in prompts
        ]
        events += [
            {
                "type": "break",
                "start": b.start.isoformat(),
                "end": b.end.isoformat(),
                "counts_as_break": True,
                "movement_seconds": 0,
            }
            for b in journal.breaks(start)
        ]
        events += [
            {
                "type": "stretch",
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "posture": s.posture,
            }
            for s in journal.stretches(start)
        ]
        events += [
            {
                "type": "activity",
                "start": a.start.isoformat(),
                "end": (a.start + a.length).isoformat(),
                "name": a.name,
                "counts_as_break": False,
                "movement_seconds": int(a.length.total_seconds()),
            }
            for a in journal.activities(start)
        ]
        events += [
            {"type": "pause", "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in journal.pauses(start)
        ]
        events += [
            {
                "type": "checkin",
                "start": c.answered.isoformat(),
                "day": c.day.isoformat(),
                "score": c.score,
            }
            for c in journal.checkins(since).values()
        ]
        journal.close()
    for event in events:  # stretches, pauses, check-ins: neither a break nor movement
        event.setdefault("counts_as_break", False)
        event.setdefault("movement_seconds", 0)
    events.sort(key=lambda event: str(event["start"]))
    if fmt == "json":
        print(json.dumps(events, indent=1))
        return 0
    columns = [
        "type",
        "start",
        "end",
        "exercise_id",
        "outcome",
        "moved_seconds",
        "rating",
        "posture",
        "name",
        "day",
        "score",
        "counts_as_break",
        "movement_seconds",
    ]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(events)
    return 0
