"""The dossier views in navigation order. The main window builds one of each.

Each entry is "module:Class"; every listed module must exist (a test imports them all).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.views.base import DossierView

VIEW_PATHS: tuple[str, ...] = (
    "gui.views.overview:OverviewView",
    "gui.views.person:PersonView",
    "gui.views.pid:PidView",
    "gui.views.intake:IntakeView",
    "gui.views.pip:PipView",
    "gui.views.hours:HoursView",
    "gui.views.exams:ExamsView",
    "gui.views.termijn:TermijnView",
    "gui.views.contacts:ContactsView",
    "gui.views.documents:DocumentsView",
)


def view_classes() -> list[type[DossierView]]:
    out = []
    for path in VIEW_PATHS:
        module, name = path.split(":")
        out.append(getattr(importlib.import_module(module), name))
    return out
