"""First start and unlocking: choose the language and the mode, set a passphrase (twice) or unlock
the existing database (three tries), and offer the demo dossier.

The dialog opens the database itself, so a wrong passphrase or a passphrase that breaks the rules
is shown next to the field and nothing typed is lost. ``self.db`` holds the open database after
``accept()``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.errors import StorageError, ValidationError, WrongPassphraseError
from core.i18n import _, ngettext
from core.session import check_new_passphrase, open_database
from gui import style
from gui.dialogs import common

if TYPE_CHECKING:
    from core.db import Database
    from core.settings import Settings

log = logging.getLogger(__name__)
MAX_TRIES = 3
CREATE, UNLOCK, PLAIN = "create", "unlock", "plain"  # what the database needs


class FirstStartDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        db_path: Path,
        need: str,
        *,
        setup: bool = True,
        kdf_iter: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path
        self.need = need
        self.setup = setup
        self.kdf_iter = kdf_iter
        self.tries_left = MAX_TRIES
        self.db: Database | None = None
        self.setObjectName("first_start")
        self.setMinimumWidth(520)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(style.size(1.15))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for lang in i18n.LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.language or i18n.current_language().code))
        )
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_label = QLabel(self)

        self.mode_box = QGroupBox(self)
        self.participant = QRadioButton(self.mode_box)
        self.participant.setObjectName("mode_participant")
        self.consultant = QRadioButton(self.mode_box)
        self.consultant.setObjectName("mode_consultant")
        group = QButtonGroup(self)
        group.addButton(self.participant)
        group.addButton(self.consultant)
        (self.consultant if settings.mode == "consultant" else self.participant).setChecked(True)
        mode_layout = QVBoxLayout(self.mode_box)
        mode_layout.addWidget(self.participant)
        mode_layout.addWidget(self.consultant)

        # A consultant's team may keep its dossiers on one server (docs/team-server.md): one
        # row, so the dialog still fits a small screen at 150 %
        self.where = QComboBox(self)
        self.where.setObjectName("where")
        self.where.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.where.addItem("", "computer")
        self.where.addItem("", "server")
        consultant_row = QHBoxLayout()
        consultant_row.addWidget(self.consultant)
        consultant_row.addWidget(self.where, 1)  # beside it: the dialog fits a small screen
        mode_layout.removeWidget(self.consultant)
        mode_layout.addLayout(consultant_row)
        self.consultant.toggled.connect(lambda _c: self._update_where())
        self.where.currentIndexChanged.connect(lambda _i: self._update_where())

        self.pass_box = QGroupBox(self)
        self.passphrase = QLineEdit(self.pass_box)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self.pass_box)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_hint = QLabel(self.pass_box)
        self.pass_hint.setWordWrap(True)
        self.error = QLabel(self.pass_box)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(style.colour_css("error") + " font-weight: bold;")
        self.error.hide()
        pass_form = QFormLayout(self.pass_box)
        self.pass_label = QLabel(self.pass_box)
        self.repeat_label = QLabel(self.pass_box)
        pass_form.addRow(self.pass_label, self.passphrase)
        pass_form.addRow(self.repeat_label, self.repeat)
        pass_form.addRow(self.pass_hint)
        pass_form.addRow(self.error)

        self.demo = QCheckBox(self)
        self.demo.setObjectName("demo")
        self.demo.setChecked(False)  # the person's own dossier first; the example when asked

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        lang_form = QFormLayout()
        lang_form.addRow(self.language_label, self.language)
        layout.addLayout(lang_form)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.pass_box)
        layout.addWidget(self.demo)
        layout.addWidget(self.buttons)

        for w in (self.language_label, self.language, self.mode_box, self.demo):
            w.setVisible(setup)
        self.demo.setVisible(setup and need == CREATE)
        self.repeat.setVisible(need == CREATE)
        self.repeat_label.setVisible(need == CREATE)
        self.pass_hint.setVisible(need == CREATE)
        self._update_where()
        self.retranslate_ui()
        (self.passphrase if not setup and need == UNLOCK else self.language).setFocus()

    def on_team_server(self) -> bool:
        return self.setup and self.consultant.isChecked() and self.where.currentData() == "server"

    def _update_where(self) -> None:
        """The storage choice is a consultant's; a team server needs no passphrase here."""
        self.where.setVisible(self.setup and self.consultant.isChecked())
        server = self.on_team_server()
        self.pass_box.setVisible(self.need in (CREATE, UNLOCK) and not server)
        self.demo.setVisible(self.setup and self.need == CREATE and not server)
        if hasattr(self, "buttons"):
            self.retranslate_ui()  # the intro and the button say where the dossiers go
        if self.isVisible():
            common.fit_to_contents(self)

    def _ok_text(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.on_team_server():
            ok.setText(_("Next…"))
        else:
            ok.setText(_("Start") if self.need == CREATE else _("Open"))

    # ------------------------------------------------------------------ texts
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        common.fit_to_contents(self)  # no cut-off lines on a small or scaled screen

    def retranslate_ui(self) -> None:
        rtl = i18n.current_language().rtl
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.setWindowTitle(_("Welcome to Blauwe Map") if self.setup else _("Unlock Blauwe Map"))
        if self.on_team_server():  # not "on this computer": the server keeps them
            intro = _(
                "The dossiers of your team are kept on your organisation's server. Log in with "
                "the user name and password the beheerder gave you."
            )
        elif self.need == CREATE:
            intro = _(
                "Blauwe Map keeps your inburgering dossier on this computer. It is locked with a "
                "passphrase that only you know. Nothing is sent anywhere."
            )
        elif self.need == UNLOCK:
            intro = _("Type your passphrase to open your dossiers.")
        else:
            intro = _("Choose your language and how you will use Blauwe Map.")
        self.intro.setText(intro)
        self.language_label.setText(_("Language"))
        self.language.setAccessibleName(_("Language"))
        self.mode_box.setTitle(_("Who will use this app?"))
        self.participant.setText(_("I keep my own dossier (participant)"))
        self.consultant.setText(_("I help many people (consultant, gemeente, school)"))
        self.pass_box.setTitle(_("Passphrase"))
        self.pass_label.setText(_("Passphrase"))
        self.repeat_label.setText(_("Repeat it"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.repeat.setAccessibleName(_("Repeat the passphrase"))
        self.pass_hint.setText(
            _(
                "At least 8 characters; a short sentence is easy to remember. Write it down "
                "somewhere safe: without it nobody can open the dossiers, not even us."
            )
        )
        self.demo.setText(_("Also add an example dossier (a made-up person; you can delete it)"))
        self.where.setAccessibleName(_("Where are the dossiers kept?"))
        self.where.setItemText(0, _("On this computer (an encrypted file)"))
        self.where.setItemText(1, _("On a team server of my organisation (PostgreSQL)"))
        self._ok_text()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def _language_changed(self) -> None:
        code = self.language.currentData()
        from gui.i18n_qt import switch_language

        switch_language(code)
        self.retranslate_ui()

    # ------------------------------------------------------------------ accepting
    def chosen_mode(self) -> str:
        return "consultant" if self.consultant.isChecked() else "participant"

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_accept(self) -> None:
        self.error.hide()
        if self.on_team_server():
            self._log_in_to_server()
            return
        passphrase = self.passphrase.text() if self.need != PLAIN else None
        if self.need == CREATE:
            assert passphrase is not None
            try:
                check_new_passphrase(passphrase)
            except ValidationError as exc:
                self._fail(str(exc))
                return
            if self.repeat.text() != passphrase:
                self._fail(_("The two passphrases differ. Type the same passphrase twice."))
                self.repeat.clear()
                self.repeat.setFocus()
                return
        try:
            self.db = open_database(self.db_path, passphrase, kdf_iter=self.kdf_iter)
        except WrongPassphraseError:
            self.tries_left -= 1
            self.passphrase.clear()
            self.passphrase.setFocus()
            if self.tries_left <= 0:
                log.info("unlock given up after %d tries", MAX_TRIES)
                self._fail(_("The passphrase was wrong three times. Blauwe Map will close."))
                self.reject()
                return
            self._fail(
                ngettext(
                    "The passphrase is wrong. You can try {n} more time.",
                    "The passphrase is wrong. You can try {n} more times.",
                    self.tries_left,
                ).format(n=self.tries_left)
            )
            return
        except StorageError as exc:
            from gui.dialogs.recover import offer_newest_backup

            self.db = offer_newest_backup(self, exc, self.db_path, passphrase, self.kdf_iter)
            if self.db is None:
                self._fail(str(exc))
                return
        if self.setup:
            self.settings.language = self.language.currentData()
            self.settings.mode = self.chosen_mode()
            self.settings.demo_offered = True
        self.accept()

    def _log_in_to_server(self) -> None:
        from gui.dialogs.server_login import ServerLoginDialog

        login = ServerLoginDialog(self.settings, offer_local=False, parent=self)
        if not login.exec() or login.db is None:
            return  # back to the choice; nothing chosen is lost
        self.db = login.db
        self.settings.language = self.language.currentData()
        self.settings.mode = "consultant"
        self.settings.demo_offered = True
        self.accept()

    def wants_demo(self) -> bool:
        return self.setup and self.need == CREATE and self.demo.isChecked()
