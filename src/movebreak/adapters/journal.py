"""The movement journal: a SQLite file of facts (when, which exercise, what outcome).

Owned entirely by this module; no SQL appears anywhere else. Every write is its own
committed transaction before the call returns, so nothing the user did is lost if the app
stops. Never a key, a text or a pointer position.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from movebreak.adapters.paths import make_private_dir
from movebreak.core.reminder import Outcome, PromptRecord
from movebreak.core.sitting import Break, Stretch
from movebreak.core.stats import Activity, CheckIn, Pause, PauseUnderWay
from movebreak.core.sync import Entry, entry

log = logging.getLogger(__name__)

# Each script moves the schema one version up; applied in order, in one transaction.
# Never edit a released script: add a new one.
MIGRATIONS: Sequence[str] = (
    """
    CREATE TABLE prompt (
        id            INTEGER PRIMARY KEY,
        shown_at      INTEGER NOT NULL,     -- Unix seconds, UTC
        resolved_at   INTEGER NOT NULL,
        exercise_id   TEXT    NOT NULL,     -- stable id from the library, not its text
        outcome       TEXT    NOT NULL CHECK (outcome IN ('done', 'snoozed', 'skipped', 'away')),
        moved_seconds INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX prompt_shown_at ON prompt (shown_at);
    CREATE TABLE natural_break (
        id         INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX natural_break_started_at ON natural_break (started_at);
    """,
    """
    ALTER TABLE prompt ADD COLUMN rating TEXT
        CHECK (rating IS NULL OR rating IN ('easy', 'ok', 'hard', 'hurt'));
    """,
    """
    CREATE TABLE stretch (                  -- time at the computer in one posture
        id         INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at   INTEGER NOT NULL,
        posture    TEXT    NOT NULL CHECK (posture IN ('seated', 'standing'))
    ) STRICT;
    CREATE INDEX stretch_started_at ON stretch (started_at);
    CREATE TABLE activity (                 -- movement the user logged by hand
        id         INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        seconds    INTEGER NOT NULL CHECK (seconds > 0),
        name       TEXT    NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX activity_started_at ON activity (started_at);
    """,
    """
    CREATE TABLE pause (                    -- prompts paused by the user
        id         INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX pause_started_at ON pause (started_at);
    CREATE TABLE checkin (                  -- the optional daily "how does your back feel"
        day         TEXT    PRIMARY KEY,    -- the local working day, YYYY-MM-DD
        score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        answered_at INTEGER NOT NULL
    ) STRICT;
    """,
    """
    -- The pause under way is kept as it goes, so a crash or a restart carries it on.
    ALTER TABLE pause ADD COLUMN planned_end INTEGER;  -- NULL: until the user resumes
    ALTER TABLE pause ADD COLUMN under_way INTEGER NOT NULL DEFAULT 0
        CHECK (under_way IN (0, 1));
    CREATE UNIQUE INDEX pause_one_under_way ON pause (under_way) WHERE under_way = 1;
    """,
    """
    -- A stable id per event, the same on every computer the journal is shared with
    -- (core.sync): rows recorded before this version get a random one now, once.
    ALTER TABLE prompt ADD COLUMN uid TEXT;
    ALTER TABLE natural_break ADD COLUMN uid TEXT;
    ALTER TABLE stretch ADD COLUMN uid TEXT;
    ALTER TABLE activity ADD COLUMN uid TEXT;
    ALTER TABLE pause ADD COLUMN uid TEXT;
    UPDATE prompt SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    UPDATE natural_break SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    UPDATE stretch SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    UPDATE activity SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    UPDATE pause SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX prompt_uid ON prompt (uid);
    CREATE UNIQUE INDEX natural_break_uid ON natural_break (uid);
    CREATE UNIQUE INDEX stretch_uid ON stretch (uid);
    CREATE UNIQUE INDEX activity_uid ON activity (uid);
    CREATE UNIQUE INDEX pause_uid ON pause (uid);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class JournalError(RuntimeError):
    """The journal cannot be used; the message says why and which file."""


class NewerJournalError(JournalError):
    """The file was written by a newer movebreak: it must be left exactly as it is."""


class DamagedJournalError(JournalError):
    """The file is not a database, or SQLite finds it malformed (``integrity_check``)."""


# SQLite's primary result codes that mean the bytes on disk are wrong, as opposed to the
# file being locked, missing or unreadable (which a later start may not meet again).
_DAMAGED_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
# The files SQLite keeps beside the database; they belong to it and move with it.
_COMPANIONS = ("-wal", "-shm", "-journal")
_WAL_ATTEMPTS = 60  # 3 s at 50 ms, like the busy timeout


class SqliteJournal:
    """The journal on disk (implements ``core.ports.Journal``)."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, check: bool = False) -> SqliteJournal:
        """Open or create the journal at ``path`` (mode 0600), migrating it forward.

        Args:
            path: the journal file.
            check: first run ``PRAGMA integrity_check`` (a few ms for years of records)
                on a read-only connection, which cannot checkpoint or delete a ``-wal``
                file, so damage is found before anything is written; the app does at
                start, the one-shot commands do not.

        Raises:
            NewerJournalError: written by a newer movebreak; the file was not changed.
            DamagedJournalError: not a database, or malformed.
            JournalError: anything else (a folder at that path, no permission, locked).
        """
        try:
            make_private_dir(path.parent)
            if path.exists() and not path.is_file():
                raise JournalError(f"cannot open {path}: it is not a file")
            if check and path.exists() and path.stat().st_size > 0:
                _probe(path)
            if not path.exists():
                path.touch(mode=0o600)
            if os.name == "posix":
                path.chmod(0o600)
            connection = sqlite3.connect(path, isolation_level=None)  # explicit transactions
        except OSError as error:
            raise JournalError(f"cannot open {path}: {error.strerror or error}") from error
        except sqlite3.Error as error:
            raise JournalError(f"cannot open {path}: {error}") from error
        try:
            connection.execute("PRAGMA busy_timeout = 3000")  # the app and the CLI share it
            _refuse_newer(connection, path)  # before anything can change the file
            _use_wal(connection)
            connection.execute("PRAGMA synchronous = FULL")
            # Half a megabyte of page cache, not SQLite's default 2 MB: writes are a row at a
            # time and the review reads two months through an index. Memory all day matters.
            connection.execute("PRAGMA cache_size = -512")
            _migrate(connection, path)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _classified(error, path) from error
        except JournalError:
            connection.close()
            raise
        return cls(connection, path)

    @classmethod
    def open_in_memory(cls) -> SqliteJournal:
        """A journal that lives only as long as the app.

        The fallback when the file cannot be used, so the app keeps working.
        """
        connection = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(connection, Path(":memory:"))
        return cls(connection, Path(":memory:"))

    def record_prompt(self, record: PromptRecord) -> None:
        """Keep one resolved prompt; committed when this returns."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO prompt (shown_at, resolved_at, exercise_id, outcome, moved_seconds,"
                " rating, uid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    _stamp(record.shown_at),
                    _stamp(record.resolved_at),
                    record.exercise_id,
                    record.outcome.value,
                    int(record.moved.total_seconds()),
                    record.rating,
                    _uid(),
                ),
            )

    def record_stretch(self, started: datetime, ended: datetime, posture: str) -> None:
        """Keep one stretch at the computer in one posture, finished or still growing.

        Keyed by its start: a later call with the same start replaces the earlier row in
        the same transaction, so the stretch under way can be kept every few minutes and
        finally once more when it ends, and it is still one stretch in the journal.
        """
        if ended <= started:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            updated = self._db.execute(
                "UPDATE stretch SET ended_at = ?, posture = ? WHERE id = (SELECT id FROM stretch"
                " WHERE started_at = ? ORDER BY id DESC LIMIT 1)",
                (_stamp(ended), posture, _stamp(started)),
            )
            if updated.rowcount == 0:
                self._db.execute(
                    "INSERT INTO stretch (started_at, ended_at, posture, uid) VALUES (?, ?, ?, ?)",
                    (_stamp(started), _stamp(ended), posture, _uid()),
                )

    def last_stretch(self) -> Stretch | None:
        """The stretch that ended last (the app resumes it after a short downtime)."""
        row = self._db.execute(
            "SELECT started_at, ended_at, posture FROM stretch ORDER BY ended_at DESC, id DESC"
            " LIMIT 1"
        ).fetchone()
        return Stretch(_time(row[0]), _time(row[1]), row[2]) if row else None

    def record_activity(self, started: datetime, length: timedelta, name: str) -> None:
        """Keep movement the user logged by hand ("I walked for 15 min")."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO activity (started_at, seconds, name, uid) VALUES (?, ?, ?, ?)",
                (_stamp(started), int(length.total_seconds()), name, _uid()),
            )

    def record_pause(
        self,
        started: datetime,
        ended: datetime,
        *,
        until: datetime | None = None,
        under_way: bool = False,
    ) -> None:
        """Keep one pause of prompts the user asked for, ended or still ``under_way``.

        Keyed by its start, like a stretch: the pause under way is written when it begins
        (even with no length yet: a restart must find it), kept as it goes, and closed by
        a last call without ``under_way``; a closed pause is never changed again. At most
        one pause is under way: beginning one ends the other at the same moment, in the
        same transaction, so a crash never leaves none or two. An end before the start
        (the clock set back meanwhile) closes it with no length.
        """
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._keep_pause(started, max(ended, started), until, under_way=under_way)

    def pause_under_way(self) -> PauseUnderWay | None:
        """The pause left under way when the app last stopped, if any."""
        row = self._db.execute(
            "SELECT started_at, ended_at, planned_end FROM pause WHERE under_way = 1"
        ).fetchone()
        if row is None:
            return None
        return PauseUnderWay(
            _time(row[0]), _time(row[1]), _time(row[2]) if row[2] is not None else None
        )

    def carry_pause(self, left: PauseUnderWay, now: datetime) -> None:
        """Close ``left`` where the journal has it and open its continuation at ``now``.

        One transaction, so a crash leaves one pause under way, never none or two. The
        downtime between is not counted as paused: the app was not running.
        """
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._keep_pause(left.start, left.kept_until, left.until, under_way=False)
            self._keep_pause(max(now, left.start), max(now, left.start), left.until, under_way=True)

    def _keep_pause(
        self, started: datetime, ended: datetime, until: datetime | None, *, under_way: bool
    ) -> None:
        """Update the pause under way that began at ``started``, or begin one; in a transaction.

        Closing at no length removes the row: a pause ended within its first second (or
        with the clock set back) paused nothing.
        """
        begin, end = _stamp(started), _stamp(ended)
        if not under_way and end <= begin:
            self._db.execute("DELETE FROM pause WHERE under_way = 1 AND started_at = ?", (begin,))
            return
        updated = self._db.execute(
            "UPDATE pause SET ended_at = ?, under_way = ? WHERE under_way = 1 AND started_at = ?",
            (end, int(under_way), begin),
        )
        if updated.rowcount:
            return
        if not under_way:  # a finished pause the journal did not have under way
            self._db.execute(
                "INSERT INTO pause (started_at, ended_at, uid) VALUES (?, ?, ?)",
                (begin, end, _uid()),
            )
            return
        # Another pause under way ends where this one begins (gone if that leaves nothing).
        self._db.execute("DELETE FROM pause WHERE under_way = 1 AND started_at >= ?", (begin,))
        self._db.execute(
            "UPDATE pause SET ended_at = ?, under_way = 0 WHERE under_way = 1", (begin,)
        )
        self._db.execute(
            "INSERT INTO pause (started_at, ended_at, planned_end, under_way, uid)"
            " VALUES (?, ?, ?, 1, ?)",
            (begin, end, _stamp(until) if until else None, _uid()),
        )

    def record_checkin(self, day: date, score: int, answered: datetime) -> None:
        """Keep the day's back check-in; a second answer the same day replaces the first."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO checkin (day, score, answered_at) VALUES (?, ?, ?)"
                " ON CONFLICT (day) DO UPDATE SET score = excluded.score,"
                " answered_at = excluded.answered_at",
                (day.isoformat(), score, _stamp(answered)),
            )

    def pauses(self, since: datetime | None = None) -> list[Pause]:
        """Recorded pauses, oldest first."""
        rows = self._db.execute(
            "SELECT started_at, ended_at FROM pause WHERE ended_at >= ? ORDER BY started_at, id",
            (_stamp(since) if since else 0,),
        )
        return [Pause(_time(a), _time(b)) for a, b in rows]

    def checkins(self, since: date | None = None) -> dict[date, CheckIn]:
        """Check-ins by day, from ``since`` on."""
        rows = self._db.execute(
            "SELECT day, score, answered_at FROM checkin WHERE day >= ? ORDER BY day",
            (since.isoformat() if since else "",),
        )
        return {
            date.fromisoformat(day): CheckIn(date.fromisoformat(day), score, _time(at))
            for day, score, at in rows
        }

    def stretches(self, since: datetime | None = None) -> list[Stretch]:
        """Finished stretches, oldest first."""
        rows = self._db.execute(
            "SELECT started_at, ended_at, posture FROM stretch WHERE ended_at >= ?"
            " ORDER BY started_at, id",
            (_stamp(since) if since else 0,),
        )
        return [Stretch(_time(a), _time(b), posture) for a, b, posture in rows]

    def activities(self, since: datetime | None = None) -> list[Activity]:
        """Logged activities, oldest first."""
        rows = self._db.execute(
            "SELECT started_at, seconds, name FROM activity WHERE started_at >= ?"
            " ORDER BY started_at, id",
            (_stamp(since) if since else 0,),
        )
        return [Activity(_time(a), timedelta(seconds=n), name) for a, n, name in rows]

    def rate_prompt(self, shown_at: datetime, rating: str) -> None:
        """Add the effort rating to the done prompt shown at ``shown_at``."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "UPDATE prompt SET rating = ? WHERE id = (SELECT id FROM prompt"
                " WHERE shown_at = ? AND outcome = 'done' ORDER BY id DESC LIMIT 1)",
                (rating, _stamp(shown_at)),
            )

    def history(self) -> list[PromptRecord]:
        """Every resolved prompt, oldest first (progression replays them)."""
        return self.prompts()

    def record_break(self, taken: Break) -> None:
        """Keep one natural break; committed when this returns."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO natural_break (started_at, ended_at, uid) VALUES (?, ?, ?)",
                (_stamp(taken.start), _stamp(taken.end), _uid()),
            )

    def prompts(self, since: datetime | None = None) -> list[PromptRecord]:
        """Recorded prompts in the order they were shown."""
        rows = self._db.execute(
            "SELECT shown_at, resolved_at, exercise_id, outcome, moved_seconds, rating"
            " FROM prompt WHERE shown_at >= ? ORDER BY shown_at, id",
            (_stamp(since) if since else 0,),
        )
        return [
            PromptRecord(
                _time(shown),
                _time(resolved),
                exercise,
                Outcome(outcome),
                timedelta(seconds=moved),
                rating,
            )
            for shown, resolved, exercise, outcome, moved, rating in rows
        ]

    def breaks(self, since: datetime | None = None) -> list[Break]:
        """Recorded natural breaks in order."""
        rows = self._db.execute(
            "SELECT started_at, ended_at FROM natural_break WHERE started_at >= ?"
            " ORDER BY started_at, id",
            (_stamp(since) if since else 0,),
        )
        return [Break(_time(start), _time(end)) for start, end in rows]

    def move_stretch(self, started: datetime, to: datetime) -> None:
        """The stretch under way that began at ``started`` began at ``to`` after all.

        The person brought it from another computer (``core.sync.carried_start``): the
        row keeps its id and length so far, only its start moves.
        """
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "UPDATE stretch SET started_at = ? WHERE id = (SELECT id FROM stretch"
                " WHERE started_at = ? ORDER BY id DESC LIMIT 1)",
                (_stamp(to), _stamp(started)),
            )

    def entries(
        self, device: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[Entry]:
        """Every event that begins in [``since``, ``until``), with its id, as shared.

        The check-in has no row id: its day is its id (a second answer that day replaces
        the first, on this device). Events are those the journal has committed; the
        stretch under way as far as it was last kept.
        """
        fallback = f"{device}-row"  # rows another program wrote without an id
        low = _stamp(since) if since else 0
        high = _stamp(until) if until else 2**62
        found: list[Entry] = []
        for uid, shown, resolved, exercise, outcome, moved, rating in self._db.execute(
            "SELECT coalesce(uid, ? || id), shown_at, resolved_at, exercise_id, outcome,"
            " moved_seconds, rating FROM prompt WHERE shown_at >= ? AND shown_at < ?",
            (fallback, low, high),
        ):
            record = PromptRecord(
                _time(shown),
                _time(resolved),
                exercise,
                Outcome(outcome),
                timedelta(seconds=moved),
                rating,
            )
            found.append(entry(uid, device, record))
        for uid, a, b in self._db.execute(
            "SELECT coalesce(uid, ? || id), started_at, ended_at FROM natural_break"
            " WHERE started_at >= ? AND started_at < ?",
            (fallback, low, high),
        ):
            found.append(entry(uid, device, Break(_time(a), _time(b))))
        for uid, a, b, posture in self._db.execute(
            "SELECT coalesce(uid, ? || id), started_at, ended_at, posture FROM stretch"
            " WHERE started_at >= ? AND started_at < ?",
            (fallback, low, high),
        ):
            found.append(entry(uid, device, Stretch(_time(a), _time(b), posture)))
        for uid, a, n, name in self._db.execute(
            "SELECT coalesce(uid, ? || id), started_at, seconds, name FROM activity"
            " WHERE started_at >= ? AND started_at < ?",
            (fallback, low, high),
        ):
            found.append(entry(uid, device, Activity(_time(a), timedelta(seconds=n), name)))
        for uid, a, b in self._db.execute(
            "SELECT coalesce(uid, ? || id), started_at, ended_at FROM pause"
            " WHERE started_at >= ? AND started_at < ?",
            (fallback, low, high),
        ):
            found.append(entry(uid, device, Pause(_time(a), _time(b))))
        for day, score, at in self._db.execute(
            "SELECT day, score, answered_at FROM checkin WHERE answered_at >= ?"
            " AND answered_at < ?",
            (low, high),
        ):
            found.append(entry(day, device, CheckIn(date.fromisoformat(day), score, _time(at))))
        return found

    def first_event(self) -> datetime | None:
        """When the oldest event began (the first month to share), ``None`` if none yet."""
        (oldest,) = self._db.execute(
            "SELECT min(m) FROM (SELECT min(shown_at) AS m FROM prompt"
            " UNION ALL SELECT min(started_at) FROM natural_break"
            " UNION ALL SELECT min(started_at) FROM stretch"
            " UNION ALL SELECT min(started_at) FROM activity"
            " UNION ALL SELECT min(started_at) FROM pause"
            " UNION ALL SELECT min(answered_at) FROM checkin)"
        ).fetchone()
        return _time(oldest) if oldest is not None else None

    def changes(self) -> tuple[int, int]:
        """Changes anyone committed to the file so far: equal twice means nothing new.

        SQLite's ``data_version`` moves when another connection commits (``movebreak
        log``), ``total_changes`` when this one does; both are free to read.
        """
        (version,) = self._db.execute("PRAGMA data_version").fetchone()
        return int(version), self._db.total_changes

    def breaks_since(self, since: datetime) -> list[Break]:
        """The natural breaks that began at ``since`` or later (the Coach's port)."""
        return self.breaks(since)

    @property
    def in_memory(self) -> bool:
        """Whether this is the fallback that is lost when the app quits."""
        return self.path == Path(":memory:")

    def close(self) -> None:
        """Close the file; later calls fail."""
        self._db.close()


def _refuse_newer(connection: sqlite3.Connection, path: Path) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise NewerJournalError(
            f"{path} was written by a newer movebreak (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); it is left untouched"
        )


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch a new file to WAL; a no-op once it is (the mode is kept in the file).

    Two processes creating the journal at once (the app and ``movebreak log``) can get
    SQLITE_BUSY here without SQLite's busy handler being asked, so retry for a moment.
    """
    for attempt in range(_WAL_ATTEMPTS):
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or attempt + 1 == _WAL_ATTEMPTS:
                raise
            time.sleep(0.05)


def _probe(path: Path) -> None:
    """Check the existing file read-only: newer schema first, then integrity.

    Raises what :meth:`SqliteJournal.open` documents; changes nothing but may create
    the ``-shm`` index SQLite needs to read a WAL database.
    """
    try:
        probe = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise JournalError(f"cannot open {path}: {error}") from error
    try:
        probe.execute("PRAGMA busy_timeout = 3000")
        _refuse_newer(probe, path)
        rows = probe.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise _classified(error, path) from error
    finally:
        probe.close()
    if rows != [("ok",)]:
        first = str(rows[0][0]) if rows else "no answer"
        raise DamagedJournalError(f"{path}: integrity check failed ({first})")


def _classified(error: sqlite3.DatabaseError, path: Path) -> JournalError:
    """Damage (the bytes are wrong) or anything else (locked, unreadable, full disk)."""
    if error.sqlite_errorcode & 0xFF in _DAMAGED_CODES:
        return DamagedJournalError(f"{path}: {error}")
    return JournalError(f"{path}: {error}")


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    _refuse_newer(connection, path)
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Again under the write lock: the app and a command (`movebreak log`) may both
        # have found the file old, and the other may have migrated it meanwhile.
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        _refuse_newer(connection, path)
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in script.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    if version == SCHEMA_VERSION:
        return  # the other process did it
    log.info("journal.migrated path=%s from=%d to=%d", path, version, SCHEMA_VERSION)


def _stamp(moment: datetime) -> int:
    return int(moment.timestamp())


def _uid() -> str:
    """A new event's id: random, so two computers never make the same one."""
    return uuid.uuid4().hex


def _time(stamp: int) -> datetime:
    return datetime.fromtimestamp(stamp, UTC)


def open_journal(path: Path, now: datetime | None = None) -> tuple[SqliteJournal, str | None]:
    """The journal for the app, and what to tell the user if it is not the usual one.

    Never raises: the app must start whatever the file holds.

    - A damaged file (not a database, malformed, failing ``integrity_check``) is moved
      aside with its ``-wal``/``-shm`` files to ``<name>.corrupt-YYYYmmdd-HHMMSS`` (local
      time of ``now``), never deleted, and a new journal starts at ``path``.
    - A file from a newer movebreak, or one that cannot be opened (a folder, no
      permission, locked), is left untouched and this session is kept in memory.

    Returns:
        The journal, and ``None`` or a message for the user that says where things are.
    """
    try:
        return SqliteJournal.open(path, check=True), None
    except DamagedJournalError as error:
        damage = error
    except JournalError as error:
        log.error("journal.unavailable %s", error)
        return SqliteJournal.open_in_memory(), f"{error}. This session is kept in memory only."
    log.error("journal.damaged %s", damage)
    try:
        aside = set_aside(path, now or datetime.now(UTC))
        fresh = SqliteJournal.open(path, check=True)
    except (OSError, JournalError) as error:
        log.error("journal.unavailable after damage: %s", error)
        return SqliteJournal.open_in_memory(), (
            f"{damage}. It could not be replaced ({error}), so it is left as it is and this "
            "session is kept in memory only."
        )
    log.warning("journal.set_aside damaged=%s new=%s", aside, path)
    return fresh, (
        f"The journal was damaged ({_reason(damage)}). It was kept as {aside} and a new, "
        "empty journal started; nothing was deleted."
    )


def set_aside(path: Path, now: datetime) -> Path:
    """Rename ``path`` and its SQLite companions to an unused ``.corrupt-<time>`` name.

    The companions go first: a stray ``-wal`` left beside a new journal would be replayed
    into it. Never overwrites; returns the new path of the main file.
    """
    base = f"{path.name}.corrupt-{now.astimezone():%Y%m%d-%H%M%S}"
    aside, number = path.with_name(base), 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        aside, number = path.with_name(f"{base}-{number}"), number + 1
    for suffix in (*_COMPANIONS, ""):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(f"{aside}{suffix}")
    return aside


def _reason(error: JournalError) -> str:
    """The error without the path it starts with (the message names the file itself)."""
    return str(error).split(": ", 1)[-1]
