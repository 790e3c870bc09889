"""The shared folder: this device's files written safely, every device's files read.

Layout (one folder per device, named by its device id; only that device writes there)::

    <sync folder>/<device id>/device.json          the device's name, for the breakdown
    <sync folder>/<device id>/presence.json        last input, posture, stretch start
    <sync folder>/<device id>/events-YYYY-MM.jsonl the month's events (core.sync)

Every write is a temp file in the same folder, fsync'd, renamed over the old file, and the
folder fsync'd: a sync engine (or a reader) sees the old file or the new one, never half.
Files are 0600 and folders 0700 where the system allows. The folder holds what the
journal holds (times, exercise ids, outcomes, minutes), never a key or a window.

Reading never raises: a file that cannot be read, a line cut short, a conflict copy, a
file from a newer movebreak are each logged once per run and skipped or read as safe.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from movebreak.adapters.paths import make_private_dir
from movebreak.core.sync import (
    DEVICE_FILE,
    PRESENCE_FILE,
    DevicePresence,
    Entry,
    LineError,
    events_name,
    parse,
    parse_presence,
    presence_text,
    read_name,
    render,
)

log = logging.getLogger(__name__)

DEVICE_ID_FILE = "device-id"  # in the data folder: this computer's id, made once
_reported: set[tuple[str, str]] = set()  # (file, problem) already in the log this run


def device_id(data_dir: Path) -> str:
    """This computer's device id, made on first use and kept in the data folder.

    Random, not derived from the machine: nothing about the computer leaves it. A data
    folder copied to another computer brings its id along; README says to delete the
    ``device-id`` file there.
    """
    path = data_dir / DEVICE_ID_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    if _usable_id(text):
        return text
    made = uuid.uuid4().hex[:16]
    try:
        make_private_dir(data_dir)
        write_atomically(path, made + "\n")
    except OSError as error:
        log.warning("sync.device_id not kept (%s); this run uses %s", error, made)
    return made


def device_name(chosen: str) -> str:
    """The name shown for this computer: the user's, or the computer's own name."""
    if chosen.strip():
        return chosen.strip()
    import platform  # only when needed: a few ms at every start otherwise

    return platform.node() or "this computer"


def _usable_id(text: str) -> bool:
    return 4 <= len(text) <= 64 and all(c.isalnum() or c in "-_" for c in text)


def expand(folder: str) -> Path | None:
    """The folder setting as a path, ``None`` when sync is off.

    ``~`` is the home folder, and so is the start of a relative path: the app's working
    folder is wherever it was started from, never a place to put files.
    """
    if not folder.strip():
        return None
    return Path.home() / Path(folder.strip()).expanduser()


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: temp file, fsync, rename, fsync the folder; 0600."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _report(path: Path, problem: str, *, level: int = logging.WARNING) -> None:
    """Log a problem with a shared file once per run (a reader looks every minute)."""
    if (str(path), problem) in _reported:
        return
    _reported.add((str(path), problem))
    log.log(level, "sync.file_problem file=%s %s", path, problem)


@dataclass(slots=True)
class Shared:
    """What the folder holds from other devices (and copies of ours)."""

    entries: list[Entry] = field(default_factory=list)
    presences: list[DevicePresence] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # device id -> its name


class SyncFolder:
    """This device's view of the shared folder."""

    def __init__(self, folder: Path, device: str, name: str):
        self.folder = folder
        self.device = device
        self.name = name
        self._written: dict[str, str] = {}  # file name -> text last written this run

    @property
    def own(self) -> Path:
        """This device's own subfolder."""
        return self.folder / self.device

    def write_month(self, month: str, entries: Iterable[Entry]) -> bool:
        """Rewrite this device's file for ``month`` if its content changed; whether it did."""
        entries = list(entries)
        name = events_name(month)
        if not entries and name not in self._written and not (self.own / name).exists():
            return False  # a month with nothing in it needs no file
        text = render(entries)
        if self._written.get(name) == text:
            return False
        path = self.own / name
        try:
            if name not in self._written and path.read_text(encoding="utf-8") == text:
                self._written[name] = text
                return False
        except OSError:
            pass
        self._prepare()
        write_atomically(path, text)
        self._written[name] = text
        return True

    def has_month(self, month: str) -> bool:
        """Whether this device has shared ``month`` already (a file exists)."""
        return (self.own / events_name(month)).exists()

    def write_presence(self, presence: DevicePresence) -> None:
        """Replace this device's presence file."""
        self._prepare()
        write_atomically(self.own / PRESENCE_FILE, presence_text(presence))

    def _prepare(self) -> None:
        """This device's folder and ``device.json`` (its name), made when first needed."""
        make_private_dir(self.own)
        text = json.dumps({"device": self.device, "format": 1, "name": self.name}) + "\n"
        if self._written.get(DEVICE_FILE) != text:
            found = self._name(self.own)
            if DEVICE_FILE not in self._written and found and found != self.name:
                log.warning(
                    "sync.device_renamed folder=%s was=%r now=%r: if another computer uses "
                    "this device id (a copied data folder), delete %s there",
                    self.own, found, self.name, DEVICE_ID_FILE,
                )  # fmt: skip
            write_atomically(self.own / DEVICE_FILE, text)
            self._written[DEVICE_FILE] = text

    def read(self, months: Iterable[str] | None = None, *, presence: bool = False) -> Shared:
        """Other devices' events of ``months`` (all when ``None``), names and presences.

        This device's own files are the journal's copy and are not read back; a conflict
        copy found in its folder is (another computer may share this device id), and so
        is every copy in the others' folders. Ids keep each event once whatever is read.
        """
        wanted = set(months) if months is not None else None
        shared = Shared()
        try:
            devices = sorted(p for p in self.folder.iterdir() if p.is_dir())
        except OSError as error:
            _report(self.folder, f"cannot be read ({error.strerror or error})")
            return shared
        for folder in devices:
            device = folder.name
            if device.startswith("."):  # .stfolder, .stversions and the like
                continue
            shared.names[device] = self._name(folder) or device
            try:
                files = sorted(folder.iterdir())
            except OSError as error:
                _report(folder, f"cannot be read ({error.strerror or error})")
                continue
            for path in files:
                named = read_name(path.name)
                if named is None or (wanted is not None and named.month not in wanted):
                    continue
                if device == self.device and not named.copy:
                    continue
                shared.entries += self._events(path, device, copy=named.copy)
            if presence and device != self.device:
                found = self._presence(folder / PRESENCE_FILE, device)
                if found is not None:
                    shared.presences.append(found)
        return shared

    def _events(self, path: Path, device: str, *, copy: bool) -> list[Entry]:
        """The file's events; what was wrong with it goes to the log, once, in one line."""
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            _report(path, f"cannot be read ({error.strerror or error})")
            return []
        parsed = parse(text, device)
        problems = list(parsed.problems)
        if copy:
            problems.insert(0, "a copy made by the sync engine: each event in it counts once")
        if problems:  # a copy alone is harmless (INFO); a damaged file is worth a warning
            _report(
                path,
                "; ".join(problems),
                level=logging.WARNING if parsed.problems else logging.INFO,
            )
        return list(parsed.entries)

    @staticmethod
    def _name(folder: Path) -> str:
        try:
            raw = json.loads((folder / DEVICE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ""
        name = raw.get("name") if isinstance(raw, dict) else None
        return name if isinstance(name, str) else ""

    @staticmethod
    def _presence(path: Path, device: str) -> DevicePresence | None:
        try:
            return parse_presence(path.read_text(encoding="utf-8"), device)
        except FileNotFoundError:
            return None
        except (OSError, LineError) as error:
            _report(path, str(error))
            return None
