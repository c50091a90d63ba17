"""The azc phase and the blauwe map / PID (DOMAIN.md §3, §11; seed 000 L686-765)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, Provenance, coded

if TYPE_CHECKING:
    from core.models.person import Person


class AzcPhase(Provenance, Base):
    """Key dates from permit to settling; the PIP clock starts at one of them (DOMAIN.md §3)."""

    __tablename__ = "azc_phase"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    vergunning_date: Mapped[dt.date | None]
    koppeling_date: Mapped[dt.date | None]
    koppeling_gemeente: Mapped[str | None] = mapped_column(String(100))
    first_coa_gesprek_date: Mapped[dt.date | None]
    blauwe_map_received: Mapped[bool] = mapped_column(default=False)
    huisvesting_date: Mapped[dt.date | None]  # keys to the home
    vestiging_date: Mapped[dt.date | None]  # settling in the gemeente
    brp_inschrijving_date: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="azc")


class CoaLocation(Base):
    """COA location history: 1 in 4 move again after status (seed 000 L1695-1703)."""

    __tablename__ = "coa_location"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str | None] = mapped_column(coded(20))  # azc / noodopvang / pvl
    from_date: Mapped[dt.date | None]
    until_date: Mapped[dt.date | None]
    move_reason: Mapped[str | None] = mapped_column(String(300))
    person: Mapped[Person] = relationship(back_populates="coa_locations")


class Voorinburgering(Provenance, Base):
    """COA Voorinburgering: 115 h NT2, 15 h KNM incl. IntroPVT, 15 h IntroMAP, ~11 h begeleiding."""

    __tablename__ = "voorinburgering"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    toestemming: Mapped[str] = mapped_column(coded(10), default="onbekend")
    toestemming_date: Mapped[dt.date | None]
    wachtlijst: Mapped[bool] = mapped_column(default=False)
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    nt2_hours: Mapped[float] = mapped_column(default=0.0)
    knm_hours: Mapped[float] = mapped_column(default=0.0)
    intromap_hours: Mapped[float] = mapped_column(default=0.0)
    begeleiding_hours: Mapped[float] = mapped_column(default=0.0)
    placement_test: Mapped[str | None] = mapped_column(coded(20))  # nt2-toets / alfa-toets
    class_group: Mapped[str | None] = mapped_column(coded(20))  # analfabeet / middel / hoog
    level_reached: Mapped[str | None] = mapped_column(coded(6))
    stopped_early: Mapped[bool] = mapped_column(default=False)
    stop_reason: Mapped[str | None] = mapped_column(String(300))
    overdracht_date: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="voorinburgering")


class Training(Base):
    """Trainings and voorlichtingen followed, as noted in the blauwe map."""

    __tablename__ = "training"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(coded(20), default="training")  # training / voorlichting
    provider: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[dt.date | None]
    certificate: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="trainings")


class Skill(Base):
    __tablename__ = "skill"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(100))
    evidence: Mapped[str | None] = mapped_column(String(300))
    person: Mapped[Person] = relationship(back_populates="skills")
