from datetime import UTC, date, timedelta

import pytest

from movebreak.core.sitting import Break, DeskView, Posture, Presence
from movebreak.ui.presenters import span, tray_view
from tests.fakes import START

ZERO = timedelta(0)


def desk(presence: Presence = Presence.SEATED, **changes: object) -> DeskView:
    base: dict[str, object] = {
        "presence": presence,
        "posture": Posture.SEATED,
        "seated": timedelta(minutes=23),
        "standing": ZERO,
        "idle": timedelta(seconds=5),
        "last_break": None,
        "breaks_today": (),
        "seated_today": timedelta(hours=2),
        "standing_today": ZERO,
        "day": date(2026, 3, 2),
    }
    base.update(changes)
    return DeskView(**base)  # type: ignore[arg-type]  # test builder


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min"), (23 * 60 + 59, "23 min"), (3900, "1 h 05 min")],
)
def test_spans_read_naturally(seconds: int, text: str) -> None:
    assert span(timedelta(seconds=seconds)) == text


def test_seated_status_and_tooltip() -> None:
    view = tray_view(desk(), timedelta(minutes=30), UTC)
    assert view.status == "Seated 23 min"
    assert view.tooltip.splitlines()[:3] == ["movebreak", "Seated 23 min of 30 min", "No break yet"]
    assert view.progress == pytest.approx(23 / 30)


def test_away_shows_how_long_and_an_empty_ring() -> None:
    taken = Break(START, START + timedelta(minutes=7))
    view = tray_view(
        desk(
            Presence.AWAY,
            seated=ZERO,
            idle=timedelta(minutes=6),
            last_break=taken,
            breaks_today=(taken,),
        ),
        timedelta(minutes=30),
        UTC,
    )
    assert view.status == "Away 6 min"
    assert view.details[:2] == ("Last break 09:00, 7 min", "1 break today")
    assert view.progress == 0.0


def test_standing_and_a_missing_activity_source_are_said_plainly() -> None:
    view = tray_view(
        desk(
            Presence.STANDING, posture=Posture.STANDING, seated=ZERO, standing=timedelta(minutes=12)
        ),
        timedelta(minutes=30),
        UTC,
        source_problem="Wayland session: keyboard and mouse activity of other apps is hidden",
    )
    assert view.status == "Standing 12 min"
    assert view.details[-1].startswith("Activity not visible: Wayland session")
