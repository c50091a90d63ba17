"""export --format duo-pip / duo-map (core.export.duo): DUO's own M2M messages, validated against
DUO's OpenAPI specifications themselves (tests/data/duo-m2m, via tests/core/duo_schema.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.errors import ValidationError
from core.services.dossiers import create_dossier, update_person
from core.services.exports import export_dossier, export_log
from core.services.pip import new_pip_version
from tests.conftest import TODAY
from tests.core.duo_schema import component_schema, errors, request_schema
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)

D = dt.date
PIP_API, RESULTS_API = "PIP", "MAP,PVT,Zroute"
ALL = ("identity", "plicht", "pip")


def export(store, pid, fmt, tmp_path, sections=ALL, today=TODAY):
    out = tmp_path / f"{fmt}.json"
    export_dossier(store, pid, fmt, out, sections=sections, today=today)
    return json.loads(out.read_text(encoding="utf-8"))


def make(store, **person):
    values = {
        "given_names": "Sara",
        "family_name": "Ali",
        "bsn": "111222333",
        "gemeente": "Den Bosch",
        "plicht_begindatum": D(2024, 1, 1),
        **person,
    }
    return create_dossier(store, values)


def add_pip(store, pid, **values):
    new_pip_version(store, pid, {"dagtekening": D(2024, 3, 1), "leerroute": "B", **values})


def assert_refused(store, pid, fmt, tmp_path, *words, sections=ALL, today=TODAY):
    out = tmp_path / "refused.json"
    with pytest.raises(ValidationError) as caught:
        export_dossier(store, pid, fmt, out, sections=sections, today=today)
    for word in words:
        assert word in str(caught.value)
    assert not out.exists()
    assert export_log(store, pid) == []
    return caught.value


# ------------------------------------------------------------------ PIP
def test_the_demo_pip_is_valid_against_duos_gemeente_and_post_schemas(store, demo_id, tmp_path):
    message = export(store, demo_id, "duo-pip", tmp_path)
    assert errors(component_schema(PIP_API, "Gemeente"), message) == []
    assert errors(request_schema(PIP_API, "postPipByBsn"), message["pip"]) == []
    assert message["gemeentecode"] == "0153"  # Enschede, CBS
    assert message["pip"]["leerroute"] == "B"
    (log,) = export_log(store, demo_id)
    assert log.kind == "duo_pip"


@pytest.mark.parametrize(
    ("pip", "expected"),
    [
        ({"leerroute": "Z", "niveau": "A1"}, {"leerroute": "Z"}),
        ({"leerroute": "O"}, {"leerroute": "O", "niveau": "B1"}),
        (
            {"leerroute": "B", "niveau": "B1", "geschatte_intensiteit": 800, "alfabetisering": "A"},
            {"geschatteIntensiteitB1Route": 800, "indicatorAlfabetiseringsonderwijs": "A"},
        ),
        ({"leerroute": "B", "mag_opleiding_afmaken": True}, {"indicatorMagOpleidingAfmaken": True}),
    ],
)
def test_each_kind_of_pip_gives_a_valid_message(store, tmp_path, pip, expected):
    pid = make(store)
    add_pip(store, pid, **pip)
    message = export(store, pid, "duo-pip", tmp_path)
    assert errors(component_schema(PIP_API, "Gemeente"), message) == []
    assert message["gemeentecode"] == "0796"  # "Den Bosch" is 's-Hertogenbosch
    assert expected.items() <= message["pip"].items()
    if pip["leerroute"] == "Z":
        assert "niveau" not in message["pip"]  # DUO: no B1 with the Z-route; A1 has no code


def test_the_current_version_and_its_own_gemeente_are_sent(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)
    new_pip_version(
        store,
        pid,
        {"dagtekening": D(2024, 6, 1), "leerroute": "Z", "niveau": "A2", "gemeente": "utrecht"},
    )
    message = export(store, pid, "duo-pip", tmp_path)
    assert message["gemeentecode"] == "0344"
    assert message["pip"]["dagtekeningPip"] == "2024-06-01"
    assert message["pip"]["leerroute"] == "Z"


def test_no_pip_is_refused_naming_it(store, tmp_path):
    assert_refused(store, make(store), "duo-pip", tmp_path, "PIP")


def test_no_gemeente_is_refused(store, tmp_path):
    pid = make(store, gemeente=None)
    add_pip(store, pid)
    assert_refused(store, pid, "duo-pip", tmp_path, "gemeente")


def test_a_gemeente_not_in_the_list_is_refused(store, tmp_path):
    pid = make(store, gemeente="Atlantis")
    add_pip(store, pid)
    error = assert_refused(store, pid, "duo-pip", tmp_path, "Atlantis", "2026")
    assert error.field == "gemeente"


def test_a_level_duo_does_not_know_is_refused(store, tmp_path):
    pid = make(store)
    add_pip(store, pid, niveau="B2")
    assert_refused(store, pid, "duo-pip", tmp_path, "A2", "B1", "B2")


def test_a_pip_duo_rejects_is_not_made(store, tmp_path):
    pid = make(store)
    new_pip_version(
        store,
        pid,
        {"dagtekening": D(2024, 3, 1), "leerroute": "O", "niveau": "A2"},
        allow_errors=True,  # recorded as the gemeente decided it
    )
    assert_refused(store, pid, "duo-pip", tmp_path, "A2", "onderwijsroute")


def test_no_bsn_is_refused(store, tmp_path):
    pid = make(store, bsn=None)
    add_pip(store, pid)
    assert_refused(store, pid, "duo-pip", tmp_path, "BSN")


def test_without_consent_for_the_pip_section_nothing_is_made(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)
    assert_refused(store, pid, "duo-pip", tmp_path, "PIP", sections=("identity",))


# ------------------------------------------------------------------ MAP, PVT, Z-route
def test_results_are_valid_against_their_put_schemas(store, tmp_path):
    pid = make(store)
    add_pip(store, pid, leerroute="Z")
    update_person(
        store,
        pid,
        {
            "datum_eindgesprek_map": D(2025, 5, 1),
            "datum_ondertekening_pvt": D(2025, 2, 3),
            "datum_afronding_zroute": D(2026, 1, 15),
        },
    )
    message = export(store, pid, "duo-map", tmp_path)
    assert message == {
        "map": {"datumEindgesprekMap": "2025-05-01"},
        "pvt": {"datumOndertekeningPvt": "2025-02-03"},
        "zroute": {"datumAfrondingZroute": "2026-01-15"},
    }
    for key, operation in (
        ("map", "updateMapByBsn"),
        ("pvt", "updatePvtByBsn"),
        ("zroute", "updateZrouteByBsn"),
    ):
        assert errors(request_schema(RESULTS_API, operation), message[key]) == []
    (log,) = export_log(store, pid)
    assert log.kind == "duo_map"


def test_only_the_results_the_dossier_holds_are_sent(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)
    update_person(store, pid, {"datum_ondertekening_pvt": D(2025, 2, 3)})
    assert export(store, pid, "duo-map", tmp_path) == {
        "pvt": {"datumOndertekeningPvt": "2025-02-03"}
    }


def test_no_result_is_refused(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)
    assert_refused(store, pid, "duo-map", tmp_path, "MAP", "PVT", "Z-route")


def test_a_result_in_the_future_is_refused(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)
    update_person(store, pid, {"datum_ondertekening_pvt": D(2025, 2, 3)})
    assert_refused(store, pid, "duo-map", tmp_path, "2025-02-03", today=D(2025, 1, 1))


def test_a_result_after_the_termijn_needs_verwijtbaar_and_is_refused(store, tmp_path):
    pid = make(store)
    add_pip(store, pid)  # termijn 2024-03-01 .. 2027-03-01
    update_person(store, pid, {"datum_eindgesprek_map": D(2027, 4, 1)})
    error = assert_refused(store, pid, "duo-map", tmp_path, "fault", today=D(2027, 5, 1))
    assert error.field == "datum_eindgesprek_map"


def test_results_without_a_pip_are_refused(store, tmp_path):
    pid = make(store)
    update_person(store, pid, {"datum_ondertekening_pvt": D(2025, 2, 3)})
    assert_refused(store, pid, "duo-map", tmp_path, "PIP")


# ------------------------------------------------------------------ the command line
def test_cli_writes_duo_pip_and_refuses_duo_map_with_exit_code_2(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, *base, "demo", "--today", "2026-11-23")[0] == 0
    args = [
        "export",
        "--dossier",
        "1",
        "--today",
        "2026-11-23",
        "--sections",
        "identity,plicht,pip",
    ]
    code, out, err = run(capsys, *base, *args, "--format", "duo-pip", "--out", str(tmp_path / "p"))
    assert code == 0, err
    assert "SHA-256" in out
    message = json.loads((tmp_path / "p").read_text(encoding="utf-8"))
    assert errors(component_schema(PIP_API, "Gemeente"), message) == []
    code, _out, err = run(capsys, *base, *args, "--format", "duo-map", "--out", str(tmp_path / "m"))
    assert code == 2
    assert "MAP" in err and "PVT" in err
    assert not (tmp_path / "m").exists()
