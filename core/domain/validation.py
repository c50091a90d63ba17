"""Validation of every value before it reaches the database, derived from the models' columns
plus the domain rules (BSN elfproef, coded values, date ranges, hours per day).

``clean(model, values)`` returns converted values or raises one ValidationError that lists every
bad field, so a form can show all messages at once and keep what the person typed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text
from sqlalchemy import inspect as sa_inspect

from core import models as m
from core.errors import ValidationError
from core.i18n import _
from core.models.fields import date_order, enums, field_info, out_of_bounds
from core.rules.bsn import is_valid_bsn, is_valid_v_nummer, normalize_bsn
from core.rules.digits import ascii_digits
from core.rules.text import clean_text

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
TEXT_MAX = 20_000
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # one document file; the schema's size maximum follows it
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+0-9 ()\-]{6,20}$")

# Every coded field and its StrEnum, as the models declare them (core.models.fields)
ENUMS: dict[tuple[type, str], type[StrEnum]] = enums([mp.class_ for mp in m.Base.registry.mappers])
# Per enum: its codes by their casefold, so a code typed or imported in another case is accepted
_ENUM_CODES: dict[type[StrEnum], dict[str, str]] = {
    enum: {item.value.casefold(): item.value for item in enum} for enum in set(ENUMS.values())
}

# Fields nobody types: never accepted from a form or an import.
PROTECTED = {
    "id",
    "person_id",
    "uuid",
    "created_at",
    "updated_at",
    "version_no",
    "sha256",
    "size",
    "version_id",
    "assigned_to",
}  # the last two: kept by the store (team server)


def to_date(value: Any) -> dt.date | None:
    """Accept a date or an ISO string (YYYY-MM-DD); raise ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(ascii_digits(value.strip()))  # "٢٠٢٥-٠٣-١٥" too
    raise ValueError(value)


def _convert(model: type, name: str, column: Any, value: Any) -> Any:
    """Convert one value; return it or raise ValueError with a translated message."""
    col_type = column.type
    if value is None or (isinstance(value, str) and not value.strip() and column.nullable):
        if not column.nullable and column.default is None:
            raise ValueError(_("This field is required."))
        return None
    enum = ENUMS.get((model, name))
    if enum is not None:
        raw = value.value if isinstance(value, StrEnum) else str(value).strip()
        code = _ENUM_CODES[enum].get(raw.casefold())  # "Staatsexamen" is "staatsexamen"
        if code is None:
            raise ValueError(
                _("“{value}” is not one of the allowed choices.").format(value=raw[:40])
            )
        return code
    if isinstance(col_type, Boolean):
        if isinstance(value, bool):
            return value
        if value in (0, 1, "0", "1", "true", "false"):
            return value in (1, "1", "true")
        raise ValueError(_("Choose yes or no."))
    if isinstance(col_type, DateTime):
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(ascii_digits(value.strip()))
            except ValueError:
                raise ValueError(_("Enter a date and time such as 2025-03-15 14:30.")) from None
        if not isinstance(value, dt.datetime):
            raise ValueError(_("Enter a date and time such as 2025-03-15 14:30."))
        if not EARLIEST <= value.date() <= LATEST:
            raise ValueError(_("This date is too far in the past or the future."))
        return value.replace(tzinfo=None)
    if isinstance(col_type, Date):
        try:
            date = to_date(value)
        except (ValueError, TypeError):
            raise ValueError(_("Enter a real date, such as 2025-03-15.")) from None
        if date is not None and not EARLIEST <= date <= LATEST:
            raise ValueError(_("This date is too far in the past or the future."))
        return date
    if isinstance(col_type, Integer):
        if isinstance(value, bool):
            raise ValueError(_("Enter a whole number."))
        try:
            number = int(ascii_digits(str(value).strip())) if not isinstance(value, int) else value
        except ValueError:
            raise ValueError(_("Enter a whole number.")) from None
        if not -1_000_000 <= number <= 1_000_000:
            raise ValueError(_("This number is out of range."))
        return number
    if isinstance(col_type, Float | Numeric):
        if isinstance(value, bool):
            raise ValueError(_("Enter a number."))
        try:
            text = ascii_digits(str(value).strip()).replace(",", ".")
            number_d = Decimal(text)
        except (InvalidOperation, ValueError):
            raise ValueError(_("Enter a number.")) from None
        if not number_d.is_finite() or not Decimal(-1_000_000) <= number_d <= Decimal(1_000_000):
            raise ValueError(_("This number is out of range."))
        return (
            number_d
            if isinstance(col_type, Numeric) and not isinstance(col_type, Float)
            else float(number_d)
        )
    if isinstance(col_type, JSON):
        if not isinstance(value, list | dict):
            raise ValueError(_("Unexpected value."))
        return value
    if isinstance(col_type, String | Text):
        if not isinstance(value, str):
            value = str(value)
        value = clean_text(value, multiline=isinstance(col_type, Text))
        if not value and column.nullable:
            return None  # nothing but invisible characters: empty, as blank text is
        limit = col_type.length or TEXT_MAX
        if len(value) > limit:
            raise ValueError(
                _("This text is too long: at most {limit} characters.").format(limit=limit)
            )
        if not value and not column.nullable and column.default is None:
            raise ValueError(_("This field is required."))
        return value
    return value


def _special(model: type, name: str, value: Any, today: dt.date) -> Any:
    if value is None:
        return value
    if name == "bsn":
        norm = normalize_bsn(ascii_digits(value))
        if not is_valid_bsn(norm):
            raise ValueError(_("This BSN is not valid: it fails the eleven-test (elfproef)."))
        return norm
    if name == "v_nummer":
        norm = re.sub(r"[\s.\-]", "", ascii_digits(value))
        if not is_valid_v_nummer(norm):
            raise ValueError(_("A V-number has 10 digits."))
        return norm
    if name in ("email", "contact_email") and not _EMAIL.match(value):
        raise ValueError(_("Enter an e-mail address such as name@example.nl."))
    if name == "phone":
        value = ascii_digits(value)  # "٠٦ ١٢٣٤٥٦٧٨" is kept as 06 12345678
    if name == "phone" and not _PHONE.match(value):
        raise ValueError(_("Enter a phone number with digits only, such as 06 12345678."))
    if name == "date_of_birth":
        if value > today:
            raise ValueError(_("A date of birth cannot be in the future."))
        if value < dt.date(today.year - 120, 1, 1):
            raise ValueError(_("This date of birth is more than 120 years ago."))
    info = field_info(model, name)
    if info is not None and info.past and isinstance(value, dt.date) and value > today:
        raise ValueError(_(info.past))
    if (
        info is not None
        and info.bounds
        and isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
        and out_of_bounds(info, float(value))
    ):
        raise ValueError(_(info.bounds))
    if name in ("from_year", "to_year") and not 1900 <= value <= today.year + 10:
        raise ValueError(_("Enter a year between 1900 and {year}.").format(year=today.year + 10))
    if name == "consent_sections" and (
        len(value) > 40
        or not all(isinstance(x, str) and re.fullmatch(r"[a-z_]{2,40}", x) for x in value)
    ):
        raise ValueError(_("Choose the parts of the dossier from the list."))
    if name == "languages_spoken" and (
        not all(isinstance(x, str) and 2 <= len(x) <= 10 for x in value) or len(value) > 20
    ):
        raise ValueError(_("Unexpected value."))
    return value


def clean(
    model: type,
    values: dict[str, Any],
    *,
    existing: dict[str, Any] | None = None,
    partial: bool = True,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Validate and convert ``values`` for ``model``. ``existing`` holds the record's current
    values, so cross-field checks (end after start) see the whole record."""
    today = today or dt.date.today()
    columns: dict[str, Any] = {c.key: c for c in sa_inspect(model).columns}  # type: ignore[var-annotated]
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in PROTECTED or name not in columns:
            errors[name] = _("This field cannot be set.")
            continue
        if value is None and not columns[name].nullable and columns[name].default is not None:
            if existing is None:
                continue  # a new record: the column's default applies
            errors[name] = _("This field is required.")  # NOT NULL: a value cannot be emptied
            continue
        if name == "consent_sections" and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]  # as typed
        if name in ("bsn", "v_nummer") and isinstance(value, str):
            value = re.sub(r"[\s.\-]", "", value)  # "1234.56.782" fits the 9-character column
        try:
            converted = _convert(model, name, columns[name], value)
            out[name] = _special(model, name, converted, today)
        except ValueError as exc:
            errors[name] = str(exc)
    if not partial:
        for name, column in columns.items():
            if name in PROTECTED or name in out or name in errors:
                continue
            if not column.nullable and column.default is None and not column.primary_key:
                if column.foreign_keys:
                    continue
                errors[name] = _("This field is required.")
    merged = {**(existing or {}), **out}
    for early, late, early_words in date_order(model):
        if merged.get(early) and merged.get(late):
            a, b = merged[early], merged[late]
            if isinstance(a, dt.datetime):
                a = a.date()
            if isinstance(b, dt.datetime):
                b = b.date()
            if b < a and late not in errors:
                errors[late] = _("This date comes before {other}.").format(other=_(early_words))
    if errors:
        first = next(iter(errors.values()))
        raise ValidationError(first, field=next(iter(errors)), errors=errors)
    return out
