"""The journal as the person's, not the machine's: this device's records and the others'.

Ties ``adapters.journal`` (this device, the source of truth) to ``adapters.sync_folder``
(every device's shared files) through ``core.sync`` (the merge). Used by the review
window and the journal commands alike, so both count the same minutes; and by the app,
which shares this device's months and presence.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.sync_folder import SyncFolder, device_id, device_name, expand
from movebreak.core import sync
from movebreak.core.settings import Settings
from movebreak.core.sitting import SittingRules, Stretch

log = logging.getLogger(__name__)


def folder_for(settings: Settings, data_dir: Path) -> SyncFolder | None:
    """The shared folder the settings name, ``None`` when sync is off."""
    folder = expand(settings.sync.folder)
    if folder is None:
        return None
    return SyncFolder(folder, device_id(data_dir), device_name(settings.sync.device_name))


@dataclass(frozen=True, slots=True)
class Combined:
    """Every device's records from one moment on, merged, with the devices' names."""

    merged: sync.Merged
    names: dict[str, str]
    device: str


def combined(
    journal: SqliteJournal | None,
    folder: SyncFolder,
    rules: SittingRules,
    since: datetime,
    until: datetime,
    *,
    under_way: Iterable[Stretch] = (),
) -> Combined:
    """This device's events and the shared ones that begin in [``since``, ``until``).

    ``under_way``: the stretch the Coach holds now, newer than the journal's copy.
    A stretch that began before ``since`` and lasted into it is in the month before:
    the caller asks for a day more than it shows, as ``stats`` always did.
    """
    since, until = since.astimezone(UTC), until.astimezone(UTC)  # fast comparisons below
    own = journal.entries(folder.device, since, until) if journal else []
    own += [sync.entry(f"under-way-{n}", folder.device, s) for n, s in enumerate(under_way)]
    shared = folder.read(sync.months_between(since, until))
    names = dict(shared.names)
    names[folder.device] = folder.name
    merged = sync.merge(
        [*own, *(e for e in shared.entries if since <= sync.start_of(e.record) < until)],
        min_break=rules.natural_break,
    )
    return Combined(merged, names, folder.device)


class Sharer:
    """Keeps this device's months and presence in the folder, at most once a minute.

    A month is rewritten only when the journal changed since the last look (SQLite says
    so for free); the current and the previous month are the ones a new event can touch
    (a stretch under way across midnight on the last day belongs to the month it began).
    On the first look every month the folder does not have yet is written once.
    """

    def __init__(self, folder: SyncFolder, journal: SqliteJournal, *, every_month: bool = True):
        self.folder = folder
        self._journal = journal
        self._seen: tuple[int, int] | None = None
        self._presence: tuple[datetime, datetime, str, datetime | None] | None = None
        self._first = every_month

    def share(self, now: datetime) -> None:
        """Write what changed; problems go to the log, the app goes on."""
        try:
            self._share(now)
        except OSError as error:
            log.warning("sync.write_failed folder=%s %s", self.folder.folder, error)

    def _share(self, now: datetime) -> None:
        changes = self._journal.changes()
        if changes == self._seen:
            return
        self._seen = changes
        months = sync.months_between(now - timedelta(days=32), now)[-2:]
        if self._first:
            self._first = False
            oldest = self._journal.first_event()
            if oldest is not None:
                every = sync.months_between(oldest, now)
                months = [m for m in every if not self.folder.has_month(m)] + months
        for month in dict.fromkeys(months):
            start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
            end = (start + timedelta(days=32)).replace(day=1)
            entries = self._journal.entries(self.folder.device, start, end)
            if self.folder.write_month(month, entries):
                log.info("sync.shared month=%s events=%d", month, len(entries))

    def presence(
        self,
        now: datetime,
        last_input: datetime,
        start: datetime,
        posture: str,
        moved_at: datetime | None = None,
    ) -> bool:
        """Publish where the person is on this device, if it changed; whether it was."""
        state = (last_input, start, posture, moved_at)
        if state == self._presence:
            return False
        try:
            self.folder.write_presence(
                sync.DevicePresence(
                    self.folder.device,
                    self.folder.name,
                    now,
                    last_input,
                    start,
                    posture,
                    moved_at,
                )
            )
        except OSError as error:
            log.warning("sync.write_failed folder=%s %s", self.folder.folder, error)
            return False
        self._presence = state
        return True

    def others(self) -> list[sync.DevicePresence]:
        """The other devices' presence, as last synced."""
        return self.folder.read([], presence=True).presences


def share_now(folder: SyncFolder, journal: SqliteJournal, now: datetime) -> None:
    """Write this month and the one before, once (the command line, after ``log``)."""
    Sharer(folder, journal, every_month=False).share(now)
