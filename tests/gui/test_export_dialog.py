"""Export and import dialogs, driven like a user: consent, sections, progress, preview."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from core.export.sections import SECTIONS
from core.services import exports as ex
from core.services.dossiers import count_dossiers
from gui.dialogs import common
from gui.dialogs.export_dialog import ExportDialog
from gui.dialogs.import_dialog import ImportDialog
from tests.conftest import TODAY


def test_sensitive_sections_start_unchecked_and_consent_is_required(qtbot, store, demo_id):
    dialog = ExportDialog(store, demo_id, preferred_language="ti", today=TODAY)
    qtbot.addWidget(dialog)
    for section in SECTIONS:
        assert dialog.section_checks[section.code].isChecked() is (not section.sensitive)
    assert not dialog.export_button.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("pid-pdf"))
    assert dialog.language.currentData() == "ti"


def test_export_runs_in_the_background_and_is_logged(qtbot, store, demo_id, tmp_path, monkeypatch):
    out = tmp_path / "profiel.json"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(out))
    dialog = ExportDialog(store, demo_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.section_checks["health"].setChecked(True)
    dialog.section_checks["hours"].setChecked(False)
    dialog.recipient.setText("Gemeente Utrecht")
    dialog.consent.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    content = json.loads(out.read_text(encoding="utf-8"))
    assert "health" in content["secties"] and "hours" not in content["secties"]
    assert "Saved" in dialog.status.text()
    log = ex.export_log(store, demo_id)
    assert log[-1].recipient == "Gemeente Utrecht" and "health" in log[-1].sections


def test_import_dialog_refuses_a_bad_file_and_imports_a_good_one(qtbot, store, demo_id, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"formaat": "blauwemap-klantprofiel"', encoding="utf-8")
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.load_file(str(bad))
    qtbot.waitUntil(lambda: "Not imported" in dialog.status.text(), timeout=20000)
    assert "not valid JSON" in dialog.status.text()
    assert not dialog.import_button.isEnabled()

    good = tmp_path / "good.json"
    ex.export_dossier(store, demo_id, "json", good, sections=("identity", "exams"), today=TODAY)
    content = json.loads(good.read_text(encoding="utf-8"))
    content["secties"]["identity"]["burgerservicenummer"] = "123456782"
    content["secties"]["identity"]["vNummer"] = "1234567890"
    content["dossierUuid"] = None
    good.write_text(json.dumps(content), encoding="utf-8")
    dialog.load_file(str(good))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    assert "new dossier" in dialog.preview_text.toPlainText()
    assert "5 × exams" in dialog.preview_text.toPlainText()
    before = count_dossiers(store)
    with qtbot.waitSignal(dialog.imported, timeout=20000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count_dossiers(store) == before + 1
    assert signal.args[0] != demo_id


def test_copy_to_phone_saves_a_protected_map(qtbot, store, demo_id, tmp_path, monkeypatch):
    from core.services.demo import DEMO_NAME

    out = tmp_path / "map.html"
    asked: list[str] = []

    def ask(*_a, **_k):
        asked.append("file")
        return str(out)

    monkeypatch.setattr(common, "ask_save_file", ask)
    dialog = ExportDialog(store, demo_id, preferred_language="ar", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.protect.isHidden()  # only the map for a phone can be protected
    dialog.choose_format("html")
    assert not dialog.protect.isHidden() and dialog.passphrase.isHidden()
    assert dialog.language.currentData() == "ar"
    dialog.consent.setChecked(True)
    dialog.protect.click()
    assert not dialog.passphrase.isHidden() and not dialog.repeat.isHidden()
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.status.text() and not asked
    dialog.passphrase.setText("blue map on a phone")
    dialog.repeat.setText("blue map on a phonf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.status.text() and not asked and not out.exists()
    dialog.repeat.setText("blue map on a phone")
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    data = out.read_bytes()
    assert b'dir="rtl"' in data and b'id="bm-data"' in data
    assert DEMO_NAME[0].encode() not in data
    assert ex.export_log(store, demo_id)[-1].kind == "html_map"


def test_duo_forms_are_offered_and_a_refusal_is_shown_without_a_file(
    qtbot, store, demo_id, tmp_path, monkeypatch
):
    dialog = ExportDialog(store, demo_id, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.format.findData("duo-pip") >= 0 and dialog.format.findData("duo-map") >= 0
    out = tmp_path / "dossier-duo-pip.json"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(out))
    dialog.format.setCurrentIndex(dialog.format.findData("duo-pip"))
    assert "DUO" in dialog.format.currentText()
    dialog.consent.setChecked(True)
    assert not dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert json.loads(out.read_text(encoding="utf-8"))["gemeentecode"] == "0153"
    # The demo holds no MAP, PVT or Z-route date yet: the message names them, no file is made.
    refused = tmp_path / "dossier-duo-map.json"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(refused))
    dialog.format.setCurrentIndex(dialog.format.findData("duo-map"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing to report to DUO" in dialog.status.text(), timeout=20000)
    assert not refused.exists()


def test_the_dialog_names_the_topics_left_out_for_lack_of_consent(qtbot, store, demo_id):
    dialog = ExportDialog(store, demo_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.withheld_label.isHidden()  # health and family start unchecked
    dialog.section_checks["health"].setChecked(True)
    text = dialog.withheld_label.text()
    assert dialog.withheld_label.isVisible()
    assert "did not agree to share" in text and "Mental health" in text
    assert "Family situation" not in text
    dialog.section_checks["health"].setChecked(False)
    assert dialog.withheld_label.isHidden()
