"""Privacy (AVG): the inzage export holds everything about one person and nothing about anyone
else; deleting a dossier removes it for good and names the backups that still hold it; the audit
trail says who changed what without holding the values."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core import cli, paths
from core import models as m
from core.db import Database
from core.errors import NotFoundError
from core.services import backup as b
from core.services.demo import DEMO_BSN
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, update_person
from core.services.privacy import audit_trail, delete_dossier_for_good, inzage
from core.services.records import add_record, delete_record
from core.services.store import Store
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE


def _person(store: Store, given: str, family: str, bsn: str | None = None) -> int:
    pid = create_dossier(store, {"given_names": given, "family_name": family, "bsn": bsn})
    add_record(store, pid, "hour", {"date": "2026-10-01", "hours": 2, "category": "pvt"})
    scan = b"%PDF-1.4\n" + f"{given}-scan-contents ".encode() * 300  # spans several pages
    attach_document(store, pid, "scan.pdf", scan)
    return pid


def _rows_of(store: Store, dossier_id: int) -> dict[str, int]:
    out = {}
    with store.read() as session:
        for mapper in m.Base.registry.mappers:
            cls = mapper.class_
            if "person_id" in mapper.columns:
                n = session.execute(
                    select(func.count()).select_from(cls).where(cls.person_id == dossier_id)
                ).scalar_one()
                out[cls.__tablename__] = n
        out["person"] = 1 if session.get(m.Person, dossier_id) else 0
    return out


# --------------------------------------------------------------------------- inzage
def test_inzage_holds_everything_about_the_person(store, demo_id):
    with store.transaction() as s:
        s.add(
            m.ExportLog(
                person_id=demo_id,
                kind="klantprofiel",
                sections=["persoon", "uren"],
                recipient="Gemeente Enschede",
                consent_by="participant",
            )
        )
    data = inzage(store, demo_id)
    text = json.dumps(data, ensure_ascii=False)  # JSON-serialisable as it is
    assert json.loads(text)["format"] == "blauwemap-inzage"
    assert data["person"]["bsn"] == DEMO_BSN and data["person"]["given_names"] == "Amanuel"
    assert data["person"]["date_of_birth"] == "1994-05-17"
    # every section the demo fills, each with the same number of rows as in the database
    counts = _rows_of(store, demo_id)
    for table, n in counts.items():
        if table in ("person", "audit_entry", "export_log", "document"):
            continue
        assert len(data["records"].get(table, [])) == n, table
    assert {"hour_entry", "exam_attempt", "pip_version", "contact"} <= set(data["records"])
    # documents with their bytes, which match their checksum
    assert len(data["documents"]) == counts["document"] > 0
    for doc in data["documents"]:
        content = base64.b64decode(doc["content_base64"])
        assert hashlib.sha256(content).hexdigest() == doc["sha256"]
    # what was shared with whom, and the audit trail of who changed what
    assert [(e["recipient"], e["sections"]) for e in data["export_log"]] == [
        ("Gemeente Enschede", ["persoon", "uren"])
    ]
    assert len(data["audit_trail"]) == counts["audit_entry"] > 0
    assert {e["actor_name"] for e in data["audit_trail"]} == {"Test Consultant"}
    assert data["providers"] and all(p["name"] for p in data["providers"])


def test_inzage_holds_nothing_about_anyone_else(store, demo_id):
    other = _person(store, "Zerihun", "Other Person", "123456782")
    text = json.dumps(inzage(store, demo_id), ensure_ascii=False)
    assert "Zerihun" not in text and "123456782" not in text
    own = inzage(store, other, with_document_contents=False)
    assert "content_base64" not in own["documents"][0]
    assert "Amanuel" not in json.dumps(own, ensure_ascii=False)


def test_inzage_of_a_missing_dossier(store):
    with pytest.raises(NotFoundError):
        inzage(store, 999)


def test_cli_inzage_writes_the_json(store, demo_id, capsys):
    store.db.backup_to(paths.current().database)
    out = paths.current().data / "inzage.json"
    args = cli.build_parser().parse_args(["inzage", "--dossier", str(demo_id), "--out", str(out)])
    assert cli.run(args) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["bsn"] == DEMO_BSN
    args = cli.build_parser().parse_args(["inzage", "--dossier", "999", "--out", str(out)])
    assert cli.run(args) == 2


# --------------------------------------------------------------------------- audit trail
def test_the_audit_trail_names_who_and_what_never_the_values(store):
    pid = _person(store, "Mehret", "Audit", "123456782")
    update_person(store, pid, {"notes": "private note about health", "phone": "06 11112222"})
    trail = audit_trail(store, pid)
    assert [(e["action"], e["entity"]) for e in trail[:3]] == [
        ("create", "person"),
        ("create", "hour_entry"),
        ("create", "document"),
    ]
    assert trail[-1]["action"] == "update"
    assert sorted(trail[-1]["fields"]) == ["notes", "phone"]
    assert all(e["actor_name"] == "Test Consultant" for e in trail)
    text = json.dumps(trail)
    for value in ("Mehret", "123456782", "health", "11112222"):
        assert value not in text
    assert len(audit_trail(store, pid, limit=2)) == 2
    assert audit_trail(store, pid, limit=2) == trail[-2:]


# --------------------------------------------------------------------------- deleting for good
def test_delete_for_good_removes_everything_and_names_the_backups(store, backups_dir):
    keep = _person(store, "Stays", "Here", None)
    gone = _person(store, "Zerihun", "Goesaway", "123456782")
    add_record(store, gone, "hour", {"date": "2026-10-02", "hours": 1, "category": "pvt"})
    delete_record(
        store,
        "hour",
        add_record(store, gone, "hour", {"date": "2026-10-03", "hours": 1, "category": "pvt"}),
    )
    before = b.make_backup(store.db, backups_dir, b.MANUAL)

    report = delete_dossier_for_good(store, gone, backups_dir)
    assert report.still_in_backups == [before] and report.unchecked_backups == []
    assert "1 backup still holds it" in report.message()
    assert all(n == 0 for n in _rows_of(store, gone).values())
    assert _rows_of(store, keep)["hour_entry"] == 1 and _rows_of(store, keep)["document"] == 1
    # the trail keeps one line without anything about the person: that it was deleted
    everything = audit_trail(store)
    assert [e for e in everything if e["entity_id"] == gone and e["entity"] == "person"] == [
        {
            "at": everything[-1]["at"],
            "actor_kind": "consultant",
            "actor_name": "Test Consultant",
            "action": "delete",
            "entity": "person",
            "entity_id": gone,
            "fields": [],
            "note": "deleted for good",
            "db_user": None,  # on a team server: the login the database wrote
        }
    ]
    after = b.make_backup(store.db, backups_dir, b.MANUAL)
    assert not Database.contains_row(after, None, "person", "uuid", report.uuid)
    with pytest.raises(NotFoundError):
        delete_dossier_for_good(store, gone, backups_dir)


def test_deleted_data_leaves_no_readable_trace_in_the_files(store, backups_dir):
    _person(store, "Stays", "Here", None)
    gone = _person(store, "Zerihun", "Goesaway", "123456782")
    update_person(store, gone, {"notes": "Tigrinya lessons on Tuesday"})
    db_path: Path = store.db.path
    store.db.checkpoint()
    assert b"Goesaway" in db_path.read_bytes()  # a plain file: the name is there to find

    delete_dossier_for_good(store, gone, backups_dir)
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    for path in files:
        data = path.read_bytes()
        for secret in (b"Zerihun", b"Goesaway", b"123456782", b"Tigrinya", b"Zerihun-scan"):
            assert secret not in data, (path.name, secret)


def test_backups_under_another_passphrase_are_reported_unchecked(tmp_path, backups_dir):
    db = Database.open(tmp_path / "enc.db", TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    store = Store(db)
    gone = _person(store, "Zerihun", "Goesaway", None)
    holding = b.make_backup(db, backups_dir, b.MANUAL)
    db.rekey("another passphrase entirely")
    report = delete_dossier_for_good(store, gone, backups_dir)
    db.close()
    assert report.still_in_backups == []
    assert report.unchecked_backups == [holding]
    assert "could not be checked" in report.message()


def test_cli_delete_needs_yes(store, demo_id, capsys):
    store.db.backup_to(paths.current().database)
    args = cli.build_parser().parse_args(["delete", "--dossier", str(demo_id)])
    assert cli.run(args) == 2
    assert "--yes" in capsys.readouterr().err
    args = cli.build_parser().parse_args(["delete", "--dossier", str(demo_id), "--yes"])
    assert cli.run(args) == 0
    assert "deleted for good" in capsys.readouterr().out


@pytest.fixture
def backups_dir() -> Path:
    return paths.current().backups
