"""The login item, loaded the first time Settings asks about it.

``adapters.autostart`` (the XDG entry, the macOS agent, the Windows key and their
checks) is about 0.8 MB of resident memory once imported, and only the Settings window
ever uses it: most days, never. This stands in for it from the start and imports it on
the first call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movebreak.adapters.autostart import Autostart


class AutostartOnDemand:
    """An ``Autostart`` for this platform that loads its module when first used."""

    def __init__(self, extra_args: Sequence[str] = ()):
        self._extra_args = tuple(extra_args)
        self._real: Autostart | None = None

    def _autostart(self) -> Autostart:
        if self._real is None:
            from movebreak.adapters.autostart import autostart_for_platform

            self._real = autostart_for_platform(self._extra_args)
        return self._real

    @property
    def location(self) -> str:
        """Where the entry lives, for the UI."""
        return self._autostart().location

    def unavailable(self) -> str | None:
        """Why this kind of entry cannot work here, or None when it can."""
        return self._autostart().unavailable()

    def is_enabled(self) -> bool:
        """Whether movebreak starts at login."""
        return self._autostart().is_enabled()

    def enable(self) -> None:
        """Start movebreak at login."""
        self._autostart().enable()

    def disable(self) -> None:
        """Do not start movebreak at login."""
        self._autostart().disable()
