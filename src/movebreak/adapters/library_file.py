"""Reads the exercise library: the built-in one, the poses, and the user's own file.

The user's ``exercises.toml`` (in the config folder) adds exercises or replaces built-in
ones by id. A broken user file never stops the app: its bad entries are left out with a
Problem each, and the rest load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from movebreak.adapters.paths import assets_dir
from movebreak.core.exercises import Exercise, merge, parse_library, problems_as_warnings
from movebreak.core.poses import Pose, parse_poses
from movebreak.core.problems import Problem


@dataclass(frozen=True, slots=True)
class Library:
    """Everything the prompts and the browser need about exercises."""

    exercises: tuple[Exercise, ...]
    poses: dict[str, Pose]
    problems: tuple[Problem, ...]


def built_in_path() -> Path:
    """The shipped exercise library."""
    return assets_dir() / "exercises.toml"


def load_poses() -> dict[str, Pose]:
    """The shipped key poses; a broken shipped file is a bug, so it raises."""
    with (assets_dir() / "poses.toml").open("rb") as handle:
        poses, errors = parse_poses(tomllib.load(handle))
    if errors:
        raise ValueError(f"assets/poses.toml: {'; '.join(errors)}")
    return poses


def check_file(path: Path, poses: dict[str, Pose]) -> tuple[tuple[Exercise, ...], list[Problem]]:
    """Validate one exercises file, reporting each problem with its line and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return (), [Problem(path, None, None, f"cannot read the file: {error}")]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return (), [Problem(path, None, None, f"not valid TOML: {error}")]
    except RecursionError:  # tomllib recurses once per level of [[[...]]] or {a = {...}}
        return (), [Problem(path, None, None, "not valid TOML: values nested too deeply")]
    return parse_library(raw, path, text, poses)


def load_library(user_file: Path | None) -> Library:
    """The built-in library merged with ``user_file`` when it exists."""
    poses = load_poses()
    built_in, problems = check_file(built_in_path(), poses)
    user: tuple[Exercise, ...] = ()
    if user_file is not None and user_file.exists():
        user, user_problems = check_file(user_file, poses)
        problems += user_problems
    exercises, warnings = merge(built_in, user)
    problems += problems_as_warnings(user_file or built_in_path(), warnings)
    return Library(exercises, poses, tuple(problems))


def red_flags() -> list[tuple[str, tuple[str, ...]]]:
    """The red-flag symptom groups, in order: (what to do, symptoms)."""
    with (assets_dir() / "red_flags.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return [(group["title"], tuple(group["items"])) for group in raw["group"]]
