"""Helpers for the section-view tests: a context on the test store, a view showing the demo
dossier that reloads after every commit (as the main window does), and a screenshot folder."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from core.services.dossiers import load_dossier
from core.settings import Settings
from gui.context import AppContext

TODAY = dt.date(2026, 11, 23)


def _immortalise_singletons() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None/True/False it never took (every
    Python slot that returns None, Signal(object).emit(True), ...): after enough calls the
    process aborts with "none_dealloc"/"bool_dealloc". Python 3.12+ makes these objects
    immortal (PEP 683); do the same here so a long test run cannot abort at exit."""
    if sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


_immortalise_singletons()
SHOTS = Path(
    os.environ.get("BLAUWEMAP_SHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots")
)


def make_ctx(store: Any, mode: str = "consultant") -> AppContext:
    return AppContext(store=store, settings=Settings(mode=mode), today_override=TODAY)


def show_view(
    qtbot: Any, view_class: type, store: Any, dossier_id: int, mode: str = "consultant"
) -> Any:
    ctx = make_ctx(store, mode)
    view = view_class(ctx)
    qtbot.addWidget(view)
    ctx.signals.dossier_changed.connect(lambda pid: view.set_dossier(load_dossier(store, pid)))
    view.set_dossier(load_dossier(store, dossier_id))
    view.resize(1100, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Replace a line edit's text by typing, like a user."""
    from gui.widgets.date_edit import DateEdit

    target = widget.line if isinstance(widget, DateEdit) else widget
    target.selectAll()
    qtbot.keyClicks(target, text) if text else target.clear()
    if not text:
        target.textEdited.emit("")


def save_shot(view: Any, name: str) -> Path:
    from PySide6.QtWidgets import QApplication

    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # pending layout requests, so the picture shows the final layout
    path = SHOTS / f"{name}.png"
    view.grab().save(str(path))
    return path
