"""Decisions (beschikkingen), objection and appeal, and fines: handhaving and legal protection.

A decision of the gemeente or DUO (a PIP, a refused verlenging, an ontheffing, a fine) can be
objected to (bezwaar) within six weeks of its notice, and the decision on the objection appealed
(beroep) within six weeks (Awb art. 6:7, 6:8; core.rules.clocks: the ``bezwaar`` and ``beroep``
clocks). A fine keeps its amount, ground, payment arrangement and outcome.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import BesluitSoort, Bestuursorgaan, BezwaarUitkomst, BoeteGrond, BoeteStatus
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.documents import Document
    from core.models.person import Person

_NOT_FUTURE = N_("This date lies in the future: enter the date on the letter or when it arrived.")


class Besluit(Versioned, Base):
    """One beschikking and what followed it: bezwaar, the decision on it, beroep; for a fine, its
    amount, ground and outcome."""

    __tablename__ = "besluit"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        coded(), info=declare(N_("What was decided"), enum=BesluitSoort)
    )
    authority: Mapped[str] = mapped_column(
        coded(12), default="gemeente", info=declare(N_("Decided by"), enum=Bestuursorgaan)
    )
    subject: Mapped[str] = mapped_column(
        String(300),
        info=declare(
            N_("About"),
            help=N_("A few words the person recognises, such as: fine for missed lessons."),
        ),
    )
    decision_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Date on the decision (dagtekening)"), past=_NOT_FUTURE)
    )
    notice_date: Mapped[dt.date] = mapped_column(
        info=declare(
            N_("Received or made known on"),
            help=N_("The six weeks for an objection count from the day after this date."),
            past=_NOT_FUTURE,
            not_before=("decision_date", N_("the date on the decision")),
        )
    )
    bezwaar_date: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Objection (bezwaar) sent on"),
            past=_NOT_FUTURE,
            not_before=("notice_date", N_("the day the decision was received")),
        )
    )
    bezwaar_decision_date: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Decision on the objection received on"),
            past=_NOT_FUTURE,
            not_before=("bezwaar_date", N_("the day the objection was sent")),
        )
    )
    bezwaar_outcome: Mapped[str | None] = mapped_column(
        coded(), info=declare(N_("Outcome of the objection"), enum=BezwaarUitkomst)
    )
    beroep_date: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Appeal (beroep) to the court sent on"),
            past=_NOT_FUTURE,
            not_before=("bezwaar_decision_date", N_("the decision on the objection")),
        )
    )
    amount: Mapped[Decimal | None] = mapped_column(
        Numeric(8, 2),
        info=declare(
            N_("Fine (euro)"),
            min=0,
            max=100_000,
            bounds=N_("Enter an amount between 0 and 100,000 euro."),
        ),
    )
    fine_ground: Mapped[str | None] = mapped_column(
        coded(), info=declare(N_("Ground for the fine"), enum=BoeteGrond)
    )
    payment_arrangement: Mapped[str | None] = mapped_column(
        String(300), info=declare(N_("Payment arrangement"))
    )
    fine_status: Mapped[str | None] = mapped_column(
        coded(), info=declare(N_("What happened to the fine"), enum=BoeteStatus)
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"),
        info=declare(N_("Evidence (document)"), printed=False),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="besluiten")
    document: Mapped[Document | None] = relationship()
