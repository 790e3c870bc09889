"""The control socket for real: a Qt server in the test's event loop, the CLI's client."""

import os
import socket
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.control_server import MAX_REQUEST, ControlServer
from movebreak.cli.control_client import NotRunningError, request


def serve(tmp_path: Path) -> tuple[ControlServer, Path, list[tuple[str, dict[str, Any]]]]:
    seen: list[tuple[str, dict[str, Any]]] = []

    def handler(command: str, args: dict[str, Any]) -> dict[str, Any]:
        seen.append((command, args))
        if command == "boom":
            raise RuntimeError("handler bug")
        return {"ok": True, "status": {"state": "seated"}}

    path = tmp_path / "run" / "control.sock"
    server = ControlServer(path, handler)
    assert server.listen()
    return server, path, seen


def in_thread(qtbot: QtBot, work: Any) -> Any:
    """Run a blocking client call while the Qt loop serves it."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    return result[0]


def raw(path: Path, payload: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX) as connection:
        connection.settimeout(5)
        connection.connect(str(path))
        connection.sendall(payload)
        return connection.recv(65536)


def test_a_request_gets_an_answer(qtbot: QtBot, tmp_path: Path) -> None:
    server, path, seen = serve(tmp_path)
    answer = in_thread(qtbot, lambda: request(path, "pause", {"seconds": 60}))
    assert answer == {"ok": True, "status": {"state": "seated"}}
    assert seen == [("pause", {"seconds": 60})]
    server.close()


def test_the_socket_is_private(qtbot: QtBot, tmp_path: Path) -> None:
    server, path, _ = serve(tmp_path)
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    server.close()


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (b"not json\n", "not a JSON request"),
        (b"[1, 2]\n", "a request is an object with a 'command'"),
        (b'{"command": "x", "args": 3}\n', "'args' must be an object"),
        (b"\xff\xfe\n", "not a JSON request"),
        (b'{"command": "boom"}\n', "internal error; see the log"),
        (b"x" * (MAX_REQUEST + 10), "request too large"),
    ],
)
def test_malformed_requests_are_refused_and_the_server_goes_on(
    qtbot: QtBot, tmp_path: Path, payload: bytes, error: str
) -> None:
    server, path, _ = serve(tmp_path)
    answer = in_thread(qtbot, lambda: raw(path, payload))
    assert error in answer.decode()
    assert in_thread(qtbot, lambda: request(path, "status"))["ok"] is True
    server.close()


def test_no_server_means_not_running(tmp_path: Path) -> None:
    with pytest.raises(NotRunningError):
        request(tmp_path / "nothing.sock", "status")


def test_a_stale_socket_from_a_crash_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "run" / "control.sock"
    path.parent.mkdir(mode=0o700)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    server, path, _ = serve(tmp_path)
    assert in_thread(qtbot, lambda: request(path, "status"))["ok"] is True
    server.close()


def test_closing_removes_the_socket_so_the_cli_says_not_running(
    qtbot: QtBot, tmp_path: Path
) -> None:
    server, path, _ = serve(tmp_path)
    server.close()
    assert not path.exists()
    with pytest.raises(NotRunningError):
        request(path, "status")


def test_a_burst_of_clients_at_once_is_answered_in_full(qtbot: QtBot, tmp_path: Path) -> None:
    """A script or a status bar firing many calls at once: each gets its answer."""
    server, path, seen = serve(tmp_path)
    answers: list[Any] = []

    def many() -> None:
        threads = [
            threading.Thread(target=lambda i=i: answers.append(request(path, "status", {"i": i})))
            for i in range(100)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    in_thread(qtbot, many)
    assert len(answers) == 100
    assert all(answer["ok"] for answer in answers)
    assert sorted(args["i"] for _, args in seen) == list(range(100))
    server.close()


def test_a_client_that_sends_half_a_request_and_leaves_is_forgotten(
    qtbot: QtBot, tmp_path: Path
) -> None:
    server, path, seen = serve(tmp_path)

    def half() -> None:
        with socket.socket(socket.AF_UNIX) as connection:
            connection.connect(str(path))
            connection.sendall(b'{"command": "sta')

    in_thread(qtbot, half)
    assert in_thread(qtbot, lambda: request(path, "status"))["ok"] is True
    assert seen == [("status", {})]
    server.close()


def test_a_client_that_connects_and_says_nothing_is_dropped_after_the_timeout(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A stuck script must not hold a descriptor (and the server's attention) for ever."""
    path = tmp_path / "run" / "control.sock"
    server = ControlServer(path, lambda command, args: {"ok": True}, timeout=0.3)
    assert server.listen()

    def silent() -> bytes:
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(5)
            connection.connect(str(path))
            return connection.recv(100)  # b"" once the server hangs up

    started = time.monotonic()
    assert in_thread(qtbot, silent) == b""
    assert time.monotonic() - started < 3
    assert in_thread(qtbot, lambda: request(path, "status"))["ok"] is True
    server.close()
