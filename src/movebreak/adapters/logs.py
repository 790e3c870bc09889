"""Logging to a file in the platform's log folder.

Entries name events (``break.recorded``), times and lengths; never a key, a character, a
window title or a pointer position. The input path logs nothing per event.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from types import TracebackType

from movebreak.adapters.paths import make_private_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_file: Path, *, debug: bool = False) -> None:
    """Send log records to ``log_file`` (rotated, private) and warnings to stderr."""
    make_private_dir(log_file.parent)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    if os.name == "posix":
        log_file.chmod(0o600)
    handler.setFormatter(logging.Formatter(_FORMAT))
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("movebreak: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(handler)
    root.addHandler(console)
    # APScheduler logs every job run at INFO: a line every few seconds says nothing useful.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log an exception nothing caught (sys.excepthook), with its traceback."""
    logging.getLogger("movebreak").critical(
        "app.error uncaught exception", exc_info=(kind, error, trace)
    )
