"""A quick check that a klantprofiel file surely matches its JSON Schema.

``jsonschema`` walks every value through its generic machinery (~50 ms for a dossier with a few
hundred hour entries). The klantprofiel schema uses only a handful of keywords, so this checks
them directly. It answers only "surely valid": anything it does not know, or any doubt (an
``integer`` written as ``1.0``, a failed check), sends the file through ``jsonschema`` as before,
which also words the message. So it can make an import faster, never more lenient.

Kept instead of a compiled validator after measuring (``python -m bench.schema_validators``, the
demo dossier's full export, 48 kB; 2 shared cores, December 2026):

    validator          import + build     validate
    fast_schema        < 1 ms             2.2 ms
    fastjsonschema     ~190 ms            0.5 ms   (compiles Python code from the schema)
    jsonschema         ~60-100 ms         10 ms    (one cached Draft202012Validator)

fastjsonschema validates 4.5× faster but costs ~190 ms on the first import of every session, more
than 100 validations of a typical file would save; jsonschema is slower on both counts. So this
stays, with jsonschema as the judge of every doubt.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

IGNORED = frozenset({"$id", "$schema", "title", "description"})
KNOWN = IGNORED | {
    "type",
    "enum",
    "const",
    "pattern",
    "maxLength",
    "minLength",
    "minimum",
    "maximum",
    "properties",
    "additionalProperties",
    "required",
    "items",
    "maxItems",
    "uniqueItems",
    "oneOf",
}
_JSON_TYPE = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return False


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def surely_valid(schema: dict[str, Any], value: Any) -> bool:
    """True only when ``value`` matches ``schema`` for certain; False means "not sure"."""
    if not KNOWN.issuperset(schema):
        return False
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(_is_type(value, k) for k in kinds):
            return False
    if "enum" in schema and not any(_same(value, e) for e in schema["enum"]):
        return False
    if "const" in schema and not _same(value, schema["const"]):
        return False
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            return False
        if len(value) < schema.get("minLength", 0):
            return False
        if "pattern" in schema and _regex(schema["pattern"]).search(value) is None:
            return False
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and not value >= schema["minimum"]:
            return False
        if "maximum" in schema and not value <= schema["maximum"]:
            return False
    elif isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if extra is not True and (extra is not False or not props.keys() >= value.keys()):
            return False
        if not value.keys() >= set(schema.get("required", ())):
            return False
        if not all(k not in props or surely_valid(props[k], v) for k, v in value.items()):
            return False
    elif isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            return False
        if schema.get("uniqueItems") and not (
            all(isinstance(v, str) for v in value) and len(set(value)) == len(value)
        ):
            return False
        items = schema.get("items")
        if items is not None and not (
            isinstance(items, dict) and all(surely_valid(items, v) for v in value)
        ):
            return False
    if "oneOf" in schema:
        return _one_of(schema["oneOf"], value)
    return True


def _one_of(branches: list[dict[str, Any]], value: Any) -> bool:
    """Exactly one branch: one surely matches, every other one has a ``type`` that surely
    excludes the value."""
    name = _JSON_TYPE.get(type(value))
    matched = 0
    for branch in branches:
        if surely_valid(branch, value):
            matched += 1
            continue
        kind = branch.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        if name is None or kind is None or name in kinds:
            return False
    return matched == 1
