"""The running app with a shared folder: it shares, it reads, it shows which computer."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.sync_folder import SyncFolder, device_id
from movebreak.app.application import MovebreakApp
from movebreak.core import sync
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.settings import Settings, Sync
from movebreak.core.sync import DevicePresence
from tests.fakes import FakeActivity, FakeClock
from tests.ui.conftest import User


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    return tmp_path / "Sync" / "movebreak"


@pytest.fixture
def synced_app(
    qtbot: QtBot, clock: FakeClock, journal: SqliteJournal, paths: AppPaths, shared: Path
) -> Iterator[tuple[MovebreakApp, FakeActivity]]:
    source = FakeActivity(clock)
    settings = Settings(sync=Sync(folder=str(shared), device_name="desk"))
    built = MovebreakApp(
        settings, [], source=source, journal=journal, clock=clock, busy=lambda: None,
        paths=paths,
    )  # fmt: skip
    yield built, source
    built.stop()


def test_the_app_shares_its_day_and_presence_and_shows_the_other_computer(
    synced_app: tuple[MovebreakApp, FakeActivity],
    clock: FakeClock,
    paths: AppPaths,
    shared: Path,
) -> None:
    app, source = synced_app
    user = User(app, clock, source)
    # The other computer ("laptop") did a 4-minute walk an hour ago; its folder arrived.
    laptop = SyncFolder(shared, "laptop-id", "laptop")
    walked = PromptRecord(
        clock.now() - timedelta(hours=1),
        clock.now() - timedelta(minutes=56),
        "walk-lap",
        Outcome.DONE,
        timedelta(minutes=4),
    )
    laptop.write_month(sync.month_of(walked.shown_at), [sync.entry("w1", "laptop-id", walked)])
    user.work(minutes=3)
    window = app.open_review()
    assert window.figure("Seated") == "3 min"
    shown = window.devices_shown()
    assert "laptop: moved 4 min" in shown
    assert "this computer (desk)" in shown
    review = window.grab()
    artifacts = os.environ.get("MOVEBREAK_ARTIFACTS")
    if artifacts:
        review.save(str(Path(artifacts) / "review-two-computers.png"))
    # This computer's own folder: its presence (written once, within the first minute).
    mine = shared / device_id(paths.data_dir)
    presence = json.loads((mine / "presence.json").read_text())
    assert presence["posture"] == "seated"
    assert set(presence) == {
        "format", "device", "name", "written_at", "last_input", "stretch_start", "posture",
        "moved_at",
    }  # fmt: skip

    def written() -> int:
        return (mine / "presence.json").stat().st_mtime_ns

    before = written()
    for _ in range(5):  # typing on: the next write comes within a minute
        user.work(minutes=0.25)
        if written() != before:
            break
    after = written()
    assert after != before
    user.work(minutes=0.75)  # 45 s more of typing, three samples: no write
    assert written() == after  # at most once a minute, never per input
    user.work(minutes=0.5)
    assert written() != after


def test_sitting_down_here_right_after_the_laptop_continues_its_stretch(
    synced_app: tuple[MovebreakApp, FakeActivity], clock: FakeClock, shared: Path
) -> None:
    app, source = synced_app
    user = User(app, clock, source)
    began = clock.now().replace(microsecond=0) - timedelta(minutes=25)  # files keep seconds
    laptop = SyncFolder(shared, "laptop-id", "laptop")
    laptop.write_presence(
        DevicePresence(
            "laptop-id",
            "laptop",
            clock.now() - timedelta(minutes=1),
            clock.now() - timedelta(minutes=1),
            began,
            "seated",
        )
    )
    user.work(minutes=1)
    assert app.coach.view().stretch_start == began
    seated = app.status()["seated_seconds"]
    assert isinstance(seated, int | float)
    assert seated >= 26 * 60


def test_the_settings_window_shows_this_computers_device_id(
    synced_app: tuple[MovebreakApp, FakeActivity], paths: AppPaths
) -> None:
    app, _ = synced_app
    window = app.open_settings()
    assert window is not None
    window.open_page("Several computers")
    assert device_id(paths.data_dir) in window.device_label.text()
    assert window.rows[("sync", "device_name")].editor.raw() == "desk"
