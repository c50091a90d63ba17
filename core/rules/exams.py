"""Exam status per onderdeel: passed or not, attempts, free attempts left (DOMAIN.md §7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.rules.facts import DossierFacts, ExamFacts
from core.rules.table import RULES, RuleTable

LEVEL_ORDER = {"A0": 0, "pre-A1": 1, "A1": 2, "A2": 3, "B1": 4, "B2": 5}
LANGUAGE_SKILLS = ("LE", "LU", "SC", "SP")


def level_at_least(level: str | None, required: str | None) -> bool:
    if required is None:
        return True
    if level is None:
        return False
    return LEVEL_ORDER.get(level, -1) >= LEVEL_ORDER.get(required, 99)


def counts_as_attempt(exam: ExamFacts) -> bool:
    """An attempt was used unless the person cancelled (afgemeld) in time."""
    if exam.resultaat is None:
        return False
    return not (exam.resultaat == "Geen" and exam.reden_geen_resultaat == "Afgemeld")


@dataclass(frozen=True)
class ExamStatus:
    onderdeel: str
    required_level: str | None
    passed: bool
    passed_level: str | None
    attempts: int  # attempts used (with a result other than afgemeld)
    free_left: int | None  # DUO's gratisPogingenTegoed; None: the person pays their own exams
    last_result: str | None
    next_planned: dt.date | None
    exempt: bool = False
    below_pip_level: bool = False  # the next planned attempt is below the PIP level


def required_levels(f: DossierFacts) -> dict[str, str | None]:
    """The level each onderdeel must be passed at: the PIP level per skill (afschalen lowers one
    skill to A2, art. 17(3) Wi2021), A2 under Wi2013, KNM has no level."""
    if f.regime != "Wi2021":
        return {**dict.fromkeys(LANGUAGE_SKILLS, "A2"), "KNM": None}
    pip = f.current_pip
    if pip is None:
        return {}
    if pip.leerroute == "Z":
        return {}
    base = pip.niveau or "B1"
    levels: dict[str, str | None] = {s: pip.skill_levels.get(s) or base for s in LANGUAGE_SKILLS}
    levels["KNM"] = None
    return levels


def gemeente_pays_exams(f: DossierFacts) -> bool:
    """Under the Wi2021 the gemeente pays the course and the first two attempts of each exam of
    an asielstatushouder; gezinsmigranten and overige migranten (and everyone under an older
    regime) pay their own, often with a DUO loan (sources.EXAM_COSTS). Seed 001 L3531-3533
    names the two attempts per skill, whatever the level, but no group; DUO's M2M tegoed is
    per onderdeel."""
    return f.regime == "Wi2021" and f.doelgroep == "Asielstatushouder"


def exam_status(f: DossierFacts, today: dt.date, t: RuleTable = RULES) -> list[ExamStatus]:
    required = required_levels(f)
    codes = list(required) or sorted({e.onderdeel for e in f.exams})
    for e in f.exams:
        if e.onderdeel not in codes:
            codes.append(e.onderdeel)
    out = []
    free = gemeente_pays_exams(f)
    for code in codes:
        attempts = [e for e in f.exams if e.onderdeel == code]
        need = required.get(code)
        passes = [
            e for e in attempts if e.resultaat == "Geslaagd" and level_at_least(e.niveau, need)
        ]
        used = [e for e in attempts if counts_as_attempt(e)]
        free_used = sum(1 for e in used if e.free_attempt)
        results = sorted(
            (e for e in attempts if e.resultaat is not None),
            key=lambda e: e.planned_date or dt.date.min,
        )
        upcoming = sorted(
            e.planned_date
            for e in attempts
            if e.resultaat is None and e.planned_date and e.planned_date >= today
        )
        next_exam = next(
            (e for e in attempts if e.planned_date == (upcoming[0] if upcoming else None)), None
        )
        out.append(
            ExamStatus(
                onderdeel=code,
                required_level=need,
                passed=bool(passes),
                passed_level=max(
                    (e.niveau or "" for e in passes), key=lambda lv: LEVEL_ORDER.get(lv, -1)
                )
                if passes
                else None,
                attempts=len(used),
                free_left=max(0, t.free_attempts - free_used) if free else None,
                last_result=results[-1].resultaat if results else None,
                next_planned=upcoming[0] if upcoming else None,
                exempt=code in f.vrijgesteld_onderdelen,
                below_pip_level=bool(
                    next_exam
                    and need
                    and next_exam.niveau
                    and not level_at_least(next_exam.niveau, need)
                ),
            )
        )
    return out
