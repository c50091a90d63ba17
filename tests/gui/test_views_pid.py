"""PidView driven like a user: the azc phase, Voorinburgering hours against the norms, records."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from core.services.dossiers import load_dossier
from gui.views.pid import PidView
from tests.gui.section_support import save_shot, show_view, type_into


def test_a_koppeling_before_the_permit_is_refused_next_to_the_field(qtbot, store, demo_id):
    view = show_view(qtbot, PidView, store, demo_id)
    form = view.azc.form
    before = load_dossier(store, demo_id).azc.koppeling_date
    type_into(qtbot, form.editors["koppeling_date"], "2020-01-01")
    qtbot.mouseClick(view.azc.save_button, Qt.MouseButton.LeftButton)
    assert "comes before" in form.error_text("koppeling_date")
    assert form.editors["koppeling_date"].text() == "2020-01-01"
    assert load_dossier(store, demo_id).azc.koppeling_date == before


def test_voorinburgering_hours_show_the_norm_and_are_stored(qtbot, store, demo_id):
    view = show_view(qtbot, PidView, store, demo_id)
    form = view.voorinburgering.form
    assert "115" in form.hints["nt2_hours"].text()
    type_into(qtbot, form.editors["nt2_hours"], "115,5")
    assert form.hints["nt2_hours"].text().startswith("✓")
    combo = form.editors["toestemming"]
    combo.setCurrentIndex(combo.findData("ja"))
    qtbot.mouseClick(view.voorinburgering.save_button, Qt.MouseButton.LeftButton)
    stored = load_dossier(store, demo_id).voorinburgering
    assert stored.nt2_hours == 115.5
    assert stored.toestemming == "ja"


def test_add_work_with_an_end_before_its_start_keeps_the_dialog_open(qtbot, store, demo_id):
    view = show_view(qtbot, PidView, store, demo_id)
    dialog = view.work.add()
    form = dialog.form
    type_into(qtbot, form.editors["role"], "Cook")
    type_into(qtbot, form.editors["from_date"], "2019-05-01")
    type_into(qtbot, form.editors["until_date"], "01-02-2018")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "comes before" in form.error_text("until_date")
    assert dialog.isVisible() and form.editors["until_date"].text() == "01-02-2018"
    type_into(qtbot, form.editors["until_date"], "01-02-2020")
    dialog.save()
    roles = {w.role: w.until_date for w in load_dossier(store, demo_id).work}
    assert roles["Cook"] == dt.date(2020, 2, 1)
    save_shot(view, "pid")
