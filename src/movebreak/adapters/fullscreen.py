"""Is the active window fullscreen (a presentation, a video call)? Asked on X11 only.

Checked only while a prompt is due, never on a timer of its own: a few X round trips at
most every ten seconds, and nothing at all the rest of the time.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from movebreak.core.reminder import Hold

if TYPE_CHECKING:
    from movebreak.adapters.x11_client import X11Client

log = logging.getLogger(__name__)


class X11Fullscreen:
    """Reads ``_NET_ACTIVE_WINDOW`` and its ``_NET_WM_STATE`` from the window manager."""

    def __init__(self) -> None:
        self._client: X11Client | None = None
        self._failed = False

    def __call__(self) -> Hold | None:
        """``Hold.FULLSCREEN`` while the active window covers the screen, else ``None``."""
        client = self._connect()
        if client is None:
            return None
        from movebreak.adapters.x11_client import X11UnavailableError

        try:
            return Hold.FULLSCREEN if client.active_window_is_fullscreen() else None
        except X11UnavailableError as error:
            log.debug("fullscreen.check failed: %s", error)
        return None

    def _connect(self) -> X11Client | None:
        if self._client is not None or self._failed:
            return self._client
        if not os.environ.get("DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
            self._failed = True
            return None
        from movebreak.adapters.x11_client import X11Client, X11UnavailableError

        try:
            self._client = X11Client()
        except X11UnavailableError as error:
            log.info("fullscreen.unavailable %s", error)
            self._failed = True
        return self._client

    def close(self) -> None:
        """Drop the X connection."""
        if self._client is not None:
            self._client.close()
            self._client = None
