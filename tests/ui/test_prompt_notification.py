"""A prompt shown as a notification: answered without opening it, it opens nothing."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Notifications, Settings
from tests.fakes import FakeActivity, FakeClock


@pytest.fixture
def noted_app(
    qtbot: QtBot,
    clock: FakeClock,
    journal: SqliteJournal,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[MovebreakApp, list[str]]]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # the tray's notification
    settings = Settings(notifications=Notifications(prompt_style="notification"))
    built = MovebreakApp(
        settings, [], source=FakeActivity(clock), journal=journal, clock=clock, busy=lambda: None
    )
    notes: list[str] = []
    monkeypatch.setattr(built.tray, "notify", lambda title, message: notes.append(title))
    yield built, notes
    built.stop()


def test_done_from_the_command_line_behind_a_notification_opens_no_rating_window(
    noted_app: tuple[MovebreakApp, list[str]], tmp_path: Path
) -> None:
    # On Wayland the rating window would take the keyboard from what the user types in.
    app, notes = noted_app
    assert app.coach.break_now()
    assert notes == ["Time to move"]
    assert not app.prompt.isVisible()
    assert app.coach.done()  # `movebreak done`, the prompt never opened
    assert not app.prompt.isVisible()
    app.tray.message_clicked.emit()  # a late click on the old notification
    assert not app.prompt.isVisible()


def test_done_in_the_opened_prompt_still_asks_how_it_was(
    noted_app: tuple[MovebreakApp, list[str]],
) -> None:
    app, _ = noted_app
    assert app.coach.break_now()
    app.tray.message_clicked.emit()  # the user opened it from the notification
    assert app.prompt.isVisible()
    assert app.coach.done()
    assert app.prompt.isVisible()  # the rating question, in the prompt window
