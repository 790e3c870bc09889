"""The built wheel carries the assets and finds them the same way a checkout does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import sys
from pathlib import Path
import movebreak
from movebreak.paths import assets_dir
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


@pytest.mark.slow
def test_the_built_wheel_ships_its_assets(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    [wheel] = wheels.glob("movebreak-*.whl")
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
