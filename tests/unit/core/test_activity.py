"""What the user is told about the activity source: which, why, and what is missing."""

from movebreak.core.activity import NO_IDLE_PROTOCOL, SourceChoice, reason


def test_the_compositors_protocol_is_named() -> None:
    choice = SourceChoice("wayland-idle", via="ext-idle-notify-v1", wayland=True)
    assert reason(choice) == "ext-idle-notify-v1 from the compositor"


def test_without_an_idle_protocol_wayland_input_is_said_to_be_partial() -> None:
    choice = SourceChoice("pynput", wayland=True, refused=(("wayland-idle", NO_IDLE_PROTOCOL),))
    text = reason(choice)
    assert "your compositor offers no idle protocol" in text
    assert "movebreak counts only Xwayland input" in text
    assert "ext-idle-notify-v1 or org_kde_kwin_idle" in text


def test_nothing_at_all_on_wayland_says_what_to_use() -> None:
    choice = SourceChoice("none", wayland=True, refused=(("wayland-idle", NO_IDLE_PROTOCOL),))
    text = reason(choice)
    assert text.startswith("your compositor offers no idle protocol")
    assert "wall-clock time" in text


def test_a_broken_connection_is_not_blamed_on_the_compositor() -> None:
    why = "pywayland is not installed (pip install pywayland)"
    choice = SourceChoice("x11-idle", wayland=True, refused=(("wayland-idle", why),))
    assert why in reason(choice)
    assert "offers no idle protocol" not in reason(choice)


def test_gnome_on_wayland_needs_no_warning() -> None:
    choice = SourceChoice("gnome-idle", wayland=True, refused=(("wayland-idle", NO_IDLE_PROTOCOL),))
    assert reason(choice) == "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor)"


def test_a_source_named_in_the_settings_says_so() -> None:
    assert reason(SourceChoice("pynput", automatic=False)).endswith("(named in the settings)")
