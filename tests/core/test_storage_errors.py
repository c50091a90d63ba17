"""Storage errors — a read-only folder, a database locked by another program, a full disk — give
a clear StorageError, lose nothing and leave the app able to go on."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

import core.db
from core import models as m
from core.db import Database, storage_error
from core.errors import StorageError, WrongPassphraseError
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, list_dossiers
from core.services.records import add_record
from core.services.store import Store

ROOT = Path(__file__).resolve().parents[2]
HOUR = {"date": "2026-11-02", "hours": 2, "category": "pvt"}


def _counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__tablename__: session.execute(
                select(func.count()).select_from(model)
            ).scalar_one()
            for model in (m.Person, m.HourEntry, m.Document, m.AuditEntry)
        }


# --------------------------------------------------------------------------- read-only folder
PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from core.errors import DossierError
    from core.services.records import add_record
    from core.services.store import Store
    from core.session import open_database
    result = {{}}
    try:
        store = Store(open_database(Path({db!r}), None))
        try:
            add_record(store, 1, "hour", {{"date": "2026-11-03", "hours": 1, "category": "pvt"}})
            result["saved"] = True
        except DossierError as exc:
            result["save_error"] = [type(exc).__name__, str(exc)]
    except DossierError as exc:
        result["open_error"] = [type(exc).__name__, str(exc)]
    print(json.dumps(result))
    """
)


def _as_ordinary_user(code: str) -> dict[str, object]:
    """Run ``code`` without the power to ignore file permissions (root in a container has it)."""
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_read_only_data_folder_is_a_clear_error_and_nothing_is_lost(tmp_path):
    folder = tmp_path / "readonly"
    db_path = folder / "blauwemap.db"
    db = Database.open(db_path, None)
    store = Store(db)
    pid = create_dossier(store, {"given_names": "Read", "family_name": "Only"})
    add_record(store, pid, "hour", HOUR)
    db.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    folder.chmod(0o555)
    db_path.chmod(0o444)
    try:
        result = _as_ordinary_user(PROBE.format(root=str(ROOT), db=str(db_path)))
    finally:
        folder.chmod(0o755)
        db_path.chmod(0o644)
    assert result == {
        "open_error": [
            "StorageError",
            "The data folder is read-only, so the dossier cannot be opened. Check the folder's "
            "rights or choose another data folder; nothing was changed.",
        ]
    }
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    db = Database.open(db_path, None)  # writable again: everything is still there
    store = Store(db)
    assert [r.name for r in list_dossiers(store)] == ["Read Only"]
    assert _counts(store)["hour_entry"] == 1
    db.close()


# --------------------------------------------------------------------------- locked database
def test_a_locked_database_is_a_clear_error_and_the_app_goes_on(store, monkeypatch):
    pid = create_dossier(store, {"given_names": "Locked", "family_name": "Out"})
    monkeypatch.setattr(core.db, "BUSY_TIMEOUT_MS", 50)  # do not wait five seconds in a test
    store.db.engine.dispose()
    before = _counts(store)
    other = sqlite3.connect(store.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError, match="in use by another program"):
            add_record(store, pid, "hour", HOUR)
        assert _counts(store) == before  # reading goes on meanwhile; nothing half-written
    finally:
        other.execute("ROLLBACK")
        other.close()
    hid = add_record(store, pid, "hour", HOUR)  # the same input, offered again, is saved
    assert _counts(store)["hour_entry"] == before["hour_entry"] + 1 and hid > 0


# --------------------------------------------------------------------------- full disk
def test_a_full_disk_is_a_clear_error_and_nothing_is_half_written(store):
    pid = create_dossier(store, {"given_names": "Full", "family_name": "Disk"})
    with store.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_conn, _record):  # SQLite's own SQLITE_FULL, as on a full disk
        dbapi_conn.execute(f"PRAGMA max_page_count = {int(pages) + 8}")

    event.listen(store.db.engine, "connect", cap)
    store.db.engine.dispose()
    before = _counts(store)
    scan = b"%PDF-1.4\n" + os.urandom(300_000)
    try:
        with pytest.raises(StorageError, match="disk is full"):
            attach_document(store, pid, "scan.pdf", scan)
        assert _counts(store) == before
        add_record(store, pid, "hour", HOUR)  # small changes still fit: the app goes on
    finally:
        event.remove(store.db.engine, "connect", cap)
        store.db.engine.dispose()
    attach_document(store, pid, "scan.pdf", scan)  # space again: the same file is kept
    after = _counts(store)
    assert (after["document"], after["hour_entry"]) == (before["document"] + 1, 1)
    assert store.db.integrity_ok()


# --------------------------------------------------------------------------- the messages
@pytest.mark.parametrize(
    ("driver_message", "expected"),
    [
        ("database or disk is full", "The disk is full. Free some space; nothing was lost."),
        (
            "[Errno 28] No space left on device",
            "The disk is full. Free some space; nothing was lost.",
        ),
        (
            "attempt to write a readonly database",
            "The data folder is read-only. Your change was not saved.",
        ),
        ("database is locked", "The dossier is in use by another program. Try again in a moment."),
        (
            "database disk image is malformed",
            "The database file is damaged. Restore a backup (Settings → Backups).",
        ),
        (
            "unable to open database file",
            "The database file cannot be opened. Check the folder and its rights.",
        ),
        ("disk I/O error", "The database could not be read or written."),
    ],
)
def test_driver_errors_become_clear_messages(driver_message, expected):
    error = storage_error(sqlite3.OperationalError(driver_message))
    assert type(error) is StorageError
    assert str(error) == expected


def test_an_unreadable_file_is_taken_for_a_wrong_passphrase():
    error = storage_error(sqlite3.DatabaseError("file is not a database"))
    assert isinstance(error, WrongPassphraseError)
