"""PIP versions: a change to the beschikking is a new, numbered version; old ones stay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from core import models as m
from core.errors import ValidationError
from core.i18n import _
from core.rules.duo_validation import validate_pip
from core.services.facts import dossier_facts, pip_facts
from core.services.records import get_person
from core.services.store import Store
from core.services.validation import clean


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


def new_pip_version(
    store: Store, dossier_id: int, values: dict[str, Any], *, allow_errors: bool = False
) -> tuple[int, list[Any]]:
    """Store a new beschikking version (fields not given are carried over from the current one).

    Returns the new id and DUO's findings. Findings of severity "error" (DUO would reject the
    PIP) stop the save unless ``allow_errors``: the person may still want to record what the
    gemeente actually decided.
    """
    with store.transaction() as session:
        person = get_person(session, dossier_id)
        current = session.scalars(
            select(m.PipVersion)
            .where(m.PipVersion.person_id == dossier_id)
            .order_by(m.PipVersion.version_no.desc())
        ).first()
        carried = {f: getattr(current, f) for f in m.PIP_FIELDS} if current else {}
        carried.update({k: getattr(current, k) for k in ("gemeente",)} if current else {})
        cleaned = clean(m.PipVersion, values)
        merged = {**carried, **cleaned}
        if merged.get("dagtekening") is None:
            raise ValidationError(_("A PIP needs its date (dagtekening)."), field="dagtekening")
        if not merged.get("leerroute"):
            raise ValidationError(_("Choose the leerroute."), field="leerroute")
        if merged.get("niveau") is None and merged["leerroute"] in ("B", "O"):
            merged["niveau"] = "B1"  # DUO default for the B1-route and the onderwijsroute
        facts = dossier_facts(person)
        candidate = pip_facts(merged, (current.version_no + 1) if current else 1)
        findings = validate_pip(candidate, facts, merged.get("lbt_afwijking_reden"))
        errors = [f for f in findings if f.severity == "error"]
        if errors and not allow_errors:
            raise ValidationError(errors[0].text(), field=getattr(errors[0], "field", None))
        number = (
            session.execute(
                select(func.coalesce(func.max(m.PipVersion.version_no), 0)).where(
                    m.PipVersion.person_id == dossier_id
                )
            ).scalar_one()
            + 1
        )
        if "trigger" not in merged or merged.get("trigger") is None:
            merged["trigger"] = "eerste" if number == 1 else "wijziging"
        pip = m.PipVersion(person_id=dossier_id, version_no=number, **merged)
        session.add(pip)
        session.flush()
        return int(pip.id), findings


def diff_versions(old: m.PipVersion | None, new: m.PipVersion) -> list[FieldChange]:
    changes = []
    for name in m.PIP_FIELDS:
        before = getattr(old, name) if old is not None else None
        after = getattr(new, name)
        if before != after and not (before in (None, "", False) and after in (None, "", False)):
            changes.append(FieldChange(name, before, after))
    return changes


def sign_version(store: Store, pip_id: int, who: str, on: dt.date) -> None:
    """Signatures are the one thing recorded on an existing version (they do not change it)."""
    if who not in ("person", "gemeente"):
        raise ValidationError(_("Unknown signatory."))
    with store.transaction() as session:
        pip = session.get(m.PipVersion, pip_id)
        if pip is None:
            raise ValidationError(_("This PIP version does not exist."))
        column = "signed_person_date" if who == "person" else "signed_gemeente_date"
        session.execute(update(m.PipVersion).where(m.PipVersion.id == pip_id).values({column: on}))
        # The bulk update bypasses the flush hooks, so record the audit entry here.
        actor = store.actor
        session.add(
            m.AuditEntry(
                person_id=pip.person_id,
                actor_kind=actor.kind,
                actor_name=actor.name,
                action="update",
                entity="pip_version",
                entity_id=pip_id,
                fields=[column],
            )
        )
