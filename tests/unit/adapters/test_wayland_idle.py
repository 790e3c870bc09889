"""The Wayland idle source's refusals and arithmetic; the real compositors are in tests/e2e."""

from datetime import timedelta

import pytest

from movebreak.adapters.activity_choice import ChosenActivity
from movebreak.adapters.wayland_idle import TIMEOUT, WaylandIdle


def test_off_wayland_it_refuses_without_loading_pywayland(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    source = WaylandIdle()
    assert source.start() == "not a Wayland session (WAYLAND_DISPLAY is not set)"
    assert source.idle() is None


def test_a_compositor_that_is_not_there_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-nothing-here")
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    source = WaylandIdle()
    assert source.start() == ("cannot connect to the Wayland compositor (wayland-nothing-here)")
    assert source.idle() is None
    source.stop()  # safe after a refusal


class Boot:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_counts_from_the_last_input_the_compositor_saw() -> None:
    boot = Boot()
    source = WaylandIdle(clock=boot)
    source._display = object()  # type: ignore[assignment]  # connected, as far as idle() knows
    assert source.idle() == timedelta(0)  # not idled: input within the timeout
    source._idled(None)  # the compositor: no input for TIMEOUT
    boot.now += 60
    assert source.idle() == TIMEOUT + timedelta(seconds=60)
    source._resumed(None)
    assert source.idle() == timedelta(0)
    source._display = None


def test_auto_names_the_protocol_in_its_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-1")

    class Connected(WaylandIdle):
        def start(self) -> str | None:
            self.via = "ext-idle-notify-v1"
            return None

    chosen = ChosenActivity("auto", {"wayland-idle": Connected}, platform="linux")
    assert chosen.start() is None
    assert chosen.choice.name == "wayland-idle"
    assert chosen.choice.via == "ext-idle-notify-v1"
    assert chosen.choice.wayland
