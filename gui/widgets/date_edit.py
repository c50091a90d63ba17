"""A date field that may be empty and keeps whatever was typed.

QDateEdit cannot be empty and silently corrects bad input; a person typing "31-02-2025" must see
a message next to the field instead, with their text still there. So this is a line edit that
understands ISO (2025-03-15) and day-month-year (15-03-2025, 15/3/2025), plus a calendar button.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from core.i18n import _
from core.rules.digits import ascii_digits

_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$", re.ASCII)


def parse_date(text: str) -> dt.date | str | None:
    """None for empty, a date when it parses, otherwise the text itself (the service then
    explains what is wrong, next to the field)."""
    text = ascii_digits(text.strip())  # Arabic-Indic and Persian digits as typed
    if not text:
        return None
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


class _DateLine(QLineEdit):
    """Never narrower than a full date in the current font (participant mode uses a larger one)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("0000-00-00") + 16, hint.height())


class DateEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = _DateLine(self)
        self.line.setMaxLength(10)
        self.button = QToolButton(self)
        self.button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        menu.aboutToShow.connect(self._sync_calendar)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(lambda _t: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.line.setPlaceholderText(_("YYYY-MM-DD"))
        self.button.setToolTip(_("Pick a date from the calendar"))
        self.button.setAccessibleName(_("Pick a date from the calendar"))

    def _sync_calendar(self) -> None:
        value = parse_date(self.line.text())
        if isinstance(value, dt.date):
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()
        self.changed.emit()

    def set_date(self, value: dt.date | None) -> None:
        self.line.setText(value.isoformat() if value else "")

    def value(self) -> dt.date | str | None:
        return parse_date(self.line.text())

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)
