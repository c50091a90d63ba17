"""Build the rules' plain input (``core.rules.facts``) from a loaded dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from core import models as m
from core.rules.clocks import TEMPORARY_VRIJSTELLING
from core.rules.duo_validation import Finding, validate_pip
from core.rules.facts import (
    AfspraakFacts,
    BesluitFacts,
    DossierFacts,
    ExamFacts,
    HourFacts,
    OntzorgingFacts,
    PipFacts,
    StartItemFacts,
    VerlengingFacts,
)
from core.rules.requirements import counted_hours

# The Person collections dossier_facts reads besides the hours: what a loader must fetch to build
# the facts (core.services.deadlines and core.services.clock_cache read this one list).
FACT_RELATIONS = (
    "azc",
    "pip_versions",
    "exams",
    "verlengingen",
    "besluiten",
    "start_items",
    "ontzorging",
    "afspraken",
    "lbt",
    "vrijstellingen",
    "ontheffingen",
    "contacts",
    "intake_topics",
)


def keurmerk_valid(provider: m.Provider | None, on: dt.date) -> bool | None:
    """Hours count only while the provider held a Blik op Werk (aspirant-)keurmerk (seed 003 L948)."""
    if provider is None:
        return None
    if provider.keurmerk not in ("keurmerk", "aspirant"):
        return False
    if provider.keurmerk_from and on < provider.keurmerk_from:
        return False
    return not (provider.keurmerk_until and on > provider.keurmerk_until)


def pip_facts(values: Any, version_no: int) -> PipFacts:
    get = values.get if isinstance(values, dict) else lambda k, d=None: getattr(values, k, d)
    return PipFacts(
        version_no=version_no,
        dagtekening=get("dagtekening"),  # type: ignore[arg-type]
        leerroute=get("leerroute"),  # type: ignore[arg-type]
        niveau=get("niveau"),
        skill_levels={s: get(f"niveau_{s.lower()}") for s in ("LE", "LU", "SC", "SP")},
        geschatte_intensiteit=get("geschatte_intensiteit"),
        map_omitted=bool(get("map_omitted", False)),
        gemeente=get("gemeente"),
    )


def _hour_facts(rows: Any) -> tuple[HourFacts, ...]:
    return tuple(
        HourFacts(
            date=h.date,
            hours=h.hours,
            category=h.category,
            attendance=h.attendance,
            provider_keurmerk_valid=keurmerk_valid(h.provider, h.date),
            dutch_speaking=h.dutch_speaking,
        )
        for h in rows
    )


def _whole_exemption(person: Any) -> tuple[str, dt.date | None] | None:
    """A granted vrijstelling or ontheffing of the whole plicht (no onderdeel), the temporary
    vrijstelling codes excepted: (kind, decision date)."""
    for v in person.vrijstellingen:
        if v.decision == "toegekend" and not v.onderdeel and v.code not in TEMPORARY_VRIJSTELLING:
            return "vrijstelling", v.decision_date
    for o in person.ontheffingen:
        if o.decision == "toegekend" and not o.onderdeel:
            return "ontheffing", o.decision_date
    return None


def dossier_facts(person: m.Person, *, include_hours: bool = True) -> DossierFacts:
    azc = person.azc
    granted = frozenset(
        [v.onderdeel for v in person.vrijstellingen if v.decision == "toegekend" and v.onderdeel]
        + [o.onderdeel for o in person.ontheffingen if o.decision == "toegekend" and o.onderdeel]
    )
    latest_lbt = person.lbt[-1] if person.lbt else None
    hours: tuple[HourFacts, ...] = ()
    if include_hours:
        hours = _hour_facts(person.hours)
        map_rows: Any = [h for h in person.hours if h.category == "map_praktijk"]
    else:
        # The clocks need only the MAP praktijkuren; the caseload loader hands them over alone.
        map_rows = getattr(person, "map_hours", None)
        if map_rows is None:
            map_rows = [h for h in person.hours if h.category == "map_praktijk"]
    whole = _whole_exemption(person)
    return DossierFacts(
        dossier_id=person.id,
        regime=person.regime,
        doelgroep=person.doelgroep,
        plicht_status=person.plicht_status,
        plicht_begindatum=person.plicht_begindatum,
        datum_kennisgeving=person.datum_kennisgeving,
        pip_clock_start=person.pip_clock_start,
        vergunning_date=azc.vergunning_date if azc else None,
        koppeling_date=azc.koppeling_date if azc else None,
        huisvesting_date=azc.huisvesting_date if azc else None,
        vestiging_date=azc.vestiging_date if azc else None,
        brp_inschrijving_date=azc.brp_inschrijving_date if azc else None,
        bijstand_start=person.bijstand_start,
        literacy=person.literacy,
        pips=tuple(pip_facts(p, p.version_no) for p in person.pip_versions),
        exams=tuple(
            ExamFacts(
                onderdeel=x.onderdeel,
                niveau=x.niveau,
                planned_date=x.planned_date,
                registration_date=x.registration_date,
                resultaat=x.resultaat,
                reden_geen_resultaat=x.reden_geen_resultaat,
                result_date=x.result_date,
                free_attempt=x.free_attempt,
                exam_type=x.exam_type,
            )
            for x in person.exams
        ),
        hours=hours,
        verlengingen=tuple(
            VerlengingFacts(
                decision=v.decision,
                months=v.months,
                new_end_date=v.new_end_date,
                requested_date=v.requested_date,
                decision_date=v.decision_date,
            )
            for v in person.verlengingen
        ),
        ontzorging=tuple(
            OntzorgingFacts(
                kind=o.kind,
                from_date=o.from_date,
                until_date=o.until_date,
                extended=o.extended,
                step=o.step,
                status=o.status,
            )
            for o in person.ontzorging
        ),
        afspraken=tuple(
            AfspraakFacts(text=a.text, due_date=a.due_date, status=a.status)
            for a in person.afspraken
        ),
        besluiten=tuple(
            BesluitFacts(
                subject=b.subject,
                notice_date=b.notice_date,
                bezwaar_date=b.bezwaar_date,
                bezwaar_decision_date=b.bezwaar_decision_date,
                bezwaar_outcome=b.bezwaar_outcome,
                beroep_date=b.beroep_date,
            )
            for b in person.besluiten
        ),
        start_items=tuple(
            StartItemFacts(kind=i.kind, status=i.status, needed_from=i.needed_from)
            for i in person.start_items
        ),
        lbt_date=latest_lbt.datum_afname if latest_lbt else None,
        lbt_resultaat=latest_lbt.resultaat if latest_lbt else None,
        datum_eindgesprek_map=person.datum_eindgesprek_map,
        datum_ondertekening_pvt=person.datum_ondertekening_pvt,
        datum_afronding_zroute=person.datum_afronding_zroute,
        datum_taalschakeldiploma=person.datum_taalschakeldiploma,
        map_omitted_working=person.map_omitted_working,
        vrijgesteld_onderdelen=granted,
        whole_exemption=whole[0] if whole else None,
        whole_exemption_date=whole[1] if whole else None,
        map_praktijk_hours=counted_hours(_hour_facts(map_rows), frozenset({"map_praktijk"})),
        has_vaste_aanspreekpunt=any(c.is_vaste_aanspreekpunt for c in person.contacts),
        intake_status={t.topic: t.status for t in person.intake_topics},
    )


def stored_pip_findings(person: m.Person) -> list[Finding]:
    """The gate's findings for the current PIP version as it is stored, judged against the
    versions before it: a PIP that reached the database by another path (a backup from an older
    version, an import made before this check, "record anyway") shows what the form says."""
    facts = dossier_facts(person, include_hours=False)
    current = facts.current_pip
    if current is None:
        return []
    row = max(person.pip_versions, key=lambda p: p.version_no)
    earlier = replace(facts, pips=tuple(p for p in facts.pips if p.version_no < current.version_no))
    return validate_pip(current, earlier, row.lbt_afwijking_reden)
