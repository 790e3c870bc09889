"""Keeps the settings window, ``config.toml`` and start-at-login in step with the running app.

A change in the window is saved (comments kept, ``config.toml.bak`` first) and applied at
once; an edit of the file in another program is noticed and applied too, and its problems
are reported as at start. The window only validates and emits; the file only holds; this
module is the one place that moves values between them and the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from movebreak.adapters.paths import AppPaths, make_private_dir
from movebreak.adapters.settings_file import SaveRefusedError, load_settings, save_values
from movebreak.adapters.sync_folder import device_id
from movebreak.core.problems import Problem, Severity
from movebreak.core.settings import Settings, with_value
from movebreak.core.settings_text import file_value
from movebreak.ui.text import tr

if TYPE_CHECKING:  # the window loads when first opened, not at start
    from movebreak.adapters.autostart import Autostart
    from movebreak.ui.settings_window import SettingsWindow

log = logging.getLogger(__name__)
RELOAD_DELAY_MS = 300  # editors save in several steps; read the file once they are done


class SettingsHost(Protocol):
    """What the flow needs of the app."""

    @property
    def settings(self) -> Settings:
        """The settings in force."""
        ...

    def apply_settings(self, settings: Settings) -> None:
        """Put ``settings`` in force at once."""
        ...

    def exercise_titles(self) -> list[tuple[str, str]]:
        """The library's (id, title) pairs, for picking favourites and hidden exercises."""
        ...

    def notify(self, title: str, message: str) -> None:
        """A passing notification."""
        ...


class SettingsFlow(QObject):
    """Owns the settings window and watches ``config.toml``."""

    def __init__(
        self,
        host: SettingsHost,
        paths: AppPaths,
        autostart: Autostart | None,
        open_library: Callable[[], Any],
    ) -> None:
        super().__init__()
        self._host = host
        self._paths = paths
        self._autostart = autostart
        self._open_library = open_library
        self.window: SettingsWindow | None = None
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(self.reload)
        # The folder too: saving replaces the file, and a watch on the old one goes with it.
        self._watcher = QFileSystemWatcher(self)
        self._watch()
        self._watcher.fileChanged.connect(lambda _path: self._reload.start())
        self._watcher.directoryChanged.connect(lambda _path: self._reload.start())

    def open(self) -> SettingsWindow:
        """Show the settings window (built on first use)."""
        if self.window is None:
            from movebreak.ui.settings_window import SettingsWindow

            window = SettingsWindow(self._paths.config_file, self._host.exercise_titles())
            window.changed.connect(self._changed)
            window.autostart_toggled.connect(self._autostart_toggled)
            window.folder_requested.connect(lambda which: open_folder(self._paths, which))
            window.file_requested.connect(self.open_file)
            window.library_requested.connect(self._open_library)
            self.window = window
        self.window.show_settings(self._host.settings)
        self.window.show_device(device_id(self._paths.data_dir))
        self.window.show_notice(None)
        self._show_autostart()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def open_file(self) -> None:
        """``config.toml`` in the user's own editor."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.config_file)))

    def reload(self) -> list[Problem]:
        """Read ``config.toml`` again and apply what changed (an edit in another program)."""
        self._watch()
        if not self._paths.config_file.exists():
            return []  # deleted: keep what runs; the next start writes the defaults again
        settings, problems = load_settings(self._paths.config_file)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            self._host.notify(
                "movebreak: problems in your settings", "\n".join(str(p) for p in errors[:3])
            )
        if settings != self._host.settings:
            log.info("settings.reloaded path=%s", self._paths.config_file)
            self._host.apply_settings(settings)
            if self.window is not None:
                self.window.show_settings(settings)
        return problems

    def close(self) -> None:
        """Stop watching and close the window."""
        self._reload.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        if self.window is not None:
            self.window.close()

    def save(self, changes: dict[tuple[str, str], Any]) -> str | None:
        """Save ``changes`` (comments kept, ``config.toml.bak`` first) and apply them.

        Returns why nothing was saved or applied, or ``None`` when both were done.
        """
        settings = self._host.settings
        for (table, key), value in changes.items():
            settings = with_value(settings, table, key, value)
        to_file = {key: file_value(value) for key, value in changes.items()}
        try:
            save_values(self._paths.config_file, to_file)
        except SaveRefusedError as error:
            log.warning("settings.not_saved %s", error)
            return str(error)
        self._host.apply_settings(settings)
        if self.window is not None:  # a change from elsewhere (welcome, library) shows here
            self.window.show_settings(settings)
        return None

    def _changed(self, changes: dict[tuple[str, str], Any]) -> None:
        problem = self.save(changes)
        if self.window is not None:
            self.window.show_notice(
                tr("Not saved: {problem}").format(problem=problem) if problem else None
            )
            if problem:
                self.window.show_settings(self._host.settings)

    def _show_autostart(self) -> None:
        if self.window is None:
            return
        if self._autostart is None:
            self.window.show_autostart(False, "not available in this build", "")
            return
        from movebreak.adapters.autostart import AutostartError  # only Settings needs it

        reason = self._autostart.unavailable()
        try:
            on = reason is None and self._autostart.is_enabled()
        except AutostartError as error:
            on, reason = False, str(error)
        self.window.show_autostart(on, reason, self._autostart.location)

    def _autostart_toggled(self, on: bool) -> None:
        if self._autostart is None:
            return
        from movebreak.adapters.autostart import AutostartError

        try:
            if on:
                self._autostart.enable()
            else:
                self._autostart.disable()
            log.info("autostart.%s location=%s", "on" if on else "off", self._autostart.location)
        except AutostartError as error:
            log.warning("autostart.failed %s", error)
            if self.window is not None:
                self.window.show_notice(str(error))
        self._show_autostart()

    def _watch(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        for path in (self._paths.config_file, self._paths.config_dir):
            if path.exists() and str(path) not in watched:
                self._watcher.addPath(str(path))


def open_folder(paths: AppPaths, which: str) -> None:
    """The log or data folder in the desktop's file manager (created private if missing)."""
    folder = paths.log_dir if which == "log" else paths.data_dir
    make_private_dir(folder)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
