"""Every number the law (or DUO's practice) may change, in one dated table.

When a number changes, add a new :class:`RuleTable` with its ``valid_from`` date instead of
editing the old one: a dossier is judged by the table in force on the day in question.
Sources are DOMAIN.md sections and seed lines; "ext" marks facts from outside the seeds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleTable:
    valid_from: dt.date
    checked_on: dt.date
    # Clocks (DOMAIN.md §3)
    koppeling_weeks: int = 2  # seed 001 L1057-1058
    housing_weeks: int = 12  # norm after koppeling, seed 001 L1058-1059
    pip_weeks: int = 10  # seed 003 L430-436
    termijn_months: int = 36  # 3 years from the PIP dagtekening, seed 001 L1137-1138
    leerroute_change_months: int = 18  # ext (nt2.nl)
    exam_registration_lead_weeks: int = 6  # ext: register at least 6 weeks ahead
    exam_result_weeks: int = 8  # ext: result within 8 weeks
    ontzorging_months: int = 6  # seed 004 L1486-1503; seed 001 L3595-3598
    first_voorinburgering_gesprek_weeks: int = 2  # seed 000 L743-765
    bezwaar_weeks: int = 6  # Awb art. 6:7 (DOMAIN.md §6 names bezwaar, not the term)
    beroep_weeks: int = 6  # Awb art. 6:7 with 8:1
    insurance_months: int = 4  # Zvw art. 5 lid 3: insured within 4 months, covered from the start
    # Exams (DOMAIN.md §7)
    free_attempts: int = 2  # per onderdeel, asielstatushouders only (exams.gemeente_pays_exams)
    agi_attempts: int = 3  # Wi2013 AGI since 1 April 2023, seed 003 L1597-1601
    # Hours (DOMAIN.md §4.2, §8)
    map_praktijk_hours: float = 40  # seed 001 L3287-3288
    pvt_hours: float = 12  # seed 001 L3173
    z_language_hours: float = 800  # seed 001 L3072-3083
    z_participation_hours: float = 800  # asiel only, seed 001 L2684-2685
    wi2013_course_hours: float = 600  # seed 003 L1871-1879
    ona_hours: float = 64  # seed 003 L1871-1879
    voorinburgering_nt2_hours: float = 115  # seed 000 L690-696
    voorinburgering_knm_hours: float = 15
    voorinburgering_intromap_hours: float = 15
    voorinburgering_begeleiding_hours: float = 11
    max_hours_per_day: float = 24


TABLES: tuple[RuleTable, ...] = (
    RuleTable(valid_from=dt.date(2022, 1, 1), checked_on=dt.date(2026, 11, 24)),
)
RULESET_VERSION = "wi2021-2026-11-24"


def table_for(day: dt.date | None = None) -> RuleTable:
    """The table in force on ``day`` (the newest one when ``day`` is None)."""
    if day is None:
        return TABLES[-1]
    valid = [t for t in TABLES if t.valid_from <= day]
    return valid[-1] if valid else TABLES[0]


RULES = table_for()
