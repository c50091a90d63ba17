"""Someone else saved the same record in the meantime (``core.errors.ConflictError``): the
question every form asks, with each field's value saved by the other and the one typed here.

The person form and every record dialog ask it the same way; Yes keeps what was typed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import ConflictError
from core.i18n import _, format_date, format_number
from core.labels import label
from core.models.fields import field_info


def shown(model: type, name: str, value: Any) -> str:
    """A stored or typed value as the form shows it: coded values by their label, dates in the
    language's format, yes/no; nothing is a dash."""
    if value is None or value == "" or value == []:
        return "—"
    info = field_info(model, name)
    if info is not None and info.enum is not None and isinstance(value, str):
        return label(info.enum, value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def conflict_text(exc: ConflictError, model: type) -> str:
    """The message, each field with the value saved by the other and the one typed here, and
    the question (Yes: keep what was typed here)."""
    lines = [str(exc), ""]
    for name, (theirs, mine) in exc.conflicts.items():
        info = field_info(model, name)
        field = _(info.label) if info is not None else name
        lines.append(f"{field}: {shown(model, name, theirs)} → {shown(model, name, mine)}")
    lines += ["", _("Save your values over theirs?")]
    return "\n".join(lines)


def question(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or No (tests replace this, as they replace ``gui.dialogs.common.ask_yes_no``)."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def keep_mine(parent: QWidget | None, exc: ConflictError, model: type) -> bool:
    """Show both values of each field; True when the person keeps what they typed."""
    return question(parent, _("Blauwe Map"), conflict_text(exc, model))
