"""Documents and evidence: attach files (read off the GUI thread), open them or save a copy, and
link them to hours, exams and verlengingen (DOMAIN.md §8, §11).

Opening writes a private copy (mode 0600) to the ``tmp`` folder inside the data folder, never the
system temp folder, and every such copy is deleted when the app quits.
"""

from __future__ import annotations

import atexit
import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from core import models as m
from core import paths
from core.errors import ConflictError, DossierError, ValidationError
from core.i18n import N_, _, format_date, format_hours, format_number, ngettext
from core.labels import label
from core.models import enums as e
from core.private_files import OPENED_COPIES, open_private_new
from core.services.documents import (
    MAX_DOCUMENT_BYTES,
    DeletedDocument,
    attach_document,
    delete_document,
    document_content,
    read_file_checked,
    restore_document,
    update_document,
)
from core.services.records import update_record
from gui.context import UndoItem
from gui.dialogs import common
from gui.views.section_base import SectionView
from gui.widgets import conflict
from gui.widgets.form import Form, specs_for
from gui.widgets.panel import ERROR_STYLE, OK_STYLE, note_label
from gui.widgets.record_table import Column, RecordModel
from gui.workers import run_in_background

DETAILS = specs_for(m.Document)
FILE_FILTER = N_("Documents (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.doc)")
_opened: set[Path] = set()


def temp_folder() -> Path:
    folder = paths.current().data / OPENED_COPIES
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def write_private_copy(filename: str, data: bytes) -> Path:
    """A copy only this user can read, removed again at exit (see :func:`remove_opened`)."""
    folder = temp_folder()
    safe = Path(filename).name or "document"
    target = folder / safe
    counter = 1
    while target.exists():
        target = folder / f"{Path(safe).stem}-{counter}{Path(safe).suffix}"
        counter += 1
    with open_private_new(target, replace_leftover=False) as fh:
        fh.write(data)
    _opened.add(target)
    return target


def remove_opened() -> None:
    for path in list(_opened):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        _opened.discard(path)


atexit.register(remove_opened)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return _("{n} MB").format(n=format_number(round(n / 1024 / 1024, 1)))
    return _("{n} kB").format(n=format_number(max(1, round(n / 1024))))


class DocumentsView(SectionView):
    key = "documents"
    icon_name = "documents"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: QDialog | None = None
        self._undo: UndoItem | None = None
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.page.inner)
        self.open_button = QPushButton(self.page.inner)
        self.save_copy_button = QPushButton(self.page.inner)
        self.edit_button = QPushButton(self.page.inner)
        self.link_button = QPushButton(self.page.inner)
        self.delete_button = QPushButton(self.page.inner)
        for button, slot in (
            (self.attach_button, self.attach),
            (self.open_button, self.open_selected),
            (self.save_copy_button, self.save_copy),
            (self.edit_button, self.edit_selected),
            (self.link_button, self.link_selected),
            (self.delete_button, self.delete_selected),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.page.column.addLayout(buttons)
        self.status = note_label(self.page.inner)
        self.status.hide()
        self.page.add(self.status)
        self.undo_button = QPushButton(self.page.inner)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_button)
        undo_row.addStretch(1)
        self.page.column.addLayout(undo_row)
        self.model = RecordModel(
            (
                Column(N_("Title"), lambda d: d.title),
                Column(N_("Kind"), lambda d: d.kind, lambda v: label(e.DocumentKind, v)),
                Column(N_("Date"), lambda d: d.document_date),
                Column(N_("Added"), lambda d: d.added_at.date() if d.added_at else None),
                Column(N_("Size"), lambda d: d.size, _size),
                Column(N_("Evidence for"), lambda d: self.links_text(d.id)),
            ),
            self,
        )
        self.table = QTableView(self.page.inner)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(260)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.page.add(self.table)
        self.page.finish()
        self.retranslate_ui()

    def title(self) -> str:
        return _("Documents")

    # ------------------------------------------------------------------ helpers
    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def links(self, doc_id: int) -> list[tuple[str, Any]]:
        if self.person is None:
            return []
        out: list[tuple[str, Any]] = []
        out += [("hour", h) for h in self.person.hours if h.document_id == doc_id]
        out += [("exam", x) for x in self.person.exams if x.document_id == doc_id]
        out += [("verlenging", v) for v in self.person.verlengingen if v.document_id == doc_id]
        return out

    def links_text(self, doc_id: int) -> str:
        links = self.links(doc_id)
        if len(links) <= 2:
            return "; ".join(_describe(kind, record) for kind, record in links)
        counts = {
            k: sum(1 for kind, _r in links if kind == k) for k in ("hour", "exam", "verlenging")
        }
        parts = []
        if counts["hour"]:
            parts.append(
                ngettext("{n} hours entry", "{n} hours entries", counts["hour"]).format(
                    n=counts["hour"]
                )
            )
        if counts["exam"]:
            parts.append(ngettext("{n} exam", "{n} exams", counts["exam"]).format(n=counts["exam"]))
        if counts["verlenging"]:
            parts.append(
                ngettext("{n} extension", "{n} extensions", counts["verlenging"]).format(
                    n=counts["verlenging"]
                )
            )
        return ", ".join(parts)

    def _show(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setVisible(bool(text))

    # ------------------------------------------------------------------ attach
    def attach(self) -> None:
        if self.person is None:
            return
        path = common.ask_open_file(self, _("Attach a document"), _(FILE_FILTER))
        if not path:
            return
        self._show(_("Attaching…"))
        self.attach_button.setEnabled(False)
        run_in_background(
            lambda _progress: read_file_checked(path),
            on_success=self._attach_read,
            on_failure=self._attach_failed,
        )

    def _attach_read(self, result: tuple[str, bytes]) -> None:
        self.attach_button.setEnabled(True)
        name, data = result
        store, pid = self.ctx.store, self.person.id  # type: ignore[union-attr]
        try:
            self.commit(
                lambda: attach_document(store, pid, name, data, {"kind": _guess_kind(name)})
            )
        except ValidationError as exc:
            self._attach_failed(exc)
            return
        self._show("✓ " + _("Attached: {name}").format(name=name))

    def _attach_failed(self, exc: BaseException) -> None:
        self.attach_button.setEnabled(True)
        if isinstance(exc, DossierError):
            self._show(
                str(exc) + " " + _("(at most {mb} MB)").format(mb=MAX_DOCUMENT_BYTES // 2**20),
                ok=False,
            )
            return
        from gui.errors import show_exception

        self._show("")
        show_exception(exc)

    # ------------------------------------------------------------------ open / save a copy
    def open_selected(self) -> Path | None:
        doc = self.selected()
        if doc is None:
            return None
        try:
            meta, data = document_content(self.ctx.store, doc.id)
        except DossierError as exc:
            self._show(str(exc), ok=False)
            return None
        target = write_private_copy(meta.filename, data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def save_copy(self) -> Path | None:
        doc = self.selected()
        if doc is None:
            return None
        path = common.ask_save_file(self, _("Save a copy as"), doc.filename)
        if not path:
            return None
        try:
            _meta, data = document_content(self.ctx.store, doc.id)
            Path(path).write_bytes(data)
        except DossierError as exc:
            self._show(str(exc), ok=False)
            return None
        except OSError:
            self._show(_("The copy could not be written there."), ok=False)
            return None
        self._show("✓ " + _("Copy saved."))
        return Path(path)

    # ------------------------------------------------------------------ details, links, delete
    def edit_selected(self) -> QDialog | None:
        doc = self.selected()
        if doc is None:
            return None
        dialog = _DetailsDialog(self, doc)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def link_selected(self) -> QDialog | None:
        doc = self.selected()
        if doc is None or self.person is None:
            return None
        dialog = _LinkDialog(self, doc)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        if not common.ask_yes_no(
            self,
            _("Delete document"),
            _(
                "Delete this document? Hours, exams and extensions that use it as evidence lose the link."
            ),
        ):
            return
        store = self.ctx.store
        kept: list[DeletedDocument] = []
        # A restored document gets a new id (version 1); Redo deletes that one. One someone
        # else changed after it was shown is not deleted (ConflictError, shown by gui.errors).
        target = {"id": doc.id, "version": doc.version_id}

        def restore() -> int:
            target["id"], target["version"] = restore_document(store, kept[-1]), 1
            return target["id"]

        item = UndoItem(_("Undo the delete"), restore)

        def remove() -> None:
            kept.append(delete_document(store, target["id"], base_version=target["version"]))

        try:
            self.commit(remove, undo=item)
        except ConflictError:
            self.ctx.signals.dossier_changed.emit(doc.person_id)  # show their change
            raise
        self._undo = item
        self._show(_("Deleted."))
        self.undo_button.show()

    def undo_delete(self) -> None:
        item = self._undo
        if item is None:
            return
        self._undo = None
        self.undo_button.hide()
        if item not in self.ctx.undo_stack:
            return  # already undone from the main window's Undo
        assert self.person is not None
        self.ctx.undo(item, self.person.id, saved_text=_("Saved"))
        self._show(_("Restored."))

    # ------------------------------------------------------------------ contract
    def refresh(self, person: Any) -> None:
        docs = sorted(person.documents, key=lambda d: d.added_at, reverse=True) if person else []
        self.model.set_records(docs)

    def apply_mode(self) -> None:
        super().apply_mode()
        participant = not self.ctx.consultant_mode
        for button in (
            self.attach_button,
            self.open_button,
            self.save_copy_button,
            self.edit_button,
            self.link_button,
            self.delete_button,
        ):
            button.setMinimumHeight(44 if participant else 0)

    def retranslate_ui(self) -> None:
        self.attach_button.setText(_("Attach a file…"))
        self.open_button.setText(_("Open"))
        self.save_copy_button.setText(_("Save a copy as…"))
        self.edit_button.setText(_("Change details…"))
        self.link_button.setText(_("Use as evidence for…"))
        self.delete_button.setText(_("Delete"))
        self.undo_button.setText(_("Undo"))
        self.table.setAccessibleName(_("Documents"))
        super().retranslate_ui()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )


def _guess_kind(name: str) -> str:
    lower = name.lower()
    for word, kind in (
        ("uren", "urenverklaring"),
        ("factuur", "factuur"),
        ("contract", "contract"),
        ("diploma", "diploma"),
        ("uitslag", "uitslagbrief"),
        ("beschikking", "beschikking"),
    ):
        if word in lower:
            return kind
    return "other"


def _describe(kind: str, record: Any) -> str:
    if kind == "hour":
        return _("hours on {date} ({hours})").format(
            date=format_date(record.date), hours=format_hours(record.hours)
        )
    if kind == "exam":
        return _("exam {part} on {date}").format(
            part=label(e.Onderdeel, record.onderdeel), date=format_date(record.planned_date)
        )
    return _("extension requested on {date}").format(date=format_date(record.requested_date))


class _DetailsDialog(QDialog):
    def __init__(self, view: DocumentsView, doc: Any) -> None:
        super().__init__(view)
        self.view, self.doc = view, doc
        self.setWindowTitle(_("Document details"))
        self.form = Form(DETAILS, self)
        self.form.set_values(doc)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        values = self.form.values()
        store, doc_id, version = self.view.ctx.store, self.doc.id, self.doc.version_id
        try:
            try:
                self.view.commit(
                    lambda: update_document(store, doc_id, values, base_version=version)
                )
            except ConflictError as exc:
                # someone else changed the details since: both values, and a choice
                if not conflict.keep_mine(self, exc, m.Document):
                    first = next(iter(exc.conflicts), "title")
                    self.form.show_errors({first: str(exc)})  # what was typed stays
                    return
                self.view.commit(lambda: update_document(store, doc_id, values))
        except ValidationError as exc:
            self.form.show_errors(exc.errors, str(exc))
            return
        self.accept()


class _LinkDialog(QDialog):
    """Choose an hours entry, exam or extension this document is evidence for."""

    def __init__(self, view: DocumentsView, doc: Any) -> None:
        super().__init__(view)
        self.view, self.doc = view, doc
        self.setWindowTitle(_("Use as evidence"))
        person = view.person
        assert person is not None  # the dialog is opened from a shown dossier
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(_("Evidence for"))
        for h in sorted(person.hours, key=lambda h: h.date, reverse=True):
            self.choice.addItem(_describe("hour", h), f"hour:{h.id}")
        for x in person.exams:
            self.choice.addItem(_describe("exam", x), f"exam:{x.id}")
        for v in person.verlengingen:
            self.choice.addItem(_describe("verlenging", v), f"verlenging:{v.id}")
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(_("This document is evidence for:"), self)
        layout.addWidget(intro)
        layout.addWidget(self.choice)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 160)

    def choose(self, kind: str, record_id: int) -> None:
        self.choice.setCurrentIndex(self.choice.findData(f"{kind}:{record_id}"))

    def save(self) -> None:
        data = self.choice.currentData()
        if data is None:
            return
        kind, raw_id = str(data).split(":")
        record_id = int(raw_id)
        store, doc_id = self.view.ctx.store, self.doc.id
        try:
            self.view.commit(lambda: update_record(store, kind, record_id, {"document_id": doc_id}))
        except ValidationError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()
