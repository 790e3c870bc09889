"""Several computers: shares this device's journal and presence, follows the person's stretch.

Runs from the app's sampling job, so it adds no wake-up of its own: at most once a minute
it rewrites the months that changed and this device's presence (only if either changed),
and reads the other devices' presence. When a new stretch begins here (the person sat
down at this keyboard) it looks at once, so the seated time carries over from the first
minute. Nothing here opens a socket: the sync engine the user runs moves the files.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.sync_folder import SyncFolder
from movebreak.app.shared_journal import Sharer, folder_for
from movebreak.core.coach import Coach
from movebreak.core.ports import Clock
from movebreak.core.settings import Settings

log = logging.getLogger(__name__)

EVERY = timedelta(minutes=1)  # files written at most this often (and at quit)


class SyncFlow:
    """The shared folder as the running app uses it; idle when ``[sync] folder`` is empty."""

    def __init__(self, coach: Coach, journal: SqliteJournal, clock: Clock, data_dir: Path | None):
        self._coach = coach
        self._journal = journal
        self._clock = clock
        self._data_dir = data_dir
        self._sharer: Sharer | None = None
        self._last: datetime | None = None
        self._stretch_seen: datetime | None = None

    @property
    def folder(self) -> SyncFolder | None:
        """The shared folder in use, ``None`` when off."""
        return self._sharer.folder if self._sharer else None

    def configure(self, settings: Settings) -> None:
        """Use the folder ``settings`` name (again); called at start and on every change."""
        if self._data_dir is None or self._journal.in_memory:
            return  # no profile on disk, or a journal that is not kept: nothing to share
        folder = folder_for(settings, self._data_dir)
        current = self.folder
        if folder is None:
            if current is not None:
                log.info("sync.off")
            self._sharer = None
            return
        if current is not None and (current.folder, current.name) == (folder.folder, folder.name):
            return
        log.info("sync.on folder=%s device=%s", folder.folder, folder.device)
        self._sharer = Sharer(folder, self._journal)
        self._last = None

    def after_sample(self) -> None:
        """Called after each activity sample: share and follow when due."""
        if self._sharer is None:
            return
        now = self._clock.now()
        view = self._coach.view()
        arrived = self._stretch_seen is not None and view.stretch_start != self._stretch_seen
        self._stretch_seen = view.stretch_start
        if arrived:
            self._follow()
        if self._last is not None and now - self._last < EVERY:
            return
        self._last = now
        self._sharer.share(now)
        self._publish(now)
        if not arrived:
            self._follow()

    def close(self) -> None:
        """The app stops (after the Coach kept its stretch): share the last of it."""
        if self._sharer is None:
            return
        now = self._clock.now()
        self._sharer.share(now)
        self._publish(now)

    def _publish(self, now: datetime) -> None:
        if self._sharer is None:
            return
        view = self._coach.view()
        last_input = now - view.idle
        self._sharer.presence(
            now, last_input, view.stretch_start, view.posture.value, self._coach.moved_at
        )

    def _follow(self) -> None:
        if self._sharer is None:
            return
        others = self._sharer.others()
        if others and self._coach.follow(others, slack=EVERY) is not None:
            self._stretch_seen = self._coach.view().stretch_start
            self._publish(self._clock.now())
