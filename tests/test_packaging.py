"""The desktop integration files are valid and agree with the code and with each other.

Software centres and desktops reject a bad ``.desktop`` file or metainfo silently (the app
just does not show up), so the freedesktop validators run here. The validators are Debian
packages (``desktop-file-utils``, ``appstream``; ``.ci/run`` installs them): without them
these tests skip with the reason on a developer's machine and fail when ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

import movebreak

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.movebreak.Movebreak"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.yml"
HICOLOR = ROOT / "assets" / "icons" / "hicolor"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _tool(name: str, package: str) -> str:
    """The path of a command-line tool; skip without it, or fail on CI (the project's rule)."""
    path = shutil.which(name)
    if path is not None:
        return path
    message = f"{name} is missing (Debian package {package}; see .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _desktop_groups() -> dict[str, dict[str, str]]:
    """Each group of the ``.desktop`` file and its keys."""
    groups: dict[str, dict[str, str]] = {}
    group: dict[str, str] = {}
    for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            group = groups.setdefault(line[1:-1], {})
        elif "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            group[key.strip()] = value.strip()
    return groups


def _desktop_entry() -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys."""
    return _desktop_groups()["Desktop Entry"]


def test_the_launchers_actions_are_commands_the_cli_knows() -> None:
    # Right-click on the launcher (GNOME's dash, KDE's menu): the way to the app's windows
    # on a desktop that shows no tray icon.
    from movebreak.cli.main import build_parser

    groups = _desktop_groups()
    actions = [a for a in _desktop_entry()["Actions"].split(";") if a]
    assert set(actions) == {"break-now", "show", "review", "library", "settings", "quit"}
    assert {g for g in groups if g.startswith("Desktop Action ")} == {
        f"Desktop Action {a}" for a in actions
    }
    for action in actions:
        program, *argv = groups[f"Desktop Action {action}"]["Exec"].split()
        assert program == "movebreak"
        parsed = build_parser().parse_args(argv)  # exits (fails the test) if unknown
        assert parsed.command in {"break-now", "show", "open", "quit"}


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; fails unless the file really is a PNG."""
    header = path.read_bytes()[:24]
    assert header[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert header[12:16] == b"IHDR", f"{path} has no IHDR chunk first"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_desktop_file_validates() -> None:
    validator = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(
        [validator, str(DESKTOP_FILE)], capture_output=True, text=True, timeout=60, check=False
    )
    # It prints hints as well as errors; any output at all is something to fix.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_metainfo_validates() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Pedantic notes (P:) are allowed: the reverse-DNS id's capital M is Flathub's usual style.
    issues = [line for line in output.splitlines() if line[:2] in {"E:", "W:", "I:"}]
    assert issues == []


def test_the_metainfo_names_the_current_version_first() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    releases = component.findall("./releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == movebreak.__version__


def test_desktop_file_metainfo_and_icons_share_one_app_id() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    entry = _desktop_entry()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == entry["Exec"] == "movebreak"
    assert entry["Icon"] == APP_ID
    assert (HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_icon_size_is_a_png_of_that_size(size: int) -> None:
    png = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert _png_size(png) == (size, size)


def test_the_committed_icons_match_the_svg(tmp_path: Path) -> None:
    """Re-render the PNGs and compare: an edited SVG without fresh PNGs fails here.

    Compared with a small tolerance, not byte for byte, so a newer Qt's antialiasing does
    not fail it.
    """
    from PySide6.QtGui import QImage  # decoding a PNG needs no QGuiApplication

    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), str(tmp_path)],
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    for size in ICON_SIZES:
        name = f"{size}x{size}/apps/{APP_ID}.png"
        fresh = QImage(str(tmp_path / name)).convertToFormat(QImage.Format.Format_ARGB32)
        committed = QImage(str(HICOLOR / name)).convertToFormat(QImage.Format.Format_ARGB32)
        assert fresh.size() == committed.size(), name
        a, b = bytes(fresh.constBits()), bytes(committed.constBits())
        mean_difference = sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)
        assert mean_difference < 2.0, f"{name} differs from the SVG; run packaging/render_icons.py"


def test_the_flatpak_grants_no_network() -> None:
    """The app promises it makes no network connections; the sandbox should enforce it."""
    manifest = FLATPAK.read_text(encoding="utf-8")
    assert f"id: {APP_ID}\n" in manifest
    arguments = [line.strip() for line in manifest.splitlines() if line.strip().startswith("- --")]
    assert "- --share=ipc" in arguments
    assert not [a for a in arguments if "network" in a or "filesystem" in a or "device" in a]


@pytest.mark.slow
def test_the_sdist_and_wheel_carry_the_packaging(tmp_path: Path) -> None:
    """``python -m build`` makes the sdist, then the wheel from it, as a distributor would."""
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        timeout=600,
        check=True,
    )
    [sdist] = tmp_path.glob("movebreak-*.tar.gz")
    [wheel] = tmp_path.glob("movebreak-*.whl")
    with tarfile.open(sdist) as archive:
        top = f"movebreak-{movebreak.__version__}/"
        in_sdist = {name.removeprefix(top) for name in archive.getnames()}
    for path in [
        f"packaging/{APP_ID}.desktop",
        f"packaging/{APP_ID}.metainfo.xml",
        f"packaging/flatpak/{APP_ID}.yml",
        "packaging/pyinstaller/movebreak.spec",
        "packaging/render_icons.py",
        "packaging/README.md",
        "assets/exercises.toml",
        "assets/icons/movebreak.svg",
        *(f"assets/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
    ]:
        assert path in in_sdist, f"{path} is missing from {sdist.name}"
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    for path in [
        "movebreak/assets/exercises.toml",
        "movebreak/assets/icons/movebreak.svg",
        f"movebreak/assets/icons/hicolor/256x256/apps/{APP_ID}.png",
    ]:
        assert path in in_wheel, f"{path} is missing from {wheel.name}"
