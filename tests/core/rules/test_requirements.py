"""Requirements per leerroute and regime, with progress (core.rules.requirements; DOMAIN.md §4, §8)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from core.rules.facts import DossierFacts, ExamFacts, HourFacts, PipFacts
from core.rules.requirements import (
    EXAM,
    HOURS,
    MILESTONE,
    Requirement,
    counted_hours,
    hours_by_category,
    is_completed,
    requirements,
)

D = dt.date
TODAY = D(2026, 11, 23)
SKILLS = ("LE", "LU", "SC", "SP")


def pip(route: str = "B", niveau: str | None = "B1", **kw) -> PipFacts:
    return PipFacts(version_no=1, dagtekening=D(2024, 3, 1), leerroute=route, niveau=niveau, **kw)


def facts(**kw) -> DossierFacts:
    return DossierFacts(dossier_id=1, **kw)


def h(hours: float, category: str, **kw) -> HourFacts:
    return HourFacts(date=D(2025, 5, 1), hours=hours, category=category, **kw)


def passed(code: str, level: str | None = "B1") -> ExamFacts:
    return ExamFacts(code, level, planned_date=D(2025, 6, 1), resultaat="Geslaagd")


def reqs(f: DossierFacts) -> list[Requirement]:
    return requirements(f, today=TODAY)


def codes(rs: list[Requirement]) -> list[str]:
    return [r.detail or r.code for r in rs]


def get(rs: list[Requirement], key: str) -> Requirement:
    found = [r for r in rs if (r.detail or r.code) == key or r.code == key]
    assert len(found) == 1, codes(rs)
    return found[0]


def all_b1_done(**kw) -> DossierFacts:
    base = {
        "pips": (pip(),),
        "exams": (*tuple(passed(s) for s in SKILLS), passed("KNM", None)),
        "hours": (h(40, "map_praktijk"), h(12, "pvt")),
        "datum_eindgesprek_map": D(2025, 9, 1),
        "datum_ondertekening_pvt": D(2025, 10, 1),
    }
    base.update(kw)
    return facts(**base)


# ------------------------------------------------------------------------------------ B1-route
def test_b1_route_lists_each_component():
    rs = reqs(facts(pips=(pip(),)))
    assert codes(rs) == [
        "LE B1",
        "LU B1",
        "SC B1",
        "SP B1",
        "KNM",
        "map_praktijk",
        "map_eindgesprek",
        "pvt_hours",
        "pvt_signed",
    ]
    assert all(not r.met for r in rs)
    assert get(rs, "map_praktijk").required == 40
    assert get(rs, "map_praktijk").kind == HOURS
    assert get(rs, "pvt_hours").required == 12
    assert get(rs, "LE B1").kind == EXAM
    assert get(rs, "pvt_signed").kind == MILESTONE
    for r in rs:
        assert r.text().strip() and "{detail}" not in r.text()
        assert r.source


def test_b1_route_completed_when_everything_is_done():
    f = all_b1_done()
    assert all(r.met for r in reqs(f))
    assert is_completed(f, today=TODAY)


def test_b1_default_level_when_pip_has_no_niveau():
    rs = reqs(facts(pips=(pip(niveau=None),)))
    assert "SP B1" in codes(rs)


def test_passing_below_the_pip_level_does_not_count():
    f = all_b1_done(
        exams=(passed("LE", "A2"), *tuple(passed(s) for s in SKILLS[1:]), passed("KNM", None))
    )
    rs = reqs(f)
    assert not get(rs, "LE B1").met
    assert not is_completed(f, today=TODAY)


def test_afschalen_one_skill_to_a2_counts_when_passed_at_a2():
    f = all_b1_done(
        pips=(pip(skill_levels={"SP": "A2"}),),
        exams=(passed("SP", "A2"), *tuple(passed(s) for s in SKILLS[:3]), passed("KNM", None)),
    )
    rs = reqs(f)
    assert get(rs, "SP A2").met
    assert get(rs, "LE B1").met
    assert is_completed(f, today=TODAY)


def test_passing_higher_than_required_counts():
    f = all_b1_done(
        exams=(passed("LE", "B2"), *tuple(passed(s) for s in SKILLS[1:]), passed("KNM", None))
    )
    assert get(reqs(f), "LE B1").met


def test_failed_exam_does_not_count():
    f = all_b1_done(exams=(ExamFacts("KNM", planned_date=D(2025, 6, 1), resultaat="Gezakt"),))
    assert not get(reqs(f), "KNM").met


def test_map_hours_progress_and_fraction():
    f = facts(pips=(pip(),), hours=(h(10, "map_praktijk"), h(15, "map_praktijk")))
    r = get(reqs(f), "map_praktijk")
    assert (r.done, r.required, r.met) == (25, 40, False)
    assert r.fraction == pytest.approx(25 / 40)
    over = facts(pips=(pip(),), hours=(h(24, "map_praktijk"), h(24, "map_praktijk")))
    r = get(reqs(over), "map_praktijk")
    assert r.met and r.fraction == 1.0


def test_map_theory_hours_do_not_count_as_praktijkuren():
    f = facts(pips=(pip(),), hours=(h(24, "map_theorie"), h(24, "map_theorie")))
    assert get(reqs(f), "map_praktijk").done == 0


def test_map_omitted_in_pip_or_because_working_drops_map():
    for f in (
        facts(pips=(pip(map_omitted=True),)),
        facts(pips=(pip(),), map_omitted_working=True),
    ):
        cs = codes(reqs(f))
        assert "map_praktijk" not in cs and "map_eindgesprek" not in cs
        assert "pvt_hours" in cs


def test_pvt_needs_twelve_hours_and_the_signing():
    f = all_b1_done(hours=(h(40, "map_praktijk"), h(11.5, "pvt")))
    assert not get(reqs(f), "pvt_hours").met
    f = all_b1_done(datum_ondertekening_pvt=None)
    rs = reqs(f)
    assert get(rs, "pvt_hours").met
    assert not get(rs, "pvt_signed").met
    assert not is_completed(f, today=TODAY)


@pytest.mark.parametrize(
    "entry",
    [
        h(40, "map_praktijk", attendance="verzuim_geoorloofd"),
        h(40, "map_praktijk", attendance="verzuim_ongeoorloofd"),
        h(40, "map_praktijk", provider_keurmerk_valid=False),
    ],
)
def test_verzuim_and_hours_without_keurmerk_do_not_count(entry):
    f = facts(pips=(pip(),), hours=(entry,))
    assert get(reqs(f), "map_praktijk").done == 0


def test_unknown_keurmerk_still_counts():
    # provider_keurmerk_valid None = no provider recorded (e.g. a workplace): the hours count.
    assert counted_hours((h(5, "pvt", provider_keurmerk_valid=None),), frozenset({"pvt"})) == 5


def test_vrijgesteld_onderdelen_count_as_met():
    f = all_b1_done(
        exams=(*tuple(passed(s) for s in ("LE", "LU", "SC")), passed("KNM", None)),
        vrijgesteld_onderdelen=frozenset({"SP"}),
    )
    rs = reqs(f)
    assert get(rs, "SP B1").met
    assert is_completed(f, today=TODAY)


# -------------------------------------------------------------------------------- onderwijsroute
def test_onderwijsroute_has_no_map_and_needs_taalschakeldiploma_and_pvt():
    f = facts(pips=(pip("O"),))
    assert codes(reqs(f)) == ["taalschakeldiploma", "pvt_hours", "pvt_signed"]
    done = facts(
        pips=(pip("O"),),
        hours=(h(12, "pvt"),),
        datum_taalschakeldiploma=D(2026, 7, 1),
        datum_ondertekening_pvt=D(2026, 3, 1),
    )
    assert is_completed(done, today=TODAY)


# ----------------------------------------------------------------------------------------- Z-route
def test_z_route_asiel_needs_800_plus_800():
    rs = reqs(facts(pips=(pip("Z", "A1"),)))
    assert codes(rs) == [
        "z_language",
        "z_participation",
        "map_praktijk",
        "map_eindgesprek",
        "pvt_hours",
        "pvt_signed",
        "z_eindgesprek",
    ]
    assert get(rs, "z_language").required == 800
    assert get(rs, "z_participation").required == 800


def test_z_route_gezin_needs_800_language_only():
    rs = reqs(facts(doelgroep="Gezinsmigrant en overige migrant", pips=(pip("Z", "A1"),)))
    cs = codes(rs)
    assert "z_language" in cs
    assert "z_participation" not in cs


def test_z_route_hours_by_category():
    hours = (
        # 800 language: lessons, alfabetisering and intake lessons count
        *(h(20, "ParticipatieAlsTaalles") for _ in range(30)),  # 600
        *(h(20, "alfabetisering") for _ in range(5)),  # 100
        *(h(20, "TaallesEnKnmBredeIntake") for _ in range(5)),  # 100
        h(20, "z_taal", provider_keurmerk_valid=False),  # not counted
        h(8, "z_taal", attendance="verzuim_ongeoorloofd"),  # not counted
        # participation: MAP and PVT count within the 800
        *(h(20, "z_participatie") for _ in range(37)),  # 740
        h(24, "map_praktijk"),
        h(24, "map_praktijk"),
        h(12, "pvt"),
        h(20, "voorinburgering_nt2"),  # Voorinburgering never counts (DOMAIN.md §8)
    )
    rs = reqs(facts(pips=(pip("Z", "A1"),), hours=hours))
    assert get(rs, "z_language").done == 800
    assert get(rs, "z_language").met
    assert get(rs, "z_participation").done == 740 + 48 + 12
    assert get(rs, "z_participation").met


def test_z_route_completed_needs_the_eindgesprek():
    hours = (*(h(20, "z_taal") for _ in range(40)), *(h(20, "z_participatie") for _ in range(40)))
    hours = (*hours, h(24, "map_praktijk"), h(16, "map_praktijk"), h(12, "pvt"))
    f = facts(
        pips=(pip("Z", "A1"),),
        hours=hours,
        datum_eindgesprek_map=D(2026, 1, 1),
        datum_ondertekening_pvt=D(2026, 2, 1),
    )
    assert not is_completed(f, today=TODAY)
    g = dataclasses.replace(f, datum_afronding_zroute=D(2026, 9, 1))
    assert is_completed(g, today=TODAY)


# ------------------------------------------------------------------------------------------ Wi2013
def test_wi2013_needs_a2_exams_knm_ona_and_pvt():
    f = facts(regime="Wi2013", datum_kennisgeving=D(2019, 1, 1))
    rs = reqs(f)
    assert codes(rs)[:5] == ["LE A2", "LU A2", "SC A2", "SP A2", "KNM"]
    assert get(rs, "ona_hours").required == 64
    assert "pvt_signed" in codes(rs)
    assert "map_praktijk" not in codes(rs)
    assert "wi2013_course" not in codes(rs)


def test_wi2013_completed_with_a2_knm_ona_and_pvt():
    # DOMAIN.md §4.4: language at A2, KNM, ONA and the participatieverklaring. The 600 course
    # hours prove an ontheffing (DOMAIN.md L148), they are not needed to complete.
    f = facts(
        regime="Wi2013",
        datum_kennisgeving=D(2019, 1, 1),
        exams=(*tuple(passed(s, "A2") for s in SKILLS), passed("KNM", None)),
        hours=(*(h(16, "ona") for _ in range(4)),),
        datum_ondertekening_pvt=D(2020, 1, 1),
    )
    rs = reqs(f)
    assert get(rs, "ona_hours").met
    assert all(r.met for r in rs), [(r.code, r.detail) for r in rs if not r.met]
    assert is_completed(f, today=TODAY)


def test_wi2013_ona_short_is_not_complete():
    f = facts(
        regime="Wi2013",
        exams=(*tuple(passed(s, "A2") for s in SKILLS), passed("KNM", None)),
        hours=(h(16, "ona"),),
        datum_ondertekening_pvt=D(2020, 1, 1),
    )
    assert get(reqs(f), "ona_hours").done == 16
    assert not is_completed(f, today=TODAY)


# ---------------------------------------------------------------------------------------- misc
def test_no_pip_no_requirements_and_not_completed():
    assert reqs(facts()) == []
    assert not is_completed(facts(), today=TODAY)


def test_hours_by_category_separates_verzuim():
    out = hours_by_category(
        (
            h(3, "pvt"),
            h(2, "pvt"),
            h(4, "z_taal", attendance="verzuim_geoorloofd"),
            h(1, "z_taal", attendance="verzuim_ongeoorloofd"),
        )
    )
    assert out == {"pvt": 5, "verzuim_geoorloofd": 4, "verzuim_ongeoorloofd": 1}


def test_milestone_fraction():
    r = Requirement("pvt_signed", MILESTONE, 1, 0, False, "src")
    assert r.fraction == 0.0
    assert Requirement("x", HOURS, 0, 0, True, "src").fraction == 1.0


def test_week_totals_split_attended_hours_from_verzuim_by_iso_week():
    from core.rules.requirements import hours_per_week

    hours = (
        HourFacts(date=D(2025, 12, 29), hours=3, category="taal"),  # ISO week 1 of 2026
        HourFacts(date=D(2026, 1, 2), hours=2, category="taal", attendance="verzuim_geoorloofd"),
        HourFacts(date=D(2026, 1, 5), hours=4, category="taal"),
    )
    assert hours_per_week(hours) == {(2026, 1): (3.0, 2.0), (2026, 2): (4.0, 0.0)}


def test_hours_at_a_provider_without_keurmerk_are_shown_apart_and_never_counted():
    from core.rules.requirements import counted_hours, hours_without_keurmerk

    hours = (
        HourFacts(date=D(2025, 5, 1), hours=6, category="taal", provider_keurmerk_valid=False),
        HourFacts(date=D(2025, 5, 2), hours=2, category="taal", provider_keurmerk_valid=True),
        HourFacts(
            date=D(2025, 5, 3),
            hours=5,
            category="taal",
            attendance="verzuim_ongeoorloofd",
            provider_keurmerk_valid=False,
        ),
    )
    assert hours_without_keurmerk(hours) == 6
    assert counted_hours(hours, frozenset({"taal"})) == 2
