"""Selection over simulated weeks of prompts, with the real library."""

from collections import Counter
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from movebreak.adapters.library_file import load_library
from movebreak.core.selection import Preferences, allowed, fits, pick
from movebreak.core.sitting import Posture
from tests.fakes import START

LIBRARY = load_library(None).exercises
IDS = sorted(e.id for e in LIBRARY)
CONDITIONS = sorted({c for e in LIBRARY for c in e.avoid_if})


def run_days(
    preferences: Preferences, posture: Posture, days: int = 5, per_day: int = 12
) -> list[list[str]]:
    """Pick a day's prompts, every 30 min, for ``days`` days; returns ids per day."""
    history: list[list[str]] = []
    recent: list[str] = []
    for day in range(days):
        today: list[str] = []
        for slot in range(per_day):
            at = START + timedelta(days=day, minutes=30 * slot)
            chosen = pick(LIBRARY, posture, at, tuple(recent[-6:]), preferences, tuple(today))
            assert chosen is not None
            today.append(chosen.id)
            recent.append(chosen.id)
        history.append(today)
    return history


@settings(max_examples=40, deadline=None)
@given(
    hidden=st.sets(st.sampled_from(IDS), max_size=15),
    avoid=st.sets(st.sampled_from(CONDITIONS), max_size=3),
    level=st.integers(min_value=1, max_value=3),
    posture=st.sampled_from(list(Posture)),
)
def test_rules_hold_over_a_week(
    hidden: set[str], avoid: set[str], level: int, posture: Posture
) -> None:
    preferences = Preferences(hidden=frozenset(hidden), avoid=frozenset(avoid), max_intensity=level)
    by_id = {e.id: e for e in LIBRARY}
    picks = [by_id[i] for day in run_days(preferences, posture) for i in day]
    assert all(allowed(e, preferences) for e in picks)  # never hidden, ruled out, too hard
    pool = [e for e in LIBRARY if allowed(e, preferences) and fits(e, posture)]
    if pool:
        assert all(fits(e, posture) for e in picks)
    for index in range(1, len(picks)):
        previous, recent = picks[index - 1], {e.id for e in picks[max(0, index - 6) : index]}
        other_area = [e for e in pool if e.focus_areas[0] != previous.focus_areas[0]]
        if other_area:  # variety first: never the same area twice when another exists
            assert picks[index].focus_areas[0] != previous.focus_areas[0]
        if [e for e in other_area if e.id not in recent]:  # then freshness
            assert picks[index].id not in recent


def test_a_day_spreads_over_the_body() -> None:
    for day in run_days(Preferences(), Posture.SEATED):
        by_id = {e.id: e for e in LIBRARY}
        primary = Counter(by_id[i].focus_areas[0] for i in day)
        assert len(primary) >= 5  # twelve prompts touch at least five areas
        assert max(primary.values()) <= 4


def test_favourites_come_more_often() -> None:
    plain = Counter(i for day in run_days(Preferences(), Posture.SEATED, days=10) for i in day)
    favourite = "march-in-place"
    liked = Preferences(favourites=frozenset({favourite}))
    boosted = Counter(i for day in run_days(liked, Posture.SEATED, days=10) for i in day)
    assert boosted[favourite] > plain[favourite]


def test_seated_prompts_get_people_up_and_standing_ones_offer_a_change() -> None:
    for exercise in LIBRARY:
        if exercise.position.value == "seated":
            assert not fits(exercise, Posture.SEATED)
        if exercise.position.value == "standing":
            assert not fits(exercise, Posture.STANDING)


def test_nothing_allowed_means_no_exercise() -> None:
    preferences = Preferences(hidden=frozenset(IDS))
    assert pick(LIBRARY, Posture.SEATED, START, (), preferences) is None
