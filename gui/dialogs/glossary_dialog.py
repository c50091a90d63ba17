"""The word list: every Dutch term of the inburgering with a plain explanation in the user's
language, searchable; opened from any screen with F1 or the toolbar. Not modal, so it can stay
open beside the dossier during a conversation."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import glossary
from core.i18n import _
from gui import style
from gui.icons import icon


class GlossaryDialog(QDialog):
    _open: GlossaryDialog | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_dialog")
        self.setWindowIcon(icon("glossary"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.search = QLineEdit(self)
        self.search.setObjectName("glossary_search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.refresh)
        self.list = QListWidget(self)
        self.list.setObjectName("glossary_list")
        self.list.currentItemChanged.connect(self._show_current)
        self.text = QTextBrowser(self)
        self.text.setObjectName("glossary_text")
        self.text.setStyleSheet(style.size(1.2))
        self.count = QLabel(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([220, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self.resize(720, 480)
        self.retranslate_ui()

    @classmethod
    def show_for(cls, parent: QWidget | None, term: str = "") -> GlossaryDialog:
        dialog = cls._open
        already_open = dialog is not None and dialog.isVisible()
        if dialog is None:
            dialog = cls(parent)
            cls._open = dialog
            dialog.destroyed.connect(lambda *_a: setattr(cls, "_open", None))
        if term:
            dialog.search.setText(term)
        dialog.show()
        if already_open:  # bring the open word list to the front instead of a second one
            dialog.raise_()
            dialog.activateWindow()
        dialog.search.setFocus()
        return dialog

    def done(self, result: int) -> None:
        GlossaryDialog._open = None
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Word list (glossary)"))
        self.search.setPlaceholderText(_("Search a word, e.g. PIP or leerroute"))
        self.search.setAccessibleName(_("Search the word list"))
        self.list.setAccessibleName(_("Words"))
        self.text.setAccessibleName(_("Explanation"))
        self.refresh()

    def refresh(self) -> None:
        current = self.list.currentItem().text() if self.list.currentItem() else ""
        self.list.clear()
        found = glossary.search(self.search.text())
        for entry in found:
            item = QListWidgetItem(entry.term)
            item.setData(Qt.ItemDataRole.UserRole, entry.explanation)
            self.list.addItem(item)
        matches = self.list.findItems(current, Qt.MatchFlag.MatchExactly) if current else []
        self.list.setCurrentItem(matches[0] if matches else self.list.item(0))
        if not found:
            self.text.setPlainText(_("No word found. Try a shorter search."))
        self.count.setText(
            _("{n} of {total} words").format(n=len(found), total=len(glossary.entries()))
        )

    def _show_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.text.setHtml(
            f"<h2>{html.escape(item.text())}</h2>"
            f"<p>{html.escape(item.data(Qt.ItemDataRole.UserRole))}</p>"
        )
