"""Input into KWin through its fake-input protocol.

``python kwin_input.py MOTIONS`` moves the pointer; ``python kwin_input.py --type TEXT``
types lowercase letters and spaces (as evdev key codes, protocol version 4).

KWin hides ``org_kde_kwin_fake_input`` from clients a desktop entry does not grant it to
(tests/e2e/compositors.py writes that entry for this interpreter). The protocol module is
generated here at run time by pywayland's scanner from plasma-wayland-protocols' XML.
"""

import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pywayland.client.display import Display

XML = "/usr/share/plasma-wayland-protocols/fake-input.xml"
WAYLAND_XML = "/usr/share/wayland/wayland.xml"


def fake_input_module(folder: Path) -> object:
    """``OrgKdeKwinFakeInput`` and friends, generated from the installed XML."""
    package = folder / "kwin_fake_input"
    subprocess.run(
        [sys.executable, "-m", "pywayland.scanner", "-i", WAYLAND_XML, XML, "-o", str(package)],
        check=True,
        capture_output=True,
    )
    (package / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module("kwin_fake_input.fake_input")


KEYS = dict(zip("qwertyuiop", range(16, 26), strict=True))
KEYS |= dict(zip("asdfghjkl", range(30, 39), strict=True))
KEYS |= dict(zip("zxcvbnm", range(44, 51), strict=True)) | {" ": 57}


def main() -> int:
    text = sys.argv[2] if sys.argv[1] == "--type" else ""
    motions = 0 if text else int(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        protocol = fake_input_module(Path(folder))
        display = Display()
        display.connect()
        registry = display.get_registry()
        offered: dict[str, tuple[int, int]] = {}

        def found(_registry: object, name: int, interface: str, version: int) -> None:
            offered[interface] = (name, version)

        registry.dispatcher["global"] = found
        display.roundtrip()
        if "org_kde_kwin_fake_input" not in offered:
            print("KWin does not offer org_kde_kwin_fake_input to this program", file=sys.stderr)
            display.disconnect()
            return 2
        name, version = offered["org_kde_kwin_fake_input"]
        fake = registry.bind(name, protocol.OrgKdeKwinFakeInput, min(version, 4))  # type: ignore[attr-defined]
        fake.authenticate("movebreak tests", "input for the idle tests")
        for key in text:
            for state in (1, 0):  # pressed, released
                fake.keyboard_key(KEYS[key], state)
                display.roundtrip()
                time.sleep(0.02)
        for _ in range(motions):
            fake.pointer_motion(4.0, 3.0)
            display.roundtrip()
            time.sleep(0.05)
        display.disconnect()  # proxies before the connection, or the exit crashes
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
