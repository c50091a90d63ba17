"""Optimistic concurrency on every record of a dossier, not only the person: a save or delete
typed on an older version of an hour entry, exam or referral is refused and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core import models as m
from core.domain.registry import KINDS
from core.errors import ConflictError, NotFoundError
from core.export.sections import exported_columns
from core.services import records as rec
from core.services.documents import attach_document, delete_document, update_document
from core.services.dossiers import load_dossier
from core.services.intake import set_intake_topic
from core.services.store import Actor, Store

D = dt.date


def test_every_edited_kind_has_a_version_and_pip_versions_stay_immutable():
    for kind in KINDS.values():
        column = kind.model.__mapper__.version_id_col
        if kind.model is m.PipVersion:  # never updated in place: a change is a new version
            assert column is None
            continue
        assert column is not None and column.name == "version_id", kind.name
        assert "version_id" not in exported_columns(kind.model)  # not in the klantprofiel


# (kind, relation, a change by the first consultant, a change by the second)
CASES = [
    ("hour", "hours", {"hours": 1.5}, {"hours": 2.5}),
    ("exam", "exams", {"notes": "by Anna"}, {"notes": "by Lotte"}),
    ("referral", "referrals", {"outcome_notes": "Anna"}, {"outcome_notes": "Lotte"}),
]


@pytest.mark.parametrize(("kind", "relation", "first", "second"), CASES)
def test_a_save_on_a_version_someone_else_changed_is_refused(
    store, demo_id, kind, relation, first, second
):
    record = getattr(load_dossier(store, demo_id), relation)[0]
    seen = record.version_id
    other = Store(store.db, Actor("consultant", "Someone else"))
    rec.update_record(other, kind, record.id, first, base_version=seen)
    with pytest.raises(ConflictError) as caught:
        rec.update_record(store, kind, record.id, second, base_version=seen)
    (field,) = first
    assert caught.value.conflicts == {field: (first[field], second[field])}
    assert "Someone else saved this record" in str(caught.value)
    after = getattr(load_dossier(store, demo_id), relation)[0]
    assert getattr(after, field) == first[field]  # theirs stays, nothing of this save written
    assert after.version_id == seen + 1
    # keeping one's own values after seeing theirs: saved on the version now shown
    rec.update_record(store, kind, record.id, second, base_version=after.version_id)
    assert getattr(getattr(load_dossier(store, demo_id), relation)[0], field) == second[field]


@pytest.mark.parametrize(("kind", "relation", "first", "second"), CASES)
def test_two_sessions_saving_at_once_one_gets_a_conflict(
    store, demo_id, kind, relation, first, second
):
    """No version passed in: the UPDATE's own version check still catches the race."""
    record_id = getattr(load_dossier(store, demo_id), relation)[0].id
    model = rec.model_for(kind)
    (field,) = first
    with pytest.raises(ConflictError), store.transaction() as mine:
        obj = mine.get(model, record_id)
        setattr(obj, field, second[field])
        rec.update_record(store, kind, record_id, first)  # another session commits first
    stored = getattr(load_dossier(store, demo_id), relation)[0]
    assert getattr(stored, field) == first[field]


def test_deleting_a_record_someone_changed_is_a_conflict(store, demo_id):
    hour = load_dossier(store, demo_id).hours[0]
    rec.update_record(store, "hour", hour.id, {"hours": 0.5}, base_version=hour.version_id)
    with pytest.raises(ConflictError, match="not deleted"):
        rec.delete_record(store, "hour", hour.id, base_version=hour.version_id)
    assert hour.id in {h.id for h in load_dossier(store, demo_id).hours}
    rec.delete_record(store, "hour", hour.id, base_version=hour.version_id + 1)
    assert hour.id not in {h.id for h in load_dossier(store, demo_id).hours}


def test_editing_a_record_someone_deleted_says_so(store, demo_id):
    exam = load_dossier(store, demo_id).exams[0]
    rec.delete_record(store, "exam", exam.id, base_version=exam.version_id)
    with pytest.raises(NotFoundError, match="does not exist"):
        rec.update_record(store, "exam", exam.id, {"notes": "x"}, base_version=exam.version_id)


def test_an_undone_delete_comes_back_as_version_one(store, demo_id):
    hour = load_dossier(store, demo_id).hours[0]
    rec.update_record(store, "hour", hour.id, {"hours": 0.5})
    old = rec.delete_record(store, "hour", hour.id)
    assert old["version_id"] == 2
    new_id = rec.restore_record(store, "hour", old)
    with store.read() as session:
        assert (
            session.scalars(select(m.HourEntry.version_id).where(m.HourEntry.id == new_id)).one()
            == 1
        )


def test_sections_topics_and_documents_check_the_version_too(store, demo_id):
    person = load_dossier(store, demo_id)
    azc = person.azc
    assert azc is not None
    rec.set_section(store, demo_id, "azc", {"notes": "one"}, base_version=azc.version_id)
    with pytest.raises(ConflictError):
        rec.set_section(store, demo_id, "azc", {"notes": "two"}, base_version=azc.version_id)

    topic = person.intake_topics[0]
    set_intake_topic(store, demo_id, topic.topic, {"notes": "a"}, base_version=topic.version_id)
    with pytest.raises(ConflictError) as caught:
        set_intake_topic(store, demo_id, topic.topic, {"notes": "b"}, base_version=topic.version_id)
    assert caught.value.conflicts == {"notes": ("a", "b")}

    doc_id = attach_document(store, demo_id, "brief.txt", b"hallo", {"title": "Brief"})
    doc = next(d for d in load_dossier(store, demo_id).documents if d.id == doc_id)
    update_document(store, doc_id, {"title": "Brief 1"}, base_version=doc.version_id)
    with pytest.raises(ConflictError):
        update_document(store, doc_id, {"title": "Brief 2"}, base_version=doc.version_id)
    with pytest.raises(ConflictError):
        delete_document(store, doc_id, base_version=doc.version_id)
    delete_document(store, doc_id, base_version=doc.version_id + 1)


def test_the_command_line_says_a_conflict_and_exits_1(store, demo_id, capsys):
    """The command line writes records through the same services (the import); a conflict is
    a known problem there too: its message and exit code 1, not an unexpected error."""
    import argparse

    from core import cli

    hour = load_dossier(store, demo_id).hours[0]
    rec.update_record(store, "hour", hour.id, {"hours": 0.5})

    def stale() -> int:
        rec.update_record(store, "hour", hour.id, {"hours": 1}, base_version=hour.version_id)
        return 0

    assert cli._exit_code(argparse.Namespace(command="import"), stale) == 1
    err = capsys.readouterr().err
    assert err.startswith("main.py: Someone else saved this record in the meantime.")
    assert "unexpected" not in err
