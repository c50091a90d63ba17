"""Adding, changing, deleting and restoring dossier records (core.services.records)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core import models as m
from core.errors import NotFoundError, ValidationError
from core.services import records as rec
from core.services.dossiers import create_dossier, load_dossier

D = dt.date


@pytest.fixture
def pid(store):
    return create_dossier(store, {"given_names": "Sara", "family_name": "Ali"})


def test_add_and_update_an_hour_entry(store, pid):
    hid = rec.add_record(
        store, pid, "hour", {"date": "2025-05-01", "hours": "3,5", "category": "pvt"}
    )
    person = load_dossier(store, pid)
    entry = person.hours[0]
    assert (entry.id, entry.date, entry.hours, entry.category) == (hid, D(2025, 5, 1), 3.5, "pvt")
    assert entry.attendance == "aanwezig"
    rec.update_record(store, "hour", hid, {"hours": 4})
    assert load_dossier(store, pid).hours[0].hours == 4


def test_unknown_kind_and_unknown_dossier(store, pid):
    with pytest.raises(ValidationError):
        rec.add_record(store, pid, "no_such_kind", {})
    with pytest.raises(NotFoundError):
        rec.add_record(store, 999, "hour", {"date": D(2025, 5, 1), "hours": 1, "category": "pvt"})
    with pytest.raises(NotFoundError):
        rec.update_record(store, "hour", 999, {"hours": 1})


def test_hours_per_day_are_capped_at_24(store, pid):
    rec.add_record(store, pid, "hour", {"date": D(2025, 5, 1), "hours": 20, "category": "z_taal"})
    with pytest.raises(ValidationError) as err:
        rec.add_record(store, pid, "hour", {"date": D(2025, 5, 1), "hours": 5, "category": "pvt"})
    assert err.value.field == "hours"
    rec.add_record(store, pid, "hour", {"date": D(2025, 5, 1), "hours": 4, "category": "pvt"})
    # Another day is fine.
    rec.add_record(store, pid, "hour", {"date": D(2025, 5, 2), "hours": 24, "category": "pvt"})
    assert sum(h.hours for h in load_dossier(store, pid).hours) == 48


def test_updating_an_entry_checks_the_day_total_without_counting_itself(store, pid):
    a = rec.add_record(
        store, pid, "hour", {"date": D(2025, 5, 1), "hours": 12, "category": "z_taal"}
    )
    rec.add_record(store, pid, "hour", {"date": D(2025, 5, 1), "hours": 10, "category": "pvt"})
    rec.update_record(store, "hour", a, {"hours": 14})
    with pytest.raises(ValidationError):
        rec.update_record(store, "hour", a, {"hours": 15})


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"date": D(2025, 5, 1), "hours": 0, "category": "pvt"}, "hours"),
        ({"date": D(2025, 5, 1), "hours": 25, "category": "pvt"}, "hours"),
        ({"date": D(2025, 5, 1), "hours": 2, "category": "gardening"}, "category"),
        ({"date": "2025-02-30", "hours": 2, "category": "pvt"}, "date"),
        ({"hours": 2, "category": "pvt"}, "date"),
        (
            {"date": D(2025, 5, 1), "hours": 2, "category": "pvt", "attendance": "maybe"},
            "attendance",
        ),
        ({"date": D(2025, 5, 1), "hours": 2, "category": "pvt", "person_id": 5}, "person_id"),
    ],
)
def test_bad_hour_entries_are_refused_with_the_field(store, pid, values, field):
    with pytest.raises(ValidationError) as err:
        rec.add_record(store, pid, "hour", values)
    assert field in err.value.errors
    assert load_dossier(store, pid).hours == []


def test_exam_attempt_numbers_and_free_attempts(store, pid):
    def add(**kw):
        return rec.add_record(store, pid, "exam", {"onderdeel": "LE", "niveau": "B1", **kw})

    add(planned_date=D(2025, 1, 10), resultaat="Gezakt")
    add(planned_date=D(2025, 3, 10), resultaat="Geen", reden_geen_resultaat="Afgemeld")
    add(planned_date=D(2025, 5, 10), resultaat="Gezakt")
    add(planned_date=D(2025, 8, 10))
    rec.add_record(store, pid, "exam", {"onderdeel": "KNM", "planned_date": D(2025, 8, 10)})
    exams = sorted(load_dossier(store, pid).exams, key=lambda x: x.planned_date or D.min)
    le = [(x.attempt_no, x.free_attempt) for x in exams if x.onderdeel == "LE"]
    # The afgemeld attempt is not counted: 1, (afgemeld gets 2), then 2 and 3; the third is paid.
    assert le[0] == (1, True)
    assert le[2] == (2, True)
    assert le[3] == (3, False)
    knm = [(x.attempt_no, x.free_attempt) for x in exams if x.onderdeel == "KNM"]
    assert knm == [(1, True)]


def test_exam_dates_must_be_in_order(store, pid):
    with pytest.raises(ValidationError) as err:
        rec.add_record(
            store,
            pid,
            "exam",
            {"onderdeel": "LE", "registration_date": D(2025, 6, 2), "planned_date": D(2025, 6, 1)},
        )
    assert err.value.field == "planned_date"


def test_only_one_vaste_aanspreekpunt(store, pid):
    a = rec.add_record(
        store, pid, "contact", {"name": "A", "role": "klantmanager", "is_vaste_aanspreekpunt": True}
    )
    b = rec.add_record(
        store, pid, "contact", {"name": "B", "role": "klantmanager", "is_vaste_aanspreekpunt": True}
    )
    contacts = {c.id: c.is_vaste_aanspreekpunt for c in load_dossier(store, pid).contacts}
    assert contacts == {a: False, b: True}
    rec.update_record(store, "contact", a, {"is_vaste_aanspreekpunt": True})
    contacts = {c.id: c.is_vaste_aanspreekpunt for c in load_dossier(store, pid).contacts}
    assert contacts == {a: True, b: False}


def test_afspraak_done_gets_a_done_date(store, pid):
    aid = rec.add_record(store, pid, "afspraak", {"text": "Call the school", "status": "open"})
    rec.update_record(store, "afspraak", aid, {"status": "gedaan"})
    afspraak = load_dossier(store, pid).afspraken[0]
    assert afspraak.status == "gedaan"
    assert afspraak.done_date == dt.date.today()


def test_delete_returns_values_and_restore_adds_them_back(store, pid):
    vid = rec.add_record(
        store,
        pid,
        "verlenging",
        {"ground": "No aanbod for 4 months", "months": 6, "decision": "toegekend"},
    )
    old = rec.delete_record(store, "verlenging", vid)
    assert old["months"] == 6 and old["person_id"] == pid
    assert load_dossier(store, pid).verlengingen == []
    new_id = rec.restore_record(store, "verlenging", old)
    assert new_id > 0  # SQLite may hand out the freed id again
    restored = load_dossier(store, pid).verlengingen[0]
    assert (restored.ground, restored.months, restored.decision) == (
        "No aanbod for 4 months",
        6,
        "toegekend",
    )
    with pytest.raises(NotFoundError):
        rec.delete_record(store, "verlenging", new_id + 1000)


def test_links_must_stay_inside_the_dossier(store, pid):
    other = create_dossier(store, {"given_names": "Other", "family_name": "Person"})
    cid = rec.add_record(store, other, "contact", {"name": "X", "role": "school"})
    with pytest.raises(ValidationError) as err:
        rec.add_record(
            store,
            pid,
            "conversation",
            {"date": dt.datetime(2025, 5, 1, 10), "type": "intake", "contact_id": cid},
        )
    assert err.value.field == "contact_id"
    with pytest.raises(ValidationError) as err:
        rec.add_record(
            store,
            pid,
            "hour",
            {"date": D(2025, 5, 1), "hours": 1, "category": "pvt", "provider_id": 12345},
        )
    assert err.value.field == "provider_id"


def test_sections_are_created_once_then_updated(store, pid):
    rec.set_section(store, pid, "azc", {"vergunning_date": D(2025, 1, 6)})
    rec.set_section(store, pid, "azc", {"koppeling_date": D(2025, 1, 16)})
    azc = load_dossier(store, pid).azc
    assert azc is not None
    assert (azc.vergunning_date, azc.koppeling_date) == (D(2025, 1, 6), D(2025, 1, 16))
    with store.read() as session:
        assert (
            len(session.scalars(select(m.AzcPhase).where(m.AzcPhase.person_id == pid)).all()) == 1
        )
    with pytest.raises(ValidationError) as err:
        rec.set_section(store, pid, "azc", {"koppeling_date": D(2025, 1, 1)})  # before the permit
    assert err.value.field == "koppeling_date"
    with pytest.raises(ValidationError):
        rec.set_section(store, pid, "nonsense", {})


def test_providers_are_shared_and_upserted_by_name(store):
    a = rec.add_provider(store, {"name": "Taalschool", "keurmerk": "keurmerk"})
    b = rec.add_provider(store, {"name": "Taalschool", "keurmerk": "geen"})
    assert a == b
    providers = rec.list_providers(store)
    assert [(p.name, p.keurmerk) for p in providers] == [("Taalschool", "geen")]


def test_hours_count_only_while_the_provider_held_the_keurmerk(store, pid):
    from core.domain.facts import dossier_facts
    from core.rules.requirements import counted_hours

    school = rec.add_provider(
        store,
        {
            "name": "School",
            "keurmerk": "keurmerk",
            "keurmerk_from": D(2025, 1, 1),
            "keurmerk_until": D(2025, 6, 30),
        },
    )
    for day in (D(2024, 12, 31), D(2025, 1, 1), D(2025, 6, 30), D(2025, 7, 1)):
        rec.add_record(
            store,
            pid,
            "hour",
            {"date": day, "hours": 4, "category": "z_taal", "provider_id": school},
        )
    facts = dossier_facts(load_dossier(store, pid))
    valid = {h.date: h.provider_keurmerk_valid for h in facts.hours}
    assert valid == {
        D(2024, 12, 31): False,
        D(2025, 1, 1): True,
        D(2025, 6, 30): True,
        D(2025, 7, 1): False,
    }
    assert counted_hours(facts.hours, frozenset({"z_taal"})) == 8


def test_a_gezinsmigrant_pays_every_exam_attempt(store):
    """Issue 15: only the asielstatushouder's first two attempts per onderdeel are free."""
    payer = create_dossier(
        store, {"given_names": "Lina", "doelgroep": "Gezinsmigrant en overige migrant"}
    )
    rec.add_record(store, payer, "exam", {"onderdeel": "LE", "planned_date": D(2025, 1, 10)})
    assert [x.free_attempt for x in load_dossier(store, payer).exams] == [False]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"notice_date": dt.date(2099, 1, 1)}, "notice_date", "in the future"),
        ({"decision_date": dt.date(2026, 3, 2)}, "notice_date", "comes before"),
        ({"amount": "-1"}, "amount", "between 0 and 100,000"),
        ({"bezwaar_date": dt.date(2026, 2, 1)}, "bezwaar_date", "comes before"),
        ({"fine_ground": "late"}, "fine_ground", ""),
        ({"subject": ""}, "subject", "required"),
    ],
)
def test_a_bad_decision_is_refused_at_the_gate_and_nothing_is_written(
    store, pid, values, field, message
):
    good = {"kind": "boete", "subject": "Fine", "notice_date": dt.date(2026, 3, 1)}
    with pytest.raises(ValidationError) as info:
        rec.add_record(store, pid, "besluit", {**good, **values})
    assert field in info.value.errors and message in info.value.errors[field]
    assert load_dossier(store, pid).besluiten == []
    rec.add_record(store, pid, "besluit", {**good, "amount": "0"})
    assert len(load_dossier(store, pid).besluiten) == 1
