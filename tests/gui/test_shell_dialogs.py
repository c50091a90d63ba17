"""The shell's dialogs: errors shown in one place, the idle lock, settings (idle time, backups,
passphrase) and the word list opened with F1."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import paths
from core.db import Database
from core.errors import ValidationError
from core.services.store import Store
from gui import errors
from gui.dialogs import common
from gui.dialogs.glossary_dialog import GlossaryDialog
from gui.dialogs.settings_dialog import SettingsDialog
from gui.lock import IdleLock
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE
from tests.gui.conftest import make_context


def test_known_error_is_a_plain_message_and_a_bug_gets_details(qtbot, monkeypatch):
    shown, bugs = [], []
    monkeypatch.setattr(common, "show_message", lambda _p, _t, text, **_k: shown.append(text))
    monkeypatch.setattr(errors, "_open_bug_dialog", lambda _p, details: bugs.append(details))
    errors.show_exception(ValidationError("Give a date after the start date.", field="end"))
    assert shown == ["Give a date after the start date."]
    assert not bugs
    try:
        {}["missing"]
    except KeyError as exc:
        errors.show_exception(exc)
    assert "KeyError" in bugs[0] and "Traceback" in bugs[0]

    dialog = errors.BugDialog(bugs[0])
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == bugs[0]


def test_idle_lock_hides_the_dossier_until_the_passphrase(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.lock = IdleLock(window, "open sesame please", 10)
    window.lock.timer.timeout.emit()  # ten minutes without input
    screen = window.lock.screen
    assert screen is not None and screen.isVisible()
    assert not window.centralWidget().isVisible()
    assert not window.act_export.isEnabled()
    qtbot.keyClicks(screen.passphrase, "wrong")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert window.lock.locked
    assert "wrong" in screen.error.text()
    qtbot.keyClicks(screen.passphrase, "open sesame please")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not window.lock.locked
    assert window.centralWidget().isVisible()
    assert window.act_export.isEnabled()
    window.lock.stop()


def test_settings_idle_minutes_and_backup_now(qtbot, encrypted_db):
    ctx = make_context(Store(encrypted_db))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.idle.selectAll()
    qtbot.keyClicks(dialog.idle, "25")
    assert ctx.settings.idle_lock_minutes == 25
    saved = json.loads(paths.current().settings_file.read_text(encoding="utf-8"))
    assert saved["idle_lock_minutes"] == 25
    dialog.tabs.setCurrentIndex(1)
    assert dialog.backup_list.count() == 0
    qtbot.mouseClick(dialog.backup_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.backup_list.count() == 1, timeout=15000)
    assert "Backup made" in dialog.backup_status.text()
    backup = next(paths.current().backups.iterdir())
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted like the database


def test_settings_change_the_passphrase(qtbot, tmp_path):
    db_path = paths.current().database
    db = Database.open(db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    ctx = make_context(Store(db))
    dialog = SettingsDialog(ctx, page="passphrase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not it")
    qtbot.keyClicks(dialog.new, "a brand new passphrase")
    qtbot.keyClicks(dialog.repeat, "a brand new passphrase")
    qtbot.mouseClick(dialog.change, Qt.MouseButton.LeftButton)
    assert "current passphrase is wrong" in dialog.pass_status.text()
    assert not list(paths.current().backups.glob("*"))  # nothing done
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.change, Qt.MouseButton.LeftButton)
    assert "changed" in dialog.pass_status.text()
    db.close()
    again = Database.open(db_path, "a brand new passphrase", kdf_iter=TEST_KDF_ITER)
    assert again.integrity_ok()
    again.close()
    # The window, like the CLI, backs the file up under the new passphrase at once.
    (backup,) = [p for p in paths.current().backups.iterdir() if p.suffix == ".db"]
    opened = Database.open(backup, "a brand new passphrase", kdf_iter=TEST_KDF_ITER)
    assert opened.integrity_ok()
    opened.close()


def test_f1_opens_the_word_list_with_search(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    dialog = GlossaryDialog._open
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.search, "leerroute")
    assert dialog.list.count() >= 1
    assert dialog.list.item(0).text().lower().startswith("leerroute")
    assert "leerroute" in dialog.text.toPlainText().lower()
    dialog.close()


def test_file_dialogs_start_in_the_documents_folder(qapp, tmp_path, monkeypatch):
    """Save and open dialogs start in the user's documents folder, not in the program's folder
    or wherever the app was started from."""
    import os

    from gui.dialogs import common

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    started = tmp_path / "program"
    started.mkdir()
    monkeypatch.chdir(started)
    folder = common.documents_folder()
    assert folder in (home / "Documents", home)
    assert common.start_path("dossier-1-pip-pdf.pdf") == str(folder / "dossier-1-pip-pdf.pdf")
    assert common.start_path("/elsewhere/x.pdf") == "/elsewhere/x.pdf"
    assert not common.start_path().startswith(os.getcwd() + "/")
