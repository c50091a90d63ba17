"""The fields of a PIP beschikking as form specs, and how to show their values (shared by the PIP
view, its new-version dialog and the version diff)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.i18n import N_, _, format_date
from core.labels import label
from core.models import enums as e
from gui.widgets.form import BOOL, DATE, ENUM, INT, MULTILINE, TEXT, FieldSpec

BESCHIKKING = (
    FieldSpec("dagtekening", N_("Date of the decision (dagtekening)"), DATE),
    FieldSpec("leerroute", N_("Leerroute"), ENUM, enum=e.Leerroute, optional=False),
    FieldSpec("niveau", N_("Language level"), ENUM, enum=e.Niveau),
    FieldSpec("niveau_le", N_("Level for reading (LE)"), ENUM, enum=e.Niveau),
    FieldSpec("niveau_lu", N_("Level for listening (LU)"), ENUM, enum=e.Niveau),
    FieldSpec("niveau_sc", N_("Level for writing (SC)"), ENUM, enum=e.Niveau),
    FieldSpec("niveau_sp", N_("Level for speaking (SP)"), ENUM, enum=e.Niveau),
    FieldSpec("geschatte_intensiteit", N_("Estimated intensity (hours, B1-route)"), INT),
    FieldSpec("alfabetisering", N_("Literacy"), ENUM, enum=e.Alfabetisering),
    FieldSpec("map_omitted", N_("No MAP (already working)"), BOOL),
    FieldSpec("mag_opleiding_afmaken", N_("May finish current education"), BOOL),
    FieldSpec("looptijd", N_("Duration"), TEXT),
    FieldSpec("contact_name", N_("Contact at the gemeente"), TEXT),
    FieldSpec("contact_email", N_("Contact's e-mail"), TEXT),
    FieldSpec("intensiteit", N_("Intensity"), MULTILINE),
    FieldSpec("map_invulling", N_("MAP (labour-market participation)"), MULTILINE),
    FieldSpec("pvt_invulling", N_("PVT (participation statement)"), MULTILINE),
    FieldSpec("knm_invulling", N_("KNM (knowledge of Dutch society)"), MULTILINE),
    FieldSpec("begeleiding", N_("Guidance"), MULTILINE),
    FieldSpec("voortgangsgesprekken", N_("Progress meetings"), MULTILINE),
    FieldSpec("ontzorging", N_("Financial relief (ontzorging)"), MULTILINE),
    FieldSpec("kinderopvang", N_("Childcare"), MULTILINE),
    FieldSpec("randvoorwaarden", N_("Preconditions"), MULTILINE),
    FieldSpec("vve", N_("Early childhood education (vve)"), MULTILINE),
    FieldSpec("participatiewet", N_("Participatiewet"), MULTILINE),
    FieldSpec(
        "lbt_afwijking_reden", N_("Why the leerroute differs from the LBT advice"), MULTILINE
    ),
)
VERSION_EXTRA = (FieldSpec("reason", N_("Why a new version"), MULTILINE),)
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
