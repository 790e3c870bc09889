"""Turn engine figures into the words and numbers the tray shows. Pure: no Qt.

Widgets only render these views, so every decision about wording lives here and is tested
without a display.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from movebreak.core.exercises import Exercise, Position
from movebreak.core.ports import ShownPrompt
from movebreak.core.sitting import Break, DeskView, Posture, Presence
from movebreak.core.status import Status


@dataclass(frozen=True, slots=True)
class TrayView:
    """Everything the tray icon and its menu show.

    Attributes:
        status: first menu line, e.g. ``"Seated 23 min"``.
        details: further read-only menu lines (last break, breaks today, source problems).
        tooltip: the hover text.
        presence: seated, standing or away: picks the icon's colouring.
        progress: 0..1 of the sitting limit reached, for the icon's ring; may exceed 1.
    """

    status: str
    details: tuple[str, ...]
    tooltip: str
    presence: Presence
    progress: float
    paused: bool = False


def span(value: timedelta) -> str:
    """A length of time as people say it: ``"45 s"``, ``"23 min"``, ``"1 h 05 min"``."""
    seconds = max(int(value.total_seconds()), 0)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def status_line(desk: DeskView) -> str:
    """The one line that answers "how long have I been sitting?"."""
    match desk.presence:
        case Presence.SEATED:
            return f"Seated {span(desk.seated)}"
        case Presence.STANDING:
            return f"Standing {span(desk.standing)}"
        case Presence.AWAY:
            return f"Away {span(desk.idle)}"


def break_line(last: Break | None, tz: tzinfo) -> str:
    """When the last break was and how long it lasted."""
    if last is None:
        return "No break yet"
    start = last.start.astimezone(tz).strftime("%H:%M")
    return f"Last break {start}, {span(last.length)}"


def last_break(status: Status) -> Break | None:
    """The latest break: today's last (natural or an exercise), else the Desk's last one."""
    candidates = [b for b in (status.desk.last_break, *status.breaks_today) if b is not None]
    return max(candidates, key=lambda b: b.end, default=None)


def tray_view(
    status: Status,
    now: datetime,
    sitting_limit: timedelta,
    tz: tzinfo,
    source_problem: str | None = None,
    source_reason: str | None = None,
) -> TrayView:
    """Everything the tray shows for ``status`` at ``now``.

    ``source_problem`` is why input cannot be seen, if it cannot; the user must know that
    seated time is then wall-clock time. ``source_reason`` says where activity comes from.
    """
    desk = status.desk
    status_text = status_line(desk)
    count = len(status.breaks_today)  # natural breaks and completed exercises (core.stats)
    details = [
        _prompt_line(status, now, tz),
        break_line(last_break(status), tz),
        f"{count} break{'' if count == 1 else 's'} today",
        status.level.reason,
    ]
    if source_problem is not None:
        # The first reason is the one that matters here; the log and status have them all.
        details.append(f"Activity not visible: {source_problem.split('; ')[0]}")
    elif source_reason is not None:
        details.append(f"Activity: {source_reason}")
    progress = desk.seated / sitting_limit if desk.presence is Presence.SEATED else 0.0
    summary = status_text
    if status.next_prompt_at is not None and status.state in ("seated", "standing"):
        summary += f" · next prompt in {span(max(status.next_prompt_at - now, timedelta(0)))}"
    tooltip = "\n".join(["movebreak", summary, *details[1:]])
    return TrayView(
        status=status_text,
        details=tuple(details),
        tooltip=tooltip,
        presence=desk.presence,
        progress=progress,
        paused=status.state == "paused",
    )


def _prompt_line(status: Status, now: datetime, tz: tzinfo) -> str:
    """What the prompts are doing, for the menu."""
    match status.state:
        case "prompting":
            return "A movement prompt is open"
        case "snoozed" if status.next_prompt_at is not None:
            return f"Snoozed: back in {span(status.next_prompt_at - now)}"
        case "paused" if status.paused_until is not None:
            return f"Paused until {status.paused_until.astimezone(tz).strftime('%a %H:%M')}"
        case "paused":
            return "Paused until you resume"
        case "off_hours":
            return "Outside work hours: no prompts"
    if status.held_by is not None:
        return f"Prompt waiting: {status.held_by.value}"
    if status.next_prompt_at is None:
        return "Next prompt when you're back"
    return f"Next prompt in {span(max(status.next_prompt_at - now, timedelta(0)))}"


# movement-science.md 4.4, in one line: shown with every exercise.
STOP_IF = " Stop at sharp pain, new numbness or tingling, chest discomfort or dizziness."


@dataclass(frozen=True, slots=True)
class PromptView:
    """Everything the prompt window shows, as text and numbers.

    ``summary`` is the library's one-line description; the prompt does not show it beside
    the steps, which say the same at more length. ``duration_text`` is the one phrase of
    how much and how long (:func:`amount`), so the prompt never says "about 1 min" in one
    place and "1 to 2 minutes" in another.
    """

    heading: str
    title: str
    summary: str
    steps: tuple[str, ...]
    caution: str | None
    duration_seconds: int
    duration_text: str
    snooze_label: str | None  # None: no snoozes left, the button is not offered
    started: bool
    animation: tuple[str, ...] = ()
    dose: str = ""


def prompt_view(prompt: ShownPrompt) -> PromptView:
    """The prompt window's content for ``prompt``."""
    exercise = prompt.exercise
    heading = (
        "Time to stand up and move"
        if prompt.posture is Posture.SEATED
        else "You've been standing a while: move, or sit for a bit"
    )
    return PromptView(
        heading=heading,
        title=exercise.title,
        summary=exercise.summary,
        steps=tuple(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)),
        caution=(" ".join(exercise.cautions) + STOP_IF).strip(),
        duration_seconds=int(exercise.duration.total_seconds()),
        duration_text=amount(exercise),
        snooze_label=f"Snooze {span(prompt.snooze)}" if prompt.snoozes_left > 0 else None,
        started=prompt.started_at is not None,
        animation=exercise.animation,
        dose=str(exercise.dose),
    )


def amount(exercise: Exercise) -> str:
    """How much and how long, once: ``"2 min"``, ``"8 reps per side · about 1 min"``.

    From the dose: a timed dose is its own length; reps and holds add the estimated time
    they take, which is what the countdown runs for. What the steps already say (how long
    to hold, how many times) is not said again here.
    """
    dose = exercise.dose
    length = span(exercise.duration)
    if dose.kind == "duration":
        per = dose.value * (60 if dose.unit == "min" else 1)
        own = timedelta(seconds=per * dose.sets * (2 if dose.per_side else 1))
        return length if own == exercise.duration else f"{dose} · about {length}"
    steps = " ".join(exercise.steps)
    says_hold = _HOLD_IN_STEPS.search(steps) is not None
    says_count = _COUNT_IN_STEPS.search(steps) is not None
    parts = []
    if dose.kind == "reps" and not says_count:
        parts.append(f"{dose.value:g} reps" + (" per side" if dose.per_side else ""))
    if dose.kind == "hold" and not says_hold:
        hold = f"{dose.sets} x {dose.value:g} s" if dose.sets > 1 else f"{dose.value:g} s"
        parts.append(f"Hold {hold}" + (" per side" if dose.per_side else ""))
    if dose.kind == "reps" and dose.hold_seconds and not says_hold:
        parts.append(f"hold {dose.hold_seconds} s")
    if not parts:
        return f"About {length} in all"
    said = ", ".join(parts)
    return f"{said[0].upper()}{said[1:]} · about {length}"


# What steps say for themselves: "for 15 to 20 seconds", "repeat 8 to 10 times", "twice".
_HOLD_IN_STEPS = re.compile(r"\b\d+(\s*(to|-)\s*\d+)?\s*seconds\b")
_COUNT_IN_STEPS = re.compile(r"\b(\d+(\s*(to|-)\s*\d+)?\s*times|repeat \d+)\b", re.IGNORECASE)


def countdown(left: timedelta) -> str:
    """``"1:05 left"``, or a nudge to finish once the time is up."""
    seconds = int(left.total_seconds())
    if seconds <= 0:
        return "Time's up: press Done when you've finished"
    return f"{seconds // 60}:{seconds % 60:02d} left"


def status_json(
    status: Status, now: datetime, activity_source: str, activity_reason: str | None = None
) -> dict[str, object]:
    """The object ``movebreak status --json`` prints; field names are a public interface."""
    prompt = None
    if status.prompt is not None:
        prompt = {
            "exercise_id": status.prompt.exercise_id,
            "title": status.exercise.title if status.exercise else None,
            "shown_at": status.prompt.shown_at.isoformat(timespec="seconds"),
        }
    next_in = None
    if status.next_prompt_at is not None:
        next_in = max(int((status.next_prompt_at - now).total_seconds()), 0)
    desk = status.desk
    return {
        "state": status.state,
        "seated_seconds": int(desk.seated.total_seconds()),
        "standing_seconds": int(desk.standing.total_seconds()),
        "idle_seconds": int(desk.idle.total_seconds()),
        "next_prompt_in_seconds": next_in,
        "snoozes_left": status.snoozes_left,
        "held_by": status.held_by.value if status.held_by else None,
        "paused_until": status.paused_until.isoformat(timespec="seconds")
        if status.paused_until
        else None,
        "activity_source": activity_source,
        "activity_reason": activity_reason,
        "prompt": prompt,
        "breaks_today": len(status.breaks_today),
        "level": status.level.value,
        "level_reason": status.level.reason,
    }


def status_text(data: dict[str, object]) -> str:
    """``movebreak status`` without ``--json``: a line or two for people."""
    state = str(data["state"])
    lines = {
        "seated": f"Seated {span(timedelta(seconds=_int(data['seated_seconds'])))}",
        "standing": f"Standing {span(timedelta(seconds=_int(data['standing_seconds'])))}",
        "away": "Away from the computer",
        "prompting": "A movement prompt is open",
        "snoozed": "Prompt snoozed",
        "paused": "Prompts paused",
        "off_hours": "Outside work hours: no prompts",
    }
    text = lines.get(state, state)
    next_in = data.get("next_prompt_in_seconds")
    if isinstance(next_in, int):
        text += f" · next prompt in {span(timedelta(seconds=next_in))}"
    prompt = data.get("prompt")
    if isinstance(prompt, dict) and prompt.get("title"):
        text += f"\nExercise: {prompt['title']}"
    reason = data.get("activity_reason")
    if isinstance(reason, str):
        text += f"\nActivity: {data.get('activity_source')}, {reason}"
    return text


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


DISCLAIMER = (
    "General suggestions, not medical advice. Stop an exercise that brings sharp pain, new "
    "numbness or tingling, chest discomfort or dizziness; if you have a health condition or "
    "are unsure, ask a health professional first."
)


# The library's body areas and positions in words; the file keeps the ids on the left.
AREA_NAMES = {
    "lower_back": "lower back",
    "upper_back": "upper back",
    "calves_ankles": "calves and ankles",
    "wrists_hands": "wrists and hands",
    "whole_body": "whole body",
}
POSITION_NAMES = {Position.EITHER.value: "seated or standing"}


def area_name(area: str) -> str:
    """``calves_ankles`` as a person says it: ``calves and ankles``."""
    return AREA_NAMES.get(area, area.replace("_", " "))


def position_name(position: str) -> str:
    """Where an exercise is done, in words: ``either`` is ``seated or standing``."""
    return POSITION_NAMES.get(position, position.replace("_", " "))


def dose_text(exercise: Exercise) -> str:
    """How much, and how long: ``30 s``, ``10 reps (about 45 s)``, ``2 x 15 s (40 s in all)``.

    A dose that is itself one stretch of time says how long, once (never "30 s, about
    30 s"); sets, sides and reps add the time the whole exercise takes.
    """
    dose = exercise.dose
    if dose.unit in ("s", "min"):
        if dose.sets == 1 and not dose.per_side:
            return str(dose)
        return f"{dose} ({span(exercise.duration)} in all)"
    return f"{dose} (about {span(exercise.duration)})"


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """One line of the library browser's list."""

    exercise_id: str
    text: str
    favourite: bool
    hidden: bool


def library_rows(
    exercises: Sequence[Exercise],
    *,
    position: str | None,
    focus: str | None,
    level: int | None,
    favourites: frozenset[str],
    hidden: frozenset[str],
) -> list[LibraryRow]:
    """The browser's list for the chosen filters (``None`` means any), favourites first."""
    rows = [
        LibraryRow(
            e.id,
            f"{'★ ' if e.id in favourites else ''}{e.title} · level {e.intensity} · "
            f"{position_name(e.position.value)}{' · hidden' if e.id in hidden else ''}",
            e.id in favourites,
            e.id in hidden,
        )
        for e in exercises
        if (position is None or e.position.value == position)
        and (focus is None or focus in e.focus_areas)
        and (level is None or e.intensity == level)
    ]
    return sorted(rows, key=lambda row: (not row.favourite, row.hidden, row.text.lstrip("★ ")))


def exercise_detail(exercise: Exercise) -> tuple[str, str, str, str]:
    """Title, the facts (two lines), the numbered steps, and the cautions with the stop-if line."""
    areas = ", ".join(area_name(area) for area in exercise.focus_areas)
    facts = (
        f"{dose_text(exercise)} · {position_name(exercise.position.value)} · "
        f"level {exercise.intensity} of 3\nBody areas: {areas}"
    )
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
    cautions = (" ".join(exercise.cautions) + STOP_IF).strip()
    return exercise.title, facts, steps, cautions


def red_flags_text(groups: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The red-flag symptoms as rich text for a dialog."""
    parts = ["<p>See a clinician <b>instead of exercising</b> if you have any of these.</p>"]
    for title, items in groups:
        listed = "".join(f"<li>{item}</li>" for item in items)
        # Emergency advice stands out in red; the words stay the file's own.
        colour = ' style="color: #b71c1c"' if title.lower().startswith("emergency") else ""
        parts.append(f"<p{colour}><b>{title}</b></p><ul>{listed}</ul>")
    parts.append("<p>movebreak is not medical advice and does not diagnose anything.</p>")
    return "".join(parts)
