"""The app's folders are the user's alone, including the ones made on the way to them."""

import stat
from pathlib import Path

from movebreak.adapters.paths import make_private_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_parents_are_made_private_too(tmp_path: Path) -> None:
    state = tmp_path / "state"  # XDG_STATE_HOME on a fresh account
    make_private_dir(state / "movebreak" / "log")
    assert mode(state) == 0o700
    assert mode(state / "movebreak") == 0o700
    assert mode(state / "movebreak" / "log") == 0o700


def test_existing_parents_are_left_as_the_user_set_them(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    make_private_dir(shared / "movebreak")
    assert mode(shared) == 0o755
    assert mode(shared / "movebreak") == 0o700


def test_an_existing_folder_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "movebreak"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    make_private_dir(folder)
    assert mode(folder) == 0o700
