"""Every clock of one dossier or of the whole caseload, for the overview, the CLI and exports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core import models as m
from core.domain.facts import FACT_RELATIONS, dossier_facts
from core.rules.clocks import DossierClock, all_clocks
from core.rules.next_step import next_steps
from core.rules.requirements import requirements
from core.services.store import Store

# Everything the clocks need (of the hours only the MAP praktijkuren count, for the MAP clock).
_CLOCK_LOAD = (
    *(selectinload(getattr(m.Person, name)) for name in FACT_RELATIONS),
    selectinload(m.Person.hours).selectinload(m.HourEntry.provider),
)


def caseload_clocks(
    store: Store, today: dt.date, *, dossier_id: int | None = None, batch: int = 500
) -> list[DossierClock]:
    """Every clock of every dossier (or of one). The whole caseload comes from the stored clock
    plans (``clock_cache``), which are computed again only for dossiers that changed."""
    if dossier_id is None:
        from core.services.clock_cache import cached_caseload_clocks

        return cached_caseload_clocks(store, today)
    out: list[DossierClock] = []
    with store.read() as session:
        query = select(m.Person).options(*_CLOCK_LOAD).order_by(m.Person.id)
        if dossier_id is not None:
            query = query.where(m.Person.id == dossier_id)
        for person in session.scalars(query.execution_options(yield_per=batch)):
            facts = dossier_facts(person, include_hours=False)
            for clock in all_clocks(facts, today):
                out.append(DossierClock(person.id, person.display_name, clock))
    return out


def dossier_overview(person: m.Person, today: dt.date) -> dict[str, Any]:
    """Clocks, requirements and next steps of one loaded dossier (for the overview screen)."""
    facts = dossier_facts(person)
    return {
        "clocks": all_clocks(facts, today),
        "requirements": requirements(facts),
        "next_steps": next_steps(facts, today),
        "facts": facts,
    }
