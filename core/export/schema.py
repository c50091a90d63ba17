"""The JSON Schema of the klantprofiel file, generated from the models so they never drift.

``resources/schemas/klantprofiel-1.schema.json`` is the committed copy (a test checks that it
equals :func:`build_schema`); regenerate it with ``python -m core.export.schema``.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text
from sqlalchemy import inspect as sa_inspect

from core import models as m
from core.domain.validation import ENUMS, MAX_DOCUMENT_BYTES, TEXT_MAX
from core.export.sections import (
    FORMAT,
    KIND_KEYS,
    LIST_MODELS,
    PERSON_FIELDS,
    SECTIONS,
    SINGLE_MODELS,
    VERSION,
    exported_columns,
    json_name,
)
from core.paths import RESOURCES

SCHEMA_PATH = RESOURCES / "schemas" / f"klantprofiel-{VERSION}.schema.json"
MAX_ITEMS = 20_000  # records per list; a real dossier has a few hundred hour entries
NO_CONTROL_LINE = "^[^\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]*$"
NO_CONTROL_TEXT = (
    "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]*$"
)
DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"
# A document's file name: no folders, no leading dot, no drive letters or control characters.
FILENAME = "^(?![.])[^/\\\\:\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]{1,255}$"


def _nullable(spec: dict[str, Any], nullable: bool) -> dict[str, Any]:
    if not nullable:
        return spec
    if "enum" in spec:
        return {**spec, "enum": [*spec["enum"], None]}
    return {**spec, "type": [spec["type"], "null"]}


def column_schema(model: type, name: str) -> dict[str, Any]:
    column: Any = sa_inspect(model).columns[name]
    nullable = bool(column.nullable)
    if name == "document_id":
        return _nullable({"type": "string", "pattern": "^doc-[0-9]{1,6}$"}, True)
    if name in ("contact_id", "pip_version_id"):
        return _nullable({"type": "integer", "minimum": 1, "maximum": 1_000_000}, True)
    if name == "provider_id":
        return _nullable({"type": "string", "maxLength": 200, "pattern": NO_CONTROL_LINE}, True)
    if model is m.Document and name == "filename":
        return {"type": "string", "pattern": FILENAME}
    if model is m.Document and name == "sha256":
        return {"type": "string", "pattern": "^[0-9a-f]{64}$"}
    if model is m.Document and name == "size":
        return {"type": "integer", "minimum": 0, "maximum": MAX_DOCUMENT_BYTES}
    enum = ENUMS.get((model, name))
    if enum is not None:
        return _nullable({"enum": [e.value for e in enum]}, nullable)
    kind = column.type
    spec: dict[str, Any]
    if isinstance(kind, Boolean):
        spec = {"type": "boolean"}
    elif isinstance(kind, DateTime):
        spec = {"type": "string", "pattern": DATETIME}
    elif isinstance(kind, Date):
        spec = {"type": "string", "pattern": DATE}
    elif isinstance(kind, Integer):
        spec = {"type": "integer", "minimum": -1_000_000, "maximum": 1_000_000}
    elif isinstance(kind, Float | Numeric):
        spec = {"type": "number", "minimum": -1_000_000, "maximum": 1_000_000}
    elif isinstance(kind, JSON):
        spec = {
            "type": "array",
            "maxItems": 20,
            "items": {"type": "string", "maxLength": 10, "pattern": NO_CONTROL_LINE},
        }
    elif isinstance(kind, Text):
        spec = {"type": "string", "maxLength": TEXT_MAX, "pattern": NO_CONTROL_TEXT}
    elif isinstance(kind, String):
        spec = {"type": "string", "maxLength": kind.length or 255, "pattern": NO_CONTROL_LINE}
    else:  # pragma: no cover - every column type is handled above
        raise TypeError(name)
    return _nullable(spec, nullable)


def _required(model: type, name: str) -> bool:
    column: Any = sa_inspect(model).columns[name]
    return not column.nullable and column.default is None and not column.foreign_keys


def record_schema(model: type) -> dict[str, Any]:
    table = model.__tablename__  # type: ignore[attr-defined]
    props: dict[str, Any] = {}
    required: list[str] = []
    for name in exported_columns(model):
        key = json_name(table, name)
        props[key] = column_schema(model, name)
        if _required(model, name):
            required.append(key)
    if model is m.Document:
        props["ref"] = {"type": "string", "pattern": "^doc-[0-9]{1,6}$"}
        props["inhoudBase64"] = {"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$"}
        required += ["ref", "sha256", "size"]
    if model is m.Contact:
        props["ref"] = {"type": "integer", "minimum": 1, "maximum": 1_000_000}
        required.append("ref")
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": props,
        "required": sorted(set(required)),
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "maxItems": MAX_ITEMS, "items": items}


PROVIDER = {
    "type": "object",
    "additionalProperties": False,
    "required": ["naam"],
    "properties": {
        "naam": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NO_CONTROL_LINE},
        "plaats": {"type": ["string", "null"], "maxLength": 100, "pattern": NO_CONTROL_LINE},
        "keurmerk": {"enum": ["geen", "keurmerk", "aspirant"]},
        "keurmerkVan": {"type": ["string", "null"], "pattern": DATE},
        "keurmerkTot": {"type": ["string", "null"], "pattern": DATE},
        "taalschakelErkend": {"type": "boolean"},
        "gesloten": {"type": ["string", "null"], "pattern": DATE},
    },
}


def section_schema(code: str) -> dict[str, Any]:
    section = next(s for s in SECTIONS if s.code == code)
    props: dict[str, Any] = {}
    for name in PERSON_FIELDS[code]:
        props[json_name("person", name)] = column_schema(m.Person, name)
    for kind in section.singles:
        props[KIND_KEYS[kind]] = {"oneOf": [{"type": "null"}, record_schema(SINGLE_MODELS[kind])]}
    for kind in section.lists:
        props[KIND_KEYS[kind]] = _array(record_schema(LIST_MODELS[kind]))
    if "hour" in section.lists:
        props["aanbieders"] = _array(PROVIDER)
    if section.topics:
        props[KIND_KEYS["intake_topic"]] = _array(record_schema(m.IntakeTopic))
    return {"type": "object", "additionalProperties": False, "properties": props}


def _loose_list(props: dict[str, Any]) -> dict[str, Any]:
    return _array({"type": "object", "additionalProperties": False, "properties": props})


_SHORT = {"type": ["string", "null"], "maxLength": 200}
_NUM = {"type": ["number", "null"]}
_BOOL = {"type": "boolean"}
DERIVED = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "peildatum": {"type": "string", "pattern": DATE},
        "klokken": _loose_list(
            {k: _SHORT for k in ("soort", "datum", "status", "begin", "detail", "bron")}
        ),
        "vereisten": _loose_list(
            {
                "code": _SHORT,
                "soort": _SHORT,
                "vereist": _NUM,
                "gedaan": _NUM,
                "voldaan": _BOOL,
                "detail": _SHORT,
                "bron": _SHORT,
            }
        ),
        "examenstatus": _loose_list(
            {
                "onderdeel": _SHORT,
                "vereistNiveau": _SHORT,
                "behaald": _BOOL,
                "behaaldNiveau": _SHORT,
                "pogingen": _NUM,
                "gratisPogingenOver": _NUM,
                "laatsteResultaat": _SHORT,
                "volgendeExamendatum": _SHORT,
                "vrijgesteld": _BOOL,
            }
        ),
    },
}


def build_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://blauwemap.invalid/schemas/klantprofiel-{VERSION}.schema.json",
        "title": "Blauwe Map klantprofiel",
        "description": (
            "Klantprofiel for overdracht. Codes follow DUO's M2M inburgering API and the VNG "
            "Gemeentelijk Gegevensmodel where they have one; this is no official DUO format."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["formaat", "versie", "export", "secties"],
        "properties": {
            "formaat": {"const": FORMAT},
            "versie": {"const": VERSION},
            "export": {
                "type": "object",
                "additionalProperties": False,
                "required": ["secties"],
                "properties": {
                    "exportedAt": {"type": "string", "pattern": DATETIME},
                    "generator": {"type": "string", "maxLength": 100, "pattern": NO_CONTROL_LINE},
                    "ontvanger": {
                        "type": ["string", "null"],
                        "maxLength": 200,
                        "pattern": NO_CONTROL_LINE,
                    },
                    "secties": {
                        "type": "array",
                        "uniqueItems": True,
                        "items": {"enum": [s.code for s in SECTIONS]},
                    },
                },
            },
            "dossierUuid": {
                "type": ["string", "null"],
                "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            },
            "secties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {s.code: section_schema(s.code) for s in SECTIONS},
            },
            "afgeleid": DERIVED,
        },
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@functools.cache
def load_schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


if __name__ == "__main__":  # pragma: no cover
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_PATH)
