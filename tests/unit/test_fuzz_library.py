"""Fuzzing exercises.toml: a broken entry is left out with a Problem, the rest still load.

Entries are built-in entries with fields dropped, retyped or garbled, so the fuzzer spends
its time on files that look like the ones people write by copying a built-in entry.
"""

import math
import re
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import example, given
from hypothesis import strategies as st

from movebreak.adapters.library_file import built_in_path, check_file, load_library, load_poses
from movebreak.core.exercises import (
    ACTIVITY_CLASSES,
    AVOID_IF,
    COUNTS_AS,
    EQUIPMENT,
    FOCUS_AREAS,
    SPACES,
    Exercise,
    Position,
    parse_library,
)
from movebreak.core.poses import Pose
from movebreak.core.problems import Problem
from tests.fuzzing import assert_clear, deep_toml, fuzz, keys, stat_of, toml_values

BUILT_IN: list[dict[str, Any]] = tomllib.loads(built_in_path().read_text(encoding="utf-8"))[
    "exercise"
]
BUILT_IN_IDS = {entry["id"] for entry in BUILT_IN}
POSES: dict[str, Pose] = load_poses()
FIELDS = sorted({name for entry in BUILT_IN for name in entry})
KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

# Values close to right: the mistakes people make when editing an entry by hand.
near_misses: st.SearchStrategy[Any] = st.sampled_from(
    [
        "", " ", "Walk-Lap", "walk-lap\n", "walk_lap", "x" * 300, 0, 1.0, 2.5, -1, True,
        10**20, math.nan, math.inf, [], [""], ["stand"], ["stand", "stand"], [1, 2],
        {"kind": "reps", "value": math.nan, "unit": "reps"},
        {"kind": "reps", "value": math.inf, "unit": "reps"},
        {"kind": "reps", "value": 8, "unit": "reps", "sets": 0},
        {"kind": "hold", "value": 8, "unit": "s", "hold_seconds": True},
        {"kind": "walk", "value": 1, "unit": "min"},
    ]
)  # fmt: skip


def dose_like() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "kind": st.sampled_from(["duration", "reps", "hold", "x"]) | toml_values,
            "value": st.floats() | st.integers() | toml_values,
            "unit": st.sampled_from(["s", "min", "reps", "h"]) | toml_values,
            "sets": st.integers(min_value=-1, max_value=4) | toml_values,
            "per_side": st.booleans() | toml_values,
            "hold_seconds": st.integers(min_value=-1, max_value=30) | toml_values,
        },
    )


@st.composite
def mutated_entry(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A built-in entry, possibly damaged; True when it was left exactly as shipped."""
    entry = dict(draw(st.sampled_from(BUILT_IN)))
    changed = draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True))
    for name in changed:
        how = draw(st.sampled_from(["drop", "random", "near", "dose"]))
        if how == "drop":
            entry.pop(name, None)
        elif how == "dose":
            entry["dose"] = draw(dose_like())
        else:
            entry[name] = draw(toml_values if how == "random" else near_misses)
    extra = draw(st.dictionaries(keys, toml_values, max_size=2))
    entry.update({k: v for k, v in extra.items() if k not in FIELDS})
    return entry, not changed and not extra


library_files = st.lists(mutated_entry(), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def assert_sound(exercise: Exercise) -> None:
    """What the prompt, the browser and the picker rely on for every loaded exercise."""
    assert KEBAB.fullmatch(exercise.id)
    assert type(exercise.intensity) is int
    assert exercise.intensity in (1, 2, 3)
    assert 10 <= exercise.duration.total_seconds() <= 1800
    assert math.isfinite(exercise.dose.value)
    assert exercise.dose.value > 0
    assert type(exercise.dose.sets) is int
    assert exercise.dose.sets >= 1
    for text, longest in ((exercise.title, 40), (exercise.summary, 90)):
        assert text.strip()
        assert len(text) <= longest
    assert 1 <= len(exercise.steps) <= 6
    assert all(step.strip() for step in exercise.steps)
    assert isinstance(exercise.position, Position)
    assert exercise.space in SPACES
    assert exercise.activity_class in ACTIVITY_CLASSES
    assert set(exercise.equipment) <= set(EQUIPMENT)
    assert set(exercise.focus_areas) <= set(FOCUS_AREAS)
    assert set(exercise.counts_as) <= set(COUNTS_AS)
    assert set(exercise.avoid_if) <= set(AVOID_IF)
    assert set(exercise.animation) <= set(POSES)
    assert all(a != b for a, b in zip(exercise.animation, exercise.animation[1:], strict=False))
    for link in (exercise.progression_id, exercise.regression_id):
        assert link is None or KEBAB.fullmatch(link)
    str(exercise.dose)  # the prompt shows it


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(path: Path) -> tuple[tuple[Exercise, ...], list[Problem]]:
    """check_file, proving the user's file is only read."""
    before = stat_of(path)
    found = check_file(path, POSES)
    assert stat_of(path) == before
    return found


@fuzz(300)
@given(library_files)
@example([({**BUILT_IN[0], "intensity": 1.0}, False)])  # "level 1.0" in the browser
@example([({**BUILT_IN[0], "id": "walk-lap\n"}, False)])  # an id that is not kebab-case
@example([({**BUILT_IN[0], "dose": {"kind": "reps", "value": math.nan, "unit": "reps"}}, False)])
@example([({**BUILT_IN[0], "dose": {"kind": "reps", "value": math.inf, "unit": "reps"}}, False)])
@example([({**BUILT_IN[0], "dose": {"kind": "reps", "value": 10**400, "unit": "reps"}}, False)])
def test_each_bad_entry_is_left_out_alone_with_a_problem(
    folder: Path, entries: list[tuple[dict[str, Any], bool]]
) -> None:
    text = tomlkit.dumps({"exercise": [entry for entry, _ in entries]})
    path = write(folder / "entries" / "exercises.toml", text)

    exercises, problems = checked(path)

    assert (exercises, problems) == parse_library(tomllib.loads(text), path, text, POSES)
    for problem in problems:
        assert_clear(problem, path, text)
    for exercise in exercises:
        assert_sound(exercise)
    loaded = {exercise.id: exercise for exercise in exercises}
    seen: set[str] = set()
    for number, (entry, untouched) in enumerate(entries, start=1):
        named = [p for p in problems if (p.key or "").startswith(f"exercise[{number}]")]
        ident = entry.get("id")
        if untouched and ident not in seen:
            assert isinstance(ident, str)
            assert loaded[ident] == parse_library({"exercise": [entry]}, path)[0][0]
            assert named == [], "an entry as shipped was refused"
        elif not named:  # accepted: it is in the library, as it would be alone
            assert isinstance(ident, str)
            assert ident in loaded
        else:
            assert len(named) == 1
            assert named[0].line is not None  # points into the file
        if isinstance(ident, str) and not named:
            seen.add(ident)


@fuzz(300)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.text(alphabet="[]=\"'\n#.exrcis_ 019-:{},a", max_size=120).map(str.encode),
        deep_toml("exercise").map(str.encode),
        toml_values.map(lambda value: tomlkit.dumps({"exercise": value}).encode()),
    )
)
@example(("exercise = " + "[" * 3000 + "]" * 3000 + "\n").encode())  # deeper than Python recurses
@example(b"\xff\xfe[[exercise]]\n")
def test_any_file_gives_exercises_or_clear_problems(folder: Path, content: bytes) -> None:
    path = folder / "bytes" / "exercises.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    try:
        text: str | None = content.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    exercises, problems = checked(path)
    for problem in problems:
        assert_clear(problem, path, text)
    for exercise in exercises:
        assert_sound(exercise)
    if text is None:
        assert exercises == ()
        assert [p.key for p in problems] == [None]


@fuzz(100)
@given(library_files.map(lambda entries: [entry for entry, _ in entries]) | toml_values)
@example("exercise = " + "[" * 3000 + "]" * 3000 + "\n")
def test_a_users_file_adds_to_the_built_ins_and_never_removes_them(
    folder: Path, content: Any
) -> None:
    text = content if isinstance(content, str) else tomlkit.dumps({"exercise": content})
    path = write(folder / "user" / "exercises.toml", text)
    before = stat_of(path)
    library = load_library(path)  # the user's file can add and replace, never remove
    assert stat_of(path) == before
    assert {exercise.id for exercise in library.exercises} >= BUILT_IN_IDS
    for exercise in library.exercises:
        assert_sound(exercise)
    for problem in library.problems:
        assert_clear(problem, problem.source, None)
        assert problem.source in (path, built_in_path())
    assert not [p for p in library.problems if p.source == built_in_path()]
