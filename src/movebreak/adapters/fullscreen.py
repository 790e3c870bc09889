"""Is the active window fullscreen (a presentation, a video call)? Asked on X11 only.

Checked only while a prompt is due, never on a timer of its own: a few X round trips at
most every ten seconds, and nothing at all the rest of the time.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from movebreak.core.reminder import Hold

log = logging.getLogger(__name__)


class X11Fullscreen:
    """Reads ``_NET_ACTIVE_WINDOW`` and its ``_NET_WM_STATE`` from the window manager."""

    def __init__(self) -> None:
        self._display: Any = None
        self._failed = False

    def __call__(self) -> Hold | None:
        """``Hold.FULLSCREEN`` while the active window covers the screen, else ``None``."""
        display = self._connect()
        if display is None:
            return None
        try:
            root = display.screen().root
            active_atom = display.intern_atom("_NET_ACTIVE_WINDOW")
            active = root.get_full_property(active_atom, 0)
            if active is None or not active.value or not active.value[0]:
                return None
            window = display.create_resource_object("window", active.value[0])
            state = window.get_full_property(display.intern_atom("_NET_WM_STATE"), 0)
            fullscreen = display.intern_atom("_NET_WM_STATE_FULLSCREEN")
            if state is not None and fullscreen in state.value:
                return Hold.FULLSCREEN
        except Exception as error:
            log.debug("fullscreen.check failed: %s", type(error).__name__)
        return None

    def _connect(self) -> Any:
        if self._display is not None or self._failed:
            return self._display
        if not os.environ.get("DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
            self._failed = True
            return None
        try:
            from Xlib import display as xdisplay

            self._display = xdisplay.Display()
        except Exception as error:
            log.info("fullscreen.unavailable %s", error)
            self._failed = True
        return self._display

    def close(self) -> None:
        """Drop the X connection."""
        if self._display is not None:
            self._display.close()
            self._display = None
