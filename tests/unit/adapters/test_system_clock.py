import subprocess
import sys
from datetime import timedelta

from movebreak.adapters.system_clock import SleepDetector, SystemClock


class Ticker:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def test_the_system_clock_is_aware_utc() -> None:
    now = SystemClock().now()
    assert now.utcoffset() == timedelta(0)


def test_a_suspend_shows_as_time_the_running_clock_gained() -> None:
    running, awake = Ticker(), Ticker()
    detector = SleepDetector(running=running, awake=awake)
    running.value += 15
    awake.value += 15  # fifteen seconds awake: nothing slept
    assert detector.slept() == timedelta(0)
    running.value += 600 + 15  # ten minutes asleep, then fifteen awake
    awake.value += 15
    assert detector.slept() == timedelta(minutes=10)
    running.value += 15
    awake.value += 15
    assert detector.slept() == timedelta(0)  # counted once


def test_timer_jitter_is_not_a_suspend() -> None:
    running, awake = Ticker(), Ticker()
    detector = SleepDetector(running=running, awake=awake)
    running.value += 15.3
    awake.value += 15
    assert detector.slept() == timedelta(0)


LOCAL_DAYS = """
from datetime import UTC, datetime
from movebreak.adapters.system_clock import LocalTimezone
tz = LocalTimezone()
winter = datetime(2026, 1, 15, 12, 0, tzinfo=UTC).astimezone(tz)
summer = datetime(2026, 7, 15, 12, 0, tzinfo=UTC).astimezone(tz)
print(winter.hour, summer.hour, winter.tzname(), summer.tzname())
four = datetime(2026, 3, 29, 4, 0, tzinfo=tz)  # the morning clocks went forward
print(four.astimezone(UTC).hour)
"""


def test_the_local_zone_follows_daylight_saving_time() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOCAL_DAYS],
        env={"TZ": "Europe/Berlin", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split() == ["13", "14", "CET", "CEST", "2"]
