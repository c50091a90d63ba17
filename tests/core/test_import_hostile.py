"""Import of damaged or hostile files: a clear ImportFileError, and nothing written."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ImportFileError, ValidationError
from core.export import json_io
from core.export.sections import ALL_CODES
from core.services import exports as ex
from core.services.dossiers import delete_dossier, list_dossiers
from core.services.pip import new_pip_version
from tests.conftest import TODAY
from tests.core.export_support import db_fingerprint


class _Content(dict):
    """A valid file's content with a short repr (Hypothesis prints its arguments)."""

    def __repr__(self) -> str:
        return "<valid klantprofiel>"


@pytest.fixture
def valid(store, demo_id, tmp_path):
    path = tmp_path / "valid.json"
    ex.export_dossier(store, demo_id, "json", path, sections=ALL_CODES, today=TODAY)
    return _Content(json.loads(path.read_bytes()))


def _mutate(content, where, value):
    out = copy.deepcopy(content)
    node = out
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    return json_io.dumps(out)


def _rejects(store, data: bytes, *words: str) -> str:
    before = db_fingerprint(store)
    with pytest.raises(ImportFileError) as info:
        ex.apply_import(store, ex.preview_import(store, data))
    assert db_fingerprint(store) == before
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), message
    return message


def test_truncated_file(store, valid):
    data = json_io.dumps(valid)
    _rejects(store, data[: len(data) // 2], "not valid JSON", "line")


def test_not_json_at_all(store):
    _rejects(store, b"\x89PNG\r\n\x1a\n\x00\x00", "UTF-8")
    _rejects(store, b"", "empty")
    _rejects(store, b"[1, 2, 3]", "not a Blauwe Map klantprofiel")


def test_oversized_file(store, tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (json_io.MAX_IMPORT_BYTES + 1))
    before = db_fingerprint(store)
    with pytest.raises(ImportFileError, match="too large"):
        ex.import_file(store, big)
    assert db_fingerprint(store) == before


def test_newer_and_unknown_versions(store, valid):
    _rejects(store, _mutate(valid, ["versie"], 2), "newer version")
    _rejects(store, _mutate(valid, ["versie"], 0), "version 0")
    _rejects(store, _mutate(valid, ["versie"], "1"), "version")


def test_deep_nesting(store):
    _rejects(store, b"[" * 100_000 + b"]" * 100_000, "nested too deeply")
    nested = (
        b'{"formaat": "blauwemap-klantprofiel", "versie": 1, "x": '
        + b'{"a": ' * 40
        + b"1"
        + b"}" * 41
    )
    _rejects(store, nested, "nested too deeply")


def test_huge_string(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "note", "noteNextTeacher"], "x" * 30_000),
        "too long",
        "noteNextTeacher",
    )


def test_unknown_field(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "identity", "passwordHash"], "x"),
        "Unknown field",
        "passwordHash",
    )


def test_wrong_type(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "hours", "uren", 0, "hours"], "four"),
        "Wrong kind of value",
        "uren[1]",
    )


def test_unknown_code(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "exams", "examens", 0, "onderdeel"], "XX"),
        "known codes",
        "onderdeel",
    )


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "..\\windows\\system.ini",
        "C:evil.pdf",
        ".hidden",
        "a\x00b.pdf",
    ],
)
def test_path_tricks_in_document_names(store, valid, name):
    _rejects(
        store,
        _mutate(valid, ["secties", "documents", "documenten", 0, "filename"], name),
        "document name",
    )


def test_control_characters(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "identity", "geslachtsnaam"], "Evil\u202eName"),
        "control characters",
    )
    _rejects(
        store, _mutate(valid, ["secties", "identity", "gemeente"], "Bell\x07"), "control characters"
    )


def test_duplicate_keys_and_nan(store, valid):
    text = json_io.dumps(valid).decode()
    _rejects(store, text.replace('"versie": 1', '"versie": 1, "versie": 1', 1).encode(), "twice")
    _rejects(
        store,
        text.replace(
            '"geschatteIntensiteitB1Route": 600', '"geschatteIntensiteitB1Route": NaN', 1
        ).encode(),
        "NaN",
    )


def test_document_checksum_and_references(store, valid):
    _rejects(
        store,
        _mutate(valid, ["secties", "documents", "documenten", 0, "sha256"], "0" * 64),
        "checksum",
    )
    bad_ref = copy.deepcopy(valid)
    bad_ref["secties"]["hours"]["uren"][9]["documentRef"] = "doc-7"
    _rejects(store, json_io.dumps(bad_ref), "document that is not in the file")


def test_invalid_bsn_is_named_without_its_value(store, valid):
    message = _rejects(
        store,
        _mutate(valid, ["secties", "identity", "burgerservicenummer"], "123456789"),
        "burgerservicenummer",
    )
    assert "123456789" not in message


# --------------------------------------------------------------------------- property-based
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_write(store, data):
    before = db_fingerprint(store)
    with pytest.raises(ImportFileError):
        ex.preview_import(store, data)
    assert db_fingerprint(store) == before


@SETTINGS
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_truncations_never_write(store, valid, cut):
    data = json_io.dumps(valid)
    before = db_fingerprint(store)
    with pytest.raises(ImportFileError):
        ex.preview_import(store, data[: int(len(data) * cut)])
    assert db_fingerprint(store) == before


JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=50),
)


@SETTINGS
@given(
    section=st.sampled_from(["identity", "plicht", "exams", "hours", "pip", "documents"]),
    key=st.text(min_size=1, max_size=30),
    value=st.one_of(
        JSON_LEAF,
        st.lists(JSON_LEAF, max_size=3),
        st.dictionaries(st.text(max_size=5), JSON_LEAF, max_size=3),
    ),
)
def test_mutated_json_is_rejected_or_only_previewed(store, valid, section, key, value):
    content = copy.deepcopy(valid)
    body = content["secties"][section]
    target = body
    lists = [k for k, v in body.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if lists:
        target = body[lists[0]][0]
    target[key] = value
    before = db_fingerprint(store)
    try:
        ex.preview_import(store, json_io.dumps(content))
    except ImportFileError as exc:
        assert str(exc)
    assert db_fingerprint(store) == before


# --------------------------------------------------------------------------- same verdict
def _service_verdict(store, content: dict[str, Any]) -> str | None:
    """Enter the file's PIP versions one by one through the service (as the form does) into
    the dossier imported without them: None when all are stored, else the first refusal."""
    rows = json_io.decode(copy.deepcopy(content)).lists["pip_version"]
    bare = copy.deepcopy(content)
    bare["secties"]["pip"]["pipVersies"] = []
    for afspraak in bare["secties"]["pip"]["afspraken"]:
        afspraak["pipVersie"] = None
    pid = ex.apply_import(store, ex.preview_import(store, json_io.dumps(bare)))
    try:
        for row in sorted(rows, key=lambda r: r["_version_no"]):
            new_pip_version(store, pid, {k: v for k, v in row.items() if not k.startswith("_")})
    except ValidationError as exc:
        return exc.message
    finally:
        delete_dossier(store, pid)
    return None


def _import_verdict(store, content: dict[str, Any]) -> str | None:
    before = db_fingerprint(store)
    try:
        ex.preview_import(store, json_io.dumps(content))
    except ImportFileError as exc:
        assert db_fingerprint(store) == before
        return str(exc)
    return None


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(["B", "O", "Z"]),
    level=st.sampled_from([None, "A1", "A2", "B1"]),
    intensity=st.sampled_from([None, 600]),
    shift=st.integers(-400, 800),
    doelgroep=st.sampled_from(["Asielstatushouder", "Gezinsmigrant en overige migrant"]),
)
def test_import_gives_the_pip_forms_verdict(
    store, valid, route, level, intensity, shift, doelgroep
):
    for row in list_dossiers(store):  # a new dossier each time, as the form would start it
        delete_dossier(store, row.id)
    content = copy.deepcopy(valid)
    content["secties"]["plicht"]["doelgroepindeling"] = doelgroep
    second = content["secties"]["pip"]["pipVersies"][1]
    first = dt.date.fromisoformat(content["secties"]["pip"]["pipVersies"][0]["dagtekeningPip"])
    second.update(
        leerroute=route,
        niveau=level,
        geschatteIntensiteitB1Route=intensity,
        dagtekeningPip=(first + dt.timedelta(days=shift)).isoformat(),
    )
    by_import = _import_verdict(store, content)
    by_service = _service_verdict(store, content)
    if by_service is None:
        assert by_import is None
    else:
        assert by_import is not None and by_import.endswith(by_service), (by_import, by_service)
