"""One running app per profile: a lock on a file in the runtime folder, taken first thing.

An advisory ``flock`` on ``instance.lock``, held for the life of the process. The kernel
takes the lock and the check in one step, so two starts in the same instant cannot both
get it (a look at the control socket, then a listen() later, left that gap open), and it
drops the lock when the process ends in any way, SIGKILL and power cut included, so a
lock left behind never blocks the next start. The file itself stays: deleting it at quit
would let a start that opened the old file and one that made a new one both hold "the"
lock. Needs only the runtime folder: no Qt, nothing heavy.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from movebreak.adapters.paths import make_private_dir

LOCK_NAME = "instance.lock"


class InstanceLock:
    """The lock of the running instance; released by :meth:`release` or at process exit."""

    def __init__(self, fd: int, path: Path):
        self._fd = fd
        self.path = path

    def release(self) -> None:
        """Give the lock up (closing the file releases it)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def take_instance_lock(runtime_dir: Path) -> InstanceLock | None:
    """The instance lock in ``runtime_dir``, or None when another instance holds it.

    Raises:
        OSError: the folder or the file cannot be made or opened (the caller decides
            whether to start unguarded).
    """
    make_private_dir(runtime_dir)
    path = runtime_dir / LOCK_NAME
    # Not inherited by child processes (PEP 446): a sound player outliving the app must
    # not keep its lock.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(fd):
            os.close(fd)
            return None
    except BaseException:
        os.close(fd)
        raise
    return InstanceLock(fd, path)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - not run on the Linux CI
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
