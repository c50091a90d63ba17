"""Icons from resources/icons/*.svg (drawn for this app), cached per name and size."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer

from core.paths import RESOURCES

ICONS = RESOURCES / "icons"


@cache
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def icon_pixmap(name: str, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent; not Qt.GlobalColor: see gui.qt_names.set_by_name
    path = ICONS / f"{name}.svg"
    if path.exists():
        renderer = QSvgRenderer(str(path))
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
