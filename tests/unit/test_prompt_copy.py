"""The prompt says how much and how long once, from the dose, for every exercise."""

import re

import pytest

from movebreak.adapters.library_file import load_library
from movebreak.core.exercises import Exercise
from movebreak.ui.presenters import amount, span

LIBRARY = load_library(None).exercises
# "for 1 to 2 minutes", "for about 20 seconds", "at least 3 minutes": a second length.
LENGTH = re.compile(
    r"\b(for|about|at least|aiming for)\s+(about\s+)?\d+(\s*(to|-)\s*\d+)?\s*(seconds|minutes)\b"
)


SECONDS_IN_STEPS = re.compile(r"\b\d+(\s*(to|-)\s*\d+)?\s*seconds\b")


@pytest.mark.parametrize("exercise", LIBRARY, ids=lambda e: e.id)
def test_the_amount_line_says_what_the_steps_do_not(exercise: Exercise) -> None:
    line = amount(exercise)
    steps = " ".join(exercise.steps)
    assert line.count(span(exercise.duration)) == 1  # the countdown's length, once
    assert not line[0].islower()  # "2 min", "About 40 s in all", "8 reps ..."
    assert line.lower().count("about") <= 1
    dose = exercise.dose
    if dose.kind == "hold" and SECONDS_IN_STEPS.search(steps):
        assert "Hold" not in line  # the steps say how long to hold: not twice
    if dose.kind == "hold" and not SECONDS_IN_STEPS.search(steps):
        assert f"{dose.value:g} s" in line
    if dose.kind == "reps" and f"{dose.value:g}" not in steps:
        assert f"{dose.value:g} reps" in line  # how many, when the steps do not say


@pytest.mark.parametrize(
    "exercise", [e for e in LIBRARY if e.dose.kind == "duration"], ids=lambda e: e.id
)
def test_a_timed_exercise_states_its_length_once(exercise: Exercise) -> None:
    assert amount(exercise) == span(exercise.duration)  # "2 min", no "about"
    for step in exercise.steps:
        assert not LENGTH.search(step), step  # the amount line and countdown say how long


def test_a_hold_said_in_the_steps_is_not_said_again() -> None:
    [chest] = [e for e in LIBRARY if e.id == "chest-opener"]  # "Hold for 15 to 20 seconds"
    assert amount(chest) == "About 40 s in all"
    [calf] = [e for e in LIBRARY if e.id == "calf-raise-single"]  # steps give no count
    assert amount(calf) == "8 reps per side · about 1 min"


def test_side_steps_no_longer_say_steady_rhythm_twice() -> None:
    [side_step] = [e for e in LIBRARY if e.id == "side-step-touch"]
    text = " ".join((side_step.summary, *side_step.steps))
    assert text.count("steady rhythm") == 1
