"""Import a klantprofiel JSON: check it and show what would happen (a new dossier, or what
changes in the one found by BSN/V-number), then write it in one transaction. Both steps run off
the GUI thread; a bad file gets its clear message and nothing is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DossierError
from core.i18n import _
from core.services.exports import ImportPreview, apply_import, import_file
from core.services.store import Store
from gui import style
from gui.dialogs import common
from gui.workers import run_in_background


class ImportDialog(QDialog):
    imported = Signal(int)  # the dossier id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.preview: ImportPreview | None = None
        self.dossier_id: int | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.choose_button = QPushButton()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        layout.addWidget(self.preview_text, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton()
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a klantprofiel"))
        self.choose_button.setText(_("Choose file…"))
        self.preview_label.setText(_("What the import would do:"))
        self.import_button.setText(_("Import"))

    def choose_file(self) -> None:
        path = common.ask_open_file(
            self, _("Choose a klantprofiel file"), _("Klantprofiel (*.json)")
        )
        if path:
            self.load_file(path)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.import_button.setEnabled(
            not busy and self.preview is not None and bool(self.preview.changes)
        )

    def load_file(self, path: str) -> None:
        """Check the file and show the preview (nothing is written)."""
        self.path.setText(path)
        self.preview = None
        self.preview_text.clear()
        self.status.setText(_("Checking the file…"))
        self._busy(True)

        def work(_progress: Any) -> ImportPreview:
            return import_file(self.store, path)

        run_in_background(work, self._previewed, self._failed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.preview_text.setPlainText("\n".join(preview.lines()))
        self.status.setText(
            _("The file is valid.")
            if preview.changes
            else _("Nothing to import: the dossier already holds all of this.")
        )
        self.status.setStyleSheet("")
        self._busy(False)

    def start_import(self) -> None:
        if self.preview is None:
            return
        preview = self.preview
        self.status.setText(_("Importing…"))
        self._busy(True)

        def work(_progress: Any) -> int:
            return apply_import(self.store, preview)

        run_in_background(work, self._imported, self._failed)

    def _imported(self, dossier_id: int) -> None:
        self.dossier_id = dossier_id
        self.preview = None
        self._busy(False)
        self.status.setText(_("Imported into dossier {id}.").format(id=dossier_id))
        self.imported.emit(dossier_id)

    def _failed(self, exc: BaseException) -> None:
        self.preview = None
        self._busy(False)
        if isinstance(exc, DossierError):
            self.status.setText(_("Not imported: {reason}").format(reason=exc))
            self.status.setStyleSheet(style.colour_css("error"))
        else:
            from gui.errors import show_exception

            show_exception(exc, self)
