"""A table of the records of one kind (``core.services.records.KINDS``) with add, edit and delete.

Adding and editing open a dialog with a :class:`~gui.widgets.form.Form`; the dialog stays open
with the messages under the fields when the service refuses the values. Deleting needs no
confirmation because it can be undone at once from the bar that appears under the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import ConflictError, NotFoundError, StorageError, ValidationError
from core.i18n import _, format_date, format_datetime
from core.services import records as rec
from gui import style
from gui.context import AppContext, UndoItem
from gui.icons import icon
from gui.widgets import conflict
from gui.widgets.form import ERROR_STYLE, FieldSpec, Form

PAGE = 200
_Index = QModelIndex | QPersistentModelIndex


BASE = QPalette.ColorRole.Base  # table cells are drawn on the palette's base colour


@dataclass(frozen=True)
class Column:
    header: str  # msgid
    value: Callable[[Any], Any]  # record -> raw value (dates, numbers, text)
    text: Callable[[Any], str] | None = None  # raw value -> shown text (default: generic)
    colour: Callable[[Any], str | None] | None = None  # record -> a foreground colour name


def display(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.datetime):
        return format_datetime(value, "short")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _sort_key(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return float(value)
    return str(value).lower()


class RecordModel(QAbstractTableModel):
    """Rows are detached records; shows ``PAGE`` rows at a time and fetches more on scroll."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[Any] = []
        self.shown = 0

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.shown = min(PAGE, len(self.records))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self.shown < len(self.records)

    def fetchMore(self, parent: _Index) -> None:
        more = min(PAGE, len(self.records) - self.shown)
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            raw = column.value(record)
            return column.text(raw) if column.text else display(raw)
        if role == Qt.ItemDataRole.UserRole:
            return _sort_key(column.value(record))
        if role == Qt.ItemDataRole.ForegroundRole and column.colour:
            colour = column.colour(record)
            return QBrush(style.readable(colour, BASE)) if colour else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole title where a narrow column cuts it off
        ):
            return _(self.columns[section].header)
        return None


class RecordDialog(QDialog):
    """Add or edit one record; stays open and shows the messages while the values are refused."""

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: int,
        kind: str,
        specs: Sequence[FieldSpec],
        record: Any | None,
        defaults: dict[str, Any] | None,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id, self.kind, self.record = ctx, dossier_id, kind, record
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = Form(specs, self)
        self.form.set_participant_mode(not ctx.consultant_mode)
        self.form.set_values(record if record is not None else (defaults or {}))
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # as wide as the form wants (a list of ticked boxes in two columns), within the screen
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        widest = screen.width() - 80 if screen is not None else 1000
        width = max(560, min(self.form.sizeHint().width() + 40, widest))
        self.resize(width, min(720, 120 + 56 * len(specs)))

    def save(self) -> None:
        values = self.form.values()
        try:
            new_id = self._add(values) if self.record is None else self._update(values)
        except ValidationError as exc:
            orphans = self.form.show_errors(exc.errors, str(exc))
            self._say("\n".join(orphans))
            return
        except StorageError as exc:
            # a dropped connection to the team server, a full disk: what was typed stays,
            # Save tries again
            self._say(str(exc) + "\n" + _("What you typed is still here: press Save to try again."))
            return
        if new_id is None:
            return  # not saved: the dialog stays open with what was typed
        self.saved.emit(int(new_id))
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _add(self, values: dict[str, Any]) -> int:
        store = self.ctx.store
        # Empty fields are left out, so the service's defaults apply (attempt numbers…).
        values = {k: v for k, v in values.items() if v is not None and v != ""}
        return int(
            self.ctx.commit(
                self.dossier_id,
                lambda: rec.add_record(store, self.dossier_id, self.kind, values),
                saved_text=_("Saved"),
            )
        )

    def _update(self, values: dict[str, Any]) -> int | None:
        """Save on the version the dialog was opened with. Someone else's save in between: both
        values and the choice (Yes: save these over theirs; No: nothing saved, the dialog keeps
        what was typed). Someone else's delete: said here, and Save adds the record again."""
        store, kind, record = self.ctx.store, self.kind, self.record
        assert record is not None
        old = {k: getattr(record, k) for k in values}
        version = getattr(record, "version_id", None)

        def save(base: int | None) -> None:
            self.ctx.commit(
                self.dossier_id,
                lambda: rec.update_record(store, kind, record.id, values, base_version=base),
                saved_text=_("Saved"),
                undo=UndoItem(
                    _("Undo the change"),
                    lambda: rec.update_record(store, kind, record.id, old),
                    # Redo after Undo: the version passed now is long gone, so no check
                    redo=lambda: rec.update_record(store, kind, record.id, values),
                ),
            )

        try:
            save(version)
        except ConflictError as exc:
            self.ctx.signals.dossier_changed.emit(self.dossier_id)  # their values, behind
            if not conflict.keep_mine(self, exc, rec.model_for(kind)):
                self._say(str(exc))
                return None
            old.update({k: theirs for k, (theirs, _mine) in exc.conflicts.items() if k in old})
            save(None)
        except NotFoundError:
            self.ctx.signals.dossier_changed.emit(self.dossier_id)
            self.record = None
            self._say(
                _(
                    "Someone else deleted this record while you were changing it. What you "
                    "typed is still here: Save adds it again, Cancel lets it go."
                )
            )
            return None
        return int(record.id)


class RecordTable(QWidget):
    """The records of one kind in one dossier. ``records`` reads them from the person snapshot."""

    dialog_opened = Signal(object)  # the RecordDialog, so a view can add live hints

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        specs: Sequence[FieldSpec],
        columns: Sequence[Column],
        records: Callable[[Any], Sequence[Any]],
        *,
        title: str = "",
        defaults: Callable[[], dict[str, Any]] | None = None,
        noun: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.specs, self.get_records = ctx, kind, list(specs), records
        self.title_msgid, self.noun_msgid, self.defaults = title, noun, defaults
        self.dossier_id: int | None = None
        self.max_rows = 12
        self.dialog: RecordDialog | None = None
        self.model = RecordModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(
            -1, Qt.SortOrder.AscendingOrder
        )  # keep the given order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.setMinimumHeight(110)
        self.view.installEventFilter(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_button.setIcon(icon("new"))
        self.edit_button.setIcon(icon("step"))
        self.delete_button.setIcon(icon("delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_label = QLabel(self)
        self.undo_button = QPushButton(self)
        self.undo_button.setIcon(icon("undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        self._undo: UndoItem | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(undo_row)
        self._show_undo(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_(self.title_msgid) if self.title_msgid else "")
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Change…"))
        self.delete_button.setText(_("Delete"))
        noun = _(self.noun_msgid or self.title_msgid)
        self.add_button.setAccessibleName(_("Add: {what}").format(what=noun))
        self.edit_button.setAccessibleName(_("Change the selected row: {what}").format(what=noun))
        self.delete_button.setAccessibleName(_("Delete the selected row: {what}").format(what=noun))
        self.view.setAccessibleName(noun)
        self.undo_label.setText(_("Deleted."))
        self.undo_button.setText(_("Undo"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1)
        )
        self.model.layoutChanged.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete removes the selected row, Enter opens it (keyboard users need no mouse)."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
        return super().eventFilter(watched, event)

    def set_dossier(self, person: Any | None) -> None:
        self.dossier_id = person.id if person is not None else None
        self.model.set_records(self.get_records(person) if person is not None else [])
        self.setEnabled(person is not None)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the rows need (an empty table stays small), at most ``max_rows`` rows."""
        rows = max(2, min(self.model.shown + 1, self.max_rows))
        row_height = self.view.verticalHeader().defaultSectionSize()
        header = self.view.horizontalHeader().sizeHint().height()
        self.view.setFixedHeight(header + rows * row_height + 2 * self.view.frameWidth() + 2)

    def set_participant_mode(self, participant: bool) -> None:
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            button.setMinimumHeight(40 if participant else 0)

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.records[self.proxy.mapToSource(rows[0]).row()]

    def _open(self, record: Any | None) -> RecordDialog | None:
        if self.dossier_id is None:
            return None
        noun = _(self.noun_msgid or self.title_msgid)
        title = (_("New: {what}") if record is None else _("Change: {what}")).format(what=noun)
        defaults = self.defaults() if self.defaults else None
        self.dialog = RecordDialog(
            self.ctx, self.dossier_id, self.kind, self.specs, record, defaults, title, self
        )
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog_opened.emit(self.dialog)
        self.dialog.open()
        return self.dialog

    def add(self) -> RecordDialog | None:
        return self._open(None)

    def edit_selected(self) -> RecordDialog | None:
        record = self.selected()
        return self._open(record) if record is not None else None

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None or self.dossier_id is None:
            return
        store, kind = self.ctx.store, self.kind
        old: dict[str, Any] = {}
        # A restored record gets a new id (version 1); Redo deletes that one. The version
        # shown: a record someone else changed since is not deleted (ConflictError).
        target = {"id": record.id, "version": getattr(record, "version_id", None)}

        def delete() -> None:
            gone = rec.delete_record(store, kind, target["id"], base_version=target["version"])
            old.clear()
            old.update(gone)

        def restore() -> int:
            target["id"], target["version"] = rec.restore_record(store, kind, old), 1
            return target["id"]

        item = UndoItem(_("Undo the delete"), restore)
        try:
            self.ctx.commit(self.dossier_id, delete, saved_text=_("Deleted"), undo=item)
        except ConflictError:
            self.ctx.signals.dossier_changed.emit(self.dossier_id)  # show their change
            raise  # the message, shown in the one place errors are shown (gui.errors)
        self._undo = item
        self._show_undo(True)

    def undo_delete(self) -> None:
        item = self._undo
        if item is None:
            return
        self._undo = None
        self._show_undo(False)
        if item not in self.ctx.undo_stack:
            return  # already undone from the main window's Undo
        self.ctx.undo(item, self.dossier_id, saved_text=_("Restored"))

    def _show_undo(self, visible: bool) -> None:
        self.undo_label.setVisible(visible)
        self.undo_button.setVisible(visible)
