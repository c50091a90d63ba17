"""Register the bundled Noto fonts with Qt, so every script renders without system fonts.

A machine without an Ethiopic font would show Tigrinya as empty boxes; with the application font
set to a list of families, Qt falls back per character from the script's own family to the others.

At start-up only the files of the interface language's family and of Noto Sans (Latin: names,
numbers, Dutch terms) are read before the first window paints; the app registers the others just
after that paint (gui/app.py). Every other caller gets every file at once.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.fonts import UI_FALLBACK_FAMILIES, font_files, ui_families

log = logging.getLogger(__name__)
_registered: dict[str, list[str]] = {}  # file name -> families Qt found in it


def register_bundled_fonts(families: Collection[str] | None = None) -> list[str]:
    """Add the bundled font files of ``families`` (default: every file) to Qt's database, each
    file once; returns the families now available."""
    for font in font_files():
        if font.filename in _registered or (families is not None and font.family not in families):
            continue
        font_id = QFontDatabase.addApplicationFont(str(font.path))
        if font_id < 0:
            log.warning("could not load bundled font %s", font.filename)
            _registered[font.filename] = []
            continue
        _registered[font.filename] = list(QFontDatabase.applicationFontFamilies(font_id))
    return sorted({family for families in _registered.values() for family in families})


def first_frame_families(code: str) -> list[str]:
    """The families the first window in language ``code`` draws with: its script's, and Latin."""
    first = ui_families(code)[0]
    return [first] if first == "Noto Sans" else [first, "Noto Sans"]


def ui_font(code: str, base: QFont | None = None) -> QFont:
    """``base`` (or the application font) with the family list for language ``code``."""
    font = QFont(base) if base is not None else QFont(QApplication.font())
    font.setFamilies(ui_families(code))
    return font


def apply_fonts(app: QApplication, code: str, *, first_frame: bool = False) -> QFont:
    """Register the fonts and make the application font fall back across every bundled script.
    ``first_frame``: register only what language ``code`` needs now; the caller registers the
    rest (:func:`register_bundled_fonts`) once the window has painted."""
    register_bundled_fonts(first_frame_families(code) if first_frame else None)
    for family in UI_FALLBACK_FAMILIES:
        QFont.insertSubstitutions(family, [f for f in UI_FALLBACK_FAMILIES if f != family])
    font = ui_font(code, app.font())
    app.setFont(font)
    return font
