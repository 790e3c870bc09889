"""The built wheel carries the assets, finds them the way a checkout does, and starts."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import sys
from pathlib import Path
import movebreak
from movebreak.adapters.paths import assets_dir
target = Path(sys.argv[1]).resolve()
assert Path(movebreak.__file__).resolve().is_relative_to(target), movebreak.__file__
icon = assets_dir() / "icons" / "movebreak.svg"
assert icon.resolve().is_relative_to(target), icon
assert icon.read_text(encoding="utf-8").startswith("<svg"), icon
from PySide6.QtWidgets import QApplication
app = QApplication([])
from movebreak.ui.icons import TrayIcons
assert not TrayIcons().app_icon().isNull()
print("wheel ok")
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once for this module's tests."""
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    [built] = wheels.glob("movebreak-*.whl")
    return built


@pytest.mark.slow
def test_the_built_wheel_ships_its_assets(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    env = os.environ | {"PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "wheel ok" in result.stdout
    version = subprocess.run(
        [sys.executable, "-m", "movebreak", "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=tmp_path,
    )
    assert version.stdout.startswith("movebreak ")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="stops the app with SIGTERM, as a logout does")
def test_the_wheel_installs_into_a_fresh_venv_and_starts(wheel: Path, tmp_path: Path) -> None:
    """What a user does: a new venv, ``pip install`` with the dependencies, ``movebreak``.

    Catches what the checkout hides: a dependency missing from pyproject.toml, a console
    script that does not resolve, an import that only works from ``src/``.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        timeout=600,
    )
    data = tmp_path / "data"
    log = data / "log" / "movebreak.log"
    # No display and no session bus: the app must start without both, and must not touch
    # the developer's real desktop services.
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["QT_QPA_PLATFORM"] = "offscreen"
    app = subprocess.Popen(
        [str(venv / "bin" / "movebreak"), "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    try:
        wait_for(
            lambda: (
                app.poll() is not None
                or (log.exists() and "app.ready" in log.read_text(encoding="utf-8"))
            ),
            "app.ready in the installed app's log",
            timeout=60,
        )
        assert app.poll() is None, app.communicate(timeout=10)[0]
        app.send_signal(signal.SIGTERM)
        output, _ = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=10)
    assert app.returncode == 0, output
