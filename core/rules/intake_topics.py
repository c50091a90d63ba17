"""The topics of the brede intake (DOMAIN.md §5): the 13 startposities of the pilots
(seed 004 L1142-1146) plus the legal minimum (seed 001 L2033-2100) and seed 004's additions.

Each topic has the questions a consultant asks, in plain words so they can be read out to the
person or translated by an interpreter. Titles and questions are marked with ``N_`` and
translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ValidationError
from core.i18n import N_, _


@dataclass(frozen=True)
class Topic:
    code: str
    title: str  # msgid; show with _()
    questions: tuple[str, ...]  # msgids
    required: bool = False  # part of the legal minimum
    sensitive_by_default: bool = False  # off in exports unless the person agrees
    source: str = "seed 004 L1142-1146"


TOPICS: tuple[Topic, ...] = (
    Topic(
        "leerbaarheid",
        N_("Learnability (leerbaarheidstoets)"),
        (
            N_("Has the leerbaarheidstoets (LBT) been done? When, and what was the result?"),
            N_("Was there an interpreter, and on which device was the test taken?"),
            N_("Is there a reason to deviate from the LBT advice?"),
        ),
        required=True,
        source="seed 001 L2286-2342",
    ),
    Topic(
        "opleiding",
        N_("Education"),
        (
            N_("Which schools did you go to, in which country, and for how many years?"),
            N_("Do you have diplomas or certificates? Where are they?"),
            N_("Has a diplomawaardering (IDW) been requested?"),
        ),
        required=True,
        source="seed 001 L2063-2065",
    ),
    Topic(
        "werkervaring",
        N_("Work experience and volunteering"),
        (
            N_("What work have you done, where and for how long?"),
            N_("Have you done volunteer work, here or in your country of origin?"),
        ),
        required=True,
    ),
    Topic(
        "praktische_competenties",
        N_("Practical competences"),
        (N_("What are you good at with your hands or in practice?"),),
    ),
    Topic(
        "werknemersvaardigheden",
        N_("Employee skills"),
        (N_("How do you handle working times, teamwork and instructions?"),),
    ),
    Topic(
        "taalniveau",
        N_("Language level"),
        (
            N_("Which languages do you speak, read and write?"),
            N_("How much Dutch do you know now? Was it tested (level, date)?"),
            N_("Can you read and write the Latin alphabet?"),
        ),
        required=True,
    ),
    Topic(
        "motivatie",
        N_("Motivation and interests"),
        (
            N_("What do you want to achieve in the Netherlands?"),
            N_("What do you like to do? Which work or study interests you?"),
        ),
        source="seed 001 L2099-2100",
    ),
    Topic(
        "zelfredzaamheid",
        N_("Self-reliance"),
        (N_("Which daily matters (letters, shops, doctor, transport) do you arrange yourself?"),),
        required=True,
    ),
    Topic(
        "digitale_vaardigheden",
        N_("Digital skills"),
        (
            N_("Do you have a phone, laptop and internet at home?"),
            N_("Can you use e-mail, DigiD and websites of organisations?"),
        ),
    ),
    Topic(
        "gezinssituatie",
        N_("Family situation"),
        (
            N_("Who belongs to your household? Is family still coming (nareis)?"),
            N_("Who takes care of the children when you have lessons?"),
        ),
        required=True,
        sensitive_by_default=True,
        source="seed 001 L2080-2082",
    ),
    Topic(
        "fysieke_gezondheid",
        N_("Physical health"),
        (N_("Do you have health problems that affect learning, work or travel?"),),
        required=True,
        sensitive_by_default=True,
        source="seed 001 L2147-2148",
    ),
    Topic(
        "mentale_gezondheid",
        N_("Mental health"),
        (N_("How are you feeling? Do worries or sleep affect your days?"),),
        required=True,
        sensitive_by_default=True,
        source="seed 001 L2147-2148",
    ),
    Topic(
        "sociaal_netwerk",
        N_("Social network"),
        (N_("Whom do you know here? Who helps you when you need it?"),),
        sensitive_by_default=True,
    ),
    Topic(
        "kinderen_vve",
        N_("Children and early education (vve)"),
        (
            N_("Are there children aged 2.5 to 4 who could go to vve?"),
            N_("Do the children go to school or childcare?"),
        ),
        required=True,
        source="seed 001 L2150-2154",
    ),
    Topic(
        "arbeidsparticipatie",
        N_("Work prospects"),
        (N_("Do you want to work soon? Which steps are needed first?"),),
        required=True,
        source="seed 001 L2033-2100",
    ),
    Topic(
        "financiele_zelfredzaamheid",
        N_("Financial self-reliance"),
        (
            N_("Who pays the rent, energy and health insurance now?"),
            N_("Do you understand your bills and allowances (toeslagen)?"),
        ),
        sensitive_by_default=True,
        source="seed 004 L1779-1783",
    ),
    Topic(
        "signalen",
        N_("Signals (debts, childcare, travel, care)"),
        (N_("Are there debts, childcare or travel problems, or care needs we should know of?"),),
        sensitive_by_default=True,
        source="seed 004 L1180-1185",
    ),
    Topic(
        "mentale_belastbaarheid",
        N_("Mental load capacity"),
        (N_("How many hours a week of lessons and activities can you manage?"),),
        sensitive_by_default=True,
        source="seed 004 L1414-1425",
    ),
)
_BY_CODE = {t.code: t for t in TOPICS}


def topic(code: str) -> Topic:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValidationError(
            _("Unknown intake topic: {code}").format(code=str(code)[:40]), field="topic"
        ) from None


def topics_needing_attention(status: dict[str, str]) -> list[Topic]:
    """Required topics that are not known yet (for the summary and the overview)."""
    return [t for t in TOPICS if t.required and status.get(t.code, "unknown") != "known"]
