"""The inburgeringstermijn and its verlengingen, financial ontzorging (voor mij → met mij → door
mij) and the preconditions that make taking part possible (DOMAIN.md §3, §10)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel

from core import models as m
from core.domain.facts import dossier_facts
from core.i18n import (
    N_,
    _,
    current_language,
    format_date,
    format_duration_days,
    format_number,
)
from core.labels import label
from core.models import enums as e
from core.rules.clocks import (
    FULFILLED,
    leerroute_change_end,
    ontzorging_end,
    pip_clock_start,
    pip_due_date,
    plicht_closed_by,
    termijn_end,
    termijn_start,
)
from core.services.dossiers import update_person
from gui import style
from gui.views.section_base import SectionView
from gui.widgets.form import (
    specs_for,
)
from gui.widgets.panel import ERROR_STYLE, WARN_STYLE
from gui.widgets.record_table import Column

STEPS = ("voor_mij", "met_mij", "door_mij")


def step_text(step: str | None) -> str:
    """The three steps with the current one marked, so the direction of travel is visible."""
    parts = []
    for code in STEPS:
        mark = "●" if code == step else "○"
        parts.append(f"{mark} {label(e.OntzorgingStep, code)}")
    return (" ← " if current_language().rtl else " → ").join(parts)


class TermijnView(SectionView):
    key = "termijn"
    icon_name = "termijn"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.dates_box = QGroupBox(self.page.inner)
        grid = QGridLayout(self.dates_box)
        self.date_rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, key in enumerate(("pip", "start", "end", "leerroute", "ontzorging")):
            name, value, left = (
                QLabel(self.dates_box),
                QLabel(self.dates_box),
                QLabel(self.dates_box),
            )
            value.setStyleSheet("font-weight: bold;")
            value.setObjectName(f"date_{key}")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(left, row, 2)
            self.date_rows[key] = (name, value, left)
        # Which event the 10-week PIP clock counts from: housing by default, the other on offer.
        self.pip_start = QComboBox(self.dates_box)
        self.pip_start.setObjectName("pip_clock_start")
        self.pip_start.activated.connect(self._pip_start_chosen)
        self.pip_start_label = QLabel(self.dates_box)
        grid.addWidget(self.pip_start_label, len(self.date_rows), 0)
        grid.addWidget(self.pip_start, len(self.date_rows), 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self.page.add(self.dates_box)
        self.verlengingen = self.add_table(
            "verlenging",
            N_("Extensions of the termijn (verlengingen)"),
            specs_for(m.Verlenging, options={"document_id": self._document_options}),
            (
                Column(N_("Requested on"), lambda r: r.requested_date),
                Column(N_("Ground"), lambda r: r.ground),
                Column(N_("Months"), lambda r: r.months),
                Column(N_("Decision"), lambda r: r.decision, lambda v: label(e.Decision, v)),
                Column(N_("Decision date"), lambda r: r.decision_date),
                Column(N_("New end date"), lambda r: r.new_end_date),
                Column(N_("Evidence"), lambda r: self._document_title(r.document_id)),
            ),
            lambda p: p.verlengingen,
            noun=N_("extension"),
            defaults=lambda: {"decision": "aangevraagd", "requested_date": self.ctx.today()},
        )
        self.start_items = self.add_table(
            "start_item",
            N_("First practical steps after housing"),
            specs_for(m.StartItem, options={"document_id": self._document_options}),
            (
                Column(N_("What"), lambda r: r.kind, lambda v: label(e.StartItemKind, v)),
                Column(N_("Status"), lambda r: r.status, lambda v: label(e.StartItemStatus, v)),
                Column(N_("Needed from"), lambda r: r.needed_from),
                Column(N_("Arranged on"), lambda r: r.done_on),
                Column(N_("Who helps"), lambda r: r.helper),
                Column(N_("Evidence"), lambda r: self._document_title(r.document_id)),
            ),
            lambda p: sorted(p.start_items, key=lambda i: (i.status == "geregeld", i.id)),
            noun=N_("practical step"),
            defaults=lambda: {"status": "te_doen"},
        )
        self.besluiten = self.add_table(
            "besluit",
            N_("Decisions, objections and fines (handhaving)"),
            specs_for(m.Besluit, options={"document_id": self._document_options}),
            (
                Column(N_("About"), lambda r: r.subject),
                Column(
                    N_("What was decided"), lambda r: r.kind, lambda v: label(e.BesluitSoort, v)
                ),
                Column(N_("Received on"), lambda r: r.notice_date),
                Column(N_("Objection sent"), lambda r: r.bezwaar_date),
                Column(
                    N_("Outcome of the objection"),
                    lambda r: r.bezwaar_outcome,
                    lambda v: label(e.BezwaarUitkomst, v),
                ),
                Column(N_("Appeal sent"), lambda r: r.beroep_date),
                Column(
                    N_("Fine (euro)"),
                    lambda r: r.amount,
                    lambda v: "—" if v is None else format_number(v, decimals=2),
                ),
                Column(
                    N_("What happened to the fine"),
                    lambda r: r.fine_status,
                    lambda v: label(e.BoeteStatus, v),
                ),
            ),
            lambda p: p.besluiten,
            noun=N_("decision"),
            defaults=lambda: {"authority": "gemeente", "notice_date": self.ctx.today()},
        )
        self.ontzorging = self.add_table(
            "ontzorging",
            N_("Financial relief (ontzorging)"),
            specs_for(m.OntzorgingItem),
            (
                Column(N_("What is paid"), lambda r: r.kind, lambda v: label(e.OntzorgingKind, v)),
                Column(N_("Paid to"), lambda r: r.payee),
                Column(N_("From"), lambda r: r.from_date),
                Column(N_("Until"), lambda r: r.until_date),
                Column(N_("Extended"), lambda r: r.extended),
                Column(N_("Step"), lambda r: r.step, step_text),
            ),
            lambda p: p.ontzorging,
            noun=N_("ontzorging item"),
        )
        self.preconditions = self.add_table(
            "precondition",
            N_("Preconditions (childcare, transport, digital access, timetable)"),
            specs_for(m.Precondition),
            (
                Column(N_("What"), lambda r: r.kind, lambda v: label(e.PreconditionKind, v)),
                Column(
                    N_("Status"),
                    lambda r: r.status,
                    lambda v: label(e.PreconditionStatus, v),
                    colour=lambda r: {
                        "probleem": "error",
                        "geregeld": "ok",
                    }.get(r.status),
                ),
                Column(N_("Needed by"), lambda r: r.due_date),
                Column(N_("Notes"), lambda r: r.notes),
            ),
            lambda p: p.preconditions,
            noun=N_("precondition"),
        )
        self.page.finish()
        self.retranslate_ui()

    def title(self) -> str:
        return _("Termijn and support")

    def _document_options(self) -> list[tuple[Any, str]]:
        return [(d.id, d.title) for d in (self.person.documents if self.person else [])]

    def _document_title(self, doc_id: int | None) -> str | None:
        if doc_id is None or self.person is None:
            return None
        return next((d.title for d in self.person.documents if d.id == doc_id), None)

    def _pip_start_chosen(self, index: int) -> None:
        code = self.pip_start.itemData(index)
        if self.person is None or code == self.person.pip_clock_start:
            return
        store, pid = self.ctx.store, self.person.id
        self.commit(lambda: update_person(store, pid, {"pip_clock_start": code}))

    def _fill_pip_start(self, person: Any) -> None:
        self.pip_start.blockSignals(True)
        self.pip_start.clear()
        for item in e.PipClockStart:
            self.pip_start.addItem(label(e.PipClockStart, item.value), item.value)
        current = person.pip_clock_start if person is not None else "huisvesting"
        self.pip_start.setCurrentIndex(max(0, self.pip_start.findData(current)))
        self.pip_start.setEnabled(person is not None)
        self.pip_start.blockSignals(False)

    def refresh(self, person: Any) -> None:
        facts = dossier_facts(person, include_hours=False) if person is not None else None
        today = self.ctx.today()
        self._fill_pip_start(person)
        closed = plicht_closed_by(facts) if facts else None
        met = closed is not None or (facts is not None and facts.plicht_status in FULFILLED)
        values = {
            "pip": pip_due_date(facts) if facts else None,
            "start": termijn_start(facts) if facts else None,
            "end": termijn_end(facts) if facts else None,
            "leerroute": leerroute_change_end(facts) if facts else None,
            "ontzorging": ontzorging_end(facts) if facts else None,
        }
        for key, (_name, value_label, left_label) in self.date_rows.items():
            day = values[key]
            value_label.setText(format_date(day) if day else _("not known yet"))
            if day is None or key == "start":
                left_label.clear()
                continue
            if key == "pip" and facts is not None:
                start = pip_clock_start(facts)
                left_label.setText(
                    _("10 weeks from {event} on {date}").format(
                        event=label(e.PipClockStart, facts.pip_clock_start),
                        date=format_date(start) if start else "",
                    )
                )
                left_label.setStyleSheet(style.colour_css("muted"))
                continue
            if key == "end" and met:
                # A vrijstelling or ontheffing of the whole plicht ends it: met, never overdue.
                left_label.setText(
                    _("Done: the inburgeringsplicht ended with a granted {what}.").format(
                        what=closed
                    )
                    if closed
                    else _("Done: the inburgeringsplicht is fulfilled.")
                )
                left_label.setStyleSheet(style.colour_css("ok"))
                continue
            days = (day - today).days
            if days < 0:
                left_label.setText(_("passed {time} ago").format(time=format_duration_days(-days)))
                left_label.setStyleSheet(ERROR_STYLE if key == "end" else style.colour_css("muted"))
            else:
                left_label.setText(_("{time} left").format(time=format_duration_days(days)))
                left_label.setStyleSheet(WARN_STYLE if days < 90 else "")

    def retranslate_ui(self) -> None:
        self.dates_box.setTitle(_("The inburgeringstermijn"))
        self.pip_start_label.setText(_("The 10-week PIP clock starts at"))
        if self.person is not None or self.pip_start.count():
            self._fill_pip_start(self.person)
        names = {
            "pip": _("PIP to be set by the gemeente"),
            "start": _("Termijn started on"),
            "end": _("Termijn ends on (extensions included)"),
            "leerroute": _("Last day to change the leerroute"),
            "ontzorging": _("Financial relief ends on"),
        }
        for key, (name, _value, _left) in self.date_rows.items():
            name.setText(names[key])
        super().retranslate_ui()
