"""Shared Hypothesis settings and strategies for the bad-input fuzz tests.

The profile keeps the whole fuzz suite to a few tens of seconds; set
``MOVEBREAK_FUZZ_SCALE=10`` to run ten times as many examples (a nightly or a hunt).
"""

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from movebreak.core.problems import Problem, Severity

_SCALE = float(os.environ.get("MOVEBREAK_FUZZ_SCALE", "1"))
settings.register_profile(
    "movebreak-fuzz",
    deadline=None,  # file I/O and TOML dumping vary with the machine's load
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        # A fixture shared by every example is the point: one folder, one running
        # server, which must survive all of them.
        HealthCheck.function_scoped_fixture,
    ],
)
_PROFILE = settings.get_profile("movebreak-fuzz")


def fuzz(examples: int) -> settings:
    """The fuzz profile with ``examples`` runs per property (times MOVEBREAK_FUZZ_SCALE)."""
    return settings(_PROFILE, max_examples=max(1, round(examples * _SCALE)))


# Keys a user might mistype, plus anything at all.
keys = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "version", "a.b", "[x]", "é"]))

scalars: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**40),  # past 64 bits; tomllib accepts them
    st.floats(),  # with nan, inf and -0.0, all of which TOML can spell
    st.booleans(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.dates(min_value=date(1, 1, 1)),
    st.times(),
)

# Anything a TOML document can hold as a value.
toml_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=8,
)


def nested(depth: int, kind: str) -> str:
    """A TOML value nested ``depth`` deep: arrays, or inline tables."""
    if kind == "array":
        return "[" * depth + "]" * depth
    return "{a = " * depth + "1" + "}" * depth


def deep_toml(key: str = "a") -> st.SearchStrategy[str]:
    """Documents that nest values hundreds or thousands of levels deep."""
    return st.builds(
        lambda depth, kind: f"{key} = {nested(depth, kind)}\n",
        st.integers(min_value=1, max_value=3000),
        st.sampled_from(["array", "table"]),
    )


def assert_clear(problem: Problem, source: Path, text: str | None) -> None:
    """A Problem a user can act on: the file, a plain message, a real line or none."""
    assert problem.source == source
    assert isinstance(problem.message, str)
    assert problem.message.strip()
    assert "Traceback" not in problem.message
    assert problem.key is None or isinstance(problem.key, str)
    assert problem.severity in tuple(Severity)
    if problem.line is not None:
        assert problem.line >= 1
        if text is not None:
            assert problem.line <= max(1, len(text.splitlines()) + 1)
    assert str(source) in str(problem)


def stat_of(path: Path) -> tuple[bytes, int, int]:
    """What must not change when a file is only read: content, mode and mtime."""
    info = path.stat()
    return path.read_bytes(), info.st_mode, info.st_mtime_ns


def utc(year: int) -> datetime:
    """Midnight UTC on 1 January of ``year``: a far-off 'now' for overflow checks."""
    return datetime(year, 1, 1, tzinfo=UTC)
