"""The klantprofiel's sections, formats and consent defaults without the models, so the
command line can build its parser (and the app paint its first window) before SQLAlchemy is
loaded. ``core.export.sections`` re-exports all of it; import from there elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import ValidationError
from core.i18n import N_, _

# What can be exported (the CLI lists these without importing the PDF code).
FORMATS: dict[str, str] = {
    "pdf": N_("Klantprofiel (PDF)"),
    "json": N_("Klantprofiel (structured JSON)"),
    "ics": N_("Calendar (.ics)"),
    "pip-pdf": N_("PIP, bilingual (PDF)"),
    "pid-pdf": N_("PID / blauwe map (PDF)"),
    "cv-pdf": N_("CV, bilingual (PDF)"),
    "html": N_("Map for a phone (HTML)"),
    "duo-pip": N_("PIP for DUO (M2M JSON)"),
    "duo-map": N_("MAP, PVT and Z-route results for DUO (M2M JSON)"),
}
# DUO's forms and the section the person must agree to share for each (core.export.duo).
DUO_FORMATS: dict[str, str] = {"duo-pip": "pip", "duo-map": "plicht"}

MIN_EXPORT_PASSPHRASE = 8  # a protected export's passphrase
# In the person's own language by default.
PERSONAL_FORMATS = ("pid-pdf", "pip-pdf", "cv-pdf", "html")
PROTECTABLE = ("html",)  # formats that can be encrypted with a passphrase


def check_export_passphrase(passphrase: str) -> None:
    """The one gate for a protected export's passphrase (CLI, GUI, service, renderer)."""
    if len(passphrase) < MIN_EXPORT_PASSPHRASE:
        raise ValidationError(
            _("The passphrase for the file must have at least {n} characters.").format(
                n=MIN_EXPORT_PASSPHRASE
            ),
            field="passphrase",
        )


FORMAT = "blauwemap-klantprofiel"
VERSION = 1


@dataclass(frozen=True)
class Section:
    code: str
    title: str  # msgid, show with _()
    sensitive: bool = False  # off by default
    singles: tuple[str, ...] = ()  # one-per-dossier records: azc, voorinburgering
    lists: tuple[str, ...] = ()  # record kinds (see LIST_MODELS)
    topics: tuple[str, ...] = ()  # brede-intake topic codes carried by this section
    extra: tuple[str, ...] = field(default=())


HEALTH_TOPICS = ("fysieke_gezondheid", "mentale_gezondheid", "mentale_belastbaarheid")
FAMILY_TOPICS = ("gezinssituatie", "kinderen_vve", "sociaal_netwerk")
FINANCE_TOPICS = ("financiele_zelfredzaamheid", "signalen")
SOFT_TOPICS = ("motivatie",)
SPECIAL_TOPICS = HEALTH_TOPICS + FAMILY_TOPICS + FINANCE_TOPICS + SOFT_TOPICS

SECTIONS: tuple[Section, ...] = (
    Section(
        "identity",
        N_("Identity and contact details"),
    ),
    Section(
        "plicht",
        N_("Inburgeringsplicht, exemptions and extensions"),
        lists=("vrijstelling", "ontheffing", "verlenging"),
    ),
    Section(
        "verwijzingen",
        N_("Referrals to partners and what was shared"),
        sensitive=True,  # a referral to GGZ or debt help says something about health or money
        lists=("referral",),
    ),
    Section(
        "startchecklist",
        N_("First practical steps after housing"),
        lists=("start_item",),
    ),
    Section(
        "handhaving",
        N_("Decisions, objections and fines (handhaving)"),
        lists=("besluit",),
    ),
    Section(
        "azc",
        N_("Azc phase and Voorinburgering"),
        singles=("azc", "voorinburgering"),
        lists=("coa_location", "training", "skill"),
    ),
    Section(
        "background", N_("Education, work and ambitions"), lists=("education", "work", "ambition")
    ),
    Section("intake", N_("Brede intake and leerbaarheidstoets"), lists=("lbt",), topics=("*",)),
    Section("pip", N_("PIP and agreements"), lists=("pip_version", "afspraak")),
    Section("hours", N_("Hours"), lists=("hour",)),
    Section("exams", N_("Exams"), lists=("exam",)),
    Section("support", N_("Preconditions"), lists=("precondition",)),
    Section("contacts", N_("Contacts and conversations"), lists=("contact", "conversation")),
    Section(
        "note",
        N_("Note for the next teacher or klantmanager"),
    ),
    Section("documents", N_("Documents (list)"), lists=("document",)),
    Section("document_content", N_("Documents (the files themselves)"), sensitive=True),
    Section("health", N_("Health"), sensitive=True, topics=HEALTH_TOPICS),
    Section(
        "family",
        N_("Family"),
        sensitive=True,
        topics=FAMILY_TOPICS,
    ),
    Section(
        "finances",
        N_("Finances and ontzorgen"),
        sensitive=True,
        lists=("ontzorging",),
        topics=FINANCE_TOPICS,
    ),
    Section(
        "soft",
        N_("Soft information (motivation, notes)"),
        sensitive=True,
        topics=SOFT_TOPICS,
    ),
)
BY_CODE = {s.code: s for s in SECTIONS}
ALL_CODES = tuple(s.code for s in SECTIONS)
DEFAULT_CODES = tuple(s.code for s in SECTIONS if not s.sensitive)
