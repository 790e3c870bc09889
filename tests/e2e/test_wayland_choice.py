"""What ``auto`` picks on a real Wayland compositor without an idle protocol, and says.

GNOME's mutter 43 (Debian 12) offers neither ext-idle-notify-v1 nor org_kde_kwin_idle:
on its own session bus movebreak reads GNOME's idle monitor instead; without that bus
nothing sees the input, and status says so and what would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import compositors
from tests.e2e.compositors import Compositor, launch_on, private_bus
from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def mutter() -> Iterator[Compositor]:
    with compositors.mutter() as running:
        yield running


def status(app: RunningApp) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(app.cli("status", "--json").stdout)
    return result


def test_mutter_offers_no_idle_protocol(mutter: Compositor) -> None:
    script = (
        "from pywayland.client.display import Display\n"
        "d = Display(); d.connect(); r = d.get_registry(); names = []\n"
        "r.dispatcher['global'] = lambda _r, _n, interface, _v: names.append(interface)\n"
        "d.roundtrip(); print(' '.join(names)); d.disconnect()\n"
    )
    offered = set(
        subprocess.run(
            [sys.executable, "-c", script],
            env=mutter.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.split()
    )
    assert "wl_seat" in offered
    assert not offered & {"ext_idle_notifier_v1", "org_kde_kwin_idle"}


def test_on_gnome_auto_goes_on_to_gnomes_idle_monitor(mutter: Compositor, tmp_path: Path) -> None:
    with launch_on(mutter, tmp_path / "home", mutter.session_bus(), "") as app:
        data = status(app)
        assert data["activity_source"] == "gnome-idle", data
        assert data["activity_reason"] == "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor)"
        assert app.quit() == 0


def test_without_any_idle_source_status_says_what_is_missing(
    mutter: Compositor, tmp_path: Path
) -> None:
    with (
        private_bus(tmp_path) as bus,  # no GNOME idle monitor on it
        launch_on(mutter, tmp_path / "home", bus, "") as app,
    ):
        data = status(app)
        assert data["activity_source"].startswith("none (wayland-idle: the compositor offers")
        reason = data["activity_reason"]
        assert reason.startswith("your compositor offers no idle protocol"), reason
        assert "seated time is wall-clock time" in reason
        assert "ext-idle-notify-v1 or org_kde_kwin_idle" in reason
        assert app.quit() == 0
