"""Fuzzing config.toml: whatever the file holds, the app starts on safe settings.

Every input gives a Settings value plus Problems that name the file (and the key and line
where they can); a bad key falls back to its own default without touching the others; the
settings the app ends up with can be turned into the rules it runs on; and reading the
file never changes it.
"""

import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import fields
from datetime import time, timedelta
from pathlib import Path
from typing import Any, get_type_hints

import pytest
import tomlkit
from hypothesis import example, given
from hypothesis import strategies as st

from movebreak.adapters.settings_file import load_settings
from movebreak.adapters.system_clock import LocalTimezone
from movebreak.app.rules import preferences_from, rules_from
from movebreak.core.problems import Problem, Severity
from movebreak.core.schedule import Weekday, WorkHours
from movebreak.core.settings import Settings, Spec
from movebreak.core.settings_validation import parse
from tests.fuzzing import assert_clear, deep_toml, fuzz, keys, stat_of, toml_values, utc

TABLES: dict[str, type[Any]] = {f.name: get_type_hints(Settings)[f.name] for f in fields(Settings)}
DEFAULTS = Settings()


def schema() -> Iterator[tuple[str, str, Any, Spec]]:
    """(table, key, type, spec) for every setting, in file order."""
    for table, table_type in TABLES.items():
        hints = get_type_hints(table_type)
        for f in fields(table_type):
            yield table, f.name, hints[f.name], f.metadata["spec"]


def default_of(table: str, key: str) -> object:
    return getattr(getattr(DEFAULTS, table), key)


def value_of(settings: Settings, table: str, key: str) -> object:
    return getattr(getattr(settings, table), key)


DAYS = [day.value for day in Weekday]


def plausible(kind: Any, spec: Spec) -> st.SearchStrategy[Any]:
    """Values a person might write for a setting of ``kind``: right, nearly right, wrong."""
    if kind is timedelta:
        return st.one_of(
            st.sampled_from(["30m", "1h30m", "45s", "20s", "0m", "30", "30 minutes", "-5m"]),
            st.from_regex(r"\A\s?(\d{1,14}\s?[hmsHMS]\s?){1,3}\Z"),
        )
    if kind is time:
        return st.from_regex(r"\A\s?\d{1,3}:\d{1,3}(:\d\d)?\s?\Z")
    if kind is WorkHours:
        return st.from_regex(r"\A\d{1,2}:\d{2}\s?-\s?\d{1,2}:\d{2}\Z")
    if kind == tuple[Weekday, ...]:
        return st.lists(st.sampled_from([*DAYS, "Mon", "SUN", "monday", "", "x"]), max_size=9)
    if kind == tuple[str, ...]:
        words = list(spec.choices or ("walk-lap", "calf-raise"))
        return st.lists(st.sampled_from([*words, "", "WRIST_PAIN", "x"]), max_size=5)
    if kind is str:
        return st.sampled_from([*(spec.choices or ("x",)), "", "AUTO", "pynput "])
    if kind is int:
        return st.integers(min_value=-3, max_value=100) | st.integers()
    return st.booleans()


def table_strategy(table: str) -> st.SearchStrategy[dict[str, Any]]:
    """A table with some of its real keys (plausible or random values) and unknown keys."""
    known = {
        key: st.one_of(plausible(kind, spec), toml_values)
        for name, key, kind, spec in schema()
        if name == table
    }
    return st.fixed_dictionaries({}, optional=known).flatmap(
        lambda chosen: st.dictionaries(keys, toml_values, max_size=2).map(
            lambda extra: {**extra, **chosen}
        )
    )


documents: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {},
    optional={
        "version": st.one_of(st.integers(min_value=-1, max_value=3), toml_values),
        **{name: table_strategy(name) | toml_values for name in TABLES},
    },
).flatmap(
    lambda chosen: st.dictionaries(keys, toml_values, max_size=2).map(
        lambda extra: {**extra, **chosen}
    )
)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    # Hypothesis replays a test many times; a module-wide folder avoids per-example fixtures.
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def the_app_can_run_on(settings: Settings) -> None:
    """What the app does first with settings: rules, preferences, the next prompt's time."""
    sitting, reminder = rules_from(settings, LocalTimezone())
    preferences_from(settings)
    later = utc(2090)
    for limit in (reminder.sitting_limit, reminder.snooze, reminder.remind_after):
        assert later + limit > later
    assert later + sitting.natural_break > later
    reminder.schedule.is_on(later)
    reminder.schedule.next_start(later)


def load_unchanged(path: Path) -> tuple[Settings, list[Problem]]:
    """load_settings, checking that the user's file and its folder are left as they were."""
    before = stat_of(path)
    neighbours = sorted(path.parent.iterdir())
    loaded = load_settings(path)
    assert stat_of(path) == before
    assert sorted(path.parent.iterdir()) == neighbours
    return loaded


def check_whole_file_result(
    path: Path, text: str | None, loaded: tuple[Settings, list[Problem]]
) -> None:
    settings, problems = loaded
    assert isinstance(settings, Settings)
    for problem in problems:
        assert_clear(problem, path, text)
    if any(problem.key is None for problem in problems):  # unreadable: every default
        assert settings == DEFAULTS
    the_app_can_run_on(settings)


@fuzz(500)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda text: text.encode("utf-8")),
        st.text(alphabet="[]=\"'\n#.ab_ 019-:{},truefalsnmh\\", max_size=120).map(str.encode),
        deep_toml().map(str.encode),
    )
)
@example(b"\xff\xfe[breaks]\n")  # a UTF-16 byte-order mark: not UTF-8
@example(b'[breaks]\nsitting_limit = "30m"\xc3\n')  # a cut-off UTF-8 character
@example(("a = " + "[" * 2000 + "]" * 2000 + "\n").encode())  # deeper than Python recurses
@example(("a = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n").encode())
def test_any_bytes_give_settings_and_clear_problems(folder: Path, content: bytes) -> None:
    path = folder / "bytes" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    try:
        text: str | None = content.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    loaded = load_unchanged(path)
    check_whole_file_result(path, text, loaded)
    if text is None:
        assert loaded[1][0].key is None
        assert "UTF-8" in loaded[1][0].message


@fuzz(400)
@given(documents)
@example({"breaks": {"sitting_limit": "1000000000h"}})  # parsed, but now + it overflows
@example({"breaks": {"snooze": "99999999999999999999h"}})
@example({"schedule": {"day_starts_at": "24:00", "work_hours": "25:00-26:00"}})
@example({"version": 99, "breaks": {"max_snoozes": True, "nope": 1}})
def test_every_key_falls_back_to_its_own_default_and_nothing_else(
    folder: Path, raw: dict[str, Any]
) -> None:
    text = tomlkit.dumps(raw)
    decoded = tomllib.loads(text)
    path = folder / "doc" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")

    settings, problems = load_unchanged(path)

    assert (settings, problems) == parse(decoded, source=path, text=text)
    check_whole_file_result(path, text, (settings, problems))
    refused = {problem.key for problem in problems if problem.severity is Severity.ERROR}
    for table, key, _, _ in schema():
        value = value_of(settings, table, key)
        given_table = decoded.get(table)
        if not isinstance(given_table, dict) or key not in given_table:
            assert value == default_of(table, key), f"{table}.{key} changed without being set"
            continue
        # The same value alone in a file gives the same result: keys do not interfere.
        alone, alone_problems = parse({table: {key: given_table[key]}}, source=path)
        assert value == value_of(alone, table, key)
        if f"{table}.{key}" in refused:
            assert value == default_of(table, key), f"refused {table}.{key} kept its value"
        assert {p.message for p in alone_problems} <= {p.message for p in problems}
    for name, given_table in decoded.items():
        if name in TABLES and not isinstance(given_table, dict):
            assert getattr(settings, name) == getattr(DEFAULTS, name)
            assert name in refused


def inline(value: Any) -> Any:
    """``value`` as tomlkit writes it on one line after ``key =``, tables included."""
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for key, item in value.items():
            table[key] = inline(item)
        return table
    if isinstance(value, list):
        array = tomlkit.array()
        for item in value:
            array.append(inline(item))
        return array
    return value


@fuzz(300)
@given(
    st.sampled_from([(table, key) for table, key, _, _ in schema()]).flatmap(
        lambda where: st.tuples(st.just(where), toml_values)
    )
)
def test_a_wrong_value_is_named_with_its_key_and_line(
    folder: Path, case: tuple[tuple[str, str], Any]
) -> None:
    (table, key), value = case
    section = tomlkit.table()
    section[key] = inline(value)
    other = "goals" if table == "breaks" else "breaks"
    text = (
        f"# my settings\nversion = 1\n\n[{table}]\n"
        + tomlkit.dumps(section)
        + f"\n[{other}]\ntypo_key = 1\n"
    )
    path = folder / "one" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    settings, problems = load_unchanged(path)
    mine = [p for p in problems if p.key == f"{table}.{key}"]
    if mine:
        (problem,) = mine
        assert problem.line is not None
        assert text.splitlines()[problem.line - 1].startswith(f"{key} =")
        if problem.severity is Severity.ERROR:
            assert value_of(settings, table, key) == default_of(table, key)
    typo = [p for p in problems if p.key == f"{other}.typo_key"]
    assert len(typo) == 1
    assert typo[0].line == len(text.splitlines())
    assert "unknown setting" in typo[0].message
    assert {p.key for p in problems} <= {f"{table}.{key}", f"{other}.typo_key"}


def test_a_missing_file_is_created_with_defaults_and_is_then_only_read(folder: Path) -> None:
    path = folder / "fresh" / "config.toml"
    assert load_settings(path) == (DEFAULTS, [])
    assert path.exists()
    assert load_unchanged(path) == (DEFAULTS, [])
