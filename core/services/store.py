"""The open dossier store: a Database plus who is working (for the audit trail).

Every user action is one ``with store.transaction() as s:`` block — one transaction — so a crash
either keeps the whole action or none of it. Two session hooks live here: the audit trail (who
changed which fields, never the values) and the guard that keeps PIP versions immutable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, event, insert, inspect
from sqlalchemy.orm import Session

from core import models as m
from core.db import Database
from core.errors import ValidationError
from core.i18n import _
from core.models.base import utcnow
from core.models.enums import ActorKind


@dataclass(frozen=True)
class Actor:
    kind: str = ActorKind.PARTICIPANT.value
    name: str | None = None


_AUDITED_SKIP = (m.AuditEntry, m.ExportLog, m.StoredClock, m.ClockFresh)


def _person_id(obj: Any) -> int | None:
    if isinstance(obj, m.Person):
        return obj.id
    return getattr(obj, "person_id", None)


def _changed_fields(obj: Any) -> list[str]:
    state = inspect(obj)
    names = []
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes() and attr.key not in ("updated_at", "created_at"):
            names.append(attr.key)
    return names


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in session.dirty:
        if isinstance(obj, m.PipVersion) and session.is_modified(obj, include_collections=False):
            raise ValidationError(
                _("A PIP version is a formal decision and cannot be changed. Make a new version.")
            )
    actor: Actor = session.info.get("actor") or Actor(ActorKind.SYSTEM.value)
    pending: list[tuple[Any, str, list[str]]] = []
    for obj in session.new:
        if not isinstance(obj, _AUDITED_SKIP):
            pending.append((obj, "create", []))
    for obj in session.dirty:
        if isinstance(obj, _AUDITED_SKIP) or not session.is_modified(
            obj, include_collections=False
        ):
            continue
        pending.append((obj, "update", _changed_fields(obj)))
    for obj in session.deleted:
        if not isinstance(obj, _AUDITED_SKIP):
            pending.append((obj, "delete", []))
    session.info.setdefault("audit_pending", []).extend(
        (obj, action, fields, actor) for obj, action, fields in pending
    )


def mark_clocks_stale(session: Session, person_ids: set[int | None]) -> None:
    """The stored clock plans of these dossiers are out of date (``core.services.clock_cache``
    computes them again). Runs in the transaction of the change, so the two never disagree."""
    ids = sorted(i for i in person_ids if i is not None)
    if ids:
        session.execute(delete(m.ClockFresh).where(m.ClockFresh.person_id.in_(ids)))


def _after_flush(session: Session, _ctx: Any) -> None:
    pending = session.info.pop("audit_pending", [])
    # Audit entries added by hand (for bulk UPDATEs the hook cannot see) name a change too.
    # (A read of a dossier changes nothing: its clocks stay fresh.)
    manual = {
        o.person_id for o in session.new if isinstance(o, m.AuditEntry) and o.action != "read"
    }
    mark_clocks_stale(session, manual | {_person_id(obj) for obj, *_rest in pending})
    if not pending:
        return
    now = utcnow()
    rows = []
    for obj, action, fields, actor in pending:
        rows.append(
            {
                "person_id": _person_id(obj),
                "at": now,
                "actor_kind": actor.kind,
                "actor_name": actor.name,
                "action": action,
                "entity": obj.__tablename__,
                "entity_id": getattr(obj, "id", None),
                "fields": fields,
            }
        )
    session.execute(insert(m.AuditEntry), rows)


def audit_bulk_insert(session: Session, entity: str, person_id: int, ids: list[int]) -> None:
    """The entries the flush hook writes, for rows added with a bulk INSERT (no ORM objects,
    so the hook does not see them): one "create" per row."""
    actor: Actor = session.info.get("actor") or Actor(ActorKind.SYSTEM.value)
    now = utcnow()
    if ids:
        mark_clocks_stale(session, {person_id})
        session.execute(
            insert(m.AuditEntry),
            [
                {
                    "person_id": person_id,
                    "at": now,
                    "actor_kind": actor.kind,
                    "actor_name": actor.name,
                    "action": "create",
                    "entity": entity,
                    "entity_id": i,
                    "fields": [],
                }
                for i in ids
            ],
        )


class Store:
    """What every service function takes: the database and the acting person."""

    def __init__(self, db: Database, actor: Actor | None = None) -> None:
        self.db = db
        self.actor = actor or Actor()
        if not getattr(db.sessions, "_bm_hooks", False):
            event.listen(db.sessions, "before_flush", _before_flush)
            event.listen(db.sessions, "after_flush", _after_flush)
            db.sessions._bm_hooks = True  # type: ignore[attr-defined]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.db.session() as session:
            session.info["actor"] = self.actor
            yield session

    def read(self) -> Session:
        """A session for reading only (the caller closes it)."""
        return self.db.sessions()

    @property
    def today(self) -> dt.date:
        return dt.date.today()
