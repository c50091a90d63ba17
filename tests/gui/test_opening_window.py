"""The window paints before the database is opened: menus, navigation and "Opening…" first,
then the store is attached and the caseload filled; the first-start cases still ask first."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop

from core import paths
from core.db import Database
from core.services.dossiers import create_dossier
from core.services.store import Store
from core.settings import Settings
from gui import app as gui_app
from gui.context import AppContext
from gui.main_window import MainWindow
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE


def test_only_a_plain_database_after_the_first_start_opens_without_asking():
    assert not gui_app.opens_without_asking(Settings(mode="consultant"))  # no database yet
    Database.open(paths.current().database, None).close()
    assert not gui_app.opens_without_asking(Settings())  # first start: the dialog asks
    assert gui_app.opens_without_asking(Settings(mode="consultant"))


def test_encrypted_database_is_opened_after_the_paint_only_with_its_passphrase_in_env(
    monkeypatch,
):
    Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    monkeypatch.delenv(gui_app.PASSPHRASE_ENV, raising=False)
    assert not gui_app.opens_without_asking(Settings(mode="consultant"))  # the dialog asks
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, TEST_PASSPHRASE)
    assert gui_app.opens_without_asking(Settings(mode="consultant"))
    assert not gui_app.opens_without_asking(Settings())  # first start: the dialog asks


def test_encrypted_database_with_env_passphrase_paints_first_then_opens(qtbot, monkeypatch):
    db = Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    dossier = create_dossier(Store(db), {"given_names": "Olena", "family_name": "Kovalenko"})
    db.close()
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, TEST_PASSPHRASE)
    settings = Settings(mode="consultant", language="en", last_dossier=dossier)
    seen = []
    real_start = gui_app.start_dossier
    loop = QEventLoop()

    def start_and_quit(window, ctx):
        seen.append(window.opening)
        real_start(window, ctx)
        seen.append(window.person.display_name if window.person else None)
        window.close()
        loop.quit()

    monkeypatch.setattr(gui_app, "start_dossier", start_and_quit)
    assert gui_app._run_opening_window(loop, settings, kdf_iter=TEST_KDF_ITER) == 0
    assert seen == [None, "Olena Kovalenko"]


def test_a_wrong_env_passphrase_after_the_paint_says_so_and_quits(qtbot, monkeypatch):
    Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, "not the passphrase")
    messages = []
    monkeypatch.setattr(
        "gui.dialogs.common.show_message",
        lambda _parent, _title, text, **_kw: messages.append(text),
    )
    loop = QEventLoop()
    code = gui_app._run_opening_window(loop, Settings(mode="consultant"), kdf_iter=TEST_KDF_ITER)
    assert code == 1
    assert messages == ["The passphrase is wrong."]


def test_window_shows_opening_then_the_caseload(qtbot, store):
    create_dossier(store, {"given_names": "Amina", "family_name": "Haddad"})
    ctx = AppContext(store=None, settings=Settings(mode="consultant", language="en"))  # type: ignore[arg-type]
    window = MainWindow(ctx, opening=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.opening is not None and window.opening.text() == "Opening…"
    assert window.caseload is None and window.nav.count() == 0
    assert not window.act_import.isEnabled() and not window.act_new.isEnabled()
    window.attach_store(store)
    assert window.opening is None
    assert window.caseload is not None
    assert [r.name for r in window.caseload.model.rows] == ["Amina Haddad"]
    assert window.current_key() == "caseload"
    assert window.act_import.isEnabled() and window.act_new.isVisible()
    qtbot.waitUntil(lambda: len(window.views) > 0)


def test_run_gui_paints_first_then_opens_the_last_dossier(qtbot, monkeypatch):
    db = Database.open(paths.current().database, None)
    dossier = create_dossier(Store(db), {"given_names": "Yonas", "family_name": "Tesfay"})
    db.close()
    settings = Settings(mode="consultant", language="en", last_dossier=dossier)
    seen = []
    real_start = gui_app.start_dossier
    app = QEventLoop()  # QApplication.exec/quit would end the test session's application

    def start_and_quit(window, ctx):
        seen.append(window.opening)  # the placeholder is gone once the store is attached
        real_start(window, ctx)
        seen.append(window.person.display_name if window.person else None)
        window.close()
        app.quit()

    monkeypatch.setattr(gui_app, "start_dossier", start_and_quit)
    assert gui_app._run_opening_window(app, settings) == 0
    assert seen == [None, "Yonas Tesfay"]
    assert settings.last_dossier == dossier


def test_the_window_modules_load_no_database_layer():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, gui.app, gui.main_window, gui.context\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'core.models'))))"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"


def test_the_store_opens_even_when_the_window_is_never_painted(qtbot):
    from PySide6.QtCore import QObject

    owner = QObject()
    called = []
    gui_app._AfterFirstPaint(owner, lambda: called.append(True))
    qtbot.waitUntil(lambda: called == [True], timeout=5000)
    assert called == [True]
