"""Education (with IDW diplomawaardering), work, volunteering, ambitions (DOMAIN.md §5, §11)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, Provenance, coded

if TYPE_CHECKING:
    from core.models.person import Person


class Education(Provenance, Base):
    __tablename__ = "education"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    level: Mapped[str | None] = mapped_column(String(100))  # e.g. "secondary", "bachelor"
    field: Mapped[str | None] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    from_year: Mapped[int | None]
    to_year: Mapped[int | None]
    diploma: Mapped[bool] = mapped_column(default=False)
    idw_status: Mapped[str] = mapped_column(coded(20), default="geen")
    idw_result: Mapped[str | None] = mapped_column(String(200))  # e.g. "hbo-bachelor"
    idw_date: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="education")


class WorkExperience(Provenance, Base):
    __tablename__ = "work_experience"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    from_date: Mapped[dt.date | None]
    until_date: Mapped[dt.date | None]
    volunteering: Mapped[bool] = mapped_column(default=False)
    hours_per_week: Mapped[float | None]
    dutch_speaking: Mapped[bool | None]  # placements without Dutch spoken (seed 001 L4550)
    description: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="work")


class Ambition(Base):
    __tablename__ = "ambition"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    term: Mapped[str | None] = mapped_column(coded(12))  # kort / middellang / lang
    noted_on: Mapped[dt.date | None]
    person: Mapped[Person] = relationship(back_populates="ambitions")
