"""The benchmark's hooks into the running app (bench/probes.py starts the app with these set).

``BLAUWEMAP_BENCH_EXIT_AFTER_PAINT=1``: print ``PAINTED <monotonic time>`` after the main window's
first paint, then quit (cold start). ``BLAUWEMAP_BENCH_MEMORY=1``: once the caseload shows its
"needs attention" column and every page is built, print ``MEMORY <peak resident kB>`` and quit
(the app's own peak memory). Without them nothing here runs; this module imports only Qt's core.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

BENCH_ENV = "BLAUWEMAP_BENCH_EXIT_AFTER_PAINT"
MEMORY_ENV = "BLAUWEMAP_BENCH_MEMORY"


class FirstPaintSpy(QObject):
    """Print PAINTED after the window's first paint, then quit."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("PAINTED", time.monotonic(), flush=True)
            QTimer.singleShot(0, lambda: bench_quit())
        return False


def bench_quit() -> None:
    QApplication.quit()


def peak_memory_kb() -> int:
    """VmHWM of this process (Linux), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def watch_first_paint(window: QObject) -> None:
    """Install the first-paint probe on ``window`` when the benchmark asks for it."""
    if os.environ.get(BENCH_ENV) == "1":
        window.installEventFilter(FirstPaintSpy(window))


def memory_probe_wanted() -> bool:
    return os.environ.get(MEMORY_ENV) == "1"


def report_memory(build_everything: Callable[[], None]) -> None:
    """Build every page (as after a while of use), then print the peak memory and quit."""
    build_everything()
    QTimer.singleShot(0, lambda: print("MEMORY", peak_memory_kb(), flush=True))
    QTimer.singleShot(0, lambda: bench_quit())
