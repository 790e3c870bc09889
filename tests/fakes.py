"""Test doubles for the core's ports, type-checked against the Protocols."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from movebreak.core.ports import (
    ActivitySource,
    Cancel,
    Clock,
    Journal,
    PromptDisplay,
    Scheduler,
    ShownPrompt,
)
from movebreak.core.reminder import PromptRecord
from movebreak.core.sitting import Break, Stretch
from movebreak.core.stats import PauseUnderWay

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime = START):
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


class ManualScheduler:
    """Runs callbacks when the test moves the clock past their time, in time order."""

    def __init__(self, clock: FakeClock):
        self._clock = clock
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._cancelled: set[int] = set()
        self._ids = itertools.count()

    def call_at(self, when: datetime, fn: Callable[[], None]) -> Cancel:
        number = next(self._ids)
        heapq.heappush(self._queue, (when, number, fn))
        return lambda: self._cancelled.add(number)

    def pending(self) -> int:
        return sum(1 for _, n, _ in self._queue if n not in self._cancelled)

    def advance(self, delta: timedelta) -> None:
        """Move the clock by ``delta``, running each due callback at its own time."""
        end = self._clock.now() + delta
        for _ in range(100_000):  # a callback that reschedules itself at "now" forever
            if not self._queue or self._queue[0][0] > end:
                break
            when, number, fn = heapq.heappop(self._queue)
            if number in self._cancelled:
                continue
            self._clock.current = max(self._clock.current, when)
            fn()
        else:
            raise AssertionError("scheduler looped: a wake-up keeps being set in the past")
        self._clock.current = end


class FakeActivity:
    """An activity source driven by the test: ``touch()`` is one keyboard or mouse event."""

    name = "fake"

    def __init__(self, clock: FakeClock, refuse: str | None = None):
        self._clock = clock
        self._refuse = refuse
        self._last: datetime | None = None
        self.stopped = False

    def start(self) -> str | None:
        if self._refuse is None:
            self._last = self._clock.now()
        return self._refuse

    def touch(self) -> None:
        self._last = self._clock.now()

    def idle(self) -> timedelta | None:
        return None if self._last is None else self._clock.now() - self._last

    def stop(self) -> None:
        self.stopped = True


class MemoryJournal:
    """Keeps records in lists."""

    def __init__(self) -> None:
        self.prompts: list[PromptRecord] = []
        self.breaks: list[Break] = []
        self.stretches: list[tuple[datetime, datetime, str]] = []
        self.pauses: list[tuple[datetime, datetime]] = []  # ended ones, in the order closed
        self.under_way: PauseUnderWay | None = None

    def record_prompt(self, record: PromptRecord) -> None:
        self.prompts.append(record)

    def record_break(self, taken: Break) -> None:
        self.breaks.append(taken)

    def rate_prompt(self, shown_at: datetime, rating: str) -> None:
        for index in range(len(self.prompts) - 1, -1, -1):
            record = self.prompts[index]
            if record.shown_at == shown_at and record.outcome.value == "done":
                self.prompts[index] = replace(record, rating=rating)
                return

    def history(self) -> list[PromptRecord]:
        return list(self.prompts)

    def breaks_since(self, since: datetime) -> list[Break]:
        return [b for b in self.breaks if b.start >= since]

    def record_stretch(self, started: datetime, ended: datetime, posture: str) -> None:
        if ended <= started:
            return
        for index in range(len(self.stretches) - 1, -1, -1):  # same start: the one, grown
            if int(self.stretches[index][0].timestamp()) == int(started.timestamp()):
                self.stretches[index] = (started, ended, posture)
                return
        self.stretches.append((started, ended, posture))

    def move_stretch(self, started: datetime, to: datetime) -> None:
        for index in range(len(self.stretches) - 1, -1, -1):
            if int(self.stretches[index][0].timestamp()) == int(started.timestamp()):
                self.stretches[index] = (to, *self.stretches[index][1:])
                return

    def last_stretch(self) -> Stretch | None:
        if not self.stretches:
            return None
        start, end, posture = max(self.stretches, key=lambda s: s[1])
        return Stretch(start, end, posture)

    def record_pause(
        self,
        started: datetime,
        ended: datetime,
        *,
        until: datetime | None = None,
        under_way: bool = False,
    ) -> None:
        """Like the SQLite journal: keyed by the start (to the second), one under way.

        ``pauses`` holds the ended ones, ``under_way`` the open one.
        """
        ended = max(ended, started)
        second = int(started.timestamp())
        current = self.under_way
        if current is not None and int(current.start.timestamp()) == second:
            self.under_way = None
            if under_way:
                self.under_way = PauseUnderWay(current.start, ended, current.until)
            elif int(ended.timestamp()) > second:
                self.pauses.append((current.start, ended))
            return
        if not under_way:  # a finished pause it did not have under way
            if int(ended.timestamp()) > second:
                self.pauses.append((started, ended))
            return
        if current is not None and int(current.start.timestamp()) < second:
            self.pauses.append((current.start, started))  # ends where this one begins
        self.under_way = PauseUnderWay(started, ended, until)

    def pause_under_way(self) -> PauseUnderWay | None:
        return self.under_way

    def carry_pause(self, left: PauseUnderWay, now: datetime) -> None:
        self.record_pause(left.start, left.kept_until)
        self.record_pause(
            max(now, left.start), max(now, left.start), until=left.until, under_way=True
        )


class RecordingDisplay:
    """Remembers what the Coach asked the screen to do."""

    def __init__(self) -> None:
        self.shown: ShownPrompt | None = None
        self.shows = 0
        self.notes: list[str] = []
        self.asking: str | None = None
        self.guidance: str | None = None

    def show_prompt(self, prompt: ShownPrompt) -> None:
        self.shown = prompt
        self.shows += 1

    def hide_prompt(self) -> None:
        self.shown = None

    def notify(self, title: str, message: str) -> None:
        self.notes.append(title)

    def ask_rating(self, title: str) -> None:
        self.shown = None
        self.asking = title

    def show_guidance(self, text: str) -> None:
        self.guidance = text


_clock: Clock = FakeClock()  # mypy checks the fakes satisfy the ports
_source: ActivitySource = FakeActivity(FakeClock())
_scheduler: Scheduler = ManualScheduler(FakeClock())
_journal: Journal = MemoryJournal()
_display: PromptDisplay = RecordingDisplay()
