""" "What do I do next, and by when?": the next steps of a dossier, most urgent first.

Built from the clocks and the requirements; each step names who acts (the person, the
gemeente, the school) so a participant sees what is theirs to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from babel.lists import format_list

from core.i18n import N_, _, current_locale, format_hours
from core.rules.clocks import DONE, OVERDUE, all_clocks, termijn_end
from core.rules.exams import LANGUAGE_SKILLS, exam_status
from core.rules.facts import DossierFacts
from core.rules.intake_topics import topics_needing_attention
from core.rules.requirements import requirements
from core.rules.table import RULES, RuleTable

STEP_TEXTS: dict[str, str] = {
    "register_exam": N_("Register for the {detail} exam (via Mijn Inburgering or your school)."),
    "ask_exam_result": N_("Ask DUO about the result of your {detail} exam."),
    "plan_exam": N_("Plan the {detail} exam."),
    "zorgverzekering": N_(
        "Take out Dutch health insurance (zorgverzekering) before this date. Later, you pay for "
        "the months you missed and can get a fine."
    ),
    "bezwaar": N_(
        "Do you disagree with the decision \u201c{detail}\u201d? You can object (bezwaar) in a "
        "letter until this date. Ask your consultant or VluchtelingenWerk for help."
    ),
    "beroep": N_(
        "Do you disagree with the decision on your objection about \u201c{detail}\u201d? You "
        "can go to the court (beroep) until this date. Ask for legal help (Juridisch Loket)."
    ),
    "ask_pip": N_("Ask the gemeente for your PIP: it is late."),
    "wait_pip": N_("The gemeente makes your PIP. Prepare the brede intake."),
    "finish_intake": N_("Finish the brede intake: {detail}."),
    "map_hours": N_("Do more MAP practical hours: {detail} to go."),
    "map_eindgesprek": N_("Plan the MAP final interview (eindgesprek)."),
    "pvt": N_("Complete the PVT and sign the participatieverklaring."),
    "z_hours": N_("Keep up the Z-route hours: {detail} to go."),
    "z_eindgesprek": N_("Plan the Z-route final interview with the gemeente."),
    "termijn_soon": N_("Your inburgeringstermijn ends soon: ask about a verlenging if needed."),
    "termijn_over": N_("Your inburgeringstermijn has ended: contact the gemeente and DUO."),
    "afspraak": N_("Agreement: {detail}"),
    "ona_hours": N_("Complete the ONA hours (Wi2013): {detail} to go."),
    "verlenging_pending": N_("DUO has not yet decided on the requested extension (verlenging)."),
    "vaste_aanspreekpunt": N_("Ask who your fixed contact person (vaste aanspreekpunt) is."),
}
PERSON, GEMEENTE = "person", "gemeente"


@dataclass(frozen=True)
class Step:
    code: str
    who: str  # person / gemeente / school
    date: dt.date | None
    urgent: bool
    detail: str = ""  # language-neutral only: an exam onderdeel, an agreement's own text
    hours: float | None = None  # hours to go, formatted by whoever prints the step
    topics: tuple[str, ...] = ()  # msgids of the intake topics still open

    def text(self) -> str:
        """The step in the interface language."""
        return self.text_in(_, format_hours, current_locale())

    def text_in(
        self, gettext: Callable[[str], str], hours: Callable[[float], str], locale: Locale
    ) -> str:
        """The step in one document's language: a bilingual print formats each half itself.

        Hours and topic names stay numbers and msgids until here, so an Arabic half never
        reads '16 uur' because the app happened to run in Dutch.
        """
        detail = self.detail
        if self.hours is not None:
            detail = hours(max(0.0, self.hours))
        elif self.topics:
            detail = format_list([gettext(t) for t in self.topics], locale=locale)
        return gettext(STEP_TEXTS[self.code]).format(detail=detail)


def next_steps(f: DossierFacts, today: dt.date, t: RuleTable = RULES) -> list[Step]:
    steps: list[Step] = []
    soon = today + dt.timedelta(weeks=8)
    for c in all_clocks(f, today, t):
        if c.status == DONE:
            continue
        urgent = c.status == OVERDUE or (c.date is not None and c.date <= soon)
        if c.kind == "exam_registration":
            steps.append(Step("register_exam", PERSON, c.date, urgent, c.detail))
        elif c.kind == "exam_result" and c.status == OVERDUE:
            steps.append(Step("ask_exam_result", PERSON, c.date, True, c.detail))
        elif c.kind == "pip_due":
            code = "ask_pip" if c.status == OVERDUE else "wait_pip"
            steps.append(Step(code, GEMEENTE, c.date, urgent))
        elif c.kind == "afspraak_due":
            steps.append(Step("afspraak", PERSON, c.date, urgent, c.detail))
        elif c.kind == "zorgverzekering_due":
            steps.append(Step("zorgverzekering", PERSON, c.date, True))
        elif c.kind in ("bezwaar", "beroep"):
            steps.append(Step(c.kind, PERSON, c.date, urgent, c.detail))
        elif c.kind == "termijn_end":
            if c.status == OVERDUE:
                steps.append(Step("termijn_over", PERSON, c.date, True))
            elif c.date is not None and c.date <= today + dt.timedelta(days=183):
                steps.append(Step("termijn_soon", PERSON, c.date, True))
    end = termijn_end(f, t)
    if any(v.decision == "aangevraagd" for v in f.verlengingen):
        steps.append(Step("verlenging_pending", GEMEENTE, None, False))
    old_regime = f.regime != "Wi2021"
    if (f.current_pip is not None or old_regime) and f.plicht_status == "plichtig":
        # The onderwijsroute ends with a taalschakeldiploma, not the four language exams
        # (DOMAIN.md §4.1, §4.3); its KNM exam stays (DOMAIN.md §4.1, KNM row).
        skip = LANGUAGE_SKILLS if f.current_pip and f.current_pip.leerroute == "O" else ()
        for s in exam_status(f, today, t):
            if s.onderdeel in skip:
                continue
            if not (s.passed or s.exempt) and s.next_planned is None:
                detail = f"{s.onderdeel} {s.required_level or ''}".strip()
                steps.append(Step("plan_exam", PERSON, end, False, detail))
        for r in requirements(f, t, today):
            if r.met:
                continue
            if r.code == "map_praktijk":
                steps.append(Step("map_hours", PERSON, end, False, hours=r.required - r.done))
            elif r.code == "map_eindgesprek":
                steps.append(Step("map_eindgesprek", PERSON, end, False))
            elif r.code == "pvt_signed":
                steps.append(Step("pvt", PERSON, end, False))
            elif r.code in ("z_language", "z_participation"):
                steps.append(Step("z_hours", PERSON, end, False, hours=r.required - r.done))
            elif r.code == "z_eindgesprek":
                steps.append(Step("z_eindgesprek", GEMEENTE, end, False))
            elif r.code == "ona_hours":
                steps.append(Step("ona_hours", PERSON, end, False, hours=r.required - r.done))
    open_topics = topics_needing_attention(f.intake_status)
    if open_topics and f.plicht_status == "plichtig" and f.regime == "Wi2021":
        names = tuple(tp.title for tp in open_topics[:3])
        steps.append(Step("finish_intake", GEMEENTE, None, f.current_pip is None, topics=names))
    if not f.has_vaste_aanspreekpunt:
        steps.append(Step("vaste_aanspreekpunt", PERSON, None, False))
    return sorted(steps, key=lambda s: (not s.urgent, s.date is None, s.date or dt.date.max))
