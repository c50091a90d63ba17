"""ContactsView: the vaste aanspreekpunt is shown and can be changed; conversations are logged."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.services.dossiers import load_dossier
from gui.views.contacts import ContactsView
from tests.gui.section_support import save_shot, show_view, type_into


def test_the_fixed_contact_is_shown_first_and_can_be_changed(qtbot, store, demo_id):
    view = show_view(qtbot, ContactsView, store, demo_id)
    assert "M. de Vries" in view.vaste_text.text()
    assert view.contacts.model.records[0].is_vaste_aanspreekpunt
    bakker_row = next(r for r, c in enumerate(view.contacts.model.records) if c.name == "S. Bakker")
    view.contacts.view.selectRow(
        view.contacts.proxy.mapFromSource(view.contacts.model.index(bakker_row, 0)).row()
    )
    qtbot.mouseClick(view.make_vaste_button, Qt.MouseButton.LeftButton)
    vaste = [c.name for c in load_dossier(store, demo_id).contacts if c.is_vaste_aanspreekpunt]
    assert vaste == ["S. Bakker"]  # only one at a time
    assert "S. Bakker" in view.vaste_text.text()
    assert view.contacts.model.records[0].name == "S. Bakker"


def test_a_bad_phone_number_is_explained_and_kept(qtbot, store, demo_id):
    view = show_view(qtbot, ContactsView, store, demo_id)
    dialog = view.contacts.add()
    type_into(qtbot, dialog.form.editors["name"], "A. Jansen")
    type_into(qtbot, dialog.form.editors["phone"], "call me")
    dialog.save()
    assert "phone number" in dialog.form.error_text("phone")
    assert dialog.form.editors["phone"].text() == "call me"
    type_into(qtbot, dialog.form.editors["phone"], "06 11122233")
    dialog.save()
    assert "A. Jansen" in [c.name for c in load_dossier(store, demo_id).contacts]


def test_log_a_planned_conversation_with_an_interpreter(qtbot, store, demo_id):
    view = show_view(qtbot, ContactsView, store, demo_id)
    dialog = view.conversations.add()
    form = dialog.form
    assert form.editors["contact_id"].currentText() == "M. de Vries"  # the fixed contact by default
    type_into(qtbot, form.editors["date"], "2027-01-10 14:30")
    form.editors["planned"].setChecked(True)
    form.editors["type"].setCurrentIndex(form.editors["type"].findData("voortgang"))
    form.editors["interpreter"].setCurrentIndex(
        form.editors["interpreter"].findData("professional")
    )
    type_into(qtbot, form.editors["language"], "ti")
    qtbot.keyClicks(form.editors["agreements"], "Bring the MAP report")
    dialog.save()
    talk = next(
        c
        for c in load_dossier(store, demo_id).conversations
        if c.date == dt.datetime(2027, 1, 10, 14, 30)
    )
    assert (
        talk.planned
        and talk.interpreter == "professional"
        and talk.agreements == "Bring the MAP report"
    )
    assert view.conversations.model.records[0].id == talk.id
    save_shot(view, "contacts")


def test_a_referral_with_its_consent_is_added_and_bad_consent_is_explained(qtbot, store, demo_id):
    view = show_view(qtbot, ContactsView, store, demo_id)
    shown = {r.partner for r in view.referrals.model.records}
    assert "Taalcentrum Twente" in shown
    dialog = view.referrals.add()
    form = dialog.form
    type_into(qtbot, form.editors["partner"], "GGZ Oost")
    form.editors["partner_kind"].setCurrentIndex(form.editors["partner_kind"].findData("ggz"))
    consent = form.editors["consent_sections"]
    form.set_value("consent_sections", ["identity", "gezondheid"])  # e.g. from an old import
    consent.boxes["identity"].setChecked(True)
    dialog.save()
    assert "gezondheid" in form.error_text("consent_sections")
    assert consent.codes() == ["identity", "gezondheid"]  # kept, with a box to untick
    assert "GGZ Oost" not in {r.partner for r in load_dossier(store, demo_id).referrals}
    consent.boxes["gezondheid"].setChecked(False)
    consent.boxes["health"].setChecked(True)
    assert consent.boxes["health"].text() == "Health"  # the section's title, translated
    dialog.save()
    ggz = next(r for r in load_dossier(store, demo_id).referrals if r.partner == "GGZ Oost")
    assert ggz.consent_sections == ["identity", "health"]
    assert ggz.partner_kind == "ggz"
    assert "GGZ Oost" in {r.partner for r in view.referrals.model.records}
    save_shot(view, "contacts-referrals")
