"""``movebreak stats``, ``log`` and ``export``: the journal from the command line.

They read (or, for ``log``, append to) the journal file directly, so they work with or
without the app running; SQLite's WAL mode lets both use it at once.
"""

from __future__ import annotations

import csv
import json
import sys
from bisect import bisect_left
from datetime import UTC, date, datetime, timedelta

from movebreak.adapters.journal import JournalError, SqliteJournal
from movebreak.adapters.library_file import load_library
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.adapters.system_clock import LocalTimezone
from movebreak.app.rules import rules_from
from movebreak.app.shared_journal import combined, folder_for, share_now
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.settings import Settings
from movebreak.core.sitting import Break, SittingRules, Stretch
from movebreak.core.stats import (
    Activity,
    DeviceShare,
    Pause,
    completed_exercises,
    days_back,
    minutes,
    summarise,
    summary_json,
)
from movebreak.core.sync import Record, breakdown, distinct, merge, start_of


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
    folder = folder_for(settings, paths.data_dir)
    devices: tuple[DeviceShare, ...] = ()
    if folder is not None:  # every computer's records, each once
        until = rules.day_start(days[-1] + timedelta(days=1))
        found = combined(journal, folder, rules, since, until)
        merged = found.merged
        prompts, breaks, stretches = merged.prompts, merged.breaks, merged.stretches
        activities, pauses = merged.activities, merged.pauses
        checkins = {d: c for d, c in merged.checkins.items() if d >= days[0]}
        devices = breakdown(
            merged, days, rules, movement_ids=movement_ids, names=found.names,
            this_device=found.device,
        )  # fmt: skip
    else:
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
        shown: dict[str, object]
        if span_days == 1:
            shown = summary_json(summaries[0])
        else:
            total = sum((s.movement for s in summaries), timedelta(0))
            shown = {
                "from": days[0].isoformat(),
                "to": days[-1].isoformat(),
                "movement_minutes": minutes(total),
                "days_at_goal": sum(1 for s in summaries if s.movement >= s.goal),
                "days": [summary_json(s) for s in summaries],
            }
        if folder is not None:
            shown["devices"] = [device_json(d) for d in devices]
        print(json.dumps(shown))
        return 0
    for summary in summaries:
        done = summary.prompts.get("done", 0)
        print(
            f"{summary.day.isoformat()}  moved {minutes(summary.movement):g} of "
            f"{minutes(summary.goal):g} min · {summary.breaks} breaks · "
            f"seated {minutes(summary.seated):g} min (longest {minutes(summary.longest_seated):g})"
            f" · {done} prompts done"
        )
    if len(devices) > 1:
        print(
            "by computer: "
            + " · ".join(f"{d.name} moved {minutes(d.movement):g} min" for d in devices)
        )
    return 0


def log_activity(paths: AppPaths, length: timedelta, name: str) -> int:
    """Record movement done away from the prompts, ending now."""
    journal = _open_for_writing(paths)
    try:
        journal.record_activity(datetime.now(UTC) - length, length, name)
        _share(paths, journal)
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
        _share(paths, journal, settings)
    finally:
        journal.close()
    print(f"Back today: {score} of 10. Thank you.")
    return 0


def device_json(share: DeviceShare) -> dict[str, object]:
    """One computer's part in ``stats --json`` (``devices``), when a folder is shared."""
    return {
        "device": share.device,
        "name": share.name,
        "this_device": share.this_device,
        "movement_minutes": minutes(share.movement),
        "seated_minutes": minutes(share.seated),
    }


def _share(paths: AppPaths, journal: SqliteJournal, settings: Settings | None = None) -> None:
    """Put what was just written into the shared folder at once, if there is one.

    The app would within a minute; without the app running, this is the only writer.
    """
    if settings is None:
        settings = load_settings(paths.config_file)[0] if paths.config_file.exists() else Settings()
    folder = folder_for(settings, paths.data_dir)
    if folder is not None:
        share_now(folder, journal, datetime.now(UTC))


def export(paths: AppPaths, *, fmt: str, since: date | None) -> int:
    """Write every recorded event, oldest first, as CSV or JSON on standard output.

    With a shared folder, every computer's events, each once, with a ``device`` column.
    ``counts_as_break`` and ``movement_seconds`` say what each event adds to the day's
    breaks and movement minutes, by the same definitions as ``stats`` (core.stats).
    """
    journal = _open(paths)
    start = datetime.combine(since, datetime.min.time(), tzinfo=LocalTimezone()) if since else None
    settings = load_settings(paths.config_file)[0] if paths.config_file.exists() else Settings()
    folder = folder_for(settings, paths.data_dir)
    rules = rules_from(settings, LocalTimezone())[0]
    found: list[tuple[Record, str | None]] = []  # each event once, with its computer
    merged_breaks: list[Break] | None = None  # the breaks as stats counts them, if merged
    if folder is not None:
        low = start or datetime.fromtimestamp(0, UTC)
        own = journal.entries(folder.device, low) if journal else []
        shared = folder.read()
        names = {**shared.names, folder.device: folder.name}
        items = distinct([*own, *(e for e in shared.entries if start_of(e.record) >= low)])
        for item in items:
            found.append((item.record, names.get(item.device, item.device)))
        # A break another computer's stretch covers was no break: stats merges the same way.
        merged_breaks = list(merge(items, min_break=rules.natural_break).breaks)
    elif journal:
        records: list[Record] = [
            *journal.prompts(start),
            *journal.breaks(start),
            *journal.stretches(start),
            *journal.activities(start),
            *journal.pauses(start),
            *journal.checkins(since).values(),
        ]
        found = [(record, None) for record in records]
    movement_ids = frozenset(
        e.id for e in load_library(paths.user_exercises).exercises if e.movement
    )
    raw = [r for r, _ in found if isinstance(r, Break)]
    natural = raw if merged_breaks is None else merged_breaks
    prompts = [r for r, _ in found if isinstance(r, PromptRecord)]
    counted = _counted_exercises(prompts, natural, rules) | _kept_breaks(raw, merged_breaks)
    events: list[dict[str, object]] = []
    for record, device in found:
        event = _event(record)
        event["counts_as_break"], event["movement_seconds"] = _adds(record, counted, movement_ids)
        if device is not None:
            event["device"] = device
        events.append(event)
    if journal:
        journal.close()
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
    if folder is not None:
        columns.append("device")
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(events)
    return 0


def _kept_breaks(raw: list[Break], merged: list[Break] | None) -> set[int]:
    """The ids of the breaks that count: all, or (merged) those holding a merged break."""
    if merged is None:
        return {id(b) for b in raw}
    merged = sorted(merged, key=lambda b: b.start)
    starts = [b.start for b in merged]
    kept = set()
    for taken in raw:
        index = bisect_left(starts, taken.start)
        while index < len(merged) and merged[index].start < taken.end:
            if merged[index].end <= taken.end:
                kept.add(id(taken))
                break
            index += 1
    return kept


def _counted_exercises(
    prompts: list[PromptRecord], natural: list[Break], rules: SittingRules
) -> set[int]:
    """The ids of the Done prompts that count as breaks, day by day as ``breaks_taken``."""
    breaks_by_day: dict[date, list[Break]] = {}
    for taken in natural:
        breaks_by_day.setdefault(rules.day_of(taken.start), []).append(taken)
    prompts_by_day: dict[date, list[PromptRecord]] = {}
    for record in prompts:
        prompts_by_day.setdefault(rules.day_of(record.shown_at), []).append(record)
    return {
        id(record)
        for day, shown in prompts_by_day.items()
        for record in completed_exercises(shown, breaks_by_day.get(day, []))
    }


def _adds(record: Record, counted: set[int], movement_ids: frozenset[str]) -> tuple[bool, int]:
    """What ``record`` adds to its day: (counts as a break, seconds of movement).

    The definitions are core.stats's: a natural break and a completed exercise (not one
    done during a natural break) are breaks; movement is the time moved on a Done
    exercise that counts as movement, and logged activities. Stretches, pauses and
    check-ins add neither.
    """
    if isinstance(record, PromptRecord):
        moving = record.outcome is Outcome.DONE and record.exercise_id in movement_ids
        return id(record) in counted, int(record.moved.total_seconds()) if moving else 0
    if isinstance(record, Break):  # unless another computer's stretch covered it
        return id(record) in counted, 0
    if isinstance(record, Activity):
        return False, int(record.length.total_seconds())
    return False, 0


def _event(record: Record) -> dict[str, object]:
    """One record as ``export`` writes it (a public interface: columns never change)."""
    if isinstance(record, PromptRecord):
        return {
            "type": "prompt",
            "start": record.shown_at.isoformat(),
            "end": record.resolved_at.isoformat(),
            "exercise_id": record.exercise_id,
            "outcome": record.outcome.value,
            "moved_seconds": int(record.moved.total_seconds()),
            "rating": record.rating,
        }
    if isinstance(record, Stretch):
        return {
            "type": "stretch",
            "start": record.start.isoformat(),
            "end": record.end.isoformat(),
            "posture": record.posture,
        }
    if isinstance(record, Break | Pause):
        kind = "break" if isinstance(record, Break) else "pause"
        return {"type": kind, "start": record.start.isoformat(), "end": record.end.isoformat()}
    if isinstance(record, Activity):
        return {
            "type": "activity",
            "start": record.start.isoformat(),
            "end": (record.start + record.length).isoformat(),
            "name": record.name,
        }
    return {
        "type": "checkin",
        "start": record.answered.isoformat(),
        "day": record.day.isoformat(),
        "score": record.score,
    }
