"""All models, importable from one place (Alembic and the services need the full metadata)."""

from core.models.azc import AzcPhase, CoaLocation, Skill, Training, Voorinburgering
from core.models.background import Ambition, Education, WorkExperience
from core.models.base import Base
from core.models.clocks import ClockFresh, StoredClock
from core.models.contacts import Contact, Conversation
from core.models.documents import AuditEntry, Document, ExportLog
from core.models.exams import ExamAttempt
from core.models.handhaving import Besluit
from core.models.hours import HourEntry, Provider
from core.models.intake import IntakeTopic, Leerbaarheidstoets
from core.models.person import Ontheffing, Person, Vrijstelling
from core.models.pip import PIP_FIELDS, Afspraak, PipVersion
from core.models.referrals import Referral
from core.models.start import StartItem
from core.models.support import OntzorgingItem, Precondition, Verlenging
from core.models.team import TeamMember, Transfer

__all__ = [
    "PIP_FIELDS",
    "Afspraak",
    "Ambition",
    "AuditEntry",
    "AzcPhase",
    "Base",
    "Besluit",
    "ClockFresh",
    "CoaLocation",
    "Contact",
    "Conversation",
    "Document",
    "Education",
    "ExamAttempt",
    "ExportLog",
    "HourEntry",
    "IntakeTopic",
    "Leerbaarheidstoets",
    "Ontheffing",
    "OntzorgingItem",
    "Person",
    "PipVersion",
    "Precondition",
    "Provider",
    "Referral",
    "Skill",
    "StartItem",
    "StoredClock",
    "TeamMember",
    "Training",
    "Transfer",
    "Verlenging",
    "Voorinburgering",
    "Vrijstelling",
    "WorkExperience",
]
