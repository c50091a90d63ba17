"""Adding, changing and removing the records of a dossier: one validated transaction each.

``KINDS`` maps the short names the GUI, the CLI and the import use to the models. Records that
exist once per dossier (``azc``, ``voorinburgering``) are set with :func:`set_section`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import models as m
from core.domain.registry import KINDS as _REGISTRY
from core.domain.validation import clean
from core.errors import ConflictError, NotFoundError, ValidationError
from core.export.klantprofiel import check_sections
from core.i18n import _
from core.rules.exams import gemeente_pays_exams
from core.rules.facts import DossierFacts
from core.rules.table import RULES
from core.services.store import Store

KINDS: dict[str, type] = {k.name: k.model for k in _REGISTRY.values() if k.edited_as_record}
SECTIONS: dict[str, type] = {k.name: k.model for k in _REGISTRY.values() if k.single}
MAX_HOURS_PER_DAY = 24.0


def model_for(kind: str) -> type:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValidationError(_("Unknown kind of record: {kind}").format(kind=kind[:40])) from None


def get_person(session: Session, dossier_id: int) -> m.Person:
    person = session.get(m.Person, dossier_id)
    if person is None:
        raise NotFoundError(_("This dossier does not exist (any more)."))
    return person


def _values_of(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}


def changed_since(obj: Any, base_version: int | None, cleaned: dict[str, Any]) -> None:
    """Refuse a save typed on ``base_version`` of ``obj`` when someone else saved the record
    since: nothing is written, and :class:`ConflictError` carries, per field this save would
    change, the value now stored and the value typed. ``None``: no check (an undo, or the
    person chose to keep their values). Two saves in the same instant are caught by the
    version check of the UPDATE itself (``Versioned``)."""
    if base_version is None or obj.version_id == base_version:
        return
    stored = _values_of(obj)
    raise ConflictError(
        _(
            "Someone else saved this record in the meantime. Your change was not saved; "
            "open it again to see theirs."
        ),
        conflicts={
            key: (stored.get(key), value)
            for key, value in cleaned.items()
            if stored.get(key) != value
        },
    )


def deleted_since(obj: Any, base_version: int | None) -> None:
    """Refuse to delete a record someone else changed after it was shown."""
    if base_version is not None and obj.version_id != base_version:
        raise ConflictError(
            _(
                "Someone else changed this record in the meantime, so it was not deleted. "
                "Look at their change; delete it again if it should still go."
            )
        )


def _check_links(session: Session, person_id: int, values: dict[str, Any]) -> None:
    doc_id = values.get("document_id")
    if doc_id is not None:
        doc = session.get(m.Document, doc_id)
        if doc is None or doc.person_id != person_id:
            raise ValidationError(_("That document is not in this dossier."), field="document_id")
    if (
        values.get("provider_id") is not None
        and session.get(m.Provider, values["provider_id"]) is None
    ):
        raise ValidationError(_("Unknown school or provider."), field="provider_id")
    if values.get("contact_id") is not None:
        contact = session.get(m.Contact, values["contact_id"])
        if contact is None or contact.person_id != person_id:
            raise ValidationError(_("That contact is not in this dossier."), field="contact_id")
    if values.get("pip_version_id") is not None:
        pip = session.get(m.PipVersion, values["pip_version_id"])
        if pip is None or pip.person_id != person_id:
            raise ValidationError(
                _("That PIP version is not in this dossier."), field="pip_version_id"
            )


def _check_day_total(
    session: Session, person_id: int, record: dict[str, Any], exclude_id: int | None
) -> None:
    day, hours = record.get("date"), record.get("hours")
    if day is None or hours is None:
        return
    query = select(func.coalesce(func.sum(m.HourEntry.hours), 0.0)).where(
        m.HourEntry.person_id == person_id, m.HourEntry.date == day
    )
    if exclude_id is not None:
        query = query.where(m.HourEntry.id != exclude_id)
    already = float(session.execute(query).scalar_one())
    if already + float(hours) > MAX_HOURS_PER_DAY:
        raise ValidationError(
            _("With this entry {day} would have more than 24 hours ({total} hours).").format(
                day=day.isoformat(), total=round(already + float(hours), 1)
            ),
            field="hours",
        )


def _side_effects(session: Session, person_id: int, model: type, obj: Any) -> None:
    if model is m.Contact and obj.is_vaste_aanspreekpunt:
        for other in session.scalars(
            select(m.Contact).where(m.Contact.person_id == person_id, m.Contact.id != obj.id)
        ):
            if other.is_vaste_aanspreekpunt:
                other.is_vaste_aanspreekpunt = False
    if model is m.Afspraak and obj.status == "gedaan" and obj.done_date is None:
        obj.done_date = dt.date.today()


def _prepare_new(
    session: Session, person_id: int, model: type, values: dict[str, Any]
) -> dict[str, Any]:
    onderdeel = values.get("onderdeel")  # not yet validated: only a text can be counted on
    if (
        model is m.ExamAttempt
        and "attempt_no" not in values
        and onderdeel
        and isinstance(onderdeel, str)
    ):
        earlier = session.execute(
            select(func.count()).where(
                m.ExamAttempt.person_id == person_id,
                m.ExamAttempt.onderdeel == values["onderdeel"],
                m.ExamAttempt.reden_geen_resultaat.is_distinct_from("Afgemeld"),
            )
        ).scalar_one()
        person = get_person(session, person_id)
        paid = gemeente_pays_exams(
            DossierFacts(dossier_id=person_id, regime=person.regime, doelgroep=person.doelgroep)
        )
        values = {
            **values,
            "attempt_no": earlier + 1,
            # free only while the gemeente pays: two attempts per onderdeel (rules.exams)
            "free_attempt": values.get("free_attempt", paid and earlier < RULES.free_attempts),
        }
    return values


def _known_sections(cleaned: dict[str, Any]) -> dict[str, Any]:
    """A referral's consent names klantprofiel sections; the gate checked their shape, this
    checks they exist (the section list lives in core.export, above core.domain)."""
    if cleaned.get("consent_sections"):
        try:
            cleaned["consent_sections"] = list(check_sections(cleaned["consent_sections"]))
        except ValidationError as exc:
            raise ValidationError(
                str(exc), field="consent_sections", errors={"consent_sections": str(exc)}
            ) from None
    return cleaned


def add_record(store: Store, dossier_id: int, kind: str, values: dict[str, Any]) -> int:
    model = model_for(kind)
    with store.transaction() as session:
        get_person(session, dossier_id)
        values = _prepare_new(session, dossier_id, model, dict(values))
        cleaned = _known_sections(clean(model, values, partial=False))
        _check_links(session, dossier_id, cleaned)
        if model is m.HourEntry:
            _check_day_total(session, dossier_id, cleaned, None)
        obj = model(person_id=dossier_id, **cleaned)
        session.add(obj)
        session.flush()
        _side_effects(session, dossier_id, model, obj)
        return int(obj.id)


def _load(session: Session, model: type, record_id: int) -> Any:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError(_("This record does not exist (any more)."))
    return obj


def update_record(
    store: Store,
    kind: str,
    record_id: int,
    values: dict[str, Any],
    *,
    base_version: int | None = None,
) -> None:
    """Change one record. ``base_version``: the version the values were typed on (the record's
    ``version_id`` when the form was filled); see :func:`changed_since`. A record deleted by
    someone else meanwhile raises :class:`NotFoundError`."""
    model = model_for(kind)
    with store.transaction() as session:
        obj = _load(session, model, record_id)
        cleaned = _known_sections(clean(model, values, existing=_values_of(obj)))
        changed_since(obj, base_version, cleaned)
        _check_links(session, obj.person_id, cleaned)
        if model is m.HourEntry:
            _check_day_total(session, obj.person_id, {**_values_of(obj), **cleaned}, obj.id)
        for key, value in cleaned.items():
            setattr(obj, key, value)
        session.flush()
        _side_effects(session, obj.person_id, model, obj)


def delete_record(
    store: Store, kind: str, record_id: int, *, base_version: int | None = None
) -> dict[str, Any]:
    """Delete and return the old values, so the GUI can offer undo (re-add them).
    ``base_version``: the version shown; a record changed since is not deleted (ConflictError)."""
    model = model_for(kind)
    with store.transaction() as session:
        obj = _load(session, model, record_id)
        deleted_since(obj, base_version)
        old = _values_of(obj)
        session.delete(obj)
        return old


def restore_record(store: Store, kind: str, old: dict[str, Any]) -> int:
    """Undo a delete: re-add the record with its old values (the database picks the id)."""
    values = {k: v for k, v in old.items() if k not in ("id", "person_id", "version_id")}
    return add_record(store, old["person_id"], kind, values)


def set_section(
    store: Store,
    dossier_id: int,
    section: str,
    values: dict[str, Any],
    *,
    base_version: int | None = None,
) -> None:
    """Create or update the one-per-dossier record ``azc`` or ``voorinburgering``.
    ``base_version``: the version the values were typed on (None when there was none yet)."""
    model = SECTIONS.get(section)
    if model is None:
        raise ValidationError(_("Unknown section: {name}").format(name=section[:40]))
    with store.transaction() as session:
        get_person(session, dossier_id)
        obj = session.scalars(select(model).where(model.person_id == dossier_id)).first()  # type: ignore[attr-defined]
        cleaned = clean(model, values, existing=_values_of(obj) if obj else None)
        if obj is not None:
            changed_since(obj, base_version, cleaned)
        if obj is None:
            obj = model(person_id=dossier_id)
            session.add(obj)
        for key, value in cleaned.items():
            setattr(obj, key, value)


def add_provider(store: Store, values: dict[str, Any]) -> int:
    with store.transaction() as session:
        cleaned = clean(m.Provider, values, partial=False)
        name = cleaned.get("name", "")
        existing = session.scalars(select(m.Provider).where(m.Provider.name == name)).first()
        if existing is not None:
            for key, value in cleaned.items():
                setattr(existing, key, value)
            return int(existing.id)
        obj = m.Provider(**cleaned)
        session.add(obj)
        session.flush()
        return int(obj.id)


def list_providers(store: Store) -> list[m.Provider]:
    with store.read() as session:
        return list(session.scalars(select(m.Provider).order_by(m.Provider.name)))
