"""Activity sources that ask the platform how long the user has been idle.

They cost nothing per keystroke or mouse movement: the system already keeps the counter,
and the app reads it once per sample. Each says plainly why it cannot work where it
cannot. All implement ``core.ports.ActivitySource``.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from movebreak.adapters.x11_client import X11Client

log = logging.getLogger(__name__)


def wayland_session() -> bool:
    """Whether this session's windows live on a Wayland compositor.

    ``XDG_SESSION_TYPE`` says so where a login manager set it; a compositor started from a
    console leaves it at "tty", and an app started without it (from a terminal multiplexer,
    a service, ``env -i``) still runs on the compositor, which ``WAYLAND_DISPLAY`` shows.
    Xwayland's idle counter there grows while the user works in Wayland windows (measured
    with mutter 43: 9.6 s idle after input every 2 s), so this errs towards Wayland.
    """
    session = os.environ.get("XDG_SESSION_TYPE")
    return session == "wayland" or (bool(os.environ.get("WAYLAND_DISPLAY")) and session != "x11")


def _platform() -> str:
    """``sys.platform``, read at run time (type checkers pin it to the checking machine)."""
    return sys.platform


class X11Idle:
    """The X server's own idle counter (the SYNC extension's IDLETIME).

    Video players reset it while they play, so watching a video at the desk counts as
    sitting, as it should.
    """

    name = "x11-idle"

    def __init__(self) -> None:
        self._client: X11Client | None = None

    def start(self) -> str | None:
        """Connect to the X server, or say why not."""
        if wayland_session():
            return "Wayland session: the X server's idle time covers X11 apps only"
        if not os.environ.get("DISPLAY"):
            return "no X11 display"
        from movebreak.adapters.x11_client import X11Client, X11UnavailableError

        try:
            self._client = X11Client()
            self._client.idle_milliseconds()
        except X11UnavailableError as error:
            self.stop()
            return str(error)
        return None

    def idle(self) -> timedelta | None:
        """Milliseconds since the last input, as the X server counts them."""
        if self._client is None:
            return None
        from movebreak.adapters.x11_client import X11UnavailableError

        try:
            return timedelta(milliseconds=self._client.idle_milliseconds())
        except X11UnavailableError as error:
            log.warning("activity.x11-idle lost: %s", error)
            return None

    def stop(self) -> None:
        """Close the X connection."""
        if self._client is not None:
            self._client.close()
        self._client = None


class _LastInputInfo(ctypes.Structure):
    _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint))


class WindowsIdle:
    """``GetLastInputInfo`` from user32, compared with ``GetTickCount``.

    Both are 32-bit millisecond counters that wrap every 49.7 days; the unsigned
    difference stays right across the wrap.
    """

    name = "windows-idle"

    def __init__(self, api: Any = None):
        """``api`` stands in for ``ctypes.windll`` in tests."""
        self._api = api
        self._info = _LastInputInfo()

    def start(self) -> str | None:
        """Load user32 and kernel32, or say why not."""
        if self._api is None:
            if _platform() != "win32":
                return "not Windows"
            self._api = getattr(ctypes, "windll")  # noqa: B009 (exists on Windows only)
        self._info.cbSize = ctypes.sizeof(_LastInputInfo)
        return None if self.idle() is not None else "GetLastInputInfo failed"

    def idle(self) -> timedelta | None:
        """Time since the last input in this session."""
        if self._api is None or not self._api.user32.GetLastInputInfo(ctypes.byref(self._info)):
            return None
        now = self._api.kernel32.GetTickCount() & 0xFFFFFFFF
        return timedelta(milliseconds=(now - self._info.dwTime) & 0xFFFFFFFF)

    def stop(self) -> None:
        """Nothing to release."""


class MacIdle:
    """``CGEventSourceSecondsSinceLastEventType`` from CoreGraphics (any input event)."""

    name = "macos-idle"
    _COMBINED_SESSION_STATE = 0
    _ANY_INPUT_EVENT = 0xFFFFFFFF

    def __init__(self, seconds_since: Callable[[int, int], float] | None = None):
        """``seconds_since`` stands in for the CoreGraphics call in tests."""
        self._seconds_since = seconds_since

    def start(self) -> str | None:
        """Load CoreGraphics, or say why not."""
        if self._seconds_since is None:
            if _platform() != "darwin":
                return "not macOS"
            path = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
            try:
                graphics = ctypes.CDLL(path)
            except OSError as error:
                return f"cannot load CoreGraphics: {error}"
            function = graphics.CGEventSourceSecondsSinceLastEventType
            function.restype = ctypes.c_double
            function.argtypes = (ctypes.c_int32, ctypes.c_uint32)
            self._seconds_since = function
        return None

    def idle(self) -> timedelta | None:
        """Seconds since the last input event."""
        if self._seconds_since is None:
            return None
        seconds = self._seconds_since(self._COMBINED_SESSION_STATE, self._ANY_INPUT_EVENT)
        return timedelta(seconds=max(float(seconds), 0.0))

    def stop(self) -> None:
        """Nothing to release."""
