"""Brede intake topics and the leerbaarheidstoets (DOMAIN.md §5)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Timestamps, Versioned, coded
from core.models.enums import InfoSource, IntakeStatus, LbtResultaat
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person


class IntakeTopic(Timestamps, Versioned, Base):
    """One brede-intake topic: status, notes, answers, where the information came from and when."""

    __tablename__ = "intake_topic"
    __table_args__ = (UniqueConstraint("person_id", "topic"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(coded(40))
    status: Mapped[str] = mapped_column(
        coded(10), default="unknown", info=declare(N_("Status"), enum=IntakeStatus)
    )
    answers: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("In the person's own words"))
    )  # the person's own words
    notes: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Notes"), consultant_only=True)
    )  # the consultant's notes
    source: Mapped[str | None] = mapped_column(
        coded(20),
        info=declare(
            N_("Source"),
            form_label=N_("Where the information comes from"),
            enum=InfoSource,
            consultant_only=True,
            printed=False,
        ),
    )
    source_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Date of the information"), consultant_only=True, printed=False)
    )
    author: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Written by"), consultant_only=True, printed=False)
    )
    sensitive: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Sensitive (kept out of exports)"), consultant_only=True)
    )
    share_consent: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("The person agrees to share this"))
    )
    needs_attention: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Needs attention"), consultant_only=True)
    )
    person: Mapped[Person] = relationship(back_populates="intake_topics")


class Leerbaarheidstoets(Versioned, Base):
    """DUO learnability test: resultaat, behaaldeScore, benodigdeScore, datumAfname."""

    __tablename__ = "leerbaarheidstoets"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    datum_afname: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Date taken"), json="datumAfname")
    )
    behaalde_score: Mapped[int | None] = mapped_column(
        info=declare(
            N_("Score reached"),
            json="behaaldeScore",
            min=0,
            bounds=N_("This number cannot be negative."),
        )
    )
    benodigde_score: Mapped[int | None] = mapped_column(
        info=declare(
            N_("Score needed"),
            json="benodigdeScore",
            min=0,
            bounds=N_("This number cannot be negative."),
        )
    )
    resultaat: Mapped[str] = mapped_column(
        coded(30), default="Onbekend", info=declare(N_("Result"), enum=LbtResultaat)
    )
    with_interpreter: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("With an interpreter"))
    )
    language: Mapped[str | None] = mapped_column(
        coded(10), info=declare(N_("Language of the test"))
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="lbt")
