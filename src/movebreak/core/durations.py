"""The one place where durations cross between human text and timedelta.

Settings files and the command line speak in strings such as ``"30m"`` or ``"1h30m"``;
everything inside the app speaks in ``timedelta``. Converting in exactly one module keeps
units out of names and out of arithmetic everywhere else.
"""

from __future__ import annotations

import re
from datetime import timedelta

_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"\s*(\d+)\s*([hms])", re.IGNORECASE)
_EXAMPLES = "like '45s', '30m' or '1h30m'"
# Durations are added to the current time; far beyond any sensible setting, and short
# enough that "now + duration" stays within what a datetime can hold.
_LONGEST_SECONDS = 10 * 365 * 24 * 3600
_LONGEST = "10 years"


class DurationError(ValueError):
    """Raised with a message a user can act on when a duration string is malformed."""


def parse_duration(text: object) -> timedelta:
    """Turn ``"1h30m"``, ``"45s"`` or ``"2h 5m"`` into a positive timedelta.

    Units are h, m and s, each at most once and in that order. Zero and bare numbers are
    refused, because a bare number is ambiguous (minutes? seconds?) and zero would make
    the app prompt continuously.

    Raises:
        DurationError: with a message naming what is wrong and what a valid value looks like.
    """
    if isinstance(text, int | float) and not isinstance(text, bool):
        raise DurationError(f"{text} has no unit; write it in quotes {_EXAMPLES}")
    if not isinstance(text, str):
        raise DurationError(f"expected a duration {_EXAMPLES}, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise DurationError(f"empty duration; use a value {_EXAMPLES}")
    if stripped.isdigit():
        raise DurationError(f"'{stripped}' has no unit; write it {_EXAMPLES}")
    position = 0
    seen: list[str] = []
    total = 0
    while position < len(stripped):
        match = _PART.match(stripped, position)
        if match is None:
            raise DurationError(f"'{text}' is not a duration {_EXAMPLES}")
        unit = match.group(2).lower()
        if seen and "hms".index(unit) <= "hms".index(seen[-1]):
            raise DurationError(f"'{text}' repeats or reorders units; write it {_EXAMPLES}")
        seen.append(unit)
        digits = match.group(1).lstrip("0") or "0"
        if len(digits) > 12:  # int() refuses thousands of digits; 13 are too long anyway
            raise DurationError(f"'{text}' is longer than {_LONGEST}; write it {_EXAMPLES}")
        total += int(digits) * _UNIT_SECONDS[unit]
        position = match.end()
    if total <= 0:
        raise DurationError(f"'{text}' is zero; a duration must be longer than that")
    if total > _LONGEST_SECONDS:
        raise DurationError(f"'{text}' is longer than {_LONGEST}; write it {_EXAMPLES}")
    return timedelta(seconds=total)


def format_duration(value: timedelta) -> str:
    """Write ``value`` the way a user would type it: ``"1h30m"``, ``"45s"``, ``"2h"``.

    Sub-second parts are dropped; the inverse of :func:`parse_duration` for whole seconds.
    """
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n]
    return "".join(parts) or "0s"
