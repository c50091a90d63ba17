"""Issue 15: an import passes the same PIP gate as the form and the service. What DUO rejects is
refused (nothing written) with the form's message; what is only a warning is kept and shown in
the preview, as the form shows it."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from core.errors import ImportFileError
from core.export import json_io
from core.export.sections import ALL_CODES
from core.i18n import _
from core.rules.duo_validation import MESSAGES
from core.services import exports as ex
from core.services.dossiers import delete_dossier
from tests.conftest import TODAY
from tests.core.export_support import db_fingerprint


@pytest.fixture
def exported(store, demo_id, tmp_path) -> dict[str, Any]:
    """The demo's whole klantprofiel, and an empty store to import it into (a new dossier)."""
    path = tmp_path / "demo.json"
    ex.export_dossier(store, demo_id, "json", path, sections=ALL_CODES, today=TODAY)
    delete_dossier(store, demo_id)
    return json.loads(path.read_bytes())


def pips(content: dict[str, Any]) -> list[dict[str, Any]]:
    return content["secties"]["pip"]["pipVersies"]


def refused(store, content: dict[str, Any], code: str) -> str:
    before = db_fingerprint(store)
    with pytest.raises(ImportFileError) as info:
        ex.apply_import(store, ex.preview_import(store, json_io.dumps(content)))
    assert db_fingerprint(store) == before
    message = str(info.value)
    assert _(MESSAGES[code]) in message, message
    assert "PIP" in message
    return message


def test_the_demo_itself_imports_without_findings(store, exported):
    preview = ex.preview_import(store, json_io.dumps(exported))
    assert preview.warnings == []
    assert ex.apply_import(store, preview)


def test_onderwijsroute_at_a2_is_refused(store, exported):
    content = copy.deepcopy(exported)
    pips(content)[0].update(leerroute="O", niveau="A2", geschatteIntensiteitB1Route=None)
    refused(store, content, "a2_onderwijsroute")


def test_z_route_at_b1_is_refused(store, exported):
    content = copy.deepcopy(exported)
    pips(content)[0].update(leerroute="Z", niveau="B1", geschatteIntensiteitB1Route=None)
    refused(store, content, "b1_zroute")


def test_first_pip_on_the_b1_route_at_a2_is_refused(store, exported):
    content = copy.deepcopy(exported)
    pips(content)[0].update(niveau="A2")
    refused(store, content, "b1route_a2_first_pip")


def test_intensity_for_someone_who_is_not_an_asielstatushouder_is_refused(store, exported):
    content = copy.deepcopy(exported)
    content["secties"]["plicht"]["doelgroepindeling"] = "Gezinsmigrant en overige migrant"
    content["secties"]["plicht"]["gedetailleerdeDoelgroep"] = "Gezinsvormer"
    refused(store, content, "intensiteit_not_b1_asiel")


def test_a_pip_dated_before_the_current_one_is_refused(store, exported):
    content = copy.deepcopy(exported)
    first = dt.date.fromisoformat(pips(content)[0]["dagtekeningPip"])
    pips(content)[1]["dagtekeningPip"] = (first - dt.timedelta(days=1)).isoformat()
    refused(store, content, "before_previous_pip")


def test_a_pip_dated_before_the_current_one_of_an_existing_dossier_is_refused(store, exported):
    ex.apply_import(store, ex.preview_import(store, json_io.dumps(exported)))
    content = copy.deepcopy(exported)
    extra = copy.deepcopy(pips(content)[1])
    first = dt.date.fromisoformat(pips(content)[0]["dagtekeningPip"])
    backdated = (first + dt.timedelta(days=10)).isoformat()  # before version 2, after the plicht
    extra.update(versionNo=3, dagtekeningPip=backdated, reason="Backdated")
    pips(content).append(extra)
    refused(store, content, "before_previous_pip")


def test_a_late_leerroute_change_is_kept_with_the_forms_warning(store, exported):
    content = copy.deepcopy(exported)
    first = dt.date.fromisoformat(pips(content)[0]["dagtekeningPip"])
    pips(content)[1].update(
        leerroute="Z",
        niveau=None,
        geschatteIntensiteitB1Route=None,
        dagtekeningPip=(first + dt.timedelta(days=19 * 31)).isoformat(),
    )
    preview = ex.preview_import(store, json_io.dumps(content))
    text = _(MESSAGES["leerroute_change_late"])
    assert any(text in w for w in preview.warnings), preview.warnings
    assert any(text in line for line in preview.lines())
    assert "18 months" in text and "Wet inburgering 2021" in text
    assert ex.apply_import(store, preview)


def test_a_pip_without_its_date_is_refused_as_the_form_refuses_it(store, exported):
    content = copy.deepcopy(exported)
    pips(content)[1]["dagtekeningPip"] = None
    with pytest.raises(ImportFileError, match="dagtekening"):
        ex.preview_import(store, json_io.dumps(content))
