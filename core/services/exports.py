"""Exports with consent, and the klantprofiel import (preview, then one transaction).

Nothing leaves the app without a choice of sections: :func:`export_dossier` refuses to run without
one, and logs every export in ``ExportLog`` (what, to whom, when, whose consent, the file's
SHA-256). Sensitive sections (health, finances, family, soft information, the documents' files)
are off unless chosen (DOMAIN.md §11 point 3).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete as sa_delete
from sqlalchemy import insert, select

from core import models as m
from core import private_files
from core.errors import NotFoundError, StorageError, ValidationError
from core.export import json_io
from core.export.klantprofiel import build, check_sections
from core.export.sections import (
    BY_CODE,
    DEFAULT_CODES,
    DUO_FORMATS,
    FORMATS,
    KIND_TITLES,
    LIST_MODELS,
    PROTECTABLE,
    SINGLE_MODELS,
    check_export_passphrase,
)
from core.i18n import _
from core.models.fields import label_of
from core.services.dossiers import find_by_identity, load_dossier
from core.services.pip import check_imported_pips
from core.services.records import get_person
from core.services.store import Store, audit_bulk_insert

EXTENSIONS = {
    "pdf": ".pdf",
    "json": ".json",
    "ics": ".ics",
    "pip-pdf": ".pdf",
    "pid-pdf": ".pdf",
    "cv-pdf": ".pdf",
    "html": ".html",
    "duo-pip": ".json",
    "duo-map": ".json",
}
LOG_KIND = {
    "pdf": "klantprofiel_pdf",
    "json": "klantprofiel_json",
    "ics": "calendar",
    "pip-pdf": "pip_pdf",
    "pid-pdf": "pid_pdf",
    "cv-pdf": "cv_pdf",
    "html": "html_map",
    "duo-pip": "duo_pip",
    "duo-map": "duo_map",
}
Progress = Callable[[int, str], None]


def default_sections() -> tuple[str, ...]:
    """What is shared when the person does not say otherwise: nothing sensitive."""
    return DEFAULT_CODES


def document_contents(store: Store, dossier_id: int) -> dict[int, bytes]:
    with store.read() as session:
        rows = session.execute(
            select(m.Document.id, m.Document.content).where(m.Document.person_id == dossier_id)
        )
        return {int(i): bytes(c or b"") for i, c in rows}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    sections: tuple[str, ...]
    log_id: int


def render(
    person: m.Person,
    fmt: str,
    sections: tuple[str, ...],
    *,
    lang: str,
    today: dt.date,
    recipient: str | None = None,
    contents: dict[int, bytes] | None = None,
    passphrase: str | None = None,
) -> bytes:
    """The export's bytes; no file, no log (the benchmark calls this)."""
    if passphrase is not None and fmt not in PROTECTABLE:
        raise ValidationError(
            _("Only the map for a phone can be protected with a passphrase."), field="format"
        )
    if fmt == "json":
        return json_io.dumps(
            build(person, sections, today=today, recipient=recipient, document_content=contents)
        )
    if fmt in DUO_FORMATS:
        from core.export import duo

        if DUO_FORMATS[fmt] not in sections:
            raise ValidationError(
                _("DUO's form is made from the section “{title}”: choose it to share.").format(
                    title=_(BY_CODE[DUO_FORMATS[fmt]].title)
                ),
                field="sections",
            )
        if fmt == "duo-pip":
            return duo.dumps(duo.pip_message(person))
        return duo.dumps(duo.result_messages(person, today))
    buf = io.BytesIO()
    if fmt == "pdf":
        from core.export import klantprofiel_pdf

        klantprofiel_pdf.render(person, buf, lang, sections, today=today)
    elif fmt == "pip-pdf":
        from core.export import pip_pdf

        pip_pdf.render(person, buf, lang, today=today)
    elif fmt == "pid-pdf":
        from core.export import pid_pdf

        pid_pdf.render(person, buf, lang, sections, today=today)
    elif fmt == "cv-pdf":
        from core.export import cv_pdf

        cv_pdf.render(person, buf, lang, sections, today=today)
    elif fmt == "ics":
        from core.export import ics

        return ics.render(person, sections, today=today, lang=lang)
    elif fmt == "html":
        from core.export import html_map

        return html_map.render(person, sections, lang=lang, today=today, passphrase=passphrase)
    else:
        raise ValidationError(_("Unknown export format."), field="format")
    return buf.getvalue()


def export_dossier(
    store: Store,
    dossier_id: int,
    fmt: str,
    out: str | Path,
    *,
    sections: Iterable[str] | None,
    recipient: str | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
    consent_by: str | None = None,
    progress: Progress | None = None,
    passphrase: str | None = None,
    referral_id: int | None = None,
) -> ExportResult:
    """Write one export and log it; ``passphrase`` encrypts it (the map for a phone only).

    ``referral_id``: the export is made for that referral (core.models.referrals). It may then
    hold only the sections the person agreed to share with that partner, its recipient is the
    partner unless named otherwise, and the log entry records the referral."""
    if sections is None:
        raise ValidationError(
            _("Choose which sections may be shared before exporting."), field="sections"
        )
    if fmt not in FORMATS:
        raise ValidationError(_("Unknown export format."), field="format")
    chosen = check_sections(sections)
    if not chosen and fmt in ("pdf", "json", "pid-pdf", "cv-pdf", "html"):
        raise ValidationError(_("Choose at least one section to share."), field="sections")
    if passphrase is not None:
        if fmt not in PROTECTABLE:
            raise ValidationError(
                _("Only the map for a phone can be protected with a passphrase."), field="format"
            )
        check_export_passphrase(passphrase)  # before anything is read or written
    if referral_id is not None:
        partner = referral_covers(store, dossier_id, referral_id, chosen)
        recipient = recipient or partner
    today = today or dt.date.today()
    report = progress or (lambda _pct, _msg: None)
    report(5, _("Reading the dossier…"))
    person = load_dossier(store, dossier_id)
    contents = document_contents(store, dossier_id) if "document_content" in chosen else None
    report(30, _("Making the file…"))
    data = render(
        person,
        fmt,
        chosen,
        lang=lang,
        today=today,
        recipient=recipient,
        contents=contents,
        passphrase=passphrase,
    )
    report(80, _("Writing the file…"))
    path = Path(out)
    digest = hashlib.sha256(data).hexdigest()
    # The file is staged beside its place, then the export is logged, and only then is the
    # file put in place: no export file without its record (a failed log removes it).
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged, note = private_files.stage(path, data)
    except OSError:
        raise StorageError(_("The export could not be written to this place.")) from None
    try:
        with store.transaction() as session:
            get_person(session, dossier_id)
            log = m.ExportLog(
                person_id=dossier_id,
                kind=LOG_KIND[fmt],
                sections=list(chosen),
                recipient=(recipient or None) and recipient.strip()[:200],
                consent_by=(consent_by or store.actor.name or store.actor.kind)[:200],
                sha256=digest,
                referral_id=referral_id,
            )
            session.add(log)
            session.flush()
            log_id = int(log.id)
    except BaseException:
        private_files.discard_staged(staged, note)
        raise
    try:
        private_files.commit_staged(staged, note, path)
    except OSError:
        with store.transaction() as session:  # the file is not there: neither is its record
            session.execute(sa_delete(m.ExportLog).where(m.ExportLog.id == log_id))
        raise StorageError(_("The export could not be written to this place.")) from None
    report(100, _("Done."))
    return ExportResult(path, digest, len(data), chosen, log_id)


def referral_covers(
    store: Store, dossier_id: int, referral_id: int, chosen: tuple[str, ...]
) -> str:
    """The referral's partner, once it is sure the referral belongs to this dossier and its
    consent covers every chosen section; else a message naming the first section it does not
    cover (nothing is written)."""
    with store.transaction() as session:
        referral = session.get(m.Referral, referral_id)
        if referral is None or referral.person_id != dossier_id:
            raise NotFoundError(_("This referral does not exist (any more)."))
        agreed = set(referral.consent_sections or ())
        partner = str(referral.partner)
    beyond = [code for code in chosen if code not in agreed]
    if beyond:
        raise ValidationError(
            _(
                "The person did not agree to share “{title}” with {partner} for this "
                "referral: leave it out, or record their consent in the referral first."
            ).format(title=_(BY_CODE[beyond[0]].title), partner=partner),
            field="sections",
        )
    return partner


PRINTABLE = ("pip-pdf", "pid-pdf", "cv-pdf", "pdf")  # what the GUI sends to a printer


def print_document(
    store: Store,
    dossier_id: int,
    fmt: str,
    *,
    sections: Iterable[str],
    recipient: str | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
    consent_by: str | None = None,
    referral_id: int | None = None,
) -> bytes:
    """The PDF for a printer: the same document and checks as :func:`export_dossier`, recorded in
    the dossier's export log as a printout (a paper copy shares the same personal data); made
    for ``referral_id``, it is held to that referral's consent and the log links to it."""
    if fmt not in PRINTABLE:
        raise ValidationError(_("Only the PDF documents can be printed."), field="format")
    chosen = check_sections(sections)
    if not chosen and fmt in ("pdf", "pid-pdf", "cv-pdf"):
        raise ValidationError(_("Choose at least one section to share."), field="sections")
    if referral_id is not None:
        partner = referral_covers(store, dossier_id, referral_id, chosen)
        recipient = recipient or partner
    today = today or dt.date.today()
    person = load_dossier(store, dossier_id)
    data = render(person, fmt, chosen, lang=lang, today=today, recipient=recipient, contents=None)
    with store.transaction() as session:
        get_person(session, dossier_id)
        session.add(
            m.ExportLog(
                person_id=dossier_id,
                kind=LOG_KIND[fmt],
                sections=list(chosen),
                recipient=((recipient or "").strip() or _("Printed on paper"))[:200],
                consent_by=(consent_by or store.actor.name or store.actor.kind)[:200],
                sha256=hashlib.sha256(data).hexdigest(),
                referral_id=referral_id,
            )
        )
    return data


def export_log(store: Store, dossier_id: int) -> list[m.ExportLog]:
    with store.read() as session:
        rows = session.scalars(
            select(m.ExportLog).where(m.ExportLog.person_id == dossier_id).order_by(m.ExportLog.id)
        ).all()
        session.expunge_all()
        return list(rows)


# =========================================================================== import
@dataclass(frozen=True)
class Change:
    section: str
    what: str  # translated, shown in the preview


@dataclass
class ImportPreview:
    data: json_io.ImportData
    target: int | None  # None: a new dossier
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # translated: what the forms would warn of

    @property
    def is_new(self) -> bool:
        return self.target is None

    def lines(self) -> list[str]:
        head = (
            _("A new dossier will be created.")
            if self.is_new
            else _(
                "An existing dossier (number {id}) was found by BSN, V-number or id; it will be updated."
            ).format(id=self.target)
        )
        body = [
            f"• {_(BY_CODE[c.section].title) if c.section in BY_CODE else c.section}: {c.what}"
            for c in self.changes
        ]
        return [
            head,
            *(body or [_("Nothing would change.")]),
            *(f"⚠ {w}" for w in self.warnings),
        ]


def _norm(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value.is_integer():
        return float(value)
    return value


def _same(values: dict[str, Any], obj: Any) -> bool:
    return all(
        _norm(getattr(obj, k)) == _norm(v) for k, v in values.items() if not k.startswith("_")
    )


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not k.startswith("_")}


def _section_of(kind: str) -> str:
    for code, section in BY_CODE.items():
        if kind in section.lists or kind in section.singles:
            return code
    return "intake"


def preview_import(store: Store, data: bytes) -> ImportPreview:
    """Check the file and say what an import would do; writes nothing."""
    parsed = json_io.decode(json_io.parse_bytes(data))
    target = _find_target(store, parsed)
    preview = ImportPreview(parsed, target)
    existing = load_dossier(store, target) if target is not None else None
    pips = parsed.lists.get("pip_version", [])
    # The same gate as the PIP form (issue 15): refuses what DUO rejects, keeps the warnings.
    preview.warnings = check_imported_pips(
        existing, parsed, pips if existing is None else _new_rows(existing, "pip_version", pips)
    )
    if target is None:
        for kind, rows in parsed.lists.items():
            if rows:
                preview.changes.append(
                    Change(
                        _section_of(kind),
                        _("{n} × {what} added").format(n=len(rows), what=_(KIND_TITLES[kind])),
                    )
                )
        return preview
    person = existing
    assert person is not None
    changed = [
        k
        for k, v in parsed.person.items()
        if v is not None and _norm(getattr(person, k)) != _norm(v)
    ]
    if changed:
        preview.changes.append(
            Change(
                "identity",
                _("fields changed: {names}").format(
                    names=", ".join(sorted(_(label_of(m.Person, k) or k) for k in changed))
                ),
            )
        )
    for kind, values in parsed.singles.items():
        current = getattr(person, kind)
        if values and (current is None or not _same(values, current)):
            preview.changes.append(
                Change(_section_of(kind), _("{what} updated").format(what=_(KIND_TITLES[kind])))
            )
    for kind, rows in parsed.lists.items():
        new = _new_rows(person, kind, rows)
        if new:
            preview.changes.append(
                Change(
                    _section_of(kind),
                    _("{n} × {what} added").format(n=len(new), what=_(KIND_TITLES[kind])),
                )
            )
    return preview


def _find_target(store: Store, data: json_io.ImportData) -> int | None:
    found = find_by_identity(store, data.person.get("bsn"), data.person.get("v_nummer"))
    if found is None and data.uuid:
        with store.read() as session:
            found = session.scalars(select(m.Person.id).where(m.Person.uuid == data.uuid)).first()
    return found


def _new_rows(person: m.Person, kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    existing = list(getattr(person, _relation(kind)))
    out = []
    for row in rows:
        match = _match(kind, row, existing)
        if match is None or (kind == "intake_topic" and not _same(row, match)):
            out.append(row)
    return out


def _relation(kind: str) -> str:
    from core.export.sections import RELATION

    return RELATION[kind]


def apply_import(store: Store, preview: ImportPreview) -> int:
    """Write the previewed import in one transaction; return the dossier id."""
    data = preview.data
    with store.transaction() as session:
        if preview.target is None:
            person = m.Person(**data.person)
            if (
                data.uuid
                and session.scalars(select(m.Person.id).where(m.Person.uuid == data.uuid)).first()
                is None
            ):
                person.uuid = data.uuid
            session.add(person)
            session.flush()
        else:
            found = session.get(m.Person, preview.target)
            if found is None:
                raise NotFoundError(_("This dossier does not exist (any more)."))
            person = found
            for key, value in data.person.items():
                if value is not None:
                    setattr(person, key, value)
        _write_records(session, person, data, new=preview.target is None)
        session.flush()
        return int(person.id)


def _write_records(
    session: Any, person: m.Person, data: json_io.ImportData, *, new: bool = False
) -> None:
    """Add the file's records; ``new``: the person was just created, so nothing to match."""
    pid = person.id
    for kind, values in data.singles.items():
        if values is None:
            continue
        current = None if new else getattr(person, kind)
        if current is None:
            session.add(SINGLE_MODELS[kind](person_id=pid, **_fields(values)))
        else:
            for key, value in _fields(values).items():
                setattr(current, key, value)
    providers: dict[str, int] = {}
    for p in data.providers:
        found = session.scalars(select(m.Provider).where(m.Provider.name == p["name"])).first()
        if found is None:
            found = m.Provider(**p)
            session.add(found)
            session.flush()
        providers[p["name"]] = found.id
    docs: dict[str, int] = {}
    contacts: dict[int, int] = {}
    pips: dict[int, int] = {}
    order = ["document", "contact", "pip_version"] + [
        k for k in LIST_MODELS if k not in ("document", "contact", "pip_version")
    ]
    max_version = 0 if new else max((p.version_no for p in person.pip_versions), default=0)
    for kind in order:
        rows = data.lists.get(kind, [])
        existing = [] if new else list(getattr(person, _relation(kind)))
        created: list[tuple[dict[str, Any], Any]] = []
        bulk: list[dict[str, Any]] = []  # records nothing else points to: one INSERT
        for row in rows:
            match = _match(kind, row, existing)
            if match is not None and kind != "intake_topic":
                _remember(kind, row, match, docs, contacts, pips)
                continue
            values = _fields(row)
            for ref, target in (
                ("_document_id", docs),
                ("_contact_id", contacts),
                ("_pip_version_id", pips),
                ("_provider_id", providers),
            ):
                if ref in row:
                    values[ref[1:]] = target.get(row[ref]) if row[ref] is not None else None
            if kind == "intake_topic" and match is not None:
                for key, value in values.items():
                    setattr(match, key, value)
                continue
            obj: Any
            if kind == "document":
                content = row.get("_content")
                # Exported without its file: the declared size and SHA-256 are kept with no
                # bytes (content_included() tells), so a later import of the file matches it.
                obj = m.Document(
                    person_id=pid,
                    size=len(content) if content is not None else row["_size"],
                    sha256=hashlib.sha256(content).hexdigest()
                    if content is not None
                    else row["_sha256"],
                    content=content if content is not None else b"",
                    **values,
                )
            elif kind == "pip_version":
                max_version += 1
                obj = m.PipVersion(person_id=pid, version_no=max_version, **values)
            elif kind not in _REFERENCED:
                bulk.append({"person_id": pid, **values})
                continue
            else:
                obj = LIST_MODELS[kind](person_id=pid, **values)
            session.add(obj)
            created.append((row, obj))
        if bulk:
            _insert_audited(session, LIST_MODELS[kind], pid, bulk)
        if kind in _REFERENCED and created:
            # One flush per referenced kind gives the ids later records point to; the rest is
            # written in bulk by the final flush (each flush writes its audit entries).
            session.flush()
            for row, obj in created:
                _remember(kind, row, obj, docs, contacts, pips)


_REFERENCED = frozenset({"document", "contact", "pip_version"})


def _insert_audited(session: Any, model: Any, pid: int, rows: list[dict[str, Any]]) -> None:
    ids = session.scalars(
        insert(model).returning(model.id, sort_by_parameter_order=True), rows
    ).all()
    audit_bulk_insert(session, model.__tablename__, pid, list(ids))


def _match(kind: str, row: dict[str, Any], existing: list[Any]) -> Any:
    if kind == "intake_topic":
        return next((t for t in existing if t.topic == row["topic"]), None)
    if kind == "document":
        # Keyed by their SHA-256 within a dossier: the same file is never kept twice.
        return next((d for d in existing if d.sha256 == row.get("_sha256")), None)
    return next((obj for obj in existing if _same(row, obj)), None)


def _remember(
    kind: str,
    row: dict[str, Any],
    obj: Any,
    docs: dict[str, int],
    contacts: dict[int, int],
    pips: dict[int, int],
) -> None:
    if kind == "document":
        docs[row["_ref"]] = obj.id
    elif kind == "contact":
        contacts[row["_ref"]] = obj.id
    elif kind == "pip_version":
        pips[row["_version_no"]] = obj.id


def import_file(store: Store, path: str | Path) -> ImportPreview:
    return preview_import(store, json_io.read_file(path))
