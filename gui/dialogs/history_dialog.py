"""Dossier → Who did what…: the dossier's trail, newest first — when, who (on a team server the
login the database wrote), what (field names, never values) and hand-overs with their reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import _, format_datetime, format_number, isolate, ngettext
from core.services.privacy import HistoryLine


class HistoryDialog(QDialog):
    def __init__(self, lines: list[HistoryLine], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.lines = lines
        self.name = name
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(lines), 4, self)
        self.table.setObjectName("history_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, line in enumerate(lines):
            what = line.what
            if line.times > 1:
                what = ngettext("{what} ({n} time)", "{what} ({n} times)", line.times).format(
                    what=what, n=format_number(line.times)
                )
            local = line.at.replace(tzinfo=dt.UTC).astimezone()  # stored in UTC
            cells = (format_datetime(local), line.who, what, line.why)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        rtl = i18n.current_language().rtl
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.setWindowTitle(_("Who did what"))
        self.intro.setText(
            _(
                "Everything done with the dossier of {name}, newest first. The trail names the "
                "fields that changed, never what was in them."
            ).format(name=isolate(self.name))
            if self.lines
            else _("Nothing has been recorded for this dossier yet.")
        )
        self.table.setHorizontalHeaderLabels([_("When"), _("Who"), _("What"), _("Why")])
        self.table.setAccessibleName(_("Who did what"))
