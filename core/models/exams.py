"""Exam attempts (DOMAIN.md §7): one row per attempt, with DUO's result codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, coded

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class ExamAttempt(Base):
    __tablename__ = "exam_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    onderdeel: Mapped[str] = mapped_column(coded(4))
    niveau: Mapped[str | None] = mapped_column(coded(6))
    exam_type: Mapped[str] = mapped_column(coded(20), default="inburgering")  # / staatsexamen
    planned_date: Mapped[dt.date | None]  # examendatum
    registration_date: Mapped[dt.date | None]
    registered_by: Mapped[str | None] = mapped_column(coded(20))  # self / school / gemeente
    location: Mapped[str | None] = mapped_column(String(200))
    resultaat: Mapped[str | None] = mapped_column(coded(10))  # None = no result yet
    reden_geen_resultaat: Mapped[str | None] = mapped_column(coded(20))
    result_date: Mapped[dt.date | None]
    attempt_no: Mapped[int] = mapped_column(default=1)
    free_attempt: Mapped[bool] = mapped_column(default=True)
    fee: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    gratis_pogingen_tegoed: Mapped[int | None]  # as reported by DUO, if known
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="exams")
    document: Mapped[Document | None] = relationship()
