"""Every window of the app, open as a user sees it, for the checks that span all of them.

Translation, keyboard and accessibility are promises about every window at once; these
helpers open each one with content in it, so a window added later needs one line here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from movebreak.adapters.journal import SqliteJournal
from movebreak.adapters.library_file import load_library
from movebreak.app.application import MovebreakApp
from movebreak.core.settings import options
from movebreak.ui.presenters import PromptView, TrayView, exercise_detail, library_rows
from movebreak.ui.settings_window import PAGES, SettingsWindow
from tests.fakes import FakeClock

# What a user can operate: what Tab must reach and what a screen reader must name.
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def seed_history(app: MovebreakApp, journal: SqliteJournal, clock: FakeClock) -> None:
    """Today 7 of 10 minutes moved; earlier days at goal; check-ins, so every chart draws."""
    clock.current = clock.current.replace(hour=15, minute=0)  # mid-afternoon, any date
    now = clock.now()
    rules = app.coach.sitting_rules
    journal.record_activity(now - timedelta(hours=1), timedelta(minutes=7), "walk")
    for days_ago in range(1, 15):
        at = now - timedelta(days=days_ago)
        if days_ago % 2:
            journal.record_activity(at - timedelta(hours=1), timedelta(minutes=12), "walk")
        journal.record_checkin(rules.day_of(at), 2 if days_ago % 2 else 5, at)


class Views:
    """The presenters' output as the app hands it to the windows (data, not fixed text)."""

    def __init__(self, app: MovebreakApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.prompts: list[PromptView] = []
        self.trays: list[TrayView] = []
        show_prompt, render = app.prompt.show_prompt, app.tray.render

        def recording_show_prompt(view: PromptView) -> None:
            self.prompts.append(view)
            show_prompt(view)

        def recording_render(view: TrayView) -> None:
            self.trays.append(view)
            render(view)

        monkeypatch.setattr(app.prompt, "show_prompt", recording_show_prompt)
        monkeypatch.setattr(app.tray, "render", recording_render)

    def strings(self) -> set[str]:
        """Every line the presenters produced."""
        found: set[str] = set()
        for prompt in self.prompts:
            found |= {prompt.heading, prompt.title, prompt.summary, prompt.caution or ""}
            found |= {*prompt.steps, prompt.duration_text, prompt.snooze_label or ""}
            found.add((prompt.snooze_label or "").replace("Snooze", "S&nooze"))
        for tray in self.trays:
            found |= {tray.status, *tray.details, *tray.tooltip.split("\n")}
        return found - {""}


def library_strings(app: MovebreakApp) -> set[str]:
    """Exercise texts, the presenters' lines about them, and the filters' values."""
    exercises = load_library(None).exercises
    found: set[str] = set()
    for exercise in exercises:
        found |= {exercise.title, exercise.summary, *exercise.steps, *exercise.cautions}
        found |= set(exercise_detail(exercise))
        found |= {exercise.position.value, *(a.replace("_", " ") for a in exercise.focus_areas)}
    rows = library_rows(
        exercises, position=None, focus=None, level=None, favourites=frozenset(),
        hidden=frozenset(),
    )  # fmt: skip
    return found | {row.text for row in rows}


def schema_choices() -> set[str]:
    """The settings' choices, shown as written in config.toml."""
    return {choice for option in options() for choice in option.spec.choices or ()}


def open_windows(app: MovebreakApp) -> dict[str, QWidget]:
    """Every window, shown: each one a user can open, with content in it."""
    assert app.coach.break_now()
    app.refresh()
    settings = app.open_settings()
    assert settings is not None  # the app has a profile on disk
    return {
        "prompt": app.prompt,
        "review": app.open_review(),
        "library": app.open_library(),
        "welcome": app.open_welcome(),
        "checkin": app.open_checkin(),
        "settings": settings,
        "about": app.open_about(),
        "red flags": app.show_red_flags(),
    }


def states(name: str, window: QWidget, app: MovebreakApp) -> Iterator[str]:
    """Put ``window`` in each state that shows other widgets; yields a label for each."""
    if isinstance(window, SettingsWindow):
        for title, _ in PAGES:
            window.open_page(title)
            yield f"{name}: {title}"
    elif window is app.prompt:
        yield f"{name}: prompt"
        app.prompt.ask_rating("Desk-side march")
        yield f"{name}: rating"
    else:
        yield name


def controls(window: QWidget) -> list[QWidget]:
    """The controls a user can operate now (a spin box's or combo's own parts left out)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS)
        and widget.isVisibleTo(window)
        and widget.isEnabled()
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    ]
