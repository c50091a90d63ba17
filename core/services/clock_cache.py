"""Every clock of every dossier, fast enough for a caseload of 10,000 (issue 7).

* **Stored plans.** A dossier's clocks depend on the day only through their statuses (and the
  days an exam clock is shown), so ``core.rules.clocks.clock_plan`` states them once, without
  the day, and they are stored per dossier (``core.models.clocks``). The overview reads them and
  decides the statuses for today in SQL: a new day, or a new start of the app, costs one query.
* **Fresh marks.** Every audited change of a dossier removes the dossier's mark in the same
  transaction (``core.services.store``); :func:`refresh` computes the unmarked dossiers again
  before anything is read, so a change made here or by another process (the command line) is
  always seen. A new version of the clock rules (``plan_version``) leaves every mark stale.
* **A lean loader.** Computing a plan needs eleven small collections per dossier. Loading them as
  ORM objects costs ~1.7 ms a dossier; here each collection is one Core query per block of
  dossiers, and the rows (which carry the same attribute names as the models) are handed to the
  one and only :func:`core.domain.facts.dossier_facts` through a read-only stand-in for
  ``Person``. The facts, and so the clocks, are exactly those of the ORM path (a test checks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    DateTime,
    LargeBinary,
    and_,
    case,
    delete,
    false,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.orm import Session

from core import models as m
from core.domain.facts import FACT_RELATIONS, dossier_facts
from core.rules.clocks import (
    DONE,
    OPEN,
    OVERDUE,
    PLAN_VERSION,
    Clock,
    DossierClock,
    PlannedClock,
    all_clocks,
    clock_plan,
    start_event,
)
from core.rules.facts import DossierFacts
from core.rules.table import RULESET_VERSION
from core.services.store import Store

# The collections the clocks read (hours are never needed: the stored plans leave them out).
CLOCK_RELATIONS = FACT_RELATIONS
BLOCK = 1000  # dossiers per round of queries


class _Dossier:
    """A read-only stand-in for ``m.Person``: the person's columns plus the loaded collections.
    Anything else (hours, documents) is missing on purpose, so a rule that starts to need it
    fails loudly instead of silently seeing nothing."""

    id: int
    given_names: str
    family_name: str

    def __init__(self, row: Any) -> None:
        self.__dict__.update(row._mapping)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.family_name) if p).strip()


def _columns(table: Any) -> list[Any]:
    """Every column but timestamps and file contents: no rule reads them, and parsing
    SQLite's datetime text is the slowest part of loading a row."""
    return [c for c in table.columns if not isinstance(c.type, DateTime | LargeBinary)]


def _relation_query(key: str, lo: int, hi: int) -> Any:
    rel = m.Person.__mapper__.relationships[key]
    table = rel.mapper.local_table
    order: list[Any] = [table.c.person_id]
    if rel.order_by:
        order.extend(rel.order_by)
    order.append(table.c.id)
    return select(*_columns(table)).where(table.c.person_id.between(lo, hi)).order_by(*order)


def iter_dossiers(session: Session, ids: Iterable[int] | None = None) -> Iterator[_Dossier]:
    """Dossiers with the collections the clocks need, in id order, ``BLOCK`` at a time."""
    if ids is None:
        wanted = list(session.scalars(select(m.Person.id).order_by(m.Person.id)))
    else:
        wanted = sorted(set(ids))
    for start in range(0, len(wanted), BLOCK):
        block = wanted[start : start + BLOCK]
        lo, hi = block[0], block[-1]
        keep = set(block)
        people: dict[int, _Dossier] = {}
        for row in session.execute(
            select(*_columns(m.Person.__table__)).where(m.Person.id.between(lo, hi))
        ):
            if row.id in keep:
                people[row.id] = _Dossier(row)
        for person in people.values():
            for key in CLOCK_RELATIONS:
                setattr(person, key, [] if m.Person.__mapper__.relationships[key].uselist else None)
        for key in CLOCK_RELATIONS:
            many = m.Person.__mapper__.relationships[key].uselist
            for row in session.execute(_relation_query(key, lo, hi)).all():
                owner = people.get(row.person_id)
                if owner is None:
                    continue
                if many:
                    getattr(owner, key).append(row)
                else:
                    setattr(owner, key, row)
        for person in people.values():
            person.map_hours = []  # type: ignore[attr-defined]
        for row in session.execute(_map_hours_query(lo, hi)):
            owner = people.get(row.person_id)
            if owner is not None:
                owner.map_hours.append(_MapHour(row))  # type: ignore[attr-defined]
        yield from (people[i] for i in sorted(people))


class _MapHour:
    """One MAP praktijk hour entry with its provider's keurmerk, as ``dossier_facts`` reads it."""

    def __init__(self, row: Any) -> None:
        self.date, self.hours, self.category = row.date, row.hours, row.category
        self.attendance, self.dutch_speaking = row.attendance, row.dutch_speaking
        self.provider = (
            None
            if row.provider_id is None
            else SimpleNamespace(
                keurmerk=row.keurmerk,
                keurmerk_from=row.keurmerk_from,
                keurmerk_until=row.keurmerk_until,
            )
        )


def _map_hours_query(lo: int, hi: int) -> Any:
    h, p = m.HourEntry.__table__, m.Provider.__table__
    return (
        select(
            h.c.person_id,
            h.c.date,
            h.c.hours,
            h.c.category,
            h.c.attendance,
            h.c.dutch_speaking,
            h.c.provider_id,
            p.c.keurmerk,
            p.c.keurmerk_from,
            p.c.keurmerk_until,
        )
        .outerjoin(p, p.c.id == h.c.provider_id)
        .where(h.c.person_id.between(lo, hi), h.c.category == "map_praktijk")
    )


def caseload_facts(
    session: Session, ids: Iterable[int] | None = None
) -> Iterator[tuple[int, str, DossierFacts]]:
    """(dossier id, display name, facts without hours) of every dossier, or of ``ids``."""
    for person in iter_dossiers(session, ids):
        yield person.id, person.display_name, dossier_facts(person, include_hours=False)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- stored plans
REFRESH_BLOCK = 500  # dossiers per write transaction: a rebuild never holds the lock for long


def plan_version() -> str:
    """Changes whenever the stored plans could differ: the plan code or the rule table."""
    return f"{PLAN_VERSION}/{RULESET_VERSION}"


def order_key(position: int, p: PlannedClock) -> str:
    """Sorts as the plan does (date, kind, position) and carries what a label needs."""
    return f"{p.date.isoformat()}|{p.kind}|{position:03d}|{p.detail}"


def _plan_row(pid: int, position: int, p: PlannedClock) -> dict[str, Any]:
    return {
        "person_id": pid,
        "kind": p.kind,
        "date": p.date,
        "source": p.source,
        "start": p.start,
        "detail": p.detail,
        "met": p.met,
        "closes": p.closes,
        "shown_from": p.shown_from,
        "shown_until": p.shown_until,
        "order_key": order_key(position, p),
    }


def _stale_ids(session: Session, version: str, limit: int) -> list[int]:
    fresh = m.ClockFresh
    query = (
        select(m.Person.id)
        .outerjoin(fresh, fresh.person_id == m.Person.id)
        .where(or_(fresh.person_id.is_(None), fresh.plan_version != version))
        .order_by(m.Person.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def refresh(store: Store, block: int = REFRESH_BLOCK) -> int:
    """Compute the plans of every dossier without a fresh mark; returns how many.

    Each block is one transaction that first deletes the old rows, which takes the write lock,
    and only then reads the facts: no change can slip in between reading and marking."""
    version = plan_version()
    done = 0
    while True:
        with store.read() as session:
            stale = _stale_ids(session, version, block)
        if not stale:
            return done
        with store.db.session() as session:
            session.execute(delete(m.StoredClock).where(m.StoredClock.person_id.in_(stale)))
            session.execute(delete(m.ClockFresh).where(m.ClockFresh.person_id.in_(stale)))
            rows: list[dict[str, Any]] = []
            marks: list[dict[str, Any]] = []
            for pid, _name, facts in caseload_facts(session, stale):
                rows.extend(_plan_row(pid, i, p) for i, p in enumerate(clock_plan(facts)))
                marks.append({"person_id": pid, "plan_version": version})
            if rows:
                table: Any = m.StoredClock.__table__  # Core, so one executemany
                session.execute(insert(table), rows)
            if marks:
                session.execute(insert(m.ClockFresh), marks)
        done += len(stale)


def rebuild(store: Store) -> int:
    """Compute every dossier's plan again (after a repair, or to measure it)."""
    with store.db.session() as session:
        session.execute(delete(m.ClockFresh))
    return refresh(store)


def _shown(today: dt.date) -> Any:
    c = m.StoredClock
    return and_(
        or_(c.shown_from.is_(None), c.shown_from <= today),
        or_(c.shown_until.is_(None), c.shown_until >= today),
    )


def _status_sql(today: dt.date) -> Any:
    """``PlannedClock.status`` in SQL (a test holds the two together)."""
    c = m.StoredClock
    return case(
        (c.met, DONE),
        (and_(c.closes, c.date < today), DONE),
        (c.date < today, OVERDUE),
        else_=OPEN,
    )


def _name(given: str | None, family: str | None) -> str:
    return " ".join(p for p in (given, family) if p).strip()


def cached_caseload_clocks(store: Store, today: dt.date) -> list[DossierClock]:
    """Every clock of every dossier on ``today``, in dossier order (as ``deadlines.caseload_clocks``)."""

    refresh(store)
    c, p = m.StoredClock, m.Person
    query = (
        select(
            c.person_id,
            p.given_names,
            p.family_name,
            c.kind,
            c.date,
            _status_sql(today),
            c.source,
            c.start,
            c.detail,
            p.pip_clock_start,
            p.regime,
        )
        .join(p, p.id == c.person_id)
        .where(_shown(today))
        .order_by(c.person_id, c.date, c.kind, c.id)
    )
    out: list[DossierClock] = []
    with store.read() as session:
        for row in session.execute(query):
            pid, given, family, kind, date, status, source, start, detail, choice, regime = row
            event = start_event(kind, choice, regime) if start is not None else None
            clock = Clock(kind, date, status, source, start, detail, event)
            out.append(DossierClock(pid, _name(given, family), clock))
    return out


def _open_on(c: Any, today: dt.date) -> Any:
    """Not done on ``today`` and shown then (``PlannedClock.status``/``shown`` in SQL). Written
    so the covering index ``ix_clock_open`` answers it without reading the table."""
    return and_(
        c.met == false(),
        or_(c.closes == false(), c.date >= today),
        or_(c.shown_from.is_(None), c.shown_from <= today),
        or_(c.shown_until.is_(None), c.shown_until >= today),
    )


def first_open_clocks(store: Store, today: dt.date) -> dict[int, Clock]:
    """Dossier id → its first clock on ``today`` that is not done (overdue or running), for
    every dossier that has one: what the caseload's "needs attention" column shows.

    One GROUP BY over the covering index ``ix_clock_open``; the minimum ``order_key`` is the
    first open clock in plan order, as ``all_clocks`` lists them. It costs the same on the first
    start of a day as later. Only ``source`` and ``start`` are left empty (no label uses them)."""
    refresh(store)
    c = m.StoredClock
    query = (
        select(c.person_id, func.min(c.order_key)).where(_open_on(c, today)).group_by(c.person_id)
    )
    out: dict[int, Clock] = {}
    with store.read() as session:
        for pid, key in session.execute(query):
            day, kind, _position, detail = key.split("|", 3)
            date = dt.date.fromisoformat(day)
            out[pid] = Clock(kind, date, OVERDUE if date < today else OPEN, "", None, detail)
    return out


def dossier_clocks(store: Store, dossier_id: int, today: dt.date) -> list[Clock]:
    """The clocks of one dossier, computed now (not from the stored plans)."""
    with store.read() as session:
        return [
            c
            for _pid, _name, facts in caseload_facts(session, [dossier_id])
            for c in all_clocks(facts, today)
        ]
