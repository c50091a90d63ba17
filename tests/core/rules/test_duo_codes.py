"""The app's values mapped to DUO's codes (core.rules.duo_codes), checked against the enums and
patterns of DUO's own specification files (tests/data/duo-m2m)."""

from __future__ import annotations

import pytest

from core.models.enums import Alfabetisering, Leerroute, Niveau, RedenGeenResultaat
from core.rules import duo_codes
from tests.core.duo_schema import component_schema, errors


def enum(api, name):
    return set(component_schema(api, name)["enum"])


def test_pip_codes_are_duos_and_come_from_the_apps_values():
    assert set(duo_codes.LEERROUTE.values()) == enum("PIP", "Leerroute")
    assert set(duo_codes.LEERROUTE) == {r.value for r in Leerroute}
    assert set(duo_codes.NIVEAU_PIP.values()) == enum("PIP", "NiveauPip")
    assert set(duo_codes.NIVEAU_PIP) <= {n.value for n in Niveau}
    assert set(duo_codes.ALFABETISERING.values()) == enum("PIP", "Alfabetiseringsonderwijs")
    assert set(duo_codes.ALFABETISERING) == {a.value for a in Alfabetisering}


def test_verwijtbaar_maps_to_duos_ja_nee():
    assert set(duo_codes.VERWIJTBAAR.values()) == enum("MAP,PVT,Zroute", "InburgeringJaNeeType")
    assert set(duo_codes.VERWIJTBAAR) <= {r.value for r in RedenGeenResultaat}


@pytest.mark.parametrize(("value", "text"), [(0, "0,00"), (42, "42,00"), (37.5, "37,50")])
def test_lbt_scores_take_duos_decimal_comma(value, text):
    assert duo_codes.lbt_score(value) == text
    schema = component_schema("Leerbaarheidstoets", "Resultaat")["properties"]["behaaldeScore"]
    assert errors(schema, text) == []


def test_an_lbt_score_duo_cannot_hold_has_no_code():
    assert duo_codes.lbt_score(None) is None
    assert duo_codes.lbt_score(1000) is None


def test_verlengingsgrond_fits_duos_omschrijving():
    assert duo_codes.verlengingsgrond("  no   aanbod ") == {"omschrijving": "no aanbod"}
    assert len(duo_codes.verlengingsgrond("x" * 300)["omschrijving"]) == 200
    assert duo_codes.verlengingsgrond(" ") is None
