"""The optional soft sound when a prompt appears, through the platform's own player.

Qt's multimedia module is not part of PySide6-Essentials (and would cost start-up time and
memory for one short sound), so the chime is handed to what the system already has:
PipeWire's ``pw-play``, PulseAudio's ``paplay`` or ALSA's ``aplay`` on Linux, ``afplay``
on macOS, ``winsound`` on Windows. The player runs on its own; nothing waits for it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from movebreak.adapters.paths import assets_dir

log = logging.getLogger(__name__)
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def chime_file() -> Path:
    """The shipped chime (``assets/sounds/chime.wav``)."""
    return assets_dir() / "sounds" / "chime.wav"


def player_command(
    sound: Path,
    *,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str] | None:
    """The command that plays ``sound`` here, or ``None`` if there is no player."""
    if platform == "darwin":
        found = which("afplay")
        return [found, str(sound)] if found else None
    for name in LINUX_PLAYERS:
        found = which(name)
        if found:
            return [found, "-q", str(sound)] if name == "aplay" else [found, str(sound)]
    return None


class Chime:
    """Plays the chime without blocking; says once in the log when it cannot."""

    def __init__(
        self,
        sound: Path | None = None,
        *,
        spawn: Callable[[Sequence[str]], object] | None = None,
        platform: str = sys.platform,
        which: Callable[[str], str | None] = shutil.which,
    ) -> None:
        self._sound = sound or chime_file()
        self._platform = platform
        self._which = which
        self._spawn = spawn or _spawn
        self._warned = False

    def play(self) -> bool:
        """Start the sound; ``False`` (and one log line) where nothing can play it."""
        if self._platform == "win32":
            return _play_on_windows(self._sound)
        command = player_command(self._sound, platform=self._platform, which=self._which)
        if command is None:
            if not self._warned:
                log.warning("sound.unavailable no pw-play, paplay, aplay or afplay found")
                self._warned = True
            return False
        try:
            self._spawn(command)
        except OSError as error:
            log.warning("sound.failed %s", error)
            return False
        return True


def _spawn(command: Sequence[str]) -> object:
    return subprocess.Popen(  # a fixed player and our own file; reaped by the next Popen
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _play_on_windows(sound: Path) -> bool:
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(sound), winsound.SND_FILENAME | winsound.SND_ASYNC)
        return True
    return False
