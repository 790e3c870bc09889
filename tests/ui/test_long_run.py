"""A month of working days in a minute: the real app, a fake clock, a real journal file.

A seeded, restless simulated user types, pauses, leaves for lunch, answers prompts every
which way, pauses prompts and changes posture. Afterwards the journal must make sense,
the scheduler's job store must not have grown and memory must have stayed flat.
"""

import itertools
import random
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core import stats
from movebreak.core.settings import Settings
from tests.fakes import FakeActivity, FakeClock

STEP = timedelta(seconds=30)
WORKING_DAYS = 22


@dataclass
class Tally:
    prompts_seen: int = 0
    most_pending_jobs: int = 0
    most_prompts_in_a_day: int = 0


class RestlessUser:
    def __init__(self, app: MovebreakApp, clock: FakeClock, source: FakeActivity, seed: int):
        self.app, self.clock, self.source = app, clock, source
        self.rnd = random.Random(seed)
        self.tally = Tally()
        self._prompt_was_open = False

    def tick(self, typing: bool) -> None:
        self.clock.advance(STEP)
        if typing:
            self.source.touch()
        self.app.sample()
        self.tally.most_pending_jobs = max(
            self.tally.most_pending_jobs, self.app._wakeups.pending()
        )
        if self.app.prompt.isVisible() and not self._prompt_was_open:
            self.tally.prompts_seen += 1
            self.answer()
        self._prompt_was_open = self.app.prompt.isVisible()

    def answer(self) -> None:
        choice = self.rnd.random()
        if choice < 0.45:
            self.app.prompt.start_clicked.emit()
            for _ in range(self.rnd.randint(1, 5)):
                self.tick(typing=False)
            if self.app.prompt.isVisible():
                self.app.prompt.done_clicked.emit()
        elif choice < 0.65:
            self.app.prompt.snooze_clicked.emit()
        elif choice < 0.8:
            self.app.prompt.skip_clicked.emit()
        elif choice < 0.9:
            self.app.prompt.another_clicked.emit()
        # else: ignored; a later natural break closes it as "away"

    def work(self, minutes: float) -> None:
        for _ in range(int(minutes * 60 / STEP.total_seconds())):
            self.tick(typing=True)

    def away(self, minutes: float) -> None:
        for _ in range(int(minutes * 60 / STEP.total_seconds())):
            self.tick(typing=False)

    def day(self) -> None:
        """09:00 to about 17:30 with a lunch, short pauses, the odd pause of prompts."""
        lunch_done = False
        while self.clock.now().hour < 17 or self.clock.now().minute < 30:
            self.work(self.rnd.uniform(5, 50))
            roll = self.rnd.random()
            if not lunch_done and self.clock.now().hour >= 12:
                self.away(self.rnd.uniform(30, 60))
                lunch_done = True
            elif roll < 0.4:
                self.away(self.rnd.uniform(0.5, 4))  # reading: still sitting
            elif roll < 0.6:
                self.away(self.rnd.uniform(6, 20))  # a real break
            elif roll < 0.65:
                self.app.tray.trigger("For 1 hour")
            elif roll < 0.7:
                self.app.tray.trigger("I'm standing")  # toggles posture


def test_a_month_of_working_days_keeps_the_journal_sound_and_the_app_flat(
    qtbot: QtBot, journal: SqliteJournal
) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
    clock = FakeClock(start)
    source = FakeActivity(clock)
    app = MovebreakApp(
        Settings(), [], source=source, journal=journal, clock=clock, busy=lambda: None
    )
    user = RestlessUser(app, clock, source, seed=20261124)
    rules = app.coach.sitting_rules
    tracemalloc.start()
    try:
        day = start.date()
        worked = 0
        baseline = 0
        while worked < WORKING_DAYS:
            if day.weekday() < 5:
                clock.current = datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(
                    hour=9
                )
                app.sample()
                before = user.tally.prompts_seen
                user.day()
                user.tally.most_prompts_in_a_day = max(
                    user.tally.most_prompts_in_a_day, user.tally.prompts_seen - before
                )
                worked += 1
                if worked == 5:
                    baseline = tracemalloc.get_traced_memory()[0]
            day += timedelta(days=1)
        grown = tracemalloc.get_traced_memory()[0] - baseline
    finally:
        tracemalloc.stop()
        app.stop()

    tally = user.tally
    assert tally.prompts_seen > WORKING_DAYS * 4  # the user really was prompted, every day
    assert tally.most_prompts_in_a_day <= 30  # never a storm
    assert tally.most_pending_jobs <= 4  # sampling, day boundaries, one wake-up (+ a spare)
    assert grown < 2_000_000, f"memory grew by {grown} bytes over 17 working days"

    prompts = journal.prompts()
    outcomes = {p.outcome.value for p in prompts}
    assert outcomes >= {"done", "snoozed", "skipped"}
    for earlier, later in itertools.pairwise(prompts):
        assert earlier.resolved_at >= earlier.shown_at
        assert later.shown_at >= earlier.resolved_at, "two prompts were open at once"
    breaks = journal.breaks()
    assert breaks
    for first, second in itertools.pairwise(breaks):
        assert first.end > first.start
        assert second.start >= first.end, "breaks overlap"
    stretches = stats.distinct_stretches(journal.stretches())
    assert all(s.end > s.start for s in stretches)
    goal = timedelta(minutes=10)
    movement_ids = None
    for offset in range((clock.now().date() - start.date()).days + 1):
        summary = stats.summarise(
            start.date() + timedelta(days=offset),
            rules,
            prompts=prompts,
            breaks=breaks,
            stretches=stretches,
            activities=[],
            movement_ids=movement_ids,
            goal=goal,
            pauses=journal.pauses(),
        )
        total = summary.seated + summary.standing + summary.away
        assert timedelta(0) <= total <= timedelta(hours=24), (summary.day, total)
        assert summary.movement >= timedelta(0)
        assert summary.longest_seated <= summary.seated
