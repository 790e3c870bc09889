"""Picks the activity source: the one the user named, or the lightest that works here.

Measured on one machine under Xvfb (20,000 mouse motions from xdotool at ~1000/s): a
pynput listener costs about 0.28 CPU-s per 10,000 events, reading the X server's idle
counter once per sample about nothing per event. So "auto" asks the system's own idle
counter first and listens to input itself only where no counter can be had.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import timedelta

from movebreak.adapters.desktop_bus import DBusIdle
from movebreak.adapters.idle_sources import MacIdle, WindowsIdle, X11Idle, wayland_session
from movebreak.adapters.input_activity import PynputActivity
from movebreak.adapters.wayland_idle import WaylandIdle
from movebreak.core.activity import SourceChoice
from movebreak.core.ports import ActivitySource

FACTORIES: Mapping[str, Callable[[], ActivitySource]] = {
    "wayland-idle": WaylandIdle,
    "x11-idle": X11Idle,
    "dbus-idle": DBusIdle,
    "windows-idle": WindowsIdle,
    "macos-idle": MacIdle,
    "pynput": PynputActivity,
}


def auto_order(platform: str = sys.platform) -> tuple[str, ...]:
    """Sources to try for "auto", lightest first."""
    if platform == "win32":
        return ("windows-idle", "pynput")
    if platform == "darwin":
        return ("macos-idle", "pynput")
    # The compositor's idle protocol first: on Wayland it is the one that sees every window
    # without a D-Bus call per sample; off Wayland it refuses at once, importing nothing.
    # GNOME's mutter (43) offers neither protocol and goes on to gnome-idle.
    return ("wayland-idle", "x11-idle", "dbus-idle", "pynput")


class ChosenActivity:
    """An ActivitySource that starts the first candidate that works."""

    def __init__(
        self,
        preference: str,
        factories: Mapping[str, Callable[[], ActivitySource]] = FACTORIES,
        platform: str = sys.platform,
    ):
        """``preference`` is the ``[activity] source`` setting."""
        self._automatic = preference == "auto"
        self._order = auto_order(platform) if self._automatic else (preference,)
        self._factories = factories
        self._chosen: ActivitySource | None = None
        self._refused: list[tuple[str, str]] = []

    @property
    def name(self) -> str:
        """The source in use, ``none`` before one started."""
        return self._chosen.name if self._chosen is not None else "none"

    def start(self) -> str | None:
        """Start the first candidate that works, or say why none did."""
        if self._order == ("none",):
            return 'turned off in the settings ([activity] source = "none")'
        self._refused = []
        for name in self._order:
            candidate = self._factories[name]()
            reason = candidate.start()
            if reason is None:
                self._chosen = candidate
                return None
            self._refused.append((name, reason))
        return "; ".join(f"{name}: {reason}" for name, reason in self._refused)

    @property
    def choice(self) -> SourceChoice:
        """What was picked, through what, and what was passed over: for status and tray."""
        via = getattr(self._chosen, "via", None)
        return SourceChoice(
            name=self.name,
            via=via if isinstance(via, str) else None,
            automatic=self._automatic,
            wayland=wayland_session(),
            refused=tuple(self._refused),
        )

    def idle(self) -> timedelta | None:
        """The chosen source's idle time."""
        return self._chosen.idle() if self._chosen is not None else None

    def stop(self) -> None:
        """Stop the chosen source."""
        if self._chosen is not None:
            self._chosen.stop()
