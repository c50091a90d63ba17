"""The sections of a klantprofiel, the consent defaults, and the names fields get in the file.

A person chooses per section what goes along (DOMAIN.md §11 point 3): health, finances, family
and soft information, and the documents' contents, are off unless they say yes. Field names
follow DUO's M2M inburgering API and the GGM where those have a name (DOMAIN.md §6, §7, §9); the
rest are our column names in camelCase.
"""

from __future__ import annotations

from core import models as m
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
from core.i18n import N_

LIST_MODELS: dict[str, type] = {
    "vrijstelling": m.Vrijstelling,
    "ontheffing": m.Ontheffing,
    "verlenging": m.Verlenging,
    "coa_location": m.CoaLocation,
    "training": m.Training,
    "skill": m.Skill,
    "education": m.Education,
    "work": m.WorkExperience,
    "ambition": m.Ambition,
    "lbt": m.Leerbaarheidstoets,
    "intake_topic": m.IntakeTopic,
    "pip_version": m.PipVersion,
    "afspraak": m.Afspraak,
    "hour": m.HourEntry,
    "exam": m.ExamAttempt,
    "precondition": m.Precondition,
    "ontzorging": m.OntzorgingItem,
    "contact": m.Contact,
    "conversation": m.Conversation,
    "document": m.Document,
}
SINGLE_MODELS: dict[str, type] = {"azc": m.AzcPhase, "voorinburgering": m.Voorinburgering}
# The Person relationship that holds each kind.
RELATION = {
    "vrijstelling": "vrijstellingen",
    "ontheffing": "ontheffingen",
    "verlenging": "verlengingen",
    "coa_location": "coa_locations",
    "training": "trainings",
    "skill": "skills",
    "education": "education",
    "work": "work",
    "ambition": "ambitions",
    "lbt": "lbt",
    "intake_topic": "intake_topics",
    "pip_version": "pip_versions",
    "afspraak": "afspraken",
    "hour": "hours",
    "exam": "exams",
    "precondition": "preconditions",
    "ontzorging": "ontzorging",
    "contact": "contacts",
    "conversation": "conversations",
    "document": "documents",
    "azc": "azc",
    "voorinburgering": "voorinburgering",
}
# JSON key of each kind (plural, Dutch where the domain is Dutch).
KIND_KEYS = {
    "vrijstelling": "vrijstellingen",
    "ontheffing": "ontheffingen",
    "verlenging": "verlengingen",
    "coa_location": "coaLocaties",
    "training": "trainingen",
    "skill": "vaardigheden",
    "education": "opleidingen",
    "work": "werkervaring",
    "ambition": "ambities",
    "lbt": "leerbaarheidstoetsen",
    "intake_topic": "bredeIntake",
    "pip_version": "pipVersies",
    "afspraak": "afspraken",
    "hour": "uren",
    "exam": "examens",
    "precondition": "randvoorwaarden",
    "ontzorging": "ontzorging",
    "contact": "contactpersonen",
    "conversation": "gesprekken",
    "document": "documenten",
    "azc": "azcFase",
    "voorinburgering": "voorinburgering",
}

# What the import preview calls each kind of record.
KIND_TITLES = {
    "vrijstelling": N_("exemptions (vrijstelling)"),
    "ontheffing": N_("releases (ontheffing)"),
    "verlenging": N_("extensions (verlenging)"),
    "coa_location": N_("COA locations"),
    "training": N_("trainings"),
    "skill": N_("skills"),
    "education": N_("education"),
    "work": N_("work experience"),
    "ambition": N_("ambitions"),
    "lbt": N_("leerbaarheidstoetsen"),
    "intake_topic": N_("brede-intake topics"),
    "pip_version": N_("PIP versions"),
    "afspraak": N_("agreements"),
    "hour": N_("hour entries"),
    "exam": N_("exams"),
    "precondition": N_("preconditions"),
    "ontzorging": N_("ontzorging items"),
    "contact": N_("contacts"),
    "conversation": N_("conversations"),
    "document": N_("documents"),
    "azc": N_("azc phase"),
    "voorinburgering": N_("Voorinburgering"),
}


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
