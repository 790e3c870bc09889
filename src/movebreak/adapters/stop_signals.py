"""SIGTERM and SIGINT, caught from the first line of a start and acted on when it is safe.

A logout or ``kill`` may come at any moment: while Python imports Qt, before Qt's event
loop runs (where ``QApplication.quit()`` does nothing, so the request would be lost), in
the middle of the start-up, or while the app runs. :class:`StopSignals` is installed first
thing in the start path and only records the request; the start-up checks
:attr:`StopSignals.received` between its steps, and once the event loop runs, the action
given to :meth:`StopSignals.on_stop` quits it. The handler never logs or writes anything:
it may run between any two bytecodes, even inside a write to the same file. No Qt here.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType

# SIGINT first: once SIGTERM shows as caught (/proc/PID/status), both are.
STOP = (signal.SIGINT, signal.SIGTERM)


class StopSignals:
    """Records SIGTERM and SIGINT from the moment it is made; see the module docstring."""

    def __init__(self) -> None:
        self.received: str | None = None
        self._action: Callable[[], None] | None = None
        self._previous = {number: signal.getsignal(number) for number in STOP}
        for number in STOP:
            signal.signal(number, self._handle)

    def restore(self) -> None:
        """Put the handlers from before back, for a command that is not a start.

        A signal that came meanwhile then takes its usual course: SIGTERM ends the
        process, SIGINT raises KeyboardInterrupt.
        """
        for number, previous in self._previous.items():
            signal.signal(number, signal.SIG_DFL if previous is None else previous)
        if self.received is not None:
            signal.raise_signal(signal.Signals[self.received])

    def requested(self) -> bool:
        """Whether SIGTERM or SIGINT has come (a method: it may change at any moment)."""
        return self.received is not None

    def on_stop(self, action: Callable[[], None] | None) -> None:
        """Call ``action`` at the next signal, and now if one came already; None: only record."""
        self._action = action
        if action is not None and self.received is not None:
            action()

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        self.received = signal.Signals(number).name
        if self._action is not None:
            self._action()
