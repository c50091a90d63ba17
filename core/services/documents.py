"""Documents and evidence: the file's bytes live in the (encrypted) database, with a SHA-256."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core import models as m
from core.domain.validation import MAX_DOCUMENT_BYTES, clean
from core.errors import NotFoundError, StorageError, ValidationError
from core.i18n import _
from core.rules.text import clean_text
from core.services.records import changed_since, deleted_since, get_person
from core.services.store import Store

ALLOWED_TYPES = {
    "application/pdf": (b"%PDF",),
    "image/png": (b"\x89PNG",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "text/plain": (),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK",),
    "application/msword": (b"\xd0\xcf\x11\xe0",),
}


def _sniff(name: str, data: bytes) -> str:
    guessed = mimetypes.guess_type(name)[0] or ""
    if guessed not in ALLOWED_TYPES:
        raise ValidationError(
            _("This kind of file cannot be attached. Use PDF, PNG, JPEG, Word or plain text."),
            field="file",
        )
    magic = ALLOWED_TYPES[guessed]
    if magic and not any(data.startswith(sig) for sig in magic):
        raise ValidationError(_("The file's contents do not match its name."), field="file")
    if guessed == "text/plain":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(_("This text file is not readable text."), field="file") from None
    return guessed


def read_file_checked(path: str | Path) -> tuple[str, bytes]:
    file = Path(path)
    if not file.is_file():
        raise ValidationError(_("There is no file at this place."), field="file")
    try:
        size = file.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise ValidationError(
                _("This file is too large: at most {mb} MB.").format(
                    mb=MAX_DOCUMENT_BYTES // 2**20
                ),
                field="file",
            )
        return file.name, file.read_bytes()
    except OSError:
        raise StorageError(_("The file could not be read.")) from None


def attach_document(
    store: Store, dossier_id: int, filename: str, data: bytes, values: dict[str, Any] | None = None
) -> int:
    if len(data) == 0:
        raise ValidationError(_("This file is empty."), field="file")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is too large: at most {mb} MB.").format(mb=MAX_DOCUMENT_BYTES // 2**20),
            field="file",
        )
    try:
        safe_name = clean_text(Path(filename).name, multiline=False)[:255]
    except ValueError as exc:
        raise ValidationError(str(exc), field="file") from None
    mime = _sniff(safe_name, data)
    meta = clean(m.Document, {"title": safe_name, **(values or {})})
    with store.transaction() as session:
        get_person(session, dossier_id)
        doc = m.Document(
            person_id=dossier_id,
            filename=safe_name,
            mime_type=mime,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content=data,
            **meta,
        )
        session.add(doc)
        session.flush()
        return int(doc.id)


def attach_file(
    store: Store, dossier_id: int, path: str | Path, values: dict[str, Any] | None = None
) -> int:
    name, data = read_file_checked(path)
    return attach_document(store, dossier_id, name, data, values)


def document_content(store: Store, document_id: int) -> tuple[m.Document, bytes]:
    with store.read() as session:
        doc = session.get(m.Document, document_id)
        if doc is None:
            raise NotFoundError(_("This document does not exist (any more)."))
        data = doc.content
        if not data and doc.size:
            raise NotFoundError(
                _("The file itself was not shared with this dossier; only its description was.")
            )
        if hashlib.sha256(data).hexdigest() != doc.sha256:
            raise StorageError(_("This document is damaged: its checksum does not match."))
        session.expunge(doc)
        return doc, data


def update_document(
    store: Store, document_id: int, values: dict[str, Any], *, base_version: int | None = None
) -> None:
    """Change what is known about a document (title, kind, date, notes); never its bytes.
    ``base_version``: the version shown when the values were typed (``records.changed_since``)."""
    with store.transaction() as session:
        doc = session.get(m.Document, document_id)
        if doc is None:
            raise NotFoundError(_("This document does not exist (any more)."))
        allowed = {
            k: v for k, v in values.items() if k in ("title", "kind", "document_date", "notes")
        }
        cleaned = clean(m.Document, allowed)
        changed_since(doc, base_version, cleaned)
        for key, value in cleaned.items():
            setattr(doc, key, value)


# The records that can cite a document as evidence (their ``document_id`` is SET NULL with it).
EVIDENCE_MODELS: tuple[type, ...] = (m.HourEntry, m.ExamAttempt, m.Verlenging)


@dataclass(frozen=True)
class DeletedDocument:
    """Everything a deleted document was, so an undo brings back the file and its links."""

    dossier_id: int
    filename: str
    content: bytes
    meta: dict[str, Any]
    links: dict[str, tuple[int, ...]] = field(default_factory=dict)  # table → record ids


def delete_document(
    store: Store, document_id: int, *, base_version: int | None = None
) -> DeletedDocument:
    """Remove a document; returns what it was (with the records that cited it) for undo.
    Links from hours, exams and verlengingen are cleared by the database (SET NULL).
    ``base_version``: the version shown; a document changed since stays (ConflictError)."""
    with store.transaction() as session:
        doc = session.get(m.Document, document_id)
        if doc is None:
            raise NotFoundError(_("This document does not exist (any more)."))
        deleted_since(doc, base_version)
        meta = {
            "title": doc.title,
            "kind": doc.kind,
            "document_date": doc.document_date,
            "notes": doc.notes,
        }
        links: dict[str, tuple[int, ...]] = {}
        for model in EVIDENCE_MODELS:
            table: Any = model
            ids = tuple(
                session.scalars(
                    select(table.id).where(table.document_id == document_id).order_by(table.id)
                )
            )
            if ids:
                links[table.__tablename__] = ids
        deleted = DeletedDocument(int(doc.person_id), doc.filename, doc.content, meta, links)
        session.delete(doc)
        return deleted


def restore_document(store: Store, deleted: DeletedDocument) -> int:
    """Undo :func:`delete_document`: the file comes back as a new document and every record
    that cited it, and still exists without other evidence, cites it again. Returns its id."""
    new_id = attach_document(
        store, deleted.dossier_id, deleted.filename, deleted.content, deleted.meta
    )
    if deleted.links:
        with store.transaction() as session:
            for model in EVIDENCE_MODELS:
                table: Any = model
                ids = deleted.links.get(table.__tablename__, ())
                for record in session.scalars(
                    select(table).where(table.id.in_(ids), table.document_id.is_(None))
                ):
                    if record.person_id == deleted.dossier_id:
                        record.document_id = new_id
    return new_id
