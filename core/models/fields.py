"""Each field of a record kind, declared once: beside its column, in the column's ``info``.

A column says what it stores; ``info=declare(...)`` says what a person sees of it. Everything that
shows, checks or prints a field reads this one declaration instead of restating it:

- the printed label of every record (``core.export.pdf_content``), the import preview;
- the coded values the validation gate accepts (``core.domain.validation.ENUMS``) and the
  bounds it enforces (``min``/``max`` with their message);
- the forms (``gui.widgets.form.specs_for(Model)`` builds the editors, in column order).

Declaring a field (Django's ``verbose_name``/``help_text`` habit, Picard's ``options.py`` idea)::

    hours: Mapped[float] = mapped_column(
        info=declare(N_("Hours"), above=0, max=24, bounds=N_("Enter between 0 and 24 hours …"))
    )
    note: Mapped[str | None] = mapped_column(Text, info=declare(N_("Note"), consultant_only=True))

Only ``label`` is needed; the rest has defaults read from the column (its type gives the editor,
its nullability whether a choice may stay empty). The arguments:

``label``           the msgid the form and the printout show (translated at display time)
``form_label``      only where the form words it differently from the printout
``help``            a tooltip msgid for the form
``enum``            the StrEnum of a coded value (core.models.enums): validation and labels
``widget``          an editor other than the column type's (MULTILINE for a long String, …)
``consultant_only`` hidden from the participant's view of the form
``group``           which panel of a record with several (Person: identity, contact, …)
``json``            its key in the klantprofiel JSON where DUO's M2M API or the GGM names it
                    (else the column name in camelCase)
``section``         Person only: the klantprofiel section that carries it (what the person
                    agrees to share, core/export/section_codes.py)
``in_form``         False: printed and exported but not typed in a form (set by a service)
``printed``         False: kept out of printed records (bookkeeping, file contents)
``min``/``max``     bounds the validation gate enforces (``above``: more than, not equal),
                    with ``bounds``: the message msgid
``past``            a date that cannot lie in the future, with the message msgid
``not_before``      (earlier field, msgid naming it in a sentence): this date may not come
                    before that one, e.g. ``("from_date", N_("the start date"))``

A column without ``info`` (ids, foreign keys, timestamps) is neither printed nor offered in a
form. This module may import nothing above ``core.models`` and ``core.i18n``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, Text
from sqlalchemy import inspect as sa_inspect

# The editor hints a form understands (gui.widgets.form shows them).
TEXT, MULTILINE, DATE, NUMBER, INT, BOOL, TRIBOOL, ENUM, CHOICE, DATETIME = (
    "text",
    "multiline",
    "date",
    "number",
    "int",
    "bool",
    "tribool",
    "enum",
    "choice",
    "datetime",
)
CHECKLIST = "checklist"  # a list of codes, ticked from the options the view gives


@dataclass(frozen=True)
class FieldInfo:
    label: str
    form_label: str | None = None
    help: str = ""
    enum: type[StrEnum] | None = None
    widget: str | None = None
    consultant_only: bool = False
    group: str = ""
    json: str | None = None
    section: str = ""
    in_form: bool = True
    printed: bool = True
    min: float | None = None
    above: float | None = None
    max: float | None = None
    bounds: str = ""
    not_before: tuple[str, str] | None = None
    past: str = ""  # msgid: the message when this date lies after today


def declare(label: str, **facts: Any) -> dict[str, FieldInfo]:
    """The ``info`` of a column: ``mapped_column(..., info=declare(N_("Label"), ...))``."""
    return {"field": FieldInfo(label, **facts)}


def field_info(model: type, name: str) -> FieldInfo | None:
    """The declaration of ``model.name``, or None for a column nobody sees (ids, timestamps)."""
    return _by_name(model).get(name)


@cache
def _by_name(model: type) -> dict[str, FieldInfo]:
    return dict(declared(model))


@cache
def declared(model: type) -> tuple[tuple[str, FieldInfo], ...]:
    """Every declared field of ``model`` in column order: the order of forms and printouts.
    (Cached: the models are fixed once imported.)"""
    out = []
    attrs: Any = sa_inspect(model).column_attrs
    for attr in attrs:
        info = attr.columns[0].info.get("field")
        if isinstance(info, FieldInfo):
            out.append((attr.key, info))
    return tuple(out)


def widget_of(model: type, name: str) -> str:
    """The editor a field gets: its declared hint, else what its column type suggests."""
    info = field_info(model, name)
    if info is not None and info.widget:
        return info.widget
    if info is not None and info.enum is not None:
        return ENUM
    column: Any = sa_inspect(model).columns[name]
    kind = column.type
    if column.foreign_keys:
        return CHOICE
    if isinstance(kind, Boolean):
        return TRIBOOL if column.nullable else BOOL
    if isinstance(kind, DateTime):
        return DATETIME
    if isinstance(kind, Date):
        return DATE
    if isinstance(kind, Integer):
        return INT
    if isinstance(kind, Float | Numeric):
        return NUMBER
    if isinstance(kind, Text):
        return MULTILINE
    return TEXT


def enums(models: list[type]) -> dict[tuple[type, str], type[StrEnum]]:
    """(model, field) -> the StrEnum of every coded field of ``models``."""
    return {
        (model, name): info.enum
        for model in models
        for name, info in declared(model)
        if info.enum is not None
    }


def out_of_bounds(info: FieldInfo, value: float) -> bool:
    """Whether a number lies outside the field's declared bounds."""
    return (
        (info.min is not None and value < info.min)
        or (info.above is not None and value <= info.above)
        or (info.max is not None and value > info.max)
    )


def date_order(model: type) -> list[tuple[str, str, str]]:
    """(earlier field, later field, msgid naming the earlier) for each declared date order."""
    return [
        (info.not_before[0], name, info.not_before[1])
        for name, info in declared(model)
        if info.not_before
    ]


def label_of(model: type, name: str) -> str | None:
    """The msgid a printout labels ``model.name`` with, or None for a field nobody sees."""
    info = field_info(model, name)
    return info.label if info is not None else None


def printed(model: type) -> list[str]:
    """The fields a printed record of ``model`` shows (when filled), in column order."""
    return [name for name, info in declared(model) if info.printed]
