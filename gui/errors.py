"""The one place that shows errors (CONVENTIONS habit 3).

Known problems (``core.errors.DossierError``: bad input, wrong passphrase, disk full, a newer
database) get their clear, translated message. Anything else is a bug: a dialog with the traceback
and a "Copy details" button. Nothing is ever uploaded, and personal data never reaches the log:
only the exception type and the stack (not the message) is logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DossierError
from core.i18n import _
from gui.dialogs import common

log = logging.getLogger(__name__)


class BugDialog(QDialog):
    """A real bug: say so plainly, show the details, let the user copy them."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Something went wrong"))
        self.details = details
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "This is a fault in Blauwe Map, not something you did. Your dossier is safe: "
                "everything shown as saved is stored. You can copy the details below and give "
                "them to whoever supports you. Nothing is sent anywhere."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(details, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("Error details"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


def _open_bug_dialog(parent: QWidget | None, details: str) -> None:
    """Replaced in tests (like the helpers in gui.dialogs.common)."""
    dialog = BugDialog(details, parent)
    dialog.exec()


def show_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    if isinstance(exc, DossierError):
        log.info("known problem shown: %s", type(exc).__name__)
        common.show_message(parent, _("Blauwe Map"), str(exc), warning=True)
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    # The message may hold typed text; log only the type and the stack frames.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected %s\n%s", type(exc).__name__, frames)
    _open_bug_dialog(parent, details)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    parent = QApplication.activeWindow() if QApplication.instance() else None
    try:
        show_exception(exc, parent)
    except Exception:  # the error display itself must never crash the app
        sys.__excepthook__(exc_type, exc, tb)


def install() -> None:
    sys.excepthook = excepthook
