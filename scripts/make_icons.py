"""Render resources/icons/app.svg into the hicolor PNG sizes desktop packagers install.

    .venv/bin/python scripts/make_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/<APP_DESKTOP_ID>.png (committed: packagers need them
without Qt). The SVG itself installs as hicolor/scalable/apps/<APP_DESKTOP_ID>.svg.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from core import APP_DESKTOP_ID  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)
SVG = ROOT / "resources" / "icons" / "app.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_DESKTOP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
