"""The app and the one-shot commands may create and migrate the journal at the same moment.

Before the fix, four processes opening a new journal together failed in nearly every
round ("table prompt already exists", or "database is locked" from the switch to WAL).
"""

import multiprocessing
import sqlite3
from multiprocessing.synchronize import Barrier
from pathlib import Path
from queue import Queue

from movebreak.adapters.journal import SCHEMA_VERSION, JournalError, SqliteJournal

PROCESSES = 4
ROUNDS = 8


def open_each(paths: list[str], barrier: Barrier, results: "Queue[str]") -> None:
    for path in paths:
        barrier.wait(timeout=30)
        try:
            SqliteJournal.open(Path(path)).close()
            results.put("ok")
        except JournalError as error:
            results.put(str(error))


def test_processes_creating_the_journal_at_once_all_succeed(tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")  # no fork of a process with threads
    paths = [str(tmp_path / str(n) / "journal.sqlite3") for n in range(ROUNDS)]
    barrier = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    workers = [
        spawn.Process(target=open_each, args=(paths, barrier, results)) for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    answers = [results.get(timeout=60) for _ in range(PROCESSES * ROUNDS)]
    for worker in workers:
        worker.join(timeout=30)
    assert answers == ["ok"] * (PROCESSES * ROUNDS)
    for path in paths:
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT count(*) FROM prompt").fetchone() == (0,)
        db.close()
