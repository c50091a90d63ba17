"""Settings: language (switches at once), mode, idle lock, consultant name, show Dutch too,
backups (make, list, restore) and changing the passphrase (re-keys the database)."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import i18n, paths
from core.errors import DossierError
from core.i18n import _, format_datetime, format_number
from gui import style
from gui.dialogs import common
from gui.errors import show_exception
from gui.workers import run_in_background

if TYPE_CHECKING:
    from gui.context import AppContext

log = logging.getLogger(__name__)
ERROR_STYLE = style.colour_css("error") + " font-weight: bold;"
OK_STYLE = style.colour_css("ok") + " font-weight: bold;"


class SettingsDialog(QDialog):
    language_chosen = Signal(str)
    mode_chosen = Signal(str)
    restore_requested = Signal(object)  # Path of a backup; the main window reopens the store

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, page: str = "general"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_dialog")
        self.setMinimumWidth(560)
        self.tabs = QTabWidget(self)
        self.general = QWidget(self)
        self.backups = QWidget(self)
        self.security = QWidget(self)
        self.tabs.addTab(self.general, "")
        self.tabs.addTab(self.backups, "")
        self.tabs.addTab(self.security, "")
        self._build_general()
        self._build_backups()
        self._build_security()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.tabs.setCurrentIndex({"general": 0, "backups": 1, "passphrase": 2}.get(page, 0))
        self.retranslate_ui()
        self.refresh_backups()

    # ------------------------------------------------------------------ general
    def _build_general(self) -> None:
        s = self.ctx.settings
        form = QFormLayout(self.general)
        self.language = QComboBox(self.general)
        self.language.setObjectName("language")
        for lang in i18n.LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language().code)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.mode = QComboBox(self.general)
        self.mode.setObjectName("mode")
        self.mode.addItem("", "participant")
        self.mode.addItem("", "consultant")
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode or "participant")))
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.idle = QSpinBox(self.general)
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setValue(s.idle_lock_minutes)
        self.idle.valueChanged.connect(self._idle_changed)
        self.consultant_name = QLineEdit(s.consultant_name, self.general)
        self.consultant_name.setObjectName("consultant_name")
        self.consultant_name.editingFinished.connect(self._name_changed)
        self.dutch_too = QCheckBox(self.general)
        self.dutch_too.setObjectName("show_dutch_too")
        self.dutch_too.setChecked(s.show_dutch_too)
        self.dutch_too.toggled.connect(self._dutch_changed)
        self.labels = {k: QLabel(self.general) for k in ("language", "mode", "idle", "name")}
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["mode"], self.mode)
        form.addRow(self.labels["idle"], self.idle)
        form.addRow(self.labels["name"], self.consultant_name)
        form.addRow("", self.dutch_too)

    def _save(self) -> None:
        try:
            self.ctx.save_settings()
        except OSError:
            log.warning("settings could not be written")

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.language_chosen.emit(code)
        self.retranslate_ui()

    def _mode_changed(self) -> None:
        self.mode_chosen.emit(self.mode.currentData())

    def _idle_changed(self, value: int) -> None:
        self.ctx.settings.idle_lock_minutes = value
        self._save()

    def _name_changed(self) -> None:
        self.ctx.settings.consultant_name = self.consultant_name.text().strip()
        if self.ctx.settings.consultant_name and self.ctx.consultant_mode:
            actor = self.ctx.store.actor
            self.ctx.store.actor = dataclasses.replace(
                actor, name=self.ctx.settings.consultant_name
            )
        self._save()

    def _dutch_changed(self, checked: bool) -> None:
        self.ctx.settings.show_dutch_too = checked
        self._save()

    # ------------------------------------------------------------------ backups
    def _build_backups(self) -> None:
        layout = QVBoxLayout(self.backups)
        self.backup_intro = QLabel(self.backups)
        self.backup_intro.setWordWrap(True)
        self.backup_list = QListWidget(self.backups)
        self.backup_list.setObjectName("backup_list")
        self.backup_status = QLabel(self.backups)
        self.backup_status.setWordWrap(True)
        row = QHBoxLayout()
        self.backup_now = QPushButton(self.backups)
        self.backup_now.setObjectName("backup_now")
        self.restore = QPushButton(self.backups)
        self.restore.setObjectName("restore")
        self.backup_now.clicked.connect(self.make_backup)
        self.restore.clicked.connect(self.restore_selected)
        row.addWidget(self.backup_now)
        row.addWidget(self.restore)
        row.addStretch(1)
        layout.addWidget(self.backup_intro)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.backup_status)
        layout.addLayout(row)

    def refresh_backups(self) -> None:
        from core.services.backup import list_backups

        self.backup_list.clear()
        kinds = {
            "daily": _("daily"),
            "manual": _("made by hand"),
            "migration": _("before an update"),
            "replaced": _("replaced by a restore"),
        }
        for info in list_backups(paths.current().backups):
            size = format_number(round(info.size / 1024)) + " KB"
            text = f"{format_datetime(info.created, 'short')} · {kinds.get(info.reason, info.reason)} · {size}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backup_list.addItem(item)
        self.restore.setEnabled(self.backup_list.count() > 0)

    def make_backup(self) -> None:
        from core.services.backup import make_backup

        db, folder, keep = (
            self.ctx.store.db,
            paths.current().backups,
            self.ctx.settings.backups_keep,
        )
        self.backup_now.setEnabled(False)
        self.backup_status.setStyleSheet("")
        self.backup_status.setText(_("Making a backup…"))

        def done(_path: object) -> None:
            self.backup_now.setEnabled(True)
            self.backup_status.setStyleSheet(OK_STYLE)
            self.backup_status.setText(_("Backup made."))
            self.refresh_backups()

        def failed(exc: BaseException) -> None:
            self.backup_now.setEnabled(True)
            self.backup_status.setText("")
            show_exception(exc, self)

        run_in_background(lambda _p: make_backup(db, folder, keep=keep), done, failed)

    def restore_selected(self) -> None:
        item = self.backup_list.currentItem()
        if item is None:
            common.show_message(self, _("Restore"), _("Choose a backup in the list first."))
            return
        if not common.ask_yes_no(
            self,
            _("Restore"),
            _(
                "Replace the dossiers by this backup? Changes made after it was taken are "
                "kept aside in a copy, so this can be undone."
            ),
        ):
            return
        self.restore_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh_backups()

    # ------------------------------------------------------------------ passphrase
    def _build_security(self) -> None:
        form = QFormLayout(self.security)
        self.current = QLineEdit(self.security)
        self.new = QLineEdit(self.security)
        self.repeat = QLineEdit(self.security)
        for name, edit in (("current", self.current), ("new", self.new), ("repeat", self.repeat)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(f"passphrase_{name}")
        self.pass_labels = [QLabel(self.security) for _i in range(3)]
        form.addRow(self.pass_labels[0], self.current)
        form.addRow(self.pass_labels[1], self.new)
        form.addRow(self.pass_labels[2], self.repeat)
        self.pass_status = QLabel(self.security)
        self.pass_status.setWordWrap(True)
        self.change = QPushButton(self.security)
        self.change.setObjectName("change_passphrase")
        self.change.clicked.connect(self.change_passphrase)
        form.addRow("", self.change)
        form.addRow(self.pass_status)
        self.security.setEnabled(self.ctx.store.db.encrypted)

    def change_passphrase(self) -> None:
        from core.services.passphrase import change_passphrase

        self.pass_status.setStyleSheet(ERROR_STYLE)
        if self.new.text() != self.repeat.text():
            self.pass_status.setText(
                _("The two passphrases differ. Type the same passphrase twice.")
            )
            return
        try:
            change_passphrase(
                self.ctx.store,
                self.new.text(),
                current=self.current.text(),
                backups=paths.current().backups,
                keep=self.ctx.settings.backups_keep,
            )
        except DossierError as exc:  # ValidationError included: the service's own message
            self.pass_status.setText(str(exc))
            return
        lock = getattr(self.parent(), "lock", None)
        if lock is not None:
            lock.passphrase = self.new.text()
        for edit in (self.current, self.new, self.repeat):
            edit.clear()
        self.pass_status.setStyleSheet(OK_STYLE)
        self.pass_status.setText(
            _(
                "The passphrase is changed, and a backup under the new passphrase was made. "
                "Backups made before keep the old passphrase."
            )
        )
        self.refresh_backups()

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Settings"))
        self.tabs.setTabText(0, _("General"))
        self.tabs.setTabText(1, _("Backups"))
        self.tabs.setTabText(2, _("Passphrase"))
        self.labels["language"].setText(_("Language"))
        self.labels["mode"].setText(_("Mode"))
        self.labels["idle"].setText(_("Lock after (minutes without use, 0 = never)"))
        self.labels["name"].setText(_("Your name (consultant)"))
        self.mode.setItemText(0, _("Participant: my own dossier"))
        self.mode.setItemText(1, _("Consultant: a caseload of dossiers"))
        self.dutch_too.setText(_("Show the Dutch words too"))
        for key, widget in (
            ("language", self.language),
            ("mode", self.mode),
            ("idle", self.idle),
            ("name", self.consultant_name),
        ):
            widget.setAccessibleName(self.labels[key].text())
        self.backup_intro.setText(
            _(
                "A backup is made once a day when you open Blauwe Map, encrypted like your "
                "dossiers. Backups are kept here:"
            )
            + "\n"
            + str(paths.current().backups)
        )
        self.backup_now.setText(_("Back up now"))
        self.restore.setText(_("Restore the chosen backup…"))
        self.backup_list.setAccessibleName(_("Backups"))
        self.pass_labels[0].setText(_("Current passphrase"))
        self.pass_labels[1].setText(_("New passphrase"))
        self.pass_labels[2].setText(_("Repeat the new passphrase"))
        for label, edit in zip(
            self.pass_labels, (self.current, self.new, self.repeat), strict=True
        ):
            edit.setAccessibleName(label.text())
        self.change.setText(_("Change the passphrase"))
        self.close_button.setText(_("Close"))
