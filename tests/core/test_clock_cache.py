"""The caseload's clocks come from a lean loader and stored plans; they must equal the ORM path,
follow every change (in this process or another one) and every new day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from core import models as m
from core.db import Database
from core.domain.facts import dossier_facts
from core.rules.clocks import all_clocks
from core.services import records as rec
from core.services.clock_cache import (
    caseload_facts,
    first_open_clocks,
    plan_version,
    rebuild,
    refresh,
)
from core.services.deadlines import _CLOCK_LOAD, caseload_clocks
from core.services.demo import create_demo_dossier
from core.services.dossiers import create_dossier, delete_dossier
from core.services.store import Store
from tests.conftest import TODAY


def _orm_facts(store):
    with store.read() as session:
        query = select(m.Person).options(*_CLOCK_LOAD).order_by(m.Person.id)
        return {
            p.id: (p.display_name, dossier_facts(p, include_hours=False))
            for p in session.scalars(query)
        }


def _summary(items):
    return [
        (c.dossier, c.name, c.clock.kind, c.clock.date, c.clock.status, c.clock.detail)
        for c in items
    ]


def test_lean_facts_equal_the_orm_facts(store, demo_id):
    second = create_demo_dossier(store, TODAY - dt.timedelta(days=400))
    create_dossier(
        store, {"given_names": "Nour", "family_name": "Haddad"}
    )  # an almost empty dossier
    with store.read() as session:
        lean = {pid: (name, facts) for pid, name, facts in caseload_facts(session)}
    orm = _orm_facts(store)
    assert set(lean) == {demo_id, second, demo_id + 2}
    assert lean == orm
    assert lean[demo_id][1].pips and lean[demo_id][1].exams and lean[demo_id][1].afspraken


def test_caseload_clocks_equal_the_per_dossier_clocks(store, demo_id):
    create_demo_dossier(store, TODAY - dt.timedelta(days=200))
    whole = _summary(caseload_clocks(store, TODAY))
    one_by_one = []
    for pid in sorted({c[0] for c in whole}):
        one_by_one += _summary(caseload_clocks(store, TODAY, dossier_id=pid))
    assert whole == one_by_one
    assert any(c[2] == "exam_registration" for c in whole)


def test_a_change_shows_in_the_next_overview(store, demo_id):
    before = _summary(caseload_clocks(store, TODAY))
    rec.add_record(
        store,
        demo_id,
        "afspraak",
        {"text": "Bring the urenverklaring", "due_date": TODAY + dt.timedelta(days=9)},
    )
    after = _summary(caseload_clocks(store, TODAY))
    new = [c for c in after if c not in before]
    assert new == [
        (
            demo_id,
            "Amanuel Tesfay Gebremedhin",
            "afspraak_due",
            TODAY + dt.timedelta(days=9),
            "open",
            "Bring the urenverklaring",
        )
    ]


def test_new_and_deleted_dossiers_and_renames(store, demo_id):
    other = create_demo_dossier(store, TODAY)
    assert {c.dossier for c in caseload_clocks(store, TODAY)} == {demo_id, other}
    from core.services.dossiers import update_person

    update_person(store, other, {"given_names": "Selam"})
    assert {c.name for c in caseload_clocks(store, TODAY) if c.dossier == other} == {
        "Selam Tesfay Gebremedhin"
    }
    delete_dossier(store, other)
    assert {c.dossier for c in caseload_clocks(store, TODAY)} == {demo_id}


def test_a_change_by_another_process_is_seen(store, demo_id, tmp_path):
    caseload_clocks(store, TODAY)  # fill the cache
    other = Store(Database.open(store.db.path, None))  # a second connection, as the CLI would be
    try:
        rec.add_record(
            other,
            demo_id,
            "afspraak",
            {"text": "Call DUO", "due_date": TODAY - dt.timedelta(days=1)},
        )
    finally:
        other.db.close()
    overdue = [c for c in caseload_clocks(store, TODAY) if c.clock.detail == "Call DUO"]
    assert [c.clock.status for c in overdue] == ["overdue"]


def test_a_new_day_recomputes_the_statuses(store, demo_id):
    due = TODAY + dt.timedelta(days=1)
    rec.add_record(store, demo_id, "afspraak", {"text": "Visit the library", "due_date": due})
    today = [
        c.clock.status
        for c in caseload_clocks(store, TODAY)
        if c.clock.detail == "Visit the library"
    ]
    later = [
        c.clock.status
        for c in caseload_clocks(store, due + dt.timedelta(days=1))
        if c.clock.detail == "Visit the library"
    ]
    assert (today, later) == (["open"], ["overdue"])


def test_a_rebuild_gives_the_same_answer(store, demo_id):
    first = _summary(caseload_clocks(store, TODAY))
    assert rebuild(store) == 1
    assert _summary(caseload_clocks(store, TODAY)) == first


def _fresh(store):
    with store.read() as session:
        rows = session.execute(select(m.ClockFresh.person_id, m.ClockFresh.plan_version))
        return {pid: version for pid, version in rows}


def test_a_change_removes_the_fresh_mark_in_its_own_transaction(store, demo_id):
    other = create_demo_dossier(store, TODAY)
    assert refresh(store) == 2
    assert _fresh(store) == {demo_id: plan_version(), other: plan_version()}
    assert refresh(store) == 0  # nothing changed, nothing computed
    rec.add_record(store, demo_id, "afspraak", {"text": "Call the school"})
    assert _fresh(store) == {other: plan_version()}
    assert refresh(store) == 1


def test_opening_a_dossier_keeps_its_clocks_fresh(store, demo_id):
    """A read is written in the trail (on a team server) but changes nothing: a teamleider's
    "needs attention" must not recompute every dossier a colleague merely opened."""
    from core.services.dossiers import record_read

    refresh(store)
    record_read(store, demo_id)
    assert _fresh(store) == {demo_id: plan_version()}
    assert refresh(store) == 0


def test_new_clock_rules_recompute_every_plan(store, demo_id, monkeypatch):
    refresh(store)
    with store.db.session() as session:  # as a database written by an older version
        session.execute(m.ClockFresh.__table__.update().values(plan_version="0/old-rules"))
    assert refresh(store) == 1
    assert _fresh(store) == {demo_id: plan_version()}


def test_deleting_a_dossier_deletes_its_stored_clocks(store, demo_id):
    refresh(store)
    delete_dossier(store, demo_id)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(m.StoredClock)) == 0
        assert session.scalar(select(func.count()).select_from(m.ClockFresh)) == 0


def _python_first_open(store, day):
    """Each dossier's first clock that is not done, straight from the rules."""
    out = {}
    for dc in caseload_clocks(store, day):
        if dc.clock.status != "done" and dc.dossier not in out:
            out[dc.dossier] = (dc.clock.kind, dc.clock.date, dc.clock.status, dc.clock.detail)
    return out


def test_first_open_clocks_in_sql_equal_the_rules_on_every_day(store, demo_id):
    for offset in (-400, 0):
        create_demo_dossier(store, TODAY + dt.timedelta(days=offset))
    rec.add_record(store, demo_id, "afspraak", {"text": "Same day, second", "due_date": TODAY})
    rec.add_record(store, demo_id, "afspraak", {"text": "Same day, first", "due_date": TODAY})
    checked = 0
    for weeks in range(-120, 200, 3):  # every kind of clock passes through every status
        day = TODAY + dt.timedelta(weeks=weeks)
        sql = {
            pid: (c.kind, c.date, c.status, c.detail)
            for pid, c in first_open_clocks(store, day).items()
        }
        assert sql == _python_first_open(store, day), day
        checked += len(sql)
    assert checked > 100


def test_every_stored_status_equals_the_rules_on_every_day(store, demo_id):
    create_demo_dossier(store, TODAY - dt.timedelta(days=900))
    for weeks in range(-120, 200, 7):
        day = TODAY + dt.timedelta(weeks=weeks)
        stored = _summary(caseload_clocks(store, day))
        computed = []
        with store.read() as session:
            for pid, name, facts in caseload_facts(session):
                computed += [
                    (pid, name, c.kind, c.date, c.status, c.detail) for c in all_clocks(facts, day)
                ]
        assert stored == computed, day
