"""Talks to the running app over its control socket, without loading Qt.

Used by the command-line subcommands (``movebreak status``) and by a second launch to find
the first, so both answer in milliseconds.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any


class NotRunningError(Exception):
    """No movebreak instance answers on the socket."""


def request(path: Path, command: str, args: dict[str, Any] | None = None) -> dict[str, Any]:
    """Send one command and return the app's answer.

    Raises:
        NotRunningError: nothing listens at ``path``.
    """
    if not hasattr(socket, "AF_UNIX"):
        raise NotRunningError("the control socket needs a POSIX system for now")
    payload = (json.dumps({"command": command, "args": args or {}}) + "\n").encode("utf-8")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(5.0)
        try:
            connection.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError) as error:
            raise NotRunningError(str(error)) from None
        connection.sendall(payload)
        received = bytearray()
        while b"\n" not in received:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
    if not received:
        raise NotRunningError("the app closed the connection without answering")
    answer: dict[str, Any] = json.loads(received.split(b"\n", 1)[0])
    return answer
