"""Global keyboard and mouse activity from pynput: *when* only, never *what*.

This is the hottest path in the app. Each pynput callback stores one float and returns;
it drops the key, the character and the pointer position unread, so no key identity ever
outlives the call (privacy), and no queue, signal or log line is made per event (battery).
The Coach samples :meth:`PynputActivity.idle` on a coarse schedule.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from movebreak.adapters.idle_sources import wayland_session
from movebreak.adapters.system_clock import elapsed_clock

log = logging.getLogger(__name__)


class PynputActivity:
    """Watches global input with pynput listeners on their own threads."""

    name = "pynput"

    def __init__(self, clock: Callable[[], float] = elapsed_clock):
        """Use ``clock`` for event times; it must keep running through a suspend."""
        self._clock = clock
        self._last: float | None = None
        self._listeners: list[Any] = []

    def _touch(self, *_event: object) -> None:
        # pynput hands us the key or the pointer position; we keep only *when*.
        self._last = self._clock()

    def start(self) -> str | None:
        """Start both listeners, or say why global input cannot be seen here."""
        reason = _unavailable_reason()
        if reason is not None:
            return reason
        try:
            # Imported here: importing pynput raises when there is no display.
            from pynput import keyboard, mouse
        except Exception as error:
            return f"pynput cannot start: {error}"
        self._last = self._clock()
        self._listeners = [
            mouse.Listener(on_move=self._touch, on_click=self._touch, on_scroll=self._touch),
            keyboard.Listener(on_press=self._touch),
        ]
        for listener in self._listeners:
            listener.start()
        log.info("activity.source name=pynput started")
        return None

    def idle(self) -> timedelta | None:
        """Time since the last input; ``None`` before :meth:`start` succeeded."""
        last = self._last
        if last is None:
            return None
        return timedelta(seconds=max(self._clock() - last, 0.0))

    def stop(self) -> None:
        """Stop the listeners without waiting for their threads.

        pynput's stop takes effect only at the listener's next event, so joining could block
        until the user touches something; the threads are daemons and die with the process.
        """
        listeners, self._listeners = self._listeners, []
        for listener in listeners:
            listener.stop()
        self._last = None


def _unavailable_reason() -> str | None:
    """Why pynput would see nothing here, checked without importing pynput."""
    if not sys.platform.startswith("linux"):
        return None
    if wayland_session():
        return "Wayland session: keyboard and mouse activity of other apps is hidden"
    if not os.environ.get("DISPLAY"):
        return "no X11 display: keyboard and mouse activity cannot be seen"
    try:
        from Xlib import display as xdisplay  # python-xlib comes with pynput on Linux
        from Xlib.error import DisplayError

        try:
            connection = xdisplay.Display()
        except DisplayError as error:
            return f"cannot open the X display: {error}"
        try:
            if not connection.has_extension("RECORD"):
                return "the X server lacks the RECORD extension that input watching needs"
        finally:
            connection.close()
    except ImportError:
        return "python-xlib is missing; install pynput's dependencies"
    return None
