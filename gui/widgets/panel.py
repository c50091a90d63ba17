"""Building blocks the section views share: a scrolling page and an edit panel (a titled form
with a Save button that saves through one service call and shows "Saved" only after the commit)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.errors import StorageError, ValidationError
from core.i18n import _
from gui import style
from gui.icons import icon
from gui.widgets.form import ERROR_STYLE, FieldSpec, Form

OK_STYLE = style.colour_css("ok")
WARN_STYLE = style.colour_css("warning")


class ScrollPage(QScrollArea):
    """A vertical page of sections that scrolls when the window is small."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget(self)
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(12, 12, 12, 12)
        self.column.setSpacing(14)
        self.setWidget(self.inner)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.column.addWidget(widget, stretch)
        return widget

    def finish(self) -> None:
        self.column.addStretch(1)


def heading(parent: QWidget | None = None, factor: float = 1.5) -> QLabel:
    """A bold heading ``factor`` times the system font (gui.style)."""
    label = QLabel(parent)
    label.setStyleSheet(style.size(factor) + " font-weight: bold;")
    label.setWordWrap(True)
    return label


LRM, RLM = "\u200e", "\u200f"


class SelectableLabel(QLabel):
    """A word-wrapped label whose text can be selected and copied.

    Qt lays selectable text out with a QTextDocument, which takes each paragraph's direction from
    its first strong character, even one inside an isolate (FSI…PDI, ``core.i18n.isolate``): an
    Arabic warning that starts with "KNM" or a person's Latin name read left to right, its parts
    in the wrong order. Every line therefore starts with the mark of the label's own direction
    (RLM or LRM), set again when the direction changes; ``text()`` gives the text without them.
    A line that starts with a mark of its own keeps that direction (see :func:`in_direction`).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._plain = text
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        mark = RLM if rtl else LRM
        # A line that already starts with a mark keeps it: text in another language than the
        # screen's (a Dutch line in an Arabic window) is marked with its own direction.
        lines = (line if line[:1] in (LRM, RLM) else mark + line for line in text.split("\n"))
        super().setText("\n".join(lines) if text else "")

    def text(self) -> str:
        return self._plain

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self.setText(self._plain)


def note_label(parent: QWidget | None = None, style: str = "") -> QLabel:
    label = SelectableLabel(parent=parent)
    if style:
        label.setStyleSheet(style)
    return label


class EditPanel(QGroupBox):
    """A titled form. ``save_values(values)`` is called with what is typed and must run the
    service call through ``ctx.commit``; a ValidationError is shown under the fields."""

    saved = Signal()

    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        save_values: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
        *,
        columns: int = 1,
    ) -> None:
        super().__init__(parent)
        self.title_msgid = title
        self.save_values = save_values
        self.form = Form(specs, self, columns=columns)
        self.save_button = QPushButton(self)
        self.save_button.setIcon(icon("done"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(row)
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.form.edited.connect(lambda _n: self._set_status("", ""))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_(self.title_msgid))
        self.save_button.setText(_("Save"))
        self.save_button.setAccessibleName(_("Save: {what}").format(what=_(self.title_msgid)))
        self.form.retranslate_ui()

    def set_values(self, source: Any, *, force: bool = False) -> None:
        """Show a record; keeps unsaved typing unless ``force`` (another dossier was opened)."""
        if self.form.dirty and not force:
            return
        self.form.set_values(source)
        if force:
            self._set_status("", "")

    def _set_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    def save(self) -> bool:
        self.form.dirty = False  # the commit reloads the dossier: let it refresh this form
        try:
            self.save_values(self.form.values())
        except ValidationError as exc:
            self.form.dirty = True
            orphans = self.form.show_errors(exc.errors, str(exc))
            self._set_status(
                "\n".join(orphans) or _("Not saved: please correct the marked fields."), ERROR_STYLE
            )
            return False
        except StorageError as exc:
            # a lost connection or a full disk: what was typed stays, Save tries again
            self.form.dirty = True
            self._set_status(str(exc), ERROR_STYLE)
            return False
        self.form.clear_errors()
        self._set_status("✓ " + _("Saved"), OK_STYLE)
        self.saved.emit()
        return True


def in_direction(text: str, rtl: bool) -> str:
    """``text`` marked to read in its own direction inside a :class:`SelectableLabel`, whatever
    the screen's direction: for lines in the person's language next to the screen's."""
    return (RLM if rtl else LRM) + text
