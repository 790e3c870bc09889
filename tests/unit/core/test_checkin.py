"""When the optional back check-in is asked: once a day, settled in, never over a prompt."""

from datetime import UTC, date, datetime, timedelta

import pytest

from movebreak.core.checkin import CheckInState, should_ask
from movebreak.core.sitting import DeskView, SittingRules, activity, arrive, view

RULES = SittingRules(natural_break=timedelta(minutes=5), tz=UTC)
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def desk_after(minutes: int, *, idle: int = 0) -> DeskView:
    """At the desk from START, typing every minute for ``minutes``, then ``idle`` minutes."""
    desk = arrive(START, RULES)
    for minute in range(1, minutes + 1):
        desk = activity(desk, START + timedelta(minutes=minute), RULES)
    return view(desk, START + timedelta(minutes=minutes + idle), RULES)


def test_asked_once_settled_in_when_enabled() -> None:
    assert not should_ask(
        CheckInState(), enabled=True, desk=desk_after(1), answered_today=False, prompting=False
    )
    assert should_ask(
        CheckInState(), enabled=True, desk=desk_after(4), answered_today=False, prompting=False
    )


@pytest.mark.parametrize(
    ("state", "enabled", "answered", "prompting", "idle"),
    [
        (CheckInState(), False, False, False, 0),  # off (the default)
        (CheckInState(), True, True, False, 0),  # answered from the CLI or the tray
        (CheckInState(), True, False, True, 0),  # a prompt is open
        (CheckInState(asked_on=date(2026, 3, 2)), True, False, False, 0),  # asked today
        (CheckInState(), True, False, False, 10),  # away from the desk
    ],
)
def test_not_asked(
    state: CheckInState, enabled: bool, answered: bool, prompting: bool, idle: int
) -> None:
    desk = desk_after(10, idle=idle)
    assert not should_ask(
        state, enabled=enabled, desk=desk, answered_today=answered, prompting=prompting
    )


def test_asked_again_the_next_day() -> None:
    desk = arrive(START + timedelta(days=1), RULES)
    for minute in range(1, 5):
        desk = activity(desk, START + timedelta(days=1, minutes=minute), RULES)
    seen = view(desk, START + timedelta(days=1, minutes=4), RULES)
    assert should_ask(
        CheckInState(asked_on=date(2026, 3, 2)),
        enabled=True,
        desk=seen,
        answered_today=False,
        prompting=False,
    )
