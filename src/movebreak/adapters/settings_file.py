"""Reads ``config.toml``; writes only the commented default file, and only when absent.

The file belongs to the user. A file with problems is never rewritten behind their back:
each bad key falls back to its default and the user is told where and why.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from movebreak.adapters.paths import make_private_dir
from movebreak.core.problems import Problem
from movebreak.core.settings import Settings
from movebreak.core.settings_text import default_file_text
from movebreak.core.settings_validation import parse

log = logging.getLogger(__name__)
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read settings from ``path``, creating the commented default file on first start."""
    if not path.exists():
        try:
            write_private_atomically(path, default_file_text())
            log.info("settings.created path=%s", path)
        except OSError as error:
            return Settings(), [Problem(path, None, None, f"cannot create the file: {error}")]
        return Settings(), []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text ({error.reason}); using all defaults"
        return Settings(), [Problem(path, None, None, message)]
    except OSError as error:
        message = f"cannot read the file ({error.strerror}); using all defaults"
        return Settings(), [Problem(path, None, None, message)]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        line = int(found.group(1)) if found else None
        reason = _TOML_POSITION.sub("", str(error)).strip()
        message = f"not valid TOML ({reason}); using all defaults"
        return Settings(), [Problem(path, None, line, message)]
    except RecursionError:  # tomllib recurses once per level of [[[...]]] or {a = {...}}
        message = "not valid TOML (values nested too deeply); using all defaults"
        return Settings(), [Problem(path, None, None, message)]
    return parse(raw, source=path, text=text)


def write_private_atomically(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new content, mode 0600.

    Without ``replace`` it refuses to replace an existing file: the default file is only
    written where nothing is, and anything already there is the user's.
    """
    make_private_dir(path.parent)
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() and not replace:
            raise FileExistsError(f"{path} appeared meanwhile; leaving it as it is")
        temporary.replace(path)
    finally:
        if temporary.exists():
            temporary.unlink()


class SaveRefusedError(RuntimeError):
    """The settings file cannot be safely updated; the message says why."""


def save_values(path: Path, changes: Mapping[tuple[str, str], object]) -> None:
    """Set ``[table] key = value`` for each change, keeping the user's comments and order.

    The user asked for the change (a toggle in a window), so the file is rewritten, but
    only as a whole new file put in place atomically after ``config.toml.bak`` keeps the
    previous one. A file that does not parse is never touched.

    Raises:
        SaveRefusedError: the file is not valid TOML or cannot be written.
    """
    import tomlkit  # only when saving: reading uses the standard library

    if not path.exists():
        write_private_atomically(path, default_file_text())
    text = path.read_text(encoding="utf-8")
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as error:
        raise SaveRefusedError(f"{path} is not valid TOML ({error}); fix it first") from None
    for (table, key), value in changes.items():
        section = document.get(table)
        if section is None:
            section = tomlkit.table()
            document[table] = section
        section[key] = list(value) if isinstance(value, tuple) else value
    updated = tomlkit.dumps(document)
    if updated == text:
        return
    try:
        backup = path.with_name(path.name + ".bak")
        write_private_atomically(backup, text, replace=True)
        write_private_atomically(path, updated, replace=True)
    except OSError as error:
        raise SaveRefusedError(f"cannot write {path}: {error.strerror}") from None
    log.info("settings.saved path=%s keys=%s", path, ",".join(f"{t}.{k}" for t, k in changes))
