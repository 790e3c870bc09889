"""Every file location the app uses, from platformdirs (or one folder, for tests)."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "movebreak"
# The reverse-DNS id of the desktop entry, the AppStream metainfo, the icons and autostart.
APP_ID = "io.github.movebreak.Movebreak"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Where config, data, logs and runtime files live.

    On Linux these follow XDG (``~/.config/movebreak``, ``~/.local/share/movebreak``,
    ``~/.local/state/movebreak/log``), so ``XDG_*_HOME`` variables move them.
    """

    config_dir: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's standard per-user locations."""
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        with warnings.catch_warnings():
            # Without XDG_RUNTIME_DIR platformdirs falls back to a private folder in /tmp,
            # which is what we want; its warning would only clutter every command's output.
            warnings.simplefilter("ignore", UserWarning)
            runtime = Path(dirs.user_runtime_dir)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            runtime_dir=runtime,
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (``--data-dir``): tests and portable installs."""
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "log",
            runtime_dir=root / "run",
        )

    @property
    def config_file(self) -> Path:
        """The user's ``config.toml``."""
        return self.config_dir / "config.toml"

    @property
    def user_exercises(self) -> Path:
        """The user's own ``exercises.toml``, which adds to the built-in library."""
        return self.config_dir / "exercises.toml"

    @property
    def journal_file(self) -> Path:
        """The movement journal (SQLite)."""
        return self.data_dir / "journal.sqlite3"

    @property
    def control_socket(self) -> Path:
        """The running instance's control socket."""
        return self.runtime_dir / "control.sock"

    @property
    def log_file(self) -> Path:
        """The app's log."""
        return self.log_dir / "movebreak.log"


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only; tighten it if it exists.

    Missing parents are made 0700 too, as the XDG base directory spec asks (plain
    ``mkdir(parents=True)`` gives them 0755): ``state/movebreak`` above the log folder
    is the app's own. Parents that already exist are left as they are.
    """
    for parent in reversed(path.parents):
        if not parent.exists():
            parent.mkdir(mode=0o700, exist_ok=True)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def assets_dir() -> Path:
    """The shipped ``assets/`` folder, in an installed wheel or a source checkout alike.

    The wheel carries it as ``movebreak/assets``; a checkout has it at the top level,
    two folders above this package.
    """
    packaged = Path(str(resources.files("movebreak"))) / "assets"
    if packaged.is_dir():
        return packaged
    checkout = packaged.parents[2] / "assets"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"movebreak's assets are missing (looked in {packaged} and {checkout})")
