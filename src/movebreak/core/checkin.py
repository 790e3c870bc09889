"""The optional daily back check-in: when to ask "How does your back feel today?".

Asked at most once a working day, and only once the user has settled in (a few minutes at
the desk), never over an open prompt: it must not become one more interruption at a bad
moment. An answer the same day replaces the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from movebreak.core.sitting import DeskView, Presence

SETTLED = timedelta(minutes=3)  # at the desk this long today before we ask
QUESTION = "How does your back feel today?"
SCALE = "0 = no pain, 10 = the worst pain you can imagine"


@dataclass(frozen=True, slots=True)
class CheckInState:
    """What the app remembers about today's check-in."""

    asked_on: date | None = None


def should_ask(
    state: CheckInState,
    *,
    enabled: bool,
    desk: DeskView,
    answered_today: bool,
    prompting: bool,
) -> bool:
    """Whether to show the check-in now."""
    if not enabled or answered_today or prompting or state.asked_on == desk.day:
        return False
    if desk.presence is Presence.AWAY:
        return False
    return desk.seated_today + desk.standing_today >= SETTLED
