"""Dossiers: create, update, load, search the caseload, delete (core.services.dossiers)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import NotFoundError, ValidationError
from core.services.deadlines import caseload_clocks, dossier_overview
from core.services.dossiers import (
    count_dossiers,
    create_dossier,
    delete_dossier,
    find_by_identity,
    list_dossiers,
    load_dossier,
    update_person,
)
from core.services.pip import new_pip_version
from tests.conftest import TODAY

D = dt.date


@pytest.fixture
def caseload(store):
    a = create_dossier(
        store,
        {
            "given_names": "Amina",
            "family_name": "Yusuf",
            "gemeente": "Enschede",
            "bsn": "111222333",
        },
    )
    b = create_dossier(
        store,
        {
            "given_names": "Bashir",
            "family_name": "Ahmadi",
            "gemeente": "Hengelo",
            "v_nummer": "2701234567",
        },
    )
    c = create_dossier(
        store,
        {
            "given_names": "Chen",
            "family_name": "Wei",
            "gemeente": "Enschede",
            "plicht_status": "voldaan_diploma",
        },
    )
    new_pip_version(store, a, {"dagtekening": D(2024, 3, 1), "leerroute": "B"})
    new_pip_version(store, b, {"dagtekening": D(2024, 3, 1), "leerroute": "B"})
    new_pip_version(store, b, {"dagtekening": D(2025, 1, 1), "leerroute": "Z", "niveau": "A1"})
    return a, b, c


def test_list_is_sorted_by_family_name_and_shows_the_current_route(store, caseload):
    a, b, c = caseload
    rows = list_dossiers(store)
    assert [r.id for r in rows] == [b, c, a]  # Ahmadi, Wei, Yusuf
    by_id = {r.id: r for r in rows}
    assert by_id[a].name == "Amina Yusuf"
    assert by_id[a].leerroute == "B"
    assert by_id[b].leerroute == "Z"  # the latest version counts
    assert by_id[c].leerroute is None


def test_search_by_name_gemeente_bsn_and_v_nummer(store, caseload):
    a, b, c = caseload
    assert [r.id for r in list_dossiers(store, "amina")] == [a]
    assert [r.id for r in list_dossiers(store, "YUSUF")] == [a]
    assert {r.id for r in list_dossiers(store, "enschede")} == {a, c}
    assert [r.id for r in list_dossiers(store, "111.222")] == [a]
    assert [r.id for r in list_dossiers(store, "27012")] == [b]
    assert list_dossiers(store, "nobody") == []
    assert list_dossiers(store, "   ") == list_dossiers(store)


def test_filters_paging_and_count(store, caseload):
    a, b, c = caseload
    assert [r.id for r in list_dossiers(store, leerroute="Z")] == [b]
    assert [r.id for r in list_dossiers(store, status="voldaan_diploma")] == [c]
    assert [r.id for r in list_dossiers(store, limit=2)] == [b, c]
    assert [r.id for r in list_dossiers(store, limit=2, offset=2)] == [a]
    assert count_dossiers(store) == 3
    assert count_dossiers(store, "enschede") == 2
    assert count_dossiers(store, leerroute="B") == 1


def test_find_by_identity(store, caseload):
    a, b, _c = caseload
    assert find_by_identity(store, "111222333", None) == a
    assert find_by_identity(store, None, "2701234567") == b
    assert find_by_identity(store, "123456782", None) is None
    assert find_by_identity(store, None, None) is None


def test_update_person_validates_and_keeps_other_fields(store, caseload):
    a, _b, _c = caseload
    update_person(store, a, {"phone": "06 12345678", "regime": "Wi2013"})
    person = load_dossier(store, a)
    assert (person.phone, person.regime, person.given_names) == ("06 12345678", "Wi2013", "Amina")
    with pytest.raises(ValidationError) as err:
        update_person(store, a, {"bsn": "123456789"})
    assert err.value.field == "bsn"
    assert load_dossier(store, a).bsn == "111222333"


def test_create_refuses_bad_values_and_lists_every_field(store):
    with pytest.raises(ValidationError) as err:
        create_dossier(
            store,
            {"family_name": "X", "bsn": "123456789", "email": "not-an-email", "regime": "Wi1999"},
        )
    assert set(err.value.errors) == {"bsn", "email", "regime"}
    assert list_dossiers(store) == []


def test_load_and_delete_unknown_dossier(store):
    with pytest.raises(NotFoundError):
        load_dossier(store, 4242)
    with pytest.raises(NotFoundError):
        delete_dossier(store, 4242)


def test_delete_removes_it_from_the_caseload(store, caseload):
    a, b, c = caseload
    delete_dossier(store, a)
    assert {r.id for r in list_dossiers(store)} == {b, c}
    with pytest.raises(NotFoundError):
        load_dossier(store, a)


def test_caseload_clocks_for_one_and_for_all(store, caseload):
    a, b, _c = caseload
    one = caseload_clocks(store, TODAY, dossier_id=a)
    assert {x.dossier for x in one} == {a}
    termijn = next(x for x in one if x.clock.kind == "termijn_end")
    assert termijn.clock.date == D(2027, 3, 1)
    assert termijn.as_json()["date"] == "2027-03-01"
    assert termijn.as_json()["label"] == "End of the inburgeringstermijn"
    everyone = caseload_clocks(store, TODAY)
    assert {x.dossier for x in everyone} == {a, b}
    b_termijn = next(x for x in everyone if x.dossier == b and x.clock.kind == "termijn_end")
    assert b_termijn.clock.date == D(2027, 3, 1)  # from the first PIP, not the Z-route version


def test_dossier_overview_of_the_demo(store, demo_id):
    overview = dossier_overview(load_dossier(store, demo_id), TODAY)
    kinds = {c.kind for c in overview["clocks"]}
    assert {"termijn_end", "exam_registration", "afspraak_due", "pvt_ondertekening"} <= kinds
    codes = {r.detail or r.code for r in overview["requirements"]}
    assert {"SC A2", "LE B1", "map_praktijk", "pvt_hours"} <= codes
    sp = next(r for r in overview["requirements"] if r.detail == "SP B1")
    assert sp.met
    assert overview["next_steps"]


def test_caseload_clocks_follow_changes(store, caseload):
    from core.services import records as rec

    a, b, _c = caseload

    def termijn(dossier: int) -> dt.date | None:
        items = caseload_clocks(store, TODAY)
        return next(
            x.clock.date for x in items if x.dossier == dossier and x.clock.kind == "termijn_end"
        )

    assert termijn(a) == D(2027, 3, 1)
    rec.add_record(
        store, a, "verlenging", {"ground": "Waiting list", "months": 6, "decision": "toegekend"}
    )
    assert termijn(a) == D(2027, 9, 1)
    assert termijn(b) == D(2027, 3, 1)
    delete_dossier(store, a)
    assert {x.dossier for x in caseload_clocks(store, TODAY)} == {b}
    # A new day recomputes statuses.
    late = caseload_clocks(store, D(2027, 3, 2))
    assert next(x for x in late if x.clock.kind == "termijn_end").clock.status == "overdue"


def test_a_second_dossier_with_the_same_bsn_is_kept_with_a_warning(store):
    """Issue 15 (section 2, item 10): not silent, and nothing refused."""
    first = create_dossier(store, {"given_names": "Sara", "bsn": "123456782"})
    assert first.warnings == ()
    second = create_dossier(store, {"given_names": "Sara", "bsn": "1234 56 782"})
    assert second != first and second.same_identity == first
    assert f"Dossier {first}" in second.warnings[0]
    third = create_dossier(store, {"given_names": "Ali"})
    assert update_person(store, third, {"given_names": "Ali B."}) == []
    assert f"Dossier {first}" in update_person(store, third, {"bsn": "123456782"})[0]
