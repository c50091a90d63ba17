"""What each leerroute and regime requires, and the dossier's progress against it
(DOMAIN.md §4.1-§4.4 and §8). A per-component checklist, never one flag (DOMAIN.md §4.3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.i18n import N_, _
from core.rules import sources as src
from core.rules.exams import exam_status
from core.rules.facts import DossierFacts, HourFacts
from core.rules.table import RULES, RuleTable

HOURS, EXAM, MILESTONE = "hours", "exam", "milestone"

# Hour categories that count towards each norm (DOMAIN.md §8).
Z_LANGUAGE_CATEGORIES = frozenset(
    {"ParticipatieAlsTaalles", "TaallesEnKnmBredeIntake", "alfabetisering", "z_taal"}
)
Z_PARTICIPATION_CATEGORIES = frozenset(
    {"z_participatie", "ParticipatieactiviteitenBredeIntake", "map_praktijk", "map_theorie", "pvt"}
)
WI2013_COURSE_CATEGORIES = frozenset({"wi2013_cursus", "ParticipatieAlsTaalles", "alfabetisering"})

LABELS: dict[str, str] = {
    "map_praktijk": N_("MAP practical hours (praktijkuren)"),
    "pvt_hours": N_("PVT hours, signing included"),
    "z_language": N_("Z-route: Dutch and KNM lessons"),
    "z_participation": N_("Z-route: participation hours"),
    "wi2013_course": N_("Course hours (Wi2013)"),
    "ona_hours": N_("ONA hours (Wi2013)"),
    "exam": N_("{detail} exam"),
    "map_eindgesprek": N_("MAP final interview held"),
    "pvt_signed": N_("Participatieverklaring signed"),
    "taalschakeldiploma": N_("Taalschakeldiploma obtained"),
    "z_eindgesprek": N_("Z-route final interview held"),
}


@dataclass(frozen=True)
class Requirement:
    code: str
    kind: str  # hours / exam / milestone
    required: float
    done: float
    met: bool
    source: str
    detail: str = ""  # onderdeel and level for exams

    def text(self) -> str:
        return _(LABELS[self.code]).format(detail=self.detail)

    @property
    def fraction(self) -> float:
        if self.required <= 0:
            return 1.0 if self.met else 0.0
        return max(0.0, min(1.0, self.done / self.required))


PRESENT = "aanwezig"  # the attendance that counts; the others are verzuim (DOMAIN.md §8)


def is_present(attendance: str | None) -> bool:
    """Whether an hour entry was attended (verzuim, with or without permission, is not)."""
    return attendance == PRESENT


def counted_hours(hours: tuple[HourFacts, ...], categories: frozenset[str]) -> float:
    """Hours attended in these categories. Verzuim never counts; lessons from a provider that
    did not hold a Blik op Werk keurmerk on that day do not count (seed 003 L948-958)."""
    return sum(
        h.hours
        for h in hours
        if h.category in categories
        and is_present(h.attendance)
        and h.provider_keurmerk_valid is not False
    )


def hours_without_keurmerk(hours: tuple[HourFacts, ...]) -> float:
    """Hours attended at a provider that held no Blik op Werk keurmerk that day: shown, but
    never counted (seed 003 L948-958)."""
    return sum(
        h.hours for h in hours if is_present(h.attendance) and h.provider_keurmerk_valid is False
    )


def hours_per_week(hours: tuple[HourFacts, ...]) -> dict[tuple[int, int], tuple[float, float]]:
    """(ISO year, week) -> (hours attended, hours of verzuim)."""
    weeks: dict[tuple[int, int], tuple[float, float]] = {}
    for h in hours:
        year, week, _day = h.date.isocalendar()
        present, absent = weeks.get((year, week), (0.0, 0.0))
        if is_present(h.attendance):
            present += h.hours
        else:
            absent += h.hours
        weeks[(year, week)] = (present, absent)
    return weeks


def hours_by_category(hours: tuple[HourFacts, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for h in hours:
        key = h.category if is_present(h.attendance) else h.attendance
        out[key] = out.get(key, 0.0) + h.hours
    return out


def _hours(code: str, need: float, done: float, source: str) -> Requirement:
    return Requirement(code, HOURS, need, done, done >= need, source)


def _milestone(code: str, when: dt.date | None, source: str) -> Requirement:
    return Requirement(code, MILESTONE, 1, 1 if when else 0, when is not None, source)


def requirements(
    f: DossierFacts, t: RuleTable = RULES, today: dt.date | None = None
) -> list[Requirement]:
    today = today or dt.date.today()
    out: list[Requirement] = []
    exams = {s.onderdeel: s for s in exam_status(f, today, t)}

    def exam_req(code: str) -> Requirement:
        s = exams[code]
        level = s.required_level or ""
        detail = f"{code} {level}".strip()
        met = s.passed or s.exempt
        return Requirement(
            "exam", EXAM, 1, 1 if met else 0, met, src.WI2021_ART17, detail
        )  # seed 001 L1135-1137

    if f.regime != "Wi2021":
        for code in ("LE", "LU", "SC", "SP", "KNM"):
            if code in exams:
                out.append(exam_req(code))
        out.append(
            _hours(
                "ona_hours",
                t.ona_hours,
                counted_hours(f.hours, frozenset({"ona"})),
                src.WI2013,  # seed 003 L1871-1879
            )
        )
        # The 600 course hours (seed 003 L1871-1879, DOMAIN.md §4.4) prove an ontheffing; they
        # are not part of completing the Wi2013 (A2 exams, KNM, ONA, PVT: seed 001 L684-730).
        out.append(_milestone("pvt_signed", f.datum_ondertekening_pvt, src.WI2013))
        return out
    pip = f.current_pip
    if pip is None:
        return out
    route = pip.leerroute
    map_applies = route in ("B", "Z") and not (pip.map_omitted or f.map_omitted_working)
    if route == "B":
        out.extend(exam_req(code) for code in ("LE", "LU", "SC", "SP", "KNM"))
    if route == "O":
        out.append(_milestone("taalschakeldiploma", f.datum_taalschakeldiploma, src.WI2021_ART17))
    if route == "Z":
        out.append(
            _hours(
                "z_language",
                t.z_language_hours,
                counted_hours(f.hours, Z_LANGUAGE_CATEGORIES),
                src.Z_ROUTE,  # seed 001 L3072-3083
            )
        )
        if f.doelgroep == "Asielstatushouder":
            out.append(
                _hours(
                    "z_participation",
                    t.z_participation_hours,
                    counted_hours(f.hours, Z_PARTICIPATION_CATEGORIES),
                    src.Z_ROUTE,  # seed 001 L2684-2685
                )
            )
    if map_applies:
        out.append(
            _hours(
                "map_praktijk",
                t.map_praktijk_hours,
                counted_hours(f.hours, frozenset({"map_praktijk"})),
                src.MAP,  # seed 001 L3287-3288
            )
        )
        out.append(_milestone("map_eindgesprek", f.datum_eindgesprek_map, src.MAP))
    out.append(
        _hours("pvt_hours", t.pvt_hours, counted_hours(f.hours, frozenset({"pvt"})), src.PVT)
    )
    out.append(_milestone("pvt_signed", f.datum_ondertekening_pvt, src.PVT))
    if route == "Z":
        out.append(_milestone("z_eindgesprek", f.datum_afronding_zroute, src.Z_ROUTE))
    return out


def is_completed(f: DossierFacts, t: RuleTable = RULES, today: dt.date | None = None) -> bool:
    """Voldaan when every requirement of the route is met (DOMAIN.md §4.3)."""
    reqs = requirements(f, t, today)
    return bool(reqs) and all(r.met for r in reqs)
