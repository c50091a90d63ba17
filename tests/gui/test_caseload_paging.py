"""Opening and sorting the caseload reads one page from the database, never the whole list."""

from __future__ import annotations

from PySide6.QtCore import Qt

import gui.models.caseload_model as cm
from core.services.dossiers import create_dossier
from gui.views.caseload import CaseloadView


def test_open_and_sort_read_one_page_each(qtbot, ctx, monkeypatch):
    for i in range(cm.PAGE + 5):
        create_dossier(
            ctx.store, {"given_names": f"P{i:03d}", "family_name": "Test", "gemeente": f"G{i}"}
        )
    calls = []
    real = cm.list_dossiers

    def spy(*args, **kwargs):
        rows = real(*args, **kwargs)
        calls.append((kwargs.get("limit"), kwargs.get("order_by"), kwargs.get("descending"), rows))
        return rows

    monkeypatch.setattr(cm, "list_dossiers", spy)
    view = CaseloadView(ctx)
    qtbot.addWidget(view)
    assert [c[:3] for c in calls] == [(cm.PAGE, "name", False)]
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert view.model.total == cm.PAGE + 5 and len(view.model.rows) == cm.PAGE
    assert view.model.rows[0].name == "P000 Test"
    calls.clear()
    view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [c[:3] for c in calls] == [(cm.PAGE, "gemeente", True)]
    assert view.model.rows[0].gemeente == "G99"  # text order, descending
