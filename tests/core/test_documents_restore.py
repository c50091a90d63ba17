"""Undoing a document's delete brings back the file and the records that cited it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import NotFoundError
from core.services import records as rec
from core.services.documents import (
    attach_document,
    delete_document,
    document_content,
    restore_document,
)
from core.services.dossiers import create_dossier, load_dossier
from tests.conftest import TODAY

PDF = b"%PDF-1.4\n% urenverklaring\n%%EOF\n"


def _evidence(store, pid):
    person = load_dossier(store, pid)
    return (
        {h.id: h.document_id for h in person.hours},
        {x.id: x.document_id for x in person.exams},
        {v.id: v.document_id for v in person.verlengingen},
    )


def test_restore_brings_back_the_file_and_every_link(store, demo_id):
    doc = attach_document(store, demo_id, "uren.pdf", PDF, {"title": "Urenverklaring"})
    hour = rec.add_record(
        store,
        demo_id,
        "hour",
        {"date": TODAY, "hours": 2, "category": "ParticipatieAlsTaalles", "document_id": doc},
    )
    exam = load_dossier(store, demo_id).exams[0]
    rec.update_record(store, "exam", exam.id, {"document_id": doc})
    verlenging = rec.add_record(
        store,
        demo_id,
        "verlenging",
        {"ground": "Ziekte", "requested_date": TODAY, "document_id": doc},
    )
    other = rec.add_record(
        store, demo_id, "hour", {"date": TODAY, "hours": 1, "category": "ParticipatieAlsTaalles"}
    )

    deleted = delete_document(store, doc)
    assert deleted.links == {
        "hour_entry": (hour,),
        "exam_attempt": (exam.id,),
        "verlenging": (verlenging,),
    }
    hours, exams, verlengingen = _evidence(store, demo_id)
    assert (hours[hour], exams[exam.id], verlengingen[verlenging]) == (None, None, None)

    new_id = restore_document(store, deleted)
    hours, exams, verlengingen = _evidence(store, demo_id)
    assert (hours[hour], exams[exam.id], verlengingen[verlenging]) == (new_id,) * 3
    assert hours[other] is None  # a record that never cited it stays as it was
    restored, data = document_content(store, new_id)
    assert data == PDF and restored.title == "Urenverklaring"


def test_restore_leaves_a_record_that_got_other_evidence_or_went_away(store, demo_id):
    first = attach_document(store, demo_id, "a.pdf", PDF)
    second = attach_document(store, demo_id, "b.pdf", PDF + b" ")
    kept = rec.add_record(
        store,
        demo_id,
        "hour",
        {"date": TODAY, "hours": 2, "category": "ParticipatieAlsTaalles", "document_id": first},
    )
    gone = rec.add_record(
        store,
        demo_id,
        "hour",
        {
            "date": TODAY - dt.timedelta(days=1),
            "hours": 2,
            "category": "ParticipatieAlsTaalles",
            "document_id": first,
        },
    )
    deleted = delete_document(store, first)
    rec.update_record(store, "hour", kept, {"document_id": second})  # new evidence meanwhile
    rec.delete_record(store, "hour", gone)
    restore_document(store, deleted)
    hours, _exams, _v = _evidence(store, demo_id)
    assert hours[kept] == second and gone not in hours


def test_a_link_never_crosses_to_another_dossier(store, demo_id):
    other = create_dossier(store, {"given_names": "Nour", "family_name": "Haddad"})
    doc = attach_document(store, demo_id, "a.pdf", PDF)
    deleted = delete_document(store, doc)
    foreign = rec.add_record(
        store, other, "hour", {"date": TODAY, "hours": 1, "category": "ParticipatieAlsTaalles"}
    )
    forged = type(deleted)(
        deleted.dossier_id,
        deleted.filename,
        deleted.content,
        deleted.meta,
        {"hour_entry": (foreign,)},
    )
    restore_document(store, forged)
    assert load_dossier(store, other).hours[0].document_id is None


def test_deleting_a_missing_document_is_a_clear_error(store, demo_id):
    with pytest.raises(NotFoundError):
        delete_document(store, 999_999)
