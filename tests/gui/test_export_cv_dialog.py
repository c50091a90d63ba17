"""The export dialog makes the bilingual CV, and an export made for a referral is logged with it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core import models as m
from core.services import exports as ex
from core.services import records as rec
from core.services.dossiers import load_dossier
from gui.dialogs import common
from gui.dialogs.export_dialog import ExportDialog
from tests.conftest import TODAY
from tests.core.export_support import ETHIOPIC, pdf_pages


def _wsp(store, demo_id) -> m.Referral:
    person = load_dossier(store, demo_id)
    return next(r for r in person.referrals if r.partner_kind == "werkgeversservicepunt")


def test_the_dialog_offers_the_cv_and_writes_it_in_the_persons_language(
    qtbot, store, demo_id, tmp_path, monkeypatch
):
    out = tmp_path / "cv.pdf"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(out))
    dialog = ExportDialog(store, demo_id, preferred_language="ti", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.format.findData("cv-pdf") >= 0
    dialog.choose_format("cv-pdf")
    assert dialog.format.currentText() == "CV, bilingual (PDF)"
    assert dialog.language.currentData() == "ti"  # the person's own language beside Dutch
    assert dialog.print_button.isEnabled() is False
    dialog.consent.setChecked(True)
    assert dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = "\n".join(pdf_pages(out.read_bytes()))
    assert "Werkervaring" in text and "Vrijwilligerswerk" in text
    assert ETHIOPIC.search(text)
    assert "111222333" not in text  # no BSN on a CV
    log = ex.export_log(store, demo_id)[-1]
    assert log.kind == "cv_pdf" and log.referral_id is None


def test_the_referral_chosen_in_the_dialog_is_in_the_export_log(
    qtbot, store, demo_id, tmp_path, monkeypatch
):
    out = tmp_path / "cv-wsp.pdf"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(out))
    wsp = _wsp(store, demo_id)
    dialog = ExportDialog(store, demo_id, preferred_language="ti", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.form.isRowVisible(dialog.referral)
    assert dialog.referral.itemText(0) == "No referral"
    assert any(
        dialog.referral.itemText(i).startswith("UWV Werkgeversservicepunt Twente — ")
        for i in range(dialog.referral.count())
    )
    dialog.choose_format("cv-pdf")
    dialog.choose_referral(wsp.id)
    # The sections follow what the person agreed to share with this partner.
    assert set(dialog.chosen_sections()) == set(wsp.consent_sections)
    dialog.consent.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.exists()
    log = ex.export_log(store, demo_id)[-1]
    assert log.referral_id == wsp.id
    assert log.recipient == "UWV Werkgeversservicepunt Twente"
    assert set(log.sections) == set(wsp.consent_sections)


def test_without_referrals_the_dialog_does_not_ask_for_one(qtbot, store, demo_id):
    for r in load_dossier(store, demo_id).referrals:
        rec.delete_record(store, "referral", r.id)
    dialog = ExportDialog(store, demo_id, today=TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.form.isRowVisible(dialog.referral)
    assert dialog.chosen_referral() is None
