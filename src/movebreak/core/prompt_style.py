"""How a due prompt reaches the user: its own window, or a desktop notification.

Pure: the platform facts come in, the way out comes back. Why ``"auto"`` is the default:
on X11, Windows and macOS the prompt window appears without taking the keyboard, but a
Wayland compositor gives every new window the keyboard, and a window cannot decline it
(mutter 43, KWin 5.27 and sway 1.7, tested), so a prompt window would take the focus from
whatever the user types into. A desktop notification does not: the notification server
draws it (gnome-shell, Plasma, dunst, mako), and the prompt window opens only when the
user clicks it, which is their own choice to give it the keyboard.
"""

from __future__ import annotations

from enum import Enum


class PromptWay(Enum):
    """Where the prompt is shown first."""

    WINDOW = "window"
    NOTIFICATION = "notification"


def prompt_way(style: str, *, wayland: bool, notifications: bool) -> PromptWay:
    """The way for ``[notifications] prompt_style`` = ``style``.

    ``wayland``: the prompt window would be a Wayland window (the compositor hands it the
    keyboard). ``notifications``: something can show a desktop notification right now (a
    notification server answered, or the tray shows messages). Without one, every style
    falls back to the window: a prompt nobody can see helps no one.
    """
    if not notifications or style == "window":
        return PromptWay.WINDOW
    if style == "notification":
        return PromptWay.NOTIFICATION
    return PromptWay.NOTIFICATION if wayland else PromptWay.WINDOW  # "auto"
