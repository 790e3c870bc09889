import re
from datetime import UTC, date, timedelta

import pytest

from movebreak.adapters.library_file import load_library
from movebreak.core.progression import Level
from movebreak.core.sitting import Break, DeskView, Posture, Presence
from movebreak.core.status import Status
from movebreak.ui.presenters import (
    area_name,
    countdown,
    exercise_detail,
    position_name,
    red_flags_text,
    span,
    status_json,
    status_text,
    tray_view,
)
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


def test_every_exercise_detail_gives_one_duration_and_areas_in_words() -> None:
    exercises = load_library(None).exercises
    for exercise in exercises:
        _, facts, _, _ = exercise_detail(exercise)
        assert "_" not in facts, facts
        times = re.findall(r"\b\d+ (?:s|min)\b", facts)
        dose = exercise.dose
        if dose.unit in ("s", "min") and dose.sets == 1 and not dose.per_side:
            assert len(times) == 1, facts  # "30 s", never "30 s · about 30 s"
        else:  # the dose, then the whole exercise's time said once: "(about 45 s)"
            assert len(re.findall(r"\((?:about )?\d+ (?:s|min)(?: in all)?\)", facts)) == 1
    by_id = {e.id: e for e in exercises}
    assert exercise_detail(by_id["calf-raise"])[1].splitlines() == [
        "10 reps (about 45 s) · standing · level 1 of 3",
        "Body areas: calves and ankles, circulation",
    ]
    assert area_name("wrists_hands") == "wrists and hands"
    assert position_name("either") == "seated or standing"


def test_the_emergency_group_of_red_flags_stands_out() -> None:
    text = red_flags_text([("Emergency: call now", ["a"]), ("Urgent: today", ["b"])])
    assert '<p style="color: #b71c1c"><b>Emergency: call now</b>' in text
    assert "<p><b>Urgent: today</b>" in text


def test_the_tray_says_where_activity_comes_from() -> None:
    reason = "ext-idle-notify-v1 from the compositor"
    view = tray_view(status(desk()), START, timedelta(minutes=30), UTC, source_reason=reason)
    assert view.details[-1] == "Activity: ext-idle-notify-v1 from the compositor"
    assert "Activity: ext-idle-notify-v1 from the compositor" in view.tooltip
    data = status_json(status(desk()), START, "wayland-idle", reason)
    assert data["activity_reason"] == reason
    assert status_text(data).splitlines()[-1] == (
        "Activity: wayland-idle, ext-idle-notify-v1 from the compositor"
    )
