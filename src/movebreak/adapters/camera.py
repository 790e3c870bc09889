"""Is a camera in use by one of the user's programs (a video call)? Linux only.

Looks for an open ``/dev/video*`` among the file descriptors of the user's own processes
in ``/proc``. Asked only while a prompt is due (at most every ten seconds), never polled
otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

from movebreak.core.reminder import Hold


class CameraInUse:
    """``Hold.CAMERA`` while any of this user's processes holds a video device open."""

    def __init__(self, proc: Path = Path("/proc"), device_prefix: str = "/dev/video"):
        """``device_prefix`` lets tests stand a plain file in for a camera."""
        self._proc = proc
        self._prefix = device_prefix
        self._uid = os.getuid() if hasattr(os, "getuid") else None

    def __call__(self) -> Hold | None:
        """Scan the user's processes; stop at the first open camera."""
        if self._uid is None or not self._proc.is_dir():
            return None
        with os.scandir(self._proc) as processes:
            for entry in processes:
                if entry.name.isdigit() and self._holds_camera(entry):
                    return Hold.CAMERA
        return None

    def _holds_camera(self, process: os.DirEntry[str]) -> bool:
        try:
            if process.stat().st_uid != self._uid:
                return False
            with os.scandir(f"{process.path}/fd") as descriptors:
                return any(
                    str(Path(fd.path).readlink()).startswith(self._prefix) for fd in descriptors
                )
        except OSError:  # the process ended, or its descriptors are not ours to read
            return False
