"""What the journal keeps of the Desk and of a pause, and what a restart takes back.

Pure decisions; the Coach writes what they return. Finished stretches and breaks are
kept, and the stretch and the pause under way too as they grow, so that a restart after
a crash continues them (``sitting.resume``, :func:`resume_pause`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from movebreak.core import sitting
from movebreak.core.reminder import Outcome, Paused, PromptRecord
from movebreak.core.sitting import Break, Desk, SittingRules, Stretch
from movebreak.core.stats import PauseUnderWay

# How often the stretch and the pause under way are written to the journal while they
# grow (and once as soon as they begin). A crash (or SIGKILL, or power loss) loses at
# most this much of them, and a restart judges the downtime against natural_break from
# at most this much too early. One tiny committed UPDATE a minute costs nothing.
KEEP_EVERY = timedelta(minutes=1)

Kept = tuple[datetime, datetime]  # the stretch under way and how far the journal has it


def restore(
    last: Stretch | None, history: Sequence[PromptRecord], now: datetime, rules: SittingRules
) -> tuple[Desk, Kept]:
    """The Desk to start from at ``now``, and how far the journal already has its stretch.

    ``last`` goes on if it ended less than ``natural_break`` ago (a crash or a quick
    restart); the last Done in ``history`` counts as having moved.
    """
    moved_at = max((r.resolved_at for r in history if r.outcome is Outcome.DONE), default=None)
    desk = sitting.resume(last, now, rules, moved_at=moved_at)
    if last is not None and desk.stretch_start == last.start:
        return desk, (last.start, last.end)
    return desk, (desk.stretch_start, desk.stretch_start)


def finished(before: Desk, after: Desk) -> tuple[Stretch | None, Break | None]:
    """What going from ``before`` to ``after`` finished: a stretch, a break, both or none.

    A stretch closed by a break ends where the break began; one closed by a posture change
    or a restart ends where the next begins.
    """
    new_break = after.last_break is not None and after.last_break is not before.last_break
    stretch = None
    if after.stretch_start != before.stretch_start:
        end = after.last_break.start if new_break and after.last_break else after.stretch_start
        stretch = Stretch(before.stretch_start, end, before.posture.value)
    return stretch, after.last_break if new_break else None


def open_stretch(desk: Desk, kept: Kept) -> Stretch | None:
    """The stretch under way, if it is due to be written; ``kept``: how far the journal has it.

    It is written as soon as it has any length, then every ``KEEP_EVERY``. The same row is
    updated each time (keyed by the stretch's start) and once more when the stretch ends,
    so a crash loses at most ``KEEP_EVERY`` of it. The first write comes early so that a
    restart finds this stretch, not the one before it (which ended when the user moved or
    changed posture).
    """
    start, until = kept
    if start != desk.stretch_start:
        start = until = desk.stretch_start
    grown = desk.last_activity - until
    if grown <= timedelta(0) or (until > start and grown < KEEP_EVERY):
        return None
    return Stretch(desk.stretch_start, desk.last_activity, desk.posture.value)


def resume_pause(left: PauseUnderWay | None, now: datetime) -> Paused | None:
    """The pause to carry on at ``now`` from the one the app left under way, if any.

    A pause the user set goes on across a quit, a crash or a reboot until its planned
    end (a pause until they resume, until they resume): they asked for quiet until then.
    One whose end has passed is over; the downtime is not counted as paused either way.
    """
    if left is None or (left.until is not None and left.until <= now):
        return None
    return Paused(now, left.until)


def pause_due(state: Paused, kept: datetime, now: datetime) -> bool:
    """Whether the pause under way, kept in the journal up to ``kept``, is due a write."""
    return now - max(kept, state.since) >= KEEP_EVERY
