"""Storage errors — a read-only folder, a database locked by another program, a full disk — give
a clear StorageError, lose nothing and leave the app able to go on."""

from __future__ import annotations

import errno
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
from sqlalchemy.exc import DBAPIError

import core.db
from core import models as m
from core.db import Database, storage_error
from core.errors import DamagedDatabaseError, StorageError, WrongPassphraseError
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
def _driver_error(code: int, text: str = "whatever the library says today") -> sqlite3.Error:
    """A driver error as sqlite3/sqlcipher3 raise it: the result code is what counts."""
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_driver_error(13), "The disk is full. Free some space; nothing was lost."),
        (
            OSError(errno.ENOSPC, "No space left on device"),
            "The disk is full. Free some space; nothing was lost.",
        ),
        (_driver_error(8), "The data folder is read-only. Your change was not saved."),
        (
            _driver_error(1032),  # SQLITE_READONLY_DBMOVED: an extended code
            "The data folder is read-only. Your change was not saved.",
        ),
        (
            OSError(errno.EROFS, "Read-only file system"),
            "The data folder is read-only. Your change was not saved.",
        ),
        (_driver_error(5), "The dossier is in use by another program. Try again in a moment."),
        (
            _driver_error(14),
            "The database file cannot be opened. Check the folder and its rights.",
        ),
        (_driver_error(778), "The database could not be read or written."),  # IOERR_WRITE
        (_driver_error(1), "The database could not be read or written."),
    ],
)
def test_driver_errors_become_clear_messages_by_their_codes(error, expected):
    converted = storage_error(error)
    assert type(converted) is StorageError
    assert str(converted) == expected


def test_the_code_decides_not_the_message_text():
    # a message in another language or from another release says nothing; the code does
    assert str(storage_error(_driver_error(13, "base de données pleine"))) == (
        "The disk is full. Free some space; nothing was lost."
    )
    assert str(storage_error(sqlite3.OperationalError("database or disk is full"))) == (
        "The database could not be read or written."
    )
    wrapped = DBAPIError("SELECT 1", None, _driver_error(5, "la base est verrouillée"))
    assert "in use by another program" in str(storage_error(wrapped))


def test_a_damaged_file_is_not_taken_for_a_wrong_passphrase():
    assert isinstance(storage_error(_driver_error(26)), WrongPassphraseError)
    damaged = storage_error(_driver_error(11, "database disk image is malformed"))
    assert isinstance(damaged, DamagedDatabaseError)
    assert "Settings" not in str(damaged)


def test_real_driver_errors_carry_their_codes(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    conn = sqlite3.connect(junk)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT count(*) FROM sqlite_master")
    conn.close()
    assert isinstance(storage_error(caught.value), WrongPassphraseError)
    ro = tmp_path / "ro.db"
    sqlite3.connect(ro).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"{ro.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    assert "read-only" in str(storage_error(caught.value))
