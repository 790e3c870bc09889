"""Unix signals for a Qt app: the event loop wakes for them, even while it sleeps."""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWaker(QObject):
    """Lets Python's signal handlers run while Qt's loop sleeps.

    A Python signal handler only runs when the interpreter gets control, which an idle Qt
    loop never gives it; the wake-up fd makes the loop notice the signal, and running the
    notifier's slot runs the handler (``stop_signals.StopSignals``, which quits the loop).
    """

    def __init__(self) -> None:
        super().__init__()
        self._reader, writer = socket.socketpair()
        self._reader.setblocking(False)
        writer.setblocking(False)
        self._writer = writer
        signal.set_wakeup_fd(writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def close(self) -> None:
        """Stop listening for signals (at quit)."""
        signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
