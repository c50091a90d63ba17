"""Termijn extensions, ontzorging and preconditions (DOMAIN.md §3, §10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import (
    Decision,
    OntzorgingKind,
    OntzorgingStep,
    PreconditionKind,
    PreconditionStatus,
)
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class Verlenging(Versioned, Base):
    """An extension of the inburgeringstermijn: requested or ambtshalve, with ground and decision."""

    __tablename__ = "verlenging"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    requested_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Requested on")))
    ambtshalve: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Granted by DUO without a request (ambtshalve)"))
    )
    ground: Mapped[str] = mapped_column(String(300), info=declare(N_("Ground")))
    months: Mapped[int | None] = mapped_column(
        info=declare(N_("Months"), min=1, max=60, bounds=N_("Enter between 1 and 60 months."))
    )  # length granted (or asked)
    new_end_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("New end date in the decision"))
    )  # as stated in DUO's decision, if given
    decision: Mapped[str] = mapped_column(
        coded(), default="aangevraagd", info=declare(N_("Decision"), enum=Decision)
    )
    decision_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Decision date"), not_before=("requested_date", N_("the request date")))
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"),
        info=declare(N_("Evidence (document)"), printed=False),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="verlengingen")
    document: Mapped[Document | None] = relationship()


class OntzorgingItem(Versioned, Base):
    """A fixed cost the gemeente pays from the bijstand, and the voor mij → met mij → door mij step."""

    __tablename__ = "ontzorging_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        coded(20), info=declare(N_("Kind"), form_label=N_("What is paid"), enum=OntzorgingKind)
    )
    payee: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Paid to"))
    )  # landlord, energy company, insurer
    amount: Mapped[float | None] = mapped_column(
        info=declare(N_("Amount a month (euro)"), min=0, bounds=N_("An amount cannot be negative."))
    )
    from_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("From")))
    until_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Until"), not_before=("from_date", N_("the start date")))
    )
    extended: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Extended by the gemeente"))
    )
    step: Mapped[str] = mapped_column(
        coded(12), default="voor_mij", info=declare(N_("Step"), enum=OntzorgingStep)
    )
    step_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Step reached on")))
    status: Mapped[str] = mapped_column(
        coded(12), default="actief", info=declare(N_("Status"), consultant_only=True)
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="ontzorging")


class Precondition(Versioned, Base):
    """Randvoorwaarden: kinderopvang, vervoer, digitale toegang, timetable clashes."""

    __tablename__ = "precondition"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        coded(20), info=declare(N_("Kind"), form_label=N_("What"), enum=PreconditionKind)
    )
    status: Mapped[str] = mapped_column(
        coded(16), default="in_behandeling", info=declare(N_("Status"), enum=PreconditionStatus)
    )
    due_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Due date"), form_label=N_("Needed by"))
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="preconditions")
