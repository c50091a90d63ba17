"""Hours ledgers and providers (DOMAIN.md §8)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, coded

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class Provider(Base):
    """A school or organisation; hours count only while it held a Blik op Werk keurmerk."""

    __tablename__ = "provider"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    city: Mapped[str | None] = mapped_column(String(100))
    keurmerk: Mapped[str] = mapped_column(coded(12), default="geen")
    keurmerk_from: Mapped[dt.date | None]
    keurmerk_until: Mapped[dt.date | None]
    taalschakel_erkend: Mapped[bool] = mapped_column(default=False)  # TST, onderwijsroute
    closed_on: Mapped[dt.date | None]


class HourEntry(Base):
    __tablename__ = "hour_entry"
    __table_args__ = (Index("ix_hour_entry_person_date", "person_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    hours: Mapped[float]
    category: Mapped[str] = mapped_column(coded(40))
    attendance: Mapped[str] = mapped_column(coded(24), default="aanwezig")
    absence_reason: Mapped[str | None] = mapped_column(String(300))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id", ondelete="SET NULL"))
    description: Mapped[str | None] = mapped_column(Text)
    dutch_speaking: Mapped[bool | None]
    source: Mapped[str] = mapped_column(coded(12), default="self")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    person: Mapped[Person] = relationship(back_populates="hours")
    provider: Mapped[Provider | None] = relationship()
    document: Mapped[Document | None] = relationship()
