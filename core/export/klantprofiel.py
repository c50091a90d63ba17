"""The klantprofiel's structured content, built from a loaded dossier and the consent choice.

One function, :func:`build`, turns a :func:`core.services.dossiers.load_dossier` snapshot into
the JSON-ready dictionary that the JSON export writes and that the PDFs print. Only the sections
the person agreed to are in it. Records keep their database order, references between records
are file-local (``doc-1``, a PIP version number, a provider's name), so an export → import →
export cycle yields the same file.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from core import models as m
from core.domain.facts import dossier_facts
from core.errors import ValidationError
from core.export.sections import (
    BY_CODE,
    FORMAT,
    KIND_KEYS,
    PERSON_FIELDS,
    RELATION,
    SECTIONS,
    VERSION,
    exported_columns,
    json_name,
    shared_topics,
)
from core.i18n import _
from core.rules.clocks import all_clocks
from core.rules.exams import exam_status
from core.rules.requirements import requirements

GENERATOR = "Blauwe Map"
# Clock kinds that belong to a section other than "plicht" (left out when it is not shared).
CLOCK_SECTION = {
    "exam_registration": "exams",
    "exam_result": "exams",
    "ontzorging_end": "finances",
    "afspraak_due": "pip",
    "koppeling_due": "azc",
    "housing_due": "azc",
    "zorgverzekering_due": "startchecklist",
    "bezwaar": "handhaving",
    "beroep": "handhaving",
}


def check_sections(sections: Iterable[str]) -> tuple[str, ...]:
    """The chosen section codes in canonical order; unknown codes are an error."""
    chosen = set(sections)
    unknown = sorted(chosen - set(BY_CODE))
    if unknown:
        raise ValidationError(
            _("Unknown section: {name}").format(name=unknown[0][:40]), field="sections"
        )
    return tuple(s.code for s in SECTIONS if s.code in chosen)


def plain(value: Any) -> Any:
    """A column value as JSON: ISO dates, numbers, lists."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return list(value)
    return value


class _Refs:
    """File-local names for records other records point at."""

    def __init__(self, person: m.Person, sections: tuple[str, ...]) -> None:
        self.docs = (
            {
                d.id: f"doc-{i}"
                for i, d in enumerate(sorted(person.documents, key=lambda d: d.id), 1)
            }
            if "documents" in sections
            else {}
        )
        self.contacts = (
            {c.id: i for i, c in enumerate(sorted(person.contacts, key=lambda c: c.id), 1)}
            if "contacts" in sections
            else {}
        )
        self.pips = {p.id: p.version_no for p in person.pip_versions} if "pip" in sections else {}

    def value(self, column: str, obj: Any) -> Any:
        raw = getattr(obj, column)
        if raw is None:
            return None
        if column == "document_id":
            return self.docs.get(raw)
        if column == "contact_id":
            return self.contacts.get(raw)
        if column == "pip_version_id":
            return self.pips.get(raw)
        if column == "provider_id":
            return obj.provider.name if obj.provider is not None else None
        return raw


def record(obj: Any, refs: _Refs | None = None) -> dict[str, Any]:
    table = obj.__tablename__
    out: dict[str, Any] = {}
    for column in exported_columns(type(obj)):
        value = refs.value(column, obj) if refs else getattr(obj, column)
        out[json_name(table, column)] = plain(value)
    return out


def _provider(p: m.Provider) -> dict[str, Any]:
    return {
        "naam": p.name,
        "plaats": p.city,
        "keurmerk": p.keurmerk,
        "keurmerkVan": plain(p.keurmerk_from),
        "keurmerkTot": plain(p.keurmerk_until),
        "taalschakelErkend": p.taalschakel_erkend,
        "gesloten": plain(p.closed_on),
    }


def _by_id(items: Iterable[Any]) -> list[Any]:
    return sorted(items, key=lambda r: r.id)


def build_sections(
    person: m.Person,
    sections: Iterable[str],
    *,
    document_content: Mapping[int, bytes] | None = None,
) -> dict[str, Any]:
    """Only the chosen sections, each a dict of person fields and lists of records."""
    chosen = check_sections(sections)
    refs = _Refs(person, chosen)
    out: dict[str, Any] = {}
    for code in chosen:
        section = BY_CODE[code]
        body: dict[str, Any] = {}
        for name in PERSON_FIELDS[code]:
            body[json_name("person", name)] = plain(getattr(person, name))
        for kind in section.singles:
            obj = getattr(person, RELATION[kind])
            body[KIND_KEYS[kind]] = record(obj, refs) if obj is not None else None
        for kind in section.lists:
            items = _by_id(getattr(person, RELATION[kind]))
            rows = [record(obj, refs) for obj in items]
            if kind == "document":
                for row, doc in zip(rows, items, strict=True):
                    row["ref"] = refs.docs[doc.id]
                    if "document_content" in chosen and document_content is not None:
                        data = document_content.get(doc.id, b"")
                        if data or not doc.size:  # a document kept without its file has none
                            row["inhoudBase64"] = base64.b64encode(data).decode("ascii")
            if kind == "contact":
                for row, obj in zip(rows, items, strict=True):
                    row["ref"] = refs.contacts[obj.id]
            body[KIND_KEYS[kind]] = rows
        if "hour" in section.lists:
            providers = {h.provider.name: h.provider for h in person.hours if h.provider}
            body["aanbieders"] = [_provider(providers[n]) for n in sorted(providers)]
        if section.topics:
            topics = shared_topics(person, code)
            body[KIND_KEYS["intake_topic"]] = [record(t, refs) for t in topics]
        out[code] = body
    return out


def derived(person: m.Person, sections: tuple[str, ...], today: dt.date) -> dict[str, Any]:
    """Clocks, requirements and exam status as of ``today`` (not read back on import)."""
    if "plicht" not in sections:
        return {}
    facts = dossier_facts(person)
    clocks = [
        {
            "soort": c.kind,
            "datum": plain(c.date),
            "status": c.status,
            "begin": plain(c.start),
            "detail": c.detail,
            "bron": c.source,
        }
        for c in all_clocks(facts, today)
        if CLOCK_SECTION.get(c.kind, "plicht") in sections
    ]
    out: dict[str, Any] = {"peildatum": today.isoformat(), "klokken": clocks}
    if "hours" in sections or "exams" in sections or "pip" in sections:
        out["vereisten"] = [
            {
                "code": r.code,
                "soort": r.kind,
                "vereist": r.required,
                "gedaan": r.done,
                "voldaan": r.met,
                "detail": r.detail,
                "bron": r.source,
            }
            for r in requirements(facts, today=today)
        ]
    if "exams" in sections:
        out["examenstatus"] = [
            {
                "onderdeel": s.onderdeel,
                "vereistNiveau": s.required_level,
                "behaald": s.passed,
                "behaaldNiveau": s.passed_level,
                "pogingen": s.attempts,
                "gratisPogingenOver": s.free_left,
                "laatsteResultaat": s.last_result,
                "volgendeExamendatum": plain(s.next_planned),
                "vrijgesteld": s.exempt,
            }
            for s in exam_status(facts, today)
        ]
    return out


def build(
    person: m.Person,
    sections: Iterable[str],
    *,
    today: dt.date,
    exported_at: dt.datetime | None = None,
    recipient: str | None = None,
    document_content: Mapping[int, bytes] | None = None,
) -> dict[str, Any]:
    """The whole klantprofiel as a JSON-ready dict (schema resources/schemas/klantprofiel-1)."""
    chosen = check_sections(sections)
    at = exported_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return {
        "formaat": FORMAT,
        "versie": VERSION,
        "export": {
            "exportedAt": at.replace(microsecond=0).isoformat(),
            "generator": GENERATOR,
            "ontvanger": recipient,
            "secties": list(chosen),
        },
        "dossierUuid": person.uuid,
        "secties": build_sections(person, chosen, document_content=document_content),
        "afgeleid": derived(person, chosen, today),
    }
