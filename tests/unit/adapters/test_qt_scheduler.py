import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from movebreak.adapters.qt_scheduler import QtWakeups


def test_jobs_run_on_the_gui_thread(qtbot: QtBot) -> None:
    wakeups = QtWakeups()
    threads: list[threading.Thread] = []
    wakeups.call_at(
        datetime.now(UTC) + timedelta(milliseconds=50),
        lambda: threads.append(threading.current_thread()),
    )
    qtbot.waitUntil(lambda: bool(threads), timeout=3000)
    wakeups.shutdown()
    assert threads == [threading.main_thread()]


def test_cancelled_jobs_never_run_and_leave_nothing_behind(qtbot: QtBot) -> None:
    wakeups = QtWakeups()
    ran: list[int] = []
    cancels = [
        wakeups.call_at(datetime.now(UTC) + timedelta(milliseconds=100), lambda: ran.append(1))
        for _ in range(20)
    ]
    for cancel in cancels:
        cancel()
        cancel()  # twice is harmless
    done: list[bool] = []
    wakeups.call_at(datetime.now(UTC) + timedelta(milliseconds=300), lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert ran == []
    assert wakeups.pending() == 0
    wakeups.shutdown()


def test_rescheduling_does_not_multiply_wakeups(qtbot: QtBot) -> None:
    """Upstream QtScheduler under PySide6 grew a new timer chain per added job."""
    wakeups = QtWakeups()
    for _ in range(30):
        wakeups.call_at(datetime.now(UTC) + timedelta(hours=1), lambda: None)()
    ticks: list[int] = []
    stop = wakeups.every(timedelta(milliseconds=100), lambda: ticks.append(1))
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)
    stop()
    # One wake-up per run, plus one for adding the job: thirty stray timer chains
    # (or waking a millisecond early) would multiply that.
    assert wakeups.wakeups <= len(ticks) + 2
    qtbot.wait(200)  # the timer armed for the removed job may fire once, finding nothing
    settled = wakeups.wakeups
    qtbot.wait(300)
    assert wakeups.wakeups == settled  # nothing scheduled: the app sleeps
    wakeups.shutdown()


# A fresh process, as at the app's start (pytest itself has asyncio loaded already): the
# jobs of every kind the app uses run, and asyncio never loaded for them.
WITHOUT_ASYNCIO = """
import inspect, sys
from datetime import UTC, datetime, timedelta
from PySide6.QtCore import QCoreApplication, QTimer
from movebreak.adapters.qt_scheduler import QtWakeups
import apscheduler.util
app = QCoreApplication([])
wakeups = QtWakeups()
ran = []
wakeups.call_at(datetime.now(UTC) + timedelta(milliseconds=50), lambda: ran.append("date"))
stop = wakeups.every(timedelta(milliseconds=60), lambda: ran.append("interval"))
now = datetime.now().astimezone()
wakeups.cron([(now.hour, now.minute), (4, 0)], lambda: None)
QTimer.singleShot(400, app.quit)
app.exec()
stop()
wakeups.shutdown()
assert "date" in ran and "interval" in ran, ran
assert "asyncio" not in sys.modules, "asyncio loaded"
assert apscheduler.util.iscoroutinefunction is inspect.iscoroutinefunction
import asyncio
assert asyncio.iscoroutinefunction is not inspect.iscoroutinefunction  # the real module
async def job() -> None: ...
assert apscheduler.util.iscoroutinefunction_partial(job)
assert not apscheduler.util.iscoroutinefunction_partial(lambda: None)
from apscheduler.executors.asyncio import AsyncIOExecutor  # still importable, for whoever
print("ok")
"""


def test_apscheduler_runs_every_kind_of_job_without_loading_asyncio() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_ASYNCIO],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == "ok", result.stderr
