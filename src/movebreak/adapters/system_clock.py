"""The real clock, the user's local zone, and detection of time the machine slept."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo


class SystemClock:
    """Aware UTC time from the operating system (implements ``core.ports.Clock``)."""

    def now(self) -> datetime:
        """Return the current instant in UTC."""
        return datetime.now(UTC)


class LocalTimezone(tzinfo):
    """The system's local zone, DST included, as the C library knows it.

    ``datetime.now().astimezone().tzinfo`` is a fixed offset and goes wrong across a DST
    change; this asks ``time.localtime`` for each instant instead (the pattern from the
    ``datetime`` documentation), so no timezone database is needed.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        """Offset from UTC at local wall time ``dt``."""
        return timedelta(seconds=self._local(dt).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        """DST part of the offset: unknown to ``time``; zero keeps arithmetic consistent."""
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        """Abbreviation such as ``CET``."""
        return self._local(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        """Convert UTC wall time to local wall time."""
        stamp = dt.replace(tzinfo=UTC).timestamp()
        local = time.localtime(stamp)
        return dt + timedelta(seconds=local.tm_gmtoff)

    @staticmethod
    def _local(dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        fields = (dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.weekday(), 0, -1)
        return time.localtime(time.mktime(fields))

    def __repr__(self) -> str:
        return "LocalTimezone()"


def _boottime() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


#: Seconds on a clock that keeps running while the machine sleeps, where the OS has one.
#: Linux's CLOCK_BOOTTIME does; elsewhere ``time.monotonic`` is the best we have.
elapsed_clock: Callable[[], float] = (
    _boottime if hasattr(time, "CLOCK_BOOTTIME") else time.monotonic
)


class SleepDetector:
    """Notices time the machine spent suspended between two calls.

    Compares a clock that runs during suspend with one that does not (Linux), or the wall
    clock with the monotonic one (elsewhere, where a wall-clock step looks the same and is
    treated the same: as time nobody was at the computer).
    """

    def __init__(
        self,
        running: Callable[[], float] = elapsed_clock,
        awake: Callable[[], float] = time.monotonic,
        threshold: timedelta = timedelta(seconds=5),
    ):
        if running is time.monotonic:
            running = time.time
        self._running = running
        self._awake = awake
        self._threshold = threshold.total_seconds()
        self._offset = running() - awake()

    def slept(self) -> timedelta:
        """Suspended time since the previous call; zero if none worth counting."""
        offset = self._running() - self._awake()
        gained = offset - self._offset
        self._offset = offset
        return timedelta(seconds=gained) if gained >= self._threshold else timedelta(0)
