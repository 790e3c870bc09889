"""THE settings schema: every option, its default, its bounds and its help, declared once.

Validation, the commented default ``config.toml``, the settings window and the
README table are all driven from these dataclasses, so an option is never written twice.
Defaults come from ``movement-science.md`` section 2.1.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import time, timedelta
from pathlib import Path
from typing import Any, Final, get_type_hints

from movebreak.core.durations import DurationError, format_duration, parse_duration
from movebreak.core.problems import Problem, Severity
from movebreak.core.schedule import ALL_DAY, ALL_DAYS, Weekday, WorkHours

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
    minimum: Any = None
    choices: tuple[str, ...] | None = None


def setting(
    default: Any,
    /,
    *,
    label: str,
    help: str,  # shadows the builtin on purpose: it is the Spec's field name
    recommended: tuple[Any, Any] | None = None,
    minimum: Any = None,
    choices: tuple[str, ...] | None = None,
) -> Any:
    """Declare one option: its default plus the Spec that documents and bounds it.

    ``minimum`` is a hard floor (a value below it is refused); ``recommended`` is advice.
    """
    spec = Spec(label, help, recommended, minimum, choices)
    return field(default=default, metadata={"spec": spec})


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

    snooze: timedelta = setting(
        timedelta(minutes=10),
        label="Snooze for",
        help="How long Snooze holds the current prompt back.",
        recommended=(timedelta(minutes=5), timedelta(minutes=15)),
    )
    max_snoozes: int = setting(
        2,
        label="Snoozes in a row",
        help="After this many snoozes, a prompt no longer offers Snooze.",
        recommended=(0, 3),
        minimum=0,
    )
    typing_pause: timedelta = setting(
        timedelta(seconds=3),
        label="Wait for a pause in typing of",
        help=(
            "A prompt that falls due while you type waits until you stop for this long, so "
            "it never lands mid-sentence."
        ),
        recommended=(timedelta(seconds=2), timedelta(seconds=10)),
    )
    typing_grace: timedelta = setting(
        timedelta(minutes=1),
        label="But wait no longer than",
        help="After this, a prompt held back by typing appears anyway.",
        recommended=(timedelta(seconds=15), timedelta(minutes=3)),
    )
    remind_after: timedelta = setting(
        timedelta(minutes=5),
        label="Remind once about an ignored prompt after",
        help="A prompt left alone this long gets one tray notification. Prompts never stack.",
        recommended=(timedelta(minutes=2), timedelta(minutes=15)),
    )


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """The ``[schedule]`` table: when prompts may appear. Sitting is tracked regardless."""

    work_days: tuple[Weekday, ...] = setting(
        ALL_DAYS,
        label="Work days",
        help='Days prompts may appear, e.g. ["mon", "tue", "wed", "thu", "fri"].',
    )
    day_starts_at: time = setting(
        time(4, 0),
        label="A new day starts at",
        help=(
            'Local time your day rolls over, like "04:00": late evenings count with the day '
            "they belong to, in the tray, the review and `movebreak stats`."
        ),
    )
    work_hours: WorkHours = setting(
        ALL_DAY,
        label="Work hours",
        help='Local hours prompts may appear, e.g. "08:30-18:00". "00:00-24:00" is all day.',
    )


@dataclass(frozen=True, slots=True)
class Busy:
    """The ``[busy]`` table: signs that you are in a meeting or presenting.

    A prompt that falls due while one of these holds waits, and comes within a minute after
    it ends.
    """

    fullscreen: bool = setting(
        True,
        label="Hold prompts while a window is fullscreen",
        help="Presentations, videos and video calls in fullscreen are not interrupted.",
    )
    do_not_disturb: bool = setting(
        True,
        label="Hold prompts while notifications are silenced",
        help="Follows the desktop's do-not-disturb switch where it can be read.",
    )
    camera: bool = setting(
        True,
        label="Hold prompts while a camera is in use",
        help="A camera held open by one of your programs (Linux) means a video call.",
    )


@dataclass(frozen=True, slots=True)
class Exercises:
    """The ``[exercises]`` table: your tastes and limits."""

    favourites: tuple[str, ...] = setting(
        (),
        label="Favourites",
        help='Exercise ids to offer more often, e.g. ["walk-lap", "calf-raise"].',
    )
    hidden: tuple[str, ...] = setting(
        (),
        label="Hidden",
        help="Exercise ids never to offer. `movebreak exercises` lists the ids.",
    )
    avoid_if: tuple[str, ...] = setting(
        (),
        label="Leave out exercises to avoid with",
        help=(
            "Conditions that rule exercises out: balance_problems, recent_surgery, "
            "acute_flare, wrist_pain, shoulder_pain, dizziness, late_pregnancy, "
            "heart_condition_symptoms."
        ),
        choices=(
            "balance_problems",
            "recent_surgery",
            "acute_flare",
            "wrist_pain",
            "shoulder_pain",
            "dizziness",
            "late_pregnancy",
            "heart_condition_symptoms",
        ),
    )

    max_level: int = setting(
        3,
        label="Hardest level offered",
        help=(
            "1 to 3. The level also rises with you over weeks; this caps it (the welcome "
            "questions set 1 if you should check with a health professional first)."
        ),
        minimum=1,
        recommended=(1, 3),
    )


@dataclass(frozen=True, slots=True)
class Goals:
    """The ``[goals]`` table."""

    daily_movement_minutes: int = setting(
        10,
        label="Daily movement goal, minutes",
        help=(
            "Minutes of movement a workday (completed exercises and walks you log). Start "
            "small: 10 in the first week, then raise it by about 5 a week up to 30."
        ),
        minimum=1,
        recommended=(5, 60),
    )
    back_checkin: bool = setting(
        False,
        label="Ask once a day how my back feels",
        help=(
            "A one-tap 0-10 question once a day; Today's movement then sets your answers "
            "beside your movement over the weeks. Off unless you turn it on: it is one more "
            "question a day, and how your back feels is yours to share."
        ),
    )


@dataclass(frozen=True, slots=True)
class Notifications:
    """The ``[notifications]`` table: how a prompt reaches you."""

    prompt_style: str = setting(
        "window",
        label="Show prompts as",
        help=(
            '"window": a small window at the bottom right that stays on top without taking '
            'the keyboard. "notification": a desktop notification instead, for shared '
            "screens or wherever a window is unwelcome; click it to open the prompt."
        ),
        choices=("window", "notification"),
    )
    sound: bool = setting(
        False,
        label="Play a soft sound when a prompt appears",
        help="A short, quiet chime through the system's sound player. Off unless you want it.",
    )


@dataclass(frozen=True, slots=True)
class Activity:
    """The ``[activity]`` table: how movebreak sees that you are at the computer."""

    source: str = setting(
        "auto",
        label="Watch activity with",
        help=(
            'Where the time of your last input comes from. "auto" picks the lightest that '
            "works: the system's idle counter (x11-idle, gnome-idle or screensaver-idle over "
            'D-Bus, windows-idle, macos-idle), else "pynput", which listens to input events '
            'itself and costs more CPU. "none" counts wall-clock time.'
        ),
        choices=("auto", "x11-idle", "dbus-idle", "windows-idle", "macos-idle", "pynput", "none"),
    )


@dataclass(frozen=True, slots=True)
class Standing:
    """The ``[standing]`` table, for standing-desk users."""

    standing_desk: bool = setting(
        False,
        label="I have a sit-stand desk",
        help="Set by the welcome questions; prompts then suggest changing position too.",
    )
    standing_limit: timedelta = setting(
        timedelta(minutes=30),
        label="Suggest a change after standing for",
        help=(
            "Standing still for long brings its own discomfort: after this long standing, "
            "the prompt suggests moving or sitting."
        ),
        recommended=(timedelta(minutes=15), timedelta(minutes=45)),
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings, one attribute per TOML table."""

    breaks: Breaks = field(default_factory=Breaks)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    standing: Standing = field(default_factory=Standing)
    busy: Busy = field(default_factory=Busy)
    exercises: Exercises = field(default_factory=Exercises)
    goals: Goals = field(default_factory=Goals)
    notifications: Notifications = field(default_factory=Notifications)
    activity: Activity = field(default_factory=Activity)


@dataclass(frozen=True, slots=True)
class Option:
    """One setting as the settings window sees it."""

    table: str
    key: str
    kind: Any  # the Python type of its value: timedelta, bool, int, str, tuple[str, ...], ...
    spec: Spec
    default: Any


def options() -> list[Option]:
    """Every setting, in file order: the settings window is built from this."""
    found = []
    for table in fields(Settings):
        table_type = get_type_hints(Settings)[table.name]
        hints = get_type_hints(table_type)
        for f in fields(table_type):
            found.append(Option(table.name, f.name, hints[f.name], f.metadata["spec"], f.default))
    return found


def value_of(settings: Settings, table: str, key: str) -> Any:
    """The value of ``[table] key`` in ``settings``."""
    return getattr(getattr(settings, table), key)


def with_value(settings: Settings, table: str, key: str, value: Any) -> Settings:
    """``settings`` with ``[table] key`` set to ``value`` (already checked)."""
    changed = replace(getattr(settings, table), **{key: value})
    return replace(settings, **{table: changed})


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


def file_value(value: Any) -> bool | int | str | list[str]:
    """``value`` as it is written in ``config.toml`` (what :func:`check` reads back)."""
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
        chosen = converted if isinstance(converted, tuple) else (converted,)
        wrong = [v for v in chosen if spec.choices is not None and v not in spec.choices]
        if wrong and spec.choices is not None:
            allowed = ", ".join(f'"{choice}"' for choice in spec.choices)
            report(
                dotted,
                f"{wrong[0]!r} is not one of {allowed}; using the default {_show(default)}",
            )
            continue
        if spec.minimum is not None and converted < spec.minimum:
            report(
                dotted,
                f"must be at least {_show(spec.minimum)}; using the default {_show(default)}",
            )
            continue
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


def _show(value: Any) -> str:
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
            lines += [f"# {line}" for line in textwrap.wrap(spec.help, 88)]
            if spec.recommended is not None:
                low, high = spec.recommended
                lines.append(f"# Recommended: {_show(low)} to {_show(high)}.")
            lines.append(f"{f.name} = {_show(f.default)}")
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
                advice = f"{_show(low)} to {_show(high)}"
            default = _show(f.default).replace("|", "\\|")
            rows.append(f"| `[{table.name}] {f.name}` | `{default}` | {advice} | {spec.help} |")
    return "\n".join(rows) + "\n"
