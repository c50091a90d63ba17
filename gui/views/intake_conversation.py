"""The guided intake conversation: one brede-intake topic per page, in large readable text, for
a consultant sitting with the person (and often an interpreter). Every page is saved when the
consultant moves on, so the conversation can stop at any moment and resume later at the first
topic that is not known yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core import models as m
from core.errors import ConflictError, ValidationError
from core.i18n import _, current_language, language, load_translations
from core.rules.intake_topics import TOPICS
from core.services.dossiers import load_dossier
from core.services.intake import set_intake_topic
from gui import style
from gui.context import AppContext
from gui.widgets import conflict
from gui.widgets.form import ERROR_STYLE
from gui.widgets.panel import SelectableLabel, in_direction

STATUSES = ("known", "partial", "unknown")
BIG = 1.5  # times the system font (gui.style)


def in_language(code: str | None, msgid: str) -> str | None:
    """``msgid`` in the person's language, or None when that is the screen language or no
    translation exists (then there is nothing extra to show)."""
    if not code or code == current_language().code:
        return None
    try:
        language(code)
    except (KeyError, ValueError):
        return None
    text = load_translations(code).gettext(msgid)
    return text if text and text != msgid and text != _(msgid) else None


def first_open_topic(person: Any) -> int:
    known = {t.topic for t in person.intake_topics if t.status == "known"}
    return next((i for i, t in enumerate(TOPICS) if t.code not in known), 0)


class IntakeConversation(QDialog):
    def __init__(self, ctx: AppContext, person: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.index = first_open_topic(person)
        self.setModal(False)
        self.resize(900, 760)
        self.counter = QLabel(self)
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet(style.size(2.2) + " font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.title_own = QLabel(self)
        self.title_own.setStyleSheet(style.size(2.0))
        self.title_own.setWordWrap(True)
        self.questions = SelectableLabel(parent=self)
        self.questions.setStyleSheet(style.size(BIG))
        self.answers_label = QLabel(self)
        self.answers = QPlainTextEdit(self)
        self.answers.setStyleSheet(style.size(BIG))
        self.answers.setTabChangesFocus(True)
        self.notes_label = QLabel(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(120)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.status_label = QLabel(self)
        self.status_buttons = QButtonGroup(self)
        for small in (self.counter, self.answers_label, self.notes_label, self.status_label):
            small.setStyleSheet(style.size(1.2))
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        self.radios: dict[str, QRadioButton] = {}
        for code in STATUSES:
            radio = QRadioButton(self)
            radio.setStyleSheet(style.size(BIG))
            self.status_buttons.addButton(radio)
            self.radios[code] = radio
            status_row.addWidget(radio)
        status_row.addStretch(1)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setMinimumHeight(44)
            button.setStyleSheet(style.size(1.3))
        self.next_button.setDefault(True)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title_own)
        layout.addWidget(self.questions)
        layout.addWidget(self.answers_label)
        layout.addWidget(self.answers, 2)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._keyboard()
        self.retranslate_ui()

    def _keyboard(self) -> None:
        """The whole conversation without a mouse: Tab moves answers → notes → status → buttons;
        Ctrl+Enter saves and goes on, Alt+Left goes back, Alt+1/2/3 set the status."""
        for keys, slot in (
            ("Ctrl+Return", self.next),
            ("Ctrl+Enter", self.next),
            ("Alt+Left", self.previous),
            ("Ctrl+PgDown", self.next),
            ("Ctrl+PgUp", self.previous),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        for number, code in enumerate(STATUSES, start=1):
            radio = self.radios[code]
            QShortcut(QKeySequence(f"Alt+{number}"), self, radio.click)
        QWidget.setTabOrder(self.answers, self.notes)
        QWidget.setTabOrder(self.notes, self.radios[STATUSES[0]])
        QWidget.setTabOrder(self.radios[STATUSES[-1]], self.next_button)
        QWidget.setTabOrder(self.next_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.previous_button)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Intake conversation"))
        self.answers_label.setText(_("Answers, in the person's own words"))
        self.answers.setAccessibleName(_("Answers, in the person's own words"))
        self.notes_label.setText(_("Your notes"))
        self.notes.setAccessibleName(_("Your notes"))
        self.status_label.setText(_("This topic is:"))
        self.radios["known"].setText("✓ " + _("Known"))
        self.radios["partial"].setText("◐ " + _("Partly known"))
        self.radios["unknown"].setText("? " + _("Not known yet"))
        native = QKeySequence.SequenceFormat.NativeText
        for number, code in enumerate(STATUSES, start=1):  # the keys, shown where they work
            self.radios[code].setToolTip(QKeySequence(f"Alt+{number}").toString(native))
        self.next_button.setToolTip(QKeySequence("Ctrl+Return").toString(native))
        self.previous_button.setToolTip(QKeySequence("Alt+Left").toString(native))
        self.previous_button.setText(_("← Previous"))
        self.next_button.setText(_("Save and next →"))
        self.close_button.setText(_("Save and stop"))
        self.show_page()

    def _record(self) -> Any:
        code = TOPICS[self.index].code
        return next((t for t in self.person.intake_topics if t.topic == code), None)

    def show_page(self) -> None:
        topic = TOPICS[self.index]
        record = self._record()
        self.counter.setText(_("Topic {n} of {total}").format(n=self.index + 1, total=len(TOPICS)))
        self.title_label.setText(_(topic.title))
        own = in_language(self.person.preferred_language, topic.title)
        own_rtl = bool(own) and language(self.person.preferred_language).rtl
        self.title_own.setText(own or "")
        self.title_own.setVisible(bool(own))
        # The person's language reads in its own direction, not the window's (Tigrinya left to
        # right in an Arabic window, Arabic right to left in a Dutch one).
        direction = Qt.LayoutDirection.RightToLeft if own_rtl else Qt.LayoutDirection.LeftToRight
        self.title_own.setLayoutDirection(direction)
        lines = []
        for question in topic.questions:
            lines.append("• " + _(question))
            translated = in_language(self.person.preferred_language, question)
            if translated:
                lines.append(in_direction("   " + translated, own_rtl))
        self.questions.setText("\n".join(lines))
        self.answers.setPlainText(record.answers or "" if record else "")
        self.notes.setPlainText(record.notes or "" if record else "")
        status = record.status if record else "unknown"
        self.radios.get(status, self.radios["unknown"]).setChecked(True)
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == len(TOPICS) - 1
        self.next_button.setText(_("Save and finish") if last else _("Save and next →"))
        self.message.hide()
        self.answers.setFocus()

    def status(self) -> str:
        return next(code for code, radio in self.radios.items() if radio.isChecked())

    def save_page(self) -> bool:
        """Save this page if anything changed; False (with the message shown) when refused."""
        record = self._record()
        values: dict[str, Any] = {
            "status": self.status(),
            "answers": self.answers.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        before = {
            "status": record.status if record else "unknown",
            "answers": (record.answers or "") if record else "",
            "notes": (record.notes or "") if record else "",
        }
        if values == before:
            return True
        values.update(source="conversation")
        if self.ctx.settings.consultant_name:
            values["author"] = self.ctx.settings.consultant_name
        store, pid, code = self.ctx.store, self.person.id, TOPICS[self.index].code
        version = record.version_id if record is not None else None

        def save(base: int | None) -> None:
            self.ctx.commit(
                pid,
                lambda: set_intake_topic(store, pid, code, values, base_version=base),
                saved_text=_("Saved"),
            )

        try:
            try:
                save(version)
            except ConflictError as exc:
                # someone else saved this topic since: both values, and a choice
                if not conflict.keep_mine(self, exc, m.IntakeTopic):
                    raise ValidationError(str(exc)) from None  # what was typed stays
                save(None)
        except ValidationError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.person = load_dossier(store, pid)
        return True

    def next(self) -> None:
        if not self.save_page():
            return
        if self.index == len(TOPICS) - 1:
            self.accept()
            return
        self.index += 1
        self.show_page()

    def previous(self) -> None:
        if self.index == 0 or not self.save_page():
            return
        self.index -= 1
        self.show_page()

    def finish(self) -> None:
        if self.save_page():
            self.accept()
