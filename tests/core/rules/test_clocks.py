"""Every clock of DOMAIN.md §3 (core.rules.clocks), with the known law cases and boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from core.rules import clocks as c
from core.rules.facts import (
    AfspraakFacts,
    DossierFacts,
    ExamFacts,
    OntzorgingFacts,
    PipFacts,
    VerlengingFacts,
)

D = dt.date
TODAY = D(2026, 11, 23)


def pip(day: dt.date, route: str = "B", version: int = 1, **kw) -> PipFacts:
    return PipFacts(version_no=version, dagtekening=day, leerroute=route, **kw)


def facts(**kw) -> DossierFacts:
    return DossierFacts(dossier_id=1, **kw)


def by_kind(clocks: list[c.Clock], kind: str) -> list[c.Clock]:
    return [x for x in clocks if x.kind == kind]


def one(clocks: list[c.Clock], kind: str) -> c.Clock:
    found = by_kind(clocks, kind)
    assert len(found) == 1, [x.kind for x in clocks]
    return found[0]


# ----------------------------------------------------------------- termijn (3 years + verlengingen)
@pytest.mark.parametrize(
    ("dagtekening", "end"),
    [
        (D(2023, 3, 15), D(2026, 3, 15)),
        (D(2024, 2, 29), D(2027, 2, 28)),  # leap day: 29 Feb 2027 does not exist
        (D(2023, 8, 31), D(2026, 8, 31)),
        (D(2022, 1, 1), D(2025, 1, 1)),
    ],
)
def test_termijn_end_three_years_from_pip_dagtekening(dagtekening, end):
    f = facts(pips=(pip(dagtekening),))
    assert c.termijn_start(f) == dagtekening
    assert c.termijn_end(f) == end


def test_termijn_runs_from_the_first_pip_not_the_current_one():
    f = facts(pips=(pip(D(2024, 6, 1), version=2), pip(D(2023, 3, 15), version=1)))
    assert c.termijn_start(f) == D(2023, 3, 15)
    assert c.termijn_end(f) == D(2026, 3, 15)


def test_no_pip_no_termijn_under_wi2021():
    f = facts(plicht_begindatum=D(2024, 1, 1))
    assert c.termijn_end(f) is None
    assert c.leerroute_change_end(f) is None
    assert by_kind(c.all_clocks(f, TODAY), "termijn_end") == []


def test_granted_verlenging_of_six_months_moves_the_end():
    base = facts(pips=(pip(D(2023, 3, 15)),))
    f = facts(
        pips=base.pips,
        verlengingen=(VerlengingFacts("toegekend", months=6),),
    )
    assert c.termijn_end(f) == D(2026, 9, 15)


def test_two_granted_verlengingen_add_up():
    f = facts(
        pips=(pip(D(2023, 3, 15)),),
        verlengingen=(
            VerlengingFacts("toegekend", months=6),
            VerlengingFacts("toegekend", months=3),
        ),
    )
    assert c.termijn_end(f) == D(2026, 12, 15)


def test_verlengingen_added_as_a_sum_from_a_leap_day():
    # 2024-02-29 + 36 months = 2027-02-28; a verlenging extends that end date, so + 12 months
    # gives 2028-02-28 (not 2028-02-29, which start + 48 months would give).
    f = facts(
        pips=(pip(D(2024, 2, 29)),),
        verlengingen=(VerlengingFacts("toegekend", months=12),),
    )
    assert c.termijn_end(f) == D(2028, 2, 28)


@pytest.mark.parametrize("decision", ["afgewezen", "aangevraagd"])
def test_rejected_or_requested_verlenging_does_not_move_the_end(decision):
    f = facts(
        pips=(pip(D(2023, 3, 15)),),
        verlengingen=(VerlengingFacts(decision, months=6, new_end_date=D(2027, 1, 1)),),
    )
    assert c.termijn_end(f) == D(2026, 3, 15)


def test_decision_with_a_new_end_date_wins_over_months():
    f = facts(
        pips=(pip(D(2023, 3, 15)),),
        verlengingen=(VerlengingFacts("toegekend", months=6, new_end_date=D(2026, 11, 1)),),
    )
    # The stated date counts, not 15 March + 6 months = 15 September.
    assert c.termijn_end(f) == D(2026, 11, 1)


def test_stated_end_date_and_month_verlengingen_together_take_the_later():
    f = facts(
        pips=(pip(D(2023, 3, 15)),),
        verlengingen=(
            VerlengingFacts("toegekend", months=12),  # → 2027-03-15
            VerlengingFacts("toegekend", new_end_date=D(2026, 12, 1)),
        ),
    )
    assert c.termijn_end(f) == D(2027, 3, 15)


def test_wi2013_termijn_runs_from_datum_kennisgeving():
    f = facts(
        regime="Wi2013",
        datum_kennisgeving=D(2020, 5, 31),
        plicht_begindatum=D(2020, 1, 1),
        pips=(pip(D(2021, 1, 1)),),  # ignored: a PIP is not the Wi2013 start
    )
    assert c.termijn_start(f) == D(2020, 5, 31)
    assert c.termijn_end(f) == D(2023, 5, 31)


def test_wi2013_without_kennisgeving_falls_back_to_plicht_begindatum():
    f = facts(regime="Wi2013", plicht_begindatum=D(2020, 1, 10))
    assert c.termijn_end(f) == D(2023, 1, 10)


def test_wi2013_has_no_pip_or_leerroute_clocks():
    f = facts(regime="Wi2013", datum_kennisgeving=D(2024, 1, 1), huisvesting_date=D(2023, 6, 1))
    kinds = {x.kind for x in c.all_clocks(f, TODAY)}
    assert "termijn_end" in kinds
    assert not kinds & {"pip_due", "leerroute_change_end", "map_eindgesprek", "pvt_ondertekening"}


# ----------------------------------------------------------------------- leerroute change window
@pytest.mark.parametrize(
    ("dagtekening", "end"),
    [
        (D(2024, 2, 29), D(2025, 8, 29)),
        (D(2023, 8, 31), D(2025, 2, 28)),  # month-end clamping
        (D(2023, 3, 15), D(2024, 9, 15)),
    ],
)
def test_leerroute_change_end_is_18_months_after_termijn_start(dagtekening, end):
    f = facts(pips=(pip(dagtekening),))
    assert c.leerroute_change_end(f) == end


def test_leerroute_change_window_closes_as_done_never_overdue():
    f = facts(pips=(pip(D(2024, 2, 29)),))
    assert one(c.all_clocks(f, D(2025, 8, 29)), "leerroute_change_end").status == c.OPEN
    assert one(c.all_clocks(f, D(2025, 8, 30)), "leerroute_change_end").status == c.DONE


# ------------------------------------------------------------------------------ PIP within 10 weeks
def test_pip_due_ten_weeks_after_huisvesting():
    f = facts(huisvesting_date=D(2025, 1, 6))
    assert c.pip_due_date(f) == D(2025, 3, 17)
    clock = one(c.all_clocks(f, D(2025, 2, 1)), "pip_due")
    assert clock.date == D(2025, 3, 17)
    assert clock.start == D(2025, 1, 6)
    assert clock.status == c.OPEN


@pytest.mark.parametrize(
    ("start_event", "due"),
    [
        ("huisvesting", D(2025, 3, 17)),
        ("vestiging", D(2025, 3, 31)),
        ("brp_inschrijving", D(2025, 4, 7)),
    ],
)
def test_pip_clock_depends_on_the_chosen_start_event(start_event, due):
    f = facts(
        pip_clock_start=start_event,
        huisvesting_date=D(2025, 1, 6),
        vestiging_date=D(2025, 1, 20),
        brp_inschrijving_date=D(2025, 1, 27),
    )
    assert c.pip_due_date(f) == due
    assert one(c.all_clocks(f, D(2025, 1, 28)), "pip_due").date == due


def test_pip_clock_without_its_start_event_is_absent():
    f = facts(pip_clock_start="vestiging", huisvesting_date=D(2025, 1, 6))
    assert c.pip_due_date(f) is None
    assert by_kind(c.all_clocks(f, TODAY), "pip_due") == []


def test_pip_due_boundaries_and_done_when_a_pip_exists():
    f = facts(huisvesting_date=D(2025, 1, 6))
    assert one(c.all_clocks(f, D(2025, 3, 17)), "pip_due").status == c.OPEN  # the day itself
    assert one(c.all_clocks(f, D(2025, 3, 18)), "pip_due").status == c.OVERDUE  # the day after
    done = facts(huisvesting_date=D(2025, 1, 6), pips=(pip(D(2025, 5, 1)),))
    assert one(c.all_clocks(done, D(2025, 6, 1)), "pip_due").status == c.DONE


@pytest.mark.parametrize("status", ["vrijstelling", "ontheffing", "niet_plichtig", "vervallen"])
def test_no_plicht_clocks_without_an_active_plicht(status):
    f = facts(plicht_status=status, huisvesting_date=D(2025, 1, 6), pips=(pip(D(2025, 2, 1)),))
    kinds = {x.kind for x in c.all_clocks(f, TODAY)}
    assert not kinds & {"pip_due", "termijn_end", "leerroute_change_end", "pvt_ondertekening"}


def test_fulfilled_plicht_shows_termijn_as_done():
    f = facts(plicht_status="voldaan_diploma", pips=(pip(D(2023, 3, 15)),))
    clock = one(c.all_clocks(f, D(2027, 1, 1)), "termijn_end")
    assert clock.status == c.DONE
    assert by_kind(c.all_clocks(f, TODAY), "pip_due") == []


# ----------------------------------------------------------------------------- koppeling / housing
def test_koppeling_two_weeks_after_the_permit():
    f = facts(vergunning_date=D(2025, 3, 3))
    clock = one(c.all_clocks(f, D(2025, 3, 10)), "koppeling_due")
    assert clock.date == D(2025, 3, 17)
    assert clock.start == D(2025, 3, 3)
    assert clock.status == c.OPEN
    assert one(c.all_clocks(f, D(2025, 3, 17)), "koppeling_due").status == c.OPEN
    assert one(c.all_clocks(f, D(2025, 3, 18)), "koppeling_due").status == c.OVERDUE
    linked = facts(vergunning_date=D(2025, 3, 3), koppeling_date=D(2025, 3, 20))
    assert one(c.all_clocks(linked, D(2025, 3, 25)), "koppeling_due").status == c.DONE


def test_housing_norm_twelve_weeks_after_koppeling():
    f = facts(vergunning_date=D(2025, 3, 3), koppeling_date=D(2025, 3, 14))
    clock = one(c.all_clocks(f, D(2025, 4, 1)), "housing_due")
    assert clock.date == D(2025, 6, 6)
    assert clock.status == c.OPEN
    assert one(c.all_clocks(f, D(2025, 6, 7)), "housing_due").status == c.OVERDUE
    housed = facts(koppeling_date=D(2025, 3, 14), huisvesting_date=D(2025, 7, 1))
    assert one(c.all_clocks(housed, D(2025, 8, 1)), "housing_due").status == c.DONE


def test_gezinsmigrant_has_no_azc_or_ontzorging_clocks():
    f = facts(
        doelgroep="Gezinsmigrant en overige migrant",
        vergunning_date=D(2025, 3, 3),
        koppeling_date=D(2025, 3, 14),
        bijstand_start=D(2025, 8, 31),
    )
    kinds = {x.kind for x in c.all_clocks(f, D(2025, 9, 1))}
    assert not kinds & {"koppeling_due", "housing_due", "ontzorging_end"}


# --------------------------------------------------------------------------------------- exams
def test_exam_registration_six_weeks_and_result_eight_weeks():
    exam = ExamFacts("LE", "B1", planned_date=D(2026, 6, 1))
    assert c.exam_registration_deadline(exam) == D(2026, 4, 20)
    assert c.exam_result_due(exam) == D(2026, 7, 27)
    assert c.exam_registration_deadline(ExamFacts("LE")) is None
    assert c.exam_result_due(ExamFacts("LE")) is None


def test_exam_registration_clock_status():
    f = facts(exams=(ExamFacts("LU", "B1", planned_date=D(2026, 6, 1)),))
    reg = one(c.all_clocks(f, D(2026, 4, 20)), "exam_registration")
    assert (reg.date, reg.status, reg.detail) == (D(2026, 4, 20), c.OPEN, "LU")
    assert "LU" in reg.text()
    assert one(c.all_clocks(f, D(2026, 4, 21)), "exam_registration").status == c.OVERDUE
    registered = facts(
        exams=(ExamFacts("LU", "B1", planned_date=D(2026, 6, 1), registration_date=D(2026, 3, 1)),)
    )
    assert one(c.all_clocks(registered, D(2026, 5, 1)), "exam_registration").status == c.DONE
    # Before the exam there is no result clock yet.
    assert by_kind(c.all_clocks(f, D(2026, 5, 1)), "exam_result") == []


def test_exam_result_clock_after_the_exam():
    f = facts(
        exams=(ExamFacts("KNM", planned_date=D(2026, 6, 1), registration_date=D(2026, 4, 1)),)
    )
    res = one(c.all_clocks(f, D(2026, 6, 2)), "exam_result")
    assert (res.date, res.status, res.start) == (D(2026, 7, 27), c.OPEN, D(2026, 6, 1))
    assert by_kind(c.all_clocks(f, D(2026, 6, 2)), "exam_registration") == []
    assert one(c.all_clocks(f, D(2026, 7, 27)), "exam_result").status == c.OPEN
    assert one(c.all_clocks(f, D(2026, 7, 28)), "exam_result").status == c.OVERDUE
    passed = facts(exams=(ExamFacts("KNM", planned_date=D(2026, 6, 1), resultaat="Geslaagd"),))
    assert one(c.all_clocks(passed, D(2026, 8, 1)), "exam_result").status == c.DONE


def test_exam_without_date_has_no_clocks():
    f = facts(exams=(ExamFacts("SP", "B1"),))
    assert c.all_clocks(f, TODAY) == []


# ----------------------------------------------------------------------------------- ontzorging
def test_ontzorging_six_months_from_bijstand_clamped_to_month_end():
    f = facts(bijstand_start=D(2025, 8, 31))
    assert c.ontzorging_end(f) == D(2026, 2, 28)
    clock = one(c.all_clocks(f, D(2026, 1, 1)), "ontzorging_end")
    assert (clock.date, clock.status, clock.start) == (D(2026, 2, 28), c.OPEN, D(2025, 8, 31))
    assert one(c.all_clocks(f, D(2026, 2, 28)), "ontzorging_end").status == c.OPEN
    # A period that simply ends is done, not overdue.
    assert one(c.all_clocks(f, D(2026, 3, 1)), "ontzorging_end").status == c.DONE


def test_ontzorging_extended_item_with_later_until_date_wins():
    f = facts(
        bijstand_start=D(2025, 8, 31),
        ontzorging=(
            OntzorgingFacts(
                "huur", from_date=D(2025, 9, 1), until_date=D(2026, 8, 31), extended=True
            ),
            OntzorgingFacts(
                "energie", from_date=D(2025, 9, 1), until_date=D(2027, 1, 1)
            ),  # not extended
        ),
    )
    assert c.ontzorging_end(f) == D(2026, 8, 31)


def test_ontzorging_cannot_be_shortened_by_an_earlier_item():
    f = facts(
        bijstand_start=D(2025, 8, 31),
        ontzorging=(OntzorgingFacts("huur", until_date=D(2025, 12, 1), extended=True),),
    )
    assert c.ontzorging_end(f) == D(2026, 2, 28)


def test_no_bijstand_no_ontzorging_clock():
    assert c.ontzorging_end(facts()) is None


# ------------------------------------------------------------------------ MAP / PVT / Z milestones
def test_b_route_milestones_share_the_termijn_end():
    f = facts(pips=(pip(D(2023, 3, 15)),))
    clocks = c.all_clocks(f, D(2025, 1, 1))
    assert one(clocks, "map_eindgesprek").date == D(2026, 3, 15)
    assert one(clocks, "pvt_ondertekening").date == D(2026, 3, 15)
    assert by_kind(clocks, "z_eindgesprek") == []
    late = c.all_clocks(f, D(2026, 3, 16))
    assert one(late, "termijn_end").status == c.OVERDUE
    assert one(late, "map_eindgesprek").status == c.OVERDUE
    talk_only = facts(
        pips=f.pips, datum_eindgesprek_map=D(2025, 5, 1), datum_ondertekening_pvt=D(2025, 6, 1)
    )
    # Issue 15: the eindgesprek alone does not complete the MAP; the praktijkuren must be there
    assert one(c.all_clocks(talk_only, D(2026, 3, 16)), "map_eindgesprek").status == c.OVERDUE
    done = facts(
        pips=f.pips,
        datum_eindgesprek_map=D(2025, 5, 1),
        datum_ondertekening_pvt=D(2025, 6, 1),
        map_praktijk_hours=40.0,
    )
    later = c.all_clocks(done, D(2026, 3, 16))
    assert one(later, "map_eindgesprek").status == c.DONE
    assert one(later, "pvt_ondertekening").status == c.DONE


def test_onderwijsroute_has_no_map_clock():
    f = facts(pips=(pip(D(2024, 1, 10), route="O"),))
    kinds = {x.kind for x in c.all_clocks(f, D(2025, 1, 1))}
    assert "map_eindgesprek" not in kinds
    assert "pvt_ondertekening" in kinds


@pytest.mark.parametrize("omitted", ["pip", "working"])
def test_map_omitted_drops_the_map_clock(omitted):
    p = pip(D(2024, 1, 10), map_omitted=omitted == "pip")
    f = facts(pips=(p,), map_omitted_working=omitted == "working")
    assert by_kind(c.all_clocks(f, D(2025, 1, 1)), "map_eindgesprek") == []


def test_z_route_has_the_eindgesprek_clock():
    f = facts(pips=(pip(D(2024, 1, 10), route="Z", niveau="A1"),))
    z = one(c.all_clocks(f, D(2025, 1, 1)), "z_eindgesprek")
    assert z.date == D(2027, 1, 10)
    assert z.status == c.OPEN
    done = facts(pips=f.pips, datum_afronding_zroute=D(2026, 12, 1))
    assert one(c.all_clocks(done, D(2027, 2, 1)), "z_eindgesprek").status == c.DONE


# ----------------------------------------------------------------------- afspraken / verlenging
def test_afspraak_clocks():
    f = facts(
        afspraken=(
            AfspraakFacts("Bring the diploma", due_date=D(2026, 12, 1)),
            AfspraakFacts("Visit the library", due_date=D(2026, 11, 1), status="gedaan"),
            AfspraakFacts("Old plan", due_date=D(2026, 10, 1), status="vervallen"),
            AfspraakFacts("Someday"),
        )
    )
    clocks = by_kind(c.all_clocks(f, TODAY), "afspraak_due")
    assert [(x.detail, x.status) for x in clocks] == [
        ("Visit the library", c.DONE),
        ("Bring the diploma", c.OPEN),
    ]
    assert clocks[1].text() == "Agreement: Bring the diploma"


def test_long_afspraak_text_is_cut_for_the_label():
    f = facts(afspraken=(AfspraakFacts("x" * 300, due_date=D(2026, 12, 1)),))
    assert len(one(c.all_clocks(f, TODAY), "afspraak_due").detail) == 80


def test_requested_verlenging_has_no_clock_but_a_next_step():
    from core.rules.next_step import next_steps

    f = facts(
        pips=(pip(D(2023, 3, 15)),),
        verlengingen=(VerlengingFacts("aangevraagd", months=6, requested_date=D(2026, 1, 5)),),
    )
    clocks = c.all_clocks(f, D(2026, 2, 1))
    assert all(x.date is not None for x in clocks)  # no legal decision period: no clock
    assert one(clocks, "termijn_end").date == D(2026, 3, 15)  # not moved by a request
    assert "verlenging_pending" in [s.code for s in next_steps(f, D(2026, 2, 1))]


# ------------------------------------------------------------------ start-up checklist
def test_health_insurance_within_four_months_of_the_obligation():
    from core.rules.facts import StartItemFacts
    from core.rules.next_step import next_steps

    todo = StartItemFacts("zorgverzekering", "te_doen", needed_from=D(2026, 9, 15))
    f = facts(start_items=(todo, StartItemFacts("digid", "te_doen", D(2026, 9, 15))))
    clock = one(c.all_clocks(f, TODAY), "zorgverzekering_due")
    assert clock.date == D(2027, 1, 15) and clock.status == "open"
    assert "Zorgverzekeringswet art. 2" in clock.source and clock.start == D(2026, 9, 15)
    (step,) = [s for s in next_steps(f, TODAY) if s.code == "zorgverzekering"]
    assert step.urgent and step.date == D(2027, 1, 15)
    assert one(c.all_clocks(f, D(2027, 1, 16)), "zorgverzekering_due").status == "overdue"
    done = StartItemFacts("zorgverzekering", "geregeld", needed_from=D(2026, 9, 15))
    assert (
        one(c.all_clocks(facts(start_items=(done,)), D(2027, 2, 1)), "zorgverzekering_due").status
        == "done"
    )
    # Only health insurance has a legal clock; the other steps are a checklist.
    assert len(c.all_clocks(facts(start_items=(f.start_items[1],)), TODAY)) == 0


# ------------------------------------------------------------------- bezwaar and beroep
def test_objection_window_is_six_weeks_from_the_day_after_notice():
    from core.rules.facts import BesluitFacts

    # Received Monday 2 November 2026: the term starts on the 3rd and ends Monday 14 December.
    f = facts(besluiten=(BesluitFacts("Fine for missed lessons", D(2026, 11, 2)),))
    clock = one(c.all_clocks(f, TODAY), "bezwaar")
    assert clock.date == D(2026, 12, 14)
    assert clock.status == "open" and clock.start == D(2026, 11, 2)
    assert clock.text() == ("Last day to object (bezwaar) to the decision: Fine for missed lessons")
    assert "Awb art. 6:7" in clock.source
    # Unused, the window closes: done, never overdue; no appeal clock without a bezwaar decision.
    assert one(c.all_clocks(f, D(2027, 1, 4)), "bezwaar").status == "done"
    assert not by_kind(c.all_clocks(f, TODAY), "beroep")


def test_a_last_day_on_a_weekend_or_public_holiday_moves_to_the_next_working_day():
    from core.rules.dates import easter, term_end

    assert easter(2026) == D(2026, 4, 5) and easter(2027) == D(2027, 3, 28)
    assert term_end(D(2026, 11, 14), 6) == D(2026, 12, 28)  # Sat 26 Dec: past Christmas, Sunday
    assert term_end(D(2027, 3, 16), 6) == D(2027, 4, 28)  # Tuesday 27 April 2027: King's Day
    assert term_end(D(2026, 3, 24), 6) == D(2026, 5, 6)  # Tuesday 5 May: Bevrijdingsdag
    assert term_end(D(2026, 11, 3), 6) == D(2026, 12, 15)  # a Tuesday stays


def test_appeal_window_follows_the_decision_on_the_objection_unless_it_was_upheld():
    from core.rules.facts import BesluitFacts

    objected = BesluitFacts(
        "PIP", D(2026, 6, 1), bezwaar_date=D(2026, 6, 20), bezwaar_decision_date=D(2026, 10, 19)
    )
    clocks = c.all_clocks(facts(besluiten=(objected,)), TODAY)
    assert one(clocks, "bezwaar").status == "done"
    beroep = one(clocks, "beroep")
    assert beroep.date == D(2026, 11, 30) and beroep.status == "open"
    upheld = BesluitFacts(
        "PIP",
        D(2026, 6, 1),
        bezwaar_date=D(2026, 6, 20),
        bezwaar_decision_date=D(2026, 10, 19),
        bezwaar_outcome="gegrond",
    )
    assert not by_kind(c.all_clocks(facts(besluiten=(upheld,)), TODAY), "beroep")


def test_the_participant_is_told_what_they_can_do_and_by_when():
    from core.rules.facts import BesluitFacts
    from core.rules.next_step import next_steps

    f = facts(besluiten=(BesluitFacts("Fine for missed lessons", D(2026, 11, 2)),))
    (step,) = [s for s in next_steps(f, TODAY) if s.code == "bezwaar"]
    assert step.date == D(2026, 12, 14) and step.urgent
    assert "Fine for missed lessons" in step.text() and "object (bezwaar)" in step.text()


# --------------------------------------------------------------------------------- general
def test_every_kind_has_a_label_and_clocks_come_sorted():
    assert set(c.KINDS) == {
        "koppeling_due",
        "housing_due",
        "pip_due",
        "termijn_end",
        "leerroute_change_end",
        "exam_registration",
        "exam_result",
        "ontzorging_end",
        "map_eindgesprek",
        "pvt_ondertekening",
        "z_eindgesprek",
        "afspraak_due",
        "bezwaar",
        "beroep",
        "zorgverzekering_due",
    }
    f = facts(
        vergunning_date=D(2024, 9, 1),
        koppeling_date=D(2024, 9, 10),
        huisvesting_date=D(2024, 12, 2),
        bijstand_start=D(2024, 12, 2),
        pips=(pip(D(2025, 2, 3)),),
        exams=(ExamFacts("LE", "B1", planned_date=D(2027, 3, 1)),),
    )
    clocks = c.all_clocks(f, TODAY)
    dates = [x.date for x in clocks if x.date]
    assert dates == sorted(dates)
    for clock in clocks:
        assert clock.text().strip()
        assert "{detail}" not in clock.text()


def test_days_left():
    clock = c.Clock("termijn_end", D(2026, 12, 1), c.OPEN, "src")
    assert clock.days_left(TODAY) == 8
    assert clock.days_left(D(2026, 12, 3)) == -2


def test_label_is_translated_at_display_time():
    from core import i18n

    clock = c.Clock("termijn_end", D(2026, 12, 1), c.OPEN, "src")
    english = clock.text()
    try:
        i18n.set_language("nl")
    except ValueError:
        pytest.skip("Dutch catalogue not built")
    dutch = clock.text()
    i18n.set_language("en")
    assert english == "End of the inburgeringstermijn"
    assert dutch.strip()


# ------------------------------------------------------------------------------ the dated table
def test_rule_table_is_dated_and_clocks_use_the_table_given():
    from dataclasses import replace

    from core.rules.table import RULES, TABLES, table_for

    assert table_for(None) is TABLES[-1] is RULES
    assert table_for(D(2023, 1, 1)) is TABLES[0]
    assert table_for(D(1999, 1, 1)) is TABLES[0]  # before any table: the oldest one
    assert [t.valid_from for t in TABLES] == sorted(t.valid_from for t in TABLES)
    assert (RULES.pip_weeks, RULES.termijn_months, RULES.leerroute_change_months) == (10, 36, 18)
    assert (RULES.free_attempts, RULES.map_praktijk_hours, RULES.pvt_hours) == (2, 40, 12)
    changed = replace(RULES, pip_weeks=12, termijn_months=48)
    f = facts(huisvesting_date=D(2025, 1, 6), pips=(pip(D(2025, 3, 1)),))
    assert c.pip_due_date(f, changed) == D(2025, 3, 31)
    assert c.termijn_end(f, changed) == D(2029, 3, 1)
    assert one(c.all_clocks(f, TODAY, changed), "termijn_end").date == D(2029, 3, 1)


# --------------------------------------------------------------------------- issue 15
def test_a_granted_whole_vrijstelling_or_ontheffing_ends_the_termijn_as_met():
    late = D(2029, 1, 1)  # long after the termijn's end
    running = facts(pips=(pip(D(2025, 2, 1)),))
    assert one(c.all_clocks(running, late), "termijn_end").status == c.OVERDUE
    for kind in ("vrijstelling", "ontheffing"):
        f = facts(pips=(pip(D(2025, 2, 1)),), whole_exemption=kind)
        clocks = c.all_clocks(f, late)
        assert one(clocks, "termijn_end").status == c.DONE
        assert c.plicht_closed_by(f) == kind
        # nothing else of the plicht is owed any more
        assert not by_kind(clocks, "map_eindgesprek") and not by_kind(clocks, "pvt_ondertekening")


def test_each_clock_names_the_event_it_counts_from():
    f = facts(
        vergunning_date=D(2024, 10, 1),
        koppeling_date=D(2024, 10, 10),
        huisvesting_date=D(2025, 1, 6),
        vestiging_date=D(2025, 1, 20),
        pips=(pip(D(2025, 2, 1)),),
    )
    clocks = {x.kind: x for x in c.all_clocks(f, TODAY)}
    assert (clocks["pip_due"].start, clocks["pip_due"].start_event) == (D(2025, 1, 6), "housing")
    assert clocks["termijn_end"].start_event == "pip_date"
    assert clocks["koppeling_due"].start_event == "permit"
    chosen = facts(
        huisvesting_date=D(2025, 1, 6), vestiging_date=D(2025, 1, 20), pip_clock_start="vestiging"
    )
    due = one(c.all_clocks(chosen, TODAY), "pip_due")
    assert (due.start, due.start_event) == (D(2025, 1, 20), "settling")
    assert c.start_event_text("settling")


def test_no_clock_cites_an_internal_research_note():
    f = facts(
        vergunning_date=D(2024, 10, 1),
        koppeling_date=D(2024, 10, 10),
        huisvesting_date=D(2025, 1, 6),
        bijstand_start=D(2025, 1, 6),
        pips=(pip(D(2025, 2, 1)),),
        exams=(ExamFacts("LE", "B1", planned_date=D(2026, 12, 1)),),
        afspraken=(AfspraakFacts("Bring the diploma", D(2026, 1, 1)),),
    )
    plan = c.clock_plan(f)
    assert len({p.kind for p in plan}) >= 8
    for p in plan:
        assert p.source and "seed" not in p.source.lower() and "ext " not in p.source
