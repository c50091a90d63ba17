"""What every window and view shares: the store, the settings, the mode, and the one way to
save (so the "saved" state is only shown after the commit, and errors are shown in one place)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core import paths
from core.errors import ValidationError
from core.settings import Settings

if TYPE_CHECKING:  # the window paints before SQLAlchemy is loaded (gui/app.py)
    from core.services.store import Store


class AppSignals(QObject):
    dossier_changed = Signal(int)  # a service call committed a change to this dossier
    dossier_opened = Signal(int)
    saved = Signal(str)  # a translated "saved" message, emitted after the commit
    language_changed = Signal(str)
    mode_changed = Signal(str)


@dataclass
class UndoItem:
    label: str
    undo: Callable[[], Any]
    # The change itself, done again by Redo; AppContext.commit fills it with the action it ran.
    redo: Callable[[], Any] | None = None


@dataclass
class AppContext:
    store: Store
    settings: Settings
    signals: AppSignals = field(default_factory=AppSignals)
    undo_stack: list[UndoItem] = field(default_factory=list)
    redo_stack: list[UndoItem] = field(default_factory=list)
    today_override: dt.date | None = None  # tests and screenshots pin the date

    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    @property
    def consultant_mode(self) -> bool:
        return self.settings.mode == "consultant"

    def save_settings(self) -> None:
        self.settings.save(paths.current().settings_file)

    def commit(
        self,
        dossier_id: int | None,
        action: Callable[[], Any],
        *,
        saved_text: str,
        undo: UndoItem | None = None,
        keep_redo: bool = False,
    ) -> Any:
        """Run one service call (one transaction). ValidationError propagates to the caller,
        which shows it next to the field and keeps what was typed; the saved signal is only
        emitted after the call returned, i.e. after the commit."""
        result = action()
        if undo is not None:
            if undo.redo is None:
                undo.redo = action
            self.undo_stack.append(undo)
            del self.undo_stack[:-20]
        if not keep_redo:
            self.redo_stack.clear()  # a new change: what was undone before cannot come back
        self.signals.saved.emit(saved_text)
        if dossier_id is not None:
            self.signals.dossier_changed.emit(dossier_id)
        return result

    def undo(self, item: UndoItem, dossier_id: int | None, *, saved_text: str) -> Any:
        """Undo ``item`` (the newest, or one a view offers itself); Redo can do it again."""
        if item in self.undo_stack:
            self.undo_stack.remove(item)
        result = self.commit(dossier_id, item.undo, saved_text=saved_text, keep_redo=True)
        if item.redo is not None:
            self.redo_stack.append(item)
        return result

    def redo(self, dossier_id: int | None, *, saved_text: str) -> Any:
        """Do the newest undone change again; it can be undone again."""
        item = self.redo_stack.pop()
        assert item.redo is not None
        return self.commit(dossier_id, item.redo, saved_text=saved_text, undo=item, keep_redo=True)


__all__ = ["AppContext", "AppSignals", "UndoItem", "ValidationError"]
