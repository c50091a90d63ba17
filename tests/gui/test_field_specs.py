"""Forms are built from the field declarations: a new field shows up without touching a view."""

from __future__ import annotations

from core import models as m
from core.models import enums as e
from gui.widgets.form import CHOICE, ENUM, specs_for


def test_the_identity_form_offers_the_interpreter_need_from_its_declaration():
    specs = {s.name: s for s in specs_for(m.Person, group="identity")}
    spec = specs["interpreter_needed"]
    assert spec.kind == ENUM and spec.enum is e.Interpreter and spec.optional
    assert spec.label == "Interpreter needed" and spec.help
    assert list(specs).index("interpreter_needed") == list(specs).index("preferred_language") + 1
    assert "regime" not in specs  # another panel's field


def test_a_view_adds_only_its_live_options():
    def providers():
        return [(1, "Taalcentrum")]

    specs = {s.name: s for s in specs_for(m.HourEntry, options={"provider_id": providers})}
    assert specs["provider_id"].kind == CHOICE and specs["provider_id"].options is providers
    assert specs["category"].label == "Kind of hours"  # the form's wording
    assert specs["source"].consultant_only and not specs["source"].optional
