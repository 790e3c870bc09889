"""Privacy, proven on a real desktop: no typed text stored, private files, no network.

The real app runs with its own profile (HOME and every XDG folder in a temporary
folder) while xdotool types a unique secret into another window. The secret must then
be nowhere in the profile, in any encoding, while the app runs and after it quits; the
window typed into does hold it, so the search demonstrably finds what is there.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import Desktop, RunningApp
from tests.e2e.test_prompts import open_typing_target, prompt_visible, typed
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

REVIEW_TITLE = "movebreak: today's movement"
# natural_break sets the sampling interval (a tenth, at least 1 s): sample every second.
PYNPUT = '[breaks]\nnatural_break = "10s"\n\n[activity]\nsource = "pynput"\n'
NET_TABLES = ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6")


@dataclass
class Profile:
    """The isolated profile and the paths the test itself made in it."""

    home: Path
    env: dict[str, str]
    made_by_test: frozenset[Path]


def make_profile(desktop: Desktop, root: Path, config: str | None) -> Profile:
    """HOME and every XDG folder under ``root``; ``config`` None: the app's first start."""
    home = root / "home"
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700)  # as the login manager makes it
    made = {runtime}
    if config is not None:
        config_file = home / "config" / "movebreak" / "config.toml"
        config_file.parent.mkdir(parents=True)
        config_file.write_text(config, encoding="utf-8")
        made |= {config_file, config_file.parent, config_file.parent.parent}
    env = desktop.env | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "LC_ALL": "C.UTF-8",  # window titles and menu entries in English, as matched here
        "LANGUAGE": "en",
    }
    return Profile(home, env, frozenset(made))


@pytest.fixture
def start_app(desktop: Desktop) -> Iterator[Callable[[Profile], RunningApp]]:
    """Start the installed ``movebreak`` in ``profile``; killed at the end if still running."""
    started: list[RunningApp] = []

    def start(profile: Profile) -> RunningApp:
        command = Path(sys.executable).with_name("movebreak")
        process = subprocess.Popen(
            [str(command)],
            env=profile.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        app = RunningApp(process, profile.home, profile.env)
        started.append(app)
        app.wait_log("app.ready")
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
            app.process.communicate(timeout=10)


def status(app: RunningApp) -> dict[str, object]:
    answer: dict[str, object] = json.loads(app.cli("status", "--json").stdout)
    return answer


def idle_seconds(app: RunningApp) -> int:
    return int(str(status(app)["idle_seconds"]))


# --- where a secret could hide ---


def spellings(secret: str) -> dict[str, re.Pattern[bytes]]:
    """The secret as bytes in the encodings and shapes a leak could take."""
    hex_part = secret.rsplit("-", 1)[1]
    keys = [char.encode() for char in hex_part[:16]]
    return {
        "utf-8": re.compile(re.escape(secret.encode())),
        "utf-16-le": re.compile(re.escape(secret.encode("utf-16-le"))),
        "utf-16-be": re.compile(re.escape(secret.encode("utf-16-be"))),
        "hex part": re.compile(re.escape(hex_part.encode()), re.IGNORECASE),
        # one key at a time, each in the same wrapping, as a key logger's records would
        # hold them ("key 'a'\nkey 'b'", "Key.a, Key.b", ...)
        "key by key": re.compile(
            re.escape(keys[0]) + b"(.{1,40}?)" + rb"(?:\1)".join(re.escape(k) for k in keys[1:]),
            re.DOTALL,
        ),
    }


def files_under(*roots: Path, since: float | None = None) -> Iterator[Path]:
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    info = path.lstat()
                except OSError:
                    continue  # gone meanwhile (another program's temporary file)
                if not stat.S_ISREG(info.st_mode) or info.st_size > 50_000_000:
                    continue
                if since is None or info.st_mtime >= since:
                    yield path


def leaks(secret: str, paths: Iterable[Path], extra: dict[str, bytes] | None = None) -> list[str]:
    """Every file (or named blob) that holds the secret in any spelling."""
    blobs = dict(extra or {})
    for path in paths:
        try:
            blobs[str(path)] = path.read_bytes()
        except OSError:
            continue  # gone meanwhile
    patterns = spellings(secret)
    return [
        f"{name} ({how})"
        for name, data in blobs.items()
        for how, pattern in patterns.items()
        if pattern.search(data)
    ]


# --- network ---


def socket_inodes(pid: int) -> set[int]:
    """Inodes of every socket the process (and any child) holds open."""
    pids = {pid} | {
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and _parent_of(entry) == pid
    }
    inodes = set()
    for owner in pids:
        for fd in Path(f"/proc/{owner}/fd").iterdir():
            try:
                target = str(fd.readlink())
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(int(target[len("socket:[") : -1]))
    return inodes


def _parent_of(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def network_inodes(pid: int) -> set[int]:
    """Inodes of every TCP, UDP and raw socket in the process's network namespace."""
    inodes = set()
    for table in NET_TABLES:
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            inodes.add(int(line.split()[9]))
    return inodes


def network_sockets_of(pid: int) -> set[int]:
    mine = socket_inodes(pid)
    assert mine, "the app holds no socket at all: the /proc reading is broken"
    return mine & network_inodes(pid)


def require_proc() -> None:
    """Sockets are read from Linux's /proc; like the desktop, skip without it, fail in CI."""
    if Path("/proc/self/net/tcp").exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("the privacy checks read /proc/<pid>/fd and /proc/net (Linux)")
    pytest.skip("the privacy checks read /proc/<pid>/fd and /proc/net (Linux)")


def test_the_network_check_sees_a_real_network_socket() -> None:
    """The check below must be able to fail: a TCP socket of ours is found."""
    require_proc()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        probe.listen()
        assert network_sockets_of(os.getpid())


# --- the tray menu, as a user reaches the review ---


def open_review_from_the_tray(desktop: Desktop) -> None:
    icon = ""
    for panel in desktop.run("xdotool", "search", "--class", "trayer").split():
        found = re.search(
            r'(0x[0-9a-f]+) "movebreak": \("movebreak"',
            desktop.run("xwininfo", "-tree", "-id", panel),
        )
        icon = found.group(1) if found else icon
    assert icon, "no movebreak icon in the tray host"

    def visible() -> set[str]:
        return set(
            desktop.run("xdotool", "search", "--onlyvisible", "--class", "movebreak").split()
        )

    before = visible()
    desktop.run("xdotool", "mousemove", "--window", icon, "8", "8", "click", "1")
    wait_for(lambda: bool(visible() - before), "the tray menu", 10)
    # Take a break now, Pause prompts, I'm standing, Today's movement…
    desktop.run("xdotool", "key", "Down", "Down", "Down", "Down", "Return")
    wait_for(
        lambda: bool(desktop.run("xdotool", "search", "--onlyvisible", "--name", REVIEW_TITLE)),
        "the review window",
        15,
    )


# --- the proofs ---


@pytest.mark.parametrize("config", [PYNPUT, None], ids=["pynput", "first-start-auto"])
def test_typed_text_is_stored_nowhere_files_are_private_and_no_network_is_used(
    desktop: Desktop,
    start_app: Callable[[Profile], RunningApp],
    tmp_path: Path,
    own_processes: Callable[..., object],
    config: str | None,
) -> None:
    require_proc()
    secret = f"mb-secret-{uuid.uuid4().hex}"
    window, typed_file = open_typing_target(desktop, own_processes, tmp_path)
    profile = make_profile(desktop, tmp_path / "profile", config)
    started = time.time()
    app = start_app(profile)
    expected_source = "pynput" if config else "x11-idle"
    assert f"activity_source={expected_source}" in app.log()
    pid = app.process.pid
    assert network_sockets_of(pid) == set()

    # The user types while the app watches; the app must notice the input itself: the
    # idle time it reports only falls when it sees input. It samples every second with
    # natural_break = "10s", every 15 s with the default.
    quiet = 3 if config else 20
    wait_for(lambda: idle_seconds(app) >= quiet, "a quiet moment before typing", quiet + 20)
    desktop.run("xdotool", "windowactivate", "--sync", window)
    desktop.run("xdotool", "type", "--delay", "15", secret)
    wait_for(lambda: secret in typed(typed_file), "the secret in the typing target")
    wait_for(lambda: idle_seconds(app) < quiet, "the app to see the typing", 20)

    # A prompt comes and is done while the user types on; that writes to the journal.
    assert app.cli("break-now").returncode == 0
    wait_for(lambda: prompt_visible(desktop), "the prompt")
    desktop.run("xdotool", "windowactivate", "--sync", window)
    desktop.run("xdotool", "type", "--delay", "15", f" {secret}")
    wait_for(lambda: typed(typed_file).count(secret) == 2, "the secret typed again")
    assert network_sockets_of(pid) == set()
    assert app.cli("done").returncode == 0

    open_review_from_the_tray(desktop)
    assert network_sockets_of(pid) == set()
    # Not even able to: no TLS library in memory (the app keeps Python's ssl out).
    maps = Path(f"/proc/{pid}/maps").read_text()
    assert "libssl" not in maps
    assert "_ssl." not in maps

    # While it runs: the SQLite write-ahead log and shared memory files exist now.
    running_files = list(files_under(profile.home))
    assert any(path.name.endswith("-wal") for path in running_files)
    assert leaks(secret, running_files) == []

    app.process.send_signal(signal.SIGTERM)
    output, _ = app.process.communicate(timeout=20)
    assert app.process.returncode == 0, output

    # The search can find the secret: the window typed into wrote it to its own file.
    assert leaks(secret, [typed_file]) != []
    assert leaks(secret, files_under(profile.home), {"the app's output": output.encode()}) == []
    assert "app.quit" in app.log()  # the log was searched, and it is complete
    elsewhere = files_under(Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"), since=started)
    assert leaks(secret, (path for path in elsewhere if path != typed_file)) == []

    # Everything the app made is the user's alone.
    made = sorted(set(profile.home.rglob("*")) - profile.made_by_test)
    assert made, "the app made no files at all"
    shared = [
        f"{oct(stat.S_IMODE(path.lstat().st_mode))} {path.relative_to(profile.home)}"
        for path in made
        if stat.S_IMODE(path.lstat().st_mode) != (0o700 if path.is_dir() else 0o600)
    ]
    assert shared == []
