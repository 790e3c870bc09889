"""THE settings schema: every option, its default, its bounds and its help, declared once.

Validation, the commented default ``config.toml`` and (later) the settings window and the
README table are all driven from these dataclasses, so an option is never written twice.
Defaults come from ``movement-science.md`` section 2.1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Final, get_type_hints

from movebreak.core.durations import DurationError, format_duration, parse_duration
from movebreak.core.problems import Problem, Severity

CURRENT_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class Spec:
    """What a human needs to know about one setting.

    Attributes:
        label: short label for the settings window.
        help: one or two sentences; also the comment above the key in ``config.toml``.
        recommended: inclusive range the evidence supports. A value outside it is kept
            with a warning, never refused: tests and demos rely on ``"20s"``.
    """

    label: str
    help: str
    recommended: tuple[Any, Any] | None = None


def setting(
    default: Any,
    /,
    *,
    label: str,
    help: str,  # shadows the builtin on purpose: it is the Spec's field name
    recommended: tuple[Any, Any] | None = None,
) -> Any:
    """Declare one option: its default plus the Spec that documents and bounds it."""
    return field(default=default, metadata={"spec": Spec(label, help, recommended)})


@dataclass(frozen=True, slots=True)
class Breaks:
    """The ``[breaks]`` table. Field order is the order in the file and the window."""

    sitting_limit: timedelta = setting(
        timedelta(minutes=30),
        label="Prompt me after sitting for",
        help="Unbroken time seated at the computer before a movement prompt.",
        recommended=(timedelta(minutes=20), timedelta(minutes=60)),
    )
    natural_break: timedelta = setting(
        timedelta(minutes=5),
        label="Away this long counts as a break",
        help=(
            "Time without keyboard or mouse input after which you count as having left the "
            "desk. Shorter pauses, for reading or thinking, still count as sitting."
        ),
        recommended=(timedelta(minutes=2), timedelta(minutes=15)),
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings, one attribute per TOML table."""

    breaks: Breaks = field(default_factory=Breaks)


def spec_of(table: type[Any], name: str) -> Spec:
    """The Spec declared for ``table.name``."""
    for f in fields(table):
        if f.name == name:
            spec: Spec = f.metadata["spec"]
            return spec
    raise KeyError(name)


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
            report(dotted, f"{error}; using the default {_show(default)}")
            continue
        spec: Spec = known[key].metadata["spec"]
        if spec.recommended is not None:
            low, high = spec.recommended
            if not low <= converted <= high:
                report(
                    dotted,
                    f"{_show(converted)} is outside the recommended range "
                    f"{_show(low)} to {_show(high)}; kept as you wrote it",
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


def _show(value: Any) -> str:
    """A value as the user would write it in the file."""
    if isinstance(value, timedelta):
        return f'"{format_duration(value)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


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


def default_file_text() -> str:
    """A complete, commented ``config.toml`` holding every default.

    Written on first start so the user can see and edit every option; each key sits under
    its help text and recommended range.
    """
    lines = [
        "# movebreak settings. Edit and restart movebreak to apply.",
        '# Durations are written like "45s", "30m" or "1h30m".',
        "# Delete a line to go back to its default.",
        "",
        f"version = {CURRENT_VERSION}",
    ]
    for table in fields(Settings):
        lines += ["", f"[{table.name}]"]
        table_type = get_type_hints(Settings)[table.name]
        for f in fields(table_type):
            spec: Spec = f.metadata["spec"]
            lines.append(f"# {spec.help}")
            if spec.recommended is not None:
                low, high = spec.recommended
                lines.append(f"# Recommended: {_show(low)} to {_show(high)}.")
            lines.append(f"{f.name} = {_show(f.default)}")
    return "\n".join(lines) + "\n"
