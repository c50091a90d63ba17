"""Klantprofiel JSON: writing it, and reading an offered file defensively.

Reading never trusts the file: a size limit before anything is parsed, strict UTF-8, no NaN,
no duplicate keys, a nesting limit, the JSON Schema (unknown fields, wrong types, overlong
strings, control characters, path tricks in document names), then every record through the same
validation as a form (:func:`core.domain.validation.clean`). Every problem is an
:class:`~core.errors.ImportFileError` whose message names what is wrong and where, never a value
from the file (it may hold personal data).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from core import models as m
from core.domain.validation import clean
from core.errors import ImportFileError, ValidationError
from core.export import fast_schema
from core.export.schema import load_schema
from core.export.section_codes import BY_CODE as SECTION_BY_CODE
from core.export.sections import (
    BY_CODE,
    FORMAT,
    KIND_KEYS,
    LIST_MODELS,
    PERSON_FIELDS,
    REFS,
    SINGLE_MODELS,
    VERSION,
    exported_columns,
    json_name,
)
from core.i18n import _

MAX_IMPORT_BYTES = 25 * 1024 * 1024
MAX_DEPTH = 12
EXPORTED_AT = ("export", "exportedAt")  # the one field that differs between two exports


def dumps(content: dict[str, Any]) -> bytes:
    """Stable bytes: sorted keys, fixed indentation, UTF-8, a final newline."""
    text = json.dumps(content, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


def without_timestamp(data: bytes) -> dict[str, Any]:
    """The file's content minus the export time, for comparing two exports."""
    content = json.loads(data)
    content.get("export", {}).pop("exportedAt", None)
    return content


# --------------------------------------------------------------------------- reading
def read_file(path: str | Path) -> bytes:
    file = Path(path)
    try:
        if not file.is_file():
            raise ImportFileError(_("There is no file at this place."))
        size = file.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFileError(_too_large())
        with file.open("rb") as fh:
            return fh.read(MAX_IMPORT_BYTES + 1)
    except OSError:
        raise ImportFileError(_("The file could not be read.")) from None


def _too_large() -> str:
    return _("The file is too large: a klantprofiel may be at most {mb} MB.").format(
        mb=MAX_IMPORT_BYTES // 2**20
    )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ImportFileError(
                _("The file names the field “{field}” twice in one place.").format(field=_safe(key))
            )
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ImportFileError(_("The file contains “{word}”, which is not a number.").format(word=name))


def _safe(text: Any) -> str:
    """A field name or path from the file, made harmless for a message."""
    cleaned = re.sub(r"[^\w.\-/\[\] ]", "?", str(text))
    return cleaned[:60] + ("…" if len(cleaned) > 60 else "")


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def _where(path: Any) -> str:
    parts = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f"/{_safe(p)}")
    return "".join(parts).lstrip("/") or _("the top level")


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = _where(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return _("Unknown field “{field}” at {where}.").format(
            field=_safe(extra[0] if extra else "?"), where=where
        )
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in str(error.message) else "?"
        return _("The field “{field}” is missing at {where}.").format(
            field=_safe(missing), where=where
        )
    if kind == "type":
        return _("Wrong kind of value at {where}: expected {kind}.").format(
            where=where, kind=_safe(error.validator_value)
        )
    if kind in ("enum", "const"):
        return _("Value not allowed at {where}: it is not one of the known codes.").format(
            where=where
        )
    if kind == "maxLength":
        return _("Text too long at {where}: at most {n} characters.").format(
            where=where, n=error.validator_value
        )
    if kind == "maxItems":
        return _("Too many items at {where}: at most {n}.").format(
            where=where, n=error.validator_value
        )
    if kind == "pattern":
        if str(where).endswith("filename"):
            return _(
                "Unsafe document name at {where}: no folders, drive letters or hidden names."
            ).format(where=where)
        return _("Invalid text at {where}: wrong format or invisible control characters.").format(
            where=where
        )
    if kind in ("minimum", "maximum"):
        return _("Number out of range at {where}.").format(where=where)
    return _("Invalid value at {where}.").format(where=where)


MAX_INT_DIGITS = 18  # any count or id in a klantprofiel fits; Python refuses from 4,301


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ImportFileError(_("The file holds a number that is too large."))
    return int(text)


def parse_bytes(data: bytes) -> dict[str, Any]:
    """Check an offered file up to and including the JSON Schema; return its content."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(_too_large())
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text; it is not a klantprofiel.")) from None
    try:
        content = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _(
                "The file is not valid JSON (damaged or cut off) at line {line}, column {col}."
            ).format(line=exc.lineno, col=exc.colno)
        ) from None
    except RecursionError:
        raise ImportFileError(_("The file is nested too deeply.")) from None
    if not _depth_ok(content):
        raise ImportFileError(_("The file is nested too deeply."))
    if not isinstance(content, dict) or content.get("formaat") != FORMAT:
        raise ImportFileError(_("This is not a Blauwe Map klantprofiel file."))
    version = content.get("versie")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFileError(_("The file has no valid version number."))
    if version > VERSION:
        raise ImportFileError(
            _(
                "The file was made by a newer version of the app (format {v}); update the app first."
            ).format(v=version)
        )
    if version != VERSION:
        raise ImportFileError(
            _("The file's format version {v} is not supported.").format(v=version)
        )
    if fast_schema.surely_valid(load_schema(), content):
        return content  # else jsonschema decides and words the message
    errors = sorted(
        _validator().iter_errors(content), key=lambda e: list(map(str, e.absolute_path))
    )
    if errors:
        raise ImportFileError(_schema_message(jsonschema.exceptions.best_match(errors)))
    return content


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    """Made once per process: it keeps the schema's resolved references between imports."""
    return jsonschema.Draft202012Validator(load_schema())


# --------------------------------------------------------------------------- decoding
@dataclass
class ImportData:
    """A checked file, converted to model values (snake_case), ready for a preview."""

    sections: tuple[str, ...]
    uuid: str | None
    person: dict[str, Any] = field(default_factory=dict)
    singles: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    providers: list[dict[str, Any]] = field(default_factory=list)
    content: dict[str, Any] = field(default_factory=dict)  # the parsed file


@functools.cache  # read only; the same for every record of a kind
def _reverse(model: type) -> dict[str, str]:
    table = model.__tablename__  # type: ignore[attr-defined]
    return {json_name(table, c): c for c in exported_columns(model)}


def _clean(model: type, values: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        out = clean(model, values)
        unknown = [c for c in out.get("consent_sections") or () if c not in SECTION_BY_CODE]
        if unknown:  # a referral's consent names sections this app knows (the gate saw shapes)
            raise ValidationError(
                _("Unknown section: {name}").format(name=unknown[0][:40]),
                field="consent_sections",
            )
        return out
    except ValidationError as exc:
        name = json_name(model.__tablename__, exc.field or "?")  # type: ignore[attr-defined]
        raise ImportFileError(
            _("Invalid value in {where}, field “{field}”: {reason}").format(
                where=where, field=_safe(name), reason=exc.message
            )
        ) from None


def _record(model: type, row: dict[str, Any], where: str) -> dict[str, Any]:
    names = _reverse(model)
    values: dict[str, Any] = {}
    refs: dict[str, Any] = {}
    for key, value in row.items():
        column = names.get(key)
        if column is None:
            continue  # "ref" and "inhoudBase64" are read by the caller
        if column in REFS or column in ("version_no", "sha256", "size"):
            refs[column] = value
        else:
            values[column] = value
    out = _clean(model, values, where)
    out.update({f"_{k}": v for k, v in refs.items()})
    return out


def _document(row: dict[str, Any], where: str) -> dict[str, Any]:
    values = _record(m.Document, row, where)
    name = str(values.get("filename", ""))
    if Path(name).name != name or ".." in name or name.strip() != name:
        raise ImportFileError(_("Unsafe document name in {where}.").format(where=where))
    values["_ref"] = row["ref"]
    encoded = row.get("inhoudBase64")
    if encoded is not None:
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise ImportFileError(
                _("The contents of {where} are not valid base64.").format(where=where)
            ) from None
        if hashlib.sha256(data).hexdigest() != values["_sha256"] or len(data) != values["_size"]:
            raise ImportFileError(
                _("The contents of {where} do not match their SHA-256 checksum.").format(
                    where=where
                )
            )
        values["_content"] = data
    return values


def decode(content: dict[str, Any]) -> ImportData:
    """Turn checked content into model values; raises ImportFileError naming the bad record."""
    chosen = tuple(content["export"]["secties"])
    out = ImportData(sections=chosen, uuid=content.get("dossierUuid"), content=content)
    person_names = _reverse(m.Person)
    person_values: dict[str, Any] = {}
    for code, body in content["secties"].items():
        section = BY_CODE[code]
        for name in PERSON_FIELDS[code]:
            key = json_name("person", name)
            if key in body:
                person_values[person_names[key]] = body[key]
        for kind in section.singles:
            row = body.get(KIND_KEYS[kind])
            out.singles[kind] = (
                _record(SINGLE_MODELS[kind], row, f"{code}/{KIND_KEYS[kind]}") if row else None
            )
        kinds = list(section.lists) + (["intake_topic"] if section.topics else [])
        for kind in kinds:
            rows = body.get(KIND_KEYS[kind], [])
            model = LIST_MODELS[kind]
            decoded = []
            for i, row in enumerate(rows, 1):
                where = f"{code}/{KIND_KEYS[kind]}[{i}]"
                decoded.append(
                    _document(row, where) if kind == "document" else _record(model, row, where)
                )
                if kind == "contact":
                    decoded[-1]["_ref"] = row["ref"]
            out.lists.setdefault(kind, []).extend(decoded)
        for i, p in enumerate(body.get("aanbieders", []), 1):
            values = _clean(
                m.Provider,
                {
                    "name": p["naam"],
                    "city": p.get("plaats"),
                    "keurmerk": p.get("keurmerk", "geen"),
                    "keurmerk_from": p.get("keurmerkVan"),
                    "keurmerk_until": p.get("keurmerkTot"),
                    "taalschakel_erkend": p.get("taalschakelErkend", False),
                    "closed_on": p.get("gesloten"),
                },
                f"{code}/aanbieders[{i}]",
            )
            out.providers.append(values)
    out.person = _clean(m.Person, person_values, "identity")
    _check_refs(out)
    return out


def _check_refs(data: ImportData) -> None:
    docs = {d["_ref"] for d in data.lists.get("document", [])}
    contacts = {c["_ref"] for c in data.lists.get("contact", [])}
    pips = [p.get("_version_no") for p in data.lists.get("pip_version", [])]
    providers = {p["name"] for p in data.providers}
    if len(docs) != len(data.lists.get("document", [])) or len(contacts) != len(
        data.lists.get("contact", [])
    ):
        raise ImportFileError(_("Two documents or contacts in the file share one reference."))
    topics = [t["topic"] for t in data.lists.get("intake_topic", [])]
    if len(set(topics)) != len(topics):
        raise ImportFileError(_("The file lists one brede-intake topic twice."))
    if len(set(pips)) != len(pips) or any(not isinstance(v, int) or v < 1 for v in pips):
        raise ImportFileError(_("The PIP versions in the file have missing or repeated numbers."))
    for kind, rows in data.lists.items():
        for i, row in enumerate(rows, 1):
            where = f"{KIND_KEYS[kind]}[{i}]"
            if row.get("_document_id") is not None and row["_document_id"] not in docs:
                raise ImportFileError(
                    _("{where} points to a document that is not in the file.").format(where=where)
                )
            if row.get("_contact_id") is not None and row["_contact_id"] not in contacts:
                raise ImportFileError(
                    _("{where} points to a contact that is not in the file.").format(where=where)
                )
            if row.get("_pip_version_id") is not None and row["_pip_version_id"] not in pips:
                raise ImportFileError(
                    _("{where} points to a PIP version that is not in the file.").format(
                        where=where
                    )
                )
            if row.get("_provider_id") is not None and row["_provider_id"] not in providers:
                raise ImportFileError(
                    _("{where} names a school that is not in the file.").format(where=where)
                )
