"""Hours ledgers and providers (DOMAIN.md §8)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import Attendance, HourCategory, Keurmerk, RecordSource
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class Provider(Base):
    """A school or organisation; hours count only while it held a Blik op Werk keurmerk."""

    __tablename__ = "provider"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, info=declare(N_("Name")))
    city: Mapped[str | None] = mapped_column(String(100), info=declare(N_("City")))
    keurmerk: Mapped[str] = mapped_column(
        coded(12), default="geen", info=declare(N_("Blik op Werk quality mark"), enum=Keurmerk)
    )
    keurmerk_from: Mapped[dt.date | None] = mapped_column(info=declare(N_("Quality mark from")))
    keurmerk_until: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Quality mark until"), not_before=("keurmerk_from", N_("the start date")))
    )
    taalschakel_erkend: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Recognised for the taalschakeltraject"))
    )  # TST, onderwijsroute
    closed_on: Mapped[dt.date | None] = mapped_column(info=declare(N_("Closed on")))


class HourEntry(Versioned, Base):
    __tablename__ = "hour_entry"
    __table_args__ = (Index("ix_hour_entry_person_date", "person_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(info=declare(N_("Date")))
    hours: Mapped[float] = mapped_column(
        info=declare(
            N_("Hours"), above=0, max=24, bounds=N_("Enter between 0 and 24 hours for one day.")
        )
    )
    category: Mapped[str] = mapped_column(
        coded(40),
        info=declare(
            N_("Category"), form_label=N_("Kind of hours"), enum=HourCategory, json="soortUren"
        ),
    )
    attendance: Mapped[str] = mapped_column(
        coded(24), default="aanwezig", info=declare(N_("Attendance"), enum=Attendance)
    )
    absence_reason: Mapped[str | None] = mapped_column(
        String(300), info=declare(N_("Reason for absence"))
    )
    provider_id: Mapped[int | None] = mapped_column(
        ForeignKey("provider.id", ondelete="SET NULL"),
        info=declare(N_("School or provider"), printed=False),
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"),
        info=declare(N_("Evidence (document)"), printed=False),
    )
    dutch_speaking: Mapped[bool | None] = mapped_column(info=declare(N_("Dutch spoken")))
    source: Mapped[str] = mapped_column(
        coded(12),
        default="self",
        info=declare(
            N_("Source"),
            form_label=N_("Recorded by"),
            enum=RecordSource,
            consultant_only=True,
            printed=False,
        ),
    )
    description: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Description"), form_label=N_("What was done"))
    )
    person: Mapped[Person] = relationship(back_populates="hours")
    provider: Mapped[Provider | None] = relationship()
    document: Mapped[Document | None] = relationship()
