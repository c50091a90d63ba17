"""Property-based tests of the rules (hypothesis): calendar periods, the termijn, clocks, BSN."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.nl import bsn as stdnum_bsn

from core.rules import clocks as c
from core.rules.bsn import is_valid_bsn
from core.rules.dates import add_months
from core.rules.facts import (
    AfspraakFacts,
    DossierFacts,
    ExamFacts,
    OntzorgingFacts,
    PipFacts,
    VerlengingFacts,
)

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))
maybe_dates = st.none() | dates
THREE_YEARS_DAYS = 3 * 365

verlenging = st.builds(
    VerlengingFacts,
    decision=st.sampled_from(["aangevraagd", "toegekend", "afgewezen"]),
    months=st.none() | st.integers(1, 60),
    new_end_date=st.none() | dates,
    requested_date=maybe_dates,
)
granted_months = st.builds(
    VerlengingFacts, decision=st.just("toegekend"), months=st.integers(1, 60)
)


def pip_at(day: dt.date, version: int = 1, route: str = "B") -> PipFacts:
    return PipFacts(version_no=version, dagtekening=day, leerroute=route)


@given(dates, st.integers(-600, 600))
def test_add_months_lands_in_the_right_month_within_its_bounds(day, months):
    out = add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    assert (out.year, out.month) == (year, month0 + 1)
    last = calendar.monthrange(out.year, out.month)[1]
    assert 1 <= out.day <= last
    assert out.day == min(day.day, last)
    if months > 0:
        assert out > day
    elif months < 0:
        assert out < day
    else:
        assert out == day


@given(dates, st.integers(0, 600), st.integers(0, 600))
def test_add_months_never_overshoots_a_two_step_addition(day, a, b):
    # One big step keeps the original day number; two steps may lose it to clamping.
    assert add_months(add_months(day, a), b) <= add_months(day, a + b)


@given(dates, st.lists(verlenging, max_size=4))
def test_termijn_end_at_least_three_years_minus_three_days(start, vs):
    f = DossierFacts(dossier_id=1, pips=(pip_at(start),), verlengingen=tuple(vs))
    end = c.termijn_end(f)
    assert end is not None
    assert (end - start).days >= THREE_YEARS_DAYS - 3
    if not vs:
        assert (end - start).days <= THREE_YEARS_DAYS + 1


@given(dates, st.lists(verlenging, max_size=4), verlenging)
def test_termijn_end_is_monotone_in_verlengingen(start, vs, extra):
    before = DossierFacts(dossier_id=1, pips=(pip_at(start),), verlengingen=tuple(vs))
    after = DossierFacts(dossier_id=1, pips=(pip_at(start),), verlengingen=(*vs, extra))
    end_before, end_after = c.termijn_end(before), c.termijn_end(after)
    assert end_before is not None and end_after is not None
    assert end_after >= end_before
    if extra.decision != "toegekend":
        assert end_after == end_before


@given(dates, st.lists(granted_months, min_size=1, max_size=4))
def test_granted_months_add_up(start, vs):
    f = DossierFacts(dossier_id=1, pips=(pip_at(start),), verlengingen=tuple(vs))
    expected = add_months(add_months(start, 36), sum(v.months or 0 for v in vs))
    assert c.termijn_end(f) == expected


exam = st.builds(
    ExamFacts,
    onderdeel=st.sampled_from(["KNM", "LE", "LU", "SC", "SP", "ONA"]),
    niveau=st.sampled_from([None, "A2", "B1", "B2"]),
    planned_date=maybe_dates,
    registration_date=maybe_dates,
    resultaat=st.sampled_from([None, "Geslaagd", "Gezakt", "Geen"]),
)
dossier = st.builds(
    DossierFacts,
    dossier_id=st.just(1),
    regime=st.sampled_from(["Wi2021", "Wi2013", "Wi2007"]),
    doelgroep=st.sampled_from(["Asielstatushouder", "Gezinsmigrant en overige migrant"]),
    plicht_status=st.sampled_from(
        ["plichtig", "tijdelijk_vrijgesteld", "voldaan_diploma", "ontheffing", "niet_plichtig"]
    ),
    plicht_begindatum=maybe_dates,
    datum_kennisgeving=maybe_dates,
    pip_clock_start=st.sampled_from(["huisvesting", "vestiging", "brp_inschrijving"]),
    vergunning_date=maybe_dates,
    koppeling_date=maybe_dates,
    huisvesting_date=maybe_dates,
    vestiging_date=maybe_dates,
    brp_inschrijving_date=maybe_dates,
    bijstand_start=maybe_dates,
    pips=st.lists(
        st.builds(
            PipFacts,
            version_no=st.integers(1, 5),
            dagtekening=dates,
            leerroute=st.sampled_from(["B", "O", "Z"]),
            map_omitted=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    exams=st.lists(exam, max_size=4).map(tuple),
    verlengingen=st.lists(verlenging, max_size=3).map(tuple),
    ontzorging=st.lists(
        st.builds(
            OntzorgingFacts,
            kind=st.just("huur"),
            until_date=maybe_dates,
            extended=st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
    afspraken=st.lists(
        st.builds(
            AfspraakFacts,
            text=st.text(max_size=120),
            due_date=maybe_dates,
            status=st.sampled_from(["open", "gedaan", "vervallen"]),
        ),
        max_size=3,
    ).map(tuple),
    datum_eindgesprek_map=maybe_dates,
    datum_ondertekening_pvt=maybe_dates,
    datum_afronding_zroute=maybe_dates,
)


@settings(max_examples=200)
@given(dossier, dates)
def test_clocks_sorted_labelled_and_with_a_known_status(f, today):
    clocks = c.all_clocks(f, today)
    keys = [(x.date is None, x.date or dt.date.max) for x in clocks]
    assert keys == sorted(keys)
    for clock in clocks:
        assert clock.kind in c.KIND_LABELS
        assert clock.text().strip()
        assert clock.status in (c.OPEN, c.DONE, c.OVERDUE)
        if clock.status == c.OVERDUE:
            assert clock.date is not None and clock.date < today
        assert clock.date is not None


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_bsn_agrees_with_python_stdnum(number):
    assert is_valid_bsn(number) == stdnum_bsn.is_valid(number)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_bsn_with_a_dropped_leading_zero_agrees_with_python_stdnum(number):
    assert is_valid_bsn(number) == stdnum_bsn.is_valid(number)


@given(st.integers(0, 10**8 - 1))
def test_every_eight_digit_prefix_has_at_most_one_check_digit(prefix):
    base = f"{prefix:08d}"
    valid = [d for d in "0123456789" if is_valid_bsn(base + d)]
    assert len(valid) <= 1
