"""Desktop-bus adapters where no real service exists in the test (logind, GNOME settings).

The session-bus ones are tested for real in tests/e2e/test_platform.py.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from movebreak.adapters.busy import BusySignals
from movebreak.adapters.desktop_bus import DoNotDisturb, ScreenLockWatcher, SleepWatcher
from movebreak.core.reminder import Hold
from movebreak.core.settings import Busy


def test_logind_prepare_for_sleep_reaches_the_app(qtbot: QtBot) -> None:
    seen: list[bool] = []
    # A bus that is not connected: nothing subscribes, the slot is invoked as D-Bus would.
    watcher = SleepWatcher(seen.append, QDBusConnection("movebreak-test-nobus"))
    assert not watcher.listening
    for going in (True, False):
        QMetaObject.invokeMethod(
            watcher,
            "_prepare_for_sleep",
            Qt.ConnectionType.DirectConnection,
            Q_ARG(bool, going),
        )
    assert seen == [True, False]


def test_gnome_banners_off_means_do_not_disturb() -> None:
    nobus = QDBusConnection("movebreak-test-nobus")
    assert DoNotDisturb(nobus, gnome_banners=lambda: False)() is Hold.DO_NOT_DISTURB
    assert DoNotDisturb(nobus, gnome_banners=lambda: True)() is None
    assert DoNotDisturb(nobus, gnome_banners=lambda: None)() is None


def test_busy_signals_turned_off_are_never_asked(tmp_path: Path) -> None:
    asked: list[str] = []

    def probe(name: str, hold: Hold | None) -> Callable[[], Hold | None]:
        def ask() -> Hold | None:
            asked.append(name)
            return hold

        return ask

    probes = {
        "fullscreen": probe("fullscreen", None),
        "do_not_disturb": probe("dnd", Hold.DO_NOT_DISTURB),
        "camera": probe("camera", Hold.CAMERA),
    }
    assert BusySignals(Busy(), **probes)() is Hold.DO_NOT_DISTURB
    assert asked == ["fullscreen", "dnd"]  # in order, stopping at the first that holds
    asked.clear()
    off = Busy(fullscreen=False, do_not_disturb=False, camera=True)
    assert BusySignals(off, **probes)() is Hold.CAMERA
    assert asked == ["camera"]
    asked.clear()
    assert BusySignals(Busy(False, False, False), **probes)() is None
    assert asked == []


def test_a_lock_signalled_twice_is_reported_once(qtbot: QtBot) -> None:
    # gnome-shell 43 sends ActiveChanged from the shell and from its ScreenSaver proxy.
    seen: list[bool] = []
    watcher = ScreenLockWatcher(seen.append, QDBusConnection("movebreak-test-nobus"))
    for active in (True, True, False, False, True):
        QMetaObject.invokeMethod(
            watcher, "_active_changed", Qt.ConnectionType.DirectConnection, Q_ARG(bool, active)
        )
    assert seen == [True, False, True]
