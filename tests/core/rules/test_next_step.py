"""'What do I do next, and by when?' (core.rules.next_step)."""

from __future__ import annotations

import datetime as dt

from core.rules.facts import AfspraakFacts, DossierFacts, ExamFacts, HourFacts, PipFacts
from core.rules.intake_topics import TOPICS
from core.rules.next_step import GEMEENTE, PERSON, next_steps

D = dt.date
MARCH_2025 = dt.date(2025, 3, 1)
TODAY = D(2026, 11, 23)
ALL_KNOWN = {t.code: "known" for t in TOPICS}


def facts(**kw) -> DossierFacts:
    kw.setdefault("has_vaste_aanspreekpunt", True)
    kw.setdefault("intake_status", ALL_KNOWN)
    return DossierFacts(dossier_id=1, **kw)


def pip(day: dt.date = MARCH_2025, route: str = "B") -> PipFacts:
    return PipFacts(1, day, route, "A1" if route == "Z" else "B1")


def step_codes(f: DossierFacts, today: dt.date = TODAY) -> list[str]:
    return [s.code for s in next_steps(f, today)]


def test_late_pip_asks_the_gemeente():
    f = facts(huisvesting_date=D(2026, 6, 1))
    steps = next_steps(f, TODAY)
    assert steps[0].code == "ask_pip"
    assert steps[0].who == GEMEENTE
    assert steps[0].urgent
    assert steps[0].date == D(2026, 8, 10)


def test_pip_not_due_yet_means_wait_and_prepare():
    f = facts(huisvesting_date=D(2026, 11, 2))
    step = next_steps(f, TODAY)[0]
    assert step.code == "wait_pip"
    assert step.urgent  # due within 8 weeks


def test_exam_registration_step_for_an_unregistered_exam():
    f = facts(pips=(pip(),), exams=(ExamFacts("LE", "B1", planned_date=D(2027, 1, 15)),))
    steps = next_steps(f, TODAY)
    reg = next(s for s in steps if s.code == "register_exam")
    assert reg.date == D(2026, 12, 4)
    assert reg.who == PERSON and reg.urgent
    assert "LE" in reg.text()
    # The other skills have no exam planned yet.
    plans = [s.detail for s in steps if s.code == "plan_exam"]
    assert plans == ["LU B1", "SC B1", "SP B1", "KNM"]


def test_overdue_exam_result_is_asked_for():
    f = facts(pips=(pip(),), exams=(ExamFacts("KNM", planned_date=D(2026, 8, 1)),))
    steps = next_steps(f, TODAY)
    ask = next(s for s in steps if s.code == "ask_exam_result")
    assert ask.urgent and ask.date == D(2026, 9, 26)


def test_termijn_ending_soon_and_over():
    soon = facts(pips=(pip(D(2024, 3, 1)),))
    assert "termijn_soon" in step_codes(soon)  # ends 2027-03-01, within half a year
    far = facts(pips=(pip(D(2025, 11, 1)),))
    assert "termijn_soon" not in step_codes(far)
    over = facts(pips=(pip(D(2023, 3, 15)),))
    steps = next_steps(over, TODAY)
    assert steps[0].urgent
    assert "termijn_over" in [s.code for s in steps]


def test_missing_components_become_steps_with_the_termijn_end_as_date():
    f = facts(pips=(pip(D(2025, 3, 1)),), hours=(HourFacts(D(2025, 6, 1), 15, "map_praktijk"),))
    steps = next_steps(f, TODAY)
    codes = [s.code for s in steps]
    assert {"map_hours", "map_eindgesprek", "pvt"} <= set(codes)
    map_hours = next(s for s in steps if s.code == "map_hours")
    assert map_hours.date == D(2028, 3, 1)
    assert "25" in map_hours.text()


def test_z_route_steps():
    f = facts(pips=(pip(D(2025, 3, 1), "Z"),))
    codes = step_codes(f)
    assert "z_hours" in codes and "z_eindgesprek" in codes
    z = next(s for s in next_steps(f, TODAY) if s.code == "z_eindgesprek")
    assert z.who == GEMEENTE


def test_open_afspraak_and_done_ones():
    f = facts(
        afspraken=(
            AfspraakFacts("Call the school", due_date=D(2026, 12, 1)),
            AfspraakFacts("Done already", due_date=D(2026, 12, 2), status="gedaan"),
        )
    )
    steps = [s for s in next_steps(f, TODAY) if s.code == "afspraak"]
    assert [s.detail for s in steps] == ["Call the school"]
    assert steps[0].text() == "Agreement: Call the school"


def test_unfinished_intake_and_missing_contact_person():
    f = DossierFacts(dossier_id=1, intake_status={"opleiding": "partial"})
    steps = next_steps(f, TODAY)
    codes = [s.code for s in steps]
    assert "finish_intake" in codes and "vaste_aanspreekpunt" in codes
    intake = next(s for s in steps if s.code == "finish_intake")
    assert intake.urgent  # no PIP yet: the intake comes first
    assert "Learnability" in intake.text()


def test_urgent_steps_come_first_then_by_date():
    f = facts(
        pips=(pip(D(2024, 3, 1)),),
        afspraken=(AfspraakFacts("Far away", due_date=D(2027, 9, 1)),),
        exams=(ExamFacts("LE", "B1", planned_date=D(2027, 1, 15)),),
    )
    steps = next_steps(f, TODAY)
    urgency = [s.urgent for s in steps]
    assert urgency == sorted(urgency, reverse=True)
    urgent_dates = [s.date for s in steps if s.urgent and s.date]
    assert urgent_dates == sorted(urgent_dates)
    for s in steps:
        assert s.text().strip() and "{detail}" not in s.text()


def test_fulfilled_dossier_has_no_component_steps():
    f = facts(plicht_status="voldaan_diploma", pips=(pip(D(2024, 3, 1)),))
    codes = step_codes(f)
    assert not {"plan_exam", "map_hours", "pvt", "termijn_soon", "termijn_over"} & set(codes)


def test_onderwijsroute_is_not_told_to_plan_the_language_exams():
    # DOMAIN.md §4.3: the onderwijsroute ends with a taalschakeldiploma (+ PVT); §4.1 keeps KNM.
    f = facts(pips=(pip(D(2025, 3, 1), "O"),))
    plans = [s.detail for s in next_steps(f, TODAY) if s.code == "plan_exam"]
    assert plans == ["KNM"]


def test_a_step_speaks_the_language_of_the_page_it_is_printed_on():
    """Hours to go and intake topics are formatted per document, not in the interface's
    language: the Arabic half of a print must not read '25 uur' (issue 19)."""
    from core.export.pdf_common import DocLang

    f = facts(pips=(pip(D(2025, 3, 1)),), hours=(HourFacts(D(2025, 6, 1), 15, "map_praktijk"),))
    map_hours = next(s for s in next_steps(f, TODAY) if s.code == "map_hours")
    nl, ar = DocLang("nl"), DocLang("ar")
    dutch = map_hours.text_in(nl.gettext, nl.hours, nl.locale)
    arabic = map_hours.text_in(ar.gettext, ar.hours, ar.locale)
    assert "25 uur" in dutch
    assert "uur" not in arabic and "hour" not in arabic
    assert ar.hours(25) in arabic
    intake = next(
        s
        for s in next_steps(
            DossierFacts(dossier_id=1, intake_status={"opleiding": "partial"}), TODAY
        )
        if s.code == "finish_intake"
    )
    topic = next(t.title for t in TOPICS if t.code == "opleiding")
    assert ar.gettext(topic) in intake.text_in(ar.gettext, ar.hours, ar.locale)
    assert nl.gettext(topic) in intake.text_in(nl.gettext, nl.hours, nl.locale)
