"""A form built from field specs: one editor per field, a translated label, an error label under it.

Values go to a service unchanged (text as typed), so the service's ValidationError explains what
is wrong; ``show_errors`` puts each message under its field and never clears what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import inspect as sa_inspect

from core.i18n import _
from core.labels import choices as enum_choices
from core.models.fields import (
    BOOL,
    CHECKLIST,
    CHOICE,
    DATE,
    DATETIME,
    ENUM,
    INT,
    MULTILINE,
    NUMBER,
    TEXT,
    TRIBOOL,
    declared,
    widget_of,
)
from gui import style
from gui.widgets.date_edit import DateEdit

ERROR_STYLE = style.colour_css("error")


class ChecklistEdit(QWidget):
    """A list of codes as ticked boxes (the parts of a dossier a person agreed to share): the
    options come from the view, in their order. A stored code the options do not know (an old
    import) gets a box of its own, ticked, so nothing is lost by opening and saving, and the
    person can untick it when the save explains it."""

    changed = Signal()
    COLUMNS = 2

    def __init__(self, options: Callable[[], list[tuple[Any, str]]], parent: QWidget) -> None:
        super().__init__(parent)
        self.options = options
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(0)
        for code, text in options():
            self._add_box(str(code), text)
        self.known = set(self.boxes)

    def _add_box(self, code: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(f"check_{code}")
        box.toggled.connect(lambda _v: self.changed.emit())
        index = len(self.boxes)
        self.grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        self.boxes[code] = box
        return box

    def retranslate_ui(self) -> None:
        for code, text in self.options():
            if str(code) in self.boxes:
                self.boxes[str(code)].setText(text)

    def set_codes(self, codes: Iterable[str] | None) -> None:
        wanted = [str(c) for c in codes or ()]
        for code in [c for c in self.boxes if c not in self.known]:  # the last record's extras
            box = self.boxes.pop(code)
            self.grid.removeWidget(box)
            box.deleteLater()
        for code in wanted:
            if code not in self.boxes:
                self._add_box(code, code)
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)

    def codes(self) -> list[str]:
        return [c for c, box in self.boxes.items() if box.isChecked()]

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for box in self.boxes.values():
            box.setAccessibleDescription(name)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # msgid, translated at display time
    kind: str = TEXT
    enum: type[StrEnum] | None = None
    options: Callable[[], list[tuple[Any, str]]] | None = None  # CHOICE: (value, label), live
    optional: bool = True  # ENUM/CHOICE: offer "—" (no value)
    consultant_only: bool = False
    help: str = ""  # msgid of a tooltip / hint
    readonly: bool = False
    suggestions: Callable[[], list[str]] | None = None  # TEXT: names offered while typing


def specs_for(
    model: type,
    *,
    group: str | None = None,
    options: dict[str, Callable[[], list[tuple[Any, str]]]] | None = None,
    suggestions: dict[str, Callable[[], list[str]]] | None = None,
) -> tuple[FieldSpec, ...]:
    """The form of a record kind, read from its declared fields (core.models.fields) in
    column order. A view adds only what the declaration cannot know: the live option lists of
    its CHOICE fields (providers, documents, contacts) and typing suggestions; ``group`` picks
    one panel of a record shown in several (Person)."""
    options, suggestions = options or {}, suggestions or {}
    columns: Any = sa_inspect(model).columns
    specs = []
    for name, info in declared(model):
        if not info.in_form or (group is not None and info.group != group):
            continue
        kind = widget_of(model, name)
        column = columns[name]
        specs.append(
            FieldSpec(
                name,
                info.form_label or info.label,
                kind,
                enum=info.enum,
                options=options.get(name),
                optional=bool(column.nullable),
                consultant_only=info.consultant_only,
                help=info.help,
                suggestions=suggestions.get(name),
            )
        )
    return tuple(specs)


def _blank(value: Any) -> bool:
    return value is None or value == ""


class Form(QWidget):
    """Editors for ``specs``; ``values()`` returns what is typed, keyed by field name."""

    edited = Signal(str)  # field name

    def __init__(
        self, specs: Iterable[FieldSpec], parent: QWidget | None = None, *, columns: int = 1
    ) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self._participant = False
        self.dirty = False  # typed but not saved yet
        self.edited.connect(self._mark_dirty)
        # Short fields fill the columns (each its own grid, so a hidden field leaves no gap in
        # the other column); long texts follow across the whole width.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row_box = QHBoxLayout()
        row_box.setSpacing(18)
        outer.addLayout(row_box)
        short = [s for s in self.specs if s.kind != MULTILINE or columns == 1]
        long = [s for s in self.specs if s not in short]
        per_col = max(1, -(-len(short) // columns))
        grids = []
        for _c in range(columns if short else 0):
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(1, 1)
            row_box.addLayout(grid, 1)
            grids.append(grid)
        long_grid = QGridLayout()
        long_grid.setHorizontalSpacing(12)
        long_grid.setVerticalSpacing(2)
        long_grid.setColumnStretch(1, 1)
        outer.addLayout(long_grid)
        for spec in self.specs:
            if spec in long:
                grid, row = long_grid, long.index(spec)
            else:
                col, row = divmod(short.index(spec), per_col)
                grid = grids[col]
            editor = self._make_editor(spec)
            label = QLabel(self)
            label.setBuddy(editor)
            label.setWordWrap(True)
            label.setMinimumWidth(140)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            hint = QLabel(self)
            hint.setWordWrap(True)
            hint.hide()
            base = row * 3
            grid.addWidget(label, base, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, base, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(hint, base + 1, 1)
            grid.addWidget(error, base + 2, 1)
            self.editors[spec.name] = editor
            self.labels[spec.name] = label
            self.errors[spec.name] = error
            self.hints[spec.name] = hint
        for grid in grids:
            grid.setRowStretch(grid.rowCount(), 1)
        self.retranslate_ui()

    # ------------------------------------------------------------------ building
    def _make_editor(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind == MULTILINE:
            text_edit = QPlainTextEdit(self)
            text_edit.setTabChangesFocus(True)
            text_edit.setMinimumHeight(60)
            text_edit.setMaximumHeight(110)
            text_edit.textChanged.connect(lambda n=spec.name: self.edited.emit(n))
            editor = text_edit
        elif spec.kind == DATE:
            date_edit = DateEdit(self)
            date_edit.changed.connect(lambda n=spec.name: self.edited.emit(n))
            editor = date_edit
        elif spec.kind == BOOL:
            check = QCheckBox(self)
            check.toggled.connect(lambda _v, n=spec.name: self.edited.emit(n))
            editor = check
        elif spec.kind == CHECKLIST and spec.options is not None:
            checklist = ChecklistEdit(spec.options, self)
            checklist.changed.connect(lambda n=spec.name: self.edited.emit(n))
            editor = checklist
        elif spec.kind in (ENUM, CHOICE, TRIBOOL):
            combo = QComboBox(self)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i, n=spec.name: self.edited.emit(n))
            editor = combo
        else:
            line = QLineEdit(self)
            line.textEdited.connect(lambda _t, n=spec.name: self.edited.emit(n))
            if spec.kind == DATETIME:
                line.setPlaceholderText("2025-03-15 14:30")
            if spec.suggestions is not None:
                # Offered, not imposed: what is typed is kept as it is (the exports check it).
                completer = QCompleter(spec.suggestions(), line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
            editor = line
        editor.setObjectName(f"field_{spec.name}")
        if spec.readonly:
            editor.setEnabled(False)
        return editor

    def _fill_combo(self, spec: FieldSpec, combo: QComboBox) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if spec.kind == TRIBOOL:
            items: list[tuple[Any, str]] = [
                (None, _("Unknown")),
                (True, _("Yes")),
                (False, _("No")),
            ]
        else:
            items = (
                enum_choices(spec.enum) if spec.enum else (spec.options() if spec.options else [])
            )
            if spec.optional:
                items = [(None, "—"), *items]
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        for spec in self.specs:
            text = _(spec.label)
            self.labels[spec.name].setText(text)
            editor = self.editors[spec.name]
            editor.setAccessibleName(text)
            if spec.help:
                editor.setToolTip(_(spec.help))
            if isinstance(editor, QComboBox):
                self._fill_combo(spec, editor)
            if isinstance(editor, DateEdit):
                editor.retranslate_ui()
                editor.line.setAccessibleName(text)
            if isinstance(editor, ChecklistEdit):
                editor.retranslate_ui()

    def _mark_dirty(self, _name: str) -> None:
        self.dirty = True

    def refresh_options(self) -> None:
        """Reload CHOICE lists (providers, documents) that come from the dossier."""
        for spec in self.specs:
            editor = self.editors[spec.name]
            if spec.kind == CHOICE and isinstance(editor, QComboBox):
                self._fill_combo(spec, editor)

    def set_participant_mode(self, participant: bool) -> None:
        self._participant = participant
        for spec in self.specs:
            visible = not (participant and spec.consultant_only)
            self.editors[spec.name].setVisible(visible)
            self.labels[spec.name].setVisible(visible)
            if not visible:
                self.errors[spec.name].hide()

    # ------------------------------------------------------------------ values
    def set_values(self, source: Any) -> None:
        """Show the values of a record (an object or a dict); clears the error labels."""
        get = source.get if isinstance(source, dict) else (lambda k: getattr(source, k, None))
        for spec in self.specs:
            self.set_value(spec.name, get(spec.name) if source is not None else None)
        self.clear_errors()
        self.dirty = False

    def set_value(self, name: str, value: Any) -> None:
        spec = next(s for s in self.specs if s.name == name)
        editor = self.editors[name]
        editor.blockSignals(True)
        try:
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, DateEdit):
                editor.set_date(value if isinstance(value, dt.date) else None)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, ChecklistEdit):
                editor.set_codes(value if isinstance(value, list | tuple) else None)
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                editor.setCurrentIndex(max(index, 0) if spec.optional or index >= 0 else 0)
            elif isinstance(editor, QLineEdit):
                editor.setText(self._as_text(spec, value))
        finally:
            editor.blockSignals(False)

    @staticmethod
    def _as_text(spec: FieldSpec, value: Any) -> str:
        if _blank(value):
            return ""
        if spec.kind == DATETIME and isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if spec.kind == NUMBER and isinstance(value, float | Decimal):
            return f"{float(value):g}"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def value(self, name: str) -> Any:
        spec = next(s for s in self.specs if s.name == name)
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, DateEdit):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, ChecklistEdit):
            return editor.codes()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if spec.kind in (NUMBER, INT):
            return text or None
        return text

    def values(self, names: Iterable[str] | None = None) -> dict[str, Any]:
        wanted = set(names) if names is not None else None
        out = {}
        for spec in self.specs:
            if spec.readonly or (wanted is not None and spec.name not in wanted):
                continue
            if self._participant and spec.consultant_only:
                continue
            out[spec.name] = self.value(spec.name)
        return out

    # ------------------------------------------------------------------ messages
    def show_errors(self, errors: dict[str, str], fallback: str = "") -> list[str]:
        """Show each message under its field; return messages for fields this form lacks."""
        self.clear_errors()
        orphans = []
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is None or not self.editors[name].isVisibleTo(self):
                orphans.append(message)
                continue
            label.setText(message)
            label.show()
        if not errors and fallback:
            orphans.append(fallback)
        first = next((n for n in errors if n in self.editors), None)
        if first:
            self.editors[first].setFocus()
        return orphans

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def set_hint(self, name: str, text: str, *, warning: bool = False) -> None:
        hint = self.hints[name]
        hint.setText(text)
        hint.setStyleSheet(style.colour_css("warning") if warning else style.colour_css("muted"))
        hint.setVisible(bool(text))

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""
