"""Text sizes relative to the system font, never fixed points.

A person who set a larger font in their desktop (or a 150 % scaling) gets every heading and the
participant mode's bigger text in proportion; ``size(1.5)`` is one and a half times the base font.
Hard-coded ``font-size: 15pt`` would ignore that setting and break layouts at other sizes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

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


# --------------------------------------------------------------------------- colours
# Status colours are named once, for a light background; on a dark one (a dark desktop theme)
# they are lightened until they reach WCAG AA contrast (4.5:1) against the palette's background,
# so red, amber and green stay red, amber and green and stay readable.
COLOURS = {
    "error": "#b3261e",
    "warning": "#8a5300",
    "ok": "#1b6e2a",
    "info": "#0b4f8a",
    "muted": "#555555",
}
AA = 4.5


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def background(role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return QColor("white")
    return app.palette().color(role)


def readable(colour: str, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """``colour`` (a name from COLOURS or a #rrggbb), made lighter or darker until it reads at
    4.5:1 against the palette's background for ``role`` (Window for labels, Base for tables)."""
    fg = QColor(COLOURS.get(colour, colour))
    bg = background(role)
    dark_background = _luminance(bg) < 0.18
    for _step in range(40):
        if contrast(fg, bg) >= AA:
            return fg
        fg = fg.lighter(112) if dark_background else fg.darker(112)
        if dark_background and fg.lightness() >= 250:
            return QColor("white")
    return fg


def colour_css(colour: str, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """A style-sheet ``color:`` that reads well on this palette (see :func:`readable`)."""
    return f"color: {readable(colour, role).name()};"
