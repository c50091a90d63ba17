"""What the section views share: a scrolling page of edit panels and record tables that are
refreshed from each dossier snapshot, retranslated and adapted to participant mode together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.errors import ConflictError, ValidationError
from core.i18n import _
from gui import style
from gui.icons import icon_pixmap
from gui.views.base import DossierView
from gui.widgets import conflict
from gui.widgets.form import FieldSpec
from gui.widgets.panel import EditPanel, ScrollPage, heading
from gui.widgets.record_table import Column, RecordTable

if TYPE_CHECKING:
    from core.models import Person
    from gui.context import AppContext


class SectionView(DossierView):
    heading_msgid = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.page = ScrollPage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        self.heading = heading(self, 1.7)
        self.heading_icon = QLabel(self)
        self.heading_icon.setPixmap(icon_pixmap(self.icon_name, 32))
        title_row = QWidget(self.page.inner)
        row = QHBoxLayout(title_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.heading_icon)
        row.addWidget(self.heading, 1)
        self.page.add(title_row)
        self.panels: list[tuple[EditPanel, Callable[[Person], Any]]] = []
        self.tables: list[RecordTable] = []
        self._shown_id: int | None = None
        ctx.signals.mode_changed.connect(lambda _m: self.apply_mode())

    # ------------------------------------------------------------------ building
    def add_panel(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        save: Callable[[dict[str, Any]], Any],
        source: Callable[[Person], Any],
        *,
        columns: int = 1,
    ) -> EditPanel:
        panel = EditPanel(title, specs, save, self.page.inner, columns=columns)
        self.page.add(panel)
        self.panels.append((panel, source))
        return panel

    def add_table(
        self,
        kind: str,
        title: str,
        specs: Sequence[FieldSpec],
        columns: Sequence[Column],
        records: Callable[[Any], Sequence[Any]],
        **kwargs: Any,
    ) -> RecordTable:
        table = RecordTable(
            self.ctx, kind, specs, columns, records, title=title, parent=self.page.inner, **kwargs
        )
        self.page.add(table)
        self.tables.append(table)
        return table

    def commit(self, action: Callable[[], Any], **kwargs: Any) -> Any:
        """Run one service call for the open dossier (ValidationError propagates)."""
        assert self.person is not None
        return self.ctx.commit(self.person.id, action, saved_text=_("Saved"), **kwargs)

    def commit_checked(
        self, model: type, record: Any | None, save: Callable[[int | None], Any]
    ) -> Any:
        """Save typed values of ``record`` (a ``Versioned`` one, or None when there is none
        yet) on the version shown: ``save(base_version)`` calls the service. When someone else
        saved it in between: both values and the choice, as on the person form. Yes saves these
        over theirs; No saves nothing and is raised as a ValidationError, so the panel keeps
        what was typed and shows why."""
        version = getattr(record, "version_id", None) if record is not None else None
        try:
            return self.commit(lambda: save(version))
        except ConflictError as exc:
            if not conflict.keep_mine(self, exc, model):
                raise ValidationError(str(exc)) from None
            return self.commit(lambda: save(None))

    # ------------------------------------------------------------------ contract
    def set_dossier(self, person: Person | None) -> None:
        super().set_dossier(person)
        new_id = person.id if person is not None else None
        force = new_id != self._shown_id
        self._shown_id = new_id
        for panel, source in self.panels:
            panel.setEnabled(person is not None)
            panel.set_values(source(person) if person is not None else None, force=force)
        self.apply_mode()  # first: the participant font size decides column widths
        for table in self.tables:
            table.set_dossier(person)
        self.refresh(person)

    def has_unsaved(self) -> bool:
        return any(panel.form.dirty for panel, _source in self.panels)

    def save_pending(self) -> bool:
        """Save every panel with typed, unsaved values (the main window calls this before it
        closes or switches dossier); False when a panel refused (its messages are shown)."""
        ok = True
        for panel, _source in self.panels:
            if panel.form.dirty and self.person is not None:
                ok = panel.save() and ok
        return ok

    def refresh(self, person: Person | None) -> None:
        """Recompute derived texts (clocks, totals, warnings) for this snapshot."""

    def apply_mode(self) -> None:
        participant = not self.ctx.consultant_mode
        for panel, _source in self.panels:
            panel.form.set_participant_mode(participant)
            panel.save_button.setMinimumHeight(44 if participant else 0)
        for table in self.tables:
            table.set_participant_mode(participant)
        sheet = f"QWidget {{ {style.size(1.2)} }}" if participant else ""
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        for panel, _source in self.panels:
            panel.retranslate_ui()
        for table in self.tables:
            table.retranslate_ui()
        self.refresh(self.person)


def info_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label
