"""The sections of a klantprofiel, the consent defaults, and the names fields get in the file.

A person chooses per section what goes along (DOMAIN.md §11 point 3): health, finances, family
and soft information, and the documents' contents, are off unless they say yes. Field names
follow DUO's M2M inburgering API and the GGM where those have a name (DOMAIN.md §6, §7, §9); the
rest are our column names in camelCase.
"""

from __future__ import annotations

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

LIST_MODELS: dict[str, type] = {k.name: k.model for k in _KINDS.values() if not k.single}
SINGLE_MODELS: dict[str, type] = {k.name: k.model for k in _KINDS.values() if k.single}
# The Person relationship that holds each kind.
RELATION = {k.name: k.relation for k in _KINDS.values()}
# JSON key of each kind (plural, Dutch where the domain is Dutch).
KIND_KEYS = {k.name: k.json_key for k in _KINDS.values()}
# What the import preview calls each kind of record.
KIND_TITLES = {k.name: k.title for k in _KINDS.values()}


def topic_section(topic: str, sensitive: bool = False) -> str:
    """Which section carries a brede-intake topic; a topic flagged sensitive is soft information."""
    for s in SECTIONS:
        if topic in s.topics:
            return s.code
    return "soft" if sensitive else "intake"


# --------------------------------------------------------------------------- field names
# Fields never written: database keys and bookkeeping that changes on every save.
SKIP = {"id", "person_id", "created_at", "updated_at", "content", "uuid"}
# Foreign keys, replaced by references that survive an import into another database.
REFS = {
    "document_id": "documentRef",
    "provider_id": "aanbieder",
    "contact_id": "contactRef",
    "pip_version_id": "pipVersie",
}
DUO_NAMES: dict[tuple[str, str], str] = {
    ("person", "bsn"): "burgerservicenummer",
    ("person", "v_nummer"): "vNummer",
    ("person", "given_names"): "voornamen",
    ("person", "family_name"): "geslachtsnaam",
    ("person", "date_of_birth"): "geboortedatum",
    ("person", "literacy"): "indicatorAlfabetiseringsonderwijs",
    ("person", "doelgroep"): "doelgroepindeling",
    ("person", "gedetailleerde_doelgroep"): "gedetailleerdeDoelgroep",
    ("person", "plicht_begindatum"): "begindatum",
    ("person", "plicht_einddatum"): "einddatum",
    ("person", "datum_kennisgeving"): "datumKennisgevingInburgeringsplicht",
    ("person", "reden_geen_plicht"): "redenGeenInburgeringsplicht",
    ("person", "datum_afronding_zroute"): "datumAfrondingZroute",
    ("person", "datum_eindgesprek_map"): "datumEindgesprekMap",
    ("person", "datum_ondertekening_pvt"): "datumOndertekeningPvt",
    ("pip_version", "dagtekening"): "dagtekeningPip",
    ("pip_version", "geschatte_intensiteit"): "geschatteIntensiteitB1Route",
    ("pip_version", "alfabetisering"): "indicatorAlfabetiseringsonderwijs",
    ("pip_version", "mag_opleiding_afmaken"): "indicatorMagOpleidingAfmaken",
    ("pip_version", "contact_name"): "contactpersoonNaam",
    ("pip_version", "contact_email"): "contactpersoonEmail",
    ("exam_attempt", "planned_date"): "examendatum",
    ("exam_attempt", "reden_geen_resultaat"): "redenGeenResultaat",
    ("exam_attempt", "gratis_pogingen_tegoed"): "gratisPogingenTegoed",
    ("leerbaarheidstoets", "datum_afname"): "datumAfname",
    ("leerbaarheidstoets", "behaalde_score"): "behaaldeScore",
    ("leerbaarheidstoets", "benodigde_score"): "benodigdeScore",
    ("ontheffing", "uren_belastbaarheid"): "urenBelastbaarheidParticipatieactiviteit",
    ("hour_entry", "category"): "soortUren",
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def json_name(table: str, column: str) -> str:
    if column in REFS:
        return REFS[column]
    return DUO_NAMES.get((table, column), camel(column))


def exported_columns(model: type) -> list[str]:
    """The columns of ``model`` that go into the file, in declaration order."""
    return [c.key for c in model.__mapper__.column_attrs if c.key not in SKIP]  # type: ignore[attr-defined]
