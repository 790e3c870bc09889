"""Two computers synced by a real Syncthing: the same day on both, the stretch follows.

Two Syncthing instances (Debian's ``syncthing``) run on loopback, each with its own home,
its own ports on 127.0.0.1 and the other's device id and explicit address in its config;
no relays, no global or local discovery, no NAT, no usage reporting, no upgrades, GUI and
REST on 127.0.0.1 only. They share one folder, each instance its own copy of it. Two
movebreak profiles point at those copies: A on the session's X desktop, B on an X server
of its own, each with real input from xdotool.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from movebreak.adapters.sync_folder import device_id
from tests.e2e.conftest import Desktop, RunningApp, _start_xvfb
from tests.e2e.test_privacy import network_sockets_of, require_proc
from tests.waiting import wait_for

FOLDER_ID = "movebreak"


def _require_syncthing() -> str:
    found = shutil.which("syncthing")
    if found is not None:
        return found
    message = "the two-computer test needs Syncthing (Debian package syncthing; see .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Syncthing:
    """One Syncthing instance, reachable over its REST API on loopback."""

    name: str
    home: Path
    folder: Path
    gui_port: int
    sync_port: int
    api_key: str
    device: str = ""
    process: subprocess.Popen[bytes] | None = None

    def rest(self, method: str, path: str, body: object | None = None) -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
        with direct.open(request, timeout=10) as answer:
            text = answer.read().decode()
        return json.loads(text) if text.strip() else None

    def up(self) -> bool:
        try:
            return self.rest("GET", "/rest/system/ping") == {"ping": "pong"}
        except OSError:
            return False

    def connected_to(self, other: Syncthing) -> bool:
        connections = self.rest("GET", "/rest/system/connections")
        assert isinstance(connections, dict)
        return bool(connections["connections"].get(other.device, {}).get("connected"))

    def scan(self) -> None:
        self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")


def _generate(binary: str, st: Syncthing, env: dict[str, str]) -> None:
    subprocess.run(
        [binary, "generate", f"--home={st.home}", "--no-default-folder", "--skip-port-probing"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    config = ET.parse(st.home / "config.xml")
    device = config.getroot().find("device")
    assert device is not None
    st.device = device.attrib["id"]


def _configure(st: Syncthing, other: Syncthing) -> None:
    """Loopback only, nothing phoning home, the other device by its explicit address."""
    path = st.home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    gui = root.find("gui")
    assert gui is not None
    gui.find("address").text = f"127.0.0.1:{st.gui_port}"  # type: ignore[union-attr]
    gui.find("apikey").text = st.api_key  # type: ignore[union-attr]
    options = root.find("options")
    assert options is not None
    for key, value in {
        "listenAddress": f"tcp://127.0.0.1:{st.sync_port}",
        "globalAnnounceEnabled": "false",
        "localAnnounceEnabled": "false",
        "relaysEnabled": "false",
        "natEnabled": "false",
        "urAccepted": "-1",
        "autoUpgradeIntervalH": "0",
        "startBrowser": "false",
        "crashReportingEnabled": "false",
        "reconnectionIntervalS": "2",
        "stunServer": "",
    }.items():
        element = options.find(key)
        if element is None:
            element = ET.SubElement(options, key)
        element.text = value
    mine = root.find("device")
    assert mine is not None
    peer = ET.fromstring(ET.tostring(mine))
    peer.attrib.update({"id": other.device, "name": other.name})
    address = peer.find("address")
    assert address is not None
    address.text = f"tcp://127.0.0.1:{other.sync_port}"
    root.insert(list(root).index(mine) + 1, peer)
    defaults = root.find("defaults/folder")
    assert defaults is not None
    folder = ET.fromstring(ET.tostring(defaults))
    folder.attrib.update(
        {
            "id": FOLDER_ID,
            "label": FOLDER_ID,
            "path": str(st.folder),
            "fsWatcherEnabled": "true",
            "fsWatcherDelayS": "1",
            "rescanIntervalS": "10",
        }
    )
    shared_with = ET.SubElement(folder, "device", {"id": other.device, "introducedBy": ""})
    ET.SubElement(shared_with, "encryptionPassword")
    root.insert(0, folder)
    tree.write(path)


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing]]:
    binary = _require_syncthing()
    pair = []
    for name in ("computer-a", "computer-b"):
        folder = tmp_path / f"Sync-{name}" / "movebreak"
        folder.mkdir(parents=True)
        pair.append(
            Syncthing(
                name,
                tmp_path / f"syncthing-{name}",
                folder,
                _free_port(),
                _free_port(),
                secrets.token_hex(16),
            )
        )
    a, b = pair
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALL_PROXY", "HTTP"))}
    env |= {"STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "HOME": str(tmp_path)}
    for st in pair:
        _generate(binary, st, env)
    _configure(a, b)
    _configure(b, a)
    try:
        for st in pair:
            st.process = subprocess.Popen(
                [
                    binary,
                    "serve",
                    f"--home={st.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                    f"--logfile={st.home / 'syncthing.log'}",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        wait_for(lambda: a.up() and b.up(), "both Syncthing instances", 60)
        for st in pair:  # as configured: loopback only, nothing reaching out
            options = st.rest("GET", "/rest/config/options")
            assert isinstance(options, dict)
            assert options["listenAddresses"] == [f"tcp://127.0.0.1:{st.sync_port}"]
            assert not options["globalAnnounceEnabled"]
            assert not options["localAnnounceEnabled"]
            assert not options["relaysEnabled"]
            assert not options["natEnabled"]
            assert options["urAccepted"] == -1
            assert options["autoUpgradeIntervalH"] == 0
        wait_for(lambda: a.connected_to(b) and b.connected_to(a), "the two to connect", 60)
        yield a, b
    finally:
        for st in pair:
            if st.process is not None and st.process.poll() is None:
                try:
                    st.rest("POST", "/rest/system/shutdown")
                except OSError:
                    st.process.terminate()
        for st in pair:
            if st.process is not None:
                try:
                    st.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    st.process.kill()
                    st.process.wait(timeout=10)


def _profile(root: Path, folder: Path, name: str, base_env: dict[str, str]) -> dict[str, str]:
    env = base_env | {
        "HOME": str(root),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "XDG_RUNTIME_DIR": str(root / "runtime"),
    }
    (root / "runtime").mkdir(parents=True, mode=0o700)
    config = root / "config" / "movebreak"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(
        f'[activity]\nsource = "x11-idle"\n[sync]\nfolder = "{folder}"\ndevice_name = "{name}"\n',
        encoding="utf-8",
    )
    return env


def _start_app(env: dict[str, str], home: Path) -> RunningApp:
    command = Path(sys.executable).with_name("movebreak")
    process = subprocess.Popen(
        [str(command)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    app = RunningApp(process, home, env)
    app.wait_log("app.ready")
    return app


def _keep_typing(env: dict[str, str]) -> None:
    subprocess.run(
        ["xdotool", "mousemove_relative", "--", "3", "1"], env=env, check=False, timeout=10
    )


def _stats(app_env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("movebreak")), "stats", "--json"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def test_two_computers_through_syncthing_share_the_day_and_the_seated_stretch(
    desktop: Desktop, syncthing_pair: tuple[Syncthing, Syncthing], tmp_path: Path
) -> None:
    st_a, st_b = syncthing_pair
    env_a = _profile(tmp_path / "profile-a", st_a.folder, "laptop", desktop.env)
    xvfb_b, display_b = _start_xvfb(desktop.env)  # computer B: its own screen and input
    env_b = _profile(tmp_path / "profile-b", st_b.folder, "desktop", desktop.env)
    env_b["DISPLAY"] = display_b
    apps: list[RunningApp] = []
    try:
        # A: the person sits at the laptop, moving the mouse, and logs a walk.
        app_a = _start_app(env_a, tmp_path / "profile-a")
        apps.append(app_a)
        started_a = time.time()
        _keep_typing(env_a)
        assert app_a.cli("log", "12m", "walk").returncode == 0
        id_a = device_id(tmp_path / "profile-a" / "data" / "movebreak")
        mine_on_b = st_b.folder / id_a

        def synced() -> bool:
            _keep_typing(env_a)
            st_a.scan()
            texts = [p.read_text() for p in mine_on_b.glob("events-*.jsonl")]
            walked = any('"name":"walk"' in t for t in texts)
            return walked and (mine_on_b / "presence.json").exists()

        wait_for(synced, "A's journal and presence to reach B through Syncthing", 90)
        # B's stats, without B's app: A's minutes, each once, and from which computer.
        day = _stats(env_b)
        assert day["movement_minutes"] == 12.0
        devices = day["devices"]
        assert isinstance(devices, list)
        assert {(d["name"], d["movement_minutes"]) for d in devices} >= {("laptop", 12.0)}
        # Again after Syncthing rescans and re-sends: still once.
        st_a.scan()
        st_b.scan()
        assert _stats(env_b)["movement_minutes"] == 12.0

        # The person moves to the desktop within a natural break: B's seated time goes on
        # from when they sat down at A, instead of from zero.
        for _ in range(10):
            _keep_typing(env_a)
            time.sleep(2)
        app_b = _start_app(env_b, tmp_path / "profile-b")
        apps.append(app_b)
        started_b = time.time()

        def carried() -> bool:
            _keep_typing(env_b)
            return "stretch.carried" in app_b.log()

        wait_for(carried, "B to carry on A's seated stretch", 60)
        _keep_typing(env_b)
        status = json.loads(app_b.cli("status", "--json").stdout)
        since_a, since_b = time.time() - started_a, time.time() - started_b
        assert status["state"] == "seated"
        assert status["seated_seconds"] > since_b + 15, (status, since_a, since_b)
        assert status["seated_seconds"] <= since_a + 2
        # And A's walk shows in B's own review data and stats with the app running.
        day = _stats(env_b)
        assert day["movement_minutes"] == 12.0
        devices = day["devices"]
        assert isinstance(devices, list)
        assert {d["name"] for d in devices} >= {"laptop", "desktop"}
        # Syncthing did the network; movebreak, sharing all along, held no TCP/UDP socket.
        require_proc()
        for app in apps:
            assert network_sockets_of(app.process.pid) == set()
        for app in apps:
            assert app.quit() == 0
        # What the folder holds: only times, ids and minutes, files private to the user.
        id_b = device_id(tmp_path / "profile-b" / "data" / "movebreak")

        def both_everywhere() -> bool:
            st_a.scan()
            st_b.scan()
            return all(
                {p.name for p in copy.iterdir() if not p.name.startswith(".st")} == {id_a, id_b}
                for copy in (st_a.folder, st_b.folder)
            )

        wait_for(both_everywhere, "each device's folder in both copies", 60)
        for copy in (st_a.folder, st_b.folder):
            for path in (copy / id_a).iterdir():
                assert path.suffix in {".json", ".jsonl"}, path
                assert oct(path.stat().st_mode & 0o777) == oct(0o600), path
    finally:
        for app in apps:
            if app.process.poll() is None:
                app.process.kill()
                app.process.communicate(timeout=10)
        xvfb_b.terminate()
        xvfb_b.wait(timeout=10)
