import pytest

from movebreak.adapters.input_activity import PynputActivity


def test_a_wayland_session_is_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    source = PynputActivity()
    assert source.start() == (
        "Wayland session: keyboard and mouse activity of other apps is hidden"
    )
    assert source.idle() is None


def test_no_display_is_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    source = PynputActivity()
    reason = source.start()
    assert reason is not None
    assert reason.startswith("no X11 display")


# python-xlib leaks the socket of its failed connection attempt; not ours to close.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_display_that_cannot_be_opened_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setenv("DISPLAY", ":4077")  # nothing listens there
    reason = PynputActivity().start()
    assert reason is not None
    assert reason.startswith("cannot open the X display")


def test_a_wayland_display_without_a_session_type_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Xwayland's DISPLAY is there too, but it sees only input to X11 windows.
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("DISPLAY", ":0")
    assert PynputActivity().start() == (
        "Wayland session: keyboard and mouse activity of other apps is hidden"
    )
