"""Every record kind of a dossier, declared once.

One row per kind: its short name (used by the GUI, the CLI and the import), its model, the
Person relationship that holds it, its key in the klantprofiel JSON, what the import preview
calls it, and whether the generic records service edits it. The records service and the export
sections read this table instead of restating it.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import models as m
from core.i18n import N_


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    relation: str  # the Person relationship
    json_key: str  # key in the klantprofiel JSON
    title: str  # N_ msgid: what the import preview calls it
    single: bool = False  # once per dossier (set with records.set_section)
    edited_as_record: bool = True  # added/changed through records.add/update/delete


# fmt: off
_TABLE = (
    #    name            model                   relation          json_key                title                                       single / record
    Kind("vrijstelling", m.Vrijstelling,         "vrijstellingen", "vrijstellingen",       N_("exemptions (vrijstelling)")),
    Kind("ontheffing",   m.Ontheffing,           "ontheffingen",   "ontheffingen",         N_("releases (ontheffing)")),
    Kind("verlenging",   m.Verlenging,           "verlengingen",   "verlengingen",         N_("extensions (verlenging)")),
    Kind("referral",     m.Referral,             "referrals",      "verwijzingen",         N_("referrals to partners")),
    Kind("start_item",   m.StartItem,            "start_items",    "startchecklist",       N_("first practical steps")),
    Kind("besluit",      m.Besluit,              "besluiten",      "besluiten",            N_("decisions, objections and fines")),
    Kind("coa_location", m.CoaLocation,          "coa_locations",  "coaLocaties",          N_("COA locations")),
    Kind("training",     m.Training,             "trainings",      "trainingen",           N_("trainings")),
    Kind("skill",        m.Skill,                "skills",         "vaardigheden",         N_("skills")),
    Kind("education",    m.Education,            "education",      "opleidingen",          N_("education")),
    Kind("work",         m.WorkExperience,       "work",           "werkervaring",         N_("work experience")),
    Kind("ambition",     m.Ambition,             "ambitions",      "ambities",             N_("ambitions")),
    Kind("lbt",          m.Leerbaarheidstoets,   "lbt",            "leerbaarheidstoetsen", N_("leerbaarheidstoetsen")),
    Kind("intake_topic", m.IntakeTopic,          "intake_topics",  "bredeIntake",          N_("brede-intake topics"),      edited_as_record=False),
    Kind("pip_version",  m.PipVersion,           "pip_versions",   "pipVersies",           N_("PIP versions"),             edited_as_record=False),
    Kind("afspraak",     m.Afspraak,             "afspraken",      "afspraken",            N_("agreements")),
    Kind("hour",         m.HourEntry,            "hours",          "uren",                 N_("hour entries")),
    Kind("exam",         m.ExamAttempt,          "exams",          "examens",              N_("exams")),
    Kind("precondition", m.Precondition,         "preconditions",  "randvoorwaarden",      N_("preconditions")),
    Kind("ontzorging",   m.OntzorgingItem,       "ontzorging",     "ontzorging",           N_("ontzorging items")),
    Kind("contact",      m.Contact,              "contacts",       "contactpersonen",      N_("contacts")),
    Kind("conversation", m.Conversation,         "conversations",  "gesprekken",           N_("conversations")),
    Kind("document",     m.Document,             "documents",      "documenten",           N_("documents"),                edited_as_record=False),
    Kind("azc",          m.AzcPhase,             "azc",            "azcFase",              N_("azc phase"),                single=True, edited_as_record=False),
    Kind("voorinburgering", m.Voorinburgering,   "voorinburgering", "voorinburgering",     N_("Voorinburgering"),          single=True, edited_as_record=False),
)
# fmt: on

KINDS: dict[str, Kind] = {k.name: k for k in _TABLE}
