"""The first practical steps after housing (start-up checklist): BRP, DigiD, a bank account,
health insurance and the allowances, a huisarts, school, bijstand, energy and water, kwijtschelding.

The first months in a gemeente are an "opstartfase" of practical matters (seed 001 L3898,
L3957); allowances take months to arrive and remission has to be asked of several parties
(seed 004 L1601-1648). Each step has a status, a date, who helps and its evidence; health
insurance carries a clock (core.rules.clocks: ``zorgverzekering_due``, Zvw art. 2 and 5).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import StartItemKind, StartItemStatus
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person


class StartItem(Versioned, Base):
    """One practical step of the start-up checklist."""

    __tablename__ = "start_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(coded(), info=declare(N_("What"), enum=StartItemKind))
    status: Mapped[str] = mapped_column(
        coded(), default="te_doen", info=declare(N_("Status"), enum=StartItemStatus)
    )
    needed_from: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Needed from"),
            help=N_(
                "For health insurance: the day the person had to be insured, usually the day "
                "they left the azc. The insurance must be taken out within four months of it."
            ),
        )
    )
    done_on: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Arranged on"),
            past=N_("This date lies in the future: enter the day it was arranged."),
        )
    )
    helper: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Who helps")))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"),
        info=declare(N_("Evidence (document)"), printed=False),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="start_items")
    document: Mapped[Document | None] = relationship()
