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
