"""Turn engine figures into the words and numbers the tray shows. Pure: no Qt.

Widgets only render these views, so every decision about wording lives here and is tested
without a display.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, tzinfo

from movebreak.core.sitting import Break, DeskView, Presence


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


def tray_view(
    desk: DeskView, sitting_limit: timedelta, tz: tzinfo, source_problem: str | None = None
) -> TrayView:
    """Everything the tray shows for ``desk``.

    ``source_problem`` is why input cannot be seen, if it cannot; the user must know that
    seated time is then wall-clock time.
    """
    status = status_line(desk)
    count = len(desk.breaks_today)
    details = [
        break_line(desk.last_break, tz),
        f"{count} break{'' if count == 1 else 's'} today",
    ]
    if source_problem is not None:
        details.append(f"Activity not visible: {source_problem}")
    progress = desk.seated / sitting_limit if desk.presence is Presence.SEATED else 0.0
    goal = f" of {span(sitting_limit)}" if desk.presence is Presence.SEATED else ""
    tooltip = "\n".join(["movebreak", status + goal, *details])
    return TrayView(
        status=status,
        details=tuple(details),
        tooltip=tooltip,
        presence=desk.presence,
        progress=progress,
    )
