"""Whether there is a desktop to show the app on, asked before Qt is.

Without one, Qt's platform plugin aborts the process (SIGABRT, a core dump, exit 134) after
a hint about ``libxcb-cursor0`` that sends people looking in the wrong place. One line that
names the real cause, and exit status 1, is what a user who typed ``movebreak`` over ssh or
in a console needs.
"""

from __future__ import annotations

import ctypes
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

# Qt platforms that need no desktop of ours: the check stays out of their way.
_NEEDS_A_DISPLAY = {"", "xcb", "wayland", "wayland-egl"}


def display_problem(env: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the app cannot show itself with ``env``, in one line; None when it can."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS always have their own window system
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if wanted not in _NEEDS_A_DISPLAY:
        return None  # offscreen, vnc, eglfs...: the user chose a platform of their own
    display = env.get("DISPLAY", "")
    wayland = env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return "movebreak needs a graphical desktop; DISPLAY/WAYLAND_DISPLAY is not set"
    if wayland and wanted != "xcb":
        socket = Path(wayland)
        if not socket.is_absolute():
            socket = Path(env.get("XDG_RUNTIME_DIR", "/nonexistent")) / wayland
        if _is_socket(socket):
            return None
        if not display:
            return (
                f"movebreak cannot reach the Wayland display WAYLAND_DISPLAY={wayland} "
                f"({socket} is not there); is the desktop running?"
            )
    if not x_server_answers(display):
        return (
            f"movebreak cannot reach the X server at DISPLAY={display}; "
            "is the desktop running, and is DISPLAY right?"
        )
    return None


def _is_socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(path.stat().st_mode)
    except OSError:
        return False


def x_server_answers(display: str) -> bool:
    """Whether libX11 can open ``display``; True when libX11 itself cannot be loaded.

    A missing libX11 is not a missing desktop: Qt's own message about its libraries is
    the right one then.
    """
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return True
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    xlib.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    connection = xlib.XOpenDisplay(display.encode())
    if not connection:
        return False
    xlib.XCloseDisplay(connection)
    return True
