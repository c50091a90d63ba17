"""Consultant mode's first page: every dossier in the database, searchable as you type (name,
BSN, V-number, gemeente), sortable, filtered by leerroute, status and "needs attention in the next
N weeks" (from the clocks, computed off the GUI thread); open, create and delete dossiers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.i18n import _, isolate, ngettext
from core.labels import choices
from core.models import enums as e
from core.rules.clocks import DONE, Clock
from core.services.clock_cache import first_open_clocks
from core.services.dossiers import (
    assignees,
    create_dossier,
    delete_dossier,
    find_same_identity,
    identity_warning,
)
from gui import style
from gui.dialogs import common
from gui.errors import show_exception
from gui.icons import icon
from gui.models.caseload_model import COLUMNS, CaseloadModel
from gui.widgets.panel import heading
from gui.workers import run_in_background

if TYPE_CHECKING:
    from gui.context import AppContext

SEARCH_DELAY_MS = 150


def attention_map(first_open: dict[int, Clock], today: dt.date, weeks: int) -> dict[int, Clock]:
    """Dossier id → its first open clock, when that is overdue or ends within ``weeks``
    (``first_open``: each dossier's first clock that is not done)."""
    limit = today + dt.timedelta(weeks=weeks)
    return {
        pid: c
        for pid, c in first_open.items()
        if c.status != DONE and c.date is not None and c.date <= limit
    }


class CaseloadTable(QTableView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class NewDossierDialog(QDialog):
    """The few facts a new dossier needs; the rest is filled in on the person page."""

    FIELDS = ("given_names", "family_name", "bsn", "gemeente")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id: int | None = None
        self.setWindowTitle(_("New dossier"))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        labels = {
            "given_names": _("Given names"),
            "family_name": _("Family name"),
            "bsn": _("BSN (citizen service number)"),
            "gemeente": _("Gemeente (municipality)"),
        }
        box = QVBoxLayout(self)
        for name in self.FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setAccessibleName(labels[name])
            err = QLabel(self)
            err.setStyleSheet(style.colour_css("error"))
            err.hide()
            col = QVBoxLayout()
            col.addWidget(edit)
            col.addWidget(err)
            form.addRow(labels[name], col)
            self.edits[name] = edit
            self.errors[name] = err
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(style.colour_css("error"))
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        box.addLayout(form)
        box.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self.create_dossier)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def create_dossier(self) -> None:
        for err in self.errors.values():
            err.hide()
        self.general_error.hide()
        values = {k: (v.text().strip() or None) for k, v in self.edits.items()}
        other = find_same_identity(self.ctx.store, values)
        if other is not None and common.ask_yes_no(
            self,
            _("New dossier"),
            identity_warning(other) + "\n\n" + _("Open dossier {id}?").format(id=other),
        ):
            self.dossier_id = other  # the caller opens it; nothing is created
            self.accept()
            return
        try:
            self.dossier_id = self.ctx.commit(
                None, lambda: create_dossier(self.ctx.store, values), saved_text=_("Saved")
            )
        except ValidationError as exc:
            target = self.errors.get(exc.field or "")
            shown = target if target is not None else self.general_error
            shown.setText(str(exc))
            shown.show()
            return
        self.accept()


ASSIGNEE_COLUMN = next(i for i, (key, _t) in enumerate(COLUMNS) if key == "assigned_to")
COLUMN_FLOOR = {0: 220, 5: 200}  # name and status: room for long values before any are shown
COLUMN_CEILING = 320


class CaseloadView(QWidget):
    open_requested = Signal(int)
    attention_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseloadModel(ctx.store, self)
        self._clocks: dict[int, Clock] | None = None
        self._clocks_running = False

        self.heading = heading(self, 1.7)
        self.search = QLineEdit(self)
        self.search.setObjectName("caseload_search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._apply_search)
        self.search.textEdited.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._search_enter)

        self.leerroute = QComboBox(self)
        self.status = QComboBox(self)
        self.attention_only = QCheckBox(self)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 52)
        self.weeks.setValue(6)
        self.leerroute.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(leerroute=self.leerroute.currentData())
        )
        self.status.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(status=self.status.currentData())
        )
        # A team server: my dossiers, or all I may see (a teamleider: the team's). The database's
        # row-level security decides what "all" is; this only narrows it.
        self.whose_label = QLabel(self)
        self.whose = QComboBox(self)
        self.whose.setObjectName("caseload_whose")
        self.whose.addItem("", None)
        self.whose.addItem("", self.login())
        for member in self.team_members():  # a teamleider: each member of the team
            self.whose.addItem(member, member)
        self._assignees: dict[int, str | None] = {}
        self.attention_summary = QLabel(self)
        self.attention_summary.setObjectName("attention_summary")
        self.attention_summary.setWordWrap(True)
        self.attention_summary.hide()
        self.whose.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(assigned_to=self.whose.currentData())
        )
        self.attention_only.toggled.connect(lambda _c: self._apply_attention())
        self.weeks.valueChanged.connect(lambda _v: self._apply_attention())

        self.table = CaseloadTable(self)
        self.table.setObjectName("caseload_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The indicator first: switching sorting on sorts by it (Qt's default is descending),
        # and the model already holds the first page by name, ascending.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda idx: self._open_row(idx.row()))
        self.table.activated_row.connect(self._open_row)

        self.count_label = QLabel(self)
        self.open_button = QPushButton(icon("open"), "", self)
        self.new_button = QPushButton(icon("new"), "", self)
        self.delete_button = QPushButton(icon("delete"), "", self)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.new_button.clicked.connect(self.new_dossier)
        self.delete_button.clicked.connect(self.delete_selected)

        filters = QHBoxLayout()
        self.leerroute_label = QLabel(self)
        self.status_label = QLabel(self)
        self.weeks_label = QLabel(self)
        for combo in (self.leerroute, self.status):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        for filter_widget in (
            self.leerroute_label,
            self.leerroute,
            self.status_label,
            self.status,
            self.whose_label,
            self.whose,
        ):
            filters.addWidget(filter_widget)
        on_server = self.login() is not None
        self.whose_label.setVisible(on_server)
        self.whose.setVisible(on_server)
        self.table.setColumnHidden(ASSIGNEE_COLUMN, not on_server)
        filters.addStretch(1)
        attention = QHBoxLayout()
        for w in (self.attention_only, self.weeks, self.weeks_label):
            attention.addWidget(w)
        attention.addWidget(self.attention_summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for b in (self.open_button, self.new_button, self.delete_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(attention)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._fit_first_page)
        self.model.rowsInserted.connect(self._update_count)
        self.retranslate_ui()
        self.load_attention()

    # ------------------------------------------------------------------ texts
    def title(self) -> str:
        return _("Caseload")

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Caseload"))
        self.search.setPlaceholderText(_("Search by name, BSN, V-number or gemeente"))
        self.search.setAccessibleName(_("Search the caseload"))
        self.leerroute_label.setText(_("Leerroute:"))
        self.whose_label.setText(_("Dossiers:"))
        self.whose.setItemText(0, _("All I may see"))
        self.whose.setItemText(1, _("Mine"))
        self.status_label.setText(_("Status:"))
        self.attention_only.setText(_("Only needing attention within"))
        self.weeks_label.setText(_("weeks"))
        self.weeks.setAccessibleName(_("Weeks ahead"))
        self.table.setAccessibleName(_("Dossiers"))
        self.open_button.setText(_("Open"))
        self.new_button.setText(_("New dossier…"))
        self.delete_button.setText(_("Delete…"))
        for combo, enum, everything in (
            (self.leerroute, e.Leerroute, _("All leerroutes")),
            (self.status, e.PlichtStatus, _("All statuses")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for code, text in choices(enum):
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.setAccessibleName(everything)
            combo.blockSignals(False)
        self._update_count()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._fit_columns()
        if self._clocks is not None:
            self._apply_attention()

    def login(self) -> str | None:
        """The consultant's login on a team server ("user@host:port/db"), None for the file."""
        server = self.ctx.store.db.server
        return server.split("@", 1)[0] if server else None

    def team_members(self) -> list[str]:
        """The other members of a teamleider's team (whose dossiers they see); none otherwise."""
        me = self.login()
        if me is None:
            return []
        from core.storage.team import TEAMLEIDER, members

        everyone = members(self.ctx.store.db)
        mine = next((m for m in everyone if m.login == me), None)
        if mine is None or mine.role != TEAMLEIDER or mine.team is None:
            return []
        return [m.login for m in everyone if m.team == mine.team and m.login != me]

    def _fit_first_page(self) -> None:
        """Once, when the first rows arrive: later pages and searches keep the widths."""
        if self.model.rowCount() and not getattr(self, "_values_fitted", False):
            self._values_fitted = True
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column at least as wide as its title in this language ("BSN (رقم الخدمة المدنية)"
        is wider than "BSN") and its first page of values, within reason; the person may still
        drag them narrower or wider."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            title = header.sectionSizeFromContents(column).width()
            values = self.table.sizeHintForColumn(column)
            floor = COLUMN_FLOOR.get(column, 0)
            header.resizeSection(column, min(max(title, values, floor), COLUMN_CEILING))

    def _update_count(self, *_args: Any) -> None:
        self.count_label.setText(
            ngettext("{n} dossier", "{n} dossiers", self.model.total).format(n=self.model.total)
        )

    # ------------------------------------------------------------------ search and filters
    def _apply_search(self) -> None:
        self.search_timer.stop()
        self.model.set_filters(search=self.search.text())

    def _search_enter(self) -> None:
        self._apply_search()
        if self.model.rowCount() == 1:
            self._open_row(0)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def load_attention(self) -> None:
        """Each dossier's first clock that is not done, read in a worker from the stored clock
        plans; the table fills it in when done."""
        if self._clocks_running:
            return
        self._clocks_running = True
        store, today = self.ctx.store, self.ctx.today()
        on_server = self.login() is not None

        def load(_progress: object) -> tuple[dict[int, Clock], dict[int, str | None]]:
            return first_open_clocks(store, today), assignees(store) if on_server else {}

        run_in_background(load, self._clocks_loaded, self._clocks_failed)

    def _clocks_loaded(self, loaded: tuple[dict[int, Clock], dict[int, str | None]]) -> None:
        self._clocks_running = False
        self._clocks, self._assignees = loaded
        self._apply_attention()
        self.attention_ready.emit()

    def _clocks_failed(self, exc: BaseException) -> None:
        self._clocks_running = False
        show_exception(exc, self)

    def _apply_attention(self) -> None:
        if self._clocks is None:
            return
        mapping = attention_map(self._clocks, self.ctx.today(), self.weeks.value())
        self.model.set_attention(mapping, self.attention_only.isChecked(), self.ctx.today())
        self._summarise_attention(mapping)

    def _summarise_attention(self, mapping: dict[int, Clock]) -> None:
        """On a team server: how many dossiers need attention per consultant, and in all."""
        if self.login() is None or not self._assignees:
            self.attention_summary.hide()
            return
        counts = self._per_consultant(mapping)
        parts = [f"{isolate(who)} {n}" for who, n in sorted(counts.items())]
        text = _("Needing attention: {n} in all").format(n=len(mapping))
        if len(counts) > 1 or (counts and self.login() not in counts):
            text += " — " + " · ".join(parts)
        self.attention_summary.setText(text)
        self.attention_summary.show()

    def attention_counts(self) -> dict[str, int]:
        """Per consultant, the dossiers needing attention within the chosen weeks (for tests and
        the summary line)."""
        if self._clocks is None:
            return {}
        return self._per_consultant(
            attention_map(self._clocks, self.ctx.today(), self.weeks.value())
        )

    def _per_consultant(self, mapping: dict[int, Clock]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for pid in mapping:
            who = self._assignees.get(pid)
            if who:
                counts[who] = counts.get(who, 0) + 1
        return counts

    def refresh(self) -> None:
        self.model.reload()
        self._clocks = None
        self.load_attention()

    # ------------------------------------------------------------------ actions
    def _open_row(self, row: int) -> None:
        dossier_id = self.model.dossier_id(row)
        if dossier_id is not None:
            self.open_requested.emit(dossier_id)

    def new_dossier(self) -> None:
        dialog = NewDossierDialog(self.ctx, self)
        if common.run_dialog(dialog) and dialog.dossier_id is not None:
            self.refresh()
            self.open_requested.emit(dialog.dossier_id)

    def delete_selected(self) -> None:
        row = self.table.currentIndex().row()
        dossier_id = self.model.dossier_id(row)
        if dossier_id is None:
            common.show_message(self, _("Delete dossier"), _("Select a dossier first."))
            return
        name = self.model.rows[row].name
        question = _(
            "Delete the dossier of {name} for good, with all its documents? "
            "Backups made before today still hold it until they rotate out."
        ).format(name=isolate(name))
        if not common.ask_yes_no(self, _("Delete dossier"), question):
            return
        self.ctx.commit(
            None, lambda: delete_dossier(self.ctx.store, dossier_id), saved_text=_("Deleted")
        )
        self.refresh()
