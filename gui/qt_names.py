"""Setting Qt enum properties by name, so the first window never builds PySide's ``Qt`` namespace."""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_by_name(obj: QObject, prop: str, key: str) -> None:
    """``obj.prop = key``, an enum value given by its name through Qt's meta-object. The first
    window sets its few ``Qt.*`` values this way: PySide builds the Python enums of the whole
    ``Qt`` namespace (~90 of them, ~20 ms) the first time it is touched, which can wait."""
    if not obj.setProperty(prop, key):
        raise ValueError(f"{type(obj).__name__}.{prop} has no value {key!r}")
