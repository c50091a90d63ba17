"""The PIP: immutable beschikking versions plus the dynamic ontwikkelplan (DOMAIN.md §6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Timestamps, Versioned, coded, utcnow
from core.models.enums import (
    AfspraakOwner,
    AfspraakStatus,
    AfspraakTerm,
    Alfabetisering,
    Leerroute,
    Niveau,
)
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person

# Fields of a beschikking; only a new version may change them (compared in the version diff).
PIP_FIELDS = (
    "dagtekening",
    "leerroute",
    "niveau",
    "niveau_le",
    "niveau_lu",
    "niveau_sc",
    "niveau_sp",
    "geschatte_intensiteit",
    "intensiteit",
    "map_invulling",
    "map_omitted",
    "pvt_invulling",
    "knm_invulling",
    "begeleiding",
    "voortgangsgesprekken",
    "ontzorging",
    "kinderopvang",
    "randvoorwaarden",
    "vve",
    "participatiewet",
    "lbt_afwijking_reden",
    "alfabetisering",
    "mag_opleiding_afmaken",
    "looptijd",
    "contact_name",
    "contact_email",
)


class PipVersion(Base):
    """One PIP beschikking. Never updated in place: a change is a new version (see db.py guard)."""

    __tablename__ = "pip_version"
    __table_args__ = (UniqueConstraint("person_id", "version_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    dagtekening: Mapped[dt.date] = mapped_column(
        info=declare(
            N_("Date of the PIP (dagtekening)"),
            form_label=N_("Date of the decision (dagtekening)"),
            json="dagtekeningPip",
        )
    )
    gemeente: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Gemeente"), in_form=False)
    )
    leerroute: Mapped[str] = mapped_column(coded(2), info=declare(N_("Leerroute"), enum=Leerroute))
    niveau: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Level"), form_label=N_("Language level"), enum=Niveau)
    )
    niveau_le: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Level for reading (LE)"), enum=Niveau)
    )  # afschalen per skill
    niveau_lu: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Level for listening (LU)"), enum=Niveau)
    )
    niveau_sc: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Level for writing (SC)"), enum=Niveau)
    )
    niveau_sp: Mapped[str | None] = mapped_column(
        coded(6), info=declare(N_("Level for speaking (SP)"), enum=Niveau)
    )
    geschatte_intensiteit: Mapped[int | None] = mapped_column(
        info=declare(
            N_("Estimated intensity (hours, B1-route)"),
            json="geschatteIntensiteitB1Route",
            min=0,
            bounds=N_("This number cannot be negative."),
        )
    )  # geschatteIntensiteitB1Route (hours)
    alfabetisering: Mapped[str | None] = mapped_column(
        coded(4),
        info=declare(N_("Literacy"), enum=Alfabetisering, json="indicatorAlfabetiseringsonderwijs"),
    )
    map_omitted: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("No MAP (already working)"))
    )  # person already works
    mag_opleiding_afmaken: Mapped[bool] = mapped_column(
        default=False,
        info=declare(N_("May finish current education"), json="indicatorMagOpleidingAfmaken"),
    )
    looptijd: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Duration")))
    contact_name: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Contact at the gemeente"), json="contactpersoonNaam")
    )
    contact_email: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Contact's e-mail"), json="contactpersoonEmail")
    )
    intensiteit: Mapped[str | None] = mapped_column(Text, info=declare(N_("Intensity")))
    map_invulling: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("MAP (labour-market participation)"))
    )
    pvt_invulling: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("PVT (participation statement)"))
    )
    knm_invulling: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("KNM (knowledge of Dutch society)"))
    )
    begeleiding: Mapped[str | None] = mapped_column(Text, info=declare(N_("Guidance")))
    voortgangsgesprekken: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Progress meetings"))
    )
    ontzorging: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Financial relief (ontzorging)"))
    )
    kinderopvang: Mapped[str | None] = mapped_column(Text, info=declare(N_("Childcare")))
    randvoorwaarden: Mapped[str | None] = mapped_column(Text, info=declare(N_("Preconditions")))
    vve: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Early childhood education (vve)"))
    )
    participatiewet: Mapped[str | None] = mapped_column(Text, info=declare(N_("Participatiewet")))
    lbt_afwijking_reden: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Why the leerroute differs from the LBT advice"))
    )
    reason: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Why a new version"), group="extra")
    )  # why this version
    trigger: Mapped[str | None] = mapped_column(
        coded(30), info=declare(N_("What led to this version"), in_form=False)
    )  # eerste / wijziging / verhuizing
    signed_person_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Signed by the person on"), in_form=False)
    )
    signed_gemeente_date: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Signed by the gemeente on"), in_form=False)
    )
    person: Mapped[Person] = relationship(back_populates="pip_versions")


class Afspraak(Timestamps, Versioned, Base):
    """An item of the dynamisch ontwikkelplan: changes without a new beschikking (seed 004 L1444)."""

    __tablename__ = "afspraak"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    pip_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("pip_version.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text, info=declare(N_("Agreement")))
    owner: Mapped[str] = mapped_column(
        coded(20), default="deelnemer", info=declare(N_("Who does it"), enum=AfspraakOwner)
    )
    term: Mapped[str] = mapped_column(
        coded(12), default="kort", info=declare(N_("Term"), enum=AfspraakTerm)
    )
    due_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Due date")))
    status: Mapped[str] = mapped_column(
        coded(12), default="open", info=declare(N_("Status"), enum=AfspraakStatus)
    )
    done_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Done on")))
    touches_mandatory_part: Mapped[bool] = mapped_column(
        default=False,
        info=declare(
            N_("Changes what the beschikking says"),
            help=N_("Leerroute, level, MAP, PVT, KNM… can only change with a new PIP version."),
            consultant_only=True,
        ),
    )
    person: Mapped[Person] = relationship(back_populates="afspraken")
