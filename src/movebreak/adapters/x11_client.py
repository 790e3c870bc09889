"""The two questions the app asks the X server, through libX11 and libXext with ctypes.

How long since the last input (the SYNC extension's IDLETIME counter, the one KDE's idle
detection reads too) and whether the active window is fullscreen (the window manager's
``_NET_ACTIVE_WINDOW`` and ``_NET_WM_STATE``). python-xlib answers both as well, but
loading it costs about 5.5 MB of resident memory all day (its protocol tables and an
extension module per server extension) for two requests a minute; these two C libraries
are on every X desktop and already in memory under Qt. python-xlib stays for pynput.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

log = logging.getLogger(__name__)

_SUCCESS = 0
_ANY_PROPERTY_TYPE = 0
_LIBRARIES = (("libX11.so.6", "X11"), ("libXext.so.6", "Xext"))


class X11UnavailableError(Exception):
    """The libraries, the display or the server feature the question needs is missing."""


class _SyncValue(ctypes.Structure):
    _fields_ = (("hi", ctypes.c_int), ("lo", ctypes.c_uint))


class _SystemCounter(ctypes.Structure):
    _fields_ = (
        ("name", ctypes.c_char_p),
        ("counter", ctypes.c_ulong),
        ("resolution", _SyncValue),
    )


_PROPERTY_CHANGE_MASK = 1 << 22
_STRUCTURE_NOTIFY_MASK = 1 << 17
_PROPERTY_NOTIFY = 28
_DESTROY_NOTIFY = 17
DESTROYED = "<destroyed>"  # in changed_root_properties: a watched window is gone


class _PropertyEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("atom", ctypes.c_ulong),
        ("time", ctypes.c_ulong),
        ("state", ctypes.c_int),
    )


class _Event(ctypes.Union):
    """Xlib's XEvent: 24 longs, of which only the property event is read."""

    _fields_ = (("property", _PropertyEvent), ("pad", ctypes.c_long * 24))


# int handler(Display *, XErrorEvent *): X protocol errors (a window closed between two
# requests) must not reach libX11's default handler, which ends the process.
_ERROR_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_ignore_errors = _ERROR_HANDLER_TYPE(lambda display, event: 0)


def _load(soname: str, short: str) -> Any:
    try:
        return ctypes.CDLL(soname)
    except OSError:
        from ctypes.util import find_library  # slow (runs ldconfig); only off the usual path

        found = find_library(short)
        if found is None:
            raise X11UnavailableError(f"lib{short} is not installed") from None
        try:
            return ctypes.CDLL(found)
        except OSError as error:
            raise X11UnavailableError(f"cannot load lib{short}: {error}") from None


def _bind() -> tuple[Any, Any]:
    """libX11 and libXext with the signatures used here declared."""
    x11, xext = (_load(soname, short) for soname, short in _LIBRARIES)
    display_p, ulong_p, int_p = (
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
    )
    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XOpenDisplay.restype = display_p
    x11.XCloseDisplay.argtypes = (display_p,)
    x11.XDefaultRootWindow.argtypes = (display_p,)
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = (display_p, ctypes.c_char_p, ctypes.c_int)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XGetWindowProperty.argtypes = (
        display_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
        ctypes.c_ulong, ulong_p, int_p, ulong_p, ulong_p, ctypes.POINTER(ctypes.c_void_p),
    )  # fmt: skip
    x11.XFree.argtypes = (ctypes.c_void_p,)
    x11.XSetErrorHandler.argtypes = (_ERROR_HANDLER_TYPE,)
    x11.XSetErrorHandler.restype = ctypes.c_void_p
    x11.XQueryTree.argtypes = (
        display_p, ctypes.c_ulong, ulong_p, ulong_p,
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)), ctypes.POINTER(ctypes.c_uint),
    )  # fmt: skip
    x11.XConnectionNumber.argtypes = (display_p,)
    x11.XSelectInput.argtypes = (display_p, ctypes.c_ulong, ctypes.c_long)
    x11.XPending.argtypes = (display_p,)
    x11.XNextEvent.argtypes = (display_p, ctypes.c_void_p)
    x11.XFlush.argtypes = (display_p,)
    xext.XSyncQueryExtension.argtypes = (display_p, int_p, int_p)
    xext.XSyncInitialize.argtypes = (display_p, int_p, int_p)
    xext.XSyncListSystemCounters.argtypes = (display_p, int_p)
    xext.XSyncListSystemCounters.restype = ctypes.POINTER(_SystemCounter)
    xext.XSyncFreeSystemCounterList.argtypes = (ctypes.POINTER(_SystemCounter),)
    xext.XSyncQueryCounter.argtypes = (display_p, ctypes.c_ulong, ctypes.POINTER(_SyncValue))
    return x11, xext


class X11Client:
    """One connection of the app's own to the X server (never Qt's: no shared state)."""

    def __init__(self) -> None:
        """Open the display named by ``DISPLAY``.

        Raises:
            X11UnavailableError: no libX11/libXext, or the display cannot be opened.
        """
        self._x11, self._xext = _bind()
        # Process-wide, like Qt's own handler it replaces, which ignores errors too.
        self._x11.XSetErrorHandler(_ignore_errors)
        self._display: int | None = self._x11.XOpenDisplay(None)
        if not self._display:
            raise X11UnavailableError("cannot open the X display")
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._idle_counter: int | None = None
        self._atoms: dict[bytes, int] = {}

    def idle_milliseconds(self) -> int:
        """Milliseconds since the last keyboard or pointer input, as the server counts.

        Raises:
            X11UnavailableError: the server has no SYNC extension or no IDLETIME counter.
        """
        display = self._open_display()
        counter = self._idle_counter if self._idle_counter is not None else self._find_idle()
        value = _SyncValue()
        if not self._xext.XSyncQueryCounter(display, counter, ctypes.byref(value)):
            raise X11UnavailableError("the IDLETIME counter could not be read")
        return int(value.hi) << 32 | int(value.lo)

    def active_window_is_fullscreen(self) -> bool:
        """Whether the window manager says the focused window covers the screen."""
        active = self._property(self._root, b"_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return False
        return self._atom(b"_NET_WM_STATE_FULLSCREEN") in self._property(
            active[0], b"_NET_WM_STATE"
        )

    def screensaver_state(self) -> str | None:
        """XScreenSaver's state from the root's ``_SCREENSAVER_STATUS``: lock, blank or None.

        The daemon writes the property at each change and removes it when it exits.
        """
        status = self._property(self._root, b"_SCREENSAVER_STATUS")
        if not status or not status[0]:
            return None
        if status[0] == self._atom(b"LOCK"):
            return "lock"
        return "blank" if status[0] == self._atom(b"BLANK") else None

    def screensaver_window(self) -> int | None:
        """The XScreenSaver daemon's own window (it holds ``_SCREENSAVER_VERSION``), if any.

        Its state property outlives a daemon that was killed; its window does not.
        """
        display = self._open_display()
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self._x11.XQueryTree(
            display, self._root, ctypes.byref(root), ctypes.byref(parent),
            ctypes.byref(children), ctypes.byref(count),
        ):  # fmt: skip
            return None
        try:
            windows = [children[i] for i in range(count.value)]
        finally:
            if count.value:  # no children: no list to free
                self._x11.XFree(children)
        version = self._atom(b"_SCREENSAVER_VERSION")
        for window in windows:
            if self._has_property(window, version):
                return int(window)
        return None

    def watch_destroyed(self, window: int) -> None:
        """Report ``window``'s end among the events (``DESTROYED``)."""
        self._x11.XSelectInput(self._open_display(), window, _STRUCTURE_NOTIFY_MASK)
        self._x11.XFlush(self._open_display())

    def watch_root_properties(self) -> int:
        """Ask for the root window's property changes; the fd to watch for them."""
        display = self._open_display()
        self._x11.XSelectInput(display, self._root, _PROPERTY_CHANGE_MASK)
        self._x11.XFlush(display)
        return int(self._x11.XConnectionNumber(display))

    def changed_root_properties(self) -> set[str]:
        """Read every queued event; the names of the root properties that changed.

        ``DESTROYED`` among them: a window watched with ``watch_destroyed`` is gone.
        """
        display = self._open_display()
        event = _Event()
        changed: set[int] = set()
        destroyed = False
        while self._x11.XPending(display):
            self._x11.XNextEvent(display, ctypes.byref(event))
            if event.property.type == _PROPERTY_NOTIFY and event.property.window == self._root:
                changed.add(event.property.atom)
            destroyed |= event.property.type == _DESTROY_NOTIFY
        names = {name.decode() for name, atom in self._atoms.items() if atom in changed}
        return names | {DESTROYED} if destroyed else names

    def _has_property(self, window: int, atom: int) -> bool:
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, remaining, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x11.XGetWindowProperty(
            self._open_display(), window, atom, 0, 0, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(items),
            ctypes.byref(remaining), ctypes.byref(data),
        )  # fmt: skip
        if data.value:
            self._x11.XFree(data)
        return status == _SUCCESS and actual_type.value != 0

    def close(self) -> None:
        """Close the connection; later questions raise X11UnavailableError."""
        if self._display:
            self._x11.XCloseDisplay(self._display)
        self._display = None

    def _open_display(self) -> int:
        if not self._display:
            raise X11UnavailableError("the X connection is closed")
        return self._display

    def _find_idle(self) -> int:
        display = self._open_display()
        first, second = ctypes.c_int(), ctypes.c_int()
        if not self._xext.XSyncQueryExtension(display, first, second) or not (
            self._xext.XSyncInitialize(display, first, second)
        ):
            raise X11UnavailableError("the X server lacks the SYNC extension")
        count = ctypes.c_int()
        counters = self._xext.XSyncListSystemCounters(display, ctypes.byref(count))
        if not counters:
            raise X11UnavailableError("the X server lists no system counters")
        try:
            found = [
                counters[i].counter for i in range(count.value) if counters[i].name == b"IDLETIME"
            ]
        finally:
            self._xext.XSyncFreeSystemCounterList(counters)
        if not found:
            raise X11UnavailableError("the X server has no IDLETIME counter")
        self._idle_counter = found[0]
        return self._idle_counter

    def _atom(self, name: bytes) -> int:
        atom = self._atoms.get(name)
        if atom is None:
            atom = self._atoms[name] = self._x11.XInternAtom(self._open_display(), name, 0)
        return atom

    def _property(self, window: int, name: bytes) -> list[int]:
        """A window's 32-bit list property (window ids, atoms); empty if absent or gone."""
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, remaining, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x11.XGetWindowProperty(
            self._open_display(), window, self._atom(name), 0, 1024, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(items),
            ctypes.byref(remaining), ctypes.byref(data),
        )  # fmt: skip
        try:
            if status != _SUCCESS or actual_format.value != 32 or not data.value:
                return []
            # Format 32 comes as C longs, whatever their size on this machine.
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [values[i] for i in range(items.value)]
        finally:
            if data.value:
                self._x11.XFree(data)
