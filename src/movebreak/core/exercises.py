"""Exercises as values, read from data, and the choice of the next one to offer.

This is the starter form the prompts need; the library issue grows the schema (doses,
progressions, cautions by condition) and the selection rules.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from movebreak.core.durations import DurationError, parse_duration
from movebreak.core.problems import Problem
from movebreak.core.sitting import Posture


class Position(StrEnum):
    """Where an exercise is done."""

    SEATED = "seated"
    STANDING = "standing"
    EITHER = "either"
    WALKING = "walking"


@dataclass(frozen=True, slots=True)
class Exercise:
    """One library entry, immutable."""

    id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    duration: timedelta
    position: Position
    focus_areas: tuple[str, ...]
    intensity: int
    movement: bool
    cautions: tuple[str, ...] = ()


def parse_library(
    raw: Mapping[str, Any], source: Path
) -> tuple[tuple[Exercise, ...], list[Problem]]:
    """Validate ``[[exercise]]`` entries; a bad entry is left out with a Problem, the rest load."""
    problems: list[Problem] = []
    entries = raw.get("exercise", [])
    if not isinstance(entries, list):
        return (), [Problem(source, "exercise", None, "expected [[exercise]] entries")]
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        key = f"exercise[{number}]"
        try:
            exercise = _exercise(entry)
        except (ValueError, TypeError, KeyError) as error:
            problems.append(Problem(source, key, None, f"left out: {error}"))
            continue
        if exercise.id in seen:
            problems.append(Problem(source, key, None, f"left out: id {exercise.id!r} repeats"))
            continue
        seen.add(exercise.id)
        exercises.append(exercise)
    return tuple(exercises), problems


def _exercise(entry: Any) -> Exercise:
    if not isinstance(entry, Mapping):
        raise TypeError("an exercise must be a table")

    def text(name: str) -> str:
        value = entry[name]
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must be non-empty text")
        return value

    def texts(name: str, at_least: int) -> tuple[str, ...]:
        value = entry.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"{name} must be a list of text")
        if len(value) < at_least:
            raise ValueError(f"{name} needs at least {at_least}")
        return tuple(value)

    try:
        duration = parse_duration(entry["duration"])
    except DurationError as error:
        raise ValueError(f"duration: {error}") from None
    intensity = entry.get("intensity", 1)
    if intensity not in (1, 2, 3) or isinstance(intensity, bool):
        raise ValueError("intensity must be 1, 2 or 3")
    movement = entry.get("movement", True)
    if not isinstance(movement, bool):
        raise ValueError("movement must be true or false")
    return Exercise(
        id=text("id"),
        title=text("title"),
        summary=text("summary"),
        steps=texts("steps", 1),
        duration=duration,
        position=Position(text("position")),
        focus_areas=texts("focus_areas", 1),
        intensity=intensity,
        movement=movement,
        cautions=texts("cautions", 0),
    )


def fits(exercise: Exercise, posture: Posture) -> bool:
    """Whether ``exercise`` answers a prompt for someone in ``posture``.

    A prompt after sitting asks the user to get up, so it offers standing and walking
    exercises; after standing, walking or anything done either way (which includes sitting).
    """
    if posture is Posture.SEATED:
        return exercise.position is not Position.SEATED
    return exercise.position in (Position.WALKING, Position.EITHER)


def pick(
    exercises: Sequence[Exercise],
    posture: Posture,
    at: datetime,
    recent: Sequence[str] = (),
) -> Exercise | None:
    """Choose the exercise to offer at ``at``.

    It fits the posture, is not among ``recent`` and does not repeat the last focus area.
    Deterministic for the same inputs (seeded from ``at``).
    """
    fitting = [e for e in exercises if fits(e, posture)] or list(exercises)
    fresh = (
        [e for e in fitting if e.id not in recent]
        or [e for e in fitting if not recent or e.id != recent[-1]]
        or fitting
    )
    last_focus = _focus_of(exercises, recent[-1]) if recent else None
    varied = [e for e in fresh if e.focus_areas[0] != last_focus] or fresh
    if not varied:
        return None
    return random.Random(int(at.timestamp())).choice(varied)


def _focus_of(exercises: Sequence[Exercise], exercise_id: str) -> str | None:
    for exercise in exercises:
        if exercise.id == exercise_id:
            return exercise.focus_areas[0]
    return None
