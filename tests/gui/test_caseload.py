"""The caseload as a consultant uses it: type to search, sort, filter, page through a long list,
create and delete dossiers; the database is checked afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.i18n import format_date, format_duration_days
from core.services.dossiers import count_dossiers, create_dossier, list_dossiers
from gui.dialogs import common
from gui.models.caseload_model import COLUMNS, PAGE, CaseloadModel
from gui.views.caseload import CaseloadView, NewDossierDialog

PEOPLE = [
    ("Amina", "Haddad", "Enschede", "123456782"),
    ("Yonas", "Tesfay", "Zwolle", None),
    ("Olena", "Kovalenko", "Enschede", None),
]


def add_people(store):
    for given, family, gemeente, bsn in PEOPLE:
        create_dossier(
            store, {"given_names": given, "family_name": family, "gemeente": gemeente, "bsn": bsn}
        )


def make_view(qtbot, ctx):
    view = CaseloadView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def names(view):
    return [view.model.rows[r].name for r in range(view.model.rowCount())]


def test_search_as_you_type(qtbot, ctx):
    add_people(ctx.store)
    view = make_view(qtbot, ctx)
    assert view.model.rowCount() == 3
    qtbot.keyClicks(view.search, "kova")
    qtbot.waitUntil(lambda: names(view) == ["Olena Kovalenko"])
    view.search.clear()
    qtbot.keyClicks(view.search, "enschede")
    qtbot.waitUntil(lambda: len(names(view)) == 2)
    view.search.clear()
    qtbot.keyClicks(view.search, "12345")  # a BSN being typed
    qtbot.waitUntil(lambda: names(view) == ["Amina Haddad"])
    assert view.count_label.text() == "1 dossier"


def test_enter_in_search_opens_the_single_match(qtbot, ctx):
    add_people(ctx.store)
    view = make_view(qtbot, ctx)
    opened = []
    view.open_requested.connect(opened.append)
    qtbot.keyClicks(view.search, "Yonas")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert opened[0] == next(r.id for r in list_dossiers(ctx.store) if r.name == "Yonas Tesfay")


def test_sorting_by_a_column(qtbot, ctx):
    add_people(ctx.store)
    view = make_view(qtbot, ctx)
    assert names(view) == ["Amina Haddad", "Olena Kovalenko", "Yonas Tesfay"]  # by family name
    view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # gemeente, Z first
    assert names(view)[0] == "Yonas Tesfay"
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names(view)[0] == "Amina Haddad"


def test_filter_by_status(qtbot, ctx):
    add_people(ctx.store)
    first = list_dossiers(ctx.store)[0]
    from core.services.dossiers import update_person

    update_person(ctx.store, first.id, {"plicht_status": "voldaan_diploma"})
    view = make_view(qtbot, ctx)
    view.status.setCurrentIndex(view.status.findData("voldaan_diploma"))
    assert names(view) == [first.name]
    view.status.setCurrentIndex(0)
    assert len(names(view)) == 3


def test_needs_attention_filter_from_the_clocks(qtbot, ctx, demo_id):
    add_people(ctx.store)
    view = make_view(qtbot, ctx)
    if view._clocks is None:
        with qtbot.waitSignal(view.attention_ready, timeout=10000):
            pass
    assert demo_id in view.model.attention  # its KNM registration is due within six weeks
    view.attention_only.click()
    assert [view.model.rows[r].id for r in range(view.model.rowCount())] == [demo_id]
    row = view.model.index(0, 6)
    # What, and by when: not just that something needs attention.
    clock = view.model.attention[demo_id]
    assert view.model.data(row) == (
        f"Register for the KNM exam — by {format_date(clock.date)} (in "
        f"{format_duration_days((clock.date - ctx.today()).days)})"
    )
    assert view.model.data(row, Qt.ItemDataRole.ForegroundRole) is None  # not overdue: not red


def test_attention_sorts_by_urgency_and_overdue_is_red(qtbot, ctx):
    """Sorting the attention column puts the earliest date first; only overdue is red."""
    import datetime as dt

    from core.rules.clocks import OPEN, OVERDUE, Clock

    ids = [
        create_dossier(ctx.store, {"given_names": n, "family_name": "Test"})
        for n in ("Later", "Overdue", "Soon")
    ]
    today = ctx.today()
    clocks = {
        ids[0]: Clock("pip_due", today + dt.timedelta(days=30), OPEN, "", None, ""),
        ids[1]: Clock("pip_due", today - dt.timedelta(days=3), OVERDUE, "", None, ""),
        ids[2]: Clock("pip_due", today + dt.timedelta(days=5), OPEN, "", None, ""),
    }
    model = CaseloadModel(ctx.store)
    model.set_attention(clocks, False, today)
    column = next(i for i, (key, _t) in enumerate(COLUMNS) if key == "attention")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    names_sorted = [model.rows[r].name for r in range(model.rowCount())]
    assert names_sorted == ["Overdue Test", "Soon Test", "Later Test"]
    overdue = model.index(0, column)
    assert "overdue since" in model.data(overdue)
    assert model.data(overdue, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, column), Qt.ItemDataRole.ForegroundRole) is None


def test_paging_fetches_more_rows_on_demand(store):
    for i in range(PAGE + 30):
        create_dossier(store, {"given_names": f"P{i:03d}", "family_name": "Test"})
    model = CaseloadModel(store)
    assert model.total == PAGE + 30
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 30
    assert not model.canFetchMore()
    ids = [model.dossier_id(r) for r in range(model.rowCount())]
    assert len(set(ids)) == PAGE + 30


def test_new_dossier_keeps_typing_on_a_bad_bsn(qtbot, ctx, monkeypatch):
    view = make_view(qtbot, ctx)
    opened = []
    view.open_requested.connect(opened.append)

    def drive(dialog: NewDossierDialog) -> bool:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.edits["given_names"], "Sara")
        qtbot.keyClicks(dialog.edits["family_name"], "Mohammed")
        qtbot.keyClicks(dialog.edits["bsn"], "123456789")  # fails the elfproef
        dialog.create_dossier()
        assert dialog.errors["bsn"].isVisibleTo(dialog)
        assert dialog.errors["bsn"].text()
        assert dialog.edits["given_names"].text() == "Sara"  # nothing typed is lost
        assert count_dossiers(ctx.store) == 0
        dialog.edits["bsn"].clear()
        qtbot.keyClicks(dialog.edits["bsn"], "123456782")
        dialog.create_dossier()
        return dialog.result() == NewDossierDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "run_dialog", drive)
    view.new_button.click()
    rows = list_dossiers(ctx.store)
    assert [(r.name, r.bsn) for r in rows] == [("Sara Mohammed", "123456782")]
    assert opened == [rows[0].id]
    assert names(view) == ["Sara Mohammed"]


def test_new_dossier_with_a_known_bsn_offers_the_existing_one(qtbot, ctx, monkeypatch):
    first = create_dossier(ctx.store, {"given_names": "Sara", "bsn": "123456782"})
    view = make_view(qtbot, ctx)
    opened, asked = [], []
    view.open_requested.connect(opened.append)

    def drive(dialog: NewDossierDialog) -> bool:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.edits["given_names"], "Sara")
        qtbot.keyClicks(dialog.edits["bsn"], "1234.56.782")
        dialog.create_dossier()
        return dialog.result() == NewDossierDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "run_dialog", drive)
    monkeypatch.setattr(common, "ask_yes_no", lambda _p, _t, text: asked.append(text) or True)
    view.new_button.click()
    assert f"Dossier {first}" in asked[0]
    assert count_dossiers(ctx.store) == 1  # nothing created: the existing one is opened
    assert opened == [first]


def test_delete_asks_first(qtbot, ctx, monkeypatch):
    add_people(ctx.store)
    view = make_view(qtbot, ctx)
    view.table.selectRow(0)
    asked = []
    monkeypatch.setattr(common, "ask_yes_no", lambda _p, _t, text: asked.append(text) or False)
    view.delete_button.click()
    assert count_dossiers(ctx.store) == 3
    assert "Amina Haddad" in asked[0]
    monkeypatch.setattr(common, "ask_yes_no", lambda *_a: True)
    view.delete_button.click()
    assert count_dossiers(ctx.store) == 2
    assert names(view) == ["Olena Kovalenko", "Yonas Tesfay"]


def test_a_column_title_cut_off_by_a_narrow_column_shows_whole_on_hover(qtbot, ctx):
    view = make_view(qtbot, ctx)
    model = view.table.model()
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert title and tip == title
