"""Starting the app process: logging, the Qt application, the journal, the control socket.

Everything that happens once per process, around the event loop; ``app.MovebreakApp`` is
what runs inside it. Imported only when the app starts (``cli`` keeps ``--help`` Qt-free).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from movebreak import __version__
from movebreak.adapters.activity_choice import ChosenActivity
from movebreak.adapters.autostart import autostart_for_platform
from movebreak.adapters.control_server import ControlServer
from movebreak.adapters.journal import open_journal
from movebreak.adapters.settings_file import load_settings
from movebreak.app import MovebreakApp
from movebreak.logs import log_uncaught, setup_logging
from movebreak.paths import APP_ID, AppPaths, assets_dir
from movebreak.signals import SignalWaker
from movebreak.ui.text import install_translations, tr

log = logging.getLogger("movebreak.app")


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked of the app."""

    data_dir: Path | None = None
    debug: bool = False


def run(options: Options, paths: AppPaths) -> int:
    """Start the tray app and block until it quits; returns the exit status."""
    setup_logging(paths.log_file, debug=options.debug)
    sys.excepthook = log_uncaught
    log.info("app.start version=%s config=%s", __version__, paths.config_file)
    first_start = not paths.config_file.exists()
    settings, problems = load_settings(paths.config_file)
    for problem in problems:
        log.warning("settings.problem %s", problem)
    qt = QApplication(sys.argv[:1])
    qt.setApplicationName("movebreak")
    qt.setApplicationVersion(__version__)
    qt.setDesktopFileName(APP_ID)  # matches packaging/ and the autostart entry
    qt.setQuitOnLastWindowClosed(False)
    # Before any widget is built: strings are translated as the widgets are made.
    translators = install_translations(qt, assets_dir() / "translations")
    log.info("app.translations loaded=%d", len(translators))
    waker = SignalWaker()
    journal, journal_problem = open_journal(paths.journal_file)
    app = MovebreakApp(
        settings,
        problems,
        source=ChosenActivity(settings.activity.source),
        journal=journal,
        paths=paths,
        # A portable profile starts at login with its own folder too.
        autostart=autostart_for_platform(
            ("--data-dir", str(options.data_dir)) if options.data_dir else ()
        ),
    )
    if journal_problem:  # the message says where the old file is, or why nothing is saved
        title = (
            tr("movebreak: journal not saved")
            if journal.in_memory
            else tr("movebreak: new journal")
        )
        app.notify(title, journal_problem)
    if first_start:
        app.open_welcome()
    control = ControlServer(paths.control_socket, app.handle)
    control.listen()
    log.info("app.ready activity_source=%s", app.activity_source)
    try:
        status = qt.exec()
    finally:
        control.close()
        app.stop()
        journal.close()
        waker.close()
    log.info("app.quit status=%d", status)
    return status
