"""Dossier → Hand over to a colleague… (a team server only): choose a member of your team and
say why; the server checks who may (``blauwemap_hand_over``) and records who, when and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.db import Database
from core.errors import DossierError
from core.i18n import _, isolate
from core.storage import team
from gui import style
from gui.dialogs import common


class HandOverDialog(QDialog):
    def __init__(
        self, db: Database, me: str, dossier_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.me, self.dossier_id, self.name = db, me, dossier_id, name
        self.handed_to: str | None = None
        self.setObjectName("hand_over")
        self.setMinimumWidth(480)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.colleague = QComboBox(self)
        self.colleague.setObjectName("hand_over_to")
        for member in team.colleagues(db, me):
            shown = member.login + (f" ({member.team})" if member.team else "")
            self.colleague.addItem(shown, member.login)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("hand_over_reason")
        self.reason.setMaxLength(500)
        self.colleague_label = QLabel(self)
        self.reason_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.colleague_label, self.colleague)
        form.addRow(self.reason_label, self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(style.colour_css("error") + " font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        if self.colleague.count() == 0:
            self.error.setText(
                _("Your team has no other member to hand a dossier over to. Ask the beheerder.")
            )
            self.error.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def retranslate_ui(self) -> None:
        rtl = i18n.current_language().rtl
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.setWindowTitle(_("Hand over to a colleague"))
        self.intro.setText(
            _(
                "The dossier of {name} moves to the colleague you choose, with everything in it. "
                "The server records who handed it over, when and why. Unless you lead the "
                "team, you no longer see it afterwards."
            ).format(name=isolate(self.name))
        )
        self.colleague_label.setText(_("Colleague"))
        self.colleague.setAccessibleName(_("Colleague"))
        self.reason_label.setText(_("Why"))
        self.reason.setAccessibleName(_("Why"))
        self.reason.setPlaceholderText(_("For example: leave, a new caseload, the language"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Hand over"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        common.fit_to_contents(self)

    def try_accept(self) -> None:
        to = self.colleague.currentData()
        if not to:
            return
        try:
            team.assign(self.db, self.dossier_id, to, self.reason.text().strip() or None)
        except DossierError as exc:  # not in the team, gone meanwhile, connection lost
            self.error.setText(str(exc))
            self.error.show()
            return
        self.handed_to = to
        self.accept()
