"""Exams: the status per onderdeel (passed, attempts, free attempts left), planning, registering
and results, with a warning when the 6-week registration lead time runs out and when a planned
level is below the PIP level (DOMAIN.md §3, §7)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import models as m
from core.domain.facts import dossier_facts
from core.i18n import N_, _, format_date, format_duration_days, isolate, ngettext
from core.labels import label
from core.models import enums as e
from core.rules.clocks import exam_registration_deadline
from core.rules.exams import exam_status, level_at_least, required_levels
from core.rules.facts import ExamFacts
from core.services.records import update_record
from gui import style
from gui.views.section_base import SectionView
from gui.widgets.form import (
    specs_for,
)
from gui.widgets.panel import ERROR_STYLE, WARN_STYLE, note_label
from gui.widgets.record_table import BASE, Column

SOON_DAYS = 14  # warn this long before the registration deadline


def _registration_deadline(attempt: Any) -> Any:
    return exam_registration_deadline(
        ExamFacts(onderdeel=attempt.onderdeel, planned_date=attempt.planned_date)
    )


class ExamsView(SectionView):
    key = "exams"
    icon_name = "exams"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.status_box = QGroupBox(self.page.inner)
        box = QVBoxLayout(self.status_box)
        self.status_table = QTableWidget(0, 7, self.status_box)
        self.status_table.verticalHeader().hide()
        self.status_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.status_table.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.status_table)
        self.costs_note = note_label(self.status_box)
        self.costs_note.setObjectName("exam_costs_note")
        box.addWidget(self.costs_note)
        self.page.add(self.status_box)
        self.warnings = note_label(self.page.inner)
        self.page.add(self.warnings)
        specs = specs_for(m.ExamAttempt, options={"document_id": self._document_options})
        self.attempts = self.add_table(
            "exam",
            N_("Exams planned and taken"),
            specs,
            (
                Column(N_("Part"), lambda r: r.onderdeel, lambda v: label(e.Onderdeel, v)),
                Column(N_("Level"), lambda r: r.niveau),
                Column(N_("Exam date"), lambda r: r.planned_date),
                Column(
                    N_("Registered on"),
                    lambda r: r.registration_date,
                    colour=lambda r: "error" if self._registration_late(r) else None,
                ),
                Column(N_("Attempt"), lambda r: r.attempt_no),
                Column(N_("Free"), lambda r: r.free_attempt),
                Column(
                    N_("Result"),
                    lambda r: r.resultaat,
                    lambda v: label(e.ExamResultaat, v) if v else _("Not yet"),
                    colour=lambda r: {
                        "Geslaagd": "ok",
                        "Gezakt": "error",
                    }.get(r.resultaat or ""),
                ),
                Column(
                    N_("Reason"),
                    lambda r: r.reden_geen_resultaat,
                    lambda v: label(e.RedenGeenResultaat, v),
                ),
            ),
            lambda p: p.exams,
            noun=N_("exam"),
            defaults=self._defaults,
        )
        row = QHBoxLayout()
        self.register_button = QPushButton(self.page.inner)
        self.register_button.clicked.connect(self.register_selected)
        self.result_button = QPushButton(self.page.inner)
        self.result_button.clicked.connect(self.attempts.edit_selected)
        row.addStretch(1)
        row.addWidget(self.register_button)
        row.addWidget(self.result_button)
        self.page.column.addLayout(row)
        self.page.finish()
        self.retranslate_ui()

    def title(self) -> str:
        return _("Exams")

    # ------------------------------------------------------------------ helpers
    def _document_options(self) -> list[tuple[Any, str]]:
        return [(d.id, d.title) for d in (self.person.documents if self.person else [])]

    def _defaults(self) -> dict[str, Any]:
        levels = required_levels(dossier_facts(self.person)) if self.person else {}
        return {"onderdeel": "KNM", "niveau": levels.get("KNM")}

    def _registration_late(self, attempt: Any) -> bool:
        deadline = _registration_deadline(attempt)
        return bool(
            deadline
            and attempt.registration_date is None
            and attempt.resultaat is None
            and self.ctx.today() > deadline
        )

    def register_selected(self) -> None:
        """Record that the selected exam was registered today."""
        attempt = self.attempts.selected()
        if attempt is None:
            return
        store, today = self.ctx.store, self.ctx.today()
        self.commit(lambda: update_record(store, "exam", attempt.id, {"registration_date": today}))

    # ------------------------------------------------------------------ showing
    def refresh(self, person: Any) -> None:
        if person is None:
            self.status_table.setRowCount(0)
            self.warnings.clear()
            return
        today = self.ctx.today()
        facts = dossier_facts(person, include_hours=False)
        statuses = exam_status(facts, today)
        self.status_table.setRowCount(len(statuses))
        for row, st in enumerate(statuses):
            if st.exempt:
                state = _("Exempted")
            elif st.passed:
                state = "✓ " + _("Passed") + (f" ({st.passed_level})" if st.passed_level else "")
            else:
                state = _("Not passed yet")
            cells = (
                label(e.Onderdeel, st.onderdeel),
                st.required_level or "—",
                state,
                str(st.attempts),
                str(st.free_left) if st.free_left is not None else _("Pays own exams"),
                label(e.ExamResultaat, st.last_result) if st.last_result else "—",
                format_date(st.next_planned) if st.next_planned else "—",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(
                        style.readable("ok" if st.passed or st.exempt else "muted", BASE)
                    )
                if col == 4 and st.free_left is not None and st.free_left == 0 and not st.passed:
                    item.setForeground(style.readable("error", BASE))
                self.status_table.setItem(row, col, item)
        self.status_table.setFixedHeight(
            self.status_table.horizontalHeader().sizeHint().height()
            + self.status_table.verticalHeader().defaultSectionSize() * max(1, len(statuses))
            + 4
        )
        self._show_warnings(person, facts, today)

    def _show_warnings(self, person: Any, facts: Any, today: Any) -> None:
        levels = required_levels(facts)
        lines, urgent = [], False
        for attempt in person.exams:
            if (
                attempt.resultaat is not None
                or attempt.planned_date is None
                or attempt.planned_date < today
            ):
                continue
            part = isolate(label(e.Onderdeel, attempt.onderdeel))
            deadline = _registration_deadline(attempt)
            if attempt.registration_date is None and deadline is not None:
                days = (deadline - today).days
                if days < 0:
                    urgent = True
                    lines.append(
                        "⛔ "
                        + _(
                            "{part} on {date}: the 6-week registration time has passed. Register at once "
                            "or choose a later exam date."
                        ).format(part=part, date=isolate(format_date(attempt.planned_date)))
                    )
                elif days <= SOON_DAYS:
                    lines.append(
                        "⚠ "
                        + _("{part} on {date}: register before {deadline} ({left} left).").format(
                            part=part,
                            date=isolate(format_date(attempt.planned_date)),
                            deadline=isolate(format_date(deadline)),
                            left=format_duration_days(days)
                            if days
                            else ngettext("{n} day", "{n} days", 0).format(n=0),
                        )
                    )
            need = levels.get(attempt.onderdeel)
            if need and attempt.niveau and not level_at_least(attempt.niveau, need):
                lines.append(
                    "⚠ "
                    + _("{part} is planned at {level}, below the PIP level {need}.").format(
                        part=part, level=attempt.niveau, need=need
                    )
                )
        self.warnings.setText("\n".join(lines))
        self.warnings.setStyleSheet(ERROR_STYLE if urgent else WARN_STYLE)
        self.warnings.setVisible(bool(lines))

    def apply_mode(self) -> None:
        super().apply_mode()
        for button in (self.register_button, self.result_button):
            button.setMinimumHeight(44 if not self.ctx.consultant_mode else 0)

    def retranslate_ui(self) -> None:
        self.status_box.setTitle(_("Status per exam part"))
        self.status_table.setHorizontalHeaderLabels(
            [
                _("Part"),
                _("Level needed"),
                _("Status"),
                _("Attempts used"),
                _("Free attempts left"),
                _("Last result"),
                _("Next exam"),
            ]
        )
        # Who pays: rules.exams.gemeente_pays_exams (rules.sources.EXAM_COSTS)
        self.costs_note.setText(
            _(
                "Under the Wet inburgering 2021 the gemeente pays the exams of an "
                "asielstatushouder: two free attempts per exam part, whatever the level. "
                "Gezinsmigranten and other migrants pay their own exams, often with a DUO loan."
            )
        )
        self.register_button.setText(_("Registered today"))
        self.register_button.setAccessibleName(_("Mark the selected exam as registered today"))
        self.result_button.setText(_("Record the result…"))
        self.result_button.setAccessibleName(_("Record the result of the selected exam"))
        super().retranslate_ui()
        self.attempts.add_button.setText(_("Plan an exam…"))

    def status_rows(self) -> list[list[str]]:
        table = self.status_table
        return [
            [
                (cell.text() if (cell := table.item(r, c)) else "")
                for c in range(table.columnCount())
            ]
            for r in range(table.rowCount())
        ]
