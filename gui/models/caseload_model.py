"""A lazy table model over the caseload: rows are fetched a page at a time (canFetchMore /
fetchMore) from ``list_dossiers``, the total comes from ``count_dossiers``; search, filters and
sorting are passed to the service so the database does the work, never the GUI."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.i18n import N_, _, format_date, format_duration_days
from core.labels import label
from core.models import enums as e
from core.rules.clocks import OVERDUE, Clock
from core.services.dossiers import SORTABLE, CaseloadRow, count_dossiers, list_dossiers
from core.services.store import Store
from gui import style

PAGE = 100
Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", N_("Name")),
    ("bsn", N_("BSN")),
    ("v_nummer", N_("V-number")),
    ("gemeente", N_("Gemeente")),
    ("leerroute", N_("Leerroute")),
    ("plicht_status", N_("Status")),
    ("attention", N_("Needs attention")),
    ("assigned_to", N_("Consultant")),  # a team server only: whose dossier it is
)


class CaseloadModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.search = ""
        self.leerroute: str | None = None
        self.status: str | None = None
        self.assigned_to: str | None = None  # a team server: only this consultant's dossiers
        self.only_ids: set[int] | None = None  # "needs attention" filter, from the clocks
        self.attention: dict[int, Clock] = {}  # dossier id → its first clock due soon
        self.today = dt.date.today()
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.rows: list[CaseloadRow] = []
        self.total = 0
        self._all: list[CaseloadRow] | None = None  # only for sorts the query cannot do
        self.reload()

    # ------------------------------------------------------------------ loading
    def set_filters(
        self,
        search: str | None = None,
        leerroute: Any = ...,
        status: Any = ...,
        assigned_to: Any = ...,
    ) -> None:
        if search is not None:
            self.search = search
        if assigned_to is not ...:
            self.assigned_to = assigned_to or None
        if leerroute is not ...:
            self.leerroute = leerroute or None
        if status is not ...:
            self.status = status or None
        self.reload()

    def set_attention(
        self, attention: dict[int, Clock], only: bool, today: dt.date | None = None
    ) -> None:
        self.attention = attention
        self.today = today or dt.date.today()
        self.only_ids = set(attention) if only else None
        self.reload()

    def _filters(self) -> dict[str, Any]:
        return {"leerroute": self.leerroute, "status": self.status, "assigned_to": self.assigned_to}

    def _order(self) -> dict[str, Any]:
        return {
            "order_by": COLUMNS[self.sort_column][0],
            "descending": self.sort_order == Qt.SortOrder.DescendingOrder,
        }

    def _needs_full_list(self) -> bool:
        # The service sorts and pages on every shown column but "needs attention" (computed
        # from the clocks); that column and the attention filter need every row.
        return self.only_ids is not None or COLUMNS[self.sort_column][0] not in SORTABLE

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._all = None
        if self._needs_full_list():
            key = COLUMNS[self.sort_column][0]
            order = self._order() if key in SORTABLE else {}
            rows = list_dossiers(self.store, self.search, **self._filters(), **order)
            if self.only_ids is not None:
                rows = [r for r in rows if r.id in self.only_ids]
            if key not in SORTABLE:
                rows.sort(
                    key=lambda r: (self._sort_value(r, key) == "", self._sort_value(r, key)),
                    reverse=self.sort_order == Qt.SortOrder.DescendingOrder,
                )
            self._all = rows
            self.total = len(rows)
        else:
            self.total = count_dossiers(self.store, self.search, **self._filters())
        self._fetch(PAGE)
        self.endResetModel()

    def _sort_value(self, row: CaseloadRow, key: str) -> str:
        if key == "attention":  # by urgency: the earliest date (overdue first), then the kind
            clock = self.attention.get(row.id)
            return f"{clock.date.isoformat()}|{clock.text()}" if clock and clock.date else ""
        value = getattr(row, key)
        return str(value or "").lower()

    def _fetch(self, n: int) -> list[CaseloadRow]:
        start = len(self.rows)
        if self._all is not None:
            more = self._all[start : start + n]
        else:
            more = list_dossiers(
                self.store,
                self.search,
                limit=n,
                offset=start,
                **self._filters(),
                **self._order(),
            )
        self.rows.extend(more)
        return more

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self.rows)
        count = min(PAGE, self.total - start)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), start, start + count - 1)
        got = self._fetch(count)
        if len(got) < count:  # the database changed underneath; keep the model consistent
            self.total = len(self.rows)
        self.endInsertRows()

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole title where a narrow column cuts it off
        ):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "leerroute":
                return label(e.Leerroute, row.leerroute) if row.leerroute else "—"
            if key == "plicht_status":
                return label(e.PlichtStatus, row.plicht_status)
            if key == "attention":
                return self.attention_text(row.id)
            value = getattr(row, key)
            return value if value else "—"
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.date_of_birth:
            return _("Born {date}").format(date=format_date(row.date_of_birth))
        if role == Qt.ItemDataRole.ForegroundRole and key == "attention":
            clock = self.attention.get(row.id)
            if clock is not None and clock.status == OVERDUE:
                from PySide6.QtGui import QColor

                return QColor(style.readable("error").name())  # only what is overdue is red
        return None

    def attention_text(self, dossier_id: int) -> str:
        """What needs attention and by when: "Register for the KNM exam — by 26 Dec 2026 (in 3
        weeks)", or "— overdue since …"; empty when nothing is due soon."""
        clock = self.attention.get(dossier_id)
        if clock is None or clock.date is None:
            return ""
        date = format_date(clock.date)
        if clock.status == OVERDUE:
            return _("{what} — overdue since {date}").format(what=clock.text(), date=date)
        days = (clock.date - self.today).days
        if days <= 0:
            return _("{what} — today").format(what=clock.text())
        return _("{what} — by {date} (in {span})").format(
            what=clock.text(), date=date, span=format_duration_days(days)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order):
            return  # already in this order (Qt sorts again when sorting is switched on)
        self.sort_column = column
        self.sort_order = order
        self.reload()

    def dossier_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
