"""The person and their inburgeringsplicht: the root of every dossier (DOMAIN.md §2, §4.4, §9)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Provenance, Timestamps, Versioned, coded
from core.models.enums import (
    Alfabetisering,
    Decision,
    Doelgroep,
    GedetailleerdeDoelgroep,
    Interpreter,
    Niveau,
    Onderdeel,
    OntheffingGrond,
    PipClockStart,
    PlichtStatus,
    Regime,
    VrijstellingCode,
)
from core.models.fields import CHOICE, declare
from core.models.folding import name_key

if TYPE_CHECKING:
    from core.models.azc import AzcPhase, CoaLocation, Skill, Training, Voorinburgering
    from core.models.background import Ambition, Education, WorkExperience
    from core.models.contacts import Contact, Conversation
    from core.models.documents import Document, ExportLog
    from core.models.exams import ExamAttempt
    from core.models.handhaving import Besluit
    from core.models.hours import HourEntry
    from core.models.intake import IntakeTopic, Leerbaarheidstoets
    from core.models.pip import Afspraak, PipVersion
    from core.models.referrals import Referral
    from core.models.start import StartItem
    from core.models.support import OntzorgingItem, Precondition, Verlenging
    from core.models.team import Transfer

_ALL = "all, delete-orphan"


class Person(Timestamps, Base):
    """One dossier. Every other record hangs off a person and is deleted with it."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_family_name", "family_name"),
        Index("ix_person_bsn", "bsn"),
        Index("ix_person_v_nummer", "v_nummer"),
        Index("ix_person_gemeente", "gemeente"),
        Index("ix_person_assigned_to", "assigned_to"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    given_names: Mapped[str] = mapped_column(
        String(200),
        default="",
        info=declare(N_("Given names"), group="identity", json="voornamen", section="identity"),
    )
    family_name: Mapped[str] = mapped_column(
        String(200),
        default="",
        info=declare(N_("Family name"), group="identity", json="geslachtsnaam", section="identity"),
    )
    # The folded name the caseload search matches (core.models.folding), kept by the events below
    # on every write, whatever path it comes by.
    name_key: Mapped[str] = mapped_column(String(820), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Date of birth"), group="identity", json="geboortedatum", section="identity"
        )
    )
    sex: Mapped[str | None] = mapped_column(
        coded(10), info=declare(N_("Sex"), in_form=False, section="identity")
    )
    bsn: Mapped[str | None] = mapped_column(
        String(9),
        info=declare(
            N_("BSN"),
            form_label=N_("BSN (citizen service number)"),
            help=N_("Nine digits; checked with the elfproef."),
            group="identity",
            json="burgerservicenummer",
            section="identity",
        ),
    )
    v_nummer: Mapped[str | None] = mapped_column(
        String(10),
        info=declare(
            N_("V-number"),
            help=N_("Ten digits, from the IND or COA."),
            consultant_only=True,
            group="identity",
            json="vNummer",
            section="identity",
        ),
    )
    nationality: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Nationality"), group="identity", section="identity")
    )
    country_of_origin: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Country of origin"), group="identity", section="identity")
    )
    languages_spoken: Mapped[list] = mapped_column(
        default=list,
        info=declare(
            N_("Languages spoken"),
            help=N_("Language codes separated by commas, e.g. ti, ar, en."),
            group="identity",
            section="identity",
        ),
    )  # ISO codes, e.g. ["ar", "en"]
    preferred_language: Mapped[str] = mapped_column(
        coded(10),
        default="nl",
        info=declare(
            N_("Preferred language"),
            form_label=N_("Language for printouts"),
            widget=CHOICE,
            group="identity",
            section="identity",
        ),
    )  # for printouts
    interpreter_needed: Mapped[str | None] = mapped_column(
        coded(20),
        info=declare(
            N_("Interpreter needed"),
            help=N_("The kind of interpreter (tolk) the person needs at appointments."),
            enum=Interpreter,
            group="identity",
            section="identity",
        ),
    )
    literacy: Mapped[str | None] = mapped_column(
        coded(4),
        info=declare(
            N_("Literacy"),
            form_label=N_("Reading and writing (literacy)"),
            enum=Alfabetisering,
            group="identity",
            json="indicatorAlfabetiseringsonderwijs",
            section="identity",
        ),
    )  # Alfabetisering A / AA / NVT
    phone: Mapped[str | None] = mapped_column(
        String(40), info=declare(N_("Phone"), group="contact", section="identity")
    )
    email: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("E-mail"), group="contact", section="identity")
    )
    address: Mapped[str | None] = mapped_column(
        String(300), info=declare(N_("Address"), group="contact", section="identity")
    )
    postcode: Mapped[str | None] = mapped_column(
        String(10), info=declare(N_("Postcode"), group="contact", section="identity")
    )
    woonplaats: Mapped[str | None] = mapped_column(
        String(100), info=declare(N_("Place of residence"), group="contact", section="identity")
    )
    gemeente: Mapped[str | None] = mapped_column(
        String(100),
        info=declare(
            N_("Gemeente"),
            form_label=N_("Gemeente (municipality)"),
            group="contact",
            section="identity",
        ),
    )
    household: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Household"), consultant_only=True, group="contact", section="family")
    )

    doelgroep: Mapped[str] = mapped_column(
        coded(),
        default=Doelgroep.ASIEL.value,
        info=declare(
            N_("Target group (doelgroep)"),
            enum=Doelgroep,
            group="plicht",
            json="doelgroepindeling",
            section="plicht",
        ),
    )
    gedetailleerde_doelgroep: Mapped[str | None] = mapped_column(
        coded(60),
        info=declare(
            N_("Detailed target group"),
            enum=GedetailleerdeDoelgroep,
            consultant_only=True,
            group="plicht",
            json="gedetailleerdeDoelgroep",
            section="plicht",
        ),
    )
    regime: Mapped[str] = mapped_column(
        coded(10),
        default=Regime.WI2021.value,
        info=declare(
            N_("Regime"),
            form_label=N_("Law (regime)"),
            enum=Regime,
            group="plicht",
            section="plicht",
        ),
    )
    plicht_status: Mapped[str] = mapped_column(
        coded(),
        default=PlichtStatus.PLICHTIG.value,
        info=declare(
            N_("Status of the inburgeringsplicht"),
            form_label=N_("Status of the obligation"),
            enum=PlichtStatus,
            group="plicht",
            section="plicht",
        ),
    )
    plicht_begindatum: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Start of the plicht"),
            form_label=N_("Obligation starts on"),
            group="plicht",
            json="begindatum",
            section="plicht",
        )
    )
    datum_kennisgeving: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Date of the kennisgeving"),
            form_label=N_("Date of notification (Wi2013)"),
            consultant_only=True,
            group="plicht",
            json="datumKennisgevingInburgeringsplicht",
            section="plicht",
        )
    )  # Wi2013: the termijn starts here
    plicht_einddatum: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("End of the plicht"),
            form_label=N_("Obligation ended on"),
            group="plicht",
            json="einddatum",
            section="plicht",
        )
    )
    reden_geen_plicht: Mapped[str | None] = mapped_column(
        String(60),
        info=declare(
            N_("Reason no plicht"),
            form_label=N_("Reason not obliged"),
            consultant_only=True,
            group="plicht",
            json="redenGeenInburgeringsplicht",
            section="plicht",
        ),
    )
    pip_clock_start: Mapped[str] = mapped_column(
        coded(),
        default=PipClockStart.HUISVESTING.value,
        info=declare(
            N_("PIP clock starts at"),
            form_label=N_("The 10-week PIP clock starts at"),
            help=N_(
                "The law does not fix this event; DUO starts its clock when the person has left COA (M2M event SS139). Housing is the default."
            ),
            enum=PipClockStart,
            consultant_only=True,
            group="plicht",
            section="plicht",
        ),
    )
    bijstand_start: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Bijstand since"),
            form_label=N_("Social assistance (bijstand) since"),
            consultant_only=True,
            group="plicht",
            section="finances",
        )
    )  # starts the 6-month ontzorging clock
    datum_afronding_zroute: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Z-route completed on"),
            group="plicht",
            json="datumAfrondingZroute",
            section="plicht",
        )
    )
    datum_eindgesprek_map: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("MAP final interview on"),
            form_label=N_("MAP final interview held on"),
            group="plicht",
            json="datumEindgesprekMap",
            section="plicht",
        )
    )
    datum_ondertekening_pvt: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Participatieverklaring signed on"),
            form_label=N_("Participation statement (PVT) signed on"),
            group="plicht",
            json="datumOndertekeningPvt",
            section="plicht",
        )
    )
    datum_taalschakeldiploma: Mapped[dt.date | None] = mapped_column(
        info=declare(
            N_("Taalschakeldiploma on"),
            form_label=N_("Taalschakeltraject diploma on"),
            consultant_only=True,
            group="plicht",
            section="plicht",
        )
    )
    map_omitted_working: Mapped[bool] = mapped_column(
        default=False,
        info=declare(
            N_("MAP omitted: works"),
            form_label=N_("No MAP: already working"),
            consultant_only=True,
            group="plicht",
            section="plicht",
        ),
    )
    note_next_teacher: Mapped[str | None] = mapped_column(
        Text,
        info=declare(
            N_("Note for the next teacher"),
            help=N_("What a new school or counsellor should know first."),
            group="notes",
            section="note",
        ),
    )
    notes: Mapped[str | None] = mapped_column(
        Text,
        info=declare(
            N_("Notes"),
            form_label=N_("Other notes"),
            consultant_only=True,
            group="notes",
            section="soft",
        ),
    )
    # A team server: the consultant's login (set by the database to the creator), and the
    # version every save checks and raises, so a second concurrent save is not silently lost.
    assigned_to: Mapped[str | None] = mapped_column(String(63))
    version_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    vrijstellingen: Mapped[list[Vrijstelling]] = relationship(back_populates="person", cascade=_ALL)
    ontheffingen: Mapped[list[Ontheffing]] = relationship(back_populates="person", cascade=_ALL)
    azc: Mapped[AzcPhase | None] = relationship(back_populates="person", cascade=_ALL)
    coa_locations: Mapped[list[CoaLocation]] = relationship(
        back_populates="person", cascade=_ALL, order_by="CoaLocation.from_date"
    )
    voorinburgering: Mapped[Voorinburgering | None] = relationship(
        back_populates="person", cascade=_ALL
    )
    trainings: Mapped[list[Training]] = relationship(back_populates="person", cascade=_ALL)
    skills: Mapped[list[Skill]] = relationship(back_populates="person", cascade=_ALL)
    education: Mapped[list[Education]] = relationship(back_populates="person", cascade=_ALL)
    work: Mapped[list[WorkExperience]] = relationship(back_populates="person", cascade=_ALL)
    ambitions: Mapped[list[Ambition]] = relationship(back_populates="person", cascade=_ALL)
    intake_topics: Mapped[list[IntakeTopic]] = relationship(back_populates="person", cascade=_ALL)
    lbt: Mapped[list[Leerbaarheidstoets]] = relationship(
        back_populates="person", cascade=_ALL, order_by="Leerbaarheidstoets.datum_afname"
    )
    pip_versions: Mapped[list[PipVersion]] = relationship(
        back_populates="person", cascade=_ALL, order_by="PipVersion.version_no"
    )
    afspraken: Mapped[list[Afspraak]] = relationship(back_populates="person", cascade=_ALL)
    hours: Mapped[list[HourEntry]] = relationship(
        back_populates="person", cascade=_ALL, order_by="HourEntry.date"
    )
    exams: Mapped[list[ExamAttempt]] = relationship(
        back_populates="person", cascade=_ALL, order_by="ExamAttempt.planned_date"
    )
    verlengingen: Mapped[list[Verlenging]] = relationship(back_populates="person", cascade=_ALL)
    start_items: Mapped[list[StartItem]] = relationship(back_populates="person", cascade=_ALL)
    referrals: Mapped[list[Referral]] = relationship(
        back_populates="person", cascade=_ALL, order_by="Referral.referred_on"
    )
    besluiten: Mapped[list[Besluit]] = relationship(
        back_populates="person", cascade=_ALL, order_by="Besluit.notice_date"
    )
    ontzorging: Mapped[list[OntzorgingItem]] = relationship(back_populates="person", cascade=_ALL)
    preconditions: Mapped[list[Precondition]] = relationship(back_populates="person", cascade=_ALL)
    contacts: Mapped[list[Contact]] = relationship(back_populates="person", cascade=_ALL)
    conversations: Mapped[list[Conversation]] = relationship(
        back_populates="person", cascade=_ALL, order_by="Conversation.date"
    )
    documents: Mapped[list[Document]] = relationship(back_populates="person", cascade=_ALL)
    exports: Mapped[list[ExportLog]] = relationship(back_populates="person", cascade=_ALL)
    transfers: Mapped[list[Transfer]] = relationship(
        back_populates="person", cascade=_ALL, order_by="Transfer.at"
    )

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.family_name) if p).strip()


class Vrijstelling(Provenance, Versioned, Base):
    """Exemption: already integrated or educated (DOMAIN.md §9; DUO codes AVI/DIP/DOC/GED/...)."""

    __tablename__ = "vrijstelling"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(coded(4), info=declare(N_("Code"), enum=VrijstellingCode))
    onderdeel: Mapped[str | None] = mapped_column(
        coded(4),
        info=declare(
            N_("Component"), form_label=N_("Part (empty: the whole obligation)"), enum=Onderdeel
        ),
    )  # None = the whole plicht
    niveau: Mapped[str | None] = mapped_column(coded(6), info=declare(N_("Level"), enum=Niveau))
    decision: Mapped[str] = mapped_column(
        coded(), default="aangevraagd", info=declare(N_("Decision"), enum=Decision)
    )
    decision_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Decision date")))
    valid_until: Mapped[dt.date | None] = mapped_column(
        info=declare(N_("Valid until"))
    )  # temporary codes INS/OPL
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="vrijstellingen")


class Ontheffing(Provenance, Versioned, Base):
    """Release from the plicht (BIO / MED), whole or per onderdeel (DOMAIN.md §9)."""

    __tablename__ = "ontheffing"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    grond: Mapped[str] = mapped_column(coded(4), info=declare(N_("Ground"), enum=OntheffingGrond))
    onderdeel: Mapped[str | None] = mapped_column(
        coded(4),
        info=declare(
            N_("Component"), form_label=N_("Part (empty: the whole obligation)"), enum=Onderdeel
        ),
    )
    decision: Mapped[str] = mapped_column(
        coded(), default="aangevraagd", info=declare(N_("Decision"), enum=Decision)
    )
    decision_date: Mapped[dt.date | None] = mapped_column(info=declare(N_("Decision date")))
    uren_belastbaarheid: Mapped[float | None] = mapped_column(
        info=declare(
            N_("Hours a week the person can take part"),
            json="urenBelastbaarheidParticipatieactiviteit",
        )
    )  # urenBelastbaarheidParticipatieactiviteit
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="ontheffingen")


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _keep_name_key(_mapper: Any, _connection: Any, person: Person) -> None:
    person.name_key = name_key(person.given_names, person.family_name)
