"""Brede intake topics and the leerbaarheidstoets (DOMAIN.md §5)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, Timestamps, coded

if TYPE_CHECKING:
    from core.models.person import Person


class IntakeTopic(Timestamps, Base):
    """One brede-intake topic: status, notes, answers, where the information came from and when."""

    __tablename__ = "intake_topic"
    __table_args__ = (UniqueConstraint("person_id", "topic"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(coded(40))
    status: Mapped[str] = mapped_column(coded(10), default="unknown")
    answers: Mapped[str | None] = mapped_column(Text)  # the person's own words
    notes: Mapped[str | None] = mapped_column(Text)  # the consultant's notes
    source: Mapped[str | None] = mapped_column(coded(20))
    source_date: Mapped[dt.date | None]
    author: Mapped[str | None] = mapped_column(String(200))
    sensitive: Mapped[bool] = mapped_column(default=False)
    share_consent: Mapped[bool] = mapped_column(default=False)
    needs_attention: Mapped[bool] = mapped_column(default=False)
    person: Mapped[Person] = relationship(back_populates="intake_topics")


class Leerbaarheidstoets(Base):
    """DUO learnability test: resultaat, behaaldeScore, benodigdeScore, datumAfname."""

    __tablename__ = "leerbaarheidstoets"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    datum_afname: Mapped[dt.date | None]
    behaalde_score: Mapped[int | None]
    benodigde_score: Mapped[int | None]
    resultaat: Mapped[str] = mapped_column(coded(30), default="Onbekend")
    with_interpreter: Mapped[bool] = mapped_column(default=False)
    language: Mapped[str | None] = mapped_column(coded(10))
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="lbt")
