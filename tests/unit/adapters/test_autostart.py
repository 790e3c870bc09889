"""Start at login: the XDG entry for real; Windows and macOS on what they write.

The Linux entry is checked by desktop-file-validate and started both by a parser that
follows the Desktop Entry spec and by GLib's launcher (``gio launch``).
"""

import contextlib
import json
import os
import plistlib
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from movebreak import __version__
from movebreak.adapters.autostart import (
    RUN_KEY,
    RUN_VALUE,
    STARTUP_APPROVED_KEY,
    AutostartError,
    MacLaunchAgent,
    WindowsRunKey,
    WinregRegistry,
    XdgAutostart,
    autostart_for_platform,
    desktop_exec,
    launch_command,
)
from movebreak.adapters.paths import APP_ID

ENTRY_NAME = f"{APP_ID}.desktop"
# Every character the Desktop Entry spec reserves in Exec, and % for field codes.
ODD = """odd "dir" 'it's' $HOME `id` back\\slash ~ #;&|<>()*? 100% ü"""


def require_tool(name: str, package: str) -> str:
    """The tool's path; a missing one skips on a developer's machine and fails in CI."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is missing (Debian package {package})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def xdg(tmp_path: Path, *command: str) -> XdgAutostart:
    config = tmp_path / "config"
    if command:
        return XdgAutostart(config / "autostart", command=lambda: command)
    made = autostart_for_platform(platform="linux", environ={"XDG_CONFIG_HOME": str(config)})
    assert isinstance(made, XdgAutostart)
    return made


def entry_keys(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def launcher_argv(exec_value: str) -> list[str]:
    """Split an Exec value the way the Desktop Entry spec tells a launcher to."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text = re.sub(r"\\(.)", lambda found: escapes[found.group(1)], exec_value)
    assert re.fullmatch(r"(?:[^%]|%%)*", text), "a field code or a lone % in Exec"
    chars = iter(text.replace("%%", "%"))
    words: list[str] = []
    word: str | None = None
    for char in chars:
        if char == " ":
            if word is not None:
                words.append(word)
            word = None
        elif char == '"':
            word = word or ""
            for inner in chars:
                if inner == '"':
                    break
                if inner == "\\":
                    inner = next(chars)
                    assert inner in '"`$\\', f"\\{inner} is not an escape inside quotes"
                word += inner
            else:
                raise AssertionError(f"unterminated quote in {exec_value!r}")
        else:
            assert char not in " \t\n\"'\\><~|&;$*?#`()", f"reserved {char!r} outside quotes"
            word = (word or "") + char
    if word is not None:
        words.append(word)
    return words


def run(argv: Sequence[str]) -> str:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout


def gio_launch(entry: Path, tmp_path: Path, *, append: str = "") -> str:
    """Start ``entry`` with GLib, the launcher GNOME and most desktops use."""
    gio = require_tool("gio", "libglib2.0-bin")
    keys = entry_keys(entry)
    keys["Exec"] += append
    copy = tmp_path / "launch-me.desktop"
    text = "[Desktop Entry]\n" + "".join(f"{k}={v}\n" for k, v in keys.items())
    copy.write_text(text, encoding="utf-8")
    # The launched program inherits gio's stdout; reading to its end waits for it.
    return run([gio, "launch", str(copy)])


def odd_program(tmp_path: Path) -> Path:
    """A program in a folder named with every reserved character; it prints its argv."""
    folder = tmp_path / ODD
    folder.mkdir()
    program = folder / "show args"
    script = f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n"
    program.write_text(script, encoding="utf-8")
    program.chmod(0o755)
    return program


ODD_ARGS = ["--data-dir", f"/data/{ODD}/x=y", "", "50%%", "-"]


# Linux, for real


def test_switching_on_writes_a_private_entry_in_the_xdg_autostart_folder(tmp_path: Path) -> None:
    autostart = xdg(tmp_path)
    assert not autostart.is_enabled()
    autostart.enable()
    path = tmp_path / "config" / "autostart" / ENTRY_NAME
    assert autostart.path == path
    assert autostart.is_enabled()
    keys = entry_keys(path)
    assert keys["Type"] == "Application"
    assert keys["Name"] == "movebreak"
    assert keys["Icon"] == APP_ID
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["Terminal"] == keys["NoDisplay"] == "false"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == [ENTRY_NAME]


def test_the_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    validate = require_tool("desktop-file-validate", "desktop-file-utils")
    plain, odd = xdg(tmp_path / "plain"), xdg(tmp_path, str(odd_program(tmp_path)), *ODD_ARGS)
    plain.enable()
    odd.enable()
    for path in (plain.path, odd.path):
        result = subprocess.run([validate, str(path)], capture_output=True, text=True, check=False)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize(
    "command",
    [None, (sys.executable, "-m", "movebreak")],
    ids=["this-installation", "python-m"],
)
def test_the_exec_line_starts_movebreak(tmp_path: Path, command: tuple[str, ...] | None) -> None:
    autostart = xdg(tmp_path, *command) if command else xdg(tmp_path)
    autostart.enable()
    argv = launcher_argv(entry_keys(autostart.path)["Exec"])
    assert Path(argv[0]).is_absolute()
    assert run([*argv, "--version"]) == f"movebreak {__version__}\n"


def test_a_desktop_launcher_starts_movebreak_from_the_entry(tmp_path: Path) -> None:
    autostart = xdg(tmp_path)
    autostart.enable()
    assert gio_launch(autostart.path, tmp_path, append=" --version") == f"movebreak {__version__}\n"


def test_odd_paths_and_arguments_reach_the_program_unchanged(tmp_path: Path) -> None:
    program = odd_program(tmp_path)
    autostart = xdg(tmp_path, str(program), *ODD_ARGS)
    autostart.enable()
    exec_value = entry_keys(autostart.path)["Exec"]
    # The folder's % sends it through env: launchers look for a program before undoing %%.
    assert launcher_argv(exec_value) == ["env", str(program), *ODD_ARGS]
    assert json.loads(run(launcher_argv(exec_value))) == ODD_ARGS


def test_a_desktop_launcher_passes_odd_paths_and_arguments_unchanged(tmp_path: Path) -> None:
    autostart = xdg(tmp_path, str(odd_program(tmp_path)), *ODD_ARGS)
    autostart.enable()
    assert json.loads(gio_launch(autostart.path, tmp_path)) == ODD_ARGS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/usr/bin/movebreak"], "/usr/bin/movebreak"),
        (
            ["/opt/move break/movebreak", "--data-dir", "/d/100%"],
            '"/opt/move break/movebreak" --data-dir /d/100%%',
        ),
        (["/x/movebreak", "$HOME", 'say "hi"'], r'/x/movebreak "\\$HOME" "say \\"hi\\""'),
        (["/x/movebreak", "back\\slash"], r'/x/movebreak "back\\\\slash"'),
        (["/x/movebreak", "", "it's"], '/x/movebreak "" "it\'s"'),
    ],
    ids=["plain", "space-and-percent", "dollar-and-quotes", "backslash", "empty-and-apostrophe"],
)
def test_exec_quoting_follows_the_desktop_entry_spec(argv: list[str], expected: str) -> None:
    assert desktop_exec(argv) == expected
    assert launcher_argv(expected) == argv


def test_a_program_path_with_a_percent_sign_runs_through_env() -> None:
    argv = ["/opt/100% move/movebreak", "--data-dir", "/d/100%"]
    assert desktop_exec(argv) == 'env "/opt/100%% move/movebreak" --data-dir /d/100%%'


@pytest.mark.parametrize(
    "argv",
    [[], ["/opt/a=b/movebreak"], ["/x/movebreak", "line\nbreak"]],
    ids=["nothing", "equals-in-program", "newline"],
)
def test_commands_the_spec_cannot_express_are_refused(argv: list[str]) -> None:
    with pytest.raises(AutostartError):
        desktop_exec(argv)


def test_switching_on_twice_changes_nothing(tmp_path: Path) -> None:
    autostart = xdg(tmp_path)
    autostart.enable()
    first = autostart.path.stat()
    autostart.enable()
    assert autostart.path.stat().st_ino == first.st_ino  # not even rewritten
    assert [p.name for p in autostart.path.parent.iterdir()] == [ENTRY_NAME]


def test_switching_off_removes_only_our_entry(tmp_path: Path) -> None:
    autostart = xdg(tmp_path)
    autostart.enable()
    other = autostart.path.parent / "someone-else.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=x\nExec=x\n")
    autostart.disable()
    assert not autostart.path.exists()
    assert not autostart.is_enabled()
    assert other.exists()
    autostart.disable()  # already off: nothing to do


@pytest.mark.parametrize("switch", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_entry_the_desktop_switched_off_counts_as_off_until_switched_on(
    tmp_path: Path, switch: str
) -> None:
    autostart = xdg(tmp_path)
    autostart.enable()
    with autostart.path.open("a", encoding="utf-8") as entry:
        entry.write(f"{switch}\n")
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    assert switch not in autostart.path.read_text(encoding="utf-8")


def test_a_system_wide_entry_is_hidden_for_this_user_when_switched_off(tmp_path: Path) -> None:
    system = tmp_path / "etc" / "xdg"
    (system / "autostart").mkdir(parents=True)
    (system / "autostart" / ENTRY_NAME).write_text(
        "[Desktop Entry]\nType=Application\nName=movebreak\nExec=movebreak\n"
    )
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CONFIG_DIRS": f"rel:{system}"}
    autostart = autostart_for_platform(platform="linux", environ=environ)
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()
    user_entry = tmp_path / "config" / "autostart" / ENTRY_NAME
    assert entry_keys(user_entry)["Hidden"] == "true"
    autostart.enable()
    assert autostart.is_enabled()
    assert "Hidden" not in entry_keys(user_entry)


def test_a_folder_that_cannot_be_written_gives_an_error_naming_the_file(tmp_path: Path) -> None:
    autostart = xdg(tmp_path, "/usr/bin/movebreak")
    autostart.path.parent.parent.mkdir(parents=True)
    autostart.path.parent.write_text("a file where the folder should be")
    with pytest.raises(AutostartError, match=re.escape(f"cannot write {autostart.path}: ")):
        autostart.enable()


def test_an_entry_that_cannot_be_read_or_removed_gives_an_error(tmp_path: Path) -> None:
    autostart = xdg(tmp_path, "/usr/bin/movebreak")
    (autostart.path / "in the way").mkdir(parents=True)
    with pytest.raises(AutostartError, match=re.escape(f"cannot read {autostart.path}: ")):
        autostart.is_enabled()
    with pytest.raises(AutostartError, match=re.escape(f"cannot remove {autostart.path}: ")):
        autostart.disable()


def test_xdg_folders_follow_the_basedir_spec(tmp_path: Path) -> None:
    home = tmp_path / "home"
    relative = autostart_for_platform(
        platform="freebsd14", environ={"XDG_CONFIG_HOME": "relative/config"}, home=home
    )
    assert isinstance(relative, XdgAutostart)
    assert relative.path == home / ".config" / "autostart" / ENTRY_NAME
    assert relative.unavailable() is None


def test_the_location_is_written_from_the_home_folder() -> None:
    autostart = XdgAutostart(Path.home() / ".config" / "autostart")
    assert autostart.location == f"~/.config/autostart/{ENTRY_NAME}"


def test_inside_flatpak_the_toggle_says_why_it_cannot_work() -> None:
    autostart = autostart_for_platform(platform="linux", environ={"FLATPAK_ID": APP_ID})
    assert "Flatpak" in (autostart.unavailable() or "")


def test_extra_arguments_are_carried_into_the_entry(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    profile = str(tmp_path / "my profile")
    autostart = autostart_for_platform(["--data-dir", profile], platform="linux", environ=environ)
    autostart.enable()
    exec_value = entry_keys(tmp_path / "config" / "autostart" / ENTRY_NAME)["Exec"]
    assert launcher_argv(exec_value)[-2:] == ["--data-dir", profile]


# Which command starts this installation


def executable_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    path.chmod(0o755)
    return path


def test_a_frozen_build_starts_itself(tmp_path: Path) -> None:
    app = str(tmp_path / "movebreak")
    assert launch_command(["--data-dir", "/d"], executable=app, frozen=True) == [
        app,
        "--data-dir",
        "/d",
    ]


def test_the_script_next_to_the_interpreter_comes_before_path(tmp_path: Path) -> None:
    script = executable_file(tmp_path / "venv" / "bin" / "movebreak")
    python = str(tmp_path / "venv" / "bin" / "python")
    found = launch_command(platform="linux", executable=python, frozen=False, which=lambda _: "x")
    assert found == [str(script)]


def test_without_a_script_beside_it_the_one_on_path_is_used(tmp_path: Path) -> None:
    python = str(tmp_path / "usr" / "bin" / "python3")
    on_path = str(tmp_path / "home" / ".local" / "bin" / "movebreak")
    found = launch_command(
        ["-x"], platform="linux", executable=python, frozen=False, which=lambda _: on_path
    )
    assert found == [on_path, "-x"]


def test_without_any_script_python_runs_the_module(tmp_path: Path) -> None:
    python = str(tmp_path / "python3")
    found = launch_command(platform="linux", executable=python, frozen=False, which=lambda _: None)
    assert found == [python, "-m", "movebreak"]


def test_on_windows_pythonw_avoids_a_console_window(tmp_path: Path) -> None:
    pythonw = executable_file(tmp_path / "pythonw.exe")
    executable_file(tmp_path / "Scripts" / "movebreak.exe")
    python = str(tmp_path / "python.exe")
    found = launch_command(platform="win32", executable=python, frozen=False)
    assert found == [str(pythonw), "-m", "movebreak"]
    pythonw.unlink()
    found = launch_command(platform="win32", executable=python, frozen=False)
    assert found == [str(tmp_path / "Scripts" / "movebreak.exe")]


# Windows, on the registry values it writes


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}
        self.failure: OSError | None = None

    def get(self, key: str, name: str) -> object | None:
        if self.failure:
            raise self.failure
        return self.values.get((key, name))

    def set_string(self, key: str, name: str, data: str) -> None:
        if self.failure:
            raise self.failure
        self.values[key, name] = data

    def delete(self, key: str, name: str) -> None:
        if self.failure:
            raise self.failure
        self.values.pop((key, name), None)


WINDOWS_COMMAND = (r"C:\Program Files\movebreak\movebreak.exe", "--data-dir", r"D:\My Data")


def test_windows_run_value_round_trip() -> None:
    registry = FakeRegistry()
    other = (RUN_KEY, "OneDrive")
    registry.values[other] = "onedrive.exe /background"
    autostart = WindowsRunKey(registry, command=lambda: WINDOWS_COMMAND)
    assert not autostart.is_enabled()
    autostart.enable()
    autostart.enable()
    line = r'"C:\Program Files\movebreak\movebreak.exe" --data-dir "D:\My Data"'
    assert registry.values == {other: "onedrive.exe /background", (RUN_KEY, RUN_VALUE): line}
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()
    assert registry.values == {other: "onedrive.exe /background"}
    assert autostart.location == rf"HKEY_CURRENT_USER\{RUN_KEY}\movebreak"


def test_task_manager_disabled_counts_as_off_until_switched_on() -> None:
    registry = FakeRegistry()
    autostart = WindowsRunKey(registry, command=lambda: WINDOWS_COMMAND)
    autostart.enable()
    registry.values[STARTUP_APPROVED_KEY, RUN_VALUE] = bytes([3]) + bytes(11)
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    assert (STARTUP_APPROVED_KEY, RUN_VALUE) not in registry.values
    registry.values[STARTUP_APPROVED_KEY, RUN_VALUE] = bytes([2]) + bytes(11)
    assert autostart.is_enabled()


def test_registry_failures_become_autostart_errors() -> None:
    registry = FakeRegistry()
    registry.failure = PermissionError(13, "Access is denied")
    autostart = WindowsRunKey(registry, command=lambda: WINDOWS_COMMAND)
    for call in (autostart.is_enabled, autostart.enable, autostart.disable):
        with pytest.raises(AutostartError, match=r"HKEY_CURRENT_USER\\.*: Access is denied"):
            call()


Handle = contextlib.AbstractContextManager[str]


class FakeWinreg:
    """As much of ``winreg`` as WinregRegistry uses, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x2
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[object, int]]] = {}

    def OpenKey(self, root: str, key: str, reserved: int, access: int) -> Handle:  # noqa: N802 (winreg's name)
        assert (root, reserved) == ("HKCU", 0)
        if key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return contextlib.nullcontext(key)

    def CreateKeyEx(self, root: str, key: str, reserved: int, access: int) -> Handle:  # noqa: N802 (winreg's name)
        self.keys.setdefault(key, {})
        return self.OpenKey(root, key, reserved, access)

    def QueryValueEx(self, key: str, name: str) -> tuple[object, int]:  # noqa: N802 (winreg's name)
        if name not in self.keys[key]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self.keys[key][name]

    def SetValueEx(self, key: str, name: str, reserved: int, kind: int, data: str) -> None:  # noqa: N802 (winreg's name)
        self.keys[key][name] = (data, kind)

    def DeleteValue(self, key: str, name: str) -> None:  # noqa: N802 (winreg's name)
        if name not in self.keys[key]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[key][name]


def test_the_winreg_registry_writes_a_string_value_and_deletes_it() -> None:
    winreg = FakeWinreg()
    autostart = WindowsRunKey(WinregRegistry(winreg), command=lambda: ["C:\\m.exe"])
    assert not autostart.is_enabled()
    autostart.disable()
    autostart.enable()
    assert winreg.keys[RUN_KEY] == {RUN_VALUE: ("C:\\m.exe", FakeWinreg.REG_SZ)}
    assert autostart.is_enabled()
    autostart.disable()
    assert winreg.keys[RUN_KEY] == {}


# macOS, on the LaunchAgent it writes

MAC_COMMAND = ("/Applications/Movebreak.app/Contents/MacOS/movebreak", "--data-dir", "/a b/100%")


def test_mac_launch_agent_round_trip(tmp_path: Path) -> None:
    autostart = autostart_for_platform(platform="darwin", home=tmp_path)
    assert isinstance(autostart, MacLaunchAgent)
    agent_path = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert autostart.path == agent_path
    autostart = MacLaunchAgent(agent_path.parent, command=lambda: MAC_COMMAND)
    assert not autostart.is_enabled()
    autostart.enable()
    autostart.enable()
    with agent_path.open("rb") as file:
        agent = plistlib.load(file)
    assert agent == {
        "Label": APP_ID,
        "ProgramArguments": list(MAC_COMMAND),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    assert autostart.is_enabled()
    assert [p.name for p in agent_path.parent.iterdir()] == [agent_path.name]
    autostart.disable()
    assert not agent_path.exists()
    assert not autostart.is_enabled()


@pytest.mark.parametrize(
    "content",
    [
        plistlib.dumps(
            {"Label": APP_ID, "ProgramArguments": ["x"], "RunAtLoad": True, "Disabled": True}
        ),
        plistlib.dumps({"Label": APP_ID, "ProgramArguments": ["x"], "RunAtLoad": False}),
        plistlib.dumps(["not", "a", "dict"]),
        b"<?xml version='1.0'?><plist><dict><key>",
        b"garbage",
    ],
    ids=["disabled", "not-at-load", "not-a-dict", "broken-xml", "garbage"],
)
def test_a_launch_agent_that_would_not_start_counts_as_off(tmp_path: Path, content: bytes) -> None:
    autostart = MacLaunchAgent(tmp_path, command=lambda: MAC_COMMAND)
    autostart.path.write_bytes(content)
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()


def test_the_factory_picks_the_run_key_on_windows() -> None:
    registry = FakeRegistry()
    autostart = autostart_for_platform(["--data-dir", r"C:\p"], platform="win32", registry=registry)
    assert isinstance(autostart, WindowsRunKey)
    autostart.enable()
    line = registry.values[RUN_KEY, RUN_VALUE]
    assert isinstance(line, str)
    assert line.endswith(r" --data-dir C:\p")
