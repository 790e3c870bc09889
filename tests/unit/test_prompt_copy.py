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


@pytest.mark.parametrize("exercise", LIBRARY, ids=lambda e: e.id)
def test_the_amount_line_comes_from_the_dose(exercise: Exercise) -> None:
    line = amount(exercise)
    assert str(exercise.dose) in line or line == span(exercise.duration)
    assert line.count("about") <= 1
    assert "About" not in line


@pytest.mark.parametrize(
    "exercise", [e for e in LIBRARY if e.dose.kind == "duration"], ids=lambda e: e.id
)
def test_a_timed_exercise_states_its_length_once(exercise: Exercise) -> None:
    assert amount(exercise) == span(exercise.duration)  # "2 min", no "about"
    for step in exercise.steps:
        assert not LENGTH.search(step), step  # the amount line and countdown say how long


def test_side_steps_no_longer_say_steady_rhythm_twice() -> None:
    [side_step] = [e for e in LIBRARY if e.id == "side-step-touch"]
    text = " ".join((side_step.summary, *side_step.steps))
    assert text.count("steady rhythm") == 1
