"""The PIP: the current beschikking, the dynamic ontwikkelplan (afspraken), earlier versions and
what changed between two of them (DOMAIN.md §6). Only Wi2021 dossiers have a PIP."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import models as m
from core.i18n import N_, _, format_date
from core.labels import label
from core.models import enums as e
from core.rules.duo_validation import ERROR
from core.services.pip import diff_versions, sign_version, stored_pip_findings
from gui import style
from gui.views.pip_dialog import NewPipVersionDialog
from gui.views.pip_fields import BESCHIKKING, field_label, show_value
from gui.views.section_base import SectionView
from gui.widgets.form import MULTILINE, specs_for
from gui.widgets.panel import WARN_STYLE, note_label
from gui.widgets.record_table import Column

AFSPRAAK = specs_for(m.Afspraak)
MANDATORY_WARNING = N_(
    "This agreement changes what the beschikking says. The ontwikkelplan may change freely, "
    "but the leerroute, level, MAP, PVT and KNM only change with a new PIP version."
)


def _version_text(v: Any) -> str:
    return _("Version {n} of {date}").format(n=v.version_no, date=format_date(v.dagtekening))


class PipView(SectionView):
    key = "pip"
    icon_name = "pip"
    participant_visible = True
    regimes = ("Wi2021",)

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: NewPipVersionDialog | None = None
        # The current beschikking (read-only: changing it means a new version).
        self.current_box = QGroupBox(self.page.inner)
        box = QVBoxLayout(self.current_box)
        self.current_summary = note_label(self.current_box)
        self.current_grid = QGridLayout()
        self.current_grid.setColumnStretch(1, 1)
        self.current_grid.setColumnStretch(3, 1)
        self._value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        short = [s for s in BESCHIKKING if s.kind != MULTILINE]
        long = [s for s in BESCHIKKING if s.kind == MULTILINE]
        half = -(-len(short) // 2)
        for i, spec in enumerate(short):
            col, row = divmod(i, half)
            self._add_value(spec.name, row, col * 2)
        for i, spec in enumerate(long):
            self._add_value(spec.name, half + i, 0, span=3)
        buttons = QHBoxLayout()
        self.new_version_button = QPushButton(self.current_box)
        self.new_version_button.clicked.connect(self.new_version)
        self.sign_person_button = QPushButton(self.current_box)
        self.sign_person_button.clicked.connect(lambda: self.sign("person"))
        self.sign_gemeente_button = QPushButton(self.current_box)
        self.sign_gemeente_button.clicked.connect(lambda: self.sign("gemeente"))
        buttons.addWidget(self.sign_person_button)
        buttons.addWidget(self.sign_gemeente_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_version_button)
        box.addWidget(self.current_summary)
        # What the PIP gate says of the stored version (e.g. one restored from an old backup)
        self.findings_note = note_label(self.current_box, WARN_STYLE)
        self.findings_note.setObjectName("pip_findings")
        box.addWidget(self.findings_note)
        box.addLayout(self.current_grid)
        box.addLayout(buttons)
        self.page.add(self.current_box)

        # The ontwikkelplan.
        self.mandatory_warning = note_label(self.page.inner, WARN_STYLE)
        self.page.add(self.mandatory_warning)
        self.afspraken = self.add_table(
            "afspraak",
            N_("Ontwikkelplan: agreements"),
            AFSPRAAK,
            (
                Column(
                    N_("Agreement"),
                    lambda r: r.text,
                    colour=lambda r: "warning" if r.touches_mandatory_part else None,
                ),
                Column(N_("Who"), lambda r: r.owner, lambda v: label(e.AfspraakOwner, v)),
                Column(N_("Term"), lambda r: r.term, lambda v: label(e.AfspraakTerm, v)),
                Column(N_("Due date"), lambda r: r.due_date),
                Column(N_("Status"), lambda r: r.status, lambda v: label(e.AfspraakStatus, v)),
            ),
            lambda p: p.afspraken,
            noun=N_("agreement"),
            defaults=lambda: {"owner": "deelnemer", "term": "kort", "status": "open"},
        )
        self.afspraken.dialog_opened.connect(self._watch_afspraak_dialog)

        # Earlier versions and the diff.
        self.versions_box = QGroupBox(self.page.inner)
        vbox = QVBoxLayout(self.versions_box)
        pick = QHBoxLayout()
        self.compare_label = QLabel(self.versions_box)
        self.old_combo = QComboBox(self.versions_box)
        self.and_label = QLabel(self.versions_box)
        self.new_combo = QComboBox(self.versions_box)
        for combo in (self.old_combo, self.new_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.old_combo.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.new_combo.currentIndexChanged.connect(lambda _i: self.show_diff())
        pick.addWidget(self.compare_label)
        pick.addWidget(self.old_combo, 1)
        pick.addWidget(self.and_label)
        pick.addWidget(self.new_combo, 1)
        self.versions_list = note_label(self.versions_box)
        self.diff_table = QTableWidget(0, 3, self.versions_box)
        self.diff_table.verticalHeader().hide()
        self.diff_table.horizontalHeader().setStretchLastSection(True)
        self.diff_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.diff_table.setWordWrap(True)
        self.diff_table.setMinimumHeight(120)
        self.diff_table.setMaximumHeight(320)
        vbox.addWidget(self.versions_list)
        vbox.addLayout(pick)
        vbox.addWidget(self.diff_table)
        self.page.add(self.versions_box)
        self.page.finish()
        self.retranslate_ui()

    def _add_value(self, name: str, row: int, col: int, span: int = 1) -> None:
        name_label = QLabel(self.current_box)
        name_label.setStyleSheet(style.colour_css("muted"))
        name_label.setWordWrap(True)
        value_label = note_label(self.current_box)
        value_label.setObjectName(f"value_{name}")
        self.current_grid.addWidget(name_label, row, col)
        self.current_grid.addWidget(value_label, row, col + 1, 1, span)
        self._value_labels[name] = (name_label, value_label)

    def title(self) -> str:
        return _("PIP")

    # ------------------------------------------------------------------ actions
    def new_version(self) -> NewPipVersionDialog | None:
        if self.person is None:
            return None
        self.dialog = NewPipVersionDialog(self.ctx, self.person, self)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def sign(self, who: str) -> None:
        if self.person is None or not self.person.pip_versions:
            return
        store, pip_id, today = self.ctx.store, self.person.pip_versions[-1].id, self.ctx.today()
        self.commit(lambda: sign_version(store, pip_id, who, today))

    def _watch_afspraak_dialog(self, dialog: Any) -> None:
        form = dialog.form

        def warn(_name: str = "") -> None:
            touches = bool(form.value("touches_mandatory_part"))
            form.set_hint(
                "touches_mandatory_part", _(MANDATORY_WARNING) if touches else "", warning=True
            )

        form.edited.connect(warn)
        warn()

    # ------------------------------------------------------------------ showing
    def refresh(self, person: Any) -> None:
        versions = list(person.pip_versions) if person is not None else []
        current = versions[-1] if versions else None
        for name, (_name_label, value_label) in self._value_labels.items():
            value_label.setText(show_value(name, getattr(current, name)) if current else "—")
        if current is None:
            self.current_summary.setText(_("There is no PIP yet."))
        else:
            signed = [
                _("signed by the person on {date}").format(
                    date=format_date(current.signed_person_date)
                )
                if current.signed_person_date
                else _("not signed by the person yet"),
                _("signed by the gemeente on {date}").format(
                    date=format_date(current.signed_gemeente_date)
                )
                if current.signed_gemeente_date
                else _("not signed by the gemeente yet"),
            ]
            self.current_summary.setText(_version_text(current) + " — " + "; ".join(signed))
        self.sign_person_button.setEnabled(current is not None and not current.signed_person_date)
        self.sign_gemeente_button.setEnabled(
            current is not None and not current.signed_gemeente_date
        )
        findings = stored_pip_findings(person) if person is not None else []
        self.findings_note.setText(
            "\n".join(("⛔ " if f.severity == ERROR else "⚠ ") + f.text() for f in findings)
        )
        self.findings_note.setVisible(bool(findings))
        touching = [
            a
            for a in (person.afspraken if person else [])
            if a.touches_mandatory_part and a.status != "vervallen"
        ]
        self.mandatory_warning.setText(
            "⚠ " + _(MANDATORY_WARNING) + "\n" + "\n".join("• " + a.text for a in touching)
            if touching
            else ""
        )
        self.mandatory_warning.setVisible(bool(touching))
        self.versions_list.setText(
            "\n".join(f"{_version_text(v)} — {v.reason or '—'}" for v in reversed(versions))
            or _("No versions yet.")
        )
        grew = len(versions) != getattr(self, "_version_count", None)
        self._version_count = len(versions)
        for combo, default in (
            (self.old_combo, len(versions) - 2),
            (self.new_combo, len(versions) - 1),
        ):
            keep = None if grew else combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if combo is self.old_combo:
                combo.addItem(_("(nothing: the first version)"), None)
            for v in versions:
                combo.addItem(_version_text(v), v.id)
            index = combo.findData(keep) if keep is not None else -1
            if index < 0:
                target = versions[default].id if 0 <= default < len(versions) else None
                index = max(0, combo.findData(target))
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.show_diff()

    def show_diff(self) -> list[Any]:
        versions = {v.id: v for v in (self.person.pip_versions if self.person else [])}
        new = versions.get(self.new_combo.currentData())
        old = versions.get(self.old_combo.currentData())
        changes = diff_versions(old, new) if new is not None else []
        self.diff_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            for col, text in enumerate(
                (
                    field_label(change.field),
                    show_value(change.field, change.old),
                    show_value(change.field, change.new),
                )
            ):
                self.diff_table.setItem(row, col, QTableWidgetItem(text))
        self.diff_table.resizeColumnsToContents()
        self.diff_table.resizeRowsToContents()
        return changes

    def apply_mode(self) -> None:
        super().apply_mode()
        consultant = self.ctx.consultant_mode
        self.new_version_button.setVisible(consultant)
        self.sign_gemeente_button.setVisible(consultant)
        self.versions_box.setVisible(True)

    def retranslate_ui(self) -> None:
        self.current_box.setTitle(_("The current beschikking"))
        for name, (name_label, _value) in self._value_labels.items():
            name_label.setText(field_label(name))
        self.new_version_button.setText(_("Make a new version…"))
        self.sign_person_button.setText(_("Signed by the person today"))
        self.sign_gemeente_button.setText(_("Signed by the gemeente today"))
        self.versions_box.setTitle(_("Earlier versions and what changed"))
        self.compare_label.setText(_("Compare"))
        self.and_label.setText(_("with"))
        self.diff_table.setHorizontalHeaderLabels([_("Part"), _("Before"), _("After")])
        self.old_combo.setAccessibleName(_("Older version to compare"))
        self.new_combo.setAccessibleName(_("Newer version to compare"))
        super().retranslate_ui()
