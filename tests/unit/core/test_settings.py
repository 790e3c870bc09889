import tomllib
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from movebreak.core.problems import Severity
from movebreak.core.settings import Breaks, Settings
from movebreak.core.settings_text import default_file_text
from movebreak.core.settings_validation import parse

SOURCE = Path("/home/someone/.config/movebreak/config.toml")


def test_the_defaults_follow_movement_science() -> None:
    assert Settings().breaks.sitting_limit == timedelta(minutes=30)
    assert Settings().breaks.natural_break == timedelta(minutes=5)


def test_the_default_file_parses_back_to_the_defaults_without_problems() -> None:
    text = default_file_text()
    assert parse(tomllib.loads(text), SOURCE, text) == (Settings(), [])


def test_the_default_file_explains_every_option() -> None:
    text = default_file_text()
    assert "# Unbroken time seated at the computer before a movement prompt." in text
    assert 'sitting_limit = "30m"' in text
    assert 'natural_break = "5m"' in text


def test_a_bad_value_names_file_line_and_key_and_falls_back_alone() -> None:
    text = '[breaks]\nnatural_break = "10m"\nsitting_limit = "half an hour"\n'
    settings, problems = parse(tomllib.loads(text), SOURCE, text)
    assert settings.breaks == Breaks(natural_break=timedelta(minutes=10))  # the good key kept
    [problem] = problems
    assert (problem.key, problem.line, problem.severity) == (
        "breaks.sitting_limit",
        3,
        Severity.ERROR,
    )
    assert str(problem).startswith(f"{SOURCE}, line 3, breaks.sitting_limit: ")
    assert "'half an hour' is not a duration" in problem.message
    assert 'using the default "30m"' in problem.message


def test_seconds_are_accepted_with_a_warning_outside_the_recommended_range() -> None:
    text = '[breaks]\nsitting_limit = "20s"\n'
    settings, problems = parse(tomllib.loads(text), SOURCE, text)
    assert settings.breaks.sitting_limit == timedelta(seconds=20)
    [problem] = problems
    assert problem.severity is Severity.WARNING
    assert "outside the recommended range" in problem.message


def test_wrong_types_and_unknown_keys_are_reported() -> None:
    text = '[breaks]\nsitting_limit = 30\nsnooze_please = "5m"\n[look]\ncolour = "red"\n'
    settings, problems = parse(tomllib.loads(text), SOURCE, text)
    assert settings == Settings()
    found = {(p.key, p.line): p.message for p in problems}
    assert "no unit" in found["breaks.sitting_limit", 2]
    assert found["breaks.snooze_please", 3] == "unknown setting, ignored"
    assert found["look", 4] == "unknown setting, ignored"


def test_a_table_that_is_not_a_table_keeps_its_defaults() -> None:
    settings, problems = parse({"breaks": "30m"}, SOURCE)
    assert settings == Settings()
    assert problems[0].message == "[breaks] must be a table of settings; using its defaults"


def test_a_file_from_a_newer_version_is_read_with_a_warning() -> None:
    settings, problems = parse({"version": 99, "breaks": {"sitting_limit": "40m"}}, SOURCE)
    assert settings.breaks.sitting_limit == timedelta(minutes=40)
    assert "newer movebreak" in problems[0].message


toml_values = st.one_of(
    st.text(max_size=8),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
)


@given(
    st.dictionaries(
        st.sampled_from(["breaks", "version", "other"]),
        st.one_of(
            toml_values,
            st.dictionaries(
                st.sampled_from(["sitting_limit", "natural_break", "x"]), toml_values, max_size=3
            ),
        ),
        max_size=3,
    )
)
def test_any_mapping_gives_settings_and_only_clear_problems(raw: dict[str, object]) -> None:
    settings, problems = parse(raw, SOURCE)
    assert settings.breaks.sitting_limit > timedelta(0)
    assert settings.breaks.natural_break > timedelta(0)
    assert all(problem.message for problem in problems)


def test_the_day_can_start_at_another_time() -> None:
    from datetime import time

    from movebreak.adapters.system_clock import LocalTimezone
    from movebreak.app.rules import rules_from

    text = '[schedule]\nday_starts_at = "05:30"\n'
    settings, problems = parse(tomllib.loads(text), SOURCE, text)
    assert problems == []
    assert settings.schedule.day_starts_at == time(5, 30)
    assert rules_from(settings, LocalTimezone())[0].day_starts_at == time(5, 30)
    bad = '[schedule]\nday_starts_at = "late"\n'
    settings, [problem] = parse(tomllib.loads(bad), SOURCE, bad)
    assert settings.schedule.day_starts_at == time(4, 0)
    assert (problem.key, problem.line) == ("schedule.day_starts_at", 2)
    assert 'is not a time of day like "04:00"' in problem.message
