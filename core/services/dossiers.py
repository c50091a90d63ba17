"""Dossiers: create, read (everything for the views in one go), search the caseload, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import selectinload

from core import models as m
from core.db import like_ci
from core.domain.registry import KINDS
from core.domain.validation import clean
from core.errors import ConflictError, ValidationError
from core.i18n import _
from core.models.folding import fold
from core.services.records import get_person
from core.services.store import Store

# Every record kind of the registry, plus the export log and the transfers of a team server.
_FULL = (
    *(
        selectinload(getattr(m.Person, kind.relation))
        for kind in KINDS.values()
        if kind.model is not m.HourEntry
    ),
    selectinload(m.Person.hours).selectinload(m.HourEntry.provider),
    selectinload(m.Person.exports),
    selectinload(m.Person.transfers),  # who held the dossier (a team server); empty otherwise
)


class DossierId(int):
    """A dossier's id plus what the person should know about the write (translated warnings,
    e.g. another dossier with the same BSN). Compares and prints as the plain id."""

    warnings: tuple[str, ...] = ()
    same_identity: int | None = None  # the other dossier with this BSN or V-number

    def __new__(cls, value: int, warnings: tuple[str, ...] = (), same: int | None = None) -> Any:
        obj = super().__new__(cls, value)
        obj.warnings, obj.same_identity = warnings, same
        return obj


def same_identity(
    session: Any, bsn: str | None, v_nummer: str | None, exclude: int | None = None
) -> int | None:
    """Another dossier with this (cleaned) BSN or V-number: the same person twice."""
    conds = [col == v for col, v in ((m.Person.bsn, bsn), (m.Person.v_nummer, v_nummer)) if v]
    if not conds:
        return None
    query = select(m.Person.id).where(or_(*conds)).order_by(m.Person.id)
    if exclude is not None:
        query = query.where(m.Person.id != exclude)
    return session.scalars(query).first()


def identity_warning(other: int) -> str:
    return _(
        "Dossier {id} has the same BSN or V-number: is this the same person? Open that dossier "
        "instead of keeping two."
    ).format(id=other)


def find_same_identity(store: Store, values: dict[str, Any]) -> int | None:
    """Before a new dossier is made: the existing one with the BSN or V-number typed (checked as
    a form checks it; an invalid number matches nothing)."""
    try:
        cleaned = clean(m.Person, {k: values.get(k) for k in ("bsn", "v_nummer")})
    except ValidationError:
        return None
    with store.read() as session:
        return same_identity(session, cleaned.get("bsn"), cleaned.get("v_nummer"))


def create_dossier(store: Store, values: dict[str, Any]) -> DossierId:
    """Store a new dossier. A BSN or V-number another dossier holds is kept (the person may want
    both, e.g. while merging by hand) but reported in the result's ``warnings``."""
    with store.transaction() as session:
        cleaned = clean(m.Person, values)
        other = same_identity(session, cleaned.get("bsn"), cleaned.get("v_nummer"))
        person = m.Person(**cleaned)
        session.add(person)
        session.flush()
        warnings = (identity_warning(other),) if other is not None else ()
        return DossierId(int(person.id), warnings, other)


def update_person(
    store: Store, dossier_id: int, values: dict[str, Any], *, base_version: int | None = None
) -> list[str]:
    """Save the person's fields; returns warnings (another dossier with the same BSN).
    ``base_version``: the version the values were typed on; when someone else saved the dossier
    since, nothing is written and :class:`ConflictError` carries both values of each field this
    save would change. A save racing another in the same instant is caught by the version check
    of the UPDATE itself (``version_id_col``)."""
    with store.transaction() as session:
        person = get_person(session, dossier_id)
        existing = {c.key: getattr(person, c.key) for c in m.Person.__mapper__.column_attrs}
        cleaned = clean(m.Person, values, existing=existing)
        if base_version is not None and person.version_id != base_version:
            raise ConflictError(
                _(
                    "Someone else saved this dossier in the meantime. Your change was not "
                    "saved; open the dossier again to see theirs."
                ),
                conflicts={
                    key: (existing[key], value)
                    for key, value in cleaned.items()
                    if existing.get(key) != value
                },
            )
        for key, value in cleaned.items():
            setattr(person, key, value)
        if "bsn" not in cleaned and "v_nummer" not in cleaned:
            return []
        other = same_identity(session, person.bsn, person.v_nummer, exclude=dossier_id)
        return [identity_warning(other)] if other is not None else []


def load_dossier(store: Store, dossier_id: int) -> m.Person:
    """The whole dossier as a detached snapshot: read it, never change it directly."""
    with store.read() as session:
        person = session.scalars(
            select(m.Person).where(m.Person.id == dossier_id).options(*_FULL)
        ).first()
        if person is None:
            get_person(session, dossier_id)  # raises NotFoundError
        session.expunge_all()
    if store.db.server is not None:
        record_read(store, dossier_id)
    return person  # type: ignore[return-value]


def record_read(store: Store, dossier_id: int) -> None:
    """On a team server opening a dossier is part of its trail (the database adds who)."""
    with store.transaction() as session:
        session.add(
            m.AuditEntry(
                person_id=dossier_id,
                actor_kind=store.actor.kind,
                actor_name=store.actor.name,
                action="read",
                entity="person",
                entity_id=dossier_id,
                fields=[],
            )
        )


def find_by_identity(store: Store, bsn: str | None, v_nummer: str | None) -> int | None:
    conds = []
    if bsn:
        conds.append(m.Person.bsn == bsn)
    if v_nummer:
        conds.append(m.Person.v_nummer == v_nummer)
    if not conds:
        return None
    with store.read() as session:
        return session.scalars(select(m.Person.id).where(or_(*conds))).first()


@dataclass(frozen=True)
class CaseloadRow:
    id: int
    name: str
    bsn: str | None
    v_nummer: str | None
    gemeente: str | None
    doelgroep: str
    regime: str
    plicht_status: str
    leerroute: str | None
    date_of_birth: Any
    assigned_to: str | None = None  # the consultant's login on a team server


def _latest_leerroute() -> Any:
    """The leerroute of the newest PIP version, looked up per row (the unique index on
    (person_id, version_no) makes it one index probe, so a page of 50 costs 50 probes)."""
    return (
        select(m.PipVersion.leerroute)
        .where(m.PipVersion.person_id == m.Person.id)
        .order_by(m.PipVersion.version_no.desc())
        .limit(1)
        .scalar_subquery()
    )


NAME_SEPARATORS = frozenset(" -'’‘.,")  # typed between parts of a name; folded away


def _search_condition(search: str) -> Any:
    """Name, gemeente, BSN or V-number. Digits alone (a BSN being typed, maybe with spaces,
    dots or dashes) are a prefix range on the indexed numbers; anything else is a substring of
    the name or the gemeente."""
    text = search.strip()
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits and all(ch.isdigit() or ch in " .-" for ch in text):
        upper = digits[:-1] + chr(ord(digits[-1]) + 1)  # "123" → "12:" (":" sorts after "9")
        return or_(
            (m.Person.bsn >= digits) & (m.Person.bsn < upper),
            (m.Person.v_nummer >= digits) & (m.Person.v_nummer < upper),
        )
    like = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # The gemeente as typed, in any case (like_ci, core.db). The name folded (case, diacritics,
    # hyphens, apostrophes and spaces away: core.models.folding) against the key the model keeps;
    # but text holding other signs ("_50%", "#2") is looked for as typed, signs included.
    conds: list[Any] = [like_ci(m.Person.gemeente, like)]
    if any(not (ch.isalnum() or ch in NAME_SEPARATORS) for ch in text):
        fields: list[Any] = [m.Person.given_names, m.Person.family_name]
        if " " in text:
            fields.append(m.Person.given_names + " " + m.Person.family_name)
        conds += [like_ci(field, like) for field in fields]
    elif folded := fold(text):
        conds.append(m.Person.name_key.like(f"%{folded}%"))  # letters and digits: nothing to escape
    if digits:
        conds += [m.Person.bsn.like(f"{digits}%"), m.Person.v_nummer.like(f"{digits}%")]
    return or_(*conds)


def _filtered(
    query: Select,
    search: str,
    leerroute: str | None,
    status: str | None,
    assigned_to: str | None = None,
) -> Select:
    cond = _search_condition(search)
    if cond is not None:
        query = query.where(cond)
    if leerroute:
        query = query.where(_latest_leerroute() == leerroute)
    if status:
        query = query.where(m.Person.plicht_status == status)
    if assigned_to:  # a team server: one consultant's dossiers (a teamleider sees the team's)
        query = query.where(m.Person.assigned_to == assigned_to)
    return query


# Columns the caseload list can be sorted on in the database (so sorting still pages).
SORTABLE = ("name", "bsn", "v_nummer", "gemeente", "leerroute", "plicht_status", "date_of_birth")


def _order(order_by: str, descending: bool) -> list[Any]:
    names = [m.Person.family_name, m.Person.given_names]
    first = {
        "name": [],
        "bsn": [m.Person.bsn],
        "v_nummer": [m.Person.v_nummer],
        "gemeente": [m.Person.gemeente],
        "leerroute": [_latest_leerroute()],
        "plicht_status": [m.Person.plicht_status],
        "date_of_birth": [m.Person.date_of_birth],
    }.get(order_by)
    if first is None:
        raise ValueError(f"cannot sort the caseload on {order_by!r}")
    columns = [*first, *names, m.Person.id]
    return [c.desc() for c in columns] if descending else columns


def caseload_query(
    search: str = "",
    leerroute: str | None = None,
    status: str | None = None,
    *,
    assigned_to: str | None = None,
    order_by: str = "name",
    descending: bool = False,
) -> Select:
    query = select(
        m.Person.id,
        m.Person.given_names,
        m.Person.family_name,
        m.Person.bsn,
        m.Person.v_nummer,
        m.Person.gemeente,
        m.Person.doelgroep,
        m.Person.regime,
        m.Person.plicht_status,
        _latest_leerroute().label("leerroute"),
        m.Person.date_of_birth,
        m.Person.assigned_to,
    )
    query = _filtered(query, search, leerroute, status, assigned_to)
    return query.order_by(*_order(order_by, descending))


def list_dossiers(
    store: Store,
    search: str = "",
    *,
    leerroute: str | None = None,
    status: str | None = None,
    assigned_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    order_by: str = "name",
    descending: bool = False,
) -> list[CaseloadRow]:
    """One page of the caseload (``limit``/``offset``), sorted in the database on one of
    ``SORTABLE`` so a sorted list still pages."""
    query = caseload_query(
        search,
        leerroute,
        status,
        assigned_to=assigned_to,
        order_by=order_by,
        descending=descending,
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.read() as session:
        return [
            CaseloadRow(
                id=r[0],
                name=" ".join(p for p in (r[1], r[2]) if p) or _("(no name)"),
                bsn=r[3],
                v_nummer=r[4],
                gemeente=r[5],
                doelgroep=r[6],
                regime=r[7],
                plicht_status=r[8],
                leerroute=r[9],
                date_of_birth=r[10],
                assigned_to=r[11],
            )
            for r in session.execute(query)
        ]


def count_dossiers(store: Store, search: str = "", **filters: Any) -> int:
    query = _filtered(
        select(func.count()).select_from(m.Person),
        search,
        filters.get("leerroute"),
        filters.get("status"),
        filters.get("assigned_to"),
    )
    with store.read() as session:
        return int(session.execute(query).scalar_one())


def assignees(store: Store) -> dict[int, str | None]:
    """Dossier id → the consultant it is assigned to, for every dossier this login may see (on a
    team server the database decides which; on this computer none is assigned)."""
    with store.read() as session:
        return {pid: who for pid, who in session.execute(select(m.Person.id, m.Person.assigned_to))}


def delete_dossier(store: Store, dossier_id: int) -> None:
    """Remove the dossier, its documents and its audit trail for good."""
    with store.transaction() as session:
        person = get_person(session, dossier_id)
        session.delete(person)
        session.flush()
        session.execute(delete(m.AuditEntry).where(m.AuditEntry.person_id == dossier_id))
