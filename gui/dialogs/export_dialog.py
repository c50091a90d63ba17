"""Export a dossier: choose the format, the language, the sections the person agreed to share
(sensitive ones unchecked), the recipient; the file is made off the GUI thread with progress."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DossierError, ValidationError
from core.export.sections import (
    PERSONAL_FORMATS,
    PROTECTABLE,
    SECTIONS,
    check_export_passphrase,
    withheld_topics,
)
from core.i18n import LANGUAGES, _, format_date
from core.services.exports import (
    EXTENSIONS,
    FORMATS,
    PRINTABLE,
    ExportResult,
    export_dossier,
    print_document,
)
from core.services.store import Store
from gui.dialogs import common
from gui.workers import run_in_background


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        store: Store,
        dossier_id: int,
        parent: QWidget | None = None,
        *,
        preferred_language: str = "nl",
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.dossier_id = dossier_id
        self.preferred_language = preferred_language
        self.today = today
        self.result_value: ExportResult | None = None
        self.preview: Any = None  # the print preview, once opened
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_label, self.format = QLabel(), QComboBox()
        for code in FORMATS:
            self.format.addItem("", code)
        self.language_label, self.language = QLabel(), QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.recipient_label, self.recipient = QLabel(), QLineEdit()
        # The export may be made for one of the dossier's referrals: the service then holds it
        # to that referral's consent and the export log links to it (as ``export --referral``).
        self.referral_label, self.referral = QLabel(), QComboBox()
        self.referral.setObjectName("referral")
        form.addRow(self.format_label, self.format)
        form.addRow(self.language_label, self.language)
        form.addRow(self.referral_label, self.referral)
        form.addRow(self.recipient_label, self.recipient)
        # The map for a phone may be encrypted: the person chooses a passphrase for the file.
        self.protect = QCheckBox()
        self.passphrase_label, self.passphrase = QLabel(), QLineEdit()
        self.repeat_label, self.repeat = QLabel(), QLineEdit()
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.protect)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.repeat_label, self.repeat)
        self.form = form
        layout.addLayout(form)
        self.sections_box = QGroupBox()
        grid = QGridLayout(self.sections_box)
        self.section_checks: dict[str, QCheckBox] = {}
        for i, section in enumerate(SECTIONS):
            box = QCheckBox()
            box.setChecked(not section.sensitive)  # DOMAIN.md §11 point 3
            self.section_checks[section.code] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addWidget(self.sections_box)
        # Intake topics the person did not agree to share stay out of every file (their
        # consent per topic, core.export.sections.shared_topics): say which, next to the choice.
        self._dossier: Any = self._load_dossier()
        self.referral.addItem("", None)
        referrals = sorted(
            getattr(self._dossier, "referrals", None) or (),
            key=lambda r: (r.referred_on, r.id),
            reverse=True,
        )
        for r in referrals:
            self.referral.addItem("", r.id)
        self._consent_of = {r.id: tuple(r.consent_sections or ()) for r in referrals}
        self._referral_names = {r.id: (str(r.partner), r.referred_on) for r in referrals}
        form.setRowVisible(self.referral, bool(referrals))
        self.referral.currentIndexChanged.connect(self._referral_changed)
        self.withheld_label = QLabel()
        self.withheld_label.setObjectName("withheld_topics")
        self.withheld_label.setWordWrap(True)
        layout.addWidget(self.withheld_label)
        for box in self.section_checks.values():
            box.toggled.connect(self._show_withheld)
        self.consent = QCheckBox()
        layout.addWidget(self.consent)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton()
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = QPushButton()
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.start_print)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.export_button.clicked.connect(self.start_export)
        self.consent.toggled.connect(self._update_enabled)
        self.protect.toggled.connect(self._update_enabled)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.retranslate_ui()
        self._format_changed()
        self._update_enabled()

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Export and print"))
        self.format_label.setText(_("What to make"))
        self.language_label.setText(_("Language of the document"))
        self.recipient_label.setText(_("For whom (recipient)"))
        self.referral_label.setText(_("For referral"))
        self.referral.setItemText(0, _("No referral"))
        for i in range(1, self.referral.count()):
            partner, referred_on = self._referral_names[self.referral.itemData(i)]
            self.referral.setItemText(i, f"{partner} — {format_date(referred_on)}")
        referral = self.chosen_referral()
        self.recipient.setPlaceholderText(
            self._referral_names[referral][0]
            if referral is not None
            else _("e.g. Gemeente Utrecht, klantmanager")
        )
        self.protect.setText(_("Protect the file with a passphrase"))
        self.passphrase_label.setText(_("Passphrase"))
        self.repeat_label.setText(_("Repeat the passphrase"))
        for i in range(self.format.count()):
            self.format.setItemText(i, _(FORMATS[self.format.itemData(i)]))
        self.sections_box.setTitle(_("Sections the person agreed to share"))
        for section in SECTIONS:
            text = _(section.title)
            if section.sensitive:
                text += " " + _("(sensitive)")
            self.section_checks[section.code].setText(text)
        self.consent.setText(
            _("The person has seen this choice and agrees to share the checked sections.")
        )
        self.export_button.setText(_("Export…"))
        self.print_button.setText(_("Print…"))
        self._show_withheld()

    def _load_dossier(self) -> Any:
        """The dossier whose intake topics the consent rule is asked about (None if it is gone:
        the dialog still works, the export itself decides)."""
        from core.services.dossiers import load_dossier

        try:
            return load_dossier(self.store, self.dossier_id)
        except DossierError:
            return None

    def _show_withheld(self) -> None:
        from core.rules.intake_topics import TOPICS

        titles = {t.code: t.title for t in TOPICS}
        withheld = withheld_topics(self._dossier, self.chosen_sections()) if self._dossier else []
        names = [_(titles.get(t.topic, t.topic)) for t in withheld]
        self.withheld_label.setText(
            _("Not in the file, because the person did not agree to share them: {names}").format(
                names=", ".join(names)
            )
            if names
            else ""
        )
        self.withheld_label.setVisible(bool(names))

    # ------------------------------------------------------------------ state
    def choose_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(max(self.format.findData(fmt), 0))

    def choose_referral(self, referral_id: int | None) -> None:
        self.referral.setCurrentIndex(max(self.referral.findData(referral_id), 0))

    def chosen_referral(self) -> int | None:
        value = self.referral.currentData()
        return int(value) if value is not None else None

    def _referral_changed(self) -> None:
        """A referral's consent decides the sections: only what the person agreed to share with
        that partner is checked (the service refuses anything beyond it)."""
        referral = self.chosen_referral()
        if referral is not None:
            agreed = self._consent_of.get(referral, ())
            for code, box in self.section_checks.items():
                box.setChecked(code in agreed)
            self.recipient.setPlaceholderText(self._referral_names[referral][0])
        else:
            self.recipient.setPlaceholderText(_("e.g. Gemeente Utrecht, klantmanager"))

    def chosen_sections(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.section_checks.items() if box.isChecked())

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        lang = self.preferred_language if fmt in PERSONAL_FORMATS else "nl"
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)
        self._update_enabled()

    def _update_enabled(self) -> None:
        protectable = self.format.currentData() in PROTECTABLE
        self.form.setRowVisible(self.protect, protectable)
        for edit in (self.passphrase, self.repeat):
            self.form.setRowVisible(edit, protectable and self.protect.isChecked())
        ready = self.consent.isChecked() and self.progress.isHidden()
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self.format.currentData() in PRINTABLE)

    # ------------------------------------------------------------------ work
    def chosen_passphrase(self) -> str | None:
        """The file's passphrase when the person wants it protected; checked before the file
        dialog opens (ValidationError: the fields differ or it is too short)."""
        if self.format.currentData() not in PROTECTABLE or not self.protect.isChecked():
            return None
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            raise ValidationError(
                _("The two passphrases differ. Type the same passphrase twice."),
                field="passphrase",
            )
        check_export_passphrase(passphrase)
        return passphrase

    def start_export(self) -> None:
        fmt = self.format.currentData()
        try:
            passphrase = self.chosen_passphrase()
        except ValidationError as exc:
            self.status.setText(str(exc))
            return
        suggested = f"dossier-{self.dossier_id}-{fmt}{EXTENSIONS[fmt]}"
        path = common.ask_save_file(self, _("Save the export as"), suggested)
        if not path:
            return
        sections = self.chosen_sections()
        lang = self.language.currentData()
        recipient = self.recipient.text().strip() or None
        referral = self.chosen_referral()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(_("Working…"))
        self._update_enabled()

        def work(progress: Any) -> ExportResult:
            return export_dossier(
                self.store,
                self.dossier_id,
                fmt,
                Path(path),
                sections=sections,
                recipient=recipient,
                lang=lang,
                today=self.today,
                progress=lambda pct, _msg: progress(pct, 100),
                passphrase=passphrase,
                referral_id=referral,
            )

        run_in_background(work, self._done, self._failed, self._progressed)

    def start_print(self) -> Any:
        """Make the document, record the printout, and open the print preview (the person
        prints from there, to paper or to a printer's own PDF)."""
        from core.errors import DossierError
        from gui.printing import preview_and_print

        fmt = self.format.currentData()
        try:
            data = print_document(
                self.store,
                self.dossier_id,
                fmt,
                sections=self.chosen_sections(),
                recipient=self.recipient.text().strip() or None,
                lang=self.language.currentData(),
                today=self.today,
                referral_id=self.chosen_referral(),
            )
        except DossierError as exc:
            self.status.setText(str(exc))
            return None
        self.preview = preview_and_print(self, data, _(FORMATS[fmt]))
        self.preview.open()
        self.status.setText(_("The printout is recorded in the dossier."))
        return self.preview

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 100 / max(total, 1)))

    def _done(self, result: ExportResult) -> None:
        self.progress.setVisible(False)
        self.result_value = result
        self.status.setText(
            _("Saved: {path}. The export is recorded in the dossier.").format(path=result.path)
        )
        self._update_enabled()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self._update_enabled()
        from core.errors import DossierError

        if isinstance(exc, DossierError):
            self.status.setText(str(exc))
        else:
            from gui.errors import show_exception

            show_exception(exc, self)
