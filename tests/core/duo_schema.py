"""DUO's OpenAPI specifications (tests/data/duo-m2m, copied from duonl/gemeente-m2m-inburgering)
as JSON Schemas: every ``$ref`` into ``#/components/...`` resolved in place, so jsonschema checks
DUO's types, required members, enums, patterns, lengths, ranges and date formats."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft4Validator, FormatChecker

SPEC_DIR = Path(__file__).resolve().parents[1] / "data" / "duo-m2m"


@functools.cache
def load_spec(api: str) -> dict[str, Any]:
    with (SPEC_DIR / api / "openapi.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _lookup(spec: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported: {ref}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(spec: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every ``$ref`` replaced by a resolved copy of its target."""
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"recursive reference: {ref}")
            return resolve(spec, copy.deepcopy(_lookup(spec, ref)), (*seen, ref))
        return {k: resolve(spec, v, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(spec, v, seen) for v in node]
    return node


def _json_schema(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    resolved = resolve(spec, schema)
    # OpenAPI-only keywords jsonschema does not know; they do not constrain a value.
    return _strip(resolved, {"x-enum-varnames", "example", "nullable"})


def _strip(node: Any, keys: set[str]) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v, keys) for k, v in node.items() if k not in keys}
    if isinstance(node, list):
        return [_strip(v, keys) for v in node]
    return node


def component_schema(api: str, name: str) -> dict[str, Any]:
    spec = load_spec(api)
    return _json_schema(spec, spec["components"]["schemas"][name])


def request_schema(api: str, operation_id: str) -> dict[str, Any]:
    """The JSON body ``operation_id`` takes."""
    spec = load_spec(api)
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                body = operation["requestBody"]["content"]["application/json"]["schema"]
                return _json_schema(spec, body)
    raise KeyError(operation_id)


def validator(schema: dict[str, Any]) -> Draft4Validator:
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=FormatChecker())  # incl. "date"


def errors(schema: dict[str, Any], instance: Any) -> list[str]:
    """Every way ``instance`` breaks ``schema``, as readable lines (empty: valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator(schema).iter_errors(instance)
    ]
