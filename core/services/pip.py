"""PIP versions: a change to the beschikking is a new, numbered version; old ones stay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select, update

from core import models as m
from core.domain.facts import dossier_facts, pip_facts, stored_pip_findings
from core.domain.validation import clean
from core.errors import ImportFileError, ValidationError
from core.export.json_io import ImportData
from core.i18n import _
from core.rules.duo_validation import ERROR, Finding, validate_pip
from core.rules.facts import DossierFacts
from core.services.records import get_person
from core.services.store import Store


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
        findings = pip_verdict(
            merged, dossier_facts(person), (current.version_no + 1) if current else 1
        )
        errors = [f for f in findings if f.severity == ERROR]
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


def pip_verdict(merged: dict[str, Any], facts: DossierFacts, version_no: int) -> list[Finding]:
    """The one check of a PIP version, for the form, this service and the import alike.

    ``merged`` holds the version's cleaned values (DUO's default level is filled in); raises
    ValidationError when the date or the route is missing, else returns DUO's findings.
    """
    if merged.get("dagtekening") is None:
        raise ValidationError(_("A PIP needs its date (dagtekening)."), field="dagtekening")
    if not merged.get("leerroute"):
        raise ValidationError(_("Choose the leerroute."), field="leerroute")
    if merged.get("niveau") is None and merged["leerroute"] in ("B", "O"):
        merged["niveau"] = "B1"  # DUO default for the B1-route and the onderwijsroute
    return validate_pip(pip_facts(merged, version_no), facts, merged.get("lbt_afwijking_reden"))


def dossiers_with_findings(store: Store) -> list[tuple[int, str, list[Finding]]]:
    """Today's gate on every dossier's current PIP as stored: (id, name, findings) of each one
    the form would flag. Run after a restore of an older backup, whose PIPs never met this
    check; nothing is changed (the data is the person's), the findings are said."""
    from core.services.clock_cache import iter_dossiers

    found = []
    with store.read() as session:
        for person in iter_dossiers(session):
            findings = stored_pip_findings(person)  # type: ignore[arg-type]
            if findings:
                found.append((person.id, person.display_name, findings))
    return found


class _Row(SimpleNamespace):
    """A record from the file: a field the file left out reads as empty, as in the database."""

    def __getattr__(self, name: str) -> Any:
        return None


def _stand_in(existing: m.Person | None, data: ImportData) -> _Row:
    """What the dossier would be after the import, as far as the PIP rules read it: the person,
    the azc dates, vrijstellingen, ontheffingen and leerbaarheidstoetsen (no database)."""
    columns: dict[str, Any] = {}
    for column in m.Person.__table__.columns:
        default = column.default.arg if column.default is not None else None
        columns[column.key] = None if callable(default) else default
        if existing is not None:
            columns[column.key] = getattr(existing, column.key)
    columns.update({k: v for k, v in data.person.items() if v is not None})

    def rows(kind: str, relation: str) -> list[Any]:
        old = list(getattr(existing, relation)) if existing is not None else []
        return old + [_Row(**_fields(r)) for r in data.lists.get(kind, [])]

    azc = data.singles.get("azc")
    lbt = sorted(rows("lbt", "lbt"), key=lambda r: r.datum_afname or dt.date.min)
    return _Row(
        **columns,
        azc=_Row(**_fields(azc)) if azc else (existing.azc if existing else None),
        vrijstellingen=rows("vrijstelling", "vrijstellingen"),
        ontheffingen=rows("ontheffing", "ontheffingen"),
        lbt=lbt,
        pip_versions=list(existing.pip_versions) if existing is not None else [],
        exams=[],
        verlengingen=[],
        besluiten=[],
        start_items=[],
        ontzorging=[],
        afspraken=[],
        contacts=[],
        intake_topics=[],
        map_hours=[],
    )


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not k.startswith("_")}


def check_imported_pips(
    existing: m.Person | None, data: ImportData, new_rows: list[dict[str, Any]]
) -> list[str]:
    """Every PIP version an import would add, through :func:`pip_verdict` in the file's order,
    each against the dossier as it would be by then. A finding DUO rejects refuses the whole
    file (ImportFileError, nothing written); warnings are returned for the preview."""
    dossier = _stand_in(existing, data)
    number = max((p.version_no for p in dossier.pip_versions), default=0)
    warnings: list[str] = []
    for row in sorted(new_rows, key=lambda r: r.get("_version_no") or 0):
        number += 1
        where = _("PIP version {n} in the file").format(n=row.get("_version_no") or number)
        values = _fields(row)
        try:
            findings = pip_verdict(values, dossier_facts(dossier, include_hours=False), number)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise ImportFileError(f"{where}: {exc.message}") from None
        errors = [f for f in findings if f.severity == ERROR]
        if errors:
            raise ImportFileError(f"{where}: {errors[0].text()}")
        warnings.extend(f"{where}: {f.text()}" for f in findings)
        dossier.pip_versions.append(_Row(**values, version_no=number))
    return warnings


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
