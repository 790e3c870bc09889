"""What Today's movement shows for one day: the journal's records, read for the review.

The review looks back a month (eight weeks when there are back check-ins to set beside
movement), and for today it adds the stretch still under way, so its figures match the
tray's. The arithmetic is ``core.stats``; this is only the reading.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from movebreak.adapters.journal import SqliteJournal
from movebreak.core import stats
from movebreak.core.sitting import DeskView, SittingRules


def review_of(
    day: date,
    journal: SqliteJournal,
    *,
    rules: SittingRules,
    movement_ids: frozenset[str],
    goal: timedelta,
    under_way: tuple[DeskView, datetime] | None = None,
    checkin_on: bool = False,
) -> stats.Review:
    """The review of ``day``; ``under_way`` is the desk now, when ``day`` is today.

    ``checkin_on``: the user asked for the daily back check-in (its figure is shown).
    """
    since = rules.day_start(day - timedelta(days=31))
    checkins = journal.checkins(day - timedelta(days=stats.CHECKIN_DAYS))
    if checkins:  # the check-in chart looks further back than the month
        since = rules.day_start(day - timedelta(days=stats.CHECKIN_DAYS + 1))
    stretches, breaks = journal.stretches(since), journal.breaks(since)
    if under_way is not None:
        still_open = stats.open_records(*under_way)
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
