"""The azc phase and the blauwe map / PID (DOMAIN.md §3, §11; seed 000 L686-765)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Provenance, Versioned, coded
from core.models.enums import Niveau, Toestemming
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person


class AzcPhase(Provenance, Versioned, Base):
    """Key dates from permit to settling; the PIP clock starts at one of them (DOMAIN.md §3)."""

    __tablename__ = "azc_phase"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    vergunning_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Residence permit granted on"))
    )
    koppeling_date: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Linked to a gemeente on (koppeling)"),
            not_before=("vergunning_date", N_("the permit date")),
        )
    )
    koppeling_gemeente: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Linked to gemeente"))
    )
    first_coa_gesprek_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("First COA conversation on"))
    )
    blauwe_map_received: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Blauwe map received"))
    )
    huisvesting_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Keys to the home on (huisvesting)"))
    )  # keys to the home
    vestiging_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Settled in the gemeente on (vestiging)"))
    )  # settling in the gemeente
    brp_inschrijving_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Registered in the BRP on"))
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes"), consultant_only=True))
    person: Mapped[Person] = relationship(back_populates="azc")


class CoaLocation(Versioned, Base):
    """COA location history: 1 in 4 move again after status (seed 000 L1695-1703)."""

    __tablename__ = "coa_location"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), info=declare(N_("Location")))
    place: Mapped[str | None] = mapped_column(String(100), info=declare(N_("Place")))
    kind: Mapped[str | None] = mapped_column(
        coded(20), info=declare(N_("Kind"), form_label=N_("Kind (azc, noodopvang…)"))
    )  # azc / noodopvang / pvl
    from_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("From")))
    until_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Until"), not_before=("from_date", N_("the start date")))
    )
    move_reason: Mapped[str | None] = mapped_column(
        String(300), info=declare(N_("Reason for moving"))
    )
    person: Mapped[Person] = relationship(back_populates="coa_locations")


class Voorinburgering(Provenance, Versioned, Base):
    """COA Voorinburgering: 115 h NT2, 15 h KNM incl. IntroPVT, 15 h IntroMAP, ~11 h begeleiding."""

    __tablename__ = "voorinburgering"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    toestemming: Mapped[str] = mapped_column(
        coded(10), default="onbekend", info=declare(N_("Permission to take part"), enum=Toestemming)
    )
    toestemming_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Permission given on"))
    )
    wachtlijst: Mapped[bool] = mapped_column(default=False, info=declare(N_("On the waiting list")))
    start_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Started on")))
    end_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Ended on"), not_before=("start_date", N_("the start date")))
    )
    level_reached: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Dutch level reached"), enum=Niveau)
    )
    nt2_hours: Mapped[float] = mapped_column(
        default=0.0,
        info=declare(
            N_("Hours of Dutch (NT2)"),
            min=0,
            max=2000,
            bounds=N_("Enter a number of hours between 0 and 2000."),
        ),
    )
    knm_hours: Mapped[float] = mapped_column(
        default=0.0,
        info=declare(
            N_("Hours of KNM and IntroPVT"),
            min=0,
            max=2000,
            bounds=N_("Enter a number of hours between 0 and 2000."),
        ),
    )
    intromap_hours: Mapped[float] = mapped_column(
        default=0.0,
        info=declare(
            N_("Hours of IntroMAP"),
            min=0,
            max=2000,
            bounds=N_("Enter a number of hours between 0 and 2000."),
        ),
    )
    begeleiding_hours: Mapped[float] = mapped_column(
        default=0.0,
        info=declare(
            N_("Hours of guidance"),
            min=0,
            max=2000,
            bounds=N_("Enter a number of hours between 0 and 2000."),
        ),
    )
    placement_test: Mapped[str | None] = mapped_column(
        coded(20), info=declare(N_("Placement test"), consultant_only=True)
    )  # nt2-toets / alfa-toets
    class_group: Mapped[str | None] = mapped_column(
        coded(20), info=declare(N_("Class group"), consultant_only=True)
    )  # analfabeet / middel / hoog
    stopped_early: Mapped[bool] = mapped_column(default=False, info=declare(N_("Stopped early")))
    stop_reason: Mapped[str | None] = mapped_column(
        String(300), info=declare(N_("Reason for stopping"))
    )
    overdracht_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Handed over to the gemeente on"), consultant_only=True)
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes"), consultant_only=True))
    person: Mapped[Person] = relationship(back_populates="voorinburgering")


class Training(Versioned, Base):
    """Trainings and voorlichtingen followed, as noted in the blauwe map."""

    __tablename__ = "training"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), info=declare(N_("Title")))
    kind: Mapped[str] = mapped_column(
        coded(20),
        default="training",
        info=declare(N_("Kind"), form_label=N_("Training or information session")),
    )  # training / voorlichting
    provider: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Given by")))
    date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Date")))
    certificate: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Certificate received"))
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="trainings")


class Skill(Versioned, Base):
    __tablename__ = "skill"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), info=declare(N_("Skill")))
    level: Mapped[str | None] = mapped_column(String(100), info=declare(N_("Level")))
    evidence: Mapped[str | None] = mapped_column(String(300), info=declare(N_("Shown by")))
    person: Mapped[Person] = relationship(back_populates="skills")
