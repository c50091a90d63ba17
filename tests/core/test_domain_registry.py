"""The record-kind table is the one source the services and exports read."""

from __future__ import annotations

from core import models as m
from core.domain.registry import KINDS
from core.export import sections
from core.services import records


def test_every_relation_exists_on_person() -> None:
    for kind in KINDS.values():
        assert hasattr(m.Person, kind.relation), kind.name


def test_json_keys_are_unique() -> None:
    keys = [k.json_key for k in KINDS.values()]
    assert len(keys) == len(set(keys))


def test_services_and_exports_read_the_table() -> None:
    assert records.KINDS["hour"] is m.HourEntry
    assert "document" not in records.KINDS and "pip_version" not in records.KINDS
    assert set(records.SECTIONS) == {"azc", "voorinburgering"} == set(sections.SINGLE_MODELS)
    assert sections.KIND_KEYS["hour"] == "uren"
    assert list(sections.LIST_MODELS)[:3] == ["vrijstelling", "ontheffing", "verlenging"]
    assert set(sections.RELATION) == set(KINDS)
