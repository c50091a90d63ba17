"""The app on a team server: the first start offers it, the login dialog connects (each cause of
failure said next to the fields, nothing typed lost), the password may be kept in the keyring,
the title bar and About say where the data lives, and the caseload is per consultant."""

from __future__ import annotations

from typing import ClassVar

import pytest

from core.models.enums import ActorKind
from core.services.store import Actor, Store
from core.settings import Settings
from gui import app
from gui.dialogs import server_login
from gui.dialogs.server_login import ServerLoginDialog
from gui.workers import wait_all
from tests.core.storage.team_support import PASSWORD
from tests.gui.conftest import make_context


class MemoryKeyring:
    """A keyring that keeps its secrets in this process (the system's needs a desktop session);
    the app talks to it through the keyring package exactly as to GNOME Keyring or KWallet."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]
            secrets: ClassVar[dict[tuple[str, str], str]] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.secrets.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.secrets[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                from keyring.errors import PasswordDeleteError

                if self.secrets.pop((service, username), None) is None:
                    raise PasswordDeleteError(username)

        self.backend = Backend()
        self.secrets = Backend.secrets


@pytest.fixture
def memory_keyring():
    import keyring

    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept.backend)
    try:
        yield kept.secrets
    finally:
        keyring.set_keyring(before)


def log_in(qtbot, settings: Settings, url: str, password: str = PASSWORD, **kw):
    dialog = ServerLoginDialog(settings, url, **kw)
    qtbot.addWidget(dialog)
    dialog.password.setText(password)
    dialog.try_accept()
    return dialog


@pytest.fixture
def anna_db(team_server, qtbot):
    """anna's database on the server, opened through the login dialog; closed after the test."""
    team_server.add("anna")
    dialog = log_in(qtbot, Settings(), team_server.url("anna"))
    assert dialog.db is not None, dialog.error.text()
    yield dialog.db
    dialog.db.close()


def test_the_window_on_a_team_server_says_where_the_data_lives(anna_db, make_window, team_server):
    from gui.dialogs.about_dialog import AboutDialog

    window = make_window(make_context(Store(anna_db, Actor(ActorKind.CONSULTANT.value, "anna"))))
    assert window.windowTitle().startswith("Blauwe Map — anna@127.0.0.1:")
    assert window.windowTitle().endswith(f"/{team_server.database}")
    about = AboutDialog(window, server=anna_db.server)
    assert "team server" in about.data.text() and team_server.database in about.data.text()
    assert "on this computer, encrypted" not in about.summary.text()
    about.deleteLater()
    window.ensure_views()  # what the window does just after its first paint, done now
    wait_all()  # and the caseload's background reads, while the server still runs


def test_logging_in_remembers_the_address_never_the_password(team_server, qtbot, tmp_path):
    team_server.add("anna")
    settings = Settings()
    dialog = log_in(qtbot, settings, team_server.url("anna"))
    assert dialog.result() and dialog.db is not None
    dialog.db.close()
    assert settings.server_url == team_server.url("anna")
    settings.save(tmp_path / "settings.json")
    assert PASSWORD not in (tmp_path / "settings.json").read_text(encoding="utf-8")


def test_each_refusal_is_said_in_the_dialog_and_nothing_typed_is_lost(team_server, qtbot):
    team_server.add("anna")
    url = team_server.url("anna")
    wrong = log_in(qtbot, Settings(), url, "not the password")
    assert wrong.db is None and not wrong.result()
    assert "refused the login" in wrong.error.text() and wrong.error.isVisibleTo(wrong)
    assert wrong.address.text() == url and wrong.password.text() == ""  # only that is emptied

    down = log_in(qtbot, Settings(), url.replace(str(team_server.server.port), "1"))
    assert down.db is None and "cannot be reached" in down.error.text()
    assert down.password.text() == PASSWORD  # kept: the server was the problem

    nonsense = log_in(qtbot, Settings(), "http://example.org/x")
    assert nonsense.db is None and "not a team server address" in nonsense.error.text()

    tls = ServerLoginDialog(Settings(), url)
    qtbot.addWidget(tls)
    tls.password.setText(PASSWORD)
    tls.ca_file.setText(str(team_server.server.folder / "no-such-ca.crt"))
    assert "sslmode=verify-full" in tls.url() and "sslrootcert=" in tls.url()
    tls.try_accept()
    assert tls.db is None and "certificate" in tls.error.text()


def test_the_password_kept_in_the_keyring_opens_without_asking(
    team_server, qtbot, memory_keyring, monkeypatch
):
    team_server.add("anna")
    url, settings = team_server.url("anna"), Settings()
    dialog = log_in(qtbot, settings, url)
    assert dialog.remember.isEnabled()
    dialog.db.close()
    assert memory_keyring == {}  # not asked to keep it
    dialog = ServerLoginDialog(settings, url)
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(True)
    dialog.try_accept()
    dialog.db.close()
    assert list(memory_keyring.values()) == [PASSWORD]

    monkeypatch.setattr(ServerLoginDialog, "exec", lambda _self: pytest.fail("asked"))
    db = app.open_server_database(settings, url, offer_local=True)
    assert db is not None and db is not app.LOCAL_CHOSEN
    db.close()  # type: ignore[union-attr]

    again = ServerLoginDialog(settings, url)  # unticking forgets it
    qtbot.addWidget(again)
    assert again.remember.isChecked()
    again.remember.setChecked(False)
    again.password.setText(PASSWORD)
    again.try_accept()
    again.db.close()
    assert memory_keyring == {}


def test_without_a_kept_password_the_dialog_asks_or_the_person_goes_local(
    team_server, qtbot, monkeypatch
):
    team_server.add("anna")
    url, settings = team_server.url("anna"), Settings(server_url="")
    shown: list[ServerLoginDialog] = []

    def fill_in(dialog: ServerLoginDialog) -> int:
        shown.append(dialog)
        assert dialog.error.isHidden()  # nothing went wrong yet: it simply asks
        dialog.password.setText(PASSWORD)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", fill_in)
    db = app.open_server_database(settings, url, offer_local=True)
    assert shown and db is not None and db is not app.LOCAL_CHOSEN
    db.close()  # type: ignore[union-attr]

    monkeypatch.setattr(ServerLoginDialog, "exec", lambda self: server_login.LOCAL)
    settings.server_url = url
    assert app.open_server_database(settings, url, offer_local=True) is app.LOCAL_CHOSEN
    assert settings.server_url == ""


def test_a_refused_kept_password_opens_the_dialog_with_the_reason(team_server, monkeypatch):
    team_server.add("anna")
    monkeypatch.setenv("PGPASSWORD", "not the password")
    errors: list[str] = []

    def look(dialog: ServerLoginDialog) -> int:
        errors.append(dialog.error.text())
        return 0

    monkeypatch.setattr(ServerLoginDialog, "exec", look)
    assert app.open_server_database(Settings(), team_server.url("anna"), offer_local=True) is None
    assert "refused the login" in errors[0]


def test_the_first_start_offers_a_team_server_to_a_consultant(
    team_server, qtbot, monkeypatch, tmp_path
):
    from gui.dialogs.first_start import CREATE, FirstStartDialog

    team_server.add("anna")
    settings = Settings()
    dialog = FirstStartDialog(settings, tmp_path / "blauwemap.db", CREATE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.where.isHidden()  # a participant keeps their own file
    dialog.consultant.setChecked(True)
    assert dialog.where.isVisible() and dialog.pass_box.isVisible()
    assert "on this computer" in dialog.intro.text()
    dialog.where.setCurrentIndex(dialog.where.findData("server"))
    assert dialog.pass_box.isHidden() and dialog.demo.isHidden()
    assert "organisation's server" in dialog.intro.text()  # no longer "on this computer"

    def fill_in(login: ServerLoginDialog) -> int:
        login.address.setText(team_server.url("anna"))
        login.password.setText(PASSWORD)
        login.try_accept()
        return login.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", fill_in)
    dialog.try_accept()
    assert dialog.result() and dialog.db is not None and dialog.db.server
    assert settings.mode == "consultant" and settings.server_url == team_server.url("anna")
    assert not (tmp_path / "blauwemap.db").exists()  # no local file made
    dialog.db.close()


def test_the_caseload_shows_whose_dossier_and_narrows_to_mine(team_server, qtbot):
    """A teamleider sees the team's dossiers with their consultant; "Mine" keeps their own."""
    from core.services.dossiers import create_dossier
    from core.storage import team
    from gui.models.caseload_model import COLUMNS
    from gui.views.caseload import CaseloadView

    team_server.add("bert")
    team_server.add("lisa", role=team.TEAMLEIDER)
    opened = {}
    for login in ("bert", "lisa"):
        dialog = log_in(qtbot, Settings(), team_server.url(login))
        assert dialog.db is not None
        opened[login] = Store(dialog.db, Actor(ActorKind.CONSULTANT.value, login))
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
        view.whose.setCurrentIndex(view.whose.findData("bert"))  # a teamleider: each member
        assert [view.model.rows[r].name for r in range(view.model.rowCount())] == ["Bert's Client"]
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


def test_a_consultant_hands_the_open_dossier_to_a_team_member(
    team_server, qtbot, make_window, monkeypatch
):
    """File → Hand over to a colleague…: the dossier leaves anna's window and caseload, bert
    has it, and its history says who handed it over, to whom and why."""
    from core.services.dossiers import create_dossier
    from gui.dialogs import common
    from gui.dialogs.hand_over import HandOverDialog
    from gui.dialogs.history_dialog import HistoryDialog

    team_server.add("anna")
    team_server.add("bert")
    team_server.add("carla", team_name="zuid")
    anna = team_server.store("anna")
    dossier = create_dossier(anna, {"given_names": "Samira", "family_name": "Haddad"})
    window = make_window(make_context(anna, mode="consultant"))
    window.ensure_views()
    window.open_dossier(dossier)
    assert window.act_hand_over.isVisible() and window.act_hand_over.isEnabled()
    seen: list[object] = []

    def drive(dialog):
        seen.append(dialog)
        if isinstance(dialog, HandOverDialog):
            logins = [dialog.colleague.itemData(i) for i in range(dialog.colleague.count())]
            assert logins == ["bert"]  # carla is in another team
            dialog.reason.setText("verlof")
            dialog.try_accept()
        return bool(dialog.result())

    monkeypatch.setattr(common, "run_dialog", drive)
    window.act_hand_over.trigger()
    assert window.person is None and window.current_key() == "caseload"
    wait_all()
    assert window.caseload.model.rowCount() == 0

    bert = team_server.store("bert")
    bert_window = make_window(make_context(bert, mode="consultant"))
    bert_window.ensure_views()
    bert_window.open_dossier(dossier)
    assert bert_window.person is not None and bert_window.person.assigned_to == "bert"
    bert_window.act_history.trigger()
    history = seen[-1]
    assert isinstance(history, HistoryDialog)
    texts = [
        [history.table.item(r, c).text() for c in range(4)] for r in range(history.table.rowCount())
    ]
    assert ["anna", "Handed over from anna to bert", "verlof"] in [t[1:] for t in texts]
    assert any(t[1] == "anna" and t[2].startswith("Added") for t in texts)  # by the database
    assert any(t[1] == "bert" and t[2] == "Opened the dossier" for t in texts)
    wait_all()


def test_the_history_of_a_local_dossier(qtbot, store):
    from core.services.demo import create_demo_dossier
    from core.services.privacy import dossier_history
    from gui.dialogs.history_dialog import HistoryDialog

    dossier = create_demo_dossier(store)
    lines = dossier_history(store, dossier)
    assert lines and lines[0].at >= lines[-1].at  # newest first
    dialog = HistoryDialog(lines, "Samira")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(lines)
    assert any("hour entries" in line.what for line in lines)


def test_the_idle_lock_on_a_team_server_asks_the_server_for_the_password(
    anna_db, make_window, team_server
):
    from core.storage.postgres import check_password
    from gui.lock import IdleLock

    window = make_window(make_context(Store(anna_db, Actor(ActorKind.CONSULTANT.value, "anna"))))
    lock = IdleLock(window, None, 10, check=lambda pw: check_password(anna_db, pw))
    lock.lock()
    assert lock.screen is not None and lock.screen.passphrase.isVisibleTo(lock.screen)
    assert "team server password" in lock.screen.text.text()
    lock.screen.passphrase.setText("not the password")
    lock.try_unlock()
    assert lock.locked and "wrong" in lock.screen.error.text()
    lock.screen.passphrase.setText(PASSWORD)
    lock.try_unlock()
    assert not lock.locked
    lock.stop()
    window.ensure_views()  # what the window does after its first paint, while the server runs
    wait_all()
