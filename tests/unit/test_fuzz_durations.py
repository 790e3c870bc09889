"""Fuzzing the duration parser: any text gives a usable duration or a DurationError.

A duration from config.toml or the command line is added to the current time (when the
next prompt falls due, when a pause ends), so an accepted one must also survive that.
"""

from datetime import timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from movebreak.core.durations import DurationError, format_duration, parse_duration
from tests.fuzzing import fuzz, toml_values, utc

# Text that looks like a duration often enough to reach every branch of the parser.
duration_like = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789hmsHMS \t-+.:,١٢٣²", max_size=30),
    st.from_regex(r"\A\s?(\d{1,30}\s?[hmsHMS]\s?){1,4}\Z"),
)


def accepted_or_refused(value: object) -> timedelta | None:
    """The parsed duration, or None after checking the refusal is a clear DurationError."""
    try:
        parsed = parse_duration(value)
    except DurationError as error:
        message = str(error)
    else:
        return parsed
    assert message.strip()
    assert "Traceback" not in message
    return None


@fuzz(1000)
@given(duration_like)
@example("99999999999999999999h")  # more hours than a timedelta can hold
@example("9" * 5000 + "s")  # more digits than int() converts
@example("1000000000h")  # a timedelta, but not one that can be added to today
def test_any_text_is_a_usable_duration_or_a_clear_error(text: str) -> None:
    parsed = accepted_or_refused(text)
    if parsed is None:
        return
    assert parsed > timedelta(0)
    # The app adds durations to "now" (prompts, pauses, snoozes): that must work for
    # any accepted value, on any date in the app's lifetime.
    assert utc(2100) + parsed > utc(2100)
    assert parse_duration(format_duration(parsed)) == timedelta(seconds=int(parsed.total_seconds()))


@fuzz(300)
@given(toml_values)
def test_any_toml_value_is_a_duration_or_a_clear_error(value: object) -> None:
    parsed = accepted_or_refused(value)
    assert parsed is None or isinstance(value, str)


@pytest.mark.parametrize("text", ["99999999999999999999h", "9" * 5000 + "s", "1000000000h"])
def test_an_absurdly_long_duration_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(DurationError, match="longer than"):
        parse_duration(text)
