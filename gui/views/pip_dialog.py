"""The new-version editor of a PIP: starts from the current beschikking, shows DUO's findings as
the person edits, and records a version DUO would reject only when the user confirms that this
is what the gemeente actually decided (``allow_errors``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.domain.facts import dossier_facts
from core.domain.validation import clean
from core.errors import ValidationError
from core.i18n import _
from core.models import PIP_FIELDS
from core.rules.duo_validation import ERROR
from core.services.pip import new_pip_version, pip_verdict
from gui.context import AppContext
from gui.views.pip_fields import BESCHIKKING, VERSION_EXTRA
from gui.widgets.form import ERROR_STYLE, Form
from gui.widgets.panel import WARN_STYLE


class NewPipVersionDialog(QDialog):
    recorded = Signal(int)

    def __init__(self, ctx: AppContext, person: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.current = person.pip_versions[-1] if person.pip_versions else None
        self.findings: list[Any] = []
        self.setModal(True)
        self.resize(820, 760)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = Form((*BESCHIKKING, *VERSION_EXTRA), self, columns=2)
        start = {f: getattr(self.current, f) for f in PIP_FIELDS} if self.current else {}
        if not self.current:
            start["leerroute"] = "B"
        start["dagtekening"] = ctx.today()
        self.form.set_values(start)
        self.form.edited.connect(lambda _n: self.check())
        self.findings_label = QLabel(self)
        self.findings_label.setWordWrap(True)
        self.record_anyway = QCheckBox(self)
        self.record_anyway.hide()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.findings_label)
        layout.addWidget(self.record_anyway)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.check()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New version of the PIP"))
        number = (self.current.version_no + 1) if self.current else 1
        self.intro.setText(
            _(
                "Version {n}. Only a new beschikking may change these parts of the PIP; the "
                "earlier versions stay as they were."
            ).format(n=number)
        )
        self.record_anyway.setText(
            _("DUO would reject this, but the gemeente decided it: record it anyway")
        )
        self.form.retranslate_ui()

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def check(self) -> list[Any]:
        """DUO's findings for what is typed now (the rules only; nothing is stored)."""
        try:
            cleaned = clean(type(self.current) if self.current else _pip_model(), self.values())
        except ValidationError:
            self.findings = []
            self.findings_label.clear()
            return []
        merged = {
            **({f: getattr(self.current, f) for f in PIP_FIELDS} if self.current else {}),
            **cleaned,
        }
        number = (self.current.version_no + 1) if self.current else 1
        try:
            # the one gate every PIP passes (the service and the import call it too)
            self.findings = pip_verdict(merged, dossier_facts(self.person), number)
        except ValidationError:
            return []
        errors = [f for f in self.findings if f.severity == ERROR]
        lines = [("⛔ " if f.severity == ERROR else "⚠ ") + f.text() for f in self.findings]
        self.findings_label.setText("\n".join(lines))
        self.findings_label.setStyleSheet(ERROR_STYLE if errors else WARN_STYLE)
        self.record_anyway.setVisible(bool(errors))
        if not errors:
            self.record_anyway.setChecked(False)
        return self.findings

    def save(self) -> None:
        values = self.values()
        store, pid = self.ctx.store, self.person.id
        allow = self.record_anyway.isChecked()
        try:
            new_id, _findings = self.ctx.commit(
                pid,
                lambda: new_pip_version(store, pid, values, allow_errors=allow),
                saved_text=_("Saved"),
            )
        except ValidationError as exc:
            orphans = self.form.show_errors(exc.errors, str(exc))
            self.check()
            text = "\n".join(orphans) or str(exc)
            if self.record_anyway.isVisible() and not allow:
                text += "\n" + _("Tick the box above to record it anyway.")
            self.message.setText(text)
            self.message.show()
            return
        self.recorded.emit(int(new_id))
        self.accept()


def _pip_model() -> type:
    from core.models import PipVersion

    return PipVersion
