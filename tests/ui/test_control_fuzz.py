"""Fuzzing the control socket of a real app: bad requests get an error or are dropped.

Whatever arrives (random bytes, cut-off or deeply nested JSON, huge numbers, floods of
connections), the app answers with an error or closes the connection, keeps running, and
the next ``movebreak status`` works. Only the user who runs the app can connect.
"""

import contextlib
import errno
import json
import os
import socket
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from movebreak.adapters.control_server import MAX_REQUEST, ControlServer
from movebreak.app.application import MovebreakApp
from movebreak.cli.control_client import request
from tests.fakes import FakeClock
from tests.fuzzing import fuzz

REAL = ["status", "break-now", "done", "snooze", "skip", "resume", "pause", "posture"]


def traversable_folder() -> str:
    """A temporary folder every user can pass through (a locked-down /tmp is not)."""
    for candidate in (tempfile.gettempdir(), "/var/tmp", "/dev/shm"):
        folder = Path(candidate)
        chain = [folder, *folder.parents]
        if folder.is_dir() and all(stat.S_IMODE(p.stat().st_mode) & 0o001 for p in chain):
            return str(folder)
    raise AssertionError("no temporary folder other users can reach; cannot test refusal")


@pytest.fixture
def socket_path(app: MovebreakApp) -> Iterator[Path]:
    # A world-traversable parent, so that only the app's own folder and socket keep
    # other users out (tmp_path's parents are private to root already).
    base = Path(tempfile.mkdtemp(prefix="movebreak-control-", dir=traversable_folder()))
    base.chmod(0o755)
    path = base / "run" / "control.sock"
    server = ControlServer(path, app.handle)
    assert server.listen()
    yield path
    server.close()
    path.unlink(missing_ok=True)
    path.parent.rmdir()
    base.rmdir()


def in_thread(qtbot: QtBot, work: Callable[[], Any], timeout: int = 15_000) -> Any:
    """Run a blocking client while the Qt event loop serves it; return what it returned."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout)
    return result[0]


def send(path: Path, payload: bytes, *, read: bool = True) -> bytes:
    """Connect, send ``payload`` and return all the server sends back before closing."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(10)
        connection.connect(str(path))
        # The server may refuse the rest of an oversized request and hang up.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(payload)
        if not read:
            return b""
        connection.shutdown(socket.SHUT_WR)  # no more to say: the server sees the end
        received = bytearray()
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
        return bytes(received)


def answer_of(raw: bytes) -> dict[str, Any] | None:
    """The one JSON answer line in ``raw``, or None when the server just closed."""
    if not raw:
        return None
    line, newline, rest = raw.partition(b"\n")
    assert newline
    assert rest == b""
    answer = json.loads(line)
    assert isinstance(answer, dict)
    assert isinstance(answer["ok"], bool)
    if not answer["ok"]:
        assert isinstance(answer["error"], str)
        assert answer["error"]
    return answer


def still_serves(qtbot: QtBot, path: Path) -> dict[str, Any]:
    """A normal ``movebreak status`` after whatever came before."""
    answer: dict[str, Any] = in_thread(qtbot, lambda: request(path, "status"))
    assert answer["ok"] is True
    assert answer["status"]["state"] in {
        "seated", "standing", "away", "prompting", "snoozed", "paused",
    }  # fmt: skip
    return answer


def refused(qtbot: QtBot, path: Path, payload: bytes) -> str:
    """Send ``payload``; it must get an error answer. Returns the error."""
    answer = answer_of(in_thread(qtbot, lambda: send(path, payload)))
    assert answer is not None, "no answer"
    assert answer["ok"] is False
    error: str = answer["error"]
    return error


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
arguments = json_values | st.dictionaries(st.sampled_from(["seconds", "posture"]), json_values)
requests = st.fixed_dictionaries(
    {"command": st.sampled_from([*REAL, "", "STATUS", "quit", "rm -rf"]) | json_values},
    optional={"args": arguments},
)
garbage = st.one_of(
    st.binary(max_size=300).map(lambda data: data + b"\n"),
    st.builds(  # cut off part-way, then a newline
        lambda value, cut: json.dumps(value).encode()[:cut] + b"\n",
        requests,
        st.integers(min_value=0, max_value=60),
    ),
    json_values.filter(lambda value: not isinstance(value, dict)).map(
        lambda value: json.dumps(value).encode() + b"\n"
    ),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.characters())
    .map(lambda text: text.encode("utf-8", "surrogatepass") + b"\n"),
)  # fmt: skip


def may_succeed(payload: bytes) -> bool:
    """Whether ``payload`` is a well-formed request for a real command with usable args."""
    try:
        value = json.loads(payload.split(b"\n", 1)[0])
    except ValueError:
        return False
    if not isinstance(value, dict) or value.get("command") not in REAL:
        return False
    args = value.get("args", {})
    if not isinstance(args, dict):
        return False
    if value["command"] == "pause":
        seconds = args.get("seconds")
        return type(seconds) is int and seconds != 0
    if value["command"] == "posture":
        return args.get("posture") in ("seated", "standing")
    return True


@fuzz(150)
@given(garbage | requests.map(lambda value: json.dumps(value).encode() + b"\n"))
@example(b"[" * 60_000 + b"\n")  # nested deeper than Python's json recurses
@example(b'{"command": "pause", "args": {"seconds": ' + b"9" * 5000 + b"}}\n")
@example(b'{"command": "pause", "args": {"seconds": 1e999}}\n')
@example(b'{"command": "posture", "args": {"posture": ["seated"]}}\n')
@example(b'{"command": "\xed\xa0\x80"}\n')  # a lone surrogate, as bytes
def test_any_request_gets_a_clear_answer_and_the_app_serves_on(
    qtbot: QtBot, socket_path: Path, payload: bytes
) -> None:
    answer = answer_of(in_thread(qtbot, lambda: send(socket_path, payload)))
    assert answer is not None, "every complete line gets an answer"
    if answer["ok"]:
        assert may_succeed(payload)
    still_serves(qtbot, socket_path)


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * 60_000 + b"\n",
        b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"\n",
        b'{"command": "pause", "args": {"seconds": ' + b"9" * 5000 + b"}}\n",
    ],
    ids=["deep-array", "deep-object", "5000-digit-number"],
)
def test_json_that_python_cannot_decode_is_refused(
    qtbot: QtBot, socket_path: Path, payload: bytes
) -> None:
    assert refused(qtbot, socket_path, payload) == "not a JSON request"
    still_serves(qtbot, socket_path)


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("pause", {"seconds": "x"}),
        ("pause", {"seconds": 1e300}),
        ("pause", {"seconds": 1.5}),
        ("pause", {"seconds": True}),
        ("pause", {"seconds": None}),
        ("pause", {"seconds": 0}),
        ("pause", {"seconds": 10**30}),  # more than a date can hold
        ("pause", {}),
        ("posture", {"posture": "lying"}),
        ("posture", {"posture": "SEATED"}),
        ("posture", {"posture": ["seated"]}),
        ("posture", {}),
        ("nope", {}),
        ("x" * 50_000, {}),
    ],
)
def test_real_commands_with_wrong_args_are_refused_and_change_nothing(
    qtbot: QtBot, socket_path: Path, command: str, args: dict[str, Any]
) -> None:
    before = still_serves(qtbot, socket_path)["status"]
    payload = json.dumps({"command": command, "args": args}).encode() + b"\n"
    error = refused(qtbot, socket_path, payload)
    assert len(error) < 200  # a huge command name is not echoed back whole
    after = still_serves(qtbot, socket_path)["status"]
    assert after["state"] == before["state"]
    assert after["paused_until"] is None


def test_a_negative_pause_never_ends_in_the_past(
    qtbot: QtBot, socket_path: Path, clock: FakeClock
) -> None:
    payload = b'{"command": "pause", "args": {"seconds": -5}}\n'
    answer = answer_of(in_thread(qtbot, lambda: send(socket_path, payload)))
    assert answer is not None
    status = still_serves(qtbot, socket_path)["status"]
    if answer["ok"]:  # read as "until tomorrow", like -1
        assert status["state"] == "paused"
        until = datetime.fromisoformat(status["paused_until"])
        assert clock.now() < until <= clock.now() + timedelta(days=1, hours=1)
    else:
        assert status["paused_until"] is None


@pytest.mark.parametrize(
    "payload",
    [
        b"x" * (MAX_REQUEST + 1),
        b"x" * (4 * MAX_REQUEST) + b"\n",
        b'{"command": "status", "args": {"pad": "' + b"y" * MAX_REQUEST + b'"}}\n',
    ],
    ids=["no-newline", "4x-the-limit", "valid-but-huge"],
)
def test_an_oversized_request_is_refused(qtbot: QtBot, socket_path: Path, payload: bytes) -> None:
    assert refused(qtbot, socket_path, payload) == "request too large"
    still_serves(qtbot, socket_path)


def test_many_clients_at_once_all_get_answers(qtbot: QtBot, socket_path: Path) -> None:
    def crowd() -> list[Any]:
        answers: list[Any] = []
        workers = [
            threading.Thread(target=lambda: answers.append(request(socket_path, "status")))
            for _ in range(40)
        ] + [  # and as many that give up half-way through their request
            threading.Thread(target=lambda: send(socket_path, b'{"command": "sta', read=False))
            for _ in range(40)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
        return answers

    answers = in_thread(qtbot, crowd, timeout=60_000)
    assert len(answers) == 40
    assert all(answer["ok"] for answer in answers)
    still_serves(qtbot, socket_path)


def test_a_silent_or_dribbling_client_does_not_hold_up_others(
    qtbot: QtBot, socket_path: Path
) -> None:
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.connect(str(socket_path))
    dribbling = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dribbling.connect(str(socket_path))
    try:
        for piece in (b'{"comm', b'and": "st', b"atu"):
            dribbling.sendall(piece)
            still_serves(qtbot, socket_path)  # answered while the two hang on
        dribbling.sendall(b's"}\n')
        dribbling.settimeout(10)
        reply = in_thread(qtbot, lambda: dribbling.recv(65536))
        answer = answer_of(reply)
        assert answer is not None
        assert answer["ok"] is True
    finally:
        silent.close()
        dribbling.close()
    still_serves(qtbot, socket_path)


def test_clients_that_vanish_mid_request_do_not_stop_the_server(
    qtbot: QtBot, socket_path: Path
) -> None:
    def vanish(cut: int) -> bytes:
        return send(socket_path, b'{"command": "status"}'[:cut], read=False)

    for cut in (0, 5, 17):
        in_thread(qtbot, partial(vanish, cut))
        still_serves(qtbot, socket_path)


def test_the_socket_and_its_folder_are_private(socket_path: Path) -> None:
    assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(socket_path.stat().st_mode)
    assert stat.S_IMODE(socket_path.stat().st_mode) & 0o077 == 0


def connect_as(uid: int, path: Path) -> int:
    """Try to connect to ``path`` as ``uid`` from a forked child; return its errno (0: in)."""
    pid = os.fork()
    if pid == 0:  # the child: drop to the other user, try, and report by exit status
        code = 0
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.connect(str(path))
        except OSError as error:
            code = error.errno or 255
        os._exit(code)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.01)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    raise AssertionError("the other user's connection attempt hung")


@pytest.mark.skipif(
    not hasattr(os, "fork") or os.geteuid() != 0, reason="switching to another user needs root"
)
def test_another_user_cannot_connect(qtbot: QtBot, socket_path: Path) -> None:
    nobody = 65534
    assert connect_as(nobody, socket_path) == errno.EACCES
    # Even with the folder opened up, the socket itself keeps them out.
    socket_path.parent.chmod(0o755)
    try:
        assert connect_as(nobody, socket_path) == errno.EACCES
        # The check can tell: with the socket opened up as well, they would get in.
        socket_path.chmod(0o777)
        assert connect_as(nobody, socket_path) == 0
    finally:
        socket_path.parent.chmod(0o700)
    still_serves(qtbot, socket_path)
