"""The CBS list of gemeenten (resources/data/gemeenten-2026.csv) and the name look-up."""

from __future__ import annotations

import re

import pytest

from bench import names
from core.rules.gemeenten import DATA_FILE, all_gemeenten, find_gemeente


def test_the_list_has_the_342_gemeenten_with_unique_four_digit_codes():
    rows = all_gemeenten()
    assert len(rows) == 342
    assert len({g.code for g in rows}) == 342
    assert len({g.name.casefold() for g in rows}) == 342
    assert all(re.fullmatch(r"\d{4}", g.code) for g in rows)
    assert {g.year for g in rows} == {2026}
    assert all(g.source.startswith("https://www.cbs.nl/") for g in rows)
    assert "1 januari 2026" in DATA_FILE.read_text(encoding="utf-8").splitlines()[2]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Enschede", "Enschede", "0153"),  # the demo dossier
        ("ENSCHEDE", "Enschede", "0153"),
        ("amsterdam", "Amsterdam", "0363"),
        ("Den Haag", "'s-Gravenhage", "0518"),
        ("'s-gravenhage", "'s-Gravenhage", "0518"),
        ("Den Bosch", "'s-Hertogenbosch", "0796"),
        ("\u2019s-Hertogenbosch", "'s-Hertogenbosch", "0796"),
        ("Gemeente Utrecht", "Utrecht", "0344"),
        ("  súdwest-fryslân ", "Súdwest-Fryslân", "1900"),
        ("Nuenen, Gerwen en Nederwetten", "Nuenen, Gerwen en Nederwetten", "0820"),
        ("0599", "Rotterdam", "0599"),
    ],
)
def test_names_are_found_in_any_case_with_the_official_spelling(text, name, code):
    found = find_gemeente(text)
    assert found is not None
    assert (found.name, found.code) == (name, code)


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", None, "Bergen", "9999"])
def test_unknown_or_ambiguous_names_are_not_guessed(text):
    assert find_gemeente(text) is None


def test_every_gemeente_of_the_demo_and_bench_data_is_in_the_list():
    # The bench's "Amstelland" is a region (Amstelveen, Ouder-Amstel, Aalsmeer), not a gemeente:
    # a dossier naming it cannot go to DUO until the real gemeente is recorded.
    bench = [n for n in names.GEMEENTEN if n != "Amstelland"]
    assert len(bench) == len(names.GEMEENTEN) - 1
    for name in (*bench, "Enschede", "Almelo", "Deventer", "Hengelo", "Zwolle"):
        assert find_gemeente(name) is not None, name
    assert find_gemeente("Amstelland") is None
