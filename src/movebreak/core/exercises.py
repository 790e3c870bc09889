"""Exercises as values, validated from data against one schema (movement-science.md §3.1).

The built-in library is ``assets/exercises.toml``; a user's ``exercises.toml`` adds to it
or overrides entries by id. A bad entry is left out with a Problem naming the file, the
entry, the field and (where found) the line; the rest load.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any

from movebreak.core.problems import Problem, Severity


class Position(StrEnum):
    """Where an exercise is done."""

    SEATED = "seated"
    STANDING = "standing"
    EITHER = "either"
    WALKING = "walking"


SPACES = ("at_desk", "beside_desk_1m", "wall", "corridor", "stairs")
EQUIPMENT = ("none", "stable_chair", "sturdy_desk", "wall", "stairs", "water_bottle")
FOCUS_AREAS = (
    "lower_back", "upper_back", "neck", "shoulders", "chest", "core", "hips", "glutes",
    "thighs", "calves_ankles", "wrists_hands", "eyes", "whole_body", "circulation",
)  # fmt: skip
ACTIVITY_CLASSES = ("stationary_recovery", "light", "moderate", "vigorous")
COUNTS_AS = ("break", "movement_minutes", "brisk_minutes", "strength", "upright_time")
AVOID_IF = (
    "balance_problems", "recent_surgery", "acute_flare", "wrist_pain", "shoulder_pain",
    "dizziness", "late_pregnancy", "heart_condition_symptoms",
)  # fmt: skip
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")  # \Z: "$" would allow a final newline


@dataclass(frozen=True, slots=True)
class Dose:
    """How much: ``8 reps per side``, ``2 x 15 s``, ``2 min``."""

    kind: str  # duration | reps | hold
    value: float
    unit: str  # s | min | reps
    sets: int = 1
    per_side: bool = False
    hold_seconds: int | None = None

    def __str__(self) -> str:
        amount = f"{self.value:g} {self.unit}"
        if self.sets > 1:
            amount = f"{self.sets} x {amount}"
        if self.hold_seconds:
            amount += f", hold {self.hold_seconds} s"
        return amount + (" per side" if self.per_side else "")


@dataclass(frozen=True, slots=True)
class Exercise:
    """One library entry, immutable. Field names follow movement-science.md §3.1."""

    id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    dose: Dose
    duration: timedelta  # est_seconds
    position: Position
    space: str
    equipment: tuple[str, ...]
    focus_areas: tuple[str, ...]
    intensity: int
    activity_class: str
    counts_as: tuple[str, ...]
    animation: tuple[str, ...]
    progression_id: str | None = None
    regression_id: str | None = None
    standing_desk_friendly: bool = True
    office_discreet: bool = False
    cautions: tuple[str, ...] = ()
    avoid_if: tuple[str, ...] = ()
    source_refs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    version: int = 1

    @property
    def movement(self) -> bool:
        """Whether finishing it earns movement minutes (light or higher activity)."""
        return "movement_minutes" in self.counts_as


class _InvalidFieldError(ValueError):
    """One field of one entry is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def parse_library(
    raw: Mapping[str, Any], source: Path, text: str | None = None, poses: Iterable[str] = ()
) -> tuple[tuple[Exercise, ...], list[Problem]]:
    """Validate every ``[[exercise]]`` entry; bad ones are left out, each with a Problem.

    ``poses`` are the known animation pose names (empty: not checked). Links to unknown
    exercises are dropped with a warning, so a user's file can refer to the built-ins.
    """
    entries = raw.get("exercise", [])
    if not isinstance(entries, list):
        return (), [Problem(source, "exercise", None, "expected [[exercise]] entries")]
    starts = _entry_lines(text) if text is not None else []
    known_poses = frozenset(poses)
    problems: list[Problem] = []
    exercises: dict[str, Exercise] = {}
    for index, entry in enumerate(entries):
        key = f"exercise[{index + 1}]"
        start = starts[index] if index < len(starts) else None
        ident = entry.get("id") if isinstance(entry, Mapping) else None
        label = f"{key} ({ident})" if isinstance(ident, str) else key
        try:
            exercise = _exercise(entry, known_poses)
        except _InvalidFieldError as error:
            line = _field_line(text, start, error.field)
            problems.append(Problem(source, f"{label}.{error.field}", line, f"left out: {error}"))
            continue
        if exercise.id in exercises:
            problems.append(Problem(source, label, start, "left out: the id is used twice"))
            continue
        exercises[exercise.id] = exercise
    return tuple(exercises.values()), problems


def merge(
    built_in: Sequence[Exercise], user: Sequence[Exercise]
) -> tuple[tuple[Exercise, ...], list[str]]:
    """The library with the user's entries added, or replacing built-ins with the same id.

    Returns the merged library and warnings about links that point nowhere (dropped).
    """
    merged = {exercise.id: exercise for exercise in built_in}
    merged.update((exercise.id, exercise) for exercise in user)
    warnings: list[str] = []
    fixed = []
    for exercise in merged.values():
        links: dict[str, Any] = {}  # progression_id or regression_id -> None
        for name in ("progression_id", "regression_id"):
            target = getattr(exercise, name)
            if target is not None and target not in merged:
                warnings.append(f"{exercise.id}: {name} {target!r} is not in the library; ignored")
                links[name] = None
        fixed.append(replace(exercise, **links) if links else exercise)
    return tuple(fixed), warnings


def progression_loops(exercises: Sequence[Exercise]) -> list[str]:
    """Ids from which following ``progression_id`` comes back round (a broken ladder)."""
    by_id = {exercise.id: exercise for exercise in exercises}
    looping = []
    for start in by_id:
        seen = {start}
        current = by_id[start].progression_id
        while current is not None and current in by_id:
            if current in seen:
                looping.append(start)
                break
            seen.add(current)
            current = by_id[current].progression_id
    return looping


def _exercise(entry: Any, poses: frozenset[str]) -> Exercise:
    if not isinstance(entry, Mapping):
        raise _InvalidFieldError("entry", "an exercise must be a table of fields")
    ident = _text(entry, "id", 60)
    if not _ID.match(ident):
        raise _InvalidFieldError("id", f"{ident!r} is not kebab-case like 'walk-lap'")
    animation = _choices(entry, "animation", None, at_least=2, at_most=6)
    if poses:
        unknown = [pose for pose in animation if pose not in poses]
        if unknown:
            raise _InvalidFieldError("animation", f"unknown pose {unknown[0]!r}")
    if any(a == b for a, b in pairwise(animation)):
        raise _InvalidFieldError("animation", "two frames in a row are the same pose")
    est = entry.get("est_seconds")
    if isinstance(est, bool) or not isinstance(est, int) or not 10 <= est <= 1800:
        raise _InvalidFieldError("est_seconds", "must be a whole number of seconds from 10 to 1800")
    intensity = entry.get("intensity")
    if type(intensity) is not int or intensity not in (1, 2, 3):  # not True, not 1.0
        raise _InvalidFieldError("intensity", "must be 1, 2 or 3")
    version = entry.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _InvalidFieldError("version", "must be a whole number from 1")
    position = _text(entry, "position", 20)
    if position not in tuple(Position):
        raise _InvalidFieldError("position", f"must be one of {', '.join(Position)}")
    space = _text(entry, "space", 30)
    if space not in SPACES:
        raise _InvalidFieldError("space", f"must be one of {', '.join(SPACES)}")
    activity_class = _text(entry, "activity_class", 30)
    if activity_class not in ACTIVITY_CLASSES:
        raise _InvalidFieldError("activity_class", f"must be one of {', '.join(ACTIVITY_CLASSES)}")
    return Exercise(
        id=ident,
        title=_text(entry, "title", 40),
        summary=_text(entry, "summary", 90),
        steps=_texts(entry, "steps", 120, at_least=1, at_most=6),
        dose=_dose(entry.get("dose")),
        duration=timedelta(seconds=est),
        position=Position(position),
        space=space,
        equipment=_choices(entry, "equipment", EQUIPMENT, at_least=1, at_most=6),
        focus_areas=_choices(entry, "focus_areas", FOCUS_AREAS, at_least=1, at_most=3),
        intensity=intensity,
        activity_class=activity_class,
        counts_as=_choices(entry, "counts_as", COUNTS_AS, at_least=1, at_most=5),
        animation=animation,
        progression_id=_link(entry, "progression_id"),
        regression_id=_link(entry, "regression_id"),
        standing_desk_friendly=_flag(entry, "standing_desk_friendly", default=True),
        office_discreet=_flag(entry, "office_discreet", default=False),
        cautions=_texts(entry, "cautions", 200, at_least=0, at_most=6),
        avoid_if=_choices(entry, "avoid_if", AVOID_IF, at_least=0, at_most=8),
        source_refs=_texts(entry, "source_refs", 120, at_least=0, at_most=12),
        tags=_texts(entry, "tags", 40, at_least=0, at_most=12),
        version=version,
    )


def _text(entry: Mapping[str, Any], name: str, longest: int) -> str:
    if name not in entry:
        raise _InvalidFieldError(name, "is missing")
    value = entry[name]
    if not isinstance(value, str) or not value.strip():
        raise _InvalidFieldError(name, "must be non-empty text")
    if len(value) > longest:
        raise _InvalidFieldError(name, f"is {len(value)} characters; at most {longest}")
    return value


def _texts(
    entry: Mapping[str, Any], name: str, longest: int, *, at_least: int, at_most: int
) -> tuple[str, ...]:
    value = entry.get(name)
    if value is None:
        if at_least:
            raise _InvalidFieldError(name, "is missing")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _InvalidFieldError(name, "must be a list of non-empty texts")
    if not at_least <= len(value) <= at_most:
        raise _InvalidFieldError(name, f"needs {at_least} to {at_most} items, has {len(value)}")
    too_long = [v for v in value if len(v) > longest]
    if too_long:
        raise _InvalidFieldError(
            name, f"an item is {len(too_long[0])} characters; at most {longest}"
        )
    return tuple(value)


def _choices(
    entry: Mapping[str, Any],
    name: str,
    allowed: Sequence[str] | None,
    *,
    at_least: int,
    at_most: int,
) -> tuple[str, ...]:
    values = _texts(entry, name, 60, at_least=at_least, at_most=at_most)
    if allowed is not None:
        wrong = [v for v in values if v not in allowed]
        if wrong:
            raise _InvalidFieldError(name, f"{wrong[0]!r} is not one of {', '.join(allowed)}")
    return values


def _link(entry: Mapping[str, Any], name: str) -> str | None:
    value = entry.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ID.match(value):
        raise _InvalidFieldError(name, "must be the id of another exercise")
    return value


def _flag(entry: Mapping[str, Any], name: str, *, default: bool) -> bool:
    value = entry.get(name, default)
    if not isinstance(value, bool):
        raise _InvalidFieldError(name, "must be true or false")
    return value


def _dose(value: Any) -> Dose:
    if not isinstance(value, Mapping):
        raise _InvalidFieldError(
            "dose", 'must be a table like { kind = "reps", value = 8, unit = "reps" }'
        )
    kind, unit, amount = value.get("kind"), value.get("unit"), value.get("value")
    if kind not in ("duration", "reps", "hold"):
        raise _InvalidFieldError("dose", "kind must be duration, reps or hold")
    if unit not in ("s", "min", "reps"):
        raise _InvalidFieldError("dose", "unit must be s, min or reps")
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        raise _InvalidFieldError("dose", "value must be a positive number")
    if not 0 < amount <= sys.float_info.max:  # also nan, inf and integers too big for a float
        raise _InvalidFieldError("dose", "value must be a positive number")
    sets = value.get("sets", 1)
    if isinstance(sets, bool) or not isinstance(sets, int) or sets < 1:
        raise _InvalidFieldError("dose", "sets must be a whole number from 1")
    per_side = value.get("per_side", False)
    if not isinstance(per_side, bool):
        raise _InvalidFieldError("dose", "per_side must be true or false")
    hold = value.get("hold_seconds")
    if hold is not None and (isinstance(hold, bool) or not isinstance(hold, int) or hold < 1):
        raise _InvalidFieldError("dose", "hold_seconds must be a whole number of seconds")
    return Dose(kind, float(amount), unit, sets, per_side, hold)


_HEADER = re.compile(r"^\s*\[\[\s*exercise\s*\]\]")


def _entry_lines(text: str | None) -> list[int]:
    """1-based line of each ``[[exercise]]`` header, in order."""
    if text is None:
        return []
    return [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER.match(line)]


def _field_line(text: str | None, start: int | None, field: str) -> int | None:
    """The line of ``field`` within the entry that begins at line ``start``."""
    if text is None or start is None:
        return start
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
    lines = text.splitlines()
    for number in range(start, len(lines)):
        line = lines[number]
        if _HEADER.match(line) or line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number + 1
    return start


def problems_as_warnings(source: Path, warnings: Iterable[str]) -> list[Problem]:
    """Merge-time warnings as Problems on ``source``."""
    return [Problem(source, None, None, text, Severity.WARNING) for text in warnings]
