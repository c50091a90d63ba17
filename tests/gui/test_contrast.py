"""Status colours read at WCAG AA (4.5:1) on a light and on a dark desktop theme, and the GUI
names its colours (gui/style.py) instead of writing hex values that only suit a light one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from gui import style

ROOT = Path(__file__).resolve().parents[2]
DARK = {"Window": "#202124", "Base": "#1b1b1d", "WindowText": "#e8eaed", "Text": "#e8eaed"}
LIGHT = {"Window": "#efefef", "Base": "#ffffff", "WindowText": "#000000", "Text": "#000000"}


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp):
    saved = qapp.palette()
    palette = QPalette(saved)
    for role, colour in (DARK if request.param == "dark" else LIGHT).items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(saved)


@pytest.mark.parametrize("name", sorted(style.COLOURS))
@pytest.mark.parametrize("role", [QPalette.ColorRole.Window, QPalette.ColorRole.Base])
def test_every_status_colour_reads_at_aa(themed, name, role):
    colour = style.readable(name, role)
    assert style.contrast(colour, style.background(role)) >= 4.5


def test_the_light_theme_colours_alone_fail_on_a_dark_background(qapp):
    """What the app showed before on a dark theme: 1.7-2.2:1 in places."""
    dark = QColor(DARK["Window"])
    assert style.contrast(QColor(style.COLOURS["error"]), dark) < 3
    assert style.contrast(QColor(style.COLOURS["info"]), dark) < 3


def test_the_gui_writes_no_colour_values_of_its_own():
    literal = re.compile(r"[\"']#[0-9a-fA-F]{3,6}[\"']|color:\s*#[0-9a-fA-F]{3,6}")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "gui").rglob("*.py")
        if path.name not in ("style.py", "icons.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line)
    ]
    assert found == []


def test_icons_are_lightened_on_a_dark_theme(qapp):
    from gui import icons

    saved = qapp.palette()
    palette = QPalette(saved)
    palette.setColor(QPalette.ColorRole.Window, QColor(DARK["Window"]))
    qapp.setPalette(palette)
    try:
        data = bytes(icons._svg("caseload"))
        assert icons.INK.encode() not in data
        pixmap = icons.icon_pixmap("caseload", 48).toImage()
        inked = [
            pixmap.pixelColor(x, y)
            for x in range(48)
            for y in range(48)
            if pixmap.pixelColor(x, y).alpha() > 200
        ]
        assert inked and all(style.contrast(c, QColor(DARK["Window"])) >= 4.5 for c in inked[:50])
    finally:
        qapp.setPalette(saved)
