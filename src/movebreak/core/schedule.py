"""Work days and work hours: when prompts may appear at all.

Pure calendar arithmetic in the user's local zone. Sitting is tracked around the clock;
only prompts respect the schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum


class Weekday(StrEnum):
    """Days as written in ``config.toml``; declaration order is ``date.weekday()`` order."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @classmethod
    def of(cls, day: date) -> Weekday:
        """The weekday of ``day``."""
        return list(cls)[day.weekday()]


ALL_DAYS: tuple[Weekday, ...] = tuple(Weekday)
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class WorkHours:
    """A daily window of local wall-clock time, ``start`` inclusive, ``end`` exclusive.

    ``end`` may be 24:00 (the end of the day), written as ``time.max`` inside.
    A window whose end is before its start runs past midnight ("22:00-06:00").
    """

    start: time
    end: time

    @classmethod
    def parse(cls, text: object) -> WorkHours:
        """Read ``"08:30-18:00"``; raise ValueError with a message a user can act on."""
        match = _RANGE.match(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f'{text!r} is not a time range like "08:30-18:00"')
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        try:
            start = time(h1, m1)
            end = time.max if (h2, m2) == (24, 0) else time(h2, m2)
        except ValueError:
            raise ValueError(f"{text!r} has an hour or minute out of range") from None
        if start == end:
            raise ValueError(f"{text!r} is an empty range")
        return cls(start, end)

    def __str__(self) -> str:
        end = "24:00" if self.end == time.max else self.end.strftime("%H:%M")
        return f"{self.start.strftime('%H:%M')}-{end}"

    def covers(self, moment: time) -> bool:
        """Whether local wall time ``moment`` is inside the window."""
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


ALL_DAY = WorkHours(time(0, 0), time.max)


@dataclass(frozen=True, slots=True)
class Schedule:
    """When prompts may appear."""

    days: tuple[Weekday, ...]
    hours: WorkHours
    tz: tzinfo

    def is_on(self, at: datetime) -> bool:
        """Whether ``at`` falls within work days and work hours.

        A night window ("22:00-06:00") belongs to the day it started on.
        """
        local = at.astimezone(self.tz)
        day = local.date()
        overnight = self.hours.end < self.hours.start and local.time() < self.hours.end
        if overnight:
            day -= timedelta(days=1)
        return Weekday.of(day) in self.days and self.hours.covers(local.time())

    def next_start(self, after: datetime) -> datetime | None:
        """The next instant after ``after`` at which the schedule turns on, if any."""
        if not self.days:
            return None
        local = after.astimezone(self.tz)
        for offset in range(0, 9):
            day = local.date() + timedelta(days=offset)
            if Weekday.of(day) not in self.days:
                continue
            start = datetime.combine(day, self.hours.start, tzinfo=self.tz)
            if start > after:
                return start
        return None
