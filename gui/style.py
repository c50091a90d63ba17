"""Text sizes relative to the system font, never fixed points.

A person who set a larger font in their desktop (or a 150 % scaling) gets every heading and the
participant mode's bigger text in proportion; ``size(1.5)`` is one and a half times the base font.
Hard-coded ``font-size: 15pt`` would ignore that setting and break layouts at other sizes.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

FALLBACK_PT = 10.0  # before a QGuiApplication exists (never shown)


def base_pt() -> float:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return FALLBACK_PT
    size = app.font().pointSizeF()
    return size if size > 0 else FALLBACK_PT


def size(factor: float) -> str:
    """A style-sheet ``font-size`` ``factor`` times the system font."""
    return f"font-size: {base_pt() * factor:.1f}pt;"


def points(factor: float) -> float:
    return round(base_pt() * factor, 1)
