"""HoursView: fast entry with the keyboard, 30 hours on a day refused, totals, evidence, providers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.services.dossiers import load_dossier
from core.services.records import list_providers
from gui.views.hours import HoursView
from tests.gui.section_support import TODAY, save_shot, show_view, type_into


def test_enter_adds_an_entry_and_keeps_category_and_provider(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    before = len(load_dossier(store, demo_id).hours)
    assert view.q_date.value() == TODAY
    view.q_category.setCurrentIndex(view.q_category.findData("map_praktijk"))
    provider = list_providers(store)[0]
    view.q_provider.setCurrentIndex(view.q_provider.findData(provider.id))
    qtbot.keyClicks(view.q_hours, "2,5")
    qtbot.keyClick(view.q_hours, Qt.Key.Key_Return)
    type_into(qtbot, view.q_date, "2026-11-20")
    qtbot.keyClicks(view.q_hours, "3")
    qtbot.keyClick(view.q_hours, Qt.Key.Key_Return)
    hours = load_dossier(store, demo_id).hours
    assert len(hours) == before + 2
    new = sorted(
        (h for h in hours if h.category == "map_praktijk" and h.date >= dt.date(2026, 11, 20)),
        key=lambda h: h.date,
    )
    assert [(h.date, h.hours, h.provider_id) for h in new] == [
        (dt.date(2026, 11, 20), 3.0, provider.id),
        (TODAY, 2.5, provider.id),
    ]
    assert view.q_category.currentData() == "map_praktijk"
    assert view.q_provider.currentData() == provider.id
    assert view.q_hours.text() == ""
    assert "Added" in view.q_status.text()


def test_thirty_hours_on_one_day_is_refused_and_kept(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    before = len(load_dossier(store, demo_id).hours)
    qtbot.keyClicks(view.q_hours, "30")
    qtbot.mouseClick(view.q_add, Qt.MouseButton.LeftButton)
    assert "24" in view.q_error.text() and view.q_error.isVisible()
    assert view.q_hours.text() == "30"
    assert len(load_dossier(store, demo_id).hours) == before


def test_totals_per_category_week_and_verzuim(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    cats = {
        view.category_table.item(r, 0).text(): view.category_table.item(r, 1).text()
        for r in range(view.category_table.rowCount())
    }
    person = load_dossier(store, demo_id)
    lessons = sum(
        h.hours
        for h in person.hours
        if h.category == "ParticipatieAlsTaalles" and h.attendance == "aanwezig"
    )
    assert cats["Dutch and KNM lessons"] == f"{lessons:g} hours"
    assert "Absent without permission" in view.verzuim_label.text()
    assert view.week_table.item(0, 0).text().startswith("Week 47")
    save_shot(view, "hours")


def test_link_an_entry_to_a_document_and_undo_a_delete(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    person = load_dossier(store, demo_id)
    doc = person.documents[0]
    table = view.entries
    table.view.selectRow(0)
    record = table.selected()
    dialog = table.edit_selected()
    combo = dialog.form.editors["document_id"]
    combo.setCurrentIndex(combo.findData(doc.id))
    dialog.save()
    assert (
        next(h for h in load_dossier(store, demo_id).hours if h.id == record.id).document_id
        == doc.id
    )
    table.view.selectRow(0)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert record.id not in {h.id for h in load_dossier(store, demo_id).hours}
    qtbot.mouseClick(table.undo_button, Qt.MouseButton.LeftButton)
    back = [
        h
        for h in load_dossier(store, demo_id).hours
        if h.date == record.date and h.document_id == doc.id
    ]
    assert len(back) == 1 and back[0].hours == record.hours


def test_add_a_provider_with_a_keurmerk(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    dialog = view.add_provider()
    type_into(qtbot, dialog.form.editors["name"], "Taalhuis Hengelo")
    type_into(qtbot, dialog.form.editors["keurmerk_from"], "2026-01-01")
    type_into(qtbot, dialog.form.editors["keurmerk_until"], "2025-01-01")
    dialog.save()
    assert "comes before" in dialog.form.error_text("keurmerk_until")
    type_into(qtbot, dialog.form.editors["keurmerk_until"], "2027-12-31")
    dialog.save()
    names = [view.provider_table.item(r, 0).text() for r in range(view.provider_table.rowCount())]
    assert "Taalhuis Hengelo" in names
    assert view.q_provider.findText("Taalhuis Hengelo") >= 0
