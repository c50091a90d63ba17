"""The fields of a PIP beschikking as form specs, and how to show their values (shared by the PIP
view, its new-version dialog and the version diff)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core import models as m
from core.i18n import _, format_date
from core.labels import label
from gui.widgets.form import ENUM, specs_for

BESCHIKKING = specs_for(m.PipVersion, group="")
VERSION_EXTRA = specs_for(m.PipVersion, group="extra")
SPEC_BY_NAME = {s.name: s for s in BESCHIKKING}


def field_label(name: str) -> str:
    spec = SPEC_BY_NAME.get(name)
    return _(spec.label) if spec else name


def show_value(name: str, value: Any) -> str:
    spec = SPEC_BY_NAME.get(name)
    if value is None or value == "":
        return "—"
    if spec is not None and spec.kind == ENUM and spec.enum is not None:
        return label(spec.enum, value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)
