"""The running app's control socket: one JSON request per connection, one JSON answer.

A Unix socket private to the user (its folder is 0700, the socket 0600), served from the
Qt event loop with a QSocketNotifier per connection: no thread, and no QtNetwork, which
would cost about 3 MB of resident memory for what a plain socket does. Malformed or
oversized messages get an error answer or are dropped; they never reach the app's logic.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from movebreak.adapters.paths import make_private_dir

log = logging.getLogger(__name__)
MAX_REQUEST = 64 * 1024
# A burst of CLI calls (scripts, a status bar polling) must queue, not be refused.
BACKLOG = 128
# The command line sends its request at once; a connection silent this long is dropped,
# so stuck clients cannot pile up open descriptors.
CONNECTION_TIMEOUT = 5.0
Handler = Callable[[str, dict[str, Any]], dict[str, Any]]


class _Connection:
    """One client: its socket, what it sent so far, and the notifier that wakes us."""

    __slots__ = ("buffer", "notifier", "opened", "socket")

    def __init__(self, connection: socket.socket, notifier: QSocketNotifier):
        self.socket = connection
        self.notifier = notifier
        self.buffer = bytearray()
        self.opened = time.monotonic()


class ControlServer(QObject):
    """Listens on ``path`` and answers each command with ``handler(command, args)``."""

    def __init__(self, path: Path, handler: Handler, *, timeout: float = CONNECTION_TIMEOUT):
        super().__init__()
        self._path = path
        self._handler = handler
        self._timeout = timeout
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._connections: dict[int, _Connection] = {}
        # Runs only while connections are open: no wake-ups the rest of the day.
        self._sweeper = QTimer(self)
        self._sweeper.setInterval(max(int(timeout * 1000), 1))
        self._sweeper.timeout.connect(self._drop_silent)

    def listen(self) -> bool:
        """Start listening, replacing a stale socket left by a crashed instance.

        The start holds the instance lock (``adapters.instance_lock``) before it gets here,
        so no other instance is running on this profile: what is left at ``path`` is a
        dead one's.
        """
        if not hasattr(socket, "AF_UNIX"):  # the command-line client needs it too
            log.warning("control.unavailable no Unix sockets on this system")
            return False
        make_private_dir(self._path.parent)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with contextlib.suppress(FileNotFoundError):
                self._path.unlink()
            listener.bind(str(self._path))
            self._path.chmod(0o600)  # the folder already keeps others out
            listener.listen(BACKLOG)
            listener.setblocking(False)
        except OSError as error:
            listener.close()
            log.warning("control.unavailable %s", error)
            return False
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def close(self) -> None:
        """Stop listening, drop open connections and remove the socket file."""
        for connection in list(self._connections.values()):
            self._drop(connection)
        self._sweeper.stop()
        if self._listener is not None:
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
                self._notifier = None
            self._listener.close()
            self._listener = None
            with contextlib.suppress(OSError):
                self._path.unlink()

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                connection, _ = self._listener.accept()
            except BlockingIOError:
                return  # every waiting client taken
            except OSError as error:  # out of file descriptors, say: pause, then retry
                # The notifier would fire again at once while the client waits: a busy loop.
                log.warning("control.accept_failed %s", error)
                if self._notifier is not None:
                    self._notifier.setEnabled(False)
                    QTimer.singleShot(1000, self._accept_again)
                return
            connection.setblocking(False)
            fd = connection.fileno()
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._connections[fd] = _Connection(connection, notifier)
            # A bound method, not a lambda holding ``self``: such a cycle through a Qt
            # object is collected whenever Python's GC runs, even in the middle of Qt's
            # event dispatch (a segfault seen once in ten test runs).
            notifier.activated.connect(self._on_readable)
            if not self._sweeper.isActive():
                self._sweeper.start()

    def _accept_again(self) -> None:
        if self._notifier is not None and self._listener is not None:
            self._notifier.setEnabled(True)
            self._accept()

    def _drop_silent(self) -> None:
        deadline = time.monotonic() - self._timeout
        for connection in list(self._connections.values()):
            if connection.opened <= deadline:
                log.warning("control.dropped a connection silent for %.0f s", self._timeout)
                self._drop(connection)
        if not self._connections:
            self._sweeper.stop()

    def _on_readable(self) -> None:
        notifier = self.sender()
        if isinstance(notifier, QSocketNotifier):
            self._read(int(notifier.socket()))

    def _read(self, fd: int) -> None:
        connection = self._connections.get(fd)
        if connection is None:
            return
        try:
            chunk = connection.socket.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            self._drop(connection)
            return
        if not chunk:  # the client gave up before a whole request
            self._drop(connection)
            return
        connection.buffer += chunk
        if len(connection.buffer) > MAX_REQUEST:
            log.warning("control.refused oversized request")
            self._answer(connection, {"ok": False, "error": "request too large"})
            return
        if b"\n" not in connection.buffer:
            return
        line = bytes(connection.buffer.split(b"\n", 1)[0])
        self._answer(connection, self._dispatch(line))

    def _dispatch(self, line: bytes) -> dict[str, Any]:
        try:
            request = json.loads(line.decode("utf-8"))
        # ValueError: bad UTF-8, bad JSON or a number thousands of digits long;
        # RecursionError: arrays or objects nested thousands deep.
        except (ValueError, RecursionError):
            return {"ok": False, "error": "not a JSON request"}
        if not isinstance(request, dict) or not isinstance(request.get("command"), str):
            return {"ok": False, "error": "a request is an object with a 'command'"}
        args = request.get("args", {})
        if not isinstance(args, dict):
            return {"ok": False, "error": "'args' must be an object"}
        try:
            return self._handler(request["command"], args)
        except Exception:  # one bad request must not take the app down
            log.exception("control.error command=%s", request["command"][:40])
            return {"ok": False, "error": "internal error; see the log"}

    def _answer(self, connection: _Connection, answer: dict[str, Any]) -> None:
        data = (json.dumps(answer) + "\n").encode("utf-8")
        try:
            # An answer is a few hundred bytes and the socket's buffer holds far more,
            # so this does not block; a client that stopped reading only loses its answer.
            sent = connection.socket.send(data)
            if sent < len(data):
                log.warning("control.answer_cut %d of %d bytes", sent, len(data))
        except OSError as error:
            log.warning("control.answer_failed %s", error)
        self._drop(connection)

    def _drop(self, connection: _Connection) -> None:
        self._connections.pop(connection.socket.fileno(), None)
        connection.notifier.setEnabled(False)
        # Not deleted here: this may run inside the notifier's own signal.
        connection.notifier.deleteLater()
        with contextlib.suppress(OSError):
            connection.socket.shutdown(socket.SHUT_RDWR)
        connection.socket.close()
