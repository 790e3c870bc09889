"""Test doubles for the core's ports, type-checked against the Protocols."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from movebreak.core.ports import ActivitySource, Clock

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime = START):
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


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


_clock: Clock = FakeClock()  # mypy checks the fakes satisfy the ports
_source: ActivitySource = FakeActivity(FakeClock())
