"""Encryption at rest: no personal data in clear in the database, its write-ahead log, the
backups or the logs; a wrong passphrase is refused clearly; changing the passphrase re-keys."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest

from core import cli, migrations, paths
from core.db import SQLITE_MAGIC, Database
from core.errors import ValidationError, WrongPassphraseError
from core.logsetup import setup_logging
from core.services import backup as b
from core.services.demo import DEMO_BSN, DEMO_NAME, create_demo_dossier
from core.services.dossiers import list_dossiers, update_person
from core.services.privacy import inzage
from core.services.records import add_record
from core.services.store import Store
from core.session import open_database
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE, TODAY

SECRETS = (b"Amanuel", b"Tesfay", b"Gebremedhin", DEMO_BSN.encode(), b"amanuel.demo@example.nl")
NEW_PASSPHRASE = "a different passphrase, also long"


@pytest.fixture
def file_log():
    """The app's own log set-up (rotating file, redacting filter) for the length of a test."""
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    setup_logging(paths.current().logs, verbose=True)
    handler = root.handlers[0]
    root.handlers[:] = [*saved, handler]
    yield paths.current().logs / "blauwemap.log"
    root.removeHandler(handler)
    handler.close()
    root.setLevel(level)


def _clear_text_hits(folder: Path) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found = [s.decode() for s in SECRETS if s in data or s.lower() in data.lower()]
        if found:
            hits[str(path.relative_to(folder))] = found
    return hits


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_personal_data_in_clear_on_disk(file_log):
    data_dir = paths.current().data
    db = Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    store = Store(db)
    pid = create_demo_dossier(store, TODAY)
    # a working session: changes, refused input, failures written to the log, backups
    update_person(
        store, pid, {"notes": "Amanuel asked about 111222333 and amanuel.demo@example.nl"}
    )
    add_record(store, pid, "hour", {"date": "2026-11-20", "hours": 2, "category": "pvt"})
    with pytest.raises(ValidationError) as refused:
        update_person(store, pid, {"bsn": "111222334"})
    log = logging.getLogger("core.test_encryption")
    log.warning("refused: %s (%s)", refused.value, "111222334")
    log.info("typed %s and %s", DEMO_BSN, "amanuel.demo@example.nl")
    try:
        raise ValueError(f"“{DEMO_NAME[0]} {DEMO_NAME[1]}” with {DEMO_BSN}")
    except ValueError:
        log.exception("a failure quoting the input")
    assert b.daily_backup(db, paths.current().backups, 7) is not None
    b.make_backup(db, paths.current().backups, b.MANUAL)

    # while the database is open its write-ahead log holds the newest pages: check it too
    assert paths.current().database.with_name("blauwemap.db-wal").stat().st_size > 0
    assert _clear_text_hits(data_dir) == {}
    db.close()
    assert _clear_text_hits(data_dir) == {}

    # the checks were not vacuous: everything was written, and the log line kept its shape
    assert not paths.current().database.read_bytes().startswith(SQLITE_MAGIC)
    backups = b.list_backups(paths.current().backups)
    assert len(backups) == 2
    assert all(not i.path.read_bytes().startswith(SQLITE_MAGIC) for i in backups)
    written = file_log.read_text(encoding="utf-8")
    assert "backup made (manual)" in written
    assert "typed [number] and [email]" in written
    assert "a failure quoting the input" in written and "“…” with [number]" in written
    # and the grep does find what is there: an inzage export is the one file meant to be clear
    db = Database.open(paths.current().database, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    export = json.dumps(inzage(Store(db), pid), ensure_ascii=False)
    db.close()
    (data_dir / "inzage.json").write_text(export, encoding="utf-8")
    assert _clear_text_hits(data_dir) == {"inzage.json": [s.decode() for s in SECRETS]}


def test_a_wrong_passphrase_is_refused_clearly_and_changes_nothing(encrypted_db):
    Store(encrypted_db)  # hooks
    path = encrypted_db.path
    encrypted_db.close()
    before = _sha(path)
    for attempt in ("wrong passphrase", TEST_PASSPHRASE.upper(), TEST_PASSPHRASE + " "):
        with pytest.raises(WrongPassphraseError, match="passphrase is wrong"):
            Database.open(path, attempt, kdf_iter=TEST_KDF_ITER)
    with pytest.raises(WrongPassphraseError):
        open_database(path, "wrong passphrase", kdf_iter=TEST_KDF_ITER)
    assert _sha(path) == before
    Database.open(path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()  # still fine


def test_rekey_changes_the_passphrase_and_the_old_one_stops_working(encrypted_db):
    store = Store(encrypted_db)
    pid = create_demo_dossier(store, TODAY)
    old_backup = b.make_backup(encrypted_db, paths.current().backups, b.MANUAL)

    encrypted_db.rekey(NEW_PASSPHRASE)
    # the open database goes on working, for reading and writing
    add_record(store, pid, "hour", {"date": "2026-11-21", "hours": 1, "category": "pvt"})
    assert [r.id for r in list_dossiers(store)] == [pid]
    assert encrypted_db.passphrase == NEW_PASSPHRASE
    new_backup = b.make_backup(encrypted_db, paths.current().backups, b.MANUAL)
    path = encrypted_db.path
    encrypted_db.close()

    with pytest.raises(WrongPassphraseError):
        Database.open(path, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    reopened = Database.open(path, NEW_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    names = [r.name for r in list_dossiers(Store(reopened))]
    reopened.close()
    assert names == [" ".join(DEMO_NAME)]
    # backups keep the key they were made with
    assert b.verify_backup(new_backup, NEW_PASSPHRASE, kdf_iter=TEST_KDF_ITER) == migrations.HEAD
    assert b.verify_backup(old_backup, TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER) == migrations.HEAD
    with pytest.raises(WrongPassphraseError, match="in use then"):
        b.verify_backup(old_backup, NEW_PASSPHRASE, kdf_iter=TEST_KDF_ITER)


def test_a_plain_database_cannot_be_rekeyed(db):
    with pytest.raises(Exception, match="not encrypted"):
        db.rekey(NEW_PASSPHRASE)


def _cli(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


def test_cli_passphrase_change(monkeypatch, capsys):
    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    assert _cli("demo") == 0  # creates the app's encrypted database (default key derivation)
    monkeypatch.setenv(cli.NEW_PASSPHRASE_ENV, "short")
    assert _cli("passphrase") == 2
    assert "at least 8" in capsys.readouterr().err
    new_file = paths.current().data / "new-passphrase.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.delenv(cli.NEW_PASSPHRASE_ENV)
    assert _cli("passphrase", "--new-passphrase-file", str(new_file)) == 0
    out = capsys.readouterr().out
    assert "passphrase was changed" in out and "backup under the new passphrase" in out
    assert _cli("list") == 2
    assert "passphrase is wrong" in capsys.readouterr().err
    monkeypatch.setenv(cli.PASSPHRASE_ENV, NEW_PASSPHRASE)
    assert _cli("list") == 0
    assert "Amanuel" in capsys.readouterr().out
