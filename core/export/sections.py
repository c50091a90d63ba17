"""The sections of a klantprofiel, the consent defaults, and the names fields get in the file.

A person chooses per section what goes along (DOMAIN.md §11 point 3): health, finances, family
and soft information, and the documents' contents, are off unless they say yes. Field names
follow DUO's M2M inburgering API and the GGM where those have a name (DOMAIN.md §6, §7, §9); the
rest are our column names in camelCase. Those names are declared with the fields
(``json=`` in core/models).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.domain.registry import KINDS as _KINDS
from core.export.section_codes import (  # noqa: F401 (re-exported)
    ALL_CODES,
    BY_CODE,
    DEFAULT_CODES,
    DUO_FORMATS,
    FAMILY_TOPICS,
    FINANCE_TOPICS,
    FORMAT,
    FORMATS,
    HEALTH_TOPICS,
    MIN_EXPORT_PASSPHRASE,
    PERSONAL_FORMATS,
    PROTECTABLE,
    SECTIONS,
    SOFT_TOPICS,
    SPECIAL_TOPICS,
    VERSION,
    Section,
    check_export_passphrase,
)
from core.models.base import Base as _Base
from core.models.fields import FieldInfo, declared
from core.models.person import Person as _Person

LIST_MODELS: dict[str, type] = {k.name: k.model for k in _KINDS.values() if not k.single}
SINGLE_MODELS: dict[str, type] = {k.name: k.model for k in _KINDS.values() if k.single}
# The Person relationship that holds each kind.
RELATION = {k.name: k.relation for k in _KINDS.values()}
# JSON key of each kind (plural, Dutch where the domain is Dutch).
KIND_KEYS = {k.name: k.json_key for k in _KINDS.values()}
# What the import preview calls each kind of record.
KIND_TITLES = {k.name: k.title for k in _KINDS.values()}
# The Person fields each section carries, as the fields declare (``section=`` in core/models).
PERSON_FIELDS: dict[str, tuple[str, ...]] = {
    s.code: tuple(name for name, info in declared(_Person) if info.section == s.code)
    for s in SECTIONS
}


def topic_section(topic: str, sensitive: bool = False) -> str:
    """Which section carries a brede-intake topic; a topic flagged sensitive is soft information."""
    for s in SECTIONS:
        if topic in s.topics:
            return s.code
    return "soft" if sensitive else "intake"


def shared_topics(person: Any, code: str) -> list[Any]:
    """The brede-intake topics section ``code`` carries in any export: only those the person
    agreed to share (``IntakeTopic.share_consent``). Every export reads its topics here, so a
    file never holds a topic whose consent says "No" (AVG art. 9: consent per kind of data)."""
    return [
        t
        for t in sorted(person.intake_topics, key=lambda t: t.id)
        if t.share_consent and topic_section(t.topic, t.sensitive) == code
    ]


def withheld_topics(person: Any, sections: Iterable[str]) -> list[Any]:
    """Topics of the chosen sections left out because the person did not agree to share them."""
    chosen = set(sections)
    return [
        t
        for t in sorted(person.intake_topics, key=lambda t: t.id)
        if not t.share_consent and topic_section(t.topic, t.sensitive) in chosen
    ]


# --------------------------------------------------------------------------- field names
# Fields never written: database keys and bookkeeping that changes on every save.
SKIP = {"id", "person_id", "created_at", "updated_at", "content", "uuid", "version_id"}
# Foreign keys, replaced by references that survive an import into another database.
REFS = {
    "document_id": "documentRef",
    "provider_id": "aanbieder",
    "contact_id": "contactRef",
    "pip_version_id": "pipVersie",
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def json_name(table: str, column: str) -> str:
    """The field's key in the file: a reference, the name its declaration gives (DUO's M2M name,
    the GGM's), else the column name in camelCase."""
    if column in REFS:
        return REFS[column]
    found = _Base.metadata.tables[table].columns.get(column)
    info = found.info.get("field") if found is not None else None
    return info.json if isinstance(info, FieldInfo) and info.json else camel(column)


def exported_columns(model: type) -> list[str]:
    """The columns of ``model`` that go into the file, in declaration order."""
    return [c.key for c in model.__mapper__.column_attrs if c.key not in SKIP]  # type: ignore[attr-defined]
