import tomllib
from pathlib import Path

import pytest

from movebreak.core.exercises import Exercise, merge, parse_library, progression_loops
from movebreak.core.problems import Problem, Severity

SOURCE = Path("exercises.toml")
GOOD = """
[[exercise]]
id = "calf-raise"
title = "Heel raises"
summary = "Rise onto your toes."
steps = ["Stand holding the desk.", "Rise onto your toes and lower slowly."]
dose = { kind = "reps", value = 10, unit = "reps" }
est_seconds = 60
position = "standing"
space = "beside_desk_1m"
equipment = ["none"]
focus_areas = ["calves_ankles"]
intensity = 1
activity_class = "light"
counts_as = ["movement_minutes", "upright_time"]
progression_id = "calf-raise-single"
animation = ["stand", "calf_raise"]
"""
POSES = {"stand", "calf_raise", "walk_a"}


def parse(text: str) -> tuple[tuple[Exercise, ...], list[Problem]]:
    return parse_library(tomllib.loads(text), SOURCE, text, POSES)


def test_a_valid_entry_loads_with_its_fields() -> None:
    [exercise], problems = parse_library(tomllib.loads(GOOD), SOURCE, GOOD, POSES)
    assert problems == []
    assert exercise.id == "calf-raise"
    assert exercise.movement
    assert str(exercise.dose) == "10 reps"
    assert exercise.duration.total_seconds() == 60


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (('title = "Heel raises"', 'title = "' + "x" * 41 + '"'), "title", "at most 40"),
        (("intensity = 1", "intensity = 4"), "intensity", "must be 1, 2 or 3"),
        (('position = "standing"', 'position = "lying"'), "position", "must be one of"),
        (
            ('focus_areas = ["calves_ankles"]', 'focus_areas = ["toes"]'),
            "focus_areas",
            "'toes' is not one of",
        ),
        (
            ('animation = ["stand", "calf_raise"]', 'animation = ["stand", "flying"]'),
            "animation",
            "unknown pose 'flying'",
        ),
        (
            ('animation = ["stand", "calf_raise"]', 'animation = ["stand", "stand"]'),
            "animation",
            "same pose",
        ),
        (("est_seconds = 60", 'est_seconds = "1m"'), "est_seconds", "whole number"),
        (
            ('dose = { kind = "reps", value = 10, unit = "reps" }', "dose = 10"),
            "dose",
            "must be a table",
        ),
        (('id = "calf-raise"', 'id = "Calf Raise"'), "id", "kebab-case"),
    ],
)
def test_a_bad_field_is_reported_with_its_line_and_the_entry_left_out(
    change: tuple[str, str], field: str, message: str
) -> None:
    text = GOOD.replace(*change) + GOOD.replace("calf-raise", "other-one")
    exercises, problems = parse(text)
    assert [e.id for e in exercises] == ["other-one"]
    [problem] = problems
    assert problem.key is not None
    assert problem.key.endswith(f".{field}")
    assert message in problem.message
    expected_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{field} =")
    )
    assert problem.line == expected_line


def test_a_missing_field_is_named() -> None:
    exercises, [problem] = parse(GOOD.replace('summary = "Rise onto your toes."\n', ""))
    assert exercises == ()
    assert problem.message == "left out: is missing"
    assert problem.key == "exercise[1] (calf-raise).summary"


def test_a_repeated_id_keeps_the_first() -> None:
    exercises, [problem] = parse(GOOD + GOOD)
    assert len(exercises) == 1
    assert "id is used twice" in problem.message


def test_the_users_entries_add_and_override_by_id() -> None:
    [built_in], _ = parse_library(tomllib.loads(GOOD), SOURCE, GOOD, POSES)
    mine = GOOD.replace('title = "Heel raises"', 'title = "My heel raises"')
    extra = GOOD.replace("calf-raise", "my-walk")
    [override, added], _ = parse_library(tomllib.loads(mine + extra), SOURCE, None, POSES)
    merged, warnings = merge([built_in], [override, added])
    assert [e.title for e in merged] == ["My heel raises", "Heel raises"]
    # links to exercises that exist nowhere are dropped with a warning
    assert "calf-raise: progression_id 'calf-raise-single' is not in the library" in warnings[0]
    assert all(e.progression_id is None for e in merged)


def test_a_progression_ladder_that_loops_is_found() -> None:
    a = GOOD.replace("calf-raise-single", "b-one").replace('id = "calf-raise"', 'id = "a-one"')
    b = GOOD.replace("calf-raise-single", "a-one").replace('id = "calf-raise"', 'id = "b-one"')
    exercises, _ = parse(a + b)
    assert sorted(progression_loops(exercises)) == ["a-one", "b-one"]


def test_not_a_list_of_entries() -> None:
    exercises, [problem] = parse_library({"exercise": "walk"}, SOURCE)
    assert exercises == ()
    assert problem.severity is Severity.ERROR
