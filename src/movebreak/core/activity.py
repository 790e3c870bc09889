"""Which activity source is in use and what was tried before it: facts for the wording.

The adapters find out (``adapters.activity_choice``); ``ui.presenters.activity_reason``
says it to the user, in ``status --json`` and the tray.
"""

from __future__ import annotations

from dataclasses import dataclass

# Sources that see the input of every window on a Wayland session: the compositor's own
# idle protocols and the desktops' idle time over D-Bus. The others see Xwayland only.
WAYLAND_WIDE = frozenset({"wayland-idle", "gnome-idle", "screensaver-idle"})
# What the Wayland source says when the compositor has neither protocol.
NO_IDLE_PROTOCOL = "the compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle"


@dataclass(frozen=True, slots=True)
class SourceChoice:
    """The outcome of picking an activity source.

    Attributes:
        name: the source in use (``"wayland-idle"``), ``"none"`` if none started.
        via: the interface it reads, where it has a choice (``"ext-idle-notify-v1"``).
        automatic: picked by ``source = "auto"`` rather than named in the settings.
        wayland: a Wayland session, where only the sources in ``WAYLAND_WIDE`` see all input.
        refused: each source tried before and why it could not work, in order.
    """

    name: str
    via: str | None = None
    automatic: bool = True
    wayland: bool = False
    refused: tuple[tuple[str, str], ...] = ()

    def refusal(self, source: str) -> str | None:
        """Why ``source`` was passed over, if it was tried."""
        return next((why for name, why in self.refused if name == source), None)


_READS = {
    "wayland-idle": "{via} from the compositor",
    "x11-idle": "the X server's idle counter",
    "gnome-idle": "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor)",
    "screensaver-idle": "the desktop's idle time (org.freedesktop.ScreenSaver)",
    "windows-idle": "Windows' last-input time (GetLastInputInfo)",
    "macos-idle": "macOS's last-input time (CoreGraphics)",
    "pynput": "listening to input events itself (no idle counter found)",
}

_NO_PROTOCOL = "your compositor offers no idle protocol (ext-idle-notify-v1 or org_kde_kwin_idle)"
_WHAT_TO_DO = (
    "use a compositor that offers ext-idle-notify-v1 or org_kde_kwin_idle (KWin 5.27, "
    "sway 1.7 and later do), or a desktop with idle time over D-Bus"
)


def reason(choice: SourceChoice) -> str:
    """Why this source, in words, and what is missing when it is not a good one."""
    if choice.name == "none":
        if choice.wayland and choice.refusal("wayland-idle") is not None:
            return f"{_wayland_problem(choice)}: seated time is wall-clock time; {_WHAT_TO_DO}"
        first = choice.refused[0][1] if choice.refused else "no source could start"
        return f"no activity source works ({first}): seated time is wall-clock time"
    words = _READS.get(choice.name, choice.name).format(via=choice.via or "an idle protocol")
    if not choice.automatic:
        words += " (named in the settings)"
    if choice.wayland and choice.name not in WAYLAND_WIDE:
        words += f"; {_wayland_problem(choice)}: movebreak counts only Xwayland input"
        if choice.automatic:
            words += f"; {_WHAT_TO_DO}"
    return words


def _wayland_problem(choice: SourceChoice) -> str:
    """Why the compositor's idle protocol was not used."""
    why = choice.refusal("wayland-idle")
    if why is None or why == NO_IDLE_PROTOCOL:
        return _NO_PROTOCOL
    return f"the compositor's idle protocol could not be used ({why})"
