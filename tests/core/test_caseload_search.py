"""Search as you type in the caseload: names, gemeente, BSN and V-number prefixes, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from core.services.dossiers import count_dossiers, create_dossier, list_dossiers
from core.services.pip import new_pip_version
from tests.conftest import TODAY


def _caseload(store):
    people = [
        ("Amsalu", "Tesfay", "Amsterdam", "111222333", "2701234567"),
        ("Rania", "Haddad", "Enschede", "123456782", "2709999999"),
        ("Ahmad", "Al-Hassan", "Zwolle", "100000009", "1234500000"),
        ("Nour", "Amsari_50%", "Utrecht", None, None),
    ]
    ids = {}
    for given, family, gemeente, bsn, vnum in people:
        ids[given] = create_dossier(
            store,
            {
                "given_names": given,
                "family_name": family,
                "gemeente": gemeente,
                "bsn": bsn,
                "v_nummer": vnum,
            },
        )
    first = TODAY - dt.timedelta(days=90)
    new_pip_version(store, ids["Rania"], {"dagtekening": first, "leerroute": "Z"})
    later = {"dagtekening": TODAY - dt.timedelta(days=30), "leerroute": "B", "reason": "Change"}
    new_pip_version(store, ids["Rania"], later)
    new_pip_version(store, ids["Ahmad"], {"dagtekening": first, "leerroute": "Z"})
    return ids


def _names(rows):
    return [r.name for r in rows]


def test_typing_a_name_letter_by_letter(store):
    _caseload(store)
    assert _names(list_dossiers(store, "a")) == [
        "Ahmad Al-Hassan",
        "Nour Amsari_50%",
        "Rania Haddad",
        "Amsalu Tesfay",
    ]
    assert _names(list_dossiers(store, "AMS")) == [
        "Nour Amsari_50%",
        "Amsalu Tesfay",
    ]  # Amsterdam matches the gemeente
    assert _names(list_dossiers(store, "rania hadd")) == ["Rania Haddad"]
    assert count_dossiers(store, "ams") == 2


def test_wildcards_typed_by_the_user_are_plain_characters(store):
    _caseload(store)
    assert _names(list_dossiers(store, "_50%")) == ["Nour Amsari_50%"]
    assert count_dossiers(store, "%") == 1


def test_typing_a_bsn_or_v_number_is_a_prefix_search(store):
    _caseload(store)
    assert _names(list_dossiers(store, "1")) == ["Ahmad Al-Hassan", "Rania Haddad", "Amsalu Tesfay"]
    assert _names(list_dossiers(store, "1234")) == [
        "Ahmad Al-Hassan",
        "Rania Haddad",
    ]  # V-number 12345…, BSN 1234…
    assert _names(list_dossiers(store, "123 456 782")) == ["Rania Haddad"]
    assert _names(list_dossiers(store, "270")) == ["Rania Haddad", "Amsalu Tesfay"]
    assert count_dossiers(store, "9") == 0


def test_the_latest_pip_gives_the_leerroute_and_filters(store):
    ids = _caseload(store)
    rows = {r.id: r.leerroute for r in list_dossiers(store)}
    assert rows[ids["Rania"]] == "B" and rows[ids["Ahmad"]] == "Z" and rows[ids["Nour"]] is None
    assert _names(list_dossiers(store, leerroute="B")) == [
        "Rania Haddad"
    ]  # the newest version counts
    assert count_dossiers(store, "a", leerroute="Z") == 1


def test_paging(store):
    _caseload(store)
    pages = [_names(list_dossiers(store, "", limit=3, offset=o)) for o in (0, 3)]
    assert pages == [["Ahmad Al-Hassan", "Nour Amsari_50%", "Rania Haddad"], ["Amsalu Tesfay"]]
    assert count_dossiers(store) == 4


def test_sorting_in_the_database_still_pages(store):
    ids = _caseload(store)
    by_gemeente = [r.gemeente for r in list_dossiers(store, order_by="gemeente")]
    assert by_gemeente == ["Amsterdam", "Enschede", "Utrecht", "Zwolle"]
    newest_route_desc = list_dossiers(store, order_by="leerroute", descending=True, limit=2)
    assert [(r.name, r.leerroute) for r in newest_route_desc] == [
        ("Ahmad Al-Hassan", "Z"),
        ("Rania Haddad", "B"),
    ]
    second_page = list_dossiers(store, order_by="bsn", descending=True, limit=2, offset=2)
    assert [r.id for r in second_page] == [
        ids["Ahmad"],
        ids["Nour"],
    ]  # no BSN sorts last going down


def test_an_unknown_sort_column_is_refused(store):
    with pytest.raises(ValueError):
        list_dossiers(store, order_by="notes")


def test_search_folds_case_diacritics_hyphens_and_spaces(store):
    """ "al hassan" finds Al-Hassan, "celik" finds Çelik; given and family name in either order."""
    _caseload(store)
    create_dossier(store, {"given_names": "Zeynep", "family_name": "Çelik"})
    create_dossier(store, {"given_names": "Ayşe", "family_name": "O'Brien-Yıldız"})
    create_dossier(store, {"given_names": "أحمد", "family_name": "الحسن"})
    assert _names(list_dossiers(store, "al hassan")) == ["Ahmad Al-Hassan"]
    assert _names(list_dossiers(store, "alhassan")) == ["Ahmad Al-Hassan"]
    assert _names(list_dossiers(store, "hassan ahmad")) == ["Ahmad Al-Hassan"]
    assert _names(list_dossiers(store, "celik")) == ["Zeynep Çelik"]
    assert _names(list_dossiers(store, "ÇELİK")) == ["Zeynep Çelik"]
    assert _names(list_dossiers(store, "obrien yildiz")) == ["Ayşe O'Brien-Yıldız"]
    assert _names(list_dossiers(store, "ayse")) == ["Ayşe O'Brien-Yıldız"]
    assert _names(list_dossiers(store, "احمد")) == ["أحمد الحسن"]  # hamza on the alif folded


def test_the_search_key_follows_a_renamed_person(store):
    from core.services.dossiers import update_person

    ids = _caseload(store)
    update_person(store, ids["Rania"], {"family_name": "Çelik-Haddad"})
    assert _names(list_dossiers(store, "celik haddad")) == ["Rania Çelik-Haddad"]
    assert list_dossiers(store, "rania haddad") == []  # the name runs on: "rania çelik-haddad"
