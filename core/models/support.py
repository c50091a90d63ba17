"""Termijn extensions, ontzorging and preconditions (DOMAIN.md §3, §10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, coded

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class Verlenging(Base):
    """An extension of the inburgeringstermijn: requested or ambtshalve, with ground and decision."""

    __tablename__ = "verlenging"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    requested_date: Mapped[dt.date | None]
    ambtshalve: Mapped[bool] = mapped_column(default=False)
    ground: Mapped[str] = mapped_column(String(300))
    months: Mapped[int | None]  # length granted (or asked)
    new_end_date: Mapped[dt.date | None]  # as stated in DUO's decision, if given
    decision: Mapped[str] = mapped_column(coded(), default="aangevraagd")
    decision_date: Mapped[dt.date | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="verlengingen")
    document: Mapped[Document | None] = relationship()


class OntzorgingItem(Base):
    """A fixed cost the gemeente pays from the bijstand, and the voor mij → met mij → door mij step."""

    __tablename__ = "ontzorging_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(coded(20))
    payee: Mapped[str | None] = mapped_column(String(200))  # landlord, energy company, insurer
    amount: Mapped[float | None]
    from_date: Mapped[dt.date | None]
    until_date: Mapped[dt.date | None]
    extended: Mapped[bool] = mapped_column(default=False)
    step: Mapped[str] = mapped_column(coded(12), default="voor_mij")
    step_date: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(coded(12), default="actief")
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="ontzorging")


class Precondition(Base):
    """Randvoorwaarden: kinderopvang, vervoer, digitale toegang, timetable clashes."""

    __tablename__ = "precondition"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(coded(20))
    status: Mapped[str] = mapped_column(coded(16), default="in_behandeling")
    due_date: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="preconditions")
