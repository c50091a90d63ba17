"""Plain, immutable data the rules work on. Services build these from the models
(``core.domain.facts``); the rules never see a database session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PipFacts:
    version_no: int
    dagtekening: dt.date
    leerroute: str  # "B" / "O" / "Z"
    niveau: str | None = None  # "A2" / "B1" / None (DUO: B1 default for B and O)
    skill_levels: dict[str, str | None] = field(default_factory=dict)  # LE/LU/SC/SP -> level
    geschatte_intensiteit: int | None = None
    map_omitted: bool = False
    gemeente: str | None = None


@dataclass(frozen=True)
class ExamFacts:
    onderdeel: str  # KNM / LE / LU / SC / SP / ONA
    niveau: str | None = None
    planned_date: dt.date | None = None
    registration_date: dt.date | None = None
    resultaat: str | None = None  # Geslaagd / Gezakt / Geen / None (no result yet)
    reden_geen_resultaat: str | None = None
    result_date: dt.date | None = None
    free_attempt: bool = True
    exam_type: str = "inburgering"  # or "staatsexamen"


@dataclass(frozen=True)
class HourFacts:
    date: dt.date
    hours: float
    category: str  # core.models.enums.HourCategory value
    attendance: str = "aanwezig"  # aanwezig / verzuim_geoorloofd / verzuim_ongeoorloofd
    provider_keurmerk_valid: bool | None = None  # Blik op Werk on that date; None = unknown
    dutch_speaking: bool | None = None


@dataclass(frozen=True)
class VerlengingFacts:
    decision: str  # aangevraagd / toegekend / afgewezen
    months: int | None = None
    new_end_date: dt.date | None = None
    requested_date: dt.date | None = None
    decision_date: dt.date | None = None


@dataclass(frozen=True)
class OntzorgingFacts:
    kind: str
    from_date: dt.date | None = None
    until_date: dt.date | None = None
    extended: bool = False
    step: str = "voor_mij"
    status: str = "actief"


@dataclass(frozen=True)
class AfspraakFacts:
    text: str
    due_date: dt.date | None = None
    status: str = "open"


@dataclass(frozen=True)
class StartItemFacts:
    """One practical step of the start-up checklist (core.models.StartItem)."""

    kind: str
    status: str = "te_doen"
    needed_from: dt.date | None = None


@dataclass(frozen=True)
class BesluitFacts:
    """A decision (beschikking) and the objection and appeal against it (core.models.Besluit)."""

    subject: str
    notice_date: dt.date
    bezwaar_date: dt.date | None = None
    bezwaar_decision_date: dt.date | None = None
    bezwaar_outcome: str | None = None
    beroep_date: dt.date | None = None


@dataclass(frozen=True)
class DossierFacts:
    dossier_id: int
    regime: str = "Wi2021"
    doelgroep: str = "Asielstatushouder"
    plicht_status: str = "plichtig"
    plicht_begindatum: dt.date | None = None
    datum_kennisgeving: dt.date | None = None  # Wi2013 termijn start
    pip_clock_start: str = "huisvesting"  # huisvesting / vestiging / brp_inschrijving
    vergunning_date: dt.date | None = None
    koppeling_date: dt.date | None = None
    huisvesting_date: dt.date | None = None
    vestiging_date: dt.date | None = None
    brp_inschrijving_date: dt.date | None = None
    bijstand_start: dt.date | None = None
    literacy: str | None = None
    pips: tuple[PipFacts, ...] = ()
    exams: tuple[ExamFacts, ...] = ()
    hours: tuple[HourFacts, ...] = ()
    verlengingen: tuple[VerlengingFacts, ...] = ()
    ontzorging: tuple[OntzorgingFacts, ...] = ()
    afspraken: tuple[AfspraakFacts, ...] = ()
    besluiten: tuple[BesluitFacts, ...] = ()
    start_items: tuple[StartItemFacts, ...] = ()
    lbt_date: dt.date | None = None
    lbt_resultaat: str | None = None
    datum_eindgesprek_map: dt.date | None = None
    datum_ondertekening_pvt: dt.date | None = None
    datum_afronding_zroute: dt.date | None = None
    datum_taalschakeldiploma: dt.date | None = None
    map_omitted_working: bool = False
    vrijgesteld_onderdelen: frozenset[str] = frozenset()  # granted partial vrijstelling/ontheffing
    whole_exemption: str | None = None  # "vrijstelling"/"ontheffing" of the whole plicht, granted
    whole_exemption_date: dt.date | None = None
    map_praktijk_hours: float = 0.0  # MAP praktijkuren that count (attended, valid provider)
    has_vaste_aanspreekpunt: bool = False
    intake_status: dict[str, str] = field(default_factory=dict)  # topic -> known/partial/unknown

    @property
    def current_pip(self) -> PipFacts | None:
        return max(self.pips, key=lambda p: p.version_no) if self.pips else None

    @property
    def first_pip(self) -> PipFacts | None:
        return min(self.pips, key=lambda p: p.version_no) if self.pips else None
