"""Runs movebreak's Wayland idle source alone in a Qt loop and prints its idle time.

``python idle_probe.py PROTOCOL SECONDS``: uses only PROTOCOL (``ext_idle_notifier_v1``
or ``org_kde_kwin_idle``), prints ``via NAME`` (or ``refused WHY``), then every 0.25 s a
line ``MONOTONIC IDLE_SECONDS``, and quits after SECONDS.
"""

import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer

from movebreak.adapters.wayland_idle import WaylandIdle


def main() -> int:
    protocol, seconds = sys.argv[1], float(sys.argv[2])
    app = QCoreApplication(sys.argv[:1])
    source = WaylandIdle(protocols=(protocol,))
    refusal = source.start()
    if refusal is not None:
        print(f"refused {refusal}", flush=True)
        return 1
    print(f"via {source.via}", flush=True)

    def sample() -> None:
        idle = source.idle()
        print(f"{time.monotonic():.2f} {idle.total_seconds() if idle else 0.0:.2f}", flush=True)

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(250)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    source.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
