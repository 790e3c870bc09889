"""Reading settings: the decoded ``config.toml``, or one value from the settings window.

Every value is checked against its declaration in ``settings``; a bad one falls back to its
default with a Problem naming it, so one typo never costs the user their other settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import MISSING, fields, replace
from datetime import time, timedelta
from pathlib import Path
from typing import Any, get_type_hints

from movebreak.core.durations import DurationError, parse_duration
from movebreak.core.problems import Problem, Severity
from movebreak.core.schedule import Weekday, WorkHours
from movebreak.core.settings import CURRENT_VERSION, Settings, Spec
from movebreak.core.settings_text import as_written


def parse(
    raw: Mapping[str, Any], source: Path, text: str | None = None
) -> tuple[Settings, list[Problem]]:
    """Validate a decoded TOML mapping key by key.

    A bad value falls back to its own default and yields a Problem naming the key (and its
    line when ``text``, the file's source, is given); every other value is still used.
    Unknown keys are reported and ignored, never removed from the user's file.
    """
    problems: list[Problem] = []

    def report(key: str | None, message: str, severity: Severity = Severity.ERROR) -> None:
        line = _locate(text, key) if text is not None and key is not None else None
        problems.append(Problem(source, key, line, message, severity))

    version = raw.get("version", CURRENT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        report("version", f"version must be a whole number, got {version!r}; ignored")
    elif version > CURRENT_VERSION:
        report(
            "version",
            f"written by a newer movebreak (version {version}, this one knows {CURRENT_VERSION}); "
            "only the settings this version knows are used",
            Severity.WARNING,
        )

    settings = Settings()
    tables = {f.name: f for f in fields(Settings)}
    for name, value in raw.items():
        if name == "version":
            continue
        if name not in tables:
            report(name, "unknown setting, ignored", Severity.WARNING)
            continue
        if not isinstance(value, Mapping):
            report(name, f"[{name}] must be a table of settings; using its defaults")
            continue
        table_type = get_type_hints(Settings)[name]
        parsed = _parse_table(table_type, name, value, report)
        settings = replace(settings, **{name: parsed})
    return settings, problems


def check(table: str, key: str, raw: Any, source: Path) -> tuple[Any, Problem | None]:
    """Validate one value as it would be written in the file.

    Returns the converted value and ``None``, the value and a warning (outside the
    recommended range: kept), or ``None`` and the error that refuses it.
    """
    problems: list[Problem] = []

    def report(dotted: str, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(source, dotted, None, message, severity))

    table_type = get_type_hints(Settings)[table]
    parsed = _parse_table(table_type, table, {key: raw}, report)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        return None, errors[0]
    return getattr(parsed, key), problems[0] if problems else None


def _parse_table(table_type: type[Any], table: str, raw: Mapping[str, Any], report: Any) -> Any:
    hints = get_type_hints(table_type)
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(table_type)}
    for key, value in raw.items():
        dotted = f"{table}.{key}"
        if key not in known:
            report(dotted, "unknown setting, ignored", Severity.WARNING)
            continue
        default = known[key].default
        assert default is not MISSING  # every setting() has a default
        try:
            converted = _convert(hints[key], value)
        except ValueError as error:
            report(dotted, f"{error}; using the default {as_written(default)}")
            continue
        spec: Spec = known[key].metadata["spec"]
        chosen = converted if isinstance(converted, tuple) else (converted,)
        wrong = [v for v in chosen if spec.choices is not None and v not in spec.choices]
        if wrong and spec.choices is not None:
            allowed = ", ".join(f'"{choice}"' for choice in spec.choices)
            report(
                dotted,
                f"{wrong[0]!r} is not one of {allowed}; using the default {as_written(default)}",
            )
            continue
        if spec.minimum is not None and converted < spec.minimum:
            report(
                dotted,
                f"must be at least {as_written(spec.minimum)}; "
                f"using the default {as_written(default)}",
            )
            continue
        if spec.recommended is not None:
            low, high = spec.recommended
            if not low <= converted <= high:
                report(
                    dotted,
                    f"{as_written(converted)} is outside the recommended range "
                    f"{as_written(low)} to {as_written(high)}; kept as you wrote it",
                    Severity.WARNING,
                )
        values[key] = converted
    return table_type(**values)


def _convert(kind: Any, value: Any) -> Any:
    if kind is timedelta:
        try:
            return parse_duration(value)
        except DurationError as error:
            raise ValueError(str(error)) from None
    if kind is WorkHours:
        return WorkHours.parse(value)
    if kind is time:
        return _clock_time(value)
    if kind == tuple[Weekday, ...]:
        return _weekdays(value)
    if kind == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f'expected a list of texts like ["a", "b"], got {value!r}')
        return tuple(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, got {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(f"expected text in quotes, got {value!r}")
        return value
    raise TypeError(f"no converter for {kind!r}")  # a schema bug, not a user error


def _clock_time(value: Any) -> time:
    if isinstance(value, str):
        try:
            hours, minutes = (int(part) for part in value.strip().split(":"))
            return time(hours, minutes)
        except ValueError:
            pass
    raise ValueError(f'{value!r} is not a time of day like "04:00"')


def _weekdays(value: Any) -> tuple[Weekday, ...]:
    names = [day.value for day in Weekday]
    if not isinstance(value, list) or not all(isinstance(day, str) for day in value):
        raise ValueError(f'expected a list of days like ["mon", "tue"], got {value!r}')
    unknown = [day for day in value if day.lower() not in names]
    if unknown:
        raise ValueError(f"unknown day {unknown[0]!r}; days are {', '.join(names)}")
    chosen = {day.lower() for day in value}
    return tuple(day for day in Weekday if day.value in chosen)


_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")


def _locate(text: str, dotted: str) -> int | None:
    """1-based line of ``dotted`` (``table.key`` or ``table``) in TOML source, if found."""
    table, _, key = dotted.rpartition(".")
    if not table:  # a top-level key, or a table name
        table, key = "", dotted
    current = ""
    key_line = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1)
            if not table and current == key:
                return number
        elif current == table and key_line.match(line):
            return number
    return None
