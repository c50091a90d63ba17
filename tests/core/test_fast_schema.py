"""The quick schema check only ever says "surely valid" when jsonschema agrees: a real export
passes it, and every broken variant goes to jsonschema (which refuses it)."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from core.export.fast_schema import surely_valid
from core.export.schema import load_schema
from core.export.sections import ALL_CODES
from core.services import exports as ex
from tests.conftest import TODAY


@pytest.fixture
def content(store, demo_id, tmp_path):
    path = tmp_path / "a.json"
    ex.export_dossier(store, demo_id, "json", path, sections=ALL_CODES, today=TODAY)
    return json.loads(path.read_bytes())


def _hour(doc):
    return doc["secties"]["hours"]["uren"][0]


MUTATIONS = {
    "unknown field": lambda d: _hour(d).update(extra=1),
    "hours as text": lambda d: _hour(d).update(hours="3"),
    "hours as boolean": lambda d: _hour(d).update(hours=True),
    "hours too large": lambda d: _hour(d).update(hours=10**7),
    "missing required": lambda d: _hour(d).pop("date"),
    "unknown enum": lambda d: _hour(d).update(soortUren="other"),
    "control character": lambda d: _hour(d).update(description="a\x00b"),
    "bidi override": lambda d: _hour(d).update(aanbieder="a\u202eb"),
    "bad date": lambda d: _hour(d).update(date="23-11-2026"),
    "list is an object": lambda d: d["secties"]["hours"].update(uren={}),
    "record is a list": lambda d: d["secties"]["hours"]["uren"].append([]),
    "format differs": lambda d: d.update(formaat="other"),
    "sections twice": lambda d: d["export"].update(secties=["hours", "hours"]),
    "overlong text": lambda d: _hour(d).update(aanbieder="x" * 201),
}


def test_a_real_export_is_surely_valid(content):
    jsonschema.Draft202012Validator(load_schema()).validate(content)
    assert surely_valid(load_schema(), content)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_broken_file_is_left_to_jsonschema(content, name):
    broken = copy.deepcopy(content)
    MUTATIONS[name](broken)
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(broken)
    assert not surely_valid(load_schema(), broken)


def test_unknown_keywords_and_doubtful_numbers_are_left_to_jsonschema():
    assert not surely_valid({"type": "string", "format": "email"}, "a@b")
    assert not surely_valid({"type": "integer"}, 1.0)  # valid JSON Schema, but not "sure"
    assert surely_valid({"type": "integer", "minimum": 0}, 3)
    assert surely_valid({"oneOf": [{"type": "null"}, {"type": "object"}]}, None)
    assert not surely_valid({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1)
