"""The settings window, offscreen, against a real config.toml: what a user changes sticks."""

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from movebreak.adapters.autostart import XdgAutostart
from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.library_file import load_library
from movebreak.adapters.paths import AppPaths
from movebreak.adapters.settings_file import load_settings
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import CHOICE_LABELS, Option, Settings, options, value_of
from movebreak.core.settings_text import default_file_text
from movebreak.ui.setting_editors import (
    ChecklistEditor,
    ChoiceEditor,
    ClockEditor,
    DaysEditor,
    DurationEditor,
    Editor,
    ExercisePicker,
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
        editor.choose("none" if "none" in others else others[0])
    elif isinstance(editor, ChecklistEditor):
        next(iter(editor.boxes.values())).click()
    elif isinstance(editor, ExercisePicker):
        editor.tick("walk-lap")
        editor.tick("march-in-place")
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
        row.editor.choose(raw)
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


def shown_texts(window: SettingsWindow) -> list[str]:
    """Every text the page shown puts in front of the user (labels, buttons, items, fields)."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
    return found


def test_every_choice_of_every_option_has_a_label_of_its_own() -> None:
    for option in options():
        labels = CHOICE_LABELS.get((option.table, option.key), {})
        for choice in option.spec.choices or ():
            assert choice in labels, f"[{option.table}] {option.key}: no label for {choice!r}"
            assert labels[choice] != choice
            assert not re.search(r"[_\"`\[]", labels[choice]), labels[choice]
        assert set(labels) <= set(option.spec.choices or ()), "a label for no choice"


def test_no_page_shows_an_id_file_syntax_or_the_same_hint_twice(
    app: MovebreakApp,
) -> None:
    window = window_of(app)
    window.rows[("exercises", "favourites")].editor.show_value(("calf-raise",))
    exercises = load_library(None).exercises
    exercise_ids = {e.id for e in exercises}
    titles = sorted((e.title for e in exercises), key=len, reverse=True)
    choices = {c for option in options() for c in option.spec.choices or ()}
    left: list[str] = []
    for title, _ in PAGES:
        window.open_page(title)
        texts = shown_texts(window)
        for text in texts:
            rest = text
            for title_text in titles:  # a title may hold an id's words ("sit-to-stand")
                rest = rest.replace(title_text, " ")
            words = set(re.findall(r"[\w-]+", rest))
            if raw := (words & exercise_ids) | {w for w in words & choices if re.search("[_-]", w)}:
                left.append(f"{title}: raw id {sorted(raw)} in {text!r}")
            if text in choices:
                left.append(f"{title}: a choice as written in the file: {text!r}")
            if re.search(r'["`]|\[\s*"', text):
                left.append(f"{title}: file syntax in {text!r}")
        hints = [t for t in texts if "1h30m" in t]
        durations = any(o.kind is timedelta for o in options() if o.table in dict(PAGES)[title])
        assert len(hints) == (1 if durations else 0), f"{title}: {hints}"
    assert left == []
    window.open_page("Exercises")
    labels = [t for t in shown_texts(window) if "exercises" in t.lower()]
    assert "Leave out exercises that do not suit" in labels


def test_favourites_are_picked_by_title_and_saved_as_ids(
    app: MovebreakApp, paths: AppPaths
) -> None:
    text = paths.config_file.read_text(encoding="utf-8")
    paths.config_file.write_text(
        text.replace("hidden = []", 'hidden = ["gone-exercise"]'), encoding="utf-8"
    )
    app.settings_flow.reload()  # type: ignore[union-attr]
    window = window_of(app)
    window.open_page("Exercises")
    picker = window.rows[("exercises", "favourites")].editor
    assert isinstance(picker, ExercisePicker)
    picker.search.setText("calf")
    shown = [item for item in picker.items() if not item.isHidden()]
    assert shown
    assert all("calf" in item.text().lower() for item in shown)
    target = next(item for item in shown if item.text() == "Calf stretch")
    target.setCheckState(Qt.CheckState.Checked)  # what a click on its box does
    saved, _ = load_settings(paths.config_file)
    assert saved.exercises.favourites == ("calf-stretch-wall",)
    assert "Calf stretch" in picker.chosen.text()
    hidden = window.rows[("exercises", "hidden")].editor
    assert isinstance(hidden, ExercisePicker)
    assert "1 more not in the library" in hidden.chosen.text()
    hidden.tick("walk-lap")
    saved, _ = load_settings(paths.config_file)
    assert saved.exercises.hidden == ("walk-lap", "gone-exercise")  # nothing the user wrote lost
    # A mark from the library window shows in the picker at once.
    library = app.open_library()
    library.select("march-in-place")
    library.favourite_toggled.emit("march-in-place", True)
    ticked = [i.text() for i in picker.items() if i.checkState() is Qt.CheckState.Checked]
    assert ticked == ["Calf stretch", "Desk-side march"]  # by title


def test_choices_show_labels_and_save_the_files_values(app: MovebreakApp, paths: AppPaths) -> None:
    window = window_of(app)
    style = window.rows[("notifications", "prompt_style")].editor
    assert isinstance(style, ChoiceEditor)
    assert style.combo.currentText() == "Automatic (a notification on Wayland, else a window)"
    style.combo.setCurrentIndex(style.combo.findText("A desktop notification"))
    saved, _ = load_settings(paths.config_file)
    assert saved.notifications.prompt_style == "notification"
    source = window.rows[("activity", "source")].editor
    assert isinstance(source, ChoiceEditor)
    assert source.combo.currentText() == "Automatic (the lightest that works)"
    avoid = window.rows[("exercises", "avoid_if")].editor
    assert isinstance(avoid, ChecklistEditor)
    avoid.boxes["wrist_pain"].click()
    assert avoid.boxes["wrist_pain"].text() == "Wrist pain"
    saved, _ = load_settings(paths.config_file)
    assert saved.exercises.avoid_if == ("wrist_pain",)
    text = paths.config_file.read_text(encoding="utf-8")
    assert '"balance_problems"' in text  # the file still lists the values it takes
