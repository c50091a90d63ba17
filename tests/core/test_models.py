"""The data model: the whole dossier in SQLite (core.models), with cascades and the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import func, inspect, select

from core import models as m
from core.errors import ValidationError
from core.services.dossiers import create_dossier, delete_dossier, load_dossier
from core.services.store import Actor, Store
from tests.conftest import TODAY

# Every child relationship of Person, each of which the demo dossier must fill.
PERSON_COLLECTIONS = (
    "coa_locations",
    "trainings",
    "skills",
    "education",
    "work",
    "ambitions",
    "intake_topics",
    "lbt",
    "pip_versions",
    "afspraken",
    "hours",
    "exams",
    "verlengingen",
    "ontzorging",
    "preconditions",
    "contacts",
    "conversations",
    "documents",
)


def test_metadata_has_every_part_of_the_dossier(db):
    tables = set(db.table_names())
    expected = {
        "person",
        "vrijstelling",
        "ontheffing",
        "azc_phase",
        "coa_location",
        "voorinburgering",
        "training",
        "skill",
        "education",
        "work_experience",
        "ambition",
        "intake_topic",
        "leerbaarheidstoets",
        "pip_version",
        "afspraak",
        "provider",
        "hour_entry",
        "exam_attempt",
        "verlenging",
        "ontzorging_item",
        "precondition",
        "contact",
        "conversation",
        "document",
        "export_log",
        "audit_entry",
    }
    missing = expected - tables
    assert not missing, missing
    assert "alembic_version" in tables


def test_demo_dossier_fills_every_part(store, demo_id):
    person = load_dossier(store, demo_id)
    for name in PERSON_COLLECTIONS:
        assert getattr(person, name), name
    assert person.azc is not None and person.azc.vergunning_date is not None
    assert person.voorinburgering is not None and person.voorinburgering.toestemming == "ja"
    assert person.bsn == "111222333"
    assert person.languages_spoken == ["ti", "ar", "en"]
    assert [p.version_no for p in person.pip_versions] == [1, 2]
    vaste = [c for c in person.contacts if c.is_vaste_aanspreekpunt]
    assert len(vaste) == 1


def test_person_defaults(store):
    pid = create_dossier(store, {"given_names": "Sara", "family_name": "Ali"})
    person = load_dossier(store, pid)
    assert person.regime == "Wi2021"
    assert person.plicht_status == "plichtig"
    assert person.doelgroep == "Asielstatushouder"
    assert person.pip_clock_start == "huisvesting"
    assert person.languages_spoken == []
    assert len(person.uuid) >= 32
    assert person.created_at is not None


def test_one_database_holds_many_dossiers(store):
    ids = [
        create_dossier(store, {"given_names": f"P{i}", "family_name": "Test"}) for i in range(25)
    ]
    assert len(set(ids)) == 25
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(m.Person)).scalar_one() == 25


def test_deleting_a_dossier_removes_every_record_and_its_audit_trail(store, demo_id):
    other = create_dossier(store, {"given_names": "Other", "family_name": "Person"})
    delete_dossier(store, demo_id)
    with store.read() as session:
        for mapper in m.Base.registry.mappers:
            cls = mapper.class_
            if "person_id" in mapper.columns and cls is not m.AuditEntry:
                left = session.execute(
                    select(func.count()).select_from(cls).where(cls.person_id == demo_id)
                ).scalar_one()
                assert left == 0, cls.__name__
        trail = session.scalars(select(m.AuditEntry).where(m.AuditEntry.person_id == demo_id)).all()
        assert trail == []
        assert session.get(m.Person, other) is not None
        # Providers are shared by dossiers and stay.
        assert session.execute(select(func.count()).select_from(m.Provider)).scalar_one() == 2


def test_pip_versions_cannot_be_changed_through_the_orm(store, demo_id):
    with pytest.raises(ValidationError), store.transaction() as session:
        pip = session.scalars(select(m.PipVersion).where(m.PipVersion.person_id == demo_id)).first()
        assert pip is not None
        pip.leerroute = "Z"
    person = load_dossier(store, demo_id)
    assert {p.leerroute for p in person.pip_versions} == {"B"}


def test_audit_trail_names_the_actor_and_fields_never_values(db):
    store = Store(db, Actor("consultant", "M. de Vries"))
    pid = create_dossier(store, {"given_names": "Sara", "family_name": "Ali", "bsn": "111222333"})
    with store.transaction() as session:
        person = session.get(m.Person, pid)
        assert person is not None
        person.family_name = "Ali-Hassan"
    with store.read() as session:
        rows = session.scalars(
            select(m.AuditEntry).where(m.AuditEntry.person_id == pid).order_by(m.AuditEntry.id)
        ).all()
    assert [(r.action, r.entity) for r in rows] == [("create", "person"), ("update", "person")]
    assert all(r.actor_kind == "consultant" and r.actor_name == "M. de Vries" for r in rows)
    assert rows[1].fields == ["family_name"]
    for r in rows:
        text = repr((r.fields, r.note, r.entity))
        assert "Ali" not in text and "111222333" not in text
    assert rows[0].at <= rows[1].at


def test_document_bytes_live_in_the_database_with_their_hash(store, demo_id):
    with store.read() as session:
        doc = session.scalars(select(m.Document).where(m.Document.person_id == demo_id)).one()
        assert doc.content.startswith(b"%PDF")
        assert doc.sha256 == hashlib.sha256(doc.content).hexdigest()
        assert doc.size == len(doc.content)
        assert doc.mime_type == "application/pdf"
        # The bytes are loaded on demand, not with every document list.
        assert "content" in inspect(m.Document).attrs
        assert inspect(m.Document).attrs["content"].deferred


def test_hours_keep_their_provider_and_the_keurmerk(store, demo_id):
    person = load_dossier(store, demo_id)
    providers = [h.provider for h in person.hours if h.provider is not None]
    assert providers
    assert {p.keurmerk for p in providers} == {"keurmerk", "geen"}
    categories = {h.category for h in person.hours}
    assert {"ParticipatieAlsTaalles", "map_praktijk", "map_theorie", "pvt"} <= categories
    attendance = {h.attendance for h in person.hours}
    assert {"aanwezig", "verzuim_geoorloofd"} <= attendance


def test_exam_attempts_count_up_and_afgemeld_does_not_use_a_free_attempt(store, demo_id):
    person = load_dossier(store, demo_id)
    lu = sorted((x for x in person.exams if x.onderdeel == "LU"), key=lambda x: x.attempt_no)
    assert [x.attempt_no for x in lu] == [1, 2]
    assert all(x.free_attempt for x in lu)
    le = [x for x in person.exams if x.onderdeel == "LE"]
    assert le[0].reden_geen_resultaat == "Afgemeld"


def test_encrypted_database_round_trip(encrypted_db, tmp_path):
    store = Store(encrypted_db, Actor("participant"))
    pid = create_dossier(store, {"given_names": "Enc", "family_name": "Rypted"})
    assert load_dossier(store, pid).family_name == "Rypted"
    raw = (tmp_path / "data" / "enc.db").read_bytes()[:16]
    assert raw != b"SQLite format 3\x00"


def test_today_fixture_is_fixed():
    assert dt.date(2026, 11, 23) == TODAY
