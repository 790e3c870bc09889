from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movebreak.core.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("45s", timedelta(seconds=45)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1h 30m", timedelta(hours=1, minutes=30)),
        (" 2H ", timedelta(hours=2)),
        ("1h0m5s", timedelta(hours=1, seconds=5)),
    ],
)
def test_accepts_what_people_write(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("30", "no unit"),
        ("", "empty"),
        ("0m", "zero"),
        ("half an hour", "not a duration"),
        ("30 minutes", "not a duration"),
        ("5m1h", "reorders"),
        ("5m5m", "repeats"),
        ("-5m", "not a duration"),
    ],
)
def test_refuses_with_a_message_that_says_what_is_wrong(text: str, hint: str) -> None:
    with pytest.raises(DurationError, match=hint) as caught:
        parse_duration(text)
    assert "30m" in str(caught.value) or "zero" in hint


def test_refuses_non_text() -> None:
    with pytest.raises(DurationError, match="30 has no unit; write it in quotes"):
        parse_duration(30)  # what a TOML file can hand us
    with pytest.raises(DurationError, match="got list"):
        parse_duration([])


@given(st.integers(min_value=1, max_value=10 * 24 * 3600))
def test_formatting_round_trips(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value)) == value


@given(st.text(max_size=12))
def test_any_text_gives_a_duration_or_a_clear_error(text: str) -> None:
    try:
        value = parse_duration(text)
    except DurationError as error:
        message = str(error)
        assert message
    else:
        assert value > timedelta(0)
