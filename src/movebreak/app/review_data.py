"""What Today's movement shows for one day: the journal's records, read for the review.

The review looks back a month (eight weeks when there are back check-ins to set beside
movement), and for today it adds the stretch still under way, so its figures match the
tray's. With a shared folder (``[sync] folder``) the other computers' records are merged
in, each event once, and the review says which computer the minutes came from. The
arithmetic is ``core.stats`` and ``core.sync``; this is only the reading.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.sync_folder import SyncFolder
from movebreak.app.shared_journal import combined
from movebreak.core import stats, sync
from movebreak.core.sitting import Break, DeskView, SittingRules, Stretch


def review_of(
    day: date,
    journal: SqliteJournal,
    *,
    rules: SittingRules,
    movement_ids: frozenset[str],
    goal: timedelta,
    under_way: tuple[DeskView, datetime] | None = None,
    folder: SyncFolder | None = None,
    checkin_on: bool = False,
) -> stats.Review:
    """The review of ``day``; ``under_way`` is the desk now, when ``day`` is today.

    ``checkin_on``: the user asked for the daily back check-in (its figure is shown).
    """
    since = rules.day_start(day - timedelta(days=31))
    checkins = journal.checkins(day - timedelta(days=stats.CHECKIN_DAYS))
    if checkins:  # the check-in chart looks further back than the month
        since = rules.day_start(day - timedelta(days=stats.CHECKIN_DAYS + 1))
    still_open = stats.open_records(*under_way) if under_way is not None else ([], [])
    if folder is not None:
        return _shared_review(
            day, journal, folder, rules, movement_ids, goal, since, still_open, checkin_on
        )
    stretches, breaks = journal.stretches(since), journal.breaks(since)
    stretches += still_open[0]
    breaks += still_open[1]
    return stats.review(
        day,
        rules,
        prompts=journal.prompts(since),
        breaks=breaks,
        stretches=stretches,
        activities=journal.activities(since),
        movement_ids=movement_ids,
        goal=goal,
        pauses=journal.pauses(since),
        checkins=checkins,
        checkin_on=checkin_on,
    )


def _shared_review(
    day: date,
    journal: SqliteJournal,
    folder: SyncFolder,
    rules: SittingRules,
    movement_ids: frozenset[str],
    goal: timedelta,
    since: datetime,
    still_open: tuple[list[Stretch], list[Break]],
    checkin_on: bool,
) -> stats.Review:
    until = rules.day_start(day + timedelta(days=1))
    found = combined(journal, folder, rules, since, until, under_way=still_open[0])
    merged = found.merged
    breaks = [*merged.breaks, *still_open[1]]
    review = stats.review(
        day,
        rules,
        prompts=merged.prompts,
        breaks=breaks,
        stretches=merged.stretches,
        activities=merged.activities,
        movement_ids=movement_ids,
        goal=goal,
        pauses=merged.pauses,
        checkins={d: c for d, c in merged.checkins.items() if d >= since.date()},
        checkin_on=checkin_on,
    )
    devices = sync.breakdown(
        merged, [day], rules, movement_ids=movement_ids, names=found.names, this_device=found.device
    )
    return replace(review, devices=devices)
