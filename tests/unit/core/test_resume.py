"""A restart picks up the seated stretch it left, if the downtime was short.

README: "a downtime shorter than ``natural_break`` continues the seated stretch; a longer
one is not counted as movement". Pure ``sitting.resume`` first, then the Coach with a fake
clock and the in-memory journal, stopped without ``close()`` as a crash stops it.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from movebreak.adapters.journal import SqliteJournal
from movebreak.core.coach import Coach
from movebreak.core.desk_journal import KEEP_EVERY
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Posture, Presence, SittingRules, Stretch, arrive, resume, view
from movebreak.core.stats import PauseUnderWay, distinct_stretches
from tests.fakes import START, FakeClock, ManualScheduler, MemoryJournal, RecordingDisplay
from tests.world import EXERCISES, RULES, SITTING

NATURAL_BREAK = SITTING.natural_break  # 5 min


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


SEATED_20 = Stretch(START, START + minutes(20), "seated")


# --- the pure decision ---------------------------------------------------------------


def test_without_a_last_stretch_the_user_arrives_now() -> None:
    assert resume(None, START, SITTING) == arrive(START, SITTING)


def test_a_short_downtime_continues_the_stretch() -> None:
    at = SEATED_20.end + minutes(2)
    desk = resume(SEATED_20, at, SITTING)
    assert desk.stretch_start == START
    shown = view(desk, at, SITTING)
    assert shown.presence is Presence.SEATED
    assert shown.seated == minutes(22)  # the downtime counts, as any short idle does
    assert shown.last_break is None


def test_the_posture_is_continued_too() -> None:
    standing = Stretch(START, START + minutes(10), "standing")
    shown = view(resume(standing, standing.end + minutes(1), SITTING), START + minutes(12), SITTING)
    assert shown.posture is Posture.STANDING
    assert shown.standing == minutes(12)


def test_a_downtime_of_natural_break_or_more_starts_afresh_and_is_no_break() -> None:
    for downtime in (NATURAL_BREAK, NATURAL_BREAK + timedelta(seconds=1), timedelta(hours=14)):
        at = SEATED_20.end + downtime
        desk = resume(SEATED_20, at, SITTING)
        assert desk == arrive(at, SITTING)
        shown = view(desk, at, SITTING)
        assert (shown.seated, shown.last_break, shown.breaks_today) == (timedelta(0), None, ())


def test_a_stretch_ending_after_now_is_not_continued() -> None:
    at = SEATED_20.end - minutes(1)  # the clock was set back
    assert resume(SEATED_20, at, SITTING) == arrive(at, SITTING)


def test_a_stretch_the_user_ended_by_moving_is_not_continued() -> None:
    at = SEATED_20.end + minutes(1)
    assert resume(SEATED_20, at, SITTING, moved_at=SEATED_20.end) == arrive(at, SITTING)
    earlier = SEATED_20.start - minutes(40)  # moved before this stretch began
    assert resume(SEATED_20, at, SITTING, moved_at=earlier).stretch_start == START


def test_a_stretch_continued_over_the_day_boundary_counts_today_only_from_its_start() -> None:
    rules = SittingRules(natural_break=NATURAL_BREAK, tz=ZoneInfo("Europe/Berlin"))
    start = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)  # 03:30 in Berlin, day starts at 04:00
    last = Stretch(start, start + minutes(32), "seated")
    at = last.end + minutes(1)
    shown = view(resume(last, at, rules), at, rules)
    assert shown.seated == minutes(33)
    assert shown.seated_today == minutes(3)  # 04:00 to 04:03 local
    assert shown.day == rules.day_of(at)


@given(
    length=st.integers(min_value=1, max_value=4 * 3600),
    downtime=st.integers(min_value=-3600, max_value=3 * 3600),
)
def test_resuming_never_gives_negative_or_invented_time(length: int, downtime: int) -> None:
    last = Stretch(START, START + timedelta(seconds=length), "seated")
    at = last.end + timedelta(seconds=downtime)
    shown = view(resume(last, at, SITTING), at, SITTING)
    assert shown.seated >= timedelta(0)
    continued = timedelta(0) <= timedelta(seconds=downtime) < NATURAL_BREAK
    assert shown.seated == (at - START if continued else timedelta(0))


# --- the Coach: what it keeps while running, and what a new one makes of it ------------


class Session:
    """One run of the app: a Coach over ``journal``; the user types every second."""

    def __init__(self, journal: MemoryJournal, at: datetime):
        self.clock = FakeClock(at)
        self.scheduler = ManualScheduler(self.clock)
        self.journal = journal
        self.last_input = at
        self.coach = Coach(
            clock=self.clock,
            scheduler=self.scheduler,
            journal=journal,
            display=RecordingDisplay(),
            sitting_rules=SITTING,
            rules=RULES,
            exercises=EXERCISES,
            idle=lambda: self.clock.now() - self.last_input,
        )
        self.scheduler.call_at(at + timedelta(seconds=15), self._sample)

    def _sample(self) -> None:
        self.coach.observe_input(self.clock.now() - self.last_input)
        self.scheduler.call_at(self.clock.now() + timedelta(seconds=15), self._sample)

    def work(self, length: timedelta) -> None:
        for _ in range(int(length.total_seconds())):
            self.last_input = self.clock.now()
            self.scheduler.advance(timedelta(seconds=1))

    def sit_still(self, length: timedelta) -> None:
        """No input (reading): prompts are no longer held back by typing."""
        self.scheduler.advance(length)

    def kill(self) -> datetime:
        """Stop as SIGKILL does: no ``close()``, the journal keeps what it has."""
        return self.clock.now()


def test_the_stretch_under_way_is_kept_as_it_grows_and_counted_once() -> None:
    journal = MemoryJournal()
    session = Session(journal, START)
    session.work(timedelta(seconds=20))
    assert journal.stretches == [(START, START + timedelta(seconds=14), "seated")]  # 1st sample
    session.work(minutes(10))
    assert len(journal.stretches) == 1
    kept_until = journal.stretches[0][1]
    assert session.last_input - kept_until < KEEP_EVERY
    session.coach.close()  # ends at the last input the last sample saw
    assert journal.stretches == [(START, START + minutes(10) + timedelta(seconds=14), "seated")]


def test_after_a_crash_a_quick_restart_continues_the_stretch_and_its_prompt_timing() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.work(minutes(20))
    crashed_at = first.kill()
    second = Session(journal, crashed_at + minutes(2))
    assert second.coach.view().seated == minutes(22)
    assert second.coach.status().next_prompt_at == START + minutes(30)
    second.work(minutes(8))
    second.sit_still(timedelta(seconds=5))
    assert second.coach.status().state == "prompting"
    second.coach.close()
    stretches = journal.stretches
    assert len(stretches) == 1  # the continued stretch replaced the kept one
    assert stretches[0][0] == START
    assert journal.breaks == []


def test_after_a_long_downtime_a_fresh_stretch_starts_and_nothing_counts_as_a_break() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.work(minutes(20))
    first.coach.close()
    later = first.clock.now() + minutes(45)
    second = Session(journal, later)
    assert second.coach.view().seated == timedelta(0)
    second.work(minutes(3))
    second.coach.close()
    assert [s[0] for s in journal.stretches] == [START, later]
    assert journal.breaks == []
    assert all(p.outcome is not Outcome.DONE for p in journal.prompts)  # no movement made up


def test_a_crash_right_after_done_does_not_glue_the_stretch_back_together() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.work(minutes(30))
    first.sit_still(timedelta(seconds=5))
    assert first.coach.done()
    first.work(timedelta(seconds=5))  # killed before the new stretch was kept
    crashed_at = first.kill()
    second = Session(journal, crashed_at + minutes(1))
    assert second.coach.view().seated == timedelta(0)
    assert second.coach.status().state == "seated"


def test_restarting_within_the_break_threshold_after_a_clean_quit_continues_too() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.work(minutes(12))
    first.coach.set_posture(Posture.STANDING)
    first.work(minutes(6))
    first.coach.close()
    second = Session(journal, first.clock.now() + minutes(4))
    assert second.coach.view().posture is Posture.STANDING
    assert second.coach.view().standing == minutes(10)
    second.work(minutes(1))
    second.coach.close()
    (seated, standing) = journal.stretches  # the standing one continued, kept once
    assert (seated[0], seated[2]) == (START, "seated")
    assert (standing[0], standing[2]) == (START + minutes(12), "standing")
    assert minutes(11) - timedelta(seconds=15) <= standing[1] - standing[0] <= minutes(11)


def test_a_pause_ended_by_break_now_is_kept_in_the_journal() -> None:
    journal = MemoryJournal()
    session = Session(journal, START)
    session.coach.pause(START + minutes(30))
    session.work(minutes(3))
    assert session.coach.break_now()
    assert journal.pauses == [(START, START + minutes(3))]


def test_a_pause_is_in_the_journal_from_its_first_second_and_kept_every_minute() -> None:
    journal = MemoryJournal()
    session = Session(journal, START)
    session.coach.pause(START + minutes(30))
    assert journal.under_way == PauseUnderWay(START, START, START + minutes(30))
    session.work(minutes(5))
    kept = journal.under_way
    assert kept is not None
    assert minutes(5) - KEEP_EVERY <= kept.kept_until - START <= minutes(5)


def test_a_crash_during_a_pause_carries_it_on_until_its_planned_end() -> None:
    """Paused for an hour, the app killed 10 min in and started 5 min later: still quiet."""
    journal = MemoryJournal()
    first = Session(journal, START)
    first.coach.pause(START + minutes(60))
    first.work(minutes(10))  # then SIGKILL: no close()
    restart = first.clock.now() + minutes(5)
    second = Session(journal, restart)
    assert second.coach.status().state == "paused"
    assert second.coach.status().paused_until == START + minutes(60)
    second.work(minutes(40))  # up to the planned end: not one prompt
    assert second.coach.status().state == "paused"
    assert second.coach.status().prompt is None
    second.work(minutes(6))
    assert second.coach.status().state != "paused"
    # The paused time before the crash is kept (to the last minute written), the downtime
    # is not, and the carried pause ends at the planned end.
    (before, after) = journal.pauses
    assert before[0] == START
    assert minutes(9) <= before[1] - START <= minutes(10)
    assert after == (restart, START + minutes(60))
    assert journal.under_way is None


def test_a_pause_until_resume_survives_a_quit_and_a_pause_that_ended_does_not() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.coach.pause(None)  # until I resume
    first.work(minutes(3))
    first.coach.close()
    second = Session(journal, first.clock.now() + timedelta(hours=14))  # the next morning
    assert second.coach.status().state == "paused"
    assert second.coach.resume()
    second.coach.pause(second.clock.now() + minutes(30))
    second.work(minutes(2))
    second.coach.close()
    third = Session(journal, second.clock.now() + minutes(45))  # after its end
    assert third.coach.status().state != "paused"
    assert journal.under_way is None
    assert journal.pauses[-1][1] <= journal.pauses[-1][0] + minutes(30)


def test_a_pause_resumed_after_the_clock_went_back_does_not_return_at_the_next_start() -> None:
    journal = SqliteJournal.open_in_memory()  # the real rules of the pause table
    first = Session(journal, START)  # type: ignore[arg-type]  # a Journal, not the fake
    first.coach.pause(None)
    first.clock.advance(-minutes(2))  # NTP steps the clock back
    assert first.coach.resume()
    second = Session(journal, START + timedelta(hours=20))  # type: ignore[arg-type]
    assert second.coach.status().state != "paused"


def test_a_pause_cut_short_at_once_by_a_crash_is_closed_when_found_over() -> None:
    journal = MemoryJournal()
    first = Session(journal, START)
    first.coach.pause(START + minutes(30))  # then killed within the second
    second = Session(journal, START + minutes(45))
    assert second.coach.status().state != "paused"
    assert journal.under_way is None  # not left open for every later start to find


def test_the_journal_record_of_a_prompt_is_not_taken_for_movement_unless_done() -> None:
    journal = MemoryJournal()
    journal.record_stretch(START, START + minutes(20), "seated")
    skipped = PromptRecord(
        START + minutes(20), START + minutes(20), "march", Outcome.SKIPPED, timedelta(0)
    )
    journal.record_prompt(skipped)
    second = Session(journal, START + minutes(21))
    assert second.coach.view().seated == minutes(21)


def test_a_stretch_kept_twice_counts_once_in_the_review_whatever_the_order() -> None:
    kept = Stretch(START, START + minutes(9), "seated")
    now = Stretch(START + timedelta(microseconds=400), START + minutes(10), "seated")
    other = Stretch(START + minutes(10), START + minutes(12), "standing")
    assert distinct_stretches([kept, other, now]) == [now, other]
    assert distinct_stretches([now, kept, other]) == [now, other]
