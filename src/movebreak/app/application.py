"""Composition root: builds the adapters, the Coach and the UI, wires them, runs Qt.

The only module that knows everyone. Everything runs on the GUI thread; the pynput
threads only store a time, which the sampling job reads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from movebreak.adapters.activity_choice import ChosenActivity
from movebreak.adapters.busy import BusySignals
from movebreak.adapters.desktop_bus import ScreenLockWatcher, SleepWatcher
from movebreak.adapters.desktop_notifications import (
    DesktopNotifications,
    session_bus_known,
    windows_on_wayland,
)
from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.library_file import load_library
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.qt_scheduler import QtWakeups
from movebreak.adapters.sound import Chime
from movebreak.adapters.system_clock import LocalTimezone, SleepDetector, SystemClock
from movebreak.adapters.xscreensaver_lock import XScreenSaverLock
from movebreak.app import control_commands
from movebreak.app.rules import preferences_from, rules_from, sample_interval
from movebreak.app.settings_flow import SettingsFlow
from movebreak.app.side_windows import SideWindows
from movebreak.app.sync_flow import SyncFlow
from movebreak.core import checkin
from movebreak.core.activity import reason as activity_reason
from movebreak.core.checkin import CheckInState
from movebreak.core.coach import Coach
from movebreak.core.ports import ActivitySource, Clock, ShownPrompt
from movebreak.core.problems import Problem, Severity
from movebreak.core.progression import Rating
from movebreak.core.prompt_style import PromptWay, prompt_way
from movebreak.core.reminder import Hold
from movebreak.core.settings import Settings, with_value
from movebreak.core.sitting import DeskView, Posture
from movebreak.core.status import Status
from movebreak.ui.icons import TrayIcons
from movebreak.ui.presenters import (
    PromptView,
    prompt_view,
    span,
    status_json,
    tray_view,
)
from movebreak.ui.text import tr
from movebreak.ui.tray import Tray

if TYPE_CHECKING:
    from movebreak.adapters.autostart import Autostart
    from movebreak.ui.about_box import AboutBox
    from movebreak.ui.checkin_window import CheckInWindow
    from movebreak.ui.library_window import LibraryWindow
    from movebreak.ui.prompt_window import PromptWindow
    from movebreak.ui.red_flags_box import RedFlagsBox
    from movebreak.ui.review_window import ReviewWindow
    from movebreak.ui.welcome_window import WelcomeWindow

log = logging.getLogger(__name__)


class MovebreakApp(SideWindows, QObject):
    """The running app: owns the tray, the prompt window, the Coach and the adapters."""

    def __init__(
        self,
        settings: Settings,
        problems: list[Problem],
        *,
        source: ActivitySource,
        journal: SqliteJournal,
        paths: AppPaths | None = None,
        clock: Clock | None = None,
        busy: Callable[[], Hold | None] | None = None,
        autostart: Autostart | None = None,
        chime: Chime | None = None,
        tray: Tray | None = None,
    ):
        super().__init__()
        self._settings = settings
        self._paths = paths
        self._clock = clock or SystemClock()
        self._tz = LocalTimezone()
        self._source = source
        self._source_problem = source.start()
        if self._source_problem is not None:
            log.warning("activity.source unavailable: %s", self._source_problem)
        self._journal = journal
        self.tray = tray or Tray(TrayIcons())  # launch shows it before the rest loads
        self._wakeups = QtWakeups()
        self._busy = busy if busy is not None else BusySignals(settings.busy)
        library = load_library(paths.user_exercises if paths else None)
        self._prompt: PromptWindow | None = None  # built with the first prompt: memory
        self._library = library
        self.library_window: LibraryWindow | None = None
        self.welcome_window: WelcomeWindow | None = None
        self._red_flags_box: RedFlagsBox | None = None
        self.review_window: ReviewWindow | None = None
        self._review_day: date | None = None
        self.checkin_window: CheckInWindow | None = None
        self.about_box: AboutBox | None = None
        self._checkin = CheckInState()
        for problem in library.problems:
            log.warning("library.problem %s", problem)
        if any(p.severity is Severity.ERROR for p in library.problems):
            self.tray.notify(
                tr("movebreak: some exercises were left out"),
                "\n".join(str(p) for p in library.problems[:3]),
            )
        sitting_rules, reminder_rules = rules_from(settings, self._tz)
        self.coach = Coach(
            clock=self._clock,
            scheduler=self._wakeups,
            journal=journal,
            display=self,
            sitting_rules=sitting_rules,
            rules=reminder_rules,
            exercises=library.exercises,
            preferences=preferences_from(settings),
            idle=lambda: self._source.idle(),  # the source may be switched in settings
            busy=lambda: self._busy(),
        )
        self._sync = SyncFlow(self.coach, journal, self._clock, paths.data_dir if paths else None)
        self._sync.configure(settings)
        self._connect_ui()
        self._lock = ScreenLockWatcher(self._on_lock)
        self._xscreensaver = XScreenSaverLock(self._on_lock)  # X11 lockers without D-Bus
        self._sleep_watch = SleepWatcher(self._on_sleep)
        self._sleep_started: datetime | None = None
        self._sleep = SleepDetector()
        self._last_view: DeskView | None = None
        self._breaks_seen = 0
        self._chime = chime or Chime()
        self._pending_prompt: PromptView | None = None  # shown as a notification, not opened
        self._desktop_notes: DesktopNotifications | None = None  # built with the first one
        self._stop_sampling = self._wakeups.every(
            sample_interval(settings.breaks.natural_break), self.sample
        )
        # Day-level boundaries: work hours begin and end, and the day rolls over.
        self._stop_boundaries = self._wakeups.cron(
            self._boundaries(settings), self.refresh_after_tick
        )
        self.settings_flow = (
            SettingsFlow(self, paths, autostart, self.open_library) if paths is not None else None
        )
        self.refresh()
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:  # warnings (a value outside the recommended range) only go to the log
            more = (
                "\n" + tr("…and {count} more in the log.").format(count=len(errors) - 3)
                if len(errors) > 3
                else ""
            )
            self.tray.notify(
                tr("movebreak: problems in your settings"),
                "\n".join(str(p) for p in errors[:3]) + more,
            )

    @property
    def prompt(self) -> PromptWindow:
        """The prompt window, built on first use: most of the day nobody needs it in memory."""
        if self._prompt is None:
            from movebreak.ui.prompt_window import PromptWindow

            prompt, coach = PromptWindow(self._library.poses), self.coach
            for signal_, intent in (
                (prompt.done_clicked, coach.done),
                (prompt.snooze_clicked, coach.snooze),
                (prompt.skip_clicked, coach.skip),
                (prompt.another_clicked, coach.another),
                (prompt.start_clicked, coach.start),
            ):
                signal_.connect(lambda intent=intent: self.do(intent))
            prompt.rating_chosen.connect(lambda value: self.do(lambda: coach.rate(Rating(value))))
            self._prompt = prompt
        return self._prompt

    def _prompt_open(self) -> bool:
        return self._prompt is not None and self._prompt.isVisible()

    def _connect_ui(self) -> None:
        coach, tray = self.coach, self.tray
        for signal_, intent in (
            (tray.break_now_requested, coach.break_now),
            (tray.resume_requested, coach.resume),
        ):
            signal_.connect(lambda intent=intent: self.do(intent))
        tray.quit_requested.connect(QApplication.quit)
        tray.posture_requested.connect(self.set_posture)
        tray.pause_requested.connect(self.pause_for)
        tray.open_settings_requested.connect(self.open_settings)
        tray.message_clicked.connect(self.open_pending_prompt)
        tray.library_requested.connect(self.open_library)
        tray.welcome_requested.connect(self.open_welcome)
        tray.review_requested.connect(self.open_review)
        tray.checkin_requested.connect(self.open_checkin)
        tray.about_requested.connect(self.open_about)
        tray.show_checkin(self._settings.goals.back_checkin)

    @staticmethod
    def _boundaries(settings: Settings) -> list[tuple[int, int]]:
        hours = settings.schedule.work_hours
        day = settings.schedule.day_starts_at
        times = {(day.hour, day.minute), (hours.start.hour, hours.start.minute)}
        if hours.end.hour != 23 or hours.end.minute != 59:
            times.add((hours.end.hour, hours.end.minute))
        return sorted(times)

    @property
    def activity_source(self) -> str:
        """The input backend in use, or ``none (why)``."""
        if self._source_problem is None:
            return self._source.name
        return f"none ({self._source_problem})"

    @property
    def activity_reason(self) -> str | None:
        """Why that source, and what is missing where it sees too little."""
        if isinstance(self._source, ChosenActivity):
            return activity_reason(self._source.choice)
        return None

    # --- PromptDisplay, for the Coach ---

    def show_prompt(self, prompt: ShownPrompt) -> None:
        """Show ``prompt``: the window, or a notification that opens it when clicked."""
        view = prompt_view(prompt)
        new = not self._prompt_open() and self._pending_prompt is None
        if new and self._settings.notifications.sound:
            self._chime.play()
        if not self._prompt_open() and self._prompt_way(True) is PromptWay.NOTIFICATION:
            self._pending_prompt = view
            if new:
                self._notify_prompt(view)
            return
        self.prompt.show_prompt(view)

    def _prompt_way(self, notifications: bool) -> PromptWay:
        """The window or a notification, for the style set and this platform."""
        return prompt_way(
            self._settings.notifications.prompt_style,
            wayland=windows_on_wayland(),
            notifications=notifications,
        )

    def _notify_prompt(self, view: PromptView) -> None:
        """The prompt as a notification: the session's server if there is a bus, else the tray."""
        title = tr("Time to move")
        body = tr("{exercise}. Click here to open it.").format(exercise=view.title)
        if not session_bus_known():
            self.tray.notify(title, body)  # Windows, macOS: the tray's own notifications
            return
        if self._desktop_notes is None:
            self._desktop_notes = DesktopNotifications(self.open_pending_prompt)
        self._desktop_notes.show(title, body, self._notification_failed)

    def _notification_failed(self, why: str) -> None:
        """No notification server showed the prompt: the window, so it is not lost."""
        log.warning("prompt.notification failed: %s", why)
        if self._pending_prompt is not None and self._prompt_way(False) is PromptWay.WINDOW:
            view, self._pending_prompt = self._pending_prompt, None
            self.prompt.show_prompt(view)

    def open_pending_prompt(self) -> None:
        """The user clicked the prompt's notification: open the prompt itself."""
        if self._pending_prompt is not None:
            self.prompt.show_prompt(self._pending_prompt)
            self._pending_prompt = None

    def hide_prompt(self) -> None:
        """Close the prompt window (and forget a prompt waiting behind a notification)."""
        self._forget_pending_prompt()
        if self._prompt is not None:
            self._prompt.hide_prompt()

    def _forget_pending_prompt(self) -> None:
        self._pending_prompt = None
        if self._desktop_notes is not None:
            self._desktop_notes.close()

    def notify(self, title: str, message: str) -> None:
        """A tray notification; the reminder of a prompt behind its notification replaces it."""
        if self._pending_prompt is not None and self._desktop_notes is not None:
            self._desktop_notes.show(
                title, message, lambda why: log.warning("prompt.reminder failed: %s", why)
            )
            return
        self.tray.notify(title, message)

    def ask_rating(self, title: str) -> None:
        """After Done: the effort rating in the prompt window, if the prompt was opened.

        A prompt answered behind its notification (``movebreak done``) opens no window:
        on Wayland it would take the keyboard, and the rating is optional.
        """
        if self._pending_prompt is not None and not self._prompt_open():
            self._forget_pending_prompt()
            return
        self.prompt.ask_rating(title)

    def show_guidance(self, text: str) -> None:
        """After "it hurt": the stop-if guidance in the prompt window."""
        self.prompt.show_guidance(text)

    # --- running ---

    def sample(self) -> None:
        """Fold what the machine saw since the last sample into the Coach, then show it."""
        slept = self._sleep.slept()
        if slept:
            now = self._clock.now()
            log.info("away.suspend length=%s", span(slept))
            self.coach.observe_away(now - slept, now)
        self.coach.observe_input(self._source.idle())
        self._sync.after_sample()
        self.refresh()

    def refresh_after_tick(self) -> None:
        """Re-evaluate the Coach (a day boundary passed), then show the result."""
        self.coach.tick()
        self.refresh()

    def refresh(self) -> None:
        """Render the current state and log what changed (times only, never input)."""
        status = self.coach.status()
        desk = status.desk
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
        view = tray_view(
            status,
            self._clock.now(),
            self._settings.breaks.sitting_limit,
            self._tz,
            self._source_problem,
            self.activity_reason,
        )
        self.tray.render(view)
        self._maybe_ask_checkin(status)

    def _maybe_ask_checkin(self, status: Status) -> None:
        """The daily back check-in, if the user turned it on and the moment is right."""
        ask = checkin.should_ask(
            self._checkin,
            enabled=self._settings.goals.back_checkin,
            desk=status.desk,
            answered_today=False,  # asked of the journal below, only when it matters
            prompting=status.prompt is not None,
        )
        if not ask:
            return
        self._checkin = CheckInState(asked_on=status.desk.day)
        if status.desk.day not in self._journal.checkins(status.desk.day):
            log.info("checkin.asked")
            self.open_checkin()

    def open_checkin(self) -> CheckInWindow:
        """Ask "How does your back feel today?" (also from the tray)."""
        if self.checkin_window is None:
            from movebreak.ui.checkin_window import CheckInWindow

            self.checkin_window = CheckInWindow()
            self.checkin_window.answered.connect(self._checkin_answered)
        self.checkin_window.ask()
        return self.checkin_window

    def _checkin_answered(self, score: int) -> None:
        now = self._clock.now()
        self._journal.record_checkin(self.coach.sitting_rules.day_of(now), score, now)
        log.info("checkin.answered")  # the score is the user's: it goes to the journal only

    def handle(self, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """Answer one control-socket request (``movebreak status``, ``snooze``, ...)."""
        return control_commands.answer(self, command, args)

    def status(self) -> dict[str, object]:
        """The ``status --json`` object."""
        return status_json(
            self.coach.status(), self._clock.now(), self.activity_source, self.activity_reason
        )

    @property
    def settings(self) -> Settings:
        """The settings in force."""
        return self._settings

    def apply_settings(self, settings: Settings) -> None:
        """Put ``settings`` in force at once (the settings window, an edited file)."""
        before, self._settings = self._settings, settings
        self.coach.set_preferences(preferences_from(settings))
        self.coach.set_rules(*rules_from(settings, self._tz))
        if settings.busy != before.busy and isinstance(self._busy, BusySignals):
            self._busy.close()
            self._busy = BusySignals(settings.busy)
        if settings.breaks.natural_break != before.breaks.natural_break:
            self._stop_sampling()
            self._stop_sampling = self._wakeups.every(
                sample_interval(settings.breaks.natural_break), self.sample
            )
        if settings.schedule != before.schedule:
            self._stop_boundaries()
            self._stop_boundaries = self._wakeups.cron(
                self._boundaries(settings), self.refresh_after_tick
            )
        if settings.activity.source != before.activity.source:
            self._switch_source(ChosenActivity(settings.activity.source))
        self.tray.show_checkin(settings.goals.back_checkin)
        self._sync.configure(settings)
        log.info("settings.applied")
        self.refresh()

    def _switch_source(self, source: ActivitySource) -> None:
        """Watch input with ``source`` from now on; the old one is stopped first."""
        self._source.stop()
        self._source = source
        self._source_problem = source.start()
        log.info("activity.source switched to=%s", self.activity_source)
        log.info("activity.reason %s", self.activity_reason)

    def _save_and_apply(self, changes: dict[tuple[str, str], Any]) -> bool:
        """Save ``changes`` to config.toml and put them in force; without a profile, apply.

        A file that cannot be saved leaves everything as it was, and the user is told why.
        """
        if self.settings_flow is None:  # no profile on disk (tests): in force, not kept
            settings = self._settings
            for (table, key), value in changes.items():
                settings = with_value(settings, table, key, value)
            self.apply_settings(settings)
            return True
        problem = self.settings_flow.save(changes)
        if problem is not None:
            self.notify(tr("movebreak: not saved"), problem)
        return problem is None

    def stop(self) -> None:
        """Release everything in an order that lets Qt exit cleanly."""
        self.coach.close()  # keeps the stretch and pause under way
        self._sync.close()
        if self.settings_flow is not None:
            self.settings_flow.close()
        self._stop_sampling()
        self._stop_boundaries()
        self._wakeups.shutdown()
        self._source.stop()
        self._xscreensaver.close()
        if isinstance(self._busy, BusySignals):
            self._busy.close()
        if self._prompt is not None:
            self._prompt.hide_prompt()
        self.tray.hide()

    # --- inside ---

    def do(self, intent: Callable[[], object]) -> bool:
        """Carry out ``intent`` (a Coach method), then show the result; whether it happened."""
        done = bool(intent())
        self.refresh()
        return done

    def _on_lock(self, locked: bool) -> None:
        self.coach.observe_lock(locked)
        self.refresh()

    def _on_sleep(self, going: bool) -> None:
        now = self._clock.now()
        if going:
            self._sleep_started = now
        elif self._sleep_started is not None:
            self.coach.observe_away(self._sleep_started, now)
            self._sleep_started = None
            self.refresh()

    def set_posture(self, value: str) -> None:
        """The user sits (``seated``) or stands (``standing``)."""
        self.coach.set_posture(Posture(value))
        log.info("posture.changed to=%s", value)
        self.refresh()

    def quit_soon(self) -> None:
        """Quit after the current event (``movebreak quit``: its answer goes out first)."""
        QTimer.singleShot(0, QApplication.quit)

    def pause_for(self, seconds: int) -> None:
        """Pause prompts for ``seconds`` (``Tray.UNTIL_TOMORROW``: until the next day)."""
        now = self._clock.now()
        if seconds < 0:
            rules = self.coach.sitting_rules
            until = rules.day_start(rules.day_of(now) + timedelta(days=1))
        else:
            until = now + timedelta(seconds=seconds)
        self.coach.pause(until)
        self.refresh()
