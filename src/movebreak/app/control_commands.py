"""The control socket's commands: what ``movebreak status``, ``snooze``, ``pause`` ... ask.

Each request is checked here before it reaches the app, and a refusal says why in words
the command line prints as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from movebreak.core.coach import Coach


class ControlledApp(Protocol):
    """What the commands need of the running app; the app satisfies it without importing this.

    A protocol rather than the app's class keeps the import one way (application -> commands).
    """

    @property
    def coach(self) -> Coach:
        """The coach whose intents the commands call."""

    def do(self, intent: Callable[[], object]) -> bool:
        """Run ``intent`` and refresh; whether it changed anything."""

    def pause_for(self, seconds: int) -> None:
        """Pause prompts for ``seconds`` (-1: until tomorrow)."""

    def set_posture(self, value: str) -> None:
        """Seated or standing, from the command line."""

    def status(self) -> dict[str, object]:
        """What ``movebreak status --json`` prints."""

    def open_window(self, name: str) -> bool:
        """Open one of ``WINDOWS``; whether it exists."""

    def quit_soon(self) -> None:
        """Quit once this request is answered."""


# What ``movebreak show`` (controls) and ``movebreak open NAME`` can open.
WINDOWS = ("controls", "review", "settings", "library")
MAX_PAUSE_SECONDS = 366 * 24 * 3600  # a pause longer than a year is a typo, not a plan


def answer(app: ControlledApp, command: str, args: dict[str, Any]) -> dict[str, Any]:
    """The answer to one request: ``ok`` and the status after it, or ``error``."""
    coach = app.coach
    simple = {
        "break-now": coach.break_now,
        "done": coach.done,
        "snooze": coach.snooze,
        "skip": coach.skip,
        "resume": coach.resume,
    }
    if command == "status":
        pass
    elif command in simple:
        if not app.do(simple[command]):
            return {"ok": False, "error": refusal(app, command)}
    elif command == "pause":
        seconds = args.get("seconds")
        if (
            not isinstance(seconds, int)
            or isinstance(seconds, bool)
            or not (seconds == -1 or 0 < seconds <= MAX_PAUSE_SECONDS)
        ):
            return {
                "ok": False,
                "error": "pause needs 'seconds': 1 to a year, or -1 for until tomorrow",
            }
        app.pause_for(seconds)
    elif command == "posture":
        value = args.get("posture")
        if value not in ("seated", "standing"):
            return {"ok": False, "error": "posture is 'seated' or 'standing'"}
        app.set_posture(str(value))
    elif command == "open":
        window = args.get("window")
        if window not in WINDOWS or not app.open_window(str(window)):
            return {"ok": False, "error": f"open takes one of: {', '.join(WINDOWS)}"}
    elif command == "quit":
        app.quit_soon()
    else:
        return {"ok": False, "error": f"unknown command {command[:40]!r}"}
    return {"ok": True, "status": app.status()}


def refusal(app: ControlledApp, command: str) -> str:
    """Why ``command`` changed nothing, in the app's state now."""
    state = app.coach.status().state
    if command == "snooze" and state == "prompting":
        return "no snoozes left for this prompt"
    if command == "break-now":
        return "a prompt is already open"
    if command == "resume":
        return "prompts are not paused"
    return f"no prompt is open (state: {state})"
