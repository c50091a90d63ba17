"""Helpers for the section-view tests: a context on the test store, a view showing the demo
dossier that reloads after every commit (as the main window does), and a screenshot folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from core.services.dossiers import load_dossier
from core.settings import Settings
from gui.context import AppContext

TODAY = dt.date(2026, 11, 23)


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
