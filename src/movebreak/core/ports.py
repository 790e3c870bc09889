"""What the core needs from the world, stated as Protocols.

The adapters implement these against the real system; ``tests/fakes.py`` implements them
for tests. The core never reads a clock or touches a device itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from movebreak.core.exercises import Exercise
from movebreak.core.reminder import PromptRecord
from movebreak.core.sitting import Break, Posture, Stretch
from movebreak.core.stats import PauseUnderWay


class Clock(Protocol):
    """The current time, aware and in UTC."""

    def now(self) -> datetime:
        """Return the current instant; never naive."""
        ...


Cancel = Callable[[], None]


class Scheduler(Protocol):
    """Runs callbacks later, on the thread that owns the core (the GUI thread)."""

    def call_at(self, when: datetime, fn: Callable[[], None]) -> Cancel:
        """Run ``fn`` at or after ``when``; the returned callable cancels it.

        May run late (suspend, busy loop) or, rarely, early: callers re-read the clock
        instead of assuming ``when`` has arrived.
        """
        ...


class ActivitySource(Protocol):
    """Tells how long it has been since the user last touched keyboard or mouse.

    One small interface so a cheaper design (a self-pausing listener, the platform's idle
    counter) can replace the pynput listener without touching the engine.
    """

    @property
    def name(self) -> str:
        """Short id shown to the user and in ``status --json`` (``"pynput"``)."""
        ...

    def start(self) -> str | None:
        """Begin watching; return ``None`` on success or a plain reason it cannot."""
        ...

    def idle(self) -> timedelta | None:
        """Time since the last input, including any suspend; ``None`` if not watching."""
        ...

    def stop(self) -> None:
        """Stop watching and release the devices; safe to call twice."""
        ...


class Journal(Protocol):
    """Where facts about the user's day are kept; each call is committed before it returns."""

    def record_prompt(self, record: PromptRecord) -> None:
        """Keep one resolved prompt."""
        ...

    def record_break(self, taken: Break) -> None:
        """Keep one natural break."""
        ...

    def rate_prompt(self, shown_at: datetime, rating: str) -> None:
        """Add the user's effort rating to the done prompt shown at ``shown_at``."""
        ...

    def record_stretch(self, started: datetime, ended: datetime, posture: str) -> None:
        """Keep one stretch at the computer in one posture, finished or still growing.

        A later call with the same ``started`` (to the second) replaces the earlier one:
        the stretch under way is kept as it grows and counted once.
        """
        ...

    def last_stretch(self) -> Stretch | None:
        """The stretch that ended last, if any (resumed after a short downtime)."""
        ...

    def move_stretch(self, started: datetime, to: datetime) -> None:
        """The stretch under way that began at ``started`` began at ``to`` after all.

        The person brought it from another computer; the stretch keeps its id.
        """
        ...

    def record_pause(
        self,
        started: datetime,
        ended: datetime,
        *,
        until: datetime | None = None,
        under_way: bool = False,
    ) -> None:
        """Keep one pause of prompts the user asked for, ended or still ``under_way``.

        Keyed by ``started`` like a stretch: the pause under way is kept as it goes (with
        ``until``, when it is to end) and closed by a last call without ``under_way``.
        At most one is under way: beginning one ends the other then, in the same write.
        A pause closed with no length is not kept.
        """
        ...

    def pause_under_way(self) -> PauseUnderWay | None:
        """The pause left under way when the app last stopped, if any."""
        ...

    def carry_pause(self, left: PauseUnderWay, now: datetime) -> None:
        """Close ``left`` where the journal has it and open its continuation at ``now``.

        One transaction, so a crash leaves one pause under way, never none or two.
        """
        ...

    def history(self) -> Sequence[PromptRecord]:
        """Every resolved prompt, oldest first."""
        ...

    def breaks_since(self, since: datetime) -> Sequence[Break]:
        """The natural breaks that began at ``since`` or later, oldest first."""
        ...


class PromptDisplay(Protocol):
    """What the Coach asks of the screen."""

    def show_prompt(self, prompt: ShownPrompt) -> None:
        """Show (or update) the one prompt window."""
        ...

    def hide_prompt(self) -> None:
        """Close the prompt window if open."""
        ...

    def notify(self, title: str, message: str) -> None:
        """A passing notification, where the desktop has them."""
        ...

    def ask_rating(self, title: str) -> None:
        """After Done: offer the one-tap effort rating for exercise ``title``."""
        ...

    def show_guidance(self, text: str) -> None:
        """Show safety guidance in the prompt window (after "it hurt")."""
        ...


@dataclass(frozen=True, slots=True)
class ShownPrompt:
    """Everything a prompt window shows."""

    exercise: Exercise
    posture: Posture
    snooze: timedelta
    snoozes_left: int
    started_at: datetime | None
