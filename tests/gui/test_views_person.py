"""PersonView driven like a user: typing, saving, a bad BSN, the exemption table with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.services.dossiers import load_dossier
from gui.views.person import PersonView
from tests.gui.section_support import save_shot, show_view, type_into


def test_typing_a_name_and_saving_stores_it(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    form = view.identity.form
    type_into(qtbot, form.editors["family_name"], "Berhane")
    type_into(qtbot, form.editors["languages_spoken"], "ti, AR")
    qtbot.mouseClick(view.identity.save_button, Qt.MouseButton.LeftButton)
    person = load_dossier(store, demo_id)
    assert person.family_name == "Berhane"
    assert person.languages_spoken == ["ti", "ar"]
    assert "Saved" in view.identity.status.text()
    assert form.editors["family_name"].text() == "Berhane"


def test_a_bad_bsn_is_explained_next_to_the_field_and_kept(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    form = view.identity.form
    type_into(qtbot, form.editors["bsn"], "123456789")
    assert "elfproef" in form.hints["bsn"].text()  # while typing
    qtbot.mouseClick(view.identity.save_button, Qt.MouseButton.LeftButton)
    assert "elfproef" in form.error_text("bsn")
    assert form.editors["bsn"].text() == "123456789"  # what was typed stays
    assert load_dossier(store, demo_id).bsn == "111222333"  # nothing stored


def test_a_date_of_birth_in_the_future_is_refused_next_to_the_field(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    form = view.identity.form
    type_into(qtbot, form.editors["date_of_birth"], "2999-01-01")
    view.identity.save()
    assert "future" in form.error_text("date_of_birth")
    assert form.editors["date_of_birth"].text() == "2999-01-01"
    assert load_dossier(store, demo_id).date_of_birth == dt.date(1994, 5, 17)


def test_the_pip_clock_choice_names_its_source_and_is_stored(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    combo = view.plicht.form.editors["pip_clock_start"]
    texts = [combo.itemText(i) for i in range(combo.count())]
    # Issue 15: the choices say which one is the default, and never cite internal research notes
    assert texts[0] == "Housing in the gemeente (default)"
    assert not any("seed" in t for t in texts)
    spec = next(s for s in view.plicht.form.specs if s.name == "pip_clock_start")
    assert "SS139" in spec.help
    combo.setCurrentIndex(combo.findData("brp_inschrijving"))
    view.plicht.save()
    assert load_dossier(store, demo_id).pip_clock_start == "brp_inschrijving"


def test_add_an_exemption_then_delete_and_undo(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    table = view.vrijstellingen
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    dialog = table.dialog
    form = dialog.form
    form.editors["code"].setCurrentIndex(form.editors["code"].findData("GED"))
    form.editors["onderdeel"].setCurrentIndex(form.editors["onderdeel"].findData("SP"))
    type_into(qtbot, form.editors["decision_date"], "2026-10-01")
    type_into(qtbot, form.editors["valid_until"], "2026-09-01")
    dialog.save()  # valid_until before decision is allowed; decision_date must be a date
    person = load_dossier(store, demo_id)
    assert [(v.code, v.onderdeel, v.decision_date) for v in person.vrijstellingen] == [
        ("GED", "SP", dt.date(2026, 10, 1))
    ]
    assert table.model.rowCount() == 1
    table.view.selectRow(0)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert load_dossier(store, demo_id).vrijstellingen == []
    assert table.undo_button.isVisible()
    qtbot.mouseClick(table.undo_button, Qt.MouseButton.LeftButton)
    restored = load_dossier(store, demo_id).vrijstellingen
    assert [(v.code, v.onderdeel) for v in restored] == [("GED", "SP")]


def test_participant_mode_hides_consultant_fields(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id, mode="participant")
    assert not view.identity.form.editors["v_nummer"].isVisible()
    assert not view.plicht.form.editors["pip_clock_start"].isVisible()
    assert view.notes.form.editors["note_next_teacher"].isVisible()
    save_shot(view, "person_participant")


def test_typed_values_survive_a_reload_and_are_saved_by_save_pending(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    type_into(qtbot, view.contact.form.editors["woonplaats"], "Hengelo")
    type_into(qtbot, view.identity.form.editors["nationality"], "Eritrean")
    qtbot.mouseClick(view.identity.save_button, Qt.MouseButton.LeftButton)  # reloads the dossier
    assert view.contact.form.editors["woonplaats"].text() == "Hengelo"  # not thrown away
    assert view.has_unsaved()
    assert view.save_pending()
    person = load_dossier(store, demo_id)
    assert (person.nationality, person.woonplaats) == ("Eritrean", "Hengelo")
    assert not view.has_unsaved()


def test_saving_the_bsn_of_another_dossier_warns_next_to_the_field(qtbot, store, demo_id):
    from core.services.dossiers import create_dossier

    other = create_dossier(store, {"given_names": "Twin", "bsn": "123456782"})
    view = show_view(qtbot, PersonView, store, demo_id)
    form = view.identity.form
    type_into(qtbot, form.editors["bsn"], "123456782")
    qtbot.mouseClick(view.identity.save_button, Qt.MouseButton.LeftButton)
    assert load_dossier(store, demo_id).bsn == "123456782"  # kept: the person decides
    assert f"Dossier {other}" in form.hints["bsn"].text()


def test_a_save_over_someone_elses_shows_both_values_and_lets_choose(
    qtbot, store, demo_id, monkeypatch
):
    from core.services.dossiers import update_person
    from gui.dialogs import common

    view = show_view(qtbot, PersonView, store, demo_id)
    update_person(store, demo_id, {"phone": "0612345671"})  # a colleague, meanwhile
    asked: list[str] = []
    monkeypatch.setattr(common, "ask_yes_no", lambda _p, _t, text: asked.append(text) or False)
    type_into(qtbot, view.contact.form.editors["phone"], "0612345672")
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)
    assert "0612345671 → 0612345672" in asked[0]  # theirs and mine, side by side
    assert load_dossier(store, demo_id).phone == "0612345671"  # "No": theirs stays
    assert view.contact.form.editors["phone"].text() == "0612345671"
    update_person(store, demo_id, {"phone": "0612345673"})
    monkeypatch.setattr(common, "ask_yes_no", lambda _p, _t, text: asked.append(text) or True)
    type_into(qtbot, view.contact.form.editors["phone"], "0612345674")
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)
    assert load_dossier(store, demo_id).phone == "0612345674"  # "Yes": mine
    type_into(qtbot, view.contact.form.editors["phone"], "0612345675")  # no one else: no question
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and load_dossier(store, demo_id).phone == "0612345675"


def test_a_save_the_store_cannot_write_keeps_what_was_typed_to_try_again(
    qtbot, store, demo_id, monkeypatch
):
    from core.errors import StorageError
    from core.services import dossiers

    view = show_view(qtbot, PersonView, store, demo_id)
    real = dossiers.update_person

    def dropped(*_args, **_kwargs):
        raise StorageError("The connection to the team server was lost.")

    monkeypatch.setattr("gui.views.person.update_person", dropped)
    type_into(qtbot, view.contact.form.editors["phone"], "0612345679")
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)
    assert "connection" in view.contact.status.text()
    assert view.contact.form.editors["phone"].text() == "0612345679"  # kept
    monkeypatch.setattr("gui.views.person.update_person", real)
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)  # try again
    assert load_dossier(store, demo_id).phone == "0612345679"


def test_the_gemeente_field_offers_cbs_names_and_keeps_what_is_typed(qtbot, store, demo_id):
    view = show_view(qtbot, PersonView, store, demo_id)
    editor = view.contact.form.editors["gemeente"]
    completer = editor.completer()
    assert completer is not None
    completer.setCompletionPrefix("bosch")  # any case, anywhere in the name
    assert completer.currentCompletion() == "'s-Hertogenbosch"
    assert completer.model().rowCount() == 342
    editor.setText("Atlantis")  # (typing would open the popup, which offscreen Qt warns of)
    qtbot.mouseClick(view.contact.save_button, Qt.MouseButton.LeftButton)
    assert load_dossier(store, demo_id).gemeente == "Atlantis"  # kept; duo-pip refuses it
