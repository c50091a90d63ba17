"""DUO's PIP validation rules (core.rules.duo_validation; DOMAIN.md §6)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.rules.duo_validation import ERROR, WARNING, validate_pip
from core.rules.facts import DossierFacts, PipFacts

D = dt.date
MARCH_2025 = dt.date(2025, 3, 1)


def pip(route: str, niveau: str | None, version: int = 1, day: dt.date = MARCH_2025, **kw):
    return PipFacts(version_no=version, dagtekening=day, leerroute=route, niveau=niveau, **kw)


def facts(**kw) -> DossierFacts:
    return DossierFacts(dossier_id=1, **kw)


def codes(findings, severity: str | None = None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity == severity}


def test_a_clean_first_b1_pip_has_no_findings():
    assert validate_pip(pip("B", "B1", geschatte_intensiteit=600), facts()) == []


def test_a2_with_onderwijsroute_is_an_error():
    out = validate_pip(pip("O", "A2"), facts())
    assert codes(out, ERROR) == {"a2_onderwijsroute"}
    assert out[0].field == "niveau"
    assert "onderwijsroute" in out[0].text()


def test_b1_with_z_route_is_an_error():
    assert codes(validate_pip(pip("Z", "B1"), facts()), ERROR) == {"b1_zroute"}
    assert validate_pip(pip("Z", "A1"), facts()) == []


def test_b_route_at_a2_is_an_error_on_the_first_pip():
    assert codes(validate_pip(pip("B", "A2"), facts()), ERROR) == {"b1route_a2_first_pip"}


def test_b_route_at_a2_is_allowed_on_a_later_pip():
    first = pip("B", "B1", version=1, day=D(2024, 3, 1))
    later = pip("B", "A2", version=2, day=D(2025, 3, 1))
    assert validate_pip(later, facts(pips=(first,))) == []


@pytest.mark.parametrize(
    ("route", "doelgroep"),
    [
        ("O", "Asielstatushouder"),
        ("Z", "Asielstatushouder"),
        ("B", "Gezinsmigrant en overige migrant"),
    ],
)
def test_intensiteit_only_for_b_route_asiel(route, doelgroep):
    niveau = "A1" if route == "Z" else "B1"
    out = validate_pip(pip(route, niveau, geschatte_intensiteit=400), facts(doelgroep=doelgroep))
    assert codes(out, ERROR) == {"intensiteit_not_b1_asiel"}


def test_dagtekening_before_plicht_start_is_an_error():
    out = validate_pip(pip("B", "B1", day=D(2024, 12, 31)), facts(plicht_begindatum=D(2025, 1, 1)))
    assert codes(out, ERROR) == {"before_plicht"}
    assert (
        validate_pip(pip("B", "B1", day=D(2025, 1, 1)), facts(plicht_begindatum=D(2025, 1, 1)))
        == []
    )


def test_dagtekening_before_vestiging_is_only_a_warning():
    # An azc PIP may predate settling (seed 003 L482-494).
    out = validate_pip(pip("B", "B1", day=D(2025, 1, 1)), facts(vestiging_date=D(2025, 2, 1)))
    assert codes(out, WARNING) == {"before_vestiging"}
    assert codes(out, ERROR) == set()


def test_dagtekening_before_the_current_pip_is_an_error():
    current = pip("B", "B1", version=1, day=D(2025, 3, 1))
    out = validate_pip(pip("Z", "A1", version=2, day=D(2025, 2, 1)), facts(pips=(current,)))
    assert codes(out, ERROR) == {"before_previous_pip"}


def test_afschalen_outside_the_b_route_is_a_warning():
    out = validate_pip(pip("O", "B1", skill_levels={"SP": "A2"}), facts())
    assert codes(out) == {"afschalen_not_b1route"}
    assert codes(out, WARNING) == {"afschalen_not_b1route"}


def test_deviating_from_the_lbt_advice_needs_reasons():
    f = facts(lbt_resultaat="B1-route haalbaar")
    assert codes(validate_pip(pip("Z", "A1"), f), WARNING) == {"lbt_deviation_reason"}
    assert validate_pip(pip("Z", "A1"), f, "Medical reasons, see report") == []
    g = facts(lbt_resultaat="B1-route niet haalbaar")
    assert codes(validate_pip(pip("B", "B1"), g)) == {"lbt_deviation_reason"}
    assert validate_pip(pip("Z", "A1"), g) == []


def test_old_regime_gets_a_warning():
    out = validate_pip(pip("B", "B1"), facts(regime="Wi2013"))
    assert codes(out, WARNING) == {"old_regime"}


def test_every_finding_has_a_message():
    out = validate_pip(
        pip("O", "A2", geschatte_intensiteit=1, skill_levels={"LE": "A2"}, day=D(2020, 1, 1)),
        facts(regime="Wi2013", plicht_begindatum=D(2021, 1, 1), vestiging_date=D(2021, 1, 1)),
    )
    assert len(out) >= 5
    for f in out:
        assert f.text().strip()
