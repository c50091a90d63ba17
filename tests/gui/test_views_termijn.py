"""TermijnView: verlengingen move the end of the termijn; ontzorging steps; preconditions."""

from __future__ import annotations

import datetime as dt

from core.services.dossiers import load_dossier
from gui.views.termijn import TermijnView, step_text
from tests.gui.section_support import save_shot, show_view, type_into


def test_a_granted_extension_moves_the_end_of_the_termijn(qtbot, store, demo_id):
    view = show_view(qtbot, TermijnView, store, demo_id)
    end_label = view.date_rows["end"][1]
    assert end_label.text() == "Nov 23, 2028"
    dialog = view.verlengingen.add()
    form = dialog.form
    type_into(qtbot, form.editors["ground"], "Medical: surgery and recovery")
    qtbot.keyClicks(form.editors["months"], "6")
    form.editors["decision"].setCurrentIndex(form.editors["decision"].findData("toegekend"))
    type_into(qtbot, form.editors["decision_date"], "2026-01-01")  # before the request (today)
    dialog.save()
    assert "comes before" in form.error_text("decision_date")
    assert form.editors["decision_date"].text() == "2026-01-01"
    type_into(qtbot, form.editors["decision_date"], "2026-11-23")
    doc = load_dossier(store, demo_id).documents[0]
    form.editors["document_id"].setCurrentIndex(form.editors["document_id"].findData(doc.id))
    dialog.save()
    stored = [
        v for v in load_dossier(store, demo_id).verlengingen if v.ground.startswith("Medical")
    ]
    assert (
        stored[0].months == 6
        and stored[0].decision == "toegekend"
        and stored[0].document_id == doc.id
    )
    assert end_label.text() == "May 23, 2029"
    save_shot(view, "termijn")


def test_move_an_ontzorging_item_to_the_next_step(qtbot, store, demo_id):
    view = show_view(qtbot, TermijnView, store, demo_id)
    table = view.ontzorging
    row = next(
        r
        for r in range(table.proxy.rowCount())
        if table.model.records[table.proxy.mapToSource(table.proxy.index(r, 0)).row()].kind
        == "huur"
    )
    table.view.selectRow(row)
    dialog = table.edit_selected()
    combo = dialog.form.editors["step"]
    combo.setCurrentIndex(combo.findData("door_mij"))
    type_into(qtbot, dialog.form.editors["step_date"], "2026-11-20")
    dialog.save()
    rent = next(o for o in load_dossier(store, demo_id).ontzorging if o.kind == "huur")
    assert rent.step == "door_mij" and rent.step_date == dt.date(2026, 11, 20)
    assert step_text("door_mij").endswith("● Done by me")


def test_add_a_precondition(qtbot, store, demo_id):
    view = show_view(qtbot, TermijnView, store, demo_id)
    dialog = view.preconditions.add()
    form = dialog.form
    form.editors["kind"].setCurrentIndex(form.editors["kind"].findData("rooster"))
    form.editors["status"].setCurrentIndex(form.editors["status"].findData("probleem"))
    qtbot.keyClicks(form.editors["notes"], "Lessons clash with the MAP workplace on Tuesdays")
    dialog.save()
    kinds = {p.kind: p.status for p in load_dossier(store, demo_id).preconditions}
    assert kinds["rooster"] == "probleem"


def test_the_pip_clock_says_where_it_starts_and_offers_the_other_event(qtbot, store, demo_id):
    """Issue 15: housing by default, said on screen; the other start events on offer."""
    view = show_view(qtbot, TermijnView, store, demo_id)
    assert "Housing in the gemeente (default)" in view.date_rows["pip"][2].text()
    combo = view.pip_start
    assert combo.currentData() == "huisvesting" and combo.count() == 3
    combo.setCurrentIndex(combo.findData("vestiging"))
    combo.activated.emit(combo.currentIndex())
    assert load_dossier(store, demo_id).pip_clock_start == "vestiging"
    assert "vestiging" in view.date_rows["pip"][2].text()


def test_a_granted_whole_vrijstelling_shows_the_termijn_as_done(qtbot, store, demo_id):
    from core.services.records import add_record

    add_record(
        store,
        demo_id,
        "vrijstelling",
        {"code": "DIP", "decision": "toegekend", "decision_date": dt.date(2026, 11, 1)},
    )
    view = show_view(qtbot, TermijnView, store, demo_id)
    left = view.date_rows["end"][2].text()
    assert left.startswith("Done") and "vrijstelling" in left


def test_a_decision_with_its_objection_window_and_a_fine(qtbot, store, demo_id):
    from core.services.deadlines import caseload_clocks

    view = show_view(qtbot, TermijnView, store, demo_id)
    dialog = view.besluiten.add()
    form = dialog.form
    form.editors["kind"].setCurrentIndex(form.editors["kind"].findData("boete"))
    type_into(qtbot, form.editors["subject"], "Fine for a missed intake")
    type_into(qtbot, form.editors["notice_date"], "2030-01-01")
    qtbot.keyClicks(form.editors["amount"], "-5")
    dialog.save()
    assert "future" in form.error_text("notice_date")
    assert "between 0 and 100,000" in form.error_text("amount")
    assert form.editors["subject"].text() == "Fine for a missed intake"  # nothing typed is lost
    type_into(qtbot, form.editors["notice_date"], "2026-11-02")
    form.editors["amount"].clear()
    qtbot.keyClicks(form.editors["amount"], "250")
    dialog.save()
    (stored,) = [
        b for b in load_dossier(store, demo_id).besluiten if b.subject.endswith("missed intake")
    ]
    assert stored.kind == "boete" and stored.amount == 250 and stored.authority == "gemeente"
    # The stored clock plans (the caseload's "needs attention") carry the objection window.
    clocks = [d.clock for d in caseload_clocks(store, dt.date(2026, 11, 23))]
    assert any(
        c.kind == "bezwaar" and c.date == dt.date(2026, 12, 14) and c.status == "open"
        for c in clocks
    )


def test_the_start_up_checklist_keeps_status_date_helper_and_evidence(qtbot, store, demo_id):
    view = show_view(qtbot, TermijnView, store, demo_id)
    before = len(load_dossier(store, demo_id).start_items)
    dialog = view.start_items.add()
    form = dialog.form
    form.editors["kind"].setCurrentIndex(form.editors["kind"].findData("energie_water"))
    form.editors["status"].setCurrentIndex(form.editors["status"].findData("geregeld"))
    type_into(qtbot, form.editors["done_on"], "2031-05-01")
    type_into(qtbot, form.editors["helper"], "Buddy from the neighbourhood team")
    dialog.save()
    assert "future" in form.error_text("done_on")
    type_into(qtbot, form.editors["done_on"], "2026-11-20")
    dialog.save()
    items = load_dossier(store, demo_id).start_items
    assert len(items) == before + 1
    (new,) = [i for i in items if i.kind == "energie_water"]
    assert new.status == "geregeld" and new.done_on == dt.date(2026, 11, 20)
    assert new.helper == "Buddy from the neighbourhood team"
