"""Signs that the user is busy (presenting, in a call), asked only while a prompt is due."""

from __future__ import annotations

from collections.abc import Callable

from movebreak.adapters.camera import CameraInUse
from movebreak.adapters.desktop_bus import DoNotDisturb
from movebreak.adapters.fullscreen import X11Fullscreen
from movebreak.core.reminder import Hold
from movebreak.core.settings import Busy


class BusySignals:
    """The busy signals the settings turn on, asked in order; the first that holds wins."""

    def __init__(
        self,
        busy: Busy,
        *,
        fullscreen: Callable[[], Hold | None] | None = None,
        do_not_disturb: Callable[[], Hold | None] | None = None,
        camera: Callable[[], Hold | None] | None = None,
    ):
        """Build the probes ``busy`` enables; tests may hand in their own."""
        self._fullscreen: X11Fullscreen | None = None
        self._probes: list[Callable[[], Hold | None]] = []
        if busy.fullscreen:
            if fullscreen is None:
                fullscreen = self._fullscreen = X11Fullscreen()
            self._probes.append(fullscreen)
        if busy.do_not_disturb:
            self._probes.append(do_not_disturb or DoNotDisturb())
        if busy.camera:
            self._probes.append(camera or CameraInUse())

    def __call__(self) -> Hold | None:
        """What holds a due prompt back now, if anything."""
        for probe in self._probes:
            reason = probe()
            if reason is not None:
                return reason
        return None

    def close(self) -> None:
        """Release the X connection."""
        if self._fullscreen is not None:
            self._fullscreen.close()
