"""Icons from resources/icons/*.svg (drawn for this app), cached per name and size.

They are drawn in one slate colour for light themes; on a dark theme that colour is lightened
to read at 4.5:1 against the window (gui/style.py), so the navigation stays visible."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer

from core.paths import RESOURCES

ICONS = RESOURCES / "icons"
INK = "#44546a"  # the colour every icon is drawn in
SIZES = (16, 22, 24, 32, 48)


def _dark_theme() -> bool:
    from gui import style

    return style.contrast(QColor(INK), style.background()) < 3.0


def _svg(name: str) -> QByteArray | None:
    """The icon's SVG, its ink lightened when the theme is dark."""
    path = ICONS / f"{name}.svg"
    if not path.exists():
        return None
    data = path.read_bytes()
    if _dark_theme():
        import re

        from gui import style

        def lighten(match: re.Match[bytes]) -> bytes:
            colour = match.group(0).decode()
            if QColor(colour).lightness() > 160:  # a pale fill: it is a background, keep it
                return match.group(0)
            return style.readable(colour).name().encode()

        data = re.sub(rb"#[0-9a-fA-F]{6}\b", lighten, data)
    return QByteArray(data)


@cache
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    if not path.exists():
        return QIcon()
    if not _dark_theme():
        return QIcon(str(path))
    themed = QIcon()
    for size in SIZES:
        themed.addPixmap(icon_pixmap(name, size))
    return themed


def icon_pixmap(name: str, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent; not Qt.GlobalColor: see gui.qt_names.set_by_name
    data = _svg(name)
    if data is not None:
        renderer = QSvgRenderer(data)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
    return pixmap


def directional_icon(name: str, rtl: bool) -> QIcon:
    """An arrow-like icon, mirrored for right-to-left layouts (Qt does not mirror icons)."""
    if not rtl:
        return icon(name)
    pixmap = icon_pixmap(name, 48).transformed(QTransform().scale(-1, 1))
    return QIcon(pixmap)
