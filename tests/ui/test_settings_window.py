"""The settings window, offscreen, against a real config.toml: what a user changes sticks."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from movebreak.adapters.autostart import XdgAutostart
from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Option, Settings, options, value_of
from movebreak.core.settings_text import default_file_text
from movebreak.ui.setting_editors import (
    ChecklistEditor,
    ChoiceEditor,
    ClockEditor,
    DaysEditor,
    DurationEditor,
    Editor,
    HoursEditor,
    ListEditor,
    NumberEditor,
    SwitchEditor,
    TextEditor,
)
from movebreak.ui.settings_window import PAGES, SettingsWindow
from tests.fakes import FakeActivity, FakeClock

USER_NOTE = "# my own note: keep this"


class CountingChime:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> bool:
        self.played += 1
        return True


@pytest.fixture
def chime() -> CountingChime:
    return CountingChime()


@pytest.fixture
def app(
    qtbot: QtBot,
    clock: FakeClock,
    journal: SqliteJournal,
    paths: AppPaths,
    tmp_path: Path,
    chime: CountingChime,
) -> Iterator[MovebreakApp]:
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text(USER_NOTE + "\n" + default_file_text(), encoding="utf-8")
    built = MovebreakApp(
        Settings(), [], source=FakeActivity(clock), journal=journal, clock=clock,
        busy=lambda: None, paths=paths, autostart=XdgAutostart(tmp_path / "autostart"),
        chime=chime,  # type: ignore[arg-type]  # counts instead of playing
    )  # fmt: skip
    yield built
    built.stop()


def window_of(app: MovebreakApp) -> SettingsWindow:
    window = app.open_settings()
    assert window is not None
    return window


def enter(editor: Editor, option: Option, folder: Path | None = None) -> None:
    """Enter a valid value other than the default, the way a user would.

    A text (the shared folder, the computer's name) goes under ``folder``: the app writes
    into the shared folder as soon as it is set.
    """
    if isinstance(editor, DurationEditor):
        editor.field.setText("1h7m" if option.default >= timedelta(minutes=20) else "7s")
        editor.field.editingFinished.emit()
    elif isinstance(editor, SwitchEditor):
        editor.box.click()
    elif isinstance(editor, NumberEditor):
        high = option.spec.recommended[1] if option.spec.recommended else 1000
        editor.spin.setValue(option.default + 1 if option.default < high else option.default - 1)
    elif isinstance(editor, ChoiceEditor):
        others = [c for c in option.spec.choices or () if c != option.default]
        editor.combo.setCurrentText("none" if "none" in others else others[0])
    elif isinstance(editor, ChecklistEditor):
        next(iter(editor.boxes.values())).click()
    elif isinstance(editor, ListEditor):
        editor.field.setText("walk-lap, march")
        editor.field.editingFinished.emit()
    elif isinstance(editor, DaysEditor):
        editor.buttons[next(reversed(editor.buttons))].click()
    elif isinstance(editor, HoursEditor):
        editor.all_day.click()
    elif isinstance(editor, ClockEditor):
        editor.edit.setTime(QTime(5, 30))
        editor.edit.editingFinished.emit()
    elif isinstance(editor, TextEditor):
        assert folder is not None, "a text setting needs a folder of the test's own"
        editor.field.setText(str(folder / option.key))
        editor.field.editingFinished.emit()
    else:
        raise AssertionError(f"no way to edit {editor!r}")


def test_every_setting_changed_in_the_window_is_saved_applied_and_keeps_comments(
    app: MovebreakApp, paths: AppPaths
) -> None:
    window = window_of(app)
    for option in options():
        enter(window.rows[(option.table, option.key)].editor, option, paths.data_dir.parent)
    saved, problems = load_settings(paths.config_file)
    assert [p for p in problems if p.severity.value == "error"] == []
    for option in options():
        value = value_of(saved, option.table, option.key)
        assert value != option.default, f"[{option.table}] {option.key} was not saved"
        assert value == value_of(app.settings, option.table, option.key)  # and in force
    text = paths.config_file.read_text(encoding="utf-8")
    assert text.startswith(USER_NOTE)
    assert "# Unbroken time seated at the computer" in text  # the file's own comments too
    assert paths.config_file.with_name("config.toml.bak").exists()


def test_a_refused_value_is_explained_next_to_its_field_and_never_saved(
    app: MovebreakApp, paths: AppPaths
) -> None:
    before = paths.config_file.read_text(encoding="utf-8")
    window = window_of(app)
    row = window.rows[("breaks", "sitting_limit")]
    assert isinstance(row.editor, DurationEditor)
    row.editor.field.setText("soon")
    row.editor.field.editingFinished.emit()
    assert row.problem.isVisibleTo(window)
    assert "'soon' is not a duration" in row.problem.text()
    assert row.problem.text().endswith("Not saved.")
    assert paths.config_file.read_text(encoding="utf-8") == before
    assert app.settings.breaks.sitting_limit == timedelta(minutes=30)
    row.editor.field.setText("45m")
    row.editor.field.editingFinished.emit()
    assert not row.problem.isVisibleTo(window)
    assert app.settings.breaks.sitting_limit == timedelta(minutes=45)


def test_advice_outside_the_recommended_range_is_shown_but_the_value_is_kept(
    app: MovebreakApp,
) -> None:
    window = window_of(app)
    row = window.rows[("breaks", "sitting_limit")]
    assert isinstance(row.editor, DurationEditor)
    row.editor.field.setText("2h")
    row.editor.field.editingFinished.emit()
    assert "outside the recommended range" in row.problem.text()
    assert "saved anyway" in row.problem.text()
    assert app.settings.breaks.sitting_limit == timedelta(hours=2)


def test_a_new_limit_takes_effect_at_once(app: MovebreakApp) -> None:
    assert app.status()["next_prompt_in_seconds"] == 30 * 60
    window = window_of(app)
    row = window.rows[("breaks", "sitting_limit")]
    assert isinstance(row.editor, DurationEditor)
    row.editor.field.setText("20m")
    row.editor.field.editingFinished.emit()
    assert app.status()["next_prompt_in_seconds"] == 20 * 60


def test_reset_puts_one_page_back_to_its_defaults(app: MovebreakApp, paths: AppPaths) -> None:
    window = window_of(app)
    for option in options():
        if option.table in ("breaks", "goals"):
            enter(window.rows[(option.table, option.key)].editor, option)
    window.open_page("Breaks")
    reset = next(
        b
        for b in window.findChildren(QPushButton)
        if b.text() == "Reset this page to defaults" and b.isVisibleTo(window)
    )
    reset.click()
    saved, _ = load_settings(paths.config_file)
    assert saved.breaks == Settings().breaks
    assert saved.goals != Settings().goals  # other pages keep their changes


def test_an_edit_of_the_file_in_another_program_is_applied(
    app: MovebreakApp, paths: AppPaths, qtbot: QtBot
) -> None:
    window = window_of(app)
    text = paths.config_file.read_text(encoding="utf-8")
    paths.config_file.write_text(
        text.replace('sitting_limit = "30m"', 'sitting_limit = "25m"'), encoding="utf-8"
    )
    qtbot.waitUntil(lambda: app.settings.breaks.sitting_limit == timedelta(minutes=25))
    row = window.rows[("breaks", "sitting_limit")]
    assert isinstance(row.editor, DurationEditor)
    assert row.editor.field.text() == "25m"


def test_start_at_login_writes_and_removes_the_autostart_entry(
    app: MovebreakApp, tmp_path: Path
) -> None:
    window = window_of(app)
    entry = tmp_path / "autostart" / "io.github.movebreak.Movebreak.desktop"
    assert not window.autostart.isChecked()
    window.autostart.click()
    assert entry.exists()
    assert "Exec=" in entry.read_text(encoding="utf-8")
    window.close()
    assert window_of(app).autostart.isChecked()  # read back from the file on opening
    window.autostart.click()
    assert not entry.exists()


def test_every_table_is_on_one_page_and_every_field_can_be_reached_by_keyboard(
    app: MovebreakApp,
) -> None:
    tables = [t for _, group in PAGES for t in group]
    assert sorted(tables) == sorted({o.table for o in options()})
    window = window_of(app)
    for key, row in window.rows.items():
        target = row.editor.focusProxy() or row.editor
        assert target.focusPolicy() != target.focusPolicy().NoFocus, key
        assert row.editor.accessibleName(), key


def test_prompts_as_notifications_open_the_window_only_when_clicked_and_can_chime(
    app: MovebreakApp, chime: CountingChime
) -> None:
    window = window_of(app)
    for key, raw in ((("notifications", "prompt_style"), "notification"),):
        row = window.rows[key]
        assert isinstance(row.editor, ChoiceEditor)
        row.editor.combo.setCurrentText(raw)
    sound = window.rows[("notifications", "sound")].editor
    assert isinstance(sound, SwitchEditor)
    sound.box.click()
    assert app.coach.break_now()
    assert not app.prompt.isVisible()
    assert chime.played == 1
    app.tray.message_clicked.emit()
    assert app.prompt.isVisible()
    app.coach.skip()
    assert not app.prompt.isVisible()
