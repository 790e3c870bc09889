"""One instance per profile, without a race: the real app started many times at once.

Twenty ``python -m movebreak`` processes on one profile are held at a gate (each has
started its interpreter and waits on its stdin) and released together, so they race
through the start as twenty clicks on the launcher in the same instant would. Exactly one
must stay and answer; every other must say that one is running and exit 0. A lock or a
socket left behind by an instance killed with SIGKILL must never stop the next start.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from movebreak.adapters.paths import AppPaths
from movebreak.cli.control_client import NotRunningError, request
from tests.test_crash import app_env
from tests.waiting import wait_for

LAUNCHES = 20
# Waits on stdin, then runs the real entry point exactly as ``python -m movebreak`` does.
GATED = (
    "import os, runpy, sys; os.write(1, b'.'); os.read(0, 1); "
    "sys.argv = ['movebreak', *sys.argv[1:]]; runpy.run_module('movebreak', run_name='__main__')"
)


def answers(paths: AppPaths) -> bool:
    try:
        return bool(request(paths.control_socket, "status").get("ok"))
    except (NotRunningError, OSError, ValueError):
        return False


def start(root: Path, output: Path) -> subprocess.Popen[bytes]:
    with output.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "movebreak", "--data-dir", str(root)],
            env=app_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def test_twenty_launches_at_the_same_instant_leave_exactly_one(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    paths = AppPaths.under(root)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", GATED, "--data-dir", str(root)],
            env=app_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(LAUNCHES)
    ]
    try:
        for process in processes:  # every interpreter is up and waiting at the gate
            assert process.stdout is not None
            assert process.stdout.read(1) == b"."
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(b"\n")
            process.stdin.flush()
        deadline = time.monotonic() + 60
        while sum(p.poll() is None for p in processes) > 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # a second instance that got through would still be starting now
        running = [p for p in processes if p.poll() is None]
        assert len(running) == 1, f"{len(running)} instances running"
        for process in processes:
            if process is running[0]:
                continue
            said = process.communicate(timeout=30)[0].decode()
            assert process.returncode == 0, said
            assert "already running" in said, said
        wait_for(lambda: answers(paths), "the one instance to answer")
        running[0].send_signal(signal.SIGTERM)
        assert running[0].wait(timeout=30) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=30)
    log = paths.log_file.read_text(encoding="utf-8")
    assert log.count("app.start") == 1, "a second instance got as far as starting"
    assert "Traceback" not in log


def test_a_lock_and_socket_left_by_sigkill_never_block_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    paths = AppPaths.under(root)
    for round_ in range(3):
        output = tmp_path / f"output-{round_}.txt"
        process = start(root, output)
        try:
            wait_for(lambda: answers(paths), f"start {round_ + 1} to answer")
            assert process.poll() is None
            assert "already running" not in output.read_text()
            if round_ < 2:
                process.send_signal(signal.SIGKILL)
                assert process.wait(timeout=30) == -signal.SIGKILL
                # What a crash leaves: the socket file and the lock file, both still there.
                assert paths.control_socket.exists()
                assert (paths.runtime_dir / "instance.lock").exists()
                assert not answers(paths)
            else:
                process.send_signal(signal.SIGTERM)
                assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    assert oct((paths.runtime_dir / "instance.lock").stat().st_mode & 0o777) == "0o600"
    assert oct(paths.runtime_dir.stat().st_mode & 0o777) == "0o700"
