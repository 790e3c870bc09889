"""Several computers, one person: the journal lines each device shares, merged on read.

Each device writes only its own files into a folder the user syncs (Syncthing, Nextcloud,
Dropbox, a shared drive); nothing here knows how they travel. This module is the pure
half: the line format, reading a file's text into entries (whatever a sync engine did to
it), the merge, and the rule that lets a seated stretch follow the person from one
computer to the next. The files themselves are ``adapters.sync_folder``.

Why lines of JSON, one file per device per month, rewritten whole: a file-sync engine
moves whole files and cannot merge a database, so no SQLite file is ever shared; a file
only one device writes never conflicts in normal use; a month keeps each rewrite small
and lets a reader open only the months it needs; and a whole-file rewrite (temp file,
fsync, rename) means a reader sees the old file or the new one. What a sync engine can
still do (a conflict copy, the same file twice, a transfer cut short) is read safely
because every event carries a stable id: the merge keeps each id once, its latest
version, so any number of copies in any order gives the same figures.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, SittingRules, Stretch
from movebreak.core.stats import Activity, CheckIn, DeviceShare, Pause, movement_within

FORMAT = 1  # the "format" of every file; a reader skips files from a newer one
_ZERO = timedelta(0)

Record = PromptRecord | Break | Stretch | Activity | Pause | CheckIn


@dataclass(frozen=True, slots=True)
class Entry:
    """One journal event as devices share it.

    Attributes:
        key: the event's id, the same on every device and in every copy of a file
            (``kind:uid``, the uid made once when the event was first recorded).
        device: the device id of the computer that recorded it.
        record: the event itself, in the journal's own types.
        version: a later version of the same event wins (a stretch or pause under way
            grows, a prompt gets its rating afterwards): its end, or when it was answered.
    """

    key: str
    device: str
    record: Record
    version: int


@dataclass(frozen=True, slots=True)
class DevicePresence:
    """What a device says about the person at it, at most once a minute.

    Times are the writing device's clock. ``stretch_start`` is when its current stretch
    at the computer began (in ``posture``); ``last_input`` the latest keyboard or mouse
    input it saw (only the time, like the journal); ``moved_at`` when the person last
    finished an exercise there.
    """

    device: str
    name: str
    written_at: datetime
    last_input: datetime
    stretch_start: datetime
    posture: str
    moved_at: datetime | None = None  # the last Done there: the person moved


@dataclass(frozen=True, slots=True)
class FileName:
    """What a file's name says: its month, and whether it is a copy a sync engine made."""

    month: str  # YYYY-MM
    copy: bool  # a conflict copy (Syncthing, Dropbox, Nextcloud) or a duplicate like "(1)"


class LineError(ValueError):
    """One line that is not an event this version can read; the message says why."""


# --- names ------------------------------------------------------------------------------

_EVENTS = re.compile(r"^events-(\d{4}-\d{2})(.*)\.jsonl$")
PRESENCE_FILE = "presence.json"
DEVICE_FILE = "device.json"


def month_of(moment: datetime) -> str:
    """The month file (UTC) an event that begins at ``moment`` belongs to."""
    return moment.astimezone(UTC).strftime("%Y-%m")


def events_name(month: str) -> str:
    """The file name of one device's events of ``month`` (YYYY-MM)."""
    return f"events-{month}.jsonl"


def read_name(name: str) -> FileName | None:
    """The month of an events file, ``None`` for any other file (temp files included).

    Anything after the month is a copy made by someone else: Syncthing's
    ``events-2026-12.sync-conflict-20261204-101500-ABCDEFG.jsonl``, Dropbox's
    ``events-2026-12 (Ana's conflicted copy 2026-12-04).jsonl``, Nextcloud's
    ``events-2026-12 (conflicted copy 2026-12-04 101500).jsonl``, a file manager's
    ``events-2026-12 (1).jsonl``. Copies are read like the original: ids keep them once.
    """
    if name.startswith((".", "~")):  # temp files: ours, Syncthing's, editors'
        return None
    found = _EVENTS.match(name)
    if found is None:
        return None
    return FileName(found.group(1), bool(found.group(2)))


def months_between(first: datetime, last: datetime) -> list[str]:
    """Every month from the one holding ``first`` to the one holding ``last`` (UTC)."""
    year, month = first.astimezone(UTC).year, first.astimezone(UTC).month
    end = last.astimezone(UTC)
    found = []
    while (year, month) <= (end.year, end.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


# --- lines ------------------------------------------------------------------------------


_KINDS: dict[type, str] = {
    PromptRecord: "prompt",
    Break: "break",
    Stretch: "stretch",
    Activity: "activity",
    Pause: "pause",
    CheckIn: "checkin",
}


def kind_of(record: Record) -> str:
    """The ``kind`` a record is written as."""
    return _KINDS[type(record)]


def version_of(record: Record) -> int:
    """Which of two versions of one event is newer (see :class:`Entry`)."""
    if isinstance(record, PromptRecord):
        return _stamp(record.resolved_at) * 2 + (record.rating is not None)
    if isinstance(record, Activity):
        return _stamp(record.start + record.length)
    if isinstance(record, CheckIn):
        return _stamp(record.answered)
    return _stamp(record.end)


def start_of(record: Record) -> datetime:
    """When the event begins: the month file it goes in."""
    if isinstance(record, PromptRecord):
        return record.shown_at
    if isinstance(record, CheckIn):
        return record.answered
    return record.start


def entry(uid: str, device: str, record: Record) -> Entry:
    """The shared form of ``record``, recorded on ``device`` under ``uid``."""
    return Entry(f"{kind_of(record)}:{uid}", device, record, version_of(record))


def encode(item: Entry) -> str:
    """One line of JSON (no newline), its keys sorted: the same event, the same text."""
    record = item.record
    kind, uid = item.key.split(":", 1)
    line: dict[str, object] = {"id": uid, "kind": kind}
    if isinstance(record, PromptRecord):
        line |= {
            "start": _stamp(record.shown_at),
            "end": _stamp(record.resolved_at),
            "exercise": record.exercise_id,
            "outcome": record.outcome.value,
            "moved": int(record.moved.total_seconds()),
            "rating": record.rating,
        }
    elif isinstance(record, Stretch):
        line |= {"start": _stamp(record.start), "end": _stamp(record.end)}
        line["posture"] = record.posture
    elif isinstance(record, Break | Pause):
        line |= {"start": _stamp(record.start), "end": _stamp(record.end)}
    elif isinstance(record, Activity):
        line |= {"start": _stamp(record.start), "seconds": int(record.length.total_seconds())}
        line["name"] = record.name
    else:
        line |= {"day": record.day.isoformat(), "score": record.score}
        line["at"] = _stamp(record.answered)
    return json.dumps(line, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def decode(text: str, device: str) -> Entry:
    """The event on one line, recorded on ``device``.

    Raises:
        LineError: not JSON (a line cut short), or not an event this version knows.
    """
    try:
        raw = json.loads(text)
    except ValueError:
        raise LineError("not a complete line of JSON (cut short?)") from None
    return _decoded(raw, device)


def _decoded(raw: object, device: str) -> Entry:
    """The event in one decoded line (``decode`` without the JSON parsing)."""
    if not isinstance(raw, dict):
        raise LineError("not a JSON object")
    try:
        uid, kind = raw["id"], raw["kind"]
        if not isinstance(uid, str) or not uid or ":" in uid:
            raise LineError("no usable id")
        record = _record(kind, raw)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, LineError):
            raise
        raise LineError(f"not an event this version can read ({error!r})") from None
    return entry(uid, device, record)


def _time_of(raw: Mapping[str, object], key: str) -> datetime:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{key} is not a time")
    return datetime.fromtimestamp(value, UTC)


def _length_of(raw: Mapping[str, object], key: str) -> timedelta:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{key} is not a length")
    return timedelta(seconds=value)


def _text_of(raw: Mapping[str, object], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is not a text")
    return value


def _record(kind: object, raw: Mapping[str, object]) -> Record:
    if kind == "stretch":
        posture = _text_of(raw, "posture")
        if posture not in ("seated", "standing"):
            raise ValueError("unknown posture")
        return Stretch(_time_of(raw, "start"), _time_of(raw, "end"), posture)
    if kind == "prompt":
        rating = raw.get("rating")
        if rating is not None and rating not in ("easy", "ok", "hard", "hurt"):
            raise ValueError("unknown rating")
        return PromptRecord(
            _time_of(raw, "start"),
            _time_of(raw, "end"),
            _text_of(raw, "exercise"),
            Outcome(_text_of(raw, "outcome")),
            _length_of(raw, "moved"),
            rating if isinstance(rating, str) else None,
        )
    if kind == "break":
        return Break(_time_of(raw, "start"), _time_of(raw, "end"))
    if kind == "pause":
        return Pause(_time_of(raw, "start"), _time_of(raw, "end"))
    if kind == "activity":
        return Activity(_time_of(raw, "start"), _length_of(raw, "seconds"), _text_of(raw, "name"))
    if kind == "checkin":
        score = raw["score"]
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise ValueError("score is not 0-10")
        return CheckIn(date.fromisoformat(_text_of(raw, "day")), score, _time_of(raw, "at"))
    raise ValueError(f"unknown kind {kind!r}")


# --- files ------------------------------------------------------------------------------


def render(items: Iterable[Entry]) -> str:
    """A whole events file: a header, one line per event (oldest first), an end line.

    The end line counts the events, so a file cut short at a line boundary is told from
    a complete one.
    """
    lines = sorted((start_of(i.record), encode(i)) for i in items)
    header = json.dumps({"format": FORMAT, "kind": "header"}, sort_keys=True)
    end = json.dumps({"count": len(lines), "kind": "end"}, sort_keys=True)
    return "\n".join([header, *(text for _, text in lines), end]) + "\n"


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one file gave: its events, and what was wrong with it (for the log)."""

    entries: tuple[Entry, ...]
    problems: tuple[str, ...] = ()


def parse(text: str, device: str) -> Parsed:
    """The events in one file's text; never raises.

    A line that cannot be read (cut short, damaged, from a newer version) is skipped and
    named; the others count. A file with no end line, or a count that does not match, was
    cut short or damaged in transit: its readable lines still count (each event once, by
    id), and the next complete copy brings the rest.
    """
    problems: list[str] = []
    found: list[Entry] = []
    counted: int | None = None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    elif lines:
        problems.append("the last line is cut short")
        lines.pop()
    for number, raw in _decoded_lines(lines):
        if raw is _BROKEN:
            problems.append(f"line {number}: not a complete line of JSON")
            continue
        if isinstance(raw, dict) and raw.get("kind") == "header":
            if isinstance(raw.get("format"), int) and raw["format"] > FORMAT:
                return Parsed((), (f"written by a newer movebreak (format {raw['format']})",))
            continue
        if isinstance(raw, dict) and raw.get("kind") == "end":
            counted = raw.get("count") if isinstance(raw.get("count"), int) else -1
            continue
        try:
            found.append(_decoded(raw, device))
        except LineError as error:
            problems.append(f"line {number}: {error}")
    if counted is None:
        problems.append("no end line: the file is incomplete (cut short in transit?)")
    elif counted != len(found) and not problems:
        problems.append(f"the end line counts {counted} events, the file holds {len(found)}")
    return Parsed(tuple(found), tuple(problems))


_BROKEN = object()  # a line that is not JSON


def _decoded_lines(lines: Sequence[str]) -> list[tuple[int, object]]:
    """Each non-blank line's JSON value (or ``_BROKEN``) with its line number.

    One ``json.loads`` for the whole file, as an array, when every line is sound (the
    common case, and several times faster); line by line only when one is not.
    """
    filled = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    try:
        whole = json.loads("[" + ",".join(line for _, line in filled) + "]")
    except ValueError:
        whole = None
    if isinstance(whole, list) and len(whole) == len(filled):
        return [(number, raw) for (number, _), raw in zip(filled, whole, strict=True)]
    found: list[tuple[int, object]] = []
    for number, line in filled:
        try:
            found.append((number, json.loads(line)))
        except ValueError:
            found.append((number, _BROKEN))
    return found


def presence_text(presence: DevicePresence) -> str:
    """The presence file's text."""
    return (
        json.dumps(
            {
                "format": FORMAT,
                "device": presence.device,
                "name": presence.name,
                "written_at": _stamp(presence.written_at),
                "last_input": _stamp(presence.last_input),
                "stretch_start": _stamp(presence.stretch_start),
                "posture": presence.posture,
                "moved_at": _stamp(presence.moved_at) if presence.moved_at else None,
            },
            sort_keys=True,
        )
        + "\n"
    )


def parse_presence(text: str, device: str) -> DevicePresence:
    """A presence file's content, for the device whose folder holds it.

    Raises:
        LineError: not a complete presence record.
    """
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        times = [
            datetime.fromtimestamp(int(raw[k]), UTC)
            for k in ("written_at", "last_input", "stretch_start")
        ]
        posture = raw["posture"]
        if posture not in ("seated", "standing"):
            raise ValueError("unknown posture")
        name = raw.get("name", "")
        moved = raw.get("moved_at")
        moved_at = datetime.fromtimestamp(int(moved), UTC) if moved is not None else None
        return DevicePresence(
            device, str(name), times[0], times[1], times[2], str(posture), moved_at
        )
    except (KeyError, TypeError, ValueError, OverflowError, OSError) as error:
        raise LineError(f"not a presence record ({error})") from None


# --- the merge --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merged:
    """Every device's events, each once, ready for ``core.stats``.

    Time seated or standing on two computers at once is counted once (the stretches
    are joined); a "break" on one computer while the person was at another is no break.
    ``by_device`` keeps each device's own events, for the per-computer breakdown.
    """

    prompts: list[PromptRecord] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    stretches: list[Stretch] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    checkins: dict[date, CheckIn] = field(default_factory=dict)
    by_device: dict[str, list[Record]] = field(default_factory=dict)


def distinct(items: Iterable[Entry]) -> list[Entry]:
    """Each event once, its latest version; the result does not depend on input order.

    Two versions with the same ``version`` are ordered by their text, so which copy of a
    file was read first never matters.
    """
    best: dict[str, Entry] = {}
    for item in items:
        held = best.get(item.key)
        if (
            held is None
            or item.version > held.version
            or (item.version == held.version and item != held and encode(item) > encode(held))
        ):
            best[item.key] = item
    return [best[key] for key in sorted(best)]


def merge(items: Iterable[Entry], *, min_break: timedelta) -> Merged:
    """All devices' events as one person's day.

    - Each event once (:func:`distinct`).
    - Stretches in one posture that overlap or touch, on whatever devices, become one:
      the person sat once, whichever keyboard they used (this also keeps clock skew
      between devices from counting the same minutes twice).
    - A break no stretch overlaps stays as it is. One that another computer's stretch
      overlaps is its longest part outside every stretch, if that is at least
      ``min_break`` (``natural_break``): otherwise the person was at another computer.
    - Pauses overlapping are joined; prompts and logged activities all count (each was
      its own event); the check-in answered last on a day is the day's.
    - A record ending before it starts (a clock set back) counts as nothing.
    """
    merged = Merged()
    stretches: list[Stretch] = []
    breaks: list[Break] = []
    pauses: list[Pause] = []
    for item in distinct(items):
        record = item.record
        merged.by_device.setdefault(item.device, []).append(record)
        if isinstance(record, PromptRecord):
            merged.prompts.append(record)
        elif isinstance(record, Stretch):
            if record.end > record.start:
                stretches.append(record)
        elif isinstance(record, Break):
            if record.end > record.start:
                breaks.append(record)
        elif isinstance(record, Pause):
            if record.end > record.start:
                pauses.append(record)
        elif isinstance(record, Activity):
            merged.activities.append(record)
        else:
            held = merged.checkins.get(record.day)
            if held is None or (record.answered, record.score) > (held.answered, held.score):
                merged.checkins[record.day] = record
    merged.prompts.sort(key=lambda r: (r.shown_at, r.resolved_at, r.exercise_id))
    merged.activities.sort(key=lambda a: (a.start, a.length, a.name))
    merged.stretches[:] = join_stretches(stretches)
    merged.breaks[:] = _outside(breaks, merged.stretches, min_break)
    merged.pauses[:] = [Pause(a, b) for a, b in _union((p.start, p.end) for p in pauses)]
    return merged


def join_stretches(stretches: Iterable[Stretch]) -> list[Stretch]:
    """Overlapping or touching stretches in the same posture joined, oldest first."""
    joined: list[Stretch] = []
    for posture in ("seated", "standing"):
        spans = _union((s.start, s.end) for s in stretches if s.posture == posture)
        joined += [Stretch(a, b, posture) for a, b in spans]
    return sorted(joined, key=lambda s: (s.start, s.posture))


def _union(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _outside(
    breaks: Sequence[Break], stretches: Sequence[Stretch], least: timedelta
) -> list[Break]:
    """Each break's longest part outside every stretch, if at least ``least`` of it is."""
    busy = _union((s.start, s.end) for s in stretches)
    starts = [a for a, _ in busy]
    kept: set[tuple[datetime, datetime]] = set()
    for taken in breaks:
        free, cursor = [], taken.start
        index = max(bisect_right(starts, taken.start) - 1, 0)
        for a, b in busy[index:]:
            if a >= taken.end:
                break
            if b <= cursor:
                continue
            if a > cursor:
                free.append((cursor, min(a, taken.end)))
            cursor = max(cursor, b)
        if cursor < taken.end:
            free.append((cursor, taken.end))
        if free:
            longest = max(free, key=lambda span: span[1] - span[0])
            if longest[1] - longest[0] >= least or longest == (taken.start, taken.end):
                kept.add(longest)
    return [Break(a, b) for a, b in sorted(kept)]


def breakdown(
    merged: Merged,
    days: Sequence[date],
    rules: SittingRules,
    *,
    movement_ids: frozenset[str] | None,
    names: Mapping[str, str],
    this_device: str,
) -> tuple[DeviceShare, ...]:
    """Each device's movement and seated minutes over ``days``, this device first.

    From each device's own events: seated time on two computers at once shows on both
    here, and once in the day's total.
    """
    shares = []
    start = rules.day_start(min(days)).astimezone(UTC)
    end = rules.day_start(max(days) + timedelta(days=1)).astimezone(UTC)
    for device in sorted(merged.by_device, key=lambda d: (d != this_device, names.get(d, d))):
        records = merged.by_device[device]
        moved = movement_within(
            start,
            end,
            prompts=[r for r in records if isinstance(r, PromptRecord)],
            activities=[r for r in records if isinstance(r, Activity)],
            movement_ids=movement_ids,
        )
        seated = sum(
            (
                max(min(s.end, end) - max(s.start, start), _ZERO)
                for s in join_stretches(r for r in records if isinstance(r, Stretch))
                if s.posture == "seated"
            ),
            _ZERO,
        )
        if moved or seated or device == this_device:
            name = names.get(device, device)
            shares.append(DeviceShare(device, name, moved, seated, device == this_device))
    return tuple(shares)


# --- the stretch follows the person -----------------------------------------------------


def carried_start(
    stretch_start: datetime,
    posture: str,
    now: datetime,
    others: Iterable[DevicePresence],
    *,
    natural_break: timedelta,
    slack: timedelta,
    moved_at: datetime | None = None,
) -> tuple[datetime, DevicePresence] | None:
    """Where this device's stretch really began, if the person brought it from elsewhere.

    This device's stretch (begun at ``stretch_start`` in ``posture``) continues another
    device's when that device saw the person's last input less than ``natural_break``
    (plus ``slack``: a presence file is written at most once a minute, so its last input
    may be that much old) before this stretch began, in the same posture, and its stretch
    began earlier: the person changed keyboards without leaving the desk. When both are
    in use at once the same holds, so the longer stretch counts.

    Clock skew: the other device's times are its clock's. They are never taken to be
    later than ``now`` here, and the result is never later than ``stretch_start``, so a
    skewed clock cannot make a stretch negative or start it in the future. A skew of k
    minutes can move the carried-over start by at most k; the time itself is never
    counted twice, because the merge joins overlapping stretches.

    Nothing is carried from before ``moved_at``, this device's last Done: the person
    moved then, whatever the other computer, which did not see it, still counts.

    Returns:
        The earlier start and the presence it came from, or ``None`` to keep our own.
    """
    best: tuple[datetime, DevicePresence] | None = None
    for other in others:
        if other.posture != posture:
            continue
        last_input = min(other.last_input, now)
        begun = min(other.stretch_start, last_input)
        if moved_at is not None:
            begun = max(begun, min(moved_at, stretch_start))
        if begun >= stretch_start or last_input <= begun:
            continue
        if stretch_start - last_input >= natural_break + slack:
            continue  # a real break between that computer and this one
        if best is None or begun < best[0]:
            best = (begun, other)
    return best


def _stamp(moment: datetime) -> int:
    return int(moment.timestamp())


def moved_elsewhere(
    stretch_start: datetime, now: datetime, others: Iterable[DevicePresence]
) -> DevicePresence | None:
    """The other device where the person finished an exercise since this stretch began.

    The stretch here then ends: the person moved, at whichever computer they said so.
    A ``moved_at`` later than ``now`` (a clock ahead) is not believed yet.
    """
    latest: DevicePresence | None = None
    for other in others:
        moved = other.moved_at
        if moved is None or not stretch_start < moved <= now:
            continue
        if latest is None or latest.moved_at is None or moved > latest.moved_at:
            latest = other
    return latest
