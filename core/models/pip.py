"""The PIP: immutable beschikking versions plus the dynamic ontwikkelplan (DOMAIN.md §6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, Timestamps, coded, utcnow

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
    dagtekening: Mapped[dt.date]
    gemeente: Mapped[str | None] = mapped_column(String(100))
    leerroute: Mapped[str] = mapped_column(coded(2))
    niveau: Mapped[str | None] = mapped_column(coded(6))
    niveau_le: Mapped[str | None] = mapped_column(coded(6))  # afschalen per skill
    niveau_lu: Mapped[str | None] = mapped_column(coded(6))
    niveau_sc: Mapped[str | None] = mapped_column(coded(6))
    niveau_sp: Mapped[str | None] = mapped_column(coded(6))
    geschatte_intensiteit: Mapped[int | None]  # geschatteIntensiteitB1Route (hours)
    intensiteit: Mapped[str | None] = mapped_column(Text)
    map_invulling: Mapped[str | None] = mapped_column(Text)
    map_omitted: Mapped[bool] = mapped_column(default=False)  # person already works
    pvt_invulling: Mapped[str | None] = mapped_column(Text)
    knm_invulling: Mapped[str | None] = mapped_column(Text)
    begeleiding: Mapped[str | None] = mapped_column(Text)
    voortgangsgesprekken: Mapped[str | None] = mapped_column(Text)
    ontzorging: Mapped[str | None] = mapped_column(Text)
    kinderopvang: Mapped[str | None] = mapped_column(Text)
    randvoorwaarden: Mapped[str | None] = mapped_column(Text)
    vve: Mapped[str | None] = mapped_column(Text)
    participatiewet: Mapped[str | None] = mapped_column(Text)
    lbt_afwijking_reden: Mapped[str | None] = mapped_column(Text)
    alfabetisering: Mapped[str | None] = mapped_column(coded(4))
    mag_opleiding_afmaken: Mapped[bool] = mapped_column(default=False)
    looptijd: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)  # why this version
    trigger: Mapped[str | None] = mapped_column(coded(30))  # eerste / wijziging / verhuizing
    signed_person_date: Mapped[dt.date | None]
    signed_gemeente_date: Mapped[dt.date | None]
    person: Mapped[Person] = relationship(back_populates="pip_versions")


class Afspraak(Timestamps, Base):
    """An item of the dynamisch ontwikkelplan: changes without a new beschikking (seed 004 L1444)."""

    __tablename__ = "afspraak"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    pip_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("pip_version.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(coded(20), default="deelnemer")
    term: Mapped[str] = mapped_column(coded(12), default="kort")
    due_date: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(coded(12), default="open")
    touches_mandatory_part: Mapped[bool] = mapped_column(default=False)
    done_date: Mapped[dt.date | None]
    person: Mapped[Person] = relationship(back_populates="afspraken")
