"""Exam status per onderdeel: passes, attempts, free attempts (core.rules.exams; DOMAIN.md §7)."""

from __future__ import annotations

import datetime as dt

from core.rules.exams import (
    counts_as_attempt,
    exam_status,
    gemeente_pays_exams,
    level_at_least,
    required_levels,
)
from core.rules.facts import DossierFacts, ExamFacts, PipFacts

D = dt.date
TODAY = D(2026, 11, 23)


def facts(route: str = "B", **kw) -> DossierFacts:
    pip = PipFacts(1, D(2024, 3, 1), route, kw.pop("niveau", "B1"), kw.pop("skills", {}))
    return DossierFacts(dossier_id=1, pips=(pip,), **kw)


def exam(code: str, day: dt.date, result: str | None = None, **kw) -> ExamFacts:
    return ExamFacts(code, kw.pop("niveau", "B1"), planned_date=day, resultaat=result, **kw)


def status_of(f: DossierFacts, code: str):
    return next(s for s in exam_status(f, TODAY) if s.onderdeel == code)


def test_level_order():
    assert level_at_least("B1", "A2")
    assert level_at_least("B2", "B1")
    assert level_at_least("A2", "A2")
    assert not level_at_least("A2", "B1")
    assert not level_at_least(None, "A2")
    assert level_at_least(None, None)
    assert not level_at_least("??", "A2")


def test_two_free_attempts_then_paid():
    f = facts(
        exams=(
            exam("LE", D(2025, 3, 1), "Gezakt"),
            exam("LE", D(2025, 6, 1), "Gezakt"),
        )
    )
    s = status_of(f, "LE")
    assert (s.attempts, s.free_left, s.passed, s.last_result) == (2, 0, False, "Gezakt")


def test_afgemeld_attempt_does_not_count():
    afgemeld = exam("LE", D(2025, 3, 1), "Geen", reden_geen_resultaat="Afgemeld")
    assert not counts_as_attempt(afgemeld)
    f = facts(exams=(afgemeld, exam("LE", D(2025, 6, 1), "Gezakt")))
    s = status_of(f, "LE")
    assert (s.attempts, s.free_left) == (1, 1)


def test_absent_or_culpable_no_result_does_count():
    for reden in ("Absent", "Verwijtbaar", "Nietverwijtbaar"):
        e = exam("LU", D(2025, 3, 1), "Geen", reden_geen_resultaat=reden)
        assert counts_as_attempt(e)
    f = facts(exams=(exam("LU", D(2025, 3, 1), "Geen", reden_geen_resultaat="Absent"),))
    assert status_of(f, "LU").free_left == 1


def test_planned_attempt_without_result_is_not_used_yet():
    f = facts(exams=(exam("SP", D(2027, 1, 10)),))
    s = status_of(f, "SP")
    assert (s.attempts, s.free_left, s.next_planned) == (0, 2, D(2027, 1, 10))
    assert not counts_as_attempt(f.exams[0])


def test_paid_attempts_do_not_use_free_ones():
    f = facts(
        exams=(
            exam("SC", D(2025, 1, 1), "Gezakt"),
            exam("SC", D(2025, 4, 1), "Gezakt", free_attempt=False),
        )
    )
    s = status_of(f, "SC")
    assert (s.attempts, s.free_left) == (2, 1)


def test_pass_at_pip_level_and_last_result_by_date():
    f = facts(
        exams=(
            exam("KNM", D(2025, 9, 1), "Geslaagd", niveau=None),
            exam("KNM", D(2025, 3, 1), "Gezakt", niveau=None),
        )
    )
    s = status_of(f, "KNM")
    assert s.passed and s.required_level is None
    assert s.last_result == "Geslaagd"


def test_passed_level_is_the_highest_pass():
    f = facts(
        exams=(
            exam("LE", D(2025, 3, 1), "Geslaagd"),
            exam("LE", D(2025, 9, 1), "Geslaagd", niveau="B2"),
        )
    )
    assert status_of(f, "LE").passed_level == "B2"


def test_afschalen_lowers_one_skill():
    f = facts(skills={"SP": "A2"}, exams=(exam("SP", D(2025, 3, 1), "Geslaagd", niveau="A2"),))
    levels = required_levels(f)
    assert levels == {"LE": "B1", "LU": "B1", "SC": "B1", "SP": "A2", "KNM": None}
    assert status_of(f, "SP").passed
    assert not status_of(f, "LE").passed


def test_next_attempt_below_pip_level_is_flagged():
    f = facts(exams=(exam("LU", D(2027, 2, 1), niveau="A2"),))
    assert status_of(f, "LU").below_pip_level
    ok = facts(exams=(exam("LU", D(2027, 2, 1)),))
    assert not status_of(ok, "LU").below_pip_level


def test_exempt_onderdeel():
    f = facts(vrijgesteld_onderdelen=frozenset({"LE"}))
    assert status_of(f, "LE").exempt
    assert not status_of(f, "LU").exempt


def test_wi2013_requires_a2_everywhere():
    f = DossierFacts(dossier_id=1, regime="Wi2013")
    assert required_levels(f) == {"LE": "A2", "LU": "A2", "SC": "A2", "SP": "A2", "KNM": None}
    g = DossierFacts(
        dossier_id=1, regime="Wi2013", exams=(exam("LE", D(2020, 1, 1), "Geslaagd", niveau="A2"),)
    )
    assert status_of(g, "LE").passed


def test_z_route_lists_only_the_exams_taken():
    f = facts("Z", niveau="A1", exams=(exam("LE", D(2025, 3, 1), "Geslaagd", niveau="A2"),))
    assert required_levels(f) == {}
    assert [s.onderdeel for s in exam_status(f, TODAY)] == ["LE"]


def test_ona_attempt_is_listed_beside_the_required_ones():
    f = facts(exams=(exam("ONA", D(2025, 3, 1), "Geslaagd", niveau=None),))
    codes = [s.onderdeel for s in exam_status(f, TODAY)]
    assert codes == ["LE", "LU", "SC", "SP", "KNM", "ONA"]


def test_no_pip_no_required_levels():
    assert required_levels(DossierFacts(dossier_id=1)) == {}
    assert exam_status(DossierFacts(dossier_id=1), TODAY) == []


def test_free_attempts_only_for_asielstatushouders_under_the_wi2021():
    """Issue 15: the gemeente pays the exams of an asielstatushouder (two attempts per
    onderdeel, whatever the level); gezinsmigranten and overige migranten pay their own."""
    taken = (exam("LE", D(2025, 3, 1), "Gezakt", niveau="A2"),)
    asiel = facts(exams=taken)
    assert gemeente_pays_exams(asiel)
    assert {s.onderdeel: s.free_left for s in exam_status(asiel, TODAY)} == {
        "LE": 1,
        "LU": 2,
        "SC": 2,
        "SP": 2,
        "KNM": 2,
    }
    for payer in (
        facts(exams=taken, doelgroep="Gezinsmigrant en overige migrant"),
        facts(exams=taken, regime="Wi2013"),
    ):
        assert not gemeente_pays_exams(payer)
        assert {s.free_left for s in exam_status(payer, TODAY)} == {None}
