"""Logging in to a team server: its address, the password (or libpq's own places, or the system
keyring), an optional CA certificate for ``sslmode=verify-full``, and whether to keep the
password in the keyring.

The dialog connects itself, so each cause (a mistyped address, a wrong password, the server down,
a certificate that does not match) is said next to the fields and nothing typed is lost; the
password field alone is emptied after the server refused it. ``self.db`` holds the open database
after ``accept()``; ``settings.server_url`` remembers the address (never the password).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.errors import DossierError, ServerLoginError, ValidationError
from core.i18n import _
from core.storage import credentials
from gui import style
from gui.dialogs import common

if TYPE_CHECKING:
    from core.db import Database
    from core.settings import Settings

log = logging.getLogger(__name__)
LOCAL = 2  # done(): the person chose the dossiers on this computer instead


def with_ca_file(url: str, ca_file: str) -> str:
    """The address with ``sslmode=verify-full`` and ``sslrootcert=ca_file`` (or without them when
    ``ca_file`` is empty and the address had them from this dialog)."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("sslmode", "sslrootcert")]
    old = dict(parse_qsl(parts.query))
    if ca_file:
        query += [("sslmode", "verify-full"), ("sslrootcert", ca_file)]
    elif old.get("sslmode") and not old.get("sslrootcert"):
        query.append(("sslmode", old["sslmode"]))  # typed by hand (require, prefer): kept
    return urlunsplit(parts._replace(query=urlencode(query)))


def ca_file_of(url: str) -> str:
    return dict(parse_qsl(urlsplit(url).query)).get("sslrootcert", "")


def where_of(url: str) -> str | None:
    """``user@host:port/db`` as the keyring keys it; None for an address that is not one."""
    from core.storage.postgres import describe, parse_url

    try:
        return describe(parse_url(url))
    except ValidationError:
        return None


def open_with_kept_password(url: str) -> Database:
    """Open without a dialog: libpq's own places (PGPASSWORD, ~/.pgpass) or the keyring. Raises
    what :func:`core.storage.postgres.open_server` raises (a ServerLoginError when neither has
    the password)."""
    from core.storage.postgres import open_server

    return open_server(url, credentials.saved)


class ServerLoginDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        url: str = "",
        *,
        error: str = "",
        offer_local: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.setObjectName("server_login")
        self.setMinimumWidth(560)
        url = url or settings.server_url

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.address = QLineEdit(self)
        self.address.setObjectName("server_address")
        self.address.setText(with_ca_file(url, "") if ca_file_of(url) else url)
        self.password = QLineEdit(self)
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit(self)
        self.ca_file.setObjectName("server_ca_file")
        self.ca_file.setText(ca_file_of(url))
        self.ca_browse = QPushButton(self)
        self.ca_browse.clicked.connect(self._choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("server_remember")
        self.has_keyring = credentials.available()
        where = where_of(url)
        self.remember.setChecked(bool(self.has_keyring and where and credentials.saved(where)))
        self.remember.setEnabled(self.has_keyring)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(style.colour_css("error") + " font-weight: bold;")
        self.error.setVisible(bool(error))
        self.error.setText(error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.local_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        self.local_button.setObjectName("server_use_local")
        self.local_button.setVisible(offer_local)
        self.local_button.clicked.connect(lambda: self.done(LOCAL))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.address_label = QLabel(self)
        self.password_label = QLabel(self)
        self.ca_label = QLabel(self)
        self.form.addRow(self.address_label, self.address)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.ca_label, ca_row)
        self.form.addRow(self.remember)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(style.colour_css("muted"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        (self.password if self.address.text() else self.address).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        common.fit_to_contents(self)

    def retranslate_ui(self) -> None:
        rtl = i18n.current_language().rtl
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an address reads LTR
        self.ca_file.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setWindowTitle(_("Log in to the team server"))
        self.intro.setText(
            _(
                "The dossiers of your team are kept on your organisation's server. Log in with "
                "the user name and password the beheerder gave you."
            )
        )
        self.address_label.setText(_("Server address"))
        self.address.setPlaceholderText("postgresql://anna@server.gemeente.nl:5432/blauwemap")
        self.address.setAccessibleName(_("Server address"))
        self.password_label.setText(_("Password"))
        self.password.setAccessibleName(_("Password"))
        self.password.setPlaceholderText(_("Empty: use ~/.pgpass or the keyring"))
        self.ca_label.setText(_("CA certificate"))
        self.ca_file.setAccessibleName(_("CA certificate"))
        self.ca_file.setPlaceholderText(_("Optional: the server's CA file (.crt, .pem)"))
        self.ca_browse.setText(_("Choose…"))
        self.remember.setText(_("Keep the password in this computer's keyring"))
        if not self.has_keyring:
            self.remember.setToolTip(_("This computer has no keyring to keep the password in."))
        self.hint.setText(
            _(
                "With a CA certificate the connection is encrypted and the server's name is "
                "checked (sslmode=verify-full). Ask your beheerder for the address and the file."
            )
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.local_button.setText(_("Use this computer instead"))

    def _choose_ca_file(self) -> None:
        chosen = common.ask_open_file(
            self, _("CA certificate"), _("Certificates (*.crt *.pem *.cer);;All files (*)")
        )
        if chosen:
            self.ca_file.setText(chosen)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def url(self) -> str:
        return with_ca_file(self.address.text(), self.ca_file.text().strip())

    def try_accept(self) -> None:
        from core.storage.postgres import open_server

        self.error.hide()
        url = self.url()
        where = where_of(url)
        if where is None:
            self._fail(
                _("This is not a team server address. Use postgresql://USER@HOST:PORT/DATABASE.")
            )
            self.address.setFocus()
            return
        typed = self.password.text()

        def password(_where: str) -> str | None:
            return typed or credentials.saved(where)

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.db = open_server(url, password)
        except ServerLoginError as exc:
            self.password.clear()
            self.password.setFocus()
            self._fail(str(exc))
            return
        except DossierError as exc:  # down, no such database, TLS, no rights, not set up
            self._fail(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.settings.server_url = url
        if self.remember.isChecked() and typed:
            try:
                credentials.save(where, typed)
            except DossierError as exc:
                common.show_message(self, _("Blauwe Map"), str(exc), warning=True)
        elif not self.remember.isChecked():
            credentials.forget(where)
        self.accept()
