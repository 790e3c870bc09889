"""What a screen reader is told: a name for every control, and what each chart shows."""

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from movebreak.adapters.journal import SqliteJournal
from movebreak.app.application import MovebreakApp
from movebreak.ui.figure import FigureView
from movebreak.ui.review_window import BackChart, ProgressRing, ReviewWindow, Timeline
from tests.fakes import FakeClock
from tests.ui.windows import controls, open_windows, seed_history, states


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads: the accessible name, else the text or buddy."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


@pytest.fixture
def windows(
    app_with_files: MovebreakApp, journal: SqliteJournal, clock: FakeClock
) -> dict[str, QWidget]:
    seed_history(app_with_files, journal, clock)
    return open_windows(app_with_files)


def test_every_control_and_window_has_a_name(
    app_with_files: MovebreakApp, windows: dict[str, QWidget]
) -> None:
    nameless: list[str] = []
    for name, window in windows.items():
        for state in states(name, window, app_with_files):
            if not spoken_name(window):
                nameless.append(f"{state}: the window")
            for control in controls(window):
                if not spoken_name(control).strip():
                    nameless.append(f"{state}: {type(control).__name__}")
    assert nameless == []


def test_every_chart_and_the_figure_say_what_they_show(windows: dict[str, QWidget]) -> None:
    charts = [
        widget
        for window in windows.values()
        for widget in window.findChildren(QWidget)
        if isinstance(widget, ProgressRing | Timeline | BackChart | FigureView)
        or type(widget).__name__ == "BarChart"
    ]
    assert len(charts) >= 7  # ring, timeline, two bar charts, back chart, two figures
    for chart in charts:
        assert chart.accessibleName(), type(chart).__name__
        assert chart.accessibleDescription(), type(chart).__name__


def test_the_review_charts_describe_the_day(windows: dict[str, QWidget]) -> None:
    review = windows["review"]
    assert isinstance(review, ReviewWindow)
    assert review.ring.accessibleName() == "Movement against your goal"
    assert review.ring.accessibleDescription() == "7 of 10 minutes moved"
    assert "moving: 7 min" in review.timeline.accessibleDescription()
    assert review.week.accessibleName() == "Last 7 days"
    assert review.week.accessibleDescription().startswith("Goal reached on ")
    assert " of 7 days;" in review.week.accessibleDescription()
    assert " of 30 days;" in review.month.accessibleDescription()
    weeks = review.back.accessibleDescription().split("; ")
    assert len(weeks) >= 2
    assert all(week.startswith("week of ") and ", back " in week for week in weeks)


def test_the_demonstration_names_the_exercise(
    app_with_files: MovebreakApp, windows: dict[str, QWidget]
) -> None:
    title = app_with_files.prompt.shown_exercise_title()
    figure = app_with_files.prompt.shown_animation()
    assert figure.accessibleName() == "Demonstration"
    assert figure.accessibleDescription() == f"A stick figure showing how to do {title}"
    library = app_with_files.library_window
    assert library is not None
    shown = library.findChild(FigureView)
    assert shown is not None
    assert shown.accessibleDescription().endswith(library.shown_title())
