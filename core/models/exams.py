"""Exam attempts (DOMAIN.md §7): one row per attempt, with DUO's result codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import (
    ExamRegisteredBy,
    ExamResultaat,
    ExamType,
    Niveau,
    Onderdeel,
    RedenGeenResultaat,
)
from core.models.fields import TRIBOOL, declare

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class ExamAttempt(Versioned, Base):
    __tablename__ = "exam_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    onderdeel: Mapped[str] = mapped_column(
        coded(4), info=declare(N_("Component"), form_label=N_("Exam part"), enum=Onderdeel)
    )
    niveau: Mapped[str | None] = mapped_column(coded(6), info=declare(N_("Level"), enum=Niveau))
    planned_date: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Exam date"),
            json="examendatum",
            not_before=("registration_date", N_("the registration date")),
        )
    )  # examendatum
    registration_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Registered on")))
    location: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Place of the exam")))
    registered_by: Mapped[str | None] = mapped_column(
        coded(20), info=declare(N_("Registered by"), enum=ExamRegisteredBy, consultant_only=True)
    )  # self / school / gemeente
    exam_type: Mapped[str] = mapped_column(
        coded(20),
        default="inburgering",
        info=declare(N_("Kind of exam"), enum=ExamType, consultant_only=True),
    )  # / staatsexamen
    resultaat: Mapped[str | None] = mapped_column(
        coded(10), info=declare(N_("Result"), enum=ExamResultaat)
    )  # None = no result yet
    reden_geen_resultaat: Mapped[str | None] = mapped_column(
        coded(20),
        info=declare(
            N_("Why there is no result"), enum=RedenGeenResultaat, json="redenGeenResultaat"
        ),
    )
    result_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Result on"), not_before=("planned_date", N_("the exam date")))
    )
    attempt_no: Mapped[int] = mapped_column(
        default=1,
        info=declare(
            N_("Attempt number"),
            help=N_("Left empty, it is counted for you."),
            min=1,
            max=50,
            bounds=N_("Enter an attempt number between 1 and 50."),
        ),
    )
    free_attempt: Mapped[bool] = mapped_column(
        default=True,
        info=declare(
            N_("Free attempt"), help=N_("Left unknown, it is worked out for you."), widget=TRIBOOL
        ),
    )
    fee: Mapped[Decimal | None] = mapped_column(
        Numeric(8, 2),
        info=declare(
            N_("Fee (euro)"),
            consultant_only=True,
            min=0,
            bounds=N_("An amount cannot be negative."),
        ),
    )
    gratis_pogingen_tegoed: Mapped[int | None] = mapped_column(
        info=declare(
            N_("Free attempts left according to DUO"),
            consultant_only=True,
            json="gratisPogingenTegoed",
        )
    )  # as reported by DUO, if known
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"),
        info=declare(N_("Result letter (document)"), printed=False),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="exams")
    document: Mapped[Document | None] = relationship()
