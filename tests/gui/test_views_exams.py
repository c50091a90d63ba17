"""ExamsView: plan, register and record results; lead-time and PIP-level warnings; free attempts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.services.dossiers import load_dossier
from gui.views.exams import ExamsView
from tests.gui.section_support import TODAY, save_shot, show_view, type_into


def _select(table, predicate):
    for row in range(table.proxy.rowCount()):
        record = table.model.records[table.proxy.mapToSource(table.proxy.index(row, 0)).row()]
        if predicate(record):
            table.view.selectRow(row)
            return record
    raise AssertionError("no such row")


def test_the_status_per_part_shows_free_attempts_left(qtbot, store, demo_id):
    view = show_view(qtbot, ExamsView, store, demo_id)
    rows = {r[0]: r for r in view.status_rows()}
    assert rows["Listening (LU)"][3:5] == ["1", "1"]  # one attempt used, one free left
    assert rows["Speaking (SP)"][2].startswith("✓ Passed")
    assert rows["Writing (SC)"][1] == "A2"  # afschalen in PIP version 2
    save_shot(view, "exams")


def test_plan_an_exam_too_late_to_register_then_register_it(qtbot, store, demo_id):
    view = show_view(qtbot, ExamsView, store, demo_id)
    qtbot.mouseClick(view.attempts.add_button, Qt.MouseButton.LeftButton)
    dialog = view.attempts.dialog
    form = dialog.form
    form.editors["onderdeel"].setCurrentIndex(form.editors["onderdeel"].findData("LE"))
    form.editors["niveau"].setCurrentIndex(form.editors["niveau"].findData("A2"))
    planned = TODAY + dt.timedelta(weeks=4)
    type_into(qtbot, form.editors["planned_date"], planned.isoformat())
    dialog.save()
    added = [
        x
        for x in load_dossier(store, demo_id).exams
        if x.onderdeel == "LE" and x.planned_date == planned
    ]
    assert len(added) == 1 and added[0].attempt_no == 1  # the cancelled attempt does not count
    text = view.warnings.text()
    assert "registration time has passed" in text
    assert "below the PIP level B1" in text
    _select(view.attempts, lambda r: r.id == added[0].id)
    qtbot.mouseClick(view.register_button, Qt.MouseButton.LeftButton)
    stored = next(x for x in load_dossier(store, demo_id).exams if x.id == added[0].id)
    assert stored.registration_date == TODAY
    assert "registration time has passed" not in view.warnings.text()


def test_record_a_result_of_a_planned_exam(qtbot, store, demo_id):
    view = show_view(qtbot, ExamsView, store, demo_id)
    knm = _select(view.attempts, lambda r: r.onderdeel == "KNM")
    qtbot.mouseClick(view.result_button, Qt.MouseButton.LeftButton)
    form = view.attempts.dialog.form
    form.editors["resultaat"].setCurrentIndex(form.editors["resultaat"].findData("Geslaagd"))
    type_into(qtbot, form.editors["result_date"], "2026-11-01")
    view.attempts.dialog.save()
    assert "comes before" in form.error_text("result_date")  # before the exam date: refused, kept
    type_into(qtbot, form.editors["result_date"], "2027-02-01")
    view.attempts.dialog.save()
    stored = next(x for x in load_dossier(store, demo_id).exams if x.id == knm.id)
    assert stored.resultaat == "Geslaagd" and stored.result_date == dt.date(2027, 2, 1)
    rows = {r[0]: r for r in view.status_rows()}
    assert rows["KNM – knowledge of Dutch society"][2].startswith("✓ Passed")


def test_kind_of_exam_and_who_registered_are_chosen_not_typed(qtbot, store, demo_id):
    view = show_view(qtbot, ExamsView, store, demo_id)
    qtbot.mouseClick(view.attempts.add_button, Qt.MouseButton.LeftButton)
    dialog = view.attempts.dialog
    form = dialog.form
    kinds = form.editors["exam_type"]
    assert [kinds.itemData(i) for i in range(kinds.count())] == ["inburgering", "staatsexamen"]
    assert kinds.currentData() == "inburgering"  # the default of a new attempt
    by = form.editors["registered_by"]
    assert [by.itemText(i) for i in range(by.count())][1:] == [
        "The person",
        "The school",
        "The gemeente",
    ]
    form.editors["onderdeel"].setCurrentIndex(form.editors["onderdeel"].findData("SP"))
    kinds.setCurrentIndex(kinds.findData("staatsexamen"))
    by.setCurrentIndex(by.findData("school"))
    save_shot(dialog, "exams_dialog")
    dialog.save()
    added = [x for x in load_dossier(store, demo_id).exams if x.exam_type == "staatsexamen"]
    assert [(x.onderdeel, x.registered_by) for x in added] == [("SP", "school")]


def test_record_table_titles_show_whole_on_hover(qtbot, store, demo_id):
    view = show_view(qtbot, ExamsView, store, demo_id)
    model = view.attempts.model
    tips = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert tips[0] == "Part" and all(tips)


def test_a_gezinsmigrant_is_told_they_pay_instead_of_zero_free_attempts(qtbot, store, demo_id):
    from core.services.dossiers import update_person

    update_person(store, demo_id, {"doelgroep": "Gezinsmigrant en overige migrant"})
    view = show_view(qtbot, ExamsView, store, demo_id)
    rows = {r[0]: r for r in view.status_rows()}
    assert rows["Listening (LU)"][4] == "Pays own exams"
    assert "DUO loan" in view.costs_note.text()
