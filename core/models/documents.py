"""Documents and evidence (stored in the database, with hash), export log, audit trail."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded, utcnow
from core.models.enums import DocumentKind
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person


class Document(Versioned, Base):
    """A file kept as evidence: hours were lost when schools closed (seed 003 L1524-1537)."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), info=declare(N_("Title")))
    kind: Mapped[str] = mapped_column(
        coded(20),
        default="other",
        info=declare(N_("Kind"), form_label=N_("Kind of document"), enum=DocumentKind),
    )
    filename: Mapped[str] = mapped_column(String(255), info=declare(N_("File name"), in_form=False))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(info=declare(N_("Size"), in_form=False))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    document_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Date on the document")))
    added_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, info=declare(N_("Added"), in_form=False)
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="documents")


class ExportLog(Base):
    """What was shared, with whom, when and with whose consent (DOMAIN.md §11, AVG)."""

    __tablename__ = "export_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(coded(20), info=declare(N_("Kind")))
    sections: Mapped[list] = mapped_column(default=list)
    recipient: Mapped[str | None] = mapped_column(String(200))
    consent_by: Mapped[str | None] = mapped_column(String(200))
    sha256: Mapped[str | None] = mapped_column(String(64))
    # The referral this export was made for (core.models.referrals): the consent it was made on.
    referral_id: Mapped[int | None] = mapped_column(
        ForeignKey("referral.id", ondelete="SET NULL"), index=True
    )
    person: Mapped[Person] = relationship(back_populates="exports")


class AuditEntry(Base):
    """Who changed what and when. Holds field names, never values (no personal data)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_person_at", "person_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[
        int | None
    ]  # no FK: the trail outlives nothing, it is purged with the dossier
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_kind: Mapped[str] = mapped_column(coded(12))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(coded(10))  # create / update / delete
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    fields: Mapped[list] = mapped_column(default=list)
    note: Mapped[str | None] = mapped_column(Text)
    db_user: Mapped[str | None] = mapped_column(String(63))  # set by a team server, not the app
