import os
import stat
from datetime import timedelta
from pathlib import Path

from movebreak.adapters.settings_file import load_settings
from movebreak.core.settings import Settings
from movebreak.core.settings_text import default_file_text


def test_first_start_writes_a_private_commented_default_file(tmp_path: Path) -> None:
    path = tmp_path / "movebreak" / "config.toml"
    assert load_settings(path) == (Settings(), [])
    assert path.read_text(encoding="utf-8") == default_file_text()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_users_file_is_read_and_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = '# my notes\n[breaks]\nsitting_limit = "45m"\nnatural_break = "soon"\n'
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.breaks.sitting_limit == timedelta(minutes=45)
    assert [(p.key, p.line) for p in problems] == [("breaks.natural_break", 4)]
    assert path.read_text(encoding="utf-8") == text


def test_broken_toml_gives_defaults_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = '[breaks]\nsitting_limit = "45m"\nnatural_break = \n'
    path.write_text(text, encoding="utf-8")
    settings, [problem] = load_settings(path)
    assert settings == Settings()
    assert problem.line == 3
    assert str(problem).startswith(f"{path}, line 3: not valid TOML")
    assert path.read_text(encoding="utf-8") == text


def test_a_file_that_is_not_text_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe[breaks]")
    settings, [problem] = load_settings(path)
    assert settings == Settings()
    assert "not UTF-8" in problem.message


def test_saving_from_a_window_keeps_the_users_comments_and_a_backup(tmp_path: Path) -> None:
    from movebreak.adapters.settings_file import save_values

    path = tmp_path / "config.toml"
    text = '# my own note\n[breaks]\nsitting_limit = "45m"  # after lunch I sit longer\n'
    path.write_text(text, encoding="utf-8")
    save_values(path, {("exercises", "favourites"): ("walk-lap", "calf-raise")})
    saved = path.read_text(encoding="utf-8")
    assert "# my own note" in saved
    assert 'sitting_limit = "45m"  # after lunch I sit longer' in saved
    assert load_settings(path)[0].exercises.favourites == ("walk-lap", "calf-raise")
    assert (tmp_path / "config.toml.bak").read_text(encoding="utf-8") == text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_broken_file_is_never_overwritten_by_a_save(tmp_path: Path) -> None:
    import pytest

    from movebreak.adapters.settings_file import SaveRefusedError, save_values

    path = tmp_path / "config.toml"
    path.write_text("[breaks\nsitting_limit = ", encoding="utf-8")
    with pytest.raises(SaveRefusedError, match="not valid TOML"):
        save_values(path, {("exercises", "hidden"): ("walk-lap",)})
    assert path.read_text(encoding="utf-8") == "[breaks\nsitting_limit = "
