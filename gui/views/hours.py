"""Hours: a quick-entry row (Enter adds, category and provider stay for the next one), the list
of entries, totals per category and per ISO week, verzuim, evidence, and providers with their
Blik op Werk keurmerk (DOMAIN.md §8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import models as m
from core.domain.facts import dossier_facts, keurmerk_valid
from core.errors import ValidationError
from core.i18n import N_, _, format_date, format_hours
from core.labels import choices, label
from core.models import enums as e
from core.rules.requirements import (
    hours_by_category,
    hours_per_week,
    hours_without_keurmerk,
    is_present,
)
from core.services.records import add_provider, add_record, list_providers
from gui.views.section_base import SectionView
from gui.widgets.date_edit import DateEdit
from gui.widgets.form import (
    specs_for,
)
from gui.widgets.panel import ERROR_STYLE, OK_STYLE, note_label
from gui.widgets.record_table import Column, RecordDialog

PROVIDER = specs_for(m.Provider)
WEEKS_SHOWN = 12


class HoursView(SectionView):
    key = "hours"
    icon_name = "hours"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.providers: list[Any] = []
        self.provider_dialog: RecordDialog | None = None
        self._build_quick_entry()
        specs = specs_for(
            m.HourEntry,
            options={"provider_id": self._provider_options, "document_id": self._document_options},
        )
        self.entries = self.add_table(
            "hour",
            N_("All entries"),
            specs,
            (
                Column(N_("Date"), lambda r: r.date),
                Column(N_("Hours"), lambda r: r.hours, lambda v: format_hours(v)),
                Column(
                    N_("Kind of hours"), lambda r: r.category, lambda v: label(e.HourCategory, v)
                ),
                Column(
                    N_("Attendance"),
                    lambda r: r.attendance,
                    lambda v: label(e.Attendance, v),
                    colour=lambda r: None if is_present(r.attendance) else "error",
                ),
                Column(N_("School or provider"), lambda r: r.provider.name if r.provider else None),
                Column(N_("Evidence"), lambda r: self._document_title(r.document_id)),
            ),
            lambda p: sorted(p.hours, key=lambda h: (h.date, h.id), reverse=True),
            noun=N_("hours entry"),
        )
        self.entries.max_rows = 14
        self.entries.dialog_opened.connect(lambda d: d.form.refresh_options())
        self._build_totals()
        self._build_providers()
        self.page.finish()
        self.retranslate_ui()

    # ------------------------------------------------------------------ building
    def _build_quick_entry(self) -> None:
        box = QGroupBox(self.page.inner)
        self.quick_box = box
        grid = QGridLayout(box)
        self.q_date = DateEdit(box)
        self.q_hours = QLineEdit(box)
        self.q_hours.setMinimumWidth(70)
        self.q_category = QComboBox(box)
        self.q_provider = QComboBox(box)
        self.q_attendance = QComboBox(box)
        for combo in (self.q_category, self.q_provider, self.q_attendance):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.q_add = QPushButton(box)
        self.q_add.setDefault(True)
        self.q_labels = [QLabel(box) for _i in range(5)]
        editors = (self.q_date, self.q_hours, self.q_category, self.q_provider, self.q_attendance)
        for col, (lab, editor) in enumerate(zip(self.q_labels, editors, strict=True)):
            lab.setBuddy(editor)
            grid.addWidget(lab, 0, col)
            grid.addWidget(editor, 1, col)
        grid.addWidget(self.q_add, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 3)
        grid.setColumnStretch(4, 2)
        self.q_error = QLabel(box)
        self.q_error.setStyleSheet(ERROR_STYLE)
        self.q_error.setWordWrap(True)
        self.q_status = QLabel(box)
        self.q_error.hide()
        self.q_status.hide()
        grid.addWidget(self.q_error, 2, 0, 1, 6)
        grid.addWidget(self.q_status, 3, 0, 1, 6)
        self.q_add.clicked.connect(self.quick_add)
        self.q_hours.returnPressed.connect(self.quick_add)
        self.q_date.line.returnPressed.connect(self.quick_add)
        self.q_date.set_date(self.ctx.today())
        self.page.add(box)

    def _build_totals(self) -> None:
        box = QGroupBox(self.page.inner)
        self.totals_box = box
        row = QHBoxLayout(box)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.category_label = QLabel(box)
        self.category_table = QTableWidget(0, 2, box)
        self.week_label = QLabel(box)
        self.week_table = QTableWidget(0, 3, box)
        for table in (self.category_table, self.week_table):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setMinimumHeight(200)
        self.verzuim_label = note_label(box)
        left.addWidget(self.category_label)
        left.addWidget(self.category_table)
        left.addWidget(self.verzuim_label)
        right.addWidget(self.week_label)
        right.addWidget(self.week_table)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self.page.add(box)

    def _build_providers(self) -> None:
        box = QGroupBox(self.page.inner)
        self.providers_box = box
        layout = QVBoxLayout(box)
        self.provider_table = QTableWidget(0, 4, box)
        self.provider_table.verticalHeader().hide()
        self.provider_table.horizontalHeader().setStretchLastSection(True)
        self.provider_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.provider_table.setMaximumHeight(160)
        self.provider_button = QPushButton(box)
        self.provider_button.clicked.connect(self.add_provider)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.provider_button)
        layout.addWidget(self.provider_table)
        layout.addLayout(buttons)
        self.page.add(box)

    # ------------------------------------------------------------------ options
    def _provider_options(self) -> list[tuple[Any, str]]:
        return [(p.id, p.name) for p in self.providers]

    def _document_options(self) -> list[tuple[Any, str]]:
        docs = self.person.documents if self.person is not None else []
        return [(d.id, d.title) for d in docs]

    def _document_title(self, doc_id: int | None) -> str | None:
        if doc_id is None or self.person is None:
            return None
        return next((d.title for d in self.person.documents if d.id == doc_id), None)

    def _fill_quick_combos(self) -> None:
        for combo, items in (
            (self.q_category, choices(e.HourCategory)),
            (self.q_attendance, choices(e.Attendance)),
            (self.q_provider, [(None, "—"), *self._provider_options()]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in items:
                combo.addItem(text, value)
            index = combo.findData(keep)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        person_id = self.person.id if self.person is not None else None
        first_time, self._quick_for = person_id != getattr(self, "_quick_for", None), person_id
        if first_time and self.person is not None and self.person.hours:
            last = max(self.person.hours, key=lambda h: (h.date, h.id))
            self.q_category.setCurrentIndex(max(0, self.q_category.findData(last.category)))

    # ------------------------------------------------------------------ actions
    def quick_add(self) -> bool:
        if self.person is None:
            return False
        values = {
            "date": self.q_date.value(),
            "hours": self.q_hours.text().strip(),
            "category": self.q_category.currentData(),
            "attendance": self.q_attendance.currentData(),
            "provider_id": self.q_provider.currentData(),
        }
        store, pid = self.ctx.store, self.person.id
        try:
            self.commit(lambda: add_record(store, pid, "hour", values))
        except ValidationError as exc:
            self.q_error.setText("\n".join(exc.errors.values()) or str(exc))
            self.q_error.show()
            self.q_status.hide()
            (self.q_date if "date" in exc.errors else self.q_hours).setFocus()
            return False
        self.q_error.clear()
        self.q_error.hide()
        self.q_status.show()
        self.q_status.setStyleSheet(OK_STYLE)
        self.q_status.setText(
            "✓ "
            + _("Added: {hours} on {date}.").format(
                hours=format_hours(float(str(values["hours"]).replace(",", "."))),
                date=format_date(values["date"]) if isinstance(values["date"], dt.date) else "",
            )
        )
        self.q_hours.clear()
        self.q_hours.setFocus()
        return True

    def add_provider(self) -> RecordDialog | None:
        if self.person is None:
            return None
        dialog = _ProviderDialog(self.ctx, self.person.id, PROVIDER, self)
        dialog.saved.connect(lambda _id: self._reload_providers())
        dialog.finished.connect(dialog.deleteLater)
        self.provider_dialog = dialog
        dialog.open()
        return dialog

    def _reload_providers(self) -> None:
        self.providers = list_providers(self.ctx.store)
        self._fill_quick_combos()
        self._fill_provider_table()

    # ------------------------------------------------------------------ showing
    def refresh(self, person: Any) -> None:
        self.providers = list_providers(self.ctx.store)
        self._fill_quick_combos()
        self._fill_provider_table()
        self._fill_totals(person)

    def _fill_totals(self, person: Any) -> None:
        if person is None:
            self.category_table.setRowCount(0)
            self.week_table.setRowCount(0)
            return
        facts = dossier_facts(person)
        totals = hours_by_category(facts.hours)
        cats = [(code, text) for code, text in choices(e.HourCategory) if code in totals]
        self.category_table.setRowCount(len(cats))
        for row, (code, text) in enumerate(cats):
            self.category_table.setItem(row, 0, QTableWidgetItem(text))
            self.category_table.setItem(row, 1, _number_item(format_hours(totals[code])))
        allowed = totals.get("verzuim_geoorloofd", 0.0)
        unallowed = totals.get("verzuim_ongeoorloofd", 0.0)
        not_counted = hours_without_keurmerk(facts.hours)
        lines = [
            _("Absent with permission: {hours}").format(hours=format_hours(allowed)),
            _("Absent without permission: {hours}").format(hours=format_hours(unallowed)),
        ]
        if not_counted:
            lines.append(
                _(
                    "Not counted (the provider had no Blik op Werk quality mark then): {hours}"
                ).format(hours=format_hours(not_counted))
            )
        self.verzuim_label.setText("\n".join(lines))
        self.verzuim_label.setStyleSheet(ERROR_STYLE if unallowed else "")
        weeks = hours_per_week(facts.hours)
        shown = sorted(weeks, reverse=True)[:WEEKS_SHOWN]
        self.week_table.setRowCount(len(shown))
        for row, key in enumerate(shown):
            monday = dt.date.fromisocalendar(key[0], key[1], 1)
            self.week_table.setItem(
                row,
                0,
                QTableWidgetItem(
                    _("Week {week} ({date})").format(week=key[1], date=format_date(monday))
                ),
            )
            self.week_table.setItem(row, 1, _number_item(format_hours(weeks[key][0])))
            self.week_table.setItem(row, 2, _number_item(format_hours(weeks[key][1])))
        for table in (self.category_table, self.week_table):
            for col in range(1, table.columnCount()):
                table.resizeColumnToContents(col)

    def _fill_provider_table(self) -> None:
        today = self.ctx.today()
        self.provider_table.setRowCount(len(self.providers))
        for row, p in enumerate(self.providers):
            valid = keurmerk_valid(p, today)
            until = format_date(p.keurmerk_until) if p.keurmerk_until else "—"
            status = ("✓ " if valid else "✗ ") + label(e.Keurmerk, p.keurmerk)
            item = QTableWidgetItem(status)
            item.setForeground(Qt.GlobalColor.darkGreen if valid else Qt.GlobalColor.darkRed)
            for col, cell in enumerate(
                (
                    QTableWidgetItem(p.name),
                    QTableWidgetItem(p.city or "—"),
                    item,
                    QTableWidgetItem(until),
                )
            ):
                self.provider_table.setItem(row, col, cell)
        self.provider_table.resizeColumnsToContents()

    def apply_mode(self) -> None:
        super().apply_mode()
        participant = not self.ctx.consultant_mode
        for widget in (
            self.q_add,
            self.q_hours,
            self.q_category,
            self.q_provider,
            self.q_attendance,
        ):
            widget.setMinimumHeight(40 if participant else 0)
        self.provider_button.setVisible(not participant)

    def retranslate_ui(self) -> None:
        self.quick_box.setTitle(_("Add hours"))
        for lab, msgid in zip(
            self.q_labels,
            (
                N_("Date"),
                N_("Hours"),
                N_("Kind of hours"),
                N_("School or provider"),
                N_("Attendance"),
            ),
            strict=True,
        ):
            lab.setText(_(msgid))
            lab.buddy().setAccessibleName(_(msgid))
        self.q_date.retranslate_ui()
        self.q_date.line.setAccessibleName(_("Date"))
        self.q_hours.setPlaceholderText(_("e.g. 2,5"))
        self.q_add.setText(_("Add"))
        self.q_add.setAccessibleName(_("Add these hours"))
        self.totals_box.setTitle(_("Totals"))
        self.category_label.setText(_("Per kind of hours"))
        self.week_label.setText(_("Per week (latest {n})").format(n=WEEKS_SHOWN))
        self.category_table.setHorizontalHeaderLabels([_("Kind of hours"), _("Hours")])
        self.week_table.setHorizontalHeaderLabels([_("Week"), _("Present"), _("Absent")])
        self.providers_box.setTitle(_("Schools and providers"))
        self.provider_table.setHorizontalHeaderLabels(
            [_("Name"), _("City"), _("Quality mark today"), _("Until")]
        )
        self.provider_button.setText(_("Add or change a provider…"))
        self._fill_quick_combos()
        super().retranslate_ui()

    def title(self) -> str:
        return _("Hours")


def _number_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class _ProviderDialog(RecordDialog):
    """Providers are shared by all dossiers: saved with add_provider (by name)."""

    def __init__(self, ctx: Any, dossier_id: int, specs: Any, parent: Any) -> None:
        super().__init__(
            ctx,
            dossier_id,
            "provider",
            specs,
            None,
            {"keurmerk": "keurmerk"},
            _("School or provider"),
            parent,
        )

    def save(self) -> None:
        values = self.form.values()
        store = self.ctx.store
        try:
            new_id = self.ctx.commit(
                self.dossier_id, lambda: add_provider(store, values), saved_text=_("Saved")
            )
        except ValidationError as exc:
            orphans = self.form.show_errors(exc.errors, str(exc))
            self.message.setText("\n".join(orphans))
            self.message.setVisible(bool(orphans))
            return
        self.saved.emit(int(new_id))
        self.accept()
