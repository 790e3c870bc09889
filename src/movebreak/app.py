"""Composition root: builds the adapters, the Coach and the tray, wires them, runs Qt.

The only module that knows everyone. Everything runs on the GUI thread; the pynput
threads only store a time, which the sampling job reads.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from movebreak import __version__
from movebreak.adapters.input_activity import PynputActivity
from movebreak.adapters.qt_scheduler import QtWakeups
from movebreak.adapters.settings_file import load_settings
from movebreak.adapters.system_clock import LocalTimezone, SleepDetector, SystemClock
from movebreak.core.coach import Coach
from movebreak.core.ports import ActivitySource, Clock
from movebreak.core.problems import Problem, Severity
from movebreak.core.settings import Settings
from movebreak.core.sitting import DeskView, Posture, SittingRules
from movebreak.logs import setup_logging
from movebreak.paths import AppPaths
from movebreak.ui.icons import TrayIcons
from movebreak.ui.presenters import span, tray_view
from movebreak.ui.tray import Tray

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked of the app."""

    data_dir: Path | None = None
    debug: bool = False


def sample_interval(natural_break: timedelta) -> timedelta:
    """How often to read the activity source.

    A tenth of the natural-break threshold keeps the break's measured start within 10 %,
    bounded to 1-15 s: with the default 5 min that is one wake-up every 15 s.
    """
    return max(timedelta(seconds=1), min(timedelta(seconds=15), natural_break / 10))


class MovebreakApp(QObject):
    """The running app: owns the tray, the Coach, the scheduler and the input source."""

    def __init__(
        self,
        settings: Settings,
        problems: list[Problem],
        *,
        source: ActivitySource,
        clock: Clock | None = None,
    ):
        super().__init__()
        self._settings = settings
        self._clock = clock or SystemClock()
        self._tz = LocalTimezone()
        rules = SittingRules(natural_break=settings.breaks.natural_break, tz=self._tz)
        self._source = source
        self._source_problem = source.start()
        if self._source_problem is not None:
            log.warning("activity.source unavailable: %s", self._source_problem)
        self.coach = Coach(self._clock, rules)
        self.tray = Tray(TrayIcons())
        self.tray.quit_requested.connect(QApplication.quit)
        self.tray.posture_requested.connect(self._on_posture)
        self._sleep = SleepDetector()
        self._wakeups = QtWakeups()
        self._last_view: DeskView | None = None
        self._breaks_seen = 0
        self._stop_sampling = self._wakeups.every(
            sample_interval(settings.breaks.natural_break), self.sample
        )
        self.refresh()
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:  # warnings (a value outside the recommended range) only go to the log
            more = f"\n…and {len(errors) - 3} more in the log." if len(errors) > 3 else ""
            self.tray.notify(
                "movebreak: problems in your settings",
                "\n".join(str(p) for p in errors[:3]) + more,
            )

    @property
    def activity_source(self) -> str:
        """The input backend in use, or ``none (why)``."""
        if self._source_problem is None:
            return self._source.name
        return f"none ({self._source_problem})"

    def sample(self) -> None:
        """Fold what the machine saw since the last sample into the Coach, then show it."""
        slept = self._sleep.slept()
        if slept:
            now = self._clock.now()
            log.info("away.suspend length=%s", span(slept))
            self.coach.observe_away(now - slept, now)
        self.coach.observe_input(self._source.idle())
        self.refresh()

    def refresh(self) -> None:
        """Render the current state and log what changed (times only, never input)."""
        desk = self.coach.view()
        before = self._last_view
        if before is None or desk.presence is not before.presence:
            log.info(
                "presence.changed to=%s was_seated=%ds was_standing=%ds",
                desk.presence.value,
                before.seated.total_seconds() if before else 0,
                before.standing.total_seconds() if before else 0,
            )
        self._last_view = desk
        if len(desk.breaks_today) != self._breaks_seen and desk.last_break is not None:
            log.info(
                "break.recorded start=%s length=%ds today=%d",
                desk.last_break.start.isoformat(timespec="seconds"),
                desk.last_break.length.total_seconds(),
                len(desk.breaks_today),
            )
        self._breaks_seen = len(desk.breaks_today)
        view = tray_view(desk, self._settings.breaks.sitting_limit, self._tz, self._source_problem)
        self.tray.render(view)

    def stop(self) -> None:
        """Release everything in an order that lets Qt exit cleanly."""
        self._stop_sampling()
        self._wakeups.shutdown()
        self._source.stop()
        self.tray.hide()

    def _on_posture(self, value: str) -> None:
        self.coach.set_posture(Posture(value))
        log.info("posture.changed to=%s", value)
        self.refresh()


class _SignalWaker(QObject):
    """Lets SIGTERM and SIGINT quit the app while Qt's loop sleeps.

    A Python signal handler only runs when the interpreter gets control, which an idle Qt
    loop never gives it; the wake-up fd makes the loop notice the signal.
    """

    def __init__(self) -> None:
        super().__init__()
        self._reader, writer = socket.socketpair()
        self._reader.setblocking(False)
        writer.setblocking(False)
        self._writer = writer
        signal.set_wakeup_fd(writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, self._quit)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def _quit(self, number: int, _frame: object) -> None:
        log.info("app.signal %s", signal.Signals(number).name)
        QApplication.quit()

    def close(self) -> None:
        signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    log.critical("app.error uncaught exception", exc_info=(kind, error, trace))


def run(options: Options) -> int:
    """Start the tray app and block until it quits; returns the exit status."""
    paths = AppPaths.under(options.data_dir) if options.data_dir else AppPaths.for_user()
    setup_logging(paths.log_file, debug=options.debug)
    sys.excepthook = _log_uncaught
    log.info("app.start version=%s config=%s", __version__, paths.config_file)
    settings, problems = load_settings(paths.config_file)
    for problem in problems:
        log.warning("settings.problem %s", problem)
    qt = QApplication(sys.argv[:1])
    qt.setApplicationName("movebreak")
    qt.setApplicationVersion(__version__)
    qt.setDesktopFileName("movebreak")
    qt.setQuitOnLastWindowClosed(False)
    waker = _SignalWaker()
    app = MovebreakApp(settings, problems, source=PynputActivity())
    log.info("app.ready activity_source=%s", app.activity_source)
    try:
        status = qt.exec()
    finally:
        app.stop()
        waker.close()
    log.info("app.quit status=%d", status)
    return status
