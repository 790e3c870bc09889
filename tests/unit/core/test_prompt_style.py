"""Which way a due prompt goes, from the platform facts: the window or a notification."""

import pytest

from movebreak.core.prompt_style import PromptWay, prompt_way
from movebreak.core.settings import Notifications, options

WINDOW, NOTE = PromptWay.WINDOW, PromptWay.NOTIFICATION


def test_auto_is_the_default_and_one_of_the_choices() -> None:
    assert Notifications().prompt_style == "auto"
    [style] = [o for o in options() if (o.table, o.key) == ("notifications", "prompt_style")]
    assert style.spec.choices == ("auto", "window", "notification")


@pytest.mark.parametrize(
    ("style", "wayland", "notifications", "way"),
    [
        # auto: the window where it leaves the keyboard alone (X11, Windows, macOS) ...
        ("auto", False, True, WINDOW),
        ("auto", False, False, WINDOW),
        # ... a notification on Wayland, where the window would take the keyboard ...
        ("auto", True, True, NOTE),
        # ... and the window there too when nothing can show a notification.
        ("auto", True, False, WINDOW),
        # An explicit choice is kept, wherever it runs ...
        ("window", True, True, WINDOW),
        ("window", False, True, WINDOW),
        ("notification", False, True, NOTE),
        ("notification", True, True, NOTE),
        # ... except that a notification nobody can show falls back to the window.
        ("notification", True, False, WINDOW),
        ("notification", False, False, WINDOW),
    ],
)
def test_the_way_follows_the_style_and_the_platform(
    style: str, wayland: bool, notifications: bool, way: PromptWay
) -> None:
    assert prompt_way(style, wayland=wayland, notifications=notifications) is way
