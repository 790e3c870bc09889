"""Unix signals for a Qt app: SIGTERM and SIGINT quit it cleanly, even while it sleeps."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class SignalWaker(QObject):
    """Lets SIGTERM and SIGINT quit the app while Qt's loop sleeps.

    A Python signal handler only runs when the interpreter gets control, which an idle Qt
    loop never gives it; the wake-up fd makes the loop notice the signal.
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
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, self._quit)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def _quit(self, number: int, _frame: object) -> None:
        log.info("app.signal %s", signal.Signals(number).name)
        QApplication.quit()

    def close(self) -> None:
        """Stop listening for signals (at quit)."""
        signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
