"""A record dialog saved over someone else's change: both values, the choice, what was typed kept;
a record someone else deleted meanwhile: said, and what was typed can be added again."""

from __future__ import annotations

import pytest

from core.errors import ConflictError
from core.services import records as rec
from core.services.dossiers import load_dossier
from gui.views.hours import HoursView
from gui.widgets import conflict
from tests.gui.section_support import show_view, type_into


def _open_first(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    table = view.entries
    table.view.selectRow(0)
    record = table.selected()
    dialog = table.edit_selected()
    return view, record, dialog


def _hour(store, demo_id, record_id):
    return next((h for h in load_dossier(store, demo_id).hours if h.id == record_id), None)


def test_a_stale_save_shows_both_values_and_keeps_what_was_typed(
    qtbot, store, demo_id, monkeypatch
):
    _view, record, dialog = _open_first(qtbot, store, demo_id)
    rec.update_record(store, "hour", record.id, {"description": "Theirs"})  # a colleague
    asked: list[str] = []
    monkeypatch.setattr(conflict, "question", lambda _p, _t, text: asked.append(text) or False)
    type_into(qtbot, dialog.form.editors["description"], "Mine")
    dialog.save()
    assert "Theirs → Mine" in asked[0]  # theirs and mine, side by side
    assert "Save your values over theirs?" in asked[0]
    assert _hour(store, demo_id, record.id).description == "Theirs"  # "No": nothing written
    assert dialog.isVisible() and dialog.form.value("description") == "Mine"  # kept
    assert "Someone else saved this record" in dialog.message.text()

    monkeypatch.setattr(conflict, "question", lambda _p, _t, text: asked.append(text) or True)
    dialog.save()  # "Yes": mine over theirs
    assert _hour(store, demo_id, record.id).description == "Mine"
    assert len(asked) == 2 and not dialog.isVisible()


def test_a_record_deleted_meanwhile_is_said_and_can_be_added_again(qtbot, store, demo_id):
    _view, record, dialog = _open_first(qtbot, store, demo_id)
    rec.delete_record(store, "hour", record.id)  # a colleague
    type_into(qtbot, dialog.form.editors["description"], "Typed here")
    dialog.save()
    assert "deleted this record" in dialog.message.text()
    assert dialog.isVisible() and dialog.form.value("description") == "Typed here"
    dialog.save()  # adds it again, with what was typed
    assert any(h.description == "Typed here" for h in load_dossier(store, demo_id).hours)


def test_deleting_a_row_someone_changed_is_refused(qtbot, store, demo_id):
    view = show_view(qtbot, HoursView, store, demo_id)
    table = view.entries
    table.view.selectRow(0)
    record = table.selected()
    rec.update_record(store, "hour", record.id, {"description": "Changed"})
    with pytest.raises(ConflictError, match="not deleted"):
        table.delete_selected()
    assert _hour(store, demo_id, record.id).description == "Changed"


def test_a_stale_panel_save_asks_and_keeps_what_was_typed(qtbot, store, demo_id, monkeypatch):
    from PySide6.QtCore import Qt

    from gui.views.pid import PidView

    view = show_view(qtbot, PidView, store, demo_id)
    panel = view.voorinburgering
    rec.set_section(store, demo_id, "voorinburgering", {"nt2_hours": 100})  # a colleague
    asked: list[str] = []
    monkeypatch.setattr(conflict, "question", lambda _p, _t, text: asked.append(text) or False)
    type_into(qtbot, panel.form.editors["nt2_hours"], "115,5")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "100 → 115.5" in asked[0]
    assert load_dossier(store, demo_id).voorinburgering.nt2_hours == 100  # "No": theirs
    assert panel.form.editors["nt2_hours"].text() == "115,5"  # what was typed stays
    assert "Someone else saved this record" in panel.status.text()
    monkeypatch.setattr(conflict, "question", lambda _p, _t, text: asked.append(text) or True)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert load_dossier(store, demo_id).voorinburgering.nt2_hours == 115.5  # "Yes": mine


def test_undo_and_redo_of_a_dialog_save_are_no_conflict(qtbot, store, demo_id):
    view, record, dialog = _open_first(qtbot, store, demo_id)
    before = record.description
    type_into(qtbot, dialog.form.editors["description"], "Mine")
    dialog.save()
    ctx = view.ctx
    ctx.undo(ctx.undo_stack[-1], demo_id, saved_text="Undone")
    assert _hour(store, demo_id, record.id).description == before
    ctx.redo(demo_id, saved_text="Redone")  # the version the dialog had is long gone
    assert _hour(store, demo_id, record.id).description == "Mine"


def test_a_dropped_connection_keeps_what_was_typed_and_save_tries_again(
    qtbot, store, demo_id, monkeypatch
):
    from core.errors import StorageError

    _view, record, dialog = _open_first(qtbot, store, demo_id)
    real = rec.update_record

    def dropped(*_a, **_k):
        raise StorageError(
            "The connection to the team server was lost. Nothing of this change was saved; "
            "try again."
        )

    monkeypatch.setattr(rec, "update_record", dropped)
    type_into(qtbot, dialog.form.editors["description"], "Typed before the drop")
    dialog.save()
    assert dialog.isVisible() and "connection" in dialog.message.text()
    assert "press Save to try again" in dialog.message.text()
    assert dialog.form.value("description") == "Typed before the drop"
    monkeypatch.setattr(rec, "update_record", real)
    dialog.save()  # the connection is back
    assert _hour(store, demo_id, record.id).description == "Typed before the drop"
