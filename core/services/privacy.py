"""Privacy (AVG): the inzage export, deleting a dossier for good, and the audit trail.

* :func:`inzage` gathers everything the app holds about one person (AVG art. 15): the person,
  every record of every section, the documents with their bytes, the export log (what was shared,
  with whom, with whose consent) and the audit trail, as one JSON-serialisable dict.
* :func:`delete_dossier_for_good` removes the dossier, its documents and its trail, then says
  which backup files still hold it (they keep it until they rotate out).
* :func:`audit_trail` answers "who changed what, and when" (field names only, never values).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import delete, inspect, select

from core import models as m
from core import paths
from core.db import Database
from core.errors import StorageError
from core.i18n import N_, _, ngettext
from core.models.base import Base, utcnow
from core.private_files import clean_leftovers_if_free
from core.services.backup import backups_folder, list_backups
from core.services.records import get_person
from core.services.store import Store

log = logging.getLogger(__name__)

INZAGE_FORMAT = "blauwemap-inzage"
INZAGE_VERSION = 1
_OWN_SECTIONS = {"person", "audit_entry", "export_log", "document"}


def _plain(value: Any) -> Any:
    """One column value as JSON: dates as ISO text, bytes as base64, decimals as text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        attr.key: _plain(getattr(obj, attr.key))
        for attr in inspect(obj).mapper.column_attrs
        if attr.key not in skip
    }


def _personal_models() -> list[type]:
    """Every mapped class with a ``person_id`` column: new sections are included by themselves."""
    found = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if "person_id" in mapper.columns and cls.__tablename__ not in _OWN_SECTIONS:
            found.append(cls)
    return sorted(found, key=lambda c: c.__tablename__)


def _trail_row(entry: m.AuditEntry) -> dict[str, Any]:
    return {
        "at": _plain(entry.at),
        "actor_kind": entry.actor_kind,
        "actor_name": entry.actor_name,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "fields": list(entry.fields or []),
        "note": entry.note,
        "db_user": entry.db_user,
    }


def inzage(store: Store, dossier_id: int, *, with_document_contents: bool = True) -> dict[str, Any]:
    """Everything held about one person, for the person to see (JSON-serialisable)."""
    with store.read() as session:
        person = get_person(session, dossier_id)
        records: dict[str, list[dict[str, Any]]] = {}
        provider_ids: set[int] = set()
        for model in _personal_models():
            table: Any = model
            rows = list(
                session.scalars(
                    select(table)
                    .where(table.person_id == dossier_id)
                    .order_by(*table.__mapper__.primary_key)
                )
            )
            if rows:
                records[table.__tablename__] = [_row(r) for r in rows]
            provider_ids.update(
                r.provider_id for r in rows if getattr(r, "provider_id", None) is not None
            )
        documents = []
        for doc in session.scalars(
            select(m.Document).where(m.Document.person_id == dossier_id).order_by(m.Document.id)
        ):
            item = _row(doc, skip=("content",))
            if with_document_contents:
                item["content_base64"] = _plain(doc.content)
            documents.append(item)
        providers = [
            _row(p)
            for p in session.scalars(
                select(m.Provider).where(m.Provider.id.in_(provider_ids)).order_by(m.Provider.id)
            )
        ]
        exports = [
            _row(e)
            for e in session.scalars(
                select(m.ExportLog)
                .where(m.ExportLog.person_id == dossier_id)
                .order_by(m.ExportLog.at, m.ExportLog.id)
            )
        ]
        trail = [
            _trail_row(a)
            for a in session.scalars(
                select(m.AuditEntry)
                .where(m.AuditEntry.person_id == dossier_id)
                .order_by(m.AuditEntry.at, m.AuditEntry.id)
            )
        ]
        result = {
            "format": INZAGE_FORMAT,
            "version": INZAGE_VERSION,
            "generated_at": _plain(utcnow().replace(microsecond=0)) + "Z",
            "about": _(
                "Everything Blauwe Map holds about this person: the personal details, every "
                "record, the documents, what was shared with whom (export log) and who changed "
                "what (audit trail)."
            ),
            "dossier": dossier_id,
            "person": _row(person),
            "records": records,
            "documents": documents,
            "providers": providers,
            "export_log": exports,
            "audit_trail": trail,
        }
    log.info("inzage export of dossier %d prepared", dossier_id)
    return result


# --------------------------------------------------------------------------- audit trail
def audit_trail(
    store: Store,
    dossier_id: int | None = None,
    *,
    since: dt.datetime | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Who changed what and when, oldest first; for one dossier or (``None``) all of them."""
    query = select(m.AuditEntry)
    if dossier_id is not None:
        query = query.where(m.AuditEntry.person_id == dossier_id)
    if since is not None:
        query = query.where(m.AuditEntry.at >= since)
    query = query.order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with store.read() as session:
        rows = [_trail_row(a) for a in session.scalars(query)]
    rows.reverse()
    return rows


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime  # UTC
    who: str  # the database's login on a team server, else the app's actor
    what: str  # translated: "Changed hour entries: hours, date", "Handed over from anna to bert"
    why: str = ""
    times: int = 1  # the same thing done several times in the same minute, shown once


def dossier_history(store: Store, dossier_id: int, *, limit: int = 500) -> list[HistoryLine]:
    """Who did what with one dossier, newest first: the audit trail (field names, never values)
    and the hand-overs with their reason. On a team server "who" is the login the database
    wrote, which no client can forge."""
    from core.domain.registry import KINDS
    from core.labels import label
    from core.models.enums import ActorKind
    from core.models.fields import label_of

    titles: dict[str, tuple[type | None, str]] = {
        k.model.__table__.name: (k.model, k.title)  # type: ignore[attr-defined]
        for k in KINDS.values()
    }
    titles["person"] = (m.Person, N_("personal details"))
    verbs = {
        "create": N_("Added {what}"),
        "update": N_("Changed {what}"),
        "delete": N_("Deleted {what}"),
        "read": N_("Opened the dossier"),
    }
    lines: list[HistoryLine] = []
    with store.read() as session:
        get_person(session, dossier_id)  # NotFoundError when gone or not this login's
        audit = session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.person_id == dossier_id)
            .order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
            .limit(limit)
        )
        for a in audit:
            model, title = titles.get(a.entity, (None, a.entity))
            what = _(title)
            names = [
                (label_of(model, f) if model is not None else None) or f for f in a.fields or []
            ]
            if names:
                what += ": " + ", ".join(_(n) for n in names)
            verb = verbs.get(a.action, "{what}")
            who = a.db_user or a.actor_name or label(ActorKind, a.actor_kind)
            lines.append(HistoryLine(a.at, who, _(verb).format(what=what), a.note or ""))
        for t in session.scalars(select(m.Transfer).where(m.Transfer.person_id == dossier_id)):
            text = _("Handed over from {old} to {new}").format(
                old=t.from_login or "—", new=t.to_login or "—"
            )
            lines.append(HistoryLine(t.at, t.by_login or "—", text, t.reason or ""))
    lines.sort(key=lambda line: line.at, reverse=True)
    merged: list[HistoryLine] = []
    for line in lines:
        last = merged[-1] if merged else None
        if (
            last is not None
            and (last.who, last.what, last.why) == (line.who, line.what, line.why)
            and last.at - line.at < dt.timedelta(minutes=1)
        ):
            merged[-1] = HistoryLine(last.at, last.who, last.what, last.why, last.times + 1)
        else:
            merged.append(line)
    return merged[:limit]


# --------------------------------------------------------------------------- deleting for good
@dataclass(frozen=True)
class DeletionReport:
    dossier_id: int
    uuid: str
    still_in_backups: list[Path] = field(default_factory=list)
    unchecked_backups: list[Path] = field(default_factory=list)  # another passphrase, damaged
    removed_files: list[Path] = field(default_factory=list)  # interrupted exports, copies

    def message(self) -> str:
        parts = [_("The dossier and its documents were deleted for good.")]
        if self.removed_files:
            n = len(self.removed_files)
            parts.append(
                ngettext(
                    "{n} temporary file that could hold personal data was removed.",
                    "{n} temporary files that could hold personal data were removed.",
                    n,
                ).format(n=n)
            )
        if self.still_in_backups:
            n = len(self.still_in_backups)
            parts.append(
                ngettext(
                    "{n} backup still holds it until it rotates out.",
                    "{n} backups still hold it until they rotate out.",
                    n,
                ).format(n=n)
            )
        if self.unchecked_backups:
            n = len(self.unchecked_backups)
            parts.append(
                ngettext(
                    "{n} backup could not be checked (made with another passphrase or damaged).",
                    "{n} backups could not be checked (made with another passphrase or damaged).",
                    n,
                ).format(n=n)
            )
        return " ".join(parts)


def backups_holding(
    db: Database, person_uuid: str, backups_dir: Path
) -> tuple[list[Path], list[Path]]:
    """Which backups hold the dossier with ``person_uuid`` (opened with the database's own
    passphrase), and which could not be opened to tell."""
    holding: list[Path] = []
    unchecked: list[Path] = []
    for info in list_backups(backups_dir):
        try:
            found = Database.contains_row(
                info.path, db.passphrase, "person", "uuid", person_uuid, kdf_iter=db.kdf_iter
            )
        except StorageError:
            unchecked.append(info.path)
            continue
        if found:
            holding.append(info.path)
    return holding, unchecked


def delete_dossier_for_good(
    store: Store, dossier_id: int, backups_dir: Path | None = None
) -> DeletionReport:
    """Delete the dossier with every record, document and trail entry in one transaction, push
    it out of the write-ahead log, and report the backups that still hold it."""
    with store.transaction() as session:
        person = get_person(session, dossier_id)
        person_uuid = person.uuid
        session.delete(person)
        session.flush()
        session.execute(delete(m.AuditEntry).where(m.AuditEntry.person_id == dossier_id))
        # one line remains, without anything about the person: that a dossier was deleted
        session.add(
            m.AuditEntry(
                person_id=None,
                at=utcnow(),
                actor_kind=store.actor.kind,
                actor_name=store.actor.name,
                action="delete",
                entity="person",
                entity_id=dossier_id,
                fields=[],
                note="deleted for good",
            )
        )
    store.db.checkpoint()
    log.info("dossier %d deleted for good", dossier_id)
    if store.db.server is not None:  # the server's own backups (pg_dump) are the beheerder's
        return DeletionReport(dossier_id, person_uuid)
    folder = backups_dir or backups_folder(store.db)
    holding, unchecked = backups_holding(store.db, person_uuid, folder)
    try:  # copies an interrupted export or viewer left behind may hold the person too
        removed = clean_leftovers_if_free(paths.current())
    except RuntimeError:
        removed = []
    return DeletionReport(dossier_id, person_uuid, holding, unchecked, removed)
