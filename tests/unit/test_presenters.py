from datetime import UTC, date, timedelta

import pytest

from movebreak.core.progression import Level
from movebreak.core.sitting import Break, DeskView, Posture, Presence
from movebreak.core.status import Status
from movebreak.ui.presenters import countdown, span, status_json, status_text, tray_view
from tests.fakes import START

ZERO = timedelta(0)


def desk(presence: Presence = Presence.SEATED, **changes: object) -> DeskView:
    base: dict[str, object] = {
        "presence": presence,
        "posture": Posture.SEATED,
        "stretch_start": START,
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


def status(view: DeskView, state: str | None = None, next_in: int | None = 7 * 60) -> Status:
    return Status(
        state=state or view.presence.value,
        desk=view,
        next_prompt_at=START + timedelta(seconds=next_in) if next_in is not None else None,
        snoozes_left=2,
        held_by=None,
        prompt=None,
        exercise=None,
        paused_until=None,
        level=Level(1, "Level 1: the first two weeks stay gentle."),
        breaks_today=view.breaks_today,  # the Coach adds completed exercises (core.stats)
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min"), (23 * 60 + 59, "23 min"), (3900, "1 h 05 min")],
)
def test_spans_read_naturally(seconds: int, text: str) -> None:
    assert span(timedelta(seconds=seconds)) == text


def test_seated_status_and_tooltip() -> None:
    view = tray_view(status(desk()), START, timedelta(minutes=30), UTC)
    assert view.status == "Seated 23 min"
    assert view.tooltip.splitlines()[:3] == [
        "movebreak",
        "Seated 23 min · next prompt in 7 min",
        "No break yet",
    ]
    assert view.details[0] == "Next prompt in 7 min"
    assert view.progress == pytest.approx(23 / 30)


def test_away_shows_how_long_and_an_empty_ring() -> None:
    taken = Break(START, START + timedelta(minutes=7))
    away = desk(
        Presence.AWAY,
        seated=ZERO,
        idle=timedelta(minutes=6),
        last_break=taken,
        breaks_today=(taken,),
    )
    view = tray_view(status(away, next_in=None), START, timedelta(minutes=30), UTC)
    assert view.status == "Away 6 min"
    assert view.details == (
        "Next prompt when you're back",
        "Last break 09:00, 7 min",
        "1 break today",
        "Level 1: the first two weeks stay gentle.",
    )
    assert view.progress == 0.0


def test_standing_and_a_missing_activity_source_are_said_plainly() -> None:
    standing = desk(
        Presence.STANDING, posture=Posture.STANDING, seated=ZERO, standing=timedelta(minutes=12)
    )
    view = tray_view(
        status(standing),
        START,
        timedelta(minutes=30),
        UTC,
        source_problem="Wayland session: keyboard and mouse activity of other apps is hidden",
    )
    assert view.status == "Standing 12 min"
    assert view.details[-1].startswith("Activity not visible: Wayland session")


def test_paused_and_off_hours_say_so() -> None:
    paused = tray_view(status(desk(), "paused", None), START, timedelta(minutes=30), UTC)
    assert paused.details[0] == "Paused until you resume"
    assert paused.paused
    off = tray_view(status(desk(), "off_hours", None), START, timedelta(minutes=30), UTC)
    assert off.details[0] == "Outside work hours: no prompts"


def test_countdown_reads_as_minutes_and_seconds() -> None:
    assert countdown(timedelta(seconds=65)) == "1:05 left"
    assert countdown(timedelta(0)).startswith("Time's up")


def test_status_json_has_the_documented_fields_and_text_reads_well() -> None:
    data = status_json(status(desk()), START, "pynput")
    assert data["state"] == "seated"
    assert data["seated_seconds"] == 23 * 60
    assert data["next_prompt_in_seconds"] == 7 * 60
    assert data["activity_source"] == "pynput"
    assert data["prompt"] is None
    assert set(data) >= {"standing_seconds", "snoozes_left", "held_by"}
    assert (data["level"], data["level_reason"]) == (1, "Level 1: the first two weeks stay gentle.")
    assert status_text(data) == "Seated 23 min · next prompt in 7 min"
