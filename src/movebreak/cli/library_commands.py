"""``movebreak exercises``: the library from the command line, with or without the app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from movebreak.adapters.library_file import built_in_path, check_file, load_library, load_poses
from movebreak.adapters.paths import AppPaths
from movebreak.core.exercises import FOCUS_AREAS, Exercise, merge
from movebreak.core.problems import Severity

DISCLAIMER = (
    "These are general suggestions, not medical advice. Stop an exercise that increases "
    "pain, and see a clinician rather than exercising if you have red-flag symptoms."
)


def list_exercises(
    paths: AppPaths, *, position: str | None, focus: str | None, as_json: bool
) -> int:
    """Print the library (built-in plus the user's file), filtered."""
    if focus is not None and focus not in FOCUS_AREAS:
        print(
            f"movebreak: unknown focus area {focus!r}; one of {', '.join(FOCUS_AREAS)}",
            file=sys.stderr,
        )
        return 2
    library = load_library(paths.user_exercises)
    for problem in library.problems:
        print(f"movebreak: {problem}", file=sys.stderr)
    chosen = [
        e
        for e in library.exercises
        if (position is None or e.position.value == position)
        and (focus is None or focus in e.focus_areas)
    ]
    if as_json:
        print(json.dumps([_as_dict(e) for e in chosen], indent=2))
        return 0
    for exercise in chosen:
        print(
            f"{exercise.id:28} {exercise.title:30} {exercise.position.value:8} "
            f"L{exercise.intensity}  {', '.join(exercise.focus_areas)}  ({exercise.dose})"
        )
    print(f"\n{len(chosen)} exercises. {DISCLAIMER}")
    return 0


def check(path: Path) -> int:
    """Validate a user's exercises file; 0 when every entry is valid, 1 otherwise."""
    poses = load_poses()
    exercises, problems = check_file(path, poses)
    built_in, _ = check_file(built_in_path(), poses)
    _, warnings = merge(built_in, exercises)
    for problem in problems:
        print(problem)
    for warning in warnings:
        print(f"{path}: warning: {warning}")
    if any(p.severity is Severity.ERROR for p in problems):
        left_out = sum(1 for p in problems if p.severity is Severity.ERROR)
        print(f"{path}: {len(exercises)} exercises valid, {left_out} left out")
        return 1
    print(f"{path}: {len(exercises)} exercises, all valid")
    return 0


def _as_dict(exercise: Exercise) -> dict[str, object]:
    """An exercise in the library file's own field names (snake_case)."""
    return {
        "id": exercise.id,
        "title": exercise.title,
        "summary": exercise.summary,
        "steps": list(exercise.steps),
        "dose": {
            "kind": exercise.dose.kind,
            "value": exercise.dose.value,
            "unit": exercise.dose.unit,
            "sets": exercise.dose.sets,
            "per_side": exercise.dose.per_side,
            "hold_seconds": exercise.dose.hold_seconds,
        },
        "est_seconds": int(exercise.duration.total_seconds()),
        "position": exercise.position.value,
        "space": exercise.space,
        "equipment": list(exercise.equipment),
        "focus_areas": list(exercise.focus_areas),
        "intensity": exercise.intensity,
        "activity_class": exercise.activity_class,
        "counts_as": list(exercise.counts_as),
        "progression_id": exercise.progression_id,
        "regression_id": exercise.regression_id,
        "standing_desk_friendly": exercise.standing_desk_friendly,
        "office_discreet": exercise.office_discreet,
        "cautions": list(exercise.cautions),
        "avoid_if": list(exercise.avoid_if),
        "source_refs": list(exercise.source_refs),
        "tags": list(exercise.tags),
        "animation": list(exercise.animation),
        "version": exercise.version,
    }
