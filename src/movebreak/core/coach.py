"""The Coach: the one stateful object of the core.

It holds the current Desk, reads the injected clock once per intent, and hands out views.
Adapters report what they saw (input, away); the UI sends what the user wants (posture).
It will grow the prompt state machine; it must never grow a registry.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from movebreak.core import sitting
from movebreak.core.ports import Clock
from movebreak.core.sitting import DeskView, Posture, SittingRules

# Input reported less than this after the last one carries no news at minute-scale
# resolution, and skipping it keeps clock jitter from creeping the last input forward.
_NEWS = timedelta(seconds=1)


class Coach:
    """Keeps the user's sitting state current. GUI thread only."""

    def __init__(self, clock: Clock, rules: SittingRules, posture: Posture = Posture.SEATED):
        """Start as if the user arrived now: launching the app is itself input."""
        self._clock = clock
        self._rules = rules
        self._desk = sitting.arrive(clock.now(), rules, posture)

    @property
    def rules(self) -> SittingRules:
        """The thresholds in force."""
        return self._rules

    def observe_input(self, idle: timedelta | None) -> None:
        """Report the activity source's idle time; ``None`` means it cannot see input.

        With no source the user is taken to be present all along (wall-clock mode), so
        reminders keep working even where input cannot be seen.
        """
        now = self._clock.now()
        if idle is None:
            self._desk = sitting.stayed(self._desk, now, self._rules)
        elif now - idle - self._desk.last_activity >= _NEWS:
            self._desk = sitting.activity(self._desk, now - idle, self._rules)

    def observe_away(self, since: datetime, until: datetime) -> None:
        """Report that the machine knew the user was away (suspend; later, screen lock)."""
        self._desk = sitting.away(self._desk, since, until, self._rules)

    def set_posture(self, posture: Posture) -> None:
        """The user says they now sit or stand."""
        self._desk = sitting.change_posture(self._desk, posture, self._clock.now(), self._rules)

    def view(self) -> DeskView:
        """The figures to show right now."""
        return sitting.view(self._desk, self._clock.now(), self._rules)
