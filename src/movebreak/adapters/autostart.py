"""Start at login: the platform's own autostart entry, written or removed on request.

Linux and other XDG desktops get a ``.desktop`` file in ``$XDG_CONFIG_HOME/autostart``,
Windows a value under the current user's ``Run`` key, macOS a LaunchAgent. Each entry
holds the command that starts *this* installation, worked out when the user switches the
toggle on, so a portable profile (``--data-dir``) can be carried along as extra arguments.

Each entry is one file (or one registry value) with movebreak's own name; nothing else in
the folder or key is touched. Where the desktop's own settings switched the entry off
(``Hidden=true``, Task Manager's "Disabled"), it counts as off, and switching it on here
undoes that. Failures raise ``AutostartError`` with a message naming the place and the
problem, for the UI to show as it is.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from movebreak.adapters.paths import APP_ID

log = logging.getLogger(__name__)

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Where Task Manager's Startup tab records "Disabled" for a Run value of the same name.
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE = "movebreak"

Command = Callable[[], Sequence[str]]


class AutostartError(RuntimeError):
    """The autostart entry cannot be read or written; the message names where and why."""


class Autostart(Protocol):
    """One platform's login item for movebreak, switched on and off by the user.

    Each call is a quick file or registry operation, fine on the GUI thread. All but
    ``location`` and ``unavailable`` may raise ``AutostartError``.
    """

    @property
    def location(self) -> str:
        """Where the entry lives, for the UI ("~/.config/autostart/….desktop")."""

    def unavailable(self) -> str | None:
        """Why this kind of entry cannot work here, or None when it can."""

    def is_enabled(self) -> bool:
        """Whether movebreak starts at the next login."""

    def enable(self) -> None:
        """Write the entry with the command that starts this installation now."""

    def disable(self) -> None:
        """Remove movebreak's entry; nothing else."""


def launch_command(
    extra_args: Sequence[str] = (),
    *,
    platform: str | None = None,
    executable: str | None = None,
    frozen: bool | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str]:
    """The command line that starts the movebreak that is running now.

    A frozen build (PyInstaller) is its own executable. Otherwise the ``movebreak`` script
    next to the interpreter (a venv's or pipx's ``bin``), else the one on ``PATH``, else
    ``python -m movebreak``. On Windows ``pythonw.exe -m movebreak`` comes first: the
    console script would open a console window at every login, and closing it would quit
    the app. ``extra_args`` (say ``--data-dir`` and an absolute folder) go last.

    Raises:
        AutostartError: Python cannot say which program it is running.
    """
    platform = sys.platform if platform is None else platform
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not executable:
        raise AutostartError("cannot tell which program runs movebreak (no sys.executable)")
    if frozen:
        return [executable, *extra_args]
    # absolute(), not resolve(): a venv's python is a symlink out of the venv.
    here = Path(executable).absolute().parent
    if platform == "win32":
        pythonw = here / "pythonw.exe"
        if pythonw.is_file():
            return [str(pythonw), "-m", "movebreak", *extra_args]
        scripts = [here / "movebreak.exe", here / "Scripts" / "movebreak.exe"]
    else:
        scripts = [here / "movebreak"]
    for script in scripts:
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script), *extra_args]
    found = which("movebreak")
    if found:
        return [str(Path(found).absolute()), *extra_args]
    return [executable, "-m", "movebreak", *extra_args]


# Anything outside this set may be reserved in Exec, so it is quoted; quoting more than
# the spec's list (space, quotes, \ > < ~ | & ; $ * ? # ` and parentheses) is harmless.
_EXEC_SAFE = re.compile(r"[\w@%+=:,./-]+")
_EXEC_QUOTED_ESCAPE = re.compile(r'(["`$\\])')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def desktop_exec(argv: Sequence[str]) -> str:
    r"""The value of an ``Exec=`` key that runs ``argv``, quoted per the Desktop Entry spec.

    Arguments with reserved characters are double-quoted with ``"`$\`` backslashed,
    ``%`` is doubled (it introduces field codes), and then the string-value escape
    doubles every backslash, so one literal backslash becomes four in the file.

    A program whose path holds ``%`` is run through ``env`` (see the workaround below).

    Raises:
        AutostartError: the spec cannot express the command (``=`` in the program's
            path, or a control character anywhere).
    """
    if not argv:
        raise AutostartError("no command to start movebreak with")
    if "=" in argv[0]:
        raise AutostartError(
            f"a desktop entry cannot run a program with '=' in its path: {argv[0]}"
        )
    if "%" in argv[0]:
        # WORKAROUND(GLib gio/gdesktopappinfo.c, g_desktop_app_info_load_from_keyfile; KIO
        # likewise): launchers look for the program before turning %% back into %, so a
        # program path with % in it counts as not installed. env takes the path as an
        # ordinary argument, where %% is undone first. (Seen with GLib 2.74.)
        argv = ["env", *argv]
    words = []
    for argument in argv:
        if _CONTROL.search(argument):
            raise AutostartError(f"a desktop entry cannot hold control characters: {argument!r}")
        if not _EXEC_SAFE.fullmatch(argument):
            argument = '"' + _EXEC_QUOTED_ESCAPE.sub(r"\\\1", argument) + '"'
        words.append(argument.replace("%", "%%"))
    return " ".join(words).replace("\\", "\\\\")


def desktop_entry(argv: Sequence[str]) -> str:
    """The whole autostart ``.desktop`` file that runs ``argv`` at login."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=movebreak",
        "Comment=Notices how long you have been sitting and prompts you to move",
        f"Exec={desktop_exec(argv)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "NoDisplay=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return "\n".join(lines) + "\n"


# The spec's way for a user to switch off a system-wide entry of the same name.
HIDDEN_ENTRY = "[Desktop Entry]\nType=Application\nName=movebreak\nHidden=true\n"


def _desktop_entry_launches(data: bytes) -> bool:
    """Whether a desktop session would start this entry at login."""
    group = None
    keys: dict[str, str] = {}
    for raw in data.decode("utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    hidden = keys.get("Hidden") in ("true", "1")
    switched_off = keys.get("X-GNOME-Autostart-enabled") in ("false", "0")
    return "Exec" in keys and not hidden and not switched_off


class _FileEntry:
    """An entry that is one file of movebreak's own name."""

    path: Path

    @property
    def location(self) -> str:
        """The file, with the home folder written as ``~``."""
        try:
            return str(Path("~") / self.path.relative_to(Path.home()))
        except ValueError:
            return str(self.path)

    def unavailable(self) -> str | None:
        """Available wherever the file can be written."""
        return None

    def _remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(f"cannot remove {self.path}: {_reason(error)}") from error
        log.info("autostart.disabled path=%s", self.path)


class XdgAutostart(_FileEntry):
    """``<autostart_dir>/io.github.movebreak.Movebreak.desktop`` (XDG Autostart spec).

    A file of the same name in a system folder (``$XDG_CONFIG_DIRS/autostart``) is
    overridden by the user's; switching off then writes a ``Hidden=true`` entry, since
    removing ours would let the system one start movebreak again.
    """

    def __init__(
        self,
        autostart_dir: Path,
        *,
        system_dirs: Sequence[Path] = (),
        command: Command = launch_command,
        flatpak: bool = False,
    ):
        self.path = autostart_dir / f"{APP_ID}.desktop"
        self._system_paths = [folder / self.path.name for folder in system_dirs]
        self._command = command
        self._flatpak = flatpak

    def unavailable(self) -> str | None:
        """In a Flatpak sandbox the file would land in the app's private config."""
        if self._flatpak:
            return "inside Flatpak, starting at login needs the desktop's Background portal"
        return None

    def is_enabled(self) -> bool:
        """The user's file decides; without one, the first system-wide file of the name."""
        for path in (self.path, *self._system_paths):
            data = _read_bytes(path)
            if data is not None:
                return _desktop_entry_launches(data)
        return False

    def enable(self) -> None:
        """Write our entry, replacing a switched-off one of the same name."""
        data = desktop_entry(self._command()).encode("utf-8")
        if _read_bytes(self.path) != data:
            _write_atomically(self.path, data)
        log.info("autostart.enabled path=%s", self.path)

    def disable(self) -> None:
        """Remove our file, or hide a system-wide entry of the same name."""
        found = (_read_bytes(path) for path in self._system_paths)
        system = next((data for data in found if data is not None), None)
        if system is None or not _desktop_entry_launches(system):
            self._remove()
            return
        _write_atomically(self.path, HIDDEN_ENTRY.encode("utf-8"))
        log.info("autostart.disabled path=%s hides=system", self.path)


class MacLaunchAgent(_FileEntry):
    """``~/Library/LaunchAgents/io.github.movebreak.Movebreak.plist``, loaded at login.

    Written only: launchd reads it at the next login, so switching on does not start a
    second copy now. A ``Disabled`` key set by hand counts as off. (The Login Items pane
    of macOS 13+ keeps its own switch, which apps cannot read.)
    """

    def __init__(self, launch_agents: Path, *, command: Command = launch_command):
        self.path = launch_agents / f"{APP_ID}.plist"
        self._command = command

    def is_enabled(self) -> bool:
        """The file exists, parses, runs at load and is not ``Disabled``."""
        data = _read_bytes(self.path)
        if data is None:
            return False
        import plistlib  # macOS only: with its XML parser, half a MB elsewhere for nothing
        from xml.parsers.expat import ExpatError

        try:
            agent = plistlib.loads(data)
        except (plistlib.InvalidFileException, ValueError, ExpatError) as error:
            log.warning("autostart.unreadable path=%s error=%s", self.path, error)
            return False
        if not isinstance(agent, dict):
            return False
        return agent.get("RunAtLoad") is True and agent.get("Disabled") is not True

    def enable(self) -> None:
        """Write the LaunchAgent with today's command."""
        agent = {
            "Label": APP_ID,
            "ProgramArguments": list(self._command()),
            "RunAtLoad": True,
            "KeepAlive": False,
            "ProcessType": "Interactive",
            # Only in a logged-in GUI session, not over ssh.
            "LimitLoadToSessionType": "Aqua",
        }
        import plistlib

        _write_atomically(self.path, plistlib.dumps(agent, fmt=plistlib.FMT_XML))
        log.info("autostart.enabled path=%s", self.path)

    def disable(self) -> None:
        """Remove the LaunchAgent file."""
        self._remove()


class Registry(Protocol):
    """The current user's registry hive (HKEY_CURRENT_USER), as much as autostart needs."""

    def get(self, key: str, name: str) -> object | None:
        """The value's data, or None when the key or value is absent."""

    def set_string(self, key: str, name: str, data: str) -> None:
        """Create the key if needed and set a REG_SZ value."""

    def delete(self, key: str, name: str) -> None:
        """Delete the value; absent is fine."""


class WinregRegistry:
    """``Registry`` on the real ``winreg`` module (imported on first use, Windows only)."""

    def __init__(self, module: Any = None):
        """``module`` stands in for ``winreg`` in tests."""
        self._module = module

    def _winreg(self) -> Any:
        if self._module is None:
            self._module = importlib.import_module("winreg")
        return self._module

    def get(self, key: str, name: str) -> object | None:
        """Read one value's data."""
        winreg = self._winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_READ) as handle:
                data: object = winreg.QueryValueEx(handle, name)[0]
        except FileNotFoundError:
            return None
        return data

    def set_string(self, key: str, name: str, data: str) -> None:
        """Write one REG_SZ value."""
        winreg = self._winreg()
        access = winreg.KEY_SET_VALUE
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, access) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, data)

    def delete(self, key: str, name: str) -> None:
        """Delete one value if it is there."""
        winreg = self._winreg()
        try:
            access = winreg.KEY_SET_VALUE
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, access) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


class WindowsRunKey:
    r"""The ``movebreak`` value under ``HKCU\...\CurrentVersion\Run``.

    Task Manager's Startup tab switches an entry off in ``StartupApproved\Run`` and
    leaves the Run value alone; that counts as off here, and switching on clears it.
    """

    def __init__(self, registry: Registry | None = None, *, command: Command = launch_command):
        self._registry: Registry = WinregRegistry() if registry is None else registry
        self._command = command

    @property
    def location(self) -> str:
        """The registry value's full name."""
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE}"

    def unavailable(self) -> str | None:
        """Always available."""
        return None

    def is_enabled(self) -> bool:
        """A Run value exists and Task Manager has not switched it off."""
        try:
            command = self._registry.get(RUN_KEY, RUN_VALUE)
            approval = self._registry.get(STARTUP_APPROVED_KEY, RUN_VALUE)
        except OSError as error:
            raise AutostartError(f"cannot read {self.location}: {_reason(error)}") from error
        # The first byte is even for "Enabled" (02, 06) and odd for "Disabled" (03).
        switched_off = isinstance(approval, bytes) and approval[:1] != b"" and approval[0] % 2 == 1
        return isinstance(command, str) and command != "" and not switched_off

    def enable(self) -> None:
        """Set the Run value to today's command line, quoted the way Windows splits it.

        Microsoft asks to keep it under 260 characters; a longer one is written anyway,
        since refusing would not make the path any shorter.
        """
        line = subprocess.list2cmdline(self._command())
        try:
            self._registry.set_string(RUN_KEY, RUN_VALUE, line)
            self._registry.delete(STARTUP_APPROVED_KEY, RUN_VALUE)
        except OSError as error:
            raise AutostartError(f"cannot write {self.location}: {_reason(error)}") from error
        log.info("autostart.enabled key=%s", self.location)

    def disable(self) -> None:
        """Delete the Run value and Task Manager's note about it."""
        try:
            self._registry.delete(RUN_KEY, RUN_VALUE)
            self._registry.delete(STARTUP_APPROVED_KEY, RUN_VALUE)
        except OSError as error:
            raise AutostartError(f"cannot remove {self.location}: {_reason(error)}") from error
        log.info("autostart.disabled key=%s", self.location)


def autostart_for_platform(
    extra_args: Sequence[str] = (),
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
    registry: Registry | None = None,
) -> Autostart:
    """The login item for this platform; ``extra_args`` are added to the command.

    Give ``--data-dir`` as an absolute path: the session starts programs from the home
    folder. Anything but Windows and macOS is taken to be an XDG desktop.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    command = functools.partial(launch_command, tuple(extra_args), platform=platform)
    if platform == "win32":
        return WindowsRunKey(registry, command=command)
    if platform == "darwin":
        return MacLaunchAgent(home / "Library" / "LaunchAgents", command=command)
    # The basedir spec says to ignore relative paths in these variables.
    config = Path(environ.get("XDG_CONFIG_HOME", ""))
    config = config if config.is_absolute() else home / ".config"
    config_dirs = [Path(d) for d in (environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":")]
    return XdgAutostart(
        config / "autostart",
        system_dirs=[d / "autostart" for d in config_dirs if d.is_absolute()],
        command=command,
        flatpak="FLATPAK_ID" in environ,
    )


def _read_bytes(path: Path) -> bytes | None:
    """The file's content, or None if there is none; other failures raise."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise AutostartError(f"cannot read {path}: {_reason(error)}") from error


def _write_atomically(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` whole or not at all (mode 0600), creating the folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # The temporary name does not end in .desktop or .plist, so nothing reads it.
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise AutostartError(f"cannot write {path}: {_reason(error)}") from error


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
