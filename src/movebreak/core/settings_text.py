"""Texts generated from the settings schema: the default ``config.toml``, the README table.

Values are spelt here as the user writes them in the file, so the generated texts and the
messages about a bad value (``settings_validation``) spell a value the same way.
"""

from __future__ import annotations

import textwrap
from dataclasses import fields
from datetime import time, timedelta
from typing import Any, get_type_hints

from movebreak.core.durations import format_duration
from movebreak.core.schedule import Weekday, WorkHours
from movebreak.core.settings import CURRENT_VERSION, Settings, Spec


def as_written(value: Any) -> str:
    """A value as the user would write it in the file."""
    if isinstance(value, time):
        return f'"{value.strftime("%H:%M")}"'
    if isinstance(value, WorkHours):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, timedelta):
        return f'"{format_duration(value)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def file_value(value: Any) -> bool | int | str | list[str]:
    """``value`` as written in ``config.toml``, the form ``settings_validation.check`` reads."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, WorkHours):
        return str(value)
    if isinstance(value, tuple):
        return [item.value if isinstance(item, Weekday) else str(item) for item in value]
    raise TypeError(f"no file form for {value!r}")  # a schema bug, not a user error


def file_help(spec: Spec) -> str:
    """The help as the file and the README give it: how to write the value, and its choices."""
    parts = [spec.help]
    if spec.file_note:
        parts.append(spec.file_note)
    if spec.choices:
        parts.append("Choices: " + ", ".join(f'"{choice}"' for choice in spec.choices) + ".")
    return " ".join(parts)


def default_file_text() -> str:
    """A complete, commented ``config.toml`` holding every default.

    Written on first start so the user can see and edit every option; each key sits under
    its help text and recommended range.
    """
    lines = [
        "# movebreak settings. Changes here apply within a second while movebreak runs;",
        "# the Settings window in the tray menu edits this same file and keeps your comments.",
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
            lines += [f"# {line}" for line in textwrap.wrap(file_help(spec), 88)]
            if spec.recommended is not None:
                low, high = spec.recommended
                lines.append(f"# Recommended: {as_written(low)} to {as_written(high)}.")
            lines.append(f"{f.name} = {as_written(f.default)}")
    return "\n".join(lines) + "\n"


def settings_table() -> str:
    """The README's settings table, rendered from the schema so the two cannot drift."""
    rows = ["| key | default | recommended | meaning |", "|---|---|---|---|"]
    for table in fields(Settings):
        table_type = get_type_hints(Settings)[table.name]
        for f in fields(table_type):
            spec: Spec = f.metadata["spec"]
            advice = ""
            if spec.recommended is not None:
                low, high = spec.recommended
                advice = f"{as_written(low)} to {as_written(high)}"
            default = as_written(f.default).replace("|", "\\|")
            rows.append(
                f"| `[{table.name}] {f.name}` | `{default}` | {advice} | {file_help(spec)} |"
            )
    return "\n".join(rows) + "\n"
