"""Each field is declared once (core/models/fields.py) and everything else reads it: shown here
with ``Person.interpreter_needed``, which was added as one declaration plus migration 0007."""

from __future__ import annotations

import datetime as dt

import pytest

from core import models as m
from core.domain.validation import ENUMS, clean
from core.errors import ValidationError
from core.export.klantprofiel import build_sections
from core.export.sections import PERSON_FIELDS, json_name
from core.models import enums as e
from core.models.fields import (
    BOOL,
    ENUM,
    MULTILINE,
    TRIBOOL,
    date_order,
    declared,
    field_info,
    label_of,
    printed,
    widget_of,
)
from core.services.dossiers import create_dossier, load_dossier


def test_a_new_field_reaches_validation_export_and_print_from_its_declaration(store):
    info = field_info(m.Person, "interpreter_needed")
    assert info is not None and info.enum is e.Interpreter
    assert ENUMS[(m.Person, "interpreter_needed")] is e.Interpreter
    assert clean(m.Person, {"interpreter_needed": "Professional"}) == {
        "interpreter_needed": "professional"
    }
    with pytest.raises(ValidationError) as caught:
        clean(m.Person, {"interpreter_needed": "a friend"})
    assert "interpreter_needed" in caught.value.errors
    assert "interpreter_needed" in PERSON_FIELDS["identity"]
    assert json_name("person", "interpreter_needed") == "interpreterNeeded"
    assert label_of(m.Person, "interpreter_needed") == "Interpreter needed"
    pid = create_dossier(store, {"given_names": "A", "interpreter_needed": "phone"})
    body = build_sections(load_dossier(store, pid), ["identity"])
    assert body["identity"]["interpreterNeeded"] == "phone"


def test_declared_names_and_bounds_replace_the_old_tables():
    assert json_name("person", "bsn") == "burgerservicenummer"  # DUO's M2M name
    assert json_name("pip_version", "dagtekening") == "dagtekeningPip"
    assert json_name("hour_entry", "date") == "date"  # no name declared: the column's
    assert ("registration_date", "planned_date", "the registration date") in date_order(
        m.ExamAttempt
    )
    with pytest.raises(ValidationError) as caught:
        clean(m.HourEntry, {"hours": 0})
    assert caught.value.errors["hours"] == "Enter between 0 and 24 hours for one day."
    with pytest.raises(ValidationError):
        clean(m.WorkExperience, {"hours_per_week": 81})
    assert clean(m.WorkExperience, {"hours_per_week": 80}) == {"hours_per_week": 80.0}
    with pytest.raises(ValidationError) as caught:
        clean(
            m.CoaLocation,
            {"from_date": dt.date(2025, 3, 1), "until_date": dt.date(2025, 2, 1)},
        )
    assert caught.value.errors["until_date"] == "This date comes before the start date."


def test_the_editor_follows_the_column_unless_declared():
    assert widget_of(m.HourEntry, "category") == ENUM  # coded
    assert widget_of(m.HourEntry, "dutch_speaking") == TRIBOOL  # a nullable bool
    assert widget_of(m.Voorinburgering, "wachtlijst") == BOOL
    assert widget_of(m.Conversation, "agreements") == MULTILINE  # Text
    assert widget_of(m.PipVersion, "looptijd") != MULTILINE


def test_every_declaration_has_a_label_and_order_follows_the_columns():
    for mapper in m.Base.registry.mappers:
        model = mapper.class_
        names = [c.key for c in mapper.column_attrs]
        fields = [name for name, _info in declared(model)]
        assert fields == [n for n in names if n in fields]  # column order
        assert all(info.label for _name, info in declared(model)), model
        assert set(printed(model)) <= set(fields)
