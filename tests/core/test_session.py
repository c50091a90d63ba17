"""Opening the dossier database: a damaged, empty, truncated, random or foreign file and a
damaged write-ahead log are told apart from a wrong passphrase, left as they are, and the newest
good backup is offered; passphrases are the same whatever their Unicode normalisation."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from core import paths
from core.db import SALT_SUFFIX, Database
from core.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    ValidationError,
    WrongPassphraseError,
)
from core.services import backup as b
from core.services.dossiers import create_dossier, list_dossiers
from core.services.records import add_record
from core.services.store import Store
from core.session import open_database
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE

HOUR = {"date": "2026-11-02", "hours": 2, "category": "pvt"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made() -> tuple[Path, Path]:
    """An encrypted store with a dossier and a backup; returns (database, backup)."""
    db_path = paths.current().database
    db = open_database(db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    store = Store(db)
    pid = create_dossier(store, {"given_names": "Salt", "family_name": "Beside"})
    for day in range(1, 20):
        add_record(store, pid, "hour", {**HOUR, "date": f"2026-10-{day:02d}"})
    backup = b.make_backup(db, paths.current().backups, b.MANUAL)
    db.close()
    return db_path, backup


def _open(path: Path, passphrase: str = TEST_PASSPHRASE) -> Database:
    return open_database(path, passphrase, kdf_iter=TEST_KDF_ITER)


def test_the_salt_is_kept_beside_the_database(made):
    db_path, _backup = made
    kept = db_path.with_name(db_path.name + SALT_SUFFIX).read_bytes()
    assert kept == db_path.read_bytes()[:16]


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(made):
    db_path, _backup = made
    with pytest.raises(WrongPassphraseError):
        _open(db_path, "not the passphrase at all")


def test_a_damaged_first_page_is_damage_and_the_newest_good_backup_is_offered(made):
    db_path, backup = made
    data = bytearray(db_path.read_bytes())
    data[200:232] = os.urandom(32)  # the salt is whole; the page behind it is not
    db_path.write_bytes(bytes(data))
    before = _sha(db_path)
    with pytest.raises(DamagedDatabaseError, match="damaged") as caught:
        _open(db_path)
    assert caught.value.backup == backup
    assert "passphrase" not in str(caught.value)
    with pytest.raises(WrongPassphraseError):  # the backup does not open with this one either
        _open(db_path, "not the passphrase at all")
    assert _sha(db_path) == before


def test_a_random_file_is_not_a_wrong_passphrase(made):
    db_path, backup = made
    db_path.write_bytes(os.urandom(db_path.stat().st_size))
    with pytest.raises(DamagedDatabaseError, match="replaced by another file") as caught:
        _open(db_path)
    assert caught.value.backup == backup


@pytest.mark.parametrize("keep", [0, 10, "half"])
def test_an_empty_or_truncated_file_is_damage_and_is_not_replaced(made, keep):
    db_path, backup = made
    data = db_path.read_bytes()
    size = len(data) // 2 + 100 if keep == "half" else int(keep)
    db_path.write_bytes(data[:size])
    with pytest.raises(DamagedDatabaseError) as caught:
        _open(db_path)
    assert caught.value.backup == backup
    assert db_path.stat().st_size == size  # left as it was, never a fresh empty dossier


def test_a_damaged_file_restores_from_the_offered_backup(made):
    db_path, _backup = made
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError) as caught:
        _open(db_path)
    b.restore_backup(caught.value.backup, db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    db = _open(db_path)
    assert [r.name for r in list_dossiers(Store(db))] == ["Salt Beside"]
    db.close()


def test_a_foreign_sqlite_file_is_not_adopted(tmp_path):
    db_path = paths.current().database
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('stamppot')")
    conn.commit()
    conn.close()
    before = _sha(db_path)
    for passphrase in (None, TEST_PASSPHRASE):
        with pytest.raises(ForeignDatabaseError, match="not a Blauwe Map one"):
            open_database(db_path, passphrase, kdf_iter=TEST_KDF_ITER)
    assert _sha(db_path) == before


def test_a_damaged_write_ahead_log_does_not_silently_drop_commits(tmp_path):
    db = Database.open(tmp_path / "live" / "blauwemap.db", None)
    store = Store(db)
    pid = create_dossier(store, {"given_names": "Write", "family_name": "Ahead"})
    db.checkpoint()
    for day in range(1, 6):  # five commits, each in the log only
        add_record(store, pid, "hour", {**HOUR, "date": f"2026-10-{day:02d}"})
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("blauwemap.db", "blauwemap.db-wal"):  # what a crash would leave
        shutil.copyfile(db.path.with_name(name), copy / name)
    db.close()
    wal = copy / "blauwemap.db-wal"
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 100] ^= 0xFF  # one bit of the first frame's page
    wal.write_bytes(bytes(data))
    before = (_sha(copy / "blauwemap.db"), _sha(wal))
    with pytest.raises(DamagedDatabaseError, match="write-ahead log"):
        Database.open(copy / "blauwemap.db", None)
    assert (_sha(copy / "blauwemap.db"), _sha(wal)) == before


def test_a_whole_write_ahead_log_is_replayed(tmp_path):
    db = Database.open(tmp_path / "live" / "blauwemap.db", None)
    store = Store(db)
    pid = create_dossier(store, {"given_names": "Write", "family_name": "Ahead"})
    for day in range(1, 4):
        add_record(store, pid, "hour", {**HOUR, "date": f"2026-10-{day:02d}"})
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("blauwemap.db", "blauwemap.db-wal"):
        shutil.copyfile(db.path.with_name(name), copy / name)
    db.close()
    reopened = Database.open(copy / "blauwemap.db", None)
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM hour_entry").scalar() == 3
    reopened.close()


# --------------------------------------------------------------------------- NFC / NFD
NFC = unicodedata.normalize("NFC", "Café crème brûlée 2026")
NFD = unicodedata.normalize("NFD", NFC)


def test_a_passphrase_is_the_same_in_either_normalisation(tmp_path):
    assert NFC != NFD
    db_path = tmp_path / "nfc" / "blauwemap.db"
    Database.open(db_path, NFD, kdf_iter=TEST_KDF_ITER).close()  # typed on one keyboard
    Database.open(db_path, NFC, kdf_iter=TEST_KDF_ITER).close()  # and on another


def test_a_store_keyed_with_the_unnormalised_form_is_re_keyed(tmp_path):
    import sqlcipher3.dbapi2 as sqlcipher

    db_path = tmp_path / "old" / "blauwemap.db"
    Database.open(db_path, NFC, kdf_iter=TEST_KDF_ITER).close()
    conn = sqlcipher.connect(str(db_path))  # as a version before normalisation left it
    conn.execute("PRAGMA key = '" + NFC + "'")
    conn.execute(f"PRAGMA kdf_iter = {TEST_KDF_ITER}")
    conn.execute("SELECT count(*) FROM sqlite_master")
    conn.execute("PRAGMA rekey = '" + NFD + "'")
    conn.close()
    db = Database.open(db_path, NFD, kdf_iter=TEST_KDF_ITER)
    assert db.passphrase == NFC
    db.close()
    conn = sqlcipher.connect(str(db_path))  # the file itself is now under the NFC form
    conn.execute("PRAGMA key = '" + NFC + "'")
    conn.execute(f"PRAGMA kdf_iter = {TEST_KDF_ITER}")
    assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    conn.close()


def test_a_nul_in_a_passphrase_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="NUL"):
        open_database(tmp_path / "nul" / "blauwemap.db", "long enough\x00passphrase")
    assert not (tmp_path / "nul" / "blauwemap.db").exists()
