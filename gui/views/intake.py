"""The brede intake: every topic with its status (known / partly known / not known yet), notes,
source, date and author, the leerbaarheidstoets records, and the guided conversation
(DOMAIN.md §5)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core import models as m
from core.i18n import N_, _, format_date, isolate
from core.labels import label
from core.models import enums as e
from core.rules.intake_topics import TOPICS, Topic
from core.services.intake import intake_progress, set_intake_topic
from gui import style
from gui.views.section_base import SectionView
from gui.widgets.form import specs_for
from gui.widgets.panel import EditPanel, note_label
from gui.widgets.record_table import BASE, Column

if TYPE_CHECKING:
    from gui.views.intake_conversation import IntakeConversation

TOPIC_FIELDS = specs_for(m.IntakeTopic)
LBT = specs_for(m.Leerbaarheidstoets)
STATUS_COLOURS = {
    "known": "ok",
    "partial": "warning",
    "unknown": "error",
}
_STATUS_ICONS = {
    "known": QStyle.StandardPixmap.SP_DialogApplyButton,
    "partial": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "unknown": QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


def status_icon(widget: QWidget, status: str) -> QIcon:
    return widget.style().standardIcon(_STATUS_ICONS.get(status, _STATUS_ICONS["unknown"]))


def topic_record(person: Any, code: str) -> Any:
    if person is None:
        return None
    return next((t for t in person.intake_topics if t.topic == code), None)


class IntakeView(SectionView):
    key = "intake"
    icon_name = "intake"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        top = QWidget(self.page.inner)
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(top)
        self.progress.setMaximum(len(TOPICS))
        self.progress.setTextVisible(True)
        self.progress_label = QLabel(top)
        self.conversation_button = QPushButton(top)
        self.conversation_button.clicked.connect(self.open_conversation)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.conversation_button)
        self.page.add(top)

        body = QWidget(self.page.inner)
        split = QHBoxLayout(body)
        split.setContentsMargins(0, 0, 0, 0)
        self.topic_list = QListWidget(body)
        self.topic_list.setMinimumWidth(260)
        self.topic_list.setMaximumWidth(340)
        self.topic_list.setMinimumHeight(480)
        self.topic_list.currentRowChanged.connect(self._topic_chosen)
        right = QVBoxLayout()
        self.topic_title = QLabel(body)
        self.topic_title.setStyleSheet(style.size(1.4) + " font-weight: bold;")
        self.topic_title.setWordWrap(True)
        self.questions = note_label(body)
        self.topic_panel = EditPanel(N_("What we know"), TOPIC_FIELDS, self._save_topic, body)
        right.addWidget(self.topic_title)
        right.addWidget(self.questions)
        right.addWidget(self.topic_panel, 1)
        left = QVBoxLayout()
        left.addWidget(self.topic_list, 1)
        self.legend = note_label(body, style.colour_css("muted"))
        left.addWidget(self.legend)
        split.addLayout(left)
        split.addLayout(right, 1)
        self.page.add(body)
        self.panels.append((self.topic_panel, lambda p: topic_record(p, self.current_code())))

        self.lbt = self.add_table(
            "lbt",
            N_("Leerbaarheidstoets (learnability test)"),
            LBT,
            (
                Column(N_("Date taken"), lambda r: r.datum_afname),
                Column(N_("Result"), lambda r: r.resultaat, lambda v: label(e.LbtResultaat, v)),
                Column(
                    N_("Score"),
                    lambda r: (r.behaalde_score, r.benodigde_score),
                    lambda v: (
                        "—" if v[0] is None else f"{v[0]} / {v[1] if v[1] is not None else '—'}"
                    ),
                ),
                Column(N_("With an interpreter"), lambda r: r.with_interpreter),
                Column(N_("Language"), lambda r: r.language),
            ),
            lambda p: p.lbt,
            noun=N_("leerbaarheidstoets"),
        )
        self.page.finish()
        self.conversation: IntakeConversation | None = None
        self._fill_topics()
        self.topic_list.setCurrentRow(0)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Brede intake")

    # ------------------------------------------------------------------ topics
    def current_code(self) -> str:
        return TOPICS[max(0, self.topic_list.currentRow())].code

    def current_topic(self) -> Topic:
        return TOPICS[max(0, self.topic_list.currentRow())]

    def _fill_topics(self) -> None:
        current = self.topic_list.currentRow()
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        for item_topic in TOPICS:
            record = topic_record(self.person, item_topic.code)
            status = record.status if record is not None else "unknown"
            text = _(item_topic.title)
            if item_topic.required:
                text += " *"
            item = QListWidgetItem(status_icon(self, status), text)
            item.setForeground(style.readable(STATUS_COLOURS.get(status, "muted"), BASE))
            item.setToolTip(f"{label(e.IntakeStatus, status)} — {describe(record)}")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{text}: {label(e.IntakeStatus, status)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, status)
            item.setSizeHint(item.sizeHint().expandedTo(self._row_size()))
            self.topic_list.addItem(item)
        self.topic_list.setCurrentRow(max(0, current))
        self.topic_list.blockSignals(False)

    def _row_size(self) -> Any:
        from PySide6.QtCore import QSize

        return QSize(0, 30 if self.ctx.consultant_mode else 40)

    def _topic_chosen(self, row: int) -> None:
        if row < 0:
            return
        if self.topic_panel.form.dirty and self.person is not None and not self.topic_panel.save():
            return  # stays on the topic with the messages shown
        self._show_topic()

    def _show_topic(self) -> None:
        chosen = self.current_topic()
        self.topic_title.setText(_(chosen.title))
        self.questions.setText("\n".join("• " + _(q) for q in chosen.questions))
        record = topic_record(self.person, chosen.code)
        self.topic_panel.set_values(
            record if record is not None else {"status": "unknown"}, force=True
        )

    def _save_topic(self, values: dict[str, Any]) -> None:
        assert self.person is not None
        store, pid, code = self.ctx.store, self.person.id, self.current_code()
        if values.get("author") in (None, "") and self.ctx.settings.consultant_name:
            values["author"] = self.ctx.settings.consultant_name
        self.commit_checked(
            m.IntakeTopic,
            topic_record(self.person, code),
            lambda base: set_intake_topic(store, pid, code, values, base_version=base),
        )

    # ------------------------------------------------------------------ contract
    def refresh(self, person: Any) -> None:
        self._fill_topics()
        if person is not None:
            known, total = intake_progress(person)
            self.progress.setValue(known)
            self.progress.setFormat(
                _("{known} of {total} topics known").format(known=known, total=total)
            )
            self.progress_label.setText(_("Progress"))
            self.progress.setAccessibleName(self.progress.format())
        if self.topic_panel.form.dirty:
            return
        self._show_topic()

    def apply_mode(self) -> None:
        super().apply_mode()
        self.conversation_button.setVisible(self.ctx.consultant_mode)

    def retranslate_ui(self) -> None:
        self.conversation_button.setText(_("Start the intake conversation…"))
        self.conversation_button.setAccessibleName(_("Start the guided intake conversation"))
        super().retranslate_ui()
        self.topic_list.setAccessibleName(_("Intake topics"))
        self.legend.setText(_("* part of the legal minimum of the brede intake"))

    def open_conversation(self) -> Any:
        from gui.views.intake_conversation import IntakeConversation

        if self.person is None:
            return None
        conversation = IntakeConversation(self.ctx, self.person, self)
        conversation.finished.connect(conversation.deleteLater)
        conversation.open()
        self.conversation = conversation
        return conversation


def describe(record: Any) -> str:
    """A one-line summary of where a topic's information came from (for tooltips)."""
    if record is None:
        return _("Not discussed yet")
    parts = [label(e.InfoSource, record.source), format_date(record.source_date)]
    if record.author:
        parts.append(isolate(record.author))
    return " · ".join(parts)
