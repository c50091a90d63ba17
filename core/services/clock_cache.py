"""Every clock of every dossier, fast enough for a caseload of 10,000 (issue 7).

Two things make the "needs attention" overview fast:

* **A lean loader.** The clocks need eleven small collections per dossier. Loading them as ORM
  objects costs ~1.7 ms a dossier; here each collection is one Core query per block of dossiers,
  and the rows (which carry the same attribute names as the models) are handed to the one and
  only :func:`core.services.facts.dossier_facts` through a read-only stand-in for ``Person``.
  The facts, and so the clocks, are exactly those of the ORM path (a test compares them).
* **A cache per open database.** Clocks only change when a dossier changes or the day changes.
  Every change made through the store leaves an audit entry with its dossier id (``store.py``),
  in this process or in another one (the command line). Before answering, the cache reads three
  cheap numbers (the highest audit id, the number of dossiers, the highest dossier id); when
  they moved, only the dossiers named by the new audit entries are computed again. A new day, or
  anything the audit trail cannot explain, recomputes everything.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, LargeBinary, func, select
from sqlalchemy.orm import Session

from core import models as m
from core.db import Database
from core.rules.clocks import Clock, all_clocks
from core.rules.facts import DossierFacts
from core.services.facts import dossier_facts
from core.services.store import Store

if TYPE_CHECKING:
    from core.services.deadlines import DossierClock

# The collections the clocks read (as in deadlines._CLOCK_LOAD); hours are never needed.
CLOCK_RELATIONS = (
    "azc",
    "pip_versions",
    "exams",
    "verlengingen",
    "ontzorging",
    "afspraken",
    "lbt",
    "vrijstellingen",
    "ontheffingen",
    "contacts",
    "intake_topics",
)
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
        yield from (people[i] for i in sorted(people))


def caseload_facts(
    session: Session, ids: Iterable[int] | None = None
) -> Iterator[tuple[int, str, DossierFacts]]:
    """(dossier id, display name, facts without hours) of every dossier, or of ``ids``."""
    for person in iter_dossiers(session, ids):
        yield person.id, person.display_name, dossier_facts(person, include_hours=False)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the cache
@dataclass
class _State:
    today: dt.date | None = None
    token: tuple[int, int, int] | None = None  # (max audit id, number of dossiers, max dossier id)
    clocks: dict[int, list[DossierClock]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


_STATES: weakref.WeakKeyDictionary[Database, _State] = weakref.WeakKeyDictionary()
_STATES_LOCK = threading.Lock()


def _state(db: Database) -> _State:
    with _STATES_LOCK:
        state = _STATES.get(db)
        if state is None:
            state = _STATES[db] = _State()
        return state


def _token(session: Session) -> tuple[int, int, int]:
    audit = session.scalar(select(func.max(m.AuditEntry.id))) or 0
    count, top = session.execute(
        select(func.count(), func.max(m.Person.id)).select_from(m.Person)
    ).one()
    return int(audit), int(count or 0), int(top or 0)


def _compute(
    session: Session, today: dt.date, ids: Iterable[int] | None
) -> dict[int, list[DossierClock]]:
    from core.services.deadlines import DossierClock

    out: dict[int, list[DossierClock]] = {}
    for pid, name, facts in caseload_facts(session, ids):
        out[pid] = [DossierClock(pid, name, clock) for clock in all_clocks(facts, today)]
    return out


def _refresh(state: _State, session: Session, today: dt.date) -> None:
    """Bring the cache up to date; the token is read before the data, so a change committed in
    between is seen now and (harmlessly) computed again next time."""
    token = _token(session)
    if state.token == token and state.today == today:
        return
    old = state.token
    if old is None or state.today != today or token[0] < old[0]:
        state.clocks = _compute(session, today, None)
    else:
        changed: set[int] = set(
            session.scalars(
                select(m.AuditEntry.person_id)
                .where(m.AuditEntry.id > old[0], m.AuditEntry.person_id.is_not(None))
                .distinct()
            )
        )
        if token[1:] != old[1:]:
            existing = set(session.scalars(select(m.Person.id)))
            for gone in set(state.clocks) - existing:
                del state.clocks[gone]
            changed |= existing - set(state.clocks)
            changed &= existing
        for pid in changed:
            state.clocks.pop(pid, None)
        state.clocks.update(_compute(session, today, changed))
    state.token, state.today = token, today


def cached_caseload_clocks(store: Store, today: dt.date) -> list[DossierClock]:
    """Every clock of every dossier, in dossier order (as ``deadlines.caseload_clocks``)."""
    state = _state(store.db)
    with state.lock, store.read() as session:
        _refresh(state, session, today)
        out: list[DossierClock] = []
        for pid in sorted(state.clocks):
            out.extend(state.clocks[pid])
        return out


def dossier_clocks(store: Store, dossier_id: int, today: dt.date) -> list[Clock]:
    """The clocks of one dossier, computed now (no cache)."""
    with store.read() as session:
        return [
            c
            for _pid, _name, facts in caseload_facts(session, [dossier_id])
            for c in all_clocks(facts, today)
        ]


def forget(store: Store) -> None:
    """Drop the cache of this database (after a restore from a backup, for instance)."""
    with _STATES_LOCK:
        _STATES.pop(store.db, None)
