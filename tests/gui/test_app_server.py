"""The app on a team server: the password asked in a dialog, the title bar says where the data
lives, and a refused login is a message, not a window."""

from __future__ import annotations

import argparse

import pytest

from core.models.enums import ActorKind
from core.services.store import Actor, Store
from gui import app
from gui.dialogs import common
from gui.workers import wait_all
from tests.core.storage.team_support import PASSWORD
from tests.gui.conftest import make_context


@pytest.fixture
def anna_db(team_server, monkeypatch):
    """anna's database on the server, opened as the app does; closed after the window."""
    team_server.add("anna")
    asked: list[str] = []
    monkeypatch.setattr(
        common, "ask_password", lambda _p, _t, label: asked.append(label) or PASSWORD
    )
    db = app.open_server_database(argparse.Namespace(database_url=team_server.url("anna")))
    assert db is not None
    assert "anna@127.0.0.1" in asked[0]
    yield db
    db.close()


def test_the_window_on_a_team_server_says_where_the_data_lives(anna_db, make_window, team_server):
    window = make_window(make_context(Store(anna_db, Actor(ActorKind.CONSULTANT.value, "anna"))))
    assert window.windowTitle().startswith("Blauwe Map — anna@127.0.0.1:")
    assert window.windowTitle().endswith(f"/{team_server.database}")
    window.ensure_views()  # what the window does just after its first paint, done now
    wait_all()  # and the caseload's background reads, while the server still runs


def test_a_refused_login_is_a_message(team_server, monkeypatch):
    team_server.add("anna")
    shown: list[str] = []
    monkeypatch.setattr(common, "ask_password", lambda *_a: "not the password")
    monkeypatch.setattr(common, "show_message", lambda _p, _t, text, **_k: shown.append(text))
    args = argparse.Namespace(database_url=team_server.url("anna"))
    assert app.open_server_database(args) is None
    assert "refused the login" in shown[0]


def test_the_caseload_shows_whose_dossier_and_narrows_to_mine(team_server, monkeypatch, qtbot):
    """A teamleider sees the team's dossiers with their consultant; "Mine" keeps their own."""
    from core.services.dossiers import create_dossier
    from core.storage import team
    from gui.models.caseload_model import COLUMNS
    from gui.views.caseload import CaseloadView

    team_server.add("bert")
    team_server.add("lisa", role=team.TEAMLEIDER)
    opened = {}
    for login in ("bert", "lisa"):
        monkeypatch.setattr(common, "ask_password", lambda *_a: PASSWORD)
        db = app.open_server_database(argparse.Namespace(database_url=team_server.url(login)))
        assert db is not None
        opened[login] = Store(db, Actor(ActorKind.CONSULTANT.value, login))
    try:
        create_dossier(opened["bert"], {"given_names": "Bert's", "family_name": "Client"})
        create_dossier(opened["lisa"], {"given_names": "Lisa's", "family_name": "Client"})
        view = CaseloadView(make_context(opened["lisa"]))
        qtbot.addWidget(view)
        column = next(i for i, (key, _t) in enumerate(COLUMNS) if key == "assigned_to")
        assert not view.table.isColumnHidden(column)
        shown = {view.model.rows[r].name: view.model.rows[r].assigned_to for r in range(2)}
        assert shown == {"Bert's Client": "bert", "Lisa's Client": "lisa"}
        view.whose.setCurrentIndex(view.whose.findData("lisa"))
        assert [view.model.rows[r].name for r in range(view.model.rowCount())] == ["Lisa's Client"]
        wait_all()
    finally:
        for store in opened.values():
            store.db.close()


def test_the_local_caseload_has_no_consultant_column(qtbot, store):
    from gui.models.caseload_model import COLUMNS
    from gui.views.caseload import CaseloadView

    view = CaseloadView(make_context(store))
    qtbot.addWidget(view)
    column = next(i for i, (key, _t) in enumerate(COLUMNS) if key == "assigned_to")
    assert view.table.isColumnHidden(column) and view.whose.isHidden()
    wait_all()
