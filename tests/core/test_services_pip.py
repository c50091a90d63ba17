"""PIP versions (core.services.pip): numbered, immutable, carried over, checked against DUO's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.facts import dossier_facts
from core.errors import ValidationError
from core.rules import clocks
from core.services import records as rec
from core.services.dossiers import create_dossier, load_dossier
from core.services.pip import diff_versions, new_pip_version, sign_version

D = dt.date


@pytest.fixture
def pid(store):
    return create_dossier(
        store,
        {"given_names": "Sara", "family_name": "Ali", "plicht_begindatum": D(2024, 1, 1)},
    )


def versions(store, pid):
    return sorted(load_dossier(store, pid).pip_versions, key=lambda p: p.version_no)


def test_first_pip_gets_version_1_trigger_eerste_and_default_b1(store, pid):
    vid, findings = new_pip_version(store, pid, {"dagtekening": D(2024, 2, 29), "leerroute": "B"})
    assert findings == []
    (pip,) = versions(store, pid)
    assert (pip.id, pip.version_no, pip.trigger, pip.niveau) == (vid, 1, "eerste", "B1")
    f = dossier_facts(load_dossier(store, pid))
    assert clocks.termijn_end(f) == D(2027, 2, 28)
    assert clocks.leerroute_change_end(f) == D(2025, 8, 29)


def test_a_change_is_a_new_version_and_carries_the_rest_over(store, pid):
    new_pip_version(
        store,
        pid,
        {
            "dagtekening": D(2024, 3, 1),
            "leerroute": "B",
            "map_invulling": "MAP at Werkplein",
            "gemeente": "Enschede",
        },
    )
    new_pip_version(
        store, pid, {"dagtekening": D(2025, 3, 1), "niveau_sc": "A2", "reason": "Afschalen"}
    )
    first, second = versions(store, pid)
    assert (first.version_no, second.version_no) == (1, 2)
    assert second.trigger == "wijziging"
    assert second.map_invulling == "MAP at Werkplein"
    assert second.gemeente == "Enschede"
    assert (first.niveau_sc, second.niveau_sc) == (None, "A2")
    assert first.dagtekening == D(2024, 3, 1)  # the old version is kept as it was
    changes = {c.field: (c.old, c.new) for c in diff_versions(first, second)}
    assert changes["niveau_sc"] == (None, "A2")
    assert changes["dagtekening"] == (D(2024, 3, 1), D(2025, 3, 1))
    assert "map_invulling" not in changes
    # The termijn keeps running from the first PIP.
    f = dossier_facts(load_dossier(store, pid))
    assert clocks.termijn_end(f) == D(2027, 3, 1)
    assert f.current_pip is not None and f.current_pip.skill_levels["SC"] == "A2"


def test_diff_against_nothing_lists_the_filled_fields(store, pid):
    new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "O"})
    (pip,) = versions(store, pid)
    fields = {c.field for c in diff_versions(None, pip)}
    assert {"dagtekening", "leerroute", "niveau"} <= fields
    assert "map_invulling" not in fields


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"dagtekening": D(2024, 3, 1), "leerroute": "O", "niveau": "A2"}, "niveau"),
        ({"dagtekening": D(2024, 3, 1), "leerroute": "Z", "niveau": "B1"}, "niveau"),
        ({"dagtekening": D(2024, 3, 1), "leerroute": "B", "niveau": "A2"}, "niveau"),
        ({"dagtekening": D(2023, 12, 31), "leerroute": "B"}, "dagtekening"),
    ],
)
def test_duo_errors_stop_the_save_unless_allowed(store, pid, values, field):
    with pytest.raises(ValidationError) as err:
        new_pip_version(store, pid, values)
    assert err.value.field == field
    assert versions(store, pid) == []
    _vid, findings = new_pip_version(store, pid, values, allow_errors=True)
    assert any(f.severity == "error" for f in findings)
    assert len(versions(store, pid)) == 1


def test_b_route_a2_allowed_on_a_later_version(store, pid):
    new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "B", "niveau": "B1"})
    _vid, findings = new_pip_version(store, pid, {"dagtekening": D(2025, 3, 1), "niveau": "A2"})
    assert findings == []
    assert [p.niveau for p in versions(store, pid)] == ["B1", "A2"]


def test_a_version_dated_before_the_current_one_is_refused(store, pid):
    new_pip_version(store, pid, {"dagtekening": D(2024, 6, 1), "leerroute": "B"})
    with pytest.raises(ValidationError) as err:
        new_pip_version(store, pid, {"dagtekening": D(2024, 5, 1)})
    assert err.value.field == "dagtekening"


def test_intensiteit_for_a_gezinsmigrant_is_refused(store):
    gezin = create_dossier(
        store, {"family_name": "G", "doelgroep": "Gezinsmigrant en overige migrant"}
    )
    with pytest.raises(ValidationError) as err:
        new_pip_version(
            store,
            gezin,
            {"dagtekening": D(2024, 3, 1), "leerroute": "B", "geschatte_intensiteit": 600},
        )
    assert err.value.field == "geschatte_intensiteit"


def test_a_pip_needs_a_date_and_a_route(store, pid):
    with pytest.raises(ValidationError) as err:
        new_pip_version(store, pid, {"leerroute": "B"})
    assert err.value.field == "dagtekening"
    with pytest.raises(ValidationError) as err:
        new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1)})
    assert err.value.field == "leerroute"
    with pytest.raises(ValidationError):
        new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "X"})


def test_lbt_deviation_is_a_warning_that_does_not_stop_the_save(store, pid):
    rec.add_record(
        store, pid, "lbt", {"datum_afname": D(2024, 2, 1), "resultaat": "B1-route haalbaar"}
    )
    _vid, findings = new_pip_version(
        store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "Z", "niveau": "A1"}
    )
    assert [(f.code, f.severity) for f in findings] == [("lbt_deviation_reason", "warning")]
    _vid, findings = new_pip_version(
        store, pid, {"dagtekening": D(2024, 4, 1), "lbt_afwijking_reden": "Medical reasons"}
    )
    assert findings == []


def test_signing_is_recorded_without_changing_the_version(store, pid):
    vid, _ = new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "B"})
    sign_version(store, vid, "person", D(2024, 3, 5))
    sign_version(store, vid, "gemeente", D(2024, 3, 6))
    (pip,) = versions(store, pid)
    assert (pip.signed_person_date, pip.signed_gemeente_date) == (D(2024, 3, 5), D(2024, 3, 6))
    assert pip.leerroute == "B"
    with pytest.raises(ValidationError):
        sign_version(store, vid, "someone", D(2024, 3, 7))
    with pytest.raises(ValidationError):
        sign_version(store, 9999, "person", D(2024, 3, 7))


def test_verlengingen_recorded_in_the_dossier_move_the_termijn(store):
    pid = create_dossier(store, {"family_name": "V", "plicht_begindatum": D(2023, 1, 10)})
    new_pip_version(store, pid, {"dagtekening": D(2023, 3, 15), "leerroute": "B"})
    rec.add_record(
        store, pid, "verlenging", {"ground": "Waiting list", "months": 6, "decision": "toegekend"}
    )
    rec.add_record(
        store, pid, "verlenging", {"ground": "Illness", "months": 3, "decision": "afgewezen"}
    )
    f = dossier_facts(load_dossier(store, pid))
    assert clocks.termijn_end(f) == D(2026, 9, 15)


def test_a_pip_that_bypassed_the_gate_shows_the_forms_finding(store, pid):
    """Issue 15: a version written by another path (an old backup, an earlier import) is
    judged by the same gate when the dossier is read."""
    from core import models as m
    from core.services.pip import stored_pip_findings

    new_pip_version(store, pid, {"dagtekening": dt.date(2025, 3, 1), "leerroute": "B"})
    assert stored_pip_findings(load_dossier(store, pid)) == []
    with store.transaction() as session:  # as a restored database from before the check holds it
        session.add(
            m.PipVersion(
                person_id=pid,
                version_no=2,
                dagtekening=dt.date(2025, 2, 1),
                leerroute="Z",
                niveau="B1",
            )
        )
    codes = {f.code for f in stored_pip_findings(load_dossier(store, pid))}
    assert codes >= {"b1_zroute", "before_previous_pip"}
