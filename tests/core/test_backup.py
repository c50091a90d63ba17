"""Backups: made encrypted like the database, rotated per kind, made once a day, checked before a
restore, and restored atomically with the replaced database kept."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from core import cli, migrations, paths
from core.db import SQLITE_MAGIC, Database
from core.errors import NewerDatabaseError, StorageError, WrongPassphraseError
from core.services import backup as b
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, delete_dossier, list_dossiers
from core.services.records import add_record
from core.services.store import Store
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE

NOON = dt.datetime(2026, 11, 23, 12, 0, 0)


@pytest.fixture
def backups() -> Path:
    return paths.current().backups


BSN = "123456782"
NAME = "Saba Haile Backup"


def _dossier(store: Store) -> int:
    """A small fictional dossier: a person, an hour entry and a document."""
    pid = create_dossier(store, {"given_names": "Saba", "family_name": "Haile Backup", "bsn": BSN})
    add_record(
        store, pid, "hour", {"date": "2026-11-02", "hours": 3, "category": "ParticipatieAlsTaalles"}
    )
    attach_document(store, pid, "letter.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40)
    return pid


@pytest.fixture
def enc_store(encrypted_db):
    return Store(encrypted_db)


@pytest.fixture
def dossier(store) -> int:
    return _dossier(store)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(store: Store) -> list[str]:
    return [row.name for row in list_dossiers(store)]


# --------------------------------------------------------------------------- making
def test_a_backup_of_an_encrypted_database_is_encrypted_and_whole(enc_store, backups):
    _dossier(enc_store)
    path = b.make_backup(enc_store.db, backups, b.MANUAL, now=NOON)
    assert path.name == "blauwemap-20261123-120000-manual.db"
    assert not path.read_bytes().startswith(SQLITE_MAGIC)
    assert BSN.encode() not in path.read_bytes()
    assert b.verify_backup(path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER) == migrations.HEAD
    assert Database.contains_row(
        path, TEST_PASSPHRASE, "person", "bsn", BSN, kdf_iter=TEST_KDF_ITER
    )
    assert sorted(p.name for p in backups.iterdir()) == [path.name]  # no .part, -wal or -shm


def test_a_backup_of_a_plain_database_is_a_self_contained_file(store, dossier, backups):
    path = b.make_backup(store.db, backups, b.DAILY, now=NOON)
    data = path.read_bytes()
    assert data.startswith(SQLITE_MAGIC)
    assert data[18:20] == b"\x01\x01"  # rollback journal, not WAL: no side files needed
    assert b.verify_backup(path, None) == migrations.HEAD
    assert sorted(p.name for p in backups.iterdir()) == [path.name]


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(store, dossier, backups):
    first = b.make_backup(store.db, backups, b.MANUAL, now=NOON)
    second = b.make_backup(store.db, backups, b.MANUAL, now=NOON)
    assert first != second and first.exists() and second.exists()
    assert [i.path for i in b.list_backups(backups)] == [second, first]


def test_rotation_keeps_the_newest_of_each_kind(store, dossier, backups):
    before_migration = b.make_backup(
        store.db, backups, b.MIGRATION, revision=migrations.HEAD, now=NOON - dt.timedelta(days=30)
    )
    made = [
        b.make_backup(store.db, backups, b.DAILY, now=NOON + dt.timedelta(days=n), keep=3)
        for n in range(6)
    ]
    infos = b.list_backups(backups)
    assert [i.path for i in infos if i.reason == b.DAILY] == made[:2:-1]
    assert [i.path for i in infos if i.reason == b.MIGRATION] == [before_migration]
    assert infos[-1].revision == migrations.HEAD
    (backups / "notes.txt").write_text("not a backup", encoding="utf-8")
    assert b.rotate(backups, 1) == [made[4], made[3]]
    assert (backups / "notes.txt").exists()


def test_the_daily_backup_is_made_once_a_day(store, backups):
    assert b.daily_backup(store.db, backups, 7, now=NOON) is None  # nothing to keep yet
    create_dossier(store, {"given_names": "Daily", "family_name": "Backup"})
    first = b.daily_backup(store.db, backups, 7, now=NOON)
    assert first is not None and first.name.endswith("-daily.db")
    assert b.daily_backup(store.db, backups, 7, now=NOON + dt.timedelta(hours=8)) is None
    tomorrow = b.daily_backup(store.db, backups, 7, now=NOON + dt.timedelta(days=1))
    assert tomorrow is not None and tomorrow != first
    assert [i.reason for i in b.list_backups(backups)] == [b.DAILY, b.DAILY]


def test_a_backup_that_cannot_be_written_is_a_storage_error(store, dossier, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    with pytest.raises(StorageError):
        b.make_backup(store.db, blocker / "backups", b.MANUAL)


def test_the_migration_hook_is_installed_once(monkeypatch):
    from core import migrations

    monkeypatch.setattr(migrations, "before_upgrade", [])
    b.install_migration_backup()
    b.install_migration_backup()
    assert migrations.before_upgrade == [b.backup_before_migration]


# --------------------------------------------------------------------------- checking
def _plain_backup(store: Store, backups: Path) -> Path:
    return b.make_backup(store.db, backups, b.MANUAL, now=NOON)


def test_a_damaged_backup_is_recognised(store, dossier, backups):
    path = _plain_backup(store, backups)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # scribble over every page but the first two
        data[offset + 100 : offset + 400] = b"\xa5" * 300
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged"):
        b.verify_backup(path, None)


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00", b"%PDF-1.4 " * 200])
def test_files_that_are_not_backups_are_refused(tmp_path, content):
    path = tmp_path / "not-a-backup.db"
    path.write_bytes(content)
    with pytest.raises(StorageError):
        b.verify_backup(path, None)
    with pytest.raises(StorageError, match="no backup file"):
        b.verify_backup(tmp_path / "missing.db", None)


def test_a_backup_with_another_passphrase_gives_a_clear_error(enc_store, backups):
    _dossier(enc_store)
    path = b.make_backup(enc_store.db, backups, b.MANUAL)
    with pytest.raises(WrongPassphraseError, match="passphrase that was in use then"):
        b.verify_backup(path, "not the passphrase", kdf_iter=TEST_KDF_ITER)
    with pytest.raises(WrongPassphraseError, match="passphrase is needed"):
        b.verify_backup(path, None)


def test_a_backup_from_a_newer_version_is_refused(store, dossier, backups):
    path = _plain_backup(store, backups)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        b.verify_backup(path, None)


def test_checking_a_backup_does_not_change_it(enc_store, backups):
    _dossier(enc_store)
    path = b.make_backup(enc_store.db, backups, b.MANUAL)
    before = _sha(path)
    b.verify_backup(path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert _sha(path) == before
    assert sorted(p.name for p in backups.iterdir()) == [path.name]


# --------------------------------------------------------------------------- restoring
def test_restore_brings_the_backup_back_and_keeps_the_replaced_database(tmp_path, backups):
    db_path = paths.current().database
    db = Database.open(db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    store = Store(db)
    demo = _dossier(store)
    saved = b.make_backup(db, backups, b.MANUAL, now=NOON)
    delete_dossier(store, demo)
    create_dossier(store, {"given_names": "After", "family_name": "Backup"})
    db.close()

    result = b.restore_backup(
        saved, db_path, TEST_PASSPHRASE, backups_dir=backups, kdf_iter=TEST_KDF_ITER
    )
    assert result.revision == migrations.HEAD and result.restored_from == saved
    db = Database.open(db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert _names(Store(db)) == [NAME]
    db.close()
    # the database that was replaced is kept, whole, under the same passphrase
    replaced = result.replaced_copy
    assert replaced is not None and replaced.name.endswith("-replaced.db")
    kept = Database.open(replaced, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER, migrate=False)
    assert _names(Store(kept)) == ["After Backup"]
    kept.close()
    leftovers = [p.name for p in db_path.parent.iterdir() if ".restoring" in p.name]
    assert leftovers == []


def test_a_failed_check_leaves_the_database_as_it_was(store, dossier, backups, tmp_path):
    db_path = store.db.path
    good = _plain_backup(store, backups)
    store.db.close()
    before = _sha(db_path)
    bad = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[4096 * 2 :] = b"\x00" * (len(data) - 4096 * 2)
    bad.write_bytes(bytes(data))
    with pytest.raises(StorageError):
        b.restore_backup(bad, db_path, None, backups_dir=backups)
    assert _sha(db_path) == before
    assert not db_path.with_name(db_path.name + ".restoring").exists()
    assert [i.reason for i in b.list_backups(backups)] == [b.MANUAL]


def test_restore_over_a_damaged_database_keeps_its_raw_bytes(store, dossier, backups):
    db_path = store.db.path
    good = _plain_backup(store, backups)
    store.db.close()
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    db_path.write_bytes(b"garbage, not a database " * 400)
    result = b.restore_backup(good, db_path, None, backups_dir=backups)
    assert result.replaced_copy is not None
    assert result.replaced_copy.read_bytes() == b"garbage, not a database " * 400
    db = Database.open(db_path, None)
    assert _names(Store(db)) == [NAME]
    db.close()


# --------------------------------------------------------------------------- command line
def _cli(*argv: str) -> int:
    args = cli.build_parser().parse_args(list(argv))
    return cli.run(args)


def test_cli_backup_then_restore(store, dossier, capsys):
    # the CLI works on the app's own database file in the data folder
    app_db = paths.current().database
    store.db.backup_to(app_db)
    store.db.close()
    assert _cli("backup") == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == paths.current().backups and made.exists()
    assert b.verify_backup(made, None) == migrations.HEAD

    assert _cli("delete", "--dossier", str(dossier), "--yes") == 0
    out = capsys.readouterr().out
    assert "deleted for good" in out and str(made) in out

    assert _cli("restore", str(made), "--check-only") == 0
    assert "whole" in capsys.readouterr().out
    assert _cli("restore", str(made)) == 0
    assert "restored" in capsys.readouterr().out
    assert _cli("list") == 0
    assert NAME in capsys.readouterr().out


def test_cli_restore_exit_codes(store, dossier, tmp_path, capsys, monkeypatch):
    backup = _plain_backup(store, paths.current().backups)
    assert _cli("restore", str(tmp_path / "nothing-here.db")) == 2
    assert "no backup file" in capsys.readouterr().err
    broken = tmp_path / "broken.db"
    broken.write_bytes(backup.read_bytes()[: 4096 * 2])
    assert _cli("restore", str(broken)) == 1
    assert "main.py:" in capsys.readouterr().err
    encrypted = Database.open(tmp_path / "enc.db", "a strong passphrase")
    create_dossier(Store(encrypted), {"given_names": "E", "family_name": "F"})
    enc_backup = b.make_backup(encrypted, tmp_path / "elsewhere", b.MANUAL)
    encrypted.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "the wrong passphrase")
    assert _cli("restore", str(enc_backup)) == 2
    assert "passphrase" in capsys.readouterr().err
    assert not paths.current().database.exists()  # nothing was restored


def test_a_plain_backup_does_not_turn_an_encrypted_store_plain(tmp_path, backups):
    db_path = paths.current().database
    plain = Database.open(tmp_path / "plain" / "blauwemap.db", None)
    _dossier(Store(plain))
    plain_backup = b.make_backup(plain, tmp_path / "plain-backups", b.MANUAL)
    plain.close()
    db = Database.open(db_path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    create_dossier(Store(db), {"given_names": "Stays", "family_name": "Encrypted"})
    db.close()
    before = _sha(db_path)
    with pytest.raises(StorageError, match="not encrypted, and your dossier is"):
        b.restore_backup(
            plain_backup, db_path, TEST_PASSPHRASE, backups_dir=backups, kdf_iter=TEST_KDF_ITER
        )
    assert _sha(db_path) == before and not db_path.read_bytes().startswith(SQLITE_MAGIC)
    assert b.list_backups(backups) == []


def test_cli_refuses_a_plain_backup_for_an_encrypted_store(tmp_path, capsys, monkeypatch):
    plain = Database.open(tmp_path / "plain" / "blauwemap.db", None)
    _dossier(Store(plain))
    plain_backup = b.make_backup(plain, tmp_path / "plain-backups", b.MANUAL)
    plain.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    assert _cli("demo") == 0
    db_path = paths.current().database
    before = _sha(db_path)
    assert _cli("restore", str(plain_backup)) == 1
    assert "not encrypted, and your dossier is" in capsys.readouterr().err
    assert _sha(db_path) == before


def test_restoring_an_old_backup_says_what_todays_pip_check_finds(store, dossier, capsys):
    """A backup from before the PIP gate can hold a PIP the form refuses today (onderwijsroute
    at A2): the restore keeps it as it was and says so, with the form's own message."""
    import datetime as dt

    from core import models as m

    with store.transaction() as session:  # as an older version of the app could have stored it
        session.add(
            m.PipVersion(
                person_id=dossier,
                version_no=1,
                dagtekening=dt.date(2026, 1, 5),
                leerroute="O",
                niveau="A2",
                trigger="eerste",
            )
        )
    app_db = paths.current().database
    store.db.backup_to(app_db)
    store.db.close()
    assert _cli("backup") == 0
    made = Path(capsys.readouterr().out.strip())
    assert _cli("restore", str(made)) == 0
    out = capsys.readouterr().out
    assert "today's PIP check would say" in out
    assert f"Dossier {dossier}" in out and "onderwijsroute" in out
