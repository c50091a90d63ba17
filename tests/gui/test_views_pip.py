"""PipView: a new beschikking version with DUO's findings, the ontwikkelplan, the version diff."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.services.dossiers import load_dossier
from gui.views.pip import PipView
from tests.gui.section_support import save_shot, show_view, type_into


def test_the_current_beschikking_and_the_diff_of_the_demo_are_shown(qtbot, store, demo_id):
    view = show_view(qtbot, PipView, store, demo_id)
    assert "Version 2" in view.current_summary.text()
    assert view._value_labels["leerroute"][1].text() == "B1-route"
    changes = view.show_diff()
    assert {c.field for c in changes} >= {"niveau_sc", "dagtekening"}
    texts = [view.diff_table.item(r, 0).text() for r in range(view.diff_table.rowCount())]
    assert "Level for writing (SC)" in texts
    save_shot(view, "pip")


def test_a_version_duo_rejects_is_blocked_until_recorded_anyway(qtbot, store, demo_id):
    view = show_view(qtbot, PipView, store, demo_id)
    qtbot.mouseClick(view.new_version_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    form = dialog.form
    assert form.editors["leerroute"].currentData() == "B"  # starts from the current values
    form.editors["leerroute"].setCurrentIndex(form.editors["leerroute"].findData("O"))
    form.editors["niveau"].setCurrentIndex(form.editors["niveau"].findData("A2"))
    form.editors["geschatte_intensiteit"].clear()
    assert "onderwijsroute" in dialog.findings_label.text()
    assert dialog.record_anyway.isVisible()
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert len(load_dossier(store, demo_id).pip_versions) == 2
    dialog.record_anyway.setChecked(True)
    qtbot.keyClicks(form.editors["reason"], "Gemeente decided the onderwijsroute at A2")
    dialog.save()
    versions = load_dossier(store, demo_id).pip_versions
    assert [(v.version_no, v.leerroute, v.niveau) for v in versions][-1] == (3, "O", "A2")
    assert versions[-1].intensiteit == versions[-2].intensiteit  # carried over
    assert view.new_combo.currentData() == versions[-1].id
    # Issue 15: the stored version keeps showing what the gate says of it
    assert "onderwijsroute" in view.findings_note.text()
    assert view.findings_note.isVisibleTo(view)
    assert "Leerroute" in [
        view.diff_table.item(r, 0).text() for r in range(view.diff_table.rowCount())
    ]


def test_the_demos_stored_pip_has_no_findings(qtbot, store, demo_id):
    view = show_view(qtbot, PipView, store, demo_id)
    assert view.findings_note.text() == "" and not view.findings_note.isVisibleTo(view)


def test_an_agreement_touching_the_beschikking_warns(qtbot, store, demo_id):
    view = show_view(qtbot, PipView, store, demo_id)
    dialog = view.afspraken.add()
    form = dialog.form
    type_into(qtbot, form.editors["due_date"], "2027-01-15")
    qtbot.keyClicks(form.editors["text"], "Switch to the Z-route")
    form.editors["touches_mandatory_part"].setChecked(True)
    assert "new PIP version" in form.hints["touches_mandatory_part"].text()
    dialog.save()
    stored = [
        a for a in load_dossier(store, demo_id).afspraken if a.text == "Switch to the Z-route"
    ]
    assert stored and stored[0].touches_mandatory_part and stored[0].owner == "deelnemer"
    assert "Switch to the Z-route" in view.mandatory_warning.text()


def test_signing_records_the_date(qtbot, store, demo_id):
    view = show_view(qtbot, PipView, store, demo_id)
    dialog = view.new_version()
    dialog.save()  # an unchanged copy is a valid new version
    assert view.sign_person_button.isEnabled()  # the new version is not signed yet
    qtbot.mouseClick(view.sign_person_button, Qt.MouseButton.LeftButton)
    latest = load_dossier(store, demo_id).pip_versions[-1]
    assert latest.version_no == 3 and latest.signed_person_date == view.ctx.today()
    assert not view.sign_person_button.isEnabled()


def test_only_wi2021_has_a_pip():
    assert PipView.regimes == ("Wi2021",)
