"""Every fixed string goes through Qt's translation machinery, and a catalogue is loaded.

A pseudo-translation wraps each string Qt is asked to translate in ⟦ ⟧; a string that
shows up unwrapped was never asked for, so no translation could ever reach it.
"""

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from movebreak import __version__
from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.paths import AppPaths
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import Settings
from movebreak.ui import text
from movebreak.ui.settings_window import SettingsWindow
from tests.fakes import FakeActivity, FakeClock
from tests.ui.windows import (
    Views,
    library_strings,
    open_windows,
    schema_choices,
    seed_history,
    states,
)

WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")  # innermost first: "⟦Rate ⟦Easy⟧⟧" unwraps in two passes
LETTER = re.compile(r"[^\W\d_]")  # numbers, times and symbols need no translation


class PseudoTranslator(QTranslator):
    """Translates everything, visibly."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return f"⟦{source_text}⟧"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def translated_app(
    pseudo: PseudoTranslator,
    qtbot: QtBot,
    clock: FakeClock,
    journal: SqliteJournal,
    paths: AppPaths,
) -> Iterator[MovebreakApp]:
    """The app built after the translator is in: widgets translate as they are made."""
    built = MovebreakApp(
        Settings(), [], source=FakeActivity(clock), journal=journal, clock=clock,
        busy=lambda: None, paths=paths,
    )  # fmt: skip
    yield built
    built.stop()


def untranslated(shown: str, data: Iterable[str]) -> str:
    """What is left of ``shown`` once translated parts, markup and data are taken out."""
    rest = re.sub(r"<[^>]*>", " ", shown)
    while WRAPPED.search(rest):
        rest = WRAPPED.sub(" ", rest)
    for item in sorted(data, key=len, reverse=True):
        rest = rest.replace(item, " ")
    return rest.strip() if LETTER.search(rest) else ""


def shown_strings(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string ``window`` shows or gives a screen reader."""
    yield "window title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        yield f"{where} accessible name", widget.accessibleName()
        yield f"{where} accessible description", widget.accessibleDescription()
        yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{where} text", widget.text()
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                yield f"{where} item", widget.item(row).text()
        if isinstance(widget, QComboBox):
            for row in range(widget.count()):
                yield f"{where} item", widget.itemText(row)


def test_every_fixed_string_in_every_window_goes_through_tr(
    translated_app: MovebreakApp,
    journal: SqliteJournal,
    clock: FakeClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = translated_app
    views = Views(app, monkeypatch)
    seed_history(app, journal, clock)
    windows = open_windows(app)
    review = app.review_window
    assert review is not None
    settings = windows["settings"]
    assert isinstance(settings, SettingsWindow)
    data = (
        views.strings()
        | library_strings(app)
        | schema_choices()
        | {review.shown_date(), str(paths.config_file), settings.autostart.toolTip()}
        | {str(paths.config_dir), str(paths.data_dir), str(paths.log_dir), __version__}
    )
    left: list[str] = []
    for name, window in windows.items():
        for state in states(name, window, app):
            data |= views.strings()
            for where, shown in shown_strings(window):
                if rest := untranslated(shown, data):
                    left.append(f"{state}: {where}: {rest!r} in {shown!r}")
    assert windows["prompt"].windowTitle() == "⟦movebreak: time to move⟧"
    assert not left, "\n".join(sorted(set(left)))


def test_the_tray_menu_and_the_apps_own_messages_go_through_tr(
    translated_app: MovebreakApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = translated_app
    views = Views(app, monkeypatch)
    app.refresh()
    data = views.strings()
    menu = app.tray.menu_lines() + app.tray.pause_lines()
    assert "⟦Take a break now⟧" in menu
    assert [line for line in menu if untranslated(line, data)] == []
    box = app.show_red_flags()
    assert box.windowTitle() == "⟦Red-flag symptoms⟧"
    box.close()


def test_a_prompt_shown_as_a_notification_is_translated(
    translated_app: MovebreakApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = translated_app
    notes: list[tuple[str, str]] = []
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # the tray's notification
    monkeypatch.setattr(app.tray, "notify", lambda title, message: notes.append((title, message)))
    window = app.open_settings()
    assert window is not None
    style = window.rows[("notifications", "prompt_style")].editor
    style.show_value("notification")
    window.changed.emit({("notifications", "prompt_style"): "notification"})
    assert app.coach.break_now()
    assert notes[0][0] == "⟦Time to move⟧"
    assert notes[0][1].startswith("⟦")
    assert notes[0][1].endswith(". Click here to open it.⟧")


def test_without_a_translator_the_windows_speak_english(app: MovebreakApp) -> None:
    assert app.prompt.windowTitle() == "movebreak: time to move"
    assert "Take a break now" in app.tray.menu_lines()
    assert text.tr("&Close") == "&Close"


def test_no_catalogue_for_the_locale_installs_nothing(qapp: QApplication, tmp_path: Path) -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    installed = text.install_translations(qapp, tmp_path, german)
    try:
        assert all(t.filePath().endswith(".qm") for t in installed)
        assert not any(Path(t.filePath()).parent == tmp_path for t in installed)
        assert text.tr("&Close") == "&Close"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)


LRELEASE = shutil.which("pyside6-lrelease") or shutil.which(
    "pyside6-lrelease", path=str(Path(sys.executable).parent)
)


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_a_catalogue_for_the_locale_is_loaded_and_used(qapp: QApplication, tmp_path: Path) -> None:
    assert LRELEASE is not None
    source = tmp_path / "movebreak_de.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">'
        "<context><name></name><message><source>&amp;Close</source>"
        "<translation>&amp;Schließen</translation></message></context></TS>\n",
        encoding="utf-8",
    )
    subprocess.run(
        [LRELEASE, str(source), "-qm", str(tmp_path / "movebreak_de.qm")],
        check=True,
        capture_output=True,
    )
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    installed = text.install_translations(qapp, tmp_path, german)  # de_DE falls back to de
    try:
        assert any(Path(t.filePath()) == tmp_path / "movebreak_de.qm" for t in installed)
        assert text.tr("&Close") == "&Schließen"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
