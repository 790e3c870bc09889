"""The running app's control socket: one JSON request per connection, one JSON answer.

A local socket private to the user (its folder is 0700 and Qt restricts the socket to
the user). Malformed or oversized messages get an error answer or are dropped; they
never reach the app's logic.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from movebreak.paths import make_private_dir

log = logging.getLogger(__name__)
MAX_REQUEST = 64 * 1024
Handler = Callable[[str, dict[str, Any]], dict[str, Any]]


class ControlServer(QObject):
    """Listens on ``path`` and answers each command with ``handler(command, args)``."""

    def __init__(self, path: Path, handler: Handler):
        super().__init__()
        self._path = path
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A burst of CLI calls (scripts, a status bar polling) must queue, not time out:
        # Qt's own queue and the socket's listen backlog (50 by default) both hold 128.
        self._server.setMaxPendingConnections(128)
        self._server.setListenBacklogSize(128)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening, replacing a stale socket left by a crashed instance."""
        make_private_dir(self._path.parent)
        QLocalServer.removeServer(str(self._path))
        if not self._server.listen(str(self._path)):
            log.warning("control.unavailable %s", self._server.errorString())
            return False
        return True

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = bytearray()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))

    def _read(self, connection: QLocalSocket) -> None:
        buffer = self._buffers.get(connection)
        if buffer is None:
            return
        buffer += bytes(connection.readAll().data())
        if len(buffer) > MAX_REQUEST:
            log.warning("control.refused oversized request")
            self._answer(connection, {"ok": False, "error": "request too large"})
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
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

    def _answer(self, connection: QLocalSocket, answer: dict[str, Any]) -> None:
        self._buffers.pop(connection, None)
        connection.write((json.dumps(answer) + "\n").encode("utf-8"))
        connection.flush()
        connection.disconnectFromServer()

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()
