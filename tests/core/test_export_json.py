"""Klantprofiel JSON: schema, consent per section, DUO codes, stable round trip."""

from __future__ import annotations

import json

import jsonschema
import pytest

from core.db import Database
from core.errors import ValidationError
from core.export import json_io
from core.export.schema import SCHEMA_PATH, load_schema, schema_text
from core.export.sections import ALL_CODES, DEFAULT_CODES
from core.models.enums import ActorKind
from core.services import exports as ex
from core.services.dossiers import load_dossier
from core.services.store import Actor, Store
from tests.conftest import TODAY


def export(store, dossier, sections, tmp_path, name="out.json"):
    path = tmp_path / name
    ex.export_dossier(
        store, dossier, "json", path, sections=sections, today=TODAY, recipient="Gemeente Utrecht"
    )
    return path.read_bytes()


def test_committed_schema_matches_the_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_full_export_validates_and_uses_duo_names(store, demo_id, tmp_path):
    content = json.loads(export(store, demo_id, ALL_CODES, tmp_path))
    jsonschema.Draft202012Validator(load_schema()).validate(content)
    assert content["formaat"] == "blauwemap-klantprofiel"
    assert content["versie"] == 1
    pips = content["secties"]["pip"]["pipVersies"]
    assert [p["leerroute"] for p in pips] == ["B", "B"]
    assert pips[0]["dagtekeningPip"] == "2025-11-23"
    assert pips[0]["geschatteIntensiteitB1Route"] == 600
    assert pips[1]["niveauSc"] == "A2"
    exams = content["secties"]["exams"]["examens"]
    assert {x["onderdeel"] for x in exams} == {"LU", "SP", "LE", "KNM"}
    assert {x["resultaat"] for x in exams} == {"Gezakt", "Geslaagd", "Geen", None}
    assert any(x["redenGeenResultaat"] == "Afgemeld" for x in exams)
    plicht = content["secties"]["plicht"]
    assert plicht["doelgroepindeling"] == "Asielstatushouder"
    assert "datumEindgesprekMap" in plicht and "datumOndertekeningPvt" in plicht
    assert content["secties"]["identity"]["burgerservicenummer"] == "111222333"
    doc = content["secties"]["documents"]["documenten"][0]
    assert (
        doc["ref"] == "doc-1"
        and len(doc["sha256"]) == 64
        and doc["inhoudBase64"].startswith("JVBER")
    )
    hours = content["secties"]["hours"]["uren"]
    assert any(h["documentRef"] == "doc-1" for h in hours)
    assert content["secties"]["hours"]["aanbieders"][0]["naam"] == "Taalcentrum Twente (demo)"
    kinds = {c["soort"]: c for c in content["afgeleid"]["klokken"]}
    assert kinds["termijn_end"]["datum"] == "2028-11-23"


def test_default_consent_leaves_sensitive_information_out(store, demo_id, tmp_path):
    content = json.loads(export(store, demo_id, DEFAULT_CODES, tmp_path))
    assert set(content["secties"]) == set(DEFAULT_CODES)
    text = json.dumps(content, ensure_ascii=False)
    assert "Married; wife and two children" not in text  # household: family section
    assert "No limitations reported" not in text  # physical health topic
    assert "Ontzorgen for rent and energy" not in text  # finances topic
    assert "inhoudBase64" not in text  # document files
    topics = {t["topic"] for t in content["secties"]["intake"]["bredeIntake"]}
    assert "fysieke_gezondheid" not in topics and "opleiding" in topics
    assert not any(c["soort"] == "ontzorging_end" for c in content["afgeleid"]["klokken"])


def test_every_export_is_logged_with_consent_and_hash(store, demo_id, tmp_path):
    data = export(store, demo_id, ("identity", "exams"), tmp_path)
    log = ex.export_log(store, demo_id)
    assert len(log) == 1
    entry = log[0]
    assert entry.kind == "klantprofiel_json"
    assert entry.sections == ["identity", "exams"]
    assert entry.recipient == "Gemeente Utrecht"
    assert entry.consent_by == "Test Consultant"
    import hashlib

    assert entry.sha256 == hashlib.sha256(data).hexdigest()


def test_nothing_is_exported_without_a_choice(store, demo_id, tmp_path):
    with pytest.raises(ValidationError):
        ex.export_dossier(store, demo_id, "json", tmp_path / "x.json", sections=None, today=TODAY)
    with pytest.raises(ValidationError):
        ex.export_dossier(
            store, demo_id, "json", tmp_path / "x.json", sections=("nonsense",), today=TODAY
        )
    assert not (tmp_path / "x.json").exists()
    assert ex.export_log(store, demo_id) == []


def test_export_import_export_gives_the_same_file(store, demo_id, tmp_path):
    first = export(store, demo_id, ALL_CODES, tmp_path, "first.json")
    other = Database.open(tmp_path / "other.db", None)
    try:
        target = Store(other, Actor(ActorKind.CONSULTANT.value, "Other"))
        preview = ex.preview_import(target, first)
        assert preview.is_new
        new_id = ex.apply_import(target, preview)
        second = export(target, new_id, ALL_CODES, tmp_path, "second.json")
    finally:
        other.close()
    assert json_io.without_timestamp(first) == json_io.without_timestamp(second)
    # Byte-identical once the one documented field (export/exportedAt) is equal.
    stamp = json.loads(first)["export"]["exportedAt"]
    again = json.loads(second)
    again["export"]["exportedAt"] = stamp
    assert json_io.dumps(again) == first


def test_import_into_the_same_dossier_changes_nothing(store, demo_id, tmp_path):
    data = export(store, demo_id, ALL_CODES, tmp_path)
    preview = ex.preview_import(store, data)
    assert preview.target == demo_id
    assert preview.changes == []
    assert ex.apply_import(store, preview) == demo_id
    again = export(store, demo_id, ALL_CODES, tmp_path, "again.json")
    assert json_io.without_timestamp(again) == json_io.without_timestamp(data)


def test_import_preview_names_what_changes_in_an_existing_dossier(store, demo_id, tmp_path):
    content = json.loads(export(store, demo_id, ALL_CODES, tmp_path))
    content["secties"]["identity"]["gemeente"] = "Utrecht"
    content["secties"]["exams"]["examens"].append(
        {"onderdeel": "SC", "niveau": "A2", "examendatum": "2027-03-01", "attemptNo": 1}
    )
    preview = ex.preview_import(store, json_io.dumps(content))
    assert preview.target == demo_id
    lines = "\n".join(preview.lines())
    assert "gemeente" in lines.lower() and "1 × exams" in lines
    ex.apply_import(store, preview)
    person = load_dossier(store, demo_id)
    assert person.gemeente == "Utrecht"
    assert [x.onderdeel for x in person.exams].count("SC") == 1
    assert len(person.exams) == 6


def test_a_document_over_one_megabyte_goes_round_byte_for_byte(store, demo_id, tmp_path):
    """The schema's size limit is the app's own document limit, not a million bytes."""
    import hashlib
    import os

    from core.services.documents import attach_document, document_content

    data = b"%PDF-1.4\n" + os.urandom(1_500_000)
    attach_document(store, demo_id, "big scan.pdf", data)
    first = export(store, demo_id, ALL_CODES, tmp_path, "first.json")
    jsonschema.Draft202012Validator(load_schema()).validate(json.loads(first))
    other = Database.open(tmp_path / "other.db", None)
    try:
        target = Store(other, Actor(ActorKind.CONSULTANT.value, "Other"))
        new_id = ex.apply_import(target, ex.preview_import(target, first))
        docs = load_dossier(target, new_id).documents
        big = next(d for d in docs if d.filename == "big scan.pdf")
        _doc, copied = document_content(target, big.id)
        assert copied == data and big.sha256 == hashlib.sha256(data).hexdigest()
    finally:
        other.close()


def test_a_document_exported_without_its_file_keeps_its_size_and_hash(store, demo_id, tmp_path):
    """Metadata only: the declared size and SHA-256 stay; importing the file again adds no
    second copy (documents are keyed by their SHA-256 within a dossier)."""
    sections = tuple(c for c in ALL_CODES if c != "document_content")
    first = export(store, demo_id, sections, tmp_path, "first.json")
    declared = {
        d["sha256"]: d["size"] for d in json.loads(first)["secties"]["documents"]["documenten"]
    }
    other = Database.open(tmp_path / "other.db", None)
    try:
        target = Store(other, Actor(ActorKind.CONSULTANT.value, "Other"))
        new_id = ex.apply_import(target, ex.preview_import(target, first))
        docs = load_dossier(target, new_id).documents
        assert {d.sha256: d.size for d in docs} == declared
        from core.errors import NotFoundError
        from core.services.documents import document_content

        with pytest.raises(NotFoundError, match="not shared"):
            document_content(target, docs[0].id)  # said so, not "damaged"
        preview = ex.preview_import(target, first)
        assert not any("document" in c.what for c in preview.changes)
        ex.apply_import(target, preview)
        assert len(load_dossier(target, new_id).documents) == len(declared)
        # Its own export of the full dossier (files included) still goes back in.
        again = export(target, new_id, ALL_CODES, tmp_path, "again.json")
        assert ex.preview_import(target, again).target == new_id
    finally:
        other.close()
