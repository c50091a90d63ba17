"""Education (with IDW diplomawaardering), work, volunteering, ambitions (DOMAIN.md §5, §11)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Provenance, Versioned, coded
from core.models.enums import AfspraakTerm, IdwStatus
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person


class Education(Provenance, Versioned, Base):
    __tablename__ = "education"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    level: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Level of education"))
    )  # e.g. "secondary", "bachelor"
    field: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Subject")))
    institution: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("School or university"))
    )
    country: Mapped[str | None] = mapped_column(String(100), info=declare(N_("Country")))
    from_year: Mapped[int | None] = mapped_column(info=declare(N_("From (year)")))
    to_year: Mapped[int | None] = mapped_column(info=declare(N_("Until (year)")))
    diploma: Mapped[bool] = mapped_column(default=False, info=declare(N_("Diploma")))
    idw_status: Mapped[str] = mapped_column(
        coded(20), default="geen", info=declare(N_("Diploma valuation (IDW)"), enum=IdwStatus)
    )
    idw_result: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("IDW result"))
    )  # e.g. "hbo-bachelor"
    idw_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("IDW date")))
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="education")


class WorkExperience(Provenance, Versioned, Base):
    __tablename__ = "work_experience"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(200), info=declare(N_("Job or task")))
    employer: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Employer or organisation"))
    )
    country: Mapped[str | None] = mapped_column(String(100), info=declare(N_("Country")))
    from_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("From")))
    until_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Until"), not_before=("from_date", N_("the start date")))
    )
    volunteering: Mapped[bool] = mapped_column(default=False, info=declare(N_("Volunteer work")))
    hours_per_week: Mapped[float | None] = mapped_column(
        info=declare(
            N_("Hours a week"), min=0, max=80, bounds=N_("Enter between 0 and 80 hours a week.")
        )
    )
    dutch_speaking: Mapped[bool | None] = mapped_column(
        info=declare(N_("Dutch spoken at work"))
    )  # placements without Dutch spoken (seed 001 L4550)
    description: Mapped[str | None] = mapped_column(Text, info=declare(N_("Description")))
    person: Mapped[Person] = relationship(back_populates="work")


class Ambition(Versioned, Base):
    __tablename__ = "ambition"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, info=declare(N_("Ambition")))
    term: Mapped[str | None] = mapped_column(
        coded(12), info=declare(N_("Term"), enum=AfspraakTerm)
    )  # kort / middellang / lang
    noted_on: Mapped[dt.date | None] = mapped_column(info=declare(N_("Noted on")))
    person: Mapped[Person] = relationship(back_populates="ambitions")
