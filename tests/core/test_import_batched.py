"""The import writes in bulk (few flushes) but still leaves one audit entry per created record,
and the references between records (hour entry → document, afspraak → PIP version) still hold."""

from __future__ import annotations

from sqlalchemy import func, select

from core import models as m
from core.export.sections import ALL_CODES
from core.services import exports as ex
from core.services.dossiers import delete_dossier, load_dossier
from tests.conftest import TODAY


def _export(store, dossier, path):
    ex.export_dossier(store, dossier, "json", path, sections=ALL_CODES, today=TODAY)
    return path.read_bytes()


def test_new_dossier_import_audits_every_record_and_keeps_references(store, demo_id, tmp_path):
    with store.transaction() as session:  # a conversation held with one of the contacts
        contact = session.scalars(select(m.Contact).where(m.Contact.person_id == demo_id)).first()
        talk = session.scalars(
            select(m.Conversation).where(m.Conversation.person_id == demo_id)
        ).first()
        assert contact is not None and talk is not None
        talk.contact_id = contact.id
    data = _export(store, demo_id, tmp_path / "a.json")
    delete_dossier(store, demo_id)
    new_id = ex.apply_import(store, ex.preview_import(store, data))
    with store.read() as session:
        created = session.execute(
            select(m.AuditEntry.entity, m.AuditEntry.entity_id).where(
                m.AuditEntry.person_id == new_id, m.AuditEntry.action == "create"
            )
        ).all()
        hours = session.scalar(
            select(func.count()).select_from(m.HourEntry).where(m.HourEntry.person_id == new_id)
        )
        doc_ids = set(session.scalars(select(m.Document.id).where(m.Document.person_id == new_id)))
        hour_docs = set(
            session.scalars(
                select(m.HourEntry.document_id).where(
                    m.HourEntry.person_id == new_id, m.HourEntry.document_id.is_not(None)
                )
            )
        )
        contact_ids = set(
            session.scalars(select(m.Contact.id).where(m.Contact.person_id == new_id))
        )
        talk_contacts = set(
            session.scalars(
                select(m.Conversation.contact_id).where(
                    m.Conversation.person_id == new_id, m.Conversation.contact_id.is_not(None)
                )
            )
        )
    assert hours > 0
    assert talk_contacts and talk_contacts <= contact_ids
    assert all(entity_id is not None for _e, entity_id in created)
    audited = [e for e, _i in created]
    assert audited.count("hour_entry") == hours
    assert audited.count("person") == 1
    assert len(set(created)) == len(created)  # one entry per record, none twice
    assert hour_docs and hour_docs <= doc_ids
    again = _export(store, new_id, tmp_path / "b.json")
    from core.export import json_io

    assert json_io.without_timestamp(again) == json_io.without_timestamp(data)


def test_import_into_existing_dossier_adds_nothing_twice(store, demo_id, tmp_path):
    data = _export(store, demo_id, tmp_path / "a.json")
    before = len(load_dossier(store, demo_id).hours)
    preview = ex.preview_import(store, data)
    assert preview.target == demo_id
    assert ex.apply_import(store, preview) == demo_id
    assert len(load_dossier(store, demo_id).hours) == before
