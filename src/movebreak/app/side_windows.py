"""The windows the tray opens beside the prompt: library, review, welcome, about, settings.

Each is built on first use (a window never opened costs no memory) and then only shown
again. A mixin of ``MovebreakApp``, which provides the attributes declared here; kept apart
so the app module stays about running, not about windows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from movebreak import __version__
from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.library_file import Library, red_flags
from movebreak.adapters.paths import AppPaths
from movebreak.app.review_data import review_of
from movebreak.app.settings_flow import SettingsFlow, open_folder
from movebreak.app.sync_flow import SyncFlow
from movebreak.core.coach import Coach
from movebreak.core.ports import Clock
from movebreak.core.settings import Settings
from movebreak.ui.presenters import red_flags_text

if TYPE_CHECKING:
    from movebreak.ui.about_box import AboutBox
    from movebreak.ui.controls_window import ControlsWindow
    from movebreak.ui.library_window import LibraryWindow
    from movebreak.ui.red_flags_box import RedFlagsBox
    from movebreak.ui.review_window import ReviewWindow
    from movebreak.ui.settings_window import SettingsWindow
    from movebreak.ui.tray import Tray
    from movebreak.ui.welcome_window import WelcomeWindow

log = logging.getLogger("movebreak.app.application")


class SideWindows:
    """Opens and feeds the app's side windows."""

    # Provided by MovebreakApp:
    coach: Coach
    settings_flow: SettingsFlow | None
    library_window: LibraryWindow | None
    review_window: ReviewWindow | None
    welcome_window: WelcomeWindow | None
    about_box: AboutBox | None
    _red_flags_box: RedFlagsBox | None
    _review_day: date | None
    _library: Library
    _journal: SqliteJournal
    _clock: Clock
    _settings: Settings
    _paths: AppPaths | None
    _sync: SyncFlow
    tray: Tray
    controls_window: ControlsWindow | None = None  # built on first use

    def do(self, intent: Callable[[], object]) -> bool:
        """Carry out a Coach intent and show the result (MovebreakApp)."""
        raise NotImplementedError

    def _save_and_apply(self, changes: dict[tuple[str, str], Any]) -> bool:
        """Save settings changes and put them in force (MovebreakApp)."""
        raise NotImplementedError

    def exercise_titles(self) -> list[tuple[str, str]]:
        """The library's (id, title) pairs: the settings window picks exercises by title."""
        return [(exercise.id, exercise.title) for exercise in self._library.exercises]

    def open_library(self) -> LibraryWindow:
        """Show the exercise library browser (built on first use)."""
        if self.library_window is None:
            from movebreak.ui.library_window import LibraryWindow

            window = LibraryWindow(self._library.exercises, self._library.poses)
            window.favourite_toggled.connect(lambda i, on: self._mark("favourites", i, on))
            window.hidden_toggled.connect(lambda i, on: self._mark("hidden", i, on))
            window.try_requested.connect(lambda i: self.do(lambda: self.coach.break_now(i)))
            window.red_flags_requested.connect(self.show_red_flags)
            self.library_window = window
        self._show_marks()
        self.library_window.show()
        self.library_window.raise_()
        self.library_window.activateWindow()
        return self.library_window

    def open_review(self, day: date | None = None) -> ReviewWindow:
        """Today's movement (or ``day``'s), from the journal."""
        if self.review_window is None:
            from movebreak.ui.review_window import ReviewWindow

            self.review_window = ReviewWindow()
            self.review_window.day_requested.connect(self._review_step)
        today = self.coach.sitting_rules.day_of(self._clock.now())
        self._review_day = min(day or today, today)
        review = review_of(
            self._review_day,
            self._journal,
            rules=self.coach.sitting_rules,
            movement_ids=frozenset(e.id for e in self._library.exercises if e.movement),
            goal=timedelta(minutes=self._settings.goals.daily_movement_minutes),
            under_way=(self.coach.view(), self._clock.now()) if self._review_day == today else None,
            folder=self._sync.folder,
            checkin_on=self._settings.goals.back_checkin,
        )
        self.review_window.show_review(review, is_today=self._review_day == today)
        self.review_window.show()
        self.review_window.raise_()
        return self.review_window

    def _review_step(self, days: int) -> None:
        if self._review_day is not None:
            self.open_review(self._review_day + timedelta(days=days))

    def open_welcome(self) -> WelcomeWindow:
        """The first-run welcome and readiness questions (also from the tray)."""
        if self.welcome_window is None:
            from movebreak.ui.welcome_window import WelcomeWindow

            self.welcome_window = WelcomeWindow()
            self.welcome_window.saved.connect(self._welcome_saved)
            self.welcome_window.red_flags_requested.connect(self.show_red_flags)
        self.welcome_window.show()
        self.welcome_window.raise_()
        return self.welcome_window

    def open_about(self) -> AboutBox:
        """Version, the privacy promise, where the files are, Open log folder."""
        if self.about_box is None:
            from movebreak.ui.about_box import AboutBox

            paths = self._paths or AppPaths.for_user()
            folders = {"config": paths.config_dir, "data": paths.data_dir, "log": paths.log_dir}
            self.about_box = AboutBox(__version__, folders)
            self.about_box.folder_requested.connect(lambda which: open_folder(paths, which))
        self.about_box.show()
        self.about_box.raise_()
        return self.about_box

    def show_red_flags(self) -> RedFlagsBox:
        """The symptoms that mean seeing a clinician instead of exercising."""
        from movebreak.ui.red_flags_box import RedFlagsBox

        box = RedFlagsBox(red_flags_text(red_flags()))
        box.show()
        self._red_flags_box = box  # keep it alive while open
        return box

    def _welcome_saved(
        self, standing_desk: bool, avoid: tuple[str, ...], level: int, back_checkin: bool
    ) -> None:
        if self._save_and_apply(
            {
                ("standing", "standing_desk"): standing_desk,
                ("exercises", "avoid_if"): avoid,
                ("exercises", "max_level"): level,
                ("goals", "back_checkin"): back_checkin,
            }
        ):
            log.info("welcome.saved avoid=%d max_level=%d", len(avoid), level)

    def _show_marks(self) -> None:
        if self.library_window is not None:
            chosen = self._settings.exercises
            self.library_window.set_marks(frozenset(chosen.favourites), frozenset(chosen.hidden))

    def _mark(self, key: str, exercise_id: str, on: bool) -> None:
        """Favourite or hide an exercise: saved in config.toml, in force at once."""
        current = set(getattr(self._settings.exercises, key))
        current = current | {exercise_id} if on else current - {exercise_id}
        self._save_and_apply({("exercises", key): tuple(sorted(current))})
        self._show_marks()

    def open_settings(self) -> SettingsWindow | None:
        """The settings window (there is none without a profile on disk)."""
        return self.settings_flow.open() if self.settings_flow is not None else None

    def open_controls(self, *, no_tray: bool = False) -> ControlsWindow:
        """The tray menu's commands in a window; with ``no_tray``, why and how to get a tray.

        Its buttons send the tray's own signals, so each does exactly what the menu entry
        does.
        """
        if self.controls_window is None:
            from movebreak.ui.controls_window import ControlsWindow

            window, tray = ControlsWindow(), self.tray
            window.break_now_requested.connect(tray.break_now_requested)
            window.pause_requested.connect(tray.pause_requested)
            window.resume_requested.connect(tray.resume_requested)
            window.review_requested.connect(tray.review_requested)
            window.library_requested.connect(tray.library_requested)
            window.settings_requested.connect(tray.open_settings_requested)
            window.quit_requested.connect(tray.quit_requested)
            self.controls_window = window
        self.controls_window.explain(no_tray=no_tray)
        self.controls_window.show()
        self.controls_window.raise_()
        self.controls_window.activateWindow()
        return self.controls_window

    def open_window(self, name: str) -> bool:
        """Open the window ``name`` (``movebreak show`` / ``open``); whether it exists."""
        openers: dict[str, Callable[[], object]] = {
            "controls": self.open_controls,
            "review": self.open_review,
            "settings": self.open_settings,
            "library": self.open_library,
        }
        if name not in openers:
            return False
        openers[name]()
        return True
