"""All timing goes through APScheduler's Qt scheduler, inside the Qt event loop.

Jobs run inline on the GUI thread (``DebugExecutor``): APScheduler's default thread pool
would call the Coach from a worker thread. This is the only module that touches
APScheduler, which ships no type information.
"""

from __future__ import annotations

import contextlib
import inspect
import math
import sys
import types
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer

from movebreak.core.ports import Cancel


@contextlib.contextmanager
def _asyncio_left_out() -> Iterator[None]:
    """While APScheduler is imported, ``asyncio`` is a stand-in with the one function it takes.

    The real asyncio is untouched and loads as usual afterwards, for whoever wants it.

    APScheduler 3 imports ``iscoroutinefunction`` from asyncio (``apscheduler.util``) and
    nothing else, and uses it only in its asyncio and Tornado executors, to decide whether
    a job is a coroutine; movebreak uses neither. Importing asyncio for it costs about
    3 MB of resident memory (42 modules) all day. Since Python 3.11 (no more
    ``@asyncio.coroutine``) ``inspect.iscoroutinefunction`` gives the same answer for every
    real coroutine function, and APScheduler itself switches to it from Python 3.14. Not
    done when asyncio is loaded already; should APScheduler ever want more of asyncio, the
    import fails here and is simply done again with the real module.
    """
    if "asyncio" in sys.modules:
        yield
        return
    stand_in = types.ModuleType("asyncio", "movebreak: asyncio left out of APScheduler's import")
    stand_in.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
    sys.modules["asyncio"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("asyncio") is stand_in:
            del sys.modules["asyncio"]


def _forget_apscheduler() -> None:
    for name in [m for m in sys.modules if m == "apscheduler" or m.startswith("apscheduler.")]:
        del sys.modules[name]


try:
    with _asyncio_left_out():
        from apscheduler.executors.debug import DebugExecutor
        from apscheduler.schedulers.qt import QtScheduler
except (ImportError, AttributeError):  # a newer APScheduler wants more: the real asyncio
    _forget_apscheduler()
    from apscheduler.executors.debug import DebugExecutor
    from apscheduler.schedulers.qt import QtScheduler


class _OneTimerQtScheduler(QtScheduler):  # type: ignore[misc]  # APScheduler is untyped
    """QtScheduler that keeps exactly one pending timer.

    WORKAROUND(APScheduler 3.11 schedulers/qt.py): it keeps the return value of the static
    ``QTimer.singleShot`` to stop it later, but under PySide6 that returns ``None``, so each
    wake-up adds another timer chain that is never stopped and the app wakes more and
    more often. One owned QTimer, restarted each time, keeps one chain.
    """

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._one_timer = QTimer()
        self._one_timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early, finding no job due and waking again at
        # once; a precise one fires on time, so each due job costs one wake-up.
        self._one_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._one_timer.timeout.connect(self._process_jobs)
        self.wakeups = 0

    def _process_jobs(self) -> float | None:
        self.wakeups += 1
        wait: float | None = super()._process_jobs()
        return wait

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._one_timer.stop()
        if wait_seconds is not None:
            # Round up: truncating to whole milliseconds wakes just before the job is due.
            self._one_timer.start(min(math.ceil(wait_seconds * 1000), 2_147_483_647))

    def _stop_timer(self) -> None:
        self._one_timer.stop()


def _local_zone() -> Any:
    """The local zone for cron jobs, as APScheduler wants it (tzlocal, its dependency)."""
    from tzlocal import get_localzone

    return get_localzone()


class QtWakeups:
    """Runs callbacks at given instants or intervals on the GUI thread.

    Implements ``core.ports.Scheduler``. Needs a running Q(Core)Application.
    """

    def __init__(self) -> None:
        self._scheduler = _OneTimerQtScheduler(
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        self._scheduler.start()

    def call_at(self, when: datetime, fn: Callable[[], None]) -> Cancel:
        """Run ``fn`` once at or after ``when``; late after a suspend, never skipped."""
        job = self._scheduler.add_job(fn, "date", run_date=when)
        return self._canceller(job)

    def every(self, interval: timedelta, fn: Callable[[], None]) -> Cancel:
        """Run ``fn`` every ``interval``; missed runs after a suspend coalesce into one."""
        job = self._scheduler.add_job(fn, "interval", seconds=interval.total_seconds())
        return self._canceller(job)

    def cron(self, times: list[tuple[int, int]], fn: Callable[[], None]) -> Cancel:
        """Run ``fn`` every day at each local ``(hour, minute)`` in ``times``."""
        minutes = ",".join(str(m) for m in sorted({m for _, m in times}))
        hours = ",".join(str(h) for h in sorted({h for h, _ in times}))
        # One cron job covers every hour x minute combination; extra runs are harmless
        # (the callback re-evaluates), and the set of times is tiny.
        job = self._scheduler.add_job(
            fn, "cron", hour=hours, minute=minutes, timezone=_local_zone()
        )
        return self._canceller(job)

    @property
    def wakeups(self) -> int:
        """How many times the scheduler has woken the app so far (battery accounting)."""
        count: int = self._scheduler.wakeups
        return count

    def pending(self) -> int:
        """How many jobs are waiting; lets tests check the job store does not grow."""
        return len(self._scheduler.get_jobs())

    def shutdown(self) -> None:
        """Stop for good. ``wait=True``: with ``wait=False`` PySide6 aborted at exit."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def _canceller(self, job: Any) -> Cancel:
        def cancel() -> None:
            if self._scheduler.running and self._scheduler.get_job(job.id) is not None:
                job.remove()

        return cancel
