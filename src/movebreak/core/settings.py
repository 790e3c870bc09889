"""THE settings schema: every option, its default, its bounds and its help, declared once.

Validation (``settings_validation``), the commented default ``config.toml`` and the README
table (``settings_text``), and the settings window are all driven from these dataclasses,
so an option is never written twice. Defaults come from ``movement-science.md`` section 2.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import time, timedelta
from typing import Any, Final, get_type_hints

from movebreak.core.schedule import ALL_DAY, ALL_DAYS, Weekday, WorkHours

CURRENT_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class Spec:
    """What a human needs to know about one setting.

    Attributes:
        label: short label for the settings window.
        help: one or two sentences in the user's words, shown under the field in the settings
            window and as the comment above the key in ``config.toml``. No file syntax here:
            the window shows choices by their labels (``CHOICE_LABELS``), not as written.
        recommended: inclusive range the evidence supports. A value outside it is kept
            with a warning, never refused: tests and demos rely on ``"20s"``.
        file_note: how the value is written in ``config.toml`` (``["mon", "tue"]``), for the
            file's comment and the README only; the window has its own editor for it.
    """

    label: str
    help: str
    recommended: tuple[Any, Any] | None = None
    minimum: Any = None
    choices: tuple[str, ...] | None = None
    file_note: str | None = None


def setting(
    default: Any,
    /,
    *,
    label: str,
    help: str,  # shadows the builtin on purpose: it is the Spec's field name
    recommended: tuple[Any, Any] | None = None,
    minimum: Any = None,
    choices: tuple[str, ...] | None = None,
    file_note: str | None = None,
) -> Any:
    """Declare one option: its default plus the Spec that documents and bounds it.

    ``minimum`` is a hard floor (a value below it is refused); ``recommended`` is advice.
    """
    spec = Spec(label, help, recommended, minimum, choices, file_note)
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
        help="Days prompts may appear.",
        file_note='Written like ["mon", "tue", "wed", "thu", "fri"].',
    )
    day_starts_at: time = setting(
        time(4, 0),
        label="A new day starts at",
        help=(
            "The local time your day rolls over: late evenings count with the day they "
            "belong to, in the tray, in Today's movement and in the stats."
        ),
        file_note='Written like "04:00".',
    )
    work_hours: WorkHours = setting(
        ALL_DAY,
        label="Work hours",
        help="Local hours prompts may appear.",
        file_note='Written like "08:30-18:00"; "00:00-24:00" is all day.',
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
        help="Exercises to offer more often.",
        file_note=(
            'Exercise ids, like ["walk-lap", "calf-raise"]; `movebreak exercises` lists them.'
        ),
    )
    hidden: tuple[str, ...] = setting(
        (),
        label="Hidden",
        help="Exercises never to offer.",
        file_note="Exercise ids; `movebreak exercises` lists them.",
    )
    avoid_if: tuple[str, ...] = setting(
        (),
        label="Leave out exercises that do not suit",
        help=(
            "Tick what applies to you: exercises that could make it worse are never offered. "
            "The welcome questions tick some of these for you."
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
        "auto",
        label="Show prompts as",
        help=(
            "A small window at the bottom right stays on top without taking the keyboard. "
            "A desktop notification suits shared screens, or wherever a window is unwelcome: "
            "click it to open the prompt. Automatic shows the window, except on Wayland, "
            "where a new window always takes the keyboard: there a notification comes "
            "first, and the window where no notification can be shown."
        ),
        choices=("auto", "window", "notification"),
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
            "Where the time of your last keystroke or mouse movement comes from. Automatic "
            "picks the lightest that works: the desktop's own idle counter, else listening to "
            "input events, which costs more CPU. Only the time is kept, never what you typed."
        ),
        file_note=(
            '"auto" takes the first that works of wayland-idle (the compositor\'s '
            "ext-idle-notify-v1 or org_kde_kwin_idle), x11-idle, dbus-idle (gnome-idle or "
            'screensaver-idle over D-Bus), windows-idle and macos-idle, else "pynput". '
            '"none" counts wall-clock time.'
        ),
        choices=(
            "auto",
            "wayland-idle",
            "x11-idle",
            "dbus-idle",
            "windows-idle",
            "macos-idle",
            "pynput",
            "none",
        ),
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
class Sync:
    """The ``[sync]`` table: one person at several computers (README "Several computers")."""

    folder: str = setting(
        "",
        label="Shared folder for several computers",
        help=(
            "A folder your sync program (Syncthing, Nextcloud, Dropbox) keeps the same on "
            "each of your computers, such as Sync/movebreak in your home folder. Each "
            "computer writes its own files there and reads the others': the day's movement "
            "and the seated stretch follow you from one computer to the next. Empty: off."
        ),
        file_note='Like "~/Sync/movebreak"; a relative path starts at your home folder.',
    )
    device_name: str = setting(
        "",
        label="Name of this computer",
        help=(
            "How this computer is named where the review shows which computer your "
            "minutes came from. Empty: the computer's own name."
        ),
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
    sync: Sync = field(default_factory=Sync)


# What the settings window shows for each choice of each option; the file keeps the value on
# the left. One table, so a new choice needs one line here (a test checks every choice has one).
CHOICE_LABELS: Final[dict[tuple[str, str], dict[str, str]]] = {
    ("exercises", "avoid_if"): {
        "balance_problems": "Balance problems",
        "recent_surgery": "A recent operation or injury",
        "acute_flare": "A flare-up of back or joint pain",
        "wrist_pain": "Wrist pain",
        "shoulder_pain": "Shoulder pain",
        "dizziness": "Dizziness or fainting",
        "late_pregnancy": "Late pregnancy, or a birth in the last 6 months",
        "heart_condition_symptoms": "A heart condition, or chest pain when active",
    },
    ("notifications", "prompt_style"): {
        "auto": "Automatic (a notification on Wayland, else a window)",
        "window": "A small window",
        "notification": "A desktop notification",
    },
    ("activity", "source"): {
        "auto": "Automatic (the lightest that works)",
        "wayland-idle": "The Wayland compositor's idle protocol (Sway, KDE)",
        "x11-idle": "The X11 idle counter",
        "dbus-idle": "The desktop's idle monitor (GNOME, KDE)",
        "windows-idle": "The Windows idle counter",
        "macos-idle": "The macOS idle counter",
        "pynput": "Listening to input events (more CPU)",
        "none": "Nothing: count clock time as time at the desk",
    },
}


def choice_label(table: str, key: str, choice: str) -> str:
    """What the window shows for ``choice`` of ``[table] key``.

    A choice missing from ``CHOICE_LABELS`` (a test catches that) still reads as words,
    never as the raw value.
    """
    labels = CHOICE_LABELS.get((table, key), {})
    return labels.get(choice) or choice.replace("_", " ").replace("-", " ").capitalize()


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


def spec_of(table: type[Any], name: str) -> Spec:
    """The Spec declared for ``table.name``."""
    for f in fields(table):
        if f.name == name:
            spec: Spec = f.metadata["spec"]
            return spec
    raise KeyError(name)
