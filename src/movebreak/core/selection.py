"""Choosing the next exercise: fits where the user is, varies the body, respects tastes.

Pure and deterministic: the same inputs give the same choice (a local Random seeded from
the time), so tests need no seed patching.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from movebreak.core.exercises import Exercise, Position
from movebreak.core.sitting import Posture

FAVOURITE_WEIGHT = 3.0
RECENT = 6  # exercises not repeated within this many prompts (about 3 h at 30 min)


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user told us about exercises.

    Attributes:
        favourites: ids offered more often.
        hidden: ids never offered.
        avoid: conditions from the readiness questions; exercises whose ``avoid_if``
            names one are never offered.
        max_intensity: the highest level offered (progression raises it over weeks).
    """

    favourites: frozenset[str] = field(default_factory=frozenset)
    hidden: frozenset[str] = field(default_factory=frozenset)
    avoid: frozenset[str] = field(default_factory=frozenset)
    max_intensity: int = 3


def fits(exercise: Exercise, posture: Posture) -> bool:
    """Whether ``exercise`` answers a prompt for someone in ``posture``.

    A prompt after sitting asks the user to get up, so it offers standing and walking
    exercises and those done either way; after standing, walking or either (which may be
    done sitting down, a welcome change).
    """
    if posture is Posture.SEATED:
        return exercise.position is not Position.SEATED
    return exercise.position in (Position.WALKING, Position.EITHER)


def allowed(exercise: Exercise, preferences: Preferences) -> bool:
    """Not hidden, not ruled out by a condition, not above the user's level."""
    return (
        exercise.id not in preferences.hidden
        and not preferences.avoid.intersection(exercise.avoid_if)
        and exercise.intensity <= preferences.max_intensity
    )


def pick(
    exercises: Sequence[Exercise],
    posture: Posture,
    at: datetime,
    recent: Sequence[str] = (),
    preferences: Preferences = Preferences(),
    today: Sequence[str] = (),
) -> Exercise | None:
    """The exercise to offer at ``at``.

    Among allowed exercises that fit the posture: not the same primary focus area as the
    last one, none of the ``recent`` ids, focus areas used least ``today`` weighted up,
    favourites weighted up. When a small pool cannot satisfy everything, freshness gives way
    before variety; hidden or ruled-out exercises are never offered.
    """
    pool = [e for e in exercises if allowed(e, preferences)]
    fitting = [e for e in pool if fits(e, posture)] or pool
    if not fitting:
        return None
    by_id = {e.id: e for e in exercises}
    last = by_id.get(recent[-1]) if recent else None
    varied = [e for e in fitting if last is None or e.focus_areas[0] != last.focus_areas[0]]
    varied = varied or fitting
    choices = (
        [e for e in varied if e.id not in recent]
        or [e for e in varied if not recent or e.id != recent[-1]]
        or varied
    )
    used = Counter(by_id[i].focus_areas[0] for i in today if i in by_id)
    weights = [
        (FAVOURITE_WEIGHT if e.id in preferences.favourites else 1.0) / (1 + used[e.focus_areas[0]])
        for e in choices
    ]
    return random.Random(int(at.timestamp())).choices(choices, weights=weights)[0]


def offer(
    exercises: Sequence[Exercise],
    posture: Posture,
    at: datetime,
    recent: tuple[str, ...],
    preferences: Preferences,
    level: int,
    avoid: str | None = None,
) -> Exercise | None:
    """The Coach's :func:`pick`: no harder than the user's ``level``, never ``avoid``.

    ``avoid`` is the exercise that Another replaces; ``recent`` (see :func:`remember`)
    also stands for the focus areas used today.
    """
    capped = replace(preferences, max_intensity=min(preferences.max_intensity, level))
    return pick(exercises, posture, at, recent + ((avoid,) if avoid else ()), capped, recent)


def remember(recent: tuple[str, ...], exercise_id: str) -> tuple[str, ...]:
    """``recent`` after offering ``exercise_id``: the last ``RECENT`` ids offered."""
    return (*recent, exercise_id)[-RECENT:]
