"""Starting the app process: logging, the Qt application, the journal, the control socket.

Everything that happens once per process, around the event loop; ``app.MovebreakApp`` is
what runs inside it. Imported only when the app starts (``cli`` keeps ``--help`` Qt-free).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from movebreak import __version__
from movebreak.adapters.logs import log_uncaught, setup_logging
from movebreak.adapters.paths import APP_ID, AppPaths, assets_dir
from movebreak.adapters.settings_file import load_settings
from movebreak.adapters.signal_waker import SignalWaker
from movebreak.adapters.stop_signals import StopSignals
from movebreak.core.problems import Problem
from movebreak.core.settings import Settings
from movebreak.ui.icons import TrayIcons
from movebreak.ui.text import install_translations, tr
from movebreak.ui.tray import Tray

if TYPE_CHECKING:
    from movebreak.adapters.control_server import ControlServer
    from movebreak.adapters.journal import SqliteJournal
    from movebreak.app.application import MovebreakApp

log = logging.getLogger("movebreak.app.application")


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked of the app."""

    data_dir: Path | None = None
    debug: bool = False
    open_window: str | None = None  # ``movebreak show`` / ``open NAME`` with no app running


@dataclass(slots=True)
class _Started:
    """What the second step of the start built, for the shutdown to release in order."""

    journal: SqliteJournal | None = None
    app: MovebreakApp | None = None
    control: ControlServer | None = None
    failure: BaseException | None = None


def run(options: Options, paths: AppPaths, stop: StopSignals | None = None) -> int:
    """Start the tray app and block until it quits; returns the exit status.

    Two steps, so the icon is in the tray as early as possible: first the Qt application
    and the tray icon (a user who just clicked the launcher sees it started), then, from
    the event loop, everything else: the scheduler, the journal, the activity source and
    the control socket, whose imports are most of the start-up time.

    ``stop`` (made first thing by the command line, before the imports) has recorded any
    SIGTERM or SIGINT so far; each step checks it, so a signal at any moment of the start
    ends it with status 0, after releasing what was built, as a quit from the loop does.
    """
    stop = stop or StopSignals()
    if stop.requested():  # a SIGTERM first ends with 0, display or none
        return 0
    if not _desktop_reachable():
        return 1
    _leave_out_tls()
    setup_logging(paths.log_file, debug=options.debug)
    sys.excepthook = log_uncaught
    log.info("app.start version=%s config=%s", __version__, paths.config_file)
    first_start = not paths.config_file.exists()
    settings, problems = load_settings(paths.config_file)
    for problem in problems:
        log.warning("settings.problem %s", problem)
    if stop.requested():
        return _quit_in_start_up(stop, "before Qt")
    qt = QApplication(sys.argv[:1])
    qt.setApplicationName("movebreak")
    qt.setApplicationVersion(__version__)
    qt.setDesktopFileName(APP_ID)  # matches packaging/ and the autostart entry
    qt.setQuitOnLastWindowClosed(False)
    # Before any widget is built: strings are translated as the widgets are made.
    translators = install_translations(qt, assets_dir() / "translations")
    log.info("app.translations loaded=%d", len(translators))
    waker = SignalWaker()
    if stop.requested():
        waker.close()
        return _quit_in_start_up(stop, "before the tray")
    tray = Tray(TrayIcons())
    log.info("app.tray")
    started = _Started()

    def second_step() -> None:
        try:
            _start_rest(
                started, tray, settings, problems, options, paths, stop, first_start=first_start
            )
        except BaseException as error:  # re-raised below, after the loop: as before
            started.failure = error
            qt.exit(1)

    # Out to the X server (the tray's dock request) before the second step holds the
    # event loop for a while: with years of history that step takes 0.1-0.3 s.
    qt.sync()
    QTimer.singleShot(0, second_step)
    # From here a signal quits the loop: posted, so one that came already, or comes before
    # exec() runs, quits it as soon as it starts (quit() itself is lost outside the loop).
    stop.on_stop(lambda: QTimer.singleShot(0, qt.quit))
    try:
        status = qt.exec()
    finally:
        stop.on_stop(None)  # a late signal during the shutdown only is noted
        if started.control is not None:
            started.control.close()
        if started.app is not None:
            started.app.stop()
        else:
            tray.hide()
        if started.journal is not None:
            started.journal.close()
        waker.close()
    if started.failure is not None:
        raise started.failure
    if stop.requested():
        log.info("app.signal %s", stop.received)
    log.info("app.quit status=%d", status)
    return status


def _quit_in_start_up(stop: StopSignals, when: str) -> int:
    log.info("app.signal %s %s", stop.received, when)
    log.info("app.quit status=0")
    return 0


def _desktop_reachable() -> bool:
    """Say in one line why there is no desktop to show the app on, before Qt aborts on it.

    Without this check Qt's platform plugin ends the process with SIGABRT (exit 134, a core
    dump) after a hint about libxcb-cursor0 that points the wrong way.
    """
    import os

    from movebreak.adapters.display_check import display_problem

    problem = display_problem(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
    return problem is None


def _leave_out_tls() -> None:
    """Keep Python's ``ssl`` module, and with it OpenSSL, out of the app's process.

    The app opens no network connection, yet APScheduler imports asyncio (for one
    ``iscoroutinefunction``), which imports ``ssl`` if it can: about 4 MB of resident
    memory, all day, for nothing. asyncio and every other standard module treat a missing
    ``ssl`` as "no TLS here"; this makes it missing. Not done where ``ssl`` is loaded
    already (tests importing the app in one process with other code).
    """
    sys.modules.setdefault("ssl", None)  # type: ignore[arg-type]  # None: "no such module"


def _start_rest(
    started: _Started,
    tray: Tray,
    settings: Settings,
    problems: list[Problem],
    options: Options,
    paths: AppPaths,
    stop: StopSignals,
    *,
    first_start: bool,
) -> None:
    """The second step of the start; fills ``started`` as it goes.

    Returns early once a signal came (the loop's quit is posted already): what was built
    is released by the shutdown in :func:`run`.
    """
    if stop.requested():
        return
    from movebreak.adapters.activity_choice import ChosenActivity
    from movebreak.adapters.autostart_on_demand import AutostartOnDemand
    from movebreak.adapters.control_server import ControlServer
    from movebreak.adapters.journal import open_journal
    from movebreak.app.application import MovebreakApp

    journal, journal_problem = open_journal(paths.journal_file)
    started.journal = journal
    if stop.requested():
        return
    app = MovebreakApp(
        settings,
        problems,
        source=ChosenActivity(settings.activity.source),
        journal=journal,
        paths=paths,
        # A portable profile starts at login with its own folder too.
        autostart=AutostartOnDemand(
            ("--data-dir", str(options.data_dir)) if options.data_dir else ()
        ),
        tray=tray,
    )
    started.app = app
    if journal_problem:  # the message says where the old file is, or why nothing is saved
        title = (
            tr("movebreak: journal not saved")
            if journal.in_memory
            else tr("movebreak: new journal")
        )
        app.notify(title, journal_problem)
    if stop.requested():
        return
    if first_start:
        app.open_welcome()
    control = ControlServer(paths.control_socket, app.handle)
    started.control = control
    control.listen()
    log.info("app.ready activity_source=%s", app.activity_source)
    log.info("activity.reason %s", app.activity_reason)
    if options.open_window is not None:
        app.open_window(options.open_window)
    _watch_for_a_tray(app, paths)


def _watch_for_a_tray(app: MovebreakApp, paths: AppPaths) -> None:
    """Tell a terminal where the app is; without a tray, show the controls window once."""
    from movebreak.app.tray_presence import TrayPresence, announce, remember_told, told_before

    def verdict(has_tray: bool) -> None:
        if sys.stdout is not None and sys.stdout.isatty():
            announce(has_tray, lambda line: print(line, flush=True))
        if has_tray or told_before(paths.data_dir):
            return
        app.open_controls(no_tray=True)
        remember_told(paths.data_dir)
        log.info("tray.none_told")

    TrayPresence(verdict, parent=app).start()
