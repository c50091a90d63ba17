"""Slow work off the GUI thread (PDF, import, backup, big lists), Anki ``aqt/operations`` style.

``run_in_background(fn, on_success, on_failure)`` runs ``fn(progress)`` in the global thread pool;
the callbacks run back on the GUI thread. ``progress(done, total)`` may be called from ``fn``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class WorkerSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()


class Worker(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.setAutoDelete(False)  # the Python object keeps the signals alive until done

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progressed.emit)
        except Exception as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_running: set[Worker] = set()


def run_in_background(
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Worker:
    """Start ``fn``; failures go to ``on_failure`` or, without one, to gui.errors."""
    worker = Worker(fn)
    if on_success is not None:
        worker.signals.succeeded.connect(on_success)
    if on_failure is not None:
        worker.signals.failed.connect(on_failure)
    else:
        from gui.errors import show_exception

        worker.signals.failed.connect(lambda exc: show_exception(exc))
    if on_progress is not None:
        worker.signals.progressed.connect(on_progress)
    _running.add(worker)
    worker.signals.finished.connect(lambda: _running.discard(worker))
    QThreadPool.globalInstance().start(worker)
    return worker


def wait_all(msecs: int = 30000) -> bool:
    """Tests and shutdown: wait until every background job finished."""
    return QThreadPool.globalInstance().waitForDone(msecs)
