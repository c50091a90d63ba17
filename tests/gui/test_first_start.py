"""First start and unlocking, typed like a user: passphrase rules, the repeat, three tries, the
demo dossier; and the app's database opening that uses the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import paths
from core.db import Database
from core.services.dossiers import count_dossiers
from core.services.store import Store
from core.session import is_plain_sqlite
from core.settings import Settings
from gui import app as gui_app
from gui.dialogs import common
from gui.dialogs.first_start import CREATE, UNLOCK, FirstStartDialog
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE


def dialog_for(qtbot, settings, need, setup=True):
    dialog = FirstStartDialog(
        settings, paths.current().database, need, setup=setup, kdf_iter=TEST_KDF_ITER
    )
    qtbot.addWidget(dialog)
    return dialog


def make_encrypted_database():
    Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()


def test_create_checks_the_rules_and_the_repeat(qtbot):
    settings = Settings()
    dialog = dialog_for(qtbot, settings, CREATE)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.try_accept()
    assert "at least 8 characters" in dialog.error.text()
    assert not paths.current().database.exists()
    dialog.passphrase.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE + "!")
    dialog.try_accept()
    assert "differ" in dialog.error.text()
    assert dialog.passphrase.text() == TEST_PASSPHRASE  # what was typed is kept
    qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE)
    dialog.consultant.click()
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.try_accept()
    try:
        assert dialog.result() == FirstStartDialog.DialogCode.Accepted
        assert dialog.db is not None and dialog.db.encrypted
        assert not is_plain_sqlite(paths.current().database)
        assert settings.mode == "consultant"
        assert settings.language == "nl"
        assert not dialog.wants_demo()  # the example dossier only when asked for
    finally:
        dialog.db.close()
        gui_app.apply_language("en")


def test_unlock_gives_three_tries(qtbot):
    make_encrypted_database()
    dialog = dialog_for(qtbot, Settings(mode="participant"), UNLOCK, setup=False)
    dialog.show()
    assert dialog.repeat.isHidden() and dialog.mode_box.isHidden()
    for left in (2, 1):
        qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter presses "Open"
        assert f"try {left} more" in dialog.error.text()
        assert dialog.db is None
    qtbot.keyClicks(dialog.passphrase, "wrong again")
    dialog.try_accept()
    assert dialog.tries_left == 0
    assert dialog.result() == FirstStartDialog.DialogCode.Rejected
    assert dialog.db is None


def test_unlock_with_the_right_passphrase(qtbot):
    make_encrypted_database()
    dialog = dialog_for(qtbot, Settings(mode="participant"), UNLOCK, setup=False)
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    dialog.try_accept()
    assert dialog.db is not None
    dialog.db.close()


@pytest.mark.parametrize("example", [False, True])
def test_first_start_makes_the_participants_own_dossier(qtbot, monkeypatch, example):
    """A participant starts with their own, empty dossier (it opens from now on); the example
    dossier comes beside it only when ticked, and is never the one that opens."""
    from core.services.demo import example_dossier
    from core.services.dossiers import load_dossier

    def drive(dialog):
        qtbot.addWidget(dialog)
        assert not dialog.demo.isChecked()
        qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, TEST_PASSPHRASE)
        dialog.demo.setChecked(example)
        dialog.try_accept()
        return dialog.result() == FirstStartDialog.DialogCode.Accepted

    monkeypatch.setattr(common, "run_dialog", drive)
    settings = Settings()
    db = gui_app.open_app_database(settings, kdf_iter=TEST_KDF_ITER)
    assert db is not None
    try:
        store = Store(db)
        assert settings.mode == "participant"
        assert count_dossiers(store) == (2 if example else 1)
        own = load_dossier(store, settings.last_dossier)
        assert own.given_names == "" and own.id != example_dossier(store)
        assert (example_dossier(store) is not None) is example
    finally:
        db.close()


def test_open_app_database_uses_the_environment_passphrase(monkeypatch):
    make_encrypted_database()
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, TEST_PASSPHRASE)
    monkeypatch.setattr(common, "run_dialog", lambda _d: (_ for _ in ()).throw(AssertionError))
    db = gui_app.open_app_database(Settings(mode="consultant"), kdf_iter=TEST_KDF_ITER)
    assert db is not None and db.encrypted
    db.close()


def test_wrong_environment_passphrase_is_a_clear_message(monkeypatch):
    make_encrypted_database()
    monkeypatch.setenv(gui_app.PASSPHRASE_ENV, "not the passphrase")
    shown = []
    monkeypatch.setattr(common, "show_message", lambda _p, _t, text, **_k: shown.append(text))
    assert gui_app.open_app_database(Settings(mode="consultant"), kdf_iter=TEST_KDF_ITER) is None
    assert shown == ["The passphrase is wrong."]


def test_document_copies_left_by_a_crash_are_removed_at_start(tmp_path):
    from core.private_files import clean_leftovers

    leftover = paths.current().data / "tmp"
    leftover.mkdir()
    (leftover / "urenverklaring.pdf").write_bytes(b"%PDF-1.4 personal")
    clean_leftovers(paths.current())
    assert not leftover.exists()
    clean_leftovers(paths.current())  # nothing left: no error


def test_a_damaged_database_offers_its_newest_good_backup_right_there(qtbot, monkeypatch):
    """Unlocking a damaged database: the dialog offers the newest good backup and opens it,
    instead of sending the person to Settings (which a damaged database cannot reach)."""
    import os

    from core.services import backup as b
    from core.services.dossiers import create_dossier

    db = Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    create_dossier(Store(db), {"given_names": "Saved", "family_name": "Before"})
    b.make_backup(db, paths.current().backups, b.MANUAL)
    db.close()
    path = paths.current().database
    data = bytearray(path.read_bytes())
    data[200:232] = os.urandom(32)  # the salt is whole, the page behind it is not
    path.write_bytes(bytes(data))
    asked: list[str] = []
    monkeypatch.setattr(common, "ask_yes_no", lambda _p, _t, text: asked.append(text) or True)
    dialog = dialog_for(qtbot, Settings(mode="participant"), UNLOCK, setup=False)
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    dialog.try_accept()
    assert asked and "damaged" in asked[0] and "newest good backup" in asked[0]
    assert dialog.db is not None
    try:
        assert count_dossiers(Store(dialog.db)) == 1
    finally:
        dialog.db.close()
