"""Help → About Blauwe Map: version, licence, where the data lives and the third-party software
the app ships with their licences (core.about)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import about, i18n, paths
from core.i18n import _, isolate
from gui.icons import icon


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, server: str | None = None) -> None:
        super().__init__(parent)
        self.server = server  # a team server's "user@host:port/db"; None: this computer
        self.setObjectName("about_dialog")
        self.setWindowIcon(icon("app"))
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(self)
        self.heading.setObjectName("about_heading")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.data = QLabel(self)
        self.data.setObjectName("about_data")
        self.data.setWordWrap(True)
        self.data.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.third_party = QTextBrowser(self)
        self.third_party.setObjectName("about_third_party")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(logo)
        text = QVBoxLayout()
        for label in (self.heading, self.summary, self.data):
            text.addWidget(label)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.third_party, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("About Blauwe Map"))
        version = _("Version {version}").format(version=about.app_version())
        name = _("Blauwe Map")
        # rich text takes its direction from its first letter (Latin here): say it explicitly
        direction = "rtl" if i18n.current_language().rtl else "ltr"
        self.heading.setText(
            f"<div dir='{direction}'><b style='font-size: 14pt'>{html.escape(name)}</b><br>"
            f"{html.escape(version)}</div>"
        )
        where = (
            _(
                "Blauwe Map keeps your team's inburgering dossiers on your organisation's "
                "server; the server lets each consultant see only the dossiers assigned to them."
            )
            if self.server
            else _(
                "Blauwe Map keeps an inburgering dossier on this computer, encrypted. "
                "Nothing is sent anywhere unless you export it yourself."
            )
        )
        self.summary.setText(
            where + "\n" + _("Free software under the European Union Public Licence (EUPL) 1.2.")
        )
        if self.server:
            self.data.setText(
                _(
                    "The dossiers are kept on the team server {server}, logged in as {login}. "
                    "Its beheerder backs them up. Settings stay in: {folder}"
                ).format(
                    server=isolate(self.server.split("@", 1)[-1]),
                    login=isolate(self.server.split("@", 1)[0]),
                    folder=isolate(str(paths.current().data)),
                )
            )
        else:
            self.data.setText(
                _("Your data is kept in: {folder}").format(
                    folder=isolate(str(paths.current().data))
                )
            )
        heading = _("Third-party software included")
        software = _("Software")
        licence = _("Licence")
        texts = _("The licence texts are in: {folder}").format(
            folder=isolate(str(about.LICENSES_DIR))
        )
        side = "right" if direction == "rtl" else "left"
        # Qt lays table columns out left to right whatever the direction: in a right-to-left
        # language the first column is written last
        order = slice(None, None, -1 if direction == "rtl" else 1)
        header = "".join(
            f"<th align='{side}'>{html.escape(t)}</th>" for t in (software, licence)[order]
        )
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(t)}</td>" for t in (c.name, c.licence)[order])
            + "</tr>"
            for c in about.THIRD_PARTY
        )
        option = self.third_party.document().defaultTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight
        )
        self.third_party.document().setDefaultTextOption(option)
        self.third_party.setHtml(
            f"<div dir='{direction}'><p><b>{html.escape(heading)}</b></p>"
            f"<table align='{side}' cellpadding='3'><tr>{header}</tr>{rows}</table>"
            f"<p>{html.escape(texts)}</p></div>"
        )
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
