"""Every clock of a dossier (DOMAIN.md §3): when it ends, what started it, and its status.

Deadlines come from the legal norms in :mod:`core.rules.table`, never from averages. A clock is
``open`` (running), ``done`` (met, or its window closed without anything owed) or ``overdue``
(the date passed and what it asks for did not happen).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import N_, _
from core.rules import sources as src
from core.rules.dates import add_months, add_weeks, term_end
from core.rules.facts import DossierFacts, ExamFacts
from core.rules.table import RULES, RuleTable

OPEN, DONE, OVERDUE = "open", "done", "overdue"
ACTIVE_PLICHT = ("plichtig", "tijdelijk_vrijgesteld")
FULFILLED = ("voldaan_diploma", "voldaan_z_certificaat")

# Stable codes (used in the CLI's JSON, the calendar export and the klantprofiel).
KIND_LABELS: dict[str, str] = {
    "koppeling_due": N_("Koppeling to a gemeente"),
    "housing_due": N_("Housing in the gemeente (norm)"),
    "pip_due": N_("PIP to be set by the gemeente"),
    "termijn_end": N_("End of the inburgeringstermijn"),
    "leerroute_change_end": N_("Last day to change the leerroute"),
    "exam_registration": N_("Register for the {detail} exam"),
    "exam_result": N_("Result of the {detail} exam expected"),
    "ontzorging_end": N_("End of financieel ontzorgen"),
    "map_eindgesprek": N_("MAP final interview (eindgesprek)"),
    "pvt_ondertekening": N_("Sign the participatieverklaring (PVT)"),
    "z_eindgesprek": N_("Z-route final interview (eindgesprek)"),
    "afspraak_due": N_("Agreement: {detail}"),
    "zorgverzekering_due": N_("Take out health insurance (zorgverzekering)"),
    "bezwaar": N_("Last day to object (bezwaar) to the decision: {detail}"),
    "beroep": N_("Last day to appeal (beroep) to the court: {detail}"),
}
KINDS = tuple(KIND_LABELS)
DETAIL_LENGTH = 80  # an agreement's text in a clock label is cut here
PLAN_VERSION = "3"  # raise when clock_plan changes, so stored plans are computed again

# The event each clock counts from (``deadlines --json``: ``start.event``). The PIP clock's
# event is the person's choice (``Person.pip_clock_start``), housing by default.
START_EVENTS: dict[str, str] = {
    "koppeling_due": "permit",
    "housing_due": "koppeling",
    "termijn_end": "pip_date",
    "leerroute_change_end": "pip_date",
    "exam_result": "exam_date",
    "ontzorging_end": "bijstand_start",
    "zorgverzekering_due": "insurance_obligation",
    "bezwaar": "decision_known",
    "beroep": "bezwaar_decision_known",
}
PIP_START_EVENTS: dict[str, str] = {
    "huisvesting": "housing",
    "vestiging": "settling",
    "brp_inschrijving": "brp_registration",
}
START_EVENT_LABELS: dict[str, str] = {
    "permit": N_("the residence permit"),
    "koppeling": N_("the koppeling to the gemeente"),
    "housing": N_("housing in the gemeente"),
    "settling": N_("settling in the gemeente (vestiging)"),
    "brp_registration": N_("registration in the BRP"),
    "pip_date": N_("the date of the first PIP"),
    "kennisgeving": N_("DUO's notice of the inburgeringsplicht"),
    "exam_date": N_("the exam date"),
    "bijstand_start": N_("the start of the bijstand"),
    "insurance_obligation": N_("the day the person had to be insured"),
    "decision_known": N_("the day the decision was received"),
    "bezwaar_decision_known": N_("the day the decision on the objection was received"),
}
# A granted vrijstelling or ontheffing of the whole plicht ends it (DOMAIN.md §9); the temporary
# vrijstelling codes (proof of enrolment, follow-up education) only pause it.
TEMPORARY_VRIJSTELLING = frozenset({"INS", "OPL"})


@dataclass(frozen=True)
class Clock:
    kind: str
    date: dt.date | None
    status: str
    source: str
    start: dt.date | None = None  # the event that started the clock
    detail: str = ""  # an exam onderdeel, an agreement's text
    start_event: str | None = None  # which event ``start`` is (START_EVENT_LABELS)

    def text(self) -> str:
        """The translated, human-readable label."""
        return _(KIND_LABELS[self.kind]).format(detail=self.detail)

    def days_left(self, today: dt.date) -> int | None:
        return None if self.date is None else (self.date - today).days


@dataclass(frozen=True)
class PlannedClock:
    """A clock as the dossier's facts fix it, before the day is known: the same plan answers
    for every ``today`` (so it can be stored, and only the statuses move with the calendar).

    ``met``: what the clock asks for happened. ``closes``: a window (past it nothing is owed,
    so it is done, never overdue). ``shown_from``/``shown_until``: the days the clock exists
    at all (an exam result is only awaited once the exam took place)."""

    kind: str
    date: dt.date
    source: str
    start: dt.date | None = None
    detail: str = ""
    met: bool = False
    closes: bool = False
    shown_from: dt.date | None = None
    shown_until: dt.date | None = None

    def shown(self, today: dt.date) -> bool:
        return (self.shown_from is None or self.shown_from <= today) and (
            self.shown_until is None or today <= self.shown_until
        )

    def status(self, today: dt.date) -> str:
        if self.met or (self.closes and today > self.date):
            return DONE
        return OVERDUE if today > self.date else OPEN

    def on(self, today: dt.date, start_event: str | None = None) -> Clock:
        return Clock(
            self.kind,
            self.date,
            self.status(today),
            self.source,
            self.start,
            self.detail,
            start_event if self.start is not None else None,
        )


def start_event(kind: str, pip_clock_start: str | None, regime: str) -> str | None:
    """The event a clock of ``kind`` counts from, for a person with these two choices."""
    if kind == "pip_due":
        return PIP_START_EVENTS.get(pip_clock_start or "huisvesting")
    if kind in ("termijn_end", "leerroute_change_end") and regime != "Wi2021":
        return "kennisgeving"
    return START_EVENTS.get(kind)


def start_event_text(event: str | None) -> str:
    return _(START_EVENT_LABELS[event]) if event in START_EVENT_LABELS else ""


def plicht_closed_by(f: DossierFacts) -> str | None:
    """ "vrijstelling" or "ontheffing" when one of the whole plicht was granted (or the status
    says so): the plicht ends, so its termijn is met, never overdue."""
    if f.plicht_status in ("vrijstelling", "ontheffing"):
        return f.plicht_status
    return f.whole_exemption


def pip_clock_start(f: DossierFacts) -> dt.date | None:
    """The event that starts the 10-week PIP clock, as the user chose it (the sources disagree:
    huisvesting seed 001 L2418, vestiging L2468, BRP-inschrijving seed 004 L1344)."""
    return {
        "huisvesting": f.huisvesting_date,
        "vestiging": f.vestiging_date,
        "brp_inschrijving": f.brp_inschrijving_date,
    }.get(f.pip_clock_start)


def pip_due_date(f: DossierFacts, t: RuleTable = RULES) -> dt.date | None:
    start = pip_clock_start(f)
    return add_weeks(start, t.pip_weeks) if start else None


def termijn_start(f: DossierFacts) -> dt.date | None:
    """Wi2021: the dagtekening of the first PIP (seed 001 L1137-1138). Wi2013/Wi2007: the
    kennisgevingsbrief (seed 001 L1708-1710)."""
    if f.regime == "Wi2021":
        first = f.first_pip
        return first.dagtekening if first else None
    return f.datum_kennisgeving or f.plicht_begindatum


def termijn_end(f: DossierFacts, t: RuleTable = RULES) -> dt.date | None:
    """Start + 3 years, moved by every granted verlenging. A decision that names a new end date
    wins over a number of months (DUO's decision is what counts)."""
    start = termijn_start(f)
    if start is None:
        return None
    end = add_months(start, t.termijn_months)
    granted = [v for v in f.verlengingen if v.decision == "toegekend"]
    stated = [v.new_end_date for v in granted if v.new_end_date]
    months = sum(v.months or 0 for v in granted if not v.new_end_date)
    if months:
        end = add_months(end, months)
    if stated:
        end = max([end, *stated])
    return end


def leerroute_change_end(f: DossierFacts, t: RuleTable = RULES) -> dt.date | None:
    start = termijn_start(f)
    return add_months(start, t.leerroute_change_months) if start else None


def exam_registration_deadline(exam: ExamFacts, t: RuleTable = RULES) -> dt.date | None:
    """Register at least 6 weeks before the exam date (ext inburgeren.nl; DOMAIN.md §3)."""
    if exam.planned_date is None:
        return None
    return add_weeks(exam.planned_date, -t.exam_registration_lead_weeks)


def exam_result_due(exam: ExamFacts, t: RuleTable = RULES) -> dt.date | None:
    return add_weeks(exam.planned_date, t.exam_result_weeks) if exam.planned_date else None


def ontzorging_end(f: DossierFacts, t: RuleTable = RULES) -> dt.date | None:
    """Six months from the start of the bijstand right; the gemeente may extend it (a later
    end date of an extended item), never shorten it (seed 004 L1486-1503)."""
    if f.bijstand_start is None:
        return None
    end = add_months(f.bijstand_start, t.ontzorging_months)
    extended = [o.until_date for o in f.ontzorging if o.extended and o.until_date]
    return max([end, *extended])


def _plicht_clocks(f: DossierFacts, t: RuleTable) -> list[PlannedClock]:
    out: list[PlannedClock] = []
    active = f.plicht_status in ACTIVE_PLICHT
    fulfilled = f.plicht_status in FULFILLED
    wi2021 = f.regime == "Wi2021"
    if wi2021 and active:
        due = pip_due_date(f, t)
        if due is not None:
            out.append(
                PlannedClock(
                    "pip_due", due, src.BESLUIT_PIP_WEEKS, pip_clock_start(f), met=bool(f.pips)
                )
            )
    end = termijn_end(f, t)
    # A granted vrijstelling or ontheffing of the whole plicht while the status still says
    # plichtig: the termijn is met. (With the status set to it, there is no termijn clock.)
    closed = active and f.whole_exemption is not None
    if end is not None and (active or fulfilled):
        out.append(
            PlannedClock(
                "termijn_end",
                end,
                src.WI2021_ART11 if wi2021 else src.WI2013,  # seed 001 L1137-1138
                termijn_start(f),
                met=fulfilled or closed,
            )
        )
    if closed:
        return out  # a vrijstelling or ontheffing of the whole plicht: nothing more is owed
    pip = f.current_pip
    if wi2021 and active and pip is not None:
        change = leerroute_change_end(f, t)
        if change is not None:
            # A window that closes: past it nothing is owed, so it is done, never overdue.
            out.append(
                PlannedClock(
                    "leerroute_change_end",
                    change,
                    src.WI2021_LEERROUTE_CHANGE,
                    termijn_start(f),
                    closes=True,
                )
            )
        if end is not None:
            if pip.leerroute in ("B", "Z") and not (pip.map_omitted or f.map_omitted_working):
                out.append(
                    PlannedClock(
                        "map_eindgesprek",
                        end,
                        src.MAP,  # seed 001 L3285-3324
                        # complete with the praktijkuren and the eindgesprek, not one of them
                        met=f.datum_eindgesprek_map is not None
                        and f.map_praktijk_hours >= t.map_praktijk_hours,
                    )
                )
            out.append(
                PlannedClock(
                    "pvt_ondertekening",
                    end,
                    src.PVT,  # seed 001 L3169-3175
                    met=f.datum_ondertekening_pvt is not None,
                )
            )
            if pip.leerroute == "Z":
                out.append(
                    PlannedClock(
                        "z_eindgesprek",
                        end,
                        src.Z_ROUTE,  # seed 001 L3077
                        met=f.datum_afronding_zroute is not None,
                    )
                )
    return out


def _exam_clocks(f: DossierFacts, t: RuleTable) -> list[PlannedClock]:
    out: list[PlannedClock] = []
    for exam in f.exams:
        if exam.planned_date is None:
            continue
        has_result = exam.resultaat is not None
        reg = exam_registration_deadline(exam, t)
        if reg is not None and not has_result:
            # Only until the exam day: afterwards the registration is history.
            out.append(
                PlannedClock(
                    "exam_registration",
                    reg,
                    src.DUO_EXAMS,
                    detail=exam.onderdeel,
                    met=exam.registration_date is not None,
                    shown_until=exam.planned_date,
                )
            )
        due = exam_result_due(exam, t)
        if due is not None:
            # Only from the exam day: before it no result is awaited.
            out.append(
                PlannedClock(
                    "exam_result",
                    due,
                    src.DUO_EXAMS,
                    exam.planned_date,
                    detail=exam.onderdeel,
                    met=has_result,
                    shown_from=exam.planned_date,
                )
            )
    return out


def clock_plan(f: DossierFacts, t: RuleTable = RULES) -> list[PlannedClock]:
    """Every clock the dossier can have, whatever the day, sorted by date."""
    out: list[PlannedClock] = []
    asiel = f.doelgroep == "Asielstatushouder"
    if asiel and f.vergunning_date:
        due = add_weeks(f.vergunning_date, t.koppeling_weeks)
        out.append(
            PlannedClock(
                "koppeling_due",
                due,
                src.COA_KOPPELING,  # seed 001 L1057-1058
                f.vergunning_date,
                met=f.koppeling_date is not None,
            )
        )
    if asiel and f.koppeling_date:
        due = add_weeks(f.koppeling_date, t.housing_weeks)
        out.append(
            PlannedClock(
                "housing_due",
                due,
                src.COA_KOPPELING,  # seed 001 L1058-1059
                f.koppeling_date,
                met=f.huisvesting_date is not None,
            )
        )
    out.extend(_plicht_clocks(f, t))
    out.extend(_exam_clocks(f, t))
    end = ontzorging_end(f, t)
    if asiel and end is not None:
        out.append(
            PlannedClock(
                "ontzorging_end",
                end,
                src.ONTZORGEN,  # seed 004 L1486-1503
                f.bijstand_start,
                closes=True,
            )
        )
    for a in f.afspraken:
        if a.due_date is not None and a.status != "vervallen":
            out.append(
                PlannedClock(
                    "afspraak_due",
                    a.due_date,
                    src.WI2021_ART15,  # seed 004 L1444-1479
                    detail=a.text[:DETAIL_LENGTH],
                    met=a.status == "gedaan",
                )
            )
    out.extend(_objection_clocks(f, t))
    for item in f.start_items:
        if item.kind == "zorgverzekering" and item.needed_from is not None:
            # Insured within four months of the obligation: covered from its start, and no fine
            # (the CAK fines only who stays uninsured after its reminders).
            out.append(
                PlannedClock(
                    "zorgverzekering_due",
                    add_months(item.needed_from, t.insurance_months),
                    src.ZVW_INSURANCE,
                    item.needed_from,
                    met=item.status in ("geregeld", "niet_nodig"),
                )
            )
    return sorted(out, key=lambda c: (c.date, c.kind))


def _objection_clocks(f: DossierFacts, t: RuleTable) -> list[PlannedClock]:
    """Six weeks to object to a decision, and six weeks to appeal the decision on the objection
    (Awb art. 6:7, 6:8; the last day moved past weekends and holidays, Atw art. 1). A window:
    once it has passed unused nothing is owed any more, so it closes instead of going red."""
    out: list[PlannedClock] = []
    for b in f.besluiten:
        detail = b.subject[:DETAIL_LENGTH]
        out.append(
            PlannedClock(
                "bezwaar",
                term_end(b.notice_date, t.bezwaar_weeks),
                src.AWB_BEZWAAR,
                b.notice_date,
                detail=detail,
                met=b.bezwaar_date is not None,
                closes=True,
            )
        )
        settled = b.bezwaar_outcome in ("gegrond", "ingetrokken")
        if b.bezwaar_decision_date is not None and not settled:
            out.append(
                PlannedClock(
                    "beroep",
                    term_end(b.bezwaar_decision_date, t.beroep_weeks),
                    src.AWB_BEROEP,
                    b.bezwaar_decision_date,
                    detail=detail,
                    met=b.beroep_date is not None,
                    closes=True,
                )
            )
    return out


def all_clocks(f: DossierFacts, today: dt.date, t: RuleTable = RULES) -> list[Clock]:
    """Every clock of the dossier on ``today``, sorted by date."""
    return [
        p.on(today, start_event(p.kind, f.pip_clock_start, f.regime))
        for p in clock_plan(f, t)
        if p.shown(today)
    ]


@dataclass(frozen=True)
class DossierClock:
    """One clock of one dossier, as the deadlines listing and ``deadlines --json`` give it."""

    dossier: int
    name: str
    clock: Clock

    def as_json(self) -> dict[str, Any]:
        c = self.clock
        return {
            "dossier": self.dossier,
            "name": self.name,
            "kind": c.kind,
            "date": c.date.isoformat() if c.date else None,
            "status": c.status,
            "label": c.text(),
            "source": c.source,
            "start": {"date": c.start.isoformat(), "event": c.start_event}
            if c.start is not None
            else None,
        }
