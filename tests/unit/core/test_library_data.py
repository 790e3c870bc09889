"""The shipped library and poses: complete, valid, and every animation shows movement."""

import tomllib
from collections import Counter

from movebreak.adapters.paths import assets_dir
from movebreak.core.exercises import (
    FOCUS_AREAS,
    Exercise,
    Position,
    parse_library,
    progression_loops,
)
from movebreak.core.poses import Pose, draw, parse_poses
from movebreak.core.problems import Problem


def shipped() -> tuple[dict[str, Pose], tuple[Exercise, ...], list[Problem]]:
    with (assets_dir() / "poses.toml").open("rb") as handle:
        poses, errors = parse_poses(tomllib.load(handle))
    assert errors == []
    path = assets_dir() / "exercises.toml"
    text = path.read_text(encoding="utf-8")
    exercises, problems = parse_library(tomllib.loads(text), path, text, poses)
    return poses, exercises, problems


def test_every_built_in_exercise_validates() -> None:
    _, exercises, problems = shipped()
    assert [str(p) for p in problems] == []
    assert len(exercises) >= 40


def test_links_point_to_real_exercises_and_ladders_never_loop() -> None:
    _, exercises, _ = shipped()
    ids = {e.id for e in exercises}
    for exercise in exercises:
        for link in (exercise.progression_id, exercise.regression_id):
            assert link is None or link in ids, (exercise.id, link)
    assert progression_loops(exercises) == []


def test_the_library_covers_the_body_for_seated_and_standing_desk_users() -> None:
    _, exercises, _ = shipped()
    areas = Counter(area for e in exercises for area in e.focus_areas)
    for area in (
        "lower_back",
        "hips",
        "thighs",
        "upper_back",
        "neck",
        "shoulders",
        "wrists_hands",
        "eyes",
        "whole_body",
    ):
        assert areas[area] >= 2, area
    positions = Counter(e.position for e in exercises)
    assert positions[Position.WALKING] >= 4
    assert positions[Position.SEATED] >= 5
    assert positions[Position.STANDING] >= 10
    levels = Counter(e.intensity for e in exercises)
    assert levels[2] >= 4
    assert levels[3] >= 3
    assert sum(e.standing_desk_friendly for e in exercises) >= 20
    assert set(areas) <= set(FOCUS_AREAS)


def test_every_animation_moves_between_its_key_frames() -> None:
    poses, exercises, _ = shipped()
    for exercise in exercises:
        drawings = [draw(poses[name]) for name in exercise.animation]
        assert len(drawings) >= 2, exercise
        for a, b in zip(drawings, drawings[1:] + drawings[:1], strict=True):
            assert a != b, (exercise.id, "two key frames look the same")
